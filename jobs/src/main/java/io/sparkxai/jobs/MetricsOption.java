package io.sparkxai.jobs;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --metrics-out FILE}: where a command writes its metrics as JSON. Mixed in with {@code @Mixin}. */
final class MetricsOption {

  @Option(names = "--metrics-out", paramLabel = "FILE", description = "Write the metrics as JSON.")
  Path file;

  /** Writes {@code metrics} when {@code --metrics-out} was given. */
  void write(Map<String, ?> metrics) {
    if (file != null) {
      MetricsFile.write(file, metrics);
    }
  }

  /** {@code "; metrics in FILE"} when {@code --metrics-out} was given, else nothing. */
  String suffix() {
    return file == null ? "" : "; metrics in " + file;
  }
}
