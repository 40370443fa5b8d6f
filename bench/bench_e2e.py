"""End-to-end benchmark: generated articles through the real stack with 1 and 2 workers.

Run (the local stack must be up: `newswatch stack up`):

    python bench/bench_e2e.py [--articles 50000] [--workers 1,2] [--size 3000]

For each worker count it uses fresh topics, consumer group and indices; publishes the articles
to the raw topic as fast as kafka-python allows (each stamped with its publish time in a header);
and reads the enriched and alerts topics back. It reports sustained articles/s (first publish to
last enriched article), the p50/p99 latency from publish to enriched article and from publish to
alert, and how many documents reached the index. Workers run as separate processes, as in
production; everything shares this machine's cores with Kafka and OpenSearch.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx
from kafka import KafkaConsumer, TopicPartition
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from tests.e2e.harness import delete_indices, delete_topics, start_worker
from worker.config import load_settings
from worker.sources.kafka import INGESTED_HEADER, RawPublisher, ensure_topics
from worker.synth import make_raw_item


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process so far (Linux /proc), 0 if it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def stack_pids(settings) -> dict[str, int]:
    """The local stack's server pids (only servers this checkout's `stack up` started)."""
    from worker.devstack import Stack

    return {c.name: c.pid for c in Stack(settings.stack).status() if c.pid}


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def run(
    n_articles: int, n_workers: int, items: list[dict], partitions: int, rate: float | None
) -> dict:
    run_id = f"bench{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "NEWSWATCH_APP_ID": run_id,
        "NEWSWATCH_INDEX_PREFIX": run_id,
        "NEWSWATCH_PARTITIONS": str(partitions),
        "NEWSWATCH_LOG_LEVEL": "WARNING",
    }
    for name in ("raw", "clean", "enriched", "alerts", "rules", "dlq"):
        env[f"NEWSWATCH_TOPICS__{name.upper()}"] = f"{run_id}.{name}"
    os.environ.update({k: v for k, v in env.items() if k.startswith("NEWSWATCH_")})
    settings = load_settings()
    ensure_topics(settings)
    logs = Path(settings.stack.state_dir) / "bench"
    logs.mkdir(parents=True, exist_ok=True)
    workers = [
        start_worker(
            env,
            logs / f"{run_id}-w{i}.log",
            NEWSWATCH_METRICS_PORT=str(free_port()),
            # the production table store, one directory per worker (RocksDB locks its files)
            NEWSWATCH_STORE_DIR=str(logs / f"{run_id}-w{i}-tables"),
        )
        for i in range(n_workers)
    ]
    t = settings.topics
    try:
        for w in workers:
            w.wait_ready(timeout=180)
        consumer = KafkaConsumer(
            bootstrap_servers=settings.kafka_bootstrap,
            enable_auto_commit=False,
            fetch_max_bytes=50 * 1024 * 1024,
        )
        parts = [
            TopicPartition(tp, p)
            for tp in (t.enriched, t.alerts)
            for p in consumer.partitions_for_topic(tp)
        ]
        consumer.assign(parts)
        consumer.seek_to_beginning(*parts)

        # Where the machine's cores go during the run: every process on it, by role.
        pids = {"bench (publish + read back)": os.getpid(), **stack_pids(settings)}
        for i, w in enumerate(workers):
            pids[f"worker {i + 1}"] = w.proc.pid
        cpu0 = {name: cpu_seconds(pid) for name, pid in pids.items()}

        # Publish from a thread so that reading the results starts at once; `rate` paces the
        # publisher (articles/s) for latency runs, None sends a burst for throughput runs.
        t0 = time.time()
        published: dict[str, float] = {}

        def produce() -> None:
            pub = RawPublisher.from_settings(settings)
            for i, item in enumerate(items[:n_articles]):
                if rate:
                    delay = t0 + i / rate - time.time()
                    if delay > 0:
                        time.sleep(delay)
                pub.publish(item)
            pub.flush(timeout=600)
            pub.close()
            published["s"] = time.time() - t0

        producer = threading.Thread(target=produce, daemon=True)
        producer.start()

        seen: set[bytes] = set()
        art_lat: list[float] = []
        alert_lat: list[float] = []
        last = t0
        deadline = time.time() + max(600, n_articles / 20)
        with Progress(transient=True) as progress:
            task = progress.add_task(f"{n_workers} worker(s)", total=n_articles)
            while len(seen) < n_articles and time.time() < deadline:
                for tp, recs in consumer.poll(timeout_ms=500, max_records=5000).items():
                    now = time.time()
                    for r in recs:
                        sent = dict(r.headers or []).get(INGESTED_HEADER)
                        lat = now - int(sent) / 1000 if sent else None
                        if tp.topic == t.enriched:
                            if r.key not in seen:
                                seen.add(r.key)
                                last = now
                                if lat is not None:
                                    art_lat.append(lat)
                        elif lat is not None:
                            alert_lat.append(lat)
                progress.update(task, completed=len(seen))
        cpu = {name: cpu_seconds(pid) - cpu0[name] for name, pid in pids.items()}
        consumer.close()
        producer.join(timeout=60)
        published_in = published.get("s", float("nan"))
        elapsed = last - t0
        # Index count shows what reached the engine; the index agent may trail the enriched
        # topic by a batch or two, so wait for it (bounded).
        count: dict = {}
        index_deadline = time.time() + 120
        while time.time() < index_deadline:
            httpx.post(f"{settings.search_url}/{run_id}-articles/_refresh", timeout=60)
            count = httpx.get(f"{settings.search_url}/{run_id}-articles/_count", timeout=60).json()
            if count.get("count", 0) >= len(seen):
                break
            time.sleep(1)
        indexed_after = time.time() - t0
        return {
            "workers": n_workers,
            "mode": f"paced {rate:,.0f}/s" if rate else "burst",
            "articles": len(seen),
            "published_s": published_in,
            "elapsed_s": elapsed,
            "rate": len(seen) / elapsed if elapsed else 0.0,
            "p50_article": pct(art_lat, 0.5),
            "p99_article": pct(art_lat, 0.99),
            "alerts": len(alert_lat),
            "p50_alert": pct(alert_lat, 0.5),
            "p99_alert": pct(alert_lat, 0.99),
            "indexed": count.get("count", 0),
            "indexed_s": indexed_after,
            # CPU share of one core per process, and worker CPU per article
            "cpu_share": {name: secs / elapsed for name, secs in cpu.items()} if elapsed else {},
            "worker_cpu_ms": 1000
            * sum(v for k, v in cpu.items() if k.startswith("worker"))
            / max(1, len(seen)),
        }
    finally:
        for w in workers:
            w.stop()
        delete_topics(settings.kafka_bootstrap, run_id)
        delete_indices(settings.search_url, run_id)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=50_000)
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    ap.add_argument("--size", type=int, default=3000, help="approximate body size in chars")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument(
        "--latency-load",
        type=float,
        default=0.5,
        help="paced run at this share of the burst throughput",
    )
    ap.add_argument("--latency-seconds", type=float, default=60.0, help="length of the paced run")
    ap.add_argument("--json", action="store_true", help="also print the rows as JSON")
    args = ap.parse_args()

    rng = random.Random(20170312)
    items = [make_raw_item(rng, args.size, i) for i in range(args.articles)]
    rows = []
    for n in (int(x) for x in args.workers.split(",")):
        burst = run(args.articles, n, items, args.partitions, None)
        rows.append(burst)
        # Latency under load: pace the publisher at a share of the measured capacity, so the
        # figure is the pipeline's, not the queue's (a burst's p99 is just queueing time).
        pace = max(1.0, burst["rate"] * args.latency_load)
        rows.append(
            run(
                min(args.articles, int(pace * args.latency_seconds)),
                n,
                items,
                args.partitions,
                pace,
            )
        )

    table = Table(
        title=f"newswatch end to end: {args.articles:,} generated ~{args.size // 1000} KB "
        f"articles, {args.partitions} partitions, {os.cpu_count()} cores"
    )
    for col in (
        "workers",
        "mode",
        "processed",
        "publish s",
        "articles/s (sustained)",
        "p50 → enriched",
        "p99 → enriched",
        "alerts",
        "p50 → alert",
        "p99 → alert",
        "indexed",
    ):
        table.add_column(col, justify="right")
    for r in rows:
        table.add_row(
            str(r["workers"]),
            r["mode"],
            f"{r['articles']:,}",
            f"{r['published_s']:.1f}",
            f"{r['rate']:,.0f}",
            f"{r['p50_article']:.2f} s",
            f"{r['p99_article']:.2f} s",
            f"{r['alerts']:,}",
            f"{r['p50_alert']:.2f} s",
            f"{r['p99_alert']:.2f} s",
            f"{r['indexed']:,}",
            f"{r['indexed_s']:.1f} s",
        )
    Console(width=200).print(table)
    cpu = Table(
        title="CPU while processing (share of one core; the machine has "
        f"{os.cpu_count()}), and worker CPU per article"
    )
    names = sorted({k for r in rows for k in r["cpu_share"]})
    for col in ("workers", "mode", *names, "total", "worker ms/article"):
        cpu.add_column(col, justify="right")
    for r in rows:
        shares = r["cpu_share"]
        cpu.add_row(
            str(r["workers"]),
            r["mode"],
            *(f"{shares[n]:.0%}" if n in shares else "" for n in names),
            f"{sum(shares.values()):.0%}",
            f"{r['worker_cpu_ms']:.1f}",
        )
    Console(width=200).print(cpu)
    bursts = [r for r in rows if r["mode"] == "burst"]
    if len(bursts) == 2 and bursts[0]["rate"]:
        Console().print(f"scaling 1 → 2 workers: ×{bursts[1]['rate'] / bursts[0]['rate']:.2f}")
    if args.json:
        print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
