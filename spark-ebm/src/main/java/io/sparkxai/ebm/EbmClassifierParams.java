package io.sparkxai.ebm;

import io.sparkxai.params.ParamDecl;
import org.apache.spark.ml.param.Param;

/**
 * The params only classifiers have, estimator and model alike: the family and the probability and
 * raw prediction output columns. Declared as in {@link EbmParams}.
 *
 * @param <S> the concrete stage, returned by the setters
 */
public interface EbmClassifierParams<S extends EbmClassifierParams<S>> extends EbmParams<S> {

  /** The classification family: "auto", "binary" or "multinomial". */
  ParamDecl<String> FAMILY = ParamDecl.ofString("family",
      "\"auto\" (binary for labels {0, 1}, else multinomial), \"binary\" (labels must be 0 or 1) or \"multinomial\"",
      "auto", EbmRules.oneOf("auto", "binary", "multinomial"));
  default Param<String> family() { return declared(FAMILY); }
  default String getFamily() { return valueOf(FAMILY); }
  default S setFamily(String value) { return setValue(FAMILY, value); }

  /** The class probabilities output column (empty: none). */
  ParamDecl<String> PROBABILITY_COL = ParamDecl.ofString("probabilityCol",
      "output: class probabilities (empty: not produced)", "probability", EbmRules.text());
  default Param<String> probabilityCol() { return declared(PROBABILITY_COL); }
  default String getProbabilityCol() { return valueOf(PROBABILITY_COL); }
  default S setProbabilityCol(String value) { return setValue(PROBABILITY_COL, value); }

  /** The raw prediction output column (empty: none). */
  ParamDecl<String> RAW_PREDICTION_COL = ParamDecl.ofString("rawPredictionCol",
      "output: raw scores; binary: [-margin, margin] (empty: not produced)", "rawPrediction", EbmRules.text());
  default Param<String> rawPredictionCol() { return declared(RAW_PREDICTION_COL); }
  default String getRawPredictionCol() { return valueOf(RAW_PREDICTION_COL); }
  default S setRawPredictionCol(String value) { return setValue(RAW_PREDICTION_COL, value); }
}
