"""Errors that carry enough context to act on: which stage, which input, what went wrong."""

from __future__ import annotations


class NewswatchError(Exception):
    """Base class for errors the CLI reports as a message (no traceback) and a non-zero exit."""


class Reject(NewswatchError):
    """Input that cannot be processed. The stream routes it to the dead-letter topic with
    ``stage`` and ``reason`` (a short, stable code used as a metric label, e.g. ``empty``,
    ``not_utf8``, ``binary``, ``too_large``, ``schema``) and a human-readable ``detail``."""

    def __init__(self, stage: str, reason: str, detail: str, *, source: str | None = None):
        self.stage = stage
        self.reason = reason
        self.detail = detail
        self.source = source
        where = f"{source}: " if source else ""
        super().__init__(f"{where}{detail} [{stage}/{reason}]")


class ConfigError(NewswatchError):
    """A setting or a configuration file is invalid; the message names it and says why."""


class StackError(NewswatchError):
    """The local Kafka/OpenSearch stack could not be started, stopped or reached."""


def exception_chain(exc: BaseException) -> list[BaseException]:
    """``exc`` and its causes (``raise … from``) or contexts, outermost first: client libraries
    wrap the reason a connection failed (a refused login, an untrusted certificate) deep inside."""
    out: list[BaseException] = []
    e: BaseException | None = exc
    while e is not None and e not in out:
        out.append(e)
        e = e.__cause__ or e.__context__
    return out
