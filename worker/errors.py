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
