package io.sparkxai.concepts;

/**
 * How a concept model does on a data set, from one pass over it.
 *
 * @param rows rows evaluated
 * @param conceptAccuracy share of (row, concept) pairs whose predicted probability falls on the true side of ½
 * @param taskAccuracy task accuracy with the model's own concepts
 * @param taskAccuracyAllIntervened task accuracy with every concept replaced by its true value
 * @param interventionCurve task accuracy with 0, 1, ..., k concepts intervened (entry 0 is
 *     {@code taskAccuracy}, the last {@code taskAccuracyAllIntervened})
 * @param policy the intervention policy of the curve
 */
public record ConceptModelMetrics(long rows, double conceptAccuracy, double taskAccuracy,
    double taskAccuracyAllIntervened, double[] interventionCurve, String policy) {

  /** Copies the curve. */
  public ConceptModelMetrics {
    interventionCurve = interventionCurve.clone();
  }

  @Override
  public double[] interventionCurve() {
    return interventionCurve.clone();
  }

  /**
   * Leakage: task accuracy with the model's soft concepts minus accuracy with all concepts
   * intervened. Positive when the head reads more than the concepts' truth values from the soft
   * probabilities (information leaking through the bottleneck); negative when true concepts help.
   */
  public double leakage() {
    return taskAccuracy - taskAccuracyAllIntervened;
  }

  /** The metrics with the curve's values (not the array's identity). */
  @Override
  public String toString() {
    return "ConceptModelMetrics[rows=" + rows + ", conceptAccuracy=" + conceptAccuracy + ", taskAccuracy="
        + taskAccuracy + ", taskAccuracyAllIntervened=" + taskAccuracyAllIntervened + ", interventionCurve="
        + java.util.Arrays.toString(interventionCurve) + ", policy=" + policy + "]";
  }
}
