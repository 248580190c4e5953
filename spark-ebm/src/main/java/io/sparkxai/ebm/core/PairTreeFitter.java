package io.sparkxai.ebm.core;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Fits the update of a pair term from its 2-D histogram, as libebm's
 * {@code PartitionMultiDimensionalTree} does for two features: one cut on a first axis, then one cut
 * on the other axis inside one of the two halves, giving three leaves; every order of the axes, every
 * half and every pair of cut positions is tried, and the best one whose leaves all meet
 * {@code minSamplesLeaf} and {@code minHessian} wins if it gains anything over no split. Leaf values
 * are Newton steps {@code -lr * G/H}. Smoothing steps cut each axis at random instead. A pair with a
 * monotone-constrained feature moves as one leaf ({@link MonotoneSteps}). Not thread-safe.
 */
final class PairTreeFitter {
  private final int k;
  private final BoostParams params;
  private final double hessianFloor;
  private final PairGrid grid;
  private final PairGrid.Sums total;
  private final PairGrid.Sums other;
  private final PairGrid.Sums slab;
  private final PairGrid.Sums left;
  private final PairGrid.Sums right;

  PairTreeFitter(int scores, BoostParams params) {
    this.k = scores;
    this.params = params;
    this.hessianFloor = params.hessianFloor();
    this.grid = new PairGrid(scores);
    this.total = new PairGrid.Sums(scores);
    this.other = new PairGrid.Sums(scores);
    this.slab = new PairGrid.Sums(scores);
    this.left = new PairGrid.Sums(scores);
    this.right = new PairGrid.Sums(scores);
  }

  /**
   * Computes the update of one pair term.
   *
   * @return the gain (0 when nothing was split)
   */
  double fit(TermShape s, double[] hist, int[] counts, double[] update, boolean random, SplittableRandom rng) {
    Arrays.fill(update, 0, s.cells() * k, 0.0);
    grid.load(s, hist, counts);
    int na = grid.rows();
    int nb = grid.cols();
    if (MonotoneSteps.pairConstrained(s, params)) { // libebm sums such a tensor into one bin
      grid.rect(0, na - 1, 0, nb - 1, total);
      block(s, update, 0, na - 1, 0, nb - 1, total);
      return 0;
    }
    if (random) {
      randomBlocks(s, update, na, nb, rng);
      return 0;
    }
    grid.rect(0, na - 1, 0, nb - 1, total);
    double best = Double.NEGATIVE_INFINITY;
    int[] config = null; // {firstAxis (0 = A), cut, side (0 = low half split again), secondCut}
    for (int axis = 0; axis < 2; axis++) {
      int n1 = axis == 0 ? na : nb;
      int n2 = axis == 0 ? nb : na;
      for (int i = 0; i + 1 < n1; i++) {
        for (int side = 0; side < 2; side++) {
          int s0 = side == 0 ? 0 : i + 1;
          int s1 = side == 0 ? i : n1 - 1;
          int o0 = side == 0 ? i + 1 : 0;
          int o1 = side == 0 ? n1 - 1 : i;
          rect(axis, o0, o1, 0, n2 - 1, other);
          if (!other.valid(params.minSamplesLeaf(), hessianFloor)) {
            continue;
          }
          double otherGain = other.partialGain();
          rect(axis, s0, s1, 0, n2 - 1, slab);
          for (int j = 0; j + 1 < n2; j++) {
            rect(axis, s0, s1, 0, j, left);
            if (!left.valid(params.minSamplesLeaf(), hessianFloor)) {
              continue;
            }
            right.setDifference(slab, left);
            if (!right.valid(params.minSamplesLeaf(), hessianFloor)) {
              continue;
            }
            double gain = otherGain + left.partialGain() + right.partialGain();
            if (gain > best) {
              best = gain;
              config = new int[] {axis, i, side, j};
            }
          }
        }
      }
    }
    double gain = best - total.partialGain();
    if (config == null || !(gain >= NewtonStep.GAIN_MIN) || Double.isInfinite(gain)) {
      block(s, update, 0, na - 1, 0, nb - 1, total);
      return 0;
    }
    int axis = config[0];
    int i = config[1];
    int side = config[2];
    int j = config[3];
    int n1 = axis == 0 ? na : nb;
    int n2 = axis == 0 ? nb : na;
    int s0 = side == 0 ? 0 : i + 1;
    int s1 = side == 0 ? i : n1 - 1;
    int o0 = side == 0 ? i + 1 : 0;
    int o1 = side == 0 ? n1 - 1 : i;
    PairGrid.Sums leaf = new PairGrid.Sums(k);
    rect(axis, o0, o1, 0, n2 - 1, leaf);
    writeBlock(s, update, axis, o0, o1, 0, n2 - 1, leaf);
    rect(axis, s0, s1, 0, j, leaf);
    writeBlock(s, update, axis, s0, s1, 0, j, leaf);
    rect(axis, s0, s1, j + 1, n2 - 1, leaf);
    writeBlock(s, update, axis, s0, s1, j + 1, n2 - 1, leaf);
    return gain;
  }

  /** A rectangle with the first coordinate along {@code axis}. */
  private void rect(int axis, int i0, int i1, int j0, int j1, PairGrid.Sums out) {
    if (axis == 0) {
      grid.rect(i0, i1, j0, j1, out);
    } else {
      grid.rect(j0, j1, i0, i1, out);
    }
  }

  private void writeBlock(TermShape s, double[] update, int axis, int i0, int i1, int j0, int j1, PairGrid.Sums sums) {
    if (axis == 0) {
      block(s, update, i0, i1, j0, j1, sums);
    } else {
      block(s, update, j0, j1, i0, i1, sums);
    }
  }

  private void block(TermShape s, double[] update, int i0, int i1, int j0, int j1, PairGrid.Sums sums) {
    for (int i = i0; i <= i1; i++) {
      int a = s.firstA() + i;
      for (int j = j0; j <= j1; j++) {
        int cell = a * s.binsB() + s.firstB() + j;
        for (int c = 0; c < k; c++) {
          update[cell * k + c] = NewtonStep.leafValue(sums.g[c], sums.h[c], params.learningRate());
        }
      }
    }
  }

  private void randomBlocks(TermShape s, double[] update, int na, int nb, SplittableRandom rng) {
    int[] endsA = RandomCuts.slices(na, params.maxLeaves(), rng);
    int[] endsB = RandomCuts.slices(nb, params.maxLeaves(), rng);
    PairGrid.Sums sums = new PairGrid.Sums(k);
    int a0 = 0;
    for (int ea : endsA) {
      int b0 = 0;
      for (int eb : endsB) {
        grid.rect(a0, ea - 1, b0, eb - 1, sums);
        block(s, update, a0, ea - 1, b0, eb - 1, sums);
        b0 = eb;
      }
      a0 = ea;
    }
  }
}
