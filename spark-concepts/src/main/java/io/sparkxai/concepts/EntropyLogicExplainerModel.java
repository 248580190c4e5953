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
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted {@link EntropyLogicExplainer}: predicts the task from the concept columns (adding raw
 * scores, probabilities and the predicted class) and carries one DNF formula per class.
 * {@link #explanationMetrics} measures the formulas on a data set from its concept-tuple counts.
 */
public final class EntropyLogicExplainerModel extends Model<EntropyLogicExplainerModel> implements MLWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final NetworkSpec spec;
  private final ParameterSnapshot parameters;
  private final Map<String, String> provenance;
  private final List<LogicExplanations.ClassExplanation> explanations;
  private final StringArrayParam conceptCols;
  private final Param<String> labelCol;
  private final Param<String> predictionCol;
  private final Param<String> probabilityCol;
  private final Param<String> rawPredictionCol;

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
    this.uid = uid;
    this.spec = spec;
    this.parameters = parameters;
    this.provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    this.explanations = List.copyOf(explanations);
    conceptCols = new StringArrayParam(this, "conceptCols", "concept columns, values in [0, 1]");
    labelCol = new Param<>(this, "labelCol", "label column (for explanation metrics)");
    predictionCol = new Param<>(this, "predictionCol", "output column: predicted class index");
    probabilityCol = new Param<>(this, "probabilityCol", "output column: class probabilities (vector)");
    rawPredictionCol = new Param<>(this, "rawPredictionCol", "output column: class logits (vector)");
    setDefault(conceptCols, new String[0]);
    setDefault(labelCol, "label");
    setDefault(predictionCol, "prediction");
    setDefault(probabilityCol, "probability");
    setDefault(rawPredictionCol, "rawPrediction");
  }

  @Override
  public String uid() {
    return uid;
  }

  private void requireTrained() {
    if (spec == null) {
      throw new IllegalStateException("model " + uid + " has no trained network: fit an estimator or load a saved model");
    }
  }

  public StringArrayParam conceptCols() {
    return conceptCols;
  }

  public Param<String> labelCol() {
    return labelCol;
  }

  public Param<String> predictionCol() {
    return predictionCol;
  }

  public Param<String> probabilityCol() {
    return probabilityCol;
  }

  public Param<String> rawPredictionCol() {
    return rawPredictionCol;
  }

  public String[] getConceptCols() {
    return getOrDefault(conceptCols);
  }

  public String getLabelCol() {
    return getOrDefault(labelCol);
  }

  public String getPredictionCol() {
    return getOrDefault(predictionCol);
  }

  public String getProbabilityCol() {
    return getOrDefault(probabilityCol);
  }

  public String getRawPredictionCol() {
    return getOrDefault(rawPredictionCol);
  }

  public EntropyLogicExplainerModel setConceptCols(String... v) {
    set(conceptCols, v);
    return this;
  }

  public EntropyLogicExplainerModel setLabelCol(String v) {
    set(labelCol, v);
    return this;
  }

  public EntropyLogicExplainerModel setPredictionCol(String v) {
    set(predictionCol, v);
    return this;
  }

  public EntropyLogicExplainerModel setProbabilityCol(String v) {
    set(probabilityCol, v);
    return this;
  }

  public EntropyLogicExplainerModel setRawPredictionCol(String v) {
    set(rawPredictionCol, v);
    return this;
  }

  /** The network's description. */
  public NetworkSpec networkSpec() {
    requireTrained();
    return spec;
  }

  /** The trained parameters. */
  public ParameterSnapshot parameters() {
    requireTrained();
    return parameters;
  }

  /** Where the model came from. */
  public Map<String, String> provenance() {
    return provenance;
  }

  /** One explanation per class, in class order. */
  public List<LogicExplanations.ClassExplanation> explanations() {
    return explanations;
  }

  /** The concept attention α (classes × concepts) of the entropy layer. */
  public double[][] attention() {
    return LogicExplanations.attention(networkSpec(), parameters);
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
    for (String c : new String[] {raw, probability, prediction}) {
      if (Arrays.asList(schema.fieldNames()).contains(c)) {
        throw new IllegalArgumentException("output column '" + c + "' already exists in the data; choose another name");
      }
    }
    return schema.add(raw, SQLDataTypes.VectorType(), false)
        .add(probability, SQLDataTypes.VectorType(), false)
        .add(prediction, DataTypes.DoubleType, false);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return outputSchema(schema, getRawPredictionCol(), getProbabilityCol(), getPredictionCol());
  }

  private String[] concepts() {
    String[] c = getConceptCols();
    if (c.length != networkSpec().numConcepts()) {
      throw new IllegalArgumentException("conceptCols names " + c.length + " columns, the model has "
          + spec.numConcepts() + " concepts");
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
    LogicScorer scorer = new LogicScorer(spec, parameters, width, width);
    return in.mapPartitions((MapPartitionsFunction<Row, Row>) scorer::score, Encoders.row(out));
  }

  /** Rows of {@code dataset} reduced to concept-tuple, label and prediction counts. */
  public List<TupleCount> tupleCounts(Dataset<?> dataset) {
    requireTrained();
    StructType schema = dataset.schema();
    Dataset<Row> in = dataset.toDF().select(
        ConceptColumns.numericColumns(schema, "conceptCols", concepts()).as(ConceptColumns.CONCEPTS),
        ConceptColumns.label(schema, getLabelCol()).as(ConceptColumns.LABEL));
    LogicScorer scorer = new LogicScorer(spec, parameters, 0, 0);
    StructType tupleSchema = new StructType().add(ConceptTuples.TUPLE, DataTypes.LongType)
        .add(ConceptTuples.LABEL, DataTypes.IntegerType).add(ConceptTuples.PREDICTION, DataTypes.IntegerType);
    return ConceptTuples.count(in.mapPartitions((MapPartitionsFunction<Row, Row>) it -> scorer.tuples(it, 1),
        Encoders.row(tupleSchema)));
  }

  /**
   * Explanation accuracy (formula vs label), fidelity (formula vs the model's prediction) and
   * complexity (literals), per class and averaged, on {@code dataset}.
   */
  public LogicExplanations.Metrics explanationMetrics(Dataset<?> dataset) {
    List<Formula> formulas = new ArrayList<>();
    for (LogicExplanations.ClassExplanation e : explanations) {
      formulas.add(e.formula());
    }
    return LogicExplanations.evaluate(formulas, tupleCounts(dataset));
  }

  /** Task accuracy of the network on {@code dataset}. */
  public double accuracy(Dataset<?> dataset) {
    long right = 0;
    long all = 0;
    for (TupleCount t : tupleCounts(dataset)) {
      all += t.count();
      if (t.label() == t.prediction()) {
        right += t.count();
      }
    }
    return right / (double) all;
  }

  @Override
  public EntropyLogicExplainerModel copy(ParamMap extra) {
    EntropyLogicExplainerModel copy = new EntropyLogicExplainerModel(uid, spec, parameters, provenance, explanations);
    copyValues(copy, extra);
    if (hasParent()) {
      copy.setParent(parent());
    }
    return copy;
  }

  @Override
  public MLWriter write() {
    return new MLWriter() {
      @Override
      public void saveImpl(String path) {
        requireTrained();
        try {
          NetworkModelStore.save(EntropyLogicExplainerModel.this, path, sparkSession(), spec, parameters, provenance,
              doc -> writeExplanations(doc.putArray("explanations")));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException("cannot save the model to " + path + ": " + e.getMessage(), e);
        }
      }
    };
  }

  private void writeExplanations(ArrayNode array) {
    for (LogicExplanations.ClassExplanation e : explanations) {
      ObjectNode o = array.addObject();
      o.put("label", e.label());
      o.put("exact", e.exact());
      ArrayNode relevant = o.putArray("relevantConcepts");
      for (int j : e.relevant()) {
        relevant.add(j);
      }
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
      int[] relevant = new int[o.path("relevantConcepts").size()];
      for (int i = 0; i < relevant.length; i++) {
        relevant[i] = o.path("relevantConcepts").get(i).asInt();
      }
      out.add(new LogicExplanations.ClassExplanation(o.path("label").asInt(), new Formula(terms), relevant,
          o.path("exact").asBoolean()));
    }
    return out;
  }

  @Override
  public void save(String path) throws IOException {
    write().save(path);
  }

  /** Reads a saved model. */
  public static MLReader<EntropyLogicExplainerModel> read() {
    return new MLReader<>() {
      @Override
      public EntropyLogicExplainerModel load(String path) {
        NetworkModelStore.Loaded loaded = NetworkModelStore.load(path, sparkSession(),
            List.of(EntropyLogicExplainerModel.class.getName()));
        EntropyLogicExplainerModel model = new EntropyLogicExplainerModel(loaded.metadata().uid(), loaded.spec(),
            loaded.parameters(), loaded.provenance(), readExplanations(loaded.document().path("explanations")));
        loaded.metadata().getAndSetParams(model, scala.Option.empty());
        return model;
      }
    };
  }

  /** Loads a saved model. */
  public static EntropyLogicExplainerModel load(String path) {
    return read().load(path);
  }
}
