package io.sparkxai.ebm;

import io.sparkxai.ebm.core.EbmModel;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * A fitted EBM classifier. {@code transform} adds {@code rawPrediction} (binary: {@code [-m, m]} with
 * {@code m} the logit; multiclass: the class scores), {@code probability}, {@code prediction} (the
 * class index) and, when {@code contributionsCol} is set, the per-term contributions (binary: one
 * number per term; multiclass: one array of class scores per term) that sum with the intercept to
 * the raw score. Its params are its estimator's ({@link EbmClassifierParams}).
 */
public final class ExplainableBoostingClassificationModel
    extends EbmModelBase<ExplainableBoostingClassificationModel>
    implements EbmClassifierParams<ExplainableBoostingClassificationModel> {
  private static final long serialVersionUID = 1L;

  /** An empty model with a random uid (load or fit to fill it). */
  public ExplainableBoostingClassificationModel() {
    this(Identifiable$.MODULE$.randomUID("ebmClassificationModel"));
  }

  /** An empty model with the given uid. */
  public ExplainableBoostingClassificationModel(String uid) {
    super(uid);
  }

  /** The number of classes. */
  public int numClasses() {
    return ebm().classes();
  }

  @Override
  List<StructField> predictionFields() {
    List<StructField> out = new ArrayList<>();
    if (!getRawPredictionCol().isEmpty()) {
      out.add(DataTypes.createStructField(getRawPredictionCol(), SQLDataTypes.VectorType(), false));
    }
    if (!getProbabilityCol().isEmpty()) {
      out.add(DataTypes.createStructField(getProbabilityCol(), SQLDataTypes.VectorType(), false));
    }
    if (!getPredictionCol().isEmpty()) {
      out.add(DataTypes.createStructField(getPredictionCol(), DataTypes.DoubleType, false));
    }
    return out;
  }

  @Override
  void predictionValues(EbmModel m, double[] raw, Object[] out, int offset) {
    int i = offset;
    if (!getRawPredictionCol().isEmpty()) {
      out[i++] = raw.length == 1 ? Vectors.dense(-raw[0], raw[0]) : Vectors.dense(raw.clone());
    }
    double[] p = m.probabilities(raw);
    if (!getProbabilityCol().isEmpty()) {
      out[i++] = Vectors.dense(p);
    }
    if (!getPredictionCol().isEmpty()) {
      int best = 0;
      for (int c = 1; c < p.length; c++) {
        if (p[c] > p[best]) {
          best = c;
        }
      }
      out[i] = (double) best;
    }
  }

  /** The reader of saved models. */
  public static MLReader<ExplainableBoostingClassificationModel> read() {
    return new EbmModelIO.Reader<>(ExplainableBoostingClassificationModel.class);
  }

  /**
   * A model from its JSON: spark-ebm's ({@code toJson()}) or interpretml 0.7.8's {@code to_json} form; it
   * reads its features from the columns named as the features.
   *
   * @throws IllegalArgumentException when the JSON is no classification model, or of a version this library does not read
   */
  public static ExplainableBoostingClassificationModel fromJson(String json) {
    return PortableEbm.fromJson(json, new ExplainableBoostingClassificationModel());
  }

  /** Loads a saved model. */
  public static ExplainableBoostingClassificationModel load(String path) {
    return read().load(path);
  }
}
