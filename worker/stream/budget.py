"""The Kafka message budget inside the stream: a message that cannot be sent is a reject."""

from __future__ import annotations

from typing import Any

from worker.config import MESSAGE_OVERHEAD
from worker.errors import Reject


def encoded_size(value: Any) -> int:
    """Bytes of ``value`` as Faust's JSON codec writes it to a topic."""
    from faust.utils import json as faust_json

    out = faust_json.dumps(value)
    return len(out) if isinstance(out, bytes) else len(out.encode("utf-8", "surrogatepass"))


def oversize(value: Any, budget: int, stage: str, what: str) -> Reject | None:
    """``Reject(too_large)`` when ``value`` would not fit a Kafka message of ``budget`` bytes
    (key, headers and framing included): sending it would fail the agent, not just the item."""
    size, limit = encoded_size(value), budget - MESSAGE_OVERHEAD
    if size <= limit:
        return None
    detail = (
        f"the {what} message is {size:,} bytes, over the {limit:,}-byte Kafka budget "
        "(NEWSWATCH_KAFKA_MAX_MESSAGE_BYTES)"
    )
    return Reject(stage, "too_large", detail)


def fit(
    message: dict[str, Any], budget: int, stage: str, what: str, optional: tuple[str, ...] = ()
) -> Reject | None:
    """:func:`oversize`, after dropping ``message``'s ``optional`` keys (in place) when it does
    not fit with them: an article goes on without what is only a shortcut for later."""
    too_big = oversize(message, budget, stage, what)
    if too_big is not None and any(k in message for k in optional):
        for k in optional:
            message.pop(k, None)
        too_big = oversize(message, budget, stage, what)
    return too_big
