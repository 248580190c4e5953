package io.sparkxai.ebm;

import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;

/**
 * Explainable Boosting Machine classifier (binary and multiclass) on Spark: a GA2M
 * {@code logit(p) = intercept + sum_i f_i(x_i) + sum_ij f_ij(x_i, x_j)} fitted by cyclic gradient
 * boosting with interpretml's algorithm and defaults (learning rate 0.015, 75 smoothing rounds,
 * greedy ratio 10, 14 outer bags, "3x" FAST-ranked pairs, early stopping after 100 rounds).
 *
 * <pre>{@code
 * ExplainableBoostingClassificationModel model = new ExplainableBoostingClassifier()
 *     .setInputCols("age", "education", "hours_per_week")
 *     .setLabelCol("label")                       // 0/1, or 0..K-1 for multiclass
 *     .fit(train);
 * model.setContributionsCol("contributions").transform(test).show();
 * model.globalExplanation().show();
 * }</pre>
 * Labels are class indexes ({@code 0, 1, ...}; index strings with {@code StringIndexer}). String
 * columns and {@code categoricalCols} are categorical; other numeric columns are binned by quantile.
 * The params are those of {@link EbmClassifierParams}, with their declared defaults.
 */
public final class ExplainableBoostingClassifier
    extends EbmEstimatorBase<ExplainableBoostingClassificationModel, ExplainableBoostingClassifier>
    implements EbmClassifierParams<ExplainableBoostingClassifier> {
  private static final long serialVersionUID = 1L;

  /** A classifier with a random uid. */
  public ExplainableBoostingClassifier() {
    this(Identifiable$.MODULE$.randomUID("ebmClassifier"));
  }

  /** A classifier with the given uid. */
  public ExplainableBoostingClassifier(String uid) {
    super(uid);
  }

  @Override
  ExplainableBoostingClassificationModel newModel(String modelUid) {
    return new ExplainableBoostingClassificationModel(modelUid);
  }

  @Override
  ExplainableBoostingClassificationModel loadModel(String path) {
    return ExplainableBoostingClassificationModel.load(path);
  }

  /** The reader of saved classifiers. */
  public static MLReader<ExplainableBoostingClassifier> read() {
    return new DefaultParamsReader<>();
  }

  /** Loads a saved classifier. */
  public static ExplainableBoostingClassifier load(String path) {
    return read().load(path);
  }
}
