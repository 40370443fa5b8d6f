"""Backtest speed: the shipped pack over N indexed articles, against the active (shipped) pack.

    python bench/bench_backtest.py                    # 5,000 articles (about 3 KB, 10% arms leads)
    python bench/bench_backtest.py --articles 100000  # the issue's target size (slow to seed)
    python bench/bench_backtest.py --rules worker/data/rules/watch.yaml   # no pair rule

Seeds a private index prefix on the OpenSearch at NEWSWATCH_SEARCH_URL (default
127.0.0.1:9200) with generated articles (worker/synth.py ``make_raw_item``: news-like text, a
share of arms-transfer leads), tagged and indexed as the stream would, then times what
``newswatch rules backtest`` does per article: read back through the scroll, tag once, match
the candidate and the active pack, group both into events. Prints a table with the reading,
tagging/matching and total time, articles/s, and the projection to 100,000 articles on this
machine; the index is deleted afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx
from rich.console import Console
from rich.table import Table

from worker.backtest import Tally, article_of, compare
from worker.config import load_settings
from worker.sinks.search import SearchSink
from worker.synth import make_raw_item
from worker.transforms.clean import clean
from worker.transforms.rules import load_rules
from worker.transforms.tag import default_tagger


async def seed(sink: SearchSink, n: int, size: int, tagger) -> float:
    rng = random.Random(15)
    t0 = datetime.now(UTC) - timedelta(days=20)
    t = time.perf_counter()
    batch = []
    for i in range(n):
        item = make_raw_item(rng, size, i, arms_share=0.1)
        item["published_at"] = (t0 + timedelta(seconds=i * 17)).isoformat()
        batch.append(sink.article_action(tagger.tag(clean(item, now=t0)), []))
        if len(batch) == 500:
            await sink.bulk(batch)
            batch = []
    if batch:
        await sink.bulk(batch)
    await sink.refresh()
    return time.perf_counter() - t


async def run(args: argparse.Namespace) -> None:
    prefix = f"bench-bt-{uuid.uuid4().hex[:8]}"
    os.environ["NEWSWATCH_INDEX_PREFIX"] = prefix
    settings = load_settings()
    tagger, pack = default_tagger(), load_rules(args.rules)
    active = load_rules(args.rules)
    try:
        async with SearchSink.from_settings(settings) as sink:
            await sink.ensure_templates()
            seeded = await seed(sink, args.articles, args.size, tagger)
            cand, act = Tally(timedelta(days=14)), Tally(timedelta(days=14))
            read = work = 0.0
            n = 0
            t = time.perf_counter()
            it = sink.scan_articles(None, None).__aiter__()
            while True:
                t1 = time.perf_counter()
                try:
                    doc = await it.__anext__()
                except StopAsyncIteration:
                    break
                t2 = time.perf_counter()
                art, when = article_of(doc)
                tagged = tagger.tag(art)
                cand.add(pack.match(tagged, now=when))
                act.add(active.match(tagged, now=when))
                work += time.perf_counter() - t2
                read += t2 - t1
                n += 1
            total = time.perf_counter() - t
            rows = compare(cand, act)
    finally:
        httpx.delete(f"{settings.search_url}/{prefix}-*", timeout=60)
        for kind in ("articles", "alerts"):
            httpx.delete(f"{settings.search_url}/_index_template/{prefix}-{kind}", timeout=30)
        httpx.delete(f"{settings.search_url}/_component_template/{prefix}-*", timeout=30)

    name = args.rules or "the shipped pack"
    table = Table(title=f"backtest of {name} over {n:,} indexed articles")
    for col in ("articles", "read (scroll)", "tag + match x2 + events", "total", "articles/s",
                "100,000 articles (projected)", "alerts", "events"):  # fmt: skip
        table.add_column(col, justify="right")
    table.add_row(
        f"{n:,}",
        f"{read:.1f} s",
        f"{work:.1f} s",
        f"{total:.1f} s",
        f"{n / total:,.0f}",
        f"{100_000 * total / max(n, 1):,.0f} s",
        str(sum(r.alerts for r in rows)),
        str(sum(r.events for r in rows)),
    )
    Console(width=160).print(table)
    print(f"(seeding {n:,} articles took {seeded:.0f} s; not part of the backtest)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--size", type=int, default=3000, help="characters per article")
    ap.add_argument("--rules", type=Path, default=None, help="pack (default: the shipped one)")
    asyncio.run(run(ap.parse_args()))


if __name__ == "__main__":
    main()
