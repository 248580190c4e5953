package io.sparkxai.jobs;

import io.sparkxai.nn.Graph;
import io.sparkxai.nn.InputLayout;
import io.sparkxai.reports.ColourBar;
import io.sparkxai.reports.Html;
import io.sparkxai.reports.Palette;
import io.sparkxai.reports.Png;
import io.sparkxai.reports.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The LRP report of explained rows: for each image, the input beside its heatmap, both upscaled to at
 * least 128 pixels by repeating pixels, with the prediction, the explained class and the relevance sum
 * beneath; one symmetric colour bar for the whole grid (every heatmap on the same scale, the largest
 * |relevance| of a pixel over the shown images); the composite and the rule each layer got.
 */
final class LrpReport {
  static final int MIN_PIXELS = 128;

  private LrpReport() {}

  /** The report of {@code e}, whose inputs were {@code inputs} (one row per explained row). */
  static Report of(LrpCsvRows.Explained e, double[][] inputs, String modelName, String composite) {
    Graph graph = e.graph();
    int[] s = graph.inputShape();
    if (s.length != 3) {
      throw new UsageException("--report draws images; this model takes " + java.util.Arrays.toString(s));
    }
    int channels = s[0];
    int h = s[1];
    int w = s[2];
    boolean hwc = graph.inputLayout() == InputLayout.HWC;
    int size = graph.inputSize();
    List<double[]> maps = new ArrayList<>();
    double maxAbs = 0;
    for (int r = 0; r < e.rows(); r++) {
      double[] map = pixels(e.relevance(), r * size, channels, h, w, hwc, true);
      for (double v : map) {
        maxAbs = Math.max(maxAbs, Math.abs(v));
      }
      maps.add(map);
    }
    int factor = Png.factorFor(Math.max(h, w), MIN_PIXELS);
    StringBuilder grid = new StringBuilder("<div class=\"images\">");
    for (int r = 0; r < e.rows(); r++) {
      double[] input = pixels(inputs[r], 0, channels, h, w, hwc, false);
      grid.append(tile(r, input, maps.get(r), w, h, factor, maxAbs, e));
    }
    grid.append("</div>");
    Report.Builder report = Report.builder("Layer-wise relevance propagation: " + modelName)
        .subtitle("red: evidence for the explained class, blue: against it; every heatmap on one scale")
        .summary("model", modelName).summary("images", Integer.toString(e.rows()))
        .summary("input", channels + " x " + h + " x " + w + " (channels x height x width)")
        .summary("composite", composite).summary("device", String.valueOf(e.device()));
    report.section("Inputs and relevance").html(grid.toString())
        .figure(ColourBar.diverging(maxAbs, "relevance per pixel (summed over channels)", 300), null);
    List<List<String>> rules = new ArrayList<>();
    for (Map.Entry<String, String> rule : e.rules().entrySet()) {
      rules.add(List.of(rule.getKey(), rule.getValue()));
    }
    report.section("Rule per layer").table(List.of("layer", "rule"), rules);
    return report.build();
  }

  private static String tile(int r, double[] input, double[] map, int w, int h, int factor, double maxAbs,
      LrpCsvRows.Explained e) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : input) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    int[] grey = new int[w * h];
    int[] heat = new int[w * h];
    for (int i = 0; i < grey.length; i++) {
      grey[i] = Palette.grey(input[i], min, max);
      heat[i] = Palette.diverging(map[i], maxAbs);
    }
    int side = w * factor;
    return String.format(Locale.ROOT, "<figure class=\"image-row\" data-row=\"%d\">%s%s<figcaption>row %d: predicted "
        + "%d, explained %d, relevance sum %s (output %s)</figcaption></figure>", r,
        img(grey, w, h, factor, side, "input " + r), img(heat, w, h, factor, side, "relevance " + r), r,
        e.predicted()[r], e.explained()[r], Html.number(e.sums()[r]), Html.number(e.initial()[r]));
  }

  private static String img(int[] rgb, int w, int h, int factor, int side, String alt) {
    String uri = Png.dataUri(Png.encode(w * factor, h * factor, Png.upscale(rgb, w, h, factor)));
    return "<img src=\"" + uri + "\" width=\"" + side + "\" height=\"" + h * factor + "\" alt=\"" + alt + "\">";
  }

  /** One value per pixel: the channels summed (relevance) or averaged (input). */
  private static double[] pixels(double[] values, int from, int channels, int h, int w, boolean hwc, boolean sum) {
    double[] out = new double[h * w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double v = 0;
        for (int c = 0; c < channels; c++) {
          v += values[from + (hwc ? (y * w + x) * channels + c : (c * h + y) * w + x)];
        }
        out[y * w + x] = sum ? v : v / channels;
      }
    }
    return out;
  }
}
