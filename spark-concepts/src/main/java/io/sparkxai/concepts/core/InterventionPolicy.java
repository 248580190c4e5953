package io.sparkxai.concepts.core;


/**
 * Which concepts to intervene on first, per row. Interventions replace predicted concepts by their
 * true values (Koh et al. 2020, section 6); a policy orders a row's concepts so that intervening on
 * k concepts means the first k of the order, and the sets grow by one along an intervention curve.
 */
public enum InterventionPolicy {
  /** No interventions. */
  NONE,
  /** A uniformly random order per row, drawn from the policy seed and the row's content. */
  RANDOM,
  /** Most uncertain first: predicted probability closest to ½ (ties: lower concept index). */
  UNCERTAINTY;

  /** The param value: {@code none}, {@code random}, {@code uncertainty}. */
  public String paramName() {
    return ParamNames.of(this);
  }

  /** The policy called {@code name}; the error lists the names. */
  public static InterventionPolicy of(String name) {
    return ParamNames.lookup(InterventionPolicy.class, name, "intervention policy");
  }

  /**
   * The order of one row's concepts.
   *
   * @param probabilities the row's predicted concept probabilities, at {@code offset}
   * @param rowSeed a seed that depends only on the row and the policy seed (for {@link #RANDOM})
   */
  public int[] order(double[] probabilities, int offset, int concepts, long rowSeed) {
    if (this == RANDOM) {
      return Seeds.permutation(concepts, rowSeed);
    }
    Integer[] idx = new Integer[concepts];
    for (int j = 0; j < concepts; j++) {
      idx[j] = j;
    }
    if (this == UNCERTAINTY) {
      java.util.Arrays.sort(idx, (a, b) -> {
        int c = Double.compare(Math.abs(probabilities[offset + a] - 0.5), Math.abs(probabilities[offset + b] - 0.5));
        return c != 0 ? c : Integer.compare(a, b);
      });
    }
    int[] out = new int[concepts];
    for (int j = 0; j < concepts; j++) {
      out[j] = idx[j];
    }
    return out;
  }
}
