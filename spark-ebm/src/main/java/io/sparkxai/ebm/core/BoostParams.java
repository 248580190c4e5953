package io.sparkxai.ebm.core;

/**
 * The boosting hyperparameters, with interpretml's meaning (see its {@code ExplainableBoostingClassifier}).
 *
 * @param learningRate shrinkage of every term update
 * @param maxRounds the most boosting rounds (a round = one step per term)
 * @param earlyStoppingRounds stop when the validation loss has not improved within this many rounds
 *     (0 disables early stopping)
 * @param earlyStoppingTolerance relative improvement that counts as one
 * @param minSamplesLeaf the fewest training rows in a leaf
 * @param minHessian the smallest hessian sum in a leaf
 * @param maxLeaves leaves per term update tree
 * @param smoothingRounds initial rounds with random split points
 * @param greedyRatio greedy steps per term after each cyclic gain pass (0 = purely cyclic)
 * @param cyclicProgress fraction of cyclic gain passes that also update (interpretml's default 0)
 * @param minCatSamples categories with fewer training rows are pooled in each step
 * @param catSmooth smoothing of the gradient/hessian ratio that orders categories
 * @param gainScale factor on the gain of categorical mains when ranking terms greedily
 * @param gainMultiple factor on every gain (interpretml's objective constant: 2 for RMSE, 1 else);
 *     only the ranking against {@code gainScale} is affected, kept for fidelity of reported gains
 * @param monotone per feature index, +1 (increasing), -1 (decreasing) or 0 (free); features past its
 *     end are free. Honoured as libebm honours {@code monotone_constraints}: see {@link MonotoneSteps}
 */
public record BoostParams(double learningRate, int maxRounds, int earlyStoppingRounds,
    double earlyStoppingTolerance, int minSamplesLeaf, double minHessian, int maxLeaves, int smoothingRounds,
    double greedyRatio, double cyclicProgress, int minCatSamples, double catSmooth, double gainScale,
    double gainMultiple, int[] monotone) implements java.io.Serializable {

  /** Copies the constraints. */
  public BoostParams {
    monotone = monotone == null ? new int[0] : monotone.clone();
  }

  /** Parameters without monotone constraints. */
  public BoostParams(double learningRate, int maxRounds, int earlyStoppingRounds, double earlyStoppingTolerance,
      int minSamplesLeaf, double minHessian, int maxLeaves, int smoothingRounds, double greedyRatio,
      double cyclicProgress, int minCatSamples, double catSmooth, double gainScale, double gainMultiple) {
    this(learningRate, maxRounds, earlyStoppingRounds, earlyStoppingTolerance, minSamplesLeaf, minHessian, maxLeaves,
        smoothingRounds, greedyRatio, cyclicProgress, minCatSamples, catSmooth, gainScale, gainMultiple, null);
  }

  /** The constraints per feature (a copy). */
  @Override
  public int[] monotone() {
    return monotone.clone();
  }

  /** The constraint of feature {@code f}: +1, -1 or 0. */
  public int monotone(int f) {
    return f < monotone.length ? monotone[f] : 0;
  }

  /** Whether any feature is constrained. */
  public boolean anyMonotone() {
    for (int d : monotone) {
      if (d != 0) {
        return true;
      }
    }
    return false;
  }

  /** A copy with per-feature monotone constraints ({@link #monotone()}). */
  public BoostParams withMonotone(int[] directions) {
    return new BoostParams(learningRate, maxRounds, earlyStoppingRounds, earlyStoppingTolerance, minSamplesLeaf,
        minHessian, maxLeaves, smoothingRounds, greedyRatio, cyclicProgress, minCatSamples, catSmooth, gainScale,
        gainMultiple, directions);
  }

  /** A copy with other smoothing rounds (pairs have their own). */
  public BoostParams withSmoothingRounds(int rounds) {
    return new BoostParams(learningRate, maxRounds, earlyStoppingRounds, earlyStoppingTolerance, minSamplesLeaf,
        minHessian, maxLeaves, rounds, greedyRatio, cyclicProgress, minCatSamples, catSmooth, gainScale, gainMultiple,
        monotone);
  }

  /** A copy with other round and stopping settings. */
  public BoostParams withRounds(int rounds, int stoppingRounds) {
    return new BoostParams(learningRate, rounds, stoppingRounds, earlyStoppingTolerance, minSamplesLeaf, minHessian,
        maxLeaves, smoothingRounds, greedyRatio, cyclicProgress, minCatSamples, catSmooth, gainScale, gainMultiple,
        monotone);
  }

  /** The smallest hessian sum a leaf may have, never below the smallest normal double (libebm's rule). */
  double hessianFloor() {
    return Math.max(minHessian, Double.MIN_NORMAL);
  }
}
