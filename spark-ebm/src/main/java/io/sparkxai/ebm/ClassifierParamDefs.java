package io.sparkxai.ebm;

import java.io.Serializable;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/** The params only classifiers have (estimator and model), with their rules and defaults. */
final class ClassifierParamDefs implements Serializable {
  private static final long serialVersionUID = 1L;

  final Param<String> family;
  final Param<String> probabilityCol;
  final Param<String> rawPredictionCol;

  ClassifierParamDefs(Params owner) {
    family = new Param<>(owner, "family", "\"auto\" (binary for labels {0, 1}, else multinomial), \"binary\" "
        + "(labels must be 0 or 1) or \"multinomial\"", EbmParamRules.oneOf("family", "auto", "binary", "multinomial"));
    probabilityCol = new Param<>(owner, "probabilityCol", "output: class probabilities (empty: not produced)",
        EbmParamRules.any("probabilityCol"));
    rawPredictionCol = new Param<>(owner, "rawPredictionCol", "output: raw scores; binary: [-margin, margin] "
        + "(empty: not produced)", EbmParamRules.any("rawPredictionCol"));
    owner.setDefault(family, "auto");
    owner.setDefault(probabilityCol, "probability");
    owner.setDefault(rawPredictionCol, "rawPrediction");
  }
}
