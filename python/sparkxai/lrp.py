# Generated from the Java stages by jobs/src/test/java/io/sparkxai/jobs/python/PythonStagesTest.java:
# do not edit. After changing a Java stage or param, regenerate with
#   mvn -B -q -pl jobs test -Dtest=PythonStagesTest -Dsparkxai.python.regenerate=true
# (the test fails while this file differs from what the Java stages give).
"""Python wrappers of the Spark ML stages of io.sparkxai.lrp."""

from typing import Any, List, Optional

from pyspark import keyword_only
from pyspark.ml.param import Param, Params, TypeConverters

from sparkxai._base import SparkXaiEstimator, SparkXaiModel, SparkXaiTransformer
from sparkxai._lrp import LrpExplainerMethods

__all__ = ["LrpExplainer", "LrpReport"]


class LrpExplainer(LrpExplainerMethods, SparkXaiTransformer):
    """Layer-wise relevance propagation over a DataFrame: for each row of ``inputCol`` (Spark's
    ``image`` struct, or an array/vector in the model's layout), the relevance of every input
    value for the explained output, the predicted class, the explained class, the relevance sum,
    and on request a PNG heatmap.

    Execution: one pass over each partition (``mapPartitions``) in batches of ``batchSize``; the
    model is read on the driver, broadcast, and loaded at most once per executor JVM
    (``EngineCache``); each batch runs in its own DJL ``NDManager``, closed after it; the device
    is the GPU Spark assigned to the task, else the CPU (``device``). With ``taskGpus`` or
    ``taskCpus`` above 0 the stage runs under a task resource profile (stage-level scheduling),
    so that only it asks for GPUs. ``explain`` also returns the run's ``LrpCounts``.

    Results do not depend on the partitioning: a row's relevance is the same whatever rows share
    its batch (see ``PartitionExplainer``).

    The stage works on the input's physical plan (``queryExecution().toRdd()``, as
    ``Dataset.rdd`` does): ``transform`` plans the input at once, and with adaptive query
    execution runs its shuffle stages then; the explaining itself stays lazy.
    """

    _java_class = "io.sparkxai.lrp.LrpExplainer"

    batchSize: "Param[int]" = Param(
        Params._dummy(),
        "batchSize",
        "rows per forward/backward pass",
        typeConverter=TypeConverters.toInt,
    )
    canonize: "Param[bool]" = Param(
        Params._dummy(),
        "canonize",
        "fold BatchNorm and make residual additions sum nodes first",
        typeConverter=TypeConverters.toBoolean,
    )
    channelOrder: "Param[str]" = Param(
        Params._dummy(),
        "channelOrder",
        "colour order the model expects: RGB or BGR (the image source stores BGR)",
        typeConverter=TypeConverters.toString,
    )
    composite: "Param[str]" = Param(
        Params._dummy(),
        "composite",
        "rules by layer: EpsilonPlus, EpsilonPlusFlat, EpsilonGammaBox (needs low and high), EpsilonAlpha2Beta1, EpsilonAlpha2Beta1Flat",
        typeConverter=TypeConverters.toString,
    )
    device: "Param[str]" = Param(
        Params._dummy(),
        "device",
        "auto (the GPU Spark assigned to the task, else the CPU), cpu or gpu",
        typeConverter=TypeConverters.toString,
    )
    errorCol: "Param[str]" = Param(
        Params._dummy(),
        "errorCol",
        "why a row could not be explained (handleInvalid=keep)",
        typeConverter=TypeConverters.toString,
    )
    explainedClassCol: "Param[str]" = Param(
        Params._dummy(),
        "explainedClassCol",
        "the class whose output was explained",
        typeConverter=TypeConverters.toString,
    )
    firstRule: "Param[str]" = Param(
        Params._dummy(),
        "firstRule",
        "the rule of the first dense or convolutional layer",
        typeConverter=TypeConverters.toString,
    )
    handleInvalid: "Param[str]" = Param(
        Params._dummy(),
        "handleInvalid",
        "rows that cannot be explained (undecodable image, wrong size or channel count, null, bad target): error (fail), skip (leave out, counted) or keep (null outputs and the reason in errorCol)",
        typeConverter=TypeConverters.toString,
    )
    heatmapCol: "Param[str]" = Param(
        Params._dummy(),
        "heatmapCol",
        "if set, a PNG heatmap per row (red positive, blue negative)",
        typeConverter=TypeConverters.toString,
    )
    heatmapOverlay: "Param[bool]" = Param(
        Params._dummy(),
        "heatmapOverlay",
        "draw heatmaps over the input picture",
        typeConverter=TypeConverters.toBoolean,
    )
    heatmapSize: "Param[int]" = Param(
        Params._dummy(),
        "heatmapSize",
        "heatmaps at least this many pixels on their longer side, upscaled by a whole factor with nearest-neighbour pixels (0, the default: the model's input size, as before, e.g. 28 x 28 for MNIST)",
        typeConverter=TypeConverters.toInt,
    )
    high: "Param[float]" = Param(
        Params._dummy(),
        "high",
        "highest model input value (EpsilonGammaBox)",
        typeConverter=TypeConverters.toFloat,
    )
    init: "Param[str]" = Param(
        Params._dummy(),
        "init",
        "initial relevance: one, or the target's output value",
        typeConverter=TypeConverters.toString,
    )
    inputCol: "Param[str]" = Param(
        Params._dummy(),
        "inputCol",
        "the input: Spark's image struct (spark.read.format(\"image\")), or array<float>, array<double> or vector values in the model's own layout",
        typeConverter=TypeConverters.toString,
    )
    inputShape: "Param[List[int]]" = Param(
        Params._dummy(),
        "inputShape",
        "per-sample input shape (C,H,W or F): needed for lrp_toolbox models, which do not declare it; checked against ONNX models",
        typeConverter=TypeConverters.toListInt,
    )
    low: "Param[float]" = Param(
        Params._dummy(),
        "low",
        "lowest model input value (EpsilonGammaBox)",
        typeConverter=TypeConverters.toFloat,
    )
    mean: "Param[List[float]]" = Param(
        Params._dummy(),
        "mean",
        "subtracted from the scaled pixels: one value or one per model channel",
        typeConverter=TypeConverters.toListFloat,
    )
    modelPath: "Param[str]" = Param(
        Params._dummy(),
        "modelPath",
        "the model: an .onnx file or an lrp_toolbox .txt file, on any Hadoop file system the driver can read",
        typeConverter=TypeConverters.toString,
    )
    outputCol: "Param[str]" = Param(
        Params._dummy(),
        "outputCol",
        "relevance, array<float> in the input's layout (images: height, width, channel in stored order, at the model's size)",
        typeConverter=TypeConverters.toString,
    )
    precision: "Param[str]" = Param(
        Params._dummy(),
        "precision",
        "float32 or float64",
        typeConverter=TypeConverters.toString,
    )
    predictionCol: "Param[str]" = Param(
        Params._dummy(),
        "predictionCol",
        "the predicted class (argmax of the outputs)",
        typeConverter=TypeConverters.toString,
    )
    rawPredictionCol: "Param[str]" = Param(
        Params._dummy(),
        "rawPredictionCol",
        "if set, the model's outputs per row, array<double> (its last layer's values: logits, or probabilities after a softmax)",
        typeConverter=TypeConverters.toString,
    )
    relevanceSumCol: "Param[str]" = Param(
        Params._dummy(),
        "relevanceSumCol",
        "the sum of each row's relevance",
        typeConverter=TypeConverters.toString,
    )
    resize: "Param[bool]" = Param(
        Params._dummy(),
        "resize",
        "resample images of another size to the model's (bilinear); else such images are invalid",
        typeConverter=TypeConverters.toBoolean,
    )
    rule: "Param[str]" = Param(
        Params._dummy(),
        "rule",
        "one rule for every layer instead of a composite: z, epsilon:E, gamma:G, alphabeta:A:B, zplus, wsquare, flat, zbox:L:H",
        typeConverter=TypeConverters.toString,
    )
    scale: "Param[float]" = Param(
        Params._dummy(),
        "scale",
        "multiplies each pixel value (0 to 255) first",
        typeConverter=TypeConverters.toFloat,
    )
    std: "Param[List[float]]" = Param(
        Params._dummy(),
        "std",
        "divides after the mean: one value or one per model channel",
        typeConverter=TypeConverters.toListFloat,
    )
    targetClass: "Param[int]" = Param(
        Params._dummy(),
        "targetClass",
        "explain this class for every row (default: the predicted class)",
        typeConverter=TypeConverters.toInt,
    )
    targetCol: "Param[str]" = Param(
        Params._dummy(),
        "targetCol",
        "explain the class in this integer column, per row",
        typeConverter=TypeConverters.toString,
    )
    taskCpus: "Param[int]" = Param(
        Params._dummy(),
        "taskCpus",
        "if > 0, run this stage with a task resource profile of this many CPUs per task (stage-level scheduling; not in local mode)",
        typeConverter=TypeConverters.toInt,
    )
    taskGpus: "Param[float]" = Param(
        Params._dummy(),
        "taskGpus",
        "if > 0, run this stage with a task resource profile asking for this many GPUs per task (stage-level scheduling; not in local mode)",
        typeConverter=TypeConverters.toFloat,
    )
    zeroBias: "Param[bool]" = Param(
        Params._dummy(),
        "zeroBias",
        "leave biases out of every denominator (conservative rules then sum to the initial relevance)",
        typeConverter=TypeConverters.toBoolean,
    )

    @keyword_only
    def __init__(self, *,
        batchSize: int = 64,
        canonize: bool = True,
        channelOrder: str = "RGB",
        composite: str = "EpsilonPlusFlat",
        device: str = "auto",
        errorCol: str = "lrp_error",
        explainedClassCol: str = "explained_class",
        firstRule: Optional[str] = None,
        handleInvalid: str = "error",
        heatmapCol: Optional[str] = None,
        heatmapOverlay: bool = False,
        heatmapSize: int = 0,
        high: Optional[float] = None,
        init: str = "one",
        inputCol: str = "image",
        inputShape: Optional[List[int]] = None,
        low: Optional[float] = None,
        mean: List[float] = [0.0],
        modelPath: Optional[str] = None,
        outputCol: str = "relevance",
        precision: str = "float32",
        predictionCol: str = "prediction",
        rawPredictionCol: Optional[str] = None,
        relevanceSumCol: str = "relevance_sum",
        resize: bool = False,
        rule: Optional[str] = None,
        scale: float = 0.00392156862745098,
        std: List[float] = [1.0],
        targetClass: Optional[int] = None,
        targetCol: Optional[str] = None,
        taskCpus: int = 0,
        taskGpus: float = 0.0,
        zeroBias: bool = False,
    ) -> None:
        super().__init__()
        self._java_obj = self._new_java_obj(self._java_class, self.uid)
        self._setDefault(
            batchSize=64,
            canonize=True,
            channelOrder="RGB",
            composite="EpsilonPlusFlat",
            device="auto",
            errorCol="lrp_error",
            explainedClassCol="explained_class",
            handleInvalid="error",
            heatmapOverlay=False,
            heatmapSize=0,
            init="one",
            inputCol="image",
            mean=[0.0],
            outputCol="relevance",
            precision="float32",
            predictionCol="prediction",
            relevanceSumCol="relevance_sum",
            resize=False,
            scale=0.00392156862745098,
            std=[1.0],
            taskCpus=0,
            taskGpus=0.0,
            zeroBias=False,
        )
        self.setParams(**self._input_kwargs)

    @keyword_only
    def setParams(self, *,
        batchSize: int = 64,
        canonize: bool = True,
        channelOrder: str = "RGB",
        composite: str = "EpsilonPlusFlat",
        device: str = "auto",
        errorCol: str = "lrp_error",
        explainedClassCol: str = "explained_class",
        firstRule: Optional[str] = None,
        handleInvalid: str = "error",
        heatmapCol: Optional[str] = None,
        heatmapOverlay: bool = False,
        heatmapSize: int = 0,
        high: Optional[float] = None,
        init: str = "one",
        inputCol: str = "image",
        inputShape: Optional[List[int]] = None,
        low: Optional[float] = None,
        mean: List[float] = [0.0],
        modelPath: Optional[str] = None,
        outputCol: str = "relevance",
        precision: str = "float32",
        predictionCol: str = "prediction",
        rawPredictionCol: Optional[str] = None,
        relevanceSumCol: str = "relevance_sum",
        resize: bool = False,
        rule: Optional[str] = None,
        scale: float = 0.00392156862745098,
        std: List[float] = [1.0],
        targetClass: Optional[int] = None,
        targetCol: Optional[str] = None,
        taskCpus: int = 0,
        taskGpus: float = 0.0,
        zeroBias: bool = False,
    ) -> "LrpExplainer":
        """Sets the params given as keywords."""
        return self._set(**self._input_kwargs)

    def getBatchSize(self) -> int:
        """The value of batchSize or its default: rows per forward/backward pass"""
        return self.getOrDefault(self.batchSize)

    def setBatchSize(self, value: int) -> "LrpExplainer":
        """Sets batchSize: rows per forward/backward pass"""
        return self._set(batchSize=value)

    def getCanonize(self) -> bool:
        """The value of canonize or its default: fold BatchNorm and make residual additions sum
        nodes first
        """
        return self.getOrDefault(self.canonize)

    def setCanonize(self, value: bool) -> "LrpExplainer":
        """Sets canonize: fold BatchNorm and make residual additions sum nodes first"""
        return self._set(canonize=value)

    def getChannelOrder(self) -> str:
        """The value of channelOrder or its default: colour order the model expects: RGB or BGR
        (the image source stores BGR)
        """
        return self.getOrDefault(self.channelOrder)

    def setChannelOrder(self, value: str) -> "LrpExplainer":
        """Sets channelOrder: colour order the model expects: RGB or BGR (the image source stores
        BGR)
        """
        return self._set(channelOrder=value)

    def getComposite(self) -> str:
        """The value of composite or its default: rules by layer: EpsilonPlus, EpsilonPlusFlat,
        EpsilonGammaBox (needs low and high), EpsilonAlpha2Beta1, EpsilonAlpha2Beta1Flat
        """
        return self.getOrDefault(self.composite)

    def setComposite(self, value: str) -> "LrpExplainer":
        """Sets composite: rules by layer: EpsilonPlus, EpsilonPlusFlat, EpsilonGammaBox (needs low
        and high), EpsilonAlpha2Beta1, EpsilonAlpha2Beta1Flat
        """
        return self._set(composite=value)

    def getDevice(self) -> str:
        """The value of device or its default: auto (the GPU Spark assigned to the task, else the
        CPU), cpu or gpu
        """
        return self.getOrDefault(self.device)

    def setDevice(self, value: str) -> "LrpExplainer":
        """Sets device: auto (the GPU Spark assigned to the task, else the CPU), cpu or gpu"""
        return self._set(device=value)

    def getErrorCol(self) -> str:
        """The value of errorCol or its default: why a row could not be explained
        (handleInvalid=keep)
        """
        return self.getOrDefault(self.errorCol)

    def setErrorCol(self, value: str) -> "LrpExplainer":
        """Sets errorCol: why a row could not be explained (handleInvalid=keep)"""
        return self._set(errorCol=value)

    def getExplainedClassCol(self) -> str:
        """The value of explainedClassCol or its default: the class whose output was explained"""
        return self.getOrDefault(self.explainedClassCol)

    def setExplainedClassCol(self, value: str) -> "LrpExplainer":
        """Sets explainedClassCol: the class whose output was explained"""
        return self._set(explainedClassCol=value)

    def getFirstRule(self) -> str:
        """The value of firstRule or its default: the rule of the first dense or convolutional
        layer
        """
        return self.getOrDefault(self.firstRule)

    def setFirstRule(self, value: str) -> "LrpExplainer":
        """Sets firstRule: the rule of the first dense or convolutional layer"""
        return self._set(firstRule=value)

    def getHandleInvalid(self) -> str:
        """The value of handleInvalid or its default: rows that cannot be explained (undecodable
        image, wrong size or channel count, null, bad target): error (fail), skip (leave out,
        counted) or keep (null outputs and the reason in errorCol)
        """
        return self.getOrDefault(self.handleInvalid)

    def setHandleInvalid(self, value: str) -> "LrpExplainer":
        """Sets handleInvalid: rows that cannot be explained (undecodable image, wrong size or
        channel count, null, bad target): error (fail), skip (leave out, counted) or keep (null
        outputs and the reason in errorCol)
        """
        return self._set(handleInvalid=value)

    def getHeatmapCol(self) -> str:
        """The value of heatmapCol or its default: if set, a PNG heatmap per row (red positive,
        blue negative)
        """
        return self.getOrDefault(self.heatmapCol)

    def setHeatmapCol(self, value: str) -> "LrpExplainer":
        """Sets heatmapCol: if set, a PNG heatmap per row (red positive, blue negative)"""
        return self._set(heatmapCol=value)

    def getHeatmapOverlay(self) -> bool:
        """The value of heatmapOverlay or its default: draw heatmaps over the input picture"""
        return self.getOrDefault(self.heatmapOverlay)

    def setHeatmapOverlay(self, value: bool) -> "LrpExplainer":
        """Sets heatmapOverlay: draw heatmaps over the input picture"""
        return self._set(heatmapOverlay=value)

    def getHeatmapSize(self) -> int:
        """The value of heatmapSize or its default: heatmaps at least this many pixels on their
        longer side, upscaled by a whole factor with nearest-neighbour pixels (0, the default:
        the model's input size, as before, e.g. 28 x 28 for MNIST)
        """
        return self.getOrDefault(self.heatmapSize)

    def setHeatmapSize(self, value: int) -> "LrpExplainer":
        """Sets heatmapSize: heatmaps at least this many pixels on their longer side, upscaled by a
        whole factor with nearest-neighbour pixels (0, the default: the model's input size, as
        before, e.g. 28 x 28 for MNIST)
        """
        return self._set(heatmapSize=value)

    def getHigh(self) -> float:
        """The value of high or its default: highest model input value (EpsilonGammaBox)"""
        return self.getOrDefault(self.high)

    def setHigh(self, value: float) -> "LrpExplainer":
        """Sets high: highest model input value (EpsilonGammaBox)"""
        return self._set(high=value)

    def getInit(self) -> str:
        """The value of init or its default: initial relevance: one, or the target's output value"""
        return self.getOrDefault(self.init)

    def setInit(self, value: str) -> "LrpExplainer":
        """Sets init: initial relevance: one, or the target's output value"""
        return self._set(init=value)

    def getInputCol(self) -> str:
        """The value of inputCol or its default: the input: Spark's image struct
        (spark.read.format("image")), or array<float>, array<double> or vector values in the
        model's own layout
        """
        return self.getOrDefault(self.inputCol)

    def setInputCol(self, value: str) -> "LrpExplainer":
        """Sets inputCol: the input: Spark's image struct (spark.read.format("image")), or
        array<float>, array<double> or vector values in the model's own layout
        """
        return self._set(inputCol=value)

    def getInputShape(self) -> List[int]:
        """The value of inputShape or its default: per-sample input shape (C,H,W or F): needed for
        lrp_toolbox models, which do not declare it; checked against ONNX models
        """
        return self.getOrDefault(self.inputShape)

    def setInputShape(self, value: List[int]) -> "LrpExplainer":
        """Sets inputShape: per-sample input shape (C,H,W or F): needed for lrp_toolbox models,
        which do not declare it; checked against ONNX models
        """
        return self._set(inputShape=value)

    def getLow(self) -> float:
        """The value of low or its default: lowest model input value (EpsilonGammaBox)"""
        return self.getOrDefault(self.low)

    def setLow(self, value: float) -> "LrpExplainer":
        """Sets low: lowest model input value (EpsilonGammaBox)"""
        return self._set(low=value)

    def getMean(self) -> List[float]:
        """The value of mean or its default: subtracted from the scaled pixels: one value or one
        per model channel
        """
        return self.getOrDefault(self.mean)

    def setMean(self, value: List[float]) -> "LrpExplainer":
        """Sets mean: subtracted from the scaled pixels: one value or one per model channel"""
        return self._set(mean=value)

    def getModelPath(self) -> str:
        """The value of modelPath or its default: the model: an .onnx file or an lrp_toolbox .txt
        file, on any Hadoop file system the driver can read
        """
        return self.getOrDefault(self.modelPath)

    def setModelPath(self, value: str) -> "LrpExplainer":
        """Sets modelPath: the model: an .onnx file or an lrp_toolbox .txt file, on any Hadoop file
        system the driver can read
        """
        return self._set(modelPath=value)

    def getOutputCol(self) -> str:
        """The value of outputCol or its default: relevance, array<float> in the input's layout
        (images: height, width, channel in stored order, at the model's size)
        """
        return self.getOrDefault(self.outputCol)

    def setOutputCol(self, value: str) -> "LrpExplainer":
        """Sets outputCol: relevance, array<float> in the input's layout (images: height, width,
        channel in stored order, at the model's size)
        """
        return self._set(outputCol=value)

    def getPrecision(self) -> str:
        """The value of precision or its default: float32 or float64"""
        return self.getOrDefault(self.precision)

    def setPrecision(self, value: str) -> "LrpExplainer":
        """Sets precision: float32 or float64"""
        return self._set(precision=value)

    def getPredictionCol(self) -> str:
        """The value of predictionCol or its default: the predicted class (argmax of the outputs)"""
        return self.getOrDefault(self.predictionCol)

    def setPredictionCol(self, value: str) -> "LrpExplainer":
        """Sets predictionCol: the predicted class (argmax of the outputs)"""
        return self._set(predictionCol=value)

    def getRawPredictionCol(self) -> str:
        """The value of rawPredictionCol or its default: if set, the model's outputs per row,
        array<double> (its last layer's values: logits, or probabilities after a softmax)
        """
        return self.getOrDefault(self.rawPredictionCol)

    def setRawPredictionCol(self, value: str) -> "LrpExplainer":
        """Sets rawPredictionCol: if set, the model's outputs per row, array<double> (its last
        layer's values: logits, or probabilities after a softmax)
        """
        return self._set(rawPredictionCol=value)

    def getRelevanceSumCol(self) -> str:
        """The value of relevanceSumCol or its default: the sum of each row's relevance"""
        return self.getOrDefault(self.relevanceSumCol)

    def setRelevanceSumCol(self, value: str) -> "LrpExplainer":
        """Sets relevanceSumCol: the sum of each row's relevance"""
        return self._set(relevanceSumCol=value)

    def getResize(self) -> bool:
        """The value of resize or its default: resample images of another size to the model's
        (bilinear); else such images are invalid
        """
        return self.getOrDefault(self.resize)

    def setResize(self, value: bool) -> "LrpExplainer":
        """Sets resize: resample images of another size to the model's (bilinear); else such images
        are invalid
        """
        return self._set(resize=value)

    def getRule(self) -> str:
        """The value of rule or its default: one rule for every layer instead of a composite: z,
        epsilon:E, gamma:G, alphabeta:A:B, zplus, wsquare, flat, zbox:L:H
        """
        return self.getOrDefault(self.rule)

    def setRule(self, value: str) -> "LrpExplainer":
        """Sets rule: one rule for every layer instead of a composite: z, epsilon:E, gamma:G,
        alphabeta:A:B, zplus, wsquare, flat, zbox:L:H
        """
        return self._set(rule=value)

    def getScale(self) -> float:
        """The value of scale or its default: multiplies each pixel value (0 to 255) first"""
        return self.getOrDefault(self.scale)

    def setScale(self, value: float) -> "LrpExplainer":
        """Sets scale: multiplies each pixel value (0 to 255) first"""
        return self._set(scale=value)

    def getStd(self) -> List[float]:
        """The value of std or its default: divides after the mean: one value or one per model
        channel
        """
        return self.getOrDefault(self.std)

    def setStd(self, value: List[float]) -> "LrpExplainer":
        """Sets std: divides after the mean: one value or one per model channel"""
        return self._set(std=value)

    def getTargetClass(self) -> int:
        """The value of targetClass or its default: explain this class for every row (default: the
        predicted class)
        """
        return self.getOrDefault(self.targetClass)

    def setTargetClass(self, value: int) -> "LrpExplainer":
        """Sets targetClass: explain this class for every row (default: the predicted class)"""
        return self._set(targetClass=value)

    def getTargetCol(self) -> str:
        """The value of targetCol or its default: explain the class in this integer column, per row"""
        return self.getOrDefault(self.targetCol)

    def setTargetCol(self, value: str) -> "LrpExplainer":
        """Sets targetCol: explain the class in this integer column, per row"""
        return self._set(targetCol=value)

    def getTaskCpus(self) -> int:
        """The value of taskCpus or its default: if > 0, run this stage with a task resource
        profile of this many CPUs per task (stage-level scheduling; not in local mode)
        """
        return self.getOrDefault(self.taskCpus)

    def setTaskCpus(self, value: int) -> "LrpExplainer":
        """Sets taskCpus: if > 0, run this stage with a task resource profile of this many CPUs per
        task (stage-level scheduling; not in local mode)
        """
        return self._set(taskCpus=value)

    def getTaskGpus(self) -> float:
        """The value of taskGpus or its default: if > 0, run this stage with a task resource
        profile asking for this many GPUs per task (stage-level scheduling; not in local mode)
        """
        return self.getOrDefault(self.taskGpus)

    def setTaskGpus(self, value: float) -> "LrpExplainer":
        """Sets taskGpus: if > 0, run this stage with a task resource profile asking for this many
        GPUs per task (stage-level scheduling; not in local mode)
        """
        return self._set(taskGpus=value)

    def getZeroBias(self) -> bool:
        """The value of zeroBias or its default: leave biases out of every denominator
        (conservative rules then sum to the initial relevance)
        """
        return self.getOrDefault(self.zeroBias)

    def setZeroBias(self, value: bool) -> "LrpExplainer":
        """Sets zeroBias: leave biases out of every denominator (conservative rules then sum to the
        initial relevance)
        """
        return self._set(zeroBias=value)


class LrpReport(SparkXaiTransformer):
    """The LRP report of a dataset as a DataFrame, from a stage that takes only literal params: the
    route to ``report`` from Spark Connect, whose clients create stages by class name and cannot
    call a stage's other methods. It has every param of ``LrpExplainer`` (same names, defaults
    and rules) plus ``images``; ``transform(dataset)`` returns one row with one column,
    ``html``: the page ``LrpReportPage`` draws of the first ``images`` explained rows, the same
    bytes as ``explainer().report(dataset, images)`` gives (one Spark job).
    """

    _java_class = "io.sparkxai.lrp.LrpReport"

    batchSize: "Param[int]" = Param(
        Params._dummy(),
        "batchSize",
        "rows per forward/backward pass",
        typeConverter=TypeConverters.toInt,
    )
    canonize: "Param[bool]" = Param(
        Params._dummy(),
        "canonize",
        "fold BatchNorm and make residual additions sum nodes first",
        typeConverter=TypeConverters.toBoolean,
    )
    channelOrder: "Param[str]" = Param(
        Params._dummy(),
        "channelOrder",
        "colour order the model expects: RGB or BGR (the image source stores BGR)",
        typeConverter=TypeConverters.toString,
    )
    composite: "Param[str]" = Param(
        Params._dummy(),
        "composite",
        "rules by layer: EpsilonPlus, EpsilonPlusFlat, EpsilonGammaBox (needs low and high), EpsilonAlpha2Beta1, EpsilonAlpha2Beta1Flat",
        typeConverter=TypeConverters.toString,
    )
    device: "Param[str]" = Param(
        Params._dummy(),
        "device",
        "auto (the GPU Spark assigned to the task, else the CPU), cpu or gpu",
        typeConverter=TypeConverters.toString,
    )
    errorCol: "Param[str]" = Param(
        Params._dummy(),
        "errorCol",
        "why a row could not be explained (handleInvalid=keep)",
        typeConverter=TypeConverters.toString,
    )
    explainedClassCol: "Param[str]" = Param(
        Params._dummy(),
        "explainedClassCol",
        "the class whose output was explained",
        typeConverter=TypeConverters.toString,
    )
    firstRule: "Param[str]" = Param(
        Params._dummy(),
        "firstRule",
        "the rule of the first dense or convolutional layer",
        typeConverter=TypeConverters.toString,
    )
    handleInvalid: "Param[str]" = Param(
        Params._dummy(),
        "handleInvalid",
        "rows that cannot be explained (undecodable image, wrong size or channel count, null, bad target): error (fail), skip (leave out, counted) or keep (null outputs and the reason in errorCol)",
        typeConverter=TypeConverters.toString,
    )
    heatmapCol: "Param[str]" = Param(
        Params._dummy(),
        "heatmapCol",
        "if set, a PNG heatmap per row (red positive, blue negative)",
        typeConverter=TypeConverters.toString,
    )
    heatmapOverlay: "Param[bool]" = Param(
        Params._dummy(),
        "heatmapOverlay",
        "draw heatmaps over the input picture",
        typeConverter=TypeConverters.toBoolean,
    )
    heatmapSize: "Param[int]" = Param(
        Params._dummy(),
        "heatmapSize",
        "heatmaps at least this many pixels on their longer side, upscaled by a whole factor with nearest-neighbour pixels (0, the default: the model's input size, as before, e.g. 28 x 28 for MNIST)",
        typeConverter=TypeConverters.toInt,
    )
    high: "Param[float]" = Param(
        Params._dummy(),
        "high",
        "highest model input value (EpsilonGammaBox)",
        typeConverter=TypeConverters.toFloat,
    )
    images: "Param[int]" = Param(
        Params._dummy(),
        "images",
        "how many explained rows the report shows: the first ones of the input (rows that cannot be explained are passed over)",
        typeConverter=TypeConverters.toInt,
    )
    init: "Param[str]" = Param(
        Params._dummy(),
        "init",
        "initial relevance: one, or the target's output value",
        typeConverter=TypeConverters.toString,
    )
    inputCol: "Param[str]" = Param(
        Params._dummy(),
        "inputCol",
        "the input: Spark's image struct (spark.read.format(\"image\")), or array<float>, array<double> or vector values in the model's own layout",
        typeConverter=TypeConverters.toString,
    )
    inputShape: "Param[List[int]]" = Param(
        Params._dummy(),
        "inputShape",
        "per-sample input shape (C,H,W or F): needed for lrp_toolbox models, which do not declare it; checked against ONNX models",
        typeConverter=TypeConverters.toListInt,
    )
    low: "Param[float]" = Param(
        Params._dummy(),
        "low",
        "lowest model input value (EpsilonGammaBox)",
        typeConverter=TypeConverters.toFloat,
    )
    mean: "Param[List[float]]" = Param(
        Params._dummy(),
        "mean",
        "subtracted from the scaled pixels: one value or one per model channel",
        typeConverter=TypeConverters.toListFloat,
    )
    modelPath: "Param[str]" = Param(
        Params._dummy(),
        "modelPath",
        "the model: an .onnx file or an lrp_toolbox .txt file, on any Hadoop file system the driver can read",
        typeConverter=TypeConverters.toString,
    )
    outputCol: "Param[str]" = Param(
        Params._dummy(),
        "outputCol",
        "relevance, array<float> in the input's layout (images: height, width, channel in stored order, at the model's size)",
        typeConverter=TypeConverters.toString,
    )
    precision: "Param[str]" = Param(
        Params._dummy(),
        "precision",
        "float32 or float64",
        typeConverter=TypeConverters.toString,
    )
    predictionCol: "Param[str]" = Param(
        Params._dummy(),
        "predictionCol",
        "the predicted class (argmax of the outputs)",
        typeConverter=TypeConverters.toString,
    )
    rawPredictionCol: "Param[str]" = Param(
        Params._dummy(),
        "rawPredictionCol",
        "if set, the model's outputs per row, array<double> (its last layer's values: logits, or probabilities after a softmax)",
        typeConverter=TypeConverters.toString,
    )
    relevanceSumCol: "Param[str]" = Param(
        Params._dummy(),
        "relevanceSumCol",
        "the sum of each row's relevance",
        typeConverter=TypeConverters.toString,
    )
    resize: "Param[bool]" = Param(
        Params._dummy(),
        "resize",
        "resample images of another size to the model's (bilinear); else such images are invalid",
        typeConverter=TypeConverters.toBoolean,
    )
    rule: "Param[str]" = Param(
        Params._dummy(),
        "rule",
        "one rule for every layer instead of a composite: z, epsilon:E, gamma:G, alphabeta:A:B, zplus, wsquare, flat, zbox:L:H",
        typeConverter=TypeConverters.toString,
    )
    scale: "Param[float]" = Param(
        Params._dummy(),
        "scale",
        "multiplies each pixel value (0 to 255) first",
        typeConverter=TypeConverters.toFloat,
    )
    std: "Param[List[float]]" = Param(
        Params._dummy(),
        "std",
        "divides after the mean: one value or one per model channel",
        typeConverter=TypeConverters.toListFloat,
    )
    targetClass: "Param[int]" = Param(
        Params._dummy(),
        "targetClass",
        "explain this class for every row (default: the predicted class)",
        typeConverter=TypeConverters.toInt,
    )
    targetCol: "Param[str]" = Param(
        Params._dummy(),
        "targetCol",
        "explain the class in this integer column, per row",
        typeConverter=TypeConverters.toString,
    )
    taskCpus: "Param[int]" = Param(
        Params._dummy(),
        "taskCpus",
        "if > 0, run this stage with a task resource profile of this many CPUs per task (stage-level scheduling; not in local mode)",
        typeConverter=TypeConverters.toInt,
    )
    taskGpus: "Param[float]" = Param(
        Params._dummy(),
        "taskGpus",
        "if > 0, run this stage with a task resource profile asking for this many GPUs per task (stage-level scheduling; not in local mode)",
        typeConverter=TypeConverters.toFloat,
    )
    zeroBias: "Param[bool]" = Param(
        Params._dummy(),
        "zeroBias",
        "leave biases out of every denominator (conservative rules then sum to the initial relevance)",
        typeConverter=TypeConverters.toBoolean,
    )

    @keyword_only
    def __init__(self, *,
        batchSize: int = 64,
        canonize: bool = True,
        channelOrder: str = "RGB",
        composite: str = "EpsilonPlusFlat",
        device: str = "auto",
        errorCol: str = "lrp_error",
        explainedClassCol: str = "explained_class",
        firstRule: Optional[str] = None,
        handleInvalid: str = "error",
        heatmapCol: Optional[str] = None,
        heatmapOverlay: bool = False,
        heatmapSize: int = 0,
        high: Optional[float] = None,
        images: int = 16,
        init: str = "one",
        inputCol: str = "image",
        inputShape: Optional[List[int]] = None,
        low: Optional[float] = None,
        mean: List[float] = [0.0],
        modelPath: Optional[str] = None,
        outputCol: str = "relevance",
        precision: str = "float32",
        predictionCol: str = "prediction",
        rawPredictionCol: Optional[str] = None,
        relevanceSumCol: str = "relevance_sum",
        resize: bool = False,
        rule: Optional[str] = None,
        scale: float = 0.00392156862745098,
        std: List[float] = [1.0],
        targetClass: Optional[int] = None,
        targetCol: Optional[str] = None,
        taskCpus: int = 0,
        taskGpus: float = 0.0,
        zeroBias: bool = False,
    ) -> None:
        super().__init__()
        self._java_obj = self._new_java_obj(self._java_class, self.uid)
        self._setDefault(
            batchSize=64,
            canonize=True,
            channelOrder="RGB",
            composite="EpsilonPlusFlat",
            device="auto",
            errorCol="lrp_error",
            explainedClassCol="explained_class",
            handleInvalid="error",
            heatmapOverlay=False,
            heatmapSize=0,
            images=16,
            init="one",
            inputCol="image",
            mean=[0.0],
            outputCol="relevance",
            precision="float32",
            predictionCol="prediction",
            relevanceSumCol="relevance_sum",
            resize=False,
            scale=0.00392156862745098,
            std=[1.0],
            taskCpus=0,
            taskGpus=0.0,
            zeroBias=False,
        )
        self.setParams(**self._input_kwargs)

    @keyword_only
    def setParams(self, *,
        batchSize: int = 64,
        canonize: bool = True,
        channelOrder: str = "RGB",
        composite: str = "EpsilonPlusFlat",
        device: str = "auto",
        errorCol: str = "lrp_error",
        explainedClassCol: str = "explained_class",
        firstRule: Optional[str] = None,
        handleInvalid: str = "error",
        heatmapCol: Optional[str] = None,
        heatmapOverlay: bool = False,
        heatmapSize: int = 0,
        high: Optional[float] = None,
        images: int = 16,
        init: str = "one",
        inputCol: str = "image",
        inputShape: Optional[List[int]] = None,
        low: Optional[float] = None,
        mean: List[float] = [0.0],
        modelPath: Optional[str] = None,
        outputCol: str = "relevance",
        precision: str = "float32",
        predictionCol: str = "prediction",
        rawPredictionCol: Optional[str] = None,
        relevanceSumCol: str = "relevance_sum",
        resize: bool = False,
        rule: Optional[str] = None,
        scale: float = 0.00392156862745098,
        std: List[float] = [1.0],
        targetClass: Optional[int] = None,
        targetCol: Optional[str] = None,
        taskCpus: int = 0,
        taskGpus: float = 0.0,
        zeroBias: bool = False,
    ) -> "LrpReport":
        """Sets the params given as keywords."""
        return self._set(**self._input_kwargs)

    def getBatchSize(self) -> int:
        """The value of batchSize or its default: rows per forward/backward pass"""
        return self.getOrDefault(self.batchSize)

    def setBatchSize(self, value: int) -> "LrpReport":
        """Sets batchSize: rows per forward/backward pass"""
        return self._set(batchSize=value)

    def getCanonize(self) -> bool:
        """The value of canonize or its default: fold BatchNorm and make residual additions sum
        nodes first
        """
        return self.getOrDefault(self.canonize)

    def setCanonize(self, value: bool) -> "LrpReport":
        """Sets canonize: fold BatchNorm and make residual additions sum nodes first"""
        return self._set(canonize=value)

    def getChannelOrder(self) -> str:
        """The value of channelOrder or its default: colour order the model expects: RGB or BGR
        (the image source stores BGR)
        """
        return self.getOrDefault(self.channelOrder)

    def setChannelOrder(self, value: str) -> "LrpReport":
        """Sets channelOrder: colour order the model expects: RGB or BGR (the image source stores
        BGR)
        """
        return self._set(channelOrder=value)

    def getComposite(self) -> str:
        """The value of composite or its default: rules by layer: EpsilonPlus, EpsilonPlusFlat,
        EpsilonGammaBox (needs low and high), EpsilonAlpha2Beta1, EpsilonAlpha2Beta1Flat
        """
        return self.getOrDefault(self.composite)

    def setComposite(self, value: str) -> "LrpReport":
        """Sets composite: rules by layer: EpsilonPlus, EpsilonPlusFlat, EpsilonGammaBox (needs low
        and high), EpsilonAlpha2Beta1, EpsilonAlpha2Beta1Flat
        """
        return self._set(composite=value)

    def getDevice(self) -> str:
        """The value of device or its default: auto (the GPU Spark assigned to the task, else the
        CPU), cpu or gpu
        """
        return self.getOrDefault(self.device)

    def setDevice(self, value: str) -> "LrpReport":
        """Sets device: auto (the GPU Spark assigned to the task, else the CPU), cpu or gpu"""
        return self._set(device=value)

    def getErrorCol(self) -> str:
        """The value of errorCol or its default: why a row could not be explained
        (handleInvalid=keep)
        """
        return self.getOrDefault(self.errorCol)

    def setErrorCol(self, value: str) -> "LrpReport":
        """Sets errorCol: why a row could not be explained (handleInvalid=keep)"""
        return self._set(errorCol=value)

    def getExplainedClassCol(self) -> str:
        """The value of explainedClassCol or its default: the class whose output was explained"""
        return self.getOrDefault(self.explainedClassCol)

    def setExplainedClassCol(self, value: str) -> "LrpReport":
        """Sets explainedClassCol: the class whose output was explained"""
        return self._set(explainedClassCol=value)

    def getFirstRule(self) -> str:
        """The value of firstRule or its default: the rule of the first dense or convolutional
        layer
        """
        return self.getOrDefault(self.firstRule)

    def setFirstRule(self, value: str) -> "LrpReport":
        """Sets firstRule: the rule of the first dense or convolutional layer"""
        return self._set(firstRule=value)

    def getHandleInvalid(self) -> str:
        """The value of handleInvalid or its default: rows that cannot be explained (undecodable
        image, wrong size or channel count, null, bad target): error (fail), skip (leave out,
        counted) or keep (null outputs and the reason in errorCol)
        """
        return self.getOrDefault(self.handleInvalid)

    def setHandleInvalid(self, value: str) -> "LrpReport":
        """Sets handleInvalid: rows that cannot be explained (undecodable image, wrong size or
        channel count, null, bad target): error (fail), skip (leave out, counted) or keep (null
        outputs and the reason in errorCol)
        """
        return self._set(handleInvalid=value)

    def getHeatmapCol(self) -> str:
        """The value of heatmapCol or its default: if set, a PNG heatmap per row (red positive,
        blue negative)
        """
        return self.getOrDefault(self.heatmapCol)

    def setHeatmapCol(self, value: str) -> "LrpReport":
        """Sets heatmapCol: if set, a PNG heatmap per row (red positive, blue negative)"""
        return self._set(heatmapCol=value)

    def getHeatmapOverlay(self) -> bool:
        """The value of heatmapOverlay or its default: draw heatmaps over the input picture"""
        return self.getOrDefault(self.heatmapOverlay)

    def setHeatmapOverlay(self, value: bool) -> "LrpReport":
        """Sets heatmapOverlay: draw heatmaps over the input picture"""
        return self._set(heatmapOverlay=value)

    def getHeatmapSize(self) -> int:
        """The value of heatmapSize or its default: heatmaps at least this many pixels on their
        longer side, upscaled by a whole factor with nearest-neighbour pixels (0, the default:
        the model's input size, as before, e.g. 28 x 28 for MNIST)
        """
        return self.getOrDefault(self.heatmapSize)

    def setHeatmapSize(self, value: int) -> "LrpReport":
        """Sets heatmapSize: heatmaps at least this many pixels on their longer side, upscaled by a
        whole factor with nearest-neighbour pixels (0, the default: the model's input size, as
        before, e.g. 28 x 28 for MNIST)
        """
        return self._set(heatmapSize=value)

    def getHigh(self) -> float:
        """The value of high or its default: highest model input value (EpsilonGammaBox)"""
        return self.getOrDefault(self.high)

    def setHigh(self, value: float) -> "LrpReport":
        """Sets high: highest model input value (EpsilonGammaBox)"""
        return self._set(high=value)

    def getImages(self) -> int:
        """The value of images or its default: how many explained rows the report shows: the first
        ones of the input (rows that cannot be explained are passed over)
        """
        return self.getOrDefault(self.images)

    def setImages(self, value: int) -> "LrpReport":
        """Sets images: how many explained rows the report shows: the first ones of the input (rows
        that cannot be explained are passed over)
        """
        return self._set(images=value)

    def getInit(self) -> str:
        """The value of init or its default: initial relevance: one, or the target's output value"""
        return self.getOrDefault(self.init)

    def setInit(self, value: str) -> "LrpReport":
        """Sets init: initial relevance: one, or the target's output value"""
        return self._set(init=value)

    def getInputCol(self) -> str:
        """The value of inputCol or its default: the input: Spark's image struct
        (spark.read.format("image")), or array<float>, array<double> or vector values in the
        model's own layout
        """
        return self.getOrDefault(self.inputCol)

    def setInputCol(self, value: str) -> "LrpReport":
        """Sets inputCol: the input: Spark's image struct (spark.read.format("image")), or
        array<float>, array<double> or vector values in the model's own layout
        """
        return self._set(inputCol=value)

    def getInputShape(self) -> List[int]:
        """The value of inputShape or its default: per-sample input shape (C,H,W or F): needed for
        lrp_toolbox models, which do not declare it; checked against ONNX models
        """
        return self.getOrDefault(self.inputShape)

    def setInputShape(self, value: List[int]) -> "LrpReport":
        """Sets inputShape: per-sample input shape (C,H,W or F): needed for lrp_toolbox models,
        which do not declare it; checked against ONNX models
        """
        return self._set(inputShape=value)

    def getLow(self) -> float:
        """The value of low or its default: lowest model input value (EpsilonGammaBox)"""
        return self.getOrDefault(self.low)

    def setLow(self, value: float) -> "LrpReport":
        """Sets low: lowest model input value (EpsilonGammaBox)"""
        return self._set(low=value)

    def getMean(self) -> List[float]:
        """The value of mean or its default: subtracted from the scaled pixels: one value or one
        per model channel
        """
        return self.getOrDefault(self.mean)

    def setMean(self, value: List[float]) -> "LrpReport":
        """Sets mean: subtracted from the scaled pixels: one value or one per model channel"""
        return self._set(mean=value)

    def getModelPath(self) -> str:
        """The value of modelPath or its default: the model: an .onnx file or an lrp_toolbox .txt
        file, on any Hadoop file system the driver can read
        """
        return self.getOrDefault(self.modelPath)

    def setModelPath(self, value: str) -> "LrpReport":
        """Sets modelPath: the model: an .onnx file or an lrp_toolbox .txt file, on any Hadoop file
        system the driver can read
        """
        return self._set(modelPath=value)

    def getOutputCol(self) -> str:
        """The value of outputCol or its default: relevance, array<float> in the input's layout
        (images: height, width, channel in stored order, at the model's size)
        """
        return self.getOrDefault(self.outputCol)

    def setOutputCol(self, value: str) -> "LrpReport":
        """Sets outputCol: relevance, array<float> in the input's layout (images: height, width,
        channel in stored order, at the model's size)
        """
        return self._set(outputCol=value)

    def getPrecision(self) -> str:
        """The value of precision or its default: float32 or float64"""
        return self.getOrDefault(self.precision)

    def setPrecision(self, value: str) -> "LrpReport":
        """Sets precision: float32 or float64"""
        return self._set(precision=value)

    def getPredictionCol(self) -> str:
        """The value of predictionCol or its default: the predicted class (argmax of the outputs)"""
        return self.getOrDefault(self.predictionCol)

    def setPredictionCol(self, value: str) -> "LrpReport":
        """Sets predictionCol: the predicted class (argmax of the outputs)"""
        return self._set(predictionCol=value)

    def getRawPredictionCol(self) -> str:
        """The value of rawPredictionCol or its default: if set, the model's outputs per row,
        array<double> (its last layer's values: logits, or probabilities after a softmax)
        """
        return self.getOrDefault(self.rawPredictionCol)

    def setRawPredictionCol(self, value: str) -> "LrpReport":
        """Sets rawPredictionCol: if set, the model's outputs per row, array<double> (its last
        layer's values: logits, or probabilities after a softmax)
        """
        return self._set(rawPredictionCol=value)

    def getRelevanceSumCol(self) -> str:
        """The value of relevanceSumCol or its default: the sum of each row's relevance"""
        return self.getOrDefault(self.relevanceSumCol)

    def setRelevanceSumCol(self, value: str) -> "LrpReport":
        """Sets relevanceSumCol: the sum of each row's relevance"""
        return self._set(relevanceSumCol=value)

    def getResize(self) -> bool:
        """The value of resize or its default: resample images of another size to the model's
        (bilinear); else such images are invalid
        """
        return self.getOrDefault(self.resize)

    def setResize(self, value: bool) -> "LrpReport":
        """Sets resize: resample images of another size to the model's (bilinear); else such images
        are invalid
        """
        return self._set(resize=value)

    def getRule(self) -> str:
        """The value of rule or its default: one rule for every layer instead of a composite: z,
        epsilon:E, gamma:G, alphabeta:A:B, zplus, wsquare, flat, zbox:L:H
        """
        return self.getOrDefault(self.rule)

    def setRule(self, value: str) -> "LrpReport":
        """Sets rule: one rule for every layer instead of a composite: z, epsilon:E, gamma:G,
        alphabeta:A:B, zplus, wsquare, flat, zbox:L:H
        """
        return self._set(rule=value)

    def getScale(self) -> float:
        """The value of scale or its default: multiplies each pixel value (0 to 255) first"""
        return self.getOrDefault(self.scale)

    def setScale(self, value: float) -> "LrpReport":
        """Sets scale: multiplies each pixel value (0 to 255) first"""
        return self._set(scale=value)

    def getStd(self) -> List[float]:
        """The value of std or its default: divides after the mean: one value or one per model
        channel
        """
        return self.getOrDefault(self.std)

    def setStd(self, value: List[float]) -> "LrpReport":
        """Sets std: divides after the mean: one value or one per model channel"""
        return self._set(std=value)

    def getTargetClass(self) -> int:
        """The value of targetClass or its default: explain this class for every row (default: the
        predicted class)
        """
        return self.getOrDefault(self.targetClass)

    def setTargetClass(self, value: int) -> "LrpReport":
        """Sets targetClass: explain this class for every row (default: the predicted class)"""
        return self._set(targetClass=value)

    def getTargetCol(self) -> str:
        """The value of targetCol or its default: explain the class in this integer column, per row"""
        return self.getOrDefault(self.targetCol)

    def setTargetCol(self, value: str) -> "LrpReport":
        """Sets targetCol: explain the class in this integer column, per row"""
        return self._set(targetCol=value)

    def getTaskCpus(self) -> int:
        """The value of taskCpus or its default: if > 0, run this stage with a task resource
        profile of this many CPUs per task (stage-level scheduling; not in local mode)
        """
        return self.getOrDefault(self.taskCpus)

    def setTaskCpus(self, value: int) -> "LrpReport":
        """Sets taskCpus: if > 0, run this stage with a task resource profile of this many CPUs per
        task (stage-level scheduling; not in local mode)
        """
        return self._set(taskCpus=value)

    def getTaskGpus(self) -> float:
        """The value of taskGpus or its default: if > 0, run this stage with a task resource
        profile asking for this many GPUs per task (stage-level scheduling; not in local mode)
        """
        return self.getOrDefault(self.taskGpus)

    def setTaskGpus(self, value: float) -> "LrpReport":
        """Sets taskGpus: if > 0, run this stage with a task resource profile asking for this many
        GPUs per task (stage-level scheduling; not in local mode)
        """
        return self._set(taskGpus=value)

    def getZeroBias(self) -> bool:
        """The value of zeroBias or its default: leave biases out of every denominator
        (conservative rules then sum to the initial relevance)
        """
        return self.getOrDefault(self.zeroBias)

    def setZeroBias(self, value: bool) -> "LrpReport":
        """Sets zeroBias: leave biases out of every denominator (conservative rules then sum to the
        initial relevance)
        """
        return self._set(zeroBias=value)
