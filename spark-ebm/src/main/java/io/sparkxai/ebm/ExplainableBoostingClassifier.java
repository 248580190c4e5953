package io.sparkxai.ebm;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

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
 * Labels are class indexes ({@code 0, 1, ...}; index strings with {@code StringIndexer}, whose labels
 * then become the model's {@code classNames()}). String
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

  /**
   * Fits the model; when the label column carries nominal metadata with one value per class (as a
   * {@code StringIndexer}'s output does), those values name the classes ({@code classNames()}).
   */
  @Override
  public ExplainableBoostingClassificationModel fit(Dataset<?> dataset) {
    ExplainableBoostingClassificationModel model = super.fit(dataset);
    List<String> names = labelValues(dataset.schema(), getLabelCol(), model.numClasses());
    return names.isEmpty() ? model : model.setClassNames(names);
  }

  /** The label column's nominal values when there is one per class, else an empty list. */
  static List<String> labelValues(StructType schema, String labelCol, int classes) {
    if (!Arrays.asList(schema.fieldNames()).contains(labelCol)) {
      return List.of();
    }
    Attribute a = Attribute.fromStructField(schema.apply(labelCol));
    if (a instanceof NominalAttribute n && n.values().isDefined() && n.values().get().length == classes) {
      List<String> names = List.of(n.values().get());
      return names.stream().anyMatch(v -> v.indexOf('\n') >= 0) ? List.of() : names;
    }
    return List.of();
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
