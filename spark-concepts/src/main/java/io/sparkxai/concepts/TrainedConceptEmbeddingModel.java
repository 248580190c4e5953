package io.sparkxai.concepts;

import org.apache.spark.ml.util.MLReader;

/**
 * The former name of {@link ConceptEmbeddingModel}, kept so that models saved under it still load:
 * Spark's readers (pipelines, {@code DefaultParamsReader.loadParamsInstance}) take the class name
 * from the saved metadata and call its static {@code read()}.
 *
 * @deprecated use {@link ConceptEmbeddingModel}; this class only reads.
 */
@Deprecated
public final class TrainedConceptEmbeddingModel {

  private TrainedConceptEmbeddingModel() {}

  /** Reads a saved model: {@link ConceptEmbeddingModel#read()}. */
  public static MLReader<ConceptEmbeddingModel> read() {
    return ConceptEmbeddingModel.read();
  }

  /** Loads a saved model: {@link ConceptEmbeddingModel#load(String)}. */
  public static ConceptEmbeddingModel load(String path) {
    return ConceptEmbeddingModel.load(path);
  }
}
