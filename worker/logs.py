"""Logging setup: one JSON object per line (for log shippers) or plain text (for humans).

Ids travel as structured fields, not inside the message: ``log.warning("dead-letter",
extra={"stage": ..., "article_id": ...})`` becomes ``{"msg": "dead-letter", "stage": ...}``.
"""

from __future__ import annotations

import json
import logging
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
        return True


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


def logging_config(
    level: str, fmt: str = "json", secrets: list[str] | None = None
) -> dict[str, Any]:
    """A ``logging.config.dictConfig`` dict: stderr, the chosen format, quiet HTTP clients,
    and ``secrets`` (plus URL credentials by pattern) masked in every line."""
    formatter = (
        {"()": JsonFormatter}
        if fmt == "json"
        else {"format": "[%(asctime)s] %(levelname)s %(name)s: %(message)s"}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"default": formatter},
        "filters": {"redact": {"()": RedactFilter, "secrets": list(secrets or [])}},
        "handlers": {
            "default": {
                "class": "logging.StreamHandler",
                "formatter": "default",
                "filters": ["redact"],
                "stream": "ext://sys.stderr",
            }
        },
        "root": {"level": level.upper(), "handlers": ["default"]},
        "loggers": {name: {"level": "WARNING"} for name in NOISY},
    }
