"""worker/malloc_trim.py: the free memory glibc keeps goes back to the system."""

from __future__ import annotations

from pathlib import Path

from worker import malloc_trim


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def test_trim_returns_the_pages_freed_between_live_blocks() -> None:
    assert malloc_trim.available()  # the worker's images and CI are glibc (Debian)
    # 40 MB of 1 kB blocks (above pymalloc's 512 bytes: glibc's), one in 50 kept alive, so the
    # freed pages sit between live blocks where free() alone never returns them
    blocks = [bytearray(1000) for _ in range(40_000)]
    for b in blocks:
        b[::4096] = b"\x01" * len(b[::4096])  # touched: resident
    kept = blocks[::50]
    del blocks
    before = rss_mb()
    took = malloc_trim.trim()
    after = rss_mb()
    assert took is not None and took < 5
    assert before - after > 20, (before, after)
    assert len(kept) == 800  # still alive, and readable
    assert all(k[0] == 1 for k in kept)
