package io.sparkxai.ebm;

import java.io.Serializable;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.param.StringArrayParam;

/**
 * The params every EBM stage has, created for one owner with their docs, rules
 * ({@link EbmParamRules}) and defaults (interpretml's, which differ between classification and
 * regression). The estimator and model classes expose them through public no-arg methods, where
 * Spark finds params.
 */
final class EbmParamDefs implements Serializable {
  private static final long serialVersionUID = 1L;

  final Param<String> featuresCol;
  final StringArrayParam inputCols;
  final StringArrayParam featureNames;
  final StringArrayParam categoricalCols;
  final Param<String> labelCol;
  final Param<String> weightCol;
  final Param<String> validationIndicatorCol;
  final Param<String> rowIdCol;
  final Param<String> predictionCol;
  final Param<String> contributionsCol;
  final IntParam maxBins;
  final IntParam maxInteractionBins;
  final Param<String> interactions;
  final IntParam outerBags;
  final DoubleParam learningRate;
  final IntParam maxRounds;
  final IntParam earlyStoppingRounds;
  final DoubleParam earlyStoppingTolerance;
  final IntParam minSamplesLeaf;
  final DoubleParam minHessian;
  final IntParam maxLeaves;
  final IntParam smoothingRounds;
  final IntParam interactionSmoothingRounds;
  final DoubleParam greedyRatio;
  final IntParam minCatSamples;
  final DoubleParam catSmooth;
  final DoubleParam gainScale;
  final DoubleParam validationSize;
  final LongParam seed;
  final Param<String> handleInvalid;
  final IntParam numShards;
  final IntParam roundsPerSync;
  final IntParam logEvery;
  final Param<String> initialModelPath;

  EbmParamDefs(Params owner) {
    featuresCol = new Param<>(owner, "featuresCol", "vector column of features (used when inputCols is empty)",
        EbmParamRules.any("featuresCol"));
    inputCols = new StringArrayParam(owner, "inputCols", "feature columns: numeric ones are binned by quantiles, "
        + "string ones and those in categoricalCols are categorical", EbmParamRules.distinctNames("inputCols"));
    featureNames = new StringArrayParam(owner, "featureNames", "names of the slots of featuresCol (default: the "
        + "vector's attribute names, else f0, f1, ...)", EbmParamRules.distinctNames("featureNames"));
    categoricalCols = new StringArrayParam(owner, "categoricalCols", "features to treat as categorical even when "
        + "numeric", EbmParamRules.distinctNames("categoricalCols"));
    labelCol = new Param<>(owner, "labelCol", "label column: class index 0..K-1 (classification) or the target "
        + "(regression)", EbmParamRules.any("labelCol"));
    weightCol = new Param<>(owner, "weightCol", "row weight column (empty: every row weighs 1)",
        EbmParamRules.any("weightCol"));
    validationIndicatorCol = new Param<>(owner, "validationIndicatorCol", "boolean column marking the validation "
        + "rows of every bag (empty: a seeded split of validationSize)", EbmParamRules.any("validationIndicatorCol"));
    rowIdCol = new Param<>(owner, "rowIdCol", "column of stable row ids that decide shards, bags and validation "
        + "rows (empty: a hash of the row's content)", EbmParamRules.any("rowIdCol"));
    predictionCol = new Param<>(owner, "predictionCol", "output: the prediction", EbmParamRules.any("predictionCol"));
    contributionsCol = new Param<>(owner, "contributionsCol", "output: per-row term contributions, which sum with "
        + "the intercept to the raw score (empty: not produced)", EbmParamRules.any("contributionsCol"));
    maxBins = new IntParam(owner, "maxBins", "bins per feature for main effects, missing and unseen included",
        EbmParamRules.intAtLeast("maxBins", 3));
    maxInteractionBins = new IntParam(owner, "maxInteractionBins", "bins per feature inside pairs",
        EbmParamRules.intAtLeast("maxInteractionBins", 3));
    interactions = new Param<>(owner, "interactions", "pairs to boost: a count (\"10\"), or a multiple of the "
        + "feature count (\"3x\"); \"0\" for none", EbmParamRules.interactions("interactions"));
    outerBags = new IntParam(owner, "outerBags", "outer bags (train/validation splits) averaged into the model",
        EbmParamRules.intAtLeast("outerBags", 1));
    learningRate = new DoubleParam(owner, "learningRate", "shrinkage of each term update",
        EbmParamRules.doubleAbove("learningRate", 0));
    maxRounds = new IntParam(owner, "maxRounds", "most boosting rounds (one step per term each)",
        EbmParamRules.intAtLeast("maxRounds", 0));
    earlyStoppingRounds = new IntParam(owner, "earlyStoppingRounds", "stop when the validation loss has not "
        + "improved within this many rounds (0: no early stopping)", EbmParamRules.intAtLeast("earlyStoppingRounds", 0));
    earlyStoppingTolerance = new DoubleParam(owner, "earlyStoppingTolerance", "relative improvement that counts",
        EbmParamRules.doubleAtLeast("earlyStoppingTolerance", 0));
    minSamplesLeaf = new IntParam(owner, "minSamplesLeaf", "fewest training rows in a leaf",
        EbmParamRules.intAtLeast("minSamplesLeaf", 1));
    minHessian = new DoubleParam(owner, "minHessian", "smallest hessian sum in a leaf",
        EbmParamRules.doubleAtLeast("minHessian", 0));
    maxLeaves = new IntParam(owner, "maxLeaves", "leaves of each main-term update tree",
        EbmParamRules.intAtLeast("maxLeaves", 2));
    smoothingRounds = new IntParam(owner, "smoothingRounds", "initial rounds with random split points (mains)",
        EbmParamRules.intAtLeast("smoothingRounds", 0));
    interactionSmoothingRounds = new IntParam(owner, "interactionSmoothingRounds", "initial rounds with random "
        + "split points (pairs)", EbmParamRules.intAtLeast("interactionSmoothingRounds", 0));
    greedyRatio = new DoubleParam(owner, "greedyRatio", "greedy steps per term after each cyclic gain pass "
        + "(0: purely cyclic)", EbmParamRules.doubleAtLeast("greedyRatio", 0));
    minCatSamples = new IntParam(owner, "minCatSamples", "categories with fewer training rows are pooled",
        EbmParamRules.intAtLeast("minCatSamples", 1));
    catSmooth = new DoubleParam(owner, "catSmooth", "smoothing of the ratio that orders categories",
        EbmParamRules.doubleAtLeast("catSmooth", 0));
    gainScale = new DoubleParam(owner, "gainScale", "factor on the gain of categorical mains in greedy ranking",
        EbmParamRules.doubleAbove("gainScale", 0));
    validationSize = new DoubleParam(owner, "validationSize", "fraction of rows validating each bag",
        EbmParamRules.fraction("validationSize"));
    seed = new LongParam(owner, "seed", "seed of bags, splits and random steps", EbmParamRules.anyValue("seed"));
    handleInvalid = new Param<>(owner, "handleInvalid", "rows with a null/NaN/infinite label or bad weight: "
        + "\"error\" or \"skip\" (skipped rows are counted in the training summary)",
        EbmParamRules.oneOf("handleInvalid", "error", "skip"));
    numShards = new IntParam(owner, "numShards", "shards one bag's rows are split into (0: one per shardRows rows, "
        + "see EbmSettings); 1 boosts exactly in one task", EbmParamRules.intAtLeast("numShards", 0));
    roundsPerSync = new IntParam(owner, "roundsPerSync", "schedule rounds each shard runs between merges (sharded "
        + "mode)", EbmParamRules.intAtLeast("roundsPerSync", 1));
    logEvery = new IntParam(owner, "logEvery", "log a progress line every this many rounds (0: never)",
        EbmParamRules.intAtLeast("logEvery", 0));
    initialModelPath = new Param<>(owner, "initialModelPath", "a saved EBM model to continue boosting from (warm "
        + "start; empty: none)", EbmParamRules.any("initialModelPath"));
  }

  /** Sets interpretml's defaults for classification or regression on the owner. */
  void setDefaults(Params o, boolean classifier) {
    o.setDefault(featuresCol, "features");
    o.setDefault(inputCols, new String[0]);
    o.setDefault(featureNames, new String[0]);
    o.setDefault(categoricalCols, new String[0]);
    o.setDefault(labelCol, "label");
    o.setDefault(weightCol, "");
    o.setDefault(validationIndicatorCol, "");
    o.setDefault(rowIdCol, "");
    o.setDefault(predictionCol, "prediction");
    o.setDefault(contributionsCol, "");
    o.setDefault(maxBins, 1024);
    o.setDefault(maxInteractionBins, 64);
    o.setDefault(interactions, classifier ? "3x" : "5x");
    o.setDefault(outerBags, 14);
    o.setDefault(learningRate, classifier ? 0.015 : 0.04);
    o.setDefault(maxRounds, 50000);
    o.setDefault(earlyStoppingRounds, 100);
    o.setDefault(earlyStoppingTolerance, 1e-5);
    o.setDefault(minSamplesLeaf, 4);
    o.setDefault(minHessian, classifier ? 1e-4 : 0.0);
    o.setDefault(maxLeaves, 2);
    o.setDefault(smoothingRounds, classifier ? 75 : 500);
    o.setDefault(interactionSmoothingRounds, classifier ? 75 : 100);
    o.setDefault(greedyRatio, 10.0);
    o.setDefault(minCatSamples, 10);
    o.setDefault(catSmooth, 10.0);
    o.setDefault(gainScale, 5.0);
    o.setDefault(validationSize, 0.15);
    o.setDefault(seed, 42L);
    o.setDefault(handleInvalid, "error");
    o.setDefault(numShards, 0);
    o.setDefault(roundsPerSync, 50);
    o.setDefault(logEvery, 100);
    o.setDefault(initialModelPath, "");
  }
}
