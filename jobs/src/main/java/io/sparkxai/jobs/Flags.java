package io.sparkxai.jobs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects the flags a user gave as configuration keys, skipping those left unset, so that a flag
 * overrides the configuration only when it is on the command line.
 */
final class Flags {
  private final Map<String, String> values = new LinkedHashMap<>();

  /** Adds {@code key = value} when {@code value} is not null. */
  Flags put(String key, Object value) {
    if (value != null) {
      values.put(key, String.valueOf(value));
    }
    return this;
  }

  Map<String, String> asMap() {
    return values;
  }
}
