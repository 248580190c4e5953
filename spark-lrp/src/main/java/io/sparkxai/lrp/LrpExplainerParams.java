package io.sparkxai.lrp;

import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;

/**
 * The params of {@link LrpExplainer}, their defaults and getters. Rule params carry the names of the
 * {@code lrp} command's flags ({@code composite}, {@code low}, {@code high}, {@code rule},
 * {@code firstRule}, {@code zeroBias}, {@code canonize}, {@code init}, {@code batchSize},
 * {@code device}, {@code precision}); column params follow Spark's and SynapseML's names
 * ({@code inputCol}, {@code outputCol}, {@code predictionCol}, {@code targetCol}).
 */
public abstract class LrpExplainerParams extends Transformer {

  private static final long serialVersionUID = 1L;

  private final String uid;

  private final Param<String> modelPath;
  private final Param<String> inputCol;
  private final IntArrayParam inputShape;
  private final BooleanParam resize;
  private final Param<String> channelOrder;
  private final DoubleParam scale;
  private final DoubleArrayParam mean;
  private final DoubleArrayParam std;
  private final Param<String> composite;
  private final DoubleParam low;
  private final DoubleParam high;
  private final Param<String> rule;
  private final Param<String> firstRule;
  private final BooleanParam zeroBias;
  private final BooleanParam canonize;
  private final IntParam targetClass;
  private final Param<String> targetCol;
  private final Param<String> init;
  private final Param<String> precision;
  private final Param<String> outputCol;
  private final Param<String> predictionCol;
  private final Param<String> explainedClassCol;
  private final Param<String> relevanceSumCol;
  private final Param<String> heatmapCol;
  private final BooleanParam heatmapOverlay;
  private final IntParam batchSize;
  private final Param<String> device;
  private final Param<String> handleInvalid;
  private final Param<String> errorCol;
  private final IntParam taskCpus;
  private final DoubleParam taskGpus;

  LrpExplainerParams(String uid) {
    this.uid = uid;
    modelPath = new Param<>(this, "modelPath", "the model: an .onnx file or an lrp_toolbox .txt file, on any Hadoop"
        + " file system the driver can read");
    inputCol = new Param<>(this, "inputCol", "the input: Spark's image struct (spark.read.format(\"image\")), or"
        + " array<float>, array<double> or vector values in the model's own layout");
    inputShape = new IntArrayParam(this, "inputShape", "per-sample input shape (C,H,W or F): needed for lrp_toolbox"
        + " models, which do not declare it; checked against ONNX models");
    resize = new BooleanParam(this, "resize", "resample images of another size to the model's (bilinear); else such"
        + " images are invalid");
    channelOrder = new Param<>(this, "channelOrder", "colour order the model expects: RGB or BGR (the image source"
        + " stores BGR)", ParamValidators.inArray(new String[] {"RGB", "BGR"}));
    scale = new DoubleParam(this, "scale", "multiplies each pixel value (0 to 255) first");
    mean = new DoubleArrayParam(this, "mean", "subtracted from the scaled pixels: one value or one per model channel");
    std = new DoubleArrayParam(this, "std", "divides after the mean: one value or one per model channel");
    composite = new Param<>(this, "composite", "rules by layer: EpsilonPlus, EpsilonPlusFlat, EpsilonGammaBox (needs"
        + " low and high), EpsilonAlpha2Beta1, EpsilonAlpha2Beta1Flat");
    low = new DoubleParam(this, "low", "lowest model input value (EpsilonGammaBox)");
    high = new DoubleParam(this, "high", "highest model input value (EpsilonGammaBox)");
    rule = new Param<>(this, "rule", "one rule for every layer instead of a composite: z, epsilon:E, gamma:G,"
        + " alphabeta:A:B, zplus, wsquare, flat, zbox:L:H");
    firstRule = new Param<>(this, "firstRule", "the rule of the first dense or convolutional layer");
    zeroBias = new BooleanParam(this, "zeroBias", "leave biases out of every denominator (conservative rules then sum"
        + " to the initial relevance)");
    canonize = new BooleanParam(this, "canonize", "fold BatchNorm and make residual additions sum nodes first");
    targetClass = new IntParam(this, "targetClass", "explain this class for every row (default: the predicted"
        + " class)", ParamValidators.gtEq(0));
    targetCol = new Param<>(this, "targetCol", "explain the class in this integer column, per row");
    init = new Param<>(this, "init", "initial relevance: one, or the target's output value",
        ParamValidators.inArray(new String[] {"one", "output"}));
    precision = new Param<>(this, "precision", "float32 or float64",
        ParamValidators.inArray(new String[] {"float32", "float64"}));
    outputCol = new Param<>(this, "outputCol", "relevance, array<float> in the input's layout (images: height, width,"
        + " channel in stored order, at the model's size)");
    predictionCol = new Param<>(this, "predictionCol", "the predicted class (argmax of the outputs)");
    explainedClassCol = new Param<>(this, "explainedClassCol", "the class whose output was explained");
    relevanceSumCol = new Param<>(this, "relevanceSumCol", "the sum of each row's relevance");
    heatmapCol = new Param<>(this, "heatmapCol", "if set, a PNG heatmap per row (red positive, blue negative)");
    heatmapOverlay = new BooleanParam(this, "heatmapOverlay", "draw heatmaps over the input picture");
    batchSize = new IntParam(this, "batchSize", "rows per forward/backward pass", ParamValidators.inRange(1, 65536));
    device = new Param<>(this, "device", "auto (the GPU Spark assigned to the task, else the CPU), cpu or gpu",
        ParamValidators.inArray(new String[] {"auto", "cpu", "gpu"}));
    handleInvalid = new Param<>(this, "handleInvalid", "rows that cannot be explained (undecodable image, wrong size"
        + " or channel count, null, bad target): error (fail), skip (leave out, counted) or keep (null outputs and"
        + " the reason in errorCol)", ParamValidators.inArray(new String[] {"error", "skip", "keep"}));
    errorCol = new Param<>(this, "errorCol", "why a row could not be explained (handleInvalid=keep)");
    taskCpus = new IntParam(this, "taskCpus", "if > 0, run this stage with a task resource profile of this many"
        + " CPUs per task (stage-level scheduling; not in local mode)", ParamValidators.gtEq(0));
    taskGpus = new DoubleParam(this, "taskGpus", "if > 0, run this stage with a task resource profile asking for"
        + " this many GPUs per task (stage-level scheduling; not in local mode)", ParamValidators.gtEq(0));

    setDefault(inputCol, "image");
    setDefault(resize, false);
    setDefault(channelOrder, "RGB");
    setDefault(scale, 1.0 / 255);
    setDefault(mean, new double[] {0.0});
    setDefault(std, new double[] {1.0});
    setDefault(composite, "EpsilonPlusFlat");
    setDefault(zeroBias, false);
    setDefault(canonize, true);
    setDefault(init, "one");
    setDefault(precision, "float32");
    setDefault(outputCol, "relevance");
    setDefault(predictionCol, "prediction");
    setDefault(explainedClassCol, "explained_class");
    setDefault(relevanceSumCol, "relevance_sum");
    setDefault(heatmapOverlay, false);
    setDefault(batchSize, 64);
    setDefault(device, "auto");
    setDefault(handleInvalid, "error");
    setDefault(errorCol, "lrp_error");
    setDefault(taskCpus, 0);
    setDefault(taskGpus, 0.0);
  }

  @Override
  public String uid() {
    return uid;
  }

  /** The model file. */
  public Param<String> modelPath() { return modelPath; }
  /** The input column. */
  public Param<String> inputCol() { return inputCol; }
  /** The per-sample input shape. */
  public IntArrayParam inputShape() { return inputShape; }
  /** Whether images are resampled to the model's size. */
  public BooleanParam resize() { return resize; }
  /** RGB or BGR. */
  public Param<String> channelOrder() { return channelOrder; }
  /** Pixel scale. */
  public DoubleParam scale() { return scale; }
  /** Per-channel mean. */
  public DoubleArrayParam mean() { return mean; }
  /** Per-channel standard deviation. */
  public DoubleArrayParam std() { return std; }
  /** The composite's name. */
  public Param<String> composite() { return composite; }
  /** EpsilonGammaBox's lowest input. */
  public DoubleParam low() { return low; }
  /** EpsilonGammaBox's highest input. */
  public DoubleParam high() { return high; }
  /** One rule for every layer. */
  public Param<String> rule() { return rule; }
  /** The first layer's rule. */
  public Param<String> firstRule() { return firstRule; }
  /** Biases left out of denominators. */
  public BooleanParam zeroBias() { return zeroBias; }
  /** Canonizers on. */
  public BooleanParam canonize() { return canonize; }
  /** A fixed target class. */
  public IntParam targetClass() { return targetClass; }
  /** A per-row target column. */
  public Param<String> targetCol() { return targetCol; }
  /** one or output. */
  public Param<String> init() { return init; }
  /** float32 or float64. */
  public Param<String> precision() { return precision; }
  /** The relevance column. */
  public Param<String> outputCol() { return outputCol; }
  /** The predicted class column. */
  public Param<String> predictionCol() { return predictionCol; }
  /** The explained class column. */
  public Param<String> explainedClassCol() { return explainedClassCol; }
  /** The relevance sum column. */
  public Param<String> relevanceSumCol() { return relevanceSumCol; }
  /** The heatmap column (unset: none). */
  public Param<String> heatmapCol() { return heatmapCol; }
  /** Heatmaps over the input. */
  public BooleanParam heatmapOverlay() { return heatmapOverlay; }
  /** Rows per batch. */
  public IntParam batchSize() { return batchSize; }
  /** auto, cpu or gpu. */
  public Param<String> device() { return device; }
  /** error, skip or keep. */
  public Param<String> handleInvalid() { return handleInvalid; }
  /** The error column (keep). */
  public Param<String> errorCol() { return errorCol; }
  /** CPUs per task of this stage's resource profile (0: none). */
  public IntParam taskCpus() { return taskCpus; }
  /** GPUs per task of this stage's resource profile (0: none). */
  public DoubleParam taskGpus() { return taskGpus; }

  /** @return the model path, or null */
  public String getModelPath() { return isDefined(modelPath) ? getOrDefault(modelPath) : null; }
  /** @return the input column */
  public String getInputCol() { return getOrDefault(inputCol); }
  /** @return the declared input shape, or null */
  public int[] getInputShape() { return isDefined(inputShape) ? getOrDefault(inputShape) : null; }
  /** @return whether images are resized */
  public boolean getResize() { return (Boolean) getOrDefault(resize); }
  /** @return RGB or BGR */
  public String getChannelOrder() { return getOrDefault(channelOrder); }
  /** @return the pixel scale */
  public double getScale() { return (Double) getOrDefault(scale); }
  /** @return the mean */
  public double[] getMean() { return getOrDefault(mean); }
  /** @return the std */
  public double[] getStd() { return getOrDefault(std); }
  /** @return the composite */
  public String getComposite() { return getOrDefault(composite); }
  /** @return low, or null */
  public Double getLow() { return isDefined(low) ? (Double) getOrDefault(low) : null; }
  /** @return high, or null */
  public Double getHigh() { return isDefined(high) ? (Double) getOrDefault(high) : null; }
  /** @return the rule, or null */
  public String getRule() { return isDefined(rule) ? getOrDefault(rule) : null; }
  /** @return the first rule, or null */
  public String getFirstRule() { return isDefined(firstRule) ? getOrDefault(firstRule) : null; }
  /** @return zero bias */
  public boolean getZeroBias() { return (Boolean) getOrDefault(zeroBias); }
  /** @return canonize */
  public boolean getCanonize() { return (Boolean) getOrDefault(canonize); }
  /** @return the target class, or -1 */
  public int getTargetClass() { return isDefined(targetClass) ? (Integer) getOrDefault(targetClass) : -1; }
  /** @return the target column, or null */
  public String getTargetCol() { return isDefined(targetCol) ? getOrDefault(targetCol) : null; }
  /** @return one or output */
  public String getInit() { return getOrDefault(init); }
  /** @return float32 or float64 */
  public String getPrecision() { return getOrDefault(precision); }
  /** @return the relevance column */
  public String getOutputCol() { return getOrDefault(outputCol); }
  /** @return the prediction column */
  public String getPredictionCol() { return getOrDefault(predictionCol); }
  /** @return the explained class column */
  public String getExplainedClassCol() { return getOrDefault(explainedClassCol); }
  /** @return the relevance sum column */
  public String getRelevanceSumCol() { return getOrDefault(relevanceSumCol); }
  /** @return the heatmap column, or null */
  public String getHeatmapCol() { return isDefined(heatmapCol) ? getOrDefault(heatmapCol) : null; }
  /** @return heatmap overlay */
  public boolean getHeatmapOverlay() { return (Boolean) getOrDefault(heatmapOverlay); }
  /** @return the batch size */
  public int getBatchSize() { return (Integer) getOrDefault(batchSize); }
  /** @return the device mode */
  public String getDevice() { return getOrDefault(device); }
  /** @return error, skip or keep */
  public String getHandleInvalid() { return getOrDefault(handleInvalid); }
  /** @return the error column */
  public String getErrorCol() { return getOrDefault(errorCol); }
  /** @return CPUs per task of the stage's profile */
  public int getTaskCpus() { return (Integer) getOrDefault(taskCpus); }
  /** @return GPUs per task of the stage's profile */
  public double getTaskGpus() { return (Double) getOrDefault(taskGpus); }
}
