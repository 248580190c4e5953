package io.sparkxai.concepts;

import io.sparkxai.concepts.core.LogicExplanations;
import io.sparkxai.reports.LineChart;
import io.sparkxai.reports.Report;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTML report of a concept model on a test table, the one {@code concepts-train --report} writes:
 * a summary, concept and task accuracy with the concept ceiling and leakage, the intervention curve as
 * a line chart (beside the ceiling when known), and for the entropy network its formula per class with
 * explanation accuracy, fidelity and complexity. A number the report is not given shows as a dash.
 * Built from values, without a Spark job; the same values give the same bytes.
 *
 * <pre>{@code
 * Report r = new ConceptReport("Concept model cbm-joint").summary("model", "cbm-joint")
 *     .metrics(model.evaluate(test, "random")).conceptCeiling(0.97).build();
 * }</pre>
 */
public final class ConceptReport {

  private final String title;
  private String subtitle;
  private final Map<String, String> summary = new LinkedHashMap<>();
  private Double conceptAccuracy;
  private Double taskAccuracy;
  private Double taskAccuracyAllIntervened;
  private Double conceptCeiling;
  private Double leakage;
  private double[] curve = new double[0];
  private String policy;
  private boolean readsTrueConcepts;
  private Map<Integer, String> formulas;
  private LogicExplanations.Metrics logic;

  /** An empty report headed {@code title}. */
  public ConceptReport(String title) {
    this.title = title;
  }

  /** A line under the title. */
  public ConceptReport subtitle(String text) {
    this.subtitle = text;
    return this;
  }

  /** A row of the summary table at the top (rows keep the order they are added in). */
  public ConceptReport summary(String key, String value) {
    summary.put(key, value);
    return this;
  }

  /** The concept accuracy; null: the model has none (the entropy network reads the true concepts). */
  public ConceptReport conceptAccuracy(Double value) {
    this.conceptAccuracy = value;
    return this;
  }

  /** The task accuracy with the model's own concepts. */
  public ConceptReport taskAccuracy(Double value) {
    this.taskAccuracy = value;
    return this;
  }

  /** The task accuracy with every concept replaced by its true value. */
  public ConceptReport taskAccuracyAllIntervened(Double value) {
    this.taskAccuracyAllIntervened = value;
    return this;
  }

  /** The task accuracy a classifier reaches from the true concepts alone; null when not measured. */
  public ConceptReport conceptCeiling(Double value) {
    this.conceptCeiling = value;
    return this;
  }

  /** Task accuracy with the soft concepts minus accuracy with all concepts intervened. */
  public ConceptReport leakage(Double value) {
    this.leakage = value;
    return this;
  }

  /**
   * Task accuracy with 0, 1, ... concepts intervened (empty: no concepts to intervene on), in the order
   * of {@code policy} (null when there is none).
   */
  public ConceptReport interventionCurve(double[] values, String interventionPolicy) {
    this.curve = values.clone();
    this.policy = interventionPolicy;
    return this;
  }

  /** Whether the model reads the true concepts (the entropy network), so its curve is flat by design. */
  public ConceptReport readsTrueConcepts(boolean value) {
    this.readsTrueConcepts = value;
    return this;
  }

  /**
   * The accuracies, leakage and intervention curve of a bottleneck or embedding model, from
   * {@link ConceptModel#evaluate}.
   */
  public ConceptReport metrics(ConceptModelMetrics m) {
    return conceptAccuracy(m.conceptAccuracy()).taskAccuracy(m.taskAccuracy())
        .taskAccuracyAllIntervened(m.taskAccuracyAllIntervened()).leakage(m.leakage())
        .interventionCurve(m.interventionCurve(), m.policy());
  }

  /**
   * The entropy network's formulas (class index to formula, in class order) with their scores from
   * {@link EntropyLogicExplainerModel#explanationMetrics}: a section of its own.
   */
  public ConceptReport logicExplanations(Map<Integer, String> classFormulas, LogicExplanations.Metrics metrics) {
    this.formulas = new LinkedHashMap<>(classFormulas);
    this.logic = metrics;
    return this;
  }

  /** The finished report. */
  public Report build() {
    Report.Builder r = Report.builder(title);
    if (subtitle != null) {
      r.subtitle(subtitle);
    }
    summary.forEach(r::summary);
    r.section("Accuracy on the test table")
        .table(List.of("measure", "value"), List.of(
            List.of("concept accuracy", number(conceptAccuracy)),
            List.of("task accuracy", number(taskAccuracy)),
            List.of("task accuracy, all concepts intervened", number(taskAccuracyAllIntervened)),
            List.of("concept ceiling", number(conceptCeiling)),
            List.of("leakage", number(leakage))))
        .paragraph("The concept ceiling is the task accuracy a classifier reaches from the true concepts alone;"
            + " leakage is task accuracy with the model's own soft concepts minus accuracy with all concepts"
            + " intervened (positive: the head reads more than the concepts' truth values). A dash: the model"
            + " has no such number.");
    interventions(r);
    if (formulas != null) {
      explanations(r);
    }
    return r.build();
  }

  private void interventions(Report.Builder r) {
    r.section("Interventions");
    if (curve.length == 0) {
      r.paragraph("This model has no concepts to intervene on.");
      return;
    }
    double[] x = new double[curve.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
    }
    LineChart.Builder chart = LineChart.builder("concepts intervened", "task accuracy").yLimits(0, 1)
        .series("task accuracy", x, curve.clone());
    if (conceptCeiling != null) {
      double[] flat = new double[x.length];
      Arrays.fill(flat, conceptCeiling);
      chart.series("concept ceiling", x, flat);
    }
    String caption = readsTrueConcepts
        ? "The entropy network reads the true concepts, so intervening changes nothing: the curve is flat."
        : "Task accuracy as 0, 1, ... concepts are replaced by their true values"
            + (policy == null ? "" : " (order: " + policy + ")")
            + (conceptCeiling == null ? "." : ", beside the concept ceiling.");
    r.figure(chart.build(), caption);
  }

  private void explanations(Report.Builder r) {
    r.section("Logic explanations")
        .table(List.of("measure", "value"), List.of(
            List.of("explanation accuracy", number(logic.accuracy())),
            List.of("fidelity", number(logic.fidelity())),
            List.of("complexity (literals per formula)", number(logic.complexity()))))
        .paragraph("Each class's formula read as a one-vs-rest classifier: explanation accuracy against the"
            + " label, fidelity against the network's prediction, complexity in literals.");
    double[] accuracy = logic.classAccuracy();
    double[] fidelity = logic.classFidelity();
    int[] complexity = logic.classComplexity();
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<Integer, String> e : formulas.entrySet()) {
      int c = e.getKey();
      rows.add(List.of(Integer.toString(c), e.getValue(), at(accuracy, c), at(fidelity, c),
          c >= 0 && c < complexity.length ? String.format(Locale.ROOT, "%.0f", (double) complexity[c]) : "—"));
    }
    r.table(List.of("class", "formula", "explanation accuracy", "fidelity", "complexity"), rows);
  }

  private static String at(double[] values, int i) {
    return i >= 0 && i < values.length ? number(values[i]) : "—";
  }

  private static String number(Double v) {
    return v == null ? "—" : String.format(Locale.ROOT, "%.3f", v);
  }
}
