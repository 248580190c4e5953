package io.sparkxai.ebm.core;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Mergeable counts of one categorical feature's levels. Counting stops adding new levels past
 * {@code levelLimit} distinct levels and remembers that it overflowed (a column with that many
 * levels is an identifier, and the caller reports it). Mutable; not thread-safe.
 */
public final class CategorySketch implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int levelLimit;
  private final HashMap<String, long[]> counts = new HashMap<>();
  private long missing;
  private boolean overflow;

  /** @param levelLimit the most distinct levels counted */
  public CategorySketch(int levelLimit) {
    this.levelLimit = levelLimit;
  }

  /** Adds one value; null means missing. */
  public void add(String level) {
    if (level == null) {
      missing++;
      return;
    }
    long[] c = counts.get(level);
    if (c != null) {
      c[0]++;
    } else if (counts.size() < levelLimit) {
      counts.put(level, new long[] {1});
    } else {
      overflow = true;
    }
  }

  /** Adds everything {@code other} counted. */
  public void merge(CategorySketch other) {
    missing += other.missing;
    overflow |= other.overflow;
    for (Map.Entry<String, long[]> e : other.counts.entrySet()) {
      long[] c = counts.get(e.getKey());
      if (c != null) {
        c[0] += e.getValue()[0];
      } else if (counts.size() < levelLimit) {
        counts.put(e.getKey(), new long[] {e.getValue()[0]});
      } else {
        overflow = true;
      }
    }
  }

  /** Count of missing values. */
  public long missing() {
    return missing;
  }

  /** Whether more than {@code levelLimit} distinct levels were seen. */
  public boolean overflow() {
    return overflow;
  }

  /** Number of distinct levels counted. */
  public int distinct() {
    return counts.size();
  }

  /** Count of non-missing values. */
  public long present() {
    long n = 0;
    for (long[] c : counts.values()) {
      n += c[0];
    }
    return n;
  }

  /** Levels with their counts, most frequent first, ties in string order. */
  public List<Map.Entry<String, Long>> byFrequency() {
    List<Map.Entry<String, Long>> out = new ArrayList<>(counts.size());
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      out.add(Map.entry(e.getKey(), e.getValue()[0]));
    }
    out.sort((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey())
        : Long.compare(b.getValue(), a.getValue()));
    return out;
  }
}
