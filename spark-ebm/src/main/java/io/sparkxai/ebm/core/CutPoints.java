package io.sparkxai.ebm.core;

import java.util.Arrays;

/**
 * Quantile cut points with interpretml's semantics ({@code cut_quantile}): cuts lie between distinct
 * values (midway), never inside a run of equal values, and there are at most {@code maxCuts} of them
 * ({@code max_bins - 3}: one bin for missing, one for unseen, and one more bin than cuts). When the
 * distinct values fit, every gap between them gets a cut; otherwise each of the {@code maxCuts}
 * equal-count quantile positions is snapped to the nearer gap around the value run holding it, so a
 * heavy value absorbs the quantiles that fall inside it. (interpretml's greedy redistributes the cuts
 * a heavy value absorbs; on data with few heavy values the two agree up to a few cuts.)
 */
public final class CutPoints {

  private CutPoints() {}

  /**
   * Cut points for sorted distinct finite {@code values} seen {@code counts} times.
   *
   * @param values strictly increasing finite values
   * @param counts positive counts (or sample weights) of each value
   * @param maxCuts the most cuts to return ({@code >= 0})
   * @return strictly increasing cut points
   */
  public static double[] quantileCuts(double[] values, double[] counts, int maxCuts) {
    int m = values.length;
    if (m != counts.length) {
      throw new IllegalArgumentException("values and counts differ in length: " + m + " vs " + counts.length);
    }
    if (m <= 1 || maxCuts <= 0) {
      return new double[0];
    }
    if (m - 1 <= maxCuts) {
      double[] cuts = new double[m - 1];
      for (int i = 1; i < m; i++) {
        cuts[i - 1] = midpoint(values[i - 1], values[i]);
      }
      return cuts;
    }
    double[] cumulative = new double[m + 1]; // cumulative[i] = count of values[0..i-1]
    for (int i = 0; i < m; i++) {
      cumulative[i + 1] = cumulative[i] + counts[i];
    }
    double total = cumulative[m];
    // gap g (1..m-1) lies between values[g-1] and values[g]; its position is cumulative[g]
    boolean[] used = new boolean[m];
    int n = 0;
    int run = 0; // index of the value holding the current quantile
    for (int j = 1; j <= maxCuts; j++) {
      double q = total * j / (maxCuts + 1);
      while (run < m - 1 && cumulative[run + 1] <= q) {
        run++;
      }
      // quantile q falls inside values[run]: gap below at cumulative[run], gap above at cumulative[run+1]
      int below = run;
      int above = run + 1;
      int gap;
      if (below < 1) {
        gap = above;
      } else if (above > m - 1) {
        gap = below;
      } else {
        gap = q - cumulative[below] <= cumulative[above] - q ? below : above;
      }
      if (gap >= 1 && gap <= m - 1 && !used[gap]) {
        used[gap] = true;
        n++;
      }
    }
    double[] cuts = new double[n];
    int k = 0;
    for (int g = 1; g < m; g++) {
      if (used[g]) {
        cuts[k++] = midpoint(values[g - 1], values[g]);
      }
    }
    return cuts;
  }

  /**
   * The indexes of {@code mainCuts} nearest to the quantile cuts at the coarser resolution
   * {@code maxPairCuts}, so that pair bins are unions of main bins.
   */
  public static int[] coarserSubset(double[] values, double[] counts, double[] mainCuts, int maxPairCuts) {
    double[] pairCuts = quantileCuts(values, counts, maxPairCuts);
    int[] idx = new int[pairCuts.length];
    int n = 0;
    for (double c : pairCuts) {
      int i = Arrays.binarySearch(mainCuts, c);
      if (i < 0) {
        int ins = -i - 1;
        if (ins == 0) {
          i = 0;
        } else if (ins >= mainCuts.length) {
          i = mainCuts.length - 1;
        } else {
          i = c - mainCuts[ins - 1] <= mainCuts[ins] - c ? ins - 1 : ins;
        }
      }
      if (i >= 0 && (n == 0 || idx[n - 1] < i)) {
        idx[n++] = i;
      }
    }
    return Arrays.copyOf(idx, n);
  }

  /**
   * The point midway between {@code low < high}, computed without overflow and always in
   * {@code (low, high]} (when the two are adjacent doubles, {@code high}), so that {@code low} stays
   * below the cut and {@code high} at or above it.
   */
  static double midpoint(double low, double high) {
    double half = (high - low) / 2;
    if (Double.isInfinite(half)) {
      half = high / 2 - low / 2;
    }
    double mid = Math.abs(low) <= Math.abs(high) ? low + half : high - half;
    if (mid <= low) {
      mid = high;
    }
    if (mid > high) {
      mid = high;
    }
    return mid;
  }
}
