package io.sparkxai.jobs;

import io.sparkxai.ebm.EbmModelBase;
import io.sparkxai.ebm.ExplainableBoostingClassificationModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.functions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

/**
 * What the EBM commands share: the task a label calls for, the 0..K-1 label column the estimators
 * take (binary labels through {@link BinaryLabel}, other classes through {@code StringIndexer}), the
 * feature columns of a table, and the test metrics.
 */
final class EbmData {

  /** The label column the commands add for the estimators. */
  static final String LABEL = BinaryLabel.OUTPUT;

  private EbmData() {}

  /**
   * The task of {@code --task}, or the one the label suggests: strings and whole numbers with at most
   * 20 values are classes (binary for two), other numbers a regression target.
   */
  static String task(Dataset<Row> train, String label, String given) {
    if (given != null) {
      String t = given.toLowerCase(Locale.ROOT);
      if (!List.of("binary", "multiclass", "regression").contains(t)) {
        throw new UsageException("--task " + given + ": expected binary, multiclass or regression");
      }
      return t;
    }
    boolean numeric = train.schema().apply(label).dataType() instanceof NumericType;
    org.apache.spark.sql.Column c = org.apache.spark.sql.functions.col(Tables.quote(label));
    if (numeric) {
      long fractional = train.filter(c.isNotNull().and(c.cast(DataTypes.DoubleType)
          .notEqual(org.apache.spark.sql.functions.floor(c.cast(DataTypes.DoubleType))))).limit(1).count();
      long distinct = train.select(c).distinct().limit(21).count();
      if (fractional > 0 || distinct > 20) {
        return "regression";
      }
      return distinct <= 2 ? "binary" : "multiclass";
    }
    return train.select(c).distinct().limit(3).count() <= 2 ? "binary" : "multiclass";
  }

  /** Train and test with the estimator's label column added, and the class names (empty for regression). */
  record Labeled(Dataset<Row> train, Dataset<Row> test, List<String> classes) {}

  static Labeled label(Dataset<Row> train, Dataset<Row> test, String label, String task) {
    switch (task) {
      case "binary": {
        BinaryLabel b = BinaryLabel.of(train, label, null);
        return new Labeled(b.apply(train, "--train"), test == null ? null : b.apply(test, "--test"),
            List.of(b.negative(), b.positive()));
      }
      case "multiclass": {
        org.apache.spark.sql.Column c = org.apache.spark.sql.functions.col(Tables.quote(label));
        long nulls = train.filter(c.isNull()).count();
        if (nulls > 0) {
          throw new IllegalArgumentException("label column '" + label + "' is missing in " + nulls + " rows");
        }
        String cleaned = "__label_text";
        Dataset<Row> tr = train.withColumn(cleaned, org.apache.spark.sql.functions.regexp_replace(
            org.apache.spark.sql.functions.trim(c.cast(DataTypes.StringType)), "\\.$", ""));
        Dataset<Row> te = test == null ? null : test.withColumn(cleaned, org.apache.spark.sql.functions
            .regexp_replace(org.apache.spark.sql.functions.trim(c.cast(DataTypes.StringType)), "\\.$", ""));
        StringIndexerModel idx = new StringIndexer().setInputCol(cleaned).setOutputCol(LABEL)
            .setStringOrderType("alphabetAsc").setHandleInvalid("error").fit(tr);
        return new Labeled(idx.transform(tr).drop(cleaned), te == null ? null : idx.transform(te).drop(cleaned),
            List.of(idx.labelsArray()[0]));
      }
      default:
        return new Labeled(train.withColumn(LABEL, org.apache.spark.sql.functions.col(Tables.quote(label))
            .cast(DataTypes.DoubleType)), test == null ? null : test.withColumn(LABEL,
            org.apache.spark.sql.functions.col(Tables.quote(label)).cast(DataTypes.DoubleType)), List.of());
    }
  }

  /** Every column but the label and the columns the commands add, in table order. */
  static String[] features(Dataset<Row> df, String label) {
    List<String> out = new ArrayList<>();
    for (StructField f : df.schema().fields()) {
      if (!f.name().equals(label) && !f.name().startsWith("__")) {
        out.add(f.name());
      }
    }
    return out.toArray(new String[0]);
  }

  /** Numeric columns the user declared categorical, checked against the features. */
  static String[] categorical(String[] features, List<String> declared) {
    if (declared == null) {
      return new String[0];
    }
    for (String c : declared) {
      if (!Set.of(features).contains(c)) {
        throw new UsageException("--categorical " + c + ": not a feature column; features: " + String.join(", ",
            features));
      }
    }
    return declared.toArray(new String[0]);
  }

  /** Test metrics: auc, logloss, accuracy (classification; multiclass AUC is the one-vs-rest mean), or rmse. */
  static Map<String, Object> metrics(EbmModelBase<?> model, Dataset<Row> test, String task) {
    Map<String, Object> m = new LinkedHashMap<>();
    Dataset<Row> scored = model.transform(test).cache();
    try {
      if (task.equals("regression")) {
        m.put("rmse", new RegressionEvaluator().setLabelCol(LABEL).setMetricName("rmse").evaluate(scored));
        m.put("r2", new RegressionEvaluator().setLabelCol(LABEL).setMetricName("r2").evaluate(scored));
        return m;
      }
      int classes = ((ExplainableBoostingClassificationModel) model).numClasses();
      double auc;
      if (classes == 2) {
        auc = new BinaryClassificationEvaluator().setLabelCol(LABEL).setRawPredictionCol("rawPrediction")
            .setMetricName("areaUnderROC").evaluate(scored);
      } else {
        double sum = 0;
        Dataset<Row> arrays = scored.withColumn("__p", functions.vector_to_array(
            org.apache.spark.sql.functions.col("probability"), "float64"));
        for (int c = 0; c < classes; c++) {
          Dataset<Row> one = arrays.select(org.apache.spark.sql.functions.when(
              org.apache.spark.sql.functions.col(LABEL).equalTo(c), 1.0).otherwise(0.0).as("y"),
              org.apache.spark.sql.functions.col("__p").getItem(c).as("p"));
          sum += new BinaryClassificationEvaluator().setLabelCol("y").setRawPredictionCol("p")
              .setMetricName("areaUnderROC").evaluate(one);
        }
        auc = sum / classes;
      }
      m.put("auc", auc);
      m.put("logloss", new MulticlassClassificationEvaluator().setLabelCol(LABEL).setMetricName("logLoss")
          .evaluate(scored));
      m.put("accuracy", new MulticlassClassificationEvaluator().setLabelCol(LABEL).setMetricName("accuracy")
          .evaluate(scored));
      return m;
    } finally {
      scored.unpersist(false);
    }
  }
}
