"""Poll RSS/Atom feeds: conditional GET, per-feed intervals, and a memory of seen entries.

The memory is one small JSON file (``<state_dir>/feeds.json``), per feed URL::

    {"etag": ..., "last_modified": ..., "seen": {"<entry key>": <first seen, epoch s>}}

It is written atomically after the new entries were *acknowledged* by Kafka, so a crash between
publishing and saving re-publishes a few entries (harmless: article ids come from the URL, the
index overwrites by id and dedupe keeps a re-delivered first copy first) and never loses one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from worker.config import FeedSettings

log = logging.getLogger(__name__)

USER_AGENT = "newswatch-feed-poller/0.1 (+https://github.com/newswatch)"
SEEN_TTL_S = 90 * 86_400  # forget entries neither in the feed nor seen for 90 days …
SEEN_MAX = 20_000  # … and keep at most this many keys per feed (the newest)


@dataclass
class FeedMemory:
    """What the poller remembers per feed URL, persisted as JSON."""

    path: Path | None
    feeds: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None) -> FeedMemory:
        """Read the memory; a missing file is an empty memory, a corrupt one is set aside
        (renamed ``*.corrupt``) rather than silently overwritten."""
        if path is None or not path.exists():
            return cls(path)
        try:
            data = json.loads(path.read_text("utf-8"))
            feeds = data["feeds"]
            if not isinstance(feeds, dict):
                raise TypeError("feeds is not a mapping")
        except (ValueError, KeyError, TypeError):
            path.replace(path.with_suffix(path.suffix + ".corrupt"))
            return cls(path)
        return cls(path, feeds)

    def feed(self, url: str) -> dict[str, Any]:
        return self.feeds.setdefault(url, {"etag": None, "last_modified": None, "seen": {}})

    def save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # write-then-rename: a crash leaves the old file or the new one, never half of one
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".feeds-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump({"version": 1, "feeds": self.feeds}, fh, ensure_ascii=False)
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise


@dataclass
class PollResult:
    """One poll of one feed, for progress output and tests."""

    feed: FeedSettings
    status: str  # "new", "unchanged" (nothing new), "not_modified" (304), "error"
    http_status: int | None = None
    entries: int = 0
    new: int = 0
    detail: str = ""
    seconds: float = 0.0

    @property
    def label(self) -> str:
        return self.feed.name or self.feed.url


def entry_key(entry: dict[str, Any]) -> str:
    """Stable identity of a feed entry: its guid/id, else its link, else a hash of its text."""
    for name in ("id", "link"):
        value = entry.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    text = f"{entry.get('title', '')}\x00{entry.get('summary', '')}"
    return "sha1:" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def _jsonable(value: Any) -> bool:
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return False
    return True


def entry_json(entry: Any, source_title: str | None) -> dict[str, Any]:
    """A feedparser entry as plain JSON, with ``source`` set when the entry has none. Its raw
    items, not ``entry[k]``: FeedParserDict maps some keys to others on lookup (``media:group``
    entries raised KeyError: 'links')."""
    item = {k: v for k, v in dict.items(entry) if _jsonable(v)}
    if "source" not in item and source_title:
        item["source"] = {"title": source_title}
    return item


def entry_item(entry: Any, feed: FeedSettings, feed_title: str | None) -> dict[str, Any]:
    """A feedparser entry → raw intake item ``{"feed_entry": ..., "origin": ...}``; the
    operator's name for the outlet beats the feed's own title."""
    item = entry_json(entry, feed.name or feed_title)
    return {"feed_entry": item, "origin": f"{feed.url}#{entry_key(item)}"}


class FeedPoller:
    """Polls feeds and hands new entries to ``publish`` (which must block until they are
    acknowledged: ``RawOutlet.send``, see worker/sources/outlet.py)."""

    def __init__(
        self,
        feeds: Iterable[FeedSettings],
        memory: FeedMemory,
        publish: Callable[[list[dict[str, Any]]], None],
        *,
        max_bytes: int = 10_000_000,
        timeout: float = 30.0,
        client: httpx.Client | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.feeds = list(feeds)
        self.memory = memory
        self.publish = publish
        self.max_bytes = max_bytes
        self.clock = clock
        self.client = client or httpx.Client(
            timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}
        )

    def _fetch(
        self, feed: FeedSettings, mem: dict[str, Any]
    ) -> tuple[int | None, bytes | None, dict]:
        """(HTTP status or None for a file, body or None when unchanged, validators to keep)."""
        if "://" not in feed.url:
            path = Path(feed.url)
            stamp = f"{path.stat().st_mtime_ns}:{path.stat().st_size}"
            # a file's "validator" is its mtime and size: unchanged file, nothing to parse
            if stamp == mem.get("last_modified"):
                return None, None, {}
            if path.stat().st_size > self.max_bytes:
                raise ValueError(f"the feed is over {self.max_bytes:,} bytes")
            return None, path.read_bytes(), {"etag": None, "last_modified": stamp}
        headers = {}
        if mem.get("etag"):
            headers["If-None-Match"] = mem["etag"]
        if mem.get("last_modified"):
            headers["If-Modified-Since"] = mem["last_modified"]
        with self.client.stream("GET", feed.url, headers=headers) as resp:
            if resp.status_code == 304:
                return 304, None, {}
            resp.raise_for_status()
            body = bytearray()
            for chunk in resp.iter_bytes():
                body += chunk
                if len(body) > self.max_bytes:  # refuse before reading a runaway response
                    raise ValueError(f"the feed is over {self.max_bytes:,} bytes")
            validators = {
                "etag": resp.headers.get("etag"),
                "last_modified": resp.headers.get("last-modified"),
            }
            return resp.status_code, bytes(body), validators

    def poll(self, feed: FeedSettings) -> PollResult:
        """Fetch one feed and publish its unseen entries. Never raises for a bad feed."""
        import feedparser  # slow to import; only the poller needs it

        started = time.perf_counter()
        mem = self.memory.feed(feed.url)
        try:
            status, body, validators = self._fetch(feed, mem)
        except (httpx.HTTPError, OSError, ValueError) as exc:
            return PollResult(feed, "error", detail=_describe(exc), seconds=_since(started))
        if body is None:
            return PollResult(feed, "not_modified", status, seconds=_since(started))
        parsed = feedparser.parse(body)
        if parsed.bozo and not parsed.entries:
            detail = f"not a readable RSS/Atom feed: {parsed.bozo_exception}"
            return PollResult(feed, "error", status, detail=detail, seconds=_since(started))

        seen: dict[str, float] = mem["seen"]
        now = self.clock()
        items, keys, current = [], [], set()
        for entry in parsed.entries:
            try:
                key = entry_key(entry)
                item = entry_item(entry, feed, parsed.feed.get("title"))
            except Exception:  # one unreadable entry must not stop the feed's others
                log.warning("skipped an unreadable entry of %s", feed.url, exc_info=True)
                continue
            current.add(key)
            if key in seen or key in keys:
                continue
            items.append(item)
            keys.append(key)
        if items:
            try:
                self.publish(items)
            except Exception as exc:  # Kafka down: remember nothing, so the next poll retries
                return PollResult(
                    feed,
                    "error",
                    status,
                    len(parsed.entries),
                    detail=f"publish failed: {_describe(exc)}",
                    seconds=_since(started),
                )
        for key in keys:
            seen[key] = now
        for key in current:  # still in the feed: keep remembering it
            seen[key] = max(seen.get(key, now), now - SEEN_TTL_S / 2)
        mem["seen"] = _prune(seen, now)
        mem.update(validators)
        self.memory.save()
        return PollResult(
            feed,
            "new" if items else "unchanged",
            status,
            len(parsed.entries),
            len(items),
            seconds=_since(started),
        )

    def run(
        self,
        *,
        once: bool = False,
        report: Callable[[PollResult], None] = lambda r: None,
        stop: threading.Event | None = None,
    ) -> list[PollResult]:
        """Poll every feed when due (each on its own interval) until ``stop`` is set, or one
        pass with ``once``; failing feeds are retried sooner (back-off up to their interval)."""
        stop = stop or threading.Event()
        due = {f.url: 0.0 for f in self.feeds}
        failures = {f.url: 0 for f in self.feeds}
        results: list[PollResult] = []
        while not stop.is_set():
            for feed in self.feeds:
                if self.clock() < due[feed.url] or stop.is_set():
                    continue
                result = self.poll(feed)
                report(result)
                if once:
                    results.append(result)
                if result.status == "error":
                    failures[feed.url] += 1
                    wait = min(feed.interval, 15.0 * 2 ** (failures[feed.url] - 1))
                else:
                    failures[feed.url], wait = 0, feed.interval
                due[feed.url] = self.clock() + wait
            if once:
                break
            stop.wait(max(0.05, min(due.values()) - self.clock()))
        return results

    def close(self) -> None:
        self.client.close()


def _prune(seen: dict[str, float], now: float) -> dict[str, float]:
    fresh = {k: v for k, v in seen.items() if now - v < SEEN_TTL_S}
    if len(fresh) > SEEN_MAX:
        fresh = dict(sorted(fresh.items(), key=lambda kv: kv[1])[-SEEN_MAX:])
    return fresh


def _since(started: float) -> float:
    return time.perf_counter() - started


def _describe(exc: Exception) -> str:
    if isinstance(exc, httpx.HTTPStatusError):
        return f"HTTP {exc.response.status_code} {exc.response.reason_phrase}"
    return f"{exc.__class__.__name__}: {exc}"[:300]
