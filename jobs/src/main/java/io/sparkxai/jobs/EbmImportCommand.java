package io.sparkxai.jobs;

import io.sparkxai.conf.SparkXaiConfig;
import io.sparkxai.ebm.EbmModelBase;
import io.sparkxai.ebm.PortableEbm;
import io.sparkxai.ebm.core.EbmJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code spark-xai ebm-import}: reads an EBM's JSON — spark-ebm's portable form or interpretml 0.7.8's
 * {@code to_json} form — and saves it as a Spark ML model that {@code ebm-explain}, Pipelines and
 * Spark Connect load like any model trained here; it reads its features from the columns named as the
 * features. The JSON is checked before Spark starts: a file of an unknown version, link or feature
 * type is a usage error naming what is wrong.
 */
@Command(name = "ebm-import", mixinStandardHelpOptions = true,
    description = "Saves an EBM's JSON (spark-ebm's form or interpretml's to_json form) as a Spark ML model.")
public final class EbmImportCommand extends JobCommand {

  @Option(names = "--json", required = true, paramLabel = "FILE", description = "The model JSON to read.")
  String json;

  @Mixin ModelSaving saving;

  @Override
  public Integer call() throws Exception {
    SparkXaiConfig config = common.load(Map.of());
    if (json.contains("://")) {
      throw new UsageException("--json " + json + ": give a local file");
    }
    Tables.requireExists("--json", json);
    if (saving.dir() == null) {
      throw new UsageException("--model-out is required: the folder to save the model in");
    }
    String text = Files.readString(Paths.get(json), StandardCharsets.UTF_8);
    EbmJson.Document d;
    try {
      d = EbmJson.readAny(text, "--json " + json);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    saving.requireFree();
    return withSpark(config, spark -> {
      EbmModelBase<?> m = PortableEbm.fromJson(text);
      saving.save(m);
      String origin = d.provenance().getOrDefault("importedFrom", "spark-ebm/model JSON " + EbmJson.VERSION);
      out().printf("ebm-import: %s (%s, %s model, %d terms) saved to %s%n", json, origin,
          d.model().task().name().toLowerCase(Locale.ROOT), d.model().terms().size(), saving.dir());
      return 0;
    });
  }
}
