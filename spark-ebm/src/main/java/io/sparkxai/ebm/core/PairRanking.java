package io.sparkxai.ebm.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Chooses the pairs to boost from per-bag FAST strengths as interpretml does: within each bag the
 * candidates are ranked by strength (strongest first; ties by feature indexes, larger first, as a
 * reversed sort of {@code (strength, (i, j))} does), ranks are averaged over bags, and the
 * {@code count} pairs with the lowest mean rank win (ties by feature indexes).
 */
public final class PairRanking {

  private PairRanking() {}

  /**
   * The chosen pairs.
   *
   * @param candidates the candidate pairs
   * @param strengths per bag, one strength per candidate
   * @param count how many to keep
   */
  public static List<int[]> choose(List<int[]> candidates, List<double[]> strengths, int count) {
    int n = candidates.size();
    double[] meanRank = new double[n];
    int bags = 0;
    for (double[] s : strengths) {
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> {
        int c = Double.compare(s[b], s[a]);
        return c != 0 ? c : comparePairs(candidates.get(b), candidates.get(a));
      });
      for (int rank = 0; rank < n; rank++) {
        int i = order[rank];
        meanRank[i] += (rank - meanRank[i]) / (bags + 1);
      }
      bags++;
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> meanRank[i])
        .thenComparing((a, b) -> comparePairs(candidates.get(a), candidates.get(b))));
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < Math.min(count, n); i++) {
      out.add(candidates.get(order[i]).clone());
    }
    return out;
  }

  private static int comparePairs(int[] a, int[] b) {
    int c = Integer.compare(a[0], b[0]);
    return c != 0 ? c : Integer.compare(a[1], b[1]);
  }

  /**
   * The number of pairs an {@code interactions} setting asks for: {@code "0"}, a count {@code "10"},
   * or a multiple of the feature count {@code "3x"} (rounded up).
   *
   * @throws IllegalArgumentException naming the value when it is neither
   */
  public static int count(String interactions, int features) {
    String s = interactions == null ? "" : interactions.trim().toLowerCase(Locale.ROOT);
    try {
      if (s.endsWith("x")) {
        double m = Double.parseDouble(s.substring(0, s.length() - 1).trim());
        if (m < 0 || !Double.isFinite(m)) {
          throw new NumberFormatException();
        }
        return (int) Math.ceil(features * m);
      }
      int n = Integer.parseInt(s);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("interactions must be a count (\"10\", \"0\") or a multiple of the "
          + "feature count (\"3x\"), got \"" + interactions + "\"");
    }
  }
}
