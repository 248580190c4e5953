"""An EBM's life after fit over Spark Connect: merge and edits go through the EbmModelEditor stage (a
client cannot call a model's methods) and give ordinary models that transform and explain on the
server; the per-row uncertainty is a column."""

import gc
import os
import sys

import pytest
from pyspark.sql.utils import is_remote

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "classic"))

from test_ebm import quick, table  # noqa: E402

from sparkxai import SparkXaiError  # noqa: E402
from sparkxai.ebm import EbmModelEditor, ExplainableBoostingClassificationModel  # noqa: E402


@pytest.fixture(scope="module")
def rows(spark, tmp_path_factory):
    assert is_remote(), "these tests run over Spark Connect"
    spark.conf.set("spark.sparkxai.connect.dir", str(tmp_path_factory.mktemp("lifecycle")))
    return table(spark, 1200, 2)


def margins(model, rows):
    return [r[0][1] for r in model.transform(rows).select("rawPrediction").collect()]


def test_merge_and_edits_over_connect(rows):
    a = quick().fit(rows.where("x1 < 5"))
    b = quick(seed=4, interactions="0").fit(rows.where("x1 >= 5"))
    merged = ExplainableBoostingClassificationModel.merge([a, b], weights=[1.0, 1.0])
    assert isinstance(merged, ExplainableBoostingClassificationModel)
    for ma, mb, mm in zip(margins(a, rows), margins(b, rows), margins(merged, rows), strict=True):
        assert mm == pytest.approx((ma + mb) / 2, abs=1e-9)
    assert merged.termNames() == a.termNames()
    assert merged.provenance()["mergeWeights"] == "1.0, 1.0"
    pair = a.termNames()[-1]
    edited = merged.removeTerms(pair).scaleTerm("x0", 2.0)
    assert edited.termNames() == a.termNames()[:-1]
    assert edited.termImportances()["x0"] == pytest.approx(2 * merged.termImportances()["x0"])
    ranges = merged.termImportances("min_max")
    assert set(ranges) == set(merged.termNames()) and min(ranges.values()) >= 0
    assert merged.sweep(sorted(ranges.values())[1], "min_max").termNames() != merged.termNames()
    sd = merged.setUncertaintyCol("sd").transform(rows).select("sd").collect()
    assert all(r[0] >= 0 for r in sd) and any(r[0] > 0 for r in sd)
    with pytest.raises(SparkXaiError, match="the model has no term 'nope'"):
        merged.removeTerms("nope")


def test_the_editor_stage_finds_the_class_of_the_saved_models(rows, tmp_path):
    path = str(tmp_path / "model")
    quick(maxRounds=60).fit(rows).save(path)
    edited = EbmModelEditor(operation="sweep", modelPaths=[path], threshold=0.0).fit(rows)
    assert isinstance(edited, ExplainableBoostingClassificationModel)
    gc.collect()
    assert edited.transform(rows).count() == rows.count(), "the model is still on the server"
