package io.sparkxai.concepts.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The generators against torch_explain's formulas, checked from the outside: the
 * hidden draws are recovered from the features and the concepts and labels recomputed.
 */
class ConceptDatasetTest {

  private static final int ROWS = 20_000;

  /** Inverts t ↦ sin t + t (monotone: derivative 1 + cos t ≥ 0) by bisection. */
  private static double invertSinPlus(double v) {
    double lo = -100;
    double hi = 100;
    for (int i = 0; i < 200; i++) {
      double mid = (lo + hi) / 2;
      if (Math.sin(mid) + mid < v) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  @Test
  void xorFollowsItsFormula() {
    double[] x = new double[2];
    int[] c = new int[2];
    double sum = 0;
    for (int i = 0; i < ROWS; i++) {
      int y = ConceptDataset.XOR.row(7, i, x, c);
      assertTrue(x[0] >= 0 && x[0] < 1 && x[1] >= 0 && x[1] < 1);
      assertEquals(x[0] > 0.5 ? 1 : 0, c[0]);
      assertEquals(x[1] > 0.5 ? 1 : 0, c[1]);
      assertEquals(c[0] ^ c[1], y);
      sum += x[0];
    }
    assertEquals(0.5, sum / ROWS, 0.01, "U(0,1) mean");
  }

  @Test
  void trigonometryFollowsItsFormula() {
    double[] x = new double[7];
    int[] c = new int[3];
    double sum = 0;
    double squares = 0;
    for (int i = 0; i < ROWS; i++) {
      int y = ConceptDataset.TRIGONOMETRY.row(3, i, x, c);
      double a = invertSinPlus(x[0]);
      double b = invertSinPlus(x[2]);
      double d = invertSinPlus(x[4]);
      // the inversion is ill-conditioned where cos t = -1 (the derivative vanishes): loose tolerances
      assertEquals(Math.cos(a) + a, x[1], 1e-5);
      assertEquals(Math.cos(b) + b, x[3], 1e-5);
      assertEquals(Math.cos(d) + d, x[5], 1e-5);
      assertEquals(a * a + b * b + d * d, x[6], 1e-4);
      assertArrayEquals(new int[] {a > 0 ? 1 : 0, b > 0 ? 1 : 0, d > 0 ? 1 : 0}, c);
      if (Math.abs(a + b + d - 1) > 1e-4) {
        assertEquals(a + b + d > 1 ? 1 : 0, y);
      }
      sum += a;
      squares += a * a;
    }
    assertEquals(0, sum / ROWS, 0.05, "hidden draws are N(0, 2²): mean");
    assertEquals(4, squares / ROWS, 0.15, "hidden draws are N(0, 2²): variance");
  }

  @Test
  void dotFollowsItsFormula() {
    double[] x = new double[4];
    int[] c = new int[2];
    double squares = 0;
    for (int i = 0; i < ROWS; i++) {
      int y = ConceptDataset.DOT.row(11, i, x, c);
      double[] v1 = {(x[0] + x[2]) / 2, (x[1] + x[3]) / 2};
      double[] v3 = {(x[0] - x[2]) / 2, (x[1] - x[3]) / 2};
      assertEquals(v1[0] + v1[1] > 0 ? 1 : 0, c[0]);
      assertEquals(-v3[0] - v3[1] > 0 ? 1 : 0, c[1]);
      assertEquals(v1[0] * v3[0] + v1[1] * v3[1] > 0 ? 1 : 0, y);
      squares += v1[0] * v1[0];
    }
    assertEquals(4, squares / ROWS, 0.15, "v₁ ~ 2·N(0, 1): variance 4");
  }

  @Test
  void rowsDependOnlyOnSeedAndIndex() {
    double[] a = new double[7];
    double[] b = new double[7];
    int[] ca = new int[3];
    int[] cb = new int[3];
    for (long i : new long[] {0, 1, 999, 123_456_789}) {
      ConceptDataset.TRIGONOMETRY.row(5, i, a, ca);
      ConceptDataset.TRIGONOMETRY.row(5, i, b, cb);
      assertArrayEquals(a, b);
      ConceptDataset.TRIGONOMETRY.row(6, i, b, cb);
      assertNotEquals(a[0], b[0], "another seed gives another row");
    }
    // The seed is honoured for dot too (torch_explain's dot ignores it).
    double[] d1 = new double[4];
    double[] d2 = new double[4];
    ConceptDataset.DOT.row(1, 0, d1, new int[2]);
    ConceptDataset.DOT.row(2, 0, d2, new int[2]);
    assertNotEquals(d1[0], d2[0]);
  }

  @Test
  void namesAndSizes() {
    assertEquals(ConceptDataset.TRIGONOMETRY, ConceptDataset.of("Trigonometry"));
    assertEquals(7, ConceptDataset.TRIGONOMETRY.numFeatures());
    assertEquals(4, ConceptDataset.DOT.numFeatures());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConceptDataset.of("mnist"));
    assertTrue(e.getMessage().contains("xor, trigonometry, dot"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ConceptDataset.XOR.row(1, 0, new double[3], new int[2]));
  }
}
