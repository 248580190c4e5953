package io.sparkxai.ebm.core;

import java.io.Serializable;

/**
 * What one scan over the training rows learns before binning: a {@link NumericSketch} or
 * {@link CategorySketch} per feature, the {@link LabelStats}, the row count, and the rows skipped or
 * refused for bad labels and weights. Built per partition and merged; the merged result is the same
 * for every partitioning of the same rows. Mutable.
 */
public final class ScanStats implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Distinct levels counted per categorical feature before the column is refused as an identifier. */
  public static final int LEVEL_LIMIT = 1_000_000;

  private final NumericSketch[] numeric;
  private final CategorySketch[] categorical;
  private final LabelStats label = new LabelStats();
  private long rows;
  private long badLabels;
  private long badWeights;
  private double firstBadWeight = Double.NaN;
  private long skipped;
  private double weightSum;

  /**
   * @param categorical which features are categorical
   * @param exactLimit distinct numeric values counted exactly (see {@link NumericSketch})
   * @param sampleSize numeric sample size (see {@link NumericSketch})
   */
  public ScanStats(boolean[] categorical, int exactLimit, int sampleSize) {
    int n = categorical.length;
    this.numeric = new NumericSketch[n];
    this.categorical = new CategorySketch[n];
    for (int f = 0; f < n; f++) {
      if (categorical[f]) {
        this.categorical[f] = new CategorySketch(LEVEL_LIMIT);
      } else {
        this.numeric[f] = new NumericSketch(exactLimit, sampleSize);
      }
    }
  }

  /**
   * Adds one row.
   *
   * @param numericValues per feature, the number (NaN = missing; ignored for categorical features)
   * @param levels per feature, the level (null = missing; ignored for numeric features)
   * @param y the label (NaN = null)
   * @param weight the row weight (1 without a weight column; NaN = null)
   * @param key the row's stable key
   * @param skipInvalid whether a row with a null/NaN/infinite label or a bad weight is skipped
   *     (counted) rather than counted as bad
   */
  public void add(double[] numericValues, String[] levels, double y, double weight, long key, boolean skipInvalid) {
    boolean badLabel = !Double.isFinite(y);
    boolean badWeight = !(weight >= 0) || Double.isInfinite(weight);
    if (badLabel || badWeight) {
      if (skipInvalid) {
        skipped++;
        return;
      }
      if (badLabel) {
        badLabels++;
      }
      if (badWeight) {
        badWeights++;
        if (Double.isNaN(firstBadWeight)) {
          firstBadWeight = weight;
        }
      }
    }
    rows++;
    label.add(y);
    if (!badWeight) {
      weightSum += weight;
    }
    for (int f = 0; f < numeric.length; f++) {
      if (numeric[f] != null) {
        numeric[f].add(numericValues[f], key);
      } else {
        categorical[f].add(levels[f]);
      }
    }
  }

  /** Adds everything {@code other} saw. */
  public void merge(ScanStats other) {
    for (int f = 0; f < numeric.length; f++) {
      if (numeric[f] != null) {
        numeric[f].merge(other.numeric[f]);
      } else {
        categorical[f].merge(other.categorical[f]);
      }
    }
    label.merge(other.label);
    rows += other.rows;
    badLabels += other.badLabels;
    badWeights += other.badWeights;
    if (Double.isNaN(firstBadWeight)) {
      firstBadWeight = other.firstBadWeight;
    }
    skipped += other.skipped;
    weightSum += other.weightSum;
  }

  /** Trims buffers before shipping. */
  public ScanStats compact() {
    for (NumericSketch s : numeric) {
      if (s != null) {
        s.compact();
      }
    }
    return this;
  }

  /** The sketch of numeric feature {@code f} (null for a categorical feature). */
  public NumericSketch numeric(int f) {
    return numeric[f];
  }

  /** Feature values that were +/- infinity, over all numeric features. */
  public long infiniteValues() {
    long n = 0;
    for (NumericSketch sketch : numeric) {
      if (sketch != null) {
        n += sketch.infinite();
      }
    }
    return n;
  }

  /** The sketch of categorical feature {@code f} (null for a numeric feature). */
  public CategorySketch categorical(int f) {
    return categorical[f];
  }

  /** The label facts (of the rows kept). */
  public LabelStats label() {
    return label;
  }

  /** Rows kept. */
  public long rows() {
    return rows;
  }

  /** Kept rows with a null, NaN or infinite label (only when not skipping). */
  public long badLabels() {
    return badLabels;
  }

  /** Kept rows with a null, NaN, negative or infinite weight (only when not skipping). */
  public long badWeights() {
    return badWeights;
  }

  /** The first bad weight seen. */
  public double firstBadWeight() {
    return firstBadWeight;
  }

  /** Rows skipped for a bad label or weight. */
  public long skipped() {
    return skipped;
  }

  /** Sum of the valid weights of the kept rows. */
  public double weightSum() {
    return weightSum;
  }
}
