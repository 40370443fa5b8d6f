"""Logging setup: one JSON object per line (for log shippers) or plain text (for humans).

Ids travel as structured fields, not inside the message: ``log.warning("dead-letter",
extra={"stage": ..., "article_id": ...})`` becomes ``{"msg": "dead-letter", "stage": ...}``.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

# Attributes every LogRecord has; anything else on a record came in through ``extra=``.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}

# Client libraries that log every HTTP request at INFO; their errors still get through.
NOISY = ("opensearch", "elasticsearch", "elastic_transport", "httpx", "kafka", "aiokafka")


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
        return json.dumps(doc, default=str, ensure_ascii=False)


def logging_config(level: str, fmt: str = "json") -> dict[str, Any]:
    """A ``logging.config.dictConfig`` dict: stderr, the chosen format, quiet HTTP clients."""
    formatter = (
        {"()": JsonFormatter}
        if fmt == "json"
        else {"format": "[%(asctime)s] %(levelname)s %(name)s: %(message)s"}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"default": formatter},
        "handlers": {
            "default": {
                "class": "logging.StreamHandler",
                "formatter": "default",
                "stream": "ext://sys.stderr",
            }
        },
        "root": {"level": level.upper(), "handlers": ["default"]},
        "loggers": {name: {"level": "WARNING"} for name in NOISY},
    }
