package io.sparkxai.concepts;

import java.util.List;
import java.util.function.Function;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.SparkSession;

/**
 * Reading saved stages under their current class name or the names they were saved with before the
 * stages took Spark's names ({@code TrainedConceptBottleneckModel} for a fitted bottleneck model,
 * {@code ConceptBottleneckModel} for its estimator, ...). Spark's readers find a stage's class from
 * the saved metadata and call its static {@code read()}; these readers then accept every name the
 * stage was saved under.
 */
final class SavedStages {

  private SavedStages() {}

  /** The metadata at {@code path}, checked to name one of {@code classNames}. */
  static DefaultParamsReader.Metadata metadata(String path, SparkSession spark, List<String> classNames) {
    DefaultParamsReader.Metadata metadata = DefaultParamsReader.loadMetadata(path, spark, "");
    if (!classNames.contains(metadata.className())) {
      throw new IllegalArgumentException("Error loading metadata: expected class name " + String.join(" or ", classNames)
          + " but found class name " + metadata.className() + " in " + path);
    }
    return metadata;
  }

  /**
   * A reader of a param-only stage (an estimator) saved under any of {@code classNames}.
   *
   * @param factory makes the stage from its uid
   */
  static <S extends Params> MLReader<S> paramsReader(Function<String, S> factory, String... classNames) {
    return new MLReader<>() {
      @Override
      public S load(String path) {
        DefaultParamsReader.Metadata metadata = metadata(path, sparkSession(), List.of(classNames));
        S stage = factory.apply(metadata.uid());
        metadata.getAndSetParams(stage, scala.Option.empty());
        return stage;
      }
    };
  }
}
