package io.sparkxai.ebm.core;

/** Sorting row indexes by primitive keys without boxing (a stable bottom-up merge sort). */
final class IndexSort {

  private IndexSort() {}

  /** Whether index {@code x} may stay before index {@code y}. */
  @FunctionalInterface
  private interface Order {
    boolean inOrder(int x, int y);
  }

  /** Indexes {@code 0..n-1} ordered by {@code (primary, secondary)}, ties kept in index order. */
  static int[] byTwoKeys(long[] primary, long[] secondary) {
    int[] a = new int[primary.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = i;
    }
    return sort(a, (x, y) -> {
      int c = Long.compare(primary[x], primary[y]);
      if (c == 0) {
        c = Long.compare(secondary[x], secondary[y]);
      }
      return c <= 0;
    });
  }

  /** Indexes ordered by {@code keys} ascending, ties in index order. */
  static int[] byKey(double[] keys, int[] indexes) {
    return sort(indexes.clone(), (x, y) -> keys[x] <= keys[y]);
  }

  /** Sorts {@code a} (reused as a buffer) stably by {@code order}; returns the sorted array. */
  private static int[] sort(int[] a, Order order) {
    int n = a.length;
    int[] b = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + 2 * width, n);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          b[k++] = order.inOrder(a[i], a[j]) ? a[i++] : a[j++];
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
