package io.sparkxai.jobs;

import io.sparkxai.concepts.ConceptBottleneckClassifier;
import io.sparkxai.concepts.ConceptDataFrames;
import io.sparkxai.concepts.ConceptDiagnostics;
import io.sparkxai.concepts.ConceptEmbeddingClassifier;
import io.sparkxai.concepts.ConceptModel;
import io.sparkxai.concepts.ConceptModelMetrics;
import io.sparkxai.concepts.core.ConceptDataset;
import io.sparkxai.reports.Report;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The demo's concept part: the trigonometry benchmark (500 rows, split 335/165, the standard
 * split's sizes), a joint concept bottleneck model against a concept embedding model, the concept
 * ceiling, and both intervention curves. It generates its own data (concepts are not in the
 * tabular set), seeded by the demo seed.
 */
final class ConceptsDemo {

  static final int ROWS = 500;
  static final int TRAIN_ROWS = 335;

  private ConceptsDemo() {}

  /** Runs the part; see {@link DemoPart}. */
  static Map<String, Object> run(DemoContext ctx) {
    ConceptDataset data = ConceptDataset.TRIGONOMETRY;
    long seed = ctx.seed();
    Dataset<Row> train = ConceptDataFrames.generate(ctx.spark(), data, seed, 0, TRAIN_ROWS, 2).cache();
    Dataset<Row> test = ConceptDataFrames.generate(ctx.spark(), data, seed, TRAIN_ROWS, ROWS - TRAIN_ROWS, 2).cache();
    String[] features = ConceptDataFrames.featureColumns(data);
    String[] concepts = ConceptDataFrames.conceptColumns(data);
    double ceiling = ConceptDiagnostics.conceptCeiling(train, test, concepts, ConceptDataFrames.LABEL);
    long start = System.nanoTime();
    ConceptBottleneckClassifier cbmFit = new ConceptBottleneckClassifier().setMode("joint").setInputCols(features)
        .setConceptCols(concepts).setLabelCol(ConceptDataFrames.LABEL).setSeed(seed);
    ConceptEmbeddingClassifier cemFit = new ConceptEmbeddingClassifier().setInputCols(features)
        .setConceptCols(concepts).setLabelCol(ConceptDataFrames.LABEL).setSeed(seed);
    ConceptModel<?> cbm = cbmFit.fit(train);
    ConceptModel<?> cem = cemFit.fit(train);
    double seconds = JobCommand.secondsSince(start);
    ConceptModelMetrics mb = cbm.evaluate(test, "random");
    ConceptModelMetrics me = cem.evaluate(test, "random");
    ctx.out().printf(Locale.ROOT, "concepts: trigonometry (%d train / %d test rows), concept ceiling %.3f%n", TRAIN_ROWS,
        ROWS - TRAIN_ROWS, ceiling);
    ctx.out().printf(Locale.ROOT, "concepts: CBM (joint)  task %.3f, concepts %.3f, all intervened %.3f, leakage %+.3f, "
        + "intervention curve %s%n", mb.taskAccuracy(), mb.conceptAccuracy(), mb.taskAccuracyAllIntervened(),
        mb.leakage(), format(mb.interventionCurve()));
    ctx.out().printf(Locale.ROOT, "concepts: CEM          task %.3f, concepts %.3f, all intervened %.3f, leakage %+.3f, "
        + "intervention curve %s (both fits %.1f s)%n", me.taskAccuracy(), me.conceptAccuracy(),
        me.taskAccuracyAllIntervened(), me.leakage(), format(me.interventionCurve()), seconds);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dataset", data.cliName());
    m.put("train_rows", TRAIN_ROWS);
    m.put("test_rows", ROWS - TRAIN_ROWS);
    m.put("concept_ceiling", ceiling);
    m.put("cbm", metrics(mb));
    m.put("cem", metrics(me));
    m.put("fit_seconds", seconds);
    Path reports = ctx.outputDir().resolve("reports");
    Path cbmReport = reports.resolve("concepts-cbm.html");
    Path cemReport = reports.resolve("concepts-cem.html");
    report("cbm (joint)", mb, cbmFit.getEpochs(), seed, ceiling).save(cbmReport);
    report("cem", me, cemFit.getEpochs(), seed, ceiling).save(cemReport);
    ctx.out().println("concepts: reports in " + cbmReport + " and " + cemReport);
    m.put("reports", List.of(cbmReport.toString(), cemReport.toString()));
    return m;
  }

  /** The concepts report of one of the demo's models (the keys {@link ConceptsReport} reads). */
  private static Report report(String model, ConceptModelMetrics scores, int epochs, long seed, double ceiling) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("model", model);
    r.put("train_rows", TRAIN_ROWS);
    r.put("test_rows", ROWS - TRAIN_ROWS);
    r.put("seed", seed);
    r.put("epochs", epochs);
    r.putAll(metrics(scores));
    r.put("intervention_policy", "random");
    r.put("concept_ceiling", ceiling);
    return ConceptsReport.of("Concept model " + model + " on the trigonometry benchmark (demo)", r);
  }

  private static Map<String, Object> metrics(ConceptModelMetrics m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("task_accuracy", m.taskAccuracy());
    out.put("concept_accuracy", m.conceptAccuracy());
    out.put("task_accuracy_all_intervened", m.taskAccuracyAllIntervened());
    out.put("leakage", m.leakage());
    out.put("intervention_curve", ConceptsTraining.toList(m.interventionCurve()));
    return out;
  }

  private static String format(double[] curve) {
    List<String> parts = new ArrayList<>();
    for (double v : curve) {
      parts.add(String.format(Locale.ROOT, "%.3f", v));
    }
    return "[" + String.join(", ", parts) + "]";
  }
}
