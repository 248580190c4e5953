package io.sparkxai.bench;

import io.sparkxai.ebm.ExplainableBoostingClassificationModel;
import io.sparkxai.ebm.ExplainableBoostingClassifier;
import io.sparkxai.reports.Report;
import io.sparkxai.testkit.browser.BrowserPage;
import io.sparkxai.testkit.browser.HeadlessChromium;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The size and cost of an EBM global report for a large model: an EBM of {@code FEATURES} features
 * (every tenth categorical) plus pairs, fitted on generated rows, then its global report built
 * {@code REPS} times (median build time, the Spark jobs the builds ran, the file's bytes), and opened
 * {@code REPS} times in headless Chromium with the network off (median time to the load event).
 * Usage: {@code ReportBench OUT.html [FEATURES] [PAIRS] [ROWS] [REPS]}.
 */
public final class ReportBench {

  private ReportBench() {}

  /** Runs the bench and prints one line of figures. */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    int features = args.length > 1 ? Integer.parseInt(args[1]) : 95;
    int pairs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    int rows = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
    int reps = args.length > 4 ? Integer.parseInt(args[4]) : 5;
    SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    Dataset<Row> data = generate(spark, features, rows);
    String[] cols = Arrays.copyOf(data.columns(), features);
    ExplainableBoostingClassificationModel model = new ExplainableBoostingClassifier().setInputCols(cols)
        .setLabelCol("label").setOuterBags(2).setMaxRounds(300).setInteractions(Integer.toString(pairs))
        .setSeed(1).setLogEvery(0).fit(data);
    AtomicInteger jobs = new AtomicInteger();
    spark.sparkContext().addSparkListener(new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart start) {
        jobs.incrementAndGet();
      }
    });
    double[] build = new double[reps];
    Report report = null;
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      report = model.globalReport().build();
      build[i] = (System.nanoTime() - t0) / 1e6;
    }
    spark.sparkContext().listenerBus().waitUntilEmpty();
    report.save(out);
    double[] load = new double[reps];
    try (HeadlessChromium chromium = HeadlessChromium.start()) {
      for (int i = 0; i < reps; i++) {
        try (BrowserPage page = chromium.open(out, 1100)) {
          load[i] = page.loadMillis();
          if (!page.consoleErrors().isEmpty() || !page.outsideRequests().isEmpty()) {
            throw new IllegalStateException("report not clean: " + page.consoleErrors() + page.outsideRequests());
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "report-bench: %d terms (%d pairs), %d bytes (%.2f MB), build median %.1f ms,"
        + " Spark jobs during %d builds: %d, Chromium load median %.0f ms (runs %s)%n", model.termNames().size(),
        model.summary().pairs().size(), report.bytes().length, report.bytes().length / 1048576.0, median(build),
        reps, jobs.get(), median(load), Arrays.toString(load));
    spark.stop();
  }

  private static Dataset<Row> generate(SparkSession spark, int features, int rows) {
    Random r = new Random(7);
    List<StructField> fields = new ArrayList<>();
    for (int f = 0; f < features; f++) {
      fields.add(DataTypes.createStructField("f" + f, f % 10 == 9 ? DataTypes.StringType : DataTypes.DoubleType,
          true));
    }
    fields.add(DataTypes.createStructField("label", DataTypes.DoubleType, false));
    List<Row> out = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      Object[] v = new Object[features + 1];
      double score = 0;
      for (int f = 0; f < features; f++) {
        double x = r.nextGaussian();
        v[f] = f % 10 == 9 ? "level" + (int) Math.floor(Math.abs(x) * 4) : x;
        score += Math.sin(x * (1 + f % 3)) / Math.sqrt(features) * 3;
      }
      v[features] = r.nextDouble() < 1 / (1 + Math.exp(-score)) ? 1.0 : 0.0;
      out.add(RowFactory.create(v));
    }
    return spark.createDataFrame(out, new StructType(fields.toArray(new StructField[0])));
  }

  private static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
