package io.sparkxai.ebm;

import io.sparkxai.ebm.core.BoostParams;
import io.sparkxai.ebm.core.FeatureBinning;
import io.sparkxai.ebm.core.PredictionTask;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A serialisable snapshot of an estimator's params, checked as a whole (the cross-param rules; each
 * single value was checked when set, by its rule in {@link EbmParams}). What the fit and its tasks
 * read.
 *
 * @param classifier whether the stage classifies
 * @param family "auto", "binary" or "multinomial" (classifier), "regression" otherwise
 * @param featuresCol the vector column (when {@code inputCols} is empty)
 * @param inputCols feature columns
 * @param featureNames names of the vector slots
 * @param categoricalCols features treated as categorical
 * @param labelCol label column
 * @param weightCol weight column or empty
 * @param validationIndicatorCol validation indicator column or empty
 * @param rowIdCol row id column or empty
 * @param maxBins main bins per feature
 * @param maxInteractionBins pair bins per feature
 * @param interactions the pairs setting
 * @param outerBags outer bags
 * @param boost boosting hyperparameters
 * @param interactionSmoothingRounds smoothing rounds of the pairs
 * @param validationSize validation fraction
 * @param seed the seed
 * @param skipInvalid whether rows with bad labels/weights are skipped
 * @param numShards shards per bag, 0 for automatic
 * @param roundsPerSync rounds between merges
 * @param logEvery rounds between log lines
 * @param initialModelPath warm start model path or empty
 * @param monotoneConstraints the {@code monotoneConstraints} entries ({@code "age=1"}); {@link #boost()}
 *     carries them per feature index once {@link #withMonotone} has resolved them
 */
public record EbmSettings(boolean classifier, String family, String featuresCol, List<String> inputCols,
    List<String> featureNames, Set<String> categoricalCols, String labelCol, String weightCol,
    String validationIndicatorCol, String rowIdCol, int maxBins, int maxInteractionBins, String interactions,
    int outerBags, BoostParams boost, int interactionSmoothingRounds, double validationSize, long seed,
    boolean skipInvalid, int numShards, int roundsPerSync, int logEvery, String initialModelPath,
    List<String> monotoneConstraints) implements Serializable {

  /**
   * Rows per shard when {@code numShards} is 0 (automatic): the count depends on the data size only,
   * never on the cluster. Large, because sharding costs boosting steps: with interpretml's greedy
   * schedule each shard needs about 2.5 times the steps of an exact fit to reach the same validation
   * loss (measured on Adult and on 200,000 synthetic rows, two shards), so a bag is split only when
   * it would not fit one task's memory comfortably, or when the user asks for it to use more cores
   * than there are bags.
   */
  public static final long SHARD_ROWS = 2_000_000L;

  /** Distinct numeric values counted exactly before quantiles come from a sample. */
  public static final int EXACT_VALUES = 16_384;

  /** Values sampled per numeric feature when there are more distinct values than that. */
  public static final int SAMPLE_VALUES = 100_000;

  /**
   * Reads the params of a stage through their getters and checks the rules that span several params.
   * Classifiers are the stages with {@link EbmClassifierParams}.
   */
  static EbmSettings from(EbmParams<?> p) {
    boolean classifier = p instanceof EbmClassifierParams;
    String family = p instanceof EbmClassifierParams<?> c ? c.getFamily() : "regression";
    if (p.getLabelCol().isEmpty()) {
      throw new IllegalArgumentException("labelCol must be a column name, got \"\"");
    }
    if (p.getInputCols().length == 0 && p.getFeaturesCol().isEmpty()) {
      throw new IllegalArgumentException("inputCols or featuresCol must name the features; both are empty");
    }
    BoostParams boost = new BoostParams(p.getLearningRate(), p.getMaxRounds(), p.getEarlyStoppingRounds(),
        p.getEarlyStoppingTolerance(), p.getMinSamplesLeaf(), p.getMinHessian(), p.getMaxLeaves(),
        p.getSmoothingRounds(), p.getGreedyRatio(), 0.0, p.getMinCatSamples(), p.getCatSmooth(), p.getGainScale(),
        classifier ? 1.0 : 2.0);
    return new EbmSettings(classifier, family.toLowerCase(Locale.ROOT), p.getFeaturesCol(),
        List.of(p.getInputCols()), List.of(p.getFeatureNames()), Set.of(p.getCategoricalCols()), p.getLabelCol(),
        p.getWeightCol(), p.getValidationIndicatorCol(), p.getRowIdCol(), p.getMaxBins(), p.getMaxInteractionBins(),
        p.getInteractions(), p.getOuterBags(), boost, p.getInteractionSmoothingRounds(), p.getValidationSize(),
        p.getSeed(), p.getHandleInvalid().equalsIgnoreCase("skip"), p.getNumShards(), p.getRoundsPerSync(),
        p.getLogEvery(), p.getInitialModelPath(), List.of(p.getMonotoneConstraints()));
  }

  /**
   * These settings with the monotone constraints resolved against the fit's features.
   *
   * @throws IllegalArgumentException naming an unknown or categorical feature, or a multiclass task
   */
  EbmSettings withMonotone(List<FeatureBinning> binnings, PredictionTask task) {
    int[] directions = MonotoneConstraints.resolve(monotoneConstraints.toArray(new String[0]), binnings, task);
    return new EbmSettings(classifier, family, featuresCol, inputCols, featureNames, categoricalCols, labelCol,
        weightCol, validationIndicatorCol, rowIdCol, maxBins, maxInteractionBins, interactions, outerBags,
        boost.withMonotone(directions), interactionSmoothingRounds, validationSize, seed, skipInvalid, numShards,
        roundsPerSync, logEvery, initialModelPath, monotoneConstraints);
  }

  /** Whether rows carry weights. */
  boolean weighted() {
    return !weightCol.isEmpty();
  }

  /** Whether a column marks validation rows. */
  boolean flagged() {
    return !validationIndicatorCol.isEmpty();
  }

  /** The shard count for {@code rows} rows. */
  int shards(long rows) {
    if (numShards > 0) {
      return numShards;
    }
    return (int) Math.max(1, Math.min(1024, (rows + SHARD_ROWS - 1) / SHARD_ROWS));
  }
}
