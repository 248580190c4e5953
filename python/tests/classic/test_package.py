"""The package itself: its jars, its pinned Spark, and how Java class names find our Python classes."""

import importlib
import os

import pyspark

import sparkxai


def test_the_package_carries_the_jar_and_the_natives():
    jars = sparkxai.jars()
    assert os.path.basename(jars[0]) == "spark-xai-app.jar"
    assert any("pytorch-native-cpu" in j for j in jars), jars
    assert all(os.path.isfile(j) for j in jars)
    assert sparkxai.jars(natives=False) == jars[:1]


def test_pinned_to_the_spark_of_the_maven_build():
    assert pyspark.__version__ == sparkxai.SPARK_VERSION


def test_java_class_names_find_the_python_classes():
    from sparkxai.ebm import ExplainableBoostingClassifier

    module = importlib.import_module("io.sparkxai.ebm")
    assert module.ExplainableBoostingClassifier is ExplainableBoostingClassifier
    assert __import__(
        "io.sparkxai.concepts", fromlist=["ConceptBottleneckModel"]
    ).ConceptBottleneckModel.__module__ == ("sparkxai.concepts")
    import io

    assert io.StringIO is not None, "Python's own io module is untouched"


def test_session_returns_the_active_one(spark):
    assert sparkxai.session() is spark
