package io.sparkxai.ebm.core;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One additive term of a fitted EBM: its features (one or two), the score of every tensor cell (per
 * class for multiclass), the standard deviation of that score across outer bags, the training weight
 * in each cell, and the term's importance. Cell {@code a * binsB + b}; scores at
 * {@code cell * k + c}. Immutable.
 */
public final class ModelTerm implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final int[] features;
  private final int binsA;
  private final int binsB;
  private final double[] scores;
  private final double[] stdevs;
  private final double[] weights;
  private final double importance;

  /**
   * @param name "feature" or "first & second"
   * @param features feature indexes
   * @param binsA bins of the first axis
   * @param binsB bins of the second axis (1 for a main term)
   * @param scores per cell and class
   * @param stdevs per cell and class
   * @param weights training weight per cell
   * @param importance mean absolute score over the training data
   */
  public ModelTerm(String name, int[] features, int binsA, int binsB, double[] scores, double[] stdevs,
      double[] weights, double importance) {
    int cells = binsA * binsB;
    if (weights.length != cells || scores.length % cells != 0 || stdevs.length != scores.length) {
      throw new IllegalArgumentException("term '" + name + "': " + cells + " cells but " + scores.length
          + " scores, " + stdevs.length + " stdevs, " + weights.length + " weights");
    }
    this.name = name;
    this.features = features.clone();
    this.binsA = binsA;
    this.binsB = binsB;
    this.scores = scores.clone();
    this.stdevs = stdevs.clone();
    this.weights = weights.clone();
    this.importance = importance;
  }

  /** The term's name. */
  public String name() {
    return name;
  }

  /** Its features (a copy). */
  public int[] features() {
    return features.clone();
  }

  /** Whether it is a pair. */
  public boolean isPair() {
    return features.length == 2;
  }

  /** Bins of the first axis. */
  public int binsA() {
    return binsA;
  }

  /** Bins of the second axis (1 for a main term). */
  public int binsB() {
    return binsB;
  }

  /** Cells of the tensor. */
  public int cells() {
    return binsA * binsB;
  }

  /** Scores per cell and class (a copy). */
  public double[] scores() {
    return scores.clone();
  }

  /** The score of a cell and class. */
  public double score(int cell, int c) {
    return scores[cell * (scores.length / cells()) + c];
  }

  /** Standard deviations across bags (a copy). */
  public double[] stdevs() {
    return stdevs.clone();
  }

  /** Training weight per cell (a copy). */
  public double[] weights() {
    return weights.clone();
  }

  /** Mean absolute score over the training data (interpretml's "avg_weight" importance). */
  public double importance() {
    return importance;
  }

  double[] scoresShared() {
    return scores;
  }

  @Override
  public String toString() {
    return name + " (importance " + importance + ", " + cells() + " cells)";
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ModelTerm)) {
      return false;
    }
    ModelTerm t = (ModelTerm) o;
    return name.equals(t.name) && Arrays.equals(features, t.features) && binsA == t.binsA && binsB == t.binsB
        && Arrays.equals(scores, t.scores) && Arrays.equals(stdevs, t.stdevs) && Arrays.equals(weights, t.weights)
        && Double.compare(importance, t.importance) == 0;
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(scores);
  }
}
