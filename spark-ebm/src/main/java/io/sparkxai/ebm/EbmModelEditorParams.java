package io.sparkxai.ebm;

import io.sparkxai.ebm.core.ModelEdits;
import io.sparkxai.params.DeclaredParams;
import io.sparkxai.params.ParamDecl;
import io.sparkxai.params.Rule;
import java.util.List;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.StringArrayParam;

/**
 * The params of {@link EbmModelEditor}: which saved models, which operation, and what the operation
 * needs. Declared as in {@link EbmParams}: one {@link ParamDecl} and three default methods each.
 *
 * @param <S> the concrete stage, returned by the setters
 */
public interface EbmModelEditorParams<S extends EbmModelEditorParams<S>> extends DeclaredParams<S> {

  /** The values of {@code operation}, in the order the messages list them. */
  List<String> OPERATIONS = List.of("merge", "removeTerms", "scaleTerm", "sweep");

  /** What {@code fit} does. */
  ParamDecl<String> OPERATION = ParamDecl.ofString("operation",
      "what fit returns: merge (the models of modelPaths merged, weighted by weights), removeTerms (the model"
          + " without terms), scaleTerm (the model with its one term in terms multiplied by factor) or sweep (the"
          + " model without the terms whose importanceType importance is below threshold)", "merge",
      Rule.exactlyOneOf(OPERATIONS.toArray(new String[0])));
  default Param<String> operation() { return declared(OPERATION); }
  default String getOperation() { return valueOf(OPERATION); }
  default S setOperation(String value) { return setValue(OPERATION, value); }

  /** The saved models. */
  ParamDecl<String[]> MODEL_PATHS = ParamDecl.ofStrings("modelPaths",
      "folders saved by EBM models (merge: one or more; the edits: one), on any Hadoop file system the driver can"
          + " read", new String[0], EbmRules.names());
  default StringArrayParam modelPaths() { return stringArrayParam(MODEL_PATHS); }
  default String[] getModelPaths() { return valueOf(MODEL_PATHS); }
  default S setModelPaths(String... value) { return setValue(MODEL_PATHS, value); }

  /** Merge weights (empty: each model's training weight). */
  ParamDecl<double[]> WEIGHTS = ParamDecl.ofDoubles("weights",
      "merge: one weight per model, >= 0 (empty: each model's total training weight)", new double[0],
      v -> java.util.Arrays.stream(v).allMatch(w -> w >= 0 && Double.isFinite(w)) ? null
          : "finite numbers >= 0");
  default DoubleArrayParam weights() { return doubleArrayParam(WEIGHTS); }
  default double[] getWeights() { return valueOf(WEIGHTS); }
  default S setWeights(double... value) { return setValue(WEIGHTS, value); }

  /** The terms an edit names. */
  ParamDecl<String[]> TERMS = ParamDecl.ofStrings("terms",
      "removeTerms: the terms to remove; scaleTerm: the one term to scale (names as termNames gives them)",
      new String[0], EbmRules.names());
  default StringArrayParam terms() { return stringArrayParam(TERMS); }
  default String[] getTerms() { return valueOf(TERMS); }
  default S setTerms(String... value) { return setValue(TERMS, value); }

  /** The factor of scaleTerm. */
  ParamDecl<Double> FACTOR = ParamDecl.ofDouble("factor",
      "scaleTerm: the factor of the term's scores (0 silences it, a negative factor flips it)", 1.0,
      v -> Double.isFinite(v) ? null : "a finite number");
  default DoubleParam factor() { return doubleParam(FACTOR); }
  default double getFactor() { return valueOf(FACTOR); }
  default S setFactor(double value) { return setValue(FACTOR, value); }

  /** The importance below which sweep drops a term. */
  ParamDecl<Double> THRESHOLD = ParamDecl.ofDouble("threshold",
      "sweep: terms whose importance is below this are removed", 0.0, v -> !Double.isNaN(v) ? null : "a number");
  default DoubleParam threshold() { return doubleParam(THRESHOLD); }
  default double getThreshold() { return valueOf(THRESHOLD); }
  default S setThreshold(double value) { return setValue(THRESHOLD, value); }

  /** The importance sweep compares. */
  ParamDecl<String> IMPORTANCE_TYPE = ParamDecl.ofString("importanceType",
      "sweep: avg_weight (the training-weighted mean |score|) or min_max (the largest minus the smallest score)",
      ModelEdits.AVG_WEIGHT, Rule.exactlyOneOf(ModelEdits.AVG_WEIGHT, ModelEdits.MIN_MAX));
  default Param<String> importanceType() { return declared(IMPORTANCE_TYPE); }
  default String getImportanceType() { return valueOf(IMPORTANCE_TYPE); }
  default S setImportanceType(String value) { return setValue(IMPORTANCE_TYPE, value); }
}
