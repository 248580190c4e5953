package io.sparkxai.ebm;

import io.sparkxai.ebm.core.BagFitter;
import io.sparkxai.ebm.core.BinnedShard;
import io.sparkxai.ebm.core.PairRanking;
import io.sparkxai.ebm.core.ShardMerge;
import io.sparkxai.ebm.core.ShardUpdate;
import io.sparkxai.ebm.core.SyncRequest;
import io.sparkxai.ebm.core.Task;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * The sharded mode (DESIGN.md section 3.3): a bag's rows are split into shards; in each sync every
 * shard rebuilds its scores from the model the driver broadcasts, reports the model's validation loss
 * on its rows, runs {@code roundsPerSync} schedule rounds locally and returns the change; the driver
 * merges the changes weighted by each shard's hessian mass per term ({@link ShardMerge}), keeps the
 * model with the best validation loss, and stops a bag when {@code patience} syncs bring no improvement. One Spark job
 * per sync, all active bags together (shards × bags tasks).
 */
final class ShardedBoost {

  private static final Logger LOG = LoggerFactory.getLogger(ShardedBoost.class);

  private ShardedBoost() {}

  static EbmTrainer.BoostResult run(JavaSparkContext jsc, JavaRDD<BinnedShard> shards, FitPlan plan,
      int shardCount, Map<String, Double> seconds) {
    EbmSettings s = plan.settings();
    int bags = s.outerBags();
    int k = plan.scores();
    Broadcast<FitPlan> planSent = jsc.broadcast(plan);
    List<Integer> bagIds = new ArrayList<>();
    for (int b = 0; b < bags; b++) {
      bagIds.add(b);
    }
    long t = System.nanoTime();
    EbmTrainer.describe(jsc.sc(), "EBM fit: bag intercepts over " + shardCount + " shards");
    List<Tuple2<Integer, double[]>> sumsList = shards.cartesian(jsc.parallelize(bagIds, bags))
        .map(p -> new Tuple2<>(p._2(), EbmTasks.trainingSums(p._1(), p._2(), planSent.value()))).collect();
    double[][] sums = new double[bags][];
    for (Tuple2<Integer, double[]> e : sumsList) {
      sums[e._1()] = sums[e._1()] == null ? e._2().clone() : EbmTasks.add(sums[e._1()], e._2());
    }
    List<double[]> intercepts = new ArrayList<>();
    double[] weights = new double[bags];
    for (int b = 0; b < bags; b++) {
      weights[b] = sums[b][0];
      intercepts.add(plan.initial() != null ? plan.initial().intercept() : intercept(plan.task(), k, sums[b]));
    }

    List<int[]> mains = new ArrayList<>();
    for (int f = 0; f < plan.binnings().size(); f++) {
      mains.add(new int[] {f});
    }
    List<int[]> frozen = plan.initialTerms();
    List<double[][]> frozenTensors = new ArrayList<>();
    for (int b = 0; b < bags; b++) {
      frozenTensors.add(plan.initialTensors());
    }
    Stage mainStage = syncLoop(jsc, shards, plan, planSent, "mains", intercepts, frozen, frozenTensors, mains,
        s.boost().smoothingRounds());
    seconds.put("mains", (System.nanoTime() - t) / 1e9);

    List<int[]> chosen = new ArrayList<>();
    int requested = plan.initial() != null ? 0 : PairRanking.count(s.interactions(), plan.binnings().size());
    if (plan.initial() != null) {
      for (int[] f : plan.initialTerms()) {
        if (f.length == 2) {
          chosen.add(f);
        }
      }
    } else if (requested > 0 && s.boost().maxRounds() > 0) {
      chosen = rankPairs(jsc, shards, planSent, bagIds, intercepts, mainStage.tensors(), weights, requested);
    }
    Stage pairStage = null;
    if (!chosen.isEmpty()) {
      t = System.nanoTime();
      List<int[]> pairFrozen = new ArrayList<>(frozen);
      pairFrozen.addAll(mains);
      List<double[][]> pairFrozenTensors = new ArrayList<>();
      for (int b = 0; b < bags; b++) {
        double[][] init = plan.initialTensors();
        double[][] all = new double[init.length + mains.size()][];
        System.arraycopy(init, 0, all, 0, init.length);
        System.arraycopy(mainStage.tensors().get(b), 0, all, init.length, mains.size());
        pairFrozenTensors.add(all);
      }
      pairStage = syncLoop(jsc, shards, plan, planSent, "pairs", intercepts, pairFrozen, pairFrozenTensors, chosen,
          s.interactionSmoothingRounds());
      seconds.put("pairs", (System.nanoTime() - t) / 1e9);
    }

    List<int[]> terms = new ArrayList<>(mains);
    terms.addAll(chosen);
    List<double[][]> tensors = new ArrayList<>();
    List<Long> pairSteps = new ArrayList<>();
    List<Double> losses = new ArrayList<>();
    for (int b = 0; b < bags; b++) {
      double[][] all = new double[terms.size()][];
      System.arraycopy(mainStage.tensors().get(b), 0, all, 0, mains.size());
      if (pairStage != null) {
        System.arraycopy(pairStage.tensors().get(b), 0, all, mains.size(), chosen.size());
        pairSteps.add(pairStage.steps().get(b));
        losses.add(pairStage.losses().get(b));
      } else {
        pairSteps.add(0L);
        losses.add(mainStage.losses().get(b));
      }
      tensors.add(all);
    }
    int syncs = mainStage.syncs() + (pairStage == null ? 0 : pairStage.syncs());
    return new EbmTrainer.BoostResult(terms, intercepts, tensors, weights, mainStage.steps(), pairSteps, losses,
        syncs, mainStage.kernel(), mainStage.kernel());
  }

  /** The intercept of a bag from its training sums ({@code [weight, y sum | class weights...]}). */
  static double[] intercept(Task task, int k, double[] sums) {
    double total = sums[0];
    double[] out = new double[k];
    if (total <= 0) {
      return out;
    }
    if (task == Task.REGRESSION) {
      out[0] = sums[1] / total;
    } else if (task == Task.BINARY) {
      double p = Math.min(1 - 1e-12, Math.max(1e-12, sums[2] / total));
      out[0] = Math.log(p / (1 - p));
    } else {
      for (int c = 0; c < k; c++) {
        out[c] = Math.log(Math.min(1 - 1e-12, Math.max(1e-12, sums[1 + c] / total)));
      }
    }
    return out;
  }

  /** Boosted tensors, steps and best validation loss per bag, and the syncs run. */
  record Stage(List<double[][]> tensors, List<Long> steps, List<Double> losses, int syncs, String kernel) {}

  private static Stage syncLoop(JavaSparkContext jsc, JavaRDD<BinnedShard> shards, FitPlan plan,
      Broadcast<FitPlan> planSent, String stage,
      List<double[]> intercepts, List<int[]> frozen, List<double[][]> frozenTensors, List<int[]> boosted,
      int smoothingRounds) {
    EbmSettings s = plan.settings();
    int bags = s.outerBags();
    int k = plan.scores();
    int perSync = s.roundsPerSync();
    long maxSteps = (long) s.boost().maxRounds() * boosted.size();
    boolean stopping = s.boost().earlyStoppingRounds() > 0;
    int patience = Math.max(3, (int) Math.ceil(s.boost().earlyStoppingRounds()
        / (perSync * Math.max(1.0, s.boost().greedyRatio()))));
    double tolerance = s.boost().earlyStoppingTolerance();
    List<double[][]> current = new ArrayList<>();
    List<double[][]> best = new ArrayList<>();
    double[] bestLoss = new double[bags];
    int[] sinceBest = new int[bags];
    int[] roundsDone = new int[bags];
    long[] steps = new long[bags];
    boolean[] done = new boolean[bags];
    boolean[] lastWasEvaluation = new boolean[bags];
    for (int b = 0; b < bags; b++) {
      double[][] zero = new double[boosted.size()][];
      for (int t = 0; t < zero.length; t++) {
        zero[t] = new double[io.sparkxai.ebm.core.TermShape.of(boosted.get(t), plan.binnings()).cells() * k];
      }
      current.add(zero);
      best.add(zero);
      bestLoss[b] = Double.POSITIVE_INFINITY;
    }
    String kernel = "";
    int sync = 0;
    long began = System.nanoTime();
    while (true) {
      Map<Integer, SyncRequest> requests = new HashMap<>();
      List<Integer> active = new ArrayList<>();
      for (int b = 0; b < bags; b++) {
        if (!done[b]) {
          int rounds = steps[b] >= maxSteps ? 0 : perSync;
          lastWasEvaluation[b] = rounds == 0;
          requests.put(b, new SyncRequest(b, sync, stage, intercepts.get(b), frozen, frozenTensors.get(b), boosted,
              current.get(b), roundsDone[b], rounds));
          active.add(b);
        }
      }
      if (active.isEmpty()) {
        break;
      }
      Broadcast<Map<Integer, SyncRequest>> sent = jsc.broadcast(requests);
      EbmTrainer.describe(jsc.sc(), "EBM fit: " + stage + " sync " + sync + ", " + active.size() + " bag(s) x "
          + shards.getNumPartitions() + " shards");
      List<ShardUpdate> updates = shards.cartesian(jsc.parallelize(active, active.size()))
          .map(p -> EbmTasks.sync(p._1(), sent.value().get(p._2()), planSent.value())).collect();
      sent.destroy(false);
      Map<Integer, List<ShardUpdate>> byBag = new HashMap<>();
      for (ShardUpdate u : updates) {
        byBag.computeIfAbsent(u.bag(), x -> new ArrayList<>()).add(u);
        kernel = u.kernel();
      }
      for (int b : active) {
        List<ShardUpdate> us = byBag.get(b);
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
          continue;
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
      if (s.logEvery() > 0) {
        LOG.info("EBM {} {} sync {}: {} bag(s) active, bag 0 at round {} with validation loss {}, {} s",
            plan.fitId(), stage, sync, active.size(), roundsDone[0], String.format("%.6f", bestLoss[0]),
            String.format("%.1f", (System.nanoTime() - began) / 1e9));
      }
      sync++;
    }
    List<Long> stepList = new ArrayList<>();
    List<Double> lossList = new ArrayList<>();
    for (int b = 0; b < bags; b++) {
      stepList.add(steps[b]);
      lossList.add(bestLoss[b]);
    }
    return new Stage(best, stepList, lossList, sync, kernel);
  }

  private static List<int[]> rankPairs(JavaSparkContext jsc, JavaRDD<BinnedShard> shards,
      Broadcast<FitPlan> planSent, List<Integer> bagIds, List<double[]> intercepts, List<double[][]> mains, double[] weights, int requested) {
    List<int[]> candidates = BagFitter.candidatePairs(planSent.value().binnings());
    EbmTrainer.describe(jsc.sc(), "EBM fit: FAST ranks of " + candidates.size() + " candidate pairs");
    Broadcast<List<double[][]>> mainsSent = jsc.broadcast(mains);
    List<Tuple2<Integer, double[]>> strengths = shards.cartesian(jsc.parallelize(bagIds, bagIds.size()))
        .mapToPair(p -> new Tuple2<>(p._2(), EbmTasks.pairHistograms(p._1(), p._2(), planSent.value(),
            intercepts.get(p._2()), mainsSent.value().get(p._2()), candidates)))
        .reduceByKey(EbmTasks::add, bagIds.size())
        .map(e -> new Tuple2<>(e._1(), planSent.value().fitter().strengths(e._2(), candidates,
            weights[e._1()])))
        .collect();
    mainsSent.destroy(false);
    List<double[]> byBag = new ArrayList<>();
    for (int b = 0; b < bagIds.size(); b++) {
      byBag.add(null);
    }
    for (Tuple2<Integer, double[]> e : strengths) {
      byBag.set(e._1(), e._2());
    }
    return PairRanking.choose(candidates, byBag, requested);
  }
}
