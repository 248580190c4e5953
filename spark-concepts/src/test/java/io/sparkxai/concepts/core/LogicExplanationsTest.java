package io.sparkxai.concepts.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Explanations from tuple counts, with hand-computed expectations. */
class LogicExplanationsTest {

  private static final List<String> C = List.of("c0", "c1", "c2");

  /** Counts where every tuple's rows are labelled and predicted by {@code f}. */
  private static List<TupleCount> perfect(int concepts, java.util.function.LongPredicate f, long rowsPerTuple) {
    List<TupleCount> out = new ArrayList<>();
    for (long t = 0; t < 1L << concepts; t++) {
      int y = f.test(t) ? 1 : 0;
      out.add(new TupleCount(t, y, y, rowsPerTuple));
    }
    return out;
  }

  @Test
  void xorFromCorrectRows() {
    List<TupleCount> counts = new ArrayList<>(perfect(2, t -> Long.bitCount(t) == 1, 10));
    counts.add(new TupleCount(0b11, 1, 0, 3)); // wrongly predicted rows are ignored
    LogicExplanations.ClassExplanation e = LogicExplanations.explainClass(1, new int[] {0, 1}, counts, true);
    assertEquals("(c0 ∧ ¬c1) ∨ (¬c0 ∧ c1)", e.formula().toString(C));
    assertTrue(e.exact());
    LogicExplanations.ClassExplanation zero = LogicExplanations.explainClass(0, new int[] {0, 1}, counts, true);
    assertEquals("(c0 ∧ c1) ∨ (¬c0 ∧ ¬c1)", zero.formula().toString(C));
    LogicExplanations.Metrics m = LogicExplanations.evaluate(List.of(zero.formula(), e.formula()), counts);
    assertEquals(40 / 43.0, m.accuracy(), 1e-12, "the 3 mislabelled rows count against the formula");
    assertEquals(1.0, m.fidelity(), 1e-12, "the formulas agree with the predictions everywhere");
    assertEquals(4.0, m.complexity());
    assertEquals(43, m.rows());
  }

  @Test
  void majorityAndItsComplement() {
    List<TupleCount> counts = perfect(3, t -> Long.bitCount(t) >= 2, 5);
    assertEquals("(c0 ∧ c1) ∨ (c0 ∧ c2) ∨ (c1 ∧ c2)",
        LogicExplanations.explainClass(1, new int[] {0, 1, 2}, counts, true).formula().toString(C));
    assertEquals("(¬c0 ∧ ¬c1) ∨ (¬c0 ∧ ¬c2) ∨ (¬c1 ∧ ¬c2)",
        LogicExplanations.explainClass(0, new int[] {0, 1, 2}, counts, true).formula().toString(C));
  }

  @Test
  void restrictionToRelevantConceptsVotesByCount() {
    // Only c0 relevant; with c0 = 1 the class holds in 8 rows and fails in 2: c0 is the formula.
    List<TupleCount> counts = List.of(new TupleCount(0b001, 1, 1, 8), new TupleCount(0b011, 0, 0, 2),
        new TupleCount(0b000, 0, 0, 9));
    assertEquals("c0", LogicExplanations.explainClass(1, new int[] {0}, counts, true).formula().toString(C));
  }

  @Test
  void unseenTuplesAsDontCareOrFalse() {
    // Seen: 11 → class, 00 → not. Unseen 01 and 10 are free: one literal suffices; as false: c0 ∧ c1.
    List<TupleCount> counts = List.of(new TupleCount(0b11, 1, 1, 4), new TupleCount(0b00, 0, 0, 4));
    assertEquals(1, LogicExplanations.explainClass(1, new int[] {0, 1}, counts, true).formula().complexity());
    assertEquals("c0 ∧ c1", LogicExplanations.explainClass(1, new int[] {0, 1}, counts, false).formula().toString(C));
  }

  @Test
  void attentionAndRelevance() {
    // Entropy weight (classes 1, out 2, in 3): column norms 2, 0.2, 1.9 → α ∝ exp(γ/τ).
    float[] w = {1f, 0.1f, 1f, 1f, 0.1f, 0.9f};
    NetworkSpec spec = new NetworkSpec(NetworkSpec.Kind.ENTROPY, 0, 3, 2, new int[] {2}, new int[0],
        ActivationFunction.LEAKY_RELU, 0, 0.6);
    ParameterSnapshot p = new ParameterSnapshot(List.of("entropy_weight"), List.of(new long[] {1, 2, 3}), List.of(w));
    double[][] alpha = LogicExplanations.attention(spec, p);
    double z = Math.exp(2 / 0.6) + Math.exp(0.2 / 0.6) + Math.exp(1.9 / 0.6);
    assertEquals(Math.exp(2 / 0.6) / z, alpha[0][0], 1e-6);
    assertEquals(Math.exp(1.9 / 0.6) / z, alpha[0][2], 1e-6);
    assertArrayEquals(new int[] {0, 2}, LogicExplanations.relevantConcepts(alpha[0], 10));
    assertArrayEquals(new int[] {0}, LogicExplanations.relevantConcepts(alpha[0], 1));
  }
}
