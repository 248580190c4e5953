"""Portable EBMs from Python in a classic session: JSON out and back, monotone constraints and monotonize,
and their refusals. interpretml interchange is in test_interpret.py."""

import json

import pytest
from pyspark.sql import functions as F

from helpers import ADULT_FEATURES, adult
from sparkxai import SparkXaiError
from sparkxai.ebm import (
    ExplainableBoostingClassificationModel,
    ExplainableBoostingClassifier,
    ExplainableBoostingRegressionModel,
)


def quick(**more):
    params = dict(
        inputCols=ADULT_FEATURES,
        labelCol="label",
        outerBags=1,
        interactions="2",
        learningRate=0.1,
        smoothingRounds=5,
        interactionSmoothingRounds=5,
        maxRounds=150,
        earlyStoppingRounds=20,
        logEvery=0,
    )
    params.update(more)
    return ExplainableBoostingClassifier(**params)


@pytest.fixture(scope="module")
def train(spark):
    return adult(spark, "adult.data").limit(6000).cache()


@pytest.fixture(scope="module")
def model(train):
    return quick().fit(train)


def age_scores(model):
    rows = model.globalExplanation().filter("term = 'age' AND bin NOT IN ('missing', 'unseen')").orderBy("bin_index")
    return [r["score"] for r in rows.collect()]


def never_falls(scores):
    return all(b >= a for a, b in zip(scores[:-1], scores[1:], strict=True))


def test_to_json_reads_back_as_the_same_model(model, train):
    text = model.toJson()
    doc = json.loads(text)
    assert doc["format"] == "spark-ebm/model" and doc["version"] == 1
    assert [f["name"] for f in doc["features"]] == ADULT_FEATURES
    back = ExplainableBoostingClassificationModel.fromJson(text)
    assert back.termNames() == model.termNames()
    assert back.getInputCols() == ADULT_FEATURES
    ours = [r[0][1] for r in model.transform(train).select("rawPrediction").collect()]
    again = [r[0][1] for r in back.transform(train).select("rawPrediction").collect()]
    assert ours == again
    interpret_form = json.loads(model.toJson("interpret"))
    assert interpret_form["version"] == "1.0" and interpret_form["ebm"]["outputs"][0]["link"] == "logit"


def test_bad_json_is_refused_with_the_reason(model):
    newer = model.toJson().replace('"version" : 1,', '"version" : 3,', 1)
    with pytest.raises(SparkXaiError, match="the model JSON has model format version 3; this library"):
        ExplainableBoostingClassificationModel.fromJson(newer)
    with pytest.raises(
        SparkXaiError, match="holds a BINARY model; read it with ExplainableBoostingClassificationModel.fromJson"
    ):
        ExplainableBoostingRegressionModel.fromJson(model.toJson())
    with pytest.raises(SparkXaiError, match="JSON format must be sparkxai or interpret, got pmml"):
        model.toJson("pmml")


def test_monotone_constraints_and_monotonize(model, train):
    assert not never_falls(age_scores(model)), "the free age shape falls after about 60"
    constrained = quick(monotoneConstraints=["age=1"]).fit(train)
    assert never_falls(age_scores(constrained))
    assert constrained.getMonotoneConstraints() == ["age=1"]
    assert not any("age" in t for t in constrained.termNames() if " & " in t)
    monotone = model.monotonize("age")
    assert never_falls(age_scores(monotone))
    assert not never_falls(age_scores(model)), "monotonize returns a copy"
    assert monotone.termNames() == model.termNames()
    assert monotone.transform(train).count() == train.count()


def test_bad_constraints_are_refused_by_name(model, train):
    with pytest.raises(SparkXaiError, match="monotoneConstraints must be a list"):
        quick(monotoneConstraints=["age=up"])
    with pytest.raises(SparkXaiError, match="feature 'workclass' is categorical"):
        quick(monotoneConstraints=["workclass=1"]).fit(train)
    with pytest.raises(SparkXaiError, match="names feature 'height', which is not a feature"):
        quick(monotoneConstraints=["height=-1"]).fit(train.withColumn("h", F.lit(1.0)))
    with pytest.raises(SparkXaiError, match="'workclass' is categorical"):
        model.monotonize("workclass")
    with pytest.raises(SparkXaiError, match="monotonize works on main terms"):
        model.monotonize([t for t in model.termNames() if " & " in t][0])
