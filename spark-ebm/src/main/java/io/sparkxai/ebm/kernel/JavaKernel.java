package io.sparkxai.ebm.kernel;

/**
 * The reference {@link HistogramKernel}: plain scalar Java with {@link Math#exp} and
 * {@link Math#log1p}, always available. Every other kernel is checked against this one. Rank 0.
 *
 * <p>Logistic rows use {@code e = exp(-|s|)}, {@code sigma(|s|) = 1 / (1 + e)} and
 * {@code 1 - sigma(|s|) = e sigma(|s|)}: both {@code p = sigma(s)} and {@code q = 1 - p} come out
 * accurate to the last bit whatever the score (no {@code 1 - p} cancellation, no overflow), and
 * {@code g = p - y}, {@code h = p q}.
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
  public void applyGradientsHistogram(KernelRows rows, short[] applyCodes, double[] update, short[] histCodes,
      double[] hist, int from, int to) {
    if (rows.objective() == Objective.SOFTMAX) {
      softmax(rows, applyCodes, update, histCodes, hist, null, null, from, to);
      return;
    }
    float[] scores = rows.scores();
    float[] w = rows.weights();
    if (rows.objective() == Objective.LOGISTIC) {
      byte[] y = rows.classes();
      for (int i = from; i < to; i++) {
        double s = apply(scores, applyCodes, update, i);
        double e = Math.exp(-Math.abs(s));
        double pa = 1.0 / (1.0 + e);
        double pb = e * pa;
        double p = s >= 0 ? pa : pb;
        double q = s >= 0 ? pb : pa;
        double g = y[i] != 0 ? -q : p;
        double h = p * q;
        if (w != null) {
          g = g * w[i];
          h = h * w[i];
        }
        int b = histCodes[i] << 1;
        hist[b] += g;
        hist[b + 1] += h;
      }
      return;
    }
    float[] t = rows.targets();
    for (int i = from; i < to; i++) {
      double s = apply(scores, applyCodes, update, i);
      double g = s - t[i];
      double h = 1.0;
      if (w != null) {
        g = g * w[i];
        h = w[i];
      }
      int b = histCodes[i] << 1;
      hist[b] += g;
      hist[b + 1] += h;
    }
  }

  @Override
  public double applyAndLoss(KernelRows rows, short[] applyCodes, double[] update, int from, int to) {
    float[] scores = rows.scores();
    int k = rows.k();
    double sum = 0;
    for (int i = from; i < to; i++) {
      double l;
      if (rows.objective() == Objective.SOFTMAX) {
        applySoftmax(scores, k, applyCodes, update, i);
        l = softmaxLoss(scores, k, i, (int) rows.targets()[i]);
      } else {
        l = loss(rows.objective(), apply(scores, applyCodes, update, i), rows.label(i));
      }
      sum += rows.weights() == null ? l : l * rows.weights()[i];
    }
    return sum;
  }

  @Override
  public void applyAndGradients(KernelRows rows, short[] applyCodes, double[] update, double[] grad, double[] hess,
      int from, int to) {
    if (rows.objective() == Objective.SOFTMAX) {
      softmax(rows, applyCodes, update, null, null, grad, hess, from, to);
      return;
    }
    boolean logistic = rows.objective() == Objective.LOGISTIC;
    float[] scores = rows.scores();
    for (int i = from; i < to; i++) {
      rowGradient(rows, logistic, i, apply(scores, applyCodes, update, i), grad, hess, i);
    }
  }

  /**
   * The weighted gradient and hessian of row {@code i} at score {@code s}, into {@code grad[at]} and
   * {@code hess[at]}: for log loss {@code p - y} and {@code p (1 - p)}, with {@code p} and {@code 1 - p}
   * both from {@code exp(-|s|)} so that neither cancels; for squared error {@code s - t} and 1.
   */
  static void rowGradient(KernelRows rows, boolean logistic, int i, double s, double[] grad, double[] hess,
      int at) {
    double g;
    double h;
    if (logistic) {
      double e = Math.exp(-Math.abs(s));
      double pa = 1.0 / (1.0 + e);
      double pb = e * pa;
      double p = s >= 0 ? pa : pb;
      double q = s >= 0 ? pb : pa;
      g = rows.classes()[i] != 0 ? -q : p;
      h = p * q;
    } else {
      g = s - rows.targets()[i];
      h = 1.0;
    }
    float[] w = rows.weights();
    if (w != null) {
      g = g * w[i];
      h = h * w[i];
    }
    grad[at] = g;
    hess[at] = h;
  }

  /** Adds stored gradients and hessians into a histogram (the default of {@link HistogramKernel#histogram}). */
  static void histogramOf(int k, short[] codes, double[] grad, double[] hess, double[] hist, int from, int to) {
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

  /**
   * The unweighted loss of one row with score {@code s} (see {@link Objective}): softplus
   * {@code max(z, 0) + log1p(exp(-|z|))} with {@code z = -s} for label 1 and {@code s} for label 0, or
   * the squared error.
   */
  static double loss(Objective objective, double s, double label) {
    if (objective == Objective.SQUARED) {
      double d = s - label;
      return d * d;
    }
    double z = label != 0 ? -s : s;
    return Math.max(z, 0.0) + Math.log1p(Math.exp(-Math.abs(s)));
  }

  /** The softmax loss {@code max + log(sum e^(s - max)) - s_y} of row {@code i}. */
  static double softmaxLoss(float[] scores, int k, int i, int label) {
    int base = i * k;
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      max = Math.max(max, scores[base + c]);
    }
    double sum = 0;
    for (int c = 0; c < k; c++) {
      sum += Math.exp(scores[base + c] - max);
    }
    return max + Math.log(sum) - scores[base + label];
  }

  /** Applies the update to row {@code i} (k = 1) and returns its new score; refuses a non-finite one. */
  private double apply(float[] scores, short[] applyCodes, double[] update, int i) {
    float f = scores[i];
    if (applyCodes != null) {
      f = (float) (f + update[applyCodes[i]]);
      scores[i] = f;
    }
    if (!(Math.abs(f) <= Float.MAX_VALUE)) {
      throw KernelException.nonFinite(name(), scores, i, 1);
    }
    return f;
  }

  private void applySoftmax(float[] scores, int k, short[] applyCodes, double[] update, int i) {
    int s = i * k;
    if (applyCodes != null) {
      int u = applyCodes[i] * k;
      for (int c = 0; c < k; c++) {
        scores[s + c] = (float) (scores[s + c] + update[u + c]);
      }
    }
    for (int c = 0; c < k; c++) {
      if (!(Math.abs(scores[s + c]) <= Float.MAX_VALUE)) {
        throw KernelException.nonFinite(name(), scores, i, k);
      }
    }
  }

  /**
   * Softmax gradients into a histogram (when hist is not null) or into grad/hess. With
   * {@code p_c = e_c / sum}, {@code q_c = 1 - p_c} is taken as the other classes' share
   * {@code rest / sum} for the top class (where {@code 1 - p_c} would cancel) and {@code 1 - p_c}
   * elsewhere ({@code p_c <= 1/2} there); {@code g_c = -q_c} for the label's class, {@code p_c} for the
   * others, {@code h_c = p_c q_c}, times the weight.
   */
  private void softmax(KernelRows rows, short[] applyCodes, double[] update, short[] histCodes, double[] hist,
      double[] grad, double[] hess, int from, int to) {
    int k = rows.k();
    float[] scores = rows.scores();
    float[] w = rows.weights();
    double[] e = new double[k];
    for (int i = from; i < to; i++) {
      applySoftmax(scores, k, applyCodes, update, i);
      int base = i * k;
      double max = scores[base];
      int top = 0;
      for (int c = 0; c < k; c++) {
        if (scores[base + c] > max) {
          max = scores[base + c];
          top = c;
        }
      }
      double sum = 0;
      double rest = 0;
      for (int c = 0; c < k; c++) {
        e[c] = Math.exp(scores[base + c] - max);
        sum += e[c];
        rest += c == top ? 0.0 : e[c];
      }
      int y = (int) rows.targets()[i];
      for (int c = 0; c < k; c++) {
        double p = e[c] / sum;
        double q = c == top ? rest / sum : 1.0 - p;
        double g = c == y ? -q : p;
        double h = p * q;
        if (w != null) {
          g = g * w[i];
          h = h * w[i];
        }
        if (hist != null) {
          int cell = (histCodes[i] * k + c) * 2;
          hist[cell] += g;
          hist[cell + 1] += h;
        } else {
          grad[base + c] = g;
          hess[base + c] = h;
        }
      }
    }
  }
}
