package io.sparkxai.concepts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.sql.SparkSession;

/**
 * Loads a saved concept model whose kind is not known in advance: the class named in the folder's
 * Spark metadata chooses the reader, under the current names and the former ones
 * ({@code TrainedConceptBottleneckModel}, {@code TrainedConceptEmbeddingModel}). For stages that take a
 * model by path, as {@link ConceptExplainer} does.
 */
final class SavedConceptModels {

  private static final List<String> BOTTLENECK = List.of(ConceptBottleneckModel.class.getName(),
      ConceptBottleneckModel.FORMER_NAME);
  private static final List<String> EMBEDDING = List.of(ConceptEmbeddingModel.class.getName(),
      ConceptEmbeddingModel.FORMER_NAME);

  private SavedConceptModels() {}

  /**
   * The fitted model saved at {@code path}.
   *
   * @param param the param that named the path, for messages ({@code modelPath})
   * @throws IllegalArgumentException naming the param and the path when it holds no fitted concept model
   */
  static ConceptNetworkModel<?> load(String param, String path, SparkSession spark) {
    String saved = savedClass(param, path, spark);
    boolean known = BOTTLENECK.contains(saved) || EMBEDDING.contains(saved)
        || saved.equals(EntropyLogicExplainerModel.class.getName());
    if (!known) {
      throw new IllegalArgumentException(param + " \"" + path + "\" holds a " + saved + ", not a saved concept"
          + " model (ConceptBottleneckModel, ConceptEmbeddingModel or EntropyLogicExplainerModel)");
    }
    if (!NetworkModelStore.hasNetwork(path, spark)) {
      throw new IllegalArgumentException(param + " \"" + path + "\" holds an estimator saved under the name "
          + saved + ", not a fitted model: fit it, save the model, and name that folder");
    }
    if (BOTTLENECK.contains(saved)) {
      return ConceptModel.load(ConceptBottleneckModel.read().session(spark), ConceptBottleneckModel.class, path);
    }
    if (EMBEDDING.contains(saved)) {
      return ConceptModel.load(ConceptEmbeddingModel.read().session(spark), ConceptEmbeddingModel.class, path);
    }
    return EntropyLogicExplainerModel.read().session(spark).load(path);
  }

  /** The class name in the Spark metadata under {@code path}. */
  private static String savedClass(String param, String path, SparkSession spark) {
    Path metadata = new Path(path, "metadata");
    try {
      FileSystem fs = metadata.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(metadata)) {
        throw new IllegalArgumentException(param + " \"" + path + "\" is not a saved concept model: it has no"
            + " metadata folder");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(param + " \"" + path + "\" cannot be read: " + e.getMessage(), e);
    }
    return DefaultParamsReader.loadMetadata(path, spark, "").className();
  }
}
