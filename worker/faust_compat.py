"""A local fix for a faust-streaming recovery bug, kept apart so it is easy to drop later.

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

from typing import Any

from aiokafka.structs import TopicPartition
from faust.transport.drivers.aiokafka import Consumer as AIOKafkaConsumer


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


def install(app: Any) -> None:
    """Make ``app`` build its Kafka consumer from :class:`EarliestWhenUncommittedConsumer`."""
    app.transport.Consumer = EarliestWhenUncommittedConsumer
