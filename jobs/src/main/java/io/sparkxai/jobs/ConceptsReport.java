package io.sparkxai.jobs;

import io.sparkxai.concepts.ConceptReport;
import io.sparkxai.concepts.core.LogicExplanations;
import io.sparkxai.reports.Report;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTML report of {@code concepts-train}, from its metrics map (the keys {@link ConceptsTraining}
 * and {@link ConceptsTrainCommand} put there), drawn by spark-concepts' {@link ConceptReport}: concept
 * and task accuracy, the concept ceiling and leakage, the intervention curve as a line chart, and for
 * the entropy network its formulas per class with explanation accuracy, fidelity and complexity.
 * Timings are left out, so the same run gives the same bytes.
 */
final class ConceptsReport {

  private ConceptsReport() {}

  /** The report of one run; {@code title} heads it. */
  static Report of(String title, Map<String, ?> m) {
    Object policy = m.get("intervention_policy");
    ConceptReport r = new ConceptReport(title)
        .subtitle("concepts-train --model " + m.get("model"))
        .summary("model", String.valueOf(m.get("model")))
        .summary("training rows", String.valueOf(m.get("train_rows")))
        .summary("test rows", String.valueOf(m.get("test_rows")))
        .summary("seed", String.valueOf(m.get("seed")))
        .summary("epochs", String.valueOf(m.get("epochs")))
        .conceptAccuracy(number(m.get("concept_accuracy")))
        .taskAccuracy(number(m.get("task_accuracy")))
        .taskAccuracyAllIntervened(number(m.get("task_accuracy_all_intervened")))
        .conceptCeiling(number(m.get("concept_ceiling")))
        .leakage(number(m.get("leakage")))
        .interventionCurve(doubles(m.get("intervention_curve")), policy == null ? null : String.valueOf(policy))
        .readsTrueConcepts("entropy-len".equals(m.get("model")));
    if (m.get("formulas") instanceof Map<?, ?> formulas) {
      Map<Integer, String> byClass = new LinkedHashMap<>();
      formulas.forEach((k, v) -> byClass.put(Integer.parseInt(String.valueOf(k)), String.valueOf(v)));
      double[] complexity = doubles(m.get("class_complexity"));
      int[] literals = new int[complexity.length];
      for (int i = 0; i < literals.length; i++) {
        literals[i] = (int) complexity[i];
      }
      Number rows = number(m.get("test_rows"));
      r.logicExplanations(byClass, new LogicExplanations.Metrics(value(m.get("explanation_accuracy")),
          value(m.get("fidelity")), value(m.get("complexity")), doubles(m.get("class_explanation_accuracy")),
          doubles(m.get("class_fidelity")), literals, rows == null ? 0 : rows.longValue()));
    }
    return r.build();
  }

  private static Double number(Object v) {
    return v instanceof Number n ? n.doubleValue() : null;
  }

  private static double value(Object v) {
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  private static double[] doubles(Object v) {
    if (!(v instanceof List<?> list)) {
      return new double[0];
    }
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = value(list.get(i));
    }
    return out;
  }
}
