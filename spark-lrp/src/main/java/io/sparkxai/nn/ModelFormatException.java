package io.sparkxai.nn;

/** A model file that cannot be read: not the expected format, truncated, or using an unsupported operator. */
public final class ModelFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** @param message names the file and, where known, the node, operator and value */
  public ModelFormatException(String message) {
    super(message);
  }

  /** @param message names the file and what is wrong */
  public ModelFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
