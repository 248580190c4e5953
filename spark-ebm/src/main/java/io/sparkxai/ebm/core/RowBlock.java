package io.sparkxai.ebm.core;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A growable block of binned rows on their way into a shard: keys, bin codes per feature, label,
 * weight and validation flag, as flat arrays (one object per block, not per row, so that a shuffle
 * moves few large objects). Mutable while filled.
 */
public final class RowBlock implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int features;
  private final boolean weighted;
  private final boolean flagged;
  private int size;
  private long[] keys;
  private long[] ties;
  private short[][] codes;
  private double[] labels;
  private double[] weights;
  private boolean[] validation;

  /**
   * @param features number of features
   * @param weighted whether rows carry weights
   * @param flagged whether rows carry a validation flag
   */
  public RowBlock(int features, boolean weighted, boolean flagged) {
    this.features = features;
    this.weighted = weighted;
    this.flagged = flagged;
    int cap = 256;
    keys = new long[cap];
    ties = new long[cap];
    codes = new short[features][cap];
    labels = new double[cap];
    weights = weighted ? new double[cap] : null;
    validation = flagged ? new boolean[cap] : null;
  }

  /**
   * Adds a row.
   *
   * @param key the stable row key (orders rows in a shard, picks bags and validation rows)
   * @param tie a content hash that orders rows sharing a key
   * @param rowCodes main bin code per feature
   */
  public void add(long key, long tie, int[] rowCodes, double label, double weight, boolean isValidation) {
    if (size == keys.length) {
      grow();
    }
    keys[size] = key;
    ties[size] = tie;
    for (int f = 0; f < features; f++) {
      codes[f][size] = (short) rowCodes[f];
    }
    labels[size] = label;
    if (weighted) {
      weights[size] = weight;
    }
    if (flagged) {
      validation[size] = isValidation;
    }
    size++;
  }

  private void grow() {
    resize(keys.length * 2);
  }

  /** Trims the arrays to the rows held (before shipping). */
  public RowBlock compact() {
    resize(size);
    return this;
  }

  private void resize(int capacity) {
    keys = Arrays.copyOf(keys, capacity);
    ties = Arrays.copyOf(ties, capacity);
    for (int f = 0; f < features; f++) {
      codes[f] = Arrays.copyOf(codes[f], capacity);
    }
    labels = Arrays.copyOf(labels, capacity);
    if (weighted) {
      weights = Arrays.copyOf(weights, capacity);
    }
    if (flagged) {
      validation = Arrays.copyOf(validation, capacity);
    }
  }

  /** Rows held. */
  public int size() {
    return size;
  }

  int features() {
    return features;
  }

  boolean weighted() {
    return weighted;
  }

  boolean flagged() {
    return flagged;
  }

  long key(int i) {
    return keys[i];
  }

  long tie(int i) {
    return ties[i];
  }

  short code(int f, int i) {
    return codes[f][i];
  }

  double label(int i) {
    return labels[i];
  }

  double weight(int i) {
    return weighted ? weights[i] : 1.0;
  }

  boolean validation(int i) {
    return flagged && validation[i];
  }
}
