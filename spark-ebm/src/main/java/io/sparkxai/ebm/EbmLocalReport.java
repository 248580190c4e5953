package io.sparkxai.ebm;

import io.sparkxai.ebm.core.EbmModel;
import io.sparkxai.ebm.core.ModelTerm;
import io.sparkxai.ebm.core.PredictionTask;
import io.sparkxai.reports.BarChart;
import io.sparkxai.reports.Html;
import io.sparkxai.reports.Report;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Local explanations of chosen rows as report panels: per row, each term's contribution labelled
 * "term = the row's value", sorted by size, with the intercept, raw score, probability and label when
 * present. The rows are scored and collected in one Spark job ({@link #collect}); drawing needs none.
 */
public final class EbmLocalReport {
  private static final String CONTRIB = "__report_contributions";

  private EbmLocalReport() {}

  /** One explained row: its feature values as text, contributions per term (of the explained class). */
  public record Explained(String[] values, double[] contributions, double[] raw, String label) {}

  /**
   * Scores the first {@code n} rows of {@code rows} with their contributions and collects them (one job).
   *
   * @param labelColumn a column of {@code rows} holding the label to show, or null
   */
  public static List<Explained> collect(EbmModelBase<?> model, Dataset<?> rows, int n, String labelColumn) {
    EbmModelBase<?> stage = model.copy(new org.apache.spark.ml.param.ParamMap());
    stage.set(stage.contributionsCol(), CONTRIB);
    Dataset<Row> scored = stage.transform(rows);
    List<String> inputs = List.of(stage.getInputCols());
    List<Column> cols = new ArrayList<>();
    for (String c : inputs) {
      cols.add(functions.col(EbmInput.quote(c)));
    }
    cols.add(labelColumn == null ? functions.lit(null).cast("string")
        : functions.col(EbmInput.quote(labelColumn)).cast("string"));
    cols.add(functions.col(CONTRIB));
    // the first n rows of each partition, collected in one job; the first n overall kept in partition order
    List<Row> collected = scored.select(cols.toArray(new Column[0])).toJavaRDD().mapPartitions(
        (org.apache.spark.api.java.function.FlatMapFunction<java.util.Iterator<Row>, Row>) it -> {
          List<Row> first = new ArrayList<>();
          while (first.size() < n && it.hasNext()) {
            first.add(it.next());
          }
          return first.iterator();
        }).collect();
    collected = collected.subList(0, Math.min(n, collected.size()));
    EbmModel m = model.ebm();
    List<Explained> out = new ArrayList<>();
    for (Row r : collected) {
      String[] values = new String[inputs.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = shown(r.get(i));
      }
      String label = r.isNullAt(inputs.size()) ? null : r.getString(inputs.size());
      double[] flat = flatten(r, inputs.size() + 1, m);
      out.add(new Explained(values, flat, raw(m, flat), label));
    }
    return out;
  }

  /** A feature value as a reader writes it: 25, not 25.0; "missing" for null and NaN. */
  static String shown(Object value) {
    if (value instanceof Number n) {
      double v = n.doubleValue();
      if (Double.isNaN(v)) {
        return "missing";
      }
      if (v == Math.rint(v) && Math.abs(v) < 1e15) {
        return Long.toString((long) v);
      }
      return Html.number(v, 6);
    }
    return value == null ? "missing" : value.toString();
  }

  private static double[] flatten(Row r, int at, EbmModel m) {
    List<Object> perTerm = r.getList(at);
    int k = m.scoresPerRow();
    double[] flat = new double[perTerm.size() * k];
    for (int t = 0; t < perTerm.size(); t++) {
      Object v = perTerm.get(t);
      if (k == 1) {
        flat[t] = ((Number) v).doubleValue();
      } else {
        List<?> classes = scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Seq<?>) v);
        for (int c = 0; c < k; c++) {
          flat[t * k + c] = ((Number) classes.get(c)).doubleValue();
        }
      }
    }
    return flat;
  }

  private static double[] raw(EbmModel m, double[] flat) {
    int k = m.scoresPerRow();
    double[] raw = m.intercept().clone();
    for (int i = 0; i < flat.length; i++) {
      raw[i % k] += flat[i];
    }
    return raw;
  }

  /** Adds a section with one panel per explained row to {@code report}. */
  public static void addTo(Report.Builder report, EbmModel m, List<String> featureNames, List<String> classNames,
      String scoreName, List<Explained> rows) {
    report.section("Local explanations");
    report.paragraph("Each row's score is the intercept plus the contributions below, largest first; "
        + "for multiclass, the contributions to the predicted class.");
    for (int i = 0; i < rows.size(); i++) {
      Explained row = rows.get(i);
      int k = m.scoresPerRow();
      int c = argmax(row.raw());
      String title = "row " + (i + 1);
      report.panel(title, "row", p -> p.figure(contributions(m, featureNames, row, k == 1 ? 0 : c, k, scoreName),
          null).table(List.of("intercept", "raw score", "probability", "predicted", "label"),
          List.of(List.of(Html.number(m.intercept()[k == 1 ? 0 : c]), Html.number(row.raw()[k == 1 ? 0 : c]),
              probability(m, row.raw(), c), predicted(m, row.raw(), classNames),
              row.label() == null ? "-" : row.label()))));
    }
  }

  private static io.sparkxai.reports.Svg contributions(EbmModel m, List<String> featureNames, Explained row, int c,
      int k, String scoreName) {
    List<ModelTerm> terms = m.terms();
    Integer[] order = new Integer[terms.size()];
    Arrays.setAll(order, t -> t);
    Arrays.sort(order, Comparator.comparingDouble((Integer t) -> -Math.abs(row.contributions()[t * k + c]))
        .thenComparingInt(t -> t));
    BarChart.Builder bars = BarChart.builder("contribution to the " + scoreName);
    for (int t : order) {
      double v = row.contributions()[t * k + c];
      String name = terms.get(t).name() + " = " + valueOf(terms.get(t), featureNames, row.values());
      bars.bar(name, name + ": " + Html.number(v), v);
    }
    return bars.build();
  }

  private static String valueOf(ModelTerm term, List<String> featureNames, String[] values) {
    StringBuilder out = new StringBuilder();
    for (int f : term.features()) {
      out.append(out.length() == 0 ? "" : ", ").append(f < values.length ? values[f] : "?");
    }
    return out.toString();
  }

  private static int argmax(double[] raw) {
    int best = 0;
    for (int i = 1; i < raw.length; i++) {
      best = raw[i] > raw[best] ? i : best;
    }
    return best;
  }

  private static String probability(EbmModel m, double[] raw, int c) {
    if (m.task() == PredictionTask.REGRESSION) {
      return "-";
    }
    double[] p = m.probabilities(raw);
    return Html.number(m.task() == PredictionTask.BINARY ? p[1] : p[c], 3);
  }

  private static String predicted(EbmModel m, double[] raw, List<String> classNames) {
    if (m.task() == PredictionTask.REGRESSION) {
      return Html.number(raw[0]);
    }
    int c = m.task() == PredictionTask.BINARY ? (raw[0] > 0 ? 1 : 0) : argmax(raw);
    return classNames != null && c < classNames.size() ? classNames.get(c) : "class " + c;
  }
}
