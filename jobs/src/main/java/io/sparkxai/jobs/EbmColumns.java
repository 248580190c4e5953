package io.sparkxai.jobs;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Option;

/**
 * The {@code ebm-train} flags that say how the table's columns are read: the task the label makes,
 * and which numeric columns are categorical.
 */
final class EbmColumns {

  @Option(names = "--task", paramLabel = "TASK",
      description = "binary, multiclass or regression (default: from the label's values).")
  String task;

  @Option(names = "--categorical", split = ",", paramLabel = "COL",
      description = "Numeric columns to treat as categorical (non-numeric columns always are).")
  List<String> categorical;

  /** Checks the word of {@code --task}, when given, before Spark starts. */
  void checkTask(String label) {
    if (task != null) {
      EbmData.task(null, label, task);
    }
  }

  /** {@code --task}, or the task the values of {@code label} in {@code train} make. */
  String task(Dataset<Row> train, String label) {
    return EbmData.task(train, label, task);
  }

  /** The columns {@code --categorical} names (none when not given), each checked to be one of {@code features}. */
  String[] categorical(String[] features) {
    return EbmData.categorical(features, categorical);
  }
}
