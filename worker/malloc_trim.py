"""Hand the C allocator's free memory back to the system after the state's expiry.

The worker's dedupe indexes hold one window of stories; as the window moves, entries are
deleted and new ones made. CPython gives objects above 512 bytes (the 128-value signatures,
the band index's dict table) to glibc's ``malloc``, which keeps the pages it freed, scattered
between live blocks, instead of returning them: in the soak benchmark that free-but-kept memory
grew from 6 to 44 MB over ten windows while the state stayed flat. ``malloc_trim(0)`` returns
those pages (``madvise``); done once per simulated day's expiry sweep it kept the running memory
from growing (206 → 206 MB over ten windows, against 206 → 227 MB without it and 206 → 225 MB
with ``MALLOC_ARENA_MAX=2``, which is therefore not set; docs/deploy.md#bounded-state).

Other C libraries (musl, macOS) have no ``malloc_trim``: :func:`trim` then does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import time
from collections.abc import Callable

log = logging.getLogger("newswatch.memory")


def _load() -> Callable[[int], int] | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        fn = libc.malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None
    fn.argtypes = [ctypes.c_size_t]
    fn.restype = ctypes.c_int
    return fn  # type: ignore[no-any-return]


_MALLOC_TRIM = _load()


def available() -> bool:
    return _MALLOC_TRIM is not None


def trim() -> float | None:
    """Return the allocator's free pages to the system; the seconds it took (it holds the
    allocator's locks while it walks the heap: milliseconds for a worker's heap), or None
    where the C library has no ``malloc_trim``."""
    if _MALLOC_TRIM is None:
        return None
    started = time.perf_counter()
    _MALLOC_TRIM(0)  # 0: keep no padding at the heap's top
    took = time.perf_counter() - started
    log.debug("malloc_trim took %.3f s", took)
    return took
