package io.sparkxai.ebm;

import io.sparkxai.ebm.core.BagFitter;
import io.sparkxai.ebm.core.BinnedShard;
import io.sparkxai.ebm.core.ShardMerge;
import io.sparkxai.ebm.core.ShardRound;
import io.sparkxai.ebm.core.ShardUpdate;
import io.sparkxai.ebm.core.SyncRequest;
import io.sparkxai.ebm.core.TermShape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stage (mains or pairs) of {@link ShardedBoostPhase}, sync by sync, with each bag's progress: its
 * current and best tensors, best validation loss, syncs since the best, rounds and steps done. A bag
 * stops when its steps reach {@code maxRounds} per term (after one last evaluation) or when
 * {@code patience} syncs outside the smoothing rounds bring no improvement. Mutable; driver only.
 */
final class SyncedStage {

  private static final Logger LOG = LoggerFactory.getLogger(SyncedStage.class);

  /** Boosted tensors, steps and best validation loss per bag, and the syncs run. */
  record Result(List<double[][]> tensors, List<Long> steps, List<Double> losses, int syncs, String kernel) {}

  private final FitPlan plan;
  private final String stage;
  private final List<int[]> boosted;
  private final int smoothingRounds;
  private final int perSync;
  private final long maxSteps;
  private final boolean stopping;
  private final int patience;
  private final double tolerance;
  private final List<double[][]> current = new ArrayList<>();
  private final List<double[][]> best = new ArrayList<>();
  private final double[] bestLoss;
  private final int[] sinceBest;
  private final int[] roundsDone;
  private final long[] steps;
  private final boolean[] done;
  private final boolean[] lastWasEvaluation;
  private String kernel = "";

  /**
   * @param plan the fit's plan
   * @param stage "mains" or "pairs"
   * @param boosted the features of the terms boosted in this stage
   * @param smoothingRounds the stage's smoothing rounds
   */
  SyncedStage(FitPlan plan, String stage, List<int[]> boosted, int smoothingRounds) {
    EbmSettings s = plan.settings();
    int bags = s.outerBags();
    this.plan = plan;
    this.stage = stage;
    this.boosted = boosted;
    this.smoothingRounds = smoothingRounds;
    this.perSync = s.roundsPerSync();
    this.maxSteps = (long) s.boost().maxRounds() * boosted.size();
    this.stopping = s.boost().earlyStoppingRounds() > 0;
    this.patience = Math.max(3, (int) Math.ceil(s.boost().earlyStoppingRounds()
        / (perSync * Math.max(1.0, s.boost().greedyRatio()))));
    this.tolerance = s.boost().earlyStoppingTolerance();
    this.bestLoss = new double[bags];
    this.sinceBest = new int[bags];
    this.roundsDone = new int[bags];
    this.steps = new long[bags];
    this.done = new boolean[bags];
    this.lastWasEvaluation = new boolean[bags];
    for (int b = 0; b < bags; b++) {
      double[][] zero = new double[boosted.size()][];
      for (int t = 0; t < zero.length; t++) {
        zero[t] = new double[TermShape.of(boosted.get(t), plan.binnings()).cells() * plan.scores()];
      }
      current.add(zero);
      best.add(zero);
      bestLoss[b] = Double.POSITIVE_INFINITY;
    }
  }

  /**
   * Runs syncs until every bag is done.
   *
   * @param intercepts per bag, its intercept
   * @param frozen the features of the frozen terms
   * @param frozenTensors per bag, the frozen terms' tensors
   */
  Result run(JavaSparkContext jsc, JavaRDD<BinnedShard> shards, Broadcast<FitPlan> planSent,
      List<double[]> intercepts, List<int[]> frozen, List<double[][]> frozenTensors) {
    int sync = 0;
    long began = System.nanoTime();
    while (true) {
      Map<Integer, SyncRequest> requests = requests(sync, intercepts, frozen, frozenTensors);
      List<Integer> active = new ArrayList<>(requests.keySet());
      if (active.isEmpty()) {
        break;
      }
      Broadcast<Map<Integer, SyncRequest>> sent = jsc.broadcast(requests);
      jsc.sc().setJobDescription("EBM fit: " + stage + " sync " + sync + ", " + active.size() + " bag(s) x "
          + shards.getNumPartitions() + " shards");
      List<ShardUpdate> updates = shards.cartesian(jsc.parallelize(active, active.size()))
          .map(p -> shardSync(p._1(), sent.value().get(p._2()), planSent.value())).collect();
      sent.destroy(false);
      Map<Integer, List<ShardUpdate>> byBag = new HashMap<>();
      for (ShardUpdate u : updates) {
        byBag.computeIfAbsent(u.bag(), x -> new ArrayList<>()).add(u);
        kernel = u.kernel();
      }
      for (int b : active) {
        absorb(b, byBag.get(b));
      }
      if (plan.settings().logEvery() > 0) {
        LOG.info("EBM {} {} sync {}: {} bag(s) active, bag 0 at round {} with validation loss {}, {} s",
            plan.fitId(), stage, sync, active.size(), roundsDone[0], String.format("%.6f", bestLoss[0]),
            String.format("%.1f", (System.nanoTime() - began) / 1e9));
      }
      sync++;
    }
    List<Long> stepList = new ArrayList<>();
    List<Double> lossList = new ArrayList<>();
    for (int b = 0; b < steps.length; b++) {
      stepList.add(steps[b]);
      lossList.add(bestLoss[b]);
    }
    return new Result(best, stepList, lossList, sync, kernel);
  }

  /** The requests of the bags not done, in bag order (a bag at its step limit is only evaluated). */
  private Map<Integer, SyncRequest> requests(int sync, List<double[]> intercepts, List<int[]> frozen,
      List<double[][]> frozenTensors) {
    Map<Integer, SyncRequest> requests = new LinkedHashMap<>();
    for (int b = 0; b < done.length; b++) {
      if (!done[b]) {
        int rounds = steps[b] >= maxSteps ? 0 : perSync;
        lastWasEvaluation[b] = rounds == 0;
        requests.put(b, new SyncRequest(b, sync, stage, intercepts.get(b), frozen, frozenTensors.get(b), boosted,
            current.get(b), roundsDone[b], rounds));
      }
    }
    return requests;
  }

  /** Books the validation loss of the model a bag sent, then merges its shards' changes (unless it is done). */
  private void absorb(int b, List<ShardUpdate> us) {
    double loss = ShardMerge.validationLoss(us);
    boolean smoothing = roundsDone[b] < smoothingRounds;
    if (Double.isNaN(loss) || !stopping) {
      best.set(b, current.get(b));
      bestLoss[b] = loss;
    } else if (loss <= bestLoss[b] - tolerance * Math.abs(bestLoss[b]) || Double.isInfinite(bestLoss[b])) {
      best.set(b, current.get(b));
      bestLoss[b] = loss;
      sinceBest[b] = 0;
    } else if (!smoothing) {
      sinceBest[b]++;
    }
    if (lastWasEvaluation[b] || stopping && !Double.isNaN(loss) && sinceBest[b] >= patience) {
      done[b] = true;
      return;
    }
    double[][] merged = ShardMerge.merge(us);
    double[][] next = new double[merged.length][];
    for (int t = 0; t < merged.length; t++) {
      next[t] = current.get(b)[t].clone();
      for (int i = 0; i < next[t].length; i++) {
        next[t][i] += merged[t][i];
      }
    }
    current.set(b, next);
    roundsDone[b] += perSync;
    long shardSteps = 0;
    for (ShardUpdate u : us) {
      shardSteps = Math.max(shardSteps, u.steps());
    }
    steps[b] += shardSteps;
  }

  /** One shard's part of a sync (on an executor). */
  private static ShardUpdate shardSync(BinnedShard shard, SyncRequest request, FitPlan plan) {
    BagFitter fitter = plan.fitter();
    int smoothing = request.stage().equals("pairs") ? plan.settings().interactionSmoothingRounds()
        : plan.settings().boost().smoothingRounds();
    return ShardRound.run(fitter, shard, request, smoothing, plan.settings().boost(), plan.task(), fitter.kernel(),
        null);
  }
}
