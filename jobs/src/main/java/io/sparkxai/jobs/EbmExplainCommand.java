package io.sparkxai.jobs;

import io.sparkxai.conf.SparkXaiConfig;
import io.sparkxai.ebm.EbmModelBase;
import io.sparkxai.ebm.ExplainableBoostingClassificationModel;
import io.sparkxai.ebm.ExplainableBoostingRegressionModel;
import io.sparkxai.ebm.core.EbmModel;
import io.sparkxai.ebm.core.FeatureBinning;
import io.sparkxai.ebm.core.ModelTerm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.ml.util.DefaultParamsReader$;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spark-xai ebm-explain}: applies a saved EBM to a table and writes its explanations: per row,
 * the {@code --id-col} when given, each term's contribution in a column named exactly as the term,
 * the raw score, the probability (classifiers) and the prediction (Parquet,
 * {@code OUTPUT/contributions.parquet}, from {@code explainRows}; intercept + contributions = raw
 * score), and the global explanation ({@code OUTPUT/global.json}:
 * every term's bins, scores, standard deviations, weights and importance). Both are written into
 * temporary names and renamed into place.
 */
@Command(name = "ebm-explain", mixinStandardHelpOptions = true,
    description = "Explains a table with a saved EBM: per-row term contributions (Parquet) and the global "
        + "explanation (global.json).")
public final class EbmExplainCommand extends JobCommand {

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "A model saved by ebm-train.")
  String model;

  @Option(names = "--input", required = true, paramLabel = "PATH", description = "Rows to explain: CSV or Parquet.")
  String input;

  @Option(names = "--output", required = true, paramLabel = "DIR",
      description = "Folder for contributions.parquet and global.json.")
  String output;

  @Option(names = "--overwrite", description = "Replace the explanations an earlier run wrote in --output.")
  boolean overwrite;

  @Option(names = "--id-col", paramLabel = "COL",
      description = "A column of --input copied into contributions.parquet first, to join the explanations back.")
  String idCol;

  @picocli.CommandLine.Mixin ReportOption report;

  @Option(names = "--report-rows", paramLabel = "N", defaultValue = "5",
      description = "Rows of --input explained one by one in the --report (default ${DEFAULT-VALUE}).")
  int reportRows;

  @Option(names = "--label", paramLabel = "COL",
      description = "A column of --input holding the true label, shown beside each row the --report explains.")
  String label;

  /** What this command writes into --output: only a folder holding no more than these is ever replaced. */
  private static final Set<String> OUTPUTS = Set.of("contributions.parquet", "global.json");

  @Override
  public Integer call() throws Exception {
    SparkXaiConfig config = common.load(Map.of());
    Tables.requireExists("--model", model);
    Tables.requireExists("--input", input);
    if (!model.contains("://") && !Files.isDirectory(Paths.get(model, "metadata"))) {
      throw new UsageException("--model " + model + ": not a saved model (no metadata folder)");
    }
    requireOutputFree();
    report.check();
    if (reportRows < 0) {
      throw new UsageException("--report-rows must be >= 0, got " + reportRows);
    }
    return withSpark(config, spark -> {
      EbmModelBase<?> m = load(spark);
      EbmModel ebm = m.ebm();
      Dataset<Row> rows = castFeatures(Tables.read(spark, "--input", input,
          config.getStringList("sparkxai.data.missing-markers")), ebm, input);
      for (String[] flag : new String[][] {{"--id-col", idCol}, {"--label", label}}) {
        if (flag[1] != null && !Arrays.asList(rows.columns()).contains(flag[1])) {
          throw new UsageException(flag[0] + " " + flag[1] + ": --input " + input + " has no such column; columns: "
              + String.join(", ", rows.columns()));
        }
      }
      Dataset<Row> result = idCol == null ? m.explainRows(rows) : m.explainRows(rows, idCol);
      writeParquetAtomically(spark, result, output, "contributions.parquet");
      Path global = Paths.get(output).resolve("global.json");
      MetricsFile.write(global, global(m, ebm));
      out().printf("ebm-explain: %d rows explained by %d terms; contributions in %s, global explanation in %s%n",
          spark.read().parquet(output + "/contributions.parquet").count(), ebm.termNames().size(),
          output + "/contributions.parquet", global);
      if (report.wanted()) {
        io.sparkxai.ebm.EbmGlobalReport g = m.globalReport()
            .title("EBM explanations of " + Paths.get(input).getFileName());
        if (label != null) {
          g.labelName(label);
        }
        report.write(reportRows == 0 ? g.build() : m.localReport(g, rows, reportRows, label));
        out().println("ebm-explain: report in " + report.file + (reportRows > 0 ? " (" + reportRows
            + " rows explained one by one)" : ""));
      }
      return 0;
    });
  }

  /**
   * Refuses, before Spark starts, a local --output that is a file, holds explanations without
   * --overwrite, or holds anything this command did not write (which is never replaced).
   */
  private void requireOutputFree() throws IOException {
    if (output.contains("://")) {
      return;
    }
    Path dir = Paths.get(output);
    if (!Files.exists(dir)) {
      return;
    }
    if (!Files.isDirectory(dir)) {
      throw new UsageException("--output " + output + " is a file; give a folder");
    }
    List<String> names;
    try (var listing = Files.list(dir)) {
      names = listing.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
    }
    if (names.isEmpty()) {
      return;
    }
    List<String> foreign = names.stream().filter(n -> !OUTPUTS.contains(n)).toList();
    if (!foreign.isEmpty()) {
      throw new UsageException("--output " + output + " holds files ebm-explain did not write (" + foreign.get(0)
          + (foreign.size() > 1 ? " and " + (foreign.size() - 1) + " more" : "") + "); choose another folder");
    }
    if (!overwrite) {
      throw new UsageException("--output " + output + " holds explanations already; add --overwrite to replace them");
    }
  }

  private EbmModelBase<?> load(SparkSession spark) {
    String className = DefaultParamsReader$.MODULE$.loadMetadata(model, spark, "").className();
    if (className.equals(ExplainableBoostingClassificationModel.class.getName())) {
      return ExplainableBoostingClassificationModel.load(model);
    } else if (className.equals(ExplainableBoostingRegressionModel.class.getName())) {
      return ExplainableBoostingRegressionModel.load(model);
    }
    throw new UsageException("--model " + model + " holds a " + className + ", not an EBM model");
  }

  /** Columns the model binned as numbers are read as numbers (CSV inference may have made them text). */
  private static Dataset<Row> castFeatures(Dataset<Row> rows, EbmModel ebm, String path) {
    Dataset<Row> out = rows;
    for (FeatureBinning b : ebm.features()) {
      if (!Arrays.asList(rows.columns()).contains(b.name())) {
        throw new UsageException("--input " + path + " has no column '" + b.name() + "', a feature of the model; "
            + "columns: " + String.join(", ", rows.columns()));
      }
      if (!b.isCategorical()) {
        out = out.withColumn(b.name(), functions.col(Tables.quote(b.name())).cast(DataTypes.DoubleType));
      }
    }
    return out;
  }

  private static void writeParquetAtomically(SparkSession spark, Dataset<Row> df, String dir, String name)
      throws IOException {
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(dir, name);
    FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
    String stamp = UUID.randomUUID().toString();
    org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(dir, "." + name + "-tmp-" + stamp);
    org.apache.hadoop.fs.Path old = new org.apache.hadoop.fs.Path(dir, "." + name + "-old-" + stamp);
    try {
      df.write().parquet(tmp.toString());
      // swap: the old explanations stay until the new ones are complete
      if (fs.exists(target) && !fs.rename(target, old)) {
        throw new IOException("cannot move " + target + " aside to " + old);
      }
      if (!fs.rename(tmp, target)) {
        if (fs.exists(old)) {
          fs.rename(old, target);
        }
        throw new IOException("cannot move " + tmp + " to " + target);
      }
    } finally {
      if (fs.exists(tmp)) {
        fs.delete(tmp, true);
      }
      if (fs.exists(old) && fs.exists(target)) {
        fs.delete(old, true);
      }
    }
  }

  private static Map<String, Object> global(EbmModelBase<?> m, EbmModel ebm) {
    Map<String, Object> g = new LinkedHashMap<>();
    g.put("task", ebm.task().name().toLowerCase(java.util.Locale.ROOT));
    g.put("classes", ebm.classes());
    g.put("intercept", ebm.intercept());
    List<Map<String, Object>> terms = new ArrayList<>();
    for (ModelTerm t : ebm.terms()) {
      Map<String, Object> term = new LinkedHashMap<>();
      term.put("name", t.name());
      term.put("importance", t.importance());
      List<String> features = new ArrayList<>();
      for (int f : t.features()) {
        features.add(ebm.features().get(f).name());
      }
      term.put("features", features);
      List<String> bins = new ArrayList<>();
      for (int cell = 0; cell < t.cells(); cell++) {
        if (t.isPair()) {
          int[] f = t.features();
          bins.add(ebm.features().get(f[0]).pairBinLabel(cell / t.binsB()) + " & "
              + ebm.features().get(f[1]).pairBinLabel(cell % t.binsB()));
        } else {
          bins.add(ebm.features().get(t.features()[0]).mainBinLabel(cell));
        }
      }
      term.put("shape", t.isPair() ? List.of(t.binsA(), t.binsB()) : List.of(t.binsA()));
      term.put("bins", bins);
      term.put("scores", t.scores());
      term.put("stdevs", t.stdevs());
      term.put("weights", t.weights());
      terms.add(term);
    }
    g.put("terms", terms);
    g.put("provenance", m.provenance());
    return g;
  }
}
