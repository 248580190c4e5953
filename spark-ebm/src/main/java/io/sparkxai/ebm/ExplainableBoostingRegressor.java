package io.sparkxai.ebm;

import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;

/**
 * Explainable Boosting Machine regressor on Spark: {@code y = intercept + sum_i f_i(x_i) +
 * sum_ij f_ij(x_i, x_j)} fitted by cyclic boosting of squared error with interpretml's algorithm and
 * regression defaults (learning rate 0.04, 500 smoothing rounds, "5x" pairs, 14 outer bags).
 *
 * <pre>{@code
 * ExplainableBoostingRegressionModel model = new ExplainableBoostingRegressor()
 *     .setInputCols("sqft", "rooms", "city")
 *     .setLabelCol("price")
 *     .fit(train);
 * }</pre>
 */
public final class ExplainableBoostingRegressor
    extends EbmEstimatorBase<ExplainableBoostingRegressionModel, ExplainableBoostingRegressor> {
  private static final long serialVersionUID = 1L;

  /** A regressor with a random uid. */
  public ExplainableBoostingRegressor() {
    this(Identifiable$.MODULE$.randomUID("ebmRegressor"));
  }

  /** A regressor with the given uid. */
  public ExplainableBoostingRegressor(String uid) {
    super(uid);
    setRegressionDefaults(this);
  }

  /**
   * interpretml's regression defaults, where they differ from the classification defaults that
   * {@link EbmParams} declares. Both regression stages apply them, so a model's defaults are its
   * estimator's.
   */
  static void setRegressionDefaults(EbmParams<?> stage) {
    stage.setDefault(stage.interactions(), "5x");
    stage.setDefault(stage.learningRate(), 0.04);
    stage.setDefault(stage.minHessian(), 0.0);
    stage.setDefault(stage.smoothingRounds(), 500);
    stage.setDefault(stage.interactionSmoothingRounds(), 100);
  }

  @Override
  ExplainableBoostingRegressionModel newModel(String modelUid) {
    return new ExplainableBoostingRegressionModel(modelUid);
  }

  @Override
  ExplainableBoostingRegressionModel loadModel(String path) {
    return ExplainableBoostingRegressionModel.load(path);
  }

  /** The reader of saved regressors. */
  public static MLReader<ExplainableBoostingRegressor> read() {
    return new DefaultParamsReader<>();
  }

  /** Loads a saved regressor. */
  public static ExplainableBoostingRegressor load(String path) {
    return read().load(path);
  }
}
