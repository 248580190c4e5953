"""The interpretml interchange figures of benchmarks/results/ebm-portable.md, on UCI Adult.

Run from the project root with the Python test environment (python/.venv, which has interpret==0.7.8 and
the sparkxai package with its jar; see python/run-tests.sh):

    python/.venv/bin/python benchmarks/ebm-portable-figures.py --out benchmarks/results/ebm-portable.json

1. interpretml -> Spark: an ExplainableBoostingClassifier fitted by interpretml on adult.data, moved to
   Spark with sparkxai.interpret.from_interpret; max |Spark logit - interpretml decision_function| and
   max |probability difference| over the 16,281 rows of adult.test.
2. Spark -> interpretml: a model fitted on Spark, handed to interpretml by sparkxai.interpret.to_interpret
   and by interpretml's own reader (_from_json of toJson("interpret")); the same maxima.
"""

import argparse
import json
import os
import time
import warnings

import numpy as np
import pandas as pd

warnings.filterwarnings("ignore")
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
DATA = os.environ.get("SPARKXAI_SHARED_DATA") or os.path.join(ROOT, "..", "shared", "data")
FEATURES = [
    "age", "workclass", "fnlwgt", "education", "education_num", "marital_status", "occupation",
    "relationship", "race", "sex", "capital_gain", "capital_loss", "hours_per_week", "native_country",
]  # fmt: skip


def pandas_adult(name):
    df = pd.read_csv(os.path.join(DATA, "adult", name), skipinitialspace=True, na_values="?")
    return df[FEATURES], df["ltgt50k"].str.startswith(">50K").astype(int)


def spark_adult(spark, name):
    from pyspark.sql import functions as F

    df = spark.read.csv(os.path.join(DATA, "adult", name), header=True, inferSchema=True, nullValue="?",
                        ignoreLeadingWhiteSpace=True, ignoreTrailingWhiteSpace=True)  # fmt: skip
    return df.withColumn("label", F.col("ltgt50k").startswith(">50K").cast("int")).drop("ltgt50k")


def spark_scores(model, frame):
    rows = model.transform(frame).select("rawPrediction", "probability").collect()
    return np.array([r[0][1] for r in rows]), np.array([r[1][1] for r in rows])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--outer-bags", type=int, default=4)
    parser.add_argument("--interactions", type=int, default=10)
    args = parser.parse_args()

    import interpret
    from interpret.glassbox import ExplainableBoostingClassifier as InterpretEbm
    from sklearn.metrics import roc_auc_score

    import sparkxai
    from sparkxai.ebm import ExplainableBoostingClassifier
    from sparkxai.interpret import from_interpret, to_interpret

    spark = sparkxai.session("local[2]", **{"spark.sql.shuffle.partitions": "4", "spark.ui.enabled": "false"})
    spark.sparkContext.setLogLevel("WARN")
    X, y = pandas_adult("adult.data")
    X_test, y_test = pandas_adult("adult.test")
    test = spark_adult(spark, "adult.test").cache()
    figures = {"interpret_version": interpret.__version__, "test_rows": len(X_test)}

    began = time.time()
    theirs = InterpretEbm(outer_bags=args.outer_bags, interactions=args.interactions, random_state=1, n_jobs=2)
    theirs.fit(X, y)
    logit, probability = spark_scores(from_interpret(theirs), test)
    figures["interpret_to_spark"] = {
        "interpret_fit_seconds": round(time.time() - began, 1),
        "outer_bags": args.outer_bags,
        "interactions": args.interactions,
        "terms": len(theirs.term_names_),
        "max_abs_logit_diff": float(np.max(np.abs(logit - theirs.decision_function(X_test)))),
        "max_abs_probability_diff": float(np.max(np.abs(probability - theirs.predict_proba(X_test)[:, 1]))),
    }

    began = time.time()
    ours = ExplainableBoostingClassifier(inputCols=FEATURES, labelCol="label", outerBags=args.outer_bags,
                                         interactions=str(args.interactions), logEvery=0)  # fmt: skip
    ours = ours.fit(spark_adult(spark, "adult.data"))
    fit_seconds = time.time() - began
    logit, probability = spark_scores(ours, test)
    helper = to_interpret(ours)
    path = os.path.join(os.path.dirname(os.path.abspath(args.out)), ".ebm-portable-interpret.json")
    with open(path, "w") as f:
        f.write(ours.toJson("interpret"))
    loaded = InterpretEbm()._from_json(path)
    os.remove(path)
    figures["spark_to_interpret"] = {
        "spark_fit_seconds": round(fit_seconds, 1),
        "terms": len(ours.termNames()),
        "test_auc_spark": float(roc_auc_score(y_test.values, probability)),
        "helper_max_abs_logit_diff": float(np.max(np.abs(helper.decision_function(X_test) - logit))),
        "helper_max_abs_probability_diff": float(np.max(np.abs(helper.predict_proba(X_test)[:, 1] - probability))),
        "interpret_reader_max_abs_logit_diff": float(np.max(np.abs(loaded.decision_function(X_test) - logit))),
    }
    with open(args.out, "w") as f:
        json.dump(figures, f, indent=2)
    print(json.dumps(figures, indent=2))
    spark.stop()


if __name__ == "__main__":
    main()
