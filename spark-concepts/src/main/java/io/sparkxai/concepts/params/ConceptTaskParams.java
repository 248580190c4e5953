package io.sparkxai.concepts.params;

import io.sparkxai.params.DeclaredParams;
import io.sparkxai.params.ParamDecl;
import io.sparkxai.params.Rule;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.StringArrayParam;

/**
 * The columns every concept stage has: the concepts, the label, and the three prediction outputs.
 * Estimators require {@code conceptCols}; fitted models default it to none (they need it only for
 * interventions and evaluation).
 *
 * @param <S> the stage
 */
public interface ConceptTaskParams<S extends ConceptTaskParams<S>> extends DeclaredParams<S> {
  ParamDecl<String[]> CONCEPT_COLS = ParamDecl.ofStrings("conceptCols",
      "numeric concept columns, values in [0, 1] (required to fit; a model's true concepts)", null, Rule.any());
  ParamDecl<String> LABEL_COL = ParamDecl.ofString("labelCol", "label column: class indices 0, 1, ...", "label");
  ParamDecl<String> PREDICTION_COL = ParamDecl.ofString("predictionCol", "output column: predicted class index",
      "prediction");
  ParamDecl<String> PROBABILITY_COL = ParamDecl.ofString("probabilityCol",
      "output column: class probabilities (vector)", "probability");
  ParamDecl<String> RAW_PREDICTION_COL = ParamDecl.ofString("rawPredictionCol", "output column: class scores (vector)",
      "rawPrediction");

  /** Concept columns (required to fit). */
  default StringArrayParam conceptCols() {
    return stringArrayParam(CONCEPT_COLS);
  }

  default String[] getConceptCols() {
    return valueOf(CONCEPT_COLS);
  }

  default S setConceptCols(String... value) {
    return setValue(CONCEPT_COLS, value);
  }

  /** Label column (default {@code label}). */
  default Param<String> labelCol() {
    return declared(LABEL_COL);
  }

  default String getLabelCol() {
    return valueOf(LABEL_COL);
  }

  default S setLabelCol(String value) {
    return setValue(LABEL_COL, value);
  }

  /** Predicted-class output column (default {@code prediction}). */
  default Param<String> predictionCol() {
    return declared(PREDICTION_COL);
  }

  default String getPredictionCol() {
    return valueOf(PREDICTION_COL);
  }

  default S setPredictionCol(String value) {
    return setValue(PREDICTION_COL, value);
  }

  /** Class-probability output column (default {@code probability}). */
  default Param<String> probabilityCol() {
    return declared(PROBABILITY_COL);
  }

  default String getProbabilityCol() {
    return valueOf(PROBABILITY_COL);
  }

  default S setProbabilityCol(String value) {
    return setValue(PROBABILITY_COL, value);
  }

  /** Class-score output column (default {@code rawPrediction}). */
  default Param<String> rawPredictionCol() {
    return declared(RAW_PREDICTION_COL);
  }

  default String getRawPredictionCol() {
    return valueOf(RAW_PREDICTION_COL);
  }

  default S setRawPredictionCol(String value) {
    return setValue(RAW_PREDICTION_COL, value);
  }
}
