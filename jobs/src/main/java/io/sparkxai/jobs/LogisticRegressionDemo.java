package io.sparkxai.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.feature.Imputer;
import org.apache.spark.ml.feature.OneHotEncoder;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

/**
 * The demo's black-box baseline: MLlib logistic regression (median-imputed numbers with a missing
 * flag, one-hot categories, standardised) and its test AUC, so the glass-box parts have a yardstick.
 */
final class LogisticRegressionDemo {

  private LogisticRegressionDemo() {}

  /** Runs the part; see {@link DemoPart}. */
  static Map<String, Object> run(DemoContext ctx) {
    List<String> numeric = new ArrayList<>();
    List<String> categorical = new ArrayList<>();
    for (StructField f : ctx.features()) {
      (f.dataType() instanceof NumericType ? numeric : categorical).add(f.name());
    }
    Dataset<Row> train = withMissingFlags(ctx.train(), numeric);
    Dataset<Row> test = withMissingFlags(ctx.test(), numeric);
    List<PipelineStage> stages = new ArrayList<>();
    List<String> assembled = new ArrayList<>();
    if (!numeric.isEmpty()) {
      String[] in = numeric.stream().map(n -> "__num_" + n).toArray(String[]::new);
      String[] out = numeric.stream().map(n -> "__imp_" + n).toArray(String[]::new);
      stages.add(new Imputer().setStrategy("median").setInputCols(in).setOutputCols(out));
      assembled.addAll(List.of(out));
      numeric.forEach(n -> assembled.add("__miss_" + n));
    }
    for (String c : categorical) {
      stages.add(new StringIndexer().setInputCol(c).setOutputCol("__idx_" + c).setHandleInvalid("keep"));
      stages.add(new OneHotEncoder().setInputCol("__idx_" + c).setOutputCol("__ohe_" + c).setHandleInvalid("keep"));
      assembled.add("__ohe_" + c);
    }
    stages.add(new VectorAssembler().setInputCols(assembled.toArray(new String[0])).setOutputCol("__raw"));
    stages.add(new StandardScaler().setInputCol("__raw").setOutputCol("__features"));
    stages.add(new LogisticRegression().setFeaturesCol("__features").setLabelCol(BinaryLabel.OUTPUT)
        .setMaxIter(100).setRegParam(1e-4));
    long start = System.nanoTime();
    PipelineModel model = new Pipeline().setStages(stages.toArray(new PipelineStage[0])).fit(train);
    double seconds = JobCommand.secondsSince(start);
    double auc = DemoContext.auc(model, test);
    ctx.out().printf("baseline: MLlib logistic regression, test AUC %.4f (fit %.1f s, %d numeric + %d categorical "
        + "features)%n", auc, seconds, numeric.size(), categorical.size());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", "logistic_regression");
    m.put("test_auc", auc);
    m.put("fit_seconds", seconds);
    return m;
  }

  private static Dataset<Row> withMissingFlags(Dataset<Row> df, List<String> numeric) {
    Dataset<Row> out = df;
    for (String n : numeric) {
      var c = functions.col(Tables.quote(n)).cast(DataTypes.DoubleType);
      out = out.withColumn("__num_" + n, functions.when(functions.isnan(c), functions.lit(null)).otherwise(c))
          .withColumn("__miss_" + n, functions.when(c.isNull().or(functions.isnan(c)), 1.0).otherwise(0.0));
    }
    return out;
  }
}
