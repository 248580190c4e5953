package io.sparkxai.concepts.core;

import ai.djl.ndarray.NDArray;

/** Test-time (and training-time) concept interventions on predicted concept probabilities. */
final class Interventions {

  private Interventions() {}

  /**
   * {@code p + mask · (truth − p)}: where the mask is 1 the true concept replaces the prediction
   * (Koh et al. 2020, section 6); no gradient reaches the encoder through an intervened concept.
   */
  static NDArray mix(NDArray predicted, NDArray truth, NDArray mask) {
    return predicted.add(mask.mul(truth.sub(predicted)));
  }
}
