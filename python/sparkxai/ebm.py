# Generated from the Java stages by jobs/src/test/java/io/sparkxai/jobs/python/PythonStagesTest.java:
# do not edit. After changing a Java stage or param, regenerate with
#   mvn -B -q -pl jobs test -Dtest=PythonStagesTest -Dsparkxai.python.regenerate=true
# (the test fails while this file differs from what the Java stages give).
"""Python wrappers of the Spark ML stages of io.sparkxai.ebm."""

from typing import Any, List, Optional

from pyspark import keyword_only
from pyspark.ml.param import Param, Params, TypeConverters

from sparkxai._base import SparkXaiEstimator, SparkXaiModel, SparkXaiTransformer
from sparkxai._ebm import EbmModelEditorMethods, EbmModelMethods

__all__ = ["EbmExplainer", "EbmModelEditor", "ExplainableBoostingClassificationModel", "ExplainableBoostingClassifier", "ExplainableBoostingRegressionModel", "ExplainableBoostingRegressor"]


class EbmExplainer(SparkXaiTransformer):
    """The explanations of a saved EBM model as a DataFrame, from a stage that takes only literal
    params: the route to them from Spark Connect, whose clients create stages by class name and
    cannot call a model's other methods. ``modelPath`` names a folder saved by an
    ``ExplainableBoostingClassificationModel`` or ``ExplainableBoostingRegressionModel`` (the
    class in its metadata chooses the reader); ``explanation`` chooses what
    ``transform(dataset)`` returns:

    - ``contributions`` (default): ``explainRows`` of the dataset, with ``idCol`` kept first
    when set: one column per term, then ``raw_score``, ``probability`` (classifiers) and
    ``prediction``;

    - ``global``: ``globalExplanation`` (term, bin, class, score, stdev, weight);

    - ``importances``: ``term``, ``importance``, one row per term, largest first (the numbers of
    ``termImportances``);

    - ``model``: one row: ``task``, ``numClasses`` (null for regression), ``classNames``,
    ``intercept``, ``featureNames``, ``termNames``, ``provenance``;

    - ``report``: one row, column ``html``: the page ``ebm-explain --report`` writes,
    ``globalReport`` titled ``reportTitle``, then the first ``reportRows`` rows of the dataset
    explained one by one with their ``labelCol``.

    The dataset is read only by ``contributions`` and ``report``.

    The model is read once per stage instance and path (``transformSchema`` and ``transform``
    share it); a model saved again under the same path is read by a new instance or a ``copy``.
    """

    _java_class = "io.sparkxai.ebm.EbmExplainer"

    explanation: "Param[str]" = Param(
        Params._dummy(),
        "explanation",
        "what transform returns: contributions (one column per term for each input row), global (every term's bins and scores), importances (term, importance), model (one row describing the model), report (one row: the HTML report)",
        typeConverter=TypeConverters.toString,
    )
    idCol: "Param[str]" = Param(
        Params._dummy(),
        "idCol",
        "with contributions: an input column (e.g. a row id) kept first in each row (empty: none)",
        typeConverter=TypeConverters.toString,
    )
    labelCol: "Param[str]" = Param(
        Params._dummy(),
        "labelCol",
        "with report: an input column holding the true label, shown beside each explained row (empty: none)",
        typeConverter=TypeConverters.toString,
    )
    modelPath: "Param[str]" = Param(
        Params._dummy(),
        "modelPath",
        "a folder saved by an ExplainableBoostingClassificationModel or ExplainableBoostingRegressionModel, on any Hadoop file system the driver can read",
        typeConverter=TypeConverters.toString,
    )
    reportRows: "Param[int]" = Param(
        Params._dummy(),
        "reportRows",
        "with report: how many input rows are explained one by one after the global report (0: global report only)",
        typeConverter=TypeConverters.toInt,
    )
    reportTitle: "Param[str]" = Param(
        Params._dummy(),
        "reportTitle",
        "with report: its title (empty: \"Explainable Boosting Machine\")",
        typeConverter=TypeConverters.toString,
    )

    @keyword_only
    def __init__(self, *,
        explanation: str = "contributions",
        idCol: str = "",
        labelCol: str = "",
        modelPath: Optional[str] = None,
        reportRows: int = 5,
        reportTitle: str = "",
    ) -> None:
        super().__init__()
        self._java_obj = self._new_java_obj(self._java_class, self.uid)
        self._setDefault(
            explanation="contributions",
            idCol="",
            labelCol="",
            reportRows=5,
            reportTitle="",
        )
        self.setParams(**self._input_kwargs)

    @keyword_only
    def setParams(self, *,
        explanation: str = "contributions",
        idCol: str = "",
        labelCol: str = "",
        modelPath: Optional[str] = None,
        reportRows: int = 5,
        reportTitle: str = "",
    ) -> "EbmExplainer":
        """Sets the params given as keywords."""
        return self._set(**self._input_kwargs)

    def getExplanation(self) -> str:
        """The value of explanation or its default: what transform returns: contributions (one
        column per term for each input row), global (every term's bins and scores), importances
        (term, importance), model (one row describing the model), report (one row: the HTML
        report)
        """
        return self.getOrDefault(self.explanation)

    def setExplanation(self, value: str) -> "EbmExplainer":
        """Sets explanation: what transform returns: contributions (one column per term for each
        input row), global (every term's bins and scores), importances (term, importance), model
        (one row describing the model), report (one row: the HTML report)
        """
        return self._set(explanation=value)

    def getIdCol(self) -> str:
        """The value of idCol or its default: with contributions: an input column (e.g. a row id)
        kept first in each row (empty: none)
        """
        return self.getOrDefault(self.idCol)

    def setIdCol(self, value: str) -> "EbmExplainer":
        """Sets idCol: with contributions: an input column (e.g. a row id) kept first in each row
        (empty: none)
        """
        return self._set(idCol=value)

    def getLabelCol(self) -> str:
        """The value of labelCol or its default: with report: an input column holding the true
        label, shown beside each explained row (empty: none)
        """
        return self.getOrDefault(self.labelCol)

    def setLabelCol(self, value: str) -> "EbmExplainer":
        """Sets labelCol: with report: an input column holding the true label, shown beside each
        explained row (empty: none)
        """
        return self._set(labelCol=value)

    def getModelPath(self) -> str:
        """The value of modelPath or its default: a folder saved by an
        ExplainableBoostingClassificationModel or ExplainableBoostingRegressionModel, on any
        Hadoop file system the driver can read
        """
        return self.getOrDefault(self.modelPath)

    def setModelPath(self, value: str) -> "EbmExplainer":
        """Sets modelPath: a folder saved by an ExplainableBoostingClassificationModel or
        ExplainableBoostingRegressionModel, on any Hadoop file system the driver can read
        """
        return self._set(modelPath=value)

    def getReportRows(self) -> int:
        """The value of reportRows or its default: with report: how many input rows are explained
        one by one after the global report (0: global report only)
        """
        return self.getOrDefault(self.reportRows)

    def setReportRows(self, value: int) -> "EbmExplainer":
        """Sets reportRows: with report: how many input rows are explained one by one after the
        global report (0: global report only)
        """
        return self._set(reportRows=value)

    def getReportTitle(self) -> str:
        """The value of reportTitle or its default: with report: its title (empty: "Explainable
        Boosting Machine")
        """
        return self.getOrDefault(self.reportTitle)

    def setReportTitle(self, value: str) -> "EbmExplainer":
        """Sets reportTitle: with report: its title (empty: "Explainable Boosting Machine")"""
        return self._set(reportTitle=value)


class EbmModelEditor(EbmModelEditorMethods, SparkXaiEstimator):
    """Merges or edits saved EBM models from a stage that takes only literal params: the route to
    ``merge`` and the model edits from Spark Connect, whose clients create stages by class name
    and cannot call a model's other methods. ``fit(dataset)`` ignores the dataset's rows and
    returns the model ``operation`` makes from the models saved at ``modelPaths`` (their class,
    classifier or regressor, as saved), which then lives where fitted models live (on the
    Connect server, behind a reference):

    - ``merge`` (default): ``mergeSaved`` of the paths with ``weights`` (empty: each model's
    training weight);

    - ``removeTerms``: ``removeTerms`` of the one path's model, ``terms``;

    - ``scaleTerm``: ``scaleTerm`` of its one term in ``terms`` by ``factor``;

    - ``sweep``: ``sweep`` with ``threshold`` and ``importanceType``.
    """

    _java_class = "io.sparkxai.ebm.EbmModelEditor"

    factor: "Param[float]" = Param(
        Params._dummy(),
        "factor",
        "scaleTerm: the factor of the term's scores (0 silences it, a negative factor flips it)",
        typeConverter=TypeConverters.toFloat,
    )
    importanceType: "Param[str]" = Param(
        Params._dummy(),
        "importanceType",
        "sweep: avg_weight (the training-weighted mean |score|) or min_max (the largest minus the smallest score)",
        typeConverter=TypeConverters.toString,
    )
    modelPaths: "Param[List[str]]" = Param(
        Params._dummy(),
        "modelPaths",
        "folders saved by EBM models (merge: one or more; the edits: one), on any Hadoop file system the driver can read",
        typeConverter=TypeConverters.toListString,
    )
    operation: "Param[str]" = Param(
        Params._dummy(),
        "operation",
        "what fit returns: merge (the models of modelPaths merged, weighted by weights), removeTerms (the model without terms), scaleTerm (the model with its one term in terms multiplied by factor) or sweep (the model without the terms whose importanceType importance is below threshold)",
        typeConverter=TypeConverters.toString,
    )
    terms: "Param[List[str]]" = Param(
        Params._dummy(),
        "terms",
        "removeTerms: the terms to remove; scaleTerm: the one term to scale (names as termNames gives them)",
        typeConverter=TypeConverters.toListString,
    )
    threshold: "Param[float]" = Param(
        Params._dummy(),
        "threshold",
        "sweep: terms whose importance is below this are removed",
        typeConverter=TypeConverters.toFloat,
    )
    weights: "Param[List[float]]" = Param(
        Params._dummy(),
        "weights",
        "merge: one weight per model, >= 0 (empty: each model's total training weight)",
        typeConverter=TypeConverters.toListFloat,
    )

    @keyword_only
    def __init__(self, *,
        factor: float = 1.0,
        importanceType: str = "avg_weight",
        modelPaths: List[str] = [],
        operation: str = "merge",
        terms: List[str] = [],
        threshold: float = 0.0,
        weights: List[float] = [],
    ) -> None:
        super().__init__()
        self._java_obj = self._new_java_obj(self._java_class, self.uid)
        self._setDefault(
            factor=1.0,
            importanceType="avg_weight",
            modelPaths=[],
            operation="merge",
            terms=[],
            threshold=0.0,
            weights=[],
        )
        self.setParams(**self._input_kwargs)

    @keyword_only
    def setParams(self, *,
        factor: float = 1.0,
        importanceType: str = "avg_weight",
        modelPaths: List[str] = [],
        operation: str = "merge",
        terms: List[str] = [],
        threshold: float = 0.0,
        weights: List[float] = [],
    ) -> "EbmModelEditor":
        """Sets the params given as keywords."""
        return self._set(**self._input_kwargs)

    def getFactor(self) -> float:
        """The value of factor or its default: scaleTerm: the factor of the term's scores (0
        silences it, a negative factor flips it)
        """
        return self.getOrDefault(self.factor)

    def setFactor(self, value: float) -> "EbmModelEditor":
        """Sets factor: scaleTerm: the factor of the term's scores (0 silences it, a negative
        factor flips it)
        """
        return self._set(factor=value)

    def getImportanceType(self) -> str:
        """The value of importanceType or its default: sweep: avg_weight (the training-weighted
        mean |score|) or min_max (the largest minus the smallest score)
        """
        return self.getOrDefault(self.importanceType)

    def setImportanceType(self, value: str) -> "EbmModelEditor":
        """Sets importanceType: sweep: avg_weight (the training-weighted mean |score|) or min_max
        (the largest minus the smallest score)
        """
        return self._set(importanceType=value)

    def getModelPaths(self) -> List[str]:
        """The value of modelPaths or its default: folders saved by EBM models (merge: one or more;
        the edits: one), on any Hadoop file system the driver can read
        """
        return self.getOrDefault(self.modelPaths)

    def setModelPaths(self, value: List[str]) -> "EbmModelEditor":
        """Sets modelPaths: folders saved by EBM models (merge: one or more; the edits: one), on
        any Hadoop file system the driver can read
        """
        return self._set(modelPaths=value)

    def getOperation(self) -> str:
        """The value of operation or its default: what fit returns: merge (the models of modelPaths
        merged, weighted by weights), removeTerms (the model without terms), scaleTerm (the
        model with its one term in terms multiplied by factor) or sweep (the model without the
        terms whose importanceType importance is below threshold)
        """
        return self.getOrDefault(self.operation)

    def setOperation(self, value: str) -> "EbmModelEditor":
        """Sets operation: what fit returns: merge (the models of modelPaths merged, weighted by
        weights), removeTerms (the model without terms), scaleTerm (the model with its one term
        in terms multiplied by factor) or sweep (the model without the terms whose
        importanceType importance is below threshold)
        """
        return self._set(operation=value)

    def getTerms(self) -> List[str]:
        """The value of terms or its default: removeTerms: the terms to remove; scaleTerm: the one
        term to scale (names as termNames gives them)
        """
        return self.getOrDefault(self.terms)

    def setTerms(self, value: List[str]) -> "EbmModelEditor":
        """Sets terms: removeTerms: the terms to remove; scaleTerm: the one term to scale (names as
        termNames gives them)
        """
        return self._set(terms=value)

    def getThreshold(self) -> float:
        """The value of threshold or its default: sweep: terms whose importance is below this are
        removed
        """
        return self.getOrDefault(self.threshold)

    def setThreshold(self, value: float) -> "EbmModelEditor":
        """Sets threshold: sweep: terms whose importance is below this are removed"""
        return self._set(threshold=value)

    def getWeights(self) -> List[float]:
        """The value of weights or its default: merge: one weight per model, >= 0 (empty: each
        model's total training weight)
        """
        return self.getOrDefault(self.weights)

    def setWeights(self, value: List[float]) -> "EbmModelEditor":
        """Sets weights: merge: one weight per model, >= 0 (empty: each model's total training
        weight)
        """
        return self._set(weights=value)


class ExplainableBoostingClassificationModel(EbmModelMethods, SparkXaiModel):
    """A fitted EBM classifier. ``transform`` adds ``rawPrediction`` (binary: ``[-m, m]`` with
    ``m`` the logit; multiclass: the class scores), ``probability``, ``prediction`` (the class
    index) and, when ``contributionsCol`` is set, the per-term contributions (binary: one number
    per term; multiclass: one array of class scores per term) that sum with the intercept to the
    raw score. Its params are its estimator's (``EbmClassifierParams``).
    """

    _java_class = "io.sparkxai.ebm.ExplainableBoostingClassificationModel"

    catSmooth: "Param[float]" = Param(
        Params._dummy(),
        "catSmooth",
        "smoothing of the ratio that orders categories",
        typeConverter=TypeConverters.toFloat,
    )
    categoricalCols: "Param[List[str]]" = Param(
        Params._dummy(),
        "categoricalCols",
        "features to treat as categorical even when numeric",
        typeConverter=TypeConverters.toListString,
    )
    contributionsCol: "Param[str]" = Param(
        Params._dummy(),
        "contributionsCol",
        "output: per-row term contributions, which sum with the intercept to the raw score (empty: not produced)",
        typeConverter=TypeConverters.toString,
    )
    earlyStoppingRounds: "Param[int]" = Param(
        Params._dummy(),
        "earlyStoppingRounds",
        "stop when the validation loss has not improved within this many rounds (0: no early stopping)",
        typeConverter=TypeConverters.toInt,
    )
    earlyStoppingTolerance: "Param[float]" = Param(
        Params._dummy(),
        "earlyStoppingTolerance",
        "relative improvement that counts",
        typeConverter=TypeConverters.toFloat,
    )
    family: "Param[str]" = Param(
        Params._dummy(),
        "family",
        "\"auto\" (binary for labels {0, 1}, else multinomial), \"binary\" (labels must be 0 or 1) or \"multinomial\"",
        typeConverter=TypeConverters.toString,
    )
    featureNames: "Param[List[str]]" = Param(
        Params._dummy(),
        "featureNames",
        "names of the slots of featuresCol (default: the vector's attribute names, else f0, f1, ...)",
        typeConverter=TypeConverters.toListString,
    )
    featuresCol: "Param[str]" = Param(
        Params._dummy(),
        "featuresCol",
        "vector column of features (used when inputCols is empty)",
        typeConverter=TypeConverters.toString,
    )
    gainScale: "Param[float]" = Param(
        Params._dummy(),
        "gainScale",
        "factor on the gain of categorical mains in greedy ranking",
        typeConverter=TypeConverters.toFloat,
    )
    greedyRatio: "Param[float]" = Param(
        Params._dummy(),
        "greedyRatio",
        "greedy steps per term after each cyclic gain pass (0: purely cyclic)",
        typeConverter=TypeConverters.toFloat,
    )
    handleInvalid: "Param[str]" = Param(
        Params._dummy(),
        "handleInvalid",
        "rows with a null/NaN/infinite label or bad weight: \"error\" or \"skip\" (skipped rows are counted in the training summary)",
        typeConverter=TypeConverters.toString,
    )
    initialModelPath: "Param[str]" = Param(
        Params._dummy(),
        "initialModelPath",
        "a saved EBM model to continue boosting from (warm start; empty: none)",
        typeConverter=TypeConverters.toString,
    )
    inputCols: "Param[List[str]]" = Param(
        Params._dummy(),
        "inputCols",
        "feature columns: numeric ones are binned by quantiles, string ones and those in categoricalCols are categorical",
        typeConverter=TypeConverters.toListString,
    )
    interactionSmoothingRounds: "Param[int]" = Param(
        Params._dummy(),
        "interactionSmoothingRounds",
        "initial rounds with random split points (pairs)",
        typeConverter=TypeConverters.toInt,
    )
    interactions: "Param[str]" = Param(
        Params._dummy(),
        "interactions",
        "pairs to boost: a count (\"10\"), or a multiple of the feature count (\"3x\"); \"0\" for none",
        typeConverter=TypeConverters.toString,
    )
    labelCol: "Param[str]" = Param(
        Params._dummy(),
        "labelCol",
        "label column: class index 0..K-1 (classification) or the target (regression)",
        typeConverter=TypeConverters.toString,
    )
    learningRate: "Param[float]" = Param(
        Params._dummy(),
        "learningRate",
        "shrinkage of each term update",
        typeConverter=TypeConverters.toFloat,
    )
    logEvery: "Param[int]" = Param(
        Params._dummy(),
        "logEvery",
        "log a progress line every this many rounds (0: never)",
        typeConverter=TypeConverters.toInt,
    )
    maxBins: "Param[int]" = Param(
        Params._dummy(),
        "maxBins",
        "bins per feature for main effects, missing and unseen included",
        typeConverter=TypeConverters.toInt,
    )
    maxInteractionBins: "Param[int]" = Param(
        Params._dummy(),
        "maxInteractionBins",
        "bins per feature inside pairs",
        typeConverter=TypeConverters.toInt,
    )
    maxLeaves: "Param[int]" = Param(
        Params._dummy(),
        "maxLeaves",
        "leaves of each main-term update tree",
        typeConverter=TypeConverters.toInt,
    )
    maxRounds: "Param[int]" = Param(
        Params._dummy(),
        "maxRounds",
        "most boosting rounds (one step per term each)",
        typeConverter=TypeConverters.toInt,
    )
    minCatSamples: "Param[int]" = Param(
        Params._dummy(),
        "minCatSamples",
        "categories with fewer training rows are pooled",
        typeConverter=TypeConverters.toInt,
    )
    minHessian: "Param[float]" = Param(
        Params._dummy(),
        "minHessian",
        "smallest hessian sum in a leaf",
        typeConverter=TypeConverters.toFloat,
    )
    minSamplesLeaf: "Param[int]" = Param(
        Params._dummy(),
        "minSamplesLeaf",
        "fewest training rows in a leaf",
        typeConverter=TypeConverters.toInt,
    )
    monotoneConstraints: "Param[List[str]]" = Param(
        Params._dummy(),
        "monotoneConstraints",
        "monotone constraints, one \"feature=direction\" per constrained numeric feature: 1 (or +1) increasing, -1 decreasing, 0 free; pairs with a constrained feature are not chosen (interpretml's monotone_constraints)",
        typeConverter=TypeConverters.toListString,
    )
    numShards: "Param[int]" = Param(
        Params._dummy(),
        "numShards",
        "shards one bag's rows are split into (0: one per shardRows rows, see EbmSettings); 1 boosts exactly in one task",
        typeConverter=TypeConverters.toInt,
    )
    outerBags: "Param[int]" = Param(
        Params._dummy(),
        "outerBags",
        "outer bags (train/validation splits) averaged into the model",
        typeConverter=TypeConverters.toInt,
    )
    predictionCol: "Param[str]" = Param(
        Params._dummy(),
        "predictionCol",
        "output: the prediction",
        typeConverter=TypeConverters.toString,
    )
    probabilityCol: "Param[str]" = Param(
        Params._dummy(),
        "probabilityCol",
        "output: class probabilities (empty: not produced)",
        typeConverter=TypeConverters.toString,
    )
    rawPredictionCol: "Param[str]" = Param(
        Params._dummy(),
        "rawPredictionCol",
        "output: raw scores; binary: [-margin, margin] (empty: not produced)",
        typeConverter=TypeConverters.toString,
    )
    roundsPerSync: "Param[int]" = Param(
        Params._dummy(),
        "roundsPerSync",
        "schedule rounds each shard runs between merges (sharded mode)",
        typeConverter=TypeConverters.toInt,
    )
    rowIdCol: "Param[str]" = Param(
        Params._dummy(),
        "rowIdCol",
        "column of stable row ids that decide shards, bags and validation rows (empty: a hash of the row's content)",
        typeConverter=TypeConverters.toString,
    )
    seed: "Param[int]" = Param(
        Params._dummy(),
        "seed",
        "seed of bags, splits and random steps",
        typeConverter=TypeConverters.toInt,
    )
    smoothingRounds: "Param[int]" = Param(
        Params._dummy(),
        "smoothingRounds",
        "initial rounds with random split points (mains)",
        typeConverter=TypeConverters.toInt,
    )
    uncertaintyCol: "Param[str]" = Param(
        Params._dummy(),
        "uncertaintyCol",
        "output: per-row standard deviation of the raw score over the outer bags (multiclass: an array, one per class; empty: not produced)",
        typeConverter=TypeConverters.toString,
    )
    validationIndicatorCol: "Param[str]" = Param(
        Params._dummy(),
        "validationIndicatorCol",
        "boolean column marking the validation rows of every bag (empty: a seeded split of validationSize)",
        typeConverter=TypeConverters.toString,
    )
    validationSize: "Param[float]" = Param(
        Params._dummy(),
        "validationSize",
        "fraction of rows validating each bag",
        typeConverter=TypeConverters.toFloat,
    )
    weightCol: "Param[str]" = Param(
        Params._dummy(),
        "weightCol",
        "row weight column (empty: every row weighs 1)",
        typeConverter=TypeConverters.toString,
    )

    def __init__(self, java_model: Optional[Any] = None) -> None:
        super().__init__(java_model)
        self._setDefault(
            catSmooth=10.0,
            categoricalCols=[],
            contributionsCol="",
            earlyStoppingRounds=100,
            earlyStoppingTolerance=1.0e-5,
            family="auto",
            featureNames=[],
            featuresCol="features",
            gainScale=5.0,
            greedyRatio=10.0,
            handleInvalid="error",
            initialModelPath="",
            inputCols=[],
            interactionSmoothingRounds=75,
            interactions="3x",
            labelCol="label",
            learningRate=0.015,
            logEvery=100,
            maxBins=1024,
            maxInteractionBins=64,
            maxLeaves=2,
            maxRounds=50000,
            minCatSamples=10,
            minHessian=1.0e-4,
            minSamplesLeaf=4,
            monotoneConstraints=[],
            numShards=0,
            outerBags=14,
            predictionCol="prediction",
            probabilityCol="probability",
            rawPredictionCol="rawPrediction",
            roundsPerSync=50,
            rowIdCol="",
            seed=42,
            smoothingRounds=75,
            uncertaintyCol="",
            validationIndicatorCol="",
            validationSize=0.15,
            weightCol="",
        )

    def getCatSmooth(self) -> float:
        """The value of catSmooth or its default: smoothing of the ratio that orders categories"""
        return self.getOrDefault(self.catSmooth)

    def setCatSmooth(self, value: float) -> "ExplainableBoostingClassificationModel":
        """Sets catSmooth: smoothing of the ratio that orders categories"""
        return self._set(catSmooth=value)

    def getCategoricalCols(self) -> List[str]:
        """The value of categoricalCols or its default: features to treat as categorical even when
        numeric
        """
        return self.getOrDefault(self.categoricalCols)

    def setCategoricalCols(self, value: List[str]) -> "ExplainableBoostingClassificationModel":
        """Sets categoricalCols: features to treat as categorical even when numeric"""
        return self._set(categoricalCols=value)

    def getContributionsCol(self) -> str:
        """The value of contributionsCol or its default: output: per-row term contributions, which
        sum with the intercept to the raw score (empty: not produced)
        """
        return self.getOrDefault(self.contributionsCol)

    def setContributionsCol(self, value: str) -> "ExplainableBoostingClassificationModel":
        """Sets contributionsCol: output: per-row term contributions, which sum with the intercept
        to the raw score (empty: not produced)
        """
        return self._set(contributionsCol=value)

    def getEarlyStoppingRounds(self) -> int:
        """The value of earlyStoppingRounds or its default: stop when the validation loss has not
        improved within this many rounds (0: no early stopping)
        """
        return self.getOrDefault(self.earlyStoppingRounds)

    def setEarlyStoppingRounds(self, value: int) -> "ExplainableBoostingClassificationModel":
        """Sets earlyStoppingRounds: stop when the validation loss has not improved within this
        many rounds (0: no early stopping)
        """
        return self._set(earlyStoppingRounds=value)

    def getEarlyStoppingTolerance(self) -> float:
        """The value of earlyStoppingTolerance or its default: relative improvement that counts"""
        return self.getOrDefault(self.earlyStoppingTolerance)

    def setEarlyStoppingTolerance(self, value: float) -> "ExplainableBoostingClassificationModel":
        """Sets earlyStoppingTolerance: relative improvement that counts"""
        return self._set(earlyStoppingTolerance=value)

    def getFamily(self) -> str:
        """The value of family or its default: "auto" (binary for labels {0, 1}, else multinomial),
        "binary" (labels must be 0 or 1) or "multinomial"
        """
        return self.getOrDefault(self.family)

    def setFamily(self, value: str) -> "ExplainableBoostingClassificationModel":
        """Sets family: "auto" (binary for labels {0, 1}, else multinomial), "binary" (labels must
        be 0 or 1) or "multinomial"
        """
        return self._set(family=value)

    def getFeatureNames(self) -> List[str]:
        """The value of featureNames or its default: names of the slots of featuresCol (default:
        the vector's attribute names, else f0, f1, ...)
        """
        return self.getOrDefault(self.featureNames)

    def setFeatureNames(self, value: List[str]) -> "ExplainableBoostingClassificationModel":
        """Sets featureNames: names of the slots of featuresCol (default: the vector's attribute
        names, else f0, f1, ...)
        """
        return self._set(featureNames=value)

    def getFeaturesCol(self) -> str:
        """The value of featuresCol or its default: vector column of features (used when inputCols
        is empty)
        """
        return self.getOrDefault(self.featuresCol)

    def setFeaturesCol(self, value: str) -> "ExplainableBoostingClassificationModel":
        """Sets featuresCol: vector column of features (used when inputCols is empty)"""
        return self._set(featuresCol=value)

    def getGainScale(self) -> float:
        """The value of gainScale or its default: factor on the gain of categorical mains in greedy
        ranking
        """
        return self.getOrDefault(self.gainScale)

    def setGainScale(self, value: float) -> "ExplainableBoostingClassificationModel":
        """Sets gainScale: factor on the gain of categorical mains in greedy ranking"""
        return self._set(gainScale=value)

    def getGreedyRatio(self) -> float:
        """The value of greedyRatio or its default: greedy steps per term after each cyclic gain
        pass (0: purely cyclic)
        """
        return self.getOrDefault(self.greedyRatio)

    def setGreedyRatio(self, value: float) -> "ExplainableBoostingClassificationModel":
        """Sets greedyRatio: greedy steps per term after each cyclic gain pass (0: purely cyclic)"""
        return self._set(greedyRatio=value)

    def getHandleInvalid(self) -> str:
        """The value of handleInvalid or its default: rows with a null/NaN/infinite label or bad
        weight: "error" or "skip" (skipped rows are counted in the training summary)
        """
        return self.getOrDefault(self.handleInvalid)

    def setHandleInvalid(self, value: str) -> "ExplainableBoostingClassificationModel":
        """Sets handleInvalid: rows with a null/NaN/infinite label or bad weight: "error" or "skip"
        (skipped rows are counted in the training summary)
        """
        return self._set(handleInvalid=value)

    def getInitialModelPath(self) -> str:
        """The value of initialModelPath or its default: a saved EBM model to continue boosting
        from (warm start; empty: none)
        """
        return self.getOrDefault(self.initialModelPath)

    def setInitialModelPath(self, value: str) -> "ExplainableBoostingClassificationModel":
        """Sets initialModelPath: a saved EBM model to continue boosting from (warm start; empty:
        none)
        """
        return self._set(initialModelPath=value)

    def getInputCols(self) -> List[str]:
        """The value of inputCols or its default: feature columns: numeric ones are binned by
        quantiles, string ones and those in categoricalCols are categorical
        """
        return self.getOrDefault(self.inputCols)

    def setInputCols(self, value: List[str]) -> "ExplainableBoostingClassificationModel":
        """Sets inputCols: feature columns: numeric ones are binned by quantiles, string ones and
        those in categoricalCols are categorical
        """
        return self._set(inputCols=value)

    def getInteractionSmoothingRounds(self) -> int:
        """The value of interactionSmoothingRounds or its default: initial rounds with random split
        points (pairs)
        """
        return self.getOrDefault(self.interactionSmoothingRounds)

    def setInteractionSmoothingRounds(self, value: int) -> "ExplainableBoostingClassificationModel":
        """Sets interactionSmoothingRounds: initial rounds with random split points (pairs)"""
        return self._set(interactionSmoothingRounds=value)

    def getInteractions(self) -> str:
        """The value of interactions or its default: pairs to boost: a count ("10"), or a multiple
        of the feature count ("3x"); "0" for none
        """
        return self.getOrDefault(self.interactions)

    def setInteractions(self, value: str) -> "ExplainableBoostingClassificationModel":
        """Sets interactions: pairs to boost: a count ("10"), or a multiple of the feature count
        ("3x"); "0" for none
        """
        return self._set(interactions=value)

    def getLabelCol(self) -> str:
        """The value of labelCol or its default: label column: class index 0..K-1 (classification)
        or the target (regression)
        """
        return self.getOrDefault(self.labelCol)

    def setLabelCol(self, value: str) -> "ExplainableBoostingClassificationModel":
        """Sets labelCol: label column: class index 0..K-1 (classification) or the target
        (regression)
        """
        return self._set(labelCol=value)

    def getLearningRate(self) -> float:
        """The value of learningRate or its default: shrinkage of each term update"""
        return self.getOrDefault(self.learningRate)

    def setLearningRate(self, value: float) -> "ExplainableBoostingClassificationModel":
        """Sets learningRate: shrinkage of each term update"""
        return self._set(learningRate=value)

    def getLogEvery(self) -> int:
        """The value of logEvery or its default: log a progress line every this many rounds (0:
        never)
        """
        return self.getOrDefault(self.logEvery)

    def setLogEvery(self, value: int) -> "ExplainableBoostingClassificationModel":
        """Sets logEvery: log a progress line every this many rounds (0: never)"""
        return self._set(logEvery=value)

    def getMaxBins(self) -> int:
        """The value of maxBins or its default: bins per feature for main effects, missing and
        unseen included
        """
        return self.getOrDefault(self.maxBins)

    def setMaxBins(self, value: int) -> "ExplainableBoostingClassificationModel":
        """Sets maxBins: bins per feature for main effects, missing and unseen included"""
        return self._set(maxBins=value)

    def getMaxInteractionBins(self) -> int:
        """The value of maxInteractionBins or its default: bins per feature inside pairs"""
        return self.getOrDefault(self.maxInteractionBins)

    def setMaxInteractionBins(self, value: int) -> "ExplainableBoostingClassificationModel":
        """Sets maxInteractionBins: bins per feature inside pairs"""
        return self._set(maxInteractionBins=value)

    def getMaxLeaves(self) -> int:
        """The value of maxLeaves or its default: leaves of each main-term update tree"""
        return self.getOrDefault(self.maxLeaves)

    def setMaxLeaves(self, value: int) -> "ExplainableBoostingClassificationModel":
        """Sets maxLeaves: leaves of each main-term update tree"""
        return self._set(maxLeaves=value)

    def getMaxRounds(self) -> int:
        """The value of maxRounds or its default: most boosting rounds (one step per term each)"""
        return self.getOrDefault(self.maxRounds)

    def setMaxRounds(self, value: int) -> "ExplainableBoostingClassificationModel":
        """Sets maxRounds: most boosting rounds (one step per term each)"""
        return self._set(maxRounds=value)

    def getMinCatSamples(self) -> int:
        """The value of minCatSamples or its default: categories with fewer training rows are
        pooled
        """
        return self.getOrDefault(self.minCatSamples)

    def setMinCatSamples(self, value: int) -> "ExplainableBoostingClassificationModel":
        """Sets minCatSamples: categories with fewer training rows are pooled"""
        return self._set(minCatSamples=value)

    def getMinHessian(self) -> float:
        """The value of minHessian or its default: smallest hessian sum in a leaf"""
        return self.getOrDefault(self.minHessian)

    def setMinHessian(self, value: float) -> "ExplainableBoostingClassificationModel":
        """Sets minHessian: smallest hessian sum in a leaf"""
        return self._set(minHessian=value)

    def getMinSamplesLeaf(self) -> int:
        """The value of minSamplesLeaf or its default: fewest training rows in a leaf"""
        return self.getOrDefault(self.minSamplesLeaf)

    def setMinSamplesLeaf(self, value: int) -> "ExplainableBoostingClassificationModel":
        """Sets minSamplesLeaf: fewest training rows in a leaf"""
        return self._set(minSamplesLeaf=value)

    def getMonotoneConstraints(self) -> List[str]:
        """The value of monotoneConstraints or its default: monotone constraints, one
        "feature=direction" per constrained numeric feature: 1 (or +1) increasing, -1
        decreasing, 0 free; pairs with a constrained feature are not chosen (interpretml's
        monotone_constraints)
        """
        return self.getOrDefault(self.monotoneConstraints)

    def setMonotoneConstraints(self, value: List[str]) -> "ExplainableBoostingClassificationModel":
        """Sets monotoneConstraints: monotone constraints, one "feature=direction" per constrained
        numeric feature: 1 (or +1) increasing, -1 decreasing, 0 free; pairs with a constrained
        feature are not chosen (interpretml's monotone_constraints)
        """
        return self._set(monotoneConstraints=value)

    def getNumShards(self) -> int:
        """The value of numShards or its default: shards one bag's rows are split into (0: one per
        shardRows rows, see EbmSettings); 1 boosts exactly in one task
        """
        return self.getOrDefault(self.numShards)

    def setNumShards(self, value: int) -> "ExplainableBoostingClassificationModel":
        """Sets numShards: shards one bag's rows are split into (0: one per shardRows rows, see
        EbmSettings); 1 boosts exactly in one task
        """
        return self._set(numShards=value)

    def getOuterBags(self) -> int:
        """The value of outerBags or its default: outer bags (train/validation splits) averaged
        into the model
        """
        return self.getOrDefault(self.outerBags)

    def setOuterBags(self, value: int) -> "ExplainableBoostingClassificationModel":
        """Sets outerBags: outer bags (train/validation splits) averaged into the model"""
        return self._set(outerBags=value)

    def getPredictionCol(self) -> str:
        """The value of predictionCol or its default: output: the prediction"""
        return self.getOrDefault(self.predictionCol)

    def setPredictionCol(self, value: str) -> "ExplainableBoostingClassificationModel":
        """Sets predictionCol: output: the prediction"""
        return self._set(predictionCol=value)

    def getProbabilityCol(self) -> str:
        """The value of probabilityCol or its default: output: class probabilities (empty: not
        produced)
        """
        return self.getOrDefault(self.probabilityCol)

    def setProbabilityCol(self, value: str) -> "ExplainableBoostingClassificationModel":
        """Sets probabilityCol: output: class probabilities (empty: not produced)"""
        return self._set(probabilityCol=value)

    def getRawPredictionCol(self) -> str:
        """The value of rawPredictionCol or its default: output: raw scores; binary: [-margin,
        margin] (empty: not produced)
        """
        return self.getOrDefault(self.rawPredictionCol)

    def setRawPredictionCol(self, value: str) -> "ExplainableBoostingClassificationModel":
        """Sets rawPredictionCol: output: raw scores; binary: [-margin, margin] (empty: not
        produced)
        """
        return self._set(rawPredictionCol=value)

    def getRoundsPerSync(self) -> int:
        """The value of roundsPerSync or its default: schedule rounds each shard runs between
        merges (sharded mode)
        """
        return self.getOrDefault(self.roundsPerSync)

    def setRoundsPerSync(self, value: int) -> "ExplainableBoostingClassificationModel":
        """Sets roundsPerSync: schedule rounds each shard runs between merges (sharded mode)"""
        return self._set(roundsPerSync=value)

    def getRowIdCol(self) -> str:
        """The value of rowIdCol or its default: column of stable row ids that decide shards, bags
        and validation rows (empty: a hash of the row's content)
        """
        return self.getOrDefault(self.rowIdCol)

    def setRowIdCol(self, value: str) -> "ExplainableBoostingClassificationModel":
        """Sets rowIdCol: column of stable row ids that decide shards, bags and validation rows
        (empty: a hash of the row's content)
        """
        return self._set(rowIdCol=value)

    def getSeed(self) -> int:
        """The value of seed or its default: seed of bags, splits and random steps"""
        return self.getOrDefault(self.seed)

    def setSeed(self, value: int) -> "ExplainableBoostingClassificationModel":
        """Sets seed: seed of bags, splits and random steps"""
        return self._set(seed=value)

    def getSmoothingRounds(self) -> int:
        """The value of smoothingRounds or its default: initial rounds with random split points
        (mains)
        """
        return self.getOrDefault(self.smoothingRounds)

    def setSmoothingRounds(self, value: int) -> "ExplainableBoostingClassificationModel":
        """Sets smoothingRounds: initial rounds with random split points (mains)"""
        return self._set(smoothingRounds=value)

    def getUncertaintyCol(self) -> str:
        """The value of uncertaintyCol or its default: output: per-row standard deviation of the
        raw score over the outer bags (multiclass: an array, one per class; empty: not produced)
        """
        return self.getOrDefault(self.uncertaintyCol)

    def setUncertaintyCol(self, value: str) -> "ExplainableBoostingClassificationModel":
        """Sets uncertaintyCol: output: per-row standard deviation of the raw score over the outer
        bags (multiclass: an array, one per class; empty: not produced)
        """
        return self._set(uncertaintyCol=value)

    def getValidationIndicatorCol(self) -> str:
        """The value of validationIndicatorCol or its default: boolean column marking the
        validation rows of every bag (empty: a seeded split of validationSize)
        """
        return self.getOrDefault(self.validationIndicatorCol)

    def setValidationIndicatorCol(self, value: str) -> "ExplainableBoostingClassificationModel":
        """Sets validationIndicatorCol: boolean column marking the validation rows of every bag
        (empty: a seeded split of validationSize)
        """
        return self._set(validationIndicatorCol=value)

    def getValidationSize(self) -> float:
        """The value of validationSize or its default: fraction of rows validating each bag"""
        return self.getOrDefault(self.validationSize)

    def setValidationSize(self, value: float) -> "ExplainableBoostingClassificationModel":
        """Sets validationSize: fraction of rows validating each bag"""
        return self._set(validationSize=value)

    def getWeightCol(self) -> str:
        """The value of weightCol or its default: row weight column (empty: every row weighs 1)"""
        return self.getOrDefault(self.weightCol)

    def setWeightCol(self, value: str) -> "ExplainableBoostingClassificationModel":
        """Sets weightCol: row weight column (empty: every row weighs 1)"""
        return self._set(weightCol=value)


class ExplainableBoostingClassifier(SparkXaiEstimator):
    """Explainable Boosting Machine classifier (binary and multiclass) on Spark: a GA2M ``logit(p)
    = intercept + sum_i f_i(x_i) + sum_ij f_ij(x_i, x_j)`` fitted by cyclic gradient boosting
    with interpretml's algorithm and defaults (learning rate 0.015, 75 smoothing rounds, greedy
    ratio 10, 14 outer bags, "3x" FAST-ranked pairs, early stopping after 100 rounds).

    Labels are class indexes (``0, 1, ...``; index strings with ``StringIndexer``, whose labels
    then become the model's ``classNames()``). String columns and ``categoricalCols`` are
    categorical; other numeric columns are binned by quantile. The params are those of
    ``EbmClassifierParams``, with their declared defaults.
    """

    _java_class = "io.sparkxai.ebm.ExplainableBoostingClassifier"

    catSmooth: "Param[float]" = Param(
        Params._dummy(),
        "catSmooth",
        "smoothing of the ratio that orders categories",
        typeConverter=TypeConverters.toFloat,
    )
    categoricalCols: "Param[List[str]]" = Param(
        Params._dummy(),
        "categoricalCols",
        "features to treat as categorical even when numeric",
        typeConverter=TypeConverters.toListString,
    )
    contributionsCol: "Param[str]" = Param(
        Params._dummy(),
        "contributionsCol",
        "output: per-row term contributions, which sum with the intercept to the raw score (empty: not produced)",
        typeConverter=TypeConverters.toString,
    )
    earlyStoppingRounds: "Param[int]" = Param(
        Params._dummy(),
        "earlyStoppingRounds",
        "stop when the validation loss has not improved within this many rounds (0: no early stopping)",
        typeConverter=TypeConverters.toInt,
    )
    earlyStoppingTolerance: "Param[float]" = Param(
        Params._dummy(),
        "earlyStoppingTolerance",
        "relative improvement that counts",
        typeConverter=TypeConverters.toFloat,
    )
    family: "Param[str]" = Param(
        Params._dummy(),
        "family",
        "\"auto\" (binary for labels {0, 1}, else multinomial), \"binary\" (labels must be 0 or 1) or \"multinomial\"",
        typeConverter=TypeConverters.toString,
    )
    featureNames: "Param[List[str]]" = Param(
        Params._dummy(),
        "featureNames",
        "names of the slots of featuresCol (default: the vector's attribute names, else f0, f1, ...)",
        typeConverter=TypeConverters.toListString,
    )
    featuresCol: "Param[str]" = Param(
        Params._dummy(),
        "featuresCol",
        "vector column of features (used when inputCols is empty)",
        typeConverter=TypeConverters.toString,
    )
    gainScale: "Param[float]" = Param(
        Params._dummy(),
        "gainScale",
        "factor on the gain of categorical mains in greedy ranking",
        typeConverter=TypeConverters.toFloat,
    )
    greedyRatio: "Param[float]" = Param(
        Params._dummy(),
        "greedyRatio",
        "greedy steps per term after each cyclic gain pass (0: purely cyclic)",
        typeConverter=TypeConverters.toFloat,
    )
    handleInvalid: "Param[str]" = Param(
        Params._dummy(),
        "handleInvalid",
        "rows with a null/NaN/infinite label or bad weight: \"error\" or \"skip\" (skipped rows are counted in the training summary)",
        typeConverter=TypeConverters.toString,
    )
    initialModelPath: "Param[str]" = Param(
        Params._dummy(),
        "initialModelPath",
        "a saved EBM model to continue boosting from (warm start; empty: none)",
        typeConverter=TypeConverters.toString,
    )
    inputCols: "Param[List[str]]" = Param(
        Params._dummy(),
        "inputCols",
        "feature columns: numeric ones are binned by quantiles, string ones and those in categoricalCols are categorical",
        typeConverter=TypeConverters.toListString,
    )
    interactionSmoothingRounds: "Param[int]" = Param(
        Params._dummy(),
        "interactionSmoothingRounds",
        "initial rounds with random split points (pairs)",
        typeConverter=TypeConverters.toInt,
    )
    interactions: "Param[str]" = Param(
        Params._dummy(),
        "interactions",
        "pairs to boost: a count (\"10\"), or a multiple of the feature count (\"3x\"); \"0\" for none",
        typeConverter=TypeConverters.toString,
    )
    labelCol: "Param[str]" = Param(
        Params._dummy(),
        "labelCol",
        "label column: class index 0..K-1 (classification) or the target (regression)",
        typeConverter=TypeConverters.toString,
    )
    learningRate: "Param[float]" = Param(
        Params._dummy(),
        "learningRate",
        "shrinkage of each term update",
        typeConverter=TypeConverters.toFloat,
    )
    logEvery: "Param[int]" = Param(
        Params._dummy(),
        "logEvery",
        "log a progress line every this many rounds (0: never)",
        typeConverter=TypeConverters.toInt,
    )
    maxBins: "Param[int]" = Param(
        Params._dummy(),
        "maxBins",
        "bins per feature for main effects, missing and unseen included",
        typeConverter=TypeConverters.toInt,
    )
    maxInteractionBins: "Param[int]" = Param(
        Params._dummy(),
        "maxInteractionBins",
        "bins per feature inside pairs",
        typeConverter=TypeConverters.toInt,
    )
    maxLeaves: "Param[int]" = Param(
        Params._dummy(),
        "maxLeaves",
        "leaves of each main-term update tree",
        typeConverter=TypeConverters.toInt,
    )
    maxRounds: "Param[int]" = Param(
        Params._dummy(),
        "maxRounds",
        "most boosting rounds (one step per term each)",
        typeConverter=TypeConverters.toInt,
    )
    minCatSamples: "Param[int]" = Param(
        Params._dummy(),
        "minCatSamples",
        "categories with fewer training rows are pooled",
        typeConverter=TypeConverters.toInt,
    )
    minHessian: "Param[float]" = Param(
        Params._dummy(),
        "minHessian",
        "smallest hessian sum in a leaf",
        typeConverter=TypeConverters.toFloat,
    )
    minSamplesLeaf: "Param[int]" = Param(
        Params._dummy(),
        "minSamplesLeaf",
        "fewest training rows in a leaf",
        typeConverter=TypeConverters.toInt,
    )
    monotoneConstraints: "Param[List[str]]" = Param(
        Params._dummy(),
        "monotoneConstraints",
        "monotone constraints, one \"feature=direction\" per constrained numeric feature: 1 (or +1) increasing, -1 decreasing, 0 free; pairs with a constrained feature are not chosen (interpretml's monotone_constraints)",
        typeConverter=TypeConverters.toListString,
    )
    numShards: "Param[int]" = Param(
        Params._dummy(),
        "numShards",
        "shards one bag's rows are split into (0: one per shardRows rows, see EbmSettings); 1 boosts exactly in one task",
        typeConverter=TypeConverters.toInt,
    )
    outerBags: "Param[int]" = Param(
        Params._dummy(),
        "outerBags",
        "outer bags (train/validation splits) averaged into the model",
        typeConverter=TypeConverters.toInt,
    )
    predictionCol: "Param[str]" = Param(
        Params._dummy(),
        "predictionCol",
        "output: the prediction",
        typeConverter=TypeConverters.toString,
    )
    probabilityCol: "Param[str]" = Param(
        Params._dummy(),
        "probabilityCol",
        "output: class probabilities (empty: not produced)",
        typeConverter=TypeConverters.toString,
    )
    rawPredictionCol: "Param[str]" = Param(
        Params._dummy(),
        "rawPredictionCol",
        "output: raw scores; binary: [-margin, margin] (empty: not produced)",
        typeConverter=TypeConverters.toString,
    )
    roundsPerSync: "Param[int]" = Param(
        Params._dummy(),
        "roundsPerSync",
        "schedule rounds each shard runs between merges (sharded mode)",
        typeConverter=TypeConverters.toInt,
    )
    rowIdCol: "Param[str]" = Param(
        Params._dummy(),
        "rowIdCol",
        "column of stable row ids that decide shards, bags and validation rows (empty: a hash of the row's content)",
        typeConverter=TypeConverters.toString,
    )
    seed: "Param[int]" = Param(
        Params._dummy(),
        "seed",
        "seed of bags, splits and random steps",
        typeConverter=TypeConverters.toInt,
    )
    smoothingRounds: "Param[int]" = Param(
        Params._dummy(),
        "smoothingRounds",
        "initial rounds with random split points (mains)",
        typeConverter=TypeConverters.toInt,
    )
    uncertaintyCol: "Param[str]" = Param(
        Params._dummy(),
        "uncertaintyCol",
        "output: per-row standard deviation of the raw score over the outer bags (multiclass: an array, one per class; empty: not produced)",
        typeConverter=TypeConverters.toString,
    )
    validationIndicatorCol: "Param[str]" = Param(
        Params._dummy(),
        "validationIndicatorCol",
        "boolean column marking the validation rows of every bag (empty: a seeded split of validationSize)",
        typeConverter=TypeConverters.toString,
    )
    validationSize: "Param[float]" = Param(
        Params._dummy(),
        "validationSize",
        "fraction of rows validating each bag",
        typeConverter=TypeConverters.toFloat,
    )
    weightCol: "Param[str]" = Param(
        Params._dummy(),
        "weightCol",
        "row weight column (empty: every row weighs 1)",
        typeConverter=TypeConverters.toString,
    )

    @keyword_only
    def __init__(self, *,
        catSmooth: float = 10.0,
        categoricalCols: List[str] = [],
        contributionsCol: str = "",
        earlyStoppingRounds: int = 100,
        earlyStoppingTolerance: float = 1.0e-5,
        family: str = "auto",
        featureNames: List[str] = [],
        featuresCol: str = "features",
        gainScale: float = 5.0,
        greedyRatio: float = 10.0,
        handleInvalid: str = "error",
        initialModelPath: str = "",
        inputCols: List[str] = [],
        interactionSmoothingRounds: int = 75,
        interactions: str = "3x",
        labelCol: str = "label",
        learningRate: float = 0.015,
        logEvery: int = 100,
        maxBins: int = 1024,
        maxInteractionBins: int = 64,
        maxLeaves: int = 2,
        maxRounds: int = 50000,
        minCatSamples: int = 10,
        minHessian: float = 1.0e-4,
        minSamplesLeaf: int = 4,
        monotoneConstraints: List[str] = [],
        numShards: int = 0,
        outerBags: int = 14,
        predictionCol: str = "prediction",
        probabilityCol: str = "probability",
        rawPredictionCol: str = "rawPrediction",
        roundsPerSync: int = 50,
        rowIdCol: str = "",
        seed: int = 42,
        smoothingRounds: int = 75,
        uncertaintyCol: str = "",
        validationIndicatorCol: str = "",
        validationSize: float = 0.15,
        weightCol: str = "",
    ) -> None:
        super().__init__()
        self._java_obj = self._new_java_obj(self._java_class, self.uid)
        self._setDefault(
            catSmooth=10.0,
            categoricalCols=[],
            contributionsCol="",
            earlyStoppingRounds=100,
            earlyStoppingTolerance=1.0e-5,
            family="auto",
            featureNames=[],
            featuresCol="features",
            gainScale=5.0,
            greedyRatio=10.0,
            handleInvalid="error",
            initialModelPath="",
            inputCols=[],
            interactionSmoothingRounds=75,
            interactions="3x",
            labelCol="label",
            learningRate=0.015,
            logEvery=100,
            maxBins=1024,
            maxInteractionBins=64,
            maxLeaves=2,
            maxRounds=50000,
            minCatSamples=10,
            minHessian=1.0e-4,
            minSamplesLeaf=4,
            monotoneConstraints=[],
            numShards=0,
            outerBags=14,
            predictionCol="prediction",
            probabilityCol="probability",
            rawPredictionCol="rawPrediction",
            roundsPerSync=50,
            rowIdCol="",
            seed=42,
            smoothingRounds=75,
            uncertaintyCol="",
            validationIndicatorCol="",
            validationSize=0.15,
            weightCol="",
        )
        self.setParams(**self._input_kwargs)

    @keyword_only
    def setParams(self, *,
        catSmooth: float = 10.0,
        categoricalCols: List[str] = [],
        contributionsCol: str = "",
        earlyStoppingRounds: int = 100,
        earlyStoppingTolerance: float = 1.0e-5,
        family: str = "auto",
        featureNames: List[str] = [],
        featuresCol: str = "features",
        gainScale: float = 5.0,
        greedyRatio: float = 10.0,
        handleInvalid: str = "error",
        initialModelPath: str = "",
        inputCols: List[str] = [],
        interactionSmoothingRounds: int = 75,
        interactions: str = "3x",
        labelCol: str = "label",
        learningRate: float = 0.015,
        logEvery: int = 100,
        maxBins: int = 1024,
        maxInteractionBins: int = 64,
        maxLeaves: int = 2,
        maxRounds: int = 50000,
        minCatSamples: int = 10,
        minHessian: float = 1.0e-4,
        minSamplesLeaf: int = 4,
        monotoneConstraints: List[str] = [],
        numShards: int = 0,
        outerBags: int = 14,
        predictionCol: str = "prediction",
        probabilityCol: str = "probability",
        rawPredictionCol: str = "rawPrediction",
        roundsPerSync: int = 50,
        rowIdCol: str = "",
        seed: int = 42,
        smoothingRounds: int = 75,
        uncertaintyCol: str = "",
        validationIndicatorCol: str = "",
        validationSize: float = 0.15,
        weightCol: str = "",
    ) -> "ExplainableBoostingClassifier":
        """Sets the params given as keywords."""
        return self._set(**self._input_kwargs)

    def getCatSmooth(self) -> float:
        """The value of catSmooth or its default: smoothing of the ratio that orders categories"""
        return self.getOrDefault(self.catSmooth)

    def setCatSmooth(self, value: float) -> "ExplainableBoostingClassifier":
        """Sets catSmooth: smoothing of the ratio that orders categories"""
        return self._set(catSmooth=value)

    def getCategoricalCols(self) -> List[str]:
        """The value of categoricalCols or its default: features to treat as categorical even when
        numeric
        """
        return self.getOrDefault(self.categoricalCols)

    def setCategoricalCols(self, value: List[str]) -> "ExplainableBoostingClassifier":
        """Sets categoricalCols: features to treat as categorical even when numeric"""
        return self._set(categoricalCols=value)

    def getContributionsCol(self) -> str:
        """The value of contributionsCol or its default: output: per-row term contributions, which
        sum with the intercept to the raw score (empty: not produced)
        """
        return self.getOrDefault(self.contributionsCol)

    def setContributionsCol(self, value: str) -> "ExplainableBoostingClassifier":
        """Sets contributionsCol: output: per-row term contributions, which sum with the intercept
        to the raw score (empty: not produced)
        """
        return self._set(contributionsCol=value)

    def getEarlyStoppingRounds(self) -> int:
        """The value of earlyStoppingRounds or its default: stop when the validation loss has not
        improved within this many rounds (0: no early stopping)
        """
        return self.getOrDefault(self.earlyStoppingRounds)

    def setEarlyStoppingRounds(self, value: int) -> "ExplainableBoostingClassifier":
        """Sets earlyStoppingRounds: stop when the validation loss has not improved within this
        many rounds (0: no early stopping)
        """
        return self._set(earlyStoppingRounds=value)

    def getEarlyStoppingTolerance(self) -> float:
        """The value of earlyStoppingTolerance or its default: relative improvement that counts"""
        return self.getOrDefault(self.earlyStoppingTolerance)

    def setEarlyStoppingTolerance(self, value: float) -> "ExplainableBoostingClassifier":
        """Sets earlyStoppingTolerance: relative improvement that counts"""
        return self._set(earlyStoppingTolerance=value)

    def getFamily(self) -> str:
        """The value of family or its default: "auto" (binary for labels {0, 1}, else multinomial),
        "binary" (labels must be 0 or 1) or "multinomial"
        """
        return self.getOrDefault(self.family)

    def setFamily(self, value: str) -> "ExplainableBoostingClassifier":
        """Sets family: "auto" (binary for labels {0, 1}, else multinomial), "binary" (labels must
        be 0 or 1) or "multinomial"
        """
        return self._set(family=value)

    def getFeatureNames(self) -> List[str]:
        """The value of featureNames or its default: names of the slots of featuresCol (default:
        the vector's attribute names, else f0, f1, ...)
        """
        return self.getOrDefault(self.featureNames)

    def setFeatureNames(self, value: List[str]) -> "ExplainableBoostingClassifier":
        """Sets featureNames: names of the slots of featuresCol (default: the vector's attribute
        names, else f0, f1, ...)
        """
        return self._set(featureNames=value)

    def getFeaturesCol(self) -> str:
        """The value of featuresCol or its default: vector column of features (used when inputCols
        is empty)
        """
        return self.getOrDefault(self.featuresCol)

    def setFeaturesCol(self, value: str) -> "ExplainableBoostingClassifier":
        """Sets featuresCol: vector column of features (used when inputCols is empty)"""
        return self._set(featuresCol=value)

    def getGainScale(self) -> float:
        """The value of gainScale or its default: factor on the gain of categorical mains in greedy
        ranking
        """
        return self.getOrDefault(self.gainScale)

    def setGainScale(self, value: float) -> "ExplainableBoostingClassifier":
        """Sets gainScale: factor on the gain of categorical mains in greedy ranking"""
        return self._set(gainScale=value)

    def getGreedyRatio(self) -> float:
        """The value of greedyRatio or its default: greedy steps per term after each cyclic gain
        pass (0: purely cyclic)
        """
        return self.getOrDefault(self.greedyRatio)

    def setGreedyRatio(self, value: float) -> "ExplainableBoostingClassifier":
        """Sets greedyRatio: greedy steps per term after each cyclic gain pass (0: purely cyclic)"""
        return self._set(greedyRatio=value)

    def getHandleInvalid(self) -> str:
        """The value of handleInvalid or its default: rows with a null/NaN/infinite label or bad
        weight: "error" or "skip" (skipped rows are counted in the training summary)
        """
        return self.getOrDefault(self.handleInvalid)

    def setHandleInvalid(self, value: str) -> "ExplainableBoostingClassifier":
        """Sets handleInvalid: rows with a null/NaN/infinite label or bad weight: "error" or "skip"
        (skipped rows are counted in the training summary)
        """
        return self._set(handleInvalid=value)

    def getInitialModelPath(self) -> str:
        """The value of initialModelPath or its default: a saved EBM model to continue boosting
        from (warm start; empty: none)
        """
        return self.getOrDefault(self.initialModelPath)

    def setInitialModelPath(self, value: str) -> "ExplainableBoostingClassifier":
        """Sets initialModelPath: a saved EBM model to continue boosting from (warm start; empty:
        none)
        """
        return self._set(initialModelPath=value)

    def getInputCols(self) -> List[str]:
        """The value of inputCols or its default: feature columns: numeric ones are binned by
        quantiles, string ones and those in categoricalCols are categorical
        """
        return self.getOrDefault(self.inputCols)

    def setInputCols(self, value: List[str]) -> "ExplainableBoostingClassifier":
        """Sets inputCols: feature columns: numeric ones are binned by quantiles, string ones and
        those in categoricalCols are categorical
        """
        return self._set(inputCols=value)

    def getInteractionSmoothingRounds(self) -> int:
        """The value of interactionSmoothingRounds or its default: initial rounds with random split
        points (pairs)
        """
        return self.getOrDefault(self.interactionSmoothingRounds)

    def setInteractionSmoothingRounds(self, value: int) -> "ExplainableBoostingClassifier":
        """Sets interactionSmoothingRounds: initial rounds with random split points (pairs)"""
        return self._set(interactionSmoothingRounds=value)

    def getInteractions(self) -> str:
        """The value of interactions or its default: pairs to boost: a count ("10"), or a multiple
        of the feature count ("3x"); "0" for none
        """
        return self.getOrDefault(self.interactions)

    def setInteractions(self, value: str) -> "ExplainableBoostingClassifier":
        """Sets interactions: pairs to boost: a count ("10"), or a multiple of the feature count
        ("3x"); "0" for none
        """
        return self._set(interactions=value)

    def getLabelCol(self) -> str:
        """The value of labelCol or its default: label column: class index 0..K-1 (classification)
        or the target (regression)
        """
        return self.getOrDefault(self.labelCol)

    def setLabelCol(self, value: str) -> "ExplainableBoostingClassifier":
        """Sets labelCol: label column: class index 0..K-1 (classification) or the target
        (regression)
        """
        return self._set(labelCol=value)

    def getLearningRate(self) -> float:
        """The value of learningRate or its default: shrinkage of each term update"""
        return self.getOrDefault(self.learningRate)

    def setLearningRate(self, value: float) -> "ExplainableBoostingClassifier":
        """Sets learningRate: shrinkage of each term update"""
        return self._set(learningRate=value)

    def getLogEvery(self) -> int:
        """The value of logEvery or its default: log a progress line every this many rounds (0:
        never)
        """
        return self.getOrDefault(self.logEvery)

    def setLogEvery(self, value: int) -> "ExplainableBoostingClassifier":
        """Sets logEvery: log a progress line every this many rounds (0: never)"""
        return self._set(logEvery=value)

    def getMaxBins(self) -> int:
        """The value of maxBins or its default: bins per feature for main effects, missing and
        unseen included
        """
        return self.getOrDefault(self.maxBins)

    def setMaxBins(self, value: int) -> "ExplainableBoostingClassifier":
        """Sets maxBins: bins per feature for main effects, missing and unseen included"""
        return self._set(maxBins=value)

    def getMaxInteractionBins(self) -> int:
        """The value of maxInteractionBins or its default: bins per feature inside pairs"""
        return self.getOrDefault(self.maxInteractionBins)

    def setMaxInteractionBins(self, value: int) -> "ExplainableBoostingClassifier":
        """Sets maxInteractionBins: bins per feature inside pairs"""
        return self._set(maxInteractionBins=value)

    def getMaxLeaves(self) -> int:
        """The value of maxLeaves or its default: leaves of each main-term update tree"""
        return self.getOrDefault(self.maxLeaves)

    def setMaxLeaves(self, value: int) -> "ExplainableBoostingClassifier":
        """Sets maxLeaves: leaves of each main-term update tree"""
        return self._set(maxLeaves=value)

    def getMaxRounds(self) -> int:
        """The value of maxRounds or its default: most boosting rounds (one step per term each)"""
        return self.getOrDefault(self.maxRounds)

    def setMaxRounds(self, value: int) -> "ExplainableBoostingClassifier":
        """Sets maxRounds: most boosting rounds (one step per term each)"""
        return self._set(maxRounds=value)

    def getMinCatSamples(self) -> int:
        """The value of minCatSamples or its default: categories with fewer training rows are
        pooled
        """
        return self.getOrDefault(self.minCatSamples)

    def setMinCatSamples(self, value: int) -> "ExplainableBoostingClassifier":
        """Sets minCatSamples: categories with fewer training rows are pooled"""
        return self._set(minCatSamples=value)

    def getMinHessian(self) -> float:
        """The value of minHessian or its default: smallest hessian sum in a leaf"""
        return self.getOrDefault(self.minHessian)

    def setMinHessian(self, value: float) -> "ExplainableBoostingClassifier":
        """Sets minHessian: smallest hessian sum in a leaf"""
        return self._set(minHessian=value)

    def getMinSamplesLeaf(self) -> int:
        """The value of minSamplesLeaf or its default: fewest training rows in a leaf"""
        return self.getOrDefault(self.minSamplesLeaf)

    def setMinSamplesLeaf(self, value: int) -> "ExplainableBoostingClassifier":
        """Sets minSamplesLeaf: fewest training rows in a leaf"""
        return self._set(minSamplesLeaf=value)

    def getMonotoneConstraints(self) -> List[str]:
        """The value of monotoneConstraints or its default: monotone constraints, one
        "feature=direction" per constrained numeric feature: 1 (or +1) increasing, -1
        decreasing, 0 free; pairs with a constrained feature are not chosen (interpretml's
        monotone_constraints)
        """
        return self.getOrDefault(self.monotoneConstraints)

    def setMonotoneConstraints(self, value: List[str]) -> "ExplainableBoostingClassifier":
        """Sets monotoneConstraints: monotone constraints, one "feature=direction" per constrained
        numeric feature: 1 (or +1) increasing, -1 decreasing, 0 free; pairs with a constrained
        feature are not chosen (interpretml's monotone_constraints)
        """
        return self._set(monotoneConstraints=value)

    def getNumShards(self) -> int:
        """The value of numShards or its default: shards one bag's rows are split into (0: one per
        shardRows rows, see EbmSettings); 1 boosts exactly in one task
        """
        return self.getOrDefault(self.numShards)

    def setNumShards(self, value: int) -> "ExplainableBoostingClassifier":
        """Sets numShards: shards one bag's rows are split into (0: one per shardRows rows, see
        EbmSettings); 1 boosts exactly in one task
        """
        return self._set(numShards=value)

    def getOuterBags(self) -> int:
        """The value of outerBags or its default: outer bags (train/validation splits) averaged
        into the model
        """
        return self.getOrDefault(self.outerBags)

    def setOuterBags(self, value: int) -> "ExplainableBoostingClassifier":
        """Sets outerBags: outer bags (train/validation splits) averaged into the model"""
        return self._set(outerBags=value)

    def getPredictionCol(self) -> str:
        """The value of predictionCol or its default: output: the prediction"""
        return self.getOrDefault(self.predictionCol)

    def setPredictionCol(self, value: str) -> "ExplainableBoostingClassifier":
        """Sets predictionCol: output: the prediction"""
        return self._set(predictionCol=value)

    def getProbabilityCol(self) -> str:
        """The value of probabilityCol or its default: output: class probabilities (empty: not
        produced)
        """
        return self.getOrDefault(self.probabilityCol)

    def setProbabilityCol(self, value: str) -> "ExplainableBoostingClassifier":
        """Sets probabilityCol: output: class probabilities (empty: not produced)"""
        return self._set(probabilityCol=value)

    def getRawPredictionCol(self) -> str:
        """The value of rawPredictionCol or its default: output: raw scores; binary: [-margin,
        margin] (empty: not produced)
        """
        return self.getOrDefault(self.rawPredictionCol)

    def setRawPredictionCol(self, value: str) -> "ExplainableBoostingClassifier":
        """Sets rawPredictionCol: output: raw scores; binary: [-margin, margin] (empty: not
        produced)
        """
        return self._set(rawPredictionCol=value)

    def getRoundsPerSync(self) -> int:
        """The value of roundsPerSync or its default: schedule rounds each shard runs between
        merges (sharded mode)
        """
        return self.getOrDefault(self.roundsPerSync)

    def setRoundsPerSync(self, value: int) -> "ExplainableBoostingClassifier":
        """Sets roundsPerSync: schedule rounds each shard runs between merges (sharded mode)"""
        return self._set(roundsPerSync=value)

    def getRowIdCol(self) -> str:
        """The value of rowIdCol or its default: column of stable row ids that decide shards, bags
        and validation rows (empty: a hash of the row's content)
        """
        return self.getOrDefault(self.rowIdCol)

    def setRowIdCol(self, value: str) -> "ExplainableBoostingClassifier":
        """Sets rowIdCol: column of stable row ids that decide shards, bags and validation rows
        (empty: a hash of the row's content)
        """
        return self._set(rowIdCol=value)

    def getSeed(self) -> int:
        """The value of seed or its default: seed of bags, splits and random steps"""
        return self.getOrDefault(self.seed)

    def setSeed(self, value: int) -> "ExplainableBoostingClassifier":
        """Sets seed: seed of bags, splits and random steps"""
        return self._set(seed=value)

    def getSmoothingRounds(self) -> int:
        """The value of smoothingRounds or its default: initial rounds with random split points
        (mains)
        """
        return self.getOrDefault(self.smoothingRounds)

    def setSmoothingRounds(self, value: int) -> "ExplainableBoostingClassifier":
        """Sets smoothingRounds: initial rounds with random split points (mains)"""
        return self._set(smoothingRounds=value)

    def getUncertaintyCol(self) -> str:
        """The value of uncertaintyCol or its default: output: per-row standard deviation of the
        raw score over the outer bags (multiclass: an array, one per class; empty: not produced)
        """
        return self.getOrDefault(self.uncertaintyCol)

    def setUncertaintyCol(self, value: str) -> "ExplainableBoostingClassifier":
        """Sets uncertaintyCol: output: per-row standard deviation of the raw score over the outer
        bags (multiclass: an array, one per class; empty: not produced)
        """
        return self._set(uncertaintyCol=value)

    def getValidationIndicatorCol(self) -> str:
        """The value of validationIndicatorCol or its default: boolean column marking the
        validation rows of every bag (empty: a seeded split of validationSize)
        """
        return self.getOrDefault(self.validationIndicatorCol)

    def setValidationIndicatorCol(self, value: str) -> "ExplainableBoostingClassifier":
        """Sets validationIndicatorCol: boolean column marking the validation rows of every bag
        (empty: a seeded split of validationSize)
        """
        return self._set(validationIndicatorCol=value)

    def getValidationSize(self) -> float:
        """The value of validationSize or its default: fraction of rows validating each bag"""
        return self.getOrDefault(self.validationSize)

    def setValidationSize(self, value: float) -> "ExplainableBoostingClassifier":
        """Sets validationSize: fraction of rows validating each bag"""
        return self._set(validationSize=value)

    def getWeightCol(self) -> str:
        """The value of weightCol or its default: row weight column (empty: every row weighs 1)"""
        return self.getOrDefault(self.weightCol)

    def setWeightCol(self, value: str) -> "ExplainableBoostingClassifier":
        """Sets weightCol: row weight column (empty: every row weighs 1)"""
        return self._set(weightCol=value)

    def _create_model(self, java_model: Any) -> "ExplainableBoostingClassificationModel":
        return ExplainableBoostingClassificationModel(java_model)


class ExplainableBoostingRegressionModel(EbmModelMethods, SparkXaiModel):
    """A fitted EBM regressor. ``transform`` adds ``prediction`` and, when ``contributionsCol`` is
    set, one contribution per term; contributions plus the intercept equal the prediction. Its
    params and their defaults are its estimator's.
    """

    _java_class = "io.sparkxai.ebm.ExplainableBoostingRegressionModel"

    catSmooth: "Param[float]" = Param(
        Params._dummy(),
        "catSmooth",
        "smoothing of the ratio that orders categories",
        typeConverter=TypeConverters.toFloat,
    )
    categoricalCols: "Param[List[str]]" = Param(
        Params._dummy(),
        "categoricalCols",
        "features to treat as categorical even when numeric",
        typeConverter=TypeConverters.toListString,
    )
    contributionsCol: "Param[str]" = Param(
        Params._dummy(),
        "contributionsCol",
        "output: per-row term contributions, which sum with the intercept to the raw score (empty: not produced)",
        typeConverter=TypeConverters.toString,
    )
    earlyStoppingRounds: "Param[int]" = Param(
        Params._dummy(),
        "earlyStoppingRounds",
        "stop when the validation loss has not improved within this many rounds (0: no early stopping)",
        typeConverter=TypeConverters.toInt,
    )
    earlyStoppingTolerance: "Param[float]" = Param(
        Params._dummy(),
        "earlyStoppingTolerance",
        "relative improvement that counts",
        typeConverter=TypeConverters.toFloat,
    )
    featureNames: "Param[List[str]]" = Param(
        Params._dummy(),
        "featureNames",
        "names of the slots of featuresCol (default: the vector's attribute names, else f0, f1, ...)",
        typeConverter=TypeConverters.toListString,
    )
    featuresCol: "Param[str]" = Param(
        Params._dummy(),
        "featuresCol",
        "vector column of features (used when inputCols is empty)",
        typeConverter=TypeConverters.toString,
    )
    gainScale: "Param[float]" = Param(
        Params._dummy(),
        "gainScale",
        "factor on the gain of categorical mains in greedy ranking",
        typeConverter=TypeConverters.toFloat,
    )
    greedyRatio: "Param[float]" = Param(
        Params._dummy(),
        "greedyRatio",
        "greedy steps per term after each cyclic gain pass (0: purely cyclic)",
        typeConverter=TypeConverters.toFloat,
    )
    handleInvalid: "Param[str]" = Param(
        Params._dummy(),
        "handleInvalid",
        "rows with a null/NaN/infinite label or bad weight: \"error\" or \"skip\" (skipped rows are counted in the training summary)",
        typeConverter=TypeConverters.toString,
    )
    initialModelPath: "Param[str]" = Param(
        Params._dummy(),
        "initialModelPath",
        "a saved EBM model to continue boosting from (warm start; empty: none)",
        typeConverter=TypeConverters.toString,
    )
    inputCols: "Param[List[str]]" = Param(
        Params._dummy(),
        "inputCols",
        "feature columns: numeric ones are binned by quantiles, string ones and those in categoricalCols are categorical",
        typeConverter=TypeConverters.toListString,
    )
    interactionSmoothingRounds: "Param[int]" = Param(
        Params._dummy(),
        "interactionSmoothingRounds",
        "initial rounds with random split points (pairs)",
        typeConverter=TypeConverters.toInt,
    )
    interactions: "Param[str]" = Param(
        Params._dummy(),
        "interactions",
        "pairs to boost: a count (\"10\"), or a multiple of the feature count (\"3x\"); \"0\" for none",
        typeConverter=TypeConverters.toString,
    )
    labelCol: "Param[str]" = Param(
        Params._dummy(),
        "labelCol",
        "label column: class index 0..K-1 (classification) or the target (regression)",
        typeConverter=TypeConverters.toString,
    )
    learningRate: "Param[float]" = Param(
        Params._dummy(),
        "learningRate",
        "shrinkage of each term update",
        typeConverter=TypeConverters.toFloat,
    )
    logEvery: "Param[int]" = Param(
        Params._dummy(),
        "logEvery",
        "log a progress line every this many rounds (0: never)",
        typeConverter=TypeConverters.toInt,
    )
    maxBins: "Param[int]" = Param(
        Params._dummy(),
        "maxBins",
        "bins per feature for main effects, missing and unseen included",
        typeConverter=TypeConverters.toInt,
    )
    maxInteractionBins: "Param[int]" = Param(
        Params._dummy(),
        "maxInteractionBins",
        "bins per feature inside pairs",
        typeConverter=TypeConverters.toInt,
    )
    maxLeaves: "Param[int]" = Param(
        Params._dummy(),
        "maxLeaves",
        "leaves of each main-term update tree",
        typeConverter=TypeConverters.toInt,
    )
    maxRounds: "Param[int]" = Param(
        Params._dummy(),
        "maxRounds",
        "most boosting rounds (one step per term each)",
        typeConverter=TypeConverters.toInt,
    )
    minCatSamples: "Param[int]" = Param(
        Params._dummy(),
        "minCatSamples",
        "categories with fewer training rows are pooled",
        typeConverter=TypeConverters.toInt,
    )
    minHessian: "Param[float]" = Param(
        Params._dummy(),
        "minHessian",
        "smallest hessian sum in a leaf",
        typeConverter=TypeConverters.toFloat,
    )
    minSamplesLeaf: "Param[int]" = Param(
        Params._dummy(),
        "minSamplesLeaf",
        "fewest training rows in a leaf",
        typeConverter=TypeConverters.toInt,
    )
    monotoneConstraints: "Param[List[str]]" = Param(
        Params._dummy(),
        "monotoneConstraints",
        "monotone constraints, one \"feature=direction\" per constrained numeric feature: 1 (or +1) increasing, -1 decreasing, 0 free; pairs with a constrained feature are not chosen (interpretml's monotone_constraints)",
        typeConverter=TypeConverters.toListString,
    )
    numShards: "Param[int]" = Param(
        Params._dummy(),
        "numShards",
        "shards one bag's rows are split into (0: one per shardRows rows, see EbmSettings); 1 boosts exactly in one task",
        typeConverter=TypeConverters.toInt,
    )
    outerBags: "Param[int]" = Param(
        Params._dummy(),
        "outerBags",
        "outer bags (train/validation splits) averaged into the model",
        typeConverter=TypeConverters.toInt,
    )
    predictionCol: "Param[str]" = Param(
        Params._dummy(),
        "predictionCol",
        "output: the prediction",
        typeConverter=TypeConverters.toString,
    )
    roundsPerSync: "Param[int]" = Param(
        Params._dummy(),
        "roundsPerSync",
        "schedule rounds each shard runs between merges (sharded mode)",
        typeConverter=TypeConverters.toInt,
    )
    rowIdCol: "Param[str]" = Param(
        Params._dummy(),
        "rowIdCol",
        "column of stable row ids that decide shards, bags and validation rows (empty: a hash of the row's content)",
        typeConverter=TypeConverters.toString,
    )
    seed: "Param[int]" = Param(
        Params._dummy(),
        "seed",
        "seed of bags, splits and random steps",
        typeConverter=TypeConverters.toInt,
    )
    smoothingRounds: "Param[int]" = Param(
        Params._dummy(),
        "smoothingRounds",
        "initial rounds with random split points (mains)",
        typeConverter=TypeConverters.toInt,
    )
    uncertaintyCol: "Param[str]" = Param(
        Params._dummy(),
        "uncertaintyCol",
        "output: per-row standard deviation of the raw score over the outer bags (multiclass: an array, one per class; empty: not produced)",
        typeConverter=TypeConverters.toString,
    )
    validationIndicatorCol: "Param[str]" = Param(
        Params._dummy(),
        "validationIndicatorCol",
        "boolean column marking the validation rows of every bag (empty: a seeded split of validationSize)",
        typeConverter=TypeConverters.toString,
    )
    validationSize: "Param[float]" = Param(
        Params._dummy(),
        "validationSize",
        "fraction of rows validating each bag",
        typeConverter=TypeConverters.toFloat,
    )
    weightCol: "Param[str]" = Param(
        Params._dummy(),
        "weightCol",
        "row weight column (empty: every row weighs 1)",
        typeConverter=TypeConverters.toString,
    )

    def __init__(self, java_model: Optional[Any] = None) -> None:
        super().__init__(java_model)
        self._setDefault(
            catSmooth=10.0,
            categoricalCols=[],
            contributionsCol="",
            earlyStoppingRounds=100,
            earlyStoppingTolerance=1.0e-5,
            featureNames=[],
            featuresCol="features",
            gainScale=5.0,
            greedyRatio=10.0,
            handleInvalid="error",
            initialModelPath="",
            inputCols=[],
            interactionSmoothingRounds=100,
            interactions="5x",
            labelCol="label",
            learningRate=0.04,
            logEvery=100,
            maxBins=1024,
            maxInteractionBins=64,
            maxLeaves=2,
            maxRounds=50000,
            minCatSamples=10,
            minHessian=0.0,
            minSamplesLeaf=4,
            monotoneConstraints=[],
            numShards=0,
            outerBags=14,
            predictionCol="prediction",
            roundsPerSync=50,
            rowIdCol="",
            seed=42,
            smoothingRounds=500,
            uncertaintyCol="",
            validationIndicatorCol="",
            validationSize=0.15,
            weightCol="",
        )

    def getCatSmooth(self) -> float:
        """The value of catSmooth or its default: smoothing of the ratio that orders categories"""
        return self.getOrDefault(self.catSmooth)

    def setCatSmooth(self, value: float) -> "ExplainableBoostingRegressionModel":
        """Sets catSmooth: smoothing of the ratio that orders categories"""
        return self._set(catSmooth=value)

    def getCategoricalCols(self) -> List[str]:
        """The value of categoricalCols or its default: features to treat as categorical even when
        numeric
        """
        return self.getOrDefault(self.categoricalCols)

    def setCategoricalCols(self, value: List[str]) -> "ExplainableBoostingRegressionModel":
        """Sets categoricalCols: features to treat as categorical even when numeric"""
        return self._set(categoricalCols=value)

    def getContributionsCol(self) -> str:
        """The value of contributionsCol or its default: output: per-row term contributions, which
        sum with the intercept to the raw score (empty: not produced)
        """
        return self.getOrDefault(self.contributionsCol)

    def setContributionsCol(self, value: str) -> "ExplainableBoostingRegressionModel":
        """Sets contributionsCol: output: per-row term contributions, which sum with the intercept
        to the raw score (empty: not produced)
        """
        return self._set(contributionsCol=value)

    def getEarlyStoppingRounds(self) -> int:
        """The value of earlyStoppingRounds or its default: stop when the validation loss has not
        improved within this many rounds (0: no early stopping)
        """
        return self.getOrDefault(self.earlyStoppingRounds)

    def setEarlyStoppingRounds(self, value: int) -> "ExplainableBoostingRegressionModel":
        """Sets earlyStoppingRounds: stop when the validation loss has not improved within this
        many rounds (0: no early stopping)
        """
        return self._set(earlyStoppingRounds=value)

    def getEarlyStoppingTolerance(self) -> float:
        """The value of earlyStoppingTolerance or its default: relative improvement that counts"""
        return self.getOrDefault(self.earlyStoppingTolerance)

    def setEarlyStoppingTolerance(self, value: float) -> "ExplainableBoostingRegressionModel":
        """Sets earlyStoppingTolerance: relative improvement that counts"""
        return self._set(earlyStoppingTolerance=value)

    def getFeatureNames(self) -> List[str]:
        """The value of featureNames or its default: names of the slots of featuresCol (default:
        the vector's attribute names, else f0, f1, ...)
        """
        return self.getOrDefault(self.featureNames)

    def setFeatureNames(self, value: List[str]) -> "ExplainableBoostingRegressionModel":
        """Sets featureNames: names of the slots of featuresCol (default: the vector's attribute
        names, else f0, f1, ...)
        """
        return self._set(featureNames=value)

    def getFeaturesCol(self) -> str:
        """The value of featuresCol or its default: vector column of features (used when inputCols
        is empty)
        """
        return self.getOrDefault(self.featuresCol)

    def setFeaturesCol(self, value: str) -> "ExplainableBoostingRegressionModel":
        """Sets featuresCol: vector column of features (used when inputCols is empty)"""
        return self._set(featuresCol=value)

    def getGainScale(self) -> float:
        """The value of gainScale or its default: factor on the gain of categorical mains in greedy
        ranking
        """
        return self.getOrDefault(self.gainScale)

    def setGainScale(self, value: float) -> "ExplainableBoostingRegressionModel":
        """Sets gainScale: factor on the gain of categorical mains in greedy ranking"""
        return self._set(gainScale=value)

    def getGreedyRatio(self) -> float:
        """The value of greedyRatio or its default: greedy steps per term after each cyclic gain
        pass (0: purely cyclic)
        """
        return self.getOrDefault(self.greedyRatio)

    def setGreedyRatio(self, value: float) -> "ExplainableBoostingRegressionModel":
        """Sets greedyRatio: greedy steps per term after each cyclic gain pass (0: purely cyclic)"""
        return self._set(greedyRatio=value)

    def getHandleInvalid(self) -> str:
        """The value of handleInvalid or its default: rows with a null/NaN/infinite label or bad
        weight: "error" or "skip" (skipped rows are counted in the training summary)
        """
        return self.getOrDefault(self.handleInvalid)

    def setHandleInvalid(self, value: str) -> "ExplainableBoostingRegressionModel":
        """Sets handleInvalid: rows with a null/NaN/infinite label or bad weight: "error" or "skip"
        (skipped rows are counted in the training summary)
        """
        return self._set(handleInvalid=value)

    def getInitialModelPath(self) -> str:
        """The value of initialModelPath or its default: a saved EBM model to continue boosting
        from (warm start; empty: none)
        """
        return self.getOrDefault(self.initialModelPath)

    def setInitialModelPath(self, value: str) -> "ExplainableBoostingRegressionModel":
        """Sets initialModelPath: a saved EBM model to continue boosting from (warm start; empty:
        none)
        """
        return self._set(initialModelPath=value)

    def getInputCols(self) -> List[str]:
        """The value of inputCols or its default: feature columns: numeric ones are binned by
        quantiles, string ones and those in categoricalCols are categorical
        """
        return self.getOrDefault(self.inputCols)

    def setInputCols(self, value: List[str]) -> "ExplainableBoostingRegressionModel":
        """Sets inputCols: feature columns: numeric ones are binned by quantiles, string ones and
        those in categoricalCols are categorical
        """
        return self._set(inputCols=value)

    def getInteractionSmoothingRounds(self) -> int:
        """The value of interactionSmoothingRounds or its default: initial rounds with random split
        points (pairs)
        """
        return self.getOrDefault(self.interactionSmoothingRounds)

    def setInteractionSmoothingRounds(self, value: int) -> "ExplainableBoostingRegressionModel":
        """Sets interactionSmoothingRounds: initial rounds with random split points (pairs)"""
        return self._set(interactionSmoothingRounds=value)

    def getInteractions(self) -> str:
        """The value of interactions or its default: pairs to boost: a count ("10"), or a multiple
        of the feature count ("3x"); "0" for none
        """
        return self.getOrDefault(self.interactions)

    def setInteractions(self, value: str) -> "ExplainableBoostingRegressionModel":
        """Sets interactions: pairs to boost: a count ("10"), or a multiple of the feature count
        ("3x"); "0" for none
        """
        return self._set(interactions=value)

    def getLabelCol(self) -> str:
        """The value of labelCol or its default: label column: class index 0..K-1 (classification)
        or the target (regression)
        """
        return self.getOrDefault(self.labelCol)

    def setLabelCol(self, value: str) -> "ExplainableBoostingRegressionModel":
        """Sets labelCol: label column: class index 0..K-1 (classification) or the target
        (regression)
        """
        return self._set(labelCol=value)

    def getLearningRate(self) -> float:
        """The value of learningRate or its default: shrinkage of each term update"""
        return self.getOrDefault(self.learningRate)

    def setLearningRate(self, value: float) -> "ExplainableBoostingRegressionModel":
        """Sets learningRate: shrinkage of each term update"""
        return self._set(learningRate=value)

    def getLogEvery(self) -> int:
        """The value of logEvery or its default: log a progress line every this many rounds (0:
        never)
        """
        return self.getOrDefault(self.logEvery)

    def setLogEvery(self, value: int) -> "ExplainableBoostingRegressionModel":
        """Sets logEvery: log a progress line every this many rounds (0: never)"""
        return self._set(logEvery=value)

    def getMaxBins(self) -> int:
        """The value of maxBins or its default: bins per feature for main effects, missing and
        unseen included
        """
        return self.getOrDefault(self.maxBins)

    def setMaxBins(self, value: int) -> "ExplainableBoostingRegressionModel":
        """Sets maxBins: bins per feature for main effects, missing and unseen included"""
        return self._set(maxBins=value)

    def getMaxInteractionBins(self) -> int:
        """The value of maxInteractionBins or its default: bins per feature inside pairs"""
        return self.getOrDefault(self.maxInteractionBins)

    def setMaxInteractionBins(self, value: int) -> "ExplainableBoostingRegressionModel":
        """Sets maxInteractionBins: bins per feature inside pairs"""
        return self._set(maxInteractionBins=value)

    def getMaxLeaves(self) -> int:
        """The value of maxLeaves or its default: leaves of each main-term update tree"""
        return self.getOrDefault(self.maxLeaves)

    def setMaxLeaves(self, value: int) -> "ExplainableBoostingRegressionModel":
        """Sets maxLeaves: leaves of each main-term update tree"""
        return self._set(maxLeaves=value)

    def getMaxRounds(self) -> int:
        """The value of maxRounds or its default: most boosting rounds (one step per term each)"""
        return self.getOrDefault(self.maxRounds)

    def setMaxRounds(self, value: int) -> "ExplainableBoostingRegressionModel":
        """Sets maxRounds: most boosting rounds (one step per term each)"""
        return self._set(maxRounds=value)

    def getMinCatSamples(self) -> int:
        """The value of minCatSamples or its default: categories with fewer training rows are
        pooled
        """
        return self.getOrDefault(self.minCatSamples)

    def setMinCatSamples(self, value: int) -> "ExplainableBoostingRegressionModel":
        """Sets minCatSamples: categories with fewer training rows are pooled"""
        return self._set(minCatSamples=value)

    def getMinHessian(self) -> float:
        """The value of minHessian or its default: smallest hessian sum in a leaf"""
        return self.getOrDefault(self.minHessian)

    def setMinHessian(self, value: float) -> "ExplainableBoostingRegressionModel":
        """Sets minHessian: smallest hessian sum in a leaf"""
        return self._set(minHessian=value)

    def getMinSamplesLeaf(self) -> int:
        """The value of minSamplesLeaf or its default: fewest training rows in a leaf"""
        return self.getOrDefault(self.minSamplesLeaf)

    def setMinSamplesLeaf(self, value: int) -> "ExplainableBoostingRegressionModel":
        """Sets minSamplesLeaf: fewest training rows in a leaf"""
        return self._set(minSamplesLeaf=value)

    def getMonotoneConstraints(self) -> List[str]:
        """The value of monotoneConstraints or its default: monotone constraints, one
        "feature=direction" per constrained numeric feature: 1 (or +1) increasing, -1
        decreasing, 0 free; pairs with a constrained feature are not chosen (interpretml's
        monotone_constraints)
        """
        return self.getOrDefault(self.monotoneConstraints)

    def setMonotoneConstraints(self, value: List[str]) -> "ExplainableBoostingRegressionModel":
        """Sets monotoneConstraints: monotone constraints, one "feature=direction" per constrained
        numeric feature: 1 (or +1) increasing, -1 decreasing, 0 free; pairs with a constrained
        feature are not chosen (interpretml's monotone_constraints)
        """
        return self._set(monotoneConstraints=value)

    def getNumShards(self) -> int:
        """The value of numShards or its default: shards one bag's rows are split into (0: one per
        shardRows rows, see EbmSettings); 1 boosts exactly in one task
        """
        return self.getOrDefault(self.numShards)

    def setNumShards(self, value: int) -> "ExplainableBoostingRegressionModel":
        """Sets numShards: shards one bag's rows are split into (0: one per shardRows rows, see
        EbmSettings); 1 boosts exactly in one task
        """
        return self._set(numShards=value)

    def getOuterBags(self) -> int:
        """The value of outerBags or its default: outer bags (train/validation splits) averaged
        into the model
        """
        return self.getOrDefault(self.outerBags)

    def setOuterBags(self, value: int) -> "ExplainableBoostingRegressionModel":
        """Sets outerBags: outer bags (train/validation splits) averaged into the model"""
        return self._set(outerBags=value)

    def getPredictionCol(self) -> str:
        """The value of predictionCol or its default: output: the prediction"""
        return self.getOrDefault(self.predictionCol)

    def setPredictionCol(self, value: str) -> "ExplainableBoostingRegressionModel":
        """Sets predictionCol: output: the prediction"""
        return self._set(predictionCol=value)

    def getRoundsPerSync(self) -> int:
        """The value of roundsPerSync or its default: schedule rounds each shard runs between
        merges (sharded mode)
        """
        return self.getOrDefault(self.roundsPerSync)

    def setRoundsPerSync(self, value: int) -> "ExplainableBoostingRegressionModel":
        """Sets roundsPerSync: schedule rounds each shard runs between merges (sharded mode)"""
        return self._set(roundsPerSync=value)

    def getRowIdCol(self) -> str:
        """The value of rowIdCol or its default: column of stable row ids that decide shards, bags
        and validation rows (empty: a hash of the row's content)
        """
        return self.getOrDefault(self.rowIdCol)

    def setRowIdCol(self, value: str) -> "ExplainableBoostingRegressionModel":
        """Sets rowIdCol: column of stable row ids that decide shards, bags and validation rows
        (empty: a hash of the row's content)
        """
        return self._set(rowIdCol=value)

    def getSeed(self) -> int:
        """The value of seed or its default: seed of bags, splits and random steps"""
        return self.getOrDefault(self.seed)

    def setSeed(self, value: int) -> "ExplainableBoostingRegressionModel":
        """Sets seed: seed of bags, splits and random steps"""
        return self._set(seed=value)

    def getSmoothingRounds(self) -> int:
        """The value of smoothingRounds or its default: initial rounds with random split points
        (mains)
        """
        return self.getOrDefault(self.smoothingRounds)

    def setSmoothingRounds(self, value: int) -> "ExplainableBoostingRegressionModel":
        """Sets smoothingRounds: initial rounds with random split points (mains)"""
        return self._set(smoothingRounds=value)

    def getUncertaintyCol(self) -> str:
        """The value of uncertaintyCol or its default: output: per-row standard deviation of the
        raw score over the outer bags (multiclass: an array, one per class; empty: not produced)
        """
        return self.getOrDefault(self.uncertaintyCol)

    def setUncertaintyCol(self, value: str) -> "ExplainableBoostingRegressionModel":
        """Sets uncertaintyCol: output: per-row standard deviation of the raw score over the outer
        bags (multiclass: an array, one per class; empty: not produced)
        """
        return self._set(uncertaintyCol=value)

    def getValidationIndicatorCol(self) -> str:
        """The value of validationIndicatorCol or its default: boolean column marking the
        validation rows of every bag (empty: a seeded split of validationSize)
        """
        return self.getOrDefault(self.validationIndicatorCol)

    def setValidationIndicatorCol(self, value: str) -> "ExplainableBoostingRegressionModel":
        """Sets validationIndicatorCol: boolean column marking the validation rows of every bag
        (empty: a seeded split of validationSize)
        """
        return self._set(validationIndicatorCol=value)

    def getValidationSize(self) -> float:
        """The value of validationSize or its default: fraction of rows validating each bag"""
        return self.getOrDefault(self.validationSize)

    def setValidationSize(self, value: float) -> "ExplainableBoostingRegressionModel":
        """Sets validationSize: fraction of rows validating each bag"""
        return self._set(validationSize=value)

    def getWeightCol(self) -> str:
        """The value of weightCol or its default: row weight column (empty: every row weighs 1)"""
        return self.getOrDefault(self.weightCol)

    def setWeightCol(self, value: str) -> "ExplainableBoostingRegressionModel":
        """Sets weightCol: row weight column (empty: every row weighs 1)"""
        return self._set(weightCol=value)


class ExplainableBoostingRegressor(SparkXaiEstimator):
    """Explainable Boosting Machine regressor on Spark: ``y = intercept + sum_i f_i(x_i) + sum_ij
    f_ij(x_i, x_j)`` fitted by cyclic boosting of squared error with interpretml's algorithm and
    regression defaults (learning rate 0.04, 500 smoothing rounds, "5x" pairs, 14 outer bags).
    """

    _java_class = "io.sparkxai.ebm.ExplainableBoostingRegressor"

    catSmooth: "Param[float]" = Param(
        Params._dummy(),
        "catSmooth",
        "smoothing of the ratio that orders categories",
        typeConverter=TypeConverters.toFloat,
    )
    categoricalCols: "Param[List[str]]" = Param(
        Params._dummy(),
        "categoricalCols",
        "features to treat as categorical even when numeric",
        typeConverter=TypeConverters.toListString,
    )
    contributionsCol: "Param[str]" = Param(
        Params._dummy(),
        "contributionsCol",
        "output: per-row term contributions, which sum with the intercept to the raw score (empty: not produced)",
        typeConverter=TypeConverters.toString,
    )
    earlyStoppingRounds: "Param[int]" = Param(
        Params._dummy(),
        "earlyStoppingRounds",
        "stop when the validation loss has not improved within this many rounds (0: no early stopping)",
        typeConverter=TypeConverters.toInt,
    )
    earlyStoppingTolerance: "Param[float]" = Param(
        Params._dummy(),
        "earlyStoppingTolerance",
        "relative improvement that counts",
        typeConverter=TypeConverters.toFloat,
    )
    featureNames: "Param[List[str]]" = Param(
        Params._dummy(),
        "featureNames",
        "names of the slots of featuresCol (default: the vector's attribute names, else f0, f1, ...)",
        typeConverter=TypeConverters.toListString,
    )
    featuresCol: "Param[str]" = Param(
        Params._dummy(),
        "featuresCol",
        "vector column of features (used when inputCols is empty)",
        typeConverter=TypeConverters.toString,
    )
    gainScale: "Param[float]" = Param(
        Params._dummy(),
        "gainScale",
        "factor on the gain of categorical mains in greedy ranking",
        typeConverter=TypeConverters.toFloat,
    )
    greedyRatio: "Param[float]" = Param(
        Params._dummy(),
        "greedyRatio",
        "greedy steps per term after each cyclic gain pass (0: purely cyclic)",
        typeConverter=TypeConverters.toFloat,
    )
    handleInvalid: "Param[str]" = Param(
        Params._dummy(),
        "handleInvalid",
        "rows with a null/NaN/infinite label or bad weight: \"error\" or \"skip\" (skipped rows are counted in the training summary)",
        typeConverter=TypeConverters.toString,
    )
    initialModelPath: "Param[str]" = Param(
        Params._dummy(),
        "initialModelPath",
        "a saved EBM model to continue boosting from (warm start; empty: none)",
        typeConverter=TypeConverters.toString,
    )
    inputCols: "Param[List[str]]" = Param(
        Params._dummy(),
        "inputCols",
        "feature columns: numeric ones are binned by quantiles, string ones and those in categoricalCols are categorical",
        typeConverter=TypeConverters.toListString,
    )
    interactionSmoothingRounds: "Param[int]" = Param(
        Params._dummy(),
        "interactionSmoothingRounds",
        "initial rounds with random split points (pairs)",
        typeConverter=TypeConverters.toInt,
    )
    interactions: "Param[str]" = Param(
        Params._dummy(),
        "interactions",
        "pairs to boost: a count (\"10\"), or a multiple of the feature count (\"3x\"); \"0\" for none",
        typeConverter=TypeConverters.toString,
    )
    labelCol: "Param[str]" = Param(
        Params._dummy(),
        "labelCol",
        "label column: class index 0..K-1 (classification) or the target (regression)",
        typeConverter=TypeConverters.toString,
    )
    learningRate: "Param[float]" = Param(
        Params._dummy(),
        "learningRate",
        "shrinkage of each term update",
        typeConverter=TypeConverters.toFloat,
    )
    logEvery: "Param[int]" = Param(
        Params._dummy(),
        "logEvery",
        "log a progress line every this many rounds (0: never)",
        typeConverter=TypeConverters.toInt,
    )
    maxBins: "Param[int]" = Param(
        Params._dummy(),
        "maxBins",
        "bins per feature for main effects, missing and unseen included",
        typeConverter=TypeConverters.toInt,
    )
    maxInteractionBins: "Param[int]" = Param(
        Params._dummy(),
        "maxInteractionBins",
        "bins per feature inside pairs",
        typeConverter=TypeConverters.toInt,
    )
    maxLeaves: "Param[int]" = Param(
        Params._dummy(),
        "maxLeaves",
        "leaves of each main-term update tree",
        typeConverter=TypeConverters.toInt,
    )
    maxRounds: "Param[int]" = Param(
        Params._dummy(),
        "maxRounds",
        "most boosting rounds (one step per term each)",
        typeConverter=TypeConverters.toInt,
    )
    minCatSamples: "Param[int]" = Param(
        Params._dummy(),
        "minCatSamples",
        "categories with fewer training rows are pooled",
        typeConverter=TypeConverters.toInt,
    )
    minHessian: "Param[float]" = Param(
        Params._dummy(),
        "minHessian",
        "smallest hessian sum in a leaf",
        typeConverter=TypeConverters.toFloat,
    )
    minSamplesLeaf: "Param[int]" = Param(
        Params._dummy(),
        "minSamplesLeaf",
        "fewest training rows in a leaf",
        typeConverter=TypeConverters.toInt,
    )
    monotoneConstraints: "Param[List[str]]" = Param(
        Params._dummy(),
        "monotoneConstraints",
        "monotone constraints, one \"feature=direction\" per constrained numeric feature: 1 (or +1) increasing, -1 decreasing, 0 free; pairs with a constrained feature are not chosen (interpretml's monotone_constraints)",
        typeConverter=TypeConverters.toListString,
    )
    numShards: "Param[int]" = Param(
        Params._dummy(),
        "numShards",
        "shards one bag's rows are split into (0: one per shardRows rows, see EbmSettings); 1 boosts exactly in one task",
        typeConverter=TypeConverters.toInt,
    )
    outerBags: "Param[int]" = Param(
        Params._dummy(),
        "outerBags",
        "outer bags (train/validation splits) averaged into the model",
        typeConverter=TypeConverters.toInt,
    )
    predictionCol: "Param[str]" = Param(
        Params._dummy(),
        "predictionCol",
        "output: the prediction",
        typeConverter=TypeConverters.toString,
    )
    roundsPerSync: "Param[int]" = Param(
        Params._dummy(),
        "roundsPerSync",
        "schedule rounds each shard runs between merges (sharded mode)",
        typeConverter=TypeConverters.toInt,
    )
    rowIdCol: "Param[str]" = Param(
        Params._dummy(),
        "rowIdCol",
        "column of stable row ids that decide shards, bags and validation rows (empty: a hash of the row's content)",
        typeConverter=TypeConverters.toString,
    )
    seed: "Param[int]" = Param(
        Params._dummy(),
        "seed",
        "seed of bags, splits and random steps",
        typeConverter=TypeConverters.toInt,
    )
    smoothingRounds: "Param[int]" = Param(
        Params._dummy(),
        "smoothingRounds",
        "initial rounds with random split points (mains)",
        typeConverter=TypeConverters.toInt,
    )
    uncertaintyCol: "Param[str]" = Param(
        Params._dummy(),
        "uncertaintyCol",
        "output: per-row standard deviation of the raw score over the outer bags (multiclass: an array, one per class; empty: not produced)",
        typeConverter=TypeConverters.toString,
    )
    validationIndicatorCol: "Param[str]" = Param(
        Params._dummy(),
        "validationIndicatorCol",
        "boolean column marking the validation rows of every bag (empty: a seeded split of validationSize)",
        typeConverter=TypeConverters.toString,
    )
    validationSize: "Param[float]" = Param(
        Params._dummy(),
        "validationSize",
        "fraction of rows validating each bag",
        typeConverter=TypeConverters.toFloat,
    )
    weightCol: "Param[str]" = Param(
        Params._dummy(),
        "weightCol",
        "row weight column (empty: every row weighs 1)",
        typeConverter=TypeConverters.toString,
    )

    @keyword_only
    def __init__(self, *,
        catSmooth: float = 10.0,
        categoricalCols: List[str] = [],
        contributionsCol: str = "",
        earlyStoppingRounds: int = 100,
        earlyStoppingTolerance: float = 1.0e-5,
        featureNames: List[str] = [],
        featuresCol: str = "features",
        gainScale: float = 5.0,
        greedyRatio: float = 10.0,
        handleInvalid: str = "error",
        initialModelPath: str = "",
        inputCols: List[str] = [],
        interactionSmoothingRounds: int = 100,
        interactions: str = "5x",
        labelCol: str = "label",
        learningRate: float = 0.04,
        logEvery: int = 100,
        maxBins: int = 1024,
        maxInteractionBins: int = 64,
        maxLeaves: int = 2,
        maxRounds: int = 50000,
        minCatSamples: int = 10,
        minHessian: float = 0.0,
        minSamplesLeaf: int = 4,
        monotoneConstraints: List[str] = [],
        numShards: int = 0,
        outerBags: int = 14,
        predictionCol: str = "prediction",
        roundsPerSync: int = 50,
        rowIdCol: str = "",
        seed: int = 42,
        smoothingRounds: int = 500,
        uncertaintyCol: str = "",
        validationIndicatorCol: str = "",
        validationSize: float = 0.15,
        weightCol: str = "",
    ) -> None:
        super().__init__()
        self._java_obj = self._new_java_obj(self._java_class, self.uid)
        self._setDefault(
            catSmooth=10.0,
            categoricalCols=[],
            contributionsCol="",
            earlyStoppingRounds=100,
            earlyStoppingTolerance=1.0e-5,
            featureNames=[],
            featuresCol="features",
            gainScale=5.0,
            greedyRatio=10.0,
            handleInvalid="error",
            initialModelPath="",
            inputCols=[],
            interactionSmoothingRounds=100,
            interactions="5x",
            labelCol="label",
            learningRate=0.04,
            logEvery=100,
            maxBins=1024,
            maxInteractionBins=64,
            maxLeaves=2,
            maxRounds=50000,
            minCatSamples=10,
            minHessian=0.0,
            minSamplesLeaf=4,
            monotoneConstraints=[],
            numShards=0,
            outerBags=14,
            predictionCol="prediction",
            roundsPerSync=50,
            rowIdCol="",
            seed=42,
            smoothingRounds=500,
            uncertaintyCol="",
            validationIndicatorCol="",
            validationSize=0.15,
            weightCol="",
        )
        self.setParams(**self._input_kwargs)

    @keyword_only
    def setParams(self, *,
        catSmooth: float = 10.0,
        categoricalCols: List[str] = [],
        contributionsCol: str = "",
        earlyStoppingRounds: int = 100,
        earlyStoppingTolerance: float = 1.0e-5,
        featureNames: List[str] = [],
        featuresCol: str = "features",
        gainScale: float = 5.0,
        greedyRatio: float = 10.0,
        handleInvalid: str = "error",
        initialModelPath: str = "",
        inputCols: List[str] = [],
        interactionSmoothingRounds: int = 100,
        interactions: str = "5x",
        labelCol: str = "label",
        learningRate: float = 0.04,
        logEvery: int = 100,
        maxBins: int = 1024,
        maxInteractionBins: int = 64,
        maxLeaves: int = 2,
        maxRounds: int = 50000,
        minCatSamples: int = 10,
        minHessian: float = 0.0,
        minSamplesLeaf: int = 4,
        monotoneConstraints: List[str] = [],
        numShards: int = 0,
        outerBags: int = 14,
        predictionCol: str = "prediction",
        roundsPerSync: int = 50,
        rowIdCol: str = "",
        seed: int = 42,
        smoothingRounds: int = 500,
        uncertaintyCol: str = "",
        validationIndicatorCol: str = "",
        validationSize: float = 0.15,
        weightCol: str = "",
    ) -> "ExplainableBoostingRegressor":
        """Sets the params given as keywords."""
        return self._set(**self._input_kwargs)

    def getCatSmooth(self) -> float:
        """The value of catSmooth or its default: smoothing of the ratio that orders categories"""
        return self.getOrDefault(self.catSmooth)

    def setCatSmooth(self, value: float) -> "ExplainableBoostingRegressor":
        """Sets catSmooth: smoothing of the ratio that orders categories"""
        return self._set(catSmooth=value)

    def getCategoricalCols(self) -> List[str]:
        """The value of categoricalCols or its default: features to treat as categorical even when
        numeric
        """
        return self.getOrDefault(self.categoricalCols)

    def setCategoricalCols(self, value: List[str]) -> "ExplainableBoostingRegressor":
        """Sets categoricalCols: features to treat as categorical even when numeric"""
        return self._set(categoricalCols=value)

    def getContributionsCol(self) -> str:
        """The value of contributionsCol or its default: output: per-row term contributions, which
        sum with the intercept to the raw score (empty: not produced)
        """
        return self.getOrDefault(self.contributionsCol)

    def setContributionsCol(self, value: str) -> "ExplainableBoostingRegressor":
        """Sets contributionsCol: output: per-row term contributions, which sum with the intercept
        to the raw score (empty: not produced)
        """
        return self._set(contributionsCol=value)

    def getEarlyStoppingRounds(self) -> int:
        """The value of earlyStoppingRounds or its default: stop when the validation loss has not
        improved within this many rounds (0: no early stopping)
        """
        return self.getOrDefault(self.earlyStoppingRounds)

    def setEarlyStoppingRounds(self, value: int) -> "ExplainableBoostingRegressor":
        """Sets earlyStoppingRounds: stop when the validation loss has not improved within this
        many rounds (0: no early stopping)
        """
        return self._set(earlyStoppingRounds=value)

    def getEarlyStoppingTolerance(self) -> float:
        """The value of earlyStoppingTolerance or its default: relative improvement that counts"""
        return self.getOrDefault(self.earlyStoppingTolerance)

    def setEarlyStoppingTolerance(self, value: float) -> "ExplainableBoostingRegressor":
        """Sets earlyStoppingTolerance: relative improvement that counts"""
        return self._set(earlyStoppingTolerance=value)

    def getFeatureNames(self) -> List[str]:
        """The value of featureNames or its default: names of the slots of featuresCol (default:
        the vector's attribute names, else f0, f1, ...)
        """
        return self.getOrDefault(self.featureNames)

    def setFeatureNames(self, value: List[str]) -> "ExplainableBoostingRegressor":
        """Sets featureNames: names of the slots of featuresCol (default: the vector's attribute
        names, else f0, f1, ...)
        """
        return self._set(featureNames=value)

    def getFeaturesCol(self) -> str:
        """The value of featuresCol or its default: vector column of features (used when inputCols
        is empty)
        """
        return self.getOrDefault(self.featuresCol)

    def setFeaturesCol(self, value: str) -> "ExplainableBoostingRegressor":
        """Sets featuresCol: vector column of features (used when inputCols is empty)"""
        return self._set(featuresCol=value)

    def getGainScale(self) -> float:
        """The value of gainScale or its default: factor on the gain of categorical mains in greedy
        ranking
        """
        return self.getOrDefault(self.gainScale)

    def setGainScale(self, value: float) -> "ExplainableBoostingRegressor":
        """Sets gainScale: factor on the gain of categorical mains in greedy ranking"""
        return self._set(gainScale=value)

    def getGreedyRatio(self) -> float:
        """The value of greedyRatio or its default: greedy steps per term after each cyclic gain
        pass (0: purely cyclic)
        """
        return self.getOrDefault(self.greedyRatio)

    def setGreedyRatio(self, value: float) -> "ExplainableBoostingRegressor":
        """Sets greedyRatio: greedy steps per term after each cyclic gain pass (0: purely cyclic)"""
        return self._set(greedyRatio=value)

    def getHandleInvalid(self) -> str:
        """The value of handleInvalid or its default: rows with a null/NaN/infinite label or bad
        weight: "error" or "skip" (skipped rows are counted in the training summary)
        """
        return self.getOrDefault(self.handleInvalid)

    def setHandleInvalid(self, value: str) -> "ExplainableBoostingRegressor":
        """Sets handleInvalid: rows with a null/NaN/infinite label or bad weight: "error" or "skip"
        (skipped rows are counted in the training summary)
        """
        return self._set(handleInvalid=value)

    def getInitialModelPath(self) -> str:
        """The value of initialModelPath or its default: a saved EBM model to continue boosting
        from (warm start; empty: none)
        """
        return self.getOrDefault(self.initialModelPath)

    def setInitialModelPath(self, value: str) -> "ExplainableBoostingRegressor":
        """Sets initialModelPath: a saved EBM model to continue boosting from (warm start; empty:
        none)
        """
        return self._set(initialModelPath=value)

    def getInputCols(self) -> List[str]:
        """The value of inputCols or its default: feature columns: numeric ones are binned by
        quantiles, string ones and those in categoricalCols are categorical
        """
        return self.getOrDefault(self.inputCols)

    def setInputCols(self, value: List[str]) -> "ExplainableBoostingRegressor":
        """Sets inputCols: feature columns: numeric ones are binned by quantiles, string ones and
        those in categoricalCols are categorical
        """
        return self._set(inputCols=value)

    def getInteractionSmoothingRounds(self) -> int:
        """The value of interactionSmoothingRounds or its default: initial rounds with random split
        points (pairs)
        """
        return self.getOrDefault(self.interactionSmoothingRounds)

    def setInteractionSmoothingRounds(self, value: int) -> "ExplainableBoostingRegressor":
        """Sets interactionSmoothingRounds: initial rounds with random split points (pairs)"""
        return self._set(interactionSmoothingRounds=value)

    def getInteractions(self) -> str:
        """The value of interactions or its default: pairs to boost: a count ("10"), or a multiple
        of the feature count ("3x"); "0" for none
        """
        return self.getOrDefault(self.interactions)

    def setInteractions(self, value: str) -> "ExplainableBoostingRegressor":
        """Sets interactions: pairs to boost: a count ("10"), or a multiple of the feature count
        ("3x"); "0" for none
        """
        return self._set(interactions=value)

    def getLabelCol(self) -> str:
        """The value of labelCol or its default: label column: class index 0..K-1 (classification)
        or the target (regression)
        """
        return self.getOrDefault(self.labelCol)

    def setLabelCol(self, value: str) -> "ExplainableBoostingRegressor":
        """Sets labelCol: label column: class index 0..K-1 (classification) or the target
        (regression)
        """
        return self._set(labelCol=value)

    def getLearningRate(self) -> float:
        """The value of learningRate or its default: shrinkage of each term update"""
        return self.getOrDefault(self.learningRate)

    def setLearningRate(self, value: float) -> "ExplainableBoostingRegressor":
        """Sets learningRate: shrinkage of each term update"""
        return self._set(learningRate=value)

    def getLogEvery(self) -> int:
        """The value of logEvery or its default: log a progress line every this many rounds (0:
        never)
        """
        return self.getOrDefault(self.logEvery)

    def setLogEvery(self, value: int) -> "ExplainableBoostingRegressor":
        """Sets logEvery: log a progress line every this many rounds (0: never)"""
        return self._set(logEvery=value)

    def getMaxBins(self) -> int:
        """The value of maxBins or its default: bins per feature for main effects, missing and
        unseen included
        """
        return self.getOrDefault(self.maxBins)

    def setMaxBins(self, value: int) -> "ExplainableBoostingRegressor":
        """Sets maxBins: bins per feature for main effects, missing and unseen included"""
        return self._set(maxBins=value)

    def getMaxInteractionBins(self) -> int:
        """The value of maxInteractionBins or its default: bins per feature inside pairs"""
        return self.getOrDefault(self.maxInteractionBins)

    def setMaxInteractionBins(self, value: int) -> "ExplainableBoostingRegressor":
        """Sets maxInteractionBins: bins per feature inside pairs"""
        return self._set(maxInteractionBins=value)

    def getMaxLeaves(self) -> int:
        """The value of maxLeaves or its default: leaves of each main-term update tree"""
        return self.getOrDefault(self.maxLeaves)

    def setMaxLeaves(self, value: int) -> "ExplainableBoostingRegressor":
        """Sets maxLeaves: leaves of each main-term update tree"""
        return self._set(maxLeaves=value)

    def getMaxRounds(self) -> int:
        """The value of maxRounds or its default: most boosting rounds (one step per term each)"""
        return self.getOrDefault(self.maxRounds)

    def setMaxRounds(self, value: int) -> "ExplainableBoostingRegressor":
        """Sets maxRounds: most boosting rounds (one step per term each)"""
        return self._set(maxRounds=value)

    def getMinCatSamples(self) -> int:
        """The value of minCatSamples or its default: categories with fewer training rows are
        pooled
        """
        return self.getOrDefault(self.minCatSamples)

    def setMinCatSamples(self, value: int) -> "ExplainableBoostingRegressor":
        """Sets minCatSamples: categories with fewer training rows are pooled"""
        return self._set(minCatSamples=value)

    def getMinHessian(self) -> float:
        """The value of minHessian or its default: smallest hessian sum in a leaf"""
        return self.getOrDefault(self.minHessian)

    def setMinHessian(self, value: float) -> "ExplainableBoostingRegressor":
        """Sets minHessian: smallest hessian sum in a leaf"""
        return self._set(minHessian=value)

    def getMinSamplesLeaf(self) -> int:
        """The value of minSamplesLeaf or its default: fewest training rows in a leaf"""
        return self.getOrDefault(self.minSamplesLeaf)

    def setMinSamplesLeaf(self, value: int) -> "ExplainableBoostingRegressor":
        """Sets minSamplesLeaf: fewest training rows in a leaf"""
        return self._set(minSamplesLeaf=value)

    def getMonotoneConstraints(self) -> List[str]:
        """The value of monotoneConstraints or its default: monotone constraints, one
        "feature=direction" per constrained numeric feature: 1 (or +1) increasing, -1
        decreasing, 0 free; pairs with a constrained feature are not chosen (interpretml's
        monotone_constraints)
        """
        return self.getOrDefault(self.monotoneConstraints)

    def setMonotoneConstraints(self, value: List[str]) -> "ExplainableBoostingRegressor":
        """Sets monotoneConstraints: monotone constraints, one "feature=direction" per constrained
        numeric feature: 1 (or +1) increasing, -1 decreasing, 0 free; pairs with a constrained
        feature are not chosen (interpretml's monotone_constraints)
        """
        return self._set(monotoneConstraints=value)

    def getNumShards(self) -> int:
        """The value of numShards or its default: shards one bag's rows are split into (0: one per
        shardRows rows, see EbmSettings); 1 boosts exactly in one task
        """
        return self.getOrDefault(self.numShards)

    def setNumShards(self, value: int) -> "ExplainableBoostingRegressor":
        """Sets numShards: shards one bag's rows are split into (0: one per shardRows rows, see
        EbmSettings); 1 boosts exactly in one task
        """
        return self._set(numShards=value)

    def getOuterBags(self) -> int:
        """The value of outerBags or its default: outer bags (train/validation splits) averaged
        into the model
        """
        return self.getOrDefault(self.outerBags)

    def setOuterBags(self, value: int) -> "ExplainableBoostingRegressor":
        """Sets outerBags: outer bags (train/validation splits) averaged into the model"""
        return self._set(outerBags=value)

    def getPredictionCol(self) -> str:
        """The value of predictionCol or its default: output: the prediction"""
        return self.getOrDefault(self.predictionCol)

    def setPredictionCol(self, value: str) -> "ExplainableBoostingRegressor":
        """Sets predictionCol: output: the prediction"""
        return self._set(predictionCol=value)

    def getRoundsPerSync(self) -> int:
        """The value of roundsPerSync or its default: schedule rounds each shard runs between
        merges (sharded mode)
        """
        return self.getOrDefault(self.roundsPerSync)

    def setRoundsPerSync(self, value: int) -> "ExplainableBoostingRegressor":
        """Sets roundsPerSync: schedule rounds each shard runs between merges (sharded mode)"""
        return self._set(roundsPerSync=value)

    def getRowIdCol(self) -> str:
        """The value of rowIdCol or its default: column of stable row ids that decide shards, bags
        and validation rows (empty: a hash of the row's content)
        """
        return self.getOrDefault(self.rowIdCol)

    def setRowIdCol(self, value: str) -> "ExplainableBoostingRegressor":
        """Sets rowIdCol: column of stable row ids that decide shards, bags and validation rows
        (empty: a hash of the row's content)
        """
        return self._set(rowIdCol=value)

    def getSeed(self) -> int:
        """The value of seed or its default: seed of bags, splits and random steps"""
        return self.getOrDefault(self.seed)

    def setSeed(self, value: int) -> "ExplainableBoostingRegressor":
        """Sets seed: seed of bags, splits and random steps"""
        return self._set(seed=value)

    def getSmoothingRounds(self) -> int:
        """The value of smoothingRounds or its default: initial rounds with random split points
        (mains)
        """
        return self.getOrDefault(self.smoothingRounds)

    def setSmoothingRounds(self, value: int) -> "ExplainableBoostingRegressor":
        """Sets smoothingRounds: initial rounds with random split points (mains)"""
        return self._set(smoothingRounds=value)

    def getUncertaintyCol(self) -> str:
        """The value of uncertaintyCol or its default: output: per-row standard deviation of the
        raw score over the outer bags (multiclass: an array, one per class; empty: not produced)
        """
        return self.getOrDefault(self.uncertaintyCol)

    def setUncertaintyCol(self, value: str) -> "ExplainableBoostingRegressor":
        """Sets uncertaintyCol: output: per-row standard deviation of the raw score over the outer
        bags (multiclass: an array, one per class; empty: not produced)
        """
        return self._set(uncertaintyCol=value)

    def getValidationIndicatorCol(self) -> str:
        """The value of validationIndicatorCol or its default: boolean column marking the
        validation rows of every bag (empty: a seeded split of validationSize)
        """
        return self.getOrDefault(self.validationIndicatorCol)

    def setValidationIndicatorCol(self, value: str) -> "ExplainableBoostingRegressor":
        """Sets validationIndicatorCol: boolean column marking the validation rows of every bag
        (empty: a seeded split of validationSize)
        """
        return self._set(validationIndicatorCol=value)

    def getValidationSize(self) -> float:
        """The value of validationSize or its default: fraction of rows validating each bag"""
        return self.getOrDefault(self.validationSize)

    def setValidationSize(self, value: float) -> "ExplainableBoostingRegressor":
        """Sets validationSize: fraction of rows validating each bag"""
        return self._set(validationSize=value)

    def getWeightCol(self) -> str:
        """The value of weightCol or its default: row weight column (empty: every row weighs 1)"""
        return self.getOrDefault(self.weightCol)

    def setWeightCol(self, value: str) -> "ExplainableBoostingRegressor":
        """Sets weightCol: row weight column (empty: every row weighs 1)"""
        return self._set(weightCol=value)

    def _create_model(self, java_model: Any) -> "ExplainableBoostingRegressionModel":
        return ExplainableBoostingRegressionModel(java_model)
