"""Over Spark Connect, through a real server: the same Python classes fit, transform, explain, report,
save and load; LrpExplainer explains an image DataFrame; what Connect refuses fails clearly."""

import os
import sys

import pytest
from pyspark.ml import Pipeline, PipelineModel
from pyspark.ml.feature import StringIndexer
from pyspark.sql.utils import is_remote

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "classic"))

from test_ebm import FEATURES, quick, table  # noqa: E402
from test_lrp import lenet  # noqa: E402

from helpers import DIGITS, digit_folder, xor_concepts  # noqa: E402
from sparkxai import SparkXaiError  # noqa: E402
from sparkxai.concepts import ConceptBottleneckClassifier, EntropyLogicExplainer  # noqa: E402
from sparkxai.ebm import ExplainableBoostingClassificationModel  # noqa: E402


@pytest.fixture(scope="module")
def train(spark, tmp_path_factory):
    assert is_remote(), "these tests run over Spark Connect"
    spark.conf.set("spark.sparkxai.connect.dir", str(tmp_path_factory.mktemp("models")))
    return table(spark, 1000, 1)


@pytest.fixture(scope="module")
def model(train):
    return quick().fit(train)


def test_fit_and_transform(model, train):
    assert isinstance(model, ExplainableBoostingClassificationModel)
    out = model.setContributionsCol("why").transform(train).select("prediction", "probability", "why").limit(5)
    rows = out.collect()
    assert len(rows) == 5 and len(rows[0]["why"]) == 4


def test_explanations_through_the_explainer_stage(model, train):
    names = model.termNames()
    assert names[:3] == FEATURES
    importances = model.termImportances()
    assert list(importances) == sorted(importances, key=importances.get, reverse=True)
    rows = model.explainRows(train.limit(10)).toPandas()
    raw = rows[names].sum(axis=1) + model.intercept()[0]
    assert (abs(raw - rows["raw_score"]) < 1e-9).all()
    assert {"term", "bin", "score"} <= set(model.globalExplanation().columns)
    report = model.localReport(train, n=2, labelCol="answer")
    assert report.html.count('class="panel"') == 4 + 2


def test_save_load_and_pipelines(train, tmp_path):
    pipeline = Pipeline(stages=[StringIndexer(inputCol="answer", outputCol="idx"), quick(labelCol="idx", maxRounds=60)])
    fitted = pipeline.fit(train)
    path = str(tmp_path / "pipeline")
    fitted.save(path)
    loaded = PipelineModel.load(path)
    assert isinstance(loaded.stages[-1], ExplainableBoostingClassificationModel)
    assert sorted(loaded.stages[-1].classNames()) == ["no", "yes"]
    a = loaded.transform(train).select("prediction").collect()
    assert a == fitted.transform(train).select("prediction").collect()
    model_path = str(tmp_path / "model")
    fitted.stages[-1].save(model_path)
    again = ExplainableBoostingClassificationModel.load(model_path)
    assert again.termImportances() == fitted.stages[-1].termImportances()


def test_lrp_on_an_image_dataframe(spark, tmp_path):
    folder = str(tmp_path / "digits")
    digit_folder(folder)
    images = spark.read.format("image").load(folder)
    rows = lenet().transform(images).orderBy("image.origin").select("prediction").collect()
    assert [int(r[0]) for r in rows] == DIGITS
    report = lenet().report(images.orderBy("image.origin"), n=3)
    assert report.html.count('class="image-row"') == 3


def test_concepts(spark):
    train, test = xor_concepts(spark, 300, 3), xor_concepts(spark, 100, 4)
    cbm = ConceptBottleneckClassifier(
        inputCols=["x0", "x1"], conceptCols=["c0", "c1"], labelCol="y", mode="joint", epochs=200, seed=7
    ).fit(train)
    metrics = cbm.evaluate(test)
    assert len(metrics["intervention_curve"]) == 3
    assert cbm.interventionCurve(test) == metrics["intervention_curve"]
    len_model = EntropyLogicExplainer(conceptCols=["c0", "c1"], labelCol="y", seed=1).fit(train)
    assert len_model.formulas()[1] == "(c0 ∧ ¬c1) ∨ (¬c0 ∧ c1)"


def test_a_bad_param_fails_at_fit_with_our_message(train):
    with pytest.raises(SparkXaiError) as e:
        quick(maxBins=1).fit(train)
    assert "maxBins must be >= 3, got 1" in str(e.value).splitlines()[0]


def test_connect_refuses_model_methods_so_they_go_through_stages(model):
    with pytest.raises(Exception) as e:
        model._call_java("termImportances")
    assert "termImportances" in str(e.value)


def test_displaying_a_model_saves_nothing(spark, train):
    model = quick(maxRounds=20).fit(train)
    assert model._repr_html_() is None
    assert getattr(model, "_sparkxai_path", None) is None, "no save on the server just to show the model"
