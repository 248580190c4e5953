package io.sparkxai.ebm;

import io.sparkxai.ebm.core.BinnedShard;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;

/**
 * What {@link ShardPhase} hands on: the training rows binned, in {@code scanned.shardCount()} cached
 * shards.
 *
 * @param scanned what the scan handed on
 * @param shards one binned shard per partition, cached (released by {@link #release})
 * @param seconds wall seconds per phase so far ("scan", "shard")
 */
record BinnedShards(ScannedInput scanned, JavaRDD<BinnedShard> shards, Map<String, Double> seconds) {

  /** The fit's plan. */
  FitPlan plan() {
    return scanned.plan();
  }

  /** Drops the cached shards. */
  void release() {
    shards.unpersist(false);
  }
}
