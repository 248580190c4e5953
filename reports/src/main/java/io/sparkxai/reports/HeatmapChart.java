package io.sparkxai.reports;

/**
 * A heatmap over two labelled axes (an EBM pair term): {@code values[row][column]} drawn as one
 * upscaled PNG in diverging, zero-centred colours, a {@link ColourBar} beneath, and hover values read
 * by the report's script from the plot's {@code data-*} attributes (no element per cell).
 */
public final class HeatmapChart {
  private HeatmapChart() {}

  /** A heatmap with the given axis titles and colour scale title. */
  public static Builder builder(String xLabel, String yLabel, String colourLabel) {
    return new Builder(xLabel, yLabel, colourLabel);
  }

  /** Collects labels and values; {@link #build} draws them. */
  public static final class Builder {
    private final String xLabel;
    private final String yLabel;
    private final String colourLabel;
    private String[] xLabels;
    private String[] yLabels;
    private double[][] values;

    private Builder(String xLabel, String yLabel, String colourLabel) {
      this.xLabel = xLabel;
      this.yLabel = yLabel;
      this.colourLabel = colourLabel;
    }

    /** The column labels (x axis, left to right). */
    public Builder xLabels(String... labels) {
      this.xLabels = labels.clone();
      return this;
    }

    /** The row labels (y axis, bottom to top). */
    public Builder yLabels(String... labels) {
      this.yLabels = labels.clone();
      return this;
    }

    /** The cells: {@code values[row][column]}, row 0 at the bottom. */
    public Builder values(double[][] cells) {
      this.values = new double[cells.length][];
      for (int i = 0; i < cells.length; i++) {
        values[i] = cells[i].clone();
      }
      return this;
    }

    /** The drawn heatmap with its colour bar. */
    public Svg build() {
      int rows = values.length;
      int cols = values[0].length;
      if (xLabels == null || yLabels == null || xLabels.length != cols || yLabels.length != rows) {
        throw new IllegalStateException("a " + rows + "x" + cols + " heatmap needs " + cols + " x labels and "
            + rows + " y labels");
      }
      double maxAbs = 0;
      for (double[] row : values) {
        for (double v : row) {
          maxAbs = Double.isFinite(v) ? Math.max(maxAbs, Math.abs(v)) : maxAbs;
        }
      }
      int[] rgb = new int[rows * cols];
      StringBuilder cells = new StringBuilder();
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          rgb[(rows - 1 - r) * cols + c] = Palette.diverging(values[r][c], maxAbs);
          cells.append(c + r > 0 ? "," : "").append(Html.number(values[r][c], 4));
        }
      }
      int factor = Png.factorFor(Math.max(rows, cols), 256);
      double left = 150;
      double top = 10;
      double w = Math.min(520, 16.0 * cols + 200);
      double h = Math.min(360, 14.0 * rows + 120);
      Svg svg = new Svg((int) (left + w + 20), (int) (top + h + 148), "heatmap: " + yLabel + " by " + xLabel);
      String png = Png.dataUri(Png.encode(cols * factor, rows * factor, Png.upscale(rgb, cols, rows, factor)));
      svg.group("heatmap", "cols", String.valueOf(cols), "rows", String.valueOf(rows), "cells", cells.toString(),
          "xlabels", String.join("|", xLabels), "ylabels", String.join("|", yLabels),
          "x0", Html.px(left), "y0", Html.px(top), "w", Html.px(w), "h", Html.px(h));
      svg.image(left, top, w, h, png, "cells");
      svg.end();
      for (int c = 0; c < cols; c += Math.max(1, cols / 8)) {
        svg.text(left + (c + 0.5) * w / cols, top + h + 14, shorten(xLabels[c]), "end", -35, "tick");
      }
      for (int r = 0; r < rows; r += Math.max(1, rows / 10)) {
        svg.text(left - 6, top + h - (r + 0.5) * h / rows + 4, shorten(yLabels[r]), "end", 0, "tick");
      }
      svg.text(left + w / 2, top + h + 84, xLabel, "middle", 0, "axis-label");
      svg.text(14, top + h / 2, yLabel, "middle", -90, "axis-label");
      String bar = ColourBar.diverging(maxAbs, colourLabel, (int) Math.min(w, 300)).toString();
      svg.raw("<g transform=\"translate(" + Html.px(left) + " " + Html.px(top + h + 92) + ")\">" + bar + "</g>");
      return svg;
    }

    private static String shorten(String label) {
      return label.length() <= 16 ? label : label.substring(0, 15) + "…";
    }
  }
}
