package io.sparkxai.ebm;

import io.sparkxai.ebm.core.PairRanking;
import io.sparkxai.params.Rule;
import java.util.Arrays;

/**
 * The rules of EBM params that the shared {@link Rule} factories do not cover, with the messages
 * spark-ebm has always given ({@code "inputCols must be a list of distinct names, got [a, a]"}).
 */
final class EbmRules {

  private static final String INTERACTIONS = "a count (\"10\", \"0\") or a multiple of the feature count (\"3x\")";

  private static final String MONOTONE = "a list of \"feature=direction\" entries, direction 1, +1, -1 or 0, each "
      + "feature once";

  private EbmRules() {}

  /** A column name or other text; empty is allowed (it means "none" for optional columns). */
  static Rule<String> text() {
    return Rule.<String>any().withNullMessage("a string");
  }

  /** One of {@code allowed}, ignoring case. */
  static Rule<String> oneOf(String... allowed) {
    return Rule.oneOf(allowed).withNullMessage("one of " + String.join(", ", allowed));
  }

  /** Feature or column names: none empty, none repeated. */
  static Rule<String[]> names() {
    Rule<String[]> rule = v -> {
      for (String s : v) {
        if (s == null || s.isEmpty()) {
          return "a list of non-empty names";
        }
      }
      return Arrays.stream(v).distinct().count() == v.length ? null : "a list of distinct names";
    };
    return rule.withNullMessage("a list of names");
  }

  /** Monotone constraints: {@code "feature=1"}, {@code "=+1"}, {@code "=-1"} or {@code "=0"}, each feature once. */
  static Rule<String[]> monotone() {
    Rule<String[]> rule = v -> {
      try {
        MonotoneConstraints.parse(v);
        return null;
      } catch (IllegalArgumentException e) {
        return MONOTONE;
      }
    };
    return rule.withNullMessage(MONOTONE);
  }

  /** The {@code interactions} syntax: a count ("10", "0") or a multiple of the feature count ("3x"). */
  static Rule<String> interactions() {
    Rule<String> rule = v -> {
      try {
        PairRanking.count(v, 1);
        return null;
      } catch (IllegalArgumentException e) {
        return INTERACTIONS;
      }
    };
    return rule.withNullMessage(INTERACTIONS);
  }
}
