package io.sparkxai.jobs;

import io.sparkxai.conf.SparkXaiConfig;
import io.sparkxai.ebm.EbmModelBase;
import io.sparkxai.ebm.ExplainableBoostingModels;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code spark-xai ebm-merge}: merges EBMs saved by {@code ebm-train} (or any saved EBM model) into one
 * model ({@link ExplainableBoostingModels#mergeSaved}) and saves it, whole or not at all, in
 * {@code --model-out}. The flags and folders are checked before Spark starts.
 */
@Command(name = "ebm-merge", mixinStandardHelpOptions = true,
    description = "Merges saved EBMs (trained apart, e.g. on batches) into one model: the union of their bins,"
        + " features and terms, scores weighted by each model's training weight; saves it.")
public final class EbmMergeCommand extends JobCommand {

  @Option(names = "--models", required = true, split = ",", paramLabel = "DIR,DIR,...",
      description = "The saved models to merge (two or more), comma-separated.")
  List<String> models;

  @Option(names = "--weights", split = ",", paramLabel = "W,W,...",
      description = "One weight per model (default: each model's total training weight).")
  List<Double> weights;

  @Mixin ModelSaving saving;
  @Mixin MetricsOption metrics;

  @Override
  public Integer call() throws Exception {
    SparkXaiConfig config = common.load(Map.of());
    check();
    return withSpark(config, spark -> {
      long began = System.nanoTime();
      double[] w = weights == null ? null : weights.stream().mapToDouble(Double::doubleValue).toArray();
      EbmModelBase<?> merged;
      try {
        merged = ExplainableBoostingModels.mergeSaved(models, w);
      } catch (IllegalArgumentException e) { // models that do not merge: bad usage, said in one line
        throw new UsageException("--models " + String.join(",", models) + ": " + e.getMessage());
      }
      saving.save(merged);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("models", models);
      m.put("weights", List.of(merged.provenance().get("mergeWeights").split(", ")).stream()
          .map(Double::parseDouble).toList());
      m.put("task", merged.ebm().task().name().toLowerCase(java.util.Locale.ROOT));
      m.put("features", merged.ebm().features().size());
      m.put("terms", merged.termNames());
      m.put("bags", merged.ebm().bags() == null ? 0 : merged.ebm().bags().size());
      m.put("merge_seconds", secondsSince(began));
      metrics.write(m);
      out().printf("ebm-merge: %d models merged into %d terms over %d features (weights %s); saved in %s%s%n",
          models.size(), merged.termNames().size(), merged.ebm().features().size(),
          merged.provenance().get("mergeWeights"), saving.dir(), metrics.suffix());
      return 0;
    });
  }

  /** Refuses, before Spark starts, too few models, a folder that is not a saved model, or a bad weight list. */
  private void check() {
    if (models.size() < 2) {
      throw new UsageException("--models needs two or more saved models, got " + models.size());
    }
    for (String dir : models) {
      Tables.requireExists("--models", dir);
      if (!dir.contains("://") && !Files.isDirectory(Paths.get(dir, "metadata"))) {
        throw new UsageException("--models " + dir + ": not a saved model (no metadata folder)");
      }
    }
    if (weights != null && weights.size() != models.size()) {
      throw new UsageException("--weights has " + weights.size() + " values for " + models.size()
          + " models; give one per model");
    }
    if (saving.dir() == null) {
      throw new UsageException("--model-out is required: the folder to save the merged model in");
    }
    saving.requireFree();
  }
}
