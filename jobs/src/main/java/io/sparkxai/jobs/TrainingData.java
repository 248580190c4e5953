package io.sparkxai.jobs;

import picocli.CommandLine.Option;

/**
 * {@code --train} and {@code --label}, both required: the table a command learns from and the column
 * it predicts. Mixed in with {@code @Mixin}; {@code --test} stays with each command, which decides
 * whether it is required.
 */
final class TrainingData {

  @Option(names = "--train", required = true, paramLabel = "PATH",
      description = "Training table: CSV with a header (an empty field is missing) or Parquet.")
  String train;

  @Option(names = "--label", required = true, paramLabel = "COL", description = "The label column.")
  String label;
}
