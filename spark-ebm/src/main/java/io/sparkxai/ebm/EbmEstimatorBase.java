package io.sparkxai.ebm;

import io.sparkxai.ebm.core.EbmModel;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * What the EBM estimators share: the params (with interpretml's defaults), fluent setters, the warm
 * start, and {@link #fit}, which hands the data to {@link EbmTrainer}.
 *
 * @param <M> the model it fits
 * @param <S> the concrete estimator (for fluent setters)
 */
public abstract class EbmEstimatorBase<M extends EbmModelBase<M>, S extends EbmEstimatorBase<M, S>>
    extends Estimator<M> implements EbmParams, DefaultParamsWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  final EbmParamDefs defs;
  private transient EbmModelBase<?> initialModel;

  EbmEstimatorBase(String uid, boolean classifier) {
    this.uid = uid;
    this.defs = new EbmParamDefs(this);
    defs.setDefaults(this, classifier);
  }

  @Override
  public String uid() {
    return uid;
  }

  @SuppressWarnings("unchecked")
  final S self() {
    return (S) this;
  }

  @Override
  public final Param<String> featuresCol() {
    return defs.featuresCol;
  }

  @Override
  public final StringArrayParam inputCols() {
    return defs.inputCols;
  }

  @Override
  public final StringArrayParam featureNames() {
    return defs.featureNames;
  }

  @Override
  public final StringArrayParam categoricalCols() {
    return defs.categoricalCols;
  }

  @Override
  public final Param<String> labelCol() {
    return defs.labelCol;
  }

  @Override
  public final Param<String> weightCol() {
    return defs.weightCol;
  }

  @Override
  public final Param<String> validationIndicatorCol() {
    return defs.validationIndicatorCol;
  }

  @Override
  public final Param<String> rowIdCol() {
    return defs.rowIdCol;
  }

  @Override
  public final Param<String> predictionCol() {
    return defs.predictionCol;
  }

  @Override
  public final Param<String> contributionsCol() {
    return defs.contributionsCol;
  }

  @Override
  public final IntParam maxBins() {
    return defs.maxBins;
  }

  @Override
  public final IntParam maxInteractionBins() {
    return defs.maxInteractionBins;
  }

  @Override
  public final Param<String> interactions() {
    return defs.interactions;
  }

  @Override
  public final IntParam outerBags() {
    return defs.outerBags;
  }

  @Override
  public final DoubleParam learningRate() {
    return defs.learningRate;
  }

  @Override
  public final IntParam maxRounds() {
    return defs.maxRounds;
  }

  @Override
  public final IntParam earlyStoppingRounds() {
    return defs.earlyStoppingRounds;
  }

  @Override
  public final DoubleParam earlyStoppingTolerance() {
    return defs.earlyStoppingTolerance;
  }

  @Override
  public final IntParam minSamplesLeaf() {
    return defs.minSamplesLeaf;
  }

  @Override
  public final DoubleParam minHessian() {
    return defs.minHessian;
  }

  @Override
  public final IntParam maxLeaves() {
    return defs.maxLeaves;
  }

  @Override
  public final IntParam smoothingRounds() {
    return defs.smoothingRounds;
  }

  @Override
  public final IntParam interactionSmoothingRounds() {
    return defs.interactionSmoothingRounds;
  }

  @Override
  public final DoubleParam greedyRatio() {
    return defs.greedyRatio;
  }

  @Override
  public final IntParam minCatSamples() {
    return defs.minCatSamples;
  }

  @Override
  public final DoubleParam catSmooth() {
    return defs.catSmooth;
  }

  @Override
  public final DoubleParam gainScale() {
    return defs.gainScale;
  }

  @Override
  public final DoubleParam validationSize() {
    return defs.validationSize;
  }

  @Override
  public final LongParam seed() {
    return defs.seed;
  }

  @Override
  public final Param<String> handleInvalid() {
    return defs.handleInvalid;
  }

  @Override
  public final IntParam numShards() {
    return defs.numShards;
  }

  @Override
  public final IntParam roundsPerSync() {
    return defs.roundsPerSync;
  }

  @Override
  public final IntParam logEvery() {
    return defs.logEvery;
  }

  @Override
  public final Param<String> initialModelPath() {
    return defs.initialModelPath;
  }

  /** Sets {@link #featuresCol()}: the vector column of features. */
  public final S setFeaturesCol(String value) {
    set(defs.featuresCol, value);
    return self();
  }

  /** Sets {@link #inputCols()}: the feature columns. */
  public final S setInputCols(String[] value) {
    set(defs.inputCols, value);
    return self();
  }

  /** Sets {@link #featureNames()}: the names of the vector's slots. */
  public final S setFeatureNames(String[] value) {
    set(defs.featureNames, value);
    return self();
  }

  /** Sets {@link #categoricalCols()}: features treated as categorical. */
  public final S setCategoricalCols(String[] value) {
    set(defs.categoricalCols, value);
    return self();
  }

  /** Sets {@link #labelCol()}: the label column. */
  public final S setLabelCol(String value) {
    set(defs.labelCol, value);
    return self();
  }

  /** Sets {@link #weightCol()}: the row weight column (empty: none). */
  public final S setWeightCol(String value) {
    set(defs.weightCol, value);
    return self();
  }

  /** Sets {@link #validationIndicatorCol()}: the validation indicator column (empty: none). */
  public final S setValidationIndicatorCol(String value) {
    set(defs.validationIndicatorCol, value);
    return self();
  }

  /** Sets {@link #rowIdCol()}: the row id column (empty: content hash). */
  public final S setRowIdCol(String value) {
    set(defs.rowIdCol, value);
    return self();
  }

  /** Sets {@link #predictionCol()}: the prediction output column. */
  public final S setPredictionCol(String value) {
    set(defs.predictionCol, value);
    return self();
  }

  /** Sets {@link #contributionsCol()}: the contributions output column (empty: none). */
  public final S setContributionsCol(String value) {
    set(defs.contributionsCol, value);
    return self();
  }

  /** Sets {@link #maxBins()}: bins per feature for mains. */
  public final S setMaxBins(int value) {
    set(defs.maxBins, value);
    return self();
  }

  /** Sets {@link #maxInteractionBins()}: bins per feature in pairs. */
  public final S setMaxInteractionBins(int value) {
    set(defs.maxInteractionBins, value);
    return self();
  }

  /** Sets {@link #interactions()}: pairs to boost ("10", "3x", "0"). */
  public final S setInteractions(String value) {
    set(defs.interactions, value);
    return self();
  }

  /** Sets {@link #outerBags()}: outer bags. */
  public final S setOuterBags(int value) {
    set(defs.outerBags, value);
    return self();
  }

  /** Sets {@link #learningRate()}: the learning rate. */
  public final S setLearningRate(double value) {
    set(defs.learningRate, value);
    return self();
  }

  /** Sets {@link #maxRounds()}: the most boosting rounds. */
  public final S setMaxRounds(int value) {
    set(defs.maxRounds, value);
    return self();
  }

  /** Sets {@link #earlyStoppingRounds()}: early stopping patience in rounds. */
  public final S setEarlyStoppingRounds(int value) {
    set(defs.earlyStoppingRounds, value);
    return self();
  }

  /** Sets {@link #earlyStoppingTolerance()}: early stopping relative tolerance. */
  public final S setEarlyStoppingTolerance(double value) {
    set(defs.earlyStoppingTolerance, value);
    return self();
  }

  /** Sets {@link #minSamplesLeaf()}: fewest rows per leaf. */
  public final S setMinSamplesLeaf(int value) {
    set(defs.minSamplesLeaf, value);
    return self();
  }

  /** Sets {@link #minHessian()}: smallest hessian per leaf. */
  public final S setMinHessian(double value) {
    set(defs.minHessian, value);
    return self();
  }

  /** Sets {@link #maxLeaves()}: leaves per main-term update. */
  public final S setMaxLeaves(int value) {
    set(defs.maxLeaves, value);
    return self();
  }

  /** Sets {@link #smoothingRounds()}: random-split rounds of the mains. */
  public final S setSmoothingRounds(int value) {
    set(defs.smoothingRounds, value);
    return self();
  }

  /** Sets {@link #interactionSmoothingRounds()}: random-split rounds of the pairs. */
  public final S setInteractionSmoothingRounds(int value) {
    set(defs.interactionSmoothingRounds, value);
    return self();
  }

  /** Sets {@link #greedyRatio()}: greedy steps per term after each gain pass. */
  public final S setGreedyRatio(double value) {
    set(defs.greedyRatio, value);
    return self();
  }

  /** Sets {@link #minCatSamples()}: fewest rows of a category before it is pooled. */
  public final S setMinCatSamples(int value) {
    set(defs.minCatSamples, value);
    return self();
  }

  /** Sets {@link #catSmooth()}: category ordering smoothing. */
  public final S setCatSmooth(double value) {
    set(defs.catSmooth, value);
    return self();
  }

  /** Sets {@link #gainScale()}: gain factor of categorical mains. */
  public final S setGainScale(double value) {
    set(defs.gainScale, value);
    return self();
  }

  /** Sets {@link #validationSize()}: validation fraction per bag. */
  public final S setValidationSize(double value) {
    set(defs.validationSize, value);
    return self();
  }

  /** Sets {@link #seed()}: the seed. */
  public final S setSeed(long value) {
    set(defs.seed, value);
    return self();
  }

  /** Sets {@link #handleInvalid()}: how rows with bad labels are handled. */
  public final S setHandleInvalid(String value) {
    set(defs.handleInvalid, value);
    return self();
  }

  /** Sets {@link #numShards()}: shards per bag (0: automatic). */
  public final S setNumShards(int value) {
    set(defs.numShards, value);
    return self();
  }

  /** Sets {@link #roundsPerSync()}: rounds between merges in sharded mode. */
  public final S setRoundsPerSync(int value) {
    set(defs.roundsPerSync, value);
    return self();
  }

  /** Sets {@link #logEvery()}: rounds between progress log lines. */
  public final S setLogEvery(int value) {
    set(defs.logEvery, value);
    return self();
  }

  /** Sets {@link #initialModelPath()}: the warm-start model path (empty: none). */
  public final S setInitialModelPath(String value) {
    set(defs.initialModelPath, value);
    return self();
  }

  /**
   * Continues boosting from a fitted model (warm start): its binning and terms are kept, new
   * boosting adds to its scores on this fit's data. Not a param (models are not literal values);
   * {@link #initialModelPath()} does the same from a saved model. Set null to clear.
   */
  public final S setInitialModel(EbmModelBase<?> model) {
    this.initialModel = model;
    return self();
  }

  /** The warm-start model set by {@link #setInitialModel}, or null. */
  public final EbmModelBase<?> getInitialModel() {
    return initialModel;
  }

  /** Whether the estimator classifies. */
  abstract boolean classifier();

  /** The classification family ("auto", "binary", "multinomial"), "regression" for regressors. */
  abstract String familyValue();

  /** A new, empty model of the concrete type. */
  abstract M newModel(String modelUid);

  /** Loads a saved model of the concrete type (for {@link #initialModelPath()}). */
  abstract M loadModel(String path);

  @Override
  public M fit(Dataset<?> dataset) {
    EbmSettings settings = EbmSettings.from(this, classifier(), familyValue());
    EbmModel initial = null;
    if (initialModel != null) {
      initial = initialModel.ebm();
    } else if (!settings.initialModelPath().isEmpty()) {
      initial = loadModel(settings.initialModelPath()).ebm();
    }
    EbmTrainer.Result r = EbmTrainer.fit(dataset, settings, initial, uid);
    M model = newModel(uid);
    model.setFitted(r.model(), r.summary(), r.provenance());
    copyValues(model, ParamMap.empty());
    return model.setParent(this);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return copyValues(newModel(uid), ParamMap.empty()).transformSchema(schema);
  }

  @Override
  public S copy(ParamMap extra) {
    S copy = defaultCopy(extra);
    copy.setInitialModel(initialModel);
    return copy;
  }
}
