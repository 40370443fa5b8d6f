"""What the worker tells operators: /metrics, /healthz, /readyz, broker reachability and lag."""

from __future__ import annotations

import asyncio
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from worker import metrics as m
from worker.config import KafkaSecurity
from worker.stream.components import PipelineSlot


def tables_recovered(app: Any) -> bool:
    """Every table this worker owns is rebuilt from its changelog (and no rebalance is
    rebuilding them again): before, /readyz said 200 ~20 s before the dedupe table was."""
    recovery = app.tables.recovery
    return recovery.completed.is_set() and not recovery.in_recovery


async def readiness(app: Any, slot: PipelineSlot) -> dict[str, bool]:
    """Ready = rules loaded, the engine answers, this worker holds partitions and its tables
    are recovered. (Its internal topics exist before it starts: `newswatch worker` creates
    them, see ensure_topics(internal=True).)"""
    checks = {"rules": False, "engine": False, "kafka": False}
    p = slot.get()
    if p is not None:
        checks["rules"] = len(p.rules) > 0
        try:
            checks["engine"] = bool(await asyncio.wait_for(p.sink.client.ping(), 2.0))
        except Exception:  # any failure means "not ready"; the reason is in the logs
            checks["engine"] = False
    # Partitions assigned = the broker answered and this worker joined the group.
    checks["kafka"] = bool(app.consumer.assignment())
    checks["tables"] = checks["kafka"] and tables_recovered(app)
    return checks


def install_pages(app: Any, slot: PipelineSlot) -> None:
    @app.page("/metrics")
    async def metrics_page(web: Any, request: Any) -> Any:
        # aiohttp refuses a charset inside content_type, so the exposition type goes in headers.
        return web.bytes(generate_latest(m.REGISTRY), headers={"Content-Type": CONTENT_TYPE_LATEST})

    @app.page("/healthz")
    async def healthz(web: Any, request: Any) -> Any:
        return web.json({"status": "alive"})

    @app.page("/readyz")
    async def readyz(web: Any, request: Any) -> Any:
        checks = await readiness(app, slot)
        ok = all(checks.values())
        return web.json({"ready": ok, **checks}, status=200 if ok else 503)


class LagExporter:
    """Consumer lag per assigned partition: highwater minus committed offset."""

    def __init__(self) -> None:
        self.reported: set[tuple[str, str]] = set()

    def export(self, consumer: Any) -> None:
        # Changelog partitions are read to rebuild tables, never committed: their "lag" would
        # be the changelog's length. They are skipped.
        assigned = {tp for tp in consumer.assignment() if not tp.topic.endswith("-changelog")}
        current = {(tp.topic, str(tp.partition)) for tp in assigned}
        for tp in assigned:
            high = consumer.highwater(tp)
            committed = consumer._committed_offset.get(tp)  # faust keeps no public accessor
            if high is not None:
                m.CONSUMER_LAG.labels(tp.topic, str(tp.partition)).set(
                    max(0, high - (committed or 0))
                )
        # A partition that moved to another worker is that worker's to report now.
        for topic, partition in self.reported - current:
            m.CONSUMER_LAG.remove(topic, partition)
        self.reported = current


def install_monitors(
    app: Any, kafka_bootstrap: str, *, security: KafkaSecurity | None = None
) -> None:
    lag = LagExporter()

    @app.timer(interval=5.0)
    async def probe_kafka() -> None:
        """Broker availability as a metric: the client's own reconnect errors are folded
        into one log line per interval (worker/logs.py), so alert on this instead."""
        from worker.sources.kafka import kafka_reachable

        up = await kafka_reachable(kafka_bootstrap, security=security)  # TLS handshake too
        m.KAFKA_UP.set(1 if up else 0)

    @app.timer(interval=5.0)
    async def export_lag() -> None:
        lag.export(app.consumer)
