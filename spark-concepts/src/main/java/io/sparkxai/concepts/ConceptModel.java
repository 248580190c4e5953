package io.sparkxai.concepts;

import io.sparkxai.concepts.core.InterventionPolicy;
import io.sparkxai.concepts.core.NetworkSpec;
import io.sparkxai.concepts.core.ParameterSnapshot;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A trained model from features through concepts to a task — a concept bottleneck or a concept
 * embedding model. {@code transform} adds the concept probabilities the head used, raw scores,
 * class probabilities and the predicted class; with an intervention mask column, or an
 * intervention policy and count, it first replaces the chosen predicted concepts by their true
 * values (from {@code trueConceptsCol}, else from {@code conceptCols}). {@link #evaluate} and
 * {@link #interventionCurve} measure the model in one pass over a data set.
 *
 * @param <M> the concrete model
 */
public abstract class ConceptModel<M extends ConceptModel<M>> extends Model<M> implements MLWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final NetworkSpec spec;
  private final ParameterSnapshot parameters;
  private final Map<String, String> provenance;
  private final Param<String> featuresCol;
  private final StringArrayParam inputCols;
  private final StringArrayParam conceptCols;
  private final Param<String> labelCol;
  private final Param<String> conceptProbabilityCol;
  private final Param<String> predictionCol;
  private final Param<String> probabilityCol;
  private final Param<String> rawPredictionCol;
  private final Param<String> trueConceptsCol;
  private final Param<String> interventionMaskCol;
  private final Param<String> interventionPolicy;
  private final IntParam interventionCount;
  private final LongParam interventionSeed;

  /** A model of {@code spec} with {@code parameters}; params at their defaults. */
  protected ConceptModel(String uid, NetworkSpec spec, ParameterSnapshot parameters,
      Map<String, String> provenance) {
    this.uid = uid;
    this.spec = spec;
    this.parameters = parameters;
    this.provenance = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    featuresCol = new Param<>(this, "featuresCol", "features column (vector or numeric array), used when inputCols is empty");
    inputCols = new StringArrayParam(this, "inputCols", "numeric feature columns (take precedence over featuresCol)");
    conceptCols = new StringArrayParam(this, "conceptCols", "true concept columns (for interventions and evaluation)");
    labelCol = new Param<>(this, "labelCol", "label column (for evaluation)");
    conceptProbabilityCol = new Param<>(this, "conceptProbabilityCol",
        "output column: the concept probabilities the head used (vector)");
    predictionCol = new Param<>(this, "predictionCol", "output column: predicted class index");
    probabilityCol = new Param<>(this, "probabilityCol", "output column: class probabilities (vector)");
    rawPredictionCol = new Param<>(this, "rawPredictionCol", "output column: class scores (vector)");
    trueConceptsCol = new Param<>(this, "trueConceptsCol",
        "column of true concept values (vector or array) for interventions; empty = use conceptCols");
    interventionMaskCol = new Param<>(this, "interventionMaskCol",
        "column (vector, numeric or boolean array) marking the concepts to intervene on per row; empty = none");
    interventionPolicy = new Param<>(this, "interventionPolicy",
        "concepts to intervene on when no mask column is set: none, random, uncertainty (most uncertain first)",
        ParamValidators.inArray(new String[] {"none", "random", "uncertainty"}));
    interventionCount = new IntParam(this, "interventionCount", "concepts to intervene on under the policy (>= 0)",
        ParamValidators.gtEq(0));
    interventionSeed = new LongParam(this, "interventionSeed", "seed of the random intervention policy");
    setDefault(featuresCol, "features");
    setDefault(inputCols, new String[0]);
    setDefault(conceptCols, new String[0]);
    setDefault(labelCol, "label");
    setDefault(conceptProbabilityCol, "conceptProbabilities");
    setDefault(predictionCol, "prediction");
    setDefault(probabilityCol, "probability");
    setDefault(rawPredictionCol, "rawPrediction");
    setDefault(trueConceptsCol, "");
    setDefault(interventionMaskCol, "");
    setDefault(interventionPolicy, "none");
    setDefault(interventionCount, 0);
    setDefault(interventionSeed, 0L);
  }

  @Override
  public String uid() {
    return uid;
  }

  /** The network's description. */
  public NetworkSpec networkSpec() {
    return trained().spec;
  }

  private ConceptModel<M> trained() {
    if (spec == null) {
      throw new IllegalStateException("model " + uid + " has no trained network: fit an estimator or load a saved model");
    }
    return this;
  }

  /** The trained parameters. */
  public ParameterSnapshot parameters() {
    return parameters;
  }

  /** Where the model came from: training, library version, rows, shards, seed, time. */
  public Map<String, String> provenance() {
    return provenance;
  }

  /** Number of task classes. */
  public int numClasses() {
    return networkSpec().numClasses();
  }

  /** Number of concepts. */
  public int numConcepts() {
    return networkSpec().numConcepts();
  }

  public final Param<String> featuresCol() {
    return featuresCol;
  }

  public final StringArrayParam inputCols() {
    return inputCols;
  }

  public final StringArrayParam conceptCols() {
    return conceptCols;
  }

  public final Param<String> labelCol() {
    return labelCol;
  }

  public final Param<String> conceptProbabilityCol() {
    return conceptProbabilityCol;
  }

  public final Param<String> predictionCol() {
    return predictionCol;
  }

  public final Param<String> probabilityCol() {
    return probabilityCol;
  }

  public final Param<String> rawPredictionCol() {
    return rawPredictionCol;
  }

  public final Param<String> trueConceptsCol() {
    return trueConceptsCol;
  }

  public final Param<String> interventionMaskCol() {
    return interventionMaskCol;
  }

  public final Param<String> interventionPolicy() {
    return interventionPolicy;
  }

  public final IntParam interventionCount() {
    return interventionCount;
  }

  public final LongParam interventionSeed() {
    return interventionSeed;
  }

  @SuppressWarnings("unchecked")
  private M self() {
    return (M) this;
  }

  public M setFeaturesCol(String v) {
    set(featuresCol, v);
    return self();
  }

  public M setInputCols(String... v) {
    set(inputCols, v);
    return self();
  }

  public M setConceptCols(String... v) {
    set(conceptCols, v);
    return self();
  }

  public M setLabelCol(String v) {
    set(labelCol, v);
    return self();
  }

  public M setConceptProbabilityCol(String v) {
    set(conceptProbabilityCol, v);
    return self();
  }

  public M setPredictionCol(String v) {
    set(predictionCol, v);
    return self();
  }

  public M setProbabilityCol(String v) {
    set(probabilityCol, v);
    return self();
  }

  public M setRawPredictionCol(String v) {
    set(rawPredictionCol, v);
    return self();
  }

  public M setTrueConceptsCol(String v) {
    set(trueConceptsCol, v);
    return self();
  }

  public M setInterventionMaskCol(String v) {
    set(interventionMaskCol, v);
    return self();
  }

  public M setInterventionPolicy(String v) {
    set(interventionPolicy, v);
    return self();
  }

  public M setInterventionCount(int v) {
    set(interventionCount, v);
    return self();
  }

  public M setInterventionSeed(long v) {
    set(interventionSeed, v);
    return self();
  }

  public String getFeaturesCol() {
    return getOrDefault(featuresCol);
  }

  public String[] getInputCols() {
    return getOrDefault(inputCols);
  }

  public String[] getConceptCols() {
    return getOrDefault(conceptCols);
  }

  public String getLabelCol() {
    return getOrDefault(labelCol);
  }

  public String getConceptProbabilityCol() {
    return getOrDefault(conceptProbabilityCol);
  }

  public String getPredictionCol() {
    return getOrDefault(predictionCol);
  }

  public String getProbabilityCol() {
    return getOrDefault(probabilityCol);
  }

  public String getRawPredictionCol() {
    return getOrDefault(rawPredictionCol);
  }

  public String getTrueConceptsCol() {
    return getOrDefault(trueConceptsCol);
  }

  public String getInterventionMaskCol() {
    return getOrDefault(interventionMaskCol);
  }

  public String getInterventionPolicy() {
    return getOrDefault(interventionPolicy);
  }

  public int getInterventionCount() {
    return (Integer) getOrDefault(interventionCount);
  }

  public long getInterventionSeed() {
    return (Long) getOrDefault(interventionSeed);
  }

  /** The schema with the four output columns added; fails if one already exists. */
  static StructType outputSchema(StructType schema, String concepts, String raw, String probability,
      String prediction) {
    for (String c : new String[] {concepts, raw, probability, prediction}) {
      if (Arrays.asList(schema.fieldNames()).contains(c)) {
        throw new IllegalArgumentException("output column '" + c + "' already exists in the data; choose another name");
      }
    }
    return schema.add(concepts, SQLDataTypes.VectorType(), false)
        .add(raw, SQLDataTypes.VectorType(), false)
        .add(probability, SQLDataTypes.VectorType(), false)
        .add(prediction, DataTypes.DoubleType, false);
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
    if (getConceptCols().length != spec.numConcepts()) {
      throw new IllegalArgumentException("conceptCols names " + getConceptCols().length + " columns, the model has "
          + spec.numConcepts() + " concepts");
    }
    return ConceptColumns.numericColumns(schema, "conceptCols", getConceptCols());
  }

  private String featureDescription() {
    return getInputCols().length > 0 ? String.join(",", getInputCols()) : getFeaturesCol();
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    trained();
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
    ConceptScorer scorer = new ConceptScorer(spec, parameters, width, truthAt, maskAt, policy, getInterventionCount(),
        getInterventionSeed(), width, featureDescription());
    return in.mapPartitions(scorer::score, Encoders.row(out));
  }

  /**
   * Measures the model on {@code dataset} (which needs the features, the true concepts and the
   * label) in one pass: concept accuracy, task accuracy, accuracy with all concepts intervened,
   * and the intervention curve under {@code policy} ({@code random} or {@code uncertainty}).
   */
  public ConceptModelMetrics evaluate(Dataset<?> dataset, String policy) {
    trained();
    InterventionPolicy p = InterventionPolicy.of(policy);
    if (p == InterventionPolicy.NONE) {
      throw new IllegalArgumentException("an intervention curve needs the policy random or uncertainty, got none");
    }
    StructType schema = dataset.schema();
    Dataset<Row> in = dataset.toDF().select(
        ConceptColumns.features(schema, getFeaturesCol(), getInputCols()).as(ConceptColumns.FEATURES),
        truth(schema).as(ConceptColumns.TRUE_CONCEPTS),
        ConceptColumns.label(schema, getLabelCol()).as(ConceptColumns.LABEL));
    ConceptScorer scorer = new ConceptScorer(spec, parameters, 0, 1, -1, p, 0, getInterventionSeed(), 0,
        featureDescription());
    int k = spec.numConcepts();
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

  /** A copy of this model's network with new params, for {@link #copy(ParamMap)}. */
  abstract M newInstance(String uid, NetworkSpec spec, ParameterSnapshot parameters, Map<String, String> provenance);

  @Override
  public M copy(ParamMap extra) {
    M copy = newInstance(uid, spec, parameters, provenance);
    copyValues(copy, extra);
    if (hasParent()) {
      copy.setParent(parent());
    }
    return copy;
  }

  @Override
  public MLWriter write() {
    return new MLWriter() {
      @Override
      public void saveImpl(String path) {
        trained();
        try {
          NetworkModelStore.save(ConceptModel.this, path, sparkSession(), spec, parameters, provenance, doc -> { });
        } catch (IOException e) {
          throw new java.io.UncheckedIOException("cannot save the model to " + path + ": " + e.getMessage(), e);
        }
      }
    };
  }

  @Override
  public void save(String path) throws IOException {
    write().save(path);
  }

  /**
   * A reader of the models a concrete class saves, also under {@code formerName} (the fitted
   * model's class name before the rename). A folder without a network saved under the concrete
   * class's name is an estimator saved before the rename, when the estimator had that name: it is
   * read by {@code formerEstimator}, so Spark's readers and pipelines that hold one still load.
   */
  static <T extends ConceptModel<T>> MLReader<T> reader(Class<T> type, Factory<T> factory, String formerName,
      java.util.function.Supplier<MLReader<?>> formerEstimator) {
    MLReader<Object> reader = new MLReader<>() {
      @Override
      public Object load(String path) {
        if (!NetworkModelStore.hasNetwork(path, sparkSession())) {
          SavedStages.metadata(path, sparkSession(), java.util.List.of(type.getName()));
          return formerEstimator.get().load(path);
        }
        NetworkModelStore.Loaded loaded = NetworkModelStore.load(path, sparkSession(),
            java.util.List.of(type.getName(), formerName));
        T model = factory.create(loaded.metadata().uid(), loaded.spec(), loaded.parameters(),
            new LinkedHashMap<>(loaded.provenance()));
        loaded.metadata().getAndSetParams(model, scala.Option.empty());
        return model;
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
