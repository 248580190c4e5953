package io.sparkxai.concepts;

import io.sparkxai.concepts.core.ActivationFunction;
import io.sparkxai.concepts.core.AdamWSettings;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsWritable;

/**
 * What every concept-network estimator shares: the concept and label columns, the output columns,
 * and how the network is trained (AdamW, epochs, batches, seed, shards). Training is deterministic:
 * the same data, seed and params give the same model whatever the data's partitioning.
 *
 * @param <M> the fitted model
 * @param <S> the concrete estimator (what the fluent setters return)
 */
public abstract class ConceptNetworkEstimator<M extends Model<M>, S extends ConceptNetworkEstimator<M, S>>
    extends Estimator<M> implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final StringArrayParam conceptCols;
  private final Param<String> labelCol;
  private final Param<String> predictionCol;
  private final Param<String> probabilityCol;
  private final Param<String> rawPredictionCol;
  private final Param<String> activation;
  private final DoubleParam learningRate;
  private final DoubleParam weightDecay;
  private final IntParam epochs;
  private final IntParam batchSize;
  private final LongParam seed;
  private final IntParam numShards;
  private final IntParam rowsPerShard;
  private final IntParam epochsPerSync;

  /**
   * Declares the params and their defaults.
   *
   * @param defaultSeed the seed's default: the hash of the estimator's first class name, as Spark's
   *     {@code HasSeed} does, kept across renames so that a default fit stays the same
   */
  protected ConceptNetworkEstimator(String uid, long defaultSeed) {
    this.uid = uid;
    conceptCols = new StringArrayParam(this, "conceptCols", "numeric concept columns, values in [0, 1] (required)");
    labelCol = new Param<>(this, "labelCol", "label column: class indices 0, 1, ...");
    predictionCol = new Param<>(this, "predictionCol", "output column: predicted class index");
    probabilityCol = new Param<>(this, "probabilityCol", "output column: class probabilities (vector)");
    rawPredictionCol = new Param<>(this, "rawPredictionCol", "output column: class scores (vector)");
    activation = new Param<>(this, "activation", "hidden-layer activation: leaky_relu, relu, tanh, sigmoid",
        ParamValidators.inArray(new String[] {"leaky_relu", "relu", "tanh", "sigmoid"}));
    learningRate = new DoubleParam(this, "learningRate", "AdamW learning rate (> 0)", ParamValidators.gt(0));
    weightDecay = new DoubleParam(this, "weightDecay", "AdamW decoupled weight decay (>= 0; PyTorch's default 0.01)",
        ParamValidators.gtEq(0));
    epochs = new IntParam(this, "epochs", "passes over the training data (>= 1)", ParamValidators.gtEq(1));
    batchSize = new IntParam(this, "batchSize", "rows per optimisation step; 0 = the whole shard (full batch)",
        ParamValidators.gtEq(0));
    seed = new LongParam(this, "seed", "seed of the initialisation, batch order and random interventions");
    numShards = new IntParam(this, "numShards",
        "shards trained in parallel with parameter averaging; 0 = ceil(rows / rowsPerShard)", ParamValidators.gtEq(0));
    rowsPerShard = new IntParam(this, "rowsPerShard", "rows per shard when numShards = 0 (>= 1)", ParamValidators.gtEq(1));
    epochsPerSync = new IntParam(this, "epochsPerSync", "epochs each shard runs between parameter averages (>= 1)",
        ParamValidators.gtEq(1));
    setDefault(labelCol, "label");
    setDefault(predictionCol, "prediction");
    setDefault(probabilityCol, "probability");
    setDefault(rawPredictionCol, "rawPrediction");
    setDefault(activation, ActivationFunction.LEAKY_RELU.paramName());
    setDefault(learningRate, 0.01);
    setDefault(weightDecay, 0.01);
    setDefault(epochs, 2001);
    setDefault(batchSize, 0);
    setDefault(seed, defaultSeed);
    setDefault(numShards, 0);
    setDefault(rowsPerShard, 100_000);
    setDefault(epochsPerSync, 10);
  }

  @Override
  public String uid() {
    return uid;
  }

  /** Concept columns (required). */
  public final StringArrayParam conceptCols() {
    return conceptCols;
  }

  /** Label column (default {@code label}). */
  public final Param<String> labelCol() {
    return labelCol;
  }

  /** Predicted-class output column (default {@code prediction}). */
  public final Param<String> predictionCol() {
    return predictionCol;
  }

  /** Class-probability output column (default {@code probability}). */
  public final Param<String> probabilityCol() {
    return probabilityCol;
  }

  /** Class-score output column (default {@code rawPrediction}). */
  public final Param<String> rawPredictionCol() {
    return rawPredictionCol;
  }

  /** Hidden-layer activation (default {@code leaky_relu}). */
  public final Param<String> activation() {
    return activation;
  }

  /** AdamW learning rate. */
  public final DoubleParam learningRate() {
    return learningRate;
  }

  /** AdamW weight decay (default 0.01). */
  public final DoubleParam weightDecay() {
    return weightDecay;
  }

  /** Epochs (default 2001, the blog recipe). */
  public final IntParam epochs() {
    return epochs;
  }

  /** Rows per step; 0 = full batch (default). */
  public final IntParam batchSize() {
    return batchSize;
  }

  /** Seed. */
  public final LongParam seed() {
    return seed;
  }

  /** Shards; 0 = from {@link #rowsPerShard()} (default). */
  public final IntParam numShards() {
    return numShards;
  }

  /** Rows per shard when shards are automatic (default 100,000). */
  public final IntParam rowsPerShard() {
    return rowsPerShard;
  }

  /** Epochs between parameter averages across shards (default 10). */
  public final IntParam epochsPerSync() {
    return epochsPerSync;
  }

  public String[] getConceptCols() {
    return getOrDefault(conceptCols);
  }

  public String getLabelCol() {
    return getOrDefault(labelCol);
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

  public String getActivation() {
    return getOrDefault(activation);
  }

  public double getLearningRate() {
    return (Double) getOrDefault(learningRate);
  }

  public double getWeightDecay() {
    return (Double) getOrDefault(weightDecay);
  }

  public int getEpochs() {
    return (Integer) getOrDefault(epochs);
  }

  public int getBatchSize() {
    return (Integer) getOrDefault(batchSize);
  }

  public long getSeed() {
    return (Long) getOrDefault(seed);
  }

  public int getNumShards() {
    return (Integer) getOrDefault(numShards);
  }

  public int getRowsPerShard() {
    return (Integer) getOrDefault(rowsPerShard);
  }

  public int getEpochsPerSync() {
    return (Integer) getOrDefault(epochsPerSync);
  }

  /** This estimator as its concrete type. */
  @SuppressWarnings("unchecked")
  protected final S self() {
    return (S) this;
  }

  public S setConceptCols(String... value) {
    set(conceptCols, value);
    return self();
  }

  public S setLabelCol(String value) {
    set(labelCol, value);
    return self();
  }

  public S setPredictionCol(String value) {
    set(predictionCol, value);
    return self();
  }

  public S setProbabilityCol(String value) {
    set(probabilityCol, value);
    return self();
  }

  public S setRawPredictionCol(String value) {
    set(rawPredictionCol, value);
    return self();
  }

  public S setActivation(String value) {
    set(activation, value);
    return self();
  }

  public S setLearningRate(double value) {
    set(learningRate, value);
    return self();
  }

  public S setWeightDecay(double value) {
    set(weightDecay, value);
    return self();
  }

  public S setEpochs(int value) {
    set(epochs, value);
    return self();
  }

  public S setBatchSize(int value) {
    set(batchSize, value);
    return self();
  }

  public S setSeed(long value) {
    set(seed, value);
    return self();
  }

  public S setNumShards(int value) {
    set(numShards, value);
    return self();
  }

  public S setRowsPerShard(int value) {
    set(rowsPerShard, value);
    return self();
  }

  public S setEpochsPerSync(int value) {
    set(epochsPerSync, value);
    return self();
  }

  /** The AdamW settings these params describe. */
  AdamWSettings adamW() {
    return new AdamWSettings(getLearningRate(), getWeightDecay(), 0.9, 0.999, 1e-8);
  }

  /** The number of shards for {@code rows} training rows. */
  int shardsFor(long rows) {
    int n = getNumShards();
    return n > 0 ? n : (int) Math.max(1, (rows + getRowsPerShard() - 1) / getRowsPerShard());
  }

  /** The concept columns, checked to be set and non-empty. */
  String[] requireConceptCols() {
    if (!isDefined(conceptCols) || getConceptCols().length == 0) {
      throw new IllegalArgumentException("conceptCols must name at least one concept column");
    }
    if (getConceptCols().length > 63) {
      throw new IllegalArgumentException("conceptCols: at most 63 concepts are supported, got " + getConceptCols().length);
    }
    return getConceptCols();
  }
}
