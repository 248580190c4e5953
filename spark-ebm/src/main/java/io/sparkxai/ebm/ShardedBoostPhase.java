package io.sparkxai.ebm;

import io.sparkxai.ebm.core.ArraySums;
import io.sparkxai.ebm.core.BagData;
import io.sparkxai.ebm.core.BagFitter;
import io.sparkxai.ebm.core.BinnedShard;
import io.sparkxai.ebm.core.PairRanking;
import io.sparkxai.ebm.core.ShardMerge;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * Phase 3 of a fit with several shards, sharded boosting: a bag's rows are split into shards; in each
 * sync every shard rebuilds its scores from the model the driver broadcasts, reports the model's
 * validation loss on its rows, runs {@code roundsPerSync} schedule rounds locally and returns the
 * change; the driver merges the changes weighted by each shard's hessian mass per term
 * ({@link ShardMerge}), keeps the model with the best validation loss, and stops a bag when
 * {@code patience} syncs bring no improvement ({@link SyncedStage}). One Spark job per sync, all
 * active bags together (shards × bags tasks). Before the mains, one job sums the bags' training rows
 * for their intercepts; between mains and pairs, one job sums the candidate pairs' histograms for
 * their FAST ranks.
 */
final class ShardedBoostPhase {

  private ShardedBoostPhase() {}

  /** Boosts every bag over all shards. */
  static BoostedTerms run(BinnedShards binned) {
    FitPlan plan = binned.plan();
    JavaRDD<BinnedShard> shards = binned.shards();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(shards.context());
    Broadcast<FitPlan> planSent = jsc.broadcast(plan);
    Map<String, Double> seconds = new LinkedHashMap<>(binned.seconds());
    long t = System.nanoTime();
    double[][] sums = trainingSums(jsc, shards, planSent);
    int bags = sums.length;
    List<double[]> intercepts = new ArrayList<>();
    double[] weights = new double[bags];
    for (int b = 0; b < bags; b++) {
      weights[b] = sums[b][0];
      intercepts.add(plan.initial() != null ? plan.initial().intercept()
          : BagFitter.intercept(plan.task(), plan.scores(), sums[b]));
    }
    List<int[]> mains = plan.mainTerms();
    List<int[]> frozen = plan.initialTerms();
    List<double[][]> frozenTensors = new ArrayList<>();
    for (int b = 0; b < bags; b++) {
      frozenTensors.add(plan.initialTensors());
    }
    SyncedStage.Result mainStage = new SyncedStage(plan, "mains", mains, plan.settings().boost().smoothingRounds())
        .run(jsc, shards, planSent, intercepts, frozen, frozenTensors);
    seconds.put("mains", (System.nanoTime() - t) / 1e9);

    int requested = plan.pairsToChoose();
    List<int[]> chosen = plan.initial() != null ? plan.initialPairs() : List.of();
    if (requested > 0) {
      chosen = rankPairs(jsc, shards, planSent, intercepts, mainStage.tensors(), weights, requested);
    }
    SyncedStage.Result pairStage = null;
    if (!chosen.isEmpty()) {
      t = System.nanoTime();
      List<int[]> pairFrozen = new ArrayList<>(frozen);
      pairFrozen.addAll(mains);
      List<double[][]> pairFrozenTensors = new ArrayList<>();
      for (int b = 0; b < bags; b++) {
        pairFrozenTensors.add(BoostedTerms.mainsThenPairs(plan.initialTensors(), mainStage.tensors().get(b)));
      }
      pairStage = new SyncedStage(plan, "pairs", chosen, plan.settings().interactionSmoothingRounds())
          .run(jsc, shards, planSent, intercepts, pairFrozen, pairFrozenTensors);
      seconds.put("pairs", (System.nanoTime() - t) / 1e9);
    }
    return combine(binned, mains, chosen, intercepts, weights, mainStage, pairStage, seconds);
  }

  /** Per bag, its training sums over all shards ({@link BagFitter#trainingSums}), added in the order collected. */
  private static double[][] trainingSums(JavaSparkContext jsc, JavaRDD<BinnedShard> shards,
      Broadcast<FitPlan> planSent) {
    int bags = planSent.value().settings().outerBags();
    jsc.sc().setJobDescription("EBM fit: bag intercepts over " + shards.getNumPartitions() + " shards");
    List<Tuple2<Integer, double[]>> sumsList = shards.cartesian(jsc.parallelize(planSent.value().bagIds(), bags))
        .map(p -> new Tuple2<>(p._2(), bagSums(p._1(), p._2(), planSent.value()))).collect();
    double[][] sums = new double[bags][];
    for (Tuple2<Integer, double[]> e : sumsList) {
      sums[e._1()] = sums[e._1()] == null ? e._2().clone() : ArraySums.add(sums[e._1()], e._2());
    }
    return sums;
  }

  /** The training sums of one bag on one shard. */
  private static double[] bagSums(BinnedShard shard, int bag, FitPlan plan) {
    BagFitter fitter = plan.fitter();
    return fitter.trainingSums(fitter.data(shard, bag));
  }

  /** The bags' mains and pairs as one result. */
  private static BoostedTerms combine(BinnedShards binned, List<int[]> mains, List<int[]> chosen,
      List<double[]> intercepts, double[] weights, SyncedStage.Result mainStage, SyncedStage.Result pairStage,
      Map<String, Double> seconds) {
    List<int[]> terms = new ArrayList<>(mains);
    terms.addAll(chosen);
    List<double[][]> tensors = new ArrayList<>();
    List<Long> pairSteps = new ArrayList<>();
    List<Double> losses = new ArrayList<>();
    for (int b = 0; b < weights.length; b++) {
      tensors.add(BoostedTerms.mainsThenPairs(mainStage.tensors().get(b),
          pairStage == null ? null : pairStage.tensors().get(b)));
      pairSteps.add(pairStage == null ? 0L : pairStage.steps().get(b));
      losses.add(pairStage == null ? mainStage.losses().get(b) : pairStage.losses().get(b));
    }
    int syncs = mainStage.syncs() + (pairStage == null ? 0 : pairStage.syncs());
    return new BoostedTerms(binned, "sharded", terms, intercepts, tensors, weights, mainStage.steps(), pairSteps,
        losses, syncs, mainStage.kernel(), mainStage.kernel(), seconds);
  }

  /** The pairs with the best mean FAST rank over the bags, from histograms summed over the shards. */
  private static List<int[]> rankPairs(JavaSparkContext jsc, JavaRDD<BinnedShard> shards,
      Broadcast<FitPlan> planSent, List<double[]> intercepts, List<double[][]> mains, double[] weights,
      int requested) {
    int bags = weights.length;
    List<int[]> candidates = BagFitter.candidatePairs(planSent.value().binnings(),
        planSent.value().settings().boost().monotone());
    jsc.sc().setJobDescription("EBM fit: FAST ranks of " + candidates.size() + " candidate pairs");
    Broadcast<List<double[][]>> mainsSent = jsc.broadcast(mains);
    List<Tuple2<Integer, double[]>> strengths = shards.cartesian(jsc.parallelize(planSent.value().bagIds(), bags))
        .mapToPair(p -> new Tuple2<>(p._2(), pairHistograms(p._1(), p._2(), planSent.value(),
            intercepts.get(p._2()), mainsSent.value().get(p._2()), candidates)))
        .reduceByKey(ArraySums::add, bags)
        .map(e -> new Tuple2<>(e._1(), planSent.value().fitter().strengths(e._2(), candidates,
            weights[e._1()])))
        .collect();
    mainsSent.destroy(false);
    List<double[]> byBag = new ArrayList<>();
    for (int b = 0; b < bags; b++) {
      byBag.add(null);
    }
    for (Tuple2<Integer, double[]> e : strengths) {
      byBag.set(e._1(), e._2());
    }
    return PairRanking.choose(candidates, byBag, requested);
  }

  /** Per candidate pair, the 2-D histogram and counts of one bag on one shard. */
  private static double[][] pairHistograms(BinnedShard shard, int bag, FitPlan plan, double[] intercept,
      double[][] mains, List<int[]> candidates) {
    BagFitter fitter = plan.fitter();
    BagData data = fitter.data(shard, bag);
    double[] scores = plan.baseScores(fitter, data, intercept);
    fitter.addMains(data, mains, scores);
    return fitter.pairHistograms(data, scores, candidates);
  }
}
