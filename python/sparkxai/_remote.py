"""Connect-safe routes to explanations.

Over Spark Connect a client may fit, transform, save and load our stages, but may not call any other
method of a model (the server allows only a fixed list of model attributes, none of ours). Every
explanation is therefore also produced by a stage's ``transform``: ``EbmExplainer``,
``ConceptExplainer`` and ``LrpReport`` read a saved model (or take the explainer's params) and
return the explanation as a DataFrame. A model fitted over Connect and never saved is saved first,
under ``spark.sparkxai.connect.dir`` (a folder the Connect server can write and read; default
``/tmp/sparkxai-connect`` on the server: set it to shared storage on a cluster).
"""

from __future__ import annotations

import uuid
from typing import Any

__all__ = ["model_path", "any_rows"]

DIR_CONF = "spark.sparkxai.connect.dir"
DEFAULT_DIR = "/tmp/sparkxai-connect"


def _session() -> Any:
    from pyspark.sql import SparkSession

    spark = SparkSession.getActiveSession()
    if spark is None:
        raise RuntimeError("no active Spark session")
    return spark


def model_path(model: Any) -> str:
    """Where the server can read ``model``: where it was loaded from or saved, else a new folder."""
    path = getattr(model, "_sparkxai_path", None)
    if path:
        return path
    spark = _session()
    try:
        base = spark.conf.get(DIR_CONF, DEFAULT_DIR)
    except Exception:  # noqa: BLE001 - an unknown key on an older server reads as unset
        base = DEFAULT_DIR
    path = base.rstrip("/") + "/" + model.uid + "-" + uuid.uuid4().hex[:8]
    model.write().save(path)
    model._sparkxai_path = path
    return path


def any_rows() -> Any:
    """A one-row DataFrame for explanations that read only the model."""
    return _session().range(1)
