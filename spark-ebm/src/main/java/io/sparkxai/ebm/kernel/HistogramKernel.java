package io.sparkxai.ebm.kernel;

/**
 * The inner step of cyclic boosting over flat primitive arrays, the only per-row work of an EBM fit:
 * apply the last term update to the scores, recompute gradient and hessian, and accumulate the
 * histogram of the next term — in one pass over rows {@code [from, to)}, with no per-row call.
 *
 * <h2>Array layouts (all methods)</h2>
 * <ul>
 *   <li>{@code k} = number of scores per row: 1 for {@link Objective#LOGISTIC} and
 *       {@link Objective#SQUARED}, the class count for {@link Objective#SOFTMAX}.</li>
 *   <li>{@code scores[i * k + c]}: the raw score of row {@code i}, class {@code c}.</li>
 *   <li>{@code labels[i]}: 0/1 (logistic), the target (squared), the class index as a double
 *       (softmax).</li>
 *   <li>{@code weights[i]}: the row weight, or {@code null} for weight 1 everywhere.</li>
 *   <li>{@code codes[i]}: the bin (for a pair term: the tensor cell) of row {@code i} for one term,
 *       {@code 0 <= codes[i] < bins}; codes are non-negative Java shorts, so a term has at most
 *       32,767 cells.</li>
 *   <li>{@code update[b * k + c]}: the score change of bin {@code b}, class {@code c}.</li>
 *   <li>{@code hist[(b * k + c) * 2 + s]}: the histogram, {@code s = 0} the sum of gradients,
 *       {@code s = 1} the sum of hessians of the rows in bin {@code b}; kernels <em>add</em> into
 *       it (callers zero it first). Its length is exactly {@code bins * k * 2}, so a kernel knows
 *       the term's bin count (to pick, say, private copies for a handful of bins).</li>
 *   <li>{@code grad[i * k + c]}, {@code hess[i * k + c]}: stored weighted gradients and hessians.</li>
 * </ul>
 *
 * <h2>Contract</h2>
 * Every implementation computes the same quantities as {@link JavaKernel}, the reference, to float
 * tolerance (the exponential may be approximated to about 1e-15 relative error; sums may be
 * accumulated in another order). Implementations are stateless and thread-safe, never keep
 * references to the arrays after a call returns, and do not check array bounds beyond what the JVM
 * does: callers (the booster) guarantee sizes. A native implementation (JNI) receives exactly these
 * arrays; nothing in the contract needs objects, callbacks or per-row crossings.
 *
 * <h2>Where the time goes</h2>
 * On UCI Adult (mains, one bag: about 134,000 steps over 27,700 training and 4,900 validation rows)
 * {@link #applyGradientsHistogram} takes about 90 % of a fit, {@link #applyAndLoss} about 8 %;
 * {@link #applyAndGradients} and {@link #histogram} serve the gain passes and FAST. A faster kernel
 * speeds fits up nearly in proportion.
 *
 * <h2>For a native implementation</h2>
 * Every argument is a Java primitive array (or null where stated) and an int range, so a JNI kernel
 * can pin them ({@code GetPrimitiveArrayCritical}) for the duration of one call and never crosses JNI
 * per row. Callers guarantee lengths and code ranges, scores are finite, and weights are
 * non-negative. {@link Objective#SOFTMAX} may be delegated to {@link JavaKernel}. A native kernel
 * registers with name {@code native} and a rank above the vector kernel's (10), reports in
 * {@link #unavailableReason()} why its library could not load, and turns native error codes into a
 * typed exception in one Java facade.
 *
 * <h2>Discovery</h2>
 * Implementations register under {@code META-INF/services/io.sparkxai.ebm.kernel.HistogramKernel}.
 * {@link Kernels#selected()} picks the available one with the highest {@link #rank()} once per JVM
 * and logs it; {@code -Dsparkxai.kernel=NAME} forces one by {@link #name()}.
 */
public interface HistogramKernel {

  /** Short lower-case name, as {@code -Dsparkxai.kernel} takes it ({@code java}, {@code vector}, {@code native}). */
  String name();

  /** Preference among available kernels: higher wins. The reference Java kernel has rank 0. */
  int rank();

  /** Whether this kernel can run in this JVM (natives loaded, CPU features present, modules present). */
  boolean isAvailable();

  /** Why {@link #isAvailable()} is false, or an empty string. */
  default String unavailableReason() {
    return "";
  }

  /**
   * Applies an update (when {@code applyCodes} is not null), then writes gradient and hessian of
   * rows {@code [from, to)} into {@code grad} and {@code hess}.
   */
  void applyAndGradients(Objective objective, int k, short[] applyCodes, double[] update, double[] scores,
      double[] labels, double[] weights, double[] grad, double[] hess, int from, int to);

  /**
   * The fused step: applies an update (when {@code applyCodes} is not null), recomputes gradient and
   * hessian, and adds them into the histogram of {@code histCodes}, for rows {@code [from, to)}.
   */
  void applyGradientsHistogram(Objective objective, int k, short[] applyCodes, double[] update, double[] scores,
      double[] labels, double[] weights, short[] histCodes, double[] hist, int from, int to);

  /**
   * Applies an update (when {@code applyCodes} is not null) and returns the weighted loss summed over
   * rows {@code [from, to)} (the validation step).
   */
  double applyAndLoss(Objective objective, int k, short[] applyCodes, double[] update, double[] scores,
      double[] labels, double[] weights, int from, int to);

  /** Adds stored gradients and hessians of rows {@code [from, to)} into the histogram of {@code codes}. */
  void histogram(int k, short[] codes, double[] grad, double[] hess, double[] hist, int from, int to);
}
