package io.sparkxai.ebm;

import java.util.List;
import java.util.Map;

/**
 * What {@link ExactBoostPhase} or {@link ShardedBoostPhase} hands on, per bag: the terms (mains then
 * pairs), intercepts, tensors (changes on top of a warm-start model) and training weights, with step
 * counts and validation losses.
 *
 * @param binned what the shard phase handed on
 * @param mode "exact" or "sharded"
 * @param terms the features of each term, mains then pairs
 * @param bagIntercepts per bag, its intercept
 * @param bagTensors per bag, a tensor per term
 * @param bagWeights per bag, its training weight
 * @param mainSteps per bag, boosting steps of the mains
 * @param pairSteps per bag, boosting steps of the pairs
 * @param validationLoss per bag, the best validation loss of the last stage
 * @param syncs merges run (0 in exact mode)
 * @param kernel the histogram kernel that ran
 * @param kernelDetail what exactly ran (instruction set, threads)
 * @param seconds wall seconds per phase so far ("scan", "shard", "mains", "pairs")
 */
record BoostedTerms(BinnedShards binned, String mode, List<int[]> terms, List<double[]> bagIntercepts,
    List<double[][]> bagTensors, double[] bagWeights, List<Long> mainSteps, List<Long> pairSteps,
    List<Double> validationLoss, int syncs, String kernel, String kernelDetail, Map<String, Double> seconds) {

  /** A bag's main tensors followed by its pair tensors ({@code pairs} may be null: mains only). */
  static double[][] mainsThenPairs(double[][] mains, double[][] pairs) {
    int n = pairs == null ? 0 : pairs.length;
    double[][] all = new double[mains.length + n][];
    System.arraycopy(mains, 0, all, 0, mains.length);
    if (n > 0) {
      System.arraycopy(pairs, 0, all, mains.length, n);
    }
    return all;
  }
}
