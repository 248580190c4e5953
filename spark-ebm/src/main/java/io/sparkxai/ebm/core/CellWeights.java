package io.sparkxai.ebm.core;

import java.util.List;

/**
 * The training weight of every cell of a merged term, from the inputs' weights of their own, coarser
 * cells. Where an input's cell maps to one merged cell its weight goes there whole; where it covers
 * several merged cells (another input cut its range finer), its weight is split among them in
 * proportion to the weight the merged histogram holds in each, and the histogram is the fixed point of
 * that rule over all inputs: the expectation-maximisation estimate of a histogram from grouped counts
 * (Dempster, Laird and Rubin 1977, section 4.3; Turnbull 1976). So the finer inputs decide how a coarser
 * input's weight is spread. The total weight is each input's total, exactly; inputs that share their
 * cells give the plain sums, exactly; how a split cell divides is an estimate.
 */
final class CellWeights {

  /** Iterations at most; the estimate usually settles in a few dozen. */
  static final int MAX_ITERATIONS = 200;
  /** Stop when no cell moves by more than this fraction of the total weight. */
  static final double TOLERANCE = 1e-12;

  private CellWeights() {}

  /**
   * The merged cells' weights.
   *
   * @param cells merged cells
   * @param maps per input, merged cell to the input's cell
   * @param weights per input, the weight of each of its cells
   */
  static double[] merged(int cells, List<int[]> maps, List<double[]> weights) {
    double total = 0;
    for (double[] w : weights) {
      for (double v : w) {
        total += v;
      }
    }
    double[] p = new double[cells];
    java.util.Arrays.fill(p, 1.0);
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      double[] next = new double[cells];
      for (int m = 0; m < maps.size(); m++) {
        split(p, maps.get(m), weights.get(m), next);
      }
      double moved = 0;
      for (int c = 0; c < cells; c++) {
        moved = Math.max(moved, Math.abs(next[c] - p[c]));
      }
      p = next;
      if (it > 0 && moved <= TOLERANCE * Math.max(total, 1.0)) {
        break;
      }
    }
    return p;
  }

  /** Adds to {@code out} one input's weights, each cell's split over its merged cells in proportion to {@code p}. */
  private static void split(double[] p, int[] map, double[] weights, double[] out) {
    double[] group = new double[weights.length];
    int[] members = new int[weights.length];
    for (int c = 0; c < map.length; c++) {
      group[map[c]] += p[c];
      members[map[c]]++;
    }
    for (int c = 0; c < map.length; c++) {
      int s = map[c];
      // a group with no mass yet (all its cells at 0) splits evenly
      out[c] += group[s] > 0 ? weights[s] * p[c] / group[s] : weights[s] / members[s];
    }
  }
}
