"""Feed entries (feedparser's shape, possibly after a JSON round trip) → article input fields."""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _parsed_time(value: Any) -> str | None:
    """feedparser's ``*_parsed`` (a UTC struct_time, or a 9-list after JSON) → ISO string."""
    try:
        seq = tuple(value)[:6]
        if len(seq) < 6 or not all(isinstance(x, int) for x in seq):
            return None
        stamp = calendar.timegm((*seq, 0, 0, 0))
        return datetime.fromtimestamp(stamp, UTC).isoformat()
    except (TypeError, ValueError, OverflowError, OSError):
        return None


# Content types feedparser reports for markup (``*_detail.type``, ``content[].type``).
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})


def _is_html(detail: Any) -> bool:
    return isinstance(detail, Mapping) and str(detail.get("type", "")).lower() in HTML_TYPES


def _content(entry: Mapping[str, Any]) -> tuple[str | None, bool]:
    """The fullest body the entry has (``content`` (Atom) beats ``summary``/``description``)
    and whether feedparser says it is markup."""
    best: str | None = None
    html = False
    content = entry.get("content")
    if isinstance(content, list):
        for part in content:
            value = _str(part.get("value")) if isinstance(part, Mapping) else _str(part)
            if value and (best is None or len(value) > len(best)):
                best, html = value, _is_html(part)
    elif _str(content):
        best = content
    for key in ("summary", "description"):
        value = _str(entry.get(key))
        if value and (best is None or len(value) > len(best)):
            best, html = value, _is_html(entry.get(f"{key}_detail", entry.get("summary_detail")))
    return best, html


def _title(entry: Mapping[str, Any]) -> str | None:
    """The title as text: an HTML-typed one (``<b>Atom</b> &amp; more``) is converted, like
    bodies are, so no markup reaches the index or the alert renderers."""
    title = _str(entry.get("title"))
    if title is None or not _is_html(entry.get("title_detail")):
        return title
    from worker.transforms.cleaning.html import fragment_to_text

    return _str(" ".join(fragment_to_text(title).split()))


def feed_entry_to_input(entry: Mapping[str, Any]) -> dict[str, Any]:
    """Map a feed entry to the article input shape (``schemas/article-input.schema.json``).

    An HTML-typed body goes out as ``html`` (the cleaner converts it whatever it looks like),
    any other as ``body`` (the cleaner still recognises markup in it). Values of the wrong type
    are left out here and so never reach validation as garbage.
    """
    out: dict[str, Any] = {}
    if title := _title(entry):
        out["title"] = title
    body, html = _content(entry)
    if body:
        out["html" if html else "body"] = body
    url = _str(entry.get("link"))
    if url is None and isinstance(entry.get("links"), list):
        for link in entry["links"]:
            if isinstance(link, Mapping) and _str(link.get("href")):
                url = link["href"]
                break
    if url is None and entry.get("guidislink") and _str(entry.get("id")):
        url = entry["id"]
    if url:
        out["url"] = url
    if guid := _str(entry.get("id")):
        out["id"] = guid
    source = entry.get("source")
    if isinstance(source, Mapping):
        source = source.get("title")
    if source := _str(source):
        out["source"] = source
    for key in ("published", "updated", "created"):
        if value := _str(entry.get(key)):
            out["published_at"] = value
            break
    else:
        for key in ("published_parsed", "updated_parsed", "created_parsed"):
            if (value := _parsed_time(entry.get(key))) is not None:
                out["published_at"] = value
                break
    for key in ("title_detail", "summary_detail"):
        detail = entry.get(key)
        if isinstance(detail, Mapping) and _str(detail.get("language")):
            out["language"] = detail["language"]
            break
    return out
