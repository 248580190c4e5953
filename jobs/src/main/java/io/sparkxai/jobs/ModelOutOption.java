package io.sparkxai.jobs;

import picocli.CommandLine.Option;

/** {@code --model-out DIR}: where a training command saves its model. Mixed in with {@code @Mixin}. */
final class ModelOutOption {

  @Option(names = "--model-out", paramLabel = "DIR", description = "Save the trained model there (Spark ML format).")
  String dir;
}
