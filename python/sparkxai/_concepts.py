"""What Python adds to the concept models: metrics and intervention curves as dicts and lists,
formulas, and the concepts report shown inline.

In a classic session these call the Java model; over Spark Connect they go through the
``ConceptExplainer`` stage (see :mod:`sparkxai._remote`).
"""

from __future__ import annotations

from typing import Any, Dict, List

from pyspark.sql import DataFrame
from pyspark.sql.utils import is_remote

from sparkxai import _remote
from sparkxai.errors import translated
from sparkxai.reports import Report

__all__ = ["ConceptModelMethods", "EntropyLogicMethods"]


class _Explained:
    def _explained(self, explanation: str, dataset: DataFrame, **params: Any) -> DataFrame:
        from sparkxai.concepts import ConceptExplainer

        stage = ConceptExplainer(modelPath=_remote.model_path(self), explanation=explanation, **params)
        with translated():
            return stage.transform(dataset)

    def report(self, dataset: DataFrame, policy: str = "random") -> Report:
        """The concepts report on ``dataset`` (a test table): accuracies, leakage, the intervention curve
        and, for the entropy network, each class's formula with its explanation accuracy, fidelity and
        complexity."""
        return Report(self._explained("report", dataset, policy=policy).first()["html"])


class ConceptModelMethods(_Explained):
    """Metrics and interventions of a concept bottleneck or embedding model."""

    def evaluate(self, dataset: DataFrame, policy: str = "random") -> Dict[str, Any]:
        """Concept accuracy, task accuracy, task accuracy with every concept intervened, leakage and the
        intervention curve (``policy`` orders the interventions: random or uncertainty), in one pass."""
        if is_remote():
            row = self._explained("metrics", dataset, policy=policy).first().asDict(recursive=True)
            return {k: v for k, v in row.items() if v is not None}
        with translated():
            m = self._java_obj.evaluate(dataset._jdf, policy)
        return {
            "concept_accuracy": float(m.conceptAccuracy()),
            "task_accuracy": float(m.taskAccuracy()),
            "task_accuracy_all_intervened": float(m.taskAccuracyAllIntervened()),
            "leakage": float(m.leakage()),
            "intervention_curve": [float(v) for v in m.interventionCurve()],
            "policy": str(m.policy()),
        }

    def interventionCurve(self, dataset: DataFrame, policy: str = "random") -> List[float]:
        """Task accuracy with 0, 1, ..., k concepts replaced by their true values."""
        if is_remote():
            rows = self._explained("curve", dataset, policy=policy).orderBy("concepts_intervened").collect()
            return [float(r["task_accuracy"]) for r in rows]
        with translated():
            return [float(v) for v in self._java_obj.interventionCurve(dataset._jdf, policy)]


class EntropyLogicMethods(_Explained):
    """Formulas of an entropy-based logic explained network."""

    def formulas(self) -> Dict[int, str]:
        """One formula per class over the concept names, e.g. ``{1: "(c0 ∧ ¬c1) ∨ (¬c0 ∧ c1)"}``."""
        if is_remote():
            rows = self._explained("formulas", _remote.any_rows()).collect()
            return {int(r["class"]): str(r["formula"]) for r in rows}
        f = self._java_obj.formulas()
        return {int(k): str(f.get(k)) for k in f.keySet()}

    def explanationMetrics(self, dataset: DataFrame) -> Dict[str, float]:
        """Explanation accuracy, fidelity and complexity of the formulas on ``dataset``."""
        if is_remote():
            row = self._explained("metrics", dataset).first().asDict(recursive=True)
            return {k: float(row[k]) for k in ("explanation_accuracy", "fidelity", "complexity")}
        with translated():
            m = self._java_obj.explanationMetrics(dataset._jdf)
        return {
            "explanation_accuracy": float(m.accuracy()),
            "fidelity": float(m.fidelity()),
            "complexity": float(m.complexity()),
        }
