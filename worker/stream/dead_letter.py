"""The dead-letter topic's records: the original payload, the stage, the reason."""

from __future__ import annotations

import base64
import json
import logging
from typing import Any

from worker import metrics as m
from worker.errors import Reject
from worker.model import iso, utcnow

log = logging.getLogger("newswatch.worker")

DLQ_PAYLOAD_MAX = 256_000  # bytes of a rejected payload copied into its DLQ record


def clip_for_dlq(payload: Any, rej: Reject, where: str) -> tuple[Any, Reject]:
    """Cut a huge rejected payload (raw bytes or a decoded message) so its DLQ record stays
    under Kafka's message size; the detail then says ``where`` the whole original still is."""
    if payload is None:
        return payload, rej
    if isinstance(payload, bytes):
        encoded = payload
    else:
        encoded = json.dumps(payload, ensure_ascii=False).encode("utf-8", "surrogatepass")
    if len(encoded) <= DLQ_PAYLOAD_MAX:
        return payload, rej
    note = f" (payload cut to {DLQ_PAYLOAD_MAX:,} of {len(encoded):,} bytes; {where})"
    cut = Reject(rej.stage, rej.reason, rej.detail + note, source=rej.source)
    return encoded[:DLQ_PAYLOAD_MAX], cut


def raw_location(partition: int, offset: int) -> str:
    return f"original at raw partition {partition} offset {offset}"


IN_INPUT_TOPIC = "the whole message is still in the input topic"


def dead_letter_record(payload: Any, rej: Reject, *, topic: str) -> dict[str, Any]:
    """What goes to the dead-letter topic: enough to understand and replay the message."""
    if isinstance(payload, bytes):
        try:
            original: Any = payload.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            original, encoding = base64.b64encode(payload).decode(), "base64"
    else:
        original, encoding = payload, "json"
    return {
        "stage": rej.stage,
        "reason": rej.reason,
        "detail": rej.detail,
        "source": rej.source,
        "topic": topic,
        "failed_at": iso(utcnow()),
        "payload": original,
        "payload_encoding": encoding,
    }


class DeadLetters:
    """Sends rejects to the DLQ topic, counted and logged once each."""

    def __init__(self, topic: Any):
        self.topic = topic

    async def send(
        self, payload: Any, rej: Reject, topic: str, key: bytes | None = None, *, where: str = ""
    ) -> None:
        payload, rej = clip_for_dlq(payload, rej, where or IN_INPUT_TOPIC)
        m.DLQ.labels(rej.stage, rej.reason).inc()
        log.warning(
            "dead-letter %s/%s: %s",
            rej.stage,
            rej.reason,
            rej.detail,
            extra={"stage": rej.stage, "reason": rej.reason, "input": rej.source, "topic": topic},
        )
        await self.topic.send(key=key, value=dead_letter_record(payload, rej, topic=topic))
