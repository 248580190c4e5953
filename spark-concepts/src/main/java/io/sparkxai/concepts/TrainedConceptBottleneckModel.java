package io.sparkxai.concepts;

import io.sparkxai.concepts.core.NetworkSpec;
import io.sparkxai.concepts.core.ParameterSnapshot;
import java.util.Map;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;

/**
 * A fitted {@link ConceptBottleneckModel}: see {@link TrainedConceptModel} for its outputs,
 * interventions and evaluation. Saved as Spark metadata, a versioned network.json and Parquet
 * weights.
 */
public final class TrainedConceptBottleneckModel extends TrainedConceptModel<TrainedConceptBottleneckModel> {
  private static final long serialVersionUID = 1L;

  /** A model without a network, for Spark's reflection; load or fit one to transform. */
  public TrainedConceptBottleneckModel() {
    this(Identifiable.randomUID("cbm"));
  }

  /** A model without a network with the given uid, for Spark's reflection. */
  public TrainedConceptBottleneckModel(String uid) {
    this(uid, null, null, Map.of());
  }

  TrainedConceptBottleneckModel(String uid, NetworkSpec spec, ParameterSnapshot parameters,
      Map<String, String> provenance) {
    super(uid, spec, parameters, provenance);
  }

  @Override
  TrainedConceptBottleneckModel newInstance(String uid, NetworkSpec spec, ParameterSnapshot parameters,
      Map<String, String> provenance) {
    return new TrainedConceptBottleneckModel(uid, spec, parameters, provenance);
  }

  /** Reads a saved model. */
  public static MLReader<TrainedConceptBottleneckModel> read() {
    return new MLReader<>() {
      @Override
      public TrainedConceptBottleneckModel load(String path) {
        return TrainedConceptModel.load(path, sparkSession(), TrainedConceptBottleneckModel.class,
            TrainedConceptBottleneckModel::new);
      }
    };
  }

  /** Loads a saved model. */
  public static TrainedConceptBottleneckModel load(String path) {
    return read().load(path);
  }
}
