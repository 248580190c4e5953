package io.sparkxai.lrp;

/**
 * A row that cannot be explained (an undecodable image, a wrong size or channel count, a null, a
 * value that is not finite, a bad target): its message says why, and {@link LrpExplainer}'s
 * {@code handleInvalid} decides whether the job fails, the row is skipped (and counted) or kept with
 * the message in the error column.
 */
public final class InvalidInput extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A row that cannot be explained, and why. */
  public InvalidInput(String reason) {
    super(reason, null, false, false);
  }
}
