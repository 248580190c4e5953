package io.sparkxai.lrp;

import io.sparkxai.params.DeclaredParams;
import io.sparkxai.params.ParamDecl;
import io.sparkxai.params.Rule;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;

/**
 * The params of {@link LrpExplainer}: each declared once, with its default and rule, and exposed as
 * the param, its getter and its fluent setter. Rule params carry the names of the {@code lrp}
 * command's flags ({@code composite}, {@code low}, {@code high}, {@code rule}, {@code firstRule},
 * {@code zeroBias}, {@code canonize}, {@code init}, {@code batchSize}, {@code device},
 * {@code precision}); column params follow Spark's and SynapseML's names ({@code inputCol},
 * {@code outputCol}, {@code predictionCol}, {@code targetCol}).
 *
 * <p>Params without a default ({@code modelPath}, {@code inputShape}, {@code low}, {@code high},
 * {@code rule}, {@code firstRule}, {@code targetClass}, {@code targetCol}, {@code rawPredictionCol},
 * {@code heatmapCol}) stay
 * unset until set: their getters then give {@code null} ({@code -1} for {@code targetClass}), and
 * their object setters clear them when given {@code null}.
 *
 * @param <S> the stage, returned by the setters
 */
public interface LrpExplainerParams<S extends LrpExplainerParams<S>> extends DeclaredParams<S> {

  ParamDecl<String> MODEL_PATH = ParamDecl.ofString("modelPath", "the model: an .onnx file or an lrp_toolbox .txt"
      + " file, on any Hadoop file system the driver can read", null);
  ParamDecl<String> INPUT_COL = ParamDecl.ofString("inputCol", "the input: Spark's image struct"
      + " (spark.read.format(\"image\")), or array<float>, array<double> or vector values in the model's own layout",
      "image");
  ParamDecl<int[]> INPUT_SHAPE = ParamDecl.ofInts("inputShape", "per-sample input shape (C,H,W or F): needed for"
      + " lrp_toolbox models, which do not declare it; checked against ONNX models", null, Rule.any());
  ParamDecl<Boolean> RESIZE = ParamDecl.ofBoolean("resize", "resample images of another size to the model's"
      + " (bilinear); else such images are invalid", false);
  ParamDecl<String> CHANNEL_ORDER = ParamDecl.ofString("channelOrder", "colour order the model expects: RGB or BGR"
      + " (the image source stores BGR)", "RGB", Rule.exactlyOneOf("RGB", "BGR"));
  ParamDecl<Double> SCALE = ParamDecl.ofDouble("scale", "multiplies each pixel value (0 to 255) first", 1.0 / 255,
      Rule.any());
  ParamDecl<double[]> MEAN = ParamDecl.ofDoubles("mean", "subtracted from the scaled pixels: one value or one per"
      + " model channel", new double[] {0.0}, Rule.any());
  ParamDecl<double[]> STD = ParamDecl.ofDoubles("std", "divides after the mean: one value or one per model channel",
      new double[] {1.0}, Rule.any());
  ParamDecl<String> COMPOSITE = ParamDecl.ofString("composite", "rules by layer: EpsilonPlus, EpsilonPlusFlat,"
      + " EpsilonGammaBox (needs low and high), EpsilonAlpha2Beta1, EpsilonAlpha2Beta1Flat", "EpsilonPlusFlat");
  ParamDecl<Double> LOW = ParamDecl.ofDouble("low", "lowest model input value (EpsilonGammaBox)", Rule.any());
  ParamDecl<Double> HIGH = ParamDecl.ofDouble("high", "highest model input value (EpsilonGammaBox)", Rule.any());
  ParamDecl<String> RULE = ParamDecl.ofString("rule", "one rule for every layer instead of a composite: z,"
      + " epsilon:E, gamma:G, alphabeta:A:B, zplus, wsquare, flat, zbox:L:H", null);
  ParamDecl<String> FIRST_RULE = ParamDecl.ofString("firstRule", "the rule of the first dense or convolutional"
      + " layer", null);
  ParamDecl<Boolean> ZERO_BIAS = ParamDecl.ofBoolean("zeroBias", "leave biases out of every denominator"
      + " (conservative rules then sum to the initial relevance)", false);
  ParamDecl<Boolean> CANONIZE = ParamDecl.ofBoolean("canonize", "fold BatchNorm and make residual additions sum"
      + " nodes first", true);
  ParamDecl<Integer> TARGET_CLASS = ParamDecl.ofInt("targetClass", "explain this class for every row (default: the"
      + " predicted class)", Rule.atLeast(0));
  ParamDecl<String> TARGET_COL = ParamDecl.ofString("targetCol", "explain the class in this integer column, per"
      + " row", null);
  ParamDecl<String> INIT = ParamDecl.ofString("init", "initial relevance: one, or the target's output value", "one",
      Rule.exactlyOneOf("one", "output"));
  ParamDecl<String> PRECISION = ParamDecl.ofString("precision", "float32 or float64", "float32",
      Rule.exactlyOneOf("float32", "float64"));
  ParamDecl<String> OUTPUT_COL = ParamDecl.ofString("outputCol", "relevance, array<float> in the input's layout"
      + " (images: height, width, channel in stored order, at the model's size)", "relevance");
  ParamDecl<String> PREDICTION_COL = ParamDecl.ofString("predictionCol", "the predicted class (argmax of the"
      + " outputs)", "prediction");
  ParamDecl<String> EXPLAINED_CLASS_COL = ParamDecl.ofString("explainedClassCol", "the class whose output was"
      + " explained", "explained_class");
  ParamDecl<String> RELEVANCE_SUM_COL = ParamDecl.ofString("relevanceSumCol", "the sum of each row's relevance",
      "relevance_sum");
  ParamDecl<String> RAW_PREDICTION_COL = ParamDecl.ofString("rawPredictionCol", "if set, the model's outputs per"
      + " row, array<double> (its last layer's values: logits, or probabilities after a softmax)", null);
  ParamDecl<String> HEATMAP_COL = ParamDecl.ofString("heatmapCol", "if set, a PNG heatmap per row (red positive,"
      + " blue negative)", null);
  ParamDecl<Boolean> HEATMAP_OVERLAY = ParamDecl.ofBoolean("heatmapOverlay", "draw heatmaps over the input picture",
      false);
  ParamDecl<Integer> HEATMAP_SIZE = ParamDecl.ofInt("heatmapSize", "heatmaps at least this many pixels on their"
      + " longer side, upscaled by a whole factor with nearest-neighbour pixels (0, the default: the model's input"
      + " size, as before, e.g. 28 x 28 for MNIST)", 0, Rule.between(0, 8192));
  ParamDecl<Integer> BATCH_SIZE = ParamDecl.ofInt("batchSize", "rows per forward/backward pass", 64,
      Rule.between(1, 65536));
  ParamDecl<String> DEVICE = ParamDecl.ofString("device", "auto (the GPU Spark assigned to the task, else the CPU),"
      + " cpu or gpu", "auto", Rule.exactlyOneOf("auto", "cpu", "gpu"));
  ParamDecl<String> HANDLE_INVALID = ParamDecl.ofString("handleInvalid", "rows that cannot be explained"
      + " (undecodable image, wrong size or channel count, null, bad target): error (fail), skip (leave out,"
      + " counted) or keep (null outputs and the reason in errorCol)", "error",
      Rule.exactlyOneOf("error", "skip", "keep"));
  ParamDecl<String> ERROR_COL = ParamDecl.ofString("errorCol", "why a row could not be explained"
      + " (handleInvalid=keep)", "lrp_error");
  ParamDecl<Integer> TASK_CPUS = ParamDecl.ofInt("taskCpus", "if > 0, run this stage with a task resource profile"
      + " of this many CPUs per task (stage-level scheduling; not in local mode)", 0, Rule.atLeast(0));
  ParamDecl<Double> TASK_GPUS = ParamDecl.ofDouble("taskGpus", "if > 0, run this stage with a task resource profile"
      + " asking for this many GPUs per task (stage-level scheduling; not in local mode)", 0.0, Rule.atLeast(0.0));

  // ---- the input and how it is read ----

  /** The model file. */
  default Param<String> modelPath() { return declared(MODEL_PATH); }
  /** @return the model path, or null */
  default String getModelPath() { return valueOrNull(MODEL_PATH); }
  /** @param v the model file */
  default S setModelPath(String v) { return setOrClear(MODEL_PATH, v); }

  /** The input column. */
  default Param<String> inputCol() { return declared(INPUT_COL); }
  /** @return the input column */
  default String getInputCol() { return valueOf(INPUT_COL); }
  /** @param v the input column */
  default S setInputCol(String v) { return setValue(INPUT_COL, v); }

  /** The per-sample input shape. */
  default IntArrayParam inputShape() { return intArrayParam(INPUT_SHAPE); }
  /** @return the declared input shape, or null */
  default int[] getInputShape() { return valueOrNull(INPUT_SHAPE); }
  /** @param v the per-sample input shape */
  default S setInputShape(int[] v) { return setOrClear(INPUT_SHAPE, v); }

  /** Whether images are resampled to the model's size. */
  default BooleanParam resize() { return booleanParam(RESIZE); }
  /** @return whether images are resized */
  default boolean getResize() { return valueOf(RESIZE); }
  /** @param v resample images of another size */
  default S setResize(boolean v) { return setValue(RESIZE, v); }

  /** RGB or BGR. */
  default Param<String> channelOrder() { return declared(CHANNEL_ORDER); }
  /** @return RGB or BGR */
  default String getChannelOrder() { return valueOf(CHANNEL_ORDER); }
  /** @param v RGB or BGR */
  default S setChannelOrder(String v) { return setValue(CHANNEL_ORDER, v); }

  /** Pixel scale. */
  default DoubleParam scale() { return doubleParam(SCALE); }
  /** @return the pixel scale */
  default double getScale() { return valueOf(SCALE); }
  /** @param v pixel scale */
  default S setScale(double v) { return setValue(SCALE, v); }

  /** Per-channel mean. */
  default DoubleArrayParam mean() { return doubleArrayParam(MEAN); }
  /** @return the mean */
  default double[] getMean() { return valueOf(MEAN); }
  /** @param v per-channel mean */
  default S setMean(double[] v) { return setValue(MEAN, v); }

  /** Per-channel standard deviation. */
  default DoubleArrayParam std() { return doubleArrayParam(STD); }
  /** @return the std */
  default double[] getStd() { return valueOf(STD); }
  /** @param v per-channel std */
  default S setStd(double[] v) { return setValue(STD, v); }

  // ---- the rules ----

  /** The composite's name. */
  default Param<String> composite() { return declared(COMPOSITE); }
  /** @return the composite */
  default String getComposite() { return valueOf(COMPOSITE); }
  /** @param v the composite */
  default S setComposite(String v) { return setValue(COMPOSITE, v); }

  /** EpsilonGammaBox's lowest input. */
  default DoubleParam low() { return doubleParam(LOW); }
  /** @return low, or null */
  default Double getLow() { return valueOrNull(LOW); }
  /** @param v EpsilonGammaBox's lowest input */
  default S setLow(double v) { return setValue(LOW, v); }

  /** EpsilonGammaBox's highest input. */
  default DoubleParam high() { return doubleParam(HIGH); }
  /** @return high, or null */
  default Double getHigh() { return valueOrNull(HIGH); }
  /** @param v EpsilonGammaBox's highest input */
  default S setHigh(double v) { return setValue(HIGH, v); }

  /** One rule for every layer. */
  default Param<String> rule() { return declared(RULE); }
  /** @return the rule, or null */
  default String getRule() { return valueOrNull(RULE); }
  /** @param v one rule for every layer */
  default S setRule(String v) { return setOrClear(RULE, v); }

  /** The first layer's rule. */
  default Param<String> firstRule() { return declared(FIRST_RULE); }
  /** @return the first rule, or null */
  default String getFirstRule() { return valueOrNull(FIRST_RULE); }
  /** @param v the first layer's rule */
  default S setFirstRule(String v) { return setOrClear(FIRST_RULE, v); }

  /** Biases left out of denominators. */
  default BooleanParam zeroBias() { return booleanParam(ZERO_BIAS); }
  /** @return zero bias */
  default boolean getZeroBias() { return valueOf(ZERO_BIAS); }
  /** @param v leave biases out of denominators */
  default S setZeroBias(boolean v) { return setValue(ZERO_BIAS, v); }

  /** Canonizers on. */
  default BooleanParam canonize() { return booleanParam(CANONIZE); }
  /** @return canonize */
  default boolean getCanonize() { return valueOf(CANONIZE); }
  /** @param v canonize */
  default S setCanonize(boolean v) { return setValue(CANONIZE, v); }

  /** one or output. */
  default Param<String> init() { return declared(INIT); }
  /** @return one or output */
  default String getInit() { return valueOf(INIT); }
  /** @param v one or output */
  default S setInit(String v) { return setValue(INIT, v); }

  // ---- the target ----

  /** A fixed target class. */
  default IntParam targetClass() { return intParam(TARGET_CLASS); }
  /** @return the target class, or -1 */
  default int getTargetClass() { Integer c = valueOrNull(TARGET_CLASS); return c == null ? -1 : c; }
  /** @param v a fixed target class */
  default S setTargetClass(int v) { return setValue(TARGET_CLASS, v); }

  /** A per-row target column. */
  default Param<String> targetCol() { return declared(TARGET_COL); }
  /** @return the target column, or null */
  default String getTargetCol() { return valueOrNull(TARGET_COL); }
  /** @param v a per-row target column */
  default S setTargetCol(String v) { return setOrClear(TARGET_COL, v); }

  // ---- the output columns ----

  /** The relevance column. */
  default Param<String> outputCol() { return declared(OUTPUT_COL); }
  /** @return the relevance column */
  default String getOutputCol() { return valueOf(OUTPUT_COL); }
  /** @param v the relevance column */
  default S setOutputCol(String v) { return setValue(OUTPUT_COL, v); }

  /** The predicted class column. */
  default Param<String> predictionCol() { return declared(PREDICTION_COL); }
  /** @return the prediction column */
  default String getPredictionCol() { return valueOf(PREDICTION_COL); }
  /** @param v the prediction column */
  default S setPredictionCol(String v) { return setValue(PREDICTION_COL, v); }

  /** The explained class column. */
  default Param<String> explainedClassCol() { return declared(EXPLAINED_CLASS_COL); }
  /** @return the explained class column */
  default String getExplainedClassCol() { return valueOf(EXPLAINED_CLASS_COL); }
  /** @param v the explained class column */
  default S setExplainedClassCol(String v) { return setValue(EXPLAINED_CLASS_COL, v); }

  /** The relevance sum column. */
  default Param<String> relevanceSumCol() { return declared(RELEVANCE_SUM_COL); }
  /** @return the relevance sum column */
  default String getRelevanceSumCol() { return valueOf(RELEVANCE_SUM_COL); }
  /** @param v the relevance sum column */
  default S setRelevanceSumCol(String v) { return setValue(RELEVANCE_SUM_COL, v); }

  /** The model's outputs column (unset: none). */
  default Param<String> rawPredictionCol() { return declared(RAW_PREDICTION_COL); }
  /** @return the model's outputs column, or null */
  default String getRawPredictionCol() { return valueOrNull(RAW_PREDICTION_COL); }
  /** @param v the model's outputs column (null: none) */
  default S setRawPredictionCol(String v) { return setOrClear(RAW_PREDICTION_COL, v); }

  /** The heatmap column (unset: none). */
  default Param<String> heatmapCol() { return declared(HEATMAP_COL); }
  /** @return the heatmap column, or null */
  default String getHeatmapCol() { return valueOrNull(HEATMAP_COL); }
  /** @param v the heatmap column */
  default S setHeatmapCol(String v) { return setOrClear(HEATMAP_COL, v); }

  /** Heatmaps over the input. */
  default BooleanParam heatmapOverlay() { return booleanParam(HEATMAP_OVERLAY); }
  /** @return heatmap overlay */
  default boolean getHeatmapOverlay() { return valueOf(HEATMAP_OVERLAY); }
  /** @param v draw heatmaps over the input */
  default S setHeatmapOverlay(boolean v) { return setValue(HEATMAP_OVERLAY, v); }

  /**
   * The least size of a heatmap's longer side, in pixels: each heatmap pixel becomes a square of
   * {@code ceil(heatmapSize / max(height, width))} pixels, so that a 28 x 28 map asked at 128 px is
   * 140 x 140. The default 0 keeps the model's input size (one pixel per input pixel).
   */
  default IntParam heatmapSize() { return intParam(HEATMAP_SIZE); }
  /** @return the least heatmap side in pixels, 0 for the model's size */
  default int getHeatmapSize() { return valueOf(HEATMAP_SIZE); }
  /** @param v the least heatmap side in pixels (0: the model's size) */
  default S setHeatmapSize(int v) { return setValue(HEATMAP_SIZE, v); }

  /** error, skip or keep. */
  default Param<String> handleInvalid() { return declared(HANDLE_INVALID); }
  /** @return error, skip or keep */
  default String getHandleInvalid() { return valueOf(HANDLE_INVALID); }
  /** @param v error, skip or keep */
  default S setHandleInvalid(String v) { return setValue(HANDLE_INVALID, v); }

  /** The error column (keep). */
  default Param<String> errorCol() { return declared(ERROR_COL); }
  /** @return the error column */
  default String getErrorCol() { return valueOf(ERROR_COL); }
  /** @param v the error column */
  default S setErrorCol(String v) { return setValue(ERROR_COL, v); }

  // ---- execution ----

  /** float32 or float64. */
  default Param<String> precision() { return declared(PRECISION); }
  /** @return float32 or float64 */
  default String getPrecision() { return valueOf(PRECISION); }
  /** @param v float32 or float64 */
  default S setPrecision(String v) { return setValue(PRECISION, v); }

  /** Rows per batch. */
  default IntParam batchSize() { return intParam(BATCH_SIZE); }
  /** @return the batch size */
  default int getBatchSize() { return valueOf(BATCH_SIZE); }
  /** @param v rows per batch */
  default S setBatchSize(int v) { return setValue(BATCH_SIZE, v); }

  /** auto, cpu or gpu. */
  default Param<String> device() { return declared(DEVICE); }
  /** @return the device mode */
  default String getDevice() { return valueOf(DEVICE); }
  /** @param v auto, cpu or gpu */
  default S setDevice(String v) { return setValue(DEVICE, v); }

  /** CPUs per task of this stage's resource profile (0: none). */
  default IntParam taskCpus() { return intParam(TASK_CPUS); }
  /** @return CPUs per task of the stage's profile */
  default int getTaskCpus() { return valueOf(TASK_CPUS); }
  /** @param v CPUs per task of this stage's resource profile (0: none) */
  default S setTaskCpus(int v) { return setValue(TASK_CPUS, v); }

  /** GPUs per task of this stage's resource profile (0: none). */
  default DoubleParam taskGpus() { return doubleParam(TASK_GPUS); }
  /** @return GPUs per task of the stage's profile */
  default double getTaskGpus() { return valueOf(TASK_GPUS); }
  /** @param v GPUs per task of this stage's resource profile (0: none) */
  default S setTaskGpus(double v) { return setValue(TASK_GPUS, v); }
}
