package io.sparkxai.jobs;

import picocli.CommandLine.Option;

/**
 * The demo's own tables instead of the generated set: {@code --train} and {@code --test} together,
 * and their label column. An arg group of {@link DemoCommand} ({@code exclusive = false}): optional as
 * a whole, and picocli refuses one table without the other.
 */
final class DemoTables {

  @Option(names = "--train", required = true, paramLabel = "PATH",
      description = "Training table (CSV with header, or Parquet).")
  String train;

  @Option(names = "--test", required = true, paramLabel = "PATH",
      description = "Test table (CSV with header, or Parquet).")
  String test;

  @Option(names = "--label", paramLabel = "COL",
      description = "Label column of --train/--test (default: the last column).")
  String label;

  /** {@code --label}, or the last of the training table's {@code columns}. */
  String labelOr(String[] columns) {
    return label != null ? label : columns[columns.length - 1];
  }
}
