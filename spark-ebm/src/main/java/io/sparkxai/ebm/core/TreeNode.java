package io.sparkxai.ebm.core;

/**
 * A node of {@link MainTreeFitter}'s tree over the bins {@code order[lo..hi]}: gradient and hessian
 * sums per score, the row count, and once a split is found its gain, direction, position and the
 * totals of its inc side. A node may also hold the pooled categories ({@link PooledCategories}),
 * which always stay on the inc side. Mutable.
 */
final class TreeNode {
  final int lo;
  final int hi;
  final double[] g;
  final double[] h;
  long count;
  boolean hasPooled;
  double gain;
  int splitDir;
  int splitAt;
  double[] incG;
  double[] incH;
  long incCount;

  TreeNode(int lo, int hi, int k) {
    this.lo = lo;
    this.hi = hi;
    this.g = new double[k];
    this.h = new double[k];
  }

  /** The child on the inc side of the split (it keeps the pooled categories). */
  TreeNode incChild(int k) {
    TreeNode n = splitDir > 0 ? new TreeNode(lo, splitAt, k) : new TreeNode(splitAt, hi, k);
    System.arraycopy(incG, 0, n.g, 0, k);
    System.arraycopy(incH, 0, n.h, 0, k);
    n.count = incCount;
    n.hasPooled = hasPooled;
    return n;
  }

  /** The child on the other side of the split. */
  TreeNode decChild(int k) {
    TreeNode n = splitDir > 0 ? new TreeNode(splitAt + 1, hi, k) : new TreeNode(lo, splitAt - 1, k);
    for (int c = 0; c < k; c++) {
      n.g[c] = g[c] - incG[c];
      n.h[c] = h[c] - incH[c];
    }
    n.count = count - incCount;
    return n;
  }
}
