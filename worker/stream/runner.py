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


class BatchStage(Protocol):
    name: str

    async def process_batch(self, events: list[Any]) -> list[Any]:
        """One result per event, in order; a ``Reject`` for an event that failed."""
        ...

    async def emit(self, event: Any, result: Any) -> None: ...

    async def reject(self, event: Any, rej: Reject) -> None: ...


def as_reject(exc: Exception, stage: str) -> Reject:
    """A bad input's Reject as is; anything else is a transform bug, logged with its traceback
    and dead-lettered as ``internal_error`` so one article never stops the stream."""
    if isinstance(exc, Reject):
        return exc
    # exc_info from the exception itself: callers hand over exceptions caught elsewhere (one
    # article's failure inside a batch), where log.exception would find no traceback
    log.error("%s failed", stage, exc_info=exc)
    return Reject(stage, "internal_error", repr(exc))


async def run_events(stream: Any, stage: EventStage) -> None:
    """Feed every event of ``stream`` to ``stage``. A failure in ``process`` dead-letters that
    event. A failure in ``emit`` (Kafka refusing a send) is retried until the send goes
    through: an agent that crashed here would not get the event again (Faust acks the event
    in flight when its stream is abandoned), so waiting is the backpressure, not a loss."""
    async for event in stream.events():
        try:
            result = await stage.process(event)
        except Exception as exc:
            result = as_reject(exc, stage.name)
        await _deliver(stage, event, result)


async def _deliver(stage: EventStage | BatchStage, event: Any, result: Any) -> None:
    """Dead-letter a Reject; emit anything else, retrying until Kafka takes it."""
    from worker.sinks.retry import any_error, retry_forever

    # Both sends are retried until Kafka takes them: a stage that crashed here would leave its
    # event unacked behind the ones after it, and Faust commits no offset past that gap.
    if isinstance(result, Reject):
        send, what = (lambda: stage.reject(event, result)), "dead-letter"
    else:
        send, what = (lambda: stage.emit(event, result)), "send"
    await retry_forever(f"{stage.name}: {what}", send, transient=any_error, error_kind=None)


async def run_batches(stream: Any, stage: BatchStage, max_events: int, within: float) -> None:
    """``run_events`` for a stage that works on batches (up to ``max_events``, or what came
    within ``within`` seconds): each event's result is emitted or dead-lettered in order, and
    each event is acked once it is. ``noack_take``, not ``take_events``: the latter acks its
    batch in a ``finally``, so a worker stopped mid-batch would commit offsets of articles never
    emitted."""
    async for events in stream.noack_take(max_events, within=within):
        try:
            results = await stage.process_batch(events)
        except Exception as exc:  # a bug outside any one article: each event is dead-lettered
            rej = as_reject(exc, stage.name)
            results = [rej] * len(events)
        for event, result in zip(events, results, strict=True):
            await _deliver(stage, event, result)
            await stream.ack(event)  # in order: a stop mid-batch re-sends at most this one
