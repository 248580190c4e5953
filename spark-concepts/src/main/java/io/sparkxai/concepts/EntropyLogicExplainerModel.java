package io.sparkxai.concepts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparkxai.concepts.core.Formula;
import io.sparkxai.concepts.core.LogicExplanations;
import io.sparkxai.concepts.core.NetworkSpec;
import io.sparkxai.concepts.core.ParameterSnapshot;
import io.sparkxai.concepts.core.Term;
import io.sparkxai.concepts.core.TupleCount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted {@link EntropyLogicExplainer}: predicts the task from the concept columns (adding raw
 * scores, probabilities and the predicted class) and carries one DNF formula per class.
 * {@link #explanationMetrics} measures the formulas on a data set from its concept-tuple counts.
 * Saved as a concept network whose network.json also holds the explanations.
 */
public final class EntropyLogicExplainerModel extends ConceptNetworkModel<EntropyLogicExplainerModel> {
  private static final long serialVersionUID = 1L;

  private final List<LogicExplanations.ClassExplanation> explanations;

  /** A model without a network, for Spark's reflection; load or fit one to transform. */
  public EntropyLogicExplainerModel() {
    this(Identifiable.randomUID("entropyLen"));
  }

  /** A model without a network with the given uid, for Spark's reflection. */
  public EntropyLogicExplainerModel(String uid) {
    this(uid, null, null, Map.of(), List.of());
  }

  EntropyLogicExplainerModel(String uid, NetworkSpec spec, ParameterSnapshot parameters,
      Map<String, String> provenance, List<LogicExplanations.ClassExplanation> explanations) {
    super(uid, spec, parameters, provenance);
    this.explanations = List.copyOf(explanations);
  }

  @Override
  EntropyLogicExplainerModel newInstance(String uid, NetworkSpec spec, ParameterSnapshot parameters,
      Map<String, String> provenance) {
    return new EntropyLogicExplainerModel(uid, spec, parameters, provenance, explanations);
  }

  /** One explanation per class, in class order. */
  public List<LogicExplanations.ClassExplanation> explanations() {
    return explanations;
  }

  /** The concept attention α (classes × concepts) of the entropy layer. */
  public double[][] attention() {
    return LogicExplanations.attention(networkSpec(), parameters());
  }

  /** Class index → formula, with the concept columns' names. */
  public Map<Integer, String> formulas() {
    return formulas(Arrays.asList(getConceptCols()));
  }

  /** Class index → formula, with the given concept names. */
  public Map<Integer, String> formulas(List<String> conceptNames) {
    Map<Integer, String> out = new LinkedHashMap<>();
    for (LogicExplanations.ClassExplanation e : explanations) {
      out.put(e.label(), e.formula().toString(conceptNames));
    }
    return out;
  }

  static StructType outputSchema(StructType schema, String raw, String probability, String prediction) {
    return ConceptColumns.withOutputs(schema, new String[] {raw, probability}, prediction);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return outputSchema(schema, getRawPredictionCol(), getProbabilityCol(), getPredictionCol());
  }

  private String[] concepts() {
    String[] c = getConceptCols();
    if (c.length != networkSpec().numConcepts()) {
      throw new IllegalArgumentException("conceptCols names " + c.length + " columns, the model has "
          + numConcepts() + " concepts");
    }
    return c;
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    requireTrained();
    StructType schema = dataset.schema();
    StructType out = transformSchema(schema);
    int width = schema.fields().length;
    Dataset<Row> in = dataset.toDF().withColumn(ConceptColumns.CONCEPTS,
        ConceptColumns.numericColumns(schema, "conceptCols", concepts()));
    LogicScorer scorer = new LogicScorer(networkSpec(), parameters(), width, width);
    return in.mapPartitions((MapPartitionsFunction<Row, Row>) scorer::score, Encoders.row(out));
  }

  /** Rows of {@code dataset} reduced to concept-tuple, label and prediction counts. */
  public List<TupleCount> tupleCounts(Dataset<?> dataset) {
    requireTrained();
    StructType schema = dataset.schema();
    Dataset<Row> in = dataset.toDF().select(
        ConceptColumns.numericColumns(schema, "conceptCols", concepts()).as(ConceptColumns.CONCEPTS),
        ConceptColumns.label(schema, getLabelCol()).as(ConceptColumns.LABEL));
    return ConceptTuples.count(in, new LogicScorer(networkSpec(), parameters(), 0, 0));
  }

  /**
   * Explanation accuracy (formula vs label), fidelity (formula vs the model's prediction) and
   * complexity (literals), per class and averaged, on {@code dataset}.
   */
  public LogicExplanations.Metrics explanationMetrics(Dataset<?> dataset) {
    return explanationMetrics(tupleCounts(dataset));
  }

  /** {@link #explanationMetrics(Dataset)} from the {@link #tupleCounts} of a data set. */
  LogicExplanations.Metrics explanationMetrics(List<TupleCount> counts) {
    List<Formula> formulas = new ArrayList<>();
    for (LogicExplanations.ClassExplanation e : explanations) {
      formulas.add(e.formula());
    }
    return LogicExplanations.evaluate(formulas, counts);
  }

  /** Task accuracy of the network on {@code dataset}. */
  public double accuracy(Dataset<?> dataset) {
    return accuracy(tupleCounts(dataset));
  }

  /** {@link #accuracy(Dataset)} from the {@link #tupleCounts} of a data set. */
  static double accuracy(List<TupleCount> counts) {
    long right = 0;
    long all = 0;
    for (TupleCount t : counts) {
      all += t.count();
      if (t.label() == t.prediction()) {
        right += t.count();
      }
    }
    return right / (double) all;
  }

  @Override
  void addToNetworkJson(ObjectNode document) {
    ArrayNode array = document.putArray("explanations");
    for (LogicExplanations.ClassExplanation e : explanations) {
      ObjectNode o = array.addObject();
      o.put("label", e.label());
      o.put("exact", e.exact());
      NetworkModelStore.putInts(o, "relevantConcepts", e.relevant());
      ArrayNode terms = o.putArray("terms");
      for (Term t : e.formula().terms()) {
        terms.addObject().put("care", t.care()).put("value", t.value());
      }
      o.put("formula", e.formula().toString(Arrays.asList(getConceptCols())));
    }
  }

  private static List<LogicExplanations.ClassExplanation> readExplanations(JsonNode array) {
    List<LogicExplanations.ClassExplanation> out = new ArrayList<>();
    for (JsonNode o : array) {
      List<Term> terms = new ArrayList<>();
      for (JsonNode t : o.path("terms")) {
        terms.add(new Term(t.path("care").asLong(), t.path("value").asLong()));
      }
      out.add(new LogicExplanations.ClassExplanation(o.path("label").asInt(), new Formula(terms),
          NetworkModelStore.ints(o.path("relevantConcepts")), o.path("exact").asBoolean()));
    }
    return out;
  }

  /** Reads a saved model. */
  public static MLReader<EntropyLogicExplainerModel> read() {
    return new MLReader<>() {
      @Override
      public EntropyLogicExplainerModel load(String path) {
        return ConceptNetworkModel.load(path, sparkSession(), List.of(EntropyLogicExplainerModel.class.getName()),
            saved -> new EntropyLogicExplainerModel(saved.metadata().uid(), saved.spec(), saved.parameters(),
                saved.provenance(), readExplanations(saved.document().path("explanations"))));
      }
    };
  }

  /** Loads a saved model. */
  public static EntropyLogicExplainerModel load(String path) {
    return read().load(path);
  }
}
