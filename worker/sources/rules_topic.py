"""The compacted rules topic from outside the worker (kafka-python): read it whole, publish to it.

Used by ``newswatch rules publish`` and by a worker at start-up; running workers follow the topic
with their own asyncio consumer (``worker/rules_live.py``).
"""

from __future__ import annotations

import time

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.errors import KafkaError

from worker import kafka_security
from worker.config import Settings
from worker.sources.kafka import KafkaUnavailable, _unavailable
from worker.transforms.rules.records import Record, decode, encode


def read_records(settings: Settings, timeout: float = 30.0) -> tuple[list[Record], list[str]]:
    """Every record of the rules topic from the start to its current end, in order, and the
    problems found (malformed records are skipped, not fatal). No consumer group: nothing is
    committed, and every reader sees the whole topic."""
    topic = settings.topics.rules
    try:
        kafka_security.check_connection_sync(settings)
        consumer = KafkaConsumer(
            **kafka_security.kafka_python_kwargs(settings),
            group_id=None,
            enable_auto_commit=False,
            client_id="newswatch-rules-reader",
        )
    except (KafkaError, OSError) as exc:
        raise _unavailable(settings, exc) from None
    try:
        ids = consumer.partitions_for_topic(topic) or ()
        parts = [TopicPartition(topic, p) for p in sorted(ids)]
        if not parts:
            return [], []
        consumer.assign(parts)
        consumer.seek_to_beginning(*parts)
        end = consumer.end_offsets(parts)
        out: list[Record] = []
        problems: list[str] = []
        deadline = time.monotonic() + timeout
        while any(consumer.position(tp) < end[tp] for tp in parts):
            if time.monotonic() > deadline:
                raise KafkaUnavailable(f"reading {topic} took more than {timeout:.0f}s")
            for tp, msgs in consumer.poll(timeout_ms=500).items():
                for msg in msgs:
                    try:
                        out.append(decode(msg.key, msg.value))
                    except ValueError as exc:
                        problems.append(f"{tp.topic}/{tp.partition}@{msg.offset}: {exc}")
        return out, problems
    finally:
        consumer.close()


def publish_records(settings: Settings, records: list[Record], timeout: float = 60.0) -> int:
    """Send records (in order, acks=all) to the rules topic; returns how many were acked."""
    if not records:
        return 0
    try:
        kafka_security.check_connection_sync(settings)
        producer = KafkaProducer(
            **kafka_security.kafka_python_kwargs(settings),
            acks="all",
            client_id="newswatch-rules-publish",
            max_in_flight_requests_per_connection=1,  # keep the order we send in
        )
    except (KafkaError, OSError) as exc:
        raise _unavailable(settings, exc) from None
    try:
        futures = []
        for rec in records:
            key, value = encode(rec)
            futures.append(producer.send(settings.topics.rules, key=key, value=value))
        producer.flush(timeout=timeout)
        for f in futures:
            f.get(timeout=timeout)
        return len(futures)
    finally:
        producer.close()
