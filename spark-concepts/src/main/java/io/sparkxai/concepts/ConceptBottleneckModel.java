package io.sparkxai.concepts;

import io.sparkxai.concepts.core.NetworkSpec;
import io.sparkxai.concepts.core.ParameterSnapshot;
import java.util.Map;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;

/**
 * A fitted {@link ConceptBottleneckClassifier}: see {@link ConceptModel} for its outputs,
 * interventions and evaluation. Saved as Spark metadata, a versioned network.json and Parquet
 * weights.
 */
public final class ConceptBottleneckModel extends ConceptModel<ConceptBottleneckModel> {
  private static final long serialVersionUID = 1L;

  /** The class name models of this class were saved under before the estimators were renamed. */
  static final String FORMER_NAME = "io.sparkxai.concepts.TrainedConceptBottleneckModel";

  /** A model without a network, for Spark's reflection; load or fit one to transform. */
  public ConceptBottleneckModel() {
    this(Identifiable.randomUID("cbm"));
  }

  /** A model without a network with the given uid, for Spark's reflection. */
  public ConceptBottleneckModel(String uid) {
    this(uid, null, null, Map.of());
  }

  ConceptBottleneckModel(String uid, NetworkSpec spec, ParameterSnapshot parameters,
      Map<String, String> provenance) {
    super(uid, spec, parameters, provenance);
  }

  @Override
  ConceptBottleneckModel newInstance(String uid, NetworkSpec spec, ParameterSnapshot parameters,
      Map<String, String> provenance) {
    return new ConceptBottleneckModel(uid, spec, parameters, provenance);
  }

  /**
   * Reads a saved model, also one saved as {@code TrainedConceptBottleneckModel}; Spark's readers also get
   * the estimator saved under this class's name before the rename (then a {@link ConceptBottleneckClassifier}).
   */
  public static MLReader<ConceptBottleneckModel> read() {
    return ConceptModel.reader(ConceptBottleneckModel.class, ConceptBottleneckModel::new, FORMER_NAME, ConceptBottleneckClassifier::read);
  }

  /** Loads a saved model. */
  public static ConceptBottleneckModel load(String path) {
    return ConceptModel.load(read(), ConceptBottleneckModel.class, path);
  }
}
