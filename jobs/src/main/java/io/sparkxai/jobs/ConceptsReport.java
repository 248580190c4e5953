package io.sparkxai.jobs;

import io.sparkxai.reports.LineChart;
import io.sparkxai.reports.Report;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTML report of {@code concepts-train}, from its metrics map (the keys {@link ConceptsTraining}
 * and {@link ConceptsTrainCommand} put there): concept and task accuracy, the concept ceiling and
 * leakage, the intervention curve as a line chart, and for the entropy network its formulas per class
 * with explanation accuracy, fidelity and complexity. Timings are left out, so the same run gives
 * the same bytes.
 */
final class ConceptsReport {

  private ConceptsReport() {}

  /** The report of one run; {@code title} heads it. */
  static Report of(String title, Map<String, ?> m) {
    Report.Builder r = Report.builder(title)
        .subtitle("concepts-train --model " + m.get("model"))
        .summary("model", String.valueOf(m.get("model")))
        .summary("training rows", String.valueOf(m.get("train_rows")))
        .summary("test rows", String.valueOf(m.get("test_rows")))
        .summary("seed", String.valueOf(m.get("seed")))
        .summary("epochs", String.valueOf(m.get("epochs")));
    r.section("Accuracy on the test table")
        .table(List.of("measure", "value"), List.of(
            List.of("concept accuracy", number(m.get("concept_accuracy"))),
            List.of("task accuracy", number(m.get("task_accuracy"))),
            List.of("task accuracy, all concepts intervened", number(m.get("task_accuracy_all_intervened"))),
            List.of("concept ceiling", number(m.get("concept_ceiling"))),
            List.of("leakage", number(m.get("leakage")))))
        .paragraph("The concept ceiling is the task accuracy a classifier reaches from the true concepts alone;"
            + " leakage is task accuracy with the model's own soft concepts minus accuracy with all concepts"
            + " intervened (positive: the head reads more than the concepts' truth values). A dash: the model"
            + " has no such number.");
    interventions(r, m);
    if (m.get("formulas") instanceof Map<?, ?> formulas) {
      explanations(r, m, formulas);
    }
    return r.build();
  }

  private static void interventions(Report.Builder r, Map<String, ?> m) {
    List<Double> curve = doubles(m.get("intervention_curve"));
    r.section("Interventions");
    if (curve.isEmpty()) {
      r.paragraph("This model has no concepts to intervene on.");
      return;
    }
    double[] x = new double[curve.size()];
    double[] y = new double[curve.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
      y[i] = curve.get(i);
    }
    LineChart.Builder chart = LineChart.builder("concepts intervened", "task accuracy").yLimits(0, 1)
        .series("task accuracy", x, y);
    if (m.get("concept_ceiling") instanceof Number ceiling) {
      double[] flat = new double[x.length];
      Arrays.fill(flat, ceiling.doubleValue());
      chart.series("concept ceiling", x, flat);
    }
    Object policy = m.get("intervention_policy");
    String caption = "entropy-len".equals(m.get("model"))
        ? "The entropy network reads the true concepts, so intervening changes nothing: the curve is flat."
        : "Task accuracy as 0, 1, ... concepts are replaced by their true values"
            + (policy == null ? "" : " (order: " + policy + ")") + ", beside the concept ceiling.";
    r.figure(chart.build(), caption);
  }

  private static void explanations(Report.Builder r, Map<String, ?> m, Map<?, ?> formulas) {
    r.section("Logic explanations")
        .table(List.of("measure", "value"), List.of(
            List.of("explanation accuracy", number(m.get("explanation_accuracy"))),
            List.of("fidelity", number(m.get("fidelity"))),
            List.of("complexity (literals per formula)", number(m.get("complexity")))))
        .paragraph("Each class's formula read as a one-vs-rest classifier: explanation accuracy against the"
            + " label, fidelity against the network's prediction, complexity in literals.");
    List<Double> accuracy = doubles(m.get("class_explanation_accuracy"));
    List<Double> fidelity = doubles(m.get("class_fidelity"));
    List<Double> complexity = doubles(m.get("class_complexity"));
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<?, ?> e : formulas.entrySet()) {
      int c = Integer.parseInt(String.valueOf(e.getKey()));
      rows.add(List.of(String.valueOf(e.getKey()), String.valueOf(e.getValue()), at(accuracy, c), at(fidelity, c),
          c < complexity.size() ? String.format(Locale.ROOT, "%.0f", complexity.get(c)) : "—"));
    }
    r.table(List.of("class", "formula", "explanation accuracy", "fidelity", "complexity"), rows);
  }

  private static String at(List<Double> values, int i) {
    return i >= 0 && i < values.size() ? number(values.get(i)) : "—";
  }

  private static String number(Object v) {
    return v instanceof Number n ? String.format(Locale.ROOT, "%.3f", n.doubleValue()) : "—";
  }

  private static List<Double> doubles(Object v) {
    List<Double> out = new ArrayList<>();
    if (v instanceof List<?> list) {
      for (Object o : list) {
        out.add(o instanceof Number n ? n.doubleValue() : Double.NaN);
      }
    }
    return out;
  }
}
