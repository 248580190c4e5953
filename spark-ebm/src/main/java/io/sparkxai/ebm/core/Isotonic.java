package io.sparkxai.ebm.core;

/**
 * Weighted isotonic regression by pool-adjacent-violators (Barlow et al. 1972; Best and Chakravarti
 * 1990): the non-decreasing (or non-increasing) sequence closest to {@code y} in weighted least
 * squares. Each pooled block takes the weighted mean of its values, so the weighted mean of the whole
 * sequence is kept. Deterministic: one left-to-right pass with a stack of blocks.
 *
 * <p>Points of zero weight do not pull on the fit (scikit-learn's {@code IsotonicRegression}, which
 * interpretml's {@code monotonize} calls, drops them and interpolates, which leaves NaN beyond the
 * last weighted point): here each keeps its own value clamped between the fitted values around it,
 * so the result is monotone, finite and equal to scikit-learn's wherever every weight is positive.
 */
public final class Isotonic {

  private Isotonic() {}

  /**
   * The isotonic fit of {@code y} with weights {@code w} (same length, weights {@code >= 0}).
   *
   * @param increasing true for a non-decreasing fit, false for a non-increasing one
   * @throws IllegalArgumentException when the lengths differ or a weight is negative or not finite
   */
  public static double[] fit(double[] y, double[] w, boolean increasing) {
    if (y.length != w.length) {
      throw new IllegalArgumentException("isotonic fit: " + y.length + " values but " + w.length + " weights");
    }
    int n = y.length;
    double sign = increasing ? 1 : -1;
    double[] mean = new double[n];
    double[] weight = new double[n];
    int[] start = new int[n];
    int blocks = 0;
    for (int i = 0; i < n; i++) {
      if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
        throw new IllegalArgumentException("isotonic fit: weight " + i + " must be finite and >= 0, got " + w[i]);
      }
      if (w[i] == 0) {
        continue;
      }
      mean[blocks] = sign * y[i];
      weight[blocks] = w[i];
      start[blocks] = i;
      blocks++;
      while (blocks > 1 && mean[blocks - 2] > mean[blocks - 1]) { // pool the violating pair
        double total = weight[blocks - 2] + weight[blocks - 1];
        mean[blocks - 2] = (weight[blocks - 2] * mean[blocks - 2] + weight[blocks - 1] * mean[blocks - 1]) / total;
        weight[blocks - 2] = total;
        blocks--;
      }
    }
    double[] out = new double[n];
    double[] fitted = new double[n]; // NaN where the weight is zero, else the block's mean
    for (int b = 0; b < blocks; b++) {
      int end = b + 1 < blocks ? start[b + 1] : n;
      for (int i = start[b]; i < end; i++) {
        fitted[i] = w[i] > 0 ? mean[b] : Double.NaN;
      }
    }
    for (int i = 0; i < (blocks > 0 ? start[0] : n); i++) {
      fitted[i] = Double.NaN;
    }
    double previous = Double.NEGATIVE_INFINITY;
    double next = Double.POSITIVE_INFINITY;
    for (int i = n - 1; i >= 0; i--) { // next weighted fitted value at or after each point
      if (!Double.isNaN(fitted[i])) {
        next = fitted[i];
      }
      out[i] = next;
    }
    for (int i = 0; i < n; i++) {
      double v = Double.isNaN(fitted[i]) ? Math.min(Math.max(sign * y[i], previous), out[i]) : fitted[i];
      out[i] = v;
      previous = v;
    }
    for (int i = 0; i < n; i++) {
      out[i] *= sign;
    }
    return out;
  }

  /** Whether {@code v[from..to]} never decreases ({@code direction > 0}) or never increases ({@code < 0}). */
  public static boolean isMonotone(double[] v, int from, int to, int direction) {
    for (int i = from; i < to; i++) {
      if (direction > 0 ? v[i + 1] < v[i] : v[i + 1] > v[i]) {
        return false;
      }
    }
    return true;
  }
}
