package io.sparkxai.concepts;

import io.sparkxai.concepts.core.NetworkSpec;
import io.sparkxai.concepts.core.Objective;
import io.sparkxai.concepts.core.ParameterSnapshot;
import io.sparkxai.concepts.params.EstimatorParams;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;

/**
 * Fits a {@link ConceptEmbeddingModel} (Espinosa Zarlenga et al. 2022, "Concept Embedding Models: Beyond the
 * Accuracy-Explainability Trade-Off", NeurIPS): each concept has two learned embeddings (active,
 * inactive) mixed by its predicted probability, and the head reads the mixed embeddings — as
 * accurate as a black box where a bottleneck's scalar concepts lose task information, and still
 * open to interventions (the true value replaces the probability in the mix). Trained jointly with
 * RandInt: during training each concept of each row is intervened on with probability
 * {@code interventionProbability} (0.25), which teaches the head to use interventions.
 * Defaults: encoder d→10, embeddings of 8 per concept, head k·8→classes (torch_explain's
 * tutorial; this estimator's defaults of {@code encoderHiddenSizes} and {@code headHiddenSizes}),
 * loss BCE(c) + 0.2·BCE(y), AdamW lr 0.01, 2001 full-batch epochs.
 */
public final class ConceptEmbeddingClassifier
    extends ConceptClassifier<ConceptEmbeddingModel, ConceptEmbeddingClassifier>
    implements EstimatorParams.Embedding<ConceptEmbeddingClassifier> {
  private static final long serialVersionUID = 1L;

  /** The class name this estimator was saved under before it took Spark's name. */
  static final String FORMER_NAME = "io.sparkxai.concepts.ConceptEmbeddingModel";

  /** A new estimator with a random uid. */
  public ConceptEmbeddingClassifier() {
    this(Identifiable.randomUID("cem"));
  }

  /** A new estimator with the given uid. */
  public ConceptEmbeddingClassifier(String uid) {
    super(uid, FORMER_NAME.hashCode());
    setDefault(encoderHiddenSizes(), new int[] {10});
    setDefault(headHiddenSizes(), new int[0]);
  }

  @Override
  NetworkSpec networkSpec(int features, int concepts, int classes) {
    if (getEncoderHiddenSizes().length == 0) {
      throw new IllegalArgumentException("encoderHiddenSizes must have at least one layer for a concept embedding model");
    }
    return new NetworkSpec(NetworkSpec.Kind.EMBEDDING, features, concepts, classes, getEncoderHiddenSizes(),
        getHeadHiddenSizes(), activationFunction(), getEmbeddingSize(), 0);
  }

  @Override
  List<Objective> objectives() {
    return List.of(Objective.joint(getConceptLossWeight(), getTaskLossWeight(), getInterventionProbability()));
  }

  @Override
  ConceptEmbeddingModel newModel(NetworkSpec spec, ParameterSnapshot parameters, Map<String, String> provenance) {
    return new ConceptEmbeddingModel(uid(), spec, parameters, provenance);
  }

  @Override
  String trainingName() {
    return "cem";
  }

  /** Reads a saved estimator, also one saved as {@code ConceptEmbeddingModel} before the rename. */
  public static MLReader<ConceptEmbeddingClassifier> read() {
    return SavedStages.paramsReader(ConceptEmbeddingClassifier::new, ConceptEmbeddingClassifier.class.getName(),
        FORMER_NAME);
  }

  /** Loads a saved estimator. */
  public static ConceptEmbeddingClassifier load(String path) {
    return read().load(path);
  }
}
