package io.sparkxai.ebm;

import org.apache.spark.ml.param.Param;
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
 *     .setInputCols(new String[] {"age", "education", "hours_per_week"})
 *     .setLabelCol("label")                       // 0/1, or 0..K-1 for multiclass
 *     .fit(train);
 * model.setContributionsCol("contributions").transform(test).show();
 * model.globalExplanation().show();
 * }</pre>
 * Labels are class indexes ({@code 0, 1, ...}; index strings with {@code StringIndexer}). String
 * columns and {@code categoricalCols} are categorical; other numeric columns are binned by quantile.
 */
public final class ExplainableBoostingClassifier
    extends EbmEstimatorBase<ExplainableBoostingClassificationModel, ExplainableBoostingClassifier> {
  private static final long serialVersionUID = 1L;

  private final ClassifierParamDefs cdefs;

  /** A classifier with a random uid. */
  public ExplainableBoostingClassifier() {
    this(Identifiable$.MODULE$.randomUID("ebmClassifier"));
  }

  /** A classifier with the given uid. */
  public ExplainableBoostingClassifier(String uid) {
    super(uid, true);
    this.cdefs = new ClassifierParamDefs(this);
  }

  /** The param: "auto", "binary" or "multinomial". */
  public Param<String> family() {
    return cdefs.family;
  }

  /** The param: the probability output column. */
  public Param<String> probabilityCol() {
    return cdefs.probabilityCol;
  }

  /** The param: the raw prediction output column. */
  public Param<String> rawPredictionCol() {
    return cdefs.rawPredictionCol;
  }

  /** The value of {@link #family()}. */
  public String getFamily() {
    return getOrDefault(cdefs.family);
  }

  /** The value of {@link #probabilityCol()}. */
  public String getProbabilityCol() {
    return getOrDefault(cdefs.probabilityCol);
  }

  /** The value of {@link #rawPredictionCol()}. */
  public String getRawPredictionCol() {
    return getOrDefault(cdefs.rawPredictionCol);
  }

  /** Sets {@link #family()}. */
  public ExplainableBoostingClassifier setFamily(String value) {
    set(cdefs.family, value);
    return this;
  }

  /** Sets {@link #probabilityCol()}. */
  public ExplainableBoostingClassifier setProbabilityCol(String value) {
    set(cdefs.probabilityCol, value);
    return this;
  }

  /** Sets {@link #rawPredictionCol()}. */
  public ExplainableBoostingClassifier setRawPredictionCol(String value) {
    set(cdefs.rawPredictionCol, value);
    return this;
  }

  @Override
  boolean classifier() {
    return true;
  }

  @Override
  String familyValue() {
    return getFamily();
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
