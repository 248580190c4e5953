package io.sparkxai.jobs;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * What the demo's parts share: the session, the tabular train and test sets (generated, or the
 * user's) with their 0/1 label in {@link BinaryLabel#OUTPUT}, where to write, and the console.
 *
 * @param spark the session
 * @param train training rows
 * @param test test rows
 * @param label the label column and its classes
 * @param generated whether the tabular data is the generated synthetic set (true terms known)
 * @param seed the demo's seed
 * @param outputDir the folder the demo writes into
 * @param out the console
 */
record DemoContext(SparkSession spark, Dataset<Row> train, Dataset<Row> test, BinaryLabel label,
    boolean generated, long seed, Path outputDir, PrintWriter out) {

  /** The feature columns of the tabular set: every column but the label and its 0/1 copy. */
  List<StructField> features() {
    return List.of(train.schema().fields()).stream()
        .filter(f -> !f.name().equals(label.column()) && !f.name().equals(BinaryLabel.OUTPUT)).toList();
  }

  /** The area under the ROC curve of {@code model}'s raw predictions on {@code rows}, test rows as it reads them. */
  static double auc(Transformer model, Dataset<Row> rows) {
    return new BinaryClassificationEvaluator().setLabelCol(BinaryLabel.OUTPUT).setRawPredictionCol("rawPrediction")
        .setMetricName("areaUnderROC").evaluate(model.transform(rows));
  }
}
