package io.sparkxai.ebm;

import io.sparkxai.params.DeclaredParams;
import io.sparkxai.params.ParamDecl;
import io.sparkxai.params.Rule;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.StringArrayParam;

/**
 * The params of every EBM stage, estimators and models alike: input and output columns and
 * interpretml's hyperparameters. Each is declared once, here, as a {@link ParamDecl} (name, doc,
 * default, rule) and three default methods: the Spark param, its getter and its fluent setter.
 * Every stage implementing this interface has all of them; classifiers add
 * {@link EbmClassifierParams}. A bad value fails where it is set, with the param's name, rule and
 * value ({@code "maxBins must be >= 3, got 1"}); the rules that span several params are checked in
 * {@link EbmSettings#from}.
 *
 * <p>Adding a param is its declaration here (or in {@link EbmClassifierParams}) and its use in
 * {@link EbmSettings} and the core; {@code docs/contributing.md} shows an example.
 *
 * @param <S> the concrete stage, returned by the setters
 */
public interface EbmParams<S extends EbmParams<S>> extends DeclaredParams<S> {

  // Input columns

  /** The vector column of features, read when {@code inputCols} is empty. */
  ParamDecl<String> FEATURES_COL = ParamDecl.ofString("featuresCol",
      "vector column of features (used when inputCols is empty)", "features", EbmRules.text());
  default Param<String> featuresCol() { return declared(FEATURES_COL); }
  default String getFeaturesCol() { return valueOf(FEATURES_COL); }
  default S setFeaturesCol(String value) { return setValue(FEATURES_COL, value); }

  /** The feature columns. */
  ParamDecl<String[]> INPUT_COLS = ParamDecl.ofStrings("inputCols",
      "feature columns: numeric ones are binned by quantiles, string ones and those in categoricalCols are categorical",
      new String[0], EbmRules.names());
  default StringArrayParam inputCols() { return stringArrayParam(INPUT_COLS); }
  default String[] getInputCols() { return valueOf(INPUT_COLS); }
  default S setInputCols(String... value) { return setValue(INPUT_COLS, value); }

  /** The names of the slots of {@code featuresCol}. */
  ParamDecl<String[]> FEATURE_NAMES = ParamDecl.ofStrings("featureNames",
      "names of the slots of featuresCol (default: the vector's attribute names, else f0, f1, ...)",
      new String[0], EbmRules.names());
  default StringArrayParam featureNames() { return stringArrayParam(FEATURE_NAMES); }
  default String[] getFeatureNames() { return valueOf(FEATURE_NAMES); }
  default S setFeatureNames(String... value) { return setValue(FEATURE_NAMES, value); }

  /** Features treated as categorical even when numeric. */
  ParamDecl<String[]> CATEGORICAL_COLS = ParamDecl.ofStrings("categoricalCols",
      "features to treat as categorical even when numeric", new String[0], EbmRules.names());
  default StringArrayParam categoricalCols() { return stringArrayParam(CATEGORICAL_COLS); }
  default String[] getCategoricalCols() { return valueOf(CATEGORICAL_COLS); }
  default S setCategoricalCols(String... value) { return setValue(CATEGORICAL_COLS, value); }

  /** The label column. */
  ParamDecl<String> LABEL_COL = ParamDecl.ofString("labelCol",
      "label column: class index 0..K-1 (classification) or the target (regression)", "label", EbmRules.text());
  default Param<String> labelCol() { return declared(LABEL_COL); }
  default String getLabelCol() { return valueOf(LABEL_COL); }
  default S setLabelCol(String value) { return setValue(LABEL_COL, value); }

  /** The row weight column (empty: none). */
  ParamDecl<String> WEIGHT_COL = ParamDecl.ofString("weightCol",
      "row weight column (empty: every row weighs 1)", "", EbmRules.text());
  default Param<String> weightCol() { return declared(WEIGHT_COL); }
  default String getWeightCol() { return valueOf(WEIGHT_COL); }
  default S setWeightCol(String value) { return setValue(WEIGHT_COL, value); }

  /** The validation indicator column (empty: none). */
  ParamDecl<String> VALIDATION_INDICATOR_COL = ParamDecl.ofString("validationIndicatorCol",
      "boolean column marking the validation rows of every bag (empty: a seeded split of validationSize)",
      "", EbmRules.text());
  default Param<String> validationIndicatorCol() { return declared(VALIDATION_INDICATOR_COL); }
  default String getValidationIndicatorCol() { return valueOf(VALIDATION_INDICATOR_COL); }
  default S setValidationIndicatorCol(String value) { return setValue(VALIDATION_INDICATOR_COL, value); }

  /** The row id column (empty: a hash of the row). */
  ParamDecl<String> ROW_ID_COL = ParamDecl.ofString("rowIdCol",
      "column of stable row ids that decide shards, bags and validation rows (empty: a hash of the row's content)",
      "", EbmRules.text());
  default Param<String> rowIdCol() { return declared(ROW_ID_COL); }
  default String getRowIdCol() { return valueOf(ROW_ID_COL); }
  default S setRowIdCol(String value) { return setValue(ROW_ID_COL, value); }

  // Output columns

  /** The prediction output column. */
  ParamDecl<String> PREDICTION_COL = ParamDecl.ofString("predictionCol",
      "output: the prediction", "prediction", EbmRules.text());
  default Param<String> predictionCol() { return declared(PREDICTION_COL); }
  default String getPredictionCol() { return valueOf(PREDICTION_COL); }
  default S setPredictionCol(String value) { return setValue(PREDICTION_COL, value); }

  /** The per-row term contributions output column (empty: none). */
  ParamDecl<String> CONTRIBUTIONS_COL = ParamDecl.ofString("contributionsCol",
      "output: per-row term contributions, which sum with the intercept to the raw score (empty: not produced)",
      "", EbmRules.text());
  default Param<String> contributionsCol() { return declared(CONTRIBUTIONS_COL); }
  default String getContributionsCol() { return valueOf(CONTRIBUTIONS_COL); }
  default S setContributionsCol(String value) { return setValue(CONTRIBUTIONS_COL, value); }

  /** The per-row uncertainty output column (empty: none). */
  ParamDecl<String> UNCERTAINTY_COL = ParamDecl.ofString("uncertaintyCol",
      "output: per-row standard deviation of the raw score over the outer bags (multiclass: an array, one per"
      + " class; empty: not produced)", "", EbmRules.text());
  default Param<String> uncertaintyCol() { return declared(UNCERTAINTY_COL); }
  default String getUncertaintyCol() { return valueOf(UNCERTAINTY_COL); }
  default S setUncertaintyCol(String value) { return setValue(UNCERTAINTY_COL, value); }

  // Binning and pairs

  /** Bins per feature for mains. */
  ParamDecl<Integer> MAX_BINS = ParamDecl.ofInt("maxBins",
      "bins per feature for main effects, missing and unseen included", 1024, Rule.atLeast(3));
  default IntParam maxBins() { return intParam(MAX_BINS); }
  default int getMaxBins() { return valueOf(MAX_BINS); }
  default S setMaxBins(int value) { return setValue(MAX_BINS, value); }

  /** Bins per feature in pairs. */
  ParamDecl<Integer> MAX_INTERACTION_BINS = ParamDecl.ofInt("maxInteractionBins",
      "bins per feature inside pairs", 64, Rule.atLeast(3));
  default IntParam maxInteractionBins() { return intParam(MAX_INTERACTION_BINS); }
  default int getMaxInteractionBins() { return valueOf(MAX_INTERACTION_BINS); }
  default S setMaxInteractionBins(int value) { return setValue(MAX_INTERACTION_BINS, value); }

  /**
   * Pairs to boost ("10", "3x", "0"). Declared with the classification default; regressors use "5x" (see
   * {@link ExplainableBoostingRegressor}).
   */
  ParamDecl<String> INTERACTIONS = ParamDecl.ofString("interactions",
      "pairs to boost: a count (\"10\"), or a multiple of the feature count (\"3x\"); \"0\" for none",
      "3x", EbmRules.interactions());
  default Param<String> interactions() { return declared(INTERACTIONS); }
  default String getInteractions() { return valueOf(INTERACTIONS); }
  default S setInteractions(String value) { return setValue(INTERACTIONS, value); }

  // Boosting (interpretml's hyperparameters)

  /** Outer bags averaged into the model. */
  ParamDecl<Integer> OUTER_BAGS = ParamDecl.ofInt("outerBags",
      "outer bags (train/validation splits) averaged into the model", 14, Rule.atLeast(1));
  default IntParam outerBags() { return intParam(OUTER_BAGS); }
  default int getOuterBags() { return valueOf(OUTER_BAGS); }
  default S setOuterBags(int value) { return setValue(OUTER_BAGS, value); }

  /**
   * The learning rate. Declared with the classification default; regressors use 0.04 (see
   * {@link ExplainableBoostingRegressor}).
   */
  ParamDecl<Double> LEARNING_RATE = ParamDecl.ofDouble("learningRate",
      "shrinkage of each term update", 0.015, Rule.above(0));
  default DoubleParam learningRate() { return doubleParam(LEARNING_RATE); }
  default double getLearningRate() { return valueOf(LEARNING_RATE); }
  default S setLearningRate(double value) { return setValue(LEARNING_RATE, value); }

  /** The most boosting rounds. */
  ParamDecl<Integer> MAX_ROUNDS = ParamDecl.ofInt("maxRounds",
      "most boosting rounds (one step per term each)", 50000, Rule.atLeast(0));
  default IntParam maxRounds() { return intParam(MAX_ROUNDS); }
  default int getMaxRounds() { return valueOf(MAX_ROUNDS); }
  default S setMaxRounds(int value) { return setValue(MAX_ROUNDS, value); }

  /** Early stopping patience in rounds (0: none). */
  ParamDecl<Integer> EARLY_STOPPING_ROUNDS = ParamDecl.ofInt("earlyStoppingRounds",
      "stop when the validation loss has not improved within this many rounds (0: no early stopping)",
      100, Rule.atLeast(0));
  default IntParam earlyStoppingRounds() { return intParam(EARLY_STOPPING_ROUNDS); }
  default int getEarlyStoppingRounds() { return valueOf(EARLY_STOPPING_ROUNDS); }
  default S setEarlyStoppingRounds(int value) { return setValue(EARLY_STOPPING_ROUNDS, value); }

  /** Early stopping relative tolerance. */
  ParamDecl<Double> EARLY_STOPPING_TOLERANCE = ParamDecl.ofDouble("earlyStoppingTolerance",
      "relative improvement that counts", 1e-5, Rule.atLeast(0.0));
  default DoubleParam earlyStoppingTolerance() { return doubleParam(EARLY_STOPPING_TOLERANCE); }
  default double getEarlyStoppingTolerance() { return valueOf(EARLY_STOPPING_TOLERANCE); }
  default S setEarlyStoppingTolerance(double value) { return setValue(EARLY_STOPPING_TOLERANCE, value); }

  /** Fewest rows per leaf. */
  ParamDecl<Integer> MIN_SAMPLES_LEAF = ParamDecl.ofInt("minSamplesLeaf",
      "fewest training rows in a leaf", 4, Rule.atLeast(1));
  default IntParam minSamplesLeaf() { return intParam(MIN_SAMPLES_LEAF); }
  default int getMinSamplesLeaf() { return valueOf(MIN_SAMPLES_LEAF); }
  default S setMinSamplesLeaf(int value) { return setValue(MIN_SAMPLES_LEAF, value); }

  /**
   * Smallest hessian per leaf. Declared with the classification default; regressors use 0 (see
   * {@link ExplainableBoostingRegressor}).
   */
  ParamDecl<Double> MIN_HESSIAN = ParamDecl.ofDouble("minHessian",
      "smallest hessian sum in a leaf", 1e-4, Rule.atLeast(0.0));
  default DoubleParam minHessian() { return doubleParam(MIN_HESSIAN); }
  default double getMinHessian() { return valueOf(MIN_HESSIAN); }
  default S setMinHessian(double value) { return setValue(MIN_HESSIAN, value); }

  /** Leaves per main-term update. */
  ParamDecl<Integer> MAX_LEAVES = ParamDecl.ofInt("maxLeaves",
      "leaves of each main-term update tree", 2, Rule.atLeast(2));
  default IntParam maxLeaves() { return intParam(MAX_LEAVES); }
  default int getMaxLeaves() { return valueOf(MAX_LEAVES); }
  default S setMaxLeaves(int value) { return setValue(MAX_LEAVES, value); }

  /**
   * Random-split rounds of the mains. Declared with the classification default; regressors use 500 (see
   * {@link ExplainableBoostingRegressor}).
   */
  ParamDecl<Integer> SMOOTHING_ROUNDS = ParamDecl.ofInt("smoothingRounds",
      "initial rounds with random split points (mains)", 75, Rule.atLeast(0));
  default IntParam smoothingRounds() { return intParam(SMOOTHING_ROUNDS); }
  default int getSmoothingRounds() { return valueOf(SMOOTHING_ROUNDS); }
  default S setSmoothingRounds(int value) { return setValue(SMOOTHING_ROUNDS, value); }

  /**
   * Random-split rounds of the pairs. Declared with the classification default; regressors use 100 (see
   * {@link ExplainableBoostingRegressor}).
   */
  ParamDecl<Integer> INTERACTION_SMOOTHING_ROUNDS = ParamDecl.ofInt("interactionSmoothingRounds",
      "initial rounds with random split points (pairs)", 75, Rule.atLeast(0));
  default IntParam interactionSmoothingRounds() { return intParam(INTERACTION_SMOOTHING_ROUNDS); }
  default int getInteractionSmoothingRounds() { return valueOf(INTERACTION_SMOOTHING_ROUNDS); }
  default S setInteractionSmoothingRounds(int value) { return setValue(INTERACTION_SMOOTHING_ROUNDS, value); }

  /** Greedy steps per term after each gain pass. */
  ParamDecl<Double> GREEDY_RATIO = ParamDecl.ofDouble("greedyRatio",
      "greedy steps per term after each cyclic gain pass (0: purely cyclic)", 10.0, Rule.atLeast(0.0));
  default DoubleParam greedyRatio() { return doubleParam(GREEDY_RATIO); }
  default double getGreedyRatio() { return valueOf(GREEDY_RATIO); }
  default S setGreedyRatio(double value) { return setValue(GREEDY_RATIO, value); }

  /** Category counts below this are pooled. */
  ParamDecl<Integer> MIN_CAT_SAMPLES = ParamDecl.ofInt("minCatSamples",
      "categories with fewer training rows are pooled", 10, Rule.atLeast(1));
  default IntParam minCatSamples() { return intParam(MIN_CAT_SAMPLES); }
  default int getMinCatSamples() { return valueOf(MIN_CAT_SAMPLES); }
  default S setMinCatSamples(int value) { return setValue(MIN_CAT_SAMPLES, value); }

  /** Smoothing of the ratio that orders categories. */
  ParamDecl<Double> CAT_SMOOTH = ParamDecl.ofDouble("catSmooth",
      "smoothing of the ratio that orders categories", 10.0, Rule.atLeast(0.0));
  default DoubleParam catSmooth() { return doubleParam(CAT_SMOOTH); }
  default double getCatSmooth() { return valueOf(CAT_SMOOTH); }
  default S setCatSmooth(double value) { return setValue(CAT_SMOOTH, value); }

  /** Gain factor of categorical mains. */
  ParamDecl<Double> GAIN_SCALE = ParamDecl.ofDouble("gainScale",
      "factor on the gain of categorical mains in greedy ranking", 5.0, Rule.above(0));
  default DoubleParam gainScale() { return doubleParam(GAIN_SCALE); }
  default double getGainScale() { return valueOf(GAIN_SCALE); }
  default S setGainScale(double value) { return setValue(GAIN_SCALE, value); }

  /** Monotone constraints per feature ("age=1", "hours_per_week=-1"; features not named are free). */
  ParamDecl<String[]> MONOTONE_CONSTRAINTS = ParamDecl.ofStrings("monotoneConstraints",
      "monotone constraints, one \"feature=direction\" per constrained numeric feature: 1 (or +1) increasing, -1 "
      + "decreasing, 0 free; pairs with a constrained feature are not chosen (interpretml's monotone_constraints)",
      new String[0], EbmRules.monotone());
  default StringArrayParam monotoneConstraints() { return stringArrayParam(MONOTONE_CONSTRAINTS); }
  default String[] getMonotoneConstraints() { return valueOf(MONOTONE_CONSTRAINTS); }
  default S setMonotoneConstraints(String... value) { return setValue(MONOTONE_CONSTRAINTS, value); }

  /** Validation fraction per bag. */
  ParamDecl<Double> VALIDATION_SIZE = ParamDecl.ofDouble("validationSize",
      "fraction of rows validating each bag", 0.15, Rule.fraction());
  default DoubleParam validationSize() { return doubleParam(VALIDATION_SIZE); }
  default double getValidationSize() { return valueOf(VALIDATION_SIZE); }
  default S setValidationSize(double value) { return setValue(VALIDATION_SIZE, value); }

  /** The seed. */
  ParamDecl<Long> SEED = ParamDecl.ofLong("seed", "seed of bags, splits and random steps", 42L, Rule.any());
  default LongParam seed() { return longParam(SEED); }
  default long getSeed() { return valueOf(SEED); }
  default S setSeed(long value) { return setValue(SEED, value); }

  // How the fit runs

  /** How rows with bad labels or weights are handled ("error", "skip"). */
  ParamDecl<String> HANDLE_INVALID = ParamDecl.ofString("handleInvalid",
      "rows with a null/NaN/infinite label or bad weight: \"error\" or \"skip\" (skipped rows are counted in the "
      + "training summary)", "error", EbmRules.oneOf("error", "skip"));
  default Param<String> handleInvalid() { return declared(HANDLE_INVALID); }
  default String getHandleInvalid() { return valueOf(HANDLE_INVALID); }
  default S setHandleInvalid(String value) { return setValue(HANDLE_INVALID, value); }

  /** Shards per bag (0: automatic). */
  ParamDecl<Integer> NUM_SHARDS = ParamDecl.ofInt("numShards",
      "shards one bag's rows are split into (0: one per shardRows rows, see EbmSettings); 1 boosts exactly in one task",
      0, Rule.atLeast(0));
  default IntParam numShards() { return intParam(NUM_SHARDS); }
  default int getNumShards() { return valueOf(NUM_SHARDS); }
  default S setNumShards(int value) { return setValue(NUM_SHARDS, value); }

  /** Rounds between merges in sharded mode. */
  ParamDecl<Integer> ROUNDS_PER_SYNC = ParamDecl.ofInt("roundsPerSync",
      "schedule rounds each shard runs between merges (sharded mode)", 50, Rule.atLeast(1));
  default IntParam roundsPerSync() { return intParam(ROUNDS_PER_SYNC); }
  default int getRoundsPerSync() { return valueOf(ROUNDS_PER_SYNC); }
  default S setRoundsPerSync(int value) { return setValue(ROUNDS_PER_SYNC, value); }

  /** Rounds between progress log lines (0: none). */
  ParamDecl<Integer> LOG_EVERY = ParamDecl.ofInt("logEvery",
      "log a progress line every this many rounds (0: never)", 100, Rule.atLeast(0));
  default IntParam logEvery() { return intParam(LOG_EVERY); }
  default int getLogEvery() { return valueOf(LOG_EVERY); }
  default S setLogEvery(int value) { return setValue(LOG_EVERY, value); }

  /** The warm-start model path (empty: none). */
  ParamDecl<String> INITIAL_MODEL_PATH = ParamDecl.ofString("initialModelPath",
      "a saved EBM model to continue boosting from (warm start; empty: none)", "", EbmRules.text());
  default Param<String> initialModelPath() { return declared(INITIAL_MODEL_PATH); }
  default String getInitialModelPath() { return valueOf(INITIAL_MODEL_PATH); }
  default S setInitialModelPath(String value) { return setValue(INITIAL_MODEL_PATH, value); }
}
