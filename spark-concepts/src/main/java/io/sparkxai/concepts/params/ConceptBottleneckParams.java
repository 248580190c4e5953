package io.sparkxai.concepts.params;

import io.sparkxai.params.ParamDecl;
import io.sparkxai.params.Rule;
import org.apache.spark.ml.param.Param;

/**
 * The concept bottleneck classifier's own param: how encoder and head are trained.
 *
 * @param <S> the estimator
 */
public interface ConceptBottleneckParams<S extends ConceptBottleneckParams<S>> extends ConceptClassifierParams<S> {
  ParamDecl<String> MODE = ParamDecl.ofString("mode", "how encoder and head are trained: independent, sequential, joint",
      "joint", Rule.exactlyOneOf("independent", "sequential", "joint"));

  /** Training mode (default {@code joint}). */
  default Param<String> mode() {
    return declared(MODE);
  }

  default String getMode() {
    return valueOf(MODE);
  }

  default S setMode(String value) {
    return setValue(MODE, value);
  }
}
