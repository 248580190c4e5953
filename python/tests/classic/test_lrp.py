"""LrpExplainer from Python on an image folder: relevance per image and the heatmap report."""

import pytest

from helpers import DIGITS, digit_folder, shared
from sparkxai import SparkXaiError
from sparkxai.lrp import LrpExplainer


def lenet(**more):
    # lrp_toolbox's LeNet-5 reads x/127.5 - 1 over 32x32 greyscale pictures
    params = dict(
        modelPath=shared("lrp_toolbox_models/LeNet-5.txt"),
        inputShape=[1, 32, 32],
        scale=1 / 127.5,
        mean=[1.0],
        std=[1.0],
        rule="epsilon:0.01",
        batchSize=4,
    )
    params.update(more)
    return LrpExplainer(**params)


@pytest.fixture(scope="module")
def images(spark, tmp_path_factory):
    folder = str(tmp_path_factory.mktemp("digits"))
    digit_folder(folder)
    return spark.read.format("image").load(folder).orderBy("image.origin")


def test_relevance_per_image_and_the_predicted_digits(images):
    rows = lenet().transform(images).orderBy("image.origin").select("prediction", "relevance").collect()
    assert [int(r["prediction"]) for r in rows] == DIGITS
    assert all(len(r["relevance"]) == 32 * 32 for r in rows)


def test_the_report_shows_each_digit_beside_its_heatmap(images):
    report = lenet().report(images, n=4)
    assert report.html.count('class="image-row"') == 4
    assert report.html.count('class="colour-bar"') == 1


def test_a_bad_param_names_itself(spark):
    with pytest.raises(SparkXaiError, match="^channelOrder must be one of RGB, BGR"):
        LrpExplainer(channelOrder="rgb")
