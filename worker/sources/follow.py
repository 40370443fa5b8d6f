"""Broadcast reads of a compacted topic: every worker reads it whole, then follows it.

The rules topic (worker/rules_live.py) and the silences topic (worker/silences_live.py) are
small compacted topics whose content every worker must apply. A Faust agent would not do:
agents consume as one group, so a partition goes to one worker only. Each worker therefore
reads with its own consumer that belongs to no group (assign + seek to the beginning, nothing
committed), which is Kafka's broadcast read and needs nothing beyond aiokafka.

:class:`TopicFollower` owns that consumer: the partitions, the seek, and starting over after a
failure (broker gone...). A subclass says what to do with the records (``follow``) and what
to forget before the topic is read again from the start (``reset``).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from worker.config import KafkaConnection
from worker.kafka_security import client_kwargs

log = logging.getLogger("newswatch.follow")


class TopicFollower:
    """Reads ``topic`` from the start with a group-less consumer and hands it to ``follow``."""

    def __init__(self, kafka: KafkaConnection, topic: str, *, client_id: str):
        self.kafka = kafka
        self.topic = topic
        self.client_id = client_id

    def reset(self) -> None:
        """Forget what was read: the topic is about to be read again from the start."""

    async def follow(self, consumer: Any, parts: list) -> None:
        """Consume until cancelled (the consumer is assigned and at the beginning)."""
        raise NotImplementedError

    async def closed(self) -> None:
        """The consumer stopped (failure or cancel): release what ``follow`` opened."""

    async def run(self) -> None:
        """Follow the topic until cancelled; a failure is logged and the topic is read again
        from the start after a pause. Never raises: a follower must not stop a worker."""
        while True:
            try:
                await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("follower of %s failed; starting over in 5 s", self.topic)
                await asyncio.sleep(5.0)

    async def run_once(self) -> None:
        from aiokafka import AIOKafkaConsumer, TopicPartition

        self.reset()
        consumer = AIOKafkaConsumer(
            **client_kwargs(self.kafka),  # bootstrap servers, TLS, SASL
            group_id=None,  # no group: this worker reads every partition, commits nothing
            enable_auto_commit=False,
            client_id=self.client_id,
        )
        await consumer.start()
        try:
            ids = await topic_partitions(self.kafka, self.topic)
            parts = [TopicPartition(self.topic, p) for p in ids]
            consumer.assign(parts)
            await consumer.seek_to_beginning(*parts)
            await self.follow(consumer, parts)
        finally:
            await consumer.stop()
            await self.closed()


async def topic_partitions(kafka: KafkaConnection, topic: str) -> list[int]:
    """The topic's partitions (one, as created; all of them if someone made more). Waits for
    the topic if it does not exist yet (the worker command creates it)."""
    from aiokafka.admin import AIOKafkaAdminClient

    admin = AIOKafkaAdminClient(**client_kwargs(kafka))
    await admin.start()
    try:
        while True:
            (desc,) = await admin.describe_topics([topic])
            ids = sorted(p["partition"] for p in desc.get("partitions", ()))
            if ids:
                return ids
            log.warning("topic %s not found; waiting for it", topic)
            await asyncio.sleep(2.0)
    finally:
        await admin.close()


async def at_end(consumer: Any, parts: list) -> bool:
    """Has the consumer read everything the partitions held at its last fetch?"""
    for tp in parts:
        high = consumer.highwater(tp)  # from fetch responses; no extra request
        if high is None:
            high = (await consumer.end_offsets([tp]))[tp]
        if await consumer.position(tp) < high:
            return False
    return True
