package io.sparkxai.nn;

/** Reordering of flattened sample rows between H,W,C and C,H,W. */
public final class Layouts {

  private Layouts() {}

  /** {@code n} rows of {@code [H,W,C]} values to {@code [C,H,W]}; {@code chw} is the shape {C,H,W}. */
  public static double[] hwcToChw(double[] rows, int n, int[] chw) {
    return reorder(rows, n, chw, true);
  }

  /** The inverse of {@link #hwcToChw}. */
  public static double[] chwToHwc(double[] rows, int n, int[] chw) {
    return reorder(rows, n, chw, false);
  }

  private static double[] reorder(double[] rows, int n, int[] chw, boolean toChw) {
    int c = chw[0];
    int h = chw[1];
    int w = chw[2];
    int size = c * h * w;
    double[] out = new double[n * size];
    for (int r = 0; r < n; r++) {
      int base = r * size;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          for (int k = 0; k < c; k++) {
            int hwcAt = base + (y * w + x) * c + k;
            int chwAt = base + (k * h + y) * w + x;
            if (toChw) {
              out[chwAt] = rows[hwcAt];
            } else {
              out[hwcAt] = rows[chwAt];
            }
          }
        }
      }
    }
    return out;
  }
}
