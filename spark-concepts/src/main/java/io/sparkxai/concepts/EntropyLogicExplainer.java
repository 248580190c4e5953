package io.sparkxai.concepts;

import io.sparkxai.concepts.core.LogicExplanations;
import io.sparkxai.concepts.core.NetworkSpec;
import io.sparkxai.concepts.core.Objective;
import io.sparkxai.concepts.core.TupleCount;
import io.sparkxai.concepts.params.EstimatorParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Entropy-based logic explained network (Barbiero et al. 2022, "Entropy-based Logic Explanations of
 * Neural Networks", AAAI) over concept columns: an entropy linear layer (temperature τ = 0.6) whose
 * attention picks the few concepts each class relies on, trained with the attention entropy as a
 * penalty, then explained by one DNF formula per class, extracted from the correctly predicted
 * training rows grouped by bit-packed concept tuples and minimised exactly. Defaults follow
 * torch_explain's tutorial: EntropyLinear(k, 10, C) → LeakyReLU → Linear(10, 4) → LeakyReLU →
 * Linear(4, 1), AdamW lr 0.001 (this estimator's default of {@code learningRate}), entropy weight
 * 1e-4, 2001 full-batch epochs.
 *
 * <pre>{@code
 * EntropyLogicExplainerModel len = new EntropyLogicExplainer()
 *     .setConceptCols("c0", "c1").setLabelCol("y").fit(train);
 * len.formulas(List.of("c0", "c1"));   // {0=(c0 ∧ c1) ∨ (¬c0 ∧ ¬c1), 1=(c0 ∧ ¬c1) ∨ (¬c0 ∧ c1)}
 * len.explanationMetrics(test);        // accuracy, fidelity, complexity
 * }</pre>
 */
public final class EntropyLogicExplainer
    extends ConceptNetworkEstimator<EntropyLogicExplainerModel, EntropyLogicExplainer>
    implements EstimatorParams.EntropyLogic<EntropyLogicExplainer> {
  private static final long serialVersionUID = 1L;

  /** A new estimator with a random uid. */
  public EntropyLogicExplainer() {
    this(Identifiable.randomUID("entropyLen"));
  }

  /** A new estimator with the given uid. */
  public EntropyLogicExplainer(String uid) {
    super(uid, EntropyLogicExplainer.class.getName().hashCode());
    setDefault(learningRate(), 0.001);
  }

  @Override
  public EntropyLogicExplainerModel fit(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    String[] concepts = requireConceptCols();
    StructType schema = dataset.schema();
    Dataset<Row> prepared = dataset.toDF().select(
        ConceptColumns.numericColumns(schema, "conceptCols", concepts).as(ConceptColumns.CONCEPTS),
        ConceptColumns.label(schema, getLabelCol()).as(ConceptColumns.LABEL));
    ConceptColumns.Summary summary = ConceptColumns.validate(prepared, i -> "feature " + i, List.of(concepts), getLabelCol());
    int[] hidden = getHiddenSizes();
    if (hidden.length == 0) {
      throw new IllegalArgumentException("hiddenSizes must give at least the entropy layer's width");
    }
    requireWidths("hiddenSizes", hidden);
    NetworkSpec spec = new NetworkSpec(NetworkSpec.Kind.ENTROPY, 0, concepts.length, summary.numClasses(), hidden,
        new int[0], activationFunction(), 0, getTemperature());
    long started = System.nanoTime();
    int shards = shardsFor(summary.rows());
    Trained trained = train(prepared, 0, spec, List.of(Objective.entropy(getEntropyWeight())), shards);
    List<TupleCount> counts = ConceptTuples.count(prepared, new LogicScorer(spec, trained.parameters(), 0, 0));
    Map<String, String> provenance = provenance("entropy-len", summary.rows(), shards, trained, started,
        Map.of("distinctTrainingTuples", Integer.toString(counts.size())));
    return withParamsOf(new EntropyLogicExplainerModel(uid(), spec, trained.parameters(), provenance,
        explain(spec, trained, counts)));
  }

  /** One explanation per class from the correctly predicted training tuples, over its most attended concepts. */
  private List<LogicExplanations.ClassExplanation> explain(NetworkSpec spec, Trained trained, List<TupleCount> counts) {
    double[][] alpha = LogicExplanations.attention(spec, trained.parameters());
    List<LogicExplanations.ClassExplanation> explanations = new ArrayList<>();
    for (int c = 0; c < spec.numClasses(); c++) {
      int[] relevant = LogicExplanations.relevantConcepts(alpha[c], getMaxExplanationConcepts());
      explanations.add(LogicExplanations.explainClass(c, relevant, counts, getUnseenTuples().equals("dont_care")));
    }
    return explanations;
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return EntropyLogicExplainerModel.outputSchema(schema, getRawPredictionCol(), getProbabilityCol(),
        getPredictionCol());
  }

  /** Reads a saved estimator. */
  public static MLReader<EntropyLogicExplainer> read() {
    return SavedStages.paramsReader(EntropyLogicExplainer::new, EntropyLogicExplainer.class.getName());
  }

  /** Loads a saved estimator. */
  public static EntropyLogicExplainer load(String path) {
    return read().load(path);
  }
}
