package io.sparkxai.concepts.core;

import java.io.Serializable;

/**
 * One shard's training rows as flat row-major arrays: {@code features[r * numFeatures + j]},
 * {@code concepts[r * numConcepts + j]}, {@code labels[r]} (the class index as a float). Rows are
 * in the order the caller fixed (by row key), which training relies on for determinism.
 *
 * @param rows number of rows
 * @param numFeatures features per row (0 when the network reads only concepts)
 * @param numConcepts concepts per row
 * @param features the features
 * @param concepts the concept values in [0, 1]
 * @param labels the class indices
 */
public record TrainingData(int rows, int numFeatures, int numConcepts, float[] features, float[] concepts,
    float[] labels) implements Serializable {

  /** Checks the array sizes. */
  public TrainingData {
    if (features.length != (long) rows * numFeatures || concepts.length != (long) rows * numConcepts
        || labels.length != rows) {
      throw new IllegalArgumentException("training arrays do not match " + rows + " rows of " + numFeatures
          + " features and " + numConcepts + " concepts: " + features.length + ", " + concepts.length + ", "
          + labels.length + " values");
    }
  }
}
