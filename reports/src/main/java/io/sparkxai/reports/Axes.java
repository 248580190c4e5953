package io.sparkxai.reports;

/** Draws axes with round ticks and an axis title onto an {@link Svg}; shared by the charts. */
final class Axes {
  private Axes() {}

  /** A horizontal axis at pixel row {@code y}, ticks from {@code scale}, {@code title} below. */
  static void bottom(Svg svg, LinearScale scale, double y, double x0, double x1, String title) {
    svg.line(x0, y, x1, y, "axis");
    for (double t : scale.ticks(6)) {
      double x = scale.at(t);
      svg.line(x, y, x, y + 4, "axis");
      svg.text(x, y + 15, Html.number(t, 3), "middle", 0, "tick");
    }
    svg.text((x0 + x1) / 2, y + 32, title, "middle", 0, "axis-label");
  }

  /** A vertical axis at pixel column {@code x}, ticks from {@code scale}, {@code title} rotated left of it. */
  static void left(Svg svg, LinearScale scale, double x, double y0, double y1, String title) {
    svg.line(x, y0, x, y1, "axis");
    for (double t : scale.ticks(5)) {
      double y = scale.at(t);
      svg.line(x - 4, y, x, y, "axis");
      svg.text(x - 6, y + 4, Html.number(t, 3), "end", 0, "tick");
    }
    svg.text(14, (y0 + y1) / 2, title, "middle", -90, "axis-label");
  }

  /** A dashed line at data value 0 across the plot when 0 lies inside the scale. */
  static void zero(Svg svg, LinearScale y, double x0, double x1) {
    if (y.lo() < 0 && y.hi() > 0) {
      svg.line(x0, y.at(0), x1, y.at(0), "zero");
    }
  }

  /** A legend row of coloured swatches and names, starting at ({@code x}, {@code y}). */
  static void legend(Svg svg, String[] names, double x, double y) {
    double at = x;
    for (int i = 0; i < names.length; i++) {
      svg.rect(at, y - 9, 12, 10, Palette.series(i), "swatch", null);
      svg.text(at + 16, y, names[i], "start", 0, "legend");
      at += 28 + 7 * Math.min(names[i].length(), 24);
    }
  }
}
