package io.sparkxai.jobs;

import picocli.CommandLine.Option;

/** {@code --seed N}: the seed of the commands whose seed defaults to 42. Mixed in with {@code @Mixin}. */
final class SeedOption {

  @Option(names = "--seed", paramLabel = "N", description = "Seed (default 42).")
  Long seed;
}
