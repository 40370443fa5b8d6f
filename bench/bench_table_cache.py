"""RocksDB read and write cost: the worker's shared table cache against per-database caches.

    python bench/bench_table_cache.py [--records 100000] [--reads 50000] [--rounds 3]

Fills a database with ``--records`` values the size of a dedupe signature record (JSON, ~1.4 kB)
under each configuration, then reads ``--reads`` random existing keys and as many missing ones
(most of the dedupe stage's lookups are exact-hash misses), and prints CPU microseconds per
operation and the RocksDB memory at the end. Configurations:

- ``per-db 64 MiB``: the previous options, one 64 MiB block cache and 2 x 16 MiB memtables per
  database (``ROCKSDB_OPTIONS`` before worker/table_memory.py);
- ``shared N MiB``: worker/table_memory.py, one cache of N MiB for all databases with the
  memtables and index/filter blocks charged to it.

CPU time (``time.process_time``), not wall time, so that a loaded shared machine matters less;
the configurations alternate round by round and the median round is printed.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import rocksdict

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from faust.stores.rocksdb import RocksDBOptions

from worker.table_memory import MiB, SharedCacheOptions, SharedRocksDB


def per_db_options() -> Any:
    return RocksDBOptions(
        block_cache_size=64 * MiB,
        write_buffer_size=16 * MiB,
        max_write_buffer_number=2,
        use_rocksdict=True,
    ).as_options()


def shared_options(mb: int) -> Callable[[], Any]:
    def make() -> Any:  # a fresh cache each round (one database per round)
        shared = SharedRocksDB.from_mb(mb)
        return SharedCacheOptions(**shared.table_options(), use_rocksdict=True).as_options()

    return make


def record(rng: random.Random) -> bytes:
    sig = [rng.randrange(2**32) for _ in range(128)]
    return orjson.dumps({"t": 1.7e9, "sig": sig, "w": 1.7e9})


def one_round(
    name: str, make: Callable[[], Any], records: int, reads: int, seed: int
) -> dict[str, Any]:
    root = Path(tempfile.mkdtemp(prefix="newswatch-cache-"))
    try:
        rng = random.Random(seed)
        values = [record(rng) for _ in range(1000)]  # reused: generation is not measured
        db = rocksdict.Rdict(str(root / "db"), make())
        cpu = time.process_time()
        for i in range(records):
            db[f"s:{i:012x}".encode()] = values[i % 1000]
        write_us = (time.process_time() - cpu) / records * 1e6
        db.flush()
        keys = [f"s:{rng.randrange(records):012x}".encode() for _ in range(reads)]
        missing = [f"h:{rng.randrange(2**48):012x}".encode() for _ in range(reads)]
        cpu = time.process_time()
        for k in keys:
            db.get(k)
        read_us = (time.process_time() - cpu) / reads * 1e6
        cpu = time.process_time()
        for k in missing:
            db.get(k)
        miss_us = (time.process_time() - cpu) / reads * 1e6
        out = {
            "config": name,
            "write_us": write_us,
            "read_us": read_us,
            "miss_us": miss_us,
            "cache_mb": (db.property_int_value("rocksdb.block-cache-usage") or 0) / MiB,
            "memtables_mb": (db.property_int_value("rocksdb.cur-size-all-mem-tables") or 0) / MiB,
            "readers_mb": (db.property_int_value("rocksdb.estimate-table-readers-mem") or 0) / MiB,
            "disk_mb": sum(f.stat().st_size for f in root.rglob("*") if f.is_file()) / 1e6,
        }
        db.close()
        return out
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--reads", type=int, default=50_000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--shared-mb", default="32,16", help="shared cache sizes to compare (MiB)")
    args = ap.parse_args()
    configs: list[tuple[str, Callable[[], Any]]] = [("per-db 64 MiB", per_db_options)]
    configs += [(f"shared {mb} MiB", shared_options(int(mb))) for mb in args.shared_mb.split(",")]
    results: dict[str, list[dict[str, Any]]] = {name: [] for name, _ in configs}
    for r in range(args.rounds):
        for name, make in configs:
            results[name].append(one_round(name, make, args.records, args.reads, seed=r))
    print(
        f"{args.records:,} records of ~1.4 kB, {args.reads:,} random reads of existing and of "
        f"missing keys; median of {args.rounds} rounds, CPU µs per operation (load "
        f"{os.getloadavg()[0]:.1f})"
    )
    cols = ["write_us", "read_us", "miss_us", "cache_mb", "memtables_mb", "readers_mb", "disk_mb"]
    heads = ["write µs", "read µs", "miss µs", "cache MB", "memtab MB", "readers MB", "disk MB"]
    print(f"{'config':<16}" + "".join(f"{h:>11}" for h in heads))
    for name, rows in results.items():
        print(
            f"{name:<16}" + "".join(f"{statistics.median(r[c] for r in rows):>11.1f}" for c in cols)
        )


if __name__ == "__main__":
    main()
