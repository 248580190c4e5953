package io.sparkxai.ebm;

import io.sparkxai.ebm.core.LabelStats;
import io.sparkxai.ebm.core.PredictionTask;
import io.sparkxai.ebm.core.ScanStats;

/**
 * The task and class count that the scanned labels call for; bad labels and weights are refused here,
 * before any boosting, with counts and an example.
 *
 * @param task what the model predicts
 * @param classes class count (2 for binary, 1 for regression)
 */
record LabelCheck(PredictionTask task, int classes) {

  /** Checks the scan's label facts against the estimator's settings. */
  static LabelCheck of(ScanStats stats, EbmSettings s) {
    String col = s.labelCol();
    if (stats.rows() == 0) {
      throw new IllegalArgumentException("the training DataFrame is empty" + (stats.skipped() > 0 ? ": all "
          + stats.skipped() + " rows were skipped for a null, NaN or infinite label or weight" : ""));
    }
    if (stats.badLabels() > 0) {
      throw new IllegalArgumentException("label column '" + col + "' is null, NaN or infinite in " + stats.badLabels()
          + " of " + stats.rows() + " rows; set handleInvalid=skip to train without them");
    }
    if (stats.badWeights() > 0) {
      throw new IllegalArgumentException("weight column '" + s.weightCol() + "' is null, NaN, negative or infinite in "
          + stats.badWeights() + " rows (first: " + stats.firstBadWeight() + "); set handleInvalid=skip to train "
          + "without them");
    }
    if (!(stats.weightSum() > 0)) {
      throw new IllegalArgumentException("weight column '" + s.weightCol() + "' is 0 in every row");
    }
    return s.classifier() ? classes(stats, s) : new LabelCheck(PredictionTask.REGRESSION, 1);
  }

  private static LabelCheck classes(ScanStats stats, EbmSettings s) {
    String col = s.labelCol();
    LabelStats l = stats.label();
    long odd = l.nonInteger() + l.negative() + l.tooLarge();
    if (odd > 0) {
      throw new IllegalArgumentException("label column '" + col + "' must hold class indexes 0, 1, ..., "
          + (LabelStats.MAX_CLASSES - 1) + "; " + odd + " rows hold other values, e.g. " + l.firstOddValue()
          + " (index string labels with StringIndexer)");
    }
    long[] counts = l.classCounts();
    int present = 0;
    for (long c : counts) {
      if (c > 0) {
        present++;
      }
    }
    if (present < 2) {
      throw new IllegalArgumentException("label column '" + col + "' has a single class ("
          + (counts.length - 1) + ") in all " + stats.rows() + " rows; a classifier needs at least two");
    }
    switch (s.family()) {
      case "binary":
        if (counts.length > 2) {
          throw new IllegalArgumentException("label column '" + col + "' has values outside {0, 1}: class index "
              + (counts.length - 1) + " in " + counts[counts.length - 1] + " rows; family=binary needs labels 0 and 1"
              + " (or use family=multinomial)");
        }
        return new LabelCheck(PredictionTask.BINARY, 2);
      case "multinomial":
        return new LabelCheck(PredictionTask.MULTICLASS, counts.length);
      default:
        return counts.length == 2 ? new LabelCheck(PredictionTask.BINARY, 2)
            : new LabelCheck(PredictionTask.MULTICLASS, counts.length);
    }
  }
}
