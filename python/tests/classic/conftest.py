"""One classic SparkSession (local[2]) for the classic tests, with the package's jars."""

import pytest


@pytest.fixture(scope="session")
def spark():
    import sparkxai

    session = sparkxai.session(
        "local[2]",
        **{"spark.sql.shuffle.partitions": "4", "spark.driver.memory": "2g", "spark.ui.enabled": "false"},
    )
    session.sparkContext.setLogLevel("WARN")
    yield session
    session.stop()
