package io.sparkxai.concepts;

import io.sparkxai.concepts.core.LogicExplanations;
import io.sparkxai.concepts.core.TupleCount;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;

/**
 * What {@link ConceptExplainer} measures of one saved model on one test table, in one Spark job, with
 * the numbers the model's Java methods give and the meaning {@code concepts-train} gives them: a
 * bottleneck or embedding model through {@link ConceptModel#evaluate}; the entropy network through
 * {@link EntropyLogicExplainerModel#accuracy} and {@link EntropyLogicExplainerModel#explanationMetrics}
 * (from one count of concept tuples), with no concept accuracy or leakage, and a flat curve at its task
 * accuracy, since it reads the true concepts. A value the model has none of is null.
 *
 * @param model how the model was trained (its provenance's {@code training}, e.g. {@code cbm-joint}), or its
 *     class's simple name
 * @param rows rows evaluated
 * @param conceptAccuracy share of (row, concept) pairs predicted on the true side of ½
 * @param taskAccuracy task accuracy with the model's own concepts
 * @param taskAccuracyAllIntervened task accuracy with every concept replaced by its true value
 * @param leakage {@code taskAccuracy - taskAccuracyAllIntervened}
 * @param interventionCurve task accuracy with 0, 1, ..., k concepts intervened
 * @param policy the curve's order
 * @param formulas the entropy network's class index to formula, in class order
 * @param logic the entropy network's explanation accuracy, fidelity and complexity, overall and per class
 */
record ConceptMeasures(String model, long rows, Double conceptAccuracy, double taskAccuracy,
    double taskAccuracyAllIntervened, Double leakage, double[] interventionCurve, String policy,
    Map<Integer, String> formulas, LogicExplanations.Metrics logic) {

  /** Measures {@code model} on {@code test}; {@code policy} orders a bottleneck or embedding model's curve. */
  static ConceptMeasures of(ConceptNetworkModel<?> model, Dataset<?> test, String policy) {
    String name = model.provenance().getOrDefault("training", model.getClass().getSimpleName());
    if (model instanceof ConceptModel<?> concepts) {
      ConceptModelMetrics m = concepts.evaluate(test, policy);
      return new ConceptMeasures(name, m.rows(), m.conceptAccuracy(), m.taskAccuracy(),
          m.taskAccuracyAllIntervened(), m.leakage(), m.interventionCurve(), m.policy(), null, null);
    }
    EntropyLogicExplainerModel len = (EntropyLogicExplainerModel) model;
    List<TupleCount> counts = len.tupleCounts(test);
    double accuracy = EntropyLogicExplainerModel.accuracy(counts);
    LogicExplanations.Metrics logic = len.explanationMetrics(counts);
    double[] flat = new double[len.numConcepts() + 1];
    Arrays.fill(flat, accuracy);
    return new ConceptMeasures(name, logic.rows(), null, accuracy, accuracy, null, flat, null, len.formulas(), logic);
  }

  /** Whether the model is the entropy network, which reads the true concepts. */
  boolean readsTrueConcepts() {
    return logic != null;
  }
}
