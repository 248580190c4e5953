package io.sparkxai.concepts;

import io.sparkxai.concepts.core.LogicExplanations;
import io.sparkxai.concepts.core.NetworkSpec;
import io.sparkxai.concepts.core.Objective;
import io.sparkxai.concepts.core.TrainingState;
import io.sparkxai.concepts.core.TupleCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Entropy-based logic explained network (Barbiero et al. 2022, "Entropy-based Logic Explanations of
 * Neural Networks", AAAI) over concept columns: an entropy linear layer (temperature τ = 0.6) whose
 * attention picks the few concepts each class relies on, trained with the attention entropy as a
 * penalty, then explained by one DNF formula per class, extracted from the correctly predicted
 * training rows grouped by bit-packed concept tuples and minimised exactly. Defaults follow
 * torch_explain's tutorial: EntropyLinear(k, 10, C) → LeakyReLU → Linear(10, 4) → LeakyReLU →
 * Linear(4, 1), AdamW lr 0.001, entropy weight 1e-4, 2001 full-batch epochs.
 *
 * <pre>{@code
 * EntropyLogicExplainerModel len = new EntropyLogicExplainer()
 *     .setConceptCols("c0", "c1").setLabelCol("y").fit(train);
 * len.formulas(List.of("c0", "c1"));   // {0=(c0 ∧ c1) ∨ (¬c0 ∧ ¬c1), 1=(c0 ∧ ¬c1) ∨ (¬c0 ∧ c1)}
 * len.explanationMetrics(test);        // accuracy, fidelity, complexity
 * }</pre>
 */
public final class EntropyLogicExplainer
    extends ConceptNetworkEstimator<EntropyLogicExplainerModel, EntropyLogicExplainer> {
  private static final long serialVersionUID = 1L;

  private final IntArrayParam hiddenSizes;
  private final DoubleParam temperature;
  private final DoubleParam entropyWeight;
  private final IntParam maxExplanationConcepts;
  private final Param<String> unseenTuples;

  /** A new estimator with a random uid. */
  public EntropyLogicExplainer() {
    this(Identifiable.randomUID("entropyLen"));
  }

  /** A new estimator with the given uid. */
  public EntropyLogicExplainer(String uid) {
    super(uid, EntropyLogicExplainer.class.getName().hashCode());
    hiddenSizes = new IntArrayParam(this, "hiddenSizes",
        "widths of the entropy layer (first) and of the hidden layers after it");
    temperature = new DoubleParam(this, "temperature", "temperature τ of the concept attention softmax (> 0)",
        ParamValidators.gt(0));
    entropyWeight = new DoubleParam(this, "entropyWeight", "weight of the attention-entropy loss (>= 0)",
        ParamValidators.gtEq(0));
    maxExplanationConcepts = new IntParam(this, "maxExplanationConcepts",
        "most concepts one class's formula may use, the most attended first (1..16)", ParamValidators.inRange(1, 16));
    unseenTuples = new Param<>(this, "unseenTuples",
        "concept tuples no correctly predicted training row shows: dont_care (the minimiser may use them) or false",
        ParamValidators.inArray(new String[] {"dont_care", "false"}));
    setDefault(hiddenSizes, new int[] {10, 4});
    setDefault(temperature, 0.6);
    setDefault(entropyWeight, 1e-4);
    setDefault(maxExplanationConcepts, 10);
    setDefault(unseenTuples, "dont_care");
    setDefault(learningRate(), 0.001);
  }

  /** Widths of the entropy layer and the layers after it (default 10, 4). */
  public IntArrayParam hiddenSizes() {
    return hiddenSizes;
  }

  /** Attention temperature τ (default 0.6). */
  public DoubleParam temperature() {
    return temperature;
  }

  /** Entropy loss weight (default 1e-4). */
  public DoubleParam entropyWeight() {
    return entropyWeight;
  }

  /** Most concepts per class formula (default 10). */
  public IntParam maxExplanationConcepts() {
    return maxExplanationConcepts;
  }

  /** How unseen tuples are treated in the minimisation (default {@code dont_care}). */
  public Param<String> unseenTuples() {
    return unseenTuples;
  }

  public int[] getHiddenSizes() {
    return getOrDefault(hiddenSizes);
  }

  public double getTemperature() {
    return (Double) getOrDefault(temperature);
  }

  public double getEntropyWeight() {
    return (Double) getOrDefault(entropyWeight);
  }

  public int getMaxExplanationConcepts() {
    return (Integer) getOrDefault(maxExplanationConcepts);
  }

  public String getUnseenTuples() {
    return getOrDefault(unseenTuples);
  }

  public EntropyLogicExplainer setHiddenSizes(int... value) {
    set(hiddenSizes, value);
    return this;
  }

  public EntropyLogicExplainer setTemperature(double value) {
    set(temperature, value);
    return this;
  }

  public EntropyLogicExplainer setEntropyWeight(double value) {
    set(entropyWeight, value);
    return this;
  }

  public EntropyLogicExplainer setMaxExplanationConcepts(int value) {
    set(maxExplanationConcepts, value);
    return this;
  }

  public EntropyLogicExplainer setUnseenTuples(String value) {
    set(unseenTuples, value);
    return this;
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
    for (int h : hidden) {
      if (h < 1) {
        throw new IllegalArgumentException("hiddenSizes must all be >= 1, got " + java.util.Arrays.toString(hidden));
      }
    }
    NetworkSpec spec = new NetworkSpec(NetworkSpec.Kind.ENTROPY, 0, concepts.length, summary.numClasses(), hidden,
        new int[0], io.sparkxai.concepts.core.ActivationFunction.of(getActivation()), 0, getTemperature());
    long started = System.nanoTime();
    int shards = shardsFor(summary.rows());
    TrainingState state;
    int rounds;
    try (ShardedTraining training = new ShardedTraining(prepared, shards, 0, concepts.length)) {
      state = training.run(spec, Objective.entropy(getEntropyWeight()), null, adamW(), getEpochs(), getBatchSize(),
          getSeed(), getEpochsPerSync());
      rounds = training.rounds();
    }
    LogicScorer scorer = new LogicScorer(spec, state.parameters(), 0, 0);
    StructType tupleSchema = new StructType().add(ConceptTuples.TUPLE, DataTypes.LongType)
        .add(ConceptTuples.LABEL, DataTypes.IntegerType).add(ConceptTuples.PREDICTION, DataTypes.IntegerType);
    List<TupleCount> counts = ConceptTuples.count(prepared.mapPartitions(
        (org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>) it -> scorer.tuples(it, 1),
        Encoders.row(tupleSchema)));
    double[][] alpha = LogicExplanations.attention(spec, state.parameters());
    List<LogicExplanations.ClassExplanation> explanations = new ArrayList<>();
    for (int c = 0; c < spec.numClasses(); c++) {
      int[] relevant = LogicExplanations.relevantConcepts(alpha[c], getMaxExplanationConcepts());
      explanations.add(LogicExplanations.explainClass(c, relevant, counts, getUnseenTuples().equals("dont_care")));
    }
    Map<String, String> provenance = new LinkedHashMap<>();
    provenance.put("training", "entropy-len");
    provenance.put("library", ConceptClassifier.libraryVersion());
    provenance.put("rows", Long.toString(summary.rows()));
    provenance.put("shards", Integer.toString(shards));
    provenance.put("rounds", Integer.toString(rounds));
    provenance.put("seed", Long.toString(getSeed()));
    provenance.put("epochs", Integer.toString(getEpochs()));
    provenance.put("distinctTrainingTuples", Integer.toString(counts.size()));
    provenance.put("fitSeconds", String.format(java.util.Locale.ROOT, "%.3f", (System.nanoTime() - started) / 1e9));
    provenance.put("trainedAt", Instant.now().toString());
    EntropyLogicExplainerModel model = new EntropyLogicExplainerModel(uid(), spec, state.parameters(), provenance,
        explanations);
    copyValues(model, extractParamMap());
    model.setParent(this);
    return model;
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return EntropyLogicExplainerModel.outputSchema(schema, getRawPredictionCol(), getProbabilityCol(),
        getPredictionCol());
  }

  @Override
  public EntropyLogicExplainer copy(ParamMap extra) {
    return defaultCopy(extra);
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
