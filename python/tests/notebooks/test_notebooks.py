"""The example notebooks run top to bottom in a real Jupyter kernel (nbclient, local[2]); any error
fails the test. Executed copies, with their outputs (the reports inline), are written to
python/target/notebooks/ for people to open."""

import glob
import os

import nbformat
import pytest
from nbclient import NotebookClient

HERE = os.path.dirname(os.path.abspath(__file__))
NOTEBOOKS = sorted(glob.glob(os.path.join(HERE, "..", "..", "..", "examples", "notebooks", "*.ipynb")))
OUT = os.path.abspath(os.path.join(HERE, "..", "..", "target", "notebooks"))


def html_outputs(nb):
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "text/html" in data:
                yield "".join(data["text/html"])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=os.path.basename)
def test_notebook_runs_and_shows_its_reports(path):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": os.path.dirname(path)}})  # fmt: skip
    client.execute()
    os.makedirs(OUT, exist_ok=True)
    nbformat.write(nb, os.path.join(OUT, os.path.basename(path)))
    reports = [h for h in html_outputs(nb) if "sparkxai-report" in h]
    assert reports, "the notebook shows at least one report inline"
    assert all("http://" not in r and "https://" not in r for r in reports), "reports refer to nothing outside"


def test_there_are_the_three_notebooks():
    names = [os.path.basename(p) for p in NOTEBOOKS]
    assert names == ["concepts.ipynb", "ebm-adult.ipynb", "lrp-images.ipynb"], names
