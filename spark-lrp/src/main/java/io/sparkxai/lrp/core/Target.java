package io.sparkxai.lrp.core;

/**
 * Which output is explained: the predicted class (argmax), a fixed class index, a class per row, or
 * the raw output itself (regression: every output's value is its own initial relevance).
 */
public sealed interface Target {

  /** The class with the largest output, per row. */
  record Predicted() implements Target {}

  /** The same class index for every row. */
  record Index(int index) implements Target {
    /** Checks the index. */
    public Index {
      if (index < 0) {
        throw new IllegalArgumentException("target index must be >= 0, got " + index);
      }
    }
  }

  /** One class index per row of the batch. */
  record PerRow(int[] indices) implements Target {
    /** Copies the indices. */
    public PerRow {
      indices = indices.clone();
    }

    @Override public int[] indices() { return indices.clone(); }
  }

  /** The raw output (regression). */
  record RawOutput() implements Target {}

  /** The predicted class. */
  static Target predicted() {
    return new Predicted();
  }

  /** A fixed class. */
  static Target index(int k) {
    return new Index(k);
  }

  /** A class per row. */
  static Target perRow(int[] indices) {
    return new PerRow(indices);
  }

  /** The raw output. */
  static Target rawOutput() {
    return new RawOutput();
  }
}
