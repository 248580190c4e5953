package io.sparkxai.jobs;

import io.sparkxai.conf.SparkXaiConfig;
import io.sparkxai.lrp.LrpCounts;
import io.sparkxai.lrp.LrpExplainer;
import io.sparkxai.lrp.core.LrpOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code spark-xai lrp}: relevance maps for the rows of a CSV file, computed in this JVM with the LRP
 * engine ({@link LrpCsvRows}; no Spark job: a CSV of inputs is small), or for a folder of images,
 * computed on Spark ({@link LrpImageFolder}). Either way the flags become the params of one
 * {@link LrpExplainer}, which checks them. {@code --master} and the other common flags are accepted
 * and validated like everywhere.
 */
@Command(name = "lrp", mixinStandardHelpOptions = true,
    description = "Layer-wise relevance propagation for the rows of a CSV file (one flattened input per row,"
        + " in the model's own layout: H,W,C for lrp_toolbox models, C,H,W for ONNX), or for a folder of images"
        + " (PNG, JPEG, ...) explained on Spark.")
public final class LrpCommand extends JobCommand {

  @Option(names = "--model", required = true, paramLabel = "PATH", description = "An .onnx file or an lrp_toolbox .txt.")
  Path model;

  @Option(names = "--input", required = true, paramLabel = "PATH",
      description = "CSV without header, one flattened input per row; or a folder of images.")
  Path input;

  @Mixin LrpOutput output;
  @Mixin LrpCompute compute;
  @Mixin LrpRuleOptions rules;
  @Mixin LrpImageOptions images;
  @Mixin MetricsOption metrics;
  @Mixin ReportOption report;

  @Option(names = "--report-images", paramLabel = "N", defaultValue = "16",
      description = "How many explained inputs --report draws, the first in file or row order (default: ${DEFAULT-VALUE}).")
  int reportImages;

  @Override
  public Integer call() throws Exception {
    SparkXaiConfig config = common.load(compute.flags().asMap());
    report.check();
    if (reportImages < 1 || reportImages > 1000) {
      throw new UsageException("--report-images must be in 1..1000, got " + reportImages);
    }
    if (!Files.isRegularFile(model)) {
      throw new UsageException("--model " + model + ": no such file");
    }
    if (!Files.isRegularFile(input) && !Files.isDirectory(input)) {
      throw new UsageException("--input " + input + ": no such file or folder");
    }
    LrpExplainer lrp = LrpCompute.applyTo(new LrpExplainer().setModelPath(model.toString()), config);
    LrpOptions options = rules.applyTo(lrp);
    output.applyTo(lrp);
    if (Files.isDirectory(input)) {
      images.applyTo(lrp);
      return imageFolder(config, lrp);
    }
    images.requireNone();
    return csvRows(lrp, options);
  }

  /** Rows of a CSV file, explained on the driver with the explainer's engine options. */
  private int csvRows(LrpExplainer lrp, LrpOptions options) throws Exception {
    long started = System.nanoTime();
    LrpCsvRows.Explained e = LrpCsvRows.explain(model, input, lrp, options);
    LrpCsvRows.writeCsv(e, output.csv, LrpCsvRows.dataType(lrp));
    if (output.heatmaps != null) {
      LrpCsvRows.writeHeatmaps(e, output.heatmaps, lrp.getHeatmapSize());
    }
    if (report.wanted()) {
      report.write(LrpCsvReport.of(e, LrpCsvRows.readRows(input), model.getFileName().toString(), options,
          reportImages));
    }
    double seconds = secondsSince(started);
    metrics.write(LrpMetrics.ofRows(model, e, lrp, options, rules.target, seconds));
    double ratio = e.forwardNanos() == 0 ? Double.NaN : (double) e.lrpNanos() / e.forwardNanos();
    out().printf(Locale.ROOT, "lrp: %d row(s) of %s explained with %s on %s (%s), relevance in %s; %.2f s"
        + " (LRP %.3f s = %.1fx the forward pass)%n", e.rows(), model.getFileName(), options.composite().name(),
        e.device(), lrp.getPrecision(), output.where() + report.suffix(), seconds, e.lrpNanos() / 1e9, ratio);
    return 0;
  }

  /** A folder of images: explained on Spark by the explainer, written from the driver in file-name order. */
  private int imageFolder(SparkXaiConfig config, LrpExplainer lrp) throws Exception {
    long started = System.nanoTime();
    return withSpark(config, spark -> {
      LrpImageFolder.Written w;
      try {
        w = LrpImageFolder.run(spark, lrp, input, images.partitions(), output.csv, output.heatmaps);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage()); // params checked on the driver, before any task
      }
      if (report.wanted()) {
        // a second, short job: the first N explained images, in file-name order like the outputs
        Dataset<Row> sorted = spark.read().format("image").load(input.toString()).orderBy("image.origin");
        report.write(lrp.report(sorted, reportImages));
      }
      double seconds = secondsSince(started);
      String master = spark.sparkContext().master();
      metrics.write(LrpMetrics.ofImages(model, input, w, lrp, rules.target, master, seconds));
      LrpCounts c = w.counts();
      out().printf(Locale.ROOT, "lrp: %d image(s) in %s, %d explained, %d invalid (%d skipped), with %s on %s; %d"
          + " model load(s) in %d JVM(s); relevance in %s; %.1f s%n", c.rows(), input, w.explained(), c.invalid(),
          c.skipped(), LrpMetrics.rules(lrp), master, c.modelLoads(), c.perJvm().size(), output.where() + report.suffix(),
          seconds);
      return 0;
    });
  }
}
