package io.sparkxai.ebm.core;

/**
 * Two-dimensional prefix sums of a pair term's histogram over its view, so that the count, gradient
 * and hessian sums of any rectangle of bins cost four lookups. Rows of the grid are the first
 * feature's view bins, columns the second's. Not thread-safe; reused across steps.
 */
final class PairGrid {
  private final int k;
  private int na;
  private int nb;
  private int stride;
  private double[] cnt = new double[0];
  private double[] g = new double[0];
  private double[] h = new double[0];

  PairGrid(int scores) {
    this.k = scores;
  }

  /** Loads the histogram of a pair term ({@code hist[(cell * k + c) * 2 + stat]}, cell = a * binsB + b). */
  void load(TermShape s, double[] hist, int[] counts) {
    na = s.lastA() - s.firstA() + 1;
    nb = s.lastB() - s.firstB() + 1;
    stride = nb + 1;
    int size = (na + 1) * stride;
    if (cnt.length < size) {
      cnt = new double[size];
      g = new double[size * k];
      h = new double[size * k];
    }
    java.util.Arrays.fill(cnt, 0, stride, 0);
    java.util.Arrays.fill(g, 0, stride * k, 0);
    java.util.Arrays.fill(h, 0, stride * k, 0);
    for (int i = 0; i < na; i++) {
      int row = (i + 1) * stride;
      cnt[row] = 0;
      for (int c = 0; c < k; c++) {
        g[row * k + c] = 0;
        h[row * k + c] = 0;
      }
      int a = s.firstA() + i;
      double rc = 0;
      double[] rg = new double[k];
      double[] rh = new double[k];
      for (int j = 0; j < nb; j++) {
        int cell = a * s.binsB() + s.firstB() + j;
        rc += counts[cell];
        int p = row + j + 1;
        int up = p - stride;
        cnt[p] = cnt[up] + rc;
        for (int c = 0; c < k; c++) {
          rg[c] += hist[(cell * k + c) * 2];
          rh[c] += hist[(cell * k + c) * 2 + 1];
          g[p * k + c] = g[up * k + c] + rg[c];
          h[p * k + c] = h[up * k + c] + rh[c];
        }
      }
    }
  }

  int rows() {
    return na;
  }

  int cols() {
    return nb;
  }

  /** Sums over grid rows {@code [i0, i1]} and columns {@code [j0, j1]} into {@code out}. */
  void rect(int i0, int i1, int j0, int j1, Sums out) {
    int p11 = (i1 + 1) * stride + j1 + 1;
    int p01 = i0 * stride + j1 + 1;
    int p10 = (i1 + 1) * stride + j0;
    int p00 = i0 * stride + j0;
    out.count = cnt[p11] - cnt[p01] - cnt[p10] + cnt[p00];
    for (int c = 0; c < k; c++) {
      out.g[c] = g[p11 * k + c] - g[p01 * k + c] - g[p10 * k + c] + g[p00 * k + c];
      out.h[c] = h[p11 * k + c] - h[p01 * k + c] - h[p10 * k + c] + h[p00 * k + c];
    }
  }

  /** Count, gradient and hessian sums of a set of cells. */
  static final class Sums {
    double count;
    final double[] g;
    final double[] h;

    Sums(int k) {
      g = new double[k];
      h = new double[k];
    }

    /** Whether a leaf of these sums meets the row and hessian limits. */
    boolean valid(int minSamplesLeaf, double hessianFloor) {
      if (count < minSamplesLeaf) {
        return false;
      }
      for (double v : h) {
        if (v < hessianFloor) {
          return false;
        }
      }
      return true;
    }

    /** Sum over classes of {@code G^2/H}. */
    double partialGain() {
      double s = 0;
      for (int c = 0; c < g.length; c++) {
        s += NewtonStep.partialGain(g[c], h[c]);
      }
      return s;
    }

    void setDifference(Sums a, Sums b) {
      count = a.count - b.count;
      for (int c = 0; c < g.length; c++) {
        g[c] = a.g[c] - b.g[c];
        h[c] = a.h[c] - b.h[c];
      }
    }
  }
}
