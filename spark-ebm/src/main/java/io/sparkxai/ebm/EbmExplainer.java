package io.sparkxai.ebm;

import io.sparkxai.params.ParamRegistry;
import java.util.Arrays;
import java.util.List;
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
 * The explanations of a saved EBM model as a DataFrame, from a stage that takes only literal params:
 * the route to them from Spark Connect, whose clients create stages by class name and cannot call a
 * model's other methods. {@code modelPath} names a folder saved by an
 * {@link ExplainableBoostingClassificationModel} or {@link ExplainableBoostingRegressionModel} (the
 * class in its metadata chooses the reader); {@code explanation} chooses what {@code transform(dataset)}
 * returns:
 * <ul>
 *   <li>{@code contributions} (default): {@link EbmModelBase#explainRows} of the dataset, with
 *       {@code idCol} kept first when set: one column per term, then {@code raw_score},
 *       {@code probability} (classifiers) and {@code prediction};</li>
 *   <li>{@code global}: {@link EbmModelBase#globalExplanation()} (term, bin, class, score, stdev, weight);</li>
 *   <li>{@code importances}: {@code term}, {@code importance}, one row per term, largest first (the
 *       numbers of {@link EbmModelBase#termImportances()});</li>
 *   <li>{@code model}: one row: {@code task}, {@code numClasses} (null for regression),
 *       {@code classNames}, {@code intercept}, {@code featureNames}, {@code termNames},
 *       {@code provenance};</li>
 *   <li>{@code report}: one row, column {@code html}: the page {@code ebm-explain --report} writes,
 *       {@link EbmModelBase#globalReport()} titled {@code reportTitle}, then the first
 *       {@code reportRows} rows of the dataset explained one by one with their {@code labelCol}.</li>
 * </ul>
 * The dataset is read only by {@code contributions} and {@code report}.
 *
 * <pre>{@code
 * Dataset<Row> why = new EbmExplainer().setModelPath("/models/adult").setIdCol("id").transform(test);
 * String html = new EbmExplainer().setModelPath("/models/adult").setExplanation("report")
 *     .setReportRows(3).setLabelCol("label").transform(test).first().getString(0);
 * }</pre>
 *
 * <p>The model is read once per stage instance and path ({@code transformSchema} and {@code transform}
 * share it); a model saved again under the same path is read by a new instance or a {@code copy}.
 */
public class EbmExplainer extends Transformer implements EbmExplainerParams<EbmExplainer>, DefaultParamsWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final ParamRegistry registry;
  /** The path {@link #loaded} was read from. */
  private transient String loadedPath;
  private transient EbmModelBase<?> loaded;

  /** A new explainer with a random uid. */
  public EbmExplainer() {
    this(Identifiable$.MODULE$.randomUID("ebmExplainer"));
  }

  /** A new explainer with the given uid. */
  public EbmExplainer(String uid) {
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

  /**
   * The saved model at {@code modelPath}, read on the first call and kept for later calls with the same
   * path.
   *
   * @throws IllegalArgumentException when {@code modelPath} is not set or holds no saved EBM model
   */
  synchronized EbmModelBase<?> model(SparkSession spark) {
    String path = getModelPath();
    if (path == null || path.isEmpty()) {
      throw new IllegalArgumentException("modelPath is not set: set it to a folder saved by an EBM model");
    }
    if (!path.equals(loadedPath)) {
      loaded = SavedEbmModels.load("modelPath", path, spark);
      loadedPath = path;
    }
    return loaded;
  }

  /**
   * The explanation chosen by {@code explanation}.
   *
   * @throws IllegalArgumentException naming the param, column or path at fault
   */
  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    SparkSession spark = dataset.sparkSession();
    schema(dataset.schema(), spark);
    EbmModelBase<?> m = model(spark);
    return switch (getExplanation()) {
      case "contributions" -> contributions(m, dataset);
      case "global" -> m.globalExplanation();
      case "importances" -> EbmExplanationTables.importances(m, spark);
      case "model" -> EbmExplanationTables.model(m, spark);
      case "report" -> EbmExplanationTables.report(m, dataset, getReportRows(), getLabelCol(), getReportTitle());
      default -> throw new IllegalStateException("explanation " + getExplanation());
    };
  }

  private Dataset<Row> contributions(EbmModelBase<?> m, Dataset<?> dataset) {
    return getIdCol().isEmpty() ? m.explainRows(dataset) : m.explainRows(dataset, getIdCol());
  }

  /**
   * The columns {@code transform} returns; for {@code contributions} they follow the model's term names,
   * so the model is read here (on the active Spark session).
   *
   * @throws IllegalArgumentException naming the param, column or path at fault
   */
  @Override
  public StructType transformSchema(StructType schema) {
    return schema(schema, SparkSession.active());
  }

  private StructType schema(StructType schema, SparkSession spark) {
    EbmModelBase<?> m = model(spark);
    return switch (getExplanation()) {
      case "contributions" -> contributions(m, spark.createDataFrame(List.<Row>of(), schema)).schema();
      case "global" -> EbmModelBase.globalExplanationSchema();
      case "importances" -> EbmExplanationTables.IMPORTANCES;
      case "model" -> EbmExplanationTables.MODEL;
      case "report" -> {
        String label = getLabelCol();
        if (!label.isEmpty() && !Arrays.asList(schema.fieldNames()).contains(label)) {
          throw new IllegalArgumentException("labelCol '" + label + "' is not a column of the input; columns: "
              + String.join(", ", schema.fieldNames()));
        }
        yield EbmExplanationTables.REPORT;
      }
      default -> throw new IllegalStateException("explanation " + getExplanation());
    };
  }

  @Override
  public EbmExplainer copy(ParamMap extra) {
    return (EbmExplainer) defaultCopy(extra);
  }

  /** Reads an explainer saved with {@code write().save(path)}. */
  public static MLReader<EbmExplainer> read() {
    return new DefaultParamsReader<>();
  }

  /** Loads an explainer saved with {@code save(path)}. */
  public static EbmExplainer load(String path) {
    return read().load(path);
  }
}
