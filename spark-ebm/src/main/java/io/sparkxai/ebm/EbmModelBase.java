package io.sparkxai.ebm;

import io.sparkxai.ebm.core.EbmModel;
import io.sparkxai.ebm.core.FeatureBinning;
import io.sparkxai.ebm.core.ModelEdits;
import io.sparkxai.ebm.core.ModelTerm;
import io.sparkxai.params.ParamRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * What the fitted EBM models share: the core {@link EbmModel}, its training summary and provenance,
 * the transform (predictions and, with {@code contributionsCol}, per-row term contributions), the
 * global explanation and the importances, and persistence. {@code transform} changes nothing in the
 * model; it reads each row's features, bins them and sums the terms, in one pass per partition. The
 * params and their setters come from {@link EbmParams}, as the estimator's do.
 *
 * @param <M> the concrete model
 */
public abstract class EbmModelBase<M extends EbmModelBase<M>> extends Model<M>
    implements EbmParams<M>, MLWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final ParamRegistry registry;
  private EbmModel model;
  private EbmTrainingSummary summary;
  private Map<String, String> provenance = Map.of();

  EbmModelBase(String uid) {
    this.uid = uid;
    this.registry = ParamRegistry.of(this);
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public final ParamRegistry paramRegistry() {
    return registry;
  }

  /** Sets the fitted content (after a fit or a load). */
  @SuppressWarnings("unchecked")
  M setFitted(EbmModel fitted, EbmTrainingSummary fitSummary, Map<String, String> fitProvenance) {
    this.model = fitted;
    this.summary = fitSummary;
    this.provenance = Collections.unmodifiableMap(new LinkedHashMap<>(fitProvenance));
    return (M) this;
  }

  /** Whether this model holds a fitted EBM (a model made by its no-arg constructor does not). */
  public boolean isFitted() {
    return model != null;
  }

  /** The fitted EBM (core form: binnings, terms, intercept). */
  public EbmModel ebm() {
    if (model == null) {
      throw new IllegalStateException(uid + " holds no fitted EBM: fit an estimator or load a saved model");
    }
    return model;
  }

  /**
   * This model as portable JSON (format {@code "spark-ebm/model"} version 1, {@code docs/ebm-json.md}), which
   * {@link io.sparkxai.ebm.core.EbmScorer} scores without Spark; {@link PortableEbm} also writes interpretml's.
   */
  public String toJson() {
    return PortableEbm.toJson(this, PortableEbm.SPARKXAI);
  }

  /**
   * A copy whose main term {@code term} never decreases ({@code increasing}) or never increases: interpretml's
   * {@code monotonize} ({@link io.sparkxai.ebm.core.Monotonize}); pairs are left as they are.
   */
  public M monotonize(String term, boolean increasing) {
    return copy(ParamMap.empty()).setFitted(io.sparkxai.ebm.core.Monotonize.term(ebm(), term, increasing), summary,
        provenance);
  }

  /** What the fit did, or null for a model saved without a summary. */
  public EbmTrainingSummary summary() {
    return summary;
  }

  /** Where the model came from: library and Spark versions, kernel, seed, rows, time. */
  public Map<String, String> provenance() {
    return provenance;
  }

  /**
   * Names the classes (index order, e.g. the label values or a {@code StringIndexer}'s labels), kept in
   * the provenance under {@code classNames} so that they are saved and loaded with the model; reports
   * then read "log-odds of >50K". A name must not hold a line break.
   */
  public M setClassNames(List<String> names) {
    for (String n : names) {
      if (n.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("class name '" + n.replace("\n", "\\n") + "' holds a line break");
      }
    }
    Map<String, String> p = new LinkedHashMap<>(provenance);
    p.put("classNames", String.join("\n", names));
    this.provenance = Collections.unmodifiableMap(p);
    return self();
  }

  /** The class names set with {@link #setClassNames}, or an empty list when none were. */
  public List<String> classNames() {
    String joined = provenance.get("classNames");
    return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\n", -1));
  }

  /** The intercept per score (one value except for multiclass). */
  public double[] intercept() {
    return ebm().intercept();
  }

  /**
   * The global report of this model (summary, importances, one panel per term), built from the model
   * in memory without a Spark job; name the classes and add test metrics on it, then {@code build()}
   * for a {@link io.sparkxai.reports.Report} whose {@code html()} goes to {@code displayHTML} and whose
   * {@code save(path)} writes one self-contained file atomically.
   */
  public EbmGlobalReport globalReport() {
    return new EbmGlobalReport(this);
  }

  /**
   * A report of the global explanation followed by the local explanations of the first {@code n} rows
   * of {@code rows} (scored and collected in one Spark job).
   *
   * @param labelColumn a column of {@code rows} holding the label to show beside each row, or null
   */
  public io.sparkxai.reports.Report localReport(EbmGlobalReport global, Dataset<?> rows, int n, String labelColumn) {
    return global.buildWithRows(EbmLocalReport.collect(this, rows, n, labelColumn));
  }

  /**
   * Each row's explanation as a table: the {@code keep} columns (e.g. an id), then one column per term
   * named exactly as {@link #termNames()} holding the term's contribution (multiclass: an array of one
   * score per class), then {@code raw_score} (intercept plus contributions; multiclass an array),
   * {@code probability} (classifiers: of class 1, or an array per class) and {@code prediction}.
   * Lazy, like {@code transform}: write it, e.g. {@code explainRows(df, "id").write().parquet(path)}.
   *
   * @throws IllegalArgumentException naming a kept column that is missing, or one whose name an output
   *     column already has
   */
  public Dataset<Row> explainRows(Dataset<?> dataset, String... keep) {
    return EbmRowExplanations.of(this, dataset, keep);
  }

  /** The term names, mains in feature order, then pairs. */
  public List<String> termNames() {
    return ebm().termNames();
  }

  /** Term name to importance: the training-weighted mean absolute score (interpretml's "avg_weight"). */
  public Map<String, Double> termImportances() {
    Map<String, Double> out = new LinkedHashMap<>();
    for (ModelTerm t : ebm().terms()) {
      out.put(t.name(), t.importance());
    }
    return out;
  }

  /**
   * Term name to importance of the given type: {@code "avg_weight"} (the training-weighted mean absolute
   * score, as {@link #termImportances()}) or {@code "min_max"} (the largest minus the smallest score).
   */
  public Map<String, Double> termImportances(String importanceType) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (ModelTerm t : ebm().terms()) {
      out.put(t.name(), ModelEdits.importance(t, ebm().scoresPerRow(), importanceType));
    }
    return out;
  }

  /**
   * A new model without the named terms (interpretml's {@code remove_terms}); this one is unchanged.
   * Edits return models of this class with a new uid, these params and the edit in the provenance
   * ({@code edits}); the features stay, so the same columns are read.
   *
   * @throws IllegalArgumentException naming a term the model does not have
   */
  public M removeTerms(String... names) {
    return edited(ModelEdits.removeTerms(ebm(), List.of(names)), "removeTerms(" + String.join(", ", names) + ")");
  }

  /**
   * A new model whose term {@code name} is multiplied by {@code factor} (scores, standard deviations
   * and bags; interpretml's {@code scale}).
   *
   * @throws IllegalArgumentException naming an unknown term or a factor that is not finite
   */
  public M scaleTerm(String name, double factor) {
    return edited(ModelEdits.scaleTerm(ebm(), name, factor), "scaleTerm(" + name + ", " + factor + ")");
  }

  /** A new model without the terms whose {@code avg_weight} importance is below {@code threshold}. */
  public M sweep(double threshold) {
    return sweep(threshold, ModelEdits.AVG_WEIGHT);
  }

  /**
   * A new model without the terms whose importance of {@code importanceType} ({@code "avg_weight"} or
   * {@code "min_max"}, see {@link #termImportances(String)}) is below {@code threshold}.
   */
  public M sweep(double threshold, String importanceType) {
    return edited(ModelEdits.sweep(ebm(), threshold, importanceType), "sweep(" + threshold + ", " + importanceType
        + ")");
  }

  private M edited(EbmModel edited, String edit) {
    Map<String, String> p = new LinkedHashMap<>(provenance);
    p.putIfAbsent("editedFrom", uid);
    p.merge("edits", edit, (a, b) -> a + "; " + b);
    return derived(edited, summary, p);
  }

  /** A new model of this class with a new uid, these params and the given content. */
  @SuppressWarnings("unchecked")
  M derived(EbmModel content, EbmTrainingSummary newSummary, Map<String, String> newProvenance) {
    int cut = uid.lastIndexOf('_');
    String prefix = cut > 0 ? uid.substring(0, cut) : getClass().getSimpleName();
    M out;
    try {
      out = (M) getClass().getConstructor(String.class).newInstance(Identifiable$.MODULE$.randomUID(prefix));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot construct " + getClass().getName(), e);
    }
    copyValues(out, ParamMap.empty());
    return out.setFitted(content, newSummary, newProvenance);
  }

  /**
   * The global explanation: one row per term, tensor cell and class, with columns {@code term},
   * {@code term_index}, {@code bin} (a readable label; pairs "a-bin & b-bin"), {@code bin_index},
   * {@code class} (0 unless multiclass), {@code score}, {@code stdev} (across outer bags) and
   * {@code weight} (training weight of the cell).
   */
  public Dataset<Row> globalExplanation() {
    EbmModel m = ebm();
    int k = m.scoresPerRow();
    List<Row> rows = new ArrayList<>();
    for (int t = 0; t < m.terms().size(); t++) {
      ModelTerm term = m.terms().get(t);
      int[] f = term.features();
      double[] scores = term.scores();
      double[] stdevs = term.stdevs();
      double[] weights = term.weights();
      for (int cell = 0; cell < term.cells(); cell++) {
        String label;
        if (f.length == 1) {
          label = m.features().get(f[0]).mainBinLabel(cell);
        } else {
          FeatureBinning a = m.features().get(f[0]);
          FeatureBinning b = m.features().get(f[1]);
          label = a.pairBinLabel(cell / term.binsB()) + " & " + b.pairBinLabel(cell % term.binsB());
        }
        for (int c = 0; c < k; c++) {
          rows.add(RowFactory.create(term.name(), t, label, cell, c, scores[cell * k + c], stdevs[cell * k + c],
              weights[cell]));
        }
      }
    }
    return SparkSession.active().createDataFrame(rows, globalExplanationSchema());
  }

  /** The columns of {@link #globalExplanation()}. */
  static StructType globalExplanationSchema() {
    return DataTypes.createStructType(List.of(
        DataTypes.createStructField("term", DataTypes.StringType, false),
        DataTypes.createStructField("term_index", DataTypes.IntegerType, false),
        DataTypes.createStructField("bin", DataTypes.StringType, false),
        DataTypes.createStructField("bin_index", DataTypes.IntegerType, false),
        DataTypes.createStructField("class", DataTypes.IntegerType, false),
        DataTypes.createStructField("score", DataTypes.DoubleType, false),
        DataTypes.createStructField("stdev", DataTypes.DoubleType, false),
        DataTypes.createStructField("weight", DataTypes.DoubleType, false)));
  }

  /** The prediction columns this model adds (in order), without the contributions column. */
  abstract List<StructField> predictionFields();

  /** Writes the prediction values of one row's raw scores at {@code out[offset..]}. */
  abstract void predictionValues(EbmModel m, double[] raw, Object[] out, int offset);

  @Override
  public StructType transformSchema(StructType schema) {
    List<StructField> fields = new ArrayList<>(Arrays.asList(schema.fields()));
    List<StructField> added = new ArrayList<>(predictionFields());
    boolean multi = model != null && model.scoresPerRow() > 1;
    if (!getContributionsCol().isEmpty()) {
      added.add(DataTypes.createStructField(getContributionsCol(), multi
          ? DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.DoubleType, false), false)
          : DataTypes.createArrayType(DataTypes.DoubleType, false), false));
    }
    if (!getUncertaintyCol().isEmpty()) {
      added.add(DataTypes.createStructField(getUncertaintyCol(), multi
          ? DataTypes.createArrayType(DataTypes.DoubleType, false) : DataTypes.DoubleType, false));
    }
    for (StructField f : added) {
      if (Arrays.asList(schema.fieldNames()).contains(f.name())) {
        throw new IllegalArgumentException("output column '" + f.name() + "' already exists in the DataFrame; set "
            + "another name");
      }
      fields.add(f);
    }
    return DataTypes.createStructType(fields);
  }

  /**
   * Adds the prediction columns and, when set, {@code contributionsCol} and {@code uncertaintyCol} (the
   * weighted standard deviation of the raw score over the outer bags; it needs a model that keeps its
   * bags, which models saved before they were kept do not).
   */
  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    boolean uncertainty = !getUncertaintyCol().isEmpty();
    if (uncertainty && ebm().bags() == null) {
      throw new IllegalArgumentException("uncertaintyCol needs the model's outer bags, which " + uid + " does not"
          + " keep (saved before they were kept, or built without them); refit it, or clear uncertaintyCol");
    }
    // the bags travel with the tasks only when they are read
    EbmModel m = uncertainty ? ebm() : ebm().withBags(null);
    StructType out = transformSchema(dataset.schema());
    EbmInput input = EbmInput.forTransform(dataset, List.of(getInputCols()), getFeaturesCol(), m.features(),
        VectorAttributes.fromProvenance(provenance));
    Dataset<Row> df = dataset.toDF();
    int width = df.columns().length;
    Column[] inputs = input.selection();
    Column[] all = new Column[width + inputs.length];
    for (int i = 0; i < width; i++) {
      all[i] = df.col(EbmInput.quote(df.columns()[i]));
    }
    for (int i = 0; i < inputs.length; i++) {
      all[width + i] = inputs[i].as("__ebm_input_" + i);
    }
    int predictions = predictionFields().size();
    boolean contributions = !getContributionsCol().isEmpty();
    // the tasks get the EBM once, in m: the stage they read prediction params from is a copy without it
    M paramsOnly = defaultCopy(ParamMap.empty());
    return df.select(all).mapPartitions((org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>) it ->
        new EbmRowScorer(paramsOnly, m, input, width, predictions, contributions, uncertainty, it), Encoders.row(out));
  }

  @SuppressWarnings("unchecked")
  private M self() {
    return (M) this;
  }

  @Override
  public M copy(ParamMap extra) {
    M m = defaultCopy(extra);
    m.setFitted(model, summary, provenance);
    return m.setParent(parent());
  }

  @Override
  public MLWriter write() {
    return new EbmModelIO.Writer(this);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + " " + uid + (model == null ? " (not fitted)" : " (" + model.task() + ", "
        + model.terms().size() + " terms)");
  }
}
