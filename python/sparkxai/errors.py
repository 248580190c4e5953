"""One Python exception for what the Java side refuses, with the Java message as its first line.

A bad param, column or value fails in Java with a message that names it (``maxBins must be >= 3,
got 1``). Through py4j that message arrives wrapped in a ``Py4JJavaError`` (or a pyspark
``IllegalArgumentException``) whose first lines are a Java trace; over Spark Connect it arrives in a
gRPC error. :func:`translated` turns either into a :class:`SparkXaiError` whose message is the
Java message; the original error stays chained as ``__cause__`` for whoever needs the trace.
"""

from __future__ import annotations

import contextlib
from typing import Any, Iterator, List, Optional

__all__ = ["SparkXaiError", "translated"]

_OURS = (
    "java.lang.IllegalArgumentException",
    "java.lang.IllegalStateException",
    "java.lang.UnsupportedOperationException",
    "java.io.FileNotFoundException",
    "org.apache.spark.ml.util.MLException",
)


class SparkXaiError(ValueError):
    """A param, column, value or file that Spark XAI refuses; the message says which and why."""


def _java_chain(error: Any) -> List[Any]:
    chain: List[Any] = []
    e = error
    while e is not None and len(chain) < 20:
        chain.append(e)
        try:
            e = e.getCause()
        except Exception:  # noqa: BLE001 - a Java proxy that cannot answer ends the chain
            break
    return chain


def _message_of_java(error: Any) -> Optional[str]:
    """The message of the deepest exception of ours in a Java cause chain, else of the root cause."""
    chain = _java_chain(error)
    if not chain:
        return None
    for e in reversed(chain):
        name = e.getClass().getName()
        if name in _OURS and e.getMessage():
            return str(e.getMessage())
    root = chain[-1]
    return str(root.getMessage() or root.toString())


def _strip_class(message: str) -> str:
    # "java.lang.IllegalArgumentException: x" -> "x"; "[ERROR_CLASS] x" stays as Spark wrote it
    first, _, rest = message.partition(": ")
    if rest and "." in first and " " not in first and first.split(".")[-1][:1].isupper():
        return _strip_class(rest)
    return message


def message_of(error: BaseException) -> Optional[str]:
    """The message Spark XAI's Java code gave for ``error``, or None when there is none to find."""
    origin = getattr(error, "java_exception", None) or getattr(error, "_origin", None)
    if origin is not None:
        message = _message_of_java(origin)
        return _strip_class(message) if message else None
    module = type(error).__module__
    if module.startswith("pyspark.errors.exceptions.connect") or module.startswith("grpc"):
        text = str(getattr(error, "_message", None) or error)
        return _strip_class(text.strip().splitlines()[0]) if text.strip() else None
    return None


@contextlib.contextmanager
def translated() -> Iterator[None]:
    """Runs a block; a Java or Spark Connect error in it is raised again as :class:`SparkXaiError`."""
    try:
        yield
    except SparkXaiError:
        raise
    except Exception as e:  # noqa: BLE001 - only errors that carry a Java message are translated
        message = message_of(e)
        if message is None:
            raise
        raise SparkXaiError(message) from e
