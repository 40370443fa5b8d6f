"""Dedupe remembers a rolling window of article time, and forgets what left it (issue 14, 3).

The restart test runs the state over a real RocksDB store (rocksdict, the driver of the
worker's ``rocksdb://`` tables), closed and reopened as a restarted worker would."""

from __future__ import annotations

import gc
import random
import sys
import weakref
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import rocksdict

from worker.model import Article
from worker.transforms.clean import clean
from worker.transforms.dedupe import (
    DedupeConfig,
    Deduper,
    DerivedBandState,
    Fingerprint,
    article_time,
)
from worker.transforms.expiry import BUCKET_S, TimeIndex
from worker.transforms.link import first_seen_month

DAY = timedelta(days=1)
MINUTE = timedelta(minutes=1)
T0 = datetime(2026, 11, 1, tzinfo=UTC)
NOW = datetime(2026, 12, 31, tzinfo=UTC)

BODY = (
    "The defence ministry said on Friday that the first batteries of the air defence system "
    "had arrived at the air base near the capital, and that more deliveries would follow in "
    "the coming weeks. Officials said the contract was worth about two billion dollars and "
    "that training of the crews had started abroad in the spring."
)


def story(i: int) -> str:
    """A body unlike every other ``story(j)`` (distinct words, not just numbers)."""
    rnd = random.Random(i)
    words = BODY.split()
    rnd.shuffle(words)
    return " ".join(f"{w}{rnd.randrange(1000)}" for w in words)


def art(body: str, url: str, at: datetime) -> Article:
    return clean({"title": "t", "body": body, "url": url, "published_at": at.isoformat()}, now=NOW)


def windowed(store: object, days: float = 7) -> Deduper:
    dd = Deduper(DedupeConfig(window_s=days * 86400))
    dd.state = DerivedBandState(store, dd.band_keys)  # type: ignore[arg-type]
    return dd


def test_article_time_is_published_else_fetched_never_after_now() -> None:
    a = art(BODY, "https://a.example/1", T0)
    assert article_time(a, NOW) == T0.timestamp()
    future = replace(a, published_at=NOW + 30 * DAY)  # clean allows a day of clock skew
    assert article_time(future, NOW) == NOW.timestamp()
    undated = clean({"title": "t", "body": BODY, "url": "https://a.example/3"}, now=NOW)
    assert article_time(undated, None) == NOW.timestamp()  # fetched_at, set by clean


@pytest.mark.parametrize("state", ["dict", "derived"])
def test_a_copy_older_than_the_window_is_a_first_copy_again(state: str) -> None:
    dd = Deduper(DedupeConfig(window_s=7 * 86400)) if state == "dict" else windowed({})
    first = art(BODY, "https://a.example/1", T0)
    assert not dd.add(first, now=NOW).is_duplicate
    near = BODY + " Subscribe to our newsletter."
    assert dd.add(art(BODY, "https://b.example/1", T0 + 6 * DAY), now=NOW).method == "exact"
    assert dd.add(art(near, "https://c.example/1", T0 + 6 * DAY), now=NOW).method == "near"
    # eight days later, both an exact and a near copy start a new story
    late = art(BODY, "https://d.example/1", T0 + 8 * DAY)
    assert dd.add(late, now=NOW).duplicate_of is None
    # ... which later copies are linked to
    again = art(near, "https://e.example/1", T0 + 9 * DAY)
    assert dd.add(again, now=NOW).duplicate_of == late.id


def test_forgetting_frees_the_bands_and_deletes_the_records() -> None:
    store: dict = {}
    dd = windowed(store)
    old = art(BODY, "https://a.example/1", T0)
    dd.add(old, now=T0 + MINUTE)  # a live stream: read a minute after it was published
    assert f"s:{old.id}" in store and old.id in dd.state.bands.values()
    # a later unrelated story moves the window past the old one
    dd.add(art(story(1), "https://b.example/1", T0 + 8 * DAY), now=T0 + 8 * DAY + MINUTE)
    assert f"s:{old.id}" not in store
    assert not any(k.endswith(old.id) or old.id in str(v) for k, v in store.items())
    assert old.id not in dd.state.bands.values()


def test_a_future_dated_article_does_not_move_the_window_past_everything() -> None:
    store: dict = {}
    dd = windowed(store)
    first = art(BODY, "https://a.example/1", NOW - DAY)
    dd.add(first, now=NOW)
    future = replace(art(story(2), "https://b.example/1", NOW), published_at=NOW + 365 * DAY)
    dd.add(future, now=NOW)  # filed at NOW
    copy = art(BODY, "https://c.example/1", NOW)
    assert dd.add(copy, now=NOW).duplicate_of == first.id


def test_records_without_time_are_kept_and_still_match() -> None:
    """State written before windows existed: bare ids and signatures."""
    plain = Deduper(DedupeConfig(window_s=None))
    first = art(BODY, "https://a.example/1", T0)
    fp = plain.fingerprint(first)
    store = {f"h:{fp.content_hash}": first.id, f"s:{first.id}": list(fp.signature)}
    dd = windowed(store)
    copy = art(BODY + " More.", "https://b.example/1", T0 + 30 * DAY)
    assert dd.add(copy, now=NOW).duplicate_of == first.id
    assert f"s:{first.id}" in store  # no time: never forgotten


def test_first_seen_months_leave_with_the_window() -> None:
    store: dict = {}
    dd = windowed(store)
    first_seen_month(dd.state, "a1", T0)
    dd.add(art(BODY, "https://a.example/1", T0 + 9 * DAY), now=NOW)
    assert "f:a1" not in store


def test_time_index_pops_whole_buckets_once() -> None:
    idx = TimeIndex()
    idx.add("a", 10.0)
    idx.add("b", BUCKET_S + 10.0)
    assert idx.watermark == BUCKET_S + 10.0
    assert list(idx.pop_before(BUCKET_S - 1)) == []  # bucket 0 not over yet
    assert list(idx.pop_before(BUCKET_S)) == ["a"]
    assert list(idx.pop_before(BUCKET_S)) == []
    assert len(idx) == 1
    idx.add("late", 5.0)  # an article from long ago, after its bucket was taken out
    assert idx.due(BUCKET_S) and list(idx.pop_before(BUCKET_S)) == ["late"]
    assert not idx.due(BUCKET_S)


def synthetic(dd: Deduper, i: int, rnd: random.Random) -> Fingerprint:
    """A random signature: one story per index (what the soak benchmark feeds too)."""
    sig = tuple(rnd.getrandbits(32) for _ in range(dd.config.num_perm))
    return Fingerprint(f"{i:032x}", dd.band_keys(sig), sig)


def test_expiry_survives_a_restart_on_rocksdb_and_the_state_stops_growing(tmp_path: Path) -> None:
    path = str(tmp_path / "dedupe-state")
    db = rocksdict.Rdict(path)
    dd = windowed(db, days=2)
    rnd = random.Random(7)
    first = art(BODY, "https://a.example/1", T0)
    dd.add(first, now=T0 + MINUTE)
    sizes = []
    # 6 days of one unrelated story an hour, sizes taken at the end of each day
    for h in range(1, 6 * 24 + 1):
        at = T0 + timedelta(hours=h)
        a = Article(id=f"x{h}", url=f"https://x.example/{h}", title="t", body="", published_at=at)
        dd.add(a, synthetic(dd, h, rnd), now=at + MINUTE)
        if h % 24 == 0:
            sizes.append(sum(1 for _ in db.keys()))  # noqa: SIM118 (Rdict has no __iter__)
    # full after 2 days; from then on as many records leave as come in (± one bucket)
    assert sizes[1] <= sizes[2] + 2 and max(sizes[2:]) - min(sizes[2:]) <= 2, sizes
    assert sizes[-1] < 2 * 24 * 3 + 10
    db.close()

    # a restarted worker: same files, new in-memory indexes
    db = rocksdict.Rdict(path)
    dd = windowed(db, days=2)
    assert dd.state.watermark == (T0 + 6 * DAY).timestamp()
    copy = art(BODY + " More.", "https://b.example/1", T0 + 6 * DAY)
    assert dd.add(copy, now=NOW).duplicate_of is None  # the first copy left the window
    # the last hour's story is still known after the restart: its copy is linked
    last = db.get("s:x144")
    assert last is not None
    sig = tuple(last["sig"])
    again = Article(id="z", url="https://z.example/", title="t", body="", published_at=T0 + 6 * DAY)
    verdict = dd.add(again, Fingerprint("f" * 32, dd.band_keys(sig), sig), now=NOW)
    assert verdict.duplicate_of == "x144" and verdict.method == "near"
    db.close()


def test_an_old_article_arriving_late_is_kept_a_window_for_its_copies() -> None:
    """A backfill (or the bundled samples, dated 2017-2018) after current articles: its
    copies still meet it, and it is deleted a window later, like a current article."""
    store: dict = {}
    dd = windowed(store)
    dd.add(art(story(3), "https://now.example/1", NOW), now=NOW)
    old = art(BODY, "https://a.example/1", datetime(2018, 10, 5, tzinfo=UTC))
    assert not dd.add(old, now=NOW).is_duplicate
    dd.add(art(story(4), "https://now.example/2", NOW), now=NOW)
    copy = art(BODY + " Subscribe now.", "https://b.example/1", datetime(2018, 10, 5, tzinfo=UTC))
    assert dd.add(copy, now=NOW).duplicate_of == old.id
    later = NOW + 8 * DAY  # eight days on (clean refuses future dates: set it after)
    dd.add(replace(art(story(5), "https://now.example/3", NOW), published_at=later), now=later)
    assert f"s:{old.id}" not in store


def test_an_old_article_is_still_known_after_a_restart() -> None:
    """The same backfill, then a restart (the band and time indexes rebuilt from the store):
    the old story is kept a window from the rebuild, not deleted at the next article, so its
    copy is still a copy (before: a first copy again, with a second alert)."""
    store: dict = {}
    dd = windowed(store)
    old = art(BODY, "https://a.example/1", datetime(2018, 10, 5, tzinfo=UTC))
    assert not dd.add(old, now=NOW).is_duplicate
    restarted = windowed(store)  # a new worker over the same table
    restarted.add(art(story(6), "https://now.example/4", NOW), now=NOW)
    copy = art(BODY + " Subscribe now.", "https://b.example/1", datetime(2018, 10, 5, tzinfo=UTC))
    assert restarted.add(copy, now=NOW).duplicate_of == old.id


def test_restarts_more_often_than_a_window_still_forget() -> None:
    """A worker restarted (or rebalanced) every 3 days with a 7-day window: each rebuild used
    to file every stored record at the rebuild's time, so no record ever left the window and
    the state (and the worker's memory) grew with every article since the first start. The
    write time is stored with the record: a rebuild files it where it was before."""
    store: dict = {}
    rnd = random.Random(3)
    dd = windowed(store)
    first = art(BODY, "https://a.example/1", T0)
    dd.add(first, now=T0 + MINUTE)
    first_seen_month(dd.state, first.id, T0 + MINUTE)
    for day in range(1, 22):
        if day % 3 == 0:
            dd = windowed(store)  # a new worker over the same table
        at = T0 + day * DAY
        a = Article(
            id=f"x{day}", url=f"https://x.example/{day}", title="t", body="", published_at=at
        )
        dd.add(a, synthetic(dd, day, rnd), now=at + MINUTE)
        first_seen_month(dd.state, a.id, at + MINUTE)
    assert not any(first.id in k for k in store), "a story from 3 windows ago is still stored"
    # one window of daily stories (h:, s:, f: each), whatever the number of restarts
    assert len(store) <= 3 * 8, sorted(store)
    assert dd.state.timed_records == len(store)


def test_a_backfilled_story_is_kept_a_window_from_its_write_across_restarts() -> None:
    """The old story written at NOW is kept a window after NOW, through daily restarts, and
    not longer (before: for ever): its write time, not the rebuild's, decides."""
    store: dict = {}
    dd = windowed(store)
    old = art(BODY, "https://a.example/1", datetime(2018, 10, 5, tzinfo=UTC))
    dd.add(old, now=NOW)
    rnd = random.Random(4)
    for day in range(1, 10):
        dd = windowed(store)  # restarted daily
        at = NOW + day * DAY
        a = Article(
            id=f"y{day}", url=f"https://y.example/{day}", title="t", body="", published_at=at
        )
        dd.add(a, synthetic(dd, day, rnd), now=at)
        # deleted in the hour bucket after the window's end (expiry.BUCKET_S)
        assert (f"s:{old.id}" in store) == (day <= 7), day


def test_a_replaced_state_is_freed_at_once_not_by_the_cycle_collector() -> None:
    """The state held its Deduper (through the band-key function, a bound method) and the
    Deduper its state: a cycle, so a replaced state and its in-memory indexes (tens of MB per
    window at 2,000 stories an hour) waited for a full garbage collection, which a process
    with many long-lived objects runs rarely. The soak benchmark's running memory grew by one
    uncollected index per checkpoint."""
    gc.collect()
    gc.disable()
    try:
        dd = windowed({})
        dd.add(art(BODY, "https://a.example/1", T0), now=T0)
        state = weakref.ref(dd.state)
        del dd
        assert state() is None, "the dropped state is still alive (a reference cycle)"
    finally:
        gc.enable()


def test_the_band_index_stays_at_its_built_size_through_windows_of_churn() -> None:
    """A dict never reuses the entries its deletions free: once a window's churn had used up
    the room left after building, CPython resized the band index from its live keys × 3, twice
    the table a rebuild makes (2^22 → 2^23 slots, +84 MB, in the 1M-article soak), and the
    running worker kept that for good. Compacting it after the sweeps keeps it at the size a
    restart builds, with the same index."""
    dd = windowed({}, days=1)
    state = dd.state
    assert isinstance(state, DerivedBandState)
    rnd = random.Random(14)
    per_hour, windows = 60, 2
    sizes = []
    for i in range(per_hour * 24 * windows):
        at = T0 + timedelta(seconds=i * 3600 // per_hour)
        a = Article(id=f"x{i}", url=f"https://x.example/{i}", title="t", body="", published_at=at)
        dd.add(a, synthetic(dd, i, rnd), now=at)
        if (i + 1) % (per_hour * 24) == 0:
            sizes.append((len(state.bands), sys.getsizeof(state.bands)))
    # a restart: the index built from the stored records at once
    built = DerivedBandState(state.store, dd.band_keys)
    assert built.bands == state.bands  # compacting lost and moved nothing
    assert len(built.bands) > 30_000  # a window's worth of bands: tables resize at this scale
    fresh = sys.getsizeof(built.bands)
    # each window's end, the first one (no churn yet) included, within 10% of a fresh build
    assert all(size <= 1.1 * fresh for _, size in sizes), (fresh, sizes)
    # and at a bounded cost: about eight copies per window of churn, none while filling
    assert 1 <= state.compactions <= 9 * (windows - 1) + 1, state.compactions
