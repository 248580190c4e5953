package io.sparkxai.ebm.core;

/** Element-wise sums of arrays, in place, for the reductions of a fit (shards' sums add up). */
public final class ArraySums {

  private ArraySums() {}

  /** Adds {@code b} into {@code a} element-wise; returns {@code a}. */
  public static double[][] add(double[][] a, double[][] b) {
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        a[i][j] += b[i][j];
      }
    }
    return a;
  }

  /** Adds {@code b} into {@code a} element-wise; returns {@code a}. */
  public static double[] add(double[] a, double[] b) {
    for (int i = 0; i < a.length; i++) {
      a[i] += b[i];
    }
    return a;
  }
}
