"""dedupe: link copies of one story to its first copy, exactly (content hash) or nearly (MinHash
LSH over word shingles of the body).

Pure and stream-friendly. All state lives in one flat ``MutableMapping[str, Any]`` of plain,
JSON-serialisable values, keyed so that copies of a story meet on the same keys:

    h:<content_hash>        → ``[id, t, w]``: the first copy with that exact (normalised) body
    b:<band>:<band hash>    → id of the first copy whose MinHash band hashed to this value
    s:<article id>          → ``{"t": t, "sig": [...], "w": w}``: that first copy's MinHash
                              signature, to verify candidates before calling them duplicates

``t`` is the article's time (epoch seconds: published, else fetched, never later than ``now``);
``w`` the time the record was written (``now``), which decides when it is deleted (see
:class:`DerivedBandState`); records from before write times were stored (``[id, t]``) still read.
Dedupe remembers a rolling window of article time (``DedupeConfig.window_s``, 7 days): a copy
more than a window younger than its first copy is a first copy again, and a state that can
forget (:class:`DerivedBandState`) deletes what fell out of the window, so the state stops
growing once the window is full. Values written before windows existed (a bare id, a bare
signature) have no time and are kept until they are overwritten.

A dict works in-process; a Faust table (changelog-backed, partitioned by key) works in the
stream. Duplicates are linked through ``Article.duplicate_of``, never dropped, and always point at
the first copy (the chain never grows). Re-delivering an article gives the same verdict again.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Callable, Iterator, MutableMapping
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from functools import cached_property
from typing import Any

import numpy as np
from datasketch import MinHash

from worker.model import Article
from worker.transforms.cleaning.text import content_hash as text_hash
from worker.transforms.cleaning.text import words
from worker.transforms.expiry import TimeIndex


@dataclass(frozen=True, slots=True)
class DedupeConfig:
    """Tunables. ``threshold`` is the estimated Jaccard similarity of the bodies' word
    shingles at or above which a story is a near-duplicate: syndicated copies with a new
    headline and some boilerplate score 0.7-1.0, rewrites of the same news 0.0-0.2."""

    threshold: float = 0.5
    shingle_size: int = 5
    num_perm: int = 128
    bands: int | None = None  # None: chosen from threshold and num_perm
    seed: int = 1
    window_s: float | None = 7 * 86400.0  # None: remember forever

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        if self.shingle_size < 1 or self.num_perm < 2:
            raise ValueError("shingle_size must be >= 1 and num_perm >= 2")
        if self.bands is not None and not 1 <= self.bands <= self.num_perm:
            raise ValueError("bands must be between 1 and num_perm")
        if self.window_s is not None and self.window_s <= 0:
            raise ValueError("window_s must be positive (or None: no window)")


def article_time(article: Article, now: datetime | None = None) -> float | None:
    """The time dedupe files an article under (epoch seconds): published, else fetched,
    clamped to ``now`` so that one article dated in the future cannot push the window past
    everything else. None when the article has no time and no ``now`` is given."""
    at = article.published_at or article.fetched_at or now
    if at is None:
        return None
    t = at.timestamp()
    return min(t, now.timestamp()) if now is not None else t


def record_time(value: Any) -> float | None:
    """The time stored in a state value (``[x, t]``, ``[x, t, w]`` or ``{"t": t, ...}``); None
    for values written before windows existed."""
    if isinstance(value, dict):
        t = value.get("t")
    elif isinstance(value, list | tuple) and len(value) in (2, 3) and isinstance(value[0], str):
        t = value[1]
    else:
        return None
    return float(t) if isinstance(t, int | float) else None


def written_time(value: Any) -> float | None:
    """When a state value was written (``[x, t, w]`` or ``{"w": w, ...}``); None for values
    written before write times were stored."""
    if isinstance(value, dict):
        w = value.get("w")
    elif isinstance(value, list | tuple) and len(value) == 3 and isinstance(value[0], str):
        w = value[2]
    else:
        return None
    return float(w) if isinstance(w, int | float) else None


def _int_or_none(t: float | None) -> int | None:
    return int(t) if t is not None else None


def _first_id(value: Any) -> str | None:
    """The id in an ``h:`` value (``[id, t]``, or a bare id from before windows)."""
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple) and value and isinstance(value[0], str):
        return value[0]
    return None


def _signature(value: Any) -> Any:
    """The signature in an ``s:`` value (``{"t", "sig"}``, or a bare list from before)."""
    return value.get("sig") if isinstance(value, dict) else value


def optimal_bands(threshold: float, num_perm: int, fn_weight: float = 0.7) -> tuple[int, int]:
    """LSH (bands, rows) minimising the weighted areas of false positives below ``threshold``
    and false negatives above it. Misses weigh more: candidates are verified anyway, so a false
    positive costs only a look-up."""
    xs = np.linspace(0.0, 1.0, 201)
    best: tuple[float, int, int] | None = None
    for b in range(1, num_perm + 1):
        r = num_perm // b
        p = 1.0 - (1.0 - xs**r) ** b
        below, above = xs < threshold, xs >= threshold
        fp = np.trapezoid(p[below], xs[below]) if below.sum() > 1 else 0.0
        fn = np.trapezoid(1.0 - p[above], xs[above]) if above.sum() > 1 else 0.0
        cost = (1.0 - fn_weight) * fp + fn_weight * fn
        if best is None or cost < best[0]:
            best = (cost, b, r)
    assert best is not None
    return best[1], best[2]


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What dedupe needs to know about an article."""

    content_hash: str
    bands: tuple[str, ...]  # state keys "b:<i>:<hex>"
    signature: tuple[int, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON data, so the stream can compute it in parallel and carry it in a message."""
        return {"h": self.content_hash, "b": list(self.bands), "s": list(self.signature)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Fingerprint:
        return cls(str(d["h"]), tuple(str(b) for b in d["b"]), tuple(int(v) for v in d["s"]))


@dataclass(frozen=True, slots=True)
class Verdict:
    """``duplicate_of`` is ``None`` for a first copy. ``method`` is ``"exact"`` or ``"near"``;
    ``similarity`` the estimated Jaccard similarity to the first copy (1.0 for exact)."""

    duplicate_of: str | None = None
    method: str | None = None
    similarity: float = 0.0

    @property
    def is_duplicate(self) -> bool:
        return self.duplicate_of is not None


@dataclass(frozen=True, slots=True)
class BandKeys:
    """The ``b:`` state keys of a MinHash signature: a pure function of it, which is what lets
    :class:`DerivedBandState` rebuild them instead of storing them.

    An object of its own rather than a Deduper method: the state keeps this function, and a
    bound method would hold the Deduper, which holds the state. That cycle left a replaced
    state (and its indexes: tens of MB per window) to the cycle collector, whose full passes
    are rare in a process with many long-lived objects; without it, dropping the last
    reference frees them at once."""

    bands: int
    rows: int

    def __call__(self, signature: Any) -> tuple[str, ...]:
        data = np.asarray(signature, dtype=np.uint64).tobytes()
        step = self.rows * 8  # bytes per band: slicing bytes is cheaper than slicing arrays
        return tuple(
            f"b:{i}:{hashlib.sha1(data[i * step : (i + 1) * step]).hexdigest()[:16]}"
            for i in range(self.bands)
        )


def shingles(text: str, size: int) -> set[bytes]:
    """Word ``size``-grams of the case-folded text (the whole text when it is shorter)."""
    toks = words(text)
    if len(toks) <= size:
        return {" ".join(toks).encode("utf-8")} if toks else set()
    return {" ".join(toks[i : i + size]).encode("utf-8") for i in range(len(toks) - size + 1)}


class Deduper:
    """Exact and near-duplicate detection over a plain key/value state (see module doc)."""

    def __init__(
        self,
        config: DedupeConfig | None = None,
        state: MutableMapping[str, Any] | None = None,
    ) -> None:
        self.config = config or DedupeConfig()
        self.state: MutableMapping[str, Any] = {} if state is None else state
        self.forgotten = 0  # records deleted because they left the window (a metric's source)
        if self.config.bands is None:
            self._bands, self._rows = optimal_bands(self.config.threshold, self.config.num_perm)
        else:
            self._bands, self._rows = self.config.bands, self.config.num_perm // self.config.bands
        self.band_keys = BandKeys(self._bands, self._rows)

    @cached_property
    def _permutations(self) -> Any:
        # generating the permutations costs ~0.5 ms; every signature reuses the same ones
        return MinHash(num_perm=self.config.num_perm, seed=self.config.seed).permutations

    def fingerprint(self, article: Article) -> Fingerprint:
        """Content hash, LSH band keys and MinHash signature of the article's body (the title
        is left out on purpose: syndicated copies often carry a new headline)."""
        text = article.body or article.title
        mh = MinHash(
            num_perm=self.config.num_perm, seed=self.config.seed, permutations=self._permutations
        )
        mh.update_batch(sorted(shingles(text, self.config.shingle_size)))
        values = mh.hashvalues
        return Fingerprint(
            content_hash=article.content_hash or text_hash(text),
            bands=self.band_keys(values),
            signature=tuple(int(v) for v in values),
        )

    def _visible(self, value: Any, t: float | None) -> bool:
        """Is a stored record inside the window of an article at time ``t``?"""
        if t is None or self.config.window_s is None:
            return True
        rt = record_time(value)
        return rt is None or rt > t - self.config.window_s

    def check(
        self, article: Article, fp: Fingerprint | None = None, t: float | None = None
    ) -> Verdict:
        """Is this a copy of something seen within the window before ``t`` (the article's
        time, :func:`article_time`; None: no window)? Reads the state, never writes it."""
        fp = fp or self.fingerprint(article)
        h = self.state.get(f"h:{fp.content_hash}")
        first = _first_id(h) if h is not None and self._visible(h, t) else None
        if first is not None and first != article.id:
            return Verdict(first, "exact", 1.0)
        if f"s:{article.id}" in self.state:
            return Verdict()  # a re-delivered first copy stays the first copy
        hits = Counter(
            cand for key in fp.bands if (cand := self.state.get(key)) and cand != article.id
        )
        best = Verdict()
        mine = np.asarray(fp.signature, dtype=np.uint32)
        for cand, _ in hits.most_common():
            value = self.state.get(f"s:{cand}")
            if value is None or not self._visible(value, t):
                continue
            sig = _signature(value)
            if sig is None or len(sig) != len(mine):
                continue
            sim = float(np.count_nonzero(np.asarray(sig) == mine)) / len(mine)
            if sim >= self.config.threshold and sim > best.similarity:
                best = Verdict(cand, "near", round(sim, 4))
        return best

    def add(
        self, article: Article, fp: Fingerprint | None = None, now: datetime | None = None
    ) -> Verdict:
        """Check the article and record it: a first copy registers its hash, bands and
        signature; a duplicate registers its exact hash against the first copy. ``fp`` may be
        computed earlier (the stream does it in the parallel stage); it must come from a
        Deduper with the same config. ``now`` bounds the article's time (see
        :func:`article_time`); records that left the window are then forgotten (when the
        state can forget, :class:`DerivedBandState`)."""
        fp = fp or self.fingerprint(article)
        t = article_time(article, now)
        written = int(now.timestamp()) if now is not None else None
        if now is not None and hasattr(self.state, "now"):
            self.state.now = now.timestamp()  # when records are written (see DerivedBandState)
        verdict = self.check(article, fp, t)
        root = verdict.duplicate_of or article.id
        stamp = int(t) if t is not None else None
        h_key = f"h:{fp.content_hash}"
        h = self.state.get(h_key)
        if h is None or not self._visible(h, t):
            # A copy's hash is filed under its first copy's time: the window runs from the
            # first copy of a story, so no chain of copies keeps a story alive for ever.
            root_t = stamp
            if verdict.method == "near":
                root_t = _int_or_none(record_time(self.state.get(f"s:{root}")))
            if root_t is None:
                self.state[h_key] = root
            else:
                self.state[h_key] = [root, root_t] if written is None else [root, root_t, written]
        if not verdict.is_duplicate:
            for key in fp.bands:
                owner = self.state.get(key)
                # a band whose owner left the window is free again
                if owner is None or not self._visible(self.state.get(f"s:{owner}"), t):
                    self.state[key] = article.id
            sig = list(fp.signature)
            if stamp is None:
                self.state[f"s:{article.id}"] = sig
            elif written is None:
                self.state[f"s:{article.id}"] = {"t": stamp, "sig": sig}
            else:
                self.state[f"s:{article.id}"] = {"t": stamp, "sig": sig, "w": written}
        self.forget_expired()
        return verdict

    def forget_expired(self) -> int:
        """Delete the records that left the window (behind the latest article time seen);
        returns how many. Only a state that indexes its records by time can (a plain dict
        just keeps them, and :meth:`check` ignores them)."""
        expire = getattr(self.state, "expire_before", None)
        watermark = getattr(self.state, "watermark", None)
        if expire is None or watermark is None or self.config.window_s is None:
            return 0
        gone = int(expire(watermark - self.config.window_s))
        self.forgotten += gone
        return gone

    def link(
        self, article: Article, fp: Fingerprint | None = None, now: datetime | None = None
    ) -> Article:
        """``add`` the article and return it with ``duplicate_of`` set (a copy; input untouched)."""
        verdict = self.add(article, fp, now)
        return replace(article, duplicate_of=verdict.duplicate_of)

    def to_dict(self) -> dict[str, Any]:
        """Config and state as plain JSON-serialisable data."""
        return {"config": asdict(self.config), "state": dict(self.state)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Deduper:
        return cls(DedupeConfig(**data.get("config", {})), dict(data.get("state", {})))


class DerivedBandState(MutableMapping[str, Any]):
    """Deduper state over a persistent mapping (a Faust table) that persists only ``h:``,
    ``s:`` (and the stream's ``f:``) keys. The ``b:`` band keys live in memory and are rebuilt
    from the stored signatures (:meth:`Deduper.band_keys`) after every :meth:`invalidate`
    (e.g. a table recovery), together with a time index of the stored records, so that
    :meth:`expire_before` deletes what left the window without scanning the store.

    Why: every persisted key is one changelog message; a first copy has ~25 band keys, and in
    Faust each table write goes through a per-message producer buffer, so storing them capped
    the dedupe stage at ~40 articles/s. With this layout a first copy costs 2 writes.

    Signatures are also kept in memory as arrays: verifying a candidate then costs one dict
    look-up and one vector compare instead of a table read and a 128-int list conversion (the
    candidate checks were a tenth of the serial stage's time in the worker, py-spy). MinHash
    values are 32-bit, so 512 bytes per story beside the table's own copy.

    The band index is compacted (copied from its live entries) after an expiry sweep once an
    eighth of it was deleted since it was built or last compacted (:meth:`_compact_if_churned`):
    a dict never reuses the entries its deletions free, so a window's churn used them up and
    CPython then resized the table from its live keys × 3, twice the size it is built at
    (2,000,000 bands: 2^22 → 2^23 slots, 84 → 168 MB), a step the running worker kept for good.
    """

    #: Compact once deletions since the last build or compaction reach this share of the
    #: index: well inside the headroom a compacted table has (up to a third of its live
    #: entries), and a copy of a 2M-entry index (~0.5 s) about eight times per window.
    COMPACT_SHARE = 1 / 8

    def __init__(
        self, store: MutableMapping[str, Any], band_keys: Callable[[Any], tuple[str, ...]]
    ) -> None:
        self.store = store
        self.band_keys = band_keys
        # band key → owner, keyed by the key's hash(): an int instead of a ~70-byte string
        # per band (25 per story: most of the index's memory). A collision (2**-64) at worst
        # offers a wrong candidate, which the signature comparison then turns down.
        self._bands: dict[int, str] | None = None
        self._times = TimeIndex()
        self._sigs: dict[str, tuple[np.ndarray, float | None]] = {}
        self.now: float | None = None  # the writer's clock (epoch s), set by Deduper.add
        self._bands_deleted = 0  # bands deleted since the index was built or compacted
        self.compactions = 0  # how often the index was compacted (a benchmark's figure)

    def invalidate(self) -> None:
        """Forget the in-memory indexes and signatures; rebuilt from the store on use."""
        self._bands = None
        self._times = TimeIndex()
        self._sigs = {}

    def _ensure_built(self) -> None:
        if self._bands is None:
            self._rebuild()

    @property
    def bands(self) -> dict[int, str]:
        """The in-memory band index: ``hash(band key)`` → the story that owns the band."""
        self._ensure_built()
        assert self._bands is not None
        return self._bands

    @property
    def watermark(self) -> float | None:
        """The latest record time in the state."""
        self._ensure_built()
        return self._times.watermark

    @property
    def timed_records(self) -> int:
        """Stored records that carry a time (all but those from before windows existed)."""
        self._ensure_built()
        return len(self._times)

    def _rebuild(self) -> None:
        bands: dict[int, str] = {}
        owner_time: dict[str, float] = {}
        times = TimeIndex()
        # A record is filed where __setitem__ filed it: at its write time when later than its
        # article time (an article from long ago read minutes before a restart must not be
        # deleted at the next article, or its copies would alert again). Filing at the
        # rebuild's time instead kept every record one more window per restart or rebalance,
        # for ever with one of them per window. Records stored before write times were have
        # none: filed no earlier than the rebuild (at worst one window more, once).
        rebuilt_at = self.now if self.now is not None else time.time()
        # streamed, not listed: a list of every decoded record would double the peak memory
        for key, value in self.store.items():
            t = record_time(value)
            if t is not None:
                w = written_time(value)
                times.add(key, max(t, rebuilt_at if w is None else w), seen=t)
            if not key.startswith("s:"):
                continue
            art = key[2:]
            # the earliest copy owns a band, whatever order the store iterates in (RocksDB:
            # key order); a record without time counts as the earliest (it was there first)
            mine = t if t is not None else float("-inf")
            for band in self.band_keys(_signature(value)):
                h = hash(band)
                cur = bands.get(h)
                if cur is None or mine < owner_time[cur]:
                    bands[h] = art
            owner_time[art] = mine
        self._bands, self._times = bands, times
        self._bands_deleted = 0

    def _compact_if_churned(self) -> bool:
        """Copy the band index (and the cached signatures) from their live entries once a
        share of the index was deleted since it was built or compacted; True when it did
        (why: see the class doc). Deletions, not the table's size, decide: a table that grew
        with the live entries (a window still filling) has room on purpose, and copying it
        would only make it resize again."""
        bands = self._bands
        if bands is None or self._bands_deleted < self.COMPACT_SHARE * max(len(bands), 1):
            return False
        # dict(d) sizes the new table from the live entries. The old one is freed at once;
        # glibc returns a table above its mmap threshold (32 MiB at most) to the system then,
        # a smaller one at the worker's malloc_trim after the sweep (worker/malloc_trim.py)
        self._bands = dict(bands)
        self._sigs = dict(self._sigs)
        self._bands_deleted = 0
        self.compactions += 1
        return True

    def expire_before(self, cutoff: float) -> int:
        """Delete every record whose time is before ``cutoff`` (and the bands its signature
        owns). Cheap when nothing new left the window (see :class:`TimeIndex`)."""
        self._ensure_built()
        if not self._times.due(cutoff):
            return 0
        gone = 0
        for key in list(self._times.pop_before(cutoff)):
            value = self.store.get(key)
            t = record_time(value)
            if value is None or t is None or t >= cutoff:
                if t is not None and value is not None:
                    # rewritten with a newer time: keep it, filed as __setitem__ filed it
                    w = written_time(value)
                    self._times.add(key, t if w is None else max(t, w), seen=t)
                continue
            if key.startswith("s:"):
                art = key[2:]
                bands = self.bands
                for band in self.band_keys(_signature(value)):
                    if bands.get(hash(band)) == art:
                        del bands[hash(band)]
                        self._bands_deleted += 1
                self._sigs.pop(key, None)
            del self.store[key]
            gone += 1
        if gone:
            self._compact_if_churned()
        return gone

    def get(self, key: str, default: Any = None) -> Any:
        # Most band look-ups miss: answering them without raising KeyError (as the mixin's
        # get would) is a third of the state's cost per article.
        if key.startswith("b:"):
            bands = self._bands if self._bands is not None else self.bands
            return bands.get(hash(key), default)
        try:
            return self[key]
        except KeyError:
            return default

    def __getitem__(self, key: str) -> Any:
        if key.startswith("b:"):
            return self.bands[hash(key)]
        if key.startswith("s:"):
            cached = self._sigs.get(key)
            if cached is None:
                value = self.store[key]
                cached = np.asarray(_signature(value), dtype=np.uint32), record_time(value)
                self._sigs[key] = cached
            return {"t": cached[1], "sig": cached[0]}
        return self.store[key]

    def __setitem__(self, key: str, value: Any) -> None:
        if key.startswith("b:"):
            self.bands[hash(key)] = value
            return
        t = record_time(value)
        if t is not None:
            self._ensure_built()  # index what the store holds first, then add to it
            # Filed for deletion at the time it is written (the stage's clock, ``now``), not
            # only its article time: an article from long ago (a backfill, the samples) is
            # kept a window like a current one, so its copies still meet it. Verdicts use the
            # article time.
            written = written_time(value)
            if written is None:
                written = self.now if self.now is not None else self._times.watermark
            self._times.add(key, t if written is None else max(t, written), seen=t)
        if key.startswith("s:"):
            self._sigs[key] = np.asarray(_signature(value), dtype=np.uint32), t
        self.store[key] = value

    def __delitem__(self, key: str) -> None:
        if key.startswith("b:"):
            del self.bands[hash(key)]
            self._bands_deleted += 1
            return
        self._sigs.pop(key, None)
        del self.store[key]

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str) and key.startswith("b:"):
            return hash(key) in self.bands
        if isinstance(key, str) and key in self._sigs:
            return True
        return key in self.store

    def __iter__(self) -> Iterator[str]:
        """The stored keys (the band index is an index of them, not items of its own)."""
        yield from self.store

    def __len__(self) -> int:
        return len(self.store)
