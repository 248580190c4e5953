package io.sparkxai.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * Horizontal bars from zero, one row per named bar in the order given (sort before adding), signed
 * values to either side of a zero line; several series give grouped bars with a legend. Names are
 * drawn left of the axis, values at the end of each bar, and each bar's tip shows on hover.
 */
public final class BarChart {
  private BarChart() {}

  /** A chart whose value axis is titled {@code axisLabel}. */
  public static Builder builder(String axisLabel) {
    return new Builder(axisLabel);
  }

  /** Collects bars; {@link #build} draws them. */
  public static final class Builder {
    private final String axisLabel;
    private String[] series = {""};
    private final List<String> names = new ArrayList<>();
    private final List<String> tips = new ArrayList<>();
    private final List<double[]> values = new ArrayList<>();
    private int width = 720;

    private Builder(String axisLabel) {
      this.axisLabel = axisLabel;
    }

    /** Names the series (one value per series in each bar); one unnamed series by default. */
    public Builder series(String... names) {
      this.series = names.clone();
      return this;
    }

    /** A bar (or group of bars, one per series) named {@code name}; {@code tip} may be null. */
    public Builder bar(String name, String tip, double... valuePerSeries) {
      if (valuePerSeries.length != series.length) {
        throw new IllegalArgumentException("bar '" + name + "' has " + valuePerSeries.length
            + " values for " + series.length + " series");
      }
      names.add(name);
      tips.add(tip);
      values.add(valuePerSeries.clone());
      return this;
    }

    /** The chart width in pixels (720 by default). */
    public Builder width(int pixels) {
      this.width = pixels;
      return this;
    }

    /** The drawn chart. */
    public Svg build() {
      int k = series.length;
      double rowHeight = k == 1 ? 20 : 8 + 12 * k;
      double top = k == 1 ? 8 : 26;
      double left = 230;
      double right = width - 70;
      double bottom = top + rowHeight * names.size();
      Svg svg = new Svg(width, (int) Math.ceil(bottom + 44), "bar chart: " + axisLabel);
      double[] all = values.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
      // negative bars end in a value label on their left: keep room for it clear of the bar names
      double plotLeft = java.util.Arrays.stream(all).anyMatch(v -> v < 0) ? left + 48 : left;
      LinearScale x = LinearScale.over(all, true, plotLeft, right);
      if (k > 1) {
        Axes.legend(svg, series, left, 14);
      }
      for (int i = 0; i < names.size(); i++) {
        double y = top + i * rowHeight;
        svg.text(left - 8, y + rowHeight / 2 + 4, shorten(names.get(i)), "end", 0, "bar-name");
        for (int s = 0; s < k; s++) {
          double v = values.get(i)[s];
          double x0 = x.at(Math.min(0, v));
          double x1 = x.at(Math.max(0, v));
          double barY = y + 3 + s * (rowHeight - 6) / k;
          String fill = k > 1 ? Palette.series(s) : v < 0 ? "#2166ac" : "#b2182b";
          String tip = tips.get(i) != null ? tips.get(i) : names.get(i) + ": " + Html.number(v);
          svg.rect(x0, barY, x1 - x0, (rowHeight - 6) / k, fill, "bar", tip);
          double tx = v < 0 ? x0 - 3 : x1 + 3;
          svg.text(tx, barY + (rowHeight - 6) / k - 3, Html.number(v, 3), v < 0 ? "end" : "start", 0, "value");
        }
      }
      svg.line(x.at(0), top, x.at(0), bottom, "zero");
      Axes.bottom(svg, x, bottom, plotLeft, right, axisLabel);
      return svg;
    }

    private static String shorten(String name) {
      return name.length() <= 34 ? name : name.substring(0, 33) + "…";
    }
  }
}
