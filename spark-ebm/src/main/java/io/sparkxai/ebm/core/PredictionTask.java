package io.sparkxai.ebm.core;

import io.sparkxai.ebm.kernel.Objective;

/** What an EBM predicts, and the loss it boosts. */
public enum PredictionTask {
  /** Two classes, labels 0 and 1; log loss on the logit. */
  BINARY,
  /** K >= 3 classes, labels 0..K-1; multiclass log loss on softmax scores. */
  MULTICLASS,
  /** A real target; squared error. */
  REGRESSION;

  /** The kernel objective of this task. */
  public Objective objective() {
    switch (this) {
      case BINARY:
        return Objective.LOGISTIC;
      case MULTICLASS:
        return Objective.SOFTMAX;
      default:
        return Objective.SQUARED;
    }
  }

  /** Scores per row: the class count for multiclass, else 1. */
  public int scores(int classes) {
    return this == MULTICLASS ? classes : 1;
  }

  /** Whether validation splits are stratified by class. */
  public boolean classification() {
    return this != REGRESSION;
  }
}
