"""Where a process's resident memory goes: the soak benchmark's ``--memory-detail`` breakdown.

Four owners, each read from its own bookkeeping rather than guessed from the RSS:

- the **Python heap**: bytes traced by ``tracemalloc`` (when tracing: it slows the run about
  twice) and the live objects by type (``gc.get_objects``);
- the **dedupe indexes** (:class:`DerivedBandState`): band index, signature cache, time index
  buckets (empty ones included: a bucket emptied by expiry should be gone);
- **RocksDB**, per database: block cache, memtables, table readers (index and bloom filter
  blocks, which the worker's options keep outside the block cache);
- the **allocator** (glibc ``malloc``): memory it holds from the system, in use or free, and
  in how many arenas (``malloc_info``), to tell freed-but-kept memory from live data.
"""

from __future__ import annotations

import ctypes
import gc
import os
import re
import sys
import tempfile
import tracemalloc
from collections import Counter
from pathlib import Path
from typing import Any

MB = 1024**2


class _Mallinfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena",  # bytes from sbrk/arenas (all arenas: glibc sums them)
            "ordblks",
            "smblks",
            "hblks",
            "hblkhd",  # bytes in mmap'd chunks
            "usmblks",
            "fsmblks",
            "uordblks",  # bytes in use
            "fordblks",  # bytes free, kept by the allocator
            "keepcost",
        )
    ]


def _libc() -> ctypes.CDLL | None:
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallinfo2.restype = _Mallinfo2
        return libc
    except (OSError, AttributeError):  # not glibc (musl, macOS): no allocator detail
        return None


LIBC = _libc()


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def malloc_stats() -> dict[str, float]:
    """glibc's view: MB held from the system (``held``), in use, free-but-kept, and arenas."""
    if LIBC is None:
        return {}
    info = LIBC.mallinfo2()
    out = {
        "malloc_held_mb": (info.arena + info.hblkhd) / MB,
        "malloc_used_mb": (info.uordblks + info.hblkhd) / MB,
        "malloc_free_mb": info.fordblks / MB,
    }
    # malloc_info writes XML to a FILE*: one <heap nr=...> per arena
    fd, path = tempfile.mkstemp(suffix=".xml")
    os.close(fd)
    try:
        LIBC.fopen.restype = ctypes.c_void_p
        LIBC.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        LIBC.fclose.argtypes = [ctypes.c_void_p]
        LIBC.malloc_info.argtypes = [ctypes.c_int, ctypes.c_void_p]
        fp = LIBC.fopen(path.encode(), b"w")
        LIBC.malloc_info(0, fp)
        LIBC.fclose(fp)
        out["arenas"] = len(re.findall(r"<heap nr=", Path(path).read_text()))
    finally:
        os.unlink(path)
    return out


def malloc_trim() -> float:
    """Give free allocator memory back to the system; returns the MB of RSS that freed."""
    if LIBC is None:
        return 0.0
    before = rss_mb()
    LIBC.malloc_trim(0)
    return before - rss_mb()


ROCKS_PROPS = {
    "block_cache": "rocksdb.block-cache-usage",
    "memtables": "rocksdb.cur-size-all-mem-tables",
    "table_readers": "rocksdb.estimate-table-readers-mem",
    "pinned": "rocksdb.block-cache-pinned-usage",
}


def rocksdb_stats(dbs: dict[str, Any], shared_cache: Any = None) -> dict[str, float]:
    """Per database (``{name: rocksdict.Rdict}``): MB in its block cache, memtables and table
    readers, and their sum over all databases (``rocks_total_mb``).

    With a ``shared_cache`` (a ``rocksdict.Cache`` all the databases use, with memtables
    charged to it: worker/table_memory.py), each database reports the shared cache's usage,
    so the block cache is counted once (``shared.block_cache_mb``, memtables included) and
    the total is that plus the table readers kept outside it."""
    out: dict[str, float] = {}
    total = 0.0
    for name, db in dbs.items():
        for short, prop in ROCKS_PROPS.items():
            if shared_cache is not None and short in ("block_cache", "pinned"):
                continue
            value = (db.property_int_value(prop) or 0) / MB
            out[f"{name}.{short}_mb"] = value
            if short == "table_readers" or (shared_cache is None and short != "pinned"):
                total += value  # pinned blocks are inside the block cache's usage
    if shared_cache is not None:
        out["shared.block_cache_mb"] = shared_cache.get_usage() / MB
        out["shared.pinned_mb"] = shared_cache.get_pinned_usage() / MB
        total += out["shared.block_cache_mb"]
    out["rocks_total_mb"] = total
    return out


def index_stats(state: Any) -> dict[str, float]:
    """The dedupe state's in-memory indexes (a :class:`DerivedBandState`)."""
    times = state._times
    buckets = times._buckets
    return {
        "bands": len(state.bands),
        # the band index's own table (keys and values are counted with the Python heap):
        # what a window's churn used to double, and the copies that now keep it at its size
        "bands_table_mb": sys.getsizeof(state.bands) / MB,
        "bands_compactions": getattr(state, "compactions", 0),
        "sig_cache": len(state._sigs),
        "time_buckets": len(buckets),
        "empty_buckets": sum(1 for b in buckets.values() if not b),
        "timed_records": len(times),
    }


def pymalloc_stats() -> dict[str, float]:
    """Python's small-object allocator (objects up to 512 bytes), which takes 1 MiB arenas
    from the system with mmap, outside glibc's counts: MB of arenas held and MB of live
    blocks in them (the rest is free space an arena keeps until all of it is free)."""
    fd, path = tempfile.mkstemp(suffix=".txt")
    saved = os.dup(2)
    try:
        sys.stderr.flush()
        os.dup2(fd, 2)  # _debugmallocstats writes to the C stderr
        sys._debugmallocstats()
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(fd)
    text = Path(path).read_text()
    os.unlink(path)

    def number(label: str) -> float:
        found = re.search(re.escape(label) + r"\s*=\s*([\d,]+)", text)
        return float(found.group(1).replace(",", "")) if found else float("nan")

    arena = re.search(r"arenas \* ([\d,]+) bytes/arena", text)
    arena_bytes = float(arena.group(1).replace(",", "")) if arena else float("nan")
    return {
        "pymalloc_arenas_mb": number("# arenas allocated current") * arena_bytes / MB,
        "pymalloc_used_mb": number("# bytes in allocated blocks") / MB,
    }


def python_heap(top_types: int = 0) -> tuple[dict[str, float], list[tuple[str, int]]]:
    """MB traced by tracemalloc (when tracing) and live gc-tracked objects; with
    ``top_types``, the most common object types."""
    out: dict[str, float] = {}
    if tracemalloc.is_tracing():
        out["py_traced_mb"] = tracemalloc.get_traced_memory()[0] / MB
    objs = gc.get_objects()
    out["gc_objects"] = len(objs)
    types = Counter(type(o).__name__ for o in objs).most_common(top_types) if top_types else []
    del objs
    return out, types


def top_allocations(
    before: tracemalloc.Snapshot | None, after: tracemalloc.Snapshot, n: int = 8
) -> list[str]:
    """The allocation sites whose traced size grew most since ``before`` (or the largest)."""
    flt = [tracemalloc.Filter(False, tracemalloc.__file__)]
    after = after.filter_traces(flt)
    if before is None:
        stats = after.statistics("lineno")[:n]
        return [f"{s.size / MB:8.1f} MB {s.count:>9,} {s.traceback}" for s in stats]
    diff = after.compare_to(before.filter_traces(flt), "lineno")[:n]
    return [f"{d.size_diff / MB:+8.1f} MB {d.count_diff:>+9,} {d.traceback}" for d in diff]
