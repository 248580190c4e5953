package io.sparkxai.jobs;

import io.sparkxai.concepts.ConceptBottleneckModel;
import io.sparkxai.concepts.ConceptDiagnostics;
import io.sparkxai.concepts.ConceptEmbeddingModel;
import io.sparkxai.concepts.ConceptModelMetrics;
import io.sparkxai.concepts.EntropyLogicExplainer;
import io.sparkxai.concepts.EntropyLogicExplainerModel;
import io.sparkxai.concepts.TrainedConceptModel;
import io.sparkxai.concepts.core.LogicExplanations;
import io.sparkxai.conf.SparkXaiConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code spark-xai concepts-train}: trains one concept model on a training table and measures it on
 * a test table: concept and task accuracy, accuracy with all concepts intervened, the intervention
 * curve, leakage and the concept ceiling; for the entropy network, its formulas with explanation
 * accuracy, fidelity and complexity. {@code blackbox} is MLlib's multilayer perceptron on the
 * features (no concepts), the yardstick for what the bottleneck costs.
 */
@Command(name = "concepts-train", mixinStandardHelpOptions = true,
    description = "Trains a concept model (CBM, CEM, entropy LEN, or a black box) and reports concept and task metrics.")
public final class ConceptsTrainCommand implements Callable<Integer> {

  static final List<String> MODELS = List.of("cbm-independent", "cbm-sequential", "cbm-joint", "cem", "entropy-len",
      "blackbox");

  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--train", required = true, paramLabel = "PATH", description = "Training table (CSV with header, or Parquet).")
  String train;

  @Option(names = "--test", required = true, paramLabel = "PATH", description = "Test table (CSV with header, or Parquet).")
  String test;

  @Option(names = "--features", split = ",", paramLabel = "COLS",
      description = "Comma-separated numeric feature columns (not needed for entropy-len).")
  List<String> features;

  @Option(names = "--concepts", required = true, split = ",", paramLabel = "COLS",
      description = "Comma-separated concept columns, values in [0, 1].")
  List<String> concepts;

  @Option(names = "--label", required = true, paramLabel = "COL", description = "Label column: class indices 0, 1, ...")
  String label;

  @Option(names = "--model", required = true, paramLabel = "NAME",
      description = "cbm-independent, cbm-sequential, cbm-joint, cem, entropy-len or blackbox.")
  String model;

  @Option(names = "--epochs", paramLabel = "N", description = "Training epochs (default 2001).")
  Integer epochs;

  @Option(names = "--learning-rate", paramLabel = "X",
      description = "AdamW learning rate (default 0.01; entropy-len 0.001; blackbox: L-BFGS, ignored).")
  Double learningRate;

  @Option(names = "--seed", paramLabel = "N", description = "Training seed (default 42).")
  Long seed;

  @Option(names = "--batch-size", paramLabel = "N", description = "Rows per step; 0 = full batch (default).")
  Integer batchSize;

  @Option(names = "--shards", paramLabel = "N",
      description = "Shards trained in parallel with parameter averaging; 0 = one per 100,000 rows (default).")
  Integer shards;

  @Option(names = "--policy", paramLabel = "NAME",
      description = "Intervention order of the curve: random (default) or uncertainty.")
  String policy;

  @Option(names = "--model-out", paramLabel = "PATH", description = "Save the trained model there (Spark ML format).")
  String modelOut;

  @Option(names = "--metrics-out", paramLabel = "FILE", description = "Write the metrics as JSON.")
  Path metricsOut;

  @Override
  public Integer call() throws Exception {
    if (!MODELS.contains(model)) {
      throw new UsageException("--model " + model + ": unknown model; models: " + String.join(", ", MODELS));
    }
    boolean needsFeatures = !model.equals("entropy-len");
    if (needsFeatures && (features == null || features.isEmpty())) {
      throw new UsageException("--features is required for --model " + model);
    }
    if (learningRate != null && !(learningRate > 0)) {
      throw new UsageException("--learning-rate must be > 0, got " + learningRate);
    }
    SparkXaiConfig config = common.load(new Flags()
        .put("sparkxai.concepts.seed", seed)
        .put("sparkxai.concepts.epochs", epochs)
        .put("sparkxai.concepts.batch-size", batchSize)
        .put("sparkxai.concepts.shards", shards)
        .put("sparkxai.concepts.intervention-policy", policy)
        .asMap());
    Tables.requireExists("--train", train);
    Tables.requireExists("--test", test);
    PrintWriter out = spec.commandLine().getOut();
    long started = System.nanoTime();
    SparkSession spark = JobRuntime.startSpark(config.spark(), "concepts-train");
    try {
      List<String> markers = config.getStringList("sparkxai.data.missing-markers");
      Dataset<Row> trainDf = Tables.read(spark, "--train", train, markers).cache();
      Dataset<Row> testDf = Tables.read(spark, "--test", test, markers).cache();
      List<String> needed = new ArrayList<>(concepts);
      needed.add(label);
      if (needsFeatures) {
        needed.addAll(features);
      } else if (features != null && !features.isEmpty()) {
        out.println("concepts-train: entropy-len learns from the concepts; --features is not used");
      }
      requireColumns("--train", train, trainDf, needed);
      requireColumns("--test", test, testDf, needed);
      Map<String, Object> metrics = new LinkedHashMap<>();
      metrics.put("model", model);
      metrics.put("train_rows", trainDf.count());
      metrics.put("test_rows", testDf.count());
      String[] conceptCols = concepts.toArray(new String[0]);
      double ceiling = ConceptDiagnostics.conceptCeiling(trainDf, testDf, conceptCols, label);
      Settings s = new Settings(config.getLong("sparkxai.concepts.seed"), config.getInt("sparkxai.concepts.epochs"),
          config.getInt("sparkxai.concepts.batch-size"), config.getInt("sparkxai.concepts.shards"),
          config.getString("sparkxai.concepts.intervention-policy"));
      long fitStart = System.nanoTime();
      String summary;
      switch (model) {
        case "entropy-len":
          summary = entropy(trainDf, testDf, conceptCols, s, metrics, out);
          break;
        case "blackbox":
          summary = blackbox(trainDf, testDf, s, metrics);
          break;
        default:
          summary = conceptModel(trainDf, testDf, conceptCols, s, metrics);
      }
      metrics.put("concept_ceiling", ceiling);
      metrics.put("seed", s.seed);
      metrics.put("epochs", s.epochs);
      metrics.put("fit_seconds", (System.nanoTime() - fitStart) / 1e9);
      double seconds = (System.nanoTime() - started) / 1e9;
      metrics.put("seconds", seconds);
      if (metricsOut != null) {
        MetricsFile.write(metricsOut, metrics);
      }
      out.printf("concepts-train: %s on %d rows: %s, concept ceiling %.3f (%.1f s)%s%n", model,
          (Long) metrics.get("train_rows"), summary, ceiling, seconds,
          metricsOut == null ? "" : "; metrics in " + metricsOut);
      return 0;
    } finally {
      spark.stop();
    }
  }

  private record Settings(long seed, int epochs, int batchSize, int shards, String policy) {}

  private static void requireColumns(String flag, String path, Dataset<Row> df, List<String> needed) {
    List<String> have = Arrays.asList(df.columns());
    for (String c : needed) {
      if (!have.contains(c)) {
        throw new UsageException(flag + " " + path + " has no column '" + c + "'; columns: " + String.join(", ", have));
      }
    }
  }

  private String conceptModel(Dataset<Row> trainDf, Dataset<Row> testDf, String[] conceptCols, Settings s,
      Map<String, Object> metrics) throws java.io.IOException {
    String[] featureCols = features.toArray(new String[0]);
    TrainedConceptModel<?> trained;
    if (model.equals("cem")) {
      ConceptEmbeddingModel cem = new ConceptEmbeddingModel().setInputCols(featureCols).setConceptCols(conceptCols)
          .setLabelCol(label).setSeed(s.seed).setEpochs(s.epochs).setBatchSize(s.batchSize).setNumShards(s.shards);
      if (learningRate != null) {
        cem.setLearningRate(learningRate);
      }
      trained = cem.fit(trainDf);
    } else {
      ConceptBottleneckModel cbm = new ConceptBottleneckModel().setMode(model.substring("cbm-".length()))
          .setInputCols(featureCols).setConceptCols(conceptCols).setLabelCol(label).setSeed(s.seed)
          .setEpochs(s.epochs).setBatchSize(s.batchSize).setNumShards(s.shards);
      if (learningRate != null) {
        cbm.setLearningRate(learningRate);
      }
      trained = cbm.fit(trainDf);
    }
    ConceptModelMetrics m = trained.evaluate(testDf, s.policy);
    metrics.put("concept_accuracy", m.conceptAccuracy());
    metrics.put("task_accuracy", m.taskAccuracy());
    metrics.put("task_accuracy_all_intervened", m.taskAccuracyAllIntervened());
    metrics.put("intervention_curve", toList(m.interventionCurve()));
    metrics.put("intervention_policy", m.policy());
    metrics.put("leakage", m.leakage());
    metrics.put("shards", Integer.parseInt(trained.provenance().get("shards")));
    if (modelOut != null) {
      trained.write().overwrite().save(modelOut);
    }
    return String.format(java.util.Locale.ROOT, "test task accuracy %.3f, concept accuracy %.3f, all concepts "
        + "intervened %.3f", m.taskAccuracy(), m.conceptAccuracy(), m.taskAccuracyAllIntervened());
  }

  private String entropy(Dataset<Row> trainDf, Dataset<Row> testDf, String[] conceptCols, Settings s,
      Map<String, Object> metrics, PrintWriter out) throws java.io.IOException {
    EntropyLogicExplainer len = new EntropyLogicExplainer().setConceptCols(conceptCols).setLabelCol(label)
        .setSeed(s.seed).setEpochs(s.epochs).setBatchSize(s.batchSize).setNumShards(s.shards);
    if (learningRate != null) {
      len.setLearningRate(learningRate);
    }
    EntropyLogicExplainerModel trained = len.fit(trainDf);
    LogicExplanations.Metrics e = trained.explanationMetrics(testDf);
    double accuracy = trained.accuracy(testDf);
    Map<String, String> formulas = new LinkedHashMap<>();
    trained.formulas().forEach((k, v) -> formulas.put(Integer.toString(k), v));
    // The network reads the true concepts: there is no concept predictor to measure or intervene on.
    metrics.put("concept_accuracy", null);
    metrics.put("task_accuracy", accuracy);
    metrics.put("task_accuracy_all_intervened", accuracy);
    List<Double> curve = new ArrayList<>();
    for (int i = 0; i <= conceptCols.length; i++) {
      curve.add(accuracy);
    }
    metrics.put("intervention_curve", curve);
    metrics.put("formulas", formulas);
    metrics.put("explanation_accuracy", e.accuracy());
    metrics.put("fidelity", e.fidelity());
    metrics.put("complexity", e.complexity());
    metrics.put("class_explanation_accuracy", toList(e.classAccuracy()));
    metrics.put("explanations_exact", trained.explanations().stream().allMatch(LogicExplanations.ClassExplanation::exact));
    formulas.forEach((k, v) -> out.printf("concepts-train: class %s ⇔ %s%n", k, v));
    if (modelOut != null) {
      trained.write().overwrite().save(modelOut);
    }
    return String.format(java.util.Locale.ROOT, "test task accuracy %.3f, explanation accuracy %.3f, fidelity %.3f, "
        + "complexity %.1f", accuracy, e.accuracy(), e.fidelity(), e.complexity());
  }

  private String blackbox(Dataset<Row> trainDf, Dataset<Row> testDf, Settings s, Map<String, Object> metrics)
      throws java.io.IOException {
    String[] featureCols = features.toArray(new String[0]);
    Row max = trainDf.agg(functions.max(functions.col(Tables.quote(label)))).first();
    int classes = Math.max(2, (int) Math.round(((Number) max.get(0)).doubleValue()) + 1);
    Dataset<Row> tr = trainDf.withColumn("__label", functions.col(Tables.quote(label)).cast("double"));
    Dataset<Row> te = testDf.withColumn("__label", functions.col(Tables.quote(label)).cast("double"));
    PipelineModel fitted = new Pipeline().setStages(new PipelineStage[] {
        new VectorAssembler().setInputCols(featureCols).setOutputCol("__features"),
        new MultilayerPerceptronClassifier().setFeaturesCol("__features").setLabelCol("__label")
            .setLayers(new int[] {featureCols.length, 10, 8, classes}).setMaxIter(s.epochs).setSeed(s.seed)}).fit(tr);
    Row r = fitted.transform(te).agg(functions.avg(functions.when(
        functions.col("prediction").equalTo(functions.col("__label")), 1.0).otherwise(0.0))).first();
    double accuracy = r.getDouble(0);
    metrics.put("concept_accuracy", null);
    metrics.put("task_accuracy", accuracy);
    metrics.put("task_accuracy_all_intervened", null);
    metrics.put("intervention_curve", List.of());
    metrics.put("baseline", "MLlib MultilayerPerceptronClassifier, layers " + featureCols.length + "-10-8-" + classes
        + ", L-BFGS");
    if (modelOut != null) {
      fitted.write().overwrite().save(modelOut);
    }
    return String.format(java.util.Locale.ROOT, "test task accuracy %.3f (no concepts)", accuracy);
  }

  private static List<Double> toList(double[] values) {
    List<Double> out = new ArrayList<>();
    for (double v : values) {
      out.add(v);
    }
    return out;
  }
}
