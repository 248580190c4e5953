package io.sparkxai.ebm.kernel;

/**
 * The reference {@link HistogramKernel}: plain scalar Java with {@link Math#exp}, always available.
 * Every other kernel is checked against this one. Rank 0.
 */
public final class JavaKernel implements HistogramKernel {

  @Override
  public String name() {
    return "java";
  }

  @Override
  public int rank() {
    return 0;
  }

  @Override
  public boolean isAvailable() {
    return true;
  }

  @Override
  public void applyAndGradients(Objective objective, int k, short[] applyCodes, double[] update, double[] scores,
      double[] labels, double[] weights, double[] grad, double[] hess, int from, int to) {
    apply(k, applyCodes, update, scores, from, to);
    if (objective == Objective.SOFTMAX) {
      double[] p = new double[k];
      for (int i = from; i < to; i++) {
        softmax(scores, i * k, k, p);
        double w = weights == null ? 1.0 : weights[i];
        int y = (int) labels[i];
        for (int c = 0; c < k; c++) {
          grad[i * k + c] = w * (p[c] - (c == y ? 1.0 : 0.0));
          hess[i * k + c] = w * p[c] * (1.0 - p[c]);
        }
      }
      return;
    }
    boolean logistic = objective == Objective.LOGISTIC;
    for (int i = from; i < to; i++) {
      double w = weights == null ? 1.0 : weights[i];
      if (logistic) {
        double p = sigmoid(scores[i]);
        grad[i] = w * (p - labels[i]);
        hess[i] = w * p * (1.0 - p);
      } else {
        grad[i] = w * (scores[i] - labels[i]);
        hess[i] = w;
      }
    }
  }

  @Override
  public void applyGradientsHistogram(Objective objective, int k, short[] applyCodes, double[] update,
      double[] scores, double[] labels, double[] weights, short[] histCodes, double[] hist, int from, int to) {
    if (objective == Objective.SOFTMAX) {
      apply(k, applyCodes, update, scores, from, to);
      double[] p = new double[k];
      for (int i = from; i < to; i++) {
        softmax(scores, i * k, k, p);
        double w = weights == null ? 1.0 : weights[i];
        int y = (int) labels[i];
        int base = histCodes[i] * k * 2;
        for (int c = 0; c < k; c++) {
          hist[base + 2 * c] += w * (p[c] - (c == y ? 1.0 : 0.0));
          hist[base + 2 * c + 1] += w * p[c] * (1.0 - p[c]);
        }
      }
      return;
    }
    boolean logistic = objective == Objective.LOGISTIC;
    for (int i = from; i < to; i++) {
      double s = scores[i];
      if (applyCodes != null) {
        s += update[applyCodes[i]];
        scores[i] = s;
      }
      double w = weights == null ? 1.0 : weights[i];
      double g;
      double h;
      if (logistic) {
        double p = sigmoid(s);
        g = w * (p - labels[i]);
        h = w * p * (1.0 - p);
      } else {
        g = w * (s - labels[i]);
        h = w;
      }
      int b = histCodes[i] << 1;
      hist[b] += g;
      hist[b + 1] += h;
    }
  }

  @Override
  public double applyAndLoss(Objective objective, int k, short[] applyCodes, double[] update, double[] scores,
      double[] labels, double[] weights, int from, int to) {
    apply(k, applyCodes, update, scores, from, to);
    double sum = 0;
    for (int i = from; i < to; i++) {
      double w = weights == null ? 1.0 : weights[i];
      sum += w * loss(objective, k, scores, i, labels[i]);
    }
    return sum;
  }

  @Override
  public void histogram(int k, short[] codes, double[] grad, double[] hess, double[] hist, int from, int to) {
    if (k == 1) {
      for (int i = from; i < to; i++) {
        int b = codes[i] << 1;
        hist[b] += grad[i];
        hist[b + 1] += hess[i];
      }
      return;
    }
    for (int i = from; i < to; i++) {
      int base = codes[i] * k * 2;
      for (int c = 0; c < k; c++) {
        hist[base + 2 * c] += grad[i * k + c];
        hist[base + 2 * c + 1] += hess[i * k + c];
      }
    }
  }

  /** The unweighted loss of row {@code i} (see {@link Objective}). */
  static double loss(Objective objective, int k, double[] scores, int i, double label) {
    switch (objective) {
      case LOGISTIC: {
        double s = scores[i];
        return softplus(label > 0.5 ? -s : s);
      }
      case SQUARED: {
        double d = scores[i] - label;
        return d * d;
      }
      default: {
        int base = i * k;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
          max = Math.max(max, scores[base + c]);
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
          sum += Math.exp(scores[base + c] - max);
        }
        return max + Math.log(sum) - scores[base + (int) label];
      }
    }
  }

  private static void apply(int k, short[] applyCodes, double[] update, double[] scores, int from, int to) {
    if (applyCodes == null) {
      return;
    }
    if (k == 1) {
      for (int i = from; i < to; i++) {
        scores[i] += update[applyCodes[i]];
      }
      return;
    }
    for (int i = from; i < to; i++) {
      int u = applyCodes[i] * k;
      int s = i * k;
      for (int c = 0; c < k; c++) {
        scores[s + c] += update[u + c];
      }
    }
  }

  /** {@code 1 / (1 + e^-s)}; saturates to exactly 0 or 1 far out, never NaN for finite {@code s}. */
  static double sigmoid(double s) {
    return 1.0 / (1.0 + Math.exp(-s));
  }

  /** {@code log(1 + e^z)} without overflow. */
  static double softplus(double z) {
    return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  }

  private static void softmax(double[] scores, int base, int k, double[] p) {
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      max = Math.max(max, scores[base + c]);
    }
    double sum = 0;
    for (int c = 0; c < k; c++) {
      p[c] = Math.exp(scores[base + c] - max);
      sum += p[c];
    }
    for (int c = 0; c < k; c++) {
      p[c] /= sum;
    }
  }
}
