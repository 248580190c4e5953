package io.sparkxai.concepts.params;

import io.sparkxai.params.ParamDecl;
import io.sparkxai.params.Rule;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.StringArrayParam;

/**
 * The columns of models from features through concepts to a task (bottleneck and embedding
 * classifiers and their models): where the features come from, and the concept output.
 *
 * @param <S> the stage
 */
public interface ConceptModelParams<S extends ConceptModelParams<S>> extends ConceptTaskParams<S> {
  ParamDecl<String> FEATURES_COL = ParamDecl.ofString("featuresCol",
      "features column (vector or numeric array), used when inputCols is empty", "features");
  ParamDecl<String[]> INPUT_COLS = ParamDecl.ofStrings("inputCols",
      "numeric feature columns (take precedence over featuresCol)", new String[0], Rule.any());
  ParamDecl<String> CONCEPT_PROBABILITY_COL = ParamDecl.ofString("conceptProbabilityCol",
      "output column: the concept probabilities the head used (vector)", "conceptProbabilities");

  /** Features column, a vector or numeric array (default {@code features}); used when inputCols is empty. */
  default Param<String> featuresCol() {
    return declared(FEATURES_COL);
  }

  default String getFeaturesCol() {
    return valueOf(FEATURES_COL);
  }

  default S setFeaturesCol(String value) {
    return setValue(FEATURES_COL, value);
  }

  /** Numeric feature columns (default none: use featuresCol). */
  default StringArrayParam inputCols() {
    return stringArrayParam(INPUT_COLS);
  }

  default String[] getInputCols() {
    return valueOf(INPUT_COLS);
  }

  default S setInputCols(String... value) {
    return setValue(INPUT_COLS, value);
  }

  /** Output column of the concept probabilities (default {@code conceptProbabilities}). */
  default Param<String> conceptProbabilityCol() {
    return declared(CONCEPT_PROBABILITY_COL);
  }

  default String getConceptProbabilityCol() {
    return valueOf(CONCEPT_PROBABILITY_COL);
  }

  default S setConceptProbabilityCol(String value) {
    return setValue(CONCEPT_PROBABILITY_COL, value);
  }
}
