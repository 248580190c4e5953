package io.sparkxai.concepts;

import io.sparkxai.concepts.core.NetworkSpec;
import io.sparkxai.concepts.core.Objective;
import io.sparkxai.concepts.core.ParameterSnapshot;
import io.sparkxai.concepts.params.EstimatorParams;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * What the estimators of models from features through concepts to a task share: their params
 * (features, encoder and head widths, loss weights, the concept output column) and the fit
 * (validate, shard, train the objectives in order, build the model).
 *
 * @param <M> the fitted model
 * @param <S> the concrete estimator
 */
public abstract class ConceptClassifier<M extends ConceptModel<M>, S extends ConceptClassifier<M, S>>
    extends ConceptNetworkEstimator<M, S> implements EstimatorParams.Classifier<S> {
  private static final long serialVersionUID = 1L;

  /** Makes the params with their defaults; see {@link ConceptNetworkEstimator} for {@code defaultSeed}. */
  protected ConceptClassifier(String uid, long defaultSeed) {
    super(uid, defaultSeed);
  }

  /** The network for the data's sizes. */
  abstract NetworkSpec networkSpec(int features, int concepts, int classes);

  /** The training objectives, in order. */
  abstract List<Objective> objectives();

  /** Builds the fitted model. */
  abstract M newModel(NetworkSpec spec, ParameterSnapshot parameters, Map<String, String> provenance);

  /** A short name of what is trained, for the provenance ({@code cbm-joint}, {@code cem}). */
  abstract String trainingName();

  @Override
  public M fit(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    String[] concepts = requireConceptCols();
    StructType schema = dataset.schema();
    Dataset<Row> prepared = dataset.toDF().select(
        ConceptColumns.features(schema, getFeaturesCol(), getInputCols()).as(ConceptColumns.FEATURES),
        ConceptColumns.numericColumns(schema, "conceptCols", concepts).as(ConceptColumns.CONCEPTS),
        ConceptColumns.label(schema, getLabelCol()).as(ConceptColumns.LABEL));
    ConceptColumns.Summary summary = ConceptColumns.validate(prepared,
        ConceptColumns.featureNames(getFeaturesCol(), getInputCols()), List.of(concepts), getLabelCol());
    NetworkSpec spec = networkSpec(summary.featureWidth(), concepts.length, summary.numClasses());
    long started = System.nanoTime();
    int shards = shardsFor(summary.rows());
    Trained trained = train(prepared, summary.featureWidth(), spec, objectives(), shards);
    return withParamsOf(newModel(spec, trained.parameters(),
        provenance(trainingName(), summary.rows(), shards, trained, started, Map.of())));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    requireWidths("encoderHiddenSizes", getEncoderHiddenSizes());
    requireWidths("headHiddenSizes", getHeadHiddenSizes());
    return ConceptModel.outputSchema(schema, getConceptProbabilityCol(), getRawPredictionCol(), getProbabilityCol(),
        getPredictionCol());
  }
}
