package io.sparkxai.ebm;

import io.sparkxai.ebm.core.BagData;
import io.sparkxai.ebm.core.BagFitter;
import io.sparkxai.ebm.core.BinnedShard;
import io.sparkxai.ebm.core.BoostOutcome;
import io.sparkxai.ebm.core.PairRanking;
import io.sparkxai.ebm.core.ProgressListener;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase 3 of a fit with one shard, exact boosting: every outer bag boosts in one task exactly as
 * interpretml does (the bags in parallel). One job boosts the mains and computes the FAST strengths of
 * the candidate pairs; the driver chooses the pairs by their mean rank over the bags; a second job
 * boosts the chosen pairs with each bag's mains frozen.
 */
final class ExactBoostPhase {

  private static final Logger LOG = LoggerFactory.getLogger(ExactBoostPhase.class);

  private ExactBoostPhase() {}

  /** Boosts every bag on the single shard. */
  static BoostedTerms run(BinnedShards binned) {
    FitPlan plan = binned.plan();
    JavaRDD<BinnedShard> shards = binned.shards();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(shards.context());
    int bags = plan.settings().outerBags();
    JavaRDD<Integer> bagRdd = jsc.parallelize(plan.bagIds(), bags);
    Broadcast<FitPlan> planSent = jsc.broadcast(plan);
    Map<String, Double> seconds = new LinkedHashMap<>(binned.seconds());
    int requested = plan.pairsToChoose();
    List<int[]> candidates = requested > 0
        ? BagFitter.candidatePairs(plan.binnings(), plan.settings().boost().monotone()) : List.of();
    long t = System.nanoTime();
    jsc.sc().setJobDescription("EBM fit: boost mains, " + bags + " bag(s) exactly" + (requested > 0 ? ", rank "
        + candidates.size() + " candidate pairs" : ""));
    List<BagMains> mains = new ArrayList<>(shards.cartesian(bagRdd)
        .map(p -> boostMains(p._1(), p._2(), planSent.value(), candidates)).collect());
    mains.sort((a, b) -> Integer.compare(a.bag(), b.bag()));
    seconds.put("mains", (System.nanoTime() - t) / 1e9);

    List<int[]> chosen = plan.initial() != null ? plan.initialPairs() : List.of();
    if (requested > 0) {
      List<double[]> strengths = new ArrayList<>();
      for (BagMains m : mains) {
        strengths.add(m.strengths());
      }
      chosen = PairRanking.choose(candidates, strengths, requested);
    }
    List<BagPairs> pairs = null;
    if (!chosen.isEmpty()) {
      t = System.nanoTime();
      List<int[]> chosenPairs = chosen;
      jsc.sc().setJobDescription("EBM fit: boost " + chosen.size() + " pairs, " + bags + " bag(s) exactly");
      Broadcast<List<BagMains>> mainsSent = jsc.broadcast(mains);
      pairs = new ArrayList<>(shards.cartesian(bagRdd)
          .map(p -> boostPairs(p._1(), p._2(), planSent.value(), mainsSent.value().get(p._2()), chosenPairs))
          .collect());
      mainsSent.destroy(false);
      pairs.sort((a, b) -> Integer.compare(a.bag(), b.bag()));
      seconds.put("pairs", (System.nanoTime() - t) / 1e9);
    }
    return combine(binned, plan.mainTerms(), chosen, mains, pairs, seconds);
  }

  /** The bags' mains and pairs as one result. */
  private static BoostedTerms combine(BinnedShards binned, List<int[]> mainTerms, List<int[]> chosen,
      List<BagMains> mains, List<BagPairs> pairs, Map<String, Double> seconds) {
    List<int[]> terms = new ArrayList<>(mainTerms);
    terms.addAll(chosen);
    int bags = mains.size();
    List<double[]> intercepts = new ArrayList<>();
    List<double[][]> tensors = new ArrayList<>();
    double[] weights = new double[bags];
    List<Long> mainSteps = new ArrayList<>();
    List<Long> pairSteps = new ArrayList<>();
    List<Double> losses = new ArrayList<>();
    for (int b = 0; b < bags; b++) {
      BagMains m = mains.get(b);
      BagPairs p = pairs == null ? null : pairs.get(b);
      intercepts.add(m.intercept());
      weights[b] = m.trainWeight();
      tensors.add(BoostedTerms.mainsThenPairs(m.tensors(), p == null ? null : p.tensors()));
      mainSteps.add(m.steps());
      pairSteps.add(p == null ? 0L : p.steps());
      losses.add(p == null ? m.metric() : p.metric());
    }
    return new BoostedTerms(binned, "exact", terms, intercepts, tensors, weights, mainSteps, pairSteps, losses, 0,
        mains.get(0).kernel(), mains.get(0).kernelDetail(), seconds);
  }

  /** One bag's mains, boosted exactly on a whole shard, with the FAST strengths of the candidates. */
  private static BagMains boostMains(BinnedShard shard, int bag, FitPlan plan, List<int[]> candidates) {
    BagFitter fitter = plan.fitter();
    BagData data = fitter.data(shard, bag);
    double[] intercept = plan.initial() != null ? plan.initial().intercept() : fitter.initialIntercept(data);
    double[] base = plan.baseScores(fitter, data, intercept);
    BoostOutcome out = fitter.boostMains(data, base, null, bag, listener(plan, bag));
    double[] strengths = new double[0];
    if (!candidates.isEmpty()) {
      double[] scores = base.clone();
      fitter.addMains(data, out.tensors(), scores);
      strengths = fitter.interactionStrengths(data, scores, candidates);
    }
    return new BagMains(bag, intercept, out.tensors(), out.steps(), out.rounds(), out.metric(), strengths,
        data.trainRows(), data.rows() - data.trainRows(), data.trainWeight(), fitter.kernel().name(),
        fitter.kernel().description() + ", " + fitter.threads() + " thread(s)");
  }

  /** One bag's pairs, boosted exactly with its mains frozen. */
  private static BagPairs boostPairs(BinnedShard shard, int bag, FitPlan plan, BagMains mains, List<int[]> pairs) {
    BagFitter fitter = plan.fitter();
    BagData data = fitter.data(shard, bag);
    double[] base = plan.baseScores(fitter, data, mains.intercept());
    fitter.addMains(data, mains.tensors(), base);
    BoostOutcome out = fitter.boostPairs(data, base, pairs, null, bag, listener(plan, bag));
    return new BagPairs(bag, out.tensors(), out.steps(), out.rounds(), out.metric());
  }

  /** Progress lines of one bag every {@code logEvery} rounds (null when {@code logEvery} is 0). */
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
