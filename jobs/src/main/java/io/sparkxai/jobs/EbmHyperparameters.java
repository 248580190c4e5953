package io.sparkxai.jobs;

import io.sparkxai.ebm.EbmEstimatorBase;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code ebm-train} flags that set the boosting's hyperparameters, and the estimator params they
 * become; a flag left out keeps the estimator's default (interpretml's).
 */
final class EbmHyperparameters {

  @Option(names = "--interactions", paramLabel = "N",
      description = "Pairs to boost: a count, or a multiple of the feature count like 3x (default 3x, 5x for "
          + "regression; 0 for none).")
  String interactions;

  @Option(names = "--outer-bags", paramLabel = "N", description = "Outer bags (default 14).")
  Integer outerBags;

  @Option(names = "--max-rounds", paramLabel = "N", description = "Most boosting rounds (default 50000).")
  Integer maxRounds;

  @Option(names = "--learning-rate", paramLabel = "X", description = "Learning rate (default 0.015, 0.04 for "
      + "regression).")
  Double learningRate;

  @Mixin SeedOption seed;

  @Option(names = "--shards", paramLabel = "N",
      description = "Shards per bag (default: one per 2,000,000 rows; 1 boosts each bag exactly in one task).")
  Integer shards;

  @Option(names = "--monotone", split = ",", paramLabel = "FEATURE=DIR",
      description = "Monotone constraints on numeric features, e.g. age=1,hours_per_week=1 (1 increasing, -1 "
          + "decreasing); pairs with them are not chosen.")
  List<String> monotone;

  /**
   * Fails with a usage error when {@code --monotone} names a column that is no feature, or a categorical one:
   * one of {@code declared} ({@code --categorical}) or a column that is not numeric.
   */
  void checkMonotone(StructType schema, String[] features, String[] declared) {
    for (String entry : monotone == null ? List.<String>of() : monotone) {
      String name = entry.substring(0, Math.max(0, entry.lastIndexOf('='))).trim();
      if (!Arrays.asList(features).contains(name)) {
        throw new UsageException("--monotone " + entry + ": '" + name + "' is not a feature; features: "
            + String.join(", ", features));
      }
      boolean numeric = schema.apply(name).dataType() instanceof NumericType;
      if ((!numeric || Arrays.asList(declared).contains(name)) && !entry.trim().endsWith("=0")) {
        throw new UsageException("--monotone " + entry + ": '" + name + "' is categorical; only numeric features can "
            + "be monotone");
      }
    }
  }

  /**
   * Sets the params of the flags given on {@code e}.
   *
   * @throws IllegalArgumentException from the estimator, naming the param and its rule
   */
  void applyTo(EbmEstimatorBase<?, ?> e) {
    Flags.ifGiven(interactions, v -> e.set(e.interactions(), v));
    Flags.ifGiven(outerBags, v -> e.set(e.outerBags(), v));
    Flags.ifGiven(maxRounds, v -> e.set(e.maxRounds(), v));
    Flags.ifGiven(learningRate, v -> e.set(e.learningRate(), v));
    Flags.ifGiven(seed.seed, v -> e.set(e.seed(), v));
    Flags.ifGiven(shards, v -> e.set(e.numShards(), v));
    Flags.ifGiven(monotone, v -> e.set(e.monotoneConstraints(), v.toArray(new String[0])));
  }
}
