package io.sparkxai.jobs;

import io.sparkxai.conf.SparkXaiConfig;
import io.sparkxai.ebm.EbmEstimatorBase;
import io.sparkxai.ebm.EbmModelBase;
import io.sparkxai.ebm.EbmTrainingSummary;
import io.sparkxai.ebm.ExplainableBoostingClassifier;
import io.sparkxai.ebm.ExplainableBoostingRegressor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code spark-xai ebm-train}: fits an Explainable Boosting Machine on a table, reports test metrics
 * and the terms' importances, and saves the model. Flags are checked (and the estimator's params set)
 * before Spark starts.
 */
@Command(name = "ebm-train", mixinStandardHelpOptions = true,
    description = "Trains an Explainable Boosting Machine (interpretml's algorithm and defaults) on a CSV or "
        + "Parquet table; prints and writes test metrics and term importances; saves the model.")
public final class EbmTrainCommand extends JobCommand {

  @Mixin TrainingData data;
  @Mixin MetricsOption metrics;

  @Option(names = "--test", paramLabel = "PATH", description = "Test table for the metrics (same columns).")
  String test;

  @Mixin EbmColumns columns;
  @Mixin EbmHyperparameters hyperparameters;

  @Option(names = "--partitions", paramLabel = "N",
      description = "Repartition the training rows first (the model does not depend on it).")
  Integer partitions;

  @Mixin ModelSaving saving;

  @Mixin ReportOption report;

  @Override
  public Integer call() throws Exception {
    SparkXaiConfig config = common.load(new Flags().put("sparkxai.ebm.partitions", partitions).asMap());
    Tables.requireExists("--train", data.train);
    Tables.requireExists("--test", test);
    columns.checkTask(data.label);
    saving.requireFree();
    report.check();
    configure(new ExplainableBoostingClassifier(), config); // refuses bad values before Spark starts
    return withSpark(config, spark -> fit(spark, config));
  }

  private int fit(SparkSession spark, SparkXaiConfig config) throws Exception {
    String label = data.label;
    List<String> markers = config.getStringList("sparkxai.data.missing-markers");
    Dataset<Row> trainDf = Tables.read(spark, "--train", data.train, markers);
    Dataset<Row> testDf = test == null ? null : Tables.read(spark, "--test", test, markers);
    if (!List.of(trainDf.columns()).contains(label)) {
      throw new UsageException("--label " + label + ": no such column in " + data.train + "; columns: "
          + String.join(", ", trainDf.columns()));
    }
    if (testDf != null && !List.of(testDf.columns()).contains(label)) {
      throw new UsageException("--test " + test + " has no label column '" + label + "'");
    }
    String resolved = columns.task(trainDf, label);
    EbmData.Labeled labeled = EbmData.label(trainDf, testDf, label, resolved);
    int parts = config.getInt("sparkxai.ebm.partitions");
    Dataset<Row> fitDf = (parts > 0 ? labeled.train().repartition(parts) : labeled.train()).cache();
    String[] features = EbmData.features(fitDf, label);
    hyperparameters.checkMonotone(fitDf.schema(), features, columns.categorical(features));
    EbmEstimatorBase<?, ?> estimator = estimator(resolved, config);
    estimator.set(estimator.inputCols(), features);
    estimator.set(estimator.categoricalCols(), columns.categorical(features));
    estimator.set(estimator.labelCol(), EbmData.LABEL);
    long trainRows = fitDf.count();
    long began = System.nanoTime();
    EbmModelBase<?> model = estimator.fit(fitDf);
    double fitSeconds = secondsSince(began);
    if (!labeled.classes().isEmpty()) {
      model.setClassNames(labeled.classes());
    }
    Map<String, Object> m = resultMetrics(model, labeled, resolved, trainRows, fitSeconds);
    saving.save(model);
    metrics.write(m);
    if (report.wanted()) {
      report.write(globalReport(model, labeled, label, m));
    }
    printSummary(resolved, trainRows, m, model, fitSeconds);
    return 0;
  }

  /** The global report, with the class names and test metrics of this run. */
  @SuppressWarnings("unchecked")
  private io.sparkxai.reports.Report globalReport(EbmModelBase<?> model, EbmData.Labeled labeled, String label,
      Map<String, Object> m) {
    io.sparkxai.ebm.EbmGlobalReport global = model.globalReport().labelName(label)
        .title("EBM for " + label + " trained on " + java.nio.file.Paths.get(data.train).getFileName());
    Object test = m.get("test");
    if (test instanceof Map<?, ?> t) {
      Map<String, Double> numbers = new LinkedHashMap<>();
      ((Map<String, Object>) t).forEach((k, v) -> {
        if (v instanceof Number n) {
          numbers.put(k, n.doubleValue());
        }
      });
      global.testMetrics(numbers);
    }
    return global.build();
  }

  private static Map<String, Object> resultMetrics(EbmModelBase<?> model, EbmData.Labeled data, String resolved,
      long trainRows, double fitSeconds) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("task", resolved);
    m.put("train_rows", trainRows);
    m.put("test_rows", data.test() == null ? 0 : data.test().count());
    m.put("fit_seconds", fitSeconds);
    if (data.test() != null) {
      m.put("test", EbmData.metrics(model, data.test(), resolved));
    }
    double[] intercept = model.intercept();
    m.put("intercept", intercept.length == 1 ? (Object) intercept[0] : intercept);
    List<Map<String, Object>> terms = new ArrayList<>();
    model.termImportances().forEach((name, importance) -> {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("name", name);
      t.put("importance", importance);
      terms.add(t);
    });
    m.put("terms", terms);
    EbmTrainingSummary summary = model.summary();
    int termCount = model.termNames().size();
    m.put("rounds", Math.round(summary.stepsPerBag() / Math.max(1, termCount)));
    m.put("steps_per_bag", summary.stepsPerBag());
    m.put("classes", data.classes());
    m.put("outer_bags", summary.outerBags());
    m.put("shards", summary.shards());
    m.put("mode", summary.mode());
    m.put("kernel", summary.kernel());
    m.put("pairs", summary.pairs());
    m.put("skipped_rows", summary.skippedRows());
    m.put("phase_seconds", summary.seconds());
    return m;
  }

  private EbmEstimatorBase<?, ?> estimator(String resolved, SparkXaiConfig config) {
    EbmEstimatorBase<?, ?> e;
    if (resolved.equals("regression")) {
      e = new ExplainableBoostingRegressor();
    } else {
      ExplainableBoostingClassifier c = new ExplainableBoostingClassifier();
      c.setFamily(resolved.equals("binary") ? "binary" : "multinomial");
      e = c;
    }
    return configure(e, config);
  }

  /** Sets the flags' params; a bad value is a usage error naming the flag and the rule. */
  private EbmEstimatorBase<?, ?> configure(EbmEstimatorBase<?, ?> e, SparkXaiConfig config) {
    try {
      e.set(e.logEvery(), config.getInt("sparkxai.ebm.log-every"));
      hyperparameters.applyTo(e);
    } catch (IllegalArgumentException ex) {
      throw new UsageException(ex.getMessage());
    }
    return e;
  }

  private void printSummary(String resolved, long trainRows, Map<String, Object> m,
      EbmModelBase<?> model, double fitSeconds) {
    @SuppressWarnings("unchecked")
    Map<String, Object> t = (Map<String, Object>) m.get("test");
    PrintWriter out = out();
    String testPart = "";
    if (t != null) {
      testPart = resolved.equals("regression") ? String.format(", test rmse %.4f", (Double) t.get("rmse"))
          : String.format(", test AUC %.4f, logloss %.4f, accuracy %.4f", (Double) t.get("auc"),
              (Double) t.get("logloss"), (Double) t.get("accuracy"));
    }
    out.printf("ebm-train: %s, %d train rows, %d terms, fit %.1f s (%s, %d bag(s), %d shard(s), kernel %s)%s%n",
        resolved, trainRows, model.termNames().size(), fitSeconds, m.get("mode"), (Integer) m.get(
            "outer_bags"), (Integer) m.get("shards"), m.get("kernel"), testPart);
    List<Map.Entry<String, Double>> top = new ArrayList<>(model.termImportances().entrySet());
    top.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
    StringBuilder sb = new StringBuilder("ebm-train: top terms:");
    for (int i = 0; i < Math.min(8, top.size()); i++) {
      sb.append(String.format(" %s %.3f%s", top.get(i).getKey(), top.get(i).getValue(), i < 7 ? "," : ""));
    }
    out.println(sb);
    String saveTo = saving.dir();
    Path metricsOut = metrics.file;
    if (saveTo != null || metricsOut != null) {
      out.println("ebm-train: " + (saveTo != null ? "model in " + saveTo : "")
          + (saveTo != null && metricsOut != null ? "; " : "") + (metricsOut != null ? "metrics in " + metricsOut : ""));
    }
    if (report.wanted()) {
      out.println("ebm-train: report in " + report.file);
    }
  }
}
