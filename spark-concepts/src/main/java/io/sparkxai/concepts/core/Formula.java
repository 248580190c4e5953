package io.sparkxai.concepts.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * A logic formula in disjunctive normal form over concepts: an OR of {@link Term}s. No terms is
 * false; one empty term is true. Terms are deduplicated and kept in a stable order (fewer literals
 * first), so equal formulas print equally.
 */
public final class Formula {

  /** The formula that never holds. */
  public static final Formula FALSE = new Formula(List.of());
  /** The formula that always holds. */
  public static final Formula TRUE = new Formula(List.of(new Term(0, 0)));

  private final List<Term> terms;

  /** A formula of the given terms (duplicates dropped, order normalised). */
  public Formula(List<Term> terms) {
    this.terms = List.copyOf(new TreeSet<>(terms));
  }

  /** The terms, in print order. */
  public List<Term> terms() {
    return terms;
  }

  /** Whether the formula holds for the packed concept tuple. */
  public boolean holds(long tuple) {
    for (Term t : terms) {
      if (t.holds(tuple)) {
        return true;
      }
    }
    return false;
  }

  /** Number of literals over all terms (the complexity measure of Barbiero et al. 2022). */
  public int complexity() {
    int n = 0;
    for (Term t : terms) {
      n += t.literals();
    }
    return n;
  }

  /** With concept names: {@code (c0 ∧ ¬c1) ∨ (¬c0 ∧ c1)}; {@code false} and {@code true} for the constants. */
  public String toString(List<String> names) {
    if (terms.isEmpty()) {
      return "false";
    }
    List<String> parts = new ArrayList<>();
    for (Term t : terms) {
      String s = t.toString(names);
      parts.add(terms.size() > 1 && t.literals() > 1 ? "(" + s + ")" : s);
    }
    return String.join(" ∨ ", parts);
  }

  @Override
  public String toString() {
    return toString(Collections.emptyList());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Formula && ((Formula) o).terms.equals(terms);
  }

  @Override
  public int hashCode() {
    return terms.hashCode();
  }
}
