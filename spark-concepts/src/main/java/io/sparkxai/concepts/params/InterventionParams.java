package io.sparkxai.concepts.params;

import io.sparkxai.params.DeclaredParams;
import io.sparkxai.params.ParamDecl;
import io.sparkxai.params.Rule;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;

/**
 * How a fitted concept model intervenes: which predicted concepts it replaces by their true values,
 * from a mask column or by a policy, and where the true values come from.
 *
 * @param <S> the model
 */
public interface InterventionParams<S extends InterventionParams<S>> extends DeclaredParams<S> {
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
