package io.sparkxai.concepts.params;

import io.sparkxai.params.ParamDecl;
import io.sparkxai.params.Rule;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;

/**
 * The entropy logic explainer's own params: the network's widths, the attention's temperature and
 * entropy weight, and how the formulas are extracted.
 *
 * @param <S> the estimator
 */
public interface EntropyLogicParams<S extends EntropyLogicParams<S>>
    extends ConceptTaskParams<S>, NetworkTrainingParams<S> {
  ParamDecl<int[]> HIDDEN_SIZES = ParamDecl.ofInts("hiddenSizes",
      "widths of the entropy layer (first) and of the hidden layers after it", new int[] {10, 4}, Rule.any());
  ParamDecl<Double> TEMPERATURE = ParamDecl.ofDouble("temperature",
      "temperature τ of the concept attention softmax (> 0)", 0.6, Rule.above(0));
  ParamDecl<Double> ENTROPY_WEIGHT = ParamDecl.ofDouble("entropyWeight", "weight of the attention-entropy loss (>= 0)",
      1e-4, Rule.atLeast(0.0));
  ParamDecl<Integer> MAX_EXPLANATION_CONCEPTS = ParamDecl.ofInt("maxExplanationConcepts",
      "most concepts one class's formula may use, the most attended first (1..16)", 10, Rule.between(1, 16));
  ParamDecl<String> UNSEEN_TUPLES = ParamDecl.ofString("unseenTuples",
      "concept tuples no correctly predicted training row shows: dont_care (the minimiser may use them) or false",
      "dont_care", Rule.exactlyOneOf("dont_care", "false"));

  /** Widths of the entropy layer and the layers after it (default 10, 4). */
  default IntArrayParam hiddenSizes() {
    return intArrayParam(HIDDEN_SIZES);
  }

  default int[] getHiddenSizes() {
    return valueOf(HIDDEN_SIZES);
  }

  default S setHiddenSizes(int... value) {
    return setValue(HIDDEN_SIZES, value);
  }

  /** Attention temperature τ (default 0.6). */
  default DoubleParam temperature() {
    return doubleParam(TEMPERATURE);
  }

  default double getTemperature() {
    return valueOf(TEMPERATURE);
  }

  default S setTemperature(double value) {
    return setValue(TEMPERATURE, value);
  }

  /** Entropy loss weight (default 1e-4). */
  default DoubleParam entropyWeight() {
    return doubleParam(ENTROPY_WEIGHT);
  }

  default double getEntropyWeight() {
    return valueOf(ENTROPY_WEIGHT);
  }

  default S setEntropyWeight(double value) {
    return setValue(ENTROPY_WEIGHT, value);
  }

  /** Most concepts per class formula (default 10). */
  default IntParam maxExplanationConcepts() {
    return intParam(MAX_EXPLANATION_CONCEPTS);
  }

  default int getMaxExplanationConcepts() {
    return valueOf(MAX_EXPLANATION_CONCEPTS);
  }

  default S setMaxExplanationConcepts(int value) {
    return setValue(MAX_EXPLANATION_CONCEPTS, value);
  }

  /** How unseen tuples are treated in the minimisation (default {@code dont_care}). */
  default Param<String> unseenTuples() {
    return declared(UNSEEN_TUPLES);
  }

  default String getUnseenTuples() {
    return valueOf(UNSEEN_TUPLES);
  }

  default S setUnseenTuples(String value) {
    return setValue(UNSEEN_TUPLES, value);
  }
}
