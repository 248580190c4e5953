package io.sparkxai.ebm.kernel;

/**
 * The inner step of cyclic boosting over flat primitive arrays, the only per-row work of an EBM fit:
 * apply the last term update to the scores, recompute gradient and hessian, and accumulate the
 * histogram of the next term — in one pass over rows {@code [from, to)}, with no per-row call.
 *
 * <h2>Array layouts (all methods)</h2>
 * <ul>
 *   <li>The rows ({@link KernelRows}): {@code scores[i * k + c]} as float, labels, weights;
 *       {@code k} = 1 for {@link Objective#LOGISTIC} and {@link Objective#SQUARED}, the class count
 *       for {@link Objective#SOFTMAX}.</li>
 *   <li>{@code codes[i]}: the bin (for a pair term: the tensor cell) of row {@code i} for one term,
 *       {@code 0 <= codes[i] < cells}; codes are non-negative Java shorts, so a term has at most
 *       32,767 cells.</li>
 *   <li>{@code update[b * k + c]}: the score change of cell {@code b}, class {@code c}.</li>
 *   <li>{@code hist[(b * k + c) * 2 + s]}: the histogram, {@code s = 0} the sum of gradients,
 *       {@code s = 1} the sum of hessians of the rows in cell {@code b}; kernels <em>add</em> into
 *       it (callers zero it first). Its length is exactly {@code cells * k * 2}, so a kernel knows
 *       the term's cell count (to pick, say, private copies for a handful of bins).</li>
 *   <li>{@code grad[i * k + c]}, {@code hess[i * k + c]}: stored weighted gradients and hessians.</li>
 * </ul>
 *
 * <h2>Contract</h2>
 * Applying an update sets {@code scores[i*k+c] = (float) (scores[i*k+c] + update[codes[i]*k+c])} (the
 * sum in double, rounded once), and gradients use the stored float score, so every kernel leaves
 * exactly the same scores. Gradients, hessians and losses are computed in double; every
 * implementation computes the same quantities as {@link JavaKernel}, the reference, to float tolerance:
 * the exponential and logarithm may be approximated to a few units in the last place, and sums may
 * be accumulated in another (fixed) order. Implementations are stateless and thread-safe, never keep
 * references to the arrays after a call returns, and may be called on disjoint row ranges of the same
 * rows from several threads at once. A score that is NaN or infinite after an update is refused with
 * {@link KernelException} ({@link KernelException.Reason#NON_FINITE_SCORE}). Callers (the booster)
 * guarantee array sizes and code ranges; the native kernel checks them anyway, since there a mistake
 * would corrupt memory instead of throwing.
 *
 * <h2>Where the time goes</h2>
 * On UCI Adult (mains, one bag: about 134,000 steps over 27,700 training and 4,900 validation rows)
 * {@link #applyGradientsHistogram} takes about 90 % of a fit, {@link #applyAndLoss} about 8 %;
 * {@link #applyAndGradients} and {@link #histogram} serve FAST and the sharded mode. A faster kernel
 * speeds fits up nearly in proportion.
 *
 * <h2>Discovery</h2>
 * Implementations register under {@code META-INF/services/io.sparkxai.ebm.kernel.HistogramKernel}.
 * {@link Kernels#selected()} picks the available one with the highest {@link #rank()} once per JVM
 * and logs it; {@code -Dsparkxai.kernel=NAME} forces one by {@link #name()}.
 */
public interface HistogramKernel {

  /** Short lower-case name, as {@code -Dsparkxai.kernel} takes it ({@code java}, {@code vector}, {@code native}). */
  String name();

  /** What exactly runs, for logs and provenance (by default the name; the native kernel adds its instruction set). */
  default String description() {
    return name();
  }

  /** Preference among available kernels: higher wins. The reference Java kernel has rank 0. */
  int rank();

  /** Whether this kernel can run in this JVM (natives loaded, CPU features present, modules present). */
  boolean isAvailable();

  /** Why {@link #isAvailable()} is false, or an empty string. */
  default String unavailableReason() {
    return "";
  }

  /**
   * The fused step: applies an update (when {@code applyCodes} is not null), recomputes gradient and
   * hessian, and adds them into the histogram of {@code histCodes}, for rows {@code [from, to)}.
   */
  void applyGradientsHistogram(KernelRows rows, short[] applyCodes, double[] update, short[] histCodes,
      double[] hist, int from, int to);

  /**
   * Applies an update (when {@code applyCodes} is not null) and returns the weighted loss summed over
   * rows {@code [from, to)} (the validation step).
   */
  double applyAndLoss(KernelRows rows, short[] applyCodes, double[] update, int from, int to);

  /**
   * Applies an update (when {@code applyCodes} is not null), then writes gradient and hessian of
   * rows {@code [from, to)} into {@code grad} and {@code hess}.
   */
  void applyAndGradients(KernelRows rows, short[] applyCodes, double[] update, double[] grad, double[] hess,
      int from, int to);

  /** Adds stored gradients and hessians of rows {@code [from, to)} into the histogram of {@code codes}. */
  default void histogram(int k, short[] codes, double[] grad, double[] hess, double[] hist, int from, int to) {
    JavaKernel.histogramOf(k, codes, grad, hess, hist, from, to);
  }
}
