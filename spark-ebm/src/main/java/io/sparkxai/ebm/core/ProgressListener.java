package io.sparkxai.ebm.core;

/**
 * Receives boosting progress (the Spark layer turns it into log lines; tests may count calls).
 * Called from the boosting thread; implementations must be cheap.
 */
public interface ProgressListener {

  /**
   * A schedule round finished.
   *
   * @param stage "mains" or "pairs"
   * @param round rounds finished
   * @param steps boosting steps applied so far
   * @param validationLoss the latest validation loss (NaN when none)
   * @param elapsedNanos time since the stage began
   */
  void round(String stage, int round, long steps, double validationLoss, long elapsedNanos);

  /** The stage ended (same arguments, {@code validationLoss} that of the kept model). */
  default void done(String stage, int rounds, long steps, double validationLoss, long elapsedNanos) {}
}
