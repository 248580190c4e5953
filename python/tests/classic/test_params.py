"""Every Java param has its Python twin: name, doc and default (the wrappers are generated from the
Java stages; this checks the generated files against the running jar)."""

import pytest

import sparkxai.concepts as concepts
import sparkxai.ebm as ebm
import sparkxai.lrp as lrp
from sparkxai import SparkXaiError

STAGES = [getattr(m, name) for m in (ebm, lrp, concepts) for name in m.__all__]


@pytest.mark.parametrize("cls", STAGES, ids=lambda c: c.__name__)
def test_every_java_param_has_its_python_twin(spark, cls):
    java = spark._jvm
    for part in cls._java_class.split("."):
        java = getattr(java, part)
    java = java()
    java_params = {p.name(): p for p in java.params()}
    stage = cls()
    python_params = {p.name: p for p in stage.params}
    assert set(python_params) == set(java_params), cls.__name__
    for name, jp in java_params.items():
        assert python_params[name].doc == jp.doc(), name
        if java.hasDefault(jp):
            assert stage.hasDefault(name), name
            java_default = java.getDefault(jp).get()
            default = stage.getOrDefault(name)
            if isinstance(default, list):
                assert default == list(java_default), name
            else:
                assert default == java_default, name
        else:
            assert not stage.hasDefault(name), name


def test_a_bad_value_fails_where_it_is_set_with_the_java_message(spark):
    with pytest.raises(SparkXaiError) as e:
        ebm.ExplainableBoostingClassifier(maxBins=1)
    assert str(e.value).splitlines()[0] == "maxBins must be >= 3, got 1"
    with pytest.raises(SparkXaiError, match="^interactions"):
        ebm.ExplainableBoostingClassifier().setInteractions("lots")


def test_a_wrong_type_fails_in_python(spark):
    with pytest.raises(TypeError):
        ebm.ExplainableBoostingClassifier(maxBins="many")


def test_classes_carry_the_java_docs(spark):
    assert "Explainable Boosting Machine" in ebm.ExplainableBoostingClassifier.__doc__
    assert ebm.ExplainableBoostingClassifier.setMaxBins.__doc__.startswith("Sets maxBins")
