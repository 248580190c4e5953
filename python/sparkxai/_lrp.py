"""What Python adds to ``LrpExplainer``: the report of explained images, shown inline.

In a classic session the Java explainer draws it; over Spark Connect the ``LrpReport`` stage, created
with the same params, does (see :mod:`sparkxai._remote`).
"""

from __future__ import annotations

from pyspark.sql import DataFrame
from pyspark.sql.utils import is_remote

from sparkxai.errors import translated
from sparkxai.reports import Report

__all__ = ["LrpExplainerMethods"]


class LrpExplainerMethods:
    """Reports of Layer-wise Relevance Propagation."""

    def report(self, dataset: DataFrame, n: int = 16) -> Report:
        """The first ``n`` explained rows of ``dataset`` (one Spark job): each input beside its heatmap
        (upscaled to at least 128 px), prediction, explained class and relevance sum, one colour bar,
        and the rule each layer gets."""
        if is_remote():
            from sparkxai.lrp import LrpReport

            values = {p.name: v for p, v in self._paramMap.items()}
            stage = LrpReport(images=n, **values)
            with translated():
                return Report(stage.transform(dataset).first()["html"])
        with translated():
            self._transfer_params_to_java()
            return Report(self._java_obj.report(dataset._jdf, n).html())
