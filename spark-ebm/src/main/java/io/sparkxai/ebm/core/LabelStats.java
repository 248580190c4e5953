package io.sparkxai.ebm.core;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Mergeable facts about a label column, enough to reject bad labels with a precise message before
 * any boosting: counts of missing (null/NaN) and infinite labels, of non-integer and negative ones,
 * the class histogram of integer labels (up to {@link #MAX_CLASSES}), and the range. Mutable.
 */
public final class LabelStats implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Classes beyond this many are not counted; more is reported as too many. */
  public static final int MAX_CLASSES = 1000;

  private long missing;
  private long infinite;
  private long nonInteger;
  private long negative;
  private long tooLarge;
  private long valid;
  private long[] classCounts = new long[2];
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private double firstOddValue = Double.NaN;

  /** Adds one label; NaN stands for null too. */
  public void add(double y) {
    if (Double.isNaN(y)) {
      missing++;
      return;
    }
    if (Double.isInfinite(y)) {
      infinite++;
      return;
    }
    valid++;
    min = Math.min(min, y);
    max = Math.max(max, y);
    if (y != Math.rint(y)) {
      nonInteger++;
      noteOdd(y);
    } else if (y < 0) {
      negative++;
      noteOdd(y);
    } else if (y >= MAX_CLASSES) {
      tooLarge++;
      noteOdd(y);
    } else {
      int c = (int) y;
      if (c >= classCounts.length) {
        classCounts = Arrays.copyOf(classCounts, Math.max(c + 1, classCounts.length * 2));
      }
      classCounts[c]++;
    }
  }

  private void noteOdd(double y) {
    if (Double.isNaN(firstOddValue)) {
      firstOddValue = y;
    }
  }

  /** Adds everything {@code other} counted. */
  public void merge(LabelStats other) {
    missing += other.missing;
    infinite += other.infinite;
    nonInteger += other.nonInteger;
    negative += other.negative;
    tooLarge += other.tooLarge;
    valid += other.valid;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
    if (other.classCounts.length > classCounts.length) {
      classCounts = Arrays.copyOf(classCounts, other.classCounts.length);
    }
    for (int i = 0; i < other.classCounts.length; i++) {
      classCounts[i] += other.classCounts[i];
    }
    if (Double.isNaN(firstOddValue)) {
      firstOddValue = other.firstOddValue;
    }
  }

  /** Labels that are null or NaN. */
  public long missing() {
    return missing;
  }

  /** Labels that are +/- infinity. */
  public long infinite() {
    return infinite;
  }

  /** Finite labels. */
  public long valid() {
    return valid;
  }

  /** Finite labels that are not whole numbers. */
  public long nonInteger() {
    return nonInteger;
  }

  /** Finite whole labels below zero. */
  public long negative() {
    return negative;
  }

  /** Whole labels of {@link #MAX_CLASSES} or more. */
  public long tooLarge() {
    return tooLarge;
  }

  /** The first label seen that is not a class index (NaN when none). */
  public double firstOddValue() {
    return firstOddValue;
  }

  /** Smallest finite label. */
  public double min() {
    return min;
  }

  /** Largest finite label. */
  public double max() {
    return max;
  }

  /** Counts of the class indexes 0, 1, ... (trailing zeros trimmed). A copy. */
  public long[] classCounts() {
    int n = classCounts.length;
    while (n > 0 && classCounts[n - 1] == 0) {
      n--;
    }
    return Arrays.copyOf(classCounts, n);
  }
}
