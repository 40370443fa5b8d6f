"""Run real workers against the real stack, and read topics back, for end-to-end tests."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from kafka import KafkaAdminClient, KafkaConsumer, TopicPartition


@dataclass
class WorkerProcess:
    proc: subprocess.Popen
    log: Path
    metrics_url: str

    def wait_ready(self, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"worker exited {self.proc.returncode}:\n{self.tail()}")
            try:
                if httpx.get(f"{self.metrics_url}/readyz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise AssertionError(f"worker not ready after {timeout}s:\n{self.tail()}")

    def metrics(self) -> str:
        return httpx.get(f"{self.metrics_url}/metrics", timeout=5).text

    def counter_at_least(self, sample: str, n: float) -> bool:
        """The worker's metric ``sample`` (name and labels, as in /metrics) has reached ``n``."""
        found = [x for x in self.metrics().splitlines() if x.startswith(sample)]
        return bool(found) and float(found[0].split()[-1]) >= n

    def tail(self, n: int = 4000) -> str:
        return self.log.read_text(errors="replace")[-n:]

    def our_tracebacks(self) -> list[str]:
        """Log lines with a traceback, except kafka-python 3's own logged-and-recovered race in
        its network layer when a connection closes under a read
        (https://github.com/dpkp/kafka-python/pull/2995), which its client survives and which
        no code of ours can cause or catch: ``kafka.net.selector``'s "Unhandled exception in
        task", and ``kafka.net.transport``'s read of a socket already set to None (logged as
        "Error receiving network data", turned into a connection error, reconnected; seen once
        on 2026-12-06 with the worker otherwise healthy)."""
        return [
            line
            for line in self.log.read_text(errors="replace").splitlines()
            if "Traceback" in line and not _library_close_race(line)
        ]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@contextmanager
def seeded_index(settings, actions_for: Callable[[Any], list[dict]]) -> Iterator[None]:
    """The documents ``actions_for(sink)`` returns, indexed through the real SearchSink under
    the settings' index prefix (templates installed, all indexed, refreshed); the indices are
    deleted afterwards."""
    from worker.sinks.search import SearchSink

    async def go() -> None:
        async with SearchSink.from_settings(settings) as sink:
            await sink.ensure_templates()
            actions = actions_for(sink)
            result = await sink.bulk(actions)
            assert result.indexed == len(actions) and not result.failures, result
            await sink.refresh()

    try:
        asyncio.run(go())
        yield
    finally:
        delete_indices(settings.search_url, settings.index_prefix)


def publish_items(settings, batch: list[dict]) -> None:
    """Publish intake items to the raw topic and wait until every one is acknowledged."""
    from worker.sources.kafka import RawPublisher

    pub = RawPublisher.from_settings(settings)
    try:
        for it in batch:
            pub.publish(it)
        assert pub.flush() == len(batch)
    finally:
        pub.close()


def start_worker(env: dict[str, str], log: Path, **extra_env: str) -> WorkerProcess:
    full = {**env, **extra_env}
    handle = log.open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "worker", "worker"],
        env=full,
        stdout=handle,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{full['NEWSWATCH_METRICS_PORT']}"
    return WorkerProcess(proc, log, url)


@dataclass
class TopicReader:
    """Reads topics from the beginning without a consumer group."""

    bootstrap: str
    topics: list[str]
    records: dict[str, list[Any]] = field(default_factory=dict)
    # Extra kafka-python arguments, e.g. TLS/SASL for a secured broker (tests/secure).
    client: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.consumer = KafkaConsumer(
            bootstrap_servers=self.bootstrap,
            enable_auto_commit=False,
            value_deserializer=lambda b: json.loads(b) if b else None,
            **self.client,
        )
        parts = []
        for t in self.topics:
            parts += [TopicPartition(t, p) for p in sorted(self.consumer.partitions_for_topic(t))]
            self.records[t] = []
        self.consumer.assign(parts)
        self.consumer.seek_to_beginning(*parts)

    def poll_until(self, done: Callable[[dict[str, list[Any]]], bool], timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for tp, recs in self.consumer.poll(timeout_ms=300).items():
                self.records[tp.topic] += [r.value for r in recs]
            if done(self.records):
                return True
        return False

    def close(self) -> None:
        self.consumer.close()


def delete_topics(bootstrap: str, prefix: str) -> None:
    admin = KafkaAdminClient(bootstrap_servers=bootstrap)
    try:
        mine = [t for t in admin.list_topics() if t.startswith(prefix)]
        if mine:
            admin.delete_topics(mine)
    finally:
        admin.close()


def delete_indices(search_url: str, prefix: str) -> None:
    httpx.delete(f"{search_url}/{prefix}-*", timeout=30)
    for kind in ("articles", "alerts"):
        httpx.delete(f"{search_url}/_index_template/{prefix}-{kind}", timeout=30)
    httpx.delete(f"{search_url}/_component_template/{prefix}-*", timeout=30)  # after users


def tear_down(settings, worker: WorkerProcess, reader: TopicReader | None = None) -> None:
    """Close the reader, stop the worker, and delete the test's topics and indices."""
    if reader:
        reader.close()
    worker.stop()
    delete_topics(settings.kafka_bootstrap, settings.app_id)
    delete_indices(settings.search_url, settings.index_prefix)


def _library_close_race(line: str) -> bool:
    if '"logger": "kafka.net.selector"' in line:
        return True
    return (
        '"logger": "kafka.net.transport"' in line
        and "'NoneType' object has no attribute 'recv'" in line
    )
