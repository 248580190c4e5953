package io.sparkxai.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Collects the flags a user gave as configuration keys, skipping those left unset, so that a flag
 * overrides the configuration only when it is on the command line; {@link #ifGiven} does the same
 * for a flag that sets a stage param.
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

  /** Passes {@code value} to {@code use} (a param's setter) when the flag was given, that is, not null. */
  static <T> void ifGiven(T value, Consumer<? super T> use) {
    if (value != null) {
      use.accept(value);
    }
  }
}
