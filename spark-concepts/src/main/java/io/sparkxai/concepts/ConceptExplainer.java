package io.sparkxai.concepts;

import io.sparkxai.concepts.params.ConceptExplainerParams;
import io.sparkxai.params.ParamRegistry;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * How a saved concept model does on a test table, as a DataFrame, from a stage that takes only literal
 * params: the route to {@link ConceptModel#evaluate}, {@link EntropyLogicExplainerModel#formulas} and
 * {@link EntropyLogicExplainerModel#explanationMetrics} from Spark Connect, whose clients create stages
 * by class name and cannot call a model's other methods. {@code modelPath} names a folder saved by a
 * {@link ConceptBottleneckModel}, {@link ConceptEmbeddingModel} or {@link EntropyLogicExplainerModel}
 * (the class in its metadata chooses the reader; the former names still load). The input is the test
 * table, with the columns the model was trained on (features, concepts and label, under the names saved
 * with the model). {@code explanation} chooses what {@code transform(dataset)} returns:
 * <ul>
 *   <li>{@code metrics} (default): one row: {@code model} (how it was trained, e.g. {@code cbm-joint}),
 *       {@code rows}, {@code concept_accuracy}, {@code task_accuracy}, {@code task_accuracy_all_intervened},
 *       {@code leakage}, {@code intervention_curve}, {@code intervention_policy}, and for the entropy
 *       network {@code explanation_accuracy}, {@code fidelity}, {@code complexity}; a column the model has
 *       no value for is null. The entropy network reads the true concepts: as in {@code concepts-train},
 *       its curve is flat at its task accuracy, and it has no concept accuracy or leakage;</li>
 *   <li>{@code curve}: {@code concepts_intervened}, {@code task_accuracy}, one row per count from 0 to
 *       all concepts (order: {@code policy});</li>
 *   <li>{@code formulas} (entropy network only): {@code class}, {@code formula}, and the formula's
 *       {@code explanation_accuracy}, {@code fidelity} and {@code complexity} on the table (null when the
 *       table lacks the concept or label columns: then no data is read), and whether its minimisation was
 *       {@code exact};</li>
 *   <li>{@code report}: one row, column {@code html}: the page {@code concepts-train --report} draws
 *       ({@link ConceptReport}), without the concept ceiling (it needs the training table).</li>
 * </ul>
 * Each explanation measures the model in one Spark job.
 *
 * <pre>{@code
 * Row m = new ConceptExplainer().setModelPath("/models/cbm").setPolicy("uncertainty").transform(test).first();
 * }</pre>
 *
 * <p>The model is read once per stage instance and path ({@code transformSchema} and {@code transform}
 * share it); a model saved again under the same path is read by a new instance or a {@code copy}.
 */
public class ConceptExplainer extends Transformer
    implements ConceptExplainerParams<ConceptExplainer>, DefaultParamsWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final ParamRegistry registry;
  /** The path {@link #loaded} was read from. */
  private transient String loadedPath;
  private transient ConceptNetworkModel<?> loaded;

  /** A new explainer with a random uid. */
  public ConceptExplainer() {
    this(Identifiable$.MODULE$.randomUID("conceptExplainer"));
  }

  /** A new explainer with the given uid. */
  public ConceptExplainer(String uid) {
    this.uid = uid;
    this.registry = ParamRegistry.of(this);
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public ParamRegistry paramRegistry() {
    return registry;
  }

  /** The saved model at {@code modelPath}, read on the first call and kept for later calls with the same path. */
  synchronized ConceptNetworkModel<?> model(SparkSession spark) {
    String path = getModelPath();
    if (path == null || path.isEmpty()) {
      throw new IllegalArgumentException("modelPath is not set: set it to a folder saved by a concept model");
    }
    if (!path.equals(loadedPath)) {
      loaded = SavedConceptModels.load("modelPath", path, spark);
      loadedPath = path;
    }
    return loaded;
  }

  /**
   * The explanation chosen by {@code explanation}, measured on {@code dataset}.
   *
   * @throws IllegalArgumentException naming the param, column or path at fault
   */
  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    SparkSession spark = dataset.sparkSession();
    schema(spark);
    ConceptNetworkModel<?> model = model(spark);
    if (getExplanation().equals("formulas") && !hasTruth((EntropyLogicExplainerModel) model, dataset)) {
      EntropyLogicExplainerModel len = (EntropyLogicExplainerModel) model;
      return ConceptExplanationTables.formulas(len.formulas(), null, len.explanations(), spark);
    }
    ConceptMeasures m = ConceptMeasures.of(model, dataset, getPolicy());
    return switch (getExplanation()) {
      case "metrics" -> ConceptExplanationTables.metrics(m, spark);
      case "curve" -> ConceptExplanationTables.curve(m, spark);
      case "formulas" -> ConceptExplanationTables.formulas(m.formulas(), m.logic(),
          ((EntropyLogicExplainerModel) model).explanations(), spark);
      case "report" -> ConceptExplanationTables.report(m, model.provenance(), getReportTitle().isEmpty()
          ? "Concept model " + m.model() : getReportTitle(), "the model saved at " + getModelPath(), spark);
      default -> throw new IllegalStateException("explanation " + getExplanation());
    };
  }

  /** Whether {@code dataset} holds the network's concept and label columns, to score formulas on. */
  private static boolean hasTruth(EntropyLogicExplainerModel len, Dataset<?> dataset) {
    java.util.List<String> columns = java.util.Arrays.asList(dataset.columns());
    return columns.contains(len.getLabelCol()) && columns.containsAll(java.util.Arrays.asList(len.getConceptCols()));
  }

  /**
   * The columns {@code transform} returns, whatever the input's; the model is read here (on the active
   * Spark session) to check that it fits the explanation.
   *
   * @throws IllegalArgumentException naming the param or path at fault
   */
  @Override
  public StructType transformSchema(StructType schema) {
    return schema(SparkSession.active());
  }

  private StructType schema(SparkSession spark) {
    ConceptNetworkModel<?> model = model(spark);
    return switch (getExplanation()) {
      case "metrics" -> ConceptExplanationTables.METRICS;
      case "curve" -> ConceptExplanationTables.CURVE;
      case "formulas" -> {
        if (!(model instanceof EntropyLogicExplainerModel)) {
          throw new IllegalArgumentException("explanation formulas needs an EntropyLogicExplainerModel; modelPath \""
              + getModelPath() + "\" holds a " + model.getClass().getSimpleName());
        }
        yield ConceptExplanationTables.FORMULAS;
      }
      case "report" -> ConceptExplanationTables.REPORT;
      default -> throw new IllegalStateException("explanation " + getExplanation());
    };
  }

  @Override
  public ConceptExplainer copy(ParamMap extra) {
    return (ConceptExplainer) defaultCopy(extra);
  }

  /** Reads an explainer saved with {@code write().save(path)}. */
  public static MLReader<ConceptExplainer> read() {
    return new DefaultParamsReader<>();
  }

  /** Loads an explainer saved with {@code save(path)}. */
  public static ConceptExplainer load(String path) {
    return read().load(path);
  }
}
