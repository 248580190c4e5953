package io.sparkxai.concepts.params;

import io.sparkxai.params.ParamDecl;
import io.sparkxai.params.Rule;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;

/**
 * The concept embedding classifier's own params: the embedding width and RandInt's probability.
 *
 * @param <S> the estimator
 */
public interface ConceptEmbeddingParams<S extends ConceptEmbeddingParams<S>> extends ConceptClassifierParams<S> {
  ParamDecl<Integer> EMBEDDING_SIZE = ParamDecl.ofInt("embeddingSize", "width of each concept's two embeddings (>= 1)",
      8, Rule.atLeast(1));
  ParamDecl<Double> INTERVENTION_PROBABILITY = ParamDecl.ofDouble("interventionProbability",
      "RandInt: probability of intervening on each concept of each training row, in [0, 1]", 0.25, Rule.probability());

  /** Embedding width per concept (default 8). */
  default IntParam embeddingSize() {
    return intParam(EMBEDDING_SIZE);
  }

  default int getEmbeddingSize() {
    return valueOf(EMBEDDING_SIZE);
  }

  default S setEmbeddingSize(int value) {
    return setValue(EMBEDDING_SIZE, value);
  }

  /** RandInt probability (default 0.25). */
  default DoubleParam interventionProbability() {
    return doubleParam(INTERVENTION_PROBABILITY);
  }

  default double getInterventionProbability() {
    return valueOf(INTERVENTION_PROBABILITY);
  }

  default S setInterventionProbability(double value) {
    return setValue(INTERVENTION_PROBABILITY, value);
  }
}
