"""Spark XAI for Python: Explainable Boosting Machines, Layer-wise Relevance Propagation and
concept models as pyspark.ml stages, backed by the Spark XAI jar that this package carries.

>>> import sparkxai
>>> spark = sparkxai.session()                      # local[*], with the jar on the class path
>>> from sparkxai.ebm import ExplainableBoostingClassifier
>>> model = ExplainableBoostingClassifier(inputCols=["age", "hours"], labelCol="label").fit(df)
>>> model.globalReport()                             # shows inline in Jupyter

On a cluster, pass :func:`jars` to ``spark.jars`` (or ``--jars``); over Spark Connect the server
needs the jar on its class path, and the same classes work unchanged.
"""

from __future__ import annotations

import glob
import os
import sys
import warnings
from typing import Any, List

from sparkxai.errors import SparkXaiError

__version__ = "0.1.0.dev0"

#: The Spark version the jar was built and tested with (``pyspark==`` this).
SPARK_VERSION = "4.2.0"

__all__ = ["SparkXaiError", "jars", "session", "SPARK_VERSION", "__version__"]

_JARS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "jars")
_APP_JAR = "spark-xai-app.jar"


def jars(natives: bool = True) -> List[str]:
    """The jars this package carries: Spark XAI with its dependencies but Spark (``spark-xai-app.jar``)
    and, with ``natives``, the PyTorch CPU natives that DJL loads offline for LRP and concept models.

    Raises :class:`SparkXaiError` when the package was installed without them (build the project
    with Maven first: ``mvn -B -q package -DskipTests`` copies them into ``python/sparkxai/jars``).
    """
    app = os.path.join(_JARS, _APP_JAR)
    if not os.path.isfile(app):
        raise SparkXaiError(
            "this sparkxai package carries no " + _APP_JAR + " (looked in " + _JARS + "): build the project with"
            " Maven (mvn -B -q package -DskipTests) before pip install ./python"
        )
    out = [app]
    if natives:
        out += sorted(glob.glob(os.path.join(_JARS, "pytorch-native-*.jar")))
    return out


def session(master: str = "local[*]", app_name: str = "spark-xai", **conf: Any) -> Any:
    """A classic SparkSession with this package's jars on the driver's and executors' class paths.

    ``conf`` adds Spark settings (``session(**{"spark.driver.memory": "4g"})``). An active session is
    returned as it is, with a warning when it lacks the jars.
    """
    from pyspark.sql import SparkSession
    from pyspark.sql.utils import is_remote

    paths = jars()
    active = SparkSession.getActiveSession()
    if active is not None:
        if not is_remote() and _APP_JAR not in (active.conf.get("spark.jars", "") or ""):
            warnings.warn(
                "the active Spark session was started without " + _APP_JAR + "; Spark XAI's stages will not be"
                " found (start it with sparkxai.session(), or add sparkxai.jars() to spark.jars)",
                stacklevel=2,
            )
        return active
    djl = "-Dai.djl.offline=true -Dai.djl.default_engine=PyTorch"
    builder = (
        SparkSession.builder.master(master)
        .appName(app_name)
        .config("spark.jars", ",".join(paths))
        .config("spark.driver.extraClassPath", os.pathsep.join(paths))
        .config("spark.driver.extraJavaOptions", djl)
        .config("spark.executor.extraJavaOptions", djl)
        .config("spark.ui.showConsoleProgress", "false")
    )
    for key, value in conf.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def _alias_java_packages() -> None:
    # pyspark finds the Python class of a saved or Java stage from its Java class name (e.g. in
    # PipelineModel.load): "io.sparkxai.ebm.X" is looked up as the module "io.sparkxai.ebm". The
    # module "io" is Python's own, so these names point at our modules instead of being imported.
    from sparkxai import concepts, ebm, lrp

    for name, module in (("ebm", ebm), ("lrp", lrp), ("concepts", concepts)):
        sys.modules.setdefault("io.sparkxai." + name, module)


_alias_java_packages()
