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


def test_resume_keeps_the_queued_events_of_a_running_flow():
    """Faust's recovery resumes a flow already running after its seek: events queued during
    the seek must stay (faust-streaming/faust#596; the CI failure of 2026-12-06)."""
    from mode.utils.queues import FlowControlQueue

    from worker.faust_compat import KeepQueuesWhenActive

    async def run() -> tuple[int, int]:
        flow = KeepQueuesWhenActive()
        queue: FlowControlQueue = FlowControlQueue(
            maxsize=10, flow_control=flow, clear_on_resume=True
        )
        flow.resume()  # the first resume, from the initial suspension
        await queue.put("record handed to a stream during the seek")
        flow.resume()  # the end of recovery: the flow was never suspended since
        kept = queue.qsize()
        flow.suspend()  # a rebalance
        flow.resume()
        return kept, queue.qsize()

    kept, after_rebalance = asyncio.run(run())
    assert kept == 1
    assert after_rebalance == 0


def test_the_app_queues_are_managed_by_the_keeping_flow_control():
    from worker.faust_compat import KeepQueuesWhenActive

    app = create_app(load_settings())
    assert isinstance(app.flow_control, KeepQueuesWhenActive)
    topic = app.topic("t-keep", value_serializer="json")
    assert topic.queue in set(app.flow_control._queues)
