package io.sparkxai.ebm;

import io.sparkxai.ebm.core.EbmModel;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;

/**
 * Runs a fit on Spark as four phases, each a class with one way in and one way out (the previous
 * phase's result), each job named in the Spark UI:
 * <ol>
 *   <li>{@link ScanPhase}: per-partition sketches of every feature and facts about the label, merged
 *       by tree reduction; bad labels are refused here, before any boosting; the driver cuts the bins
 *       and plans the fit ({@link ScannedInput});</li>
 *   <li>{@link ShardPhase}: rows are binned with the driver's cut points, keyed, and moved in blocks
 *       to {@code numShards} shards, each sorted by key and cached compactly ({@link BinnedShards});</li>
 *   <li>boost: with one shard, {@link ExactBoostPhase} boosts every outer bag exactly in one task
 *       (mains, then FAST ranks, then pairs in a second job); with several, {@link ShardedBoostPhase}
 *       runs syncs of per-shard rounds merged on the driver, one job per sync ({@link BoostedTerms});</li>
 *   <li>{@link FinishPhase}: training weights of every term cell (centring, importances), then Newton
 *       steps of the intercept on the full data ({@link FittedEbm}).</li>
 * </ol>
 * No row is ever collected to the driver; the driver receives sketches, tensors and sums.
 */
final class EbmTrainer {

  /** The fitted model, what happened, and its provenance. */
  record Result(EbmModel model, EbmTrainingSummary summary, Map<String, String> provenance) {}

  /**
   * A system property that runs the sharded mode even with one shard: a yardstick for the merge
   * machinery (one shard merged after every sync is plain boosting restarted at round boundaries).
   */
  static final String FORCE_SHARDED = "sparkxai.ebm.forceSharded";

  private EbmTrainer() {}

  /**
   * Fits a model.
   *
   * @param dataset the training DataFrame
   * @param settings the estimator's settings
   * @param initial the warm-start model, or null
   * @param stageUid the estimator's uid, the prefix of the fit's id in log lines
   */
  static Result fit(Dataset<?> dataset, EbmSettings settings, EbmModel initial, String stageUid) {
    String fitId = stageUid + "/" + UUID.randomUUID().toString().substring(0, 8);
    SparkContext sc = dataset.sparkSession().sparkContext();
    ScannedInput scanned = null;
    BinnedShards binned = null;
    try {
      scanned = ScanPhase.run(dataset, settings, initial, fitId);
      binned = ShardPhase.run(scanned);
      boolean sharded = scanned.shardCount() > 1 || Boolean.getBoolean(FORCE_SHARDED);
      BoostedTerms boosted = sharded ? ShardedBoostPhase.run(binned) : ExactBoostPhase.run(binned);
      FittedEbm fitted = FinishPhase.run(boosted);
      return new Result(fitted.model(), fitted.summary(), fitted.provenance());
    } finally {
      if (binned != null) {
        binned.release();
      }
      if (scanned != null) {
        scanned.release();
      }
      sc.setJobDescription(null);
    }
  }
}
