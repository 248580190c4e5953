package io.sparkxai.jobs;

import io.sparkxai.conf.SparkXaiConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Flags every command takes: where Spark runs, the configuration file, Spark settings, verbosity.
 * Mixed into each command with {@code @Mixin}.
 */
public final class CommonOptions {

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master URL (default local[*]; under spark-submit, spark-submit's).")
  String master;

  @Option(names = "--config", paramLabel = "FILE",
      description = "HOCON file overriding reference.conf; flags override it in turn.")
  Path configFile;

  @Option(names = "--conf", paramLabel = "KEY=VALUE",
      description = "A Spark setting (repeatable), e.g. --conf spark.executor.memory=4g.")
  Map<String, String> sparkConf = new LinkedHashMap<>();

  @Option(names = "--verbose", description = "Spark's INFO logs, and stack traces on failure.")
  void verbose(boolean v) {
    JobRuntime.setVerbose(v);
  }

  /**
   * Loads and validates the configuration: reference.conf, then {@code --config}, then
   * {@code commandFlags} (full keys to values, only the flags given) and these common flags.
   */
  public SparkXaiConfig load(Map<String, String> commandFlags) {
    if (configFile != null && !Files.isRegularFile(configFile)) {
      throw new UsageException("--config " + configFile + ": no such file");
    }
    Map<String, String> flags = new LinkedHashMap<>(commandFlags);
    if (master != null) {
      flags.put("sparkxai.spark.master", master);
    }
    for (Map.Entry<String, String> e : sparkConf.entrySet()) {
      flags.put("sparkxai.spark.conf.\"" + e.getKey() + "\"", e.getValue());
    }
    return SparkXaiConfig.load(configFile, flags);
  }
}
