package io.sparkxai.ebm.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Checks shared by the kernel tests: a kernel against {@link JavaKernel} (the reference) on random
 * inputs, its refusal of non-finite scores, and edge cases.
 *
 * <p>Tolerances: scores after an update must be <em>equal</em> (the contract fixes the float rounding);
 * per-row gradients and hessians within {@value #ROW_TOLERANCE} relative (the kernels' exponentials
 * differ by a few units in the last place); histogram cells within {@code tolerance} times the sum of
 * the magnitudes of what went into the cell (the summation order differs, and gradient sums cancel);
 * losses within {@code tolerance} relative (every term is positive).
 */
final class KernelAgreement {

  static final double ROW_TOLERANCE = 1e-14;
  static final int[] CELLS = {1, 7, 300, 2000, 5000};

  private KernelAgreement() {}

  /** Random rows of an objective: n rows, k scores each, labels, weights (or null), scores. */
  static KernelRows rows(Objective o, int n, boolean weighted, SplittableRandom r) {
    int k = o == Objective.SOFTMAX ? 3 : 1;
    double[] labels = new double[n];
    double[] weights = weighted ? new double[n] : null;
    float[] scores = new float[n * k];
    for (int i = 0; i < n; i++) {
      labels[i] = switch (o) {
        case LOGISTIC -> r.nextInt(2);
        case SQUARED -> r.nextGaussian() * 2 + 1;
        case SOFTMAX -> r.nextInt(k);
      };
      if (weighted) {
        weights[i] = r.nextInt(10) == 0 ? 0.0 : r.nextDouble() * 3;
      }
    }
    for (int i = 0; i < scores.length; i++) {
      // mostly moderate scores, some far out where sigmoid saturates
      scores[i] = (float) (r.nextInt(50) == 0 ? r.nextGaussian() * 40 : r.nextGaussian() * 3);
    }
    return KernelRows.of(o, k, labels, weights, scores);
  }

  static short[] codes(int n, int cells, SplittableRandom r) {
    short[] c = new short[n];
    for (int i = 0; i < n; i++) {
      // a skewed distribution: a third of the rows in one cell
      c[i] = (short) (r.nextInt(3) == 0 ? cells / 2 : r.nextInt(cells));
    }
    return c;
  }

  static double[] update(int cells, int k, SplittableRandom r) {
    double[] u = new double[cells * k];
    for (int i = 0; i < u.length; i++) {
      u[i] = r.nextGaussian() * 0.2;
    }
    return u;
  }

  /** {@code kernel} against the reference on every objective, weighting, update and cell count. */
  static void matchesReference(HistogramKernel kernel, double tolerance) {
    HistogramKernel ref = new JavaKernel();
    SplittableRandom r = new SplittableRandom(7);
    int n = 10_007;
    int from = 3;
    for (Objective o : Objective.values()) {
      for (boolean weighted : new boolean[] {false, true}) {
        for (int cells : CELLS) {
          String what = kernel.name() + " " + o + (weighted ? " weighted" : "") + " cells " + cells;
          KernelRows a = rows(o, n, weighted, r);
          KernelRows b = a.withScores(a.scores().clone());
          int k = a.k();
          short[] apply = codes(n, cells, r);
          short[] hcodes = codes(n, cells, r);
          double[] update = update(cells, k, r);

          // gradients (with an update applied): the same scores, the same gradients within a few ulp
          double[] g1 = new double[n * k];
          double[] h1 = new double[n * k];
          double[] g2 = new double[n * k];
          double[] h2 = new double[n * k];
          ref.applyAndGradients(a, apply, update, g1, h1, from, n);
          kernel.applyAndGradients(b, apply, update, g2, h2, from, n);
          assertArrayEquals(a.scores(), b.scores(), what + ": scores after the update");
          for (int i = from * k; i < n * k; i++) {
            assertEquals(g1[i], g2[i], ROW_TOLERANCE * Math.abs(g1[i]) + 1e-300, what + " gradient " + i);
            assertEquals(h1[i], h2[i], ROW_TOLERANCE * Math.abs(h1[i]) + 1e-300, what + " hessian " + i);
          }

          // histograms of stored gradients (the gain passes)
          double[] sh1 = new double[cells * k * 2];
          double[] sh2 = new double[cells * k * 2];
          double[] sbound = new double[cells * k * 2];
          ref.histogram(k, hcodes, g1, h1, sh1, from, n);
          kernel.histogram(k, hcodes, g1, h1, sh2, from, n);
          for (int i = from; i < n; i++) {
            for (int c = 0; c < k; c++) {
              sbound[(hcodes[i] * k + c) * 2] += Math.abs(g1[i * k + c]);
              sbound[(hcodes[i] * k + c) * 2 + 1] += Math.abs(h1[i * k + c]);
            }
          }
          for (int j = 0; j < sh1.length; j++) {
            assertEquals(sh1[j], sh2[j], tolerance * sbound[j] + 1e-300, what + " stored histogram " + j);
          }

          // the fused step, with and without an update
          for (boolean applying : new boolean[] {true, false}) {
            double[] hist1 = new double[cells * k * 2];
            double[] hist2 = new double[cells * k * 2];
            ref.applyGradientsHistogram(a, applying ? apply : null, update, hcodes, hist1, from, n);
            kernel.applyGradientsHistogram(b, applying ? apply : null, update, hcodes, hist2, from, n);
            assertArrayEquals(a.scores(), b.scores(), what + ": scores after the fused step");
            double[] bound = magnitudes(ref, a, hcodes, cells, from, n);
            for (int j = 0; j < hist1.length; j++) {
              assertEquals(hist1[j], hist2[j], tolerance * bound[j] + 1e-300, what + " histogram " + j);
            }
          }

          double l1 = ref.applyAndLoss(a, apply, update, from, n);
          double l2 = kernel.applyAndLoss(b, apply, update, from, n);
          assertArrayEquals(a.scores(), b.scores(), what + ": scores after the loss");
          assertEquals(l1, l2, tolerance * Math.abs(l1), what + " loss");
        }
      }
    }
  }

  /** Per histogram value, the sum of the magnitudes of the rows' contributions (the reference's). */
  private static double[] magnitudes(HistogramKernel ref, KernelRows rows, short[] codes, int cells, int from,
      int to) {
    int k = rows.k();
    KernelRows copy = rows.withScores(rows.scores().clone());
    double[] g = new double[to * k];
    double[] h = new double[to * k];
    ref.applyAndGradients(copy, null, null, g, h, from, to);
    double[] out = new double[cells * k * 2];
    for (int i = from; i < to; i++) {
      for (int c = 0; c < k; c++) {
        int cell = (codes[i] * k + c) * 2;
        out[cell] += Math.abs(g[i * k + c]);
        out[cell + 1] += Math.abs(h[i * k + c]);
      }
    }
    return out;
  }

  /** A NaN score, or an update that overflows a float, is refused, naming the row. */
  static void refusesNonFiniteScores(HistogramKernel kernel) {
    SplittableRandom r = new SplittableRandom(11);
    for (Objective o : Objective.values()) {
      KernelRows rows = rows(o, 100, false, r);
      int k = rows.k();
      rows.scores()[37 * k] = Float.NaN;
      short[] codes = new short[100];
      double[] hist = new double[2 * k];
      KernelException e = assertThrows(KernelException.class,
          () -> kernel.applyGradientsHistogram(rows, null, null, codes, hist, 0, 100), kernel.name() + " " + o);
      assertEquals(KernelException.Reason.NON_FINITE_SCORE, e.reason());
      assertTrue(e.getMessage().contains("row 37"), e.getMessage());
      assertThrows(KernelException.class, () -> kernel.applyAndLoss(rows, null, null, 0, 100));

      KernelRows fine = rows(o, 100, false, r);
      double[] huge = new double[k];
      Arrays.fill(huge, 1e300);
      KernelException overflow = assertThrows(KernelException.class,
          () -> kernel.applyAndGradients(fine, codes, huge, new double[100 * k], new double[100 * k], 0, 100));
      assertTrue(overflow.getMessage().contains("row 0") && overflow.getMessage().contains("Infinity"),
          overflow.getMessage());
    }
  }

  /** No rows, one bin, all weights zero. */
  static void edgeCases(HistogramKernel kernel) {
    HistogramKernel ref = new JavaKernel();
    SplittableRandom r = new SplittableRandom(13);
    for (Objective o : Objective.values()) {
      KernelRows rows = rows(o, 5000, false, r);
      int k = rows.k();
      float[] before = rows.scores().clone();
      short[] codes = codes(5000, 4, r);
      double[] update = update(4, k, r);
      double[] hist = new double[4 * k * 2];
      kernel.applyGradientsHistogram(rows, codes, update, codes, hist, 17, 17);
      assertArrayEquals(new double[hist.length], hist, o + ": no rows, nothing added");
      assertArrayEquals(before, rows.scores(), o + ": no rows, no score changed");
      assertEquals(0.0, kernel.applyAndLoss(rows, codes, update, 17, 17), o + ": no rows, zero loss");

      short[] oneBin = new short[5000];
      double[] h1 = new double[k * 2];
      double[] h2 = new double[k * 2];
      ref.applyGradientsHistogram(rows.withScores(rows.scores().clone()), null, null, oneBin, h1, 0, 5000);
      kernel.applyGradientsHistogram(rows, null, null, oneBin, h2, 0, 5000);
      for (int j = 0; j < h1.length; j++) {
        assertEquals(h1[j], h2[j], 1e-12 * 5000, o + ": one bin, value " + j);
      }

      double[] zeros = new double[5000];
      double[] labels = new double[5000];
      for (int i = 0; i < 5000; i++) {
        labels[i] = rows.label(i);
      }
      KernelRows weightless = KernelRows.of(o, k, labels, zeros, rows.scores().clone());
      double[] hz = new double[4 * k * 2];
      kernel.applyGradientsHistogram(weightless, codes, update, codes, hz, 0, 5000);
      for (double v : hz) {
        assertEquals(0.0, v, 0.0, o + ": all weights 0");
      }
      assertEquals(0.0, kernel.applyAndLoss(weightless, null, null, 0, 5000), 0.0, o + ": all weights 0, loss");
    }
  }
}
