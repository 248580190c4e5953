package io.sparkxai.ebm.core;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Random split points for smoothing rounds (libebm's {@code PartitionRandomBoosting}): up to
 * {@code maxLeaves - 1} distinct positions drawn uniformly among the {@code m - 1} gaps of {@code m}
 * bins, by a partial Fisher-Yates shuffle.
 */
final class RandomCuts {

  private RandomCuts() {}

  /**
   * The exclusive end of each slice of {@code m} bins, the last being {@code m}.
   *
   * @param m bins ({@code >= 1})
   * @param maxLeaves most slices
   */
  static int[] slices(int m, int maxLeaves, SplittableRandom rng) {
    int gaps = m - 1;
    int cuts = Math.max(0, Math.min(maxLeaves - 1, gaps));
    int[] positions = new int[gaps];
    for (int i = 0; i < gaps; i++) {
      positions[i] = gaps - i; // gap g lies before bin g
    }
    int left = gaps;
    for (int i = 0; i < cuts; i++) {
      int j = i + rng.nextInt(left);
      int t = positions[j];
      positions[j] = positions[i];
      positions[i] = t;
      left--;
    }
    int[] chosen = Arrays.copyOf(positions, cuts);
    Arrays.sort(chosen);
    int[] ends = Arrays.copyOf(chosen, cuts + 1);
    ends[cuts] = m;
    return ends;
  }
}
