package io.sparkxai.concepts.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The best classifier that sees only the true concepts: for each concept tuple seen in training,
 * its most frequent class (ties: the lower class); for unseen tuples, the most frequent class
 * overall. Its accuracy on held-out rows is the <em>concept ceiling</em>: what any model that
 * predicts the task from these concepts alone can reach (no leakage through soft concepts).
 */
public final class ConceptLookupTable {

  private final Map<Long, Integer> table;
  private final int fallback;

  private ConceptLookupTable(Map<Long, Integer> table, int fallback) {
    this.table = Map.copyOf(table);
    this.fallback = fallback;
  }

  /** Fits the table on training counts (the prediction field is ignored). */
  public static ConceptLookupTable fit(List<TupleCount> training, int numClasses) {
    Map<Long, long[]> counts = new HashMap<>();
    long[] overall = new long[numClasses];
    for (TupleCount t : training) {
      if (t.label() < 0 || t.label() >= numClasses) {
        throw new IllegalArgumentException("label " + t.label() + " is outside 0.." + (numClasses - 1));
      }
      counts.computeIfAbsent(t.tuple(), k -> new long[numClasses])[t.label()] += t.count();
      overall[t.label()] += t.count();
    }
    Map<Long, Integer> table = new HashMap<>();
    counts.forEach((tuple, c) -> table.put(tuple, argMax(c)));
    return new ConceptLookupTable(table, argMax(overall));
  }

  private static int argMax(long[] c) {
    int best = 0;
    for (int j = 1; j < c.length; j++) {
      if (c[j] > c[best]) {
        best = j;
      }
    }
    return best;
  }

  /** The class the table gives {@code tuple}. */
  public int predict(long tuple) {
    return table.getOrDefault(tuple, fallback);
  }

  /** Number of distinct tuples seen in training. */
  public int size() {
    return table.size();
  }

  /** Accuracy on {@code rows} (fraction of rows whose label the table predicts); NaN for no rows. */
  public double accuracy(List<TupleCount> rows) {
    long right = 0;
    long all = 0;
    for (TupleCount t : rows) {
      all += t.count();
      if (predict(t.tuple()) == t.label()) {
        right += t.count();
      }
    }
    return all == 0 ? Double.NaN : right / (double) all;
  }
}
