package io.sparkxai.jobs;

import io.sparkxai.conf.SparkXaiConfig;
import io.sparkxai.ebm.EbmModelBase;
import io.sparkxai.ebm.ExplainableBoostingClassificationModel;
import io.sparkxai.ebm.ExplainableBoostingRegressionModel;
import io.sparkxai.ebm.PortableEbm;
import io.sparkxai.nn.AtomicFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.ml.util.DefaultParamsReader$;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spark-xai ebm-export}: writes a saved EBM as one JSON file, spark-ebm's portable form
 * ({@code --format sparkxai}, the default: what {@code EbmScorer} scores without Spark, schema in
 * {@code docs/ebm-json.md}) or interpretml 0.7.8's {@code to_json} form ({@code --format interpret}).
 * The file is written whole or not at all; an existing one is replaced only with {@code --overwrite}.
 */
@Command(name = "ebm-export", mixinStandardHelpOptions = true,
    description = "Writes a saved EBM as JSON: spark-ebm's portable form (scored without Spark by EbmScorer) or "
        + "interpretml's to_json form.")
public final class EbmExportCommand extends JobCommand {

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "A model saved by ebm-train.")
  String model;

  @Option(names = "--json", required = true, paramLabel = "FILE", description = "The JSON file to write.")
  String json;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = PortableEbm.SPARKXAI,
      description = "sparkxai (default) or interpret (interpretml 0.7.8's to_json form).")
  String format;

  @Option(names = "--overwrite", description = "Replace an existing --json file.")
  boolean overwrite;

  @Override
  public Integer call() throws Exception {
    SparkXaiConfig config = common.load(Map.of());
    String f = format.toLowerCase(Locale.ROOT);
    if (!f.equals(PortableEbm.SPARKXAI) && !f.equals(PortableEbm.INTERPRET)) {
      throw new UsageException("--format must be sparkxai or interpret, got " + format);
    }
    Tables.requireExists("--model", model);
    if (!model.contains("://") && !Files.isDirectory(Paths.get(model, "metadata"))) {
      throw new UsageException("--model " + model + ": not a saved model (no metadata folder)");
    }
    if (json.contains("://")) {
      throw new UsageException("--json " + json + ": give a local file");
    }
    Path target = Paths.get(json);
    if (Files.isDirectory(target) || Files.exists(target) && !overwrite) {
      throw new UsageException("--json " + json + (Files.isDirectory(target) ? " is a folder; give a file"
          : " exists; add --overwrite to replace it"));
    }
    return withSpark(config, spark -> {
      EbmModelBase<?> m = load(spark, model);
      String text = PortableEbm.toJson(m, f);
      AtomicFile.write(target, text.getBytes(StandardCharsets.UTF_8));
      out().printf("ebm-export: %s (%s, %d terms) written as %s JSON to %s (%,d bytes)%n", model,
          m.ebm().task().name().toLowerCase(Locale.ROOT), m.termNames().size(), f, json, Files.size(target));
      return 0;
    });
  }

  /** The EBM saved at {@code dir}, of the class its metadata names. */
  static EbmModelBase<?> load(SparkSession spark, String dir) {
    String className = DefaultParamsReader$.MODULE$.loadMetadata(dir, spark, "").className();
    if (className.equals(ExplainableBoostingClassificationModel.class.getName())) {
      return ExplainableBoostingClassificationModel.load(dir);
    } else if (className.equals(ExplainableBoostingRegressionModel.class.getName())) {
      return ExplainableBoostingRegressionModel.load(dir);
    }
    throw new UsageException("--model " + dir + " holds a " + className + ", not an EBM model");
  }
}
