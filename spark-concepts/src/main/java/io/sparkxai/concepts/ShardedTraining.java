package io.sparkxai.concepts;

import io.sparkxai.concepts.core.AdamWSettings;
import io.sparkxai.concepts.core.NetworkSpec;
import io.sparkxai.concepts.core.NetworkTrainer;
import io.sparkxai.concepts.core.Objective;
import io.sparkxai.concepts.core.TrainingData;
import io.sparkxai.concepts.core.TrainingSchedule;
import io.sparkxai.concepts.core.TrainingState;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Training on Spark, the same way at every size (the merge pattern of spark-ebm's sharded boosting):
 * <ol>
 *   <li>each row gets a stable 64-bit key, the hash of its content; its shard is the key modulo
 *       the number of shards, and inside a shard rows are sorted by key — so what a shard holds and
 *       in which order depends on the data alone, not on how it was partitioned;</li>
 *   <li>with one shard (small data) one task runs every step: the exact single-machine algorithm;</li>
 *   <li>with several, each round broadcasts the training state, every shard task runs
 *       {@code epochsPerSync} epochs from it on its rows, and the driver averages the returned
 *       parameters and AdamW moments, weighted by the shards' row counts, in shard order.</li>
 * </ol>
 * The result is a function of the data, the seed and the parameters, whatever the partitioning.
 */
final class ShardedTraining implements AutoCloseable {

  private final JavaRDD<Shard> shards;
  private final long[] rows;
  private final int featureWidth;
  private final int conceptWidth;
  private int rounds;

  /** One shard's index and rows. */
  record Shard(int index, TrainingData data) implements Serializable {}

  /** A row reduced to what training needs, with its key. */
  record KeyedRow(long key, float[] features, float[] concepts, float label) implements Serializable {}

  /**
   * Groups prepared rows ({@link ConceptColumns#FEATURES} optional, {@link ConceptColumns#CONCEPTS},
   * {@link ConceptColumns#LABEL}) into {@code numShards} shards and caches them.
   */
  ShardedTraining(Dataset<Row> prepared, int numShards, int featureWidth, int conceptWidth) {
    this.featureWidth = featureWidth;
    this.conceptWidth = conceptWidth;
    boolean hasFeatures = featureWidth > 0;
    Column features = hasFeatures ? functions.col(ConceptColumns.FEATURES)
        : functions.array().cast("array<float>");
    Column key = functions.xxhash64(features, functions.col(ConceptColumns.CONCEPTS), functions.col(ConceptColumns.LABEL));
    Dataset<Row> keyed = prepared.select(key.as("key"), features.as("f"), functions.col(ConceptColumns.CONCEPTS).as("c"),
        functions.col(ConceptColumns.LABEL).cast("float").as("y"));
    int s = numShards;
    JavaPairRDD<Integer, KeyedRow> pairs = keyed.javaRDD().mapToPair(r -> {
      long k = r.getLong(0);
      KeyedRow row = new KeyedRow(k, floats(r.getList(1)), floats(r.getList(2)), r.getFloat(3));
      return new Tuple2<>((int) Math.floorMod(k, (long) s), row);
    });
    int fw = featureWidth;
    int cw = conceptWidth;
    shards = pairs.groupByKey(new HashPartitioner(s)).map(t -> toShard(t._1(), t._2(), fw, cw))
        .persist(StorageLevel.MEMORY_AND_DISK());
    List<Tuple2<Integer, Integer>> sizes = shards.map(sh -> new Tuple2<>(sh.index(), sh.data().rows())).collect();
    rows = new long[s];
    for (Tuple2<Integer, Integer> t : sizes) {
      rows[t._1()] = t._2();
    }
  }

  private static float[] floats(List<Object> values) {
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (Float) values.get(i);
    }
    return out;
  }

  private static Shard toShard(int index, Iterable<KeyedRow> rows, int featureWidth, int conceptWidth) {
    List<KeyedRow> list = new ArrayList<>();
    rows.forEach(list::add);
    // Content breaks ties between equal keys, so the order never depends on arrival order.
    list.sort(Comparator.comparingLong(KeyedRow::key)
        .thenComparing((a, b) -> Arrays.compare(a.features(), b.features()))
        .thenComparing((a, b) -> Arrays.compare(a.concepts(), b.concepts()))
        .thenComparing((a, b) -> Float.compare(a.label(), b.label())));
    int n = list.size();
    float[] f = new float[n * featureWidth];
    float[] c = new float[n * conceptWidth];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      KeyedRow r = list.get(i);
      System.arraycopy(r.features(), 0, f, i * featureWidth, featureWidth);
      System.arraycopy(r.concepts(), 0, c, i * conceptWidth, conceptWidth);
      y[i] = r.label();
    }
    return new Shard(index, new TrainingData(n, featureWidth, conceptWidth, f, c, y));
  }

  /** Rows per shard (0 for a shard no row hashed to). */
  long[] shardRows() {
    return rows.clone();
  }

  /** Synchronisation rounds run so far (1 per stage with a single shard). */
  int rounds() {
    return rounds;
  }

  /**
   * Runs one training stage for {@code epochs} epochs.
   *
   * @param start the state to start from, or null for a fresh seeded network
   * @param epochsPerSync epochs between averaging rounds (several shards only)
   */
  TrainingState run(NetworkSpec spec, Objective objective, TrainingState start, AdamWSettings adam, int epochs,
      int batchSize, long seed, int epochsPerSync) {
    int used = 0;
    long sum = 0;
    for (long r : rows) {
      if (r > 0) {
        used++;
        sum += r;
      }
    }
    long stepsPerEpoch = TrainingSchedule.stepsPerEpoch((sum + used - 1) / used, batchSize);
    long total = (long) epochs * stepsPerEpoch;
    long perRound = used == 1 ? total : Math.max(1, (long) epochsPerSync * stepsPerEpoch);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(shards.context());
    TrainingState state = start;
    for (long first = 0; first < total; first += perRound) {
      long steps = Math.min(perRound, total - first);
      Broadcast<TrainingState> from = state == null ? null : jsc.broadcast(state);
      long firstStep = first;
      List<Tuple2<Integer, TrainingState>> results = shards.map(sh -> new Tuple2<>(sh.index(),
          NetworkTrainer.train(spec, objective, sh.data(), from == null ? null : from.value(),
              new TrainingSchedule(seed, sh.index(), firstStep, steps, batchSize), adam))).collect();
      if (from != null) {
        from.destroy();
      }
      List<Tuple2<Integer, TrainingState>> sorted = new ArrayList<>(results);
      sorted.sort(Comparator.comparingInt(Tuple2::_1));
      List<TrainingState> states = new ArrayList<>();
      double[] weights = new double[sorted.size()];
      for (int i = 0; i < sorted.size(); i++) {
        states.add(sorted.get(i)._2());
        weights[i] = rows[sorted.get(i)._1()];
      }
      state = states.size() == 1 ? states.get(0) : TrainingState.weightedMean(states, weights);
      rounds++;
    }
    return state;
  }

  @Override
  public void close() {
    shards.unpersist(false);
  }
}
