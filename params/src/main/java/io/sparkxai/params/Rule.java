package io.sparkxai.params;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A rule a param value must follow. {@link #violation} returns {@code null} for a good value, else
 * what the value must be ({@code ">= 3"}); {@link ParamDecl} turns that into the message
 * {@code "maxBins must be >= 3, got 1"}, thrown where the value is set.
 *
 * @param <T> the param's value type
 */
@FunctionalInterface
public interface Rule<T> extends Serializable {

  /** {@code null} when {@code value} is allowed, else what it must be (completes "NAME must be ..."). */
  String violation(T value);

  /**
   * What a {@code null} value must be instead (completes "NAME must be ..."). {@code "set (not null)"}
   * unless the rule was made by {@link #withNullMessage}.
   */
  default String nullViolation() {
    return "set (not null)";
  }

  /**
   * This rule, saying {@code mustBe} when the value is {@code null}, for params whose message for a
   * missing value is part of their contract ({@code "labelCol must be a string, got null"}).
   */
  default Rule<T> withNullMessage(String mustBe) {
    Rule<T> rule = this;
    return new Rule<T>() {
      private static final long serialVersionUID = 1L;

      @Override
      public String violation(T value) {
        return rule.violation(value);
      }

      @Override
      public String nullViolation() {
        return mustBe;
      }
    };
  }

  /** Every value, {@code null} included. */
  static <T> Rule<T> any() {
    return v -> null;
  }

  /** Whole numbers at least {@code min}. */
  static Rule<Integer> atLeast(int min) {
    return v -> v >= min ? null : ">= " + min;
  }

  /** Whole numbers from {@code min} to {@code max}, both included. */
  static Rule<Integer> between(int min, int max) {
    return v -> v >= min && v <= max ? null : "in [" + min + ", " + max + "]";
  }

  /** Longs at least {@code min}. */
  static Rule<Long> atLeastLong(long min) {
    return v -> v >= min ? null : ">= " + min;
  }

  /** Numbers at least {@code min} (NaN is not). */
  static Rule<Double> atLeast(double min) {
    return v -> v >= min ? null : ">= " + min;
  }

  /** Finite numbers above {@code min}. */
  static Rule<Double> above(double min) {
    return v -> v > min && Double.isFinite(v) ? null : "a finite number > " + min;
  }

  /** Numbers in {@code [0, 1)}. */
  static Rule<Double> fraction() {
    return v -> v >= 0 && v < 1 ? null : "in [0, 1)";
  }

  /** Numbers in {@code [0, 1]}. */
  static Rule<Double> probability() {
    return v -> v >= 0 && v <= 1 ? null : "in [0, 1]";
  }

  /** One of {@code allowed}, ignoring case. */
  static Rule<String> oneOf(String... allowed) {
    List<String> names = List.of(allowed);
    return v -> v != null && names.contains(v.toLowerCase(Locale.ROOT)) ? null
        : "one of " + String.join(", ", allowed);
  }

  /** One of {@code allowed}, exactly as written (for values that code compares as written). */
  static Rule<String> exactlyOneOf(String... allowed) {
    List<String> names = List.of(allowed);
    return v -> v != null && names.contains(v) ? null : "one of " + String.join(", ", allowed);
  }

  /** A non-empty string. */
  static Rule<String> nonEmpty() {
    return v -> v != null && !v.isEmpty() ? null : "a non-empty string";
  }

  /** Names without repeats, none of them empty. */
  static Rule<String[]> distinctNames() {
    return v -> {
      Set<String> seen = new HashSet<>();
      for (String s : v) {
        if (s == null || s.isEmpty()) {
          return "names that are not empty";
        }
        if (!seen.add(s)) {
          return "distinct names (\"" + s + "\" repeats)";
        }
      }
      return null;
    };
  }

  /** Arrays whose every element is at least {@code min}. */
  static Rule<int[]> allAtLeast(int min) {
    return v -> Arrays.stream(v).allMatch(x -> x >= min) ? null : "whole numbers >= " + min;
  }

  /** Shows a value as the messages quote it: strings in quotes, arrays as lists. */
  static String describe(Object value) {
    if (value instanceof String[] a) {
      return Arrays.toString(a);
    }
    if (value instanceof int[] a) {
      return Arrays.toString(a);
    }
    if (value instanceof double[] a) {
      return Arrays.toString(a);
    }
    return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
  }
}
