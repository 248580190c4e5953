package io.sparkxai.ebm;

import io.sparkxai.ebm.core.EbmModel;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * A fitted EBM regressor. {@code transform} adds {@code prediction} and, when {@code contributionsCol}
 * is set, one contribution per term; contributions plus the intercept equal the prediction. Its
 * params and their defaults are its estimator's.
 */
public final class ExplainableBoostingRegressionModel extends EbmModelBase<ExplainableBoostingRegressionModel> {
  private static final long serialVersionUID = 1L;

  /** An empty model with a random uid (load or fit to fill it). */
  public ExplainableBoostingRegressionModel() {
    this(Identifiable$.MODULE$.randomUID("ebmRegressionModel"));
  }

  /** An empty model with the given uid. */
  public ExplainableBoostingRegressionModel(String uid) {
    super(uid);
    ExplainableBoostingRegressor.setRegressionDefaults(this);
  }

  @Override
  List<StructField> predictionFields() {
    List<StructField> out = new ArrayList<>();
    if (!getPredictionCol().isEmpty()) {
      out.add(DataTypes.createStructField(getPredictionCol(), DataTypes.DoubleType, false));
    }
    return out;
  }

  @Override
  void predictionValues(EbmModel m, double[] raw, Object[] out, int offset) {
    if (!getPredictionCol().isEmpty()) {
      out[offset] = raw[0];
    }
  }

  /** The reader of saved models. */
  public static MLReader<ExplainableBoostingRegressionModel> read() {
    return new EbmModelIO.Reader<>(ExplainableBoostingRegressionModel.class);
  }

  /**
   * A model from its JSON: spark-ebm's ({@code toJson()}) or interpretml 0.7.8's {@code to_json} form; it
   * reads its features from the columns named as the features.
   *
   * @throws IllegalArgumentException when the JSON is no regression model, or of a version this library does not read
   */
  public static ExplainableBoostingRegressionModel fromJson(String json) {
    return PortableEbm.fromJson(json, new ExplainableBoostingRegressionModel());
  }

  /** Loads a saved model. */
  public static ExplainableBoostingRegressionModel load(String path) {
    return read().load(path);
  }
}
