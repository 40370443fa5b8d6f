"""Logging setup: one JSON object per line (for log shippers) or plain text (for humans).

Ids travel as structured fields, not inside the message: ``log.warning("dead-letter",
extra={"stage": ..., "article_id": ...})`` becomes ``{"msg": "dead-letter", "stage": ...}``.
"""

from __future__ import annotations

import json
import logging
import time
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

# Attributes every LogRecord has; anything else on a record came in through ``extra=``.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}

# Client libraries that log every HTTP request at INFO; their errors still get through.
# slack_sdk logs the webhook URL, which is the credential, at DEBUG.
NOISY = (
    "opensearch",
    "elasticsearch",
    "elastic_transport",
    "httpx",
    "kafka",
    "aiokafka",
    "slack_sdk",
)


class RedactFilter(logging.Filter):
    """Masks credentials in every record a handler writes, whoever logged it: the secrets
    configured (webhook URLs, tokens, passwords) and URL credentials by pattern. A library
    at DEBUG, or an exception message quoting a URL, must not leak them."""

    def __init__(self, secrets: list[str] | None = None) -> None:
        super().__init__()
        found = set(secrets or [])
        # A webhook URL's path is the credential too (access logs print only the path).
        found |= {urlsplit(s).path for s in found if "://" in s}
        # longest first, so a secret containing another is masked whole
        self.secrets = sorted({s for s in found if len(s) >= 6}, key=len, reverse=True)

    def redact(self, text: str) -> str:
        from worker.config import mask_secrets_in_text

        for secret in self.secrets:
            text = text.replace(secret, "********")
        return mask_secrets_in_text(text)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = self.redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and record.exc_info[1] is not None:
            text = logging.Formatter().formatException(record.exc_info)
            record.exc_text, record.exc_info = self.redact(text), None
        # Fields given through ``extra=`` become JSON keys (JsonFormatter): a URL or an error
        # text there must be masked like the message.
        for key, value in list(record.__dict__.items()):
            if key not in _STANDARD and not key.startswith("_"):
                setattr(record, key, self._redact_value(value))
        return True

    def _redact_value(self, value: Any) -> Any:
        """Strings masked, inside dicts and lists too; other values left as they are."""
        if isinstance(value, str):
            return self.redact(value)
        if isinstance(value, dict):
            return {k: self._redact_value(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [self._redact_value(v) for v in value]
        return value


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        doc: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD and not key.startswith("_"):
                doc[key] = value
        if record.exc_info:
            doc["exc"] = self.formatException(record.exc_info)
        elif record.exc_text:  # already formatted (and redacted) by RedactFilter
            doc["exc"] = record.exc_text
        return json.dumps(doc, default=str, ensure_ascii=False)


class RepeatFilter(logging.Filter):
    """One line per ``interval`` for each repeated message of a client library, then a
    summary with the count: a Kafka outage made aiokafka's reconnect loop write ~4,500 ERROR
    lines a second (issue 17, item 6). Messages from newswatch itself always pass."""

    def __init__(
        self, prefixes: tuple[str, ...] = NOISY, interval: float = 10.0, clock: Any = None
    ) -> None:
        super().__init__()
        self.prefixes = prefixes
        self.interval = interval
        self.clock = clock or time.monotonic
        self.seen: dict[tuple[str, int, str], list[float]] = {}  # key → [first, count]

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.name.startswith(self.prefixes):
            return True
        key = (record.name, record.levelno, str(record.msg))
        now = self.clock()
        window = self.seen.get(key)
        if window is None or now - window[0] >= self.interval:
            suppressed = int(window[1]) if window else 0
            self.seen[key] = [now, 0]
            if len(self.seen) > 1000:  # bounded: forget the oldest windows
                for old in sorted(self.seen, key=lambda k: self.seen[k][0])[:500]:
                    del self.seen[old]
            if suppressed:
                record.msg = f"{record.getMessage()} (and {suppressed} more like it)"
                record.args = None
            return True
        window[1] += 1
        from worker import metrics as m

        m.CLIENT_LOG_SUPPRESSED.labels(record.name.split(".")[0]).inc()
        return False


class StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is at the moment of writing: rich swaps it while a
    progress bar is shown, and a handler holding the original stream would draw through it."""

    def __init__(self, stream: Any = None) -> None:
        super().__init__(stream)  # (sets self.stream to sys.stderr when stream is None)
        self._fixed = stream  # a given stream (tests capture into a buffer) is kept as is

    @property  # type: ignore[override]
    def stream(self) -> Any:
        import sys

        return self._fixed if self._fixed is not None else sys.stderr

    @stream.setter
    def stream(self, value: Any) -> None:
        self._fixed = value


def install(settings: Any, *, interactive: bool = False) -> None:
    """Configure logging for a command from its settings (secrets to mask, level, format).
    An interactive command (its output is a table or a progress bar, read by a person) logs
    as text, and at WARNING unless a level was set explicitly (NEWSWATCH_LOG_LEVEL=DEBUG
    still debugs it); a service (serve, poll) uses the configured level and format."""
    import logging.config

    from worker.config import secret_values

    level, fmt = settings.log_level, settings.log_format
    if interactive:
        fmt = "text"
        if "log_level" not in settings.model_fields_set:
            level = "WARNING"
    config = logging_config(level, fmt, secret_values(settings), follow_stderr=True)
    logging.config.dictConfig(config)


def logging_config(
    level: str,
    fmt: str = "json",
    secrets: list[str] | None = None,
    *,
    follow_stderr: bool = False,
) -> dict[str, Any]:
    """A ``logging.config.dictConfig`` dict: stderr, the chosen format, quiet HTTP clients,
    and ``secrets`` (plus URL credentials by pattern) masked in every line.

    ``follow_stderr``: write to whatever ``sys.stderr`` is at each line (commands: rich swaps it
    for a progress bar). The worker binds the real stderr when it configures logging, because
    Faust then replaces ``sys.stderr`` by a proxy that logs what is written to it: following it
    would send every line back into logging."""
    formatter = (
        {"()": JsonFormatter}
        if fmt == "json"
        else {"format": "[%(asctime)s] %(levelname)s %(name)s: %(message)s"}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"default": formatter},
        "filters": {
            "redact": {"()": RedactFilter, "secrets": list(secrets or [])},
            "repeats": {"()": RepeatFilter},
        },
        "handlers": {
            "default": {
                "()": StderrHandler,
                "formatter": "default",
                "filters": ["repeats", "redact"],
                **({} if follow_stderr else {"stream": "ext://sys.stderr"}),
            }
        },
        "root": {"level": level.upper(), "handlers": ["default"]},
        "loggers": {name: {"level": "WARNING"} for name in NOISY},
    }
