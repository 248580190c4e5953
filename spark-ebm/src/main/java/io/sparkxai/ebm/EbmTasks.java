package io.sparkxai.ebm;

import io.sparkxai.ebm.core.BagData;
import io.sparkxai.ebm.core.BagFitter;
import io.sparkxai.ebm.core.BinnedShard;
import io.sparkxai.ebm.core.BoostOutcome;
import io.sparkxai.ebm.core.EbmModel;
import io.sparkxai.ebm.core.FeatureBinning;
import io.sparkxai.ebm.core.ProgressListener;
import io.sparkxai.ebm.core.RowBlock;
import io.sparkxai.ebm.core.ScanStats;
import io.sparkxai.ebm.core.ShardRound;
import io.sparkxai.ebm.core.ShardScoring;
import io.sparkxai.ebm.core.ShardUpdate;
import io.sparkxai.ebm.core.StableHash;
import io.sparkxai.ebm.core.SyncRequest;
import io.sparkxai.ebm.core.TermShape;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * The work of each kind of task of a fit, as static functions of serialisable inputs (so that no
 * closure drags the driver's objects along). Every function is deterministic in its inputs, so a
 * retried or speculative task computes the same result.
 */
final class EbmTasks {

  private static final Logger LOG = LoggerFactory.getLogger(EbmTasks.class);

  private EbmTasks() {}

  /** Whether a row's label and weight are valid. */
  static boolean valid(EbmInput.Reader r) {
    return Double.isFinite(r.label) && r.weight >= 0 && Double.isFinite(r.weight);
  }

  /** Scans a partition: sketches per feature, label facts, counts. */
  static ScanStats scan(Iterator<Row> rows, EbmInput input, boolean skipInvalid) {
    ScanStats stats = new ScanStats(input.categorical(), EbmSettings.EXACT_VALUES, EbmSettings.SAMPLE_VALUES);
    EbmInput.Reader r = input.reader();
    while (rows.hasNext()) {
      r.read(rows.next());
      stats.add(r.numbers, r.levels, r.label, r.weight, r.key, skipInvalid);
    }
    return stats.compact();
  }

  /** Bins a partition's rows into one block per shard they belong to. */
  static Iterator<Tuple2<Integer, RowBlock>> shardBlocks(Iterator<Row> rows, EbmInput input,
      List<FeatureBinning> binnings, int shards, boolean weighted, boolean flagged) {
    RowBlock[] blocks = new RowBlock[shards];
    EbmInput.Reader r = input.reader();
    EbmModel binner = new EbmModel(io.sparkxai.ebm.core.Task.REGRESSION, 1, binnings, List.of(), new double[1]);
    while (rows.hasNext()) {
      r.read(rows.next());
      if (!valid(r)) {
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
  static Iterator<BinnedShard> buildShard(int index, Iterator<Tuple2<Integer, RowBlock>> blocks, int[] mainBins,
      boolean weighted, boolean flagged) {
    List<RowBlock> list = new ArrayList<>();
    while (blocks.hasNext()) {
      list.add(blocks.next()._2());
    }
    return List.of(BinnedShard.of(index, list, mainBins, weighted, flagged)).iterator();
  }

  /** One bag's mains, boosted exactly on a whole shard, with the FAST strengths of the candidates. */
  static BagMains exactMains(BinnedShard shard, int bag, FitPlan plan, List<int[]> candidates) {
    BagFitter fitter = plan.fitter();
    BagData data = fitter.data(shard, bag);
    double[] intercept = plan.initial() != null ? plan.initial().intercept() : fitter.initialIntercept(data);
    double[] base = fitter.scores(data, intercept, ShardRound.shapes(plan.initialTerms(),
        plan.binnings()), plan.initialTensors());
    BoostOutcome out = fitter.boostMains(data, base, null, bag, listener(plan, bag));
    double[] strengths = new double[0];
    if (!candidates.isEmpty()) {
      double[] scores = base.clone();
      List<TermShape> mainShapes = fitter.mainShapes();
      for (int t = 0; t < mainShapes.size(); t++) {
        data.addScores(mainShapes.get(t), out.tensors()[t], plan.scores(), scores);
      }
      strengths = fitter.interactionStrengths(data, scores, candidates);
    }
    return new BagMains(bag, intercept, out.tensors(), out.steps(), out.rounds(), out.metric(), strengths,
        data.trainRows(), data.rows() - data.trainRows(), data.trainWeight(), fitter.kernel().name(),
        fitter.kernel().description() + ", " + fitter.threads() + " thread(s)");
  }

  /** One bag's pairs, boosted exactly with its mains frozen. */
  static BagPairs exactPairs(BinnedShard shard, int bag, FitPlan plan, BagMains mains, List<int[]> pairs) {
    BagFitter fitter = plan.fitter();
    BagData data = fitter.data(shard, bag);
    double[] base = fitter.scores(data, mains.intercept(), ShardRound.shapes(plan.initialTerms(), plan.binnings()),
        plan.initialTensors());
    List<TermShape> mainShapes = fitter.mainShapes();
    for (int t = 0; t < mainShapes.size(); t++) {
      data.addScores(mainShapes.get(t), mains.tensors()[t], plan.scores(), base);
    }
    BoostOutcome out = fitter.boostPairs(data, base, pairs, null, bag, listener(plan, bag));
    return new BagPairs(bag, out.tensors(), out.steps(), out.rounds(), out.metric());
  }

  /** The training class sums of one bag on one shard (the sharded mode's intercept). */
  static double[] trainingSums(BinnedShard shard, int bag, FitPlan plan) {
    BagData data = plan.fitter().data(shard, bag);
    double[] sums = new double[Math.max(2, plan.classes()) + 1];
    double[] labels = data.labels();
    double[] w = data.weights();
    for (int i = 0; i < data.trainRows(); i++) {
      double wi = w == null ? 1.0 : w[i];
      sums[0] += wi;
      if (plan.task() == io.sparkxai.ebm.core.Task.REGRESSION) {
        sums[1] += wi * labels[i];
      } else {
        sums[1 + (int) labels[i]] += wi;
      }
    }
    return sums;
  }

  /** One shard's part of a sync of the sharded mode. */
  static ShardUpdate sync(BinnedShard shard, SyncRequest request, FitPlan plan) {
    BagFitter fitter = plan.fitter();
    int smoothing = request.stage().equals("pairs") ? plan.settings().interactionSmoothingRounds()
        : plan.settings().boost().smoothingRounds();
    return ShardRound.run(fitter, shard, request, smoothing, plan.settings().boost(), plan.task(), fitter.kernel(),
        null);
  }

  /** Per candidate pair, the 2-D histogram and counts of one bag on one shard (sharded FAST). */
  static double[][] pairHistograms(BinnedShard shard, int bag, FitPlan plan, double[] intercept, double[][] mains,
      List<int[]> candidates) {
    BagFitter fitter = plan.fitter();
    BagData data = fitter.data(shard, bag);
    double[] scores = fitter.scores(data, intercept, ShardRound.shapes(plan.initialTerms(), plan.binnings()),
        plan.initialTensors());
    List<TermShape> mainShapes = fitter.mainShapes();
    for (int t = 0; t < mainShapes.size(); t++) {
      data.addScores(mainShapes.get(t), mains[t], plan.scores(), scores);
    }
    return fitter.pairHistograms(data, scores, candidates);
  }

  /** Training weight per term cell on one shard. */
  static double[][] binWeights(BinnedShard shard, FitPlan plan, List<int[]> terms) {
    return ShardScoring.binWeights(shard, plan.binnings(), ShardRound.shapes(terms, plan.binnings()));
  }

  /** Adds {@code b} into {@code a} element-wise (for reductions). */
  static double[][] add(double[][] a, double[][] b) {
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        a[i][j] += b[i][j];
      }
    }
    return a;
  }

  /** Adds {@code b} into {@code a} element-wise. */
  static double[] add(double[] a, double[] b) {
    for (int i = 0; i < a.length; i++) {
      a[i] += b[i];
    }
    return a;
  }

  private static ProgressListener listener(FitPlan plan, int bag) {
    int every = plan.settings().logEvery();
    if (every <= 0) {
      return null;
    }
    return new ProgressListener() {
      @Override
      public void round(String stage, int round, long steps, double loss, long elapsedNanos) {
        if (round % every == 0) {
          LOG.info("EBM {} bag {} {}: round {}, {} steps, validation loss {}, {} s", plan.fitId(), bag, stage, round,
              steps, String.format("%.6f", loss), String.format("%.1f", elapsedNanos / 1e9));
        }
      }

      @Override
      public void done(String stage, int rounds, long steps, double loss, long elapsedNanos) {
        LOG.info("EBM {} bag {} {} done: {} rounds, {} steps, best validation loss {}, {} s", plan.fitId(), bag,
            stage, rounds, steps, String.format("%.6f", loss), String.format("%.1f", elapsedNanos / 1e9));
      }
    };
  }

  /**
   * One bag's mains as boosted in one task.
   *
   * @param bag the bag
   * @param intercept its intercept
   * @param tensors its main terms (best on validation)
   * @param steps steps applied
   * @param rounds schedule rounds
   * @param metric best validation loss
   * @param strengths FAST strengths of the candidates (empty without pairs)
   * @param trainRows training rows
   * @param validationRows validation rows
   * @param trainWeight training weight
   * @param kernel the kernel used
   * @param kernelDetail what exactly ran (instruction set, threads)
   */
  record BagMains(int bag, double[] intercept, double[][] tensors, long steps, int rounds, double metric,
      double[] strengths, int trainRows, int validationRows, double trainWeight, String kernel, String kernelDetail)
      implements Serializable {}

  /**
   * One bag's pairs as boosted in one task.
   *
   * @param bag the bag
   * @param tensors its pair terms
   * @param steps steps applied
   * @param rounds schedule rounds
   * @param metric best validation loss
   */
  record BagPairs(int bag, double[][] tensors, long steps, int rounds, double metric) implements Serializable {}
}
