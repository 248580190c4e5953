"""What Python adds to the EBM models beyond their params: explanations as DataFrames and dicts,
per-row contributions named by term, and reports that show inline.

In a classic session these call the Java model directly; over Spark Connect they go through the
``EbmExplainer`` stage (see :mod:`sparkxai._remote`), and give the same values.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Type

from pyspark.sql import DataFrame
from pyspark.sql.utils import is_remote

from sparkxai import _remote
from sparkxai.errors import SparkXaiError, translated
from sparkxai.reports import Report

__all__ = ["EbmModelMethods", "EbmModelEditorMethods"]


def _wrap(cls: Type[Any], java_model: Any) -> Any:
    """A Python model of ``cls`` around a Java model made in a classic session, with its params."""
    model = cls(java_model)
    model._transfer_params_from_java()
    return model


def _edit(cls: Type[Any], paths: List[str], **params: Any) -> Any:
    """The ``EbmModelEditor`` stage's model of ``cls`` (the route over Spark Connect)."""
    from sparkxai.ebm import EbmModelEditor

    editor = EbmModelEditor(modelPaths=paths, **params)
    editor._sparkxai_model_class = cls
    with translated():
        return editor.fit(_remote.any_rows())


class EbmModelEditorMethods:
    """What the generated ``EbmModelEditor`` wrapper adds: its ``fit`` returns a model of the class
    saved at ``modelPaths`` (a classifier or a regressor), which Python learns from the Java model in a
    classic session, and over Spark Connect from the caller or the model's ``toString``."""

    _sparkxai_model_class: Optional[Type[Any]] = None

    def _create_model(self, java_model: Any) -> Any:
        from sparkxai import ebm

        cls = self._sparkxai_model_class
        if cls is None:
            if is_remote():
                java_model.add_ref()  # the probe below releases one reference when it goes
                probe = ebm.ExplainableBoostingClassificationModel(java_model)
                name = str(probe._call_java("toString")).split(" ")[0]
                del probe
            else:
                name = str(java_model.getClass().getSimpleName())
            cls = getattr(ebm, name)
        return cls(java_model) if is_remote() else _wrap(cls, java_model)


class EbmModelMethods:
    """Explanations of a fitted Explainable Boosting Machine (classifier or regressor)."""

    def _explained(self, explanation: str, dataset: Optional[DataFrame] = None, **params: Any) -> DataFrame:
        from sparkxai.ebm import EbmExplainer

        stage = EbmExplainer(modelPath=_remote.model_path(self), explanation=explanation, **params)
        with translated():
            return stage.transform(dataset if dataset is not None else _remote.any_rows())

    def _described(self) -> Dict[str, Any]:
        if not hasattr(self, "_sparkxai_description"):
            row = self._explained("model").first()
            self._sparkxai_description = row.asDict(recursive=True)
        return self._sparkxai_description

    def termNames(self) -> List[str]:
        """The term names, mains then pairs (``"age"``, ``"age & hours_per_week"``)."""
        if is_remote():
            return list(self._described()["termNames"])
        return [str(t) for t in self._call_java("termNames")]

    def termImportances(self, importanceType: str = "avg_weight") -> Dict[str, float]:
        """Each term's importance, largest first: ``"avg_weight"`` (the training-weighted mean absolute
        score) or ``"min_max"`` (the largest minus the smallest score of the term)."""
        if is_remote():
            if importanceType == "avg_weight":
                rows = self._explained("importances").collect()
                return {r["term"]: float(r["importance"]) for r in rows}
            if importanceType != "min_max":
                raise SparkXaiError("importance type must be avg_weight or min_max, got " + str(importanceType))
            from pyspark.sql import functions as F

            ranges = self._explained("global").groupBy("term").agg((F.max("score") - F.min("score")).alias("range"))
            pairs = [(r["term"], float(r["range"])) for r in ranges.collect()]
        else:
            with translated():
                imp = self._java_obj.termImportances(importanceType)
            pairs = [(str(k), float(imp.get(k))) for k in imp.keySet()]
        return dict(sorted(pairs, key=lambda kv: -kv[1]))

    @classmethod
    def merge(cls, models: Sequence[Any], weights: Optional[Sequence[float]] = None) -> Any:
        """The models merged into one of their class (``ExplainableBoostingModels.merge`` in Java):
        the union of their bins, features and terms, each row scored with the weighted mean of the
        models' raw scores (``weights``: one per model; default each model's training weight), standard
        deviations over all their bags. Over Spark Connect the models are read where they were loaded
        or saved (models never saved are saved first, see :mod:`sparkxai._remote`)."""
        models = list(models)
        if not models:
            raise SparkXaiError("no models to merge")
        for i, m in enumerate(models):
            if not isinstance(m, cls):
                raise SparkXaiError("model %d is a %s, not a %s" % (i + 1, type(m).__name__, cls.__name__))
        if is_remote():
            # over Connect an empty list cannot be sent (its element type is unknown): leave it unset
            params = {"weights": [float(w) for w in weights]} if weights else {}
            merged = _edit(cls, [_remote.model_path(m) for m in models], operation="merge", **params)
            models[0]._copyValues(merged)
            if models[0].getInputCols():
                merged._set(inputCols=list(dict.fromkeys(c for m in models for c in m.getInputCols())))
                categorical = list(dict.fromkeys(c for m in models for c in m.getCategoricalCols()))
                if categorical:
                    merged._set(categoricalCols=categorical)
            return merged
        spark = _remote._session()
        jvm = spark.sparkContext._jvm
        java_weights = None
        if weights is not None:
            java_weights = spark.sparkContext._gateway.new_array(jvm.double, len(weights))
            for i, w in enumerate(weights):
                java_weights[i] = float(w)
        with translated():
            java = jvm.io.sparkxai.ebm.ExplainableBoostingModels.merge([m._java_obj for m in models], java_weights)
        return _wrap(cls, java)

    def removeTerms(self, *names: str) -> Any:
        """A new model without the named terms (interpretml's ``remove_terms``); this one is unchanged."""
        if not names:
            raise SparkXaiError("removeTerms needs the names of the terms to remove")
        if is_remote():
            return self._edited(operation="removeTerms", terms=list(names))
        spark = _remote._session()
        array = spark.sparkContext._gateway.new_array(spark.sparkContext._jvm.java.lang.String, len(names))
        for i, n in enumerate(names):
            array[i] = n
        with translated():
            return _wrap(type(self), self._java_obj.removeTerms(array))

    def scaleTerm(self, name: str, factor: float) -> Any:
        """A new model whose term ``name`` is multiplied by ``factor`` (scores, standard deviations, bags)."""
        if is_remote():
            return self._edited(operation="scaleTerm", terms=[name], factor=float(factor))
        with translated():
            return _wrap(type(self), self._java_obj.scaleTerm(name, float(factor)))

    def sweep(self, threshold: float, importanceType: str = "avg_weight") -> Any:
        """A new model without the terms whose importance (see :meth:`termImportances`) is below
        ``threshold``."""
        if is_remote():
            return self._edited(operation="sweep", threshold=float(threshold), importanceType=importanceType)
        with translated():
            return _wrap(type(self), self._java_obj.sweep(float(threshold), importanceType))

    def _edited(self, **params: Any) -> Any:
        edited = _edit(type(self), [_remote.model_path(self)], **params)
        self._copyValues(edited)
        return edited

    def classNames(self) -> List[str]:
        """The class names kept with the model (from the label's values or StringIndexer); may be empty."""
        if is_remote():
            return list(self._described().get("classNames") or [])
        return [str(c) for c in self._java_obj.classNames()]

    def intercept(self) -> List[float]:
        """The intercept: one value, or one per class for multiclass."""
        if is_remote():
            return [float(v) for v in self._described()["intercept"]]
        return [float(v) for v in self._java_obj.intercept()]

    def provenance(self) -> Dict[str, str]:
        """Where the model came from: params, seed, library version, rows, kernel, time."""
        if is_remote():
            return dict(self._described().get("provenance") or {})
        p = self._java_obj.provenance()
        return {str(k): str(p.get(k)) for k in p.keySet()}

    def globalExplanation(self) -> DataFrame:
        """Every term's bins with their score, standard deviation over bags and training weight."""
        if is_remote():
            return self._explained("global")
        with translated():
            return self._call_java("globalExplanation")

    def explainRows(self, dataset: DataFrame, idCol: Optional[str] = None) -> DataFrame:
        """Per-row contributions: ``idCol`` when given, one column per term named exactly as the term,
        then ``raw_score``, ``probability`` (classifiers) and ``prediction``. Intercept plus the
        contributions is the raw score."""
        if is_remote():
            params = {"idCol": idCol} if idCol else {}
            return self._explained("contributions", dataset, **params)
        from pyspark.sql import SparkSession

        spark = SparkSession.getActiveSession()
        keep = spark.sparkContext._gateway.new_array(spark.sparkContext._jvm.java.lang.String, 1 if idCol else 0)
        if idCol:
            keep[0] = idCol
        with translated():
            return DataFrame(self._java_obj.explainRows(dataset._jdf, keep), spark)

    def globalReport(self, title: Optional[str] = None, labelName: Optional[str] = None) -> Report:
        """The global report: summary, sorted importances and one panel per term (no Spark job)."""
        if is_remote():
            params = {"reportRows": 0}
            if title:
                params["reportTitle"] = title
            return self._remote_report(None, params)
        with translated():
            g = self._java_obj.globalReport()
            if title:
                g = g.title(title)
            if labelName:
                g = g.labelName(labelName)
            return Report(g.build().html(), title)

    def localReport(
        self, dataset: DataFrame, n: int = 5, labelCol: Optional[str] = None, title: Optional[str] = None
    ) -> Report:
        """The global report plus the first ``n`` rows of ``dataset`` explained one by one (one Spark job):
        each contribution labelled "term = the row's value", largest first, with the intercept, raw score,
        probability, prediction and, with ``labelCol``, the row's label."""
        if is_remote():
            params: Dict[str, Any] = {"reportRows": n}
            if labelCol:
                params["labelCol"] = labelCol
            if title:
                params["reportTitle"] = title
            return self._remote_report(dataset, params)
        with translated():
            g = self._java_obj.globalReport()
            if title:
                g = g.title(title)
            return Report(self._java_obj.localReport(g, dataset._jdf, n, labelCol).html(), title)

    def toJson(self, format: str = "sparkxai") -> str:
        """The model as JSON: ``"sparkxai"``, spark-ebm's portable form (schema in ``docs/ebm-json.md``;
        scored without Spark by the Java ``EbmScorer``), or ``"interpret"``, interpretml 0.7.8's ``to_json``
        form (see :mod:`sparkxai.interpret`). Classic sessions only: over Spark Connect, save the model and
        run ``bin/spark-xai ebm-export``."""
        _classic_only("toJson")
        with translated():
            return str(_jvm().io.sparkxai.ebm.PortableEbm.toJson(self._java_obj, format))

    def monotonize(self, term: str, increasing: bool = True) -> Any:
        """A copy whose main term ``term`` never decreases (``increasing``) or never increases: interpretml's
        ``monotonize``, isotonic regression weighted by each bin's training weight, keeping the term's
        weighted mean; pairs are left as they are. Classic sessions only."""
        _classic_only("monotonize")
        with translated():
            return _wrapped(type(self), self._java_obj.monotonize(term, bool(increasing)))

    @classmethod
    def fromJson(cls, json: str) -> Any:
        """A model of this class from JSON in spark-ebm's form (:meth:`toJson`) or interpretml's ``to_json``
        form; it reads its features from the columns named as the features. Classic sessions only."""
        _classic_only("fromJson")
        java_class = getattr(_jvm().io.sparkxai.ebm, cls._java_class.rsplit(".", 1)[1])
        with translated():
            return _wrapped(cls, java_class.fromJson(json))

    def _remote_report(self, dataset: Optional[DataFrame], params: Dict[str, Any]) -> Report:
        return Report(self._explained("report", dataset, **params).first()["html"], params.get("reportTitle"))

    def _repr_html_(self) -> Optional[str]:
        # In a classic session a model shows its global report (built on the driver, no Spark job). Over
        # Spark Connect that would first save an unsaved model on the server, which merely displaying a
        # variable must not do: there Jupyter falls back to the plain repr; call globalReport() instead.
        if is_remote():
            return None
        return self.globalReport()._repr_html_()


def _wrapped(cls: Any, java_model: Any) -> Any:
    model = cls(java_model)
    model._transfer_params_from_java()
    return model


def _classic_only(method: str) -> None:
    if is_remote():
        raise SparkXaiError(
            method + " needs a classic Spark session (it calls the model in the driver's JVM); over Spark Connect,"
            " save the model and use bin/spark-xai ebm-export / ebm-import"
        )


def _jvm() -> Any:
    from pyspark.sql import SparkSession

    spark = SparkSession.getActiveSession()
    if spark is None:
        raise SparkXaiError("no active Spark session")
    return spark.sparkContext._jvm
