package io.sparkxai.ebm;

import io.sparkxai.ebm.core.Binning;
import io.sparkxai.ebm.core.EbmModel;
import io.sparkxai.ebm.core.FeatureBinning;
import io.sparkxai.ebm.core.PredictionTask;
import io.sparkxai.ebm.core.ScanStats;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase 1 of a fit, scan: the columns are checked and selected, every partition sketches every feature
 * and counts the labels ({@link ScanStats}), the sketches are merged by tree reduction, bad labels are
 * refused, and the driver cuts the bins (or takes the warm-start model's) and plans the fit: task,
 * class count, shards per bag and threads per bag task.
 */
final class ScanPhase {

  private static final Logger LOG = LoggerFactory.getLogger(ScanPhase.class);

  /** A system property (driver) that sets the threads per bag task instead of {@link #threadsPerBag}. */
  static final String THREADS_PER_BAG = "sparkxai.ebm.threadsPerBag";

  private ScanPhase() {}

  /**
   * Scans the training rows and plans the fit.
   *
   * @param dataset the training DataFrame
   * @param s the estimator's settings
   * @param initial the warm-start model, or null
   * @param fitId a short id of the fit for log lines
   */
  static ScannedInput run(Dataset<?> dataset, EbmSettings s, EbmModel initial, String fitId) {
    long began = System.nanoTime();
    SparkContext sc = dataset.sparkSession().sparkContext();
    EbmInput input = EbmInput.forFit(dataset, s);
    Dataset<Row> selected = dataset.select(input.selection());
    Dataset<Row> cachedHere = null;
    if (!dataset.storageLevel().useMemory()) {
      cachedHere = selected.persist(StorageLevel.MEMORY_AND_DISK());
      selected = cachedHere;
    }
    try {
      sc.setJobDescription("EBM fit: scan " + input.names().size() + " features");
      JavaRDD<Row> rows = selected.javaRDD();
      ScanStats stats = scan(rows, input, s.skipInvalid());
      Map<String, Double> seconds = new LinkedHashMap<>();
      seconds.put("scan", (System.nanoTime() - began) / 1e9);
      LabelCheck label = LabelCheck.of(stats, s);
      List<FeatureBinning> binnings = initial != null ? Binning.widen(checkInitial(initial, input), stats)
          : Binning.build(input.names(), stats, s.maxBins(), s.maxInteractionBins(), s.boost().minCatSamples());
      int shardCount = s.shards(stats.rows());
      int threads = threadsPerBag(sc, s.outerBags() * shardCount);
      FitPlan plan = new FitPlan(fitId, label.task(), label.classes(), binnings, s.withMonotone(binnings,
          label.task()), initial, threads);
      LOG.info("EBM {}: {} rows ({} skipped), {} features, task {}{}, {} bag(s), {} shard(s)", fitId, stats.rows(),
          stats.skipped(), binnings.size(), label.task(), label.task() == PredictionTask.MULTICLASS ? " ("
              + label.classes() + " classes)" : "", s.outerBags(), shardCount);
      return new ScannedInput(plan, input, rows, cachedHere, stats, shardCount, began, seconds);
    } catch (RuntimeException e) {
      if (cachedHere != null) {
        cachedHere.unpersist(false);
      }
      throw e;
    }
  }

  /** The scan of all partitions, merged by tree reduction (an empty scan for a frame without partitions). */
  private static ScanStats scan(JavaRDD<Row> rows, EbmInput input, boolean skipInvalid) {
    JavaRDD<ScanStats> partial = rows.mapPartitions(it -> List.of(scanPartition(it, input, skipInvalid)).iterator());
    if (partial.getNumPartitions() == 0) {
      return scanPartition(List.<Row>of().iterator(), input, skipInvalid);
    }
    return partial.treeReduce((a, b) -> {
      a.merge(b);
      return a;
    }, 2);
  }

  /** Scans a partition: sketches per feature, label facts, counts. */
  private static ScanStats scanPartition(Iterator<Row> rows, EbmInput input, boolean skipInvalid) {
    ScanStats stats = new ScanStats(input.categorical(), EbmSettings.EXACT_VALUES, EbmSettings.SAMPLE_VALUES);
    EbmInput.Reader r = input.reader();
    while (rows.hasNext()) {
      r.read(rows.next());
      stats.add(r.numbers, r.levels, r.label, r.weight, r.key, skipInvalid);
    }
    return stats.compact();
  }

  /** The warm-start model's binnings, after checking that its features are this fit's. */
  private static List<FeatureBinning> checkInitial(EbmModel initial, EbmInput input) {
    List<String> names = new ArrayList<>();
    for (FeatureBinning b : initial.features()) {
      names.add(b.name());
    }
    if (!names.equals(input.names())) {
      throw new IllegalArgumentException("initial model's features " + names + " differ from this fit's "
          + input.names() + "; warm start needs the same features");
    }
    boolean[] cat = input.categorical();
    for (int f = 0; f < cat.length; f++) {
      if (cat[f] != initial.features().get(f).isCategorical()) {
        throw new IllegalArgumentException("feature '" + names.get(f) + "' is " + (cat[f] ? "categorical" : "numeric")
            + " here but was not in the initial model");
      }
    }
    return initial.features();
  }

  /**
   * Threads per bag task: the cluster's cores shared among the tasks that boost at the same time (a
   * single bag on two cores gets both), at most {@code spark.executor.cores} where set, at least 1.
   * The system property {@value #THREADS_PER_BAG} sets it. The model does not depend on it.
   */
  static int threadsPerBag(SparkContext sc, int concurrentTasks) {
    String forced = System.getProperty(THREADS_PER_BAG);
    if (forced != null && !forced.isBlank()) {
      int t = Integer.parseInt(forced.trim());
      if (t < 1) {
        throw new IllegalArgumentException("-D" + THREADS_PER_BAG + " must be >= 1, got " + forced);
      }
      return t;
    }
    int cores = Math.max(1, sc.defaultParallelism());
    int threads = Math.max(1, cores / Math.max(1, Math.min(concurrentTasks, cores)));
    if (!sc.isLocal() && sc.conf().contains("spark.executor.cores")) {
      threads = Math.min(threads, Math.max(1, sc.conf().getInt("spark.executor.cores", 1)));
    }
    return threads;
  }
}
