package io.sparkxai.ebm.kernel;

/**
 * The loss a kernel differentiates. Per row with score {@code s}, label {@code y} and weight {@code w}
 * the kernel writes the weighted gradient {@code g} and hessian {@code h} of the loss in {@code s}:
 * <ul>
 *   <li>{@link #LOGISTIC} (binary, {@code y} in {0, 1}): {@code p = 1 / (1 + e^-s)}, {@code g = w (p - y)},
 *       {@code h = w p (1 - p)}, loss {@code w log(1 + e^-s)} for y = 1 and {@code w log(1 + e^s)} for y = 0;</li>
 *   <li>{@link #SQUARED} (regression): {@code g = w (s - y)}, {@code h = w}, loss {@code w (s - y)^2};</li>
 *   <li>{@link #SOFTMAX} (K classes, {@code y} the class index): {@code p_k = e^(s_k) / sum_j e^(s_j)},
 *       {@code g_k = w (p_k - [y = k])}, {@code h_k = w p_k (1 - p_k)}, loss {@code -w log p_y}.</li>
 * </ul>
 * These are the gradients and diagonal hessians interpretml's libebm uses for log loss and RMSE
 * (its RMSE objective scales both by 2, which cancels in every update and gain ratio).
 */
public enum Objective {
  /** Binary log loss with the logit link. */
  LOGISTIC,
  /** Squared error with the identity link. */
  SQUARED,
  /** Multiclass log loss with the softmax link. */
  SOFTMAX
}
