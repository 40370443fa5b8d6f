"""``newswatch demo``: the whole system, end to end, on the bundled sample articles.

Brings the local stack up if it is not running, starts a worker, ingests the samples (the seed
article plus look-alikes that must stay silent), prints alerts as they arrive on the alerts topic,
waits until every sample has been processed, and stops what it started. The index stays
searchable afterwards (``newswatch search 'countries:TUR'``) while the stack runs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kafka import KafkaConsumer, TopicPartition

from worker.config import DATA_DIR, Settings
from worker.devstack import Stack
from worker.errors import NewswatchError, Reject
from worker.kafka_security import client_kwargs
from worker.model import Alert
from worker.pipeline import load_articles
from worker.sources.files import iter_raw

SAMPLES_DIR = DATA_DIR / "samples"


@dataclass
class DemoResult:
    articles: list[str] = field(default_factory=list)
    processed: set[str] = field(default_factory=set)
    alerts: list[Alert] = field(default_factory=list)
    # The stack components this run found stopped and so started itself (e.g. ["kafka"]):
    # the only ones it may stop again.
    started_components: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def started_stack(self) -> bool:
        return bool(self.started_components)


def stop_started(stack: Stack, names: list[str]) -> list[tuple[str, bool]]:
    """Stop the components ``names`` of ``stack`` (the ones a demo run started), in reverse
    start order; a component that was already running, or is external, is left alone."""
    return [(c.name, c.stop()) for c in reversed(stack.components) if c.name in names]


def _tail_consumer(settings: Settings, topics: list[str]) -> KafkaConsumer:
    """A group-less consumer positioned at the current end of ``topics``: the demo shows what
    this run produces, not history."""
    consumer = KafkaConsumer(
        **client_kwargs(settings.kafka_connection),
        enable_auto_commit=False,
        value_deserializer=lambda b: json.loads(b),
        client_id="newswatch-demo",
    )
    parts = []
    for topic in topics:
        ids = consumer.partitions_for_topic(topic) or set()
        parts += [TopicPartition(topic, p) for p in sorted(ids)]
    consumer.assign(parts)
    consumer.seek_to_end(*parts)
    for tp in parts:  # resolve the lazy seek now, before anything is published
        consumer.position(tp)
    return consumer


def run_demo(
    settings: Settings,
    *,
    samples: Path = SAMPLES_DIR,
    timeout: float = 180.0,
    keep_stack: bool = False,
    on_event: Callable[[str, object], None] = lambda kind, obj: None,
    result: DemoResult | None = None,
) -> DemoResult:
    """Run the demo; ``on_event(kind, obj)`` reports progress (stack, worker, ingest, alert).

    Unless ``keep_stack``, the stack components this run started are stopped again, whether it
    succeeds or fails. Pass ``result`` to see what was started even when this raises (a caller
    that keeps the stack for a while, like the CLI, then stops those itself)."""
    result = result if result is not None else DemoResult()
    t0 = time.monotonic()
    stack = Stack(settings.stack)
    result.started_components = [s.name for s in stack.status() if s.state == "stopped"]
    on_event(
        "stack",
        f"starting {', '.join(result.started_components)}"
        if result.started_stack
        else "already running",
    )
    try:
        _run(settings, stack, samples, timeout, on_event, result)
    finally:
        if result.started_stack and not keep_stack:
            stop_started(stack, result.started_components)
            on_event("stack", "stopped")
    result.seconds = time.monotonic() - t0
    return result


def _run(
    settings: Settings,
    stack: Stack,
    samples: Path,
    timeout: float,
    on_event: Callable[[str, object], None],
    result: DemoResult,
) -> None:
    """Stack up, worker, ingest, wait for every sample; the worker is stopped on the way out."""
    from worker.sources.kafka import RawPublisher, ensure_topics

    stack.up()
    items = list(iter_raw(samples))
    expected = []
    for art in load_articles([samples]):
        if isinstance(art, Reject):
            raise NewswatchError(f"bundled sample rejected: {art}")
        expected.append(art.id)
    result.articles = expected

    ensure_topics(settings)
    consumer = _tail_consumer(settings, [settings.topics.enriched, settings.topics.alerts])
    # The worker logs to a file: a pipe nobody drains would fill up and stall it.
    log_path = settings.stack.state_dir / "demo-worker.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log_file = log_path.open("wb")
    worker = subprocess.Popen(
        [sys.executable, "-m", "worker", "worker"],
        stdout=log_file,
        stderr=subprocess.STDOUT,
        env=os.environ.copy(),
        start_new_session=True,
    )
    on_event("worker", f"pid {worker.pid}, log {log_path}")
    try:
        pub = RawPublisher.from_settings(settings)
        for item in items:
            pub.publish(item)
        pub.flush()
        pub.close()
        on_event("ingest", len(items))

        def take(polled: dict) -> None:
            for records in polled.values():
                for rec in records:
                    if rec.topic == settings.topics.alerts:
                        alert = Alert.from_dict(rec.value)
                        if alert.article_id in expected:
                            result.alerts.append(alert)
                            on_event("alert", alert)
                    elif (art_id := rec.value["tagged"]["article"]["id"]) in expected:
                        result.processed.add(art_id)

        deadline = time.monotonic() + timeout
        while set(expected) - result.processed and time.monotonic() < deadline:
            if worker.poll() is not None:
                tail = log_path.read_text(errors="replace")[-2000:]
                raise NewswatchError(f"the worker exited ({worker.returncode}):\n{tail}")
            take(consumer.poll(timeout_ms=500))
        missing = set(expected) - result.processed
        if missing:
            raise NewswatchError(
                f"{len(missing)} sample(s) were not processed within {timeout:.0f}s; "
                f"see `newswatch stack status` and {log_path}"
            )
        take(consumer.poll(timeout_ms=1500))  # alerts emitted with the last article
    finally:
        consumer.close()
        worker.terminate()
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
        log_file.close()
        on_event("worker", "stopped")
