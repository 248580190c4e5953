package io.sparkxai.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps a data interval onto a pixel interval and chooses round tick values (1, 2 or 5 times a power
 * of ten) for its axis. Immutable; an empty or degenerate data interval is widened around its value.
 */
public final class LinearScale {
  private final double lo;
  private final double hi;
  private final double from;
  private final double to;
  private final boolean whole;

  /** A scale from data {@code [lo, hi]} to pixels {@code [from, to]} ({@code to < from} for a y axis). */
  public LinearScale(double lo, double hi, double from, double to) {
    if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
      lo = 0;
      hi = 1;
    }
    if (hi - lo <= Math.abs(hi) * 1e-12) {
      double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
      lo -= pad;
      hi += pad;
    }
    this.lo = lo;
    this.hi = hi;
    this.from = from;
    this.to = to;
    this.whole = false;
  }

  private LinearScale(LinearScale s, boolean whole) {
    this.lo = s.lo;
    this.hi = s.hi;
    this.from = s.from;
    this.to = s.to;
    this.whole = whole;
  }

  /** This scale with ticks only at whole numbers (for counts, such as concepts intervened). */
  public LinearScale wholeNumbers() {
    return new LinearScale(this, true);
  }

  /** A scale over the data range of {@code values} (NaN and infinities ignored), optionally including 0. */
  public static LinearScale over(double[] values, boolean withZero, double from, double to) {
    double min = withZero ? 0 : Double.POSITIVE_INFINITY;
    double max = withZero ? 0 : Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (Double.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    return new LinearScale(min, max, from, to);
  }

  /** The pixel position of {@code v} (may lie outside the pixel interval when {@code v} does). */
  public double at(double v) {
    return from + (v - lo) / (hi - lo) * (to - from);
  }

  /** The lower data bound. */
  public double lo() {
    return lo;
  }

  /** The upper data bound. */
  public double hi() {
    return hi;
  }

  /** About {@code count} round values inside the data interval, increasing. */
  public List<Double> ticks(int count) {
    double step = niceStep((hi - lo) / Math.max(1, count));
    if (whole) {
      step = Math.max(1, step);
    }
    List<Double> ticks = new ArrayList<>();
    for (long k = (long) Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) {
      double t = k * step;
      ticks.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
    }
    return ticks;
  }

  static double niceStep(double rough) {
    double power = Math.pow(10, Math.floor(Math.log10(rough)));
    double f = rough / power;
    double nice = f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10;
    return nice * power;
  }
}
