#!/usr/bin/env bash
# The Python side of the test command (mvn -B verify runs it from this folder in integration-test,
# after the jar is built): a virtual environment with the pinned packages, our package installed
# from this folder (with the jar Maven copied into sparkxai/jars), lint and format checks, then
# pytest — the classic tests, the Spark Connect tests (in their own process: a Connect session
# switches pyspark into remote mode for good) and the notebooks executed by a Jupyter kernel.
set -euo pipefail
cd "$(dirname "$0")"
venv=${SPARKXAI_VENV:-.venv}
python=${PYTHON:-python3}
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
"$venv/bin/python" -m pip install -q --disable-pip-version-check -r requirements-test.txt
"$venv/bin/python" -m pip install -q --disable-pip-version-check --no-deps --force-reinstall .
"$venv/bin/ruff" check sparkxai tests ../examples/notebooks
"$venv/bin/ruff" format --check sparkxai tests
run() { (cd tests && "../$venv/bin/python" -m pytest -q -p no:cacheprovider "$@"); }
run classic
run connect
run notebooks
