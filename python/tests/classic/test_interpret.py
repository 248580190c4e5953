"""interpretml interchange on UCI Adult: an EBM interpretml 0.7.8 trains here, moved to Spark, predicts
what interpretml predicts; an EBM trained on Spark, handed to interpretml (by its own JSON reader and by
sparkxai.interpret's), predicts what Spark predicts, and interpretml's explanations and monotonize work on
it. The interpretml models are made here, at test time; the tests skip when interpret is not installed."""

import json

import pytest

from helpers import ADULT_FEATURES, adult, shared

interpret = pytest.importorskip("interpret", reason="needs interpret 0.7.8 (interpret-core in requirements-test.txt)")
np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")

from interpret.glassbox import ExplainableBoostingClassifier as InterpretClassifier  # noqa: E402
from interpret.glassbox import ExplainableBoostingRegressor as InterpretRegressor  # noqa: E402

from sparkxai.ebm import ExplainableBoostingClassifier, ExplainableBoostingRegressionModel  # noqa: E402
from sparkxai.interpret import from_interpret, interpret_from_json, to_interpret  # noqa: E402

TOLERANCE = 1e-9


def pandas_adult(name):
    """Adult as pandas reads it for interpretml: the same rows, values and missing values as Spark's."""
    df = pd.read_csv(shared("adult/" + name), skipinitialspace=True, na_values="?")
    y = df.pop("ltgt50k").str.startswith(">50K").astype(int)
    return df[ADULT_FEATURES], y


@pytest.fixture(scope="module")
def pandas_train():
    return pandas_adult("adult.data")


@pytest.fixture(scope="module")
def pandas_test():
    return pandas_adult("adult.test")[0]


@pytest.fixture(scope="module")
def spark_test(spark):
    return adult(spark, "adult.test").cache()


@pytest.fixture(scope="module")
def ours(spark):
    train = adult(spark, "adult.data")
    return ExplainableBoostingClassifier(
        inputCols=ADULT_FEATURES,
        labelCol="label",
        outerBags=2,
        interactions="3",
        learningRate=0.1,
        smoothingRounds=5,
        interactionSmoothingRounds=5,
        maxRounds=200,
        earlyStoppingRounds=20,
        logEvery=0,
    ).fit(train)


def logits(model, frame):
    return np.array([r[0][1] for r in model.transform(frame).select("rawPrediction").collect()])


def test_an_interpretml_model_predicts_on_spark_what_interpretml_predicts(pandas_train, pandas_test, spark_test):
    X, y = pandas_train
    ebm = InterpretClassifier(outer_bags=2, interactions=3, max_rounds=1000, random_state=1, n_jobs=1).fit(X, y)
    model = from_interpret(ebm)
    assert model.termNames()[:14] == ADULT_FEATURES
    assert sorted(model.termNames()[14:]) == sorted(ebm.term_names_[14:])
    theirs = ebm.decision_function(pandas_test)
    spark_logits = logits(model, spark_test)
    assert len(spark_logits) == len(theirs) == 16281
    assert np.max(np.abs(spark_logits - theirs)) <= TOLERANCE
    probability = np.array([r[0][1] for r in model.transform(spark_test).select("probability").collect()])
    assert np.max(np.abs(probability - ebm.predict_proba(pandas_test)[:, 1])) <= TOLERANCE


def test_interpretml_regression_and_multiclass_models_predict_the_same(spark, pandas_train, pandas_test, spark_test):
    X, _ = pandas_train
    hours = X["hours_per_week"].astype(float)
    regressor = InterpretRegressor(outer_bags=1, interactions=2, max_rounds=300, random_state=2, n_jobs=1)
    regressor.fit(X.drop(columns=["hours_per_week"]).head(5000), hours.head(5000))
    model = from_interpret(regressor)
    assert isinstance(model, ExplainableBoostingRegressionModel)
    ours = np.array([r[0] for r in model.transform(spark_test).select("prediction").collect()])
    theirs = regressor.predict(pandas_test.drop(columns=["hours_per_week"]))
    assert np.max(np.abs(ours - theirs)) <= TOLERANCE
    race = X["race"].head(5000)
    multi = InterpretClassifier(outer_bags=1, interactions=[(0, 12)], max_rounds=200, random_state=3, n_jobs=1)
    multi.fit(X.drop(columns=["race"]).head(5000), race)
    model = from_interpret(multi)
    assert model.classNames() == list(multi.classes_)
    ours = np.array([r[0].toArray() for r in model.transform(spark_test).select("probability").collect()])
    assert np.max(np.abs(ours - multi.predict_proba(pandas_test.drop(columns=["race"])))) <= TOLERANCE


def test_a_spark_model_handed_to_interpretml_predicts_what_spark_predicts(ours, pandas_test, spark_test, tmp_path):
    spark_logits = logits(ours, spark_test)
    ebm = to_interpret(ours)
    assert list(ebm.term_names_) == ours.termNames()
    assert np.max(np.abs(ebm.decision_function(pandas_test) - spark_logits)) <= TOLERANCE
    # interpretml's own (private, "untested") JSON reader reads our export too
    path = tmp_path / "ours.json"
    path.write_text(ours.toJson("interpret"))
    loaded = InterpretClassifier()._from_json(str(path))
    assert np.max(np.abs(loaded.decision_function(pandas_test) - spark_logits)) <= TOLERANCE
    # and what interpretml writes back from it reads on Spark to the same scores
    again = from_interpret(interpret_from_json(json.dumps(loaded.to_jsonable())))
    assert np.max(np.abs(logits(again, spark_test) - spark_logits)) <= TOLERANCE


def test_interpretml_explains_and_monotonizes_a_spark_model(ours):
    ebm = to_interpret(ours)
    explanation = ebm.explain_global()
    age = ADULT_FEATURES.index("age")
    assert explanation.data(age)["names"][0] == pytest.approx(17.0)
    figure = explanation.visualize(age)
    assert "age" in json.dumps(figure.to_plotly_json()["layout"]["title"])
    importances = dict(zip(ebm.term_names_, ebm.term_importances(), strict=True))
    for term, importance in ours.termImportances().items():
        assert importances[term] == pytest.approx(importance, rel=1e-9, abs=1e-12)
    # interpretml's monotonize (scikit-learn's isotonic regression) and ours give the same age shape
    theirs = to_interpret(ours).monotonize("age", increasing=True).term_scores_[age]
    mine = to_interpret(ours.monotonize("age", True)).term_scores_[age]
    assert np.max(np.abs(theirs - mine)) <= 1e-12
