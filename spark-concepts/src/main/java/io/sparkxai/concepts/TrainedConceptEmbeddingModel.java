package io.sparkxai.concepts;

import io.sparkxai.concepts.core.NetworkSpec;
import io.sparkxai.concepts.core.ParameterSnapshot;
import java.util.Map;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;

/**
 * A fitted {@link ConceptEmbeddingModel}: see {@link TrainedConceptModel} for its outputs,
 * interventions and evaluation. Saved as Spark metadata, a versioned network.json and Parquet
 * weights.
 */
public final class TrainedConceptEmbeddingModel extends TrainedConceptModel<TrainedConceptEmbeddingModel> {
  private static final long serialVersionUID = 1L;

  /** A model without a network, for Spark's reflection; load or fit one to transform. */
  public TrainedConceptEmbeddingModel() {
    this(Identifiable.randomUID("cem"));
  }

  /** A model without a network with the given uid, for Spark's reflection. */
  public TrainedConceptEmbeddingModel(String uid) {
    this(uid, null, null, Map.of());
  }

  TrainedConceptEmbeddingModel(String uid, NetworkSpec spec, ParameterSnapshot parameters,
      Map<String, String> provenance) {
    super(uid, spec, parameters, provenance);
  }

  @Override
  TrainedConceptEmbeddingModel newInstance(String uid, NetworkSpec spec, ParameterSnapshot parameters,
      Map<String, String> provenance) {
    return new TrainedConceptEmbeddingModel(uid, spec, parameters, provenance);
  }

  /** Reads a saved model. */
  public static MLReader<TrainedConceptEmbeddingModel> read() {
    return new MLReader<>() {
      @Override
      public TrainedConceptEmbeddingModel load(String path) {
        return TrainedConceptModel.load(path, sparkSession(), TrainedConceptEmbeddingModel.class,
            TrainedConceptEmbeddingModel::new);
      }
    };
  }

  /** Loads a saved model. */
  public static TrainedConceptEmbeddingModel load(String path) {
    return read().load(path);
  }
}
