"""Read articles from files and folders into raw intake items.

Each item is a plain dict the cleaner understands: ``{"text": ...}`` for plain text,
``{"html": ...}`` for HTML, the object itself for JSON/JSON Lines, always with ``origin`` naming
where it came from (``path`` or ``path:line``) so every later error can point back at it.
Undecodable or empty files raise :class:`~worker.errors.Reject` naming the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from worker.errors import Reject

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES

DEFAULT_MAX_BYTES = 5_000_000


def too_large(size: str, max_bytes: int, origin: str) -> Reject:
    """The intake rejection for an input over the size limit, naming the limit's setting;
    ``size`` says how big it was ("" when unknown, e.g. a stream read only up to the limit)."""
    limit = f"over the {max_bytes:,}-byte limit (NEWSWATCH_MAX_ARTICLE_BYTES)"
    return Reject("intake", "too_large", f"{size}, {limit}" if size else limit, source=origin)


def decode(data: bytes, origin: str) -> str:
    """Bytes → text, refusing what is clearly not an article (empty, binary, not UTF-8)."""
    if not data.strip():
        raise Reject("intake", "empty", "the file is empty", source=origin)
    # NUL bytes never occur in text articles; they mark images, archives, office files.
    if b"\x00" in data[:8192]:
        raise Reject(
            "intake", "binary", "the file looks binary (contains NUL bytes)", source=origin
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Reject(
            "intake",
            "not_utf8",
            f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "re-encode it, e.g. `iconv -f latin1 -t utf-8`",
            source=origin,
        ) from None
    if not text.strip():
        raise Reject("intake", "empty", "the file has no text", source=origin)
    return text


def items_from_text(text: str, origin: str, suffix: str) -> Iterator[dict[str, Any]]:
    """Turn one decoded document into intake items according to its kind; the first bad
    item (a JSON line, an array element, a feed entry) raises its Reject."""
    for item in entries_from_text(text, origin, suffix):
        if isinstance(item, Reject):
            raise item
        yield item


def entries_from_text(text: str, origin: str, suffix: str) -> Iterator[dict[str, Any] | Reject]:
    """Like :func:`items_from_text`, but a bad item is yielded as its own Reject and the
    items after it still come: one broken line must not cost the rest of the file."""
    if suffix in HTML_SUFFIXES or (
        suffix not in JSON_SUFFIXES | JSONL_SUFFIXES and _looks_html(text)
    ):
        yield {"html": text, "origin": origin}
    elif suffix in JSONL_SUFFIXES:
        for n, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                yield _or_reject(_json_item, line, f"{origin}:{n}")
    elif suffix in JSON_SUFFIXES:
        doc = _json_load(text, origin)
        docs = doc if isinstance(doc, list) else [doc]
        for n, d in enumerate(docs):
            yield _or_reject(_as_item, d, f"{origin}[{n}]" if isinstance(doc, list) else origin)
    elif suffix in FEED_SUFFIXES:
        yield from _feed_items(text, origin)
    else:
        yield {"text": text, "origin": origin}


def _or_reject(read: Any, value: Any, origin: str) -> dict[str, Any] | Reject:
    try:
        return read(value, origin)
    except Reject as rej:
        return rej


def iter_raw(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[dict[str, Any]]:
    """Yield intake items from a file or (recursively, sorted) a folder."""
    for item in iter_entries(path, max_bytes=max_bytes):
        if isinstance(item, Reject):
            raise item
        yield item


def iter_entries(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[dict[str, Any] | Reject]:
    """Like :func:`iter_raw`, with each bad item yielded as its Reject (a bad *file* still
    raises: the caller reports it and goes on with the next)."""
    if not path.exists():
        raise Reject("intake", "not_found", "no such file or folder", source=str(path))
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)
        if not files:
            raise Reject(
                "intake",
                "empty",
                f"the folder has no article files ({', '.join(sorted(SUPPORTED))})",
                source=str(path),
            )
        for f in files:
            yield from iter_entries(f, max_bytes=max_bytes)
        return
    size = path.stat().st_size
    if size > max_bytes:
        raise too_large(f"the file is {size:,} bytes", max_bytes, str(path))
    text = decode(path.read_bytes(), str(path))
    yield from entries_from_text(text, str(path), path.suffix.lower())


_FEED_ROOT = re.compile(r"(?:<\?[^>]*\?>\s*|<!--.*?-->\s*)*<(?:rss|feed|rdf:rdf)\b", re.S)


def looks_feed(text: str) -> bool:
    """An RSS/Atom/RDF document, by its root element."""
    return _FEED_ROOT.match(text.lstrip()[:4096].lower()) is not None


def sniff_suffix(text: str) -> str:
    """The kind of a document on stdin, which has no file name: a JSON array or object, JSON
    Lines (several objects, one per line), an RSS/Atom feed, else text (HTML is recognised
    later by its doctype)."""
    body = text.strip()
    if body.startswith("["):
        return ".json"
    if body.startswith("{"):
        return ".jsonl" if "\n{" in body else ".json"
    return ".xml" if looks_feed(body) else ".txt"


def _looks_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith("<!doctype html") or head.startswith("<html")


def _json_load(text: str, origin: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise Reject(
            "intake",
            "bad_json",
            f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}",
            source=origin,
        ) from None


def _json_item(line: str, origin: str) -> dict[str, Any]:
    return _as_item(_json_load(line, origin), origin)


def _as_item(doc: Any, origin: str) -> dict[str, Any]:
    if not isinstance(doc, dict):
        raise Reject(
            "intake", "schema", f"expected a JSON object, got {type(doc).__name__}", source=origin
        )
    return {**doc, "origin": origin}


def _feed_items(text: str, origin: str) -> Iterator[dict[str, Any] | Reject]:
    import feedparser  # imported lazily: only feeds need it, and it is slow to import

    from worker.sources.feeds import entry_json

    parsed = feedparser.parse(text)
    if parsed.bozo and not parsed.entries:
        raise Reject(
            "intake",
            "bad_feed",
            f"not a readable RSS/Atom feed: {parsed.bozo_exception}",
            source=origin,
        )
    feed_title = parsed.feed.get("title")
    for n, entry in enumerate(parsed.entries):
        try:
            item = entry_json(entry, feed_title)
        except Exception as exc:  # a feedparser quirk in one entry: that entry's reject
            detail = f"unreadable feed entry: {exc.__class__.__name__}: {exc}"[:300]
            yield Reject("intake", "bad_feed", detail, source=f"{origin}#{n}")
            continue
        yield {"feed_entry": item, "origin": f"{origin}#{n}"}
