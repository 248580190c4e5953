"""Python and Java are one library: the same data, seed and params give the same model from either;
what one saves the other loads, also in another JVM (the command line under spark-submit); on UCI Adult
a notebook-style fit gives the command line's test AUC."""

import json
import os
import subprocess

import pytest
from pyspark.ml import PipelineModel
from pyspark.ml.evaluation import BinaryClassificationEvaluator
from pyspark.sql import DataFrame
from test_ebm import FEATURES, table

from helpers import ADULT_FEATURES, adult, shared
from sparkxai.ebm import ExplainableBoostingClassificationModel, ExplainableBoostingClassifier


def cli(*args):
    """Runs a spark-xai command as on a cluster: spark-submit (pyspark's own) with the package's jar, in
    a JVM of its own."""
    import pyspark

    import sparkxai

    home = os.path.dirname(pyspark.__file__)
    app, *natives = sparkxai.jars()
    command = [os.path.join(home, "bin", "spark-submit"), "--master", "local[2]", "--class", "io.sparkxai.jobs.Main"]
    command += ["--jars", ",".join(natives)] if natives else []
    env = dict(os.environ, SPARK_HOME=home, SPARK_LOCAL_IP="127.0.0.1")
    done = subprocess.run([*command, app, *args], capture_output=True, text=True, timeout=600, env=env)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    return done.stdout


ADULT_PARAMS = dict(interactions="10", outerBags=2, learningRate=0.05, seed=1)


def java_strings(spark, values):
    gw = spark.sparkContext._gateway
    array = gw.new_array(gw.jvm.java.lang.String, len(values))
    for i, v in enumerate(values):
        array[i] = v
    return array


def java_classifier(spark, **params):
    """The Java estimator made and set through the Java API (py4j), not through the Python wrapper."""
    j = spark._jvm.io.sparkxai.ebm.ExplainableBoostingClassifier()
    for name, value in params.items():
        setter = getattr(j, "set" + name[0].upper() + name[1:])
        j = setter(java_strings(spark, value) if isinstance(value, list) else value)
    return j


@pytest.fixture(scope="module")
def train(spark):
    return table(spark, 1200, 5).cache()


def test_python_and_java_fit_the_bit_identical_model(spark, train):
    params = dict(inputCols=FEATURES, labelCol="label", outerBags=2, interactions="1", maxRounds=200, seed=3)
    from_python = ExplainableBoostingClassifier(**params).fit(train.repartition(3))
    from_java = java_classifier(spark, **params).fit(train._jdf)
    assert from_python._java_obj.ebm().equals(from_java.ebm()), "every bin, score, stdev, weight and the intercept"


def test_a_pipeline_saved_from_java_loads_in_python_and_the_reverse(spark, train, tmp_path):
    jvm = spark._jvm
    indexer = jvm.org.apache.spark.ml.feature.StringIndexer().setInputCol("answer").setOutputCol("idx")
    ebm = java_classifier(spark, inputCols=FEATURES, labelCol="idx", outerBags=1, interactions="0", maxRounds=100)
    stages = spark.sparkContext._gateway.new_array(jvm.org.apache.spark.ml.PipelineStage, 2)
    stages[0], stages[1] = indexer, ebm
    java_fitted = jvm.org.apache.spark.ml.Pipeline().setStages(stages).fit(train._jdf)
    java_path = str(tmp_path / "from-java")
    java_fitted.save(java_path)

    loaded = PipelineModel.load(java_path)
    assert isinstance(loaded.stages[1], ExplainableBoostingClassificationModel)
    assert loaded.stages[1].classNames() == list(java_fitted.stages()[1].classNames())
    python_out = loaded.transform(train).select("probability").collect()
    java_out = DataFrame(java_fitted.transform(train._jdf), spark).select("probability").collect()
    assert python_out == java_out

    python_path = str(tmp_path / "from-python")
    loaded.save(python_path)
    back = jvm.org.apache.spark.ml.PipelineModel.load(python_path)
    assert DataFrame(back.transform(train._jdf), spark).select("probability").collect() == java_out


@pytest.fixture(scope="module")
def adult_model(spark):
    train = adult(spark, "adult.data")
    return ExplainableBoostingClassifier(inputCols=ADULT_FEATURES, labelCol="label", **ADULT_PARAMS).fit(train)


def test_adult_from_python_gives_the_command_line_test_auc(spark, adult_model, tmp_path):
    metrics = tmp_path / "m.json"
    cli("ebm-train", "--train", shared("adult/adult.data"), "--test", shared("adult/adult.test"), "--label",
        "ltgt50k", "--interactions", "10", "--outer-bags", "2", "--learning-rate", "0.05", "--seed", "1",
        "--model-out", str(tmp_path / "cli-model"), "--metrics-out", str(metrics))  # fmt: skip
    cli_auc = json.loads(metrics.read_text())["test"]["auc"]
    scored = adult_model.transform(adult(spark, "adult.test"))
    python_auc = BinaryClassificationEvaluator(labelCol="label").evaluate(scored)
    assert python_auc == pytest.approx(cli_auc, abs=1e-12), (python_auc, cli_auc)
    assert python_auc > 0.92


def test_a_model_saved_from_python_explains_rows_in_the_command_line(spark, adult_model, tmp_path):
    path = str(tmp_path / "adult-ebm")
    adult_model.save(path)
    out = str(tmp_path / "why")
    cli("ebm-explain", "--model", path, "--input", shared("adult/adult.test"), "--output", out)
    written = spark.read.parquet(out + "/contributions.parquet")
    names = adult_model.termNames()
    assert written.columns[: len(names)] == names, "columns named exactly as the terms"
    mine = adult_model.explainRows(adult(spark, "adult.test"))
    a = sorted(r[0] for r in written.select("raw_score").collect())
    b = sorted(r[0] for r in mine.select("raw_score").collect())
    assert len(a) == len(b) > 16000
    assert max(abs(x - y) for x, y in zip(a, b, strict=False)) < 1e-12
