"""Soak: 1,000,000 generated articles through the worker's bounded state, on RocksDB.

    python bench/bench_state_soak.py [--articles 1000000] [--days 70] [--checkpoints 100000,...]
        [--memory-detail [--tracemalloc] [--trim]] [--trim-daily] [--table-cache-mb 32]

What runs: the serial dedupe stage's state code (``Deduper.add`` over ``DerivedBandState``,
plus the first-seen month record) and the delivery state (``throttle.decide`` for one alert per
ten articles, the hourly-in-production sweep once per simulated day), each over a RocksDB
database opened with ``rocksdict`` (the driver of the worker's ``rocksdb://`` tables) with the
options the worker gives its tables and values JSON-encoded as the worker's tables encode them.
Not through Kafka: the changelog a restarted worker reads beyond its local files is only what
was written since it stopped, the same whatever the deployment's age. Articles are synthetic
fingerprints (random MinHash signatures; 15% near copies and 5% exact copies of a story of the
last 3 days), spread evenly over ``--days`` of article time, so the 7-day windows are full after
a tenth of a 70-day run.

At each checkpoint the databases are closed and a fresh process reopens them and rebuilds the
in-memory indexes (band index, time index), as a restarted worker does before it is ready:
that is *restart-to-ready*, in wall seconds and in CPU seconds (the CPU figure is the one to
compare on a shared machine, where the wall time follows the load); its resident memory after
the rebuild is *RSS restarted*. *RSS running* is this process's resident memory while it pushes
articles; it then restarts on the same files itself (drops its indexes and rebuilds them, as a
worker does at a rebalance) and goes on. ``--memory-detail`` prints where that memory is at each
checkpoint (``bench/memory_detail.py``: dedupe indexes, Python heap, RocksDB per database, glibc
heap and arenas); ``--trim`` measures what ``malloc_trim`` gives back at each checkpoint (run it
with and without ``MALLOC_ARENA_MAX=2`` to compare arenas). ``--trim-daily`` does what the
worker does after each expiry sweep (``worker/malloc_trim.py``): the worker's running memory is
the one measured with it. The databases share one cache of ``--table-cache-mb`` MiB, as a
worker's tables do (``worker/table_memory.py``, default ``NEWSWATCH_TABLE_CACHE_MB``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator, MutableMapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import rocksdict

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import memory_detail

import worker.app  # noqa: F401 (a worker's modules loaded, so the RSS compares with a worker's)
from worker import malloc_trim
from worker.config import Settings
from worker.model import Alert
from worker.table_memory import SharedCacheOptions, SharedRocksDB
from worker.transforms.dedupe import DedupeConfig, Deduper, DerivedBandState, Fingerprint
from worker.transforms.link import first_seen_month
from worker.transforms.throttle import decide, group_finished, sweep_plan, throttle_group

START = datetime(2026, 1, 1, tzinfo=UTC)
WINDOW = timedelta(days=7)


class JsonRocks(MutableMapping[str, Any]):
    """A RocksDB database as a mapping of str → JSON value (what a Faust table over the
    ``rocksdb://`` store holds: serialized keys and values in one database)."""

    def __init__(self, path: Path, shared: SharedRocksDB) -> None:
        # the options the worker's tables open their databases with (its RocksDB store), on
        # the cache all of this process's databases share, as the worker's do
        opts = SharedCacheOptions(**shared.table_options(), use_rocksdict=True).as_options()
        self.db = rocksdict.Rdict(str(path), opts)

    def __getitem__(self, key: str) -> Any:
        raw = self.db.get(key.encode())
        if raw is None:
            raise KeyError(key)
        return orjson.loads(raw)

    def get(self, key: str, default: Any = None) -> Any:
        raw = self.db.get(key.encode())
        return default if raw is None else orjson.loads(raw)

    def __setitem__(self, key: str, value: Any) -> None:
        self.db[key.encode()] = orjson.dumps(value)

    def __delitem__(self, key: str) -> None:
        del self.db[key.encode()]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.db.get(key.encode()) is not None

    def __iter__(self) -> Iterator[str]:
        for k in self.db.keys():  # noqa: SIM118 (Rdict has no __iter__)
            yield k.decode()

    def items(self) -> Iterator[tuple[str, Any]]:  # type: ignore[override]
        for k, v in self.db.items():
            yield k.decode(), orjson.loads(v)

    def __len__(self) -> int:
        return sum(1 for _ in self.db.keys())  # noqa: SIM118

    def close(self) -> None:
        self.db.close()


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def disk_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


#: The RocksDB memory of all the databases (``--table-cache-mb``; the worker's default).
CACHE_MB: int = Settings.model_fields["table_cache_mb"].default
SHARED: SharedRocksDB | None = None


def shared_rocksdb() -> SharedRocksDB:
    """This process's one cache for its databases (a worker has one for all its tables)."""
    global SHARED
    if SHARED is None:
        SHARED = SharedRocksDB.from_mb(CACHE_MB)
    return SHARED


def open_state(root: Path) -> tuple[Deduper, JsonRocks, JsonRocks, JsonRocks]:
    shared = shared_rocksdb()
    dedupe_db = JsonRocks(root / "dedupe-state", shared)
    deduper = Deduper(DedupeConfig(window_s=WINDOW.total_seconds()))
    deduper.state = DerivedBandState(dedupe_db, deduper.band_keys)
    return (
        deduper,
        dedupe_db,
        JsonRocks(root / "deliveries", shared),
        JsonRocks(root / "throttle", shared),
    )


def reload(root: Path) -> dict[str, float]:
    """What a restarted worker does before it is ready (run in a fresh process)."""
    started, cpu = time.perf_counter(), time.process_time()
    deduper, *dbs = open_state(root)
    state = deduper.state
    assert isinstance(state, DerivedBandState)
    bands = len(state.bands)  # the band and time indexes, rebuilt from the stored records
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    out = {
        "seconds": seconds,
        "cpu_s": cpu,
        "rss_mb": rss_mb(),
        "records": state.timed_records,
        "bands": bands,
    }
    for db in dbs:
        db.close()
    return out


def articles(n: int, days: float, seed: int) -> Iterator[tuple[str, float, np.ndarray, str]]:
    """``(id, time, signature, content hash)``: new stories and near/exact copies of recent ones."""
    rng = np.random.default_rng(seed)
    step = days * 86400 / n
    recent: list[tuple[np.ndarray, str, float]] = []
    for i in range(n):
        t = START.timestamp() + i * step
        roll = rng.random()
        if roll < 0.2 and recent:
            sig, h, _ = recent[int(rng.integers(len(recent)))]
            if roll < 0.05:
                yield f"a{i}", t, sig, h  # exact copy
                continue
            sig = sig.copy()
            changed = rng.choice(len(sig), size=16, replace=False)
            sig[changed] = rng.integers(0, 2**32, size=16, dtype=np.uint64)
            yield f"a{i}", t, sig, f"{i:032x}"  # near copy (~0.87 similar)
            continue
        sig = rng.integers(0, 2**32, size=128, dtype=np.uint64)
        h = f"{i:032x}"
        recent.append((sig, h, t))
        while recent and recent[0][2] < t - 3 * 86400:
            recent.pop(0)
        yield f"a{i}", t, sig, h


class FakeArticle:
    """The two fields dedupe reads from an article."""

    __slots__ = ("fetched_at", "id", "published_at")

    def __init__(self, id: str, t: float) -> None:
        self.id = id
        self.published_at = datetime.fromtimestamp(t, UTC)
        self.fetched_at = None


def alert_for(art_id: str, i: int, at: datetime) -> Alert:
    pair = [("TUR", "RUS"), ("IND", "FRA"), ("POL", "USA"), ("EGY", "CHN")][i % 4]
    return Alert(
        key=f"arms|{art_id}",
        rule_id=f"rule-{i % 40}",
        rule_title="Arms",
        article_id=art_id,
        title="t",
        url="https://x.example/",
        severity="high",
        countries=list(pair),
        evidence=[],
        matched_at=at,
        pair={"recipient": pair[0], "supplier": pair[1]},
    )


def soak(
    n: int,
    days: float,
    checkpoints: list[int],
    root: Path,
    detail: bool = False,
    trim: bool = False,
    trim_daily: bool = False,
) -> list[dict[str, Any]]:
    deduper, dedupe_db, keys, groups = open_state(root)
    details: list[dict[str, Any]] = []
    snapshot: tracemalloc.Snapshot | None = None
    rows = []
    last_sweep = START
    started = time.perf_counter()
    for i, (art_id, t, sig, h) in enumerate(articles(n, days, seed=7), start=1):
        art = FakeArticle(art_id, t)
        fp = Fingerprint(h, deduper.band_keys(sig), tuple(sig.tolist()))
        now = art.published_at + timedelta(minutes=5)
        verdict = deduper.add(art, fp, now)  # type: ignore[arg-type]
        first_seen_month(deduper.state, art_id, now)
        if i % 10 == 0:  # one alert per ten articles, keyed by story
            alert = alert_for(verdict.duplicate_of or art_id, i, now)
            group = throttle_group(alert)
            d = decide(
                alert,
                ["slack"],
                keys.get(alert.key),
                groups.get(group),
                now,
                window=timedelta(hours=6),
                key_window=WINDOW,
            )
            if d.key_state is not None:
                keys[alert.key] = d.key_state
            groups[group] = d.group_state
        if now - last_sweep >= timedelta(days=1):  # the delivery sweep (hourly in production)
            plan = sweep_plan(keys.items(), groups.items(), now, WINDOW)
            for group, expired_keys in plan.items():
                for k in expired_keys:
                    keys.pop(k, None)
                if group_finished(groups.get(group), now):
                    groups.pop(group, None)
            last_sweep = now
            if trim_daily:  # what the worker does after its (hourly) expiry sweep
                malloc_trim.trim()
        if i in checkpoints:
            elapsed = time.perf_counter() - started
            running = rss_mb()
            state = deduper.state
            assert isinstance(state, DerivedBandState)
            records, deliveries = state.timed_records, len(keys)
            if detail:
                snapshot = print_detail(
                    i,
                    state,
                    {"dedupe": dedupe_db, "deliveries": keys, "throttle": groups},
                    details,
                    snapshot,
                    trim,
                )
            for db in (dedupe_db, keys, groups):
                db.close()
            # this process's own restart below replaces the state: keep no reference to the
            # old one, or its indexes stay alive beside the new ones until the next checkpoint
            del state
            probe = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--reload",
                    str(root),
                    "--table-cache-mb",
                    str(CACHE_MB),
                ],
                check=True,
                capture_output=True,
                text=True,
            )
            restarted = json.loads(probe.stdout)
            rows.append(
                {
                    "articles": i,
                    "window_days": round((now - START).total_seconds() / 86400, 1),
                    "dedupe_records": records,
                    "delivery_records": deliveries,
                    "disk_mb": disk_mb(root),
                    "rss_running_mb": running,
                    "restart_s": restarted["seconds"],
                    "restart_cpu_s": restarted["cpu_s"],
                    "rss_restarted_mb": restarted["rss_mb"],
                    "rate": i / elapsed,
                }
            )
            print_row(rows[-1], header=len(rows) == 1)
            deduper, dedupe_db, keys, groups = open_state(root)
            started_pause = time.perf_counter()
            deduper.state.bands  # noqa: B018 (this process's own restart, not measured)
            started += time.perf_counter() - started_pause
    return rows


def print_detail(
    i: int,
    state: DerivedBandState,
    dbs: dict[str, JsonRocks],
    details: list[dict[str, Any]],
    snapshot: tracemalloc.Snapshot | None,
    trim: bool = False,
) -> tracemalloc.Snapshot | None:
    """The ``--memory-detail`` breakdown of this process's memory at a checkpoint."""
    row: dict[str, Any] = {"articles": i, "rss_mb": memory_detail.rss_mb()}
    row |= memory_detail.index_stats(state)
    py, types = memory_detail.python_heap(top_types=8)
    row |= py
    row |= memory_detail.pymalloc_stats()
    row |= memory_detail.rocksdb_stats({k: v.db for k, v in dbs.items()}, shared_rocksdb().cache)
    row |= memory_detail.malloc_stats()
    if trim:  # what the allocator held free and gives back: measured, then the run goes on
        row["trim_freed_mb"] = memory_detail.malloc_trim()
    details.append(row)
    print(f"  memory at {i:,} articles:")
    for key, value in row.items():
        first = details[0].get(key, value)
        fmt = "{:>12,.1f}" if isinstance(value, float) else "{:>12,}"
        print(f"    {key:<28}" + fmt.format(value) + f"   (first {fmt.format(first).strip()})")
    print("    gc types: " + ", ".join(f"{t} {c:,}" for t, c in types))
    if not tracemalloc.is_tracing():
        return None
    now = tracemalloc.take_snapshot()
    print("    python allocation sites" + (" (growth since last checkpoint):" if snapshot else ":"))
    for line in memory_detail.top_allocations(snapshot, now):
        print("      " + line)
    sys.stdout.flush()
    return now


COLUMNS = [
    ("articles", "{:>9,}"),
    ("window_days", "{:>6}"),
    ("dedupe_records", "{:>10,}"),
    ("delivery_records", "{:>9,}"),
    ("disk_mb", "{:>8.0f}"),
    ("rss_running_mb", "{:>9.0f}"),
    ("restart_s", "{:>9.2f}"),
    ("restart_cpu_s", "{:>9.2f}"),
    ("rss_restarted_mb", "{:>9.0f}"),
    ("rate", "{:>8,.0f}"),
]
HEADERS = ["articles", "day", "dedupe rec", "deliv rec", "disk MB", "RSS MB", "restart s", "cpu s"]
HEADERS += ["RSS rst MB", "art/s"]


def print_row(row: dict[str, Any], header: bool) -> None:
    widths = [9, 6, 10, 9, 8, 9, 9, 9, 9, 8]
    if header:
        print(" ".join(h.rjust(w) for h, w in zip(HEADERS, widths, strict=True)))
    print(" ".join(fmt.format(row[k]) for k, fmt in COLUMNS), flush=True)


def main() -> None:
    global CACHE_MB
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1_000_000)
    ap.add_argument("--days", type=float, default=70.0, help="article time the run spans")
    ap.add_argument("--checkpoints", default="100000,500000,1000000")
    ap.add_argument("--dir", type=Path, default=None, help="where the databases go (temp dir)")
    ap.add_argument(
        "--memory-detail",
        action="store_true",
        help="at each checkpoint, print where the memory goes (Python heap, dedupe indexes, "
        "RocksDB caches and memtables, allocator)",
    )
    ap.add_argument(
        "--tracemalloc",
        action="store_true",
        help="with --memory-detail: trace Python allocations and print the sites that grew "
        "(about twice slower; the pymalloc figures read nan while tracing)",
    )
    ap.add_argument(
        "--trim",
        action="store_true",
        help="with --memory-detail: malloc_trim(0) at each checkpoint, printing the MB it freed",
    )
    ap.add_argument(
        "--table-cache-mb",
        type=int,
        default=CACHE_MB,
        help="RocksDB memory for all the databases, as the worker's NEWSWATCH_TABLE_CACHE_MB "
        f"(default {CACHE_MB})",
    )
    ap.add_argument(
        "--trim-daily",
        action="store_true",
        help="malloc_trim(0) after each simulated day's sweep, as the worker does after its "
        "expiry sweeps (worker/malloc_trim.py); without it, the memory of a worker that does not",
    )
    ap.add_argument("--reload", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    CACHE_MB = args.table_cache_mb
    if args.reload is not None:
        print(json.dumps(reload(args.reload)))
        return
    checkpoints = sorted({int(c) for c in args.checkpoints.split(",") if int(c) <= args.articles})
    root = args.dir or Path(tempfile.mkdtemp(prefix="newswatch-soak-"))
    print(
        f"{args.articles:,} articles over {args.days:g} days of article time; dedupe window and "
        f"delivery key window {WINDOW.days} days (full after "
        f"{int(args.articles * WINDOW.days / args.days):,} articles); RocksDB in {root}, "
        f"{CACHE_MB} MiB shared cache"
    )
    try:
        if args.tracemalloc:
            tracemalloc.start()
        rows = soak(
            args.articles,
            args.days,
            checkpoints,
            root,
            detail=args.memory_detail,
            trim=args.trim,
            trim_daily=args.trim_daily,
        )
    finally:
        if args.dir is None:
            shutil.rmtree(root, ignore_errors=True)
    base = rows[0]
    for key, name in (
        ("rss_running_mb", "RSS running"),
        ("rss_restarted_mb", "RSS restarted"),
        ("restart_s", "restart-to-ready (wall)"),
        ("restart_cpu_s", "restart-to-ready (CPU)"),
    ):
        worst = max(abs(r[key] - base[key]) / base[key] for r in rows[1:]) if len(rows) > 1 else 0
        print(f"{name}: at most {worst:+.0%} off its value at {base['articles']:,} articles")


if __name__ == "__main__":
    main()
