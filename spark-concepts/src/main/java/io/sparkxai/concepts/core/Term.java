package io.sparkxai.concepts.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A conjunction of concept literals, over at most 63 concepts: bit j of {@code care} says concept j
 * appears, bit j of {@code value} whether it appears plain (1) or negated (0). The empty term is
 * true. A row's concepts, thresholded at ½, are packed the same way (bit j = concept j is true), so
 * a term holds for a row when {@code (row & care) == value}.
 *
 * @param care which concepts the term mentions
 * @param value their required truth values (only bits in {@code care} may be set)
 */
public record Term(long care, long value) implements Comparable<Term> {

  /** Checks that {@code value} sets no bit outside {@code care}. */
  public Term {
    if ((value & ~care) != 0) {
      throw new IllegalArgumentException("term value " + Long.toBinaryString(value) + " sets concepts outside its care mask "
          + Long.toBinaryString(care));
    }
  }

  /** Whether the term holds for the packed concept tuple {@code tuple}. */
  public boolean holds(long tuple) {
    return (tuple & care) == value;
  }

  /** Number of literals. */
  public int literals() {
    return Long.bitCount(care);
  }

  /** The term with concept names: {@code c0 ∧ ¬c1}, or {@code true} for the empty term. */
  public String toString(List<String> names) {
    if (care == 0) {
      return "true";
    }
    List<String> parts = new ArrayList<>();
    for (int j = 0; j < 64; j++) {
      if ((care >>> j & 1) != 0) {
        String name = j < names.size() ? names.get(j) : "c" + j;
        parts.add(((value >>> j & 1) != 0 ? "" : "¬") + name);
      }
    }
    return String.join(" ∧ ", parts);
  }

  /** Fewer literals first, then by the concepts mentioned, then by their values (a stable print order). */
  @Override
  public int compareTo(Term o) {
    int c = Integer.compare(literals(), o.literals());
    if (c != 0) {
      return c;
    }
    c = Long.compareUnsigned(Long.reverse(o.care), Long.reverse(care));
    if (c != 0) {
      return c;
    }
    return Long.compareUnsigned(Long.reverse(o.value), Long.reverse(value));
  }
}
