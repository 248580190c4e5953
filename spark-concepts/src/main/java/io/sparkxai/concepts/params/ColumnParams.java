package io.sparkxai.concepts.params;

import io.sparkxai.params.DeclaredParams;
import io.sparkxai.params.ParamDecl;
import io.sparkxai.params.Rule;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.StringArrayParam;

/**
 * The columns of the concept stages, as nested params interfaces: {@link Task} (concepts, label
 * and the prediction outputs: every stage), {@link Features} (where the features come from and the
 * concept output: the bottleneck and embedding classifiers and models) and {@link Interventions}
 * (fitted bottleneck and embedding models). One file, like Spark's {@code sharedParams.scala}.
 */
public final class ColumnParams {

  private ColumnParams() {}

  /**
   * The columns every concept stage has: the concepts, the label, and the three prediction outputs.
   * Estimators require {@code conceptCols}; fitted models default it to none (they need it only for
   * interventions and evaluation).
   *
   * @param <S> the stage
   */
  public interface Task<S extends Task<S>> extends DeclaredParams<S> {
    ParamDecl<String[]> CONCEPT_COLS = ParamDecl.ofStrings("conceptCols",
        "numeric concept columns, values in [0, 1] (required to fit; a model's true concepts)", null, Rule.any());
    ParamDecl<String> LABEL_COL = ParamDecl.ofString("labelCol", "label column: class indices 0, 1, ...", "label");
    ParamDecl<String> PREDICTION_COL = ParamDecl.ofString("predictionCol", "output column: predicted class index",
        "prediction");
    ParamDecl<String> PROBABILITY_COL = ParamDecl.ofString("probabilityCol",
        "output column: class probabilities (vector)", "probability");
    ParamDecl<String> RAW_PREDICTION_COL = ParamDecl.ofString("rawPredictionCol",
        "output column: class scores (vector)", "rawPrediction");

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

  /**
   * The columns of models from features through concepts to a task (bottleneck and embedding
   * classifiers and their models): where the features come from, and the concept output.
   *
   * @param <S> the stage
   */
  public interface Features<S extends Features<S>> extends Task<S> {
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

  /**
   * How a fitted concept model intervenes: which predicted concepts it replaces by their true values,
   * from a mask column or by a policy, and where the true values come from.
   *
   * @param <S> the model
   */
  public interface Interventions<S extends Interventions<S>> extends DeclaredParams<S> {
    ParamDecl<String> TRUE_CONCEPTS_COL = ParamDecl.ofString("trueConceptsCol",
        "column of true concept values (vector or array) for interventions; empty = use conceptCols", "");
    ParamDecl<String> INTERVENTION_MASK_COL = ParamDecl.ofString("interventionMaskCol",
        "column (vector, numeric or boolean array) marking the concepts to intervene on per row; empty = none", "");
    ParamDecl<String> INTERVENTION_POLICY = ParamDecl.ofString("interventionPolicy",
        "concepts to intervene on when no mask column is set: none, random, uncertainty (most uncertain first)", "none",
        Rule.exactlyOneOf("none", "random", "uncertainty"));
    ParamDecl<Integer> INTERVENTION_COUNT = ParamDecl.ofInt("interventionCount",
        "concepts to intervene on under the policy (>= 0)", 0, Rule.atLeast(0));
    ParamDecl<Long> INTERVENTION_SEED = ParamDecl.ofLong("interventionSeed", "seed of the random intervention policy",
        0L, Rule.any());

    /** True concept values for interventions (default empty: the conceptCols). */
    default Param<String> trueConceptsCol() {
      return declared(TRUE_CONCEPTS_COL);
    }

    default String getTrueConceptsCol() {
      return valueOf(TRUE_CONCEPTS_COL);
    }

    default S setTrueConceptsCol(String value) {
      return setValue(TRUE_CONCEPTS_COL, value);
    }

    /** Per-row mask of the concepts to intervene on (default empty: none). */
    default Param<String> interventionMaskCol() {
      return declared(INTERVENTION_MASK_COL);
    }

    default String getInterventionMaskCol() {
      return valueOf(INTERVENTION_MASK_COL);
    }

    default S setInterventionMaskCol(String value) {
      return setValue(INTERVENTION_MASK_COL, value);
    }

    /** Policy without a mask: none (default), random, uncertainty. */
    default Param<String> interventionPolicy() {
      return declared(INTERVENTION_POLICY);
    }

    default String getInterventionPolicy() {
      return valueOf(INTERVENTION_POLICY);
    }

    default S setInterventionPolicy(String value) {
      return setValue(INTERVENTION_POLICY, value);
    }

    /** Concepts intervened on under the policy (default 0). */
    default IntParam interventionCount() {
      return intParam(INTERVENTION_COUNT);
    }

    default int getInterventionCount() {
      return valueOf(INTERVENTION_COUNT);
    }

    default S setInterventionCount(int value) {
      return setValue(INTERVENTION_COUNT, value);
    }

    /** Seed of the random policy (default 0). */
    default LongParam interventionSeed() {
      return longParam(INTERVENTION_SEED);
    }

    default long getInterventionSeed() {
      return valueOf(INTERVENTION_SEED);
    }

    default S setInterventionSeed(long value) {
      return setValue(INTERVENTION_SEED, value);
    }
  }
}
