"""Bulk indexing throughput against the local OpenSearch, through the real sink.

Run (the local stack must be up: `newswatch stack up`):

    python bench/bench_index.py [--docs 10000] [--batches 50,200,500,1000,2000] [--size 3000]

Documents are synthetic articles (``worker.synth``) tagged by the real tagger, so they carry the
entity fields of production documents. Each batch size writes the same documents into a fresh
index prefix, one bulk request at a time (as the index agent does: one request in flight per
worker), with the index templates installed first; the time includes the final refresh. A
second pass over the same ids measures overwrites (re-delivery). Indices are deleted afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import random
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx
from rich.console import Console
from rich.table import Table

from worker.config import load_settings
from worker.model import utcnow
from worker.sinks.search import SearchSink
from worker.synth import make_raw_item


def build_docs(n: int, size: int) -> list:
    from worker.transforms.clean import clean
    from worker.transforms.tag import Tagger

    tagger = Tagger.load()
    rng = random.Random(6)
    now = utcnow()
    return [tagger.tag(clean(make_raw_item(rng, size, i), now=now)) for i in range(n)]


async def run_one(settings, tagged: list, batch: int) -> dict:
    prefix = f"benchidx{uuid.uuid4().hex[:6]}"
    cfg = settings.model_copy(update={"index_prefix": prefix})
    try:
        async with SearchSink.from_settings(cfg) as sink:
            await sink.ensure_templates()
            actions = [sink.article_action(t, []) for t in tagged]
            payload = sum(len(json.dumps(a["_source"])) for a in actions)
            timings = []
            for _ in range(2):  # first pass: new documents; second: overwrites by id
                started = time.perf_counter()
                for i in range(0, len(actions), batch):
                    result = await sink.bulk(actions[i : i + batch])
                    assert not result.failures and not result.retryable, result.failures[:1]
                await sink.refresh()
                timings.append(time.perf_counter() - started)
            count = await sink.count()
        assert count == len(actions), (count, len(actions))
        return {"batch": batch, "new": timings[0], "overwrite": timings[1], "bytes": payload}
    finally:
        httpx.delete(f"{settings.search_url}/{prefix}-*", timeout=60)
        for name in (f"{prefix}-articles", f"{prefix}-alerts"):
            httpx.delete(f"{settings.search_url}/_index_template/{name}", timeout=60)
        httpx.delete(f"{settings.search_url}/_component_template/{prefix}-*", timeout=60)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--batches", default="50,200,500,1000,2000")
    ap.add_argument("--size", type=int, default=3000, help="article body characters")
    args = ap.parse_args()
    settings = load_settings()
    logging.getLogger("worker.sinks.search").setLevel(logging.ERROR)  # "no ISM here", once/run
    console = Console()
    t0 = time.perf_counter()
    tagged = build_docs(args.docs, args.size)
    console.print(f"{len(tagged):,} tagged articles built in {time.perf_counter() - t0:.1f}s")
    root = httpx.get(settings.search_url, timeout=10).json()["version"]
    table = Table(
        title=f"bulk indexing, {args.docs:,} docs of ~{args.size:,} chars, "
        f"{root.get('distribution', 'elasticsearch')} {root['number']} at {settings.search_url}"
    )
    for col in ("batch size", "new docs/s", "MB/s (source)", "overwrite docs/s"):
        table.add_column(col, justify="right")
    for batch in (int(b) for b in args.batches.split(",")):
        r = asyncio.run(run_one(settings, tagged, batch))
        table.add_row(
            f"{batch:,}",
            f"{args.docs / r['new']:,.0f}",
            f"{r['bytes'] / r['new'] / 1e6:.1f}",
            f"{args.docs / r['overwrite']:,.0f}",
        )
    console.print(table)


if __name__ == "__main__":
    main()
