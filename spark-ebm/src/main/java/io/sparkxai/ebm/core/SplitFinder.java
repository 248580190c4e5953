package io.sparkxai.ebm.core;

import static io.sparkxai.ebm.core.NewtonStep.partialGain;
import static io.sparkxai.ebm.core.NewtonStep.partialGainChecked;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Finds the best split of a node of {@link MainTreeFitter}'s tree, as libebm's
 * {@code FindBestSplitGain} does: every split point of the node's ordered bins is tried (from both
 * ends when the node holds pooled categories, which join the side the scan starts from); a split
 * needs {@code minSamplesLeaf} rows and {@code minHessian} on each side and a gain over the parent of
 * at least {@link NewtonStep#GAIN_MIN}; equal best gains are broken at random. Not thread-safe (one
 * per fitter).
 */
final class SplitFinder {

  private final int k;
  private final BoostParams params;
  private final double hessianFloor;
  // the split points of equal best gain of one find (reused: this runs at every step)
  private int[] tieDir = new int[16];
  private int[] tieAt = new int[16];
  private int ties;

  SplitFinder(int scores, BoostParams params) {
    this.k = scores;
    this.params = params;
    this.hessianFloor = params.hessianFloor();
  }

  /**
   * Finds the best split of a node (libebm's FindBestSplitGain); records it on the node.
   *
   * @param direction the monotone constraint of the term (+1, -1, 0 for none): a split is legal only when
   *     the Newton step of the low bins is not above (below for -1) that of the high bins
   * @return whether a split with a positive gain exists
   */
  boolean find(TreeNode node, int[] order, double[] hist, int[] counts, PooledCategories pooled, int direction,
      SplittableRandom rng) {
    if (node.lo >= node.hi) {
      return false;
    }
    ties = 0;
    double best = NewtonStep.GAIN_MIN;
    best = bestSplits(node, 1, order, hist, counts, pooled, direction, best);
    if (node.hasPooled) {
      best = bestSplits(node, -1, order, hist, counts, pooled, direction, best);
    }
    if (ties == 0) {
      return false;
    }
    double parent = 0;
    for (int c = 0; c < k; c++) {
      parent += partialGain(node.g[c], node.h[c]);
    }
    double gain = best - parent;
    if (!(gain >= NewtonStep.GAIN_MIN) || Double.isInfinite(gain)) {
      return false;
    }
    int pick = ties == 1 ? 0 : rng.nextInt(ties);
    node.gain = gain;
    node.splitDir = tieDir[pick];
    node.splitAt = tieAt[pick];
    incSide(node, order, hist, counts, pooled);
    return true;
  }

  /**
   * Tries every split point of a node from one end ({@code dir} 1: the pooled categories, if any,
   * with the low end; -1: with the high end), keeping the points of equal best gain as ties.
   *
   * @return the best gain so far (at least {@code best})
   */
  private double bestSplits(TreeNode node, int dir, int[] order, double[] hist, int[] counts,
      PooledCategories pooled, int direction, double best) {
    double[] incG = new double[k];
    double[] incH = new double[k];
    long incCount = 0;
    long decCount = node.count;
    if (node.hasPooled) {
      for (int c = 0; c < k; c++) {
        incG[c] = pooled.g[c];
        incH[c] = pooled.h[c];
      }
      incCount = pooled.count;
      decCount -= pooled.count;
    }
    int start = dir > 0 ? node.lo : node.hi;
    int end = dir > 0 ? node.hi : node.lo; // exclusive
    for (int i = start; i != end; i += dir) {
      int b = order[i];
      decCount -= counts[b];
      if (decCount < params.minSamplesLeaf()) {
        break;
      }
      incCount += counts[b];
      boolean legal = true;
      double gain = 0;
      for (int c = 0; c < k; c++) {
        incG[c] += grad(hist, b, c);
        incH[c] += hess(hist, b, c);
      }
      for (int c = 0; c < k; c++) {
        double hDec = node.h[c] - incH[c];
        if (hDec < hessianFloor) {
          return best; // the remaining side only shrinks from here on
        }
        if (incH[c] < hessianFloor) {
          legal = false;
        }
        gain += partialGain(node.g[c] - incG[c], hDec) + partialGainChecked(incG[c], incH[c]);
        if (direction != 0 && !MonotoneSteps.legal(dir * direction, incG[c], incH[c], node.g[c] - incG[c], hDec)) {
          legal = false; // the inc side holds the low bins when dir > 0
        }
      }
      if (!legal || incCount < params.minSamplesLeaf()) {
        continue;
      }
      if (!(gain < best)) {
        if (gain != best) {
          ties = 0;
        }
        best = gain;
        addTie(dir, i);
      }
    }
    return best;
  }

  /** The totals of the chosen split's inc side (the side that holds the pooled categories). */
  private void incSide(TreeNode node, int[] order, double[] hist, int[] counts, PooledCategories pooled) {
    node.incG = new double[k];
    node.incH = new double[k];
    long incCount = 0;
    if (node.hasPooled) {
      for (int c = 0; c < k; c++) {
        node.incG[c] = pooled.g[c];
        node.incH[c] = pooled.h[c];
      }
      incCount = pooled.count;
    }
    int from = node.splitDir > 0 ? node.lo : node.splitAt;
    int to = node.splitDir > 0 ? node.splitAt : node.hi;
    for (int i = from; i <= to; i++) {
      int b = order[i];
      incCount += counts[b];
      for (int c = 0; c < k; c++) {
        node.incG[c] += grad(hist, b, c);
        node.incH[c] += hess(hist, b, c);
      }
    }
    node.incCount = incCount;
  }

  private void addTie(int dir, int at) {
    if (ties == tieDir.length) {
      tieDir = Arrays.copyOf(tieDir, 2 * ties);
      tieAt = Arrays.copyOf(tieAt, 2 * ties);
    }
    tieDir[ties] = dir;
    tieAt[ties] = at;
    ties++;
  }

  private double grad(double[] hist, int bin, int c) {
    return hist[(bin * k + c) * 2];
  }

  private double hess(double[] hist, int bin, int c) {
    return hist[(bin * k + c) * 2 + 1];
  }
}
