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


def test_a_record_no_stream_holds_is_lost_on_the_second_look():
    from worker.faust_compat import PartitionView, lost_partitions

    read_past = PartitionView(position=1, start=0, in_flight=False)
    # first look: the event may still be on its way to a stream's queue
    assert lost_partitions({"deliver-1": read_past}, {}) == []
    # the same at the next look, and no stream holds it: lost
    assert lost_partitions({"deliver-1": read_past}, {"deliver-1": read_past}) == ["deliver-1"]


def test_events_in_flight_caught_up_or_moving_partitions_are_not_lost():
    from worker.faust_compat import PartitionView, lost_partitions

    views = {
        "queued": PartitionView(position=3, start=1, in_flight=True),  # a stream will take it
        "caught_up": PartitionView(position=4, start=4, in_flight=False),  # all committed
        "unknown": PartitionView(position=None, start=0, in_flight=False),  # being reset
    }
    assert lost_partitions(views, views) == []
    # acked and committed between the looks: the resume point moved
    before = {"acked": PartitionView(position=2, start=1, in_flight=False)}
    now = {"acked": PartitionView(position=2, start=2, in_flight=False)}
    assert lost_partitions(now, before) == []
    # still being read between the looks: the position moved
    before = {"reading": PartitionView(position=2, start=0, in_flight=False)}
    now = {"reading": PartitionView(position=5, start=0, in_flight=False)}
    assert lost_partitions(now, before) == []
