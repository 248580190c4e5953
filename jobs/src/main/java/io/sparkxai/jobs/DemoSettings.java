package io.sparkxai.jobs;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The demo flags that override {@code sparkxai.demo.*} in the configuration: the generated set's size
 * and seed, the partitions, and where models and images go.
 */
final class DemoSettings {

  @Option(names = "--rows", paramLabel = "N", description = "Generated training rows (default 100000).")
  Integer rows;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the generated data and the models.")
  Long seed;

  @Option(names = "--partitions", paramLabel = "N", description = "Partitions of the data.")
  Integer partitions;

  @Option(names = "--output-dir", paramLabel = "DIR", description = "Where the demo writes models and images.")
  Path outputDir;

  /** The configuration keys of the flags given. */
  Flags flags() {
    return new Flags()
        .put("sparkxai.demo.train-rows", rows)
        .put("sparkxai.demo.seed", seed)
        .put("sparkxai.demo.partitions", partitions)
        .put("sparkxai.demo.output-dir", outputDir);
  }
}
