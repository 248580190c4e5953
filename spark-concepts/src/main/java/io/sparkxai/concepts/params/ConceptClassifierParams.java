package io.sparkxai.concepts.params;

import io.sparkxai.params.ParamDecl;
import io.sparkxai.params.Rule;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;

/**
 * What the bottleneck and embedding classifiers share beyond their columns and training: the
 * encoder and head widths and the weights of the joint loss. The embedding classifier defaults the
 * widths to its own recipe (encoder 10, no head hidden layer).
 *
 * @param <S> the estimator
 */
public interface ConceptClassifierParams<S extends ConceptClassifierParams<S>>
    extends ConceptModelParams<S>, NetworkTrainingParams<S> {
  ParamDecl<int[]> ENCODER_HIDDEN_SIZES = ParamDecl.ofInts("encoderHiddenSizes",
      "hidden layer widths of the concept encoder", new int[] {10, 8}, Rule.any());
  ParamDecl<int[]> HEAD_HIDDEN_SIZES = ParamDecl.ofInts("headHiddenSizes", "hidden layer widths of the task head",
      new int[] {8}, Rule.any());
  ParamDecl<Double> CONCEPT_LOSS_WEIGHT = ParamDecl.ofDouble("conceptLossWeight", "weight of the concept loss (>= 0)",
      1.0, Rule.atLeast(0.0));
  ParamDecl<Double> TASK_LOSS_WEIGHT = ParamDecl.ofDouble("taskLossWeight", "weight of the task loss (>= 0)", 0.2,
      Rule.atLeast(0.0));

  /** Encoder hidden widths (default 10, 8: the blog recipe); checked to be >= 1 when fitting. */
  default IntArrayParam encoderHiddenSizes() {
    return intArrayParam(ENCODER_HIDDEN_SIZES);
  }

  default int[] getEncoderHiddenSizes() {
    return valueOf(ENCODER_HIDDEN_SIZES);
  }

  default S setEncoderHiddenSizes(int... value) {
    return setValue(ENCODER_HIDDEN_SIZES, value);
  }

  /** Head hidden widths (default 8). */
  default IntArrayParam headHiddenSizes() {
    return intArrayParam(HEAD_HIDDEN_SIZES);
  }

  default int[] getHeadHiddenSizes() {
    return valueOf(HEAD_HIDDEN_SIZES);
  }

  default S setHeadHiddenSizes(int... value) {
    return setValue(HEAD_HIDDEN_SIZES, value);
  }

  /** Weight of the concept loss in joint training (default 1). */
  default DoubleParam conceptLossWeight() {
    return doubleParam(CONCEPT_LOSS_WEIGHT);
  }

  default double getConceptLossWeight() {
    return valueOf(CONCEPT_LOSS_WEIGHT);
  }

  default S setConceptLossWeight(double value) {
    return setValue(CONCEPT_LOSS_WEIGHT, value);
  }

  /** Weight of the task loss in joint training (default 0.2: BCE(c) + 0.2·BCE(y), the blog recipe). */
  default DoubleParam taskLossWeight() {
    return doubleParam(TASK_LOSS_WEIGHT);
  }

  default double getTaskLossWeight() {
    return valueOf(TASK_LOSS_WEIGHT);
  }

  default S setTaskLossWeight(double value) {
    return setValue(TASK_LOSS_WEIGHT, value);
  }
}
