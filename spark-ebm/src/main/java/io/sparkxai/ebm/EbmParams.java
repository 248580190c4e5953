package io.sparkxai.ebm;

import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.param.StringArrayParam;

/**
 * The params of every EBM stage (estimators and models): input columns, output columns and
 * interpretml's hyperparameters, each with a getter. Their rules and defaults are in
 * {@link EbmParamDefs}; classifiers add {@code family}, {@code probabilityCol} and
 * {@code rawPredictionCol}.
 */
public interface EbmParams extends Params {

  /** The param: the vector column of features. */
  Param<String> featuresCol();

  /** The value of {@link #featuresCol()}. */
  default String getFeaturesCol() {
    return (String) getOrDefault(featuresCol());
  }

  /** The param: the feature columns. */
  StringArrayParam inputCols();

  /** The value of {@link #inputCols()}. */
  default String[] getInputCols() {
    return (String[]) getOrDefault(inputCols());
  }

  /** The param: the names of the vector's slots. */
  StringArrayParam featureNames();

  /** The value of {@link #featureNames()}. */
  default String[] getFeatureNames() {
    return (String[]) getOrDefault(featureNames());
  }

  /** The param: features treated as categorical. */
  StringArrayParam categoricalCols();

  /** The value of {@link #categoricalCols()}. */
  default String[] getCategoricalCols() {
    return (String[]) getOrDefault(categoricalCols());
  }

  /** The param: the label column. */
  Param<String> labelCol();

  /** The value of {@link #labelCol()}. */
  default String getLabelCol() {
    return (String) getOrDefault(labelCol());
  }

  /** The param: the row weight column (empty: none). */
  Param<String> weightCol();

  /** The value of {@link #weightCol()}. */
  default String getWeightCol() {
    return (String) getOrDefault(weightCol());
  }

  /** The param: the validation indicator column (empty: none). */
  Param<String> validationIndicatorCol();

  /** The value of {@link #validationIndicatorCol()}. */
  default String getValidationIndicatorCol() {
    return (String) getOrDefault(validationIndicatorCol());
  }

  /** The param: the row id column (empty: content hash). */
  Param<String> rowIdCol();

  /** The value of {@link #rowIdCol()}. */
  default String getRowIdCol() {
    return (String) getOrDefault(rowIdCol());
  }

  /** The param: the prediction output column. */
  Param<String> predictionCol();

  /** The value of {@link #predictionCol()}. */
  default String getPredictionCol() {
    return (String) getOrDefault(predictionCol());
  }

  /** The param: the contributions output column (empty: none). */
  Param<String> contributionsCol();

  /** The value of {@link #contributionsCol()}. */
  default String getContributionsCol() {
    return (String) getOrDefault(contributionsCol());
  }

  /** The param: bins per feature for mains. */
  IntParam maxBins();

  /** The value of {@link #maxBins()}. */
  default int getMaxBins() {
    return (Integer) getOrDefault(maxBins());
  }

  /** The param: bins per feature in pairs. */
  IntParam maxInteractionBins();

  /** The value of {@link #maxInteractionBins()}. */
  default int getMaxInteractionBins() {
    return (Integer) getOrDefault(maxInteractionBins());
  }

  /** The param: pairs to boost ("10", "3x", "0"). */
  Param<String> interactions();

  /** The value of {@link #interactions()}. */
  default String getInteractions() {
    return (String) getOrDefault(interactions());
  }

  /** The param: outer bags. */
  IntParam outerBags();

  /** The value of {@link #outerBags()}. */
  default int getOuterBags() {
    return (Integer) getOrDefault(outerBags());
  }

  /** The param: the learning rate. */
  DoubleParam learningRate();

  /** The value of {@link #learningRate()}. */
  default double getLearningRate() {
    return (Double) getOrDefault(learningRate());
  }

  /** The param: the most boosting rounds. */
  IntParam maxRounds();

  /** The value of {@link #maxRounds()}. */
  default int getMaxRounds() {
    return (Integer) getOrDefault(maxRounds());
  }

  /** The param: early stopping patience in rounds. */
  IntParam earlyStoppingRounds();

  /** The value of {@link #earlyStoppingRounds()}. */
  default int getEarlyStoppingRounds() {
    return (Integer) getOrDefault(earlyStoppingRounds());
  }

  /** The param: early stopping relative tolerance. */
  DoubleParam earlyStoppingTolerance();

  /** The value of {@link #earlyStoppingTolerance()}. */
  default double getEarlyStoppingTolerance() {
    return (Double) getOrDefault(earlyStoppingTolerance());
  }

  /** The param: fewest rows per leaf. */
  IntParam minSamplesLeaf();

  /** The value of {@link #minSamplesLeaf()}. */
  default int getMinSamplesLeaf() {
    return (Integer) getOrDefault(minSamplesLeaf());
  }

  /** The param: smallest hessian per leaf. */
  DoubleParam minHessian();

  /** The value of {@link #minHessian()}. */
  default double getMinHessian() {
    return (Double) getOrDefault(minHessian());
  }

  /** The param: leaves per main-term update. */
  IntParam maxLeaves();

  /** The value of {@link #maxLeaves()}. */
  default int getMaxLeaves() {
    return (Integer) getOrDefault(maxLeaves());
  }

  /** The param: random-split rounds of the mains. */
  IntParam smoothingRounds();

  /** The value of {@link #smoothingRounds()}. */
  default int getSmoothingRounds() {
    return (Integer) getOrDefault(smoothingRounds());
  }

  /** The param: random-split rounds of the pairs. */
  IntParam interactionSmoothingRounds();

  /** The value of {@link #interactionSmoothingRounds()}. */
  default int getInteractionSmoothingRounds() {
    return (Integer) getOrDefault(interactionSmoothingRounds());
  }

  /** The param: greedy steps per term after each gain pass. */
  DoubleParam greedyRatio();

  /** The value of {@link #greedyRatio()}. */
  default double getGreedyRatio() {
    return (Double) getOrDefault(greedyRatio());
  }

  /** The param: fewest rows of a category before it is pooled. */
  IntParam minCatSamples();

  /** The value of {@link #minCatSamples()}. */
  default int getMinCatSamples() {
    return (Integer) getOrDefault(minCatSamples());
  }

  /** The param: category ordering smoothing. */
  DoubleParam catSmooth();

  /** The value of {@link #catSmooth()}. */
  default double getCatSmooth() {
    return (Double) getOrDefault(catSmooth());
  }

  /** The param: gain factor of categorical mains. */
  DoubleParam gainScale();

  /** The value of {@link #gainScale()}. */
  default double getGainScale() {
    return (Double) getOrDefault(gainScale());
  }

  /** The param: validation fraction per bag. */
  DoubleParam validationSize();

  /** The value of {@link #validationSize()}. */
  default double getValidationSize() {
    return (Double) getOrDefault(validationSize());
  }

  /** The param: the seed. */
  LongParam seed();

  /** The value of {@link #seed()}. */
  default long getSeed() {
    return (Long) getOrDefault(seed());
  }

  /** The param: how rows with bad labels are handled. */
  Param<String> handleInvalid();

  /** The value of {@link #handleInvalid()}. */
  default String getHandleInvalid() {
    return (String) getOrDefault(handleInvalid());
  }

  /** The param: shards per bag (0: automatic). */
  IntParam numShards();

  /** The value of {@link #numShards()}. */
  default int getNumShards() {
    return (Integer) getOrDefault(numShards());
  }

  /** The param: rounds between merges in sharded mode. */
  IntParam roundsPerSync();

  /** The value of {@link #roundsPerSync()}. */
  default int getRoundsPerSync() {
    return (Integer) getOrDefault(roundsPerSync());
  }

  /** The param: rounds between progress log lines. */
  IntParam logEvery();

  /** The value of {@link #logEvery()}. */
  default int getLogEvery() {
    return (Integer) getOrDefault(logEvery());
  }

  /** The param: the warm-start model path (empty: none). */
  Param<String> initialModelPath();

  /** The value of {@link #initialModelPath()}. */
  default String getInitialModelPath() {
    return (String) getOrDefault(initialModelPath());
  }

}
