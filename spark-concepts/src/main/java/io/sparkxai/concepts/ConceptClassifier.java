package io.sparkxai.concepts;

import io.sparkxai.concepts.core.ActivationFunction;
import io.sparkxai.concepts.core.NetworkSpec;
import io.sparkxai.concepts.core.Objective;
import io.sparkxai.concepts.core.ParameterSnapshot;
import io.sparkxai.concepts.core.TrainingState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * What the estimators of models from features through concepts to a task share: the feature
 * columns, the encoder and head sizes, the loss weights, the concept output column, and the fit
 * (validate, shard, train the stages, build the model).
 *
 * @param <M> the fitted model
 * @param <S> the concrete estimator
 */
public abstract class ConceptClassifier<M extends ConceptModel<M>, S extends ConceptClassifier<M, S>>
    extends ConceptNetworkEstimator<M, S> {
  private static final long serialVersionUID = 1L;

  private final Param<String> featuresCol;
  private final StringArrayParam inputCols;
  private final IntArrayParam encoderHiddenSizes;
  private final IntArrayParam headHiddenSizes;
  private final DoubleParam conceptLossWeight;
  private final DoubleParam taskLossWeight;
  private final Param<String> conceptProbabilityCol;

  /** Declares the params and their defaults. */
  protected ConceptClassifier(String uid, long defaultSeed) {
    super(uid, defaultSeed);
    featuresCol = new Param<>(this, "featuresCol", "features column (vector or numeric array), used when inputCols is empty");
    inputCols = new StringArrayParam(this, "inputCols", "numeric feature columns (take precedence over featuresCol)");
    encoderHiddenSizes = new IntArrayParam(this, "encoderHiddenSizes", "hidden layer widths of the concept encoder");
    headHiddenSizes = new IntArrayParam(this, "headHiddenSizes", "hidden layer widths of the task head");
    conceptLossWeight = new DoubleParam(this, "conceptLossWeight", "weight of the concept loss (>= 0)",
        ParamValidators.gtEq(0));
    taskLossWeight = new DoubleParam(this, "taskLossWeight", "weight of the task loss (>= 0)", ParamValidators.gtEq(0));
    conceptProbabilityCol = new Param<>(this, "conceptProbabilityCol",
        "output column: the concept probabilities the head used (vector)");
    setDefault(featuresCol, "features");
    setDefault(inputCols, new String[0]);
    setDefault(encoderHiddenSizes, new int[] {10, 8});
    setDefault(headHiddenSizes, new int[] {8});
    setDefault(conceptLossWeight, 1.0);
    setDefault(taskLossWeight, 0.2);
    setDefault(conceptProbabilityCol, "conceptProbabilities");
  }

  /** Features column, a vector or numeric array (default {@code features}); used when inputCols is empty. */
  public final Param<String> featuresCol() {
    return featuresCol;
  }

  /** Numeric feature columns (default none: use featuresCol). */
  public final StringArrayParam inputCols() {
    return inputCols;
  }

  /** Encoder hidden widths (default 10, 8: the blog recipe). */
  public final IntArrayParam encoderHiddenSizes() {
    return encoderHiddenSizes;
  }

  /** Head hidden widths (default 8). */
  public final IntArrayParam headHiddenSizes() {
    return headHiddenSizes;
  }

  /** Weight of the concept loss in joint training (default 1). */
  public final DoubleParam conceptLossWeight() {
    return conceptLossWeight;
  }

  /** Weight of the task loss in joint training (default 0.2: BCE(c) + 0.2·BCE(y), the blog recipe). */
  public final DoubleParam taskLossWeight() {
    return taskLossWeight;
  }

  /** Output column of the concept probabilities (default {@code conceptProbabilities}). */
  public final Param<String> conceptProbabilityCol() {
    return conceptProbabilityCol;
  }

  public String getFeaturesCol() {
    return getOrDefault(featuresCol);
  }

  public String[] getInputCols() {
    return getOrDefault(inputCols);
  }

  public int[] getEncoderHiddenSizes() {
    return getOrDefault(encoderHiddenSizes);
  }

  public int[] getHeadHiddenSizes() {
    return getOrDefault(headHiddenSizes);
  }

  public double getConceptLossWeight() {
    return (Double) getOrDefault(conceptLossWeight);
  }

  public double getTaskLossWeight() {
    return (Double) getOrDefault(taskLossWeight);
  }

  public String getConceptProbabilityCol() {
    return getOrDefault(conceptProbabilityCol);
  }

  public S setFeaturesCol(String value) {
    set(featuresCol, value);
    return self();
  }

  public S setInputCols(String... value) {
    set(inputCols, value);
    return self();
  }

  public S setEncoderHiddenSizes(int... value) {
    set(encoderHiddenSizes, value);
    return self();
  }

  public S setHeadHiddenSizes(int... value) {
    set(headHiddenSizes, value);
    return self();
  }

  public S setConceptLossWeight(double value) {
    set(conceptLossWeight, value);
    return self();
  }

  public S setTaskLossWeight(double value) {
    set(taskLossWeight, value);
    return self();
  }

  public S setConceptProbabilityCol(String value) {
    set(conceptProbabilityCol, value);
    return self();
  }

  /** The network for the data's sizes. */
  abstract NetworkSpec networkSpec(int features, int concepts, int classes);

  /** The training stages, in order. */
  abstract List<Objective> stages();

  /** Builds the fitted model. */
  abstract M newModel(NetworkSpec spec, ParameterSnapshot parameters, Map<String, String> provenance);

  /** A short name of what is trained, for the provenance ({@code cbm-joint}, {@code cem}). */
  abstract String trainingName();

  ActivationFunction activationFunction() {
    return ActivationFunction.of(getActivation());
  }

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
    try (ShardedTraining training = new ShardedTraining(prepared, shards, summary.featureWidth(), concepts.length)) {
      TrainingState state = null;
      for (Objective stage : stages()) {
        state = training.run(spec, stage, state == null ? null : TrainingState.fresh(state.parameters()), adamW(),
            getEpochs(), getBatchSize(), getSeed(), getEpochsPerSync());
      }
      Map<String, String> provenance = provenance(summary.rows(), shards, training.rounds(), started);
      M model = newModel(spec, state.parameters(), provenance);
      copyValues(model, extractParamMap());
      model.setParent(this);
      return model;
    }
  }

  Map<String, String> provenance(long rows, int shards, int rounds, long startedNanos) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("training", trainingName());
    p.put("library", libraryVersion());
    p.put("rows", Long.toString(rows));
    p.put("shards", Integer.toString(shards));
    p.put("rounds", Integer.toString(rounds));
    p.put("seed", Long.toString(getSeed()));
    p.put("epochs", Integer.toString(getEpochs()));
    p.put("fitSeconds", String.format(java.util.Locale.ROOT, "%.3f", (System.nanoTime() - startedNanos) / 1e9));
    p.put("trainedAt", Instant.now().toString());
    return p;
  }

  static String libraryVersion() {
    String v = ConceptClassifier.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public StructType transformSchema(StructType schema) {
    for (int h : getEncoderHiddenSizes()) {
      if (h < 1) {
        throw new IllegalArgumentException("encoderHiddenSizes must all be >= 1, got " + java.util.Arrays.toString(
            getEncoderHiddenSizes()));
      }
    }
    for (int h : getHeadHiddenSizes()) {
      if (h < 1) {
        throw new IllegalArgumentException("headHiddenSizes must all be >= 1, got " + java.util.Arrays.toString(
            getHeadHiddenSizes()));
      }
    }
    return ConceptModel.outputSchema(schema, getConceptProbabilityCol(), getRawPredictionCol(),
        getProbabilityCol(), getPredictionCol());
  }
}
