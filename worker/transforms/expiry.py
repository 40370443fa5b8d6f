"""expiry: which stored keys fell out of a rolling time window (pure, in memory).

State that must be bounded (dedupe, first-seen months) stores each record's time beside its
value; this index remembers which keys hold which times, in hour buckets, so that forgetting
everything older than the window's start costs the number of expired keys, not a scan of the
whole store. It holds no values and is rebuilt from the store after a restart or a rebalance.
"""

from __future__ import annotations

from collections.abc import Iterator

BUCKET_S = 3600  # an expired key is deleted at most one bucket after it left the window


class TimeIndex:
    """Keys by time (epoch seconds), and the latest time seen (the *watermark*)."""

    def __init__(self) -> None:
        self._buckets: dict[int, set[str]] = {}
        self._floor: int | None = None  # buckets below this one were taken out already
        self._count = 0  # kept, not summed: the stream reads it per article (a gauge)
        self._late = False  # a key landed in a bucket already taken out: pop again
        self.watermark: float | None = None

    def add(self, key: str, t: float, *, seen: float | None = None) -> None:
        """File ``key`` for deletion at ``t``; the watermark moves with ``seen`` (the record's
        own time, when it is filed later than that), else with ``t``."""
        b = int(t // BUCKET_S)
        if self._floor is not None and b < self._floor:
            self._late = True
        bucket = self._buckets.setdefault(b, set())
        if key not in bucket:
            bucket.add(key)
            self._count += 1
        seen = t if seen is None else seen
        if self.watermark is None or seen > self.watermark:
            self.watermark = seen

    def due(self, cutoff: float) -> bool:
        """Could :meth:`pop_before` find anything? False until ``cutoff`` enters a new bucket
        or a key arrives in a bucket already taken out (an article from long ago, deleted at
        once rather than an hour later). Checked per article, so it must be cheap."""
        return self._late or self._floor is None or int(cutoff // BUCKET_S) > self._floor

    def pop_before(self, cutoff: float) -> Iterator[str]:
        """Take out (and yield) every key of every bucket that ends at or before ``cutoff``.
        A key whose record was rewritten later with a newer time may come out too: the caller
        checks the stored time before deleting it."""
        last = int(cutoff // BUCKET_S)  # buckets < last end at or before cutoff
        if not self.due(cutoff):
            return  # called per article: nothing new can have expired within the same hour
        self._floor, self._late = max(last, self._floor or last), False
        for b in sorted(b for b in self._buckets if b < last):
            keys = self._buckets.pop(b)
            self._count -= len(keys)
            yield from keys

    def __len__(self) -> int:
        return self._count
