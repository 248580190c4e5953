package io.sparkxai.ebm;

import io.sparkxai.ebm.core.EbmModel;
import io.sparkxai.ebm.core.FeatureBinning;
import io.sparkxai.reports.Report;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The tables of {@link EbmExplainer} that the model's Java methods give as Java values: the
 * importances, the model's description and the report, each with its schema. Built on the driver
 * from the model in memory; only the report's rows are scored in a Spark job.
 */
final class EbmExplanationTables {

  /** {@code importances}: one row per term, largest first. */
  static final StructType IMPORTANCES = DataTypes.createStructType(List.of(
      DataTypes.createStructField("term", DataTypes.StringType, false),
      DataTypes.createStructField("importance", DataTypes.DoubleType, false)));

  /** {@code model}: one row; {@code numClasses} is null for a regression model. */
  static final StructType MODEL = DataTypes.createStructType(List.of(
      DataTypes.createStructField("task", DataTypes.StringType, false),
      DataTypes.createStructField("numClasses", DataTypes.IntegerType, true),
      DataTypes.createStructField("classNames", DataTypes.createArrayType(DataTypes.StringType, false), false),
      DataTypes.createStructField("intercept", DataTypes.createArrayType(DataTypes.DoubleType, false), false),
      DataTypes.createStructField("featureNames", DataTypes.createArrayType(DataTypes.StringType, false), false),
      DataTypes.createStructField("termNames", DataTypes.createArrayType(DataTypes.StringType, false), false),
      DataTypes.createStructField("provenance",
          DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, false), false)));

  /** {@code report}: one row, the self-contained HTML page. */
  static final StructType REPORT = DataTypes.createStructType(List.of(
      DataTypes.createStructField("html", DataTypes.StringType, false)));

  private EbmExplanationTables() {}

  /** The numbers of {@link EbmModelBase#termImportances()}, largest first (ties in term order). */
  static Dataset<Row> importances(EbmModelBase<?> model, SparkSession spark) {
    List<Map.Entry<String, Double>> terms = new ArrayList<>(model.termImportances().entrySet());
    terms.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, Double> t : terms) {
      rows.add(RowFactory.create(t.getKey(), t.getValue()));
    }
    return spark.createDataFrame(rows, IMPORTANCES);
  }

  /**
   * What a client needs to describe the model without calling its methods: the task ({@code binary},
   * {@code multiclass}, {@code regression}), class count and names, intercept per score, the features
   * and terms in model order, and the provenance.
   */
  static Dataset<Row> model(EbmModelBase<?> model, SparkSession spark) {
    EbmModel m = model.ebm();
    List<String> features = new ArrayList<>();
    for (FeatureBinning f : m.features()) {
      features.add(f.name());
    }
    Integer classes = m.task().classification() ? m.classes() : null;
    Row row = RowFactory.create(m.task().name().toLowerCase(Locale.ROOT), classes, model.classNames(),
        model.intercept(), features, model.termNames(), model.provenance());
    return spark.createDataFrame(List.of(row), MODEL);
  }

  /**
   * The page {@code ebm-explain --report} writes: {@link EbmModelBase#globalReport()} with {@code title}
   * (when not empty) and, with a {@code labelColumn}, the label's name on its axes; then, when
   * {@code n > 0}, {@link EbmModelBase#localReport} of the first {@code n} rows.
   */
  static Dataset<Row> report(EbmModelBase<?> model, Dataset<?> rows, int n, String labelColumn, String title) {
    EbmGlobalReport global = model.globalReport();
    if (!title.isEmpty()) {
      global.title(title);
    }
    String label = labelColumn.isEmpty() ? null : labelColumn;
    if (label != null) {
      global.labelName(label);
    }
    Report report = n == 0 ? global.build() : model.localReport(global, rows, n, label);
    return rows.sparkSession().createDataFrame(List.of(RowFactory.create(report.html())), REPORT);
  }
}
