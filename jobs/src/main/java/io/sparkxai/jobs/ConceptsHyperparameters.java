package io.sparkxai.jobs;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code concepts-train} flags that say how a concept model is trained: epochs, learning rate,
 * seed, batch and shards. All but the learning rate override {@code sparkxai.concepts.*} in the
 * configuration; the learning rate, when given, goes to the model as it is.
 */
final class ConceptsHyperparameters {

  @Option(names = "--epochs", paramLabel = "N", description = "Training epochs (default 2001).")
  Integer epochs;

  @Option(names = "--learning-rate", paramLabel = "X",
      description = "AdamW learning rate (default 0.01; entropy-len 0.001; blackbox: L-BFGS, ignored).")
  Double learningRate;

  @Mixin SeedOption seed;

  @Option(names = "--batch-size", paramLabel = "N", description = "Rows per step; 0 = full batch (default).")
  Integer batchSize;

  @Option(names = "--shards", paramLabel = "N",
      description = "Shards trained in parallel with parameter averaging; 0 = one per 100,000 rows (default).")
  Integer shards;

  /** The configuration keys of the flags given, after checking {@code --learning-rate}. */
  Flags flags() {
    if (learningRate != null && !(learningRate > 0)) {
      throw new UsageException("--learning-rate must be > 0, got " + learningRate);
    }
    return new Flags()
        .put("sparkxai.concepts.seed", seed.seed)
        .put("sparkxai.concepts.epochs", epochs)
        .put("sparkxai.concepts.batch-size", batchSize)
        .put("sparkxai.concepts.shards", shards);
  }
}
