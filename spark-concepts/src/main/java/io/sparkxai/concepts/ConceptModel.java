package io.sparkxai.concepts;

import io.sparkxai.concepts.core.InterventionPolicy;
import io.sparkxai.concepts.core.NetworkSpec;
import io.sparkxai.concepts.core.ParameterSnapshot;
import io.sparkxai.concepts.params.ColumnParams;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted model from features through concepts to a task — a concept bottleneck or a concept
 * embedding model. {@code transform} adds the concept probabilities the head used, raw scores,
 * class probabilities and the predicted class; with an intervention mask column, or an
 * intervention policy and count, it first replaces the chosen predicted concepts by their true
 * values (from {@code trueConceptsCol}, else from {@code conceptCols}). {@link #evaluate} and
 * {@link #interventionCurve} measure the model in one pass over a data set.
 *
 * @param <M> the concrete model
 */
public abstract class ConceptModel<M extends ConceptModel<M>> extends ConceptNetworkModel<M>
    implements ColumnParams.Features<M>, ColumnParams.Interventions<M> {
  private static final long serialVersionUID = 1L;

  /** A model of {@code spec} with {@code parameters}; params at their defaults. */
  protected ConceptModel(String uid, NetworkSpec spec, ParameterSnapshot parameters, Map<String, String> provenance) {
    super(uid, spec, parameters, provenance);
  }

  /** The schema with the four output columns added; fails if one already exists. */
  static StructType outputSchema(StructType schema, String concepts, String raw, String probability,
      String prediction) {
    return ConceptColumns.withOutputs(schema, new String[] {concepts, raw, probability}, prediction);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return outputSchema(schema, getConceptProbabilityCol(), getRawPredictionCol(), getProbabilityCol(),
        getPredictionCol());
  }

  /** The true concepts as an array column: {@code trueConceptsCol}, else the {@code conceptCols}. */
  private Column truth(StructType schema) {
    if (!getTrueConceptsCol().isEmpty()) {
      return ConceptColumns.vectorOrArray(schema, "trueConceptsCol", getTrueConceptsCol());
    }
    if (getConceptCols().length == 0) {
      throw new IllegalArgumentException("interventions need the true concepts: set trueConceptsCol or conceptCols");
    }
    if (getConceptCols().length != networkSpec().numConcepts()) {
      throw new IllegalArgumentException("conceptCols names " + getConceptCols().length + " columns, the model has "
          + networkSpec().numConcepts() + " concepts");
    }
    return ConceptColumns.numericColumns(schema, "conceptCols", getConceptCols());
  }

  private String featureDescription() {
    return getInputCols().length > 0 ? String.join(",", getInputCols()) : getFeaturesCol();
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    requireTrained();
    StructType schema = dataset.schema();
    StructType out = transformSchema(schema);
    Dataset<Row> in = dataset.toDF().withColumn(ConceptColumns.FEATURES,
        ConceptColumns.features(schema, getFeaturesCol(), getInputCols()));
    int width = schema.fields().length;
    int truthAt = -1;
    int maskAt = -1;
    InterventionPolicy policy = InterventionPolicy.of(getInterventionPolicy());
    boolean masked = !getInterventionMaskCol().isEmpty();
    if (masked || policy != InterventionPolicy.NONE && getInterventionCount() > 0) {
      in = in.withColumn(ConceptColumns.TRUE_CONCEPTS, truth(schema));
      truthAt = width + 1;
      if (masked) {
        in = in.withColumn(ConceptColumns.MASK,
            ConceptColumns.vectorOrArray(schema, "interventionMaskCol", getInterventionMaskCol()));
        maskAt = width + 2;
      }
    }
    ConceptScorer scorer = new ConceptScorer(networkSpec(), parameters(), width, truthAt, maskAt, policy,
        getInterventionCount(), getInterventionSeed(), width, featureDescription());
    return in.mapPartitions(scorer::score, Encoders.row(out));
  }

  /**
   * Measures the model on {@code dataset} (which needs the features, the true concepts and the
   * label) in one pass: concept accuracy, task accuracy, accuracy with all concepts intervened,
   * and the intervention curve under {@code policy} ({@code random} or {@code uncertainty}).
   */
  public ConceptModelMetrics evaluate(Dataset<?> dataset, String policy) {
    requireTrained();
    InterventionPolicy p = InterventionPolicy.of(policy);
    if (p == InterventionPolicy.NONE) {
      throw new IllegalArgumentException("an intervention curve needs the policy random or uncertainty, got none");
    }
    StructType schema = dataset.schema();
    Dataset<Row> in = dataset.toDF().select(
        ConceptColumns.features(schema, getFeaturesCol(), getInputCols()).as(ConceptColumns.FEATURES),
        truth(schema).as(ConceptColumns.TRUE_CONCEPTS),
        ConceptColumns.label(schema, getLabelCol()).as(ConceptColumns.LABEL));
    ConceptScorer scorer = new ConceptScorer(networkSpec(), parameters(), 0, 1, -1, p, 0, getInterventionSeed(), 0,
        featureDescription());
    int k = networkSpec().numConcepts();
    long[] counts = in.javaRDD().mapPartitions(it -> scorer.evaluate(it, 2, p)).fold(new long[k + 3], (a, b) -> {
      long[] s = new long[a.length];
      for (int i = 0; i < s.length; i++) {
        s[i] = a[i] + b[i];
      }
      return s;
    });
    long rows = counts[0];
    if (rows == 0) {
      throw new IllegalArgumentException("cannot evaluate on an empty data set");
    }
    double[] curve = new double[k + 1];
    for (int m = 0; m <= k; m++) {
      curve[m] = counts[2 + m] / (double) rows;
    }
    return new ConceptModelMetrics(rows, counts[1] / (double) (rows * k), curve[0], curve[k], curve, p.paramName());
  }

  /** Task accuracy with 0, 1, ..., k concepts intervened under {@code policy} (random or uncertainty). */
  public double[] interventionCurve(Dataset<?> dataset, String policy) {
    return evaluate(dataset, policy).interventionCurve();
  }

  /**
   * A reader of the models a concrete class saves, also under {@code formerName} (the fitted
   * model's class name before the rename). A folder without a network saved under the concrete
   * class's name is an estimator saved before the rename, when the estimator had that name: it is
   * read by {@code formerEstimator}, so Spark's readers and pipelines that hold one still load.
   */
  static <T extends ConceptModel<T>> MLReader<T> reader(Class<T> type, Factory<T> factory, String formerName,
      Supplier<MLReader<?>> formerEstimator) {
    MLReader<Object> reader = new MLReader<>() {
      @Override
      public Object load(String path) {
        if (!NetworkModelStore.hasNetwork(path, sparkSession())) {
          SavedStages.metadata(path, sparkSession(), List.of(type.getName()));
          return formerEstimator.get().load(path);
        }
        return ConceptNetworkModel.load(path, sparkSession(), List.of(type.getName(), formerName),
            saved -> factory.create(saved.metadata().uid(), saved.spec(), saved.parameters(), saved.provenance()));
      }
    };
    @SuppressWarnings("unchecked") // a T, or the former estimator for Spark's untyped readers
    MLReader<T> typed = (MLReader<T>) (MLReader<?>) reader;
    return typed;
  }

  /** Loads a model with {@code reader}, failing clearly when {@code path} holds an estimator saved before the rename. */
  static <T extends ConceptModel<T>> T load(MLReader<T> reader, Class<T> type, String path) {
    Object stage = ((MLReader<?>) reader).load(path);
    if (!type.isInstance(stage)) {
      throw new IllegalArgumentException(path + " holds an estimator saved under the name " + type.getName()
          + " before the estimators were renamed; load it with " + stage.getClass().getName() + ".load");
    }
    return type.cast(stage);
  }

  /** Builds a concrete model from saved parts. */
  @FunctionalInterface
  interface Factory<T> {
    T create(String uid, NetworkSpec spec, ParameterSnapshot parameters, Map<String, String> provenance);
  }
}
