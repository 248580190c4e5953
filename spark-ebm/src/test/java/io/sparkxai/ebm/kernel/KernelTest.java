package io.sparkxai.ebm.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The reference kernel against values computed here by the formulas of {@link Objective}, the vector
 * kernel against the reference on random inputs ({@link KernelAgreement}), the rows' checks, and
 * selection. The vector kernel needs C2, so its test (tag "c2") runs in the C2 test JVM.
 */
class KernelTest {

  private final HistogramKernel java = new JavaKernel();

  private static float[] floats(double... v) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return f;
  }

  @Test
  void referenceFusedStepMatchesTheFormulas() {
    short[] apply = {0, 1, 1};
    double[] update = {0.5, -1.0};
    float[] scores = floats(0.0, 2.0, -1.0);
    KernelRows rows = KernelRows.of(Objective.LOGISTIC, 1, new double[] {1, 0, 1}, new double[] {1, 2, 0.5}, scores);
    short[] hcodes = {1, 0, 1};
    double[] hist = new double[4];
    java.applyGradientsHistogram(rows, apply, update, hcodes, hist, 0, 3);
    double p0 = 1 / (1 + Math.exp(-0.5));
    double p1 = 1 / (1 + Math.exp(-1.0));
    double p2 = 1 / (1 + Math.exp(2.0));
    assertEquals(2 * (p1 - 0), hist[0], 1e-15);
    assertEquals(2 * p1 * (1 - p1), hist[1], 1e-15);
    assertEquals((p0 - 1) + 0.5 * (p2 - 1), hist[2], 1e-15);
    assertEquals(p0 * (1 - p0) + 0.5 * p2 * (1 - p2), hist[3], 1e-15);
    assertArrayEquals(floats(0.5, 1.0, -2.0), scores, "scores updated and stored as float");
    double loss = java.applyAndLoss(rows, null, null, 0, 3);
    assertEquals(Math.log1p(Math.exp(-0.5)) + 2 * Math.log1p(Math.exp(1.0)) + 0.5 * Math.log1p(Math.exp(2.0)), loss,
        1e-14);
    double[] grad = new double[3];
    double[] hess = new double[3];
    KernelRows squared = KernelRows.of(Objective.SQUARED, 1, new double[] {1, 0, 1}, null, scores);
    java.applyAndGradients(squared, null, null, grad, hess, 0, 3);
    assertEquals(0.5 - 1, grad[0], 0);
    assertEquals(1, hess[2], 0);
  }

  @Test
  void logisticGradientsStayExactFarFromZero() {
    // with p = 1 - 1e-12 the textbook p (1 - p) loses all digits of 1 - p; e * sigma(|s|) does not
    float[] scores = floats(27.6, -27.6, 800, -800);
    KernelRows rows = KernelRows.of(Objective.LOGISTIC, 1, new double[] {1, 0, 1, 0}, null, scores);
    double[] grad = new double[4];
    double[] hess = new double[4];
    java.applyAndGradients(rows, null, null, grad, hess, 0, 4);
    double q = Math.exp(-(double) scores[0]) / (1 + Math.exp(-(double) scores[0]));
    assertEquals(-q, grad[0], 1e-15 * q);
    assertEquals(q, grad[1], 1e-15 * q);
    assertEquals(q * (1 - q), hess[0], 1e-15 * q);
    assertEquals(0.0, hess[2], "saturated, not NaN");
    assertEquals(0.0, grad[2], 0.0);
  }

  @Test
  void softmaxGradientsSumToZeroOverClasses() {
    float[] scores = floats(1, 2, 3, 0, 0, 0);
    KernelRows rows = KernelRows.of(Objective.SOFTMAX, 3, new double[] {2, 0}, null, scores);
    double[] grad = new double[6];
    double[] hess = new double[6];
    java.applyAndGradients(rows, null, null, grad, hess, 0, 2);
    assertEquals(0, grad[0] + grad[1] + grad[2], 1e-15);
    assertEquals(1.0 / 3 - 1, grad[3], 1e-15);
    double loss = java.applyAndLoss(rows, null, null, 0, 2);
    assertEquals(-Math.log(Math.exp(3) / (Math.exp(1) + Math.exp(2) + Math.exp(3))) + Math.log(3), loss, 1e-13);
  }

  @Test
  void rowsRefuseLabelsAndWeightsTheObjectiveCannotTake() {
    float[] s = new float[2];
    IllegalArgumentException binary = assertThrows(IllegalArgumentException.class,
        () -> KernelRows.of(Objective.LOGISTIC, 1, new double[] {0, 2}, null, s));
    assertTrue(binary.getMessage().contains("row 1") && binary.getMessage().contains("2.0"), binary.getMessage());
    IllegalArgumentException cls = assertThrows(IllegalArgumentException.class,
        () -> KernelRows.of(Objective.SOFTMAX, 2, new double[] {0, 1.5}, null, new float[4]));
    assertTrue(cls.getMessage().contains("class index in [0, 2)"), cls.getMessage());
    IllegalArgumentException weight = assertThrows(IllegalArgumentException.class,
        () -> KernelRows.of(Objective.SQUARED, 1, new double[] {0, 1}, new double[] {1, -1}, s));
    assertTrue(weight.getMessage().contains("weight of row 1"), weight.getMessage());
    assertThrows(IllegalArgumentException.class, () -> KernelRows.of(Objective.SQUARED, 1, new double[3], null, s));
  }

  @Test
  void referenceRefusesNonFiniteScores() {
    KernelAgreement.refusesNonFiniteScores(java);
  }

  @Test
  void referenceHandlesEdgeCases() {
    KernelAgreement.edgeCases(java);
  }

  @Test
  @Tag("c2")
  void vectorKernelMatchesTheReference() {
    HistogramKernel vector = new VectorKernel();
    assumeTrue(vector.isAvailable(), "needs the Vector API and C2: " + vector.unavailableReason());
    KernelAgreement.matchesReference(vector, 1e-12);
    KernelAgreement.refusesNonFiniteScores(vector);
    KernelAgreement.edgeCases(vector);
  }

  @Test
  void selectionForcesByNameAndExplainsRefusals() {
    List<HistogramKernel> all = Kernels.all();
    assertTrue(all.stream().anyMatch(k -> k.name().equals("java")));
    assertTrue(all.stream().anyMatch(k -> k.name().equals("native")), "the native kernel is registered");
    assertEquals("java", Kernels.choose("java", all).name());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Kernels.choose("gpu", all));
    assertTrue(unknown.getMessage().contains("unknown kernel") && unknown.getMessage().contains("java"),
        unknown.getMessage());
    for (HistogramKernel k : all) {
      if (!k.isAvailable()) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
            () -> Kernels.choose(k.name(), all));
        assertTrue(refused.getMessage().contains(k.unavailableReason()), refused.getMessage());
      }
    }
    HistogramKernel best = Kernels.choose(null, all);
    assertTrue(best.isAvailable());
    for (HistogramKernel k : all) {
      assertTrue(!k.isAvailable() || k.rank() <= best.rank(), k.name() + " outranks " + best.name());
    }
  }
}
