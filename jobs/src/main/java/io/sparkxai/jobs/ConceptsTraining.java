package io.sparkxai.jobs;

import io.sparkxai.concepts.ConceptBottleneckClassifier;
import io.sparkxai.concepts.ConceptEmbeddingClassifier;
import io.sparkxai.concepts.ConceptModel;
import io.sparkxai.concepts.ConceptModelMetrics;
import io.sparkxai.concepts.EntropyLogicExplainer;
import io.sparkxai.concepts.EntropyLogicExplainerModel;
import io.sparkxai.concepts.core.LogicExplanations;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The fit behind {@code concepts-train}, by model: a concept bottleneck or embedding model (concept
 * and task accuracy, all concepts intervened, the intervention curve, leakage), the entropy network
 * (its formulas with explanation accuracy, fidelity and complexity), or {@code blackbox}, MLlib's
 * multilayer perceptron on the features (no concepts), the yardstick for what the bottleneck costs.
 *
 * @param model one of {@link ConceptsTrainCommand#MODELS}
 * @param features the feature columns (unused by entropy-len)
 * @param concepts the concept columns
 * @param label the label column, class indices
 * @param seed training seed
 * @param epochs training epochs (blackbox: L-BFGS iterations)
 * @param batchSize rows per step, 0 for the full batch
 * @param shards shards trained in parallel, 0 for one per 100,000 rows
 * @param policy the intervention curve's order
 * @param learningRate the learning rate, or null for the model's default
 * @param saving where to save the model (--model-out, --overwrite)
 */
record ConceptsTraining(String model, List<String> features, List<String> concepts, String label, long seed,
    int epochs, int batchSize, int shards, String policy, Double learningRate, ModelSaving saving) {

  /** Fits, measures on {@code test}, puts the metrics into {@code metrics}, and returns a summary phrase. */
  String run(Dataset<Row> train, Dataset<Row> test, Map<String, Object> metrics, PrintWriter out) throws IOException {
    return switch (model) {
      case "entropy-len" -> entropy(train, test, metrics, out);
      case "blackbox" -> blackbox(train, test, metrics);
      default -> conceptModel(train, test, metrics);
    };
  }

  private String[] featureCols() {
    return features.toArray(new String[0]);
  }

  private String[] conceptCols() {
    return concepts.toArray(new String[0]);
  }

  private String conceptModel(Dataset<Row> train, Dataset<Row> test, Map<String, Object> metrics)
      throws IOException {
    ConceptModel<?> trained;
    if (model.equals("cem")) {
      ConceptEmbeddingClassifier cem = new ConceptEmbeddingClassifier().setInputCols(featureCols())
          .setConceptCols(conceptCols()).setLabelCol(label).setSeed(seed).setEpochs(epochs).setBatchSize(batchSize)
          .setNumShards(shards);
      Flags.ifGiven(learningRate, cem::setLearningRate);
      trained = cem.fit(train);
    } else {
      ConceptBottleneckClassifier cbm = new ConceptBottleneckClassifier().setMode(model.substring("cbm-".length()))
          .setInputCols(featureCols()).setConceptCols(conceptCols()).setLabelCol(label).setSeed(seed)
          .setEpochs(epochs).setBatchSize(batchSize).setNumShards(shards);
      Flags.ifGiven(learningRate, cbm::setLearningRate);
      trained = cbm.fit(train);
    }
    ConceptModelMetrics m = trained.evaluate(test, policy);
    metrics.put("concept_accuracy", m.conceptAccuracy());
    metrics.put("task_accuracy", m.taskAccuracy());
    metrics.put("task_accuracy_all_intervened", m.taskAccuracyAllIntervened());
    metrics.put("intervention_curve", toList(m.interventionCurve()));
    metrics.put("intervention_policy", m.policy());
    metrics.put("leakage", m.leakage());
    metrics.put("shards", Integer.parseInt(trained.provenance().get("shards")));
    saving.save(trained);
    return String.format(Locale.ROOT, "test task accuracy %.3f, concept accuracy %.3f, all concepts "
        + "intervened %.3f", m.taskAccuracy(), m.conceptAccuracy(), m.taskAccuracyAllIntervened());
  }

  private String entropy(Dataset<Row> train, Dataset<Row> test, Map<String, Object> metrics, PrintWriter out)
      throws IOException {
    EntropyLogicExplainer len = new EntropyLogicExplainer().setConceptCols(conceptCols()).setLabelCol(label)
        .setSeed(seed).setEpochs(epochs).setBatchSize(batchSize).setNumShards(shards);
    Flags.ifGiven(learningRate, len::setLearningRate);
    EntropyLogicExplainerModel trained = len.fit(train);
    LogicExplanations.Metrics e = trained.explanationMetrics(test);
    double accuracy = trained.accuracy(test);
    Map<String, String> formulas = new LinkedHashMap<>();
    trained.formulas().forEach((k, v) -> formulas.put(Integer.toString(k), v));
    // The network reads the true concepts: there is no concept predictor to measure or intervene on.
    metrics.put("concept_accuracy", null);
    metrics.put("task_accuracy", accuracy);
    metrics.put("task_accuracy_all_intervened", accuracy);
    List<Double> curve = new ArrayList<>();
    for (int i = 0; i <= concepts.size(); i++) {
      curve.add(accuracy);
    }
    metrics.put("intervention_curve", curve);
    metrics.put("formulas", formulas);
    metrics.put("explanation_accuracy", e.accuracy());
    metrics.put("fidelity", e.fidelity());
    metrics.put("complexity", e.complexity());
    metrics.put("class_explanation_accuracy", toList(e.classAccuracy()));
    metrics.put("class_fidelity", toList(e.classFidelity()));
    metrics.put("class_complexity", java.util.Arrays.stream(e.classComplexity()).boxed().toList());
    metrics.put("explanations_exact",
        trained.explanations().stream().allMatch(LogicExplanations.ClassExplanation::exact));
    formulas.forEach((k, v) -> out.printf("concepts-train: class %s ⇔ %s%n", k, v));
    saving.save(trained);
    return String.format(Locale.ROOT, "test task accuracy %.3f, explanation accuracy %.3f, fidelity %.3f, "
        + "complexity %.1f", accuracy, e.accuracy(), e.fidelity(), e.complexity());
  }

  private String blackbox(Dataset<Row> train, Dataset<Row> test, Map<String, Object> metrics) throws IOException {
    String[] featureCols = featureCols();
    Row max = train.agg(functions.max(functions.col(Tables.quote(label)))).first();
    int classes = Math.max(2, (int) Math.round(((Number) max.get(0)).doubleValue()) + 1);
    Dataset<Row> tr = train.withColumn("__label", functions.col(Tables.quote(label)).cast("double"));
    Dataset<Row> te = test.withColumn("__label", functions.col(Tables.quote(label)).cast("double"));
    PipelineModel fitted = new Pipeline().setStages(new PipelineStage[] {
        new VectorAssembler().setInputCols(featureCols).setOutputCol("__features"),
        new MultilayerPerceptronClassifier().setFeaturesCol("__features").setLabelCol("__label")
            .setLayers(new int[] {featureCols.length, 10, 8, classes}).setMaxIter(epochs).setSeed(seed)}).fit(tr);
    Row r = fitted.transform(te).agg(functions.avg(functions.when(
        functions.col("prediction").equalTo(functions.col("__label")), 1.0).otherwise(0.0))).first();
    double accuracy = r.getDouble(0);
    metrics.put("concept_accuracy", null);
    metrics.put("task_accuracy", accuracy);
    metrics.put("task_accuracy_all_intervened", null);
    metrics.put("intervention_curve", List.of());
    metrics.put("baseline", "MLlib MultilayerPerceptronClassifier, layers " + featureCols.length + "-10-8-" + classes
        + ", L-BFGS");
    saving.save(fitted);
    return String.format(Locale.ROOT, "test task accuracy %.3f (no concepts)", accuracy);
  }

  static List<Double> toList(double[] values) {
    List<Double> out = new ArrayList<>();
    for (double v : values) {
      out.add(v);
    }
    return out;
  }
}
