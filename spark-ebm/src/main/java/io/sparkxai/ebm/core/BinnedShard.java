package io.sparkxai.ebm.core;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * One shard of the binned training data: its rows sorted by (key, tie), which makes the shard a
 * function of its set of rows, whatever order they arrived in. Bin codes are stored compactly per
 * feature, one {@code byte} per row where the feature has at most 256 bins, else one {@code short}.
 * Immutable once built.
 */
public final class BinnedShard implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int index;
  private final int size;
  private final long[] keys;
  private final byte[][] byteCodes;
  private final short[][] shortCodes;
  private final double[] labels;
  private final double[] weights;
  private final boolean[] validation;

  private BinnedShard(int index, int size, long[] keys, byte[][] byteCodes, short[][] shortCodes, double[] labels,
      double[] weights, boolean[] validation) {
    this.index = index;
    this.size = size;
    this.keys = keys;
    this.byteCodes = byteCodes;
    this.shortCodes = shortCodes;
    this.labels = labels;
    this.weights = weights;
    this.validation = validation;
  }

  /**
   * Merges blocks into a shard.
   *
   * @param index the shard's number
   * @param blocks the rows (any order, any split into blocks)
   * @param mainBins bins per feature (decides byte or short storage)
   * @param weighted whether rows carry weights
   * @param flagged whether rows carry a validation flag
   */
  public static BinnedShard of(int index, List<RowBlock> blocks, int[] mainBins, boolean weighted, boolean flagged) {
    int n = 0;
    for (RowBlock b : blocks) {
      n += b.size();
    }
    int[] blockOf = new int[n];
    int[] rowOf = new int[n];
    long[] allKeys = new long[n];
    long[] allTies = new long[n];
    int k = 0;
    for (int bi = 0; bi < blocks.size(); bi++) {
      RowBlock b = blocks.get(bi);
      for (int r = 0; r < b.size(); r++) {
        blockOf[k] = bi;
        rowOf[k] = r;
        allKeys[k] = b.key(r);
        allTies[k] = b.tie(r);
        k++;
      }
    }
    int[] order = IndexSort.byTwoKeys(allKeys, allTies);
    int features = mainBins.length;
    long[] keys = new long[n];
    double[] labels = new double[n];
    double[] weights = weighted ? new double[n] : null;
    boolean[] validation = flagged ? new boolean[n] : null;
    byte[][] byteCodes = new byte[features][];
    short[][] shortCodes = new short[features][];
    for (int f = 0; f < features; f++) {
      if (mainBins[f] <= 256) {
        byteCodes[f] = new byte[n];
      } else {
        shortCodes[f] = new short[n];
      }
    }
    for (int i = 0; i < n; i++) {
      RowBlock b = blocks.get(blockOf[order[i]]);
      int r = rowOf[order[i]];
      keys[i] = b.key(r);
      labels[i] = b.label(r);
      if (weighted) {
        weights[i] = b.weight(r);
      }
      if (flagged) {
        validation[i] = b.validation(r);
      }
      for (int f = 0; f < features; f++) {
        short c = b.code(f, r);
        if (byteCodes[f] != null) {
          byteCodes[f][i] = (byte) c;
        } else {
          shortCodes[f][i] = c;
        }
      }
    }
    return new BinnedShard(index, n, keys, byteCodes, shortCodes, labels, weights, validation);
  }

  /** The shard's number. */
  public int index() {
    return index;
  }

  /** Rows in the shard. */
  public int size() {
    return size;
  }

  /** Number of features. */
  public int features() {
    return byteCodes.length;
  }

  /** The key of row {@code i}. */
  public long key(int i) {
    return keys[i];
  }

  /** The main bin of feature {@code f} in row {@code i}. */
  public int code(int f, int i) {
    return byteCodes[f] != null ? byteCodes[f][i] & 0xFF : shortCodes[f][i];
  }

  /** The label of row {@code i}. */
  public double label(int i) {
    return labels[i];
  }

  /** The weight of row {@code i} (1 without weights). */
  public double weight(int i) {
    return weights == null ? 1.0 : weights[i];
  }

  /** Whether rows carry weights. */
  public boolean weighted() {
    return weights != null;
  }

  /** Whether rows carry a validation flag. */
  public boolean flagged() {
    return validation != null;
  }

  /** The validation flag of row {@code i} (false without flags). */
  public boolean validation(int i) {
    return validation != null && validation[i];
  }

  /** Main codes of feature {@code f} for the rows in {@code rows}, in that order. */
  public short[] codes(int f, int[] rows) {
    short[] out = new short[rows.length];
    if (byteCodes[f] != null) {
      byte[] c = byteCodes[f];
      for (int i = 0; i < rows.length; i++) {
        out[i] = (short) (c[rows[i]] & 0xFF);
      }
    } else {
      short[] c = shortCodes[f];
      for (int i = 0; i < rows.length; i++) {
        out[i] = c[rows[i]];
      }
    }
    return out;
  }
}
