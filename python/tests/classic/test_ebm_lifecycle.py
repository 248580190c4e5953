"""An EBM's life after fit from Python in a classic session: merge models fitted apart, edit a model,
the per-row uncertainty, and the EbmModelEditor stage (the route over Spark Connect) giving the same
models as the methods."""

import pytest
from test_ebm import quick, table

from sparkxai import SparkXaiError
from sparkxai.ebm import (
    EbmModelEditor,
    ExplainableBoostingClassificationModel,
    ExplainableBoostingRegressor,
)


@pytest.fixture(scope="module")
def rows(spark):
    return table(spark, 1600, 5).cache()


@pytest.fixture(scope="module")
def halves(rows):
    a = quick().fit(rows.where("x1 < 5"))
    b = quick(seed=4, interactions="0", maxBins=40).fit(rows.where("x1 >= 5"))
    return a, b


def margins(model, rows):
    return [r[0][1] for r in model.transform(rows).select("rawPrediction").collect()]


def test_merge_scores_every_row_with_the_weighted_mean(rows, halves):
    a, b = halves
    merged = ExplainableBoostingClassificationModel.merge([a, b], weights=[1.0, 3.0])
    assert isinstance(merged, ExplainableBoostingClassificationModel) and merged.uid not in (a.uid, b.uid)
    for ma, mb, mm in zip(margins(a, rows), margins(b, rows), margins(merged, rows), strict=True):
        assert mm == pytest.approx(0.25 * ma + 0.75 * mb, abs=1e-9)
    assert merged.getInputCols() == a.getInputCols(), "the params come along"
    assert merged.provenance()["mergedFrom"] == a.uid + ", " + b.uid
    assert merged.termNames() == a.termNames()
    default = ExplainableBoostingClassificationModel.merge([a, b])
    assert default.provenance()["mergeWeights"] != merged.provenance()["mergeWeights"]


def test_merge_refuses_models_that_do_not_merge(rows, halves):
    a, _ = halves
    reg = ExplainableBoostingRegressor(inputCols=["x0"], labelCol="x1", outerBags=1, maxRounds=20).fit(rows)
    with pytest.raises(SparkXaiError, match="model 2 is a ExplainableBoostingRegressionModel"):
        ExplainableBoostingClassificationModel.merge([a, reg])
    with pytest.raises(SparkXaiError, match="1 weights for 2 models"):
        ExplainableBoostingClassificationModel.merge([a, a], weights=[1.0])
    with pytest.raises(SparkXaiError, match="no models"):
        ExplainableBoostingClassificationModel.merge([])


def test_edits_return_new_models(halves):
    a, _ = halves
    pair = a.termNames()[-1]
    edited = a.removeTerms(pair).scaleTerm("x0", 0.5)
    assert edited.termNames() == a.termNames()[:-1] and a.termNames()[-1] == pair
    assert edited.termImportances()["x0"] == pytest.approx(0.5 * a.termImportances()["x0"])
    assert edited.provenance()["edits"] == "removeTerms(%s); scaleTerm(x0, 0.5)" % pair
    ranges = a.termImportances("min_max")
    assert list(ranges) == sorted(ranges, key=ranges.get, reverse=True)
    cut = sorted(ranges.values())[1]
    assert len(a.sweep(cut, "min_max").termNames()) == sum(v >= cut for v in ranges.values())
    with pytest.raises(SparkXaiError, match="the model has no term 'nope'"):
        a.removeTerms("nope")
    with pytest.raises(SparkXaiError, match="importance type must be avg_weight or min_max"):
        a.termImportances("gain")


def test_uncertainty_is_a_column(rows, halves):
    a, _ = halves
    out = a.copy().setUncertaintyCol("sd").transform(rows).select("sd").collect()
    assert all(r[0] >= 0 for r in out) and any(r[0] > 0 for r in out)


def test_the_editor_stage_gives_the_same_models(spark, halves, tmp_path):
    a, b = halves
    pa, pb = str(tmp_path / "a"), str(tmp_path / "b")
    a.save(pa)
    b.save(pb)
    merged = EbmModelEditor(modelPaths=[pa, pb]).fit(spark.range(1))
    assert isinstance(merged, ExplainableBoostingClassificationModel)
    assert merged.termImportances() == ExplainableBoostingClassificationModel.merge([a, b]).termImportances()
    swept = EbmModelEditor(operation="sweep", modelPaths=[pa], threshold=0.05).fit(spark.range(1))
    assert swept.termNames() == a.sweep(0.05).termNames()
    with pytest.raises(SparkXaiError, match="operation must be one of merge, removeTerms, scaleTerm, sweep"):
        EbmModelEditor(operation="blend")
