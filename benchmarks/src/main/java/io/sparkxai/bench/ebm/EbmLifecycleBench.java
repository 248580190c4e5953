package io.sparkxai.bench.ebm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sparkxai.ebm.EbmModelBase;
import io.sparkxai.ebm.ExplainableBoostingClassificationModel;
import io.sparkxai.ebm.ExplainableBoostingClassifier;
import io.sparkxai.ebm.ExplainableBoostingModels;
import io.sparkxai.jobs.BinaryLabel;
import io.sparkxai.jobs.Tables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * An EBM's life after fit on UCI Adult, the figures of issue 15: the test AUC of a model fitted on all
 * training rows; of two models fitted on disjoint halves and of their merge; and of four batches taken in
 * turn, both as fits of their own merged into a running model ({@link ExplainableBoostingModels#merge}
 * after each batch) and as warm starts (each batch boosted from the model of the batches before). Halves
 * and batches are the rows whose content hash ({@code xxhash64} of every column) is {@code i} modulo 2
 * or 4, so they do not depend on the file's partitioning.
 *
 * <p>Usage: {@code EbmLifecycleBench [--configs fast,mains,defaults] [--master URL] [--out FILE]}:
 * {@code fast} is one bag of mains with learning rate 0.05 (the settings of the unit test
 * {@code EbmLifecycleAdultTest}), {@code mains} interpretml's defaults without pairs (14 bags, learning
 * rate 0.015), {@code defaults} interpretml's defaults (14 bags, 3x pairs).
 */
public final class EbmLifecycleBench {

  private final SparkSession spark;
  private final Dataset<Row> train;
  private final Dataset<Row> test;
  private final String[] features;

  private EbmLifecycleBench(SparkSession spark, Dataset<Row> train, Dataset<Row> test, String[] features) {
    this.spark = spark;
    this.train = train;
    this.test = test;
    this.features = features;
  }

  /** Runs the bench. */
  public static void main(String[] args) throws Exception {
    List<String> configs = List.of("fast", "mains");
    String master = "local[2]";
    Path out = Paths.get("benchmarks/results/ebm-lifecycle.json");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--configs" -> configs = List.of(args[++i].split(","));
        case "--master" -> master = args[++i];
        case "--out" -> out = Paths.get(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    SparkSession spark = SparkSession.builder().master(master).appName("ebm-lifecycle-bench")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.shuffle.partitions", "4").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "master", master,
        "java", System.getProperty("java.version")));
    try {
      String data = System.getProperty("sparkxai.shared.data", "../shared/data");
      Dataset<Row> trainRaw = Tables.read(spark, "--train", data + "/adult/adult.data", List.of("?"));
      Dataset<Row> testRaw = Tables.read(spark, "--test", data + "/adult/adult.test", List.of("?"));
      BinaryLabel label = BinaryLabel.of(trainRaw, "ltgt50k", null);
      Dataset<Row> train = label.apply(trainRaw, "train").drop("ltgt50k").cache();
      Dataset<Row> test = label.apply(testRaw, "test").drop("ltgt50k").cache();
      List<String> features = new ArrayList<>(List.of(train.columns()));
      features.remove(BinaryLabel.OUTPUT);
      EbmLifecycleBench bench = new EbmLifecycleBench(spark, train, test, features.toArray(new String[0]));
      for (String c : configs) {
        results.put(c, bench.run(c));
      }
    } finally {
      spark.stop();
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), results);
    System.out.println("results in " + out);
  }

  private ExplainableBoostingClassifier estimator(String config) {
    ExplainableBoostingClassifier e = new ExplainableBoostingClassifier().setInputCols(features)
        .setLabelCol(BinaryLabel.OUTPUT).setLogEvery(0);
    return switch (config) {
      case "fast" -> e.setOuterBags(1).setInteractions("0").setLearningRate(0.05);
      case "mains" -> e.setInteractions("0");
      case "defaults" -> e;
      default -> throw new IllegalArgumentException("unknown config " + config + "; configs: fast, mains, defaults");
    };
  }

  private Dataset<Row> part(int part, int parts) {
    Column[] cols = new Column[train.columns().length];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = functions.col(train.columns()[i]);
    }
    return train.where(functions.pmod(functions.xxhash64(cols), functions.lit(parts)).equalTo(part)).cache();
  }

  private double auc(EbmModelBase<?> m) {
    return new BinaryClassificationEvaluator().setLabelCol(BinaryLabel.OUTPUT).setRawPredictionCol("rawPrediction")
        .setMetricName("areaUnderROC").evaluate(m.transform(test));
  }

  private Map<String, Object> run(String config) {
    Map<String, Object> r = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    double all = auc(estimator(config).fit(train));
    r.put("all_rows_auc", all);
    r.put("all_rows_fit_seconds", (System.nanoTime() - t0) / 1e9);
    List<ExplainableBoostingClassificationModel> halves = new ArrayList<>();
    List<Double> halfAucs = new ArrayList<>();
    for (int h = 0; h < 2; h++) {
      halves.add(estimator(config).fit(part(h, 2)));
      halfAucs.add(auc(halves.get(h)));
    }
    long m0 = System.nanoTime();
    ExplainableBoostingClassificationModel merged = ExplainableBoostingModels.merge(halves, null);
    r.put("merge_seconds", (System.nanoTime() - m0) / 1e9);
    r.put("halves_auc", halfAucs);
    r.put("halves_merged_auc", auc(merged));
    List<Double> merging = new ArrayList<>();
    List<Double> warm = new ArrayList<>();
    List<Double> alone = new ArrayList<>();
    ExplainableBoostingClassificationModel running = null;
    ExplainableBoostingClassificationModel warmed = null;
    for (int b = 0; b < 4; b++) {
      Dataset<Row> batch = part(b, 4);
      ExplainableBoostingClassificationModel own = estimator(config).fit(batch);
      alone.add(auc(own));
      running = running == null ? own : ExplainableBoostingModels.merge(running, own);
      merging.add(auc(running));
      warmed = estimator(config).setInitialModel(warmed).fit(batch);
      warm.add(auc(warmed));
    }
    r.put("batch_alone_auc", alone);
    r.put("batches_merged_auc", merging);
    r.put("batches_warm_start_auc", warm);
    r.put("seconds", (System.nanoTime() - t0) / 1e9);
    System.out.printf(Locale.ROOT, "%s: all rows %.4f; halves %.4f, %.4f, merged %.4f (%+.4f); four batches alone %s,"
        + " merged in turn %s (%+.4f), warm-started in turn %s (%+.4f); %.0f s%n", config, all, halfAucs.get(0),
        halfAucs.get(1), auc(merged), auc(merged) - all, round(alone), round(merging), merging.get(3) - all,
        round(warm), warm.get(3) - all, (System.nanoTime() - t0) / 1e9);
    return r;
  }

  private static List<String> round(List<Double> values) {
    return values.stream().map(v -> String.format(Locale.ROOT, "%.4f", v)).toList();
  }
}
