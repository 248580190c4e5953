package io.sparkxai.concepts;

import io.sparkxai.concepts.core.LogicExplanations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The tables of {@link ConceptExplainer}, each with its schema, from the {@link ConceptMeasures} of a
 * model on a test table. Columns are named as the keys of {@code concepts-train}'s metrics JSON.
 */
final class ConceptExplanationTables {

  /** {@code metrics}: one row; a column the model has no value for is null. */
  static final StructType METRICS = DataTypes.createStructType(List.of(
      field("model", DataTypes.StringType),
      field("rows", DataTypes.LongType),
      field("concept_accuracy", DataTypes.DoubleType),
      field("task_accuracy", DataTypes.DoubleType),
      field("task_accuracy_all_intervened", DataTypes.DoubleType),
      field("leakage", DataTypes.DoubleType),
      field("intervention_curve", DataTypes.createArrayType(DataTypes.DoubleType, false)),
      field("intervention_policy", DataTypes.StringType),
      field("explanation_accuracy", DataTypes.DoubleType),
      field("fidelity", DataTypes.DoubleType),
      field("complexity", DataTypes.DoubleType)));

  /** {@code curve}: one row per number of concepts intervened, from 0 to all. */
  static final StructType CURVE = DataTypes.createStructType(List.of(
      DataTypes.createStructField("concepts_intervened", DataTypes.IntegerType, false),
      DataTypes.createStructField("task_accuracy", DataTypes.DoubleType, false)));

  /** {@code formulas}: one row per class, with the formula's scores on the test table. */
  static final StructType FORMULAS = DataTypes.createStructType(List.of(
      DataTypes.createStructField("class", DataTypes.IntegerType, false),
      DataTypes.createStructField("formula", DataTypes.StringType, false),
      field("explanation_accuracy", DataTypes.DoubleType),
      field("fidelity", DataTypes.DoubleType),
      field("complexity", DataTypes.IntegerType),
      DataTypes.createStructField("exact", DataTypes.BooleanType, false)));

  /** {@code report}: one row, the self-contained HTML page. */
  static final StructType REPORT = DataTypes.createStructType(List.of(
      DataTypes.createStructField("html", DataTypes.StringType, false)));

  private ConceptExplanationTables() {}

  private static StructField field(String name, DataType type) {
    return DataTypes.createStructField(name, type, true);
  }

  static Dataset<Row> metrics(ConceptMeasures m, SparkSession spark) {
    LogicExplanations.Metrics logic = m.logic();
    Row row = RowFactory.create(m.model(), m.rows(), m.conceptAccuracy(), m.taskAccuracy(),
        m.taskAccuracyAllIntervened(), m.leakage(), m.interventionCurve(), m.policy(),
        logic == null ? null : logic.accuracy(), logic == null ? null : logic.fidelity(),
        logic == null ? null : logic.complexity());
    return spark.createDataFrame(List.of(row), METRICS);
  }

  static Dataset<Row> curve(ConceptMeasures m, SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    double[] curve = m.interventionCurve();
    for (int i = 0; i < curve.length; i++) {
      rows.add(RowFactory.create(i, curve[i]));
    }
    return spark.createDataFrame(rows, CURVE);
  }

  /**
   * The entropy network's formulas; {@code explanations} in class order, as the model holds them;
   * {@code logic} the formulas' scores on a test table, or null for none.
   */
  static Dataset<Row> formulas(java.util.Map<Integer, String> formulas, LogicExplanations.Metrics logic,
      List<LogicExplanations.ClassExplanation> explanations, SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (LogicExplanations.ClassExplanation e : explanations) {
      int c = e.label();
      boolean scored = logic != null && c >= 0 && c < logic.classAccuracy().length;
      rows.add(RowFactory.create(c, formulas.get(c), scored ? logic.classAccuracy()[c] : null,
          scored ? logic.classFidelity()[c] : null, scored ? logic.classComplexity()[c] : null, e.exact()));
    }
    return spark.createDataFrame(rows, FORMULAS);
  }

  /**
   * The page {@code concepts-train --report} draws ({@link ConceptReport}), with what the saved model
   * knows of its training (from its provenance) in place of the command's settings, and without the
   * concept ceiling, which needs the training table.
   */
  static Dataset<Row> report(ConceptMeasures m, Map<String, String> provenance, String title, String subtitle,
      SparkSession spark) {
    ConceptReport r = new ConceptReport(title).subtitle(subtitle)
        .summary("model", m.model())
        .summary("training rows", provenance.getOrDefault("rows", "—"))
        .summary("test rows", Long.toString(m.rows()))
        .summary("seed", provenance.getOrDefault("seed", "—"))
        .summary("epochs", provenance.getOrDefault("epochs", "—"))
        .conceptAccuracy(m.conceptAccuracy())
        .taskAccuracy(m.taskAccuracy())
        .taskAccuracyAllIntervened(m.taskAccuracyAllIntervened())
        .leakage(m.leakage())
        .interventionCurve(m.interventionCurve(), m.policy())
        .readsTrueConcepts(m.readsTrueConcepts());
    if (m.formulas() != null) {
      r.logicExplanations(m.formulas(), m.logic());
    }
    return spark.createDataFrame(List.of(RowFactory.create(r.build().html())), REPORT);
  }
}
