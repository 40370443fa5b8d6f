"""Local fixes for faust-streaming's Kafka consumer, kept apart so they are easy to drop later.

1. Recovery seek (below). 2. Fetch long-poll: see :class:`ShortPollConsumerThread`.
3. Dropped-record check: :func:`dropped_partitions`, run by a timer (``worker/app.py``).

After a rebalance Faust pauses its partitions, recovers tables, then seeks every stream partition
to its committed offset (``Consumer.perform_seek``). Records aiokafka fetched in the meantime are
dropped; for a partition with a committed offset the seek brings them back, but a partition that
was never committed is not sought at all, so those records are skipped until the next restart.
Seen here as a restarted worker sitting at the end of never-committed partitions, processing
nothing (tests/e2e/test_delivery_crash.py: a worker SIGKILLed before its first commit). Reported
upstream in spirit as faust-streaming/faust#523 and #216.

The fix: after Faust's own seek, put never-committed stream partitions back at their beginning,
which is where ``auto_offset_reset=earliest`` meant them to be. Re-reading is safe: every stage
is idempotent (articles keyed by id, alerts by key, notifications remembered per key).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from aiokafka.structs import TopicPartition
from faust.transport.drivers.aiokafka import AIOKafkaConsumerThread
from faust.transport.drivers.aiokafka import Consumer as AIOKafkaConsumer

#: How long the broker may hold a fetch that found no data (Faust hard-codes 1,500 ms);
#: ``install`` takes the worker's setting (``NEWSWATCH_FETCH_MAX_WAIT_MS``).
FETCH_MAX_WAIT_MS = 20

log = logging.getLogger("newswatch.consumer")


@dataclass(frozen=True)
class PartitionView:
    """What the consumer knows of one never-committed stream partition at one instant."""

    position: int | None  # the client's next offset to hand out (None: not known yet)
    earliest: int  # the log's first offset
    read: int | None  # the last offset Faust handed to a stream (None: none yet)


def dropped_partitions(
    now: Mapping[Any, PartitionView], before: Mapping[Any, PartitionView]
) -> list[Any]:
    """Never-committed partitions whose records the client handed out but Faust gave to no
    stream: the position is past the log's start, nothing was read, and so it was at the
    previous check too (records in flight between the client and a stream are not dropped
    yet; they are read by the next check).

    Seen once in CI as a restarted worker idle for a minute with one record unread in a
    never-committed partition after the recovery seek (tests/e2e/test_delivery_crash.py);
    Faust drops fetched records when its flow is suspended or the partition is not active
    at that instant (``Consumer.getmany``), and only a committed offset brings them back.
    """
    out = []
    for tp, view in now.items():
        was = before.get(tp)
        if view.read is not None or view.position is None or view.position <= view.earliest:
            continue
        if was is not None and was.read is None and was.position == view.position:
            out.append(tp)
    return out


class ShortPollConsumerThread(AIOKafkaConsumerThread):
    """The worker's aiokafka consumer with a short fetch long-poll.

    aiokafka keeps one fetch in flight per broker, and a partition whose last records were
    consumed only joins the *next* fetch. A pipeline subscribes to many partitions that are idle
    at any instant (alerts, deliveries, the dedupe topic between bursts); when the fetch in
    flight holds only those, the broker parks it for ``fetch_max_wait_ms`` while the raw topic
    fills up behind it. With Faust's fixed 1,500 ms the worker sat a third idle with thousands
    of articles waiting (measured with queue sizes per agent and ``bench/bench_e2e.py``). The
    price of 20 ms is ~50 empty fetches a second when idle: an idle worker used 4.4% of a core
    instead of 1.1% (30 s, this machine).
    """

    def _create_worker_consumer(self, transport: Any) -> Any:
        consumer = super()._create_worker_consumer(transport)
        # read by AIOKafkaConsumer.start() when it builds its Fetcher
        consumer._fetch_max_wait_ms = getattr(
            self.app, "newswatch_fetch_max_wait_ms", FETCH_MAX_WAIT_MS
        )
        return consumer


class EarliestWhenUncommittedConsumer(AIOKafkaConsumer):
    async def perform_seek(self) -> None:
        await super().perform_seek()
        uncommitted = [
            tp
            for tp in self.assignment()
            # Changelogs are read by table recovery from its own offsets, not by agents.
            if self._committed_offset.get(tp) is None and not tp.topic.endswith("-changelog")
        ]
        if uncommitted:
            self.log.info("seek never-committed partitions to the beginning: %r", uncommitted)
            # aiokafka wants its own TopicPartition type, not Faust's TP tuple.
            await self._thread.seek_to_beginning(
                *(TopicPartition(tp.topic, tp.partition) for tp in uncommitted)
            )
            for tp in uncommitted:
                self._read_offset[tp] = None

    async def reseek_dropped(self, topics: set[str]) -> list[Any]:
        """Seek back to the beginning the never-committed partitions of ``topics`` whose
        records were dropped (:func:`dropped_partitions`); returns them. Called by a timer: a
        first call only remembers what it saw."""
        candidates = [
            tp
            for tp in self.assignment()
            if tp.topic in topics
            and self._committed_offset.get(tp) is None
            and tp not in self._paused_partitions
        ]
        now: dict[Any, PartitionView] = {}
        if candidates:
            earliest = await self._thread.earliest_offsets(*candidates)
            for tp in candidates:
                now[tp] = PartitionView(
                    position=await self._thread.position(tp),
                    earliest=earliest.get(tp) or 0,
                    read=self._read_offset.get(tp),
                )
        before = getattr(self, "_views_before", {})
        self._views_before = now
        dropped = dropped_partitions(now, before)
        if dropped:
            log.warning(
                "records handed to no stream in never-committed partitions %r: reading them "
                "again from the beginning",
                dropped,
            )
            await self._thread.seek_to_beginning(
                *(TopicPartition(tp.topic, tp.partition) for tp in dropped)
            )
            for tp in dropped:
                self._read_offset[tp] = None
            self._views_before = {}
        return dropped

    def _new_consumer_thread(self) -> AIOKafkaConsumerThread:
        return ShortPollConsumerThread(self, loop=self.loop, beacon=self.beacon)


def install(app: Any, fetch_max_wait_ms: int = FETCH_MAX_WAIT_MS) -> None:
    """Make ``app`` build its Kafka consumer from :class:`EarliestWhenUncommittedConsumer`
    (which runs :class:`ShortPollConsumerThread` with ``fetch_max_wait_ms``)."""
    app.newswatch_fetch_max_wait_ms = fetch_max_wait_ms
    app.transport.Consumer = EarliestWhenUncommittedConsumer
