"""EBM from Python in a classic session: fit, explanations as DataFrames and dicts, reports, save and
load, pipelines, errors."""

import json
import os
import random

import pytest
from pyspark.ml import Pipeline, PipelineModel
from pyspark.ml.feature import StringIndexer

from sparkxai import SparkXaiError
from sparkxai.ebm import (
    ExplainableBoostingClassificationModel,
    ExplainableBoostingClassifier,
    ExplainableBoostingRegressor,
)
from sparkxai.reports import Report

FEATURES = ["x0", "x1", "color"]


def table(spark, rows, seed):
    r = random.Random(seed)
    data = []
    for _ in range(rows):
        x0, x1, color = r.uniform(-2, 2), r.uniform(0, 10), r.choice(["red", "green", "blue"])
        logit = 1.5 * x0 - 0.3 * x1 + (1.0 if color == "red" else -0.5) + 1.0
        y = "yes" if r.random() < 1 / (1 + pow(2.718281828, -logit)) else "no"
        data.append((x0, x1, color, y, 1 if y == "yes" else 0))
    return spark.createDataFrame(data, "x0 double, x1 double, color string, answer string, label int")


def quick(**more):
    params = dict(inputCols=FEATURES, labelCol="label", outerBags=2, interactions="1", maxRounds=300, seed=3)
    params.update(more)
    return ExplainableBoostingClassifier(**params)


@pytest.fixture(scope="module")
def train(spark):
    return table(spark, 1500, 1).cache()


@pytest.fixture(scope="module")
def model(train):
    return quick().fit(train)


def test_fit_gives_our_model_class_with_the_params(model):
    assert isinstance(model, ExplainableBoostingClassificationModel)
    assert model.getInputCols() == FEATURES
    assert model.getOuterBags() == 2
    assert "ExplainableBoostingClassificationModel" in repr(model) or model.uid in repr(model)


def test_explanations_as_python_values_and_dataframes(model, train):
    names = model.termNames()
    assert names[:3] == ["x0", "x1", "color"] and len(names) == 4 and " & " in names[3]
    importances = model.termImportances()
    assert list(importances) == sorted(importances, key=importances.get, reverse=True)
    assert set(importances) == set(names) and next(iter(importances)) == "x0"
    assert len(model.intercept()) == 1
    glob = model.globalExplanation()
    assert {"term", "bin", "score"} <= set(glob.columns)
    rows = model.explainRows(train.limit(20).withColumn("id", train.x0 * 0 + 7), idCol="id").toPandas()
    assert list(rows.columns[: 1 + len(names)]) == ["id"] + names
    raw = rows[names].sum(axis=1) + model.intercept()[0]
    assert (abs(raw - rows["raw_score"]) < 1e-9).all(), "intercept + contributions = raw score"
    assert set(rows["prediction"]) <= {0.0, 1.0}


def test_reports_show_inline_and_save_atomically(model, train, tmp_path):
    report = model.globalReport(title="quick EBM")
    assert isinstance(report, Report) and report.html.startswith("<!doctype html>")
    assert "quick EBM" in report.html and report.html.count('class="panel"') == 4
    assert report._repr_html_().startswith("<iframe") and "srcdoc=" in report._repr_html_()
    local = model.localReport(train, n=3, labelCol="answer")
    assert local.html.count('data-kind="row"') == 3
    path = local.save(str(tmp_path / "sub" / "r.html"))
    assert open(path, encoding="utf-8").read() == local.html
    assert [f for f in os.listdir(tmp_path / "sub")] == ["r.html"], "no temporary file left"
    with pytest.raises(ValueError):
        local.save(str(tmp_path / "r.txt"))


def test_save_load_and_the_same_predictions(model, train, tmp_path):
    path = str(tmp_path / "model")
    model.save(path)
    loaded = ExplainableBoostingClassificationModel.load(path)
    assert isinstance(loaded, ExplainableBoostingClassificationModel) and loaded.uid == model.uid
    a = model.transform(train).select("probability").collect()
    b = loaded.transform(train).select("probability").collect()
    assert a == b
    assert loaded.termImportances() == model.termImportances()
    with pytest.raises(SparkXaiError, match="already exists"):
        model.save(path)


def test_a_pipeline_with_string_indexer_names_the_classes(train, tmp_path):
    pipeline = Pipeline(stages=[StringIndexer(inputCol="answer", outputCol="idx"), quick(labelCol="idx")])
    fitted = pipeline.fit(train)
    ebm = fitted.stages[-1]
    assert sorted(ebm.classNames()) == ["no", "yes"]
    path = str(tmp_path / "pipeline")
    fitted.save(path)
    again = PipelineModel.load(path)
    assert isinstance(again.stages[-1], ExplainableBoostingClassificationModel)
    assert (
        again.transform(train).select("prediction").collect() == fitted.transform(train).select("prediction").collect()
    )


def test_same_model_whatever_the_partitioning(train):
    one = quick(maxRounds=80).fit(train.coalesce(1))
    five = quick(maxRounds=80).fit(train.repartition(5))
    assert one.termImportances() == five.termImportances()
    assert one.intercept() == five.intercept()


def test_regression_too(spark, train):
    reg = ExplainableBoostingRegressor(
        inputCols=["x0", "color"], labelCol="x1", outerBags=1, maxRounds=100, interactions="0"
    ).fit(train)
    assert reg.termNames() == ["x0", "color"]
    assert "raw_score" in reg.explainRows(train.limit(3)).columns


def test_bad_input_names_the_column(train):
    with pytest.raises(SparkXaiError) as e:
        quick(inputCols=["x0", "nope"]).fit(train)
    assert "nope" in str(e.value).splitlines()[0]
    assert "Py4J" not in str(e.value) and "at org." not in str(e.value)


def test_provenance_says_where_the_model_came_from(model):
    p = model.provenance()
    assert p and json.dumps(p)


def test_a_model_shows_its_global_report_in_jupyter(model):
    html = model._repr_html_()
    assert html.startswith("<iframe") and "Term importances" in html
