package io.sparkxai.ebm;

import io.sparkxai.ebm.core.BagData;
import io.sparkxai.ebm.core.BagFitter;
import io.sparkxai.ebm.core.EbmModel;
import io.sparkxai.ebm.core.FeatureBinning;
import io.sparkxai.ebm.core.ModelTerm;
import io.sparkxai.ebm.core.PairRanking;
import io.sparkxai.ebm.core.ShardRound;
import io.sparkxai.ebm.core.PredictionTask;
import io.sparkxai.ebm.kernel.Kernels;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a boosting task needs to know besides its rows: the task, the binnings, the settings,
 * the warm-start model (if any) and a name for log lines. Shipped to executors with each job
 * (it is small); immutable.
 *
 * @param fitId a short id of this fit, prefixed to log lines
 * @param task the task
 * @param classes class count
 * @param binnings feature binnings
 * @param settings the estimator's settings
 * @param initial the warm-start model, or null
 * @param threads threads per bag task, as the driver planned them from the cluster's cores and the
 *     number of concurrent bag tasks (capped on each executor by its processors)
 */
record FitPlan(String fitId, PredictionTask task, int classes, List<FeatureBinning> binnings, EbmSettings settings,
    EbmModel initial, int threads) implements Serializable {

  /** A bag fitter using this JVM's kernel. */
  BagFitter fitter() {
    return new BagFitter(task, classes, binnings, settings.boost(), settings.interactionSmoothingRounds(),
        settings.validationSize(), settings.seed(), Kernels.selected(), executorThreads());
  }

  /** {@link #threads()} capped by this JVM's processors. */
  int executorThreads() {
    return Math.max(1, Math.min(threads, Runtime.getRuntime().availableProcessors()));
  }

  /** Scores per row. */
  int scores() {
    return task.scores(classes);
  }

  /** Features of the warm-start model's terms (empty without one). */
  List<int[]> initialTerms() {
    List<int[]> out = new ArrayList<>();
    if (initial != null) {
      for (ModelTerm t : initial.terms()) {
        out.add(t.features());
      }
    }
    return out;
  }

  /** Tensors of the warm-start model's terms (empty without one). */
  double[][] initialTensors() {
    if (initial == null) {
      return new double[0][];
    }
    double[][] out = new double[initial.terms().size()][];
    for (int t = 0; t < out.length; t++) {
      out[t] = initial.terms().get(t).scores();
    }
    return out;
  }
  /** The main terms, one per feature: {@code [0], [1], ...}. */
  List<int[]> mainTerms() {
    List<int[]> out = new ArrayList<>();
    for (int f = 0; f < binnings.size(); f++) {
      out.add(new int[] {f});
    }
    return out;
  }

  /** The warm-start model's pairs, which a warm start boosts again instead of choosing new ones. */
  List<int[]> initialPairs() {
    List<int[]> out = new ArrayList<>();
    for (int[] f : initialTerms()) {
      if (f.length == 2) {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * How many pairs to choose by FAST ranks: what {@code interactions} asks for, or 0 with a warm start
   * (it keeps the model's pairs) or without boosting rounds.
   */
  int pairsToChoose() {
    int requested = initial != null ? 0 : PairRanking.count(settings.interactions(), binnings.size());
    return settings.boost().maxRounds() > 0 ? requested : 0;
  }

  /** A bag's scores before boosting: its intercept plus the warm-start model's terms. */
  double[] baseScores(BagFitter fitter, BagData data, double[] intercept) {
    return fitter.scores(data, intercept, ShardRound.shapes(initialTerms(), binnings), initialTensors());
  }

  /** The outer bags' numbers, {@code 0 .. outerBags - 1}. */
  List<Integer> bagIds() {
    List<Integer> ids = new ArrayList<>();
    for (int b = 0; b < settings.outerBags(); b++) {
      ids.add(b);
    }
    return ids;
  }
}
