package io.sparkxai.lrp;

import io.sparkxai.lrp.core.LayerRules;
import io.sparkxai.reports.ColourBar;
import io.sparkxai.reports.Html;
import io.sparkxai.reports.Palette;
import io.sparkxai.reports.Png;
import io.sparkxai.reports.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The LRP report of explained images, one self-contained HTML page: a grid with each input beside its
 * heatmap, both upscaled to at least {@value #MIN_PIXELS} pixels by repeating pixels (nearest
 * neighbour: every input pixel stays a visible square), and under each the prediction with its
 * score, the explained class, and the relevance sum beside the relevance put on the output; one
 * symmetric, zero-centred colour bar for the whole grid, whose scale is the largest |relevance| of a
 * pixel over all shown images (every heatmap on the same scale, so colours compare across images);
 * then the composite and the rule of every layer as a table. Same images, same bytes.
 *
 * <pre>{@code
 * Report r = lrp.report(images, 8);            // one Spark job
 * r.save(Paths.get("lrp.html"));               // or displayHTML(r.html())
 * }</pre>
 *
 * <p>{@link LrpExplainer#report} draws with it, and the stage {@link LrpReport} returns the same page as
 * a DataFrame.
 */
public final class LrpReportPage {

  /** The least side of a drawn input or heatmap, in pixels. */
  public static final int MIN_PIXELS = 128;

  private LrpReportPage() {}

  /**
   * The report of {@code images} (in the order given) explained with {@code rules}.
   *
   * @param model the model's name, for the title (e.g. its file name)
   * @throws IllegalArgumentException when {@code images} is empty
   */
  public static Report of(String model, List<ExplainedImage> images, LayerRules rules) {
    if (images.isEmpty()) {
      throw new IllegalArgumentException("an LRP report needs at least one explained image, got none");
    }
    double maxAbs = 0;
    for (ExplainedImage image : images) {
      maxAbs = Math.max(maxAbs, image.maxAbsRelevance());
    }
    ExplainedImage first = images.get(0);
    StringBuilder grid = new StringBuilder("<div class=\"images\" style=\"display:flex;flex-wrap:wrap;gap:16px\">");
    for (ExplainedImage image : images) {
      grid.append(tile(image, maxAbs));
    }
    grid.append("</div>");
    Report.Builder report = Report.builder("Layer-wise relevance propagation: " + model)
        .subtitle("red: evidence for the explained class, blue: against it; every heatmap on one scale")
        .summary("model", model).summary("images", Integer.toString(images.size()))
        .summary("input", first.height() + " x " + first.width() + " pixels (height x width)")
        .summary("composite", rules.composite())
        .summary("initial relevance", rules.init().name().toLowerCase(Locale.ROOT)
            + (rules.zeroBias() ? ", biases left out" : ""))
        .summary("colour scale", "the largest |relevance| of a pixel over the " + images.size() + " images: "
            + Html.number(maxAbs, 4));
    report.section("Inputs and relevance").html(grid.toString())
        .figure(ColourBar.diverging(maxAbs, "relevance per pixel, one scale for all", 320),
            "Channels summed per pixel; the scale is the largest |relevance| over the images shown.");
    List<List<String>> rows = new ArrayList<>();
    for (LayerRules.Entry e : rules.layers()) {
      rows.add(List.of(Integer.toString(e.index()), e.name(), e.type(), e.display()));
    }
    report.section("Rule per layer").paragraph("Composite " + rules.composite() + ", after the canonizers;"
        + " a layer without a rule keeps its gradient.").table(List.of("#", "layer", "type", "rule"), rows);
    return report.build();
  }

  private static String tile(ExplainedImage image, double maxAbs) {
    int w = image.width();
    int h = image.height();
    int[] heat = new int[w * h];
    for (int i = 0; i < heat.length; i++) {
      heat[i] = Palette.diverging(image.relevance()[i], maxAbs);
    }
    int factor = Png.factorFor(Math.max(h, w), MIN_PIXELS);
    String id = Html.escape(image.id());
    return String.format(Locale.ROOT, "<figure class=\"image-row\" data-id=\"%s\" style=\"margin:0\">%s %s"
        + "<figcaption>%s<br>predicted %d (score %s), explained %d<br>relevance sum %s (initial %s)</figcaption>"
        + "</figure>", id, img(image.picture(), w, h, factor, "input " + id),
        img(heat, w, h, factor, "relevance " + id), shortId(id), image.predicted(),
        Html.number(image.predictedScore(), 4), image.explained(), Html.number(image.relevanceSum(), 4),
        Html.number(image.initialRelevance(), 4));
  }

  /** The last part of a path or URI, which is what tells images apart. */
  private static String shortId(String id) {
    int slash = id.lastIndexOf('/');
    return slash < 0 ? id : id.substring(slash + 1);
  }

  private static String img(int[] rgb, int w, int h, int factor, String alt) {
    String uri = Png.dataUri(Png.encode(w * factor, h * factor, Png.upscale(rgb, w, h, factor)));
    return "<img src=\"" + uri + "\" width=\"" + w * factor + "\" height=\"" + h * factor + "\" alt=\"" + alt
        + "\">";
  }
}
