"""Backtest speed: the shipped pack over N indexed articles, against the active (shipped) pack.

    python bench/bench_backtest.py                    # 5,000 articles (about 3 KB, 10% arms leads)
    python bench/bench_backtest.py --articles 100000  # the issue's target size (slow to seed)
    python bench/bench_backtest.py --rules worker/data/rules/watch.yaml   # no pair rule
    python bench/bench_backtest.py --order after      # only the current way

Seeds a private index prefix on the OpenSearch at NEWSWATCH_SEARCH_URL (default
127.0.0.1:9200) with generated articles (worker/synth.py ``make_raw_item``: news-like text, a
share of arms-transfer leads), analysed and indexed as the stream does (intake message with its
reading, index action), then times two ways of backtesting the same index, one after the other:

- ``before``: the loop as it was (issue 15's first version): tag every article again, match the
  candidate and the active pack, each reading pairs from the text (spaCy role reader);
- ``after``: the loop of issue 15's second round (worker/backtest.py ``Replay``, one document
  at a time from the scroll): the stored reading is reused when its version is current
  (worker/readings.py), only the engine's candidates are read (worker/backtest_filter.py), and
  a candidate identical to the active pack is matched once;
- ``now``: what ``newswatch rules backtest`` does now (worker/backtest_scan.py): the same
  replay, a page at a time in a worker thread while the engine fetches the next page, with
  only the fields a replay reads sent back.

All group alerts into events; the rows of each way are compared with the first way's. The
parse cache is emptied before each run (seeding filled it). Prints reading, work and total time,
articles/s and the projection to 100,000 articles on this machine; the index is deleted
afterwards.
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

from worker.backtest import NOT_READ, Replay, Tally, article_of, compare
from worker.backtest_scan import replay_index
from worker.config import load_settings
from worker.readings import Reuse, tagger_version
from worker.sinks.search import SearchSink
from worker.stream.components import Pipeline
from worker.synth import make_raw_item
from worker.transforms import parser
from worker.transforms.clean import clean
from worker.transforms.dedupe import Verdict
from worker.transforms.link import link_copy
from worker.transforms.rules import load_rules
from worker.transforms.tag import default_tagger


async def seed(sink: SearchSink, n: int, size: int, tagger, pack) -> float:
    rng = random.Random(15)
    now = datetime.now(UTC)
    t0 = now - timedelta(days=20)  # 17 s apart: 100,000 articles span 20 days
    pipe = Pipeline(tagger, pack, sink, [], 1 << 20, tagging=tagger_version())
    t = time.perf_counter()
    batch = []
    for i in range(n):
        item = make_raw_item(rng, size, i, arms_share=0.1)
        item["published_at"] = (t0 + timedelta(seconds=i * 17)).isoformat()
        enriched, _ = link_copy(pipe.analyse(clean(item, now=now)), Verdict())
        batch.append(sink.enriched_action(enriched))
        if len(batch) == 500:
            await sink.bulk(batch)
            batch = []
    if batch:
        await sink.bulk(batch)
    await sink.refresh()
    return time.perf_counter() - t


def before(tagger, pack, active):
    """The first version's per-article work: tag, match both packs from the text."""

    def one(doc):
        art, when = article_of(doc)
        tagged = tagger.tag(art)
        return pack.match(tagged, now=when), active.match(tagged, now=when)

    return one


async def timed(sink: SearchSink, one, where, exclude) -> tuple[int, float, float, float, list]:
    parser._cache.clear()  # seeding (or the previous run) parsed these sentences already
    cand, act = Tally(timedelta(days=14)), Tally(timedelta(days=14))
    read = work = 0.0
    n = 0
    t = time.perf_counter()
    it = sink.scan_articles(None, None, where=where, exclude=exclude).__aiter__()
    while True:
        t1 = time.perf_counter()
        try:
            doc = await it.__anext__()
        except StopAsyncIteration:
            break
        t2 = time.perf_counter()
        c, a = one(doc)
        cand.add(c)
        act.add(a)
        work += time.perf_counter() - t2
        read += t2 - t1
        n += 1
    return n, read, work, time.perf_counter() - t, compare(cand, act)


async def timed_now(sink: SearchSink, replay: Replay) -> tuple[int, float, float, float, list]:
    """The CLI's way (worker/backtest_scan.py); reading and work overlap, so only the total
    is timed (the work column shows the time spent in the replay thread)."""
    parser._cache.clear()
    cand, act = Tally(timedelta(days=14)), Tally(timedelta(days=14))
    t = time.perf_counter()
    n = await replay_index(sink, replay, cand, act, None, None)
    total = time.perf_counter() - t
    return n, float("nan"), float("nan"), total, compare(cand, act)


async def run(args: argparse.Namespace) -> None:
    prefix = f"bench-bt-{uuid.uuid4().hex[:8]}"
    os.environ["NEWSWATCH_INDEX_PREFIX"] = prefix
    settings = load_settings()
    tagger, pack = default_tagger(), load_rules(args.rules)
    active = load_rules(args.rules)
    results = {}
    try:
        async with SearchSink.from_settings(settings) as sink:
            await sink.ensure_templates()
            seeded = await seed(sink, args.articles, args.size, tagger, pack)
            reuse = Reuse(tagger, tagger_version())
            replay = Replay(pack, active, reuse)
            for name in args.order.split(","):
                if name == "before":
                    results[name] = await timed(sink, before(tagger, pack, active), None, ())
                elif name == "now":
                    results[name] = await timed_now(sink, replay)
                else:
                    where = replay.where()
                    results[name] = await timed(sink, replay.alerts, where, NOT_READ)
    finally:
        httpx.delete(f"{settings.search_url}/{prefix}-*", timeout=60)
        for kind in ("articles", "alerts"):
            httpx.delete(f"{settings.search_url}/_index_template/{prefix}-{kind}", timeout=30)
        httpx.delete(f"{settings.search_url}/_component_template/{prefix}-*", timeout=30)

    name = args.rules or "the shipped pack"
    table = Table(title=f"backtest of {name} over {args.articles:,} indexed articles")
    for col in ("way", "articles read", "read (scroll)", "tag + match + events", "total",
                "indexed/s", "100,000 articles (projected)", "alerts", "events"):  # fmt: skip
        table.add_column(col, justify="right")
    for way, (n, read, work, total, rows) in results.items():
        table.add_row(
            way,
            f"{n:,}",
            "overlapped" if read != read else f"{read:.1f} s",  # NaN: not timed apart
            "overlapped" if work != work else f"{work:.1f} s",
            f"{total:.1f} s",
            f"{args.articles / total:,.0f}",
            f"{100_000 * total / max(args.articles, 1):,.0f} s",
            str(sum(r.alerts for r in rows)),
            str(sum(r.events for r in rows)),
        )
    Console(width=160).print(table)
    ways = list(results)
    for way in ways[1:]:
        same = [r.to_dict() for r in results[ways[0]][4]] == [r.to_dict() for r in results[way][4]]
        print(f"same rows {ways[0]} and {way}: {same}")
    print(f"stored readings used: {reuse.counts}")
    print(f"(seeding {args.articles:,} articles took {seeded:.0f} s; not part of the backtest)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--size", type=int, default=3000, help="characters per article")
    ap.add_argument("--rules", type=Path, default=None, help="pack (default: the shipped one)")
    ap.add_argument(
        "--order", default="before,after,now", help="ways to time (before, after, now), in order"
    )
    asyncio.run(run(ap.parse_args()))


if __name__ == "__main__":
    main()
