package io.sparkxai.ebm.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Fits the update of a main (one-feature) term from its gradient/hessian histogram: a small Newton
 * tree grown best-first to {@code maxLeaves} leaves, as libebm's {@code PartitionOneDimensionalBoosting}
 * does it.
 * <ul>
 *   <li>Split gain: the children's partial gains {@code G^2/H} minus the parent's
 *       (Li 2012, "Robust LogitBoost", eq. 7); a split needs {@code minSamplesLeaf} rows and
 *       {@code minHessian} on each side and a positive gain; equal best gains are broken at random.</li>
 *   <li>Leaf value: {@code -learningRate * G/H} (a leaf with hessian below the smallest normal double
 *       gets 0).</li>
 *   <li>Numeric terms whose data had missing values: the missing bin is its own leaf (the forced
 *       split's gain counts); the tree grows over the value bins.</li>
 *   <li>Categorical terms: categories with fewer than {@code minCatSamples} training rows, and the
 *       "other" bin, are pooled ("dregs"); the rest are ordered by {@code G / (H + catSmooth)}
 *       (multiclass: shuffled) and split as ordered, the pool joining one side of each split tried.</li>
 *   <li>When no split gains anything the whole term moves by one Newton step (gain 0).</li>
 *   <li>Smoothing rounds: split points drawn at random among the view's bins, no leaf limits, gain 0.</li>
 * </ul>
 * Not thread-safe (one per booster).
 */
final class MainTreeFitter {

  /** The least gain a split must reach (libebm's {@code k_gainMin}, the smallest normal double). */
  static final double GAIN_MIN = Double.MIN_NORMAL;

  private final int k;
  private final BoostParams params;
  private final double hessianFloor;
  // the split points of equal best gain of one findSplit (reused: this runs at every step)
  private int[] tieDir = new int[16];
  private int[] tieAt = new int[16];
  private int ties;

  MainTreeFitter(int scores, BoostParams params) {
    this.k = scores;
    this.params = params;
    this.hessianFloor = params.hessianFloor();
  }

  /**
   * Computes the update of one main term.
   *
   * @param shape the term
   * @param hist its histogram ({@code (bin * k + c) * 2 + stat})
   * @param counts training rows per bin
   * @param update receives the scaled update per bin and class (zeroed here)
   * @param random whether this is a smoothing step (random split points)
   * @return the split gain (0 when nothing was split)
   */
  double fit(TermShape shape, double[] hist, int[] counts, double[] update, boolean random, SplittableRandom rng) {
    Arrays.fill(update, 0, shape.cells() * k, 0.0);
    int v0 = shape.firstA();
    int v1 = shape.lastA();
    if (v1 <= v0) {
      oneLeaf(hist, update, v0, v1);
      return 0;
    }
    if (random) {
      randomSplits(hist, update, v0, v1, rng);
      return 0;
    }
    return shape.nominal() ? nominal(shape, hist, counts, update, v0, v1, rng)
        : numeric(shape, hist, counts, update, v0, v1, rng);
  }

  private double numeric(TermShape shape, double[] hist, int[] counts, double[] update, int v0, int v1,
      SplittableRandom rng) {
    boolean missingLeaf = shape.missingSeparate() && v0 == 0;
    int first = missingLeaf ? 1 : v0;
    int[] order = new int[v1 - first + 1];
    for (int i = 0; i < order.length; i++) {
      order[i] = first + i;
    }
    Node root = totals(hist, counts, order, 0, order.length - 1, null);
    double totalGain = 0;
    if (missingLeaf) {
      for (int c = 0; c < k; c++) {
        double gm = grad(hist, 0, c);
        double hm = hess(hist, 0, c);
        totalGain += partialGainChecked(gm, hm) + partialGainChecked(root.g[c], root.h[c])
            - partialGainChecked(gm + root.g[c], hm + root.h[c]);
      }
    }
    List<Node> leaves = new ArrayList<>();
    totalGain += grow(root, order, hist, counts, null, leaves, rng);
    if (!(totalGain >= GAIN_MIN)) {
      oneLeaf(hist, update, v0, v1);
      return 0;
    }
    for (Node leaf : leaves) {
      for (int i = leaf.lo; i <= leaf.hi; i++) {
        setLeaf(update, order[i], leaf.g, leaf.h);
      }
    }
    if (missingLeaf) {
      double[] g = new double[k];
      double[] h = new double[k];
      for (int c = 0; c < k; c++) {
        g[c] = grad(hist, 0, c);
        h[c] = hess(hist, 0, c);
      }
      setLeaf(update, 0, g, h);
    }
    return totalGain;
  }

  private double nominal(TermShape shape, double[] hist, int[] counts, double[] update, int v0, int v1,
      SplittableRandom rng) {
    int other = shape.otherBin();
    int[] kept = new int[v1 - v0 + 1];
    int n = 0;
    Dregs dregs = null;
    for (int b = v0; b <= v1; b++) {
      if (counts[b] < params.minCatSamples() || b == other) {
        if (dregs == null) {
          dregs = new Dregs(k);
        }
        dregs.add(hist, counts, b, k);
      } else {
        kept[n++] = b;
      }
    }
    if (n <= 1) {
      oneLeaf(hist, update, v0, v1);
      return 0;
    }
    int[] order = Arrays.copyOf(kept, n);
    if (k == 1) {
      order = sortByRatio(hist, order);
    } else {
      for (int i = n - 1; i > 0; i--) { // no single sort key with several scores: random order (libebm)
        int j = rng.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    Node root = totals(hist, counts, order, 0, n - 1, dregs);
    List<Node> leaves = new ArrayList<>();
    double totalGain = grow(root, order, hist, counts, dregs, leaves, rng);
    if (!(totalGain >= GAIN_MIN)) {
      oneLeaf(hist, update, v0, v1);
      return 0;
    }
    for (Node leaf : leaves) {
      for (int i = leaf.lo; i <= leaf.hi; i++) {
        setLeaf(update, order[i], leaf.g, leaf.h);
      }
      if (leaf.hasDregs) {
        for (int b : dregs.bins()) {
          setLeaf(update, b, leaf.g, leaf.h);
        }
      }
    }
    return totalGain;
  }

  private int[] sortByRatio(double[] hist, int[] bins) {
    double[] ratio = new double[bins.length];
    for (int i = 0; i < bins.length; i++) {
      double g = grad(hist, bins[i], 0);
      double h = hess(hist, bins[i], 0);
      ratio[i] = Double.isInfinite(params.catSmooth()) ? g : g / (h + params.catSmooth());
    }
    int[] idx = new int[bins.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    int[] sorted = IndexSort.byKey(ratio, idx); // ties keep bin order (libebm: pointer order)
    int[] out = new int[bins.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = bins[sorted[i]];
    }
    return out;
  }

  /** Grows the tree best-first; adds leaves; returns the sum of the split gains. */
  private double grow(Node root, int[] order, double[] hist, int[] counts, Dregs dregs, List<Node> leaves,
      SplittableRandom rng) {
    double total = 0;
    int splits = params.maxLeaves() - 1;
    if (splits < 1 || !findSplit(root, order, hist, counts, dregs, rng)) {
      leaves.add(root);
      return 0;
    }
    PriorityQueue<Node> queue = new PriorityQueue<>((a, b) -> Double.compare(b.gain, a.gain));
    queue.add(root);
    List<Node> open = new ArrayList<>();
    while (splits > 0 && !queue.isEmpty()) {
      Node node = queue.poll();
      total += node.gain;
      splits--;
      Node inc = node.incChild(k);
      Node dec = node.decChild(k);
      for (Node child : new Node[] {inc, dec}) {
        // with no split left (always so for 2 leaves) a child is a leaf: no need to look for its split
        if (splits > 0 && findSplit(child, order, hist, counts, dregs, rng)) {
          queue.add(child);
        } else {
          open.add(child);
        }
      }
    }
    leaves.addAll(open);
    leaves.addAll(queue); // splittable nodes left unsplit are leaves too
    return total;
  }

  /**
   * Finds the best split of a node (libebm's FindBestSplitGain); records it on the node.
   *
   * @return whether a split with a positive gain exists
   */
  private boolean findSplit(Node node, int[] order, double[] hist, int[] counts, Dregs dregs, SplittableRandom rng) {
    if (node.lo >= node.hi) {
      return false;
    }
    double best = GAIN_MIN;
    ties = 0;
    double[] incG = new double[k];
    double[] incH = new double[k];
    int passes = node.hasDregs ? 2 : 1;
    for (int pass = 0; pass < passes; pass++) {
      int dir = pass == 0 ? 1 : -1;
      Arrays.fill(incG, 0);
      Arrays.fill(incH, 0);
      long incCount = 0;
      long decCount = node.count;
      if (node.hasDregs) {
        for (int c = 0; c < k; c++) {
          incG[c] = dregs.g[c];
          incH[c] = dregs.h[c];
        }
        incCount = dregs.count;
        decCount -= dregs.count;
      }
      int start = dir > 0 ? node.lo : node.hi;
      int end = dir > 0 ? node.hi : node.lo; // exclusive
      pass:
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
            break pass; // the remaining side only shrinks from here on
          }
          if (incH[c] < hessianFloor) {
            legal = false;
          }
          gain += partialGain(node.g[c] - incG[c], hDec) + partialGainChecked(incG[c], incH[c]);
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
    }
    if (ties == 0) {
      return false;
    }
    double parent = 0;
    for (int c = 0; c < k; c++) {
      parent += partialGain(node.g[c], node.h[c]);
    }
    double gain = best - parent;
    if (!(gain >= GAIN_MIN) || Double.isInfinite(gain)) {
      return false;
    }
    int pick = ties == 1 ? 0 : rng.nextInt(ties);
    node.gain = gain;
    node.splitDir = tieDir[pick];
    node.splitAt = tieAt[pick];
    // inc side totals
    node.incG = new double[k];
    node.incH = new double[k];
    long incCount = 0;
    if (node.hasDregs) {
      for (int c = 0; c < k; c++) {
        node.incG[c] = dregs.g[c];
        node.incH[c] = dregs.h[c];
      }
      incCount = dregs.count;
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
    return true;
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

  private Node totals(double[] hist, int[] counts, int[] order, int lo, int hi, Dregs dregs) {
    Node n = new Node(lo, hi, k);
    for (int i = lo; i <= hi; i++) {
      int b = order[i];
      n.count += counts[b];
      for (int c = 0; c < k; c++) {
        n.g[c] += grad(hist, b, c);
        n.h[c] += hess(hist, b, c);
      }
    }
    if (dregs != null) {
      n.hasDregs = true;
      n.count += dregs.count;
      for (int c = 0; c < k; c++) {
        n.g[c] += dregs.g[c];
        n.h[c] += dregs.h[c];
      }
    }
    return n;
  }

  private void randomSplits(double[] hist, double[] update, int v0, int v1, SplittableRandom rng) {
    int m = v1 - v0 + 1;
    int[] ends = RandomCuts.slices(m, params.maxLeaves(), rng);
    int start = 0;
    double[] g = new double[k];
    double[] h = new double[k];
    for (int end : ends) {
      Arrays.fill(g, 0);
      Arrays.fill(h, 0);
      for (int i = start; i < end; i++) {
        for (int c = 0; c < k; c++) {
          g[c] += grad(hist, v0 + i, c);
          h[c] += hess(hist, v0 + i, c);
        }
      }
      for (int i = start; i < end; i++) {
        setLeaf(update, v0 + i, g, h);
      }
      start = end;
    }
  }

  /** One Newton step for every bin of the view. */
  private void oneLeaf(double[] hist, double[] update, int v0, int v1) {
    double[] g = new double[k];
    double[] h = new double[k];
    for (int b = v0; b <= v1; b++) {
      for (int c = 0; c < k; c++) {
        g[c] += grad(hist, b, c);
        h[c] += hess(hist, b, c);
      }
    }
    for (int b = v0; b <= v1; b++) {
      setLeaf(update, b, g, h);
    }
  }

  private void setLeaf(double[] update, int bin, double[] g, double[] h) {
    for (int c = 0; c < k; c++) {
      update[bin * k + c] = leafValue(g[c], h[c], params.learningRate());
    }
  }

  /** {@code -lr * G/H}, or 0 when H is below the smallest normal double (libebm's CalcNegUpdate). */
  static double leafValue(double g, double h, double learningRate) {
    return h < Double.MIN_NORMAL ? 0.0 : -learningRate * (g / h);
  }

  /** {@code G^2/H}. */
  static double partialGain(double g, double h) {
    return g / h * g;
  }

  /** {@code G^2/H}, or 0 when H is below the smallest normal double. */
  static double partialGainChecked(double g, double h) {
    return h < Double.MIN_NORMAL ? 0.0 : g / h * g;
  }

  private double grad(double[] hist, int bin, int c) {
    return hist[(bin * k + c) * 2];
  }

  private double hess(double[] hist, int bin, int c) {
    return hist[(bin * k + c) * 2 + 1];
  }

  /** A tree node over {@code order[lo..hi]}, maybe holding the pooled categories. */
  private static final class Node {
    final int lo;
    final int hi;
    final double[] g;
    final double[] h;
    long count;
    boolean hasDregs;
    double gain;
    int splitDir;
    int splitAt;
    double[] incG;
    double[] incH;
    long incCount;

    Node(int lo, int hi, int k) {
      this.lo = lo;
      this.hi = hi;
      this.g = new double[k];
      this.h = new double[k];
    }

    Node incChild(int k) {
      Node n = splitDir > 0 ? new Node(lo, splitAt, k) : new Node(splitAt, hi, k);
      System.arraycopy(incG, 0, n.g, 0, k);
      System.arraycopy(incH, 0, n.h, 0, k);
      n.count = incCount;
      n.hasDregs = hasDregs;
      return n;
    }

    Node decChild(int k) {
      Node n = splitDir > 0 ? new Node(splitAt + 1, hi, k) : new Node(lo, splitAt - 1, k);
      for (int c = 0; c < k; c++) {
        n.g[c] = g[c] - incG[c];
        n.h[c] = h[c] - incH[c];
      }
      n.count = count - incCount;
      return n;
    }
  }

  /** The pooled categories of one step. */
  private static final class Dregs {
    final double[] g;
    final double[] h;
    long count;
    private int[] bins = new int[4];
    private int n;

    Dregs(int k) {
      g = new double[k];
      h = new double[k];
    }

    void add(double[] hist, int[] counts, int bin, int k) {
      count += counts[bin];
      for (int c = 0; c < k; c++) {
        g[c] += hist[(bin * k + c) * 2];
        h[c] += hist[(bin * k + c) * 2 + 1];
      }
      if (n == bins.length) {
        bins = Arrays.copyOf(bins, n * 2);
      }
      bins[n++] = bin;
    }

    int[] bins() {
      return Arrays.copyOf(bins, n);
    }
  }
}
