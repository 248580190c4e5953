package io.sparkxai.ebm.core;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A mergeable summary of one numeric feature's values, from which {@link CutPoints} finds the cuts.
 * It keeps exact counts of the distinct values while there are at most {@code exactLimit} of them,
 * and always a uniform sample of at most {@code 2 * sampleSize} values chosen by row hash: a row is
 * in the sample when the top {@code level} bits of its hash are zero, and {@code level} grows (halving
 * the sample) whenever the sample overflows. Which rows are sampled therefore depends on the rows
 * only, never on how they were partitioned or in which order sketches were merged: the result of a
 * distributed scan is identical for any partitioning.
 *
 * <p>Missing (NaN) and infinite values are counted, not sketched. Mutable; not thread-safe.
 */
public final class NumericSketch implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final long EMPTY = 0x7FF8DEADBEEF0001L; // a NaN payload never stored as a key

  private final int exactLimit;
  private final int sampleSize;
  private long[] keys;
  private long[] counts;
  private int distinct;
  private boolean exactOverflow;
  private long[] sampleHashes;
  private double[] sampleValues;
  private int sampled;
  private int level;
  private long missing;
  private long positiveInfinite;
  private long negativeInfinite;
  private long finite;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

  /**
   * @param exactLimit the most distinct values counted exactly
   * @param sampleSize the sample keeps between {@code sampleSize} and {@code 2 * sampleSize} values
   */
  public NumericSketch(int exactLimit, int sampleSize) {
    if (exactLimit < 1 || sampleSize < 1) {
      throw new IllegalArgumentException("exactLimit and sampleSize must be >= 1, got " + exactLimit + ", " + sampleSize);
    }
    this.exactLimit = exactLimit;
    this.sampleSize = sampleSize;
    this.keys = newKeys(64);
    this.counts = new long[64];
    this.sampleHashes = new long[16];
    this.sampleValues = new double[16];
  }

  /** Adds one value of a row whose stable hash is {@code rowHash}. */
  public void add(double value, long rowHash) {
    if (Double.isNaN(value)) {
      missing++;
      return;
    }
    if (Double.isInfinite(value)) {
      if (value > 0) {
        positiveInfinite++;
      } else {
        negativeInfinite++;
      }
      return;
    }
    if (value == 0.0) {
      value = 0.0; // -0.0 and 0.0 are one value
    }
    finite++;
    min = Math.min(min, value);
    max = Math.max(max, value);
    if (!exactOverflow) {
      addExact(Double.doubleToLongBits(value), 1);
    }
    long h = StableHash.mix(rowHash ^ 0x6A09E667F3BCC909L);
    if (kept(h, level)) {
      if (sampled == sampleHashes.length) {
        int cap = Math.min(Math.max(16, sampled * 2), 2 * sampleSize + 1);
        sampleHashes = Arrays.copyOf(sampleHashes, cap);
        sampleValues = Arrays.copyOf(sampleValues, cap);
      }
      sampleHashes[sampled] = h;
      sampleValues[sampled] = value;
      sampled++;
      while (sampled > 2 * sampleSize) {
        level++;
        filterSample();
      }
    }
  }

  /** Adds everything {@code other} summarised. */
  public void merge(NumericSketch other) {
    missing += other.missing;
    positiveInfinite += other.positiveInfinite;
    negativeInfinite += other.negativeInfinite;
    finite += other.finite;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
    if (other.exactOverflow) {
      dropExact();
    } else if (!exactOverflow) {
      for (int i = 0; i < other.keys.length; i++) {
        if (other.keys[i] != EMPTY) {
          addExact(other.keys[i], other.counts[i]);
          if (exactOverflow) {
            break;
          }
        }
      }
    }
    int newLevel = Math.max(level, other.level);
    if (newLevel != level) {
      level = newLevel;
      filterSample();
    }
    int need = sampled + other.sampled;
    if (need > sampleHashes.length) {
      sampleHashes = Arrays.copyOf(sampleHashes, need);
      sampleValues = Arrays.copyOf(sampleValues, need);
    }
    for (int i = 0; i < other.sampled; i++) {
      if (kept(other.sampleHashes[i], level)) {
        sampleHashes[sampled] = other.sampleHashes[i];
        sampleValues[sampled] = other.sampleValues[i];
        sampled++;
      }
    }
    while (sampled > 2 * sampleSize) {
      level++;
      filterSample();
    }
  }

  /** Trims buffers before the sketch is shipped (serialised). */
  public void compact() {
    sampleHashes = Arrays.copyOf(sampleHashes, sampled);
    sampleValues = Arrays.copyOf(sampleValues, sampled);
    if (exactOverflow) {
      return;
    }
    int cap = 64;
    while (cap < distinct * 2) {
      cap <<= 1;
    }
    if (cap < keys.length) {
      rehash(cap);
    }
  }

  /** Count of missing (NaN or null) values. */
  public long missing() {
    return missing;
  }

  /** Count of +/- infinite values. */
  public long infinite() {
    return positiveInfinite + negativeInfinite;
  }

  /** Count of finite values. */
  public long finite() {
    return finite;
  }

  /** Whether the distinct finite values were counted exactly. */
  public boolean exact() {
    return !exactOverflow;
  }

  /** The smallest finite value (+inf when none). */
  public double min() {
    return min;
  }

  /** The largest finite value (-inf when none). */
  public double max() {
    return max;
  }

  /**
   * The distribution cuts are computed from: sorted distinct finite values and their counts, exact
   * when {@link #exact()}, else the sample's.
   *
   * @return {@code {values, counts}}
   */
  public double[][] distribution() {
    if (!exactOverflow) {
      double[] v = new double[distinct];
      int n = 0;
      for (long k : keys) {
        if (k != EMPTY) {
          v[n++] = Double.longBitsToDouble(k);
        }
      }
      Arrays.sort(v);
      double[] c = new double[distinct];
      for (int i = 0; i < distinct; i++) {
        c[i] = countOf(Double.doubleToLongBits(v[i]));
      }
      return new double[][] {v, c};
    }
    double[] s = Arrays.copyOf(sampleValues, sampled);
    Arrays.sort(s);
    double[] v = new double[s.length];
    double[] c = new double[s.length];
    int n = 0;
    for (int i = 0; i < s.length; i++) {
      if (n > 0 && v[n - 1] == s[i]) {
        c[n - 1]++;
      } else {
        v[n] = s[i];
        c[n] = 1;
        n++;
      }
    }
    return new double[][] {Arrays.copyOf(v, n), Arrays.copyOf(c, n)};
  }

  private static boolean kept(long h, int level) {
    return level == 0 || (h >>> (64 - level)) == 0;
  }

  private void filterSample() {
    int n = 0;
    for (int i = 0; i < sampled; i++) {
      if (kept(sampleHashes[i], level)) {
        sampleHashes[n] = sampleHashes[i];
        sampleValues[n] = sampleValues[i];
        n++;
      }
    }
    sampled = n;
  }

  private void dropExact() {
    exactOverflow = true;
    keys = newKeys(1);
    counts = new long[1];
    distinct = 0;
  }

  private void addExact(long bits, long count) {
    int mask = keys.length - 1;
    int i = (int) StableHash.mix(bits) & mask;
    while (keys[i] != EMPTY) {
      if (keys[i] == bits) {
        counts[i] += count;
        return;
      }
      i = (i + 1) & mask;
    }
    if (distinct + 1 > exactLimit) {
      dropExact();
      return;
    }
    keys[i] = bits;
    counts[i] = count;
    distinct++;
    if (distinct * 2 > keys.length) {
      rehash(keys.length * 2);
    }
  }

  private long countOf(long bits) {
    int mask = keys.length - 1;
    int i = (int) StableHash.mix(bits) & mask;
    while (keys[i] != bits) {
      i = (i + 1) & mask;
    }
    return counts[i];
  }

  private void rehash(int capacity) {
    long[] oldKeys = keys;
    long[] oldCounts = counts;
    keys = newKeys(capacity);
    counts = new long[capacity];
    int mask = capacity - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != EMPTY) {
        int i = (int) StableHash.mix(oldKeys[j]) & mask;
        while (keys[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        counts[i] = oldCounts[j];
      }
    }
  }

  private static long[] newKeys(int capacity) {
    long[] k = new long[capacity];
    Arrays.fill(k, EMPTY);
    return k;
  }
}
