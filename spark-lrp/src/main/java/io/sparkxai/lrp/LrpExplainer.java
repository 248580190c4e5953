package io.sparkxai.lrp;

import io.sparkxai.lrp.LrpSpec.InputSpec;
import io.sparkxai.lrp.LrpSpec.Kind;
import io.sparkxai.lrp.LrpSpec.RuleSpec;
import io.sparkxai.lrp.core.Composites;
import io.sparkxai.lrp.core.LayerRules;
import io.sparkxai.lrp.core.LrpOptions;
import io.sparkxai.nn.Graph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import io.sparkxai.params.ParamRegistry;
import io.sparkxai.reports.Report;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.resource.ResourceProfile;
import org.apache.spark.resource.ResourceProfileBuilder;
import org.apache.spark.resource.TaskResourceRequests;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Layer-wise relevance propagation over a DataFrame: for each row of {@code inputCol} (Spark's
 * {@code image} struct, or an array/vector in the model's layout), the relevance of every input value
 * for the explained output, the predicted class, the explained class, the relevance sum, and on
 * request a PNG heatmap.
 *
 * <pre>{@code
 * Dataset<Row> images = spark.read().format("image").load("digits/");
 * LrpExplainer lrp = new LrpExplainer().setModelPath("cnn.onnx").setComposite("EpsilonGammaBox")
 *     .setLow(-1).setHigh(1).setMean(new double[] {0.5}).setStd(new double[] {0.5})
 *     .setHeatmapCol("heatmap");
 * Dataset<Row> relevance = lrp.transform(images);
 * }</pre>
 *
 * <p>Execution: one pass over each partition ({@code mapPartitions}) in batches of
 * {@code batchSize}; the model is read on the driver, broadcast, and loaded at most once per
 * executor JVM ({@link EngineCache}); each batch runs in its own DJL {@code NDManager}, closed after
 * it; the device is the GPU Spark assigned to the task, else the CPU ({@code device}). With
 * {@code taskGpus} or {@code taskCpus} above 0 the stage runs under a task resource profile
 * (stage-level scheduling), so that only it asks for GPUs. {@link #explain} also returns the run's
 * {@link LrpCounts}.
 *
 * <p>Results do not depend on the partitioning: a row's relevance is the same whatever rows share
 * its batch (see {@link PartitionExplainer}).
 *
 * <p>The stage works on the input's physical plan ({@code queryExecution().toRdd()}, as
 * {@code Dataset.rdd} does): {@code transform} plans the input at once, and with adaptive query
 * execution runs its shuffle stages then; the explaining itself stays lazy.
 */
public class LrpExplainer extends Transformer implements LrpExplainerParams<LrpExplainer>, DefaultParamsWritable {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(LrpExplainer.class);

  private final String uid;
  private final ParamRegistry registry;

  /** A new explainer with a random uid. */
  public LrpExplainer() {
    this(Identifiable$.MODULE$.randomUID("lrpExplainer"));
  }

  /** A new explainer with the given uid. */
  public LrpExplainer(String uid) {
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

  /** The rows and counts of one {@link #explain} call. */
  public record Run(Dataset<Row> rows, LrpCounts counts) {}

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    return explain(dataset).rows();
  }

  /**
   * As {@link #transform}, with the counters of the run (complete after an action on the rows).
   *
   * @throws IllegalArgumentException naming the param or column at fault (model file, input type,
   *     shape, rules, output columns)
   */
  public Run explain(Dataset<?> dataset) {
    StructType out = transformSchema(dataset.schema());
    SparkSession spark = dataset.sparkSession();
    return run(dataset, out, source(spark));
  }

  /** The model file, read on the driver and broadcast. */
  ModelSource source(SparkSession spark) {
    return ModelSource.file(spark, checkedModelPath(), declaredInputLength());
  }

  private String checkedModelPath() {
    if (getModelPath() == null) {
      throw new IllegalArgumentException("modelPath is not set");
    }
    return getModelPath();
  }

  private int declaredInputLength() {
    int[] declared = getInputShape();
    return declared == null ? 0 : Arrays.stream(declared).reduce(1, (a, b) -> a * b);
  }

  /**
   * The first {@code n} explained rows of {@code dataset} as plain Java values (the input as a
   * picture, the relevance map, prediction and scores, explained class, relevance sum), computed in
   * one Spark job that explains at most {@code n} rows per partition; rows that could not be
   * explained ({@code handleInvalid=keep}) are passed over. The model must take images [C,H,W].
   *
   * @throws IllegalArgumentException as {@link #explain} does, or when the model does not take images
   */
  public List<ExplainedImage> explainImages(Dataset<?> dataset, int n) {
    return ExplainedImages.collect(this, dataset, n);
  }

  /**
   * The rule each layer of the model gets under these params (after the canonizers), with the
   * composite's name: the model file is read on the driver of the active Spark session.
   *
   * @throws IllegalArgumentException naming the param at fault
   */
  public LayerRules rulesByLayer() {
    Graph g = ModelSource.read(SparkSession.active(), checkedModelPath(), declaredInputLength());
    return LayerRules.of(g, engineOptions());
  }

  /**
   * The LRP report of the first {@code n} explained rows of {@code dataset} ({@link LrpReportPage}):
   * each input beside its heatmap, one colour scale, the rule per layer; one Spark job.
   */
  public Report report(Dataset<?> dataset, int n) {
    String model = new org.apache.hadoop.fs.Path(checkedModelPath()).getName();
    return LrpReportPage.of(model, explainImages(dataset, n), rulesByLayer());
  }

  /** Explains with a model given as a source (a file or a registered graph); used by {@link LrpFunctions} too. */
  Run run(Dataset<?> dataset, StructType out, ModelSource source) {
    SparkSession spark = dataset.sparkSession();
    checkGpuRequest(spark);
    Graph g = source.load();
    LrpSpec spec = spec(dataset.schema(), g, source);
    LrpCounts counts = LrpCounts.register(spark.sparkContext());
    PartitionExplainer f = new PartitionExplainer(spec, counts, g.outputSize());
    // internal rows in and out: arrays are not boxed element by element (see PartitionExplainer)
    JavaRDD<InternalRow> rdd = dataset.queryExecution().toRdd().toJavaRDD().mapPartitions(f);
    ResourceProfile profile = profile(spark);
    if (profile != null) {
      rdd = rdd.withResources(profile);
    }
    Dataset<Row> rows = ((org.apache.spark.sql.classic.SparkSession) spark).internalCreateDataFrame(rdd.rdd(), out,
        false);
    return new Run(rows, counts);
  }

  private ResourceProfile profile(SparkSession spark) {
    int cpus = getTaskCpus();
    double gpus = getTaskGpus();
    if (cpus == 0 && gpus == 0) {
      return null;
    }
    if (spark.sparkContext().isLocal()) {
      LOG.warn("taskCpus/taskGpus ignored: stage-level scheduling needs a cluster manager (standalone, YARN,"
          + " Kubernetes), not local mode");
      return null;
    }
    TaskResourceRequests t = new TaskResourceRequests();
    if (cpus > 0) {
      t.cpus(cpus);
    }
    if (gpus > 0) {
      t.resource("gpu", gpus);
    }
    return new ResourceProfileBuilder().require(t).build();
  }

  /** Resolves the params against the input schema and the model. */
  LrpSpec spec(StructType schema, Graph g, ModelSource source) {
    int[] shape = g.inputShape();
    int[] declared = getInputShape();
    if (declared != null && !Arrays.equals(declared, shape)
        && Arrays.stream(declared).reduce(1, (a, b) -> a * b) != g.inputSize()) {
      throw new IllegalArgumentException("inputShape " + Arrays.toString(declared) + " does not fit "
          + source.description() + ", which takes " + Arrays.toString(shape));
    }
    Kind kind = kind(schema);
    Preprocessing prep = null;
    int[] imageFields = null;
    if (kind == Kind.IMAGE) {
      if (shape.length != 3) {
        throw new IllegalArgumentException("inputCol '" + getInputCol() + "' holds images, but "
            + source.description() + " takes " + Arrays.toString(shape) + ", not an image [C,H,W]");
      }
      prep = new Preprocessing(getResize(), getChannelOrder(), getScale(), getMean(), getStd());
      prep.checkChannels(shape[0]);
      StructType img = (StructType) schema.apply(getInputCol()).dataType();
      List<String> names = Arrays.asList(img.fieldNames());
      imageFields = new int[] {names.indexOf("origin"), names.indexOf("height"), names.indexOf("width"),
          names.indexOf("nChannels"), names.indexOf("data"), names.size()};
    }
    if (getHeatmapCol() != null && shape.length != 3) {
      throw new IllegalArgumentException("heatmapCol needs an image model [C,H,W]; " + source.description()
          + " takes " + Arrays.toString(shape));
    }
    if (getTargetClass() >= g.outputSize()) {
      throw new IllegalArgumentException("targetClass " + getTargetClass() + " is not a class of "
          + source.description() + " (outputs 0 to " + (g.outputSize() - 1) + ")");
    }
    InputSpec input = new InputSpec(kind, getInputCol(), schema.fieldIndex(getInputCol()), shape, g.inputLayout(),
        prep, imageFields);
    int targetIndex = getTargetCol() == null ? -1 : schema.fieldIndex(getTargetCol());
    return new LrpSpec(source, rules(), getPrecision(), getDevice(), getBatchSize(), input, targetIndex,
        getTargetCol(), targetIndex < 0 ? null : schema.apply(getTargetCol()).dataType(), getTargetClass(),
        getHandleInvalid(), getRawPredictionCol() != null, getHeatmapCol() != null, getHeatmapOverlay(),
        getHeatmapSize());
  }

  /** device=gpu on a cluster where no task can get a GPU fails here, before any task starts. */
  private void checkGpuRequest(SparkSession spark) {
    if (!getDevice().equals("gpu") || spark.sparkContext().isLocal() || getTaskGpus() > 0) {
      return;
    }
    if (!spark.sparkContext().getConf().contains("spark.task.resource.gpu.amount")) {
      throw new IllegalArgumentException("device=gpu, but tasks get no 'gpu' resource: set"
          + " spark.task.resource.gpu.amount (with spark.executor.resource.gpu.amount and a discovery script), or"
          + " taskGpus=1 to ask for one in this stage only");
    }
  }

  /**
   * The engine options these params give (rules by layer, zero bias, canonizers, init), exactly as
   * every task builds them: for explaining rows outside Spark with the same settings.
   *
   * @throws IllegalArgumentException naming the param at fault
   */
  public LrpOptions engineOptions() {
    return rules().options();
  }

  RuleSpec rules() {
    if (getRule() != null && isSet(composite())) {
      throw new IllegalArgumentException("rule and composite exclude each other; set one");
    }
    if ((getLow() != null || getHigh() != null) && getRule() == null && !Composites.takesBounds(getComposite())) {
      throw new IllegalArgumentException("low and high go with composite EpsilonGammaBox, not " + getComposite());
    }
    RuleSpec r = new RuleSpec(getRule() != null ? null : getComposite(), getLow(), getHigh(), getRule(),
        getFirstRule(), getZeroBias(), getCanonize(), getInit());
    r.options(); // fails now, naming the param, rather than in a task
    return r;
  }

  private Kind kind(StructType schema) {
    if (!Arrays.asList(schema.fieldNames()).contains(getInputCol())) {
      throw new IllegalArgumentException("inputCol '" + getInputCol() + "' is not a column; columns: "
          + String.join(", ", schema.fieldNames()));
    }
    DataType t = schema.apply(getInputCol()).dataType();
    if (t instanceof StructType s) {
      List<String> names = Arrays.asList(s.fieldNames());
      if (names.containsAll(List.of("height", "width", "nChannels", "data"))) {
        return Kind.IMAGE;
      }
    } else if (t instanceof ArrayType a && a.elementType().equals(DataTypes.FloatType)) {
      return Kind.FLOAT_ARRAY;
    } else if (t instanceof ArrayType a && a.elementType().equals(DataTypes.DoubleType)) {
      return Kind.DOUBLE_ARRAY;
    } else if (t.equals(SQLDataTypes.VectorType())) {
      return Kind.VECTOR;
    }
    throw new IllegalArgumentException("inputCol '" + getInputCol() + "' has type " + t.simpleString()
        + "; expected Spark's image struct (height, width, nChannels, data), array<float>, array<double> or vector");
  }

  @Override
  public StructType transformSchema(StructType schema) {
    kind(schema);
    rules();
    if (getTargetCol() != null) {
      if (getTargetClass() >= 0) {
        throw new IllegalArgumentException("targetCol and targetClass exclude each other; set one");
      }
      if (!Arrays.asList(schema.fieldNames()).contains(getTargetCol())) {
        throw new IllegalArgumentException("targetCol '" + getTargetCol() + "' is not a column");
      }
      if (!(schema.apply(getTargetCol()).dataType() instanceof NumericType)) {
        throw new IllegalArgumentException("targetCol '" + getTargetCol() + "' must hold class indices (integers),"
            + " has type " + schema.apply(getTargetCol()).dataType().simpleString());
      }
    }
    List<StructField> fields = new ArrayList<>(Arrays.asList(schema.fields()));
    fields.add(DataTypes.createStructField(getOutputCol(), DataTypes.createArrayType(DataTypes.FloatType, false),
        true));
    fields.add(DataTypes.createStructField(getPredictionCol(), DataTypes.IntegerType, true));
    fields.add(DataTypes.createStructField(getExplainedClassCol(), DataTypes.IntegerType, true));
    fields.add(DataTypes.createStructField(getRelevanceSumCol(), DataTypes.DoubleType, true));
    if (getRawPredictionCol() != null) {
      fields.add(DataTypes.createStructField(getRawPredictionCol(), DataTypes.createArrayType(DataTypes.DoubleType,
          false), true));
    }
    if (getHeatmapCol() != null) {
      fields.add(DataTypes.createStructField(getHeatmapCol(), DataTypes.BinaryType, true));
    }
    if (getHandleInvalid().equals("keep")) {
      fields.add(DataTypes.createStructField(getErrorCol(), DataTypes.StringType, true));
    }
    List<String> seen = new ArrayList<>(Arrays.asList(schema.fieldNames()));
    for (int i = schema.fields().length; i < fields.size(); i++) {
      String name = fields.get(i).name();
      if (seen.contains(name)) {
        throw new IllegalArgumentException("output column '" + name + "' already exists; choose another name");
      }
      seen.add(name);
    }
    return DataTypes.createStructType(fields);
  }

  @Override
  public LrpExplainer copy(ParamMap extra) {
    return (LrpExplainer) defaultCopy(extra);
  }

  /** Reads an explainer saved with {@code write().save(path)}. */
  public static MLReader<LrpExplainer> read() {
    return new DefaultParamsReader<>();
  }

  /** Loads an explainer saved with {@code save(path)}. */
  public static LrpExplainer load(String path) {
    return read().load(path);
  }
}
