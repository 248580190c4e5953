package io.sparkxai.ebm.core;

/**
 * The Newton-step arithmetic the tree fitters share: leaf values {@code -lr * G/H} and split gains
 * from partial gains {@code G^2/H} (Li 2012, "Robust LogitBoost", eq. 7), with libebm's guards for
 * hessians below the smallest normal double.
 */
final class NewtonStep {

  /** The least gain a split must reach (libebm's {@code k_gainMin}, the smallest normal double). */
  static final double GAIN_MIN = Double.MIN_NORMAL;

  private NewtonStep() {}

  /** {@code -lr * G/H}, or 0 when H is below the smallest normal double (libebm's CalcNegUpdate). */
  static double leafValue(double g, double h, double learningRate) {
    return h < Double.MIN_NORMAL ? 0.0 : -learningRate * (g / h);
  }

  /** {@code G^2/H}. */
  static double partialGain(double g, double h) {
    return g / h * g;
  }

  /** {@code G^2/H}, or 0 when H is below the smallest normal double. */
  static double partialGainChecked(double g, double h) {
    return h < Double.MIN_NORMAL ? 0.0 : g / h * g;
  }
}
