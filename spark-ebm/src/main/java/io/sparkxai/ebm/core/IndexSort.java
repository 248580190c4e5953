package io.sparkxai.ebm.core;

/** Sorting row indexes by primitive keys without boxing (a stable bottom-up merge sort). */
final class IndexSort {

  private IndexSort() {}

  /** Indexes {@code 0..n-1} ordered by {@code (primary, secondary)}, ties kept in index order. */
  static int[] byTwoKeys(long[] primary, long[] secondary) {
    int n = primary.length;
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    int[] b = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + 2 * width, n);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          int x = a[i];
          int y = a[j];
          int c = Long.compare(primary[x], primary[y]);
          if (c == 0) {
            c = Long.compare(secondary[x], secondary[y]);
          }
          b[k++] = c <= 0 ? a[i++] : a[j++];
        }
        while (i < mid) {
          b[k++] = a[i++];
        }
        while (j < hi) {
          b[k++] = a[j++];
        }
      }
      int[] t = a;
      a = b;
      b = t;
    }
    return a;
  }

  /** Indexes ordered by {@code keys} ascending, ties in index order. */
  static int[] byKey(double[] keys, int[] indexes) {
    int n = indexes.length;
    int[] a = indexes.clone();
    int[] b = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + 2 * width, n);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          b[k++] = keys[a[i]] <= keys[a[j]] ? a[i++] : a[j++];
        }
        while (i < mid) {
          b[k++] = a[i++];
        }
        while (j < hi) {
          b[k++] = a[j++];
        }
      }
      int[] t = a;
      a = b;
      b = t;
    }
    return a;
  }
}
