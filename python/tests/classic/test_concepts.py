"""Concept models from Python: interventions, metrics, formulas and the concepts report."""

import pytest

from helpers import xor_concepts
from sparkxai.concepts import ConceptBottleneckClassifier, ConceptBottleneckModel, EntropyLogicExplainer


@pytest.fixture(scope="module")
def xor(spark):
    return xor_concepts(spark, 300, 3).cache(), xor_concepts(spark, 100, 4).cache()


def test_bottleneck_metrics_and_interventions(xor, tmp_path):
    train, test = xor
    cbm = ConceptBottleneckClassifier(
        inputCols=["x0", "x1"], conceptCols=["c0", "c1"], labelCol="y", mode="joint", epochs=300, seed=7
    ).fit(train)
    assert isinstance(cbm, ConceptBottleneckModel)
    m = cbm.evaluate(test)
    assert m["concept_accuracy"] > 0.9 and len(m["intervention_curve"]) == 3
    assert cbm.interventionCurve(test) == m["intervention_curve"]
    assert m["intervention_curve"][-1] == pytest.approx(m["task_accuracy_all_intervened"])
    cbm.save(str(tmp_path / "cbm"))
    again = ConceptBottleneckModel.load(str(tmp_path / "cbm"))
    assert again.transform(test).select("prediction").collect() == cbm.transform(test).select("prediction").collect()
    report = cbm.report(test)
    assert "concepts intervened" in report.html


def test_entropy_network_formulas(xor):
    train, test = xor
    len_model = EntropyLogicExplainer(conceptCols=["c0", "c1"], labelCol="y", seed=1).fit(train)
    assert len_model.formulas()[1] == "(c0 ∧ ¬c1) ∨ (¬c0 ∧ c1)"
    assert len_model.explanationMetrics(test)["explanation_accuracy"] == 1.0
