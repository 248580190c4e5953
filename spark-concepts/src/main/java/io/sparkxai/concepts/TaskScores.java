package io.sparkxai.concepts;

import io.sparkxai.concepts.core.NetworkRunner;

/**
 * Spark's classifier outputs from task logits: for one logit z (binary), raw scores [−z, z] and
 * probabilities [1 − σ(z), σ(z)] (as MLlib's logistic regression writes them); for several, the
 * logits and their softmax.
 */
final class TaskScores {

  private TaskScores() {}

  /** {raw scores, probabilities} of row {@code r}. */
  static double[][] of(NetworkRunner.Outputs out, int r) {
    int w = out.taskWidth();
    if (w == 1) {
      double z = out.taskLogits()[r];
      double p = 1 / (1 + StrictMath.exp(-z));
      return new double[][] {{-z, z}, {1 - p, p}};
    }
    double[] raw = new double[w];
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < w; j++) {
      raw[j] = out.taskLogits()[r * w + j];
      max = Math.max(max, raw[j]);
    }
    double[] prob = new double[w];
    double sum = 0;
    for (int j = 0; j < w; j++) {
      prob[j] = StrictMath.exp(raw[j] - max);
      sum += prob[j];
    }
    for (int j = 0; j < w; j++) {
      prob[j] /= sum;
    }
    return new double[][] {raw, prob};
  }
}
