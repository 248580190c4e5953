package io.sparkxai.jobs;

import io.sparkxai.concepts.ConceptDiagnostics;
import io.sparkxai.conf.SparkXaiConfig;
import java.util.ArrayList;
import java.util.Arrays;
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
 * {@code spark-xai concepts-train}: trains one concept model on a training table and measures it on
 * a test table ({@link ConceptsTraining}: concept and task accuracy, accuracy with all concepts
 * intervened, the intervention curve, leakage; for the entropy network, its formulas), beside the
 * concept ceiling of the data.
 */
@Command(name = "concepts-train", mixinStandardHelpOptions = true,
    description = "Trains a concept model (CBM, CEM, entropy LEN, or a black box) on a label of class indices"
        + " 0, 1, ... and reports concept and task metrics.")
public final class ConceptsTrainCommand extends JobCommand {

  static final List<String> MODELS = List.of("cbm-independent", "cbm-sequential", "cbm-joint", "cem", "entropy-len",
      "blackbox");

  @Mixin TrainingData data;
  @Mixin MetricsOption metrics;
  @Mixin ReportOption report;

  @Option(names = "--test", required = true, paramLabel = "PATH",
      description = "Test table for the metrics (same columns).")
  String test;

  @Option(names = "--features", split = ",", paramLabel = "COLS",
      description = "Comma-separated numeric feature columns (not needed for entropy-len).")
  List<String> features;

  @Option(names = "--concepts", required = true, split = ",", paramLabel = "COLS",
      description = "Comma-separated concept columns, values in [0, 1].")
  List<String> concepts;

  @Option(names = "--model", required = true, paramLabel = "NAME",
      description = "cbm-independent, cbm-sequential, cbm-joint, cem, entropy-len or blackbox.")
  String model;

  @Mixin ConceptsHyperparameters hyperparameters;

  @Option(names = "--policy", paramLabel = "NAME",
      description = "Intervention order of the curve: random (default) or uncertainty.")
  String policy;

  @Mixin ModelSaving saving;

  @Override
  public Integer call() throws Exception {
    report.check();
    if (!MODELS.contains(model)) {
      throw new UsageException("--model " + model + ": unknown model; models: " + String.join(", ", MODELS));
    }
    boolean needsFeatures = !model.equals("entropy-len");
    if (needsFeatures && (features == null || features.isEmpty())) {
      throw new UsageException("--features is required for --model " + model);
    }
    SparkXaiConfig config = common.load(hyperparameters.flags()
        .put("sparkxai.concepts.intervention-policy", policy)
        .asMap());
    Tables.requireExists("--train", data.train);
    Tables.requireExists("--test", test);
    saving.requireFree();
    ConceptsTraining training = new ConceptsTraining(model, features == null ? List.of() : features, concepts,
        data.label, config.getLong("sparkxai.concepts.seed"), config.getInt("sparkxai.concepts.epochs"),
        config.getInt("sparkxai.concepts.batch-size"), config.getInt("sparkxai.concepts.shards"),
        config.getString("sparkxai.concepts.intervention-policy"), hyperparameters.learningRate, saving);
    return withSpark(config, spark -> train(spark, config, training));
  }

  private int train(SparkSession spark, SparkXaiConfig config, ConceptsTraining training) throws Exception {
    long started = System.nanoTime();
    List<String> markers = config.getStringList("sparkxai.data.missing-markers");
    Dataset<Row> trainDf = Tables.read(spark, "--train", data.train, markers).cache();
    Dataset<Row> testDf = Tables.read(spark, "--test", test, markers).cache();
    List<String> needed = new ArrayList<>(concepts);
    needed.add(data.label);
    if (!model.equals("entropy-len")) {
      needed.addAll(features);
    } else if (features != null && !features.isEmpty()) {
      out().println("concepts-train: entropy-len learns from the concepts; --features is not used");
    }
    requireColumns("--train", data.train, trainDf, needed);
    requireColumns("--test", test, testDf, needed);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", model);
    m.put("train_rows", trainDf.count());
    m.put("test_rows", testDf.count());
    double ceiling = ConceptDiagnostics.conceptCeiling(trainDf, testDf, concepts.toArray(new String[0]), data.label);
    long fitStart = System.nanoTime();
    String summary = training.run(trainDf, testDf, m, out());
    m.put("concept_ceiling", ceiling);
    m.put("seed", training.seed());
    m.put("epochs", training.epochs());
    m.put("fit_seconds", secondsSince(fitStart));
    double seconds = secondsSince(started);
    m.put("seconds", seconds);
    metrics.write(m);
    report.write(ConceptsReport.of("Concept model " + model + " for " + data.label + " trained on "
        + java.nio.file.Paths.get(data.train).getFileName(), m));
    out().printf("concepts-train: %s on %d rows: %s, concept ceiling %.3f (%.1f s)%s%s%n", model,
        (Long) m.get("train_rows"), summary, ceiling, seconds, metrics.suffix(), report.suffix());
    return 0;
  }

  private static void requireColumns(String flag, String path, Dataset<Row> df, List<String> needed) {
    List<String> have = Arrays.asList(df.columns());
    for (String c : needed) {
      if (!have.contains(c)) {
        throw new UsageException(flag + " " + path + " has no column '" + c + "'; columns: " + String.join(", ", have));
      }
    }
  }
}
