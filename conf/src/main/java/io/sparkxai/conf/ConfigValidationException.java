package io.sparkxai.conf;

/**
 * A configuration that cannot be used: a missing or unreadable file, an unknown key, or a value that
 * breaks its rule. The message is one line naming the key (or file), the value and what is allowed.
 */
public final class ConfigValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message one line: key or file, value, and what is allowed */
  public ConfigValidationException(String message) {
    super(message);
  }
}
