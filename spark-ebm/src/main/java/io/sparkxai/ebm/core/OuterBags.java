package io.sparkxai.ebm.core;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The outer bags behind a fitted EBM (interpretml's {@code bagged_intercept_} and
 * {@code bagged_scores_}): per bag its weight, its intercept and every term's tensor, in the order
 * of the model's terms. The model's scores are the bags' weighted mean and its standard deviations
 * their weighted spread, {@code mean = sum_b w_b s_b / W} and
 * {@code stdev = sqrt(sum_b w_b (s_b - mean)^2 / W)} with {@code W = sum_b w_b}; the bags make the
 * per-row spread of the raw score computable ({@link #rawStdev}). Immutable.
 *
 * <p>Layout: {@code scores(t)[b][cell * k + c]} as in {@link ModelTerm}; {@code intercepts[b][c]}.
 */
public final class OuterBags implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double[] weights;
  private final double[][] intercepts;
  private final List<double[][]> scores;

  /**
   * @param weights per bag, its weight (the training weight it was fitted on), {@code >= 0}, not all 0
   * @param intercepts per bag, the intercept per score
   * @param scores per term, per bag, the tensor
   * @throws IllegalArgumentException when the shapes disagree or the weights are not usable
   */
  public OuterBags(double[] weights, double[][] intercepts, List<double[][]> scores) {
    int bags = weights.length;
    double total = 0;
    for (double w : weights) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("bag weights must be finite and >= 0, got " + Arrays.toString(weights));
      }
      total += w;
    }
    if (bags == 0 || total <= 0) {
      throw new IllegalArgumentException("outer bags need at least one bag with a positive weight, got "
          + Arrays.toString(weights));
    }
    if (intercepts.length != bags) {
      throw new IllegalArgumentException(bags + " bag weights but " + intercepts.length + " bag intercepts");
    }
    for (int t = 0; t < scores.size(); t++) {
      if (scores.get(t).length != bags) {
        throw new IllegalArgumentException("term " + t + " has " + scores.get(t).length + " bag tensors; expected "
            + bags);
      }
    }
    this.weights = weights.clone();
    this.intercepts = deepCopy(intercepts);
    List<double[][]> copy = new ArrayList<>();
    for (double[][] s : scores) {
      copy.add(deepCopy(s));
    }
    this.scores = List.copyOf(copy);
  }

  /** Bags. */
  public int size() {
    return weights.length;
  }

  /** Terms. */
  public int terms() {
    return scores.size();
  }

  /** Per bag, its weight (a copy). */
  public double[] weights() {
    return weights.clone();
  }

  /** Per bag, the intercept per score (a copy). */
  public double[][] intercepts() {
    return deepCopy(intercepts);
  }

  /** Per bag, the tensor of term {@code t} (a copy). */
  public double[][] scores(int t) {
    return deepCopy(scores.get(t));
  }

  /** Bag {@code b}'s tensor of term {@code t} (a copy). */
  public double[] score(int t, int b) {
    return scores.get(t)[b].clone();
  }

  /** Bag {@code b}'s intercept per score (a copy). */
  public double[] intercept(int b) {
    return intercepts[b].clone();
  }

  /** These bags with every bag's intercept moved by {@code delta} (per score). */
  public OuterBags shifted(double[] delta) {
    double[][] moved = deepCopy(intercepts);
    for (double[] row : moved) {
      for (int c = 0; c < row.length; c++) {
        row[c] += delta[c];
      }
    }
    return new OuterBags(weights, moved, scores);
  }

  /** These bags with other terms' tensors (same bags, weights and intercepts). */
  public OuterBags withScores(List<double[][]> termScores) {
    return new OuterBags(weights, intercepts, termScores);
  }

  /** The weighted mean over bags of {@code values[b][i]}, per {@code i}. */
  public double[] mean(double[][] values) {
    double total = Arrays.stream(weights).sum();
    double[] out = new double[values[0].length];
    for (int b = 0; b < values.length; b++) {
      for (int i = 0; i < out.length; i++) {
        out[i] += weights[b] / total * values[b][i];
      }
    }
    return out;
  }

  /** The weighted standard deviation over bags of {@code values[b][i]} around {@code mean[i]}. */
  public double[] stdev(double[][] values, double[] mean) {
    double total = Arrays.stream(weights).sum();
    double[] out = new double[mean.length];
    for (int b = 0; b < values.length; b++) {
      for (int i = 0; i < out.length; i++) {
        double d = values[b][i] - mean[i];
        out[i] += weights[b] / total * d * d;
      }
    }
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.sqrt(out[i]);
    }
    return out;
  }

  /**
   * The weighted standard deviation over bags of a row's raw score, per score:
   * {@code r_b = intercept_b + sum_t scores(t)[b][cells[t] * k + c]}.
   *
   * @param cells per term, the row's cell
   * @param k scores per row
   * @param perBag scratch of at least {@code size() * k} values
   * @param out the standard deviation per score
   */
  public void rawStdev(int[] cells, int k, double[] perBag, double[] out) {
    int bags = weights.length;
    for (int b = 0; b < bags; b++) {
      for (int c = 0; c < k; c++) {
        double r = intercepts[b][c];
        for (int t = 0; t < cells.length; t++) {
          r += scores.get(t)[b][cells[t] * k + c];
        }
        perBag[b * k + c] = r;
      }
    }
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    for (int c = 0; c < k; c++) {
      double mean = 0;
      for (int b = 0; b < bags; b++) {
        mean += weights[b] / total * perBag[b * k + c];
      }
      double v = 0;
      for (int b = 0; b < bags; b++) {
        double d = perBag[b * k + c] - mean;
        v += weights[b] / total * d * d;
      }
      out[c] = Math.sqrt(v);
    }
  }

  private static double[][] deepCopy(double[][] a) {
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i].clone();
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof OuterBags)) {
      return false;
    }
    OuterBags other = (OuterBags) o;
    if (!Arrays.equals(weights, other.weights) || !Arrays.deepEquals(intercepts, other.intercepts)
        || scores.size() != other.scores.size()) {
      return false;
    }
    for (int t = 0; t < scores.size(); t++) {
      if (!Arrays.deepEquals(scores.get(t), other.scores.get(t))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(weights) * 31 + scores.size();
  }
}
