package io.sparkxai.jobs;

/**
 * Bad usage found before any work starts: a missing file, a flag value out of range. Main prints
 * the message as one line and exits with code 2.
 */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message one line naming the flag, file or value and what is expected */
  public UsageException(String message) {
    super(message);
  }
}
