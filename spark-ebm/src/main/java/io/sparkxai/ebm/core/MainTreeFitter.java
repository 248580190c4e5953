package io.sparkxai.ebm.core;

import static io.sparkxai.ebm.core.NewtonStep.GAIN_MIN;
import static io.sparkxai.ebm.core.NewtonStep.leafValue;
import static io.sparkxai.ebm.core.NewtonStep.partialGainChecked;

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
 *       "other" bin, are pooled ({@link PooledCategories}); the rest are ordered by {@code G / (H + catSmooth)}
 *       (multiclass: shuffled) and split as ordered, the pool joining one side of each split tried.</li>
 *   <li>When no split gains anything the whole term moves by one Newton step (gain 0).</li>
 *   <li>Smoothing rounds: split points drawn at random among the view's bins, no leaf limits, gain 0.</li>
 *   <li>Monotone constraints (numeric terms): only splits that keep the order, and one Newton step
 *       instead of an update that is not ordered ({@link MonotoneSteps}).</li>
 * </ul>
 * Not thread-safe (one per booster).
 */
final class MainTreeFitter {

  private final int k;
  private final BoostParams params;
  private final SplitFinder splitFinder;

  MainTreeFitter(int scores, BoostParams params) {
    this.k = scores;
    this.params = params;
    this.splitFinder = new SplitFinder(scores, params);
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
    int direction = MonotoneSteps.direction(shape, params);
    if (v1 <= v0 || direction != 0 && k > 1) { // libebm: a constrained multiclass term moves as one leaf
      oneLeaf(hist, update, v0, v1);
      return 0;
    }
    if (random) {
      randomSplits(hist, update, v0, v1, rng);
      if (direction != 0 && !ordered(update, shape, direction)) {
        oneLeaf(hist, update, v0, v1);
      }
      return 0;
    }
    if (shape.nominal()) {
      return nominal(shape, hist, counts, update, v0, v1, rng);
    }
    double gain = numeric(shape, hist, counts, update, v0, v1, direction, rng);
    if (direction != 0 && !ordered(update, shape, direction)) {
      oneLeaf(hist, update, v0, v1);
      return 0;
    }
    return gain;
  }

  /** Whether an update is ordered over the value bins (the missing bin has its own leaf). */
  private static boolean ordered(double[] update, TermShape shape, int direction) {
    return Isotonic.isMonotone(update, Math.max(1, shape.firstA()), shape.lastA(), direction);
  }

  private double numeric(TermShape shape, double[] hist, int[] counts, double[] update, int v0, int v1,
      int direction, SplittableRandom rng) {
    boolean missingLeaf = shape.missingSeparate() && v0 == 0;
    int first = missingLeaf ? 1 : v0;
    int[] order = new int[v1 - first + 1];
    for (int i = 0; i < order.length; i++) {
      order[i] = first + i;
    }
    TreeNode root = totals(hist, counts, order, 0, order.length - 1, null);
    double totalGain = 0;
    if (missingLeaf) {
      for (int c = 0; c < k; c++) {
        double gm = grad(hist, 0, c);
        double hm = hess(hist, 0, c);
        totalGain += partialGainChecked(gm, hm) + partialGainChecked(root.g[c], root.h[c])
            - partialGainChecked(gm + root.g[c], hm + root.h[c]);
      }
    }
    List<TreeNode> leaves = new ArrayList<>();
    totalGain += grow(root, order, hist, counts, null, direction, leaves, rng);
    if (!(totalGain >= GAIN_MIN)) {
      oneLeaf(hist, update, v0, v1);
      return 0;
    }
    setLeaves(update, leaves, order);
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
    PooledCategories pooled = null;
    for (int b = v0; b <= v1; b++) {
      if (counts[b] < params.minCatSamples() || b == other) {
        if (pooled == null) {
          pooled = new PooledCategories(k);
        }
        pooled.add(hist, counts, b, k);
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
    TreeNode root = totals(hist, counts, order, 0, n - 1, pooled);
    List<TreeNode> leaves = new ArrayList<>();
    double totalGain = grow(root, order, hist, counts, pooled, 0, leaves, rng);
    if (!(totalGain >= GAIN_MIN)) {
      oneLeaf(hist, update, v0, v1);
      return 0;
    }
    setLeaves(update, leaves, order);
    for (TreeNode leaf : leaves) {
      if (leaf.hasPooled) {
        for (int b : pooled.bins()) {
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

  /** Grows the tree best-first ({@code direction}: the monotone constraint); adds leaves; returns the gain. */
  private double grow(TreeNode root, int[] order, double[] hist, int[] counts, PooledCategories pooled,
      int direction, List<TreeNode> leaves, SplittableRandom rng) {
    double total = 0;
    int splits = params.maxLeaves() - 1;
    if (splits < 1 || !splitFinder.find(root, order, hist, counts, pooled, direction, rng)) {
      leaves.add(root);
      return 0;
    }
    PriorityQueue<TreeNode> queue = new PriorityQueue<>((a, b) -> Double.compare(b.gain, a.gain));
    queue.add(root);
    List<TreeNode> open = new ArrayList<>();
    while (splits > 0 && !queue.isEmpty()) {
      TreeNode node = queue.poll();
      total += node.gain;
      splits--;
      TreeNode inc = node.incChild(k);
      TreeNode dec = node.decChild(k);
      for (TreeNode child : new TreeNode[] {inc, dec}) {
        // with no split left (always so for 2 leaves) a child is a leaf: no need to look for its split
        if (splits > 0 && splitFinder.find(child, order, hist, counts, pooled, direction, rng)) {
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

  private TreeNode totals(double[] hist, int[] counts, int[] order, int lo, int hi, PooledCategories pooled) {
    TreeNode n = new TreeNode(lo, hi, k);
    for (int i = lo; i <= hi; i++) {
      int b = order[i];
      n.count += counts[b];
      for (int c = 0; c < k; c++) {
        n.g[c] += grad(hist, b, c);
        n.h[c] += hess(hist, b, c);
      }
    }
    if (pooled != null) {
      n.hasPooled = true;
      n.count += pooled.count;
      for (int c = 0; c < k; c++) {
        n.g[c] += pooled.g[c];
        n.h[c] += pooled.h[c];
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
      addBins(hist, v0 + start, v0 + end - 1, g, h);
      setLeaves(update, v0 + start, v0 + end - 1, g, h);
      start = end;
    }
  }

  /** One Newton step for every bin of the view. */
  private void oneLeaf(double[] hist, double[] update, int v0, int v1) {
    double[] g = new double[k];
    double[] h = new double[k];
    addBins(hist, v0, v1, g, h);
    setLeaves(update, v0, v1, g, h);
  }

  /** Adds the gradient and hessian sums of bins {@code from..to} to {@code g} and {@code h}. */
  private void addBins(double[] hist, int from, int to, double[] g, double[] h) {
    for (int b = from; b <= to; b++) {
      for (int c = 0; c < k; c++) {
        g[c] += grad(hist, b, c);
        h[c] += hess(hist, b, c);
      }
    }
  }

  private void setLeaves(double[] update, int from, int to, double[] g, double[] h) {
    for (int b = from; b <= to; b++) {
      setLeaf(update, b, g, h);
    }
  }

  /** Gives the bins of every leaf ({@code order[lo..hi]}) its Newton step. */
  private void setLeaves(double[] update, List<TreeNode> leaves, int[] order) {
    for (TreeNode leaf : leaves) {
      for (int i = leaf.lo; i <= leaf.hi; i++) {
        setLeaf(update, order[i], leaf.g, leaf.h);
      }
    }
  }

  private void setLeaf(double[] update, int bin, double[] g, double[] h) {
    for (int c = 0; c < k; c++) {
      update[bin * k + c] = leafValue(g[c], h[c], params.learningRate());
    }
  }

  private double grad(double[] hist, int bin, int c) {
    return hist[(bin * k + c) * 2];
  }

  private double hess(double[] hist, int bin, int c) {
    return hist[(bin * k + c) * 2 + 1];
  }
}
