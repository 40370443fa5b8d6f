"""The worker's Faust consumer: the settings that Faust hard-codes reach aiokafka."""

from __future__ import annotations

import asyncio

from worker.app import create_app
from worker.config import load_settings
from worker.faust_compat import EarliestWhenUncommittedConsumer, ShortPollConsumerThread


def test_fetch_wait_and_producer_batching_reach_the_kafka_clients():
    async def build() -> tuple:
        app = create_app(load_settings(fetch_max_wait_ms=77, producer_linger_s=0.01))
        consumer = app.consumer
        kafka = consumer._thread._create_worker_consumer(app.transport)
        try:
            return type(consumer), type(consumer._thread), kafka._fetch_max_wait_ms, app
        finally:
            await kafka.stop()  # never started: only releases what the constructor made

    consumer_type, thread_type, wait_ms, app = asyncio.run(build())
    assert consumer_type is EarliestWhenUncommittedConsumer
    assert thread_type is ShortPollConsumerThread
    assert wait_ms == 77  # Faust alone would pass 1,500
    assert app.conf.producer_linger == 0.01
    assert app.conf.producer_max_batch_size == 524_288


def test_a_record_handed_to_no_stream_is_found_on_the_second_look():
    from worker.faust_compat import PartitionView, dropped_partitions

    skipped = PartitionView(position=1, earliest=0, read=None)
    # first look: the record may still be on its way to a stream
    assert dropped_partitions({"deliver-1": skipped}, {}) == []
    # same position, still nothing read: Faust dropped it
    assert dropped_partitions({"deliver-1": skipped}, {"deliver-1": skipped}) == ["deliver-1"]


def test_read_empty_or_moving_partitions_are_left_alone():
    from worker.faust_compat import PartitionView, dropped_partitions

    before = {
        "read": PartitionView(position=3, earliest=0, read=None),
        "empty": PartitionView(position=0, earliest=0, read=None),
        "moving": PartitionView(position=2, earliest=0, read=None),
        "expired": PartitionView(position=5, earliest=5, read=None),
    }
    now = {
        "read": PartitionView(position=3, earliest=0, read=2),  # a stream has it
        "empty": PartitionView(position=0, earliest=0, read=None),
        "moving": PartitionView(position=4, earliest=0, read=None),  # still being handed out
        "expired": PartitionView(position=5, earliest=5, read=None),  # retention ate the rest
    }
    assert dropped_partitions(now, before) == []
