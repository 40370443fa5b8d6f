"""Local fixes for faust-streaming's Kafka consumer, kept apart so they are easy to drop later.

1. Recovery seek (below). 2. Fetch long-poll: see :class:`ShortPollConsumerThread`.
3. Events cleared from the streams' queues after recovery: see :class:`KeepQueuesWhenActive`.

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
from typing import Any

from aiokafka.structs import TopicPartition
from faust.transport.drivers.aiokafka import AIOKafkaConsumerThread
from faust.transport.drivers.aiokafka import Consumer as AIOKafkaConsumer
from mode.utils.queues import FlowControlEvent

#: How long the broker may hold a fetch that found no data (Faust hard-codes 1,500 ms);
#: ``install`` takes the worker's setting (``NEWSWATCH_FETCH_MAX_WAIT_MS``).
FETCH_MAX_WAIT_MS = 20

log = logging.getLogger("newswatch.consumer")


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

    def _new_consumer_thread(self) -> AIOKafkaConsumerThread:
        return ShortPollConsumerThread(self, loop=self.loop, beacon=self.beacon)


class KeepQueuesWhenActive(FlowControlEvent):
    """The app's flow control, clearing the streams' queues on ``resume`` only when the flow
    was suspended.

    Faust's ``resume`` always clears every stream queue. At the end of table recovery Faust
    resumes the stream partitions, seeks them (``perform_seek``, which awaits the broker), and
    then calls ``resume`` although the flow has been running since the changelogs were read:
    records handed to a stream's queue during the seek are dropped, their read offset is past
    them, and nothing reads them again until the next rebalance. Seen in CI as a worker
    restarted after SIGKILL idle with one record of its deliver topic unprocessed (about one
    restart in six on a loaded machine, tests/e2e/test_delivery_crash.py); the same race is
    faust-streaming/faust#596. Events queued while the flow was active came from the
    partitions' committed positions, where the seek puts them anyway, so they are kept (at
    worst read twice; every stage is idempotent); after a real suspension (a rebalance, where
    Faust also clears the queues itself) ``resume`` still clears them.
    """

    def resume(self) -> None:
        if self.is_active():
            log.debug("flow resumed while running: %d queued events kept", self._queued())
            return
        super().resume()

    def _queued(self) -> int:
        return sum(queue.qsize() for queue in list(self._queues))


def install(app: Any, fetch_max_wait_ms: int = FETCH_MAX_WAIT_MS) -> None:
    """Make ``app`` build its Kafka consumer from :class:`EarliestWhenUncommittedConsumer`
    (which runs :class:`ShortPollConsumerThread` with ``fetch_max_wait_ms``) and keep its
    stream queues through a resume that follows no suspension
    (:class:`KeepQueuesWhenActive`)."""
    app.newswatch_fetch_max_wait_ms = fetch_max_wait_ms
    app.transport.Consumer = EarliestWhenUncommittedConsumer
    # before any channel exists: each stream queue registers with the app's flow control
    if "flow_control" in vars(app):
        raise RuntimeError("install() must run before the app's flow control is first used")
    app.flow_control = KeepQueuesWhenActive(loop=app.loop)
