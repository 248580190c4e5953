package io.sparkxai.lrp.core;

import java.util.Set;

/**
 * How relevance is computed, apart from the target: the composite (rules per layer), whether biases
 * are left out of every denominator ({@code zeroBias}: the conservative rules then sum exactly to the
 * initial relevance), the canonizers applied to the graph first, and the initial relevance.
 *
 * @param composite the rules
 * @param zeroBias leave biases out of all denominators
 * @param canonizers graph rewrites applied first ({@link Canonizer#ALL} by default)
 * @param init one-hot times one or times the output value
 */
public record LrpOptions(Composite composite, boolean zeroBias, Set<Canonizer> canonizers, Init init) {

  /** Checks and copies. */
  public LrpOptions {
    if (composite == null || init == null) {
      throw new IllegalArgumentException("LrpOptions needs a composite and an init");
    }
    canonizers = Set.copyOf(canonizers);
  }

  /** The composite with both canonizers, biases kept, init one. */
  public static LrpOptions of(Composite composite) {
    return new LrpOptions(composite, false, Canonizer.ALL, Init.ONE);
  }

  /** The same with zeroBias set. */
  public LrpOptions withZeroBias(boolean zero) {
    return new LrpOptions(composite, zero, canonizers, init);
  }

  /** The same with other canonizers. */
  public LrpOptions withCanonizers(Set<Canonizer> c) {
    return new LrpOptions(composite, zeroBias, c, init);
  }

  /** The same with another init. */
  public LrpOptions withInit(Init i) {
    return new LrpOptions(composite, zeroBias, canonizers, i);
  }
}
