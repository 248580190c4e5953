package io.sparkxai.concepts.core;

import java.io.Serializable;

/**
 * How many rows share one packed concept tuple, label and prediction: the unit the Spark layer
 * aggregates rows into (a group-by on bit-packed tuples), so that explanations, their metrics and
 * the concept ceiling cost a pass over distinct tuples, not over rows.
 *
 * @param tuple the concepts thresholded at ½, bit j = concept j
 * @param label the true class
 * @param prediction the predicted class (-1 where none was made)
 * @param count rows
 */
public record TupleCount(long tuple, int label, int prediction, long count) implements Serializable {}
