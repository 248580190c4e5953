"""What every Spark XAI stage shares in Python: reading by our Java class names, params checked where
they are set, and Java errors turned into one clear Python error.

pyspark's wrappers derive a stage's Java class from its Python module (``pyspark.ml.x`` ->
``org.apache.spark.ml.x``); ours live in ``io.sparkxai.*`` and say so in ``_java_class``, which the
readers below use, in a classic session through py4j and over Spark Connect by name.
"""

from __future__ import annotations

from typing import Any, Optional, Type

from pyspark.ml.util import JavaMLReadable, JavaMLReader, JavaMLWritable, MLReader
from pyspark.ml.wrapper import JavaEstimator, JavaModel, JavaTransformer
from pyspark.sql.utils import is_remote

from sparkxai.errors import SparkXaiError, translated

__all__ = ["SparkXaiEstimator", "SparkXaiModel", "SparkXaiTransformer"]


class _Reader(JavaMLReader):
    """A classic-session reader that loads the Java class the Python class names."""

    @classmethod
    def _java_loader_class(cls, clazz: Type[Any]) -> str:
        return clazz._java_class

    def load(self, path: str) -> Any:
        with translated():
            stage = super().load(path)
        stage._sparkxai_path = path
        return stage


class _RemoteReader(MLReader):
    """A Spark Connect reader: asks the server to read ``path`` as our Java class, by name."""

    def __init__(self, clazz: Type[Any]) -> None:
        super().__init__()
        self._clazz = clazz

    def load(self, path: str) -> Any:
        import pyspark.sql.connect.proto as pb2
        from pyspark.ml.connect.serialize import deserialize, deserialize_param
        from pyspark.ml.util import RemoteModelRef
        from pyspark.sql.connect.session import SparkSession

        session = SparkSession.getActiveSession()
        if session is None:
            raise SparkXaiError("no active Spark Connect session to load " + path + " with")
        is_model = issubclass(self._clazz, JavaModel)
        if is_model:
            kind = pb2.MlOperator.OPERATOR_TYPE_MODEL
        elif issubclass(self._clazz, JavaEstimator):
            kind = pb2.MlOperator.OPERATOR_TYPE_ESTIMATOR
        else:
            kind = pb2.MlOperator.OPERATOR_TYPE_TRANSFORMER
        command = pb2.Command()
        command.ml_command.read.CopyFrom(
            pb2.MlCommand.Read(operator=pb2.MlOperator(name=self._clazz._java_class, type=kind), path=path)
        )
        with translated():
            (_, properties, _) = session.client.execute_command(command)
        result = deserialize(properties)
        stage = self._clazz(RemoteModelRef(result.obj_ref.id)) if is_model else self._clazz()
        stage._resetUid(result.uid)
        stage._set(**{k: deserialize_param(v) for k, v in result.params.params.items()})
        stage._sparkxai_path = path
        return stage


class _SparkXaiStage(JavaMLReadable, JavaMLWritable):
    """Reading, eager param checks and error translation for our stages."""

    _java_class: str = ""
    _sparkxai_path: Optional[str] = None

    @classmethod
    def read(cls) -> MLReader:
        """A reader of saved stages of this class, in a classic session or over Spark Connect."""
        return _RemoteReader(cls) if is_remote() else _Reader(cls)

    def _set(self, **kwargs: Any) -> Any:
        super()._set(**kwargs)
        java = getattr(self, "_java_obj", None)
        if not is_remote() and java is not None and not isinstance(java, str):
            # check each value where it is set, with the Java rule's message ("maxBins must be >= 3, got 1")
            with translated():
                for name, value in kwargs.items():
                    param = self.getParam(name)
                    if value is not None and self._java_obj.hasParam(name):
                        self._java_obj.set(self._make_java_param_pair(param, self._paramMap[param]))
        return self

    def _transform(self, dataset: Any) -> Any:
        with translated():
            return super()._transform(dataset)

    def save(self, path: str) -> None:
        """Saves this stage to ``path`` (a folder; see also ``write().overwrite()``)."""
        with translated():
            super().save(path)


class SparkXaiEstimator(_SparkXaiStage, JavaEstimator):
    """An estimator of ours: ``fit`` errors come back as :class:`SparkXaiError`."""

    def _fit(self, dataset: Any) -> Any:
        with translated():
            return super()._fit(dataset)


class SparkXaiModel(_SparkXaiStage, JavaModel):
    """A fitted model of ours."""


class SparkXaiTransformer(_SparkXaiStage, JavaTransformer):
    """A transformer of ours."""
