package io.sparkxai.ebm;

import io.sparkxai.ebm.core.BinnedShard;
import io.sparkxai.ebm.core.EbmModel;
import io.sparkxai.ebm.core.FeatureBinning;
import io.sparkxai.ebm.core.PredictionTask;
import io.sparkxai.ebm.core.RowBlock;
import io.sparkxai.ebm.core.StableHash;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Phase 2 of a fit, bin and shard: every partition bins its rows with the driver's cut points and
 * cuts them into one block per shard (a row's shard follows from its key), the blocks move to their
 * shard, and each shard is sorted by key and cached compactly ({@link BinnedShard}).
 */
final class ShardPhase {

  private ShardPhase() {}

  /** Bins and shards the scanned rows; refuses data that changed since the scan. */
  static BinnedShards run(ScannedInput scanned) {
    long began = System.nanoTime();
    FitPlan plan = scanned.plan();
    long rows = scanned.stats().rows();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(scanned.rows().context());
    jsc.sc().setJobDescription("EBM fit: bin and shard " + rows + " rows into " + scanned.shardCount()
        + " shard(s)");
    JavaRDD<BinnedShard> shards = shard(jsc, scanned.rows(), scanned.input(), plan, scanned.shardCount());
    long shardedRows = shards.map(BinnedShard::size).reduce(Integer::sum);
    if (shardedRows != rows) {
      shards.unpersist(false);
      throw new IllegalStateException("the data changed between two passes: " + rows + " rows scanned, "
          + shardedRows + " binned; cache the input DataFrame or make it deterministic");
    }
    Map<String, Double> seconds = new LinkedHashMap<>(scanned.seconds());
    seconds.put("shard", (System.nanoTime() - began) / 1e9);
    return new BinnedShards(scanned, shards, seconds);
  }

  private static JavaRDD<BinnedShard> shard(JavaSparkContext jsc, JavaRDD<Row> rows, EbmInput input, FitPlan plan,
      int shardCount) {
    List<FeatureBinning> binnings = plan.binnings();
    Broadcast<List<FeatureBinning>> sent = jsc.broadcast(binnings);
    boolean weighted = plan.settings().weighted();
    boolean flagged = plan.settings().flagged();
    int[] mainBins = new int[binnings.size()];
    for (int f = 0; f < mainBins.length; f++) {
      mainBins[f] = binnings.get(f).mainBins();
    }
    JavaRDD<BinnedShard> out = rows.mapPartitionsToPair(
        it -> blocks(it, input, sent.value(), shardCount, weighted, flagged))
        .partitionBy(new ShardPartitioner(shardCount))
        .mapPartitionsWithIndex((i, it) -> buildShard(i, it, mainBins, weighted, flagged), true);
    return out.persist(StorageLevel.MEMORY_AND_DISK());
  }

  /** Bins a partition's rows into one block per shard they belong to. */
  private static Iterator<Tuple2<Integer, RowBlock>> blocks(Iterator<Row> rows, EbmInput input,
      List<FeatureBinning> binnings, int shards, boolean weighted, boolean flagged) {
    RowBlock[] blocks = new RowBlock[shards];
    EbmInput.Reader r = input.reader();
    EbmModel binner = new EbmModel(PredictionTask.REGRESSION, 1, binnings, List.of(), new double[1]);
    while (rows.hasNext()) {
      r.read(rows.next());
      if (!r.valid()) {
        continue; // counted and refused (or skipped) by the scan
      }
      int[] codes = binner.bins(r.numbers, r.levels);
      int shard = (int) Long.remainderUnsigned(StableHash.mix(r.key ^ 0x3C6EF372FE94F82BL), shards);
      if (blocks[shard] == null) {
        blocks[shard] = new RowBlock(binnings.size(), weighted, flagged);
      }
      blocks[shard].add(r.key, r.tie, codes, r.label, r.weight, r.validation);
    }
    List<Tuple2<Integer, RowBlock>> out = new ArrayList<>();
    for (int s = 0; s < shards; s++) {
      if (blocks[s] != null) {
        out.add(new Tuple2<>(s, blocks[s].compact()));
      }
    }
    return out.iterator();
  }

  /** Builds a shard from the blocks of all partitions. */
  private static Iterator<BinnedShard> buildShard(int index, Iterator<Tuple2<Integer, RowBlock>> blocks,
      int[] mainBins, boolean weighted, boolean flagged) {
    List<RowBlock> list = new ArrayList<>();
    while (blocks.hasNext()) {
      list.add(blocks.next()._2());
    }
    return List.of(BinnedShard.of(index, list, mainBins, weighted, flagged)).iterator();
  }

  /** Sends block {@code (shard, block)} to partition {@code shard}. */
  static final class ShardPartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int shards;

    ShardPartitioner(int shards) {
      this.shards = shards;
    }

    @Override
    public int numPartitions() {
      return shards;
    }

    @Override
    public int getPartition(Object key) {
      return (Integer) key;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ShardPartitioner && ((ShardPartitioner) o).shards == shards;
    }

    @Override
    public int hashCode() {
      return shards;
    }
  }
}
