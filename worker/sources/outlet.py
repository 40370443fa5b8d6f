"""Where every source sends what it read: the raw topic, through one outlet.

A source (``ingest``'s files, URLs and stdin; ``poll``'s feeds; ``serve``'s HTTP pushes) reads
intake items and hands them to :class:`RawOutlet` in batches. For each item the outlet answers
with its outcome once Kafka has acknowledged it:

* ``None``: acknowledged, the source may forget it (remember the feed entry, answer 202);
* a :class:`~worker.errors.Reject`: this item can never be sent (too large for the topics'
  message budget, text that is not Unicode); the source reports it, the rest go on;
* any other exception: not acknowledged (broker down); the source keeps the item (the poller
  does not remember it, ``serve`` answers 503 with Retry-After, ``ingest`` exits non-zero).

A dry run validates the items against the same budget and sends nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Sequence
from typing import Any, Protocol

from worker.config import Settings
from worker.errors import Reject

Outcome = Exception | None
KAFKA_REFUSED = "Kafka refused the message"
Pair = tuple[bytes | None, dict[str, Any]]  # (Kafka key or None for the item's own, item)


class Source(Protocol):
    """What ``ingest``, ``poll`` and ``serve`` run: read items, send them through ``outlet``,
    report rejects. ``run`` returns when the source is exhausted (or is stopped)."""

    def run(self, outlet: RawOutlet) -> Any: ...


class RawOutlet:
    def __init__(self, publisher: Any | None, budget: int):
        self.publisher = publisher  # a RawPublisher, or None for a dry run
        self.budget = budget
        self._lock = threading.Lock()

    @classmethod
    def open(cls, settings: Settings, *, dry_run: bool = False) -> RawOutlet:
        """The outlet for ``settings``: topics ensured and a producer connected, unless this is
        a dry run."""
        from worker.sources.kafka import RawPublisher, ensure_topics

        if dry_run:
            return cls(None, settings.kafka_max_message_bytes)
        ensure_topics(settings)
        return cls(RawPublisher.from_settings(settings), settings.kafka_max_message_bytes)

    @property
    def dry_run(self) -> bool:
        return self.publisher is None

    def send(self, pairs: Sequence[Pair]) -> list[Outcome]:
        """Send every item and wait for each acknowledgement; the outcome per item, in order."""
        if self.publisher is None:
            return [self._check(item) for _, item in pairs]
        with self._lock:  # one producer: a reset must not happen under another batch
            outcomes = self._send_once(pairs)
            retry = [n for n, o in enumerate(outcomes) if o is not None and not _final(o)]
            if any(o is not None for o in outcomes):
                # The idempotent producer treats some refusals (MESSAGE_TOO_LARGE) as fatal
                # and would fail every later send: start afresh after any failure.
                try:
                    self.publisher.reset()
                except Exception:  # broker unreachable: the outcomes already say so
                    return outcomes
            if retry:  # items that failed only because another item broke the producer
                again = self._send_once([pairs[n] for n in retry])
                for n, o in zip(retry, again, strict=True):
                    outcomes[n] = o
            refused = [n for n, o in enumerate(outcomes) if _too_large(o)]
            if len(pairs) > 1 and len(refused) > 0:
                # Once one record is refused as too large, the idempotent producer fails the
                # records still queued with that same error: how many share the fate depends
                # on timing (a loaded machine queues more). Each refused one is sent alone to
                # learn whether it is too large itself.
                self._reset_quietly()
                for n in refused:
                    (outcomes[n],) = self._send_once([pairs[n]])
                    if outcomes[n] is not None:
                        self._reset_quietly()
        return outcomes

    def _reset_quietly(self) -> None:
        with contextlib.suppress(Exception):  # broker unreachable: the next send says so
            self.publisher.reset()

    async def send_async(self, pairs: Sequence[Pair]) -> list[Outcome]:
        """:meth:`send` in a thread, so that an event loop (``serve``) keeps serving."""
        return await asyncio.to_thread(self.send, pairs)

    def close(self) -> None:
        if self.publisher is not None:
            self.publisher.close()

    def _check(self, item: dict[str, Any]) -> Outcome:
        from worker.sources.kafka import encode_item

        try:
            encode_item(item, self.budget)
        except Reject as rej:
            return rej
        return None

    def _send_once(self, pairs: Sequence[Pair]) -> list[Outcome]:
        from kafka.errors import MessageSizeTooLargeError

        futures: list[Any] = []
        for key, item in pairs:
            try:
                futures.append(self.publisher.send(item, key=key))
            except Exception as exc:  # Reject, or a send refused at once (no metadata yet)
                futures.append(exc)
        outcomes: list[Outcome] = []
        for f in futures:
            if isinstance(f, Exception):
                outcomes.append(f)
                continue
            try:
                f.get(timeout=30)
                outcomes.append(None)
            except MessageSizeTooLargeError as exc:  # the topic's limit is below our budget
                outcomes.append(Reject("intake", "too_large", f"{KAFKA_REFUSED}: {exc!r}"))
            except Exception as exc:  # not acknowledged: the source keeps the item
                outcomes.append(exc)
        return outcomes


def _final(outcome: Exception) -> bool:
    return isinstance(outcome, Reject)


def _too_large(outcome: Outcome) -> bool:
    """Refused by Kafka as too large (not by our own budget check, which is final)."""
    return isinstance(outcome, Reject) and str(outcome.detail).startswith(KAFKA_REFUSED)
