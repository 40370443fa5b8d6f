"""The one loop around a per-event stage: process, dead-letter what fails, emit the rest."""

from __future__ import annotations

import logging
from typing import Any, Protocol

from worker.errors import Reject

log = logging.getLogger("newswatch.worker")


class EventStage(Protocol):
    #: the stage named in a reject when ``process`` fails with an unexpected exception
    name: str

    async def process(self, event: Any) -> Any: ...

    async def emit(self, event: Any, result: Any) -> None: ...

    async def reject(self, event: Any, rej: Reject) -> None: ...


def as_reject(exc: Exception, stage: str) -> Reject:
    """A bad input's Reject as is; anything else is a transform bug, logged with its traceback
    and dead-lettered as ``internal_error`` so one article never stops the stream."""
    if isinstance(exc, Reject):
        return exc
    log.exception("%s failed", stage)
    return Reject(stage, "internal_error", repr(exc))


async def run_events(stream: Any, stage: EventStage) -> None:
    """Feed every event of ``stream`` to ``stage``. A failure in ``process`` dead-letters that
    event. A failure in ``emit`` (Kafka refusing a send) is retried until the send goes
    through: an agent that crashed here would not get the event again (Faust acks the event
    in flight when its stream is abandoned), so waiting is the backpressure, not a loss."""
    from worker.sinks.retry import any_error, retry_forever

    async for event in stream.events():
        try:
            result = await stage.process(event)
        except Exception as exc:
            await stage.reject(event, as_reject(exc, stage.name))
            continue
        await retry_forever(
            f"{stage.name}: send",
            lambda e=event, r=result: stage.emit(e, r),
            transient=any_error,
            error_kind=None,
        )
