package io.sparkxai.ebm;

import io.sparkxai.ebm.synthetic.SyntheticEbmDataFrames;
import io.sparkxai.testkit.SharedData;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/** Data the EBM tests share: the generated synthetic set, UCI Adult read in place, and AUC. */
final class EbmTestData {

  /** The synthetic set's feature columns. */
  static final String[] SYNTHETIC_FEATURES;

  static {
    List<String> cols = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      cols.add("x" + i);
    }
    cols.add("c0");
    cols.add("c1");
    SYNTHETIC_FEATURES = cols.toArray(new String[0]);
  }

  private EbmTestData() {}

  /** {@code rows} generated rows of the synthetic set (label "y"), in {@code partitions} partitions. */
  static Dataset<Row> synthetic(SparkSession spark, long seed, int split, int rows, int partitions) {
    return SyntheticEbmDataFrames.generate(spark, seed, split, rows, partitions);
  }

  /** A classifier with small, fast settings for unit tests. */
  static ExplainableBoostingClassifier quickClassifier() {
    return new ExplainableBoostingClassifier().setInputCols(SYNTHETIC_FEATURES).setLabelCol("y").setOuterBags(2)
        .setMaxBins(64).setInteractions("2").setLearningRate(0.1).setSmoothingRounds(5)
        .setInteractionSmoothingRounds(5).setMaxRounds(300).setEarlyStoppingRounds(20).setLogEvery(0);
  }

  /**
   * Adult from {@code ../shared/data/adult} (skips the test when absent): features as in the file,
   * "?" as missing, label {@code label} = 1 for ">50K" (the test file's trailing "." ignored).
   */
  static Dataset<Row> adult(SparkSession spark, String file) {
    String path = SharedData.require("adult/" + file).toString();
    Dataset<Row> raw = spark.read().option("header", "true").option("inferSchema", "true")
        .option("ignoreLeadingWhiteSpace", "true").option("ignoreTrailingWhiteSpace", "true").csv(path);
    List<Column> cols = new ArrayList<>();
    for (StructField f : raw.schema().fields()) {
      Column c = functions.col(f.name());
      if (f.name().equals("ltgt50k")) {
        cols.add(functions.when(c.startsWith(">50K"), 1.0).otherwise(0.0).as("label"));
      } else if (f.dataType().equals(DataTypes.StringType)) {
        cols.add(functions.when(c.equalTo("?"), functions.lit(null).cast(DataTypes.StringType)).otherwise(c)
            .as(f.name()));
      } else {
        cols.add(c);
      }
    }
    return raw.select(cols.toArray(new Column[0]));
  }

  /** Adult's feature columns. */
  static String[] adultFeatures(Dataset<Row> adult) {
    List<String> out = new ArrayList<>();
    for (String c : adult.columns()) {
      if (!c.equals("label")) {
        out.add(c);
      }
    }
    return out.toArray(new String[0]);
  }

  /** Area under the ROC curve of a transformed frame. */
  static double auc(Dataset<Row> predictions, String label) {
    return new BinaryClassificationEvaluator().setLabelCol(label).setRawPredictionCol("rawPrediction")
        .setMetricName("areaUnderROC").evaluate(predictions);
  }
}
