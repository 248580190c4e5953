package io.sparkxai.ebm.core;

import java.util.Arrays;

/**
 * The categories of one step of {@link MainTreeFitter} that are too rare to be split on their own
 * (fewer than {@code minCatSamples} training rows) and the "other" bin, pooled: their gradient and
 * hessian sums per score, row count and bins. The pool joins one side of every split tried, and its
 * bins get that side's leaf value (libebm's "dregs"). Mutable.
 */
final class PooledCategories {
  final double[] g;
  final double[] h;
  long count;
  private int[] bins = new int[4];
  private int n;

  PooledCategories(int k) {
    g = new double[k];
    h = new double[k];
  }

  /** Adds bin {@code bin} of the histogram ({@code (bin * k + c) * 2 + stat}) to the pool. */
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

  /** The pooled bins. */
  int[] bins() {
    return Arrays.copyOf(bins, n);
  }
}
