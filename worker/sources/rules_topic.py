"""Compacted topics from outside the worker (kafka-python): read one whole, publish to it.

Used by ``newswatch rules publish`` and by a worker at start-up for the rules topic, and by
``newswatch alerts silence|silences|unsilence`` for the silences topic; running workers follow
both with their own asyncio consumer (``worker/sources/follow.py``).
"""

from __future__ import annotations

import time

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.errors import KafkaError

from worker import kafka_security
from worker.config import KafkaConnection
from worker.sources.kafka import KafkaUnavailable, _unavailable
from worker.transforms.rules.records import Record, decode, encode


def read_records(
    kafka: KafkaConnection, topic: str, timeout: float = 30.0
) -> tuple[list[Record], list[str]]:
    """Every record of the rules topic from the start to its current end, in order, and the
    problems found (malformed records are skipped, not fatal)."""
    out: list[Record] = []
    problems: list[str] = []
    for where, key, value in read_topic(kafka, topic, timeout=timeout):
        try:
            out.append(decode(key, value))
        except ValueError as exc:
            problems.append(f"{where}: {exc}")
    return out, problems


def read_topic(
    kafka: KafkaConnection, topic: str, *, timeout: float = 30.0
) -> list[tuple[str, bytes | None, bytes | None]]:
    """``(where, key, value)`` of every message of a (compacted) topic from the start to its
    current end, in order. No consumer group: nothing is committed, and every reader sees the
    whole topic. An absent topic reads as empty."""
    try:
        kafka_security.check_connection_sync(kafka)
        consumer = KafkaConsumer(
            **kafka_security.client_kwargs(kafka),
            group_id=None,
            enable_auto_commit=False,
            client_id="newswatch-topic-reader",
        )
    except (KafkaError, OSError) as exc:
        raise _unavailable(kafka, exc) from None
    try:
        ids = consumer.partitions_for_topic(topic) or ()
        parts = [TopicPartition(topic, p) for p in sorted(ids)]
        if not parts:
            return []
        consumer.assign(parts)
        consumer.seek_to_beginning(*parts)
        end = consumer.end_offsets(parts)
        out: list[tuple[str, bytes | None, bytes | None]] = []
        deadline = time.monotonic() + timeout
        while any(consumer.position(tp) < end[tp] for tp in parts):
            if time.monotonic() > deadline:
                raise KafkaUnavailable(f"reading {topic} took more than {timeout:.0f}s")
            for tp, msgs in consumer.poll(timeout_ms=500).items():
                for msg in msgs:
                    out.append((f"{tp.topic}/{tp.partition}@{msg.offset}", msg.key, msg.value))
        return out
    finally:
        consumer.close()


def publish_records(
    kafka: KafkaConnection, topic: str, records: list[Record], timeout: float = 60.0
) -> int:
    """Send records (in order, acks=all) to the rules topic; returns how many were acked."""
    return publish(kafka, topic, [encode(r) for r in records], timeout=timeout)


def publish(
    kafka: KafkaConnection,
    topic: str,
    messages: list[tuple[bytes, bytes | None]],
    *,
    timeout: float = 60.0,
) -> int:
    """Send keyed messages (``None`` value: a tombstone) in order with acks=all; returns how
    many were acked."""
    if not messages:
        return 0
    try:
        kafka_security.check_connection_sync(kafka)
        producer = KafkaProducer(
            **kafka_security.client_kwargs(kafka),
            acks="all",
            client_id="newswatch-topic-publish",
            max_in_flight_requests_per_connection=1,  # keep the order we send in
        )
    except (KafkaError, OSError) as exc:
        raise _unavailable(kafka, exc) from None
    try:
        futures = [producer.send(topic, key=key, value=value) for key, value in messages]
        producer.flush(timeout=timeout)
        for f in futures:
            f.get(timeout=timeout)
        return len(futures)
    finally:
        producer.close()
