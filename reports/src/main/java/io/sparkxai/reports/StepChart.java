package io.sparkxai.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * A step function over real x values (an EBM shape function): for each series, bin {@code i} spans
 * {@code [edges[i], edges[i+1])} with height {@code values[i]}, drawn as one path with an optional
 * ±stdev band; a weight histogram strip beneath; values "apart" from the axis (missing, unseen) as
 * markers right of the plot. Bins narrower than a pixel share their pixel column, so the path size is
 * bounded by the chart width, not the bin count. Hovering the plot shows the bin under the pointer.
 */
public final class StepChart {
  private static final double LEFT = 70;
  private static final double TOP = 26;
  private static final double PLOT_HEIGHT = 220;
  private static final double STRIP = 50;

  private StepChart() {}

  /** A chart with the given axis titles. */
  public static Builder builder(String xLabel, String yLabel) {
    return new Builder(xLabel, yLabel);
  }

  private record Series(String name, double[] edges, double[] values, double[] stdev) {}

  private record Apart(String name, double[] values, double[] stdev) {}

  /** Collects series; {@link #build} draws them. */
  public static final class Builder {
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<Apart> apart = new ArrayList<>();
    private double[] histEdges;
    private double[] histWeights;
    private String histLabel;
    private int width = 720;

    private Builder(String xLabel, String yLabel) {
      this.xLabel = xLabel;
      this.yLabel = yLabel;
    }

    /** A named step series; {@code edges.length == values.length + 1}; {@code stdev} may be null. */
    public Builder series(String name, double[] edges, double[] values, double[] stdev) {
      if (edges.length != values.length + 1 || stdev != null && stdev.length != values.length) {
        throw new IllegalArgumentException("series '" + name + "' needs edges = values + 1 (and stdev = values),"
            + " got " + edges.length + " edges, " + values.length + " values");
      }
      series.add(new Series(name, edges.clone(), values.clone(), stdev == null ? null : stdev.clone()));
      return this;
    }

    /** The weight histogram beneath the chart, over the same kind of edges. */
    public Builder histogram(double[] edges, double[] weights, String label) {
      this.histEdges = edges.clone();
      this.histWeights = weights.clone();
      this.histLabel = label;
      return this;
    }

    /** A value shown apart from the x axis (one per series), e.g. "missing"; {@code stdev} may be null. */
    public Builder apart(String name, double[] valuePerSeries, double[] stdevPerSeries) {
      apart.add(new Apart(name, valuePerSeries.clone(), stdevPerSeries == null ? null : stdevPerSeries.clone()));
      return this;
    }

    /** The chart width in pixels (720 by default). */
    public Builder width(int pixels) {
      this.width = pixels;
      return this;
    }

    /** The drawn chart. */
    public Svg build() {
      if (series.isEmpty()) {
        throw new IllegalStateException("a step chart needs at least one series");
      }
      double right = width - 20 - 60.0 * apart.size();
      double bottom = TOP + PLOT_HEIGHT;
      double stripBottom = histWeights == null ? bottom : bottom + STRIP;
      Svg svg = new Svg(width, (int) (stripBottom + 44), "step chart: " + yLabel + " by " + xLabel);
      double[] edges = series.get(0).edges();
      LinearScale x = new LinearScale(edges[0], edges[edges.length - 1], LEFT, right);
      LinearScale y = LinearScale.over(range(), true, bottom, TOP);
      if (series.size() > 1) {
        Axes.legend(svg, series.stream().map(Series::name).toArray(String[]::new), LEFT, 14);
      }
      Axes.zero(svg, y, LEFT, right);
      for (int s = 0; s < series.size(); s++) {
        drawSeries(svg, series.get(s), s, x, y);
      }
      drawApart(svg, right, y);
      Axes.left(svg, y, LEFT, TOP, bottom, yLabel);
      if (histWeights != null) {
        drawStrip(svg, x, bottom, right);
      }
      svg.group("hover", "x0", Html.px(LEFT), "x1", Html.px(right), "lo", Html.number(x.lo(), 6), "hi",
          Html.number(x.hi(), 6), "bins", hoverBins(series.get(0), x))
          .rect(LEFT, TOP, right - LEFT, PLOT_HEIGHT, "transparent", "hover-area", null).end();
      Axes.bottom(svg, x, stripBottom, LEFT, right, xLabel);
      return svg;
    }

    private double[] range() {
      List<Double> all = new ArrayList<>();
      for (Series s : series) {
        for (int i = 0; i < s.values().length; i++) {
          double sd = s.stdev() == null ? 0 : s.stdev()[i];
          all.add(s.values()[i] + sd);
          all.add(s.values()[i] - sd);
        }
      }
      for (Apart a : apart) {
        for (int i = 0; i < a.values().length; i++) {
          double sd = a.stdev() == null ? 0 : a.stdev()[i];
          all.add(a.values()[i] + sd);
          all.add(a.values()[i] - sd);
        }
      }
      return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void drawSeries(Svg svg, Series s, int index, LinearScale x, LinearScale y) {
      String colour = Palette.series(index);
      if (s.stdev() != null) {
        double[] upper = new double[s.values().length];
        double[] lower = new double[s.values().length];
        for (int i = 0; i < upper.length; i++) {
          upper[i] = s.values()[i] + s.stdev()[i];
          lower[i] = s.values()[i] - s.stdev()[i];
        }
        StringBuilder band = steps(s.edges(), upper, x, y, new StringBuilder("M"));
        band.append(reverseSteps(s.edges(), lower, x, y)).append('Z');
        svg.path(band.toString(), null, colour, "band", null);
      }
      svg.path(steps(s.edges(), s.values(), x, y, new StringBuilder("M")).toString(), colour, null, "step",
          s.name().isEmpty() ? null : s.name());
    }

    private void drawApart(Svg svg, double right, LinearScale y) {
      for (int a = 0; a < apart.size(); a++) {
        double cx = right + 30 + 60 * a;
        Apart item = apart.get(a);
        for (int s = 0; s < item.values().length; s++) {
          double v = item.values()[s];
          if (item.stdev() != null) {
            svg.line(cx, y.at(v - item.stdev()[s]), cx, y.at(v + item.stdev()[s]), "apart-band");
          }
          svg.circle(cx, y.at(v), 4, Palette.series(s), "apart", item.name() + ": " + Html.number(v));
        }
        svg.text(cx, TOP + PLOT_HEIGHT + 14, item.name(), "middle", 0, "tick");
      }
    }

    private void drawStrip(Svg svg, LinearScale x, double top, double right) {
      double max = 0;
      for (double w : histWeights) {
        max = Math.max(max, w);
      }
      double base = top + STRIP - 4;
      LinearScale y = new LinearScale(0, max > 0 ? max : 1, base, top + 6);
      // one outline over the bins (merged per pixel column like the steps), closed along the base
      StringBuilder d = steps(histEdges, histWeights, x, y, new StringBuilder("M"));
      d.append('V').append(Html.px(base)).append('H').append(Html.px(x.at(histEdges[0]))).append('Z');
      svg.path(d.toString(), null, "#9aa5b1", "histogram", histLabel);
      svg.text(right, top + 10, histLabel, "end", 0, "tick");
    }

    /**
     * Appends the steps to {@code d}. Bins whose right edge falls in the same pixel column as the
     * previous one are merged: the column gets one vertical stroke over their lowest and highest
     * values, so the path holds at most a few commands per pixel column.
     */
    private static StringBuilder steps(double[] edges, double[] values, LinearScale x, LinearScale y,
        StringBuilder d) {
      d.append(Html.px(x.at(edges[0]))).append(' ').append(Html.px(y.at(values[0])));
      double lastY = y.at(values[0]);
      int i = 0;
      while (i < values.length) {
        long column = Math.round(x.at(edges[i + 1]));
        double min = y.at(values[i]);
        double max = min;
        int j = i;
        while (j + 1 < values.length && Math.round(x.at(edges[j + 2])) == column) {
          j++;
          min = Math.min(min, y.at(values[j]));
          max = Math.max(max, y.at(values[j]));
        }
        double first = y.at(values[i]);
        double last = y.at(values[j]);
        vertical(d, lastY, first);
        if (j > i) {
          vertical(d, first, min);
          vertical(d, min, max);
          vertical(d, max, last);
        }
        d.append('H').append(Html.px(x.at(edges[j + 1])));
        lastY = last;
        i = j + 1;
      }
      return d;
    }

    private static void vertical(StringBuilder d, double from, double to) {
      if (!Html.px(from).equals(Html.px(to))) {
        d.append('V').append(Html.px(to));
      }
    }

    private static String reverseSteps(double[] edges, double[] values, LinearScale x, LinearScale y) {
      int n = values.length;
      double[] re = new double[n + 1];
      double[] rv = new double[n];
      for (int i = 0; i <= n; i++) {
        re[i] = edges[n - i];
      }
      for (int i = 0; i < n; i++) {
        rv[i] = values[n - 1 - i];
      }
      return steps(re, rv, x, y, new StringBuilder("L")).toString();
    }

    /** "x1,value;..." per pixel column (right edge in pixels, the last bin's value), equal runs merged. */
    private static String hoverBins(Series s, LinearScale x) {
      StringBuilder out = new StringBuilder();
      String lastValue = null;
      int lastEntry = -1;
      for (int i = 0; i < s.values().length; i++) {
        String x1 = Long.toString(Math.round(x.at(s.edges()[i + 1])));
        String v = Html.number(s.values()[i], 3);
        if (v.equals(lastValue)) {
          out.setLength(lastEntry);
        } else if (out.length() > 0) {
          out.append(';');
        }
        lastEntry = out.length();
        out.append(x1).append(',').append(v);
        lastValue = v;
      }
      return out.toString();
    }
  }
}
