package io.sparkxai.jobs;

import io.sparkxai.lrp.ExplainedImage;
import io.sparkxai.lrp.LrpReportPage;
import io.sparkxai.lrp.core.LayerRules;
import io.sparkxai.lrp.core.LrpOptions;
import io.sparkxai.nn.Graph;
import io.sparkxai.nn.InputLayout;
import io.sparkxai.reports.Report;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code lrp --input rows.csv --report FILE}: the rows explained in this JVM drawn as spark-lrp's
 * {@link LrpReport} (each input beside its heatmap, one colour scale, the rule per layer); each input
 * is the CSV row as the model takes it, averaged over channels, in grey.
 */
final class LrpCsvReport {

  private LrpCsvReport() {}

  /** The report of the first {@code limit} rows of {@code e}, whose inputs were {@code inputs} (one per row). */
  static Report of(LrpCsvRows.Explained e, double[][] inputs, String modelName, LrpOptions options, int limit) {
    Graph graph = e.graph();
    int[] s = graph.inputShape();
    if (s.length != 3) {
      throw new UsageException("--report draws images; this model takes " + Arrays.toString(s));
    }
    int size = graph.inputSize();
    int outputs = graph.outputSize();
    boolean hwc = graph.inputLayout() == InputLayout.HWC;
    List<ExplainedImage> images = new ArrayList<>();
    for (int r = 0; r < Math.min(limit, e.rows()); r++) {
      images.add(ExplainedImage.ofModelInput("row " + r, s, hwc, inputs[r],
          Arrays.copyOfRange(e.relevance(), r * size, (r + 1) * size),
          Arrays.copyOfRange(e.outputs(), r * outputs, (r + 1) * outputs), e.explained()[r], e.sums()[r],
          e.initial()[r]));
    }
    return LrpReportPage.of(modelName, images, LayerRules.of(graph, options));
  }
}
