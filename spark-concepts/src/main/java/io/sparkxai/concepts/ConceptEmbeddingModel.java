package io.sparkxai.concepts;

import io.sparkxai.concepts.core.NetworkSpec;
import io.sparkxai.concepts.core.ParameterSnapshot;
import java.util.Map;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;

/**
 * A fitted {@link ConceptEmbeddingClassifier}: see {@link ConceptModel} for its outputs,
 * interventions and evaluation. Saved as Spark metadata, a versioned network.json and Parquet
 * weights.
 */
public final class ConceptEmbeddingModel extends ConceptModel<ConceptEmbeddingModel> {
  private static final long serialVersionUID = 1L;

  /** The class name models of this class were saved under before the estimators were renamed. */
  static final String FORMER_NAME = "io.sparkxai.concepts.TrainedConceptEmbeddingModel";

  /** A model without a network, for Spark's reflection; load or fit one to transform. */
  public ConceptEmbeddingModel() {
    this(Identifiable.randomUID("cem"));
  }

  /** A model without a network with the given uid, for Spark's reflection. */
  public ConceptEmbeddingModel(String uid) {
    this(uid, null, null, Map.of());
  }

  ConceptEmbeddingModel(String uid, NetworkSpec spec, ParameterSnapshot parameters,
      Map<String, String> provenance) {
    super(uid, spec, parameters, provenance);
  }

  @Override
  ConceptEmbeddingModel newInstance(String uid, NetworkSpec spec, ParameterSnapshot parameters,
      Map<String, String> provenance) {
    return new ConceptEmbeddingModel(uid, spec, parameters, provenance);
  }

  /**
   * Reads a saved model, also one saved as {@code TrainedConceptEmbeddingModel}; Spark's readers also get
   * the estimator saved under this class's name before the rename (then a {@link ConceptEmbeddingClassifier}).
   */
  public static MLReader<ConceptEmbeddingModel> read() {
    return ConceptModel.reader(ConceptEmbeddingModel.class, ConceptEmbeddingModel::new, FORMER_NAME, ConceptEmbeddingClassifier::read);
  }

  /** Loads a saved model. */
  public static ConceptEmbeddingModel load(String path) {
    return ConceptModel.load(read(), ConceptEmbeddingModel.class, path);
  }
}
