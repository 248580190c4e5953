"""interpretml interchange: EBMs trained on Spark as fitted interpretml estimators, and interpretml's EBMs
as Spark models.

>>> from sparkxai.interpret import to_interpret, from_interpret
>>> ebm = to_interpret(model)                 # a fitted interpret.glassbox ExplainableBoostingClassifier
>>> interpret.show(ebm.explain_global())      # interpretml's own dashboard of the model trained on Spark
>>> ebm.predict_proba(pandas_rows)            # the probabilities the Spark model gives
>>> spark_model = from_interpret(ebm)         # and back: scores Spark DataFrames as interpretml does

Both go through interpretml 0.7.8's JSON form (``to_json``; the mapping is in ``docs/ebm-json.md``).
interpretml's own JSON reader (``_from_json``) is private and marked untested; :func:`to_interpret`
therefore builds the estimator's fitted attributes itself, the same ones ``fit`` leaves. Needs
``interpret`` (``pip install interpret==0.7.8``) and a classic Spark session.
"""

from __future__ import annotations

import json
import math
from typing import Any, Dict, List, Union

from sparkxai.errors import SparkXaiError

__all__ = ["to_interpret", "from_interpret", "interpret_from_json"]


def _require_interpret() -> Any:
    try:
        import interpret  # noqa: F401
        from interpret.glassbox import ExplainableBoostingClassifier, ExplainableBoostingRegressor
    except ImportError as e:
        raise SparkXaiError("sparkxai.interpret needs interpretml: pip install interpret==0.7.8") from e
    return ExplainableBoostingClassifier, ExplainableBoostingRegressor


def to_interpret(model: Any) -> Any:
    """A fitted interpretml ``ExplainableBoostingClassifier`` (or ``ExplainableBoostingRegressor``) that
    holds ``model`` (an :class:`~sparkxai.ebm.ExplainableBoostingClassificationModel` or regression model):
    ``predict``, ``predict_proba``, ``decision_function``, ``eval_terms``, ``explain_global``,
    ``explain_local``, ``term_importances``, ``monotonize`` and ``to_json`` work on it and give what the
    Spark model gives. Its rows are pandas DataFrames with the feature columns."""
    return interpret_from_json(model.toJson("interpret"))


def from_interpret(ebm: Any) -> Any:
    """A Spark model (:class:`~sparkxai.ebm.ExplainableBoostingClassificationModel` or
    :class:`~sparkxai.ebm.ExplainableBoostingRegressionModel`) that scores as the fitted interpretml EBM
    ``ebm`` does; it reads its features from the columns named as ``ebm``'s features."""
    from sparkxai.ebm import ExplainableBoostingClassificationModel, ExplainableBoostingRegressionModel

    text = json.dumps(ebm.to_jsonable(), allow_nan=False)
    regression = ebm.link_ == "identity"
    cls = ExplainableBoostingRegressionModel if regression else ExplainableBoostingClassificationModel
    return cls.fromJson(text)


def _numbers(value: Any) -> Any:
    """interpretml's JSON numbers, with its "nan", "+inf" and "-inf" strings, nested lists included."""
    if isinstance(value, list):
        return [_numbers(v) for v in value]
    if isinstance(value, str):
        return {"nan": math.nan, "+inf": math.inf, "-inf": -math.inf}.get(value.lower(), value)
    return value


def interpret_from_json(source: Union[str, Dict[str, Any]]) -> Any:
    """A fitted interpretml EBM from interpretml's JSON form (text or the parsed object), with every
    attribute ``fit`` leaves set: what ``toJson("interpret")`` and ``bin/spark-xai ebm-export --format
    interpret`` write, or interpret's own ``to_json``."""
    import numpy as np

    classifier_cls, regressor_cls = _require_interpret()
    root = json.loads(source) if isinstance(source, str) else source
    if str(root.get("version")) != "1.0" or "ebm" not in root:
        raise SparkXaiError("not an interpretml EBM JSON of version 1.0 (got version " + str(root.get("version")) + ")")
    j = root["ebm"]
    output = j["outputs"][0]
    link = output["link"]
    if link not in ("logit", "mlogit", "identity"):
        raise SparkXaiError("interpretml JSON with link " + link + "; logit, mlogit and identity are read")
    intercept = np.array(_numbers(j["intercept"]), np.float64)
    if link == "identity":
        ebm = regressor_cls()
        ebm.intercept_ = float(intercept[0])
        ebm.min_target_ = float(_numbers(output.get("min_target", "nan")))
        ebm.max_target_ = float(_numbers(output.get("max_target", "nan")))
    else:
        ebm = classifier_cls()
        ebm.classes_ = np.array(output["classes"])
        ebm.intercept_ = intercept
    _features(ebm, j["features"])
    _terms(ebm, j["terms"])
    ebm.link_ = link
    ebm.link_param_ = math.nan
    ebm.bag_weights_ = np.array(_numbers(j.get("bag_weights", [1.0])), np.float64)
    ebm.best_iteration_ = np.array(j.get("best_iteration", [[0]]), np.int64)
    ebm.bagged_intercept_ = None
    ebm.has_fitted_ = True
    return ebm


def _features(ebm: Any, features: List[Dict[str, Any]]) -> None:
    import numpy as np

    bins: List[Any] = []
    bounds = []
    for f in features:
        if f["type"] == "continuous":
            bins.append([np.array(_numbers(level), np.float64) for level in f["cuts"]])
        else:
            levels = []
            for level in f["categories"]:
                mapping: Dict[str, int] = {}
                for i, entry in enumerate(level):
                    for category in entry if isinstance(entry, list) else [entry]:
                        mapping[str(category)] = i + 1
                levels.append(mapping)
            bins.append(levels)
        bounds.append((float(_numbers(f.get("min", "nan"))), float(_numbers(f.get("max", "nan")))))
    n = len(features)
    ebm.n_features_in_ = n
    ebm.feature_names_in_ = [f["name"] for f in features]
    ebm.feature_types_in_ = [f["type"] for f in features]
    ebm.bins_ = bins
    ebm.feature_bounds_ = np.array(bounds, np.float64).reshape(n, 2)
    ebm.unique_val_counts_ = np.array([int(f.get("num_unique_vals", 0)) for f in features], np.int64)
    # no equal-width histograms: interpretml's plots then show the bins' training weights
    ebm.histogram_edges_ = [None] * n
    ebm.histogram_weights_ = [None] * n


def _terms(ebm: Any, terms: List[Dict[str, Any]]) -> None:
    import numpy as np

    index = {name: i for i, name in enumerate(ebm.feature_names_in_)}
    ebm.term_features_ = [tuple(index[name] for name in t["term_features"]) for t in terms]
    ebm.term_names_ = [" & ".join(t["term_features"]) for t in terms]
    ebm.term_scores_ = [np.array(_numbers(t["scores"]), np.float64) for t in terms]
    ebm.standard_deviations_ = [
        np.array(_numbers(t["standard_deviations"]), np.float64)
        if t.get("standard_deviations") is not None
        else np.zeros_like(s)
        for t, s in zip(terms, ebm.term_scores_, strict=True)
    ]
    ebm.bagged_scores_ = [
        np.array(_numbers(t["bagged_scores"]), np.float64) if t.get("bagged_scores") is not None else s[np.newaxis]
        for t, s in zip(terms, ebm.term_scores_, strict=True)
    ]
    ebm.bin_weights_ = [
        np.array(_numbers(t["bin_weights"]), np.float64)
        if t.get("bin_weights") is not None
        else np.ones(s.shape[: len(f)])
        for t, s, f in zip(terms, ebm.term_scores_, ebm.term_features_, strict=True)
    ]
