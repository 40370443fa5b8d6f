"""Dedupe throughput: the parallel half (fingerprint, in the intake agent) and the serial half
(check + record against the state, in the single-partition dedupe agent).

    python bench/bench_dedupe.py [--articles 3000] [--size 3000] [--stream]

Pure figures run in-process on one core with a dict as state. ``--stream`` also measures the
serial stage inside a real worker on the local stack: pre-fingerprinted messages are published
straight to the internal single-partition dedupe topic, and the rate is read from the clean
topic's record timestamps (first to last) and the worker's ``newswatch_stage_seconds{stage=
"dedupe"}`` histogram (Faust table + changelog writes included).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from worker.model import Article
from worker.synth import make_article
from worker.transforms.dedupe import Deduper


def articles(n: int, size: int) -> list[Article]:
    rng = random.Random(7)
    out = []
    for i in range(n):
        art = make_article(rng, size, i)
        if i % 5 == 4:  # every fifth: a syndicated copy of an earlier story with new boilerplate
            src = out[rng.randrange(len(out))]
            art = Article(
                id=f"copy-{i}",
                title="Another headline",
                body="Embeded Object From our partners.\n\n" + src.body + "\n\nSubscribe now.",
            )
        out.append(art)
    return out


def pure(arts: list[Article]) -> dict[str, float]:
    dd = Deduper()
    dd.fingerprint(arts[0])  # permutations, warm-up
    t0 = time.perf_counter()
    fps = [dd.fingerprint(a) for a in arts]
    t1 = time.perf_counter()
    verdicts = [dd.add(a, fp) for a, fp in zip(arts, fps, strict=True)]
    t2 = time.perf_counter()
    n = len(arts)
    return {
        "fingerprint_us": (t1 - t0) / n * 1e6,
        "add_us": (t2 - t1) / n * 1e6,
        "near": sum(v.method == "near" for v in verdicts),
        "exact": sum(v.method == "exact" for v in verdicts),
        "state_keys": len(dd.state),
        "state_bytes_per_first_copy": len(json.dumps(dict(dd.state)))
        / max(1, sum(not v.is_duplicate for v in verdicts)),
    }


def stream(arts: list[Article]) -> dict[str, float]:
    from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition
    from prometheus_client.parser import text_string_to_metric_families

    from tests.conftest import free_port
    from tests.e2e.harness import delete_topics, start_worker
    from worker.config import load_settings
    from worker.sources.kafka import ensure_topics

    run = f"b{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "NEWSWATCH_APP_ID": run,
        "NEWSWATCH_INDEX_PREFIX": run,
        "NEWSWATCH_METRICS_PORT": str(free_port()),
        "NEWSWATCH_LOG_LEVEL": "WARNING",
        **{
            f"NEWSWATCH_TOPICS__{t.upper()}": f"{run}.{t}"
            for t in ("raw", "clean", "enriched", "alerts", "rules", "dlq")
        },
    }
    os.environ.update(env)
    settings = load_settings()
    ensure_topics(settings)
    log = Path(f"/tmp/{run}-worker.log")
    worker = start_worker(env, log)
    try:
        worker.wait_ready()
        admin = KafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap)
        internal = next(t for t in admin.list_topics() if t.startswith(run) and "dedupe-all" in t)
        admin.close()
        dd = Deduper()
        msgs = [
            json.dumps({"article": a.to_dict(), "fp": dd.fingerprint(a).to_dict()}).encode()
            for a in arts
        ]
        producer = KafkaProducer(bootstrap_servers=settings.kafka_bootstrap, linger_ms=20)
        for a, msg in zip(arts, msgs, strict=True):
            producer.send(internal, key=a.id.encode(), value=msg)
        producer.flush()
        producer.close()
        consumer = KafkaConsumer(bootstrap_servers=settings.kafka_bootstrap)
        parts = [
            TopicPartition(settings.topics.clean, p)
            for p in consumer.partitions_for_topic(settings.topics.clean)
        ]
        consumer.assign(parts)
        consumer.seek_to_beginning(*parts)
        stamps, dups = [], 0
        deadline = time.monotonic() + 600
        while len(stamps) < len(arts) and time.monotonic() < deadline:
            for recs in consumer.poll(timeout_ms=500).values():
                for r in recs:
                    stamps.append(r.timestamp)
                    dups += json.loads(r.value)["duplicate_of"] is not None
        consumer.close()
        hist = {
            s.name: s.value
            for f in text_string_to_metric_families(worker.metrics())
            for s in f.samples
            if s.labels.get("stage") == "dedupe" and s.name.startswith("newswatch_stage_seconds_")
        }
        span = (max(stamps) - min(stamps)) / 1000
        return {
            "out": len(stamps),
            "duplicates": dups,
            "articles_per_s": len(stamps) / span if span else float("nan"),
            "agent_us_mean": hist["newswatch_stage_seconds_sum"]
            / hist["newswatch_stage_seconds_count"]
            * 1e6,
        }
    finally:
        worker.stop()
        delete_topics(settings.kafka_bootstrap, run)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--size", type=int, default=3000, help="body characters")
    ap.add_argument("--stream", action="store_true", help="also measure inside a real worker")
    args = ap.parse_args()
    arts = articles(args.articles, args.size)
    p = pure(arts)
    print(f"{args.articles} articles of ~{args.size} chars, every 5th a syndicated copy")
    print(f"| {'what':<44} | {'figure':>14} |")
    print(f"|{'-' * 46}|{'-' * 16}|")
    rows = [
        ("fingerprint (parallel, intake agent)", f"{p['fingerprint_us']:.0f} µs"),
        ("check + record (serial, dict state)", f"{p['add_us']:.0f} µs"),
        ("serial ceiling (dict state)", f"{1e6 / p['add_us']:,.0f} /s"),
        ("linked exact / near", f"{p['exact']} / {p['near']}"),
        ("state keys", f"{p['state_keys']:,}"),
        ("state per first copy (JSON)", f"{p['state_bytes_per_first_copy']:,.0f} B"),
    ]
    if args.stream:
        s = stream(arts)
        rows += [
            ("stream: articles out of the dedupe agent", f"{s['out']:,}"),
            ("stream: duplicates linked", f"{s['duplicates']:,}"),
            ("stream: dedupe agent, mean per article", f"{s['agent_us_mean']:.0f} µs"),
            ("stream: clean-topic rate (single partition)", f"{s['articles_per_s']:,.0f} /s"),
        ]
    for what, fig in rows:
        print(f"| {what:<44} | {fig:>14} |")


if __name__ == "__main__":
    main()
