"""A real Spark Connect server (Spark's own, from Maven Central) with our jar on its class path, and a
Python Connect client session to it. Maven writes the server's class path and JVM options under
python/target when it packages this module (mvn -B -q package -pl python -am -DskipTests)."""

import os
import socket
import subprocess
import time

import pytest

TARGET = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "target"))
SERVER = "org.apache.spark.sql.connect.service.SparkConnectServer"


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _read(name):
    path = os.path.join(TARGET, name)
    if not os.path.isfile(path):
        pytest.skip("needs " + path + ": build it with mvn -B -q package -pl python -am -DskipTests")
    with open(path) as f:
        return f.read().strip()


@pytest.fixture(scope="session")
def connect_server(tmp_path_factory):
    import sparkxai

    classpath = os.pathsep.join([_read("connect-server.classpath"), *sparkxai.jars()])
    port = _free_port()
    work = tmp_path_factory.mktemp("connect-server")
    command = ["java", *_read("connect-server.jvm-options").split(), "-Xmx2g", "-Dspark.master=local[2]",
               "-Dspark.app.name=sparkxai-connect-tests", "-Dspark.ui.enabled=false",
               "-Dspark.sql.shuffle.partitions=4", "-Dspark.connect.grpc.binding.address=127.0.0.1",
               "-Dspark.connect.grpc.binding.port=%d" % port, "-Dspark.sql.warehouse.dir=%s" % (work / "warehouse"),
               "-cp", classpath, SERVER]  # fmt: skip
    log_path = os.path.join(TARGET, "connect-server.log")
    log = open(log_path, "w")
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=str(work))
    deadline = time.time() + 120
    while True:
        if server.poll() is not None:
            pytest.fail("the Spark Connect server exited with %d; see %s" % (server.returncode, log_path))
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.time() > deadline:
                server.kill()
                pytest.fail("the Spark Connect server did not listen on %d within 120 s; see %s" % (port, log_path))
            time.sleep(0.5)
    yield "sc://127.0.0.1:%d" % port
    server.terminate()
    try:
        server.wait(30)
    except subprocess.TimeoutExpired:
        server.kill()
    log.close()


@pytest.fixture(scope="session")
def spark(connect_server):
    from pyspark.sql import SparkSession

    session = SparkSession.builder.remote(connect_server).getOrCreate()
    yield session
    session.stop()
