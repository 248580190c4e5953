package io.sparkxai.ebm;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.sql.SparkSession;

/**
 * Loads a saved EBM model whose kind is not known in advance: the class named in the folder's Spark
 * metadata chooses the reader ({@link ExplainableBoostingClassificationModel} or
 * {@link ExplainableBoostingRegressionModel}). For stages that take a model by path, as
 * {@link EbmExplainer} does.
 */
final class SavedEbmModels {

  private SavedEbmModels() {}

  /**
   * The model saved at {@code path}.
   *
   * @param param the param that named the path, for messages ({@code modelPath})
   * @throws IllegalArgumentException naming the param and the path when it holds no saved EBM model
   */
  static EbmModelBase<?> load(String param, String path, SparkSession spark) {
    String saved = savedClass(param, path, spark);
    if (saved.equals(ExplainableBoostingClassificationModel.class.getName())) {
      return ExplainableBoostingClassificationModel.read().session(spark).load(path);
    }
    if (saved.equals(ExplainableBoostingRegressionModel.class.getName())) {
      return ExplainableBoostingRegressionModel.read().session(spark).load(path);
    }
    throw new IllegalArgumentException(param + " \"" + path + "\" holds a " + saved + ", not a saved EBM model"
        + " (ExplainableBoostingClassificationModel or ExplainableBoostingRegressionModel)");
  }

  /** The class name in the Spark metadata under {@code path}. */
  private static String savedClass(String param, String path, SparkSession spark) {
    Path metadata = new Path(path, "metadata");
    try {
      FileSystem fs = metadata.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(metadata)) {
        throw new IllegalArgumentException(param + " \"" + path + "\" is not a saved EBM model: it has no"
            + " metadata folder");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(param + " \"" + path + "\" cannot be read: " + e.getMessage(), e);
    }
    return DefaultParamsReader.loadMetadata(path, spark, "").className();
  }
}
