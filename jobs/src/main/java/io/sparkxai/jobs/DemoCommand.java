package io.sparkxai.jobs;

import io.sparkxai.conf.SparkXaiConfig;
import io.sparkxai.ebm.synthetic.SyntheticEbmDataFrames;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code spark-xai demo}: every capability once, on data the project generates itself (the seeded
 * synthetic EBM set), or on the user's tables with {@code --train/--test}. Prints each part's
 * result and a one-line summary; {@code --metrics-out} writes them as JSON.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Runs every capability once on generated data (or on --train/--test) and prints the results.")
public final class DemoCommand extends JobCommand {

  @ArgGroup(exclusive = false) DemoTables tables;

  @Option(names = "--positive-label", paramLabel = "VALUE",
      description = "Which label value is the positive class (default: the larger).")
  String positiveLabel;

  @Mixin DemoSettings settings;

  @Option(names = "--parts", paramLabel = "NAME", split = ",",
      description = "Comma-separated parts to run (default all); unknown names are listed in the error.")
  List<String> parts;

  @Mixin MetricsOption metrics;

  /** The parts, in order. Each capability adds its own. */
  static List<DemoPart> allParts() {
    return List.of(new DemoPart("baseline", LogisticRegressionDemo::run), new DemoPart("ebm", EbmDemo::run),
        new DemoPart("concepts", ConceptsDemo::run), new DemoPart("lrp", LrpDemo::run));
  }

  @Override
  public Integer call() throws Exception {
    SparkXaiConfig config = common.load(settings.flags().asMap());
    if (tables != null) {
      Tables.requireExists("--train", tables.train);
      Tables.requireExists("--test", tables.test);
    }
    List<DemoPart> selected = selectParts();
    long started = System.nanoTime();
    return withSpark(config, spark -> {
      TaskJvms taskJvms = TaskJvms.register(spark);
      DemoContext ctx = context(spark, config, taskJvms);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("data", ctx.generated() ? "synthetic" : tables.train);
      m.put("positive_label", ctx.label().positive());
      for (DemoPart part : selected) {
        m.put(part.name(), part.run(ctx));
        ctx.out().flush();
      }
      // after the parts: the cached rows as they were last computed (recomputed after a lost executor)
      Map<String, Object> fingerprints = new LinkedHashMap<>();
      fingerprints.put("train", DataFingerprint.of(ctx.train(), BinaryLabel.OUTPUT).toMap());
      fingerprints.put("test", DataFingerprint.of(ctx.test(), BinaryLabel.OUTPUT).toMap());
      m.put("data_fingerprint", fingerprints);
      double seconds = secondsSince(started);
      m.put("seconds", seconds);
      m.put("processes", taskJvms.report());
      metrics.write(m);
      out().printf("demo: %d part(s) done in %.1f s on %s%s%n", selected.size(), seconds,
          spark.sparkContext().master(), metrics.suffix());
      return 0;
    });
  }

  /** The parts' context: the generated set, or the user's tables, cached, with a 0/1 label. */
  private DemoContext context(SparkSession spark, SparkXaiConfig config, TaskJvms taskJvms) {
    PrintWriter out = out();
    long demoSeed = config.getLong("sparkxai.demo.seed");
    int parallelism = config.getInt("sparkxai.demo.partitions");
    Dataset<Row> trainDf;
    Dataset<Row> testDf;
    String labelCol;
    boolean generated = tables == null;
    if (generated) {
      long n = config.getLong("sparkxai.demo.train-rows");
      long nTest = config.getLong("sparkxai.demo.test-rows");
      trainDf = taskJvms.recordedOn(
          SyntheticEbmDataFrames.generate(spark, demoSeed, SyntheticEbmDataFrames.TRAIN, n, parallelism)).cache();
      testDf = taskJvms.recordedOn(
          SyntheticEbmDataFrames.generate(spark, demoSeed, SyntheticEbmDataFrames.TEST, nTest, parallelism)).cache();
      labelCol = SyntheticEbmDataFrames.LABEL;
      out.printf("data: generated synthetic set (seed %d): %d train rows, %d test rows, 22 features%n",
          demoSeed, n, nTest);
    } else {
      List<String> markers = config.getStringList("sparkxai.data.missing-markers");
      trainDf = Tables.read(spark, "--train", tables.train, markers);
      testDf = Tables.read(spark, "--test", tables.test, markers);
      labelCol = tables.labelOr(trainDf.columns());
      if (!List.of(testDf.columns()).contains(labelCol)) {
        throw new UsageException("--test " + tables.test + " has no label column '" + labelCol + "'");
      }
      trainDf = taskJvms.recordedOn(trainDf.repartition(parallelism)).cache();
      testDf = taskJvms.recordedOn(testDf).cache();
      out.printf("data: %s (%d rows), %s (%d rows), label '%s'%n", tables.train, trainDf.count(), tables.test,
          testDf.count(),
          labelCol);
    }
    BinaryLabel binary = BinaryLabel.of(trainDf, labelCol, positiveLabel);
    Path dir = Paths.get(config.getString("sparkxai.demo.output-dir"));
    return new DemoContext(spark, binary.apply(trainDf, "--train"), binary.apply(testDf, "--test"), binary, generated,
        demoSeed, dir, out);
  }

  private List<DemoPart> selectParts() {
    List<DemoPart> all = allParts();
    if (parts == null || parts.isEmpty()) {
      return all;
    }
    List<DemoPart> chosen = new ArrayList<>();
    for (String name : parts) {
      DemoPart p = all.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow(() ->
          new UsageException("--parts " + name + ": unknown part; parts: "
              + String.join(", ", all.stream().map(DemoPart::name).toList())));
      chosen.add(p);
    }
    return chosen;
  }
}
