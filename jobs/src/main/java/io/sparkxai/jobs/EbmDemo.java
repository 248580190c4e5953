package io.sparkxai.jobs;

import io.sparkxai.ebm.ExplainableBoostingClassificationModel;
import io.sparkxai.ebm.ExplainableBoostingClassifier;
import io.sparkxai.ebm.synthetic.SyntheticEbmData;
import io.sparkxai.ebm.synthetic.SyntheticEbmDataFrames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructField;

/**
 * The demo's glass box: an Explainable Boosting Machine (4 outer bags, 5 pairs, learning rate 0.05 so
 * the demo stays quick), its test AUC, and its most important terms; on the generated data, beside
 * the true terms of the generator and their importance (mean absolute centred effect).
 */
final class EbmDemo {

  private EbmDemo() {}

  /** Runs the part; see {@link DemoPart}. */
  static Map<String, Object> run(DemoContext ctx) {
    String[] features = ctx.features().stream().map(StructField::name).toArray(String[]::new);
    ExplainableBoostingClassifier est = new ExplainableBoostingClassifier()
        .setInputCols(features).setLabelCol(BinaryLabel.OUTPUT).setOuterBags(4)
        .setInteractions("5").setLearningRate(0.05).setSeed(ctx.seed()).setLogEvery(0);
    long start = System.nanoTime();
    ExplainableBoostingClassificationModel model = est.fit(ctx.train());
    double seconds = JobCommand.secondsSince(start);
    double auc = DemoContext.auc(model, ctx.test());
    ctx.out().printf("ebm: Explainable Boosting Machine, test AUC %.4f (fit %.1f s, %d terms, %d pairs: %s)%n", auc,
        seconds, model.termNames().size(), model.summary().pairs().size(), String.join(", ",
            model.summary().pairs()));
    List<Map.Entry<String, Double>> top = new ArrayList<>(model.termImportances().entrySet());
    top.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
    List<Map.Entry<String, Double>> truth = null;
    if (ctx.generated()) {
      SyntheticEbmData gen = new SyntheticEbmData(ctx.seed());
      truth = new ArrayList<>(gen.trueImportances(gen.generate(SyntheticEbmDataFrames.TRAIN, 20_000)).entrySet());
    }
    int shown = Math.min(8, top.size());
    ctx.out().printf("ebm: %-4s %-20s %10s%s%n", "rank", "term", "importance", truth == null ? ""
        : String.format("   %-20s %10s", "true term", "true imp."));
    List<Map<String, Object>> topTerms = new ArrayList<>();
    for (int i = 0; i < shown; i++) {
      String trueCol = truth == null || i >= truth.size() ? "" : String.format("   %-20s %10.4f",
          truth.get(i).getKey(), truth.get(i).getValue());
      ctx.out().printf("ebm: %-4d %-20s %10.4f%s%n", i + 1, top.get(i).getKey(), top.get(i).getValue(), trueCol);
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("name", top.get(i).getKey());
      t.put("importance", top.get(i).getValue());
      topTerms.add(t);
    }
    model.setClassNames(List.of(ctx.label().negative(), ctx.label().positive()));
    java.nio.file.Path report = ctx.outputDir().resolve("reports").resolve("ebm.html");
    model.localReport(model.globalReport().testMetrics(Map.of("auc", auc)).title("EBM demo"), ctx.test(), 5,
        ctx.label().column()).save(report);
    ctx.out().println("ebm: report in " + report);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", "explainable_boosting_machine");
    m.put("report", report.toString());
    m.put("test_auc", auc);
    m.put("fit_seconds", seconds);
    m.put("pairs", model.summary().pairs());
    m.put("top_terms", topTerms);
    if (truth != null) {
      List<String> trueTop = new ArrayList<>();
      for (int i = 0; i < Math.min(shown, truth.size()); i++) {
        trueTop.add(truth.get(i).getKey());
      }
      m.put("true_top_terms", trueTop);
      long overlap = topTerms.stream().filter(t -> trueTop.contains((String) t.get("name"))).count();
      m.put("top_overlap", overlap);
      ctx.out().printf("ebm: %d of the top %d terms are among the %d strongest true terms%n", overlap, shown, shown);
    }
    return m;
  }
}
