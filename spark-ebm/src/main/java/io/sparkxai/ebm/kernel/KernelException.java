package io.sparkxai.ebm.kernel;

/**
 * A kernel refused its input or failed: a score that is NaN or infinite after an update (the model
 * diverged, or a NaN reached the scores), a bin code outside the histogram, arguments that do not fit
 * the arrays, or native memory exhausted. Every kernel reports these the same way; the native kernel's
 * return codes are turned into this exception by its facade.
 */
public final class KernelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Reason {
    /** A score is NaN or infinite after applying an update. */
    NON_FINITE_SCORE,
    /** A bin code is negative or not below the histogram's (or the update's) cell count. */
    CODE_OUT_OF_RANGE,
    /** Arguments that do not fit the arrays (a bug in the caller). */
    BAD_ARGUMENT,
    /** The native kernel could not allocate its working memory. */
    OUT_OF_MEMORY
  }

  private final Reason reason;

  /**
   * @param reason what went wrong
   * @param message the details: kernel, row, value
   */
  public KernelException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** What went wrong. */
  public Reason reason() {
    return reason;
  }

  /** The error for a non-finite score at row {@code row} (class {@code c} of {@code k}). */
  static KernelException nonFinite(String kernel, float[] scores, int row, int k) {
    StringBuilder values = new StringBuilder();
    for (int c = 0; c < k; c++) {
      values.append(c == 0 ? "" : ", ").append(scores[row * k + c]);
    }
    return new KernelException(Reason.NON_FINITE_SCORE, "the " + kernel + " kernel found a non-finite score at row "
        + row + " (" + values + ") after applying the term update: boosting diverged or a NaN reached the scores "
        + "(check the learning rate, labels and weights)");
  }

  /** The error for a non-finite score somewhere in rows [from, to): finds the first one. */
  static KernelException nonFinite(String kernel, float[] scores, int k, int from, int to) {
    for (int i = from; i < to; i++) {
      for (int c = 0; c < k; c++) {
        float s = scores[i * k + c];
        if (!(Math.abs(s) <= Float.MAX_VALUE)) {
          return nonFinite(kernel, scores, i, k);
        }
      }
    }
    return new KernelException(Reason.NON_FINITE_SCORE, "the " + kernel + " kernel found a non-finite score in rows ["
        + from + ", " + to + ")");
  }
}
