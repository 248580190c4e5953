# Generated from the Java stages by jobs/src/test/java/io/sparkxai/jobs/python/PythonStagesTest.java:
# do not edit. After changing a Java stage or param, regenerate with
#   mvn -B -q -pl jobs test -Dtest=PythonStagesTest -Dsparkxai.python.regenerate=true
# (the test fails while this file differs from what the Java stages give).
"""Python wrappers of the Spark ML stages of io.sparkxai.concepts."""

from typing import Any, List, Optional

from pyspark import keyword_only
from pyspark.ml.param import Param, Params, TypeConverters

from sparkxai._base import SparkXaiEstimator, SparkXaiModel, SparkXaiTransformer
from sparkxai._concepts import ConceptModelMethods, EntropyLogicMethods

__all__ = ["ConceptBottleneckClassifier", "ConceptBottleneckModel", "ConceptEmbeddingClassifier", "ConceptEmbeddingModel", "ConceptExplainer", "EntropyLogicExplainer", "EntropyLogicExplainerModel"]


class ConceptBottleneckClassifier(SparkXaiEstimator):
    """Fits a ``ConceptBottleneckModel`` (Koh et al. 2020, "Concept Bottleneck Models", ICML): an
    encoder from the features to concept probabilities (sigmoid), and a head from those
    probabilities to the task, trained with DJL on Spark. Modes:

    - ``joint``: both at once on ``conceptLossWeight·BCE(c) + taskLossWeight·L(y)``;

    - ``independent``: the encoder on the concepts; the head on the true concepts;

    - ``sequential``: the encoder on the concepts; the head on the encoder's outputs.

    The defaults are the blog recipe: encoder d→10→8→k, head k→8→classes, LeakyReLU, AdamW lr
    0.01, 2001 full-batch epochs, BCE(c) + 0.2·BCE(y). Binary labels get one logit, multiclass
    labels (0..C−1) a softmax.
    """

    _java_class = "io.sparkxai.concepts.ConceptBottleneckClassifier"

    activation: "Param[str]" = Param(
        Params._dummy(),
        "activation",
        "hidden-layer activation: leaky_relu, relu, tanh, sigmoid",
        typeConverter=TypeConverters.toString,
    )
    batchSize: "Param[int]" = Param(
        Params._dummy(),
        "batchSize",
        "rows per optimisation step; 0 = the whole shard (full batch)",
        typeConverter=TypeConverters.toInt,
    )
    conceptCols: "Param[List[str]]" = Param(
        Params._dummy(),
        "conceptCols",
        "numeric concept columns, values in [0, 1] (required to fit; a model's true concepts)",
        typeConverter=TypeConverters.toListString,
    )
    conceptLossWeight: "Param[float]" = Param(
        Params._dummy(),
        "conceptLossWeight",
        "weight of the concept loss (>= 0)",
        typeConverter=TypeConverters.toFloat,
    )
    conceptProbabilityCol: "Param[str]" = Param(
        Params._dummy(),
        "conceptProbabilityCol",
        "output column: the concept probabilities the head used (vector)",
        typeConverter=TypeConverters.toString,
    )
    encoderHiddenSizes: "Param[List[int]]" = Param(
        Params._dummy(),
        "encoderHiddenSizes",
        "hidden layer widths of the concept encoder",
        typeConverter=TypeConverters.toListInt,
    )
    epochs: "Param[int]" = Param(
        Params._dummy(),
        "epochs",
        "passes over the training data (>= 1)",
        typeConverter=TypeConverters.toInt,
    )
    epochsPerSync: "Param[int]" = Param(
        Params._dummy(),
        "epochsPerSync",
        "epochs each shard runs between parameter averages (>= 1)",
        typeConverter=TypeConverters.toInt,
    )
    featuresCol: "Param[str]" = Param(
        Params._dummy(),
        "featuresCol",
        "features column (vector or numeric array), used when inputCols is empty",
        typeConverter=TypeConverters.toString,
    )
    headHiddenSizes: "Param[List[int]]" = Param(
        Params._dummy(),
        "headHiddenSizes",
        "hidden layer widths of the task head",
        typeConverter=TypeConverters.toListInt,
    )
    inputCols: "Param[List[str]]" = Param(
        Params._dummy(),
        "inputCols",
        "numeric feature columns (take precedence over featuresCol)",
        typeConverter=TypeConverters.toListString,
    )
    labelCol: "Param[str]" = Param(
        Params._dummy(),
        "labelCol",
        "label column: class indices 0, 1, ...",
        typeConverter=TypeConverters.toString,
    )
    learningRate: "Param[float]" = Param(
        Params._dummy(),
        "learningRate",
        "AdamW learning rate (> 0)",
        typeConverter=TypeConverters.toFloat,
    )
    mode: "Param[str]" = Param(
        Params._dummy(),
        "mode",
        "how encoder and head are trained: independent, sequential, joint",
        typeConverter=TypeConverters.toString,
    )
    numShards: "Param[int]" = Param(
        Params._dummy(),
        "numShards",
        "shards trained in parallel with parameter averaging; 0 = ceil(rows / rowsPerShard)",
        typeConverter=TypeConverters.toInt,
    )
    predictionCol: "Param[str]" = Param(
        Params._dummy(),
        "predictionCol",
        "output column: predicted class index",
        typeConverter=TypeConverters.toString,
    )
    probabilityCol: "Param[str]" = Param(
        Params._dummy(),
        "probabilityCol",
        "output column: class probabilities (vector)",
        typeConverter=TypeConverters.toString,
    )
    rawPredictionCol: "Param[str]" = Param(
        Params._dummy(),
        "rawPredictionCol",
        "output column: class scores (vector)",
        typeConverter=TypeConverters.toString,
    )
    rowsPerShard: "Param[int]" = Param(
        Params._dummy(),
        "rowsPerShard",
        "rows per shard when numShards = 0 (>= 1)",
        typeConverter=TypeConverters.toInt,
    )
    seed: "Param[int]" = Param(
        Params._dummy(),
        "seed",
        "seed of the initialisation, batch order and random interventions",
        typeConverter=TypeConverters.toInt,
    )
    taskLossWeight: "Param[float]" = Param(
        Params._dummy(),
        "taskLossWeight",
        "weight of the task loss (>= 0)",
        typeConverter=TypeConverters.toFloat,
    )
    weightDecay: "Param[float]" = Param(
        Params._dummy(),
        "weightDecay",
        "AdamW decoupled weight decay (>= 0; PyTorch's default 0.01)",
        typeConverter=TypeConverters.toFloat,
    )

    @keyword_only
    def __init__(self, *,
        activation: str = "leaky_relu",
        batchSize: int = 0,
        conceptCols: Optional[List[str]] = None,
        conceptLossWeight: float = 1.0,
        conceptProbabilityCol: str = "conceptProbabilities",
        encoderHiddenSizes: List[int] = [10, 8],
        epochs: int = 2001,
        epochsPerSync: int = 10,
        featuresCol: str = "features",
        headHiddenSizes: List[int] = [8],
        inputCols: List[str] = [],
        labelCol: str = "label",
        learningRate: float = 0.01,
        mode: str = "joint",
        numShards: int = 0,
        predictionCol: str = "prediction",
        probabilityCol: str = "probability",
        rawPredictionCol: str = "rawPrediction",
        rowsPerShard: int = 100000,
        seed: int = -464280996,
        taskLossWeight: float = 0.2,
        weightDecay: float = 0.01,
    ) -> None:
        super().__init__()
        self._java_obj = self._new_java_obj(self._java_class, self.uid)
        self._setDefault(
            activation="leaky_relu",
            batchSize=0,
            conceptLossWeight=1.0,
            conceptProbabilityCol="conceptProbabilities",
            encoderHiddenSizes=[10, 8],
            epochs=2001,
            epochsPerSync=10,
            featuresCol="features",
            headHiddenSizes=[8],
            inputCols=[],
            labelCol="label",
            learningRate=0.01,
            mode="joint",
            numShards=0,
            predictionCol="prediction",
            probabilityCol="probability",
            rawPredictionCol="rawPrediction",
            rowsPerShard=100000,
            seed=-464280996,
            taskLossWeight=0.2,
            weightDecay=0.01,
        )
        self.setParams(**self._input_kwargs)

    @keyword_only
    def setParams(self, *,
        activation: str = "leaky_relu",
        batchSize: int = 0,
        conceptCols: Optional[List[str]] = None,
        conceptLossWeight: float = 1.0,
        conceptProbabilityCol: str = "conceptProbabilities",
        encoderHiddenSizes: List[int] = [10, 8],
        epochs: int = 2001,
        epochsPerSync: int = 10,
        featuresCol: str = "features",
        headHiddenSizes: List[int] = [8],
        inputCols: List[str] = [],
        labelCol: str = "label",
        learningRate: float = 0.01,
        mode: str = "joint",
        numShards: int = 0,
        predictionCol: str = "prediction",
        probabilityCol: str = "probability",
        rawPredictionCol: str = "rawPrediction",
        rowsPerShard: int = 100000,
        seed: int = -464280996,
        taskLossWeight: float = 0.2,
        weightDecay: float = 0.01,
    ) -> "ConceptBottleneckClassifier":
        """Sets the params given as keywords."""
        return self._set(**self._input_kwargs)

    def getActivation(self) -> str:
        """The value of activation or its default: hidden-layer activation: leaky_relu, relu, tanh,
        sigmoid
        """
        return self.getOrDefault(self.activation)

    def setActivation(self, value: str) -> "ConceptBottleneckClassifier":
        """Sets activation: hidden-layer activation: leaky_relu, relu, tanh, sigmoid"""
        return self._set(activation=value)

    def getBatchSize(self) -> int:
        """The value of batchSize or its default: rows per optimisation step; 0 = the whole shard
        (full batch)
        """
        return self.getOrDefault(self.batchSize)

    def setBatchSize(self, value: int) -> "ConceptBottleneckClassifier":
        """Sets batchSize: rows per optimisation step; 0 = the whole shard (full batch)"""
        return self._set(batchSize=value)

    def getConceptCols(self) -> List[str]:
        """The value of conceptCols or its default: numeric concept columns, values in [0, 1]
        (required to fit; a model's true concepts)
        """
        return self.getOrDefault(self.conceptCols)

    def setConceptCols(self, value: List[str]) -> "ConceptBottleneckClassifier":
        """Sets conceptCols: numeric concept columns, values in [0, 1] (required to fit; a model's
        true concepts)
        """
        return self._set(conceptCols=value)

    def getConceptLossWeight(self) -> float:
        """The value of conceptLossWeight or its default: weight of the concept loss (>= 0)"""
        return self.getOrDefault(self.conceptLossWeight)

    def setConceptLossWeight(self, value: float) -> "ConceptBottleneckClassifier":
        """Sets conceptLossWeight: weight of the concept loss (>= 0)"""
        return self._set(conceptLossWeight=value)

    def getConceptProbabilityCol(self) -> str:
        """The value of conceptProbabilityCol or its default: output column: the concept
        probabilities the head used (vector)
        """
        return self.getOrDefault(self.conceptProbabilityCol)

    def setConceptProbabilityCol(self, value: str) -> "ConceptBottleneckClassifier":
        """Sets conceptProbabilityCol: output column: the concept probabilities the head used
        (vector)
        """
        return self._set(conceptProbabilityCol=value)

    def getEncoderHiddenSizes(self) -> List[int]:
        """The value of encoderHiddenSizes or its default: hidden layer widths of the concept
        encoder
        """
        return self.getOrDefault(self.encoderHiddenSizes)

    def setEncoderHiddenSizes(self, value: List[int]) -> "ConceptBottleneckClassifier":
        """Sets encoderHiddenSizes: hidden layer widths of the concept encoder"""
        return self._set(encoderHiddenSizes=value)

    def getEpochs(self) -> int:
        """The value of epochs or its default: passes over the training data (>= 1)"""
        return self.getOrDefault(self.epochs)

    def setEpochs(self, value: int) -> "ConceptBottleneckClassifier":
        """Sets epochs: passes over the training data (>= 1)"""
        return self._set(epochs=value)

    def getEpochsPerSync(self) -> int:
        """The value of epochsPerSync or its default: epochs each shard runs between parameter
        averages (>= 1)
        """
        return self.getOrDefault(self.epochsPerSync)

    def setEpochsPerSync(self, value: int) -> "ConceptBottleneckClassifier":
        """Sets epochsPerSync: epochs each shard runs between parameter averages (>= 1)"""
        return self._set(epochsPerSync=value)

    def getFeaturesCol(self) -> str:
        """The value of featuresCol or its default: features column (vector or numeric array), used
        when inputCols is empty
        """
        return self.getOrDefault(self.featuresCol)

    def setFeaturesCol(self, value: str) -> "ConceptBottleneckClassifier":
        """Sets featuresCol: features column (vector or numeric array), used when inputCols is
        empty
        """
        return self._set(featuresCol=value)

    def getHeadHiddenSizes(self) -> List[int]:
        """The value of headHiddenSizes or its default: hidden layer widths of the task head"""
        return self.getOrDefault(self.headHiddenSizes)

    def setHeadHiddenSizes(self, value: List[int]) -> "ConceptBottleneckClassifier":
        """Sets headHiddenSizes: hidden layer widths of the task head"""
        return self._set(headHiddenSizes=value)

    def getInputCols(self) -> List[str]:
        """The value of inputCols or its default: numeric feature columns (take precedence over
        featuresCol)
        """
        return self.getOrDefault(self.inputCols)

    def setInputCols(self, value: List[str]) -> "ConceptBottleneckClassifier":
        """Sets inputCols: numeric feature columns (take precedence over featuresCol)"""
        return self._set(inputCols=value)

    def getLabelCol(self) -> str:
        """The value of labelCol or its default: label column: class indices 0, 1, ..."""
        return self.getOrDefault(self.labelCol)

    def setLabelCol(self, value: str) -> "ConceptBottleneckClassifier":
        """Sets labelCol: label column: class indices 0, 1, ..."""
        return self._set(labelCol=value)

    def getLearningRate(self) -> float:
        """The value of learningRate or its default: AdamW learning rate (> 0)"""
        return self.getOrDefault(self.learningRate)

    def setLearningRate(self, value: float) -> "ConceptBottleneckClassifier":
        """Sets learningRate: AdamW learning rate (> 0)"""
        return self._set(learningRate=value)

    def getMode(self) -> str:
        """The value of mode or its default: how encoder and head are trained: independent,
        sequential, joint
        """
        return self.getOrDefault(self.mode)

    def setMode(self, value: str) -> "ConceptBottleneckClassifier":
        """Sets mode: how encoder and head are trained: independent, sequential, joint"""
        return self._set(mode=value)

    def getNumShards(self) -> int:
        """The value of numShards or its default: shards trained in parallel with parameter
        averaging; 0 = ceil(rows / rowsPerShard)
        """
        return self.getOrDefault(self.numShards)

    def setNumShards(self, value: int) -> "ConceptBottleneckClassifier":
        """Sets numShards: shards trained in parallel with parameter averaging; 0 = ceil(rows /
        rowsPerShard)
        """
        return self._set(numShards=value)

    def getPredictionCol(self) -> str:
        """The value of predictionCol or its default: output column: predicted class index"""
        return self.getOrDefault(self.predictionCol)

    def setPredictionCol(self, value: str) -> "ConceptBottleneckClassifier":
        """Sets predictionCol: output column: predicted class index"""
        return self._set(predictionCol=value)

    def getProbabilityCol(self) -> str:
        """The value of probabilityCol or its default: output column: class probabilities (vector)"""
        return self.getOrDefault(self.probabilityCol)

    def setProbabilityCol(self, value: str) -> "ConceptBottleneckClassifier":
        """Sets probabilityCol: output column: class probabilities (vector)"""
        return self._set(probabilityCol=value)

    def getRawPredictionCol(self) -> str:
        """The value of rawPredictionCol or its default: output column: class scores (vector)"""
        return self.getOrDefault(self.rawPredictionCol)

    def setRawPredictionCol(self, value: str) -> "ConceptBottleneckClassifier":
        """Sets rawPredictionCol: output column: class scores (vector)"""
        return self._set(rawPredictionCol=value)

    def getRowsPerShard(self) -> int:
        """The value of rowsPerShard or its default: rows per shard when numShards = 0 (>= 1)"""
        return self.getOrDefault(self.rowsPerShard)

    def setRowsPerShard(self, value: int) -> "ConceptBottleneckClassifier":
        """Sets rowsPerShard: rows per shard when numShards = 0 (>= 1)"""
        return self._set(rowsPerShard=value)

    def getSeed(self) -> int:
        """The value of seed or its default: seed of the initialisation, batch order and random
        interventions
        """
        return self.getOrDefault(self.seed)

    def setSeed(self, value: int) -> "ConceptBottleneckClassifier":
        """Sets seed: seed of the initialisation, batch order and random interventions"""
        return self._set(seed=value)

    def getTaskLossWeight(self) -> float:
        """The value of taskLossWeight or its default: weight of the task loss (>= 0)"""
        return self.getOrDefault(self.taskLossWeight)

    def setTaskLossWeight(self, value: float) -> "ConceptBottleneckClassifier":
        """Sets taskLossWeight: weight of the task loss (>= 0)"""
        return self._set(taskLossWeight=value)

    def getWeightDecay(self) -> float:
        """The value of weightDecay or its default: AdamW decoupled weight decay (>= 0; PyTorch's
        default 0.01)
        """
        return self.getOrDefault(self.weightDecay)

    def setWeightDecay(self, value: float) -> "ConceptBottleneckClassifier":
        """Sets weightDecay: AdamW decoupled weight decay (>= 0; PyTorch's default 0.01)"""
        return self._set(weightDecay=value)

    def _create_model(self, java_model: Any) -> "ConceptBottleneckModel":
        return ConceptBottleneckModel(java_model)


class ConceptBottleneckModel(ConceptModelMethods, SparkXaiModel):
    """A fitted ``ConceptBottleneckClassifier``: see ``ConceptModel`` for its outputs,
    interventions and evaluation. Saved as Spark metadata, a versioned network.json and Parquet
    weights.
    """

    _java_class = "io.sparkxai.concepts.ConceptBottleneckModel"

    conceptCols: "Param[List[str]]" = Param(
        Params._dummy(),
        "conceptCols",
        "numeric concept columns, values in [0, 1] (required to fit; a model's true concepts)",
        typeConverter=TypeConverters.toListString,
    )
    conceptProbabilityCol: "Param[str]" = Param(
        Params._dummy(),
        "conceptProbabilityCol",
        "output column: the concept probabilities the head used (vector)",
        typeConverter=TypeConverters.toString,
    )
    featuresCol: "Param[str]" = Param(
        Params._dummy(),
        "featuresCol",
        "features column (vector or numeric array), used when inputCols is empty",
        typeConverter=TypeConverters.toString,
    )
    inputCols: "Param[List[str]]" = Param(
        Params._dummy(),
        "inputCols",
        "numeric feature columns (take precedence over featuresCol)",
        typeConverter=TypeConverters.toListString,
    )
    interventionCount: "Param[int]" = Param(
        Params._dummy(),
        "interventionCount",
        "concepts to intervene on under the policy (>= 0)",
        typeConverter=TypeConverters.toInt,
    )
    interventionMaskCol: "Param[str]" = Param(
        Params._dummy(),
        "interventionMaskCol",
        "column (vector, numeric or boolean array) marking the concepts to intervene on per row; empty = none",
        typeConverter=TypeConverters.toString,
    )
    interventionPolicy: "Param[str]" = Param(
        Params._dummy(),
        "interventionPolicy",
        "concepts to intervene on when no mask column is set: none, random, uncertainty (most uncertain first)",
        typeConverter=TypeConverters.toString,
    )
    interventionSeed: "Param[int]" = Param(
        Params._dummy(),
        "interventionSeed",
        "seed of the random intervention policy",
        typeConverter=TypeConverters.toInt,
    )
    labelCol: "Param[str]" = Param(
        Params._dummy(),
        "labelCol",
        "label column: class indices 0, 1, ...",
        typeConverter=TypeConverters.toString,
    )
    predictionCol: "Param[str]" = Param(
        Params._dummy(),
        "predictionCol",
        "output column: predicted class index",
        typeConverter=TypeConverters.toString,
    )
    probabilityCol: "Param[str]" = Param(
        Params._dummy(),
        "probabilityCol",
        "output column: class probabilities (vector)",
        typeConverter=TypeConverters.toString,
    )
    rawPredictionCol: "Param[str]" = Param(
        Params._dummy(),
        "rawPredictionCol",
        "output column: class scores (vector)",
        typeConverter=TypeConverters.toString,
    )
    trueConceptsCol: "Param[str]" = Param(
        Params._dummy(),
        "trueConceptsCol",
        "column of true concept values (vector or array) for interventions; empty = use conceptCols",
        typeConverter=TypeConverters.toString,
    )

    def __init__(self, java_model: Optional[Any] = None) -> None:
        super().__init__(java_model)
        self._setDefault(
            conceptCols=[],
            conceptProbabilityCol="conceptProbabilities",
            featuresCol="features",
            inputCols=[],
            interventionCount=0,
            interventionMaskCol="",
            interventionPolicy="none",
            interventionSeed=0,
            labelCol="label",
            predictionCol="prediction",
            probabilityCol="probability",
            rawPredictionCol="rawPrediction",
            trueConceptsCol="",
        )

    def getConceptCols(self) -> List[str]:
        """The value of conceptCols or its default: numeric concept columns, values in [0, 1]
        (required to fit; a model's true concepts)
        """
        return self.getOrDefault(self.conceptCols)

    def setConceptCols(self, value: List[str]) -> "ConceptBottleneckModel":
        """Sets conceptCols: numeric concept columns, values in [0, 1] (required to fit; a model's
        true concepts)
        """
        return self._set(conceptCols=value)

    def getConceptProbabilityCol(self) -> str:
        """The value of conceptProbabilityCol or its default: output column: the concept
        probabilities the head used (vector)
        """
        return self.getOrDefault(self.conceptProbabilityCol)

    def setConceptProbabilityCol(self, value: str) -> "ConceptBottleneckModel":
        """Sets conceptProbabilityCol: output column: the concept probabilities the head used
        (vector)
        """
        return self._set(conceptProbabilityCol=value)

    def getFeaturesCol(self) -> str:
        """The value of featuresCol or its default: features column (vector or numeric array), used
        when inputCols is empty
        """
        return self.getOrDefault(self.featuresCol)

    def setFeaturesCol(self, value: str) -> "ConceptBottleneckModel":
        """Sets featuresCol: features column (vector or numeric array), used when inputCols is
        empty
        """
        return self._set(featuresCol=value)

    def getInputCols(self) -> List[str]:
        """The value of inputCols or its default: numeric feature columns (take precedence over
        featuresCol)
        """
        return self.getOrDefault(self.inputCols)

    def setInputCols(self, value: List[str]) -> "ConceptBottleneckModel":
        """Sets inputCols: numeric feature columns (take precedence over featuresCol)"""
        return self._set(inputCols=value)

    def getInterventionCount(self) -> int:
        """The value of interventionCount or its default: concepts to intervene on under the policy
        (>= 0)
        """
        return self.getOrDefault(self.interventionCount)

    def setInterventionCount(self, value: int) -> "ConceptBottleneckModel":
        """Sets interventionCount: concepts to intervene on under the policy (>= 0)"""
        return self._set(interventionCount=value)

    def getInterventionMaskCol(self) -> str:
        """The value of interventionMaskCol or its default: column (vector, numeric or boolean
        array) marking the concepts to intervene on per row; empty = none
        """
        return self.getOrDefault(self.interventionMaskCol)

    def setInterventionMaskCol(self, value: str) -> "ConceptBottleneckModel":
        """Sets interventionMaskCol: column (vector, numeric or boolean array) marking the concepts
        to intervene on per row; empty = none
        """
        return self._set(interventionMaskCol=value)

    def getInterventionPolicy(self) -> str:
        """The value of interventionPolicy or its default: concepts to intervene on when no mask
        column is set: none, random, uncertainty (most uncertain first)
        """
        return self.getOrDefault(self.interventionPolicy)

    def setInterventionPolicy(self, value: str) -> "ConceptBottleneckModel":
        """Sets interventionPolicy: concepts to intervene on when no mask column is set: none,
        random, uncertainty (most uncertain first)
        """
        return self._set(interventionPolicy=value)

    def getInterventionSeed(self) -> int:
        """The value of interventionSeed or its default: seed of the random intervention policy"""
        return self.getOrDefault(self.interventionSeed)

    def setInterventionSeed(self, value: int) -> "ConceptBottleneckModel":
        """Sets interventionSeed: seed of the random intervention policy"""
        return self._set(interventionSeed=value)

    def getLabelCol(self) -> str:
        """The value of labelCol or its default: label column: class indices 0, 1, ..."""
        return self.getOrDefault(self.labelCol)

    def setLabelCol(self, value: str) -> "ConceptBottleneckModel":
        """Sets labelCol: label column: class indices 0, 1, ..."""
        return self._set(labelCol=value)

    def getPredictionCol(self) -> str:
        """The value of predictionCol or its default: output column: predicted class index"""
        return self.getOrDefault(self.predictionCol)

    def setPredictionCol(self, value: str) -> "ConceptBottleneckModel":
        """Sets predictionCol: output column: predicted class index"""
        return self._set(predictionCol=value)

    def getProbabilityCol(self) -> str:
        """The value of probabilityCol or its default: output column: class probabilities (vector)"""
        return self.getOrDefault(self.probabilityCol)

    def setProbabilityCol(self, value: str) -> "ConceptBottleneckModel":
        """Sets probabilityCol: output column: class probabilities (vector)"""
        return self._set(probabilityCol=value)

    def getRawPredictionCol(self) -> str:
        """The value of rawPredictionCol or its default: output column: class scores (vector)"""
        return self.getOrDefault(self.rawPredictionCol)

    def setRawPredictionCol(self, value: str) -> "ConceptBottleneckModel":
        """Sets rawPredictionCol: output column: class scores (vector)"""
        return self._set(rawPredictionCol=value)

    def getTrueConceptsCol(self) -> str:
        """The value of trueConceptsCol or its default: column of true concept values (vector or
        array) for interventions; empty = use conceptCols
        """
        return self.getOrDefault(self.trueConceptsCol)

    def setTrueConceptsCol(self, value: str) -> "ConceptBottleneckModel":
        """Sets trueConceptsCol: column of true concept values (vector or array) for interventions;
        empty = use conceptCols
        """
        return self._set(trueConceptsCol=value)


class ConceptEmbeddingClassifier(SparkXaiEstimator):
    """Fits a ``ConceptEmbeddingModel`` (Espinosa Zarlenga et al. 2022, "Concept Embedding Models:
    Beyond the Accuracy-Explainability Trade-Off", NeurIPS): each concept has two learned
    embeddings (active, inactive) mixed by its predicted probability, and the head reads the
    mixed embeddings — as accurate as a black box where a bottleneck's scalar concepts lose task
    information, and still open to interventions (the true value replaces the probability in the
    mix). Trained jointly with RandInt: during training each concept of each row is intervened
    on with probability ``interventionProbability`` (0.25), which teaches the head to use
    interventions. Defaults: encoder d→10, embeddings of 8 per concept, head k·8→classes
    (torch_explain's tutorial; this estimator's defaults of ``encoderHiddenSizes`` and
    ``headHiddenSizes``), loss BCE(c) + 0.2·BCE(y), AdamW lr 0.01, 2001 full-batch epochs.
    """

    _java_class = "io.sparkxai.concepts.ConceptEmbeddingClassifier"

    activation: "Param[str]" = Param(
        Params._dummy(),
        "activation",
        "hidden-layer activation: leaky_relu, relu, tanh, sigmoid",
        typeConverter=TypeConverters.toString,
    )
    batchSize: "Param[int]" = Param(
        Params._dummy(),
        "batchSize",
        "rows per optimisation step; 0 = the whole shard (full batch)",
        typeConverter=TypeConverters.toInt,
    )
    conceptCols: "Param[List[str]]" = Param(
        Params._dummy(),
        "conceptCols",
        "numeric concept columns, values in [0, 1] (required to fit; a model's true concepts)",
        typeConverter=TypeConverters.toListString,
    )
    conceptLossWeight: "Param[float]" = Param(
        Params._dummy(),
        "conceptLossWeight",
        "weight of the concept loss (>= 0)",
        typeConverter=TypeConverters.toFloat,
    )
    conceptProbabilityCol: "Param[str]" = Param(
        Params._dummy(),
        "conceptProbabilityCol",
        "output column: the concept probabilities the head used (vector)",
        typeConverter=TypeConverters.toString,
    )
    embeddingSize: "Param[int]" = Param(
        Params._dummy(),
        "embeddingSize",
        "width of each concept's two embeddings (>= 1)",
        typeConverter=TypeConverters.toInt,
    )
    encoderHiddenSizes: "Param[List[int]]" = Param(
        Params._dummy(),
        "encoderHiddenSizes",
        "hidden layer widths of the concept encoder",
        typeConverter=TypeConverters.toListInt,
    )
    epochs: "Param[int]" = Param(
        Params._dummy(),
        "epochs",
        "passes over the training data (>= 1)",
        typeConverter=TypeConverters.toInt,
    )
    epochsPerSync: "Param[int]" = Param(
        Params._dummy(),
        "epochsPerSync",
        "epochs each shard runs between parameter averages (>= 1)",
        typeConverter=TypeConverters.toInt,
    )
    featuresCol: "Param[str]" = Param(
        Params._dummy(),
        "featuresCol",
        "features column (vector or numeric array), used when inputCols is empty",
        typeConverter=TypeConverters.toString,
    )
    headHiddenSizes: "Param[List[int]]" = Param(
        Params._dummy(),
        "headHiddenSizes",
        "hidden layer widths of the task head",
        typeConverter=TypeConverters.toListInt,
    )
    inputCols: "Param[List[str]]" = Param(
        Params._dummy(),
        "inputCols",
        "numeric feature columns (take precedence over featuresCol)",
        typeConverter=TypeConverters.toListString,
    )
    interventionProbability: "Param[float]" = Param(
        Params._dummy(),
        "interventionProbability",
        "RandInt: probability of intervening on each concept of each training row, in [0, 1]",
        typeConverter=TypeConverters.toFloat,
    )
    labelCol: "Param[str]" = Param(
        Params._dummy(),
        "labelCol",
        "label column: class indices 0, 1, ...",
        typeConverter=TypeConverters.toString,
    )
    learningRate: "Param[float]" = Param(
        Params._dummy(),
        "learningRate",
        "AdamW learning rate (> 0)",
        typeConverter=TypeConverters.toFloat,
    )
    numShards: "Param[int]" = Param(
        Params._dummy(),
        "numShards",
        "shards trained in parallel with parameter averaging; 0 = ceil(rows / rowsPerShard)",
        typeConverter=TypeConverters.toInt,
    )
    predictionCol: "Param[str]" = Param(
        Params._dummy(),
        "predictionCol",
        "output column: predicted class index",
        typeConverter=TypeConverters.toString,
    )
    probabilityCol: "Param[str]" = Param(
        Params._dummy(),
        "probabilityCol",
        "output column: class probabilities (vector)",
        typeConverter=TypeConverters.toString,
    )
    rawPredictionCol: "Param[str]" = Param(
        Params._dummy(),
        "rawPredictionCol",
        "output column: class scores (vector)",
        typeConverter=TypeConverters.toString,
    )
    rowsPerShard: "Param[int]" = Param(
        Params._dummy(),
        "rowsPerShard",
        "rows per shard when numShards = 0 (>= 1)",
        typeConverter=TypeConverters.toInt,
    )
    seed: "Param[int]" = Param(
        Params._dummy(),
        "seed",
        "seed of the initialisation, batch order and random interventions",
        typeConverter=TypeConverters.toInt,
    )
    taskLossWeight: "Param[float]" = Param(
        Params._dummy(),
        "taskLossWeight",
        "weight of the task loss (>= 0)",
        typeConverter=TypeConverters.toFloat,
    )
    weightDecay: "Param[float]" = Param(
        Params._dummy(),
        "weightDecay",
        "AdamW decoupled weight decay (>= 0; PyTorch's default 0.01)",
        typeConverter=TypeConverters.toFloat,
    )

    @keyword_only
    def __init__(self, *,
        activation: str = "leaky_relu",
        batchSize: int = 0,
        conceptCols: Optional[List[str]] = None,
        conceptLossWeight: float = 1.0,
        conceptProbabilityCol: str = "conceptProbabilities",
        embeddingSize: int = 8,
        encoderHiddenSizes: List[int] = [10],
        epochs: int = 2001,
        epochsPerSync: int = 10,
        featuresCol: str = "features",
        headHiddenSizes: List[int] = [],
        inputCols: List[str] = [],
        interventionProbability: float = 0.25,
        labelCol: str = "label",
        learningRate: float = 0.01,
        numShards: int = 0,
        predictionCol: str = "prediction",
        probabilityCol: str = "probability",
        rawPredictionCol: str = "rawPrediction",
        rowsPerShard: int = 100000,
        seed: int = -1698316358,
        taskLossWeight: float = 0.2,
        weightDecay: float = 0.01,
    ) -> None:
        super().__init__()
        self._java_obj = self._new_java_obj(self._java_class, self.uid)
        self._setDefault(
            activation="leaky_relu",
            batchSize=0,
            conceptLossWeight=1.0,
            conceptProbabilityCol="conceptProbabilities",
            embeddingSize=8,
            encoderHiddenSizes=[10],
            epochs=2001,
            epochsPerSync=10,
            featuresCol="features",
            headHiddenSizes=[],
            inputCols=[],
            interventionProbability=0.25,
            labelCol="label",
            learningRate=0.01,
            numShards=0,
            predictionCol="prediction",
            probabilityCol="probability",
            rawPredictionCol="rawPrediction",
            rowsPerShard=100000,
            seed=-1698316358,
            taskLossWeight=0.2,
            weightDecay=0.01,
        )
        self.setParams(**self._input_kwargs)

    @keyword_only
    def setParams(self, *,
        activation: str = "leaky_relu",
        batchSize: int = 0,
        conceptCols: Optional[List[str]] = None,
        conceptLossWeight: float = 1.0,
        conceptProbabilityCol: str = "conceptProbabilities",
        embeddingSize: int = 8,
        encoderHiddenSizes: List[int] = [10],
        epochs: int = 2001,
        epochsPerSync: int = 10,
        featuresCol: str = "features",
        headHiddenSizes: List[int] = [],
        inputCols: List[str] = [],
        interventionProbability: float = 0.25,
        labelCol: str = "label",
        learningRate: float = 0.01,
        numShards: int = 0,
        predictionCol: str = "prediction",
        probabilityCol: str = "probability",
        rawPredictionCol: str = "rawPrediction",
        rowsPerShard: int = 100000,
        seed: int = -1698316358,
        taskLossWeight: float = 0.2,
        weightDecay: float = 0.01,
    ) -> "ConceptEmbeddingClassifier":
        """Sets the params given as keywords."""
        return self._set(**self._input_kwargs)

    def getActivation(self) -> str:
        """The value of activation or its default: hidden-layer activation: leaky_relu, relu, tanh,
        sigmoid
        """
        return self.getOrDefault(self.activation)

    def setActivation(self, value: str) -> "ConceptEmbeddingClassifier":
        """Sets activation: hidden-layer activation: leaky_relu, relu, tanh, sigmoid"""
        return self._set(activation=value)

    def getBatchSize(self) -> int:
        """The value of batchSize or its default: rows per optimisation step; 0 = the whole shard
        (full batch)
        """
        return self.getOrDefault(self.batchSize)

    def setBatchSize(self, value: int) -> "ConceptEmbeddingClassifier":
        """Sets batchSize: rows per optimisation step; 0 = the whole shard (full batch)"""
        return self._set(batchSize=value)

    def getConceptCols(self) -> List[str]:
        """The value of conceptCols or its default: numeric concept columns, values in [0, 1]
        (required to fit; a model's true concepts)
        """
        return self.getOrDefault(self.conceptCols)

    def setConceptCols(self, value: List[str]) -> "ConceptEmbeddingClassifier":
        """Sets conceptCols: numeric concept columns, values in [0, 1] (required to fit; a model's
        true concepts)
        """
        return self._set(conceptCols=value)

    def getConceptLossWeight(self) -> float:
        """The value of conceptLossWeight or its default: weight of the concept loss (>= 0)"""
        return self.getOrDefault(self.conceptLossWeight)

    def setConceptLossWeight(self, value: float) -> "ConceptEmbeddingClassifier":
        """Sets conceptLossWeight: weight of the concept loss (>= 0)"""
        return self._set(conceptLossWeight=value)

    def getConceptProbabilityCol(self) -> str:
        """The value of conceptProbabilityCol or its default: output column: the concept
        probabilities the head used (vector)
        """
        return self.getOrDefault(self.conceptProbabilityCol)

    def setConceptProbabilityCol(self, value: str) -> "ConceptEmbeddingClassifier":
        """Sets conceptProbabilityCol: output column: the concept probabilities the head used
        (vector)
        """
        return self._set(conceptProbabilityCol=value)

    def getEmbeddingSize(self) -> int:
        """The value of embeddingSize or its default: width of each concept's two embeddings (>= 1)"""
        return self.getOrDefault(self.embeddingSize)

    def setEmbeddingSize(self, value: int) -> "ConceptEmbeddingClassifier":
        """Sets embeddingSize: width of each concept's two embeddings (>= 1)"""
        return self._set(embeddingSize=value)

    def getEncoderHiddenSizes(self) -> List[int]:
        """The value of encoderHiddenSizes or its default: hidden layer widths of the concept
        encoder
        """
        return self.getOrDefault(self.encoderHiddenSizes)

    def setEncoderHiddenSizes(self, value: List[int]) -> "ConceptEmbeddingClassifier":
        """Sets encoderHiddenSizes: hidden layer widths of the concept encoder"""
        return self._set(encoderHiddenSizes=value)

    def getEpochs(self) -> int:
        """The value of epochs or its default: passes over the training data (>= 1)"""
        return self.getOrDefault(self.epochs)

    def setEpochs(self, value: int) -> "ConceptEmbeddingClassifier":
        """Sets epochs: passes over the training data (>= 1)"""
        return self._set(epochs=value)

    def getEpochsPerSync(self) -> int:
        """The value of epochsPerSync or its default: epochs each shard runs between parameter
        averages (>= 1)
        """
        return self.getOrDefault(self.epochsPerSync)

    def setEpochsPerSync(self, value: int) -> "ConceptEmbeddingClassifier":
        """Sets epochsPerSync: epochs each shard runs between parameter averages (>= 1)"""
        return self._set(epochsPerSync=value)

    def getFeaturesCol(self) -> str:
        """The value of featuresCol or its default: features column (vector or numeric array), used
        when inputCols is empty
        """
        return self.getOrDefault(self.featuresCol)

    def setFeaturesCol(self, value: str) -> "ConceptEmbeddingClassifier":
        """Sets featuresCol: features column (vector or numeric array), used when inputCols is
        empty
        """
        return self._set(featuresCol=value)

    def getHeadHiddenSizes(self) -> List[int]:
        """The value of headHiddenSizes or its default: hidden layer widths of the task head"""
        return self.getOrDefault(self.headHiddenSizes)

    def setHeadHiddenSizes(self, value: List[int]) -> "ConceptEmbeddingClassifier":
        """Sets headHiddenSizes: hidden layer widths of the task head"""
        return self._set(headHiddenSizes=value)

    def getInputCols(self) -> List[str]:
        """The value of inputCols or its default: numeric feature columns (take precedence over
        featuresCol)
        """
        return self.getOrDefault(self.inputCols)

    def setInputCols(self, value: List[str]) -> "ConceptEmbeddingClassifier":
        """Sets inputCols: numeric feature columns (take precedence over featuresCol)"""
        return self._set(inputCols=value)

    def getInterventionProbability(self) -> float:
        """The value of interventionProbability or its default: RandInt: probability of intervening
        on each concept of each training row, in [0, 1]
        """
        return self.getOrDefault(self.interventionProbability)

    def setInterventionProbability(self, value: float) -> "ConceptEmbeddingClassifier":
        """Sets interventionProbability: RandInt: probability of intervening on each concept of
        each training row, in [0, 1]
        """
        return self._set(interventionProbability=value)

    def getLabelCol(self) -> str:
        """The value of labelCol or its default: label column: class indices 0, 1, ..."""
        return self.getOrDefault(self.labelCol)

    def setLabelCol(self, value: str) -> "ConceptEmbeddingClassifier":
        """Sets labelCol: label column: class indices 0, 1, ..."""
        return self._set(labelCol=value)

    def getLearningRate(self) -> float:
        """The value of learningRate or its default: AdamW learning rate (> 0)"""
        return self.getOrDefault(self.learningRate)

    def setLearningRate(self, value: float) -> "ConceptEmbeddingClassifier":
        """Sets learningRate: AdamW learning rate (> 0)"""
        return self._set(learningRate=value)

    def getNumShards(self) -> int:
        """The value of numShards or its default: shards trained in parallel with parameter
        averaging; 0 = ceil(rows / rowsPerShard)
        """
        return self.getOrDefault(self.numShards)

    def setNumShards(self, value: int) -> "ConceptEmbeddingClassifier":
        """Sets numShards: shards trained in parallel with parameter averaging; 0 = ceil(rows /
        rowsPerShard)
        """
        return self._set(numShards=value)

    def getPredictionCol(self) -> str:
        """The value of predictionCol or its default: output column: predicted class index"""
        return self.getOrDefault(self.predictionCol)

    def setPredictionCol(self, value: str) -> "ConceptEmbeddingClassifier":
        """Sets predictionCol: output column: predicted class index"""
        return self._set(predictionCol=value)

    def getProbabilityCol(self) -> str:
        """The value of probabilityCol or its default: output column: class probabilities (vector)"""
        return self.getOrDefault(self.probabilityCol)

    def setProbabilityCol(self, value: str) -> "ConceptEmbeddingClassifier":
        """Sets probabilityCol: output column: class probabilities (vector)"""
        return self._set(probabilityCol=value)

    def getRawPredictionCol(self) -> str:
        """The value of rawPredictionCol or its default: output column: class scores (vector)"""
        return self.getOrDefault(self.rawPredictionCol)

    def setRawPredictionCol(self, value: str) -> "ConceptEmbeddingClassifier":
        """Sets rawPredictionCol: output column: class scores (vector)"""
        return self._set(rawPredictionCol=value)

    def getRowsPerShard(self) -> int:
        """The value of rowsPerShard or its default: rows per shard when numShards = 0 (>= 1)"""
        return self.getOrDefault(self.rowsPerShard)

    def setRowsPerShard(self, value: int) -> "ConceptEmbeddingClassifier":
        """Sets rowsPerShard: rows per shard when numShards = 0 (>= 1)"""
        return self._set(rowsPerShard=value)

    def getSeed(self) -> int:
        """The value of seed or its default: seed of the initialisation, batch order and random
        interventions
        """
        return self.getOrDefault(self.seed)

    def setSeed(self, value: int) -> "ConceptEmbeddingClassifier":
        """Sets seed: seed of the initialisation, batch order and random interventions"""
        return self._set(seed=value)

    def getTaskLossWeight(self) -> float:
        """The value of taskLossWeight or its default: weight of the task loss (>= 0)"""
        return self.getOrDefault(self.taskLossWeight)

    def setTaskLossWeight(self, value: float) -> "ConceptEmbeddingClassifier":
        """Sets taskLossWeight: weight of the task loss (>= 0)"""
        return self._set(taskLossWeight=value)

    def getWeightDecay(self) -> float:
        """The value of weightDecay or its default: AdamW decoupled weight decay (>= 0; PyTorch's
        default 0.01)
        """
        return self.getOrDefault(self.weightDecay)

    def setWeightDecay(self, value: float) -> "ConceptEmbeddingClassifier":
        """Sets weightDecay: AdamW decoupled weight decay (>= 0; PyTorch's default 0.01)"""
        return self._set(weightDecay=value)

    def _create_model(self, java_model: Any) -> "ConceptEmbeddingModel":
        return ConceptEmbeddingModel(java_model)


class ConceptEmbeddingModel(ConceptModelMethods, SparkXaiModel):
    """A fitted ``ConceptEmbeddingClassifier``: see ``ConceptModel`` for its outputs, interventions
    and evaluation. Saved as Spark metadata, a versioned network.json and Parquet weights.
    """

    _java_class = "io.sparkxai.concepts.ConceptEmbeddingModel"

    conceptCols: "Param[List[str]]" = Param(
        Params._dummy(),
        "conceptCols",
        "numeric concept columns, values in [0, 1] (required to fit; a model's true concepts)",
        typeConverter=TypeConverters.toListString,
    )
    conceptProbabilityCol: "Param[str]" = Param(
        Params._dummy(),
        "conceptProbabilityCol",
        "output column: the concept probabilities the head used (vector)",
        typeConverter=TypeConverters.toString,
    )
    featuresCol: "Param[str]" = Param(
        Params._dummy(),
        "featuresCol",
        "features column (vector or numeric array), used when inputCols is empty",
        typeConverter=TypeConverters.toString,
    )
    inputCols: "Param[List[str]]" = Param(
        Params._dummy(),
        "inputCols",
        "numeric feature columns (take precedence over featuresCol)",
        typeConverter=TypeConverters.toListString,
    )
    interventionCount: "Param[int]" = Param(
        Params._dummy(),
        "interventionCount",
        "concepts to intervene on under the policy (>= 0)",
        typeConverter=TypeConverters.toInt,
    )
    interventionMaskCol: "Param[str]" = Param(
        Params._dummy(),
        "interventionMaskCol",
        "column (vector, numeric or boolean array) marking the concepts to intervene on per row; empty = none",
        typeConverter=TypeConverters.toString,
    )
    interventionPolicy: "Param[str]" = Param(
        Params._dummy(),
        "interventionPolicy",
        "concepts to intervene on when no mask column is set: none, random, uncertainty (most uncertain first)",
        typeConverter=TypeConverters.toString,
    )
    interventionSeed: "Param[int]" = Param(
        Params._dummy(),
        "interventionSeed",
        "seed of the random intervention policy",
        typeConverter=TypeConverters.toInt,
    )
    labelCol: "Param[str]" = Param(
        Params._dummy(),
        "labelCol",
        "label column: class indices 0, 1, ...",
        typeConverter=TypeConverters.toString,
    )
    predictionCol: "Param[str]" = Param(
        Params._dummy(),
        "predictionCol",
        "output column: predicted class index",
        typeConverter=TypeConverters.toString,
    )
    probabilityCol: "Param[str]" = Param(
        Params._dummy(),
        "probabilityCol",
        "output column: class probabilities (vector)",
        typeConverter=TypeConverters.toString,
    )
    rawPredictionCol: "Param[str]" = Param(
        Params._dummy(),
        "rawPredictionCol",
        "output column: class scores (vector)",
        typeConverter=TypeConverters.toString,
    )
    trueConceptsCol: "Param[str]" = Param(
        Params._dummy(),
        "trueConceptsCol",
        "column of true concept values (vector or array) for interventions; empty = use conceptCols",
        typeConverter=TypeConverters.toString,
    )

    def __init__(self, java_model: Optional[Any] = None) -> None:
        super().__init__(java_model)
        self._setDefault(
            conceptCols=[],
            conceptProbabilityCol="conceptProbabilities",
            featuresCol="features",
            inputCols=[],
            interventionCount=0,
            interventionMaskCol="",
            interventionPolicy="none",
            interventionSeed=0,
            labelCol="label",
            predictionCol="prediction",
            probabilityCol="probability",
            rawPredictionCol="rawPrediction",
            trueConceptsCol="",
        )

    def getConceptCols(self) -> List[str]:
        """The value of conceptCols or its default: numeric concept columns, values in [0, 1]
        (required to fit; a model's true concepts)
        """
        return self.getOrDefault(self.conceptCols)

    def setConceptCols(self, value: List[str]) -> "ConceptEmbeddingModel":
        """Sets conceptCols: numeric concept columns, values in [0, 1] (required to fit; a model's
        true concepts)
        """
        return self._set(conceptCols=value)

    def getConceptProbabilityCol(self) -> str:
        """The value of conceptProbabilityCol or its default: output column: the concept
        probabilities the head used (vector)
        """
        return self.getOrDefault(self.conceptProbabilityCol)

    def setConceptProbabilityCol(self, value: str) -> "ConceptEmbeddingModel":
        """Sets conceptProbabilityCol: output column: the concept probabilities the head used
        (vector)
        """
        return self._set(conceptProbabilityCol=value)

    def getFeaturesCol(self) -> str:
        """The value of featuresCol or its default: features column (vector or numeric array), used
        when inputCols is empty
        """
        return self.getOrDefault(self.featuresCol)

    def setFeaturesCol(self, value: str) -> "ConceptEmbeddingModel":
        """Sets featuresCol: features column (vector or numeric array), used when inputCols is
        empty
        """
        return self._set(featuresCol=value)

    def getInputCols(self) -> List[str]:
        """The value of inputCols or its default: numeric feature columns (take precedence over
        featuresCol)
        """
        return self.getOrDefault(self.inputCols)

    def setInputCols(self, value: List[str]) -> "ConceptEmbeddingModel":
        """Sets inputCols: numeric feature columns (take precedence over featuresCol)"""
        return self._set(inputCols=value)

    def getInterventionCount(self) -> int:
        """The value of interventionCount or its default: concepts to intervene on under the policy
        (>= 0)
        """
        return self.getOrDefault(self.interventionCount)

    def setInterventionCount(self, value: int) -> "ConceptEmbeddingModel":
        """Sets interventionCount: concepts to intervene on under the policy (>= 0)"""
        return self._set(interventionCount=value)

    def getInterventionMaskCol(self) -> str:
        """The value of interventionMaskCol or its default: column (vector, numeric or boolean
        array) marking the concepts to intervene on per row; empty = none
        """
        return self.getOrDefault(self.interventionMaskCol)

    def setInterventionMaskCol(self, value: str) -> "ConceptEmbeddingModel":
        """Sets interventionMaskCol: column (vector, numeric or boolean array) marking the concepts
        to intervene on per row; empty = none
        """
        return self._set(interventionMaskCol=value)

    def getInterventionPolicy(self) -> str:
        """The value of interventionPolicy or its default: concepts to intervene on when no mask
        column is set: none, random, uncertainty (most uncertain first)
        """
        return self.getOrDefault(self.interventionPolicy)

    def setInterventionPolicy(self, value: str) -> "ConceptEmbeddingModel":
        """Sets interventionPolicy: concepts to intervene on when no mask column is set: none,
        random, uncertainty (most uncertain first)
        """
        return self._set(interventionPolicy=value)

    def getInterventionSeed(self) -> int:
        """The value of interventionSeed or its default: seed of the random intervention policy"""
        return self.getOrDefault(self.interventionSeed)

    def setInterventionSeed(self, value: int) -> "ConceptEmbeddingModel":
        """Sets interventionSeed: seed of the random intervention policy"""
        return self._set(interventionSeed=value)

    def getLabelCol(self) -> str:
        """The value of labelCol or its default: label column: class indices 0, 1, ..."""
        return self.getOrDefault(self.labelCol)

    def setLabelCol(self, value: str) -> "ConceptEmbeddingModel":
        """Sets labelCol: label column: class indices 0, 1, ..."""
        return self._set(labelCol=value)

    def getPredictionCol(self) -> str:
        """The value of predictionCol or its default: output column: predicted class index"""
        return self.getOrDefault(self.predictionCol)

    def setPredictionCol(self, value: str) -> "ConceptEmbeddingModel":
        """Sets predictionCol: output column: predicted class index"""
        return self._set(predictionCol=value)

    def getProbabilityCol(self) -> str:
        """The value of probabilityCol or its default: output column: class probabilities (vector)"""
        return self.getOrDefault(self.probabilityCol)

    def setProbabilityCol(self, value: str) -> "ConceptEmbeddingModel":
        """Sets probabilityCol: output column: class probabilities (vector)"""
        return self._set(probabilityCol=value)

    def getRawPredictionCol(self) -> str:
        """The value of rawPredictionCol or its default: output column: class scores (vector)"""
        return self.getOrDefault(self.rawPredictionCol)

    def setRawPredictionCol(self, value: str) -> "ConceptEmbeddingModel":
        """Sets rawPredictionCol: output column: class scores (vector)"""
        return self._set(rawPredictionCol=value)

    def getTrueConceptsCol(self) -> str:
        """The value of trueConceptsCol or its default: column of true concept values (vector or
        array) for interventions; empty = use conceptCols
        """
        return self.getOrDefault(self.trueConceptsCol)

    def setTrueConceptsCol(self, value: str) -> "ConceptEmbeddingModel":
        """Sets trueConceptsCol: column of true concept values (vector or array) for interventions;
        empty = use conceptCols
        """
        return self._set(trueConceptsCol=value)


class ConceptExplainer(SparkXaiTransformer):
    """How a saved concept model does on a test table, as a DataFrame, from a stage that takes only
    literal params: the route to ``evaluate``, ``formulas`` and ``explanationMetrics`` from
    Spark Connect, whose clients create stages by class name and cannot call a model's other
    methods. ``modelPath`` names a folder saved by a ``ConceptBottleneckModel``,
    ``ConceptEmbeddingModel`` or ``EntropyLogicExplainerModel`` (the class in its metadata
    chooses the reader; the former names still load). The input is the test table, with the
    columns the model was trained on (features, concepts and label, under the names saved with
    the model). ``explanation`` chooses what ``transform(dataset)`` returns:

    - ``metrics`` (default): one row: ``model`` (how it was trained, e.g. ``cbm-joint``),
    ``rows``, ``concept_accuracy``, ``task_accuracy``, ``task_accuracy_all_intervened``,
    ``leakage``, ``intervention_curve``, ``intervention_policy``, and for the entropy network
    ``explanation_accuracy``, ``fidelity``, ``complexity``; a column the model has no value for
    is null. The entropy network reads the true concepts: as in ``concepts-train``, its curve is
    flat at its task accuracy, and it has no concept accuracy or leakage;

    - ``curve``: ``concepts_intervened``, ``task_accuracy``, one row per count from 0 to all
    concepts (order: ``policy``);

    - ``formulas`` (entropy network only): ``class``, ``formula``, and the formula's
    ``explanation_accuracy``, ``fidelity`` and ``complexity`` on the table (null when the table
    lacks the concept or label columns: then no data is read), and whether its minimisation was
    ``exact``;

    - ``report``: one row, column ``html``: the page ``concepts-train --report`` draws
    (``ConceptReport``), without the concept ceiling (it needs the training table).

    Each explanation measures the model in one Spark job.

    The model is read once per stage instance and path (``transformSchema`` and ``transform``
    share it); a model saved again under the same path is read by a new instance or a ``copy``.
    """

    _java_class = "io.sparkxai.concepts.ConceptExplainer"

    explanation: "Param[str]" = Param(
        Params._dummy(),
        "explanation",
        "what transform returns on the input (a test table with the model's features, concepts and label): metrics (one row), curve (task accuracy by concepts intervened), formulas (the entropy network's formula per class with its scores), report (one row: the HTML report)",
        typeConverter=TypeConverters.toString,
    )
    modelPath: "Param[str]" = Param(
        Params._dummy(),
        "modelPath",
        "a folder saved by a ConceptBottleneckModel, ConceptEmbeddingModel or EntropyLogicExplainerModel (also under their former names), on any Hadoop file system the driver can read",
        typeConverter=TypeConverters.toString,
    )
    policy: "Param[str]" = Param(
        Params._dummy(),
        "policy",
        "the order concepts are intervened on for the curve of a bottleneck or embedding model: random, or uncertainty (most uncertain first)",
        typeConverter=TypeConverters.toString,
    )
    reportTitle: "Param[str]" = Param(
        Params._dummy(),
        "reportTitle",
        "with report: its title (empty: \"Concept model\" and how the model was trained, e.g. cbm-joint)",
        typeConverter=TypeConverters.toString,
    )

    @keyword_only
    def __init__(self, *,
        explanation: str = "metrics",
        modelPath: Optional[str] = None,
        policy: str = "random",
        reportTitle: str = "",
    ) -> None:
        super().__init__()
        self._java_obj = self._new_java_obj(self._java_class, self.uid)
        self._setDefault(
            explanation="metrics",
            policy="random",
            reportTitle="",
        )
        self.setParams(**self._input_kwargs)

    @keyword_only
    def setParams(self, *,
        explanation: str = "metrics",
        modelPath: Optional[str] = None,
        policy: str = "random",
        reportTitle: str = "",
    ) -> "ConceptExplainer":
        """Sets the params given as keywords."""
        return self._set(**self._input_kwargs)

    def getExplanation(self) -> str:
        """The value of explanation or its default: what transform returns on the input (a test
        table with the model's features, concepts and label): metrics (one row), curve (task
        accuracy by concepts intervened), formulas (the entropy network's formula per class with
        its scores), report (one row: the HTML report)
        """
        return self.getOrDefault(self.explanation)

    def setExplanation(self, value: str) -> "ConceptExplainer":
        """Sets explanation: what transform returns on the input (a test table with the model's
        features, concepts and label): metrics (one row), curve (task accuracy by concepts
        intervened), formulas (the entropy network's formula per class with its scores), report
        (one row: the HTML report)
        """
        return self._set(explanation=value)

    def getModelPath(self) -> str:
        """The value of modelPath or its default: a folder saved by a ConceptBottleneckModel,
        ConceptEmbeddingModel or EntropyLogicExplainerModel (also under their former names), on
        any Hadoop file system the driver can read
        """
        return self.getOrDefault(self.modelPath)

    def setModelPath(self, value: str) -> "ConceptExplainer":
        """Sets modelPath: a folder saved by a ConceptBottleneckModel, ConceptEmbeddingModel or
        EntropyLogicExplainerModel (also under their former names), on any Hadoop file system
        the driver can read
        """
        return self._set(modelPath=value)

    def getPolicy(self) -> str:
        """The value of policy or its default: the order concepts are intervened on for the curve
        of a bottleneck or embedding model: random, or uncertainty (most uncertain first)
        """
        return self.getOrDefault(self.policy)

    def setPolicy(self, value: str) -> "ConceptExplainer":
        """Sets policy: the order concepts are intervened on for the curve of a bottleneck or
        embedding model: random, or uncertainty (most uncertain first)
        """
        return self._set(policy=value)

    def getReportTitle(self) -> str:
        """The value of reportTitle or its default: with report: its title (empty: "Concept model"
        and how the model was trained, e.g. cbm-joint)
        """
        return self.getOrDefault(self.reportTitle)

    def setReportTitle(self, value: str) -> "ConceptExplainer":
        """Sets reportTitle: with report: its title (empty: "Concept model" and how the model was
        trained, e.g. cbm-joint)
        """
        return self._set(reportTitle=value)


class EntropyLogicExplainer(SparkXaiEstimator):
    """Entropy-based logic explained network (Barbiero et al. 2022, "Entropy-based Logic
    Explanations of Neural Networks", AAAI) over concept columns: an entropy linear layer
    (temperature τ = 0.6) whose attention picks the few concepts each class relies on, trained
    with the attention entropy as a penalty, then explained by one DNF formula per class,
    extracted from the correctly predicted training rows grouped by bit-packed concept tuples
    and minimised exactly. Defaults follow torch_explain's tutorial: EntropyLinear(k, 10, C) →
    LeakyReLU → Linear(10, 4) → LeakyReLU → Linear(4, 1), AdamW lr 0.001 (this estimator's
    default of ``learningRate``), entropy weight 1e-4, 2001 full-batch epochs.
    """

    _java_class = "io.sparkxai.concepts.EntropyLogicExplainer"

    activation: "Param[str]" = Param(
        Params._dummy(),
        "activation",
        "hidden-layer activation: leaky_relu, relu, tanh, sigmoid",
        typeConverter=TypeConverters.toString,
    )
    batchSize: "Param[int]" = Param(
        Params._dummy(),
        "batchSize",
        "rows per optimisation step; 0 = the whole shard (full batch)",
        typeConverter=TypeConverters.toInt,
    )
    conceptCols: "Param[List[str]]" = Param(
        Params._dummy(),
        "conceptCols",
        "numeric concept columns, values in [0, 1] (required to fit; a model's true concepts)",
        typeConverter=TypeConverters.toListString,
    )
    entropyWeight: "Param[float]" = Param(
        Params._dummy(),
        "entropyWeight",
        "weight of the attention-entropy loss (>= 0)",
        typeConverter=TypeConverters.toFloat,
    )
    epochs: "Param[int]" = Param(
        Params._dummy(),
        "epochs",
        "passes over the training data (>= 1)",
        typeConverter=TypeConverters.toInt,
    )
    epochsPerSync: "Param[int]" = Param(
        Params._dummy(),
        "epochsPerSync",
        "epochs each shard runs between parameter averages (>= 1)",
        typeConverter=TypeConverters.toInt,
    )
    hiddenSizes: "Param[List[int]]" = Param(
        Params._dummy(),
        "hiddenSizes",
        "widths of the entropy layer (first) and of the hidden layers after it",
        typeConverter=TypeConverters.toListInt,
    )
    labelCol: "Param[str]" = Param(
        Params._dummy(),
        "labelCol",
        "label column: class indices 0, 1, ...",
        typeConverter=TypeConverters.toString,
    )
    learningRate: "Param[float]" = Param(
        Params._dummy(),
        "learningRate",
        "AdamW learning rate (> 0)",
        typeConverter=TypeConverters.toFloat,
    )
    maxExplanationConcepts: "Param[int]" = Param(
        Params._dummy(),
        "maxExplanationConcepts",
        "most concepts one class's formula may use, the most attended first (1..16)",
        typeConverter=TypeConverters.toInt,
    )
    numShards: "Param[int]" = Param(
        Params._dummy(),
        "numShards",
        "shards trained in parallel with parameter averaging; 0 = ceil(rows / rowsPerShard)",
        typeConverter=TypeConverters.toInt,
    )
    predictionCol: "Param[str]" = Param(
        Params._dummy(),
        "predictionCol",
        "output column: predicted class index",
        typeConverter=TypeConverters.toString,
    )
    probabilityCol: "Param[str]" = Param(
        Params._dummy(),
        "probabilityCol",
        "output column: class probabilities (vector)",
        typeConverter=TypeConverters.toString,
    )
    rawPredictionCol: "Param[str]" = Param(
        Params._dummy(),
        "rawPredictionCol",
        "output column: class scores (vector)",
        typeConverter=TypeConverters.toString,
    )
    rowsPerShard: "Param[int]" = Param(
        Params._dummy(),
        "rowsPerShard",
        "rows per shard when numShards = 0 (>= 1)",
        typeConverter=TypeConverters.toInt,
    )
    seed: "Param[int]" = Param(
        Params._dummy(),
        "seed",
        "seed of the initialisation, batch order and random interventions",
        typeConverter=TypeConverters.toInt,
    )
    temperature: "Param[float]" = Param(
        Params._dummy(),
        "temperature",
        "temperature τ of the concept attention softmax (> 0)",
        typeConverter=TypeConverters.toFloat,
    )
    unseenTuples: "Param[str]" = Param(
        Params._dummy(),
        "unseenTuples",
        "concept tuples no correctly predicted training row shows: dont_care (the minimiser may use them) or false",
        typeConverter=TypeConverters.toString,
    )
    weightDecay: "Param[float]" = Param(
        Params._dummy(),
        "weightDecay",
        "AdamW decoupled weight decay (>= 0; PyTorch's default 0.01)",
        typeConverter=TypeConverters.toFloat,
    )

    @keyword_only
    def __init__(self, *,
        activation: str = "leaky_relu",
        batchSize: int = 0,
        conceptCols: Optional[List[str]] = None,
        entropyWeight: float = 1.0e-4,
        epochs: int = 2001,
        epochsPerSync: int = 10,
        hiddenSizes: List[int] = [10, 4],
        labelCol: str = "label",
        learningRate: float = 0.001,
        maxExplanationConcepts: int = 10,
        numShards: int = 0,
        predictionCol: str = "prediction",
        probabilityCol: str = "probability",
        rawPredictionCol: str = "rawPrediction",
        rowsPerShard: int = 100000,
        seed: int = 804808215,
        temperature: float = 0.6,
        unseenTuples: str = "dont_care",
        weightDecay: float = 0.01,
    ) -> None:
        super().__init__()
        self._java_obj = self._new_java_obj(self._java_class, self.uid)
        self._setDefault(
            activation="leaky_relu",
            batchSize=0,
            entropyWeight=1.0e-4,
            epochs=2001,
            epochsPerSync=10,
            hiddenSizes=[10, 4],
            labelCol="label",
            learningRate=0.001,
            maxExplanationConcepts=10,
            numShards=0,
            predictionCol="prediction",
            probabilityCol="probability",
            rawPredictionCol="rawPrediction",
            rowsPerShard=100000,
            seed=804808215,
            temperature=0.6,
            unseenTuples="dont_care",
            weightDecay=0.01,
        )
        self.setParams(**self._input_kwargs)

    @keyword_only
    def setParams(self, *,
        activation: str = "leaky_relu",
        batchSize: int = 0,
        conceptCols: Optional[List[str]] = None,
        entropyWeight: float = 1.0e-4,
        epochs: int = 2001,
        epochsPerSync: int = 10,
        hiddenSizes: List[int] = [10, 4],
        labelCol: str = "label",
        learningRate: float = 0.001,
        maxExplanationConcepts: int = 10,
        numShards: int = 0,
        predictionCol: str = "prediction",
        probabilityCol: str = "probability",
        rawPredictionCol: str = "rawPrediction",
        rowsPerShard: int = 100000,
        seed: int = 804808215,
        temperature: float = 0.6,
        unseenTuples: str = "dont_care",
        weightDecay: float = 0.01,
    ) -> "EntropyLogicExplainer":
        """Sets the params given as keywords."""
        return self._set(**self._input_kwargs)

    def getActivation(self) -> str:
        """The value of activation or its default: hidden-layer activation: leaky_relu, relu, tanh,
        sigmoid
        """
        return self.getOrDefault(self.activation)

    def setActivation(self, value: str) -> "EntropyLogicExplainer":
        """Sets activation: hidden-layer activation: leaky_relu, relu, tanh, sigmoid"""
        return self._set(activation=value)

    def getBatchSize(self) -> int:
        """The value of batchSize or its default: rows per optimisation step; 0 = the whole shard
        (full batch)
        """
        return self.getOrDefault(self.batchSize)

    def setBatchSize(self, value: int) -> "EntropyLogicExplainer":
        """Sets batchSize: rows per optimisation step; 0 = the whole shard (full batch)"""
        return self._set(batchSize=value)

    def getConceptCols(self) -> List[str]:
        """The value of conceptCols or its default: numeric concept columns, values in [0, 1]
        (required to fit; a model's true concepts)
        """
        return self.getOrDefault(self.conceptCols)

    def setConceptCols(self, value: List[str]) -> "EntropyLogicExplainer":
        """Sets conceptCols: numeric concept columns, values in [0, 1] (required to fit; a model's
        true concepts)
        """
        return self._set(conceptCols=value)

    def getEntropyWeight(self) -> float:
        """The value of entropyWeight or its default: weight of the attention-entropy loss (>= 0)"""
        return self.getOrDefault(self.entropyWeight)

    def setEntropyWeight(self, value: float) -> "EntropyLogicExplainer":
        """Sets entropyWeight: weight of the attention-entropy loss (>= 0)"""
        return self._set(entropyWeight=value)

    def getEpochs(self) -> int:
        """The value of epochs or its default: passes over the training data (>= 1)"""
        return self.getOrDefault(self.epochs)

    def setEpochs(self, value: int) -> "EntropyLogicExplainer":
        """Sets epochs: passes over the training data (>= 1)"""
        return self._set(epochs=value)

    def getEpochsPerSync(self) -> int:
        """The value of epochsPerSync or its default: epochs each shard runs between parameter
        averages (>= 1)
        """
        return self.getOrDefault(self.epochsPerSync)

    def setEpochsPerSync(self, value: int) -> "EntropyLogicExplainer":
        """Sets epochsPerSync: epochs each shard runs between parameter averages (>= 1)"""
        return self._set(epochsPerSync=value)

    def getHiddenSizes(self) -> List[int]:
        """The value of hiddenSizes or its default: widths of the entropy layer (first) and of the
        hidden layers after it
        """
        return self.getOrDefault(self.hiddenSizes)

    def setHiddenSizes(self, value: List[int]) -> "EntropyLogicExplainer":
        """Sets hiddenSizes: widths of the entropy layer (first) and of the hidden layers after it"""
        return self._set(hiddenSizes=value)

    def getLabelCol(self) -> str:
        """The value of labelCol or its default: label column: class indices 0, 1, ..."""
        return self.getOrDefault(self.labelCol)

    def setLabelCol(self, value: str) -> "EntropyLogicExplainer":
        """Sets labelCol: label column: class indices 0, 1, ..."""
        return self._set(labelCol=value)

    def getLearningRate(self) -> float:
        """The value of learningRate or its default: AdamW learning rate (> 0)"""
        return self.getOrDefault(self.learningRate)

    def setLearningRate(self, value: float) -> "EntropyLogicExplainer":
        """Sets learningRate: AdamW learning rate (> 0)"""
        return self._set(learningRate=value)

    def getMaxExplanationConcepts(self) -> int:
        """The value of maxExplanationConcepts or its default: most concepts one class's formula
        may use, the most attended first (1..16)
        """
        return self.getOrDefault(self.maxExplanationConcepts)

    def setMaxExplanationConcepts(self, value: int) -> "EntropyLogicExplainer":
        """Sets maxExplanationConcepts: most concepts one class's formula may use, the most
        attended first (1..16)
        """
        return self._set(maxExplanationConcepts=value)

    def getNumShards(self) -> int:
        """The value of numShards or its default: shards trained in parallel with parameter
        averaging; 0 = ceil(rows / rowsPerShard)
        """
        return self.getOrDefault(self.numShards)

    def setNumShards(self, value: int) -> "EntropyLogicExplainer":
        """Sets numShards: shards trained in parallel with parameter averaging; 0 = ceil(rows /
        rowsPerShard)
        """
        return self._set(numShards=value)

    def getPredictionCol(self) -> str:
        """The value of predictionCol or its default: output column: predicted class index"""
        return self.getOrDefault(self.predictionCol)

    def setPredictionCol(self, value: str) -> "EntropyLogicExplainer":
        """Sets predictionCol: output column: predicted class index"""
        return self._set(predictionCol=value)

    def getProbabilityCol(self) -> str:
        """The value of probabilityCol or its default: output column: class probabilities (vector)"""
        return self.getOrDefault(self.probabilityCol)

    def setProbabilityCol(self, value: str) -> "EntropyLogicExplainer":
        """Sets probabilityCol: output column: class probabilities (vector)"""
        return self._set(probabilityCol=value)

    def getRawPredictionCol(self) -> str:
        """The value of rawPredictionCol or its default: output column: class scores (vector)"""
        return self.getOrDefault(self.rawPredictionCol)

    def setRawPredictionCol(self, value: str) -> "EntropyLogicExplainer":
        """Sets rawPredictionCol: output column: class scores (vector)"""
        return self._set(rawPredictionCol=value)

    def getRowsPerShard(self) -> int:
        """The value of rowsPerShard or its default: rows per shard when numShards = 0 (>= 1)"""
        return self.getOrDefault(self.rowsPerShard)

    def setRowsPerShard(self, value: int) -> "EntropyLogicExplainer":
        """Sets rowsPerShard: rows per shard when numShards = 0 (>= 1)"""
        return self._set(rowsPerShard=value)

    def getSeed(self) -> int:
        """The value of seed or its default: seed of the initialisation, batch order and random
        interventions
        """
        return self.getOrDefault(self.seed)

    def setSeed(self, value: int) -> "EntropyLogicExplainer":
        """Sets seed: seed of the initialisation, batch order and random interventions"""
        return self._set(seed=value)

    def getTemperature(self) -> float:
        """The value of temperature or its default: temperature τ of the concept attention softmax
        (> 0)
        """
        return self.getOrDefault(self.temperature)

    def setTemperature(self, value: float) -> "EntropyLogicExplainer":
        """Sets temperature: temperature τ of the concept attention softmax (> 0)"""
        return self._set(temperature=value)

    def getUnseenTuples(self) -> str:
        """The value of unseenTuples or its default: concept tuples no correctly predicted training
        row shows: dont_care (the minimiser may use them) or false
        """
        return self.getOrDefault(self.unseenTuples)

    def setUnseenTuples(self, value: str) -> "EntropyLogicExplainer":
        """Sets unseenTuples: concept tuples no correctly predicted training row shows: dont_care
        (the minimiser may use them) or false
        """
        return self._set(unseenTuples=value)

    def getWeightDecay(self) -> float:
        """The value of weightDecay or its default: AdamW decoupled weight decay (>= 0; PyTorch's
        default 0.01)
        """
        return self.getOrDefault(self.weightDecay)

    def setWeightDecay(self, value: float) -> "EntropyLogicExplainer":
        """Sets weightDecay: AdamW decoupled weight decay (>= 0; PyTorch's default 0.01)"""
        return self._set(weightDecay=value)

    def _create_model(self, java_model: Any) -> "EntropyLogicExplainerModel":
        return EntropyLogicExplainerModel(java_model)


class EntropyLogicExplainerModel(EntropyLogicMethods, SparkXaiModel):
    """A fitted ``EntropyLogicExplainer``: predicts the task from the concept columns (adding raw
    scores, probabilities and the predicted class) and carries one DNF formula per class.
    ``explanationMetrics`` measures the formulas on a data set from its concept-tuple counts.
    Saved as a concept network whose network.json also holds the explanations.
    """

    _java_class = "io.sparkxai.concepts.EntropyLogicExplainerModel"

    conceptCols: "Param[List[str]]" = Param(
        Params._dummy(),
        "conceptCols",
        "numeric concept columns, values in [0, 1] (required to fit; a model's true concepts)",
        typeConverter=TypeConverters.toListString,
    )
    labelCol: "Param[str]" = Param(
        Params._dummy(),
        "labelCol",
        "label column: class indices 0, 1, ...",
        typeConverter=TypeConverters.toString,
    )
    predictionCol: "Param[str]" = Param(
        Params._dummy(),
        "predictionCol",
        "output column: predicted class index",
        typeConverter=TypeConverters.toString,
    )
    probabilityCol: "Param[str]" = Param(
        Params._dummy(),
        "probabilityCol",
        "output column: class probabilities (vector)",
        typeConverter=TypeConverters.toString,
    )
    rawPredictionCol: "Param[str]" = Param(
        Params._dummy(),
        "rawPredictionCol",
        "output column: class scores (vector)",
        typeConverter=TypeConverters.toString,
    )

    def __init__(self, java_model: Optional[Any] = None) -> None:
        super().__init__(java_model)
        self._setDefault(
            conceptCols=[],
            labelCol="label",
            predictionCol="prediction",
            probabilityCol="probability",
            rawPredictionCol="rawPrediction",
        )

    def getConceptCols(self) -> List[str]:
        """The value of conceptCols or its default: numeric concept columns, values in [0, 1]
        (required to fit; a model's true concepts)
        """
        return self.getOrDefault(self.conceptCols)

    def setConceptCols(self, value: List[str]) -> "EntropyLogicExplainerModel":
        """Sets conceptCols: numeric concept columns, values in [0, 1] (required to fit; a model's
        true concepts)
        """
        return self._set(conceptCols=value)

    def getLabelCol(self) -> str:
        """The value of labelCol or its default: label column: class indices 0, 1, ..."""
        return self.getOrDefault(self.labelCol)

    def setLabelCol(self, value: str) -> "EntropyLogicExplainerModel":
        """Sets labelCol: label column: class indices 0, 1, ..."""
        return self._set(labelCol=value)

    def getPredictionCol(self) -> str:
        """The value of predictionCol or its default: output column: predicted class index"""
        return self.getOrDefault(self.predictionCol)

    def setPredictionCol(self, value: str) -> "EntropyLogicExplainerModel":
        """Sets predictionCol: output column: predicted class index"""
        return self._set(predictionCol=value)

    def getProbabilityCol(self) -> str:
        """The value of probabilityCol or its default: output column: class probabilities (vector)"""
        return self.getOrDefault(self.probabilityCol)

    def setProbabilityCol(self, value: str) -> "EntropyLogicExplainerModel":
        """Sets probabilityCol: output column: class probabilities (vector)"""
        return self._set(probabilityCol=value)

    def getRawPredictionCol(self) -> str:
        """The value of rawPredictionCol or its default: output column: class scores (vector)"""
        return self.getOrDefault(self.rawPredictionCol)

    def setRawPredictionCol(self, value: str) -> "EntropyLogicExplainerModel":
        """Sets rawPredictionCol: output column: class scores (vector)"""
        return self._set(rawPredictionCol=value)
