"""Data and paths the Python tests share: the real data sets in ../shared/data, read in place."""

from __future__ import annotations

import os
import struct
import zlib
from typing import Any, List, Sequence

import pytest

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def shared(relative: str) -> str:
    """A file of the shared data sets (``SPARKXAI_SHARED_DATA``, else ../shared/data); skips when absent."""
    base = os.environ.get("SPARKXAI_SHARED_DATA") or os.path.join(REPO, "..", "shared", "data")
    path = os.path.abspath(os.path.join(base, relative))
    if not os.path.exists(path):
        pytest.skip("needs the shared data file " + path)
    return path


def adult(spark: Any, name: str) -> Any:
    """UCI Adult (``adult.data`` or ``adult.test``) as the command line reads it: "?" is missing, fields
    trimmed, ``label`` 1 for >50K."""
    from pyspark.sql import functions as F

    df = spark.read.csv(
        shared("adult/" + name),
        header=True,
        inferSchema=True,
        nullValue="?",
        ignoreLeadingWhiteSpace=True,
        ignoreTrailingWhiteSpace=True,
    )
    return df.withColumn("label", F.col("ltgt50k").startswith(">50K").cast("int")).drop("ltgt50k")


ADULT_FEATURES = [
    "age", "workclass", "fnlwgt", "education", "education_num", "marital_status", "occupation",
    "relationship", "race", "sex", "capital_gain", "capital_loss", "hours_per_week", "native_country",
]  # fmt: skip


def png(path: str, pixels: Sequence[Sequence[int]]) -> None:
    """Writes an 8-bit greyscale PNG (rows of 0..255 values), with the standard library only."""
    height, width = len(pixels), len(pixels[0])
    raw = b"".join(b"\x00" + bytes(int(v) for v in row) for row in pixels)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    with open(path, "wb") as out:
        out.write(
            b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
        )


def digit_folder(folder: str, count: int = 8) -> List[str]:
    """Writes the first ``count`` MNIST test digits as LeNet-5 sees them (32x32 PNG files, the 28x28
    digit padded by 2 px) from ../shared/data/lrp_toolbox_mnist/lenet5_input.csv (values x/127.5 - 1)."""
    os.makedirs(folder, exist_ok=True)
    names = []
    with open(shared("lrp_toolbox_mnist/lenet5_input.csv")) as rows:
        for i, line in enumerate(rows):
            if i == count:
                break
            values = [max(0, min(255, round((float(v) + 1) * 127.5))) for v in line.strip().split(",")]
            name = os.path.join(folder, "digit%d.png" % i)
            png(name, [values[r * 32 : (r + 1) * 32] for r in range(32)])
            names.append(name)
    return names


#: LeNet-5's class for each of the 8 digits (the labels the shared MNIST data set lists for them).
DIGITS = [7, 2, 1, 0, 4, 1, 4, 9]


def xor_concepts(spark: Any, rows: int, seed: int) -> Any:
    """torch_explain's xor benchmark: x0, x1 uniform in [0, 1), concepts c0 = x0 > .5, c1 = x1 > .5,
    label y = c0 xor c1."""
    import random

    r = random.Random(seed)
    data = []
    for _ in range(rows):
        x0, x1 = r.random(), r.random()
        c0, c1 = int(x0 > 0.5), int(x1 > 0.5)
        data.append((x0, x1, c0, c1, c0 ^ c1))
    return spark.createDataFrame(data, "x0 double, x1 double, c0 int, c1 int, y int")
