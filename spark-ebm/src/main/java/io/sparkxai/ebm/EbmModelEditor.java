package io.sparkxai.ebm;

import io.sparkxai.params.ParamRegistry;
import java.util.List;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Merges or edits saved EBM models from a stage that takes only literal params: the route to
 * {@link ExplainableBoostingModels#merge} and the model edits from Spark Connect, whose clients create
 * stages by class name and cannot call a model's other methods. {@code fit(dataset)} ignores the
 * dataset's rows and returns the model {@code operation} makes from the models saved at
 * {@code modelPaths} (their class, classifier or regressor, as saved), which then lives where fitted
 * models live (on the Connect server, behind a reference):
 * <ul>
 *   <li>{@code merge} (default): {@link ExplainableBoostingModels#mergeSaved} of the paths with
 *       {@code weights} (empty: each model's training weight);</li>
 *   <li>{@code removeTerms}: {@link EbmModelBase#removeTerms} of the one path's model, {@code terms};</li>
 *   <li>{@code scaleTerm}: {@link EbmModelBase#scaleTerm} of its one term in {@code terms} by {@code factor};</li>
 *   <li>{@code sweep}: {@link EbmModelBase#sweep(double, String)} with {@code threshold} and
 *       {@code importanceType}.</li>
 * </ul>
 *
 * <pre>{@code
 * ExplainableBoostingClassificationModel both = new EbmModelEditor<ExplainableBoostingClassificationModel>()
 *     .setModelPaths("/models/january", "/models/february").fit(anyRows);
 * }</pre>
 *
 * @param <M> the class of the models at {@code modelPaths} (and of the result)
 */
public class EbmModelEditor<M extends EbmModelBase<M>> extends Estimator<M>
    implements EbmModelEditorParams<EbmModelEditor<M>>, DefaultParamsWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final ParamRegistry registry;

  /** A new editor with a random uid. */
  public EbmModelEditor() {
    this(Identifiable$.MODULE$.randomUID("ebmModelEditor"));
  }

  /** A new editor with the given uid. */
  public EbmModelEditor(String uid) {
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
   * The merged or edited model.
   *
   * @throws IllegalArgumentException naming the param, path or model at fault
   */
  @Override
  @SuppressWarnings("unchecked")
  public M fit(Dataset<?> dataset) {
    SparkSession spark = dataset.sparkSession();
    List<String> paths = List.of(getModelPaths());
    String op = getOperation();
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("modelPaths is empty: name the saved model" + (op.equals("merge") ? "s to merge"
          : " to edit"));
    }
    EbmModelBase<?> out;
    if (op.equals("merge")) {
      double[] w = getWeights();
      out = ExplainableBoostingModels.mergeSaved(spark, "modelPaths", paths, w.length == 0 ? null : w);
    } else {
      if (paths.size() != 1) {
        throw new IllegalArgumentException(op + " edits one model; modelPaths names " + paths.size());
      }
      EbmModelBase<?> model = SavedEbmModels.load("modelPaths", paths.get(0), spark);
      String[] terms = getTerms();
      out = switch (op) {
        case "removeTerms" -> {
          if (terms.length == 0) {
            throw new IllegalArgumentException("removeTerms needs the terms to remove in terms");
          }
          yield model.removeTerms(terms);
        }
        case "scaleTerm" -> {
          if (terms.length != 1) {
            throw new IllegalArgumentException("scaleTerm scales one term; terms names " + terms.length);
          }
          yield model.scaleTerm(terms[0], getFactor());
        }
        case "sweep" -> model.sweep(getThreshold(), getImportanceType());
        default -> throw new IllegalStateException("operation " + op);
      };
    }
    return ((M) out).setParent(this);
  }

  /** The columns the first saved model's transform adds (the result is of its class, with its params). */
  @Override
  public StructType transformSchema(StructType schema) {
    String[] paths = getModelPaths();
    if (paths.length == 0) {
      throw new IllegalArgumentException("modelPaths is empty: name the saved models");
    }
    return SavedEbmModels.load("modelPaths", paths[0], SparkSession.active()).transformSchema(schema);
  }

  @Override
  public EbmModelEditor<M> copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  /** Reads an editor saved with {@code write().save(path)}. */
  public static MLReader<EbmModelEditor<?>> read() {
    return new DefaultParamsReader<>();
  }

  /** Loads an editor saved with {@code save(path)}. */
  public static EbmModelEditor<?> load(String path) {
    return read().load(path);
  }
}
