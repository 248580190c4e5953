package io.sparkxai.ebm;

import io.sparkxai.ebm.core.ScanStats;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What {@link ScanPhase} hands on: the selected rows, what the scan learnt about them, and the plan
 * of the fit made from it.
 *
 * @param plan the fit's plan (task, classes, binnings, settings, warm-start model, threads per bag)
 * @param input where the columns come from
 * @param rows the selected columns of the training rows
 * @param cachedHere the selection, when the scan cached it (released by {@link #release}); else null
 * @param stats the merged scan: sketches, label facts, row counts
 * @param shardCount shards per bag
 * @param startedNanos {@link System#nanoTime} when the fit began
 * @param seconds wall seconds per phase so far ("scan")
 */
record ScannedInput(FitPlan plan, EbmInput input, JavaRDD<Row> rows, Dataset<Row> cachedHere, ScanStats stats,
    int shardCount, long startedNanos, Map<String, Double> seconds) {

  /** Drops the cached selection, if the scan cached it. */
  void release() {
    if (cachedHere != null) {
      cachedHere.unpersist(false);
    }
  }
}
