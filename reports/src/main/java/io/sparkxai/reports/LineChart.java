package io.sparkxai.reports;

import java.util.ArrayList;
import java.util.List;

/** Lines through points (e.g. task accuracy as more concepts are intervened on), one per named series. */
public final class LineChart {
  private LineChart() {}

  /** A chart with the given axis titles. */
  public static Builder builder(String xLabel, String yLabel) {
    return new Builder(xLabel, yLabel);
  }

  private record Series(String name, double[] x, double[] y) {}

  /** Collects series; {@link #build} draws them. */
  public static final class Builder {
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private int width = 640;
    private double yMin = Double.NEGATIVE_INFINITY;
    private double yMax = Double.POSITIVE_INFINITY;

    private Builder(String xLabel, String yLabel) {
      this.xLabel = xLabel;
      this.yLabel = yLabel;
    }

    /** A named series of points ({@code x.length == y.length}). */
    public Builder series(String name, double[] x, double[] y) {
      if (x.length != y.length || x.length == 0) {
        throw new IllegalArgumentException("series '" + name + "' needs as many x as y values (at least one), got "
            + x.length + " and " + y.length);
      }
      series.add(new Series(name, x.clone(), y.clone()));
      return this;
    }

    /**
     * Values the y axis never goes beyond, however the data range is padded (an accuracy: 0 and 1;
     * by default none). Points must lie within them.
     */
    public Builder yLimits(double min, double max) {
      if (!(min < max)) {
        throw new IllegalArgumentException("y limits must satisfy min < max, got " + min + ", " + max);
      }
      this.yMin = min;
      this.yMax = max;
      return this;
    }

    /** The chart width in pixels (640 by default). */
    public Builder width(int pixels) {
      this.width = pixels;
      return this;
    }

    /** The drawn chart. */
    public Svg build() {
      double left = 70;
      double top = 26;
      double right = width - 20;
      double bottom = top + 220;
      Svg svg = new Svg(width, (int) bottom + 44, "line chart: " + yLabel + " by " + xLabel);
      double[] xs = all(true);
      LinearScale x = LinearScale.over(xs, false, left, right);
      if (java.util.Arrays.stream(xs).allMatch(v -> v == Math.rint(v))) {
        x = x.wholeNumbers(); // counts on the x axis: no tick at 0.5
      }
      LinearScale y = LinearScale.over(all(false), false, bottom, top);
      if (y.lo() < yMin || y.hi() > yMax) {
        y = new LinearScale(Math.max(y.lo(), yMin), Math.min(y.hi(), yMax), bottom, top);
      }
      Axes.legend(svg, series.stream().map(Series::name).toArray(String[]::new), left, 14);
      for (int s = 0; s < series.size(); s++) {
        Series line = series.get(s);
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < line.x().length; i++) {
          d.append(i == 0 ? 'M' : 'L').append(Html.px(x.at(line.x()[i]))).append(' ')
              .append(Html.px(y.at(line.y()[i])));
        }
        svg.path(d.toString(), Palette.series(s), null, "line", line.name());
        for (int i = 0; i < line.x().length; i++) {
          svg.circle(x.at(line.x()[i]), y.at(line.y()[i]), 3.5, Palette.series(s), "point",
              line.name() + ": " + Html.number(line.x()[i]) + " → " + Html.number(line.y()[i]));
        }
      }
      Axes.left(svg, y, left, top, bottom, yLabel);
      Axes.bottom(svg, x, bottom, left, right, xLabel);
      return svg;
    }

    private double[] all(boolean xs) {
      return series.stream().flatMapToDouble(s -> java.util.Arrays.stream(xs ? s.x() : s.y())).toArray();
    }
  }
}
