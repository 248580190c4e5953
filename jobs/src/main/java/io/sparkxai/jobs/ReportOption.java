package io.sparkxai.jobs;

import io.sparkxai.reports.Report;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --report FILE}: where a command writes its self-contained HTML report (one {@code .html}
 * file, replaced atomically). Mixed in with {@code @Mixin}.
 */
final class ReportOption {

  @Option(names = "--report", paramLabel = "FILE",
      description = "Write a self-contained HTML report (one .html file; opens offline).")
  Path file;

  /** Refuses a FILE not ending in .html or naming a folder, before Spark starts. */
  void check() {
    if (file == null) {
      return;
    }
    if (!file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".html")) {
      throw new UsageException("--report " + file + ": must be one .html file");
    }
    if (java.nio.file.Files.isDirectory(file)) {
      throw new UsageException("--report " + file + ": is a folder; give a .html file");
    }
  }

  /** Whether {@code --report} was given. */
  boolean wanted() {
    return file != null;
  }

  /** Writes the report when {@code --report} was given. */
  void write(Report report) {
    if (file != null) {
      report.save(file);
    }
  }

  /** {@code "; report in FILE"} when {@code --report} was given, else nothing. */
  String suffix() {
    return file == null ? "" : "; report in " + file;
  }
}
