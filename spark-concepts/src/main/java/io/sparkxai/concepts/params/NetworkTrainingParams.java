package io.sparkxai.concepts.params;

import io.sparkxai.params.DeclaredParams;
import io.sparkxai.params.ParamDecl;
import io.sparkxai.params.Rule;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;

/**
 * How every concept-network estimator trains: the hidden activation, AdamW, epochs, batches, the
 * seed and the shards trained in parallel. Each estimator sets its own default seed (the hash of
 * its first class name, as Spark's {@code HasSeed} does), and the entropy explainer its own learning
 * rate.
 *
 * @param <S> the estimator
 */
public interface NetworkTrainingParams<S extends NetworkTrainingParams<S>> extends DeclaredParams<S> {
  ParamDecl<String> ACTIVATION = ParamDecl.ofString("activation",
      "hidden-layer activation: leaky_relu, relu, tanh, sigmoid", "leaky_relu",
      Rule.exactlyOneOf("leaky_relu", "relu", "tanh", "sigmoid"));
  ParamDecl<Double> LEARNING_RATE = ParamDecl.ofDouble("learningRate", "AdamW learning rate (> 0)", 0.01,
      Rule.above(0));
  ParamDecl<Double> WEIGHT_DECAY = ParamDecl.ofDouble("weightDecay",
      "AdamW decoupled weight decay (>= 0; PyTorch's default 0.01)", 0.01, Rule.atLeast(0.0));
  ParamDecl<Integer> EPOCHS = ParamDecl.ofInt("epochs", "passes over the training data (>= 1)", 2001, Rule.atLeast(1));
  ParamDecl<Integer> BATCH_SIZE = ParamDecl.ofInt("batchSize",
      "rows per optimisation step; 0 = the whole shard (full batch)", 0, Rule.atLeast(0));
  ParamDecl<Long> SEED = ParamDecl.ofLong("seed", "seed of the initialisation, batch order and random interventions",
      0L, Rule.any());
  ParamDecl<Integer> NUM_SHARDS = ParamDecl.ofInt("numShards",
      "shards trained in parallel with parameter averaging; 0 = ceil(rows / rowsPerShard)", 0, Rule.atLeast(0));
  ParamDecl<Integer> ROWS_PER_SHARD = ParamDecl.ofInt("rowsPerShard", "rows per shard when numShards = 0 (>= 1)",
      100_000, Rule.atLeast(1));
  ParamDecl<Integer> EPOCHS_PER_SYNC = ParamDecl.ofInt("epochsPerSync",
      "epochs each shard runs between parameter averages (>= 1)", 10, Rule.atLeast(1));

  /** Hidden-layer activation (default {@code leaky_relu}). */
  default Param<String> activation() {
    return declared(ACTIVATION);
  }

  default String getActivation() {
    return valueOf(ACTIVATION);
  }

  default S setActivation(String value) {
    return setValue(ACTIVATION, value);
  }

  /** AdamW learning rate (default 0.01). */
  default DoubleParam learningRate() {
    return doubleParam(LEARNING_RATE);
  }

  default double getLearningRate() {
    return valueOf(LEARNING_RATE);
  }

  default S setLearningRate(double value) {
    return setValue(LEARNING_RATE, value);
  }

  /** AdamW weight decay (default 0.01). */
  default DoubleParam weightDecay() {
    return doubleParam(WEIGHT_DECAY);
  }

  default double getWeightDecay() {
    return valueOf(WEIGHT_DECAY);
  }

  default S setWeightDecay(double value) {
    return setValue(WEIGHT_DECAY, value);
  }

  /** Epochs (default 2001, the blog recipe). */
  default IntParam epochs() {
    return intParam(EPOCHS);
  }

  default int getEpochs() {
    return valueOf(EPOCHS);
  }

  default S setEpochs(int value) {
    return setValue(EPOCHS, value);
  }

  /** Rows per step; 0 = full batch (default). */
  default IntParam batchSize() {
    return intParam(BATCH_SIZE);
  }

  default int getBatchSize() {
    return valueOf(BATCH_SIZE);
  }

  default S setBatchSize(int value) {
    return setValue(BATCH_SIZE, value);
  }

  /** Seed. */
  default LongParam seed() {
    return longParam(SEED);
  }

  default long getSeed() {
    return valueOf(SEED);
  }

  default S setSeed(long value) {
    return setValue(SEED, value);
  }

  /** Shards; 0 = from {@code rowsPerShard} (default). */
  default IntParam numShards() {
    return intParam(NUM_SHARDS);
  }

  default int getNumShards() {
    return valueOf(NUM_SHARDS);
  }

  default S setNumShards(int value) {
    return setValue(NUM_SHARDS, value);
  }

  /** Rows per shard when shards are automatic (default 100,000). */
  default IntParam rowsPerShard() {
    return intParam(ROWS_PER_SHARD);
  }

  default int getRowsPerShard() {
    return valueOf(ROWS_PER_SHARD);
  }

  default S setRowsPerShard(int value) {
    return setValue(ROWS_PER_SHARD, value);
  }

  /** Epochs between parameter averages across shards (default 10). */
  default IntParam epochsPerSync() {
    return intParam(EPOCHS_PER_SYNC);
  }

  default int getEpochsPerSync() {
    return valueOf(EPOCHS_PER_SYNC);
  }

  default S setEpochsPerSync(int value) {
    return setValue(EPOCHS_PER_SYNC, value);
  }
}
