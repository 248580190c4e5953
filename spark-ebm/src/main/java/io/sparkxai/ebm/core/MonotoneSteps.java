package io.sparkxai.ebm.core;

import java.util.List;

/**
 * How boosting honours monotone constraints, as libebm does for interpret 0.7.8's
 * {@code monotone_constraints} ({@code PartitionOneDimensionalBoosting}, {@code PartitionRandomBoosting},
 * {@code GenerateTermUpdate}):
 * <ul>
 *   <li>a split of a constrained numeric main term is legal only when the low side's Newton step is
 *       not above the high side's (increasing; not below for decreasing) — other splits are not tried;</li>
 *   <li>a smoothing step whose random slices are not ordered so becomes one Newton step for the whole
 *       term;</li>
 *   <li>a pair with a constrained feature, a categorical or a multiclass term moves as one leaf (libebm
 *       sums such a tensor into one bin); the fit never chooses such pairs by FAST (interpretml leaves
 *       constrained features out of the ranking), so this only meets pairs of a warm-start model.</li>
 * </ul>
 * libebm checks each split alone; with more than two leaves a later split could still give a leaf that
 * breaks the order across the tree, so here an update over the value bins that is not ordered is
 * replaced by one Newton step (a difference from libebm, which allows it; with the default two leaves
 * the two never differ). Every update is then monotone, and so is their sum. The missing bin has its
 * own leaf and is not part of the order, nor is the unseen bin.
 *
 * <p>{@link #project} is the last guard after bags are added up: merged shard changes and a warm-start
 * model's scores are monotone only up to rounding, or not at all.
 */
public final class MonotoneSteps {

  private MonotoneSteps() {}

  /**
   * Whether a split keeps the order: the Newton step of the low side ({@code gLow}, {@code hLow}) is at
   * most the high side's when {@code direction > 0}, at least when {@code direction < 0}.
   */
  static boolean legal(int direction, double gLow, double hLow, double gHigh, double hHigh) {
    double low = NewtonStep.leafValue(gLow, hLow, 1.0);
    double high = NewtonStep.leafValue(gHigh, hHigh, 1.0);
    return direction > 0 ? low <= high : low >= high;
  }

  /** The constraint on a term's update: 0 for free terms, pairs and categorical terms (they move as one leaf). */
  static int direction(TermShape shape, BoostParams params) {
    return shape.isPair() || shape.nominal() ? 0 : params.monotone(shape.features()[0]);
  }

  /** Whether any feature of a pair is constrained. */
  static boolean pairConstrained(TermShape shape, BoostParams params) {
    int[] f = shape.features();
    return shape.isPair() && (params.monotone(f[0]) != 0 || params.monotone(f[1]) != 0);
  }

  /**
   * The tensors of one bag with every constrained numeric main term made monotone over its value bins
   * (weighted isotonic regression, weights the training weight of each bin); other terms and tensors
   * that are already monotone are returned as they are.
   *
   * @param tensors per term, its tensor (one score per cell)
   * @param terms per term, its features
   * @param binnings the features
   * @param params the constraints
   * @param weights per term, the training weight per cell
   */
  public static double[][] project(double[][] tensors, List<int[]> terms, List<FeatureBinning> binnings,
      BoostParams params, double[][] weights) {
    if (!params.anyMonotone()) {
      return tensors;
    }
    double[][] out = tensors.clone();
    for (int t = 0; t < terms.size(); t++) {
      int[] f = terms.get(t);
      FeatureBinning b = binnings.get(f[0]);
      int d = f.length == 1 && !b.isCategorical() ? params.monotone(f[0]) : 0;
      int last = b.cuts().length + 1;
      if (d == 0 || tensors[t].length != b.mainBins() || Isotonic.isMonotone(tensors[t], 1, last, d)) {
        continue;
      }
      out[t] = tensors[t].clone();
      double[] fitted = valueBinsFit(tensors[t], weights[t], last, d > 0);
      System.arraycopy(fitted, 0, out[t], 1, fitted.length);
    }
    return out;
  }

  /** The isotonic fit of bins {@code 1..last} of a main tensor, keeping their weighted mean. */
  static double[] valueBinsFit(double[] scores, double[] weights, int last, boolean increasing) {
    double[] y = java.util.Arrays.copyOfRange(scores, 1, last + 1);
    double[] w = java.util.Arrays.copyOfRange(weights, 1, last + 1);
    double[] fitted = Isotonic.fit(y, w, increasing);
    double sw = 0;
    double before = 0;
    double after = 0;
    for (int i = 0; i < y.length; i++) {
      sw += w[i];
      before += w[i] * y[i];
      after += w[i] * fitted[i];
    }
    if (sw > 0) { // pooling keeps the weighted mean up to rounding; interpretml moves the rest back too
      double shift = (before - after) / sw;
      for (int i = 0; i < fitted.length; i++) {
        fitted[i] += shift;
      }
    }
    return fitted;
  }
}
