package io.sparkxai.ebm.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The kernels: the reference against values computed here by the formulas of {@link Objective}, the
 * other kernels against the reference on random inputs (tolerance 1e-12 relative), and selection.
 * The vector kernel needs C2, so its test (tag "c2") runs in the C2 test JVM.
 */
class KernelTest {

  private final HistogramKernel java = new JavaKernel();

  @Test
  void referenceFusedStepMatchesTheFormulas() {
    short[] apply = {0, 1, 1};
    double[] update = {0.5, -1.0};
    double[] scores = {0.0, 2.0, -1.0};
    double[] labels = {1, 0, 1};
    double[] weights = {1, 2, 0.5};
    short[] hcodes = {1, 0, 1};
    double[] hist = new double[4];
    java.applyGradientsHistogram(Objective.LOGISTIC, 1, apply, update, scores, labels, weights, hcodes, hist, 0, 3);
    double p0 = 1 / (1 + Math.exp(-0.5));
    double p1 = 1 / (1 + Math.exp(-1.0));
    double p2 = 1 / (1 + Math.exp(2.0));
    assertEquals(2 * (p1 - 0), hist[0], 1e-15);
    assertEquals(2 * p1 * (1 - p1), hist[1], 1e-15);
    assertEquals((p0 - 1) + 0.5 * (p2 - 1), hist[2], 1e-15);
    assertEquals(p0 * (1 - p0) + 0.5 * p2 * (1 - p2), hist[3], 1e-15);
    assertEquals(0.5, scores[0], 0);
    double loss = java.applyAndLoss(Objective.LOGISTIC, 1, null, null, scores, labels, weights, 0, 3);
    assertEquals(Math.log1p(Math.exp(-0.5)) + 2 * Math.log1p(Math.exp(1.0)) + 0.5 * Math.log1p(Math.exp(2.0)), loss,
        1e-14);
    double[] grad = new double[3];
    double[] hess = new double[3];
    java.applyAndGradients(Objective.SQUARED, 1, null, null, scores, labels, null, grad, hess, 0, 3);
    assertEquals(0.5 - 1, grad[0], 0);
    assertEquals(1, hess[2], 0);
  }

  @Test
  void softmaxGradientsSumToZeroOverClasses() {
    double[] scores = {1, 2, 3, 0, 0, 0};
    double[] labels = {2, 0};
    double[] grad = new double[6];
    double[] hess = new double[6];
    java.applyAndGradients(Objective.SOFTMAX, 3, null, null, scores, labels, null, grad, hess, 0, 2);
    assertEquals(0, grad[0] + grad[1] + grad[2], 1e-15);
    assertEquals(1.0 / 3 - 1, grad[3], 1e-15);
    double loss = java.applyAndLoss(Objective.SOFTMAX, 3, null, null, scores, labels, null, 0, 2);
    assertEquals(-Math.log(Math.exp(3) / (Math.exp(1) + Math.exp(2) + Math.exp(3))) + Math.log(3), loss, 1e-13);
  }

  @Test
  @Tag("c2")
  void vectorKernelMatchesTheReference() {
    HistogramKernel vector = new VectorKernel();
    assumeTrue(vector.isAvailable(), "needs the Vector API and C2: " + vector.unavailableReason());
    Random r = new Random(7);
    int n = 10_007;
    for (Objective o : List.of(Objective.LOGISTIC, Objective.SQUARED)) {
      short[] a = new short[n];
      short[] b = new short[n];
      double[] s1 = new double[n];
      double[] labels = new double[n];
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        a[i] = (short) r.nextInt(50);
        b[i] = (short) r.nextInt(300);
        s1[i] = r.nextGaussian() * 3;
        labels[i] = o == Objective.LOGISTIC ? r.nextInt(2) : r.nextGaussian();
        w[i] = r.nextDouble();
      }
      double[] s2 = s1.clone();
      double[] update = new double[50];
      for (int i = 0; i < 50; i++) {
        update[i] = r.nextGaussian() * 0.1;
      }
      double[] h1 = new double[600];
      double[] h2 = new double[600];
      java.applyGradientsHistogram(o, 1, a, update, s1, labels, w, b, h1, 3, n);
      vector.applyGradientsHistogram(o, 1, a, update, s2, labels, w, b, h2, 3, n);
      for (int i = 0; i < 600; i++) {
        assertEquals(h1[i], h2[i], 1e-12 * Math.max(1, Math.abs(h1[i])), o + " hist " + i);
      }
      double l1 = java.applyAndLoss(o, 1, a, update, s1, labels, w, 0, n);
      double l2 = vector.applyAndLoss(o, 1, a, update, s2, labels, w, 0, n);
      assertEquals(l1, l2, 1e-12 * Math.abs(l1), o + " loss");
    }
  }

  @Test
  void selectionForcesByNameAndExplainsRefusals() {
    List<HistogramKernel> all = Kernels.all();
    assertTrue(all.stream().anyMatch(k -> k.name().equals("java")));
    assertEquals("java", Kernels.choose("java", all).name());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Kernels.choose("gpu", all));
    assertTrue(unknown.getMessage().contains("unknown kernel") && unknown.getMessage().contains("java"),
        unknown.getMessage());
    HistogramKernel vector = new VectorKernel();
    if (!vector.isAvailable()) {
      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
          () -> Kernels.choose("vector", all));
      assertTrue(refused.getMessage().contains(vector.unavailableReason()), refused.getMessage());
    }
    assertTrue(Kernels.choose(null, all).isAvailable());
  }
}
