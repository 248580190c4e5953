package io.sparkxai.concepts;

import org.apache.spark.ml.util.MLReader;

/**
 * The former name of {@link ConceptBottleneckModel}, kept so that models saved under it still load:
 * Spark's readers (pipelines, {@code DefaultParamsReader.loadParamsInstance}) take the class name
 * from the saved metadata and call its static {@code read()}.
 *
 * @deprecated use {@link ConceptBottleneckModel}; this class only reads.
 */
@Deprecated
public final class TrainedConceptBottleneckModel {

  private TrainedConceptBottleneckModel() {}

  /** Reads a saved model: {@link ConceptBottleneckModel#read()}. */
  public static MLReader<ConceptBottleneckModel> read() {
    return ConceptBottleneckModel.read();
  }

  /** Loads a saved model: {@link ConceptBottleneckModel#load(String)}. */
  public static ConceptBottleneckModel load(String path) {
    return ConceptBottleneckModel.load(path);
  }
}
