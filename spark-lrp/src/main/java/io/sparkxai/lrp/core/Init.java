package io.sparkxai.lrp.core;

/** The initial relevance at the target output: one, or the output's value (lrp_toolbox's demos use the value). */
public enum Init {
  /** One-hot: relevance 1 at the target. */
  ONE,
  /** One-hot times the target's output value. */
  OUTPUT
}
