"""clean: one raw intake item → one cleaned :class:`~worker.model.Article`, or a ``Reject``.

Pure: no network, no clock (``now`` comes in), no Kafka. Accepted shapes (all carry ``origin``):

- plain-text dump ``{"text": ...}`` — may open with ``Source:``/``Title:``/``Date:`` header lines
  (the source and date may be glued: ``Source: News Bharati English12 Mar 2017 11:32:32``), then
  a headline or straight body;
- HTML ``{"html": ..., "url"?: ...}`` — a full page (trafilatura) or a fragment;
- a JSON article (``schemas/article-input.schema.json``): ``title``, ``body``/``text``/
  ``content``/``html``, ``url``, ``source``, ``published_at``, ``language``, ``id``;
- a feed entry as feedparser makes it, wrapped: ``{"feed_entry": {...}}``.

Time zones: a timestamp without a zone is read as **UTC** (``DEFAULT_TZ``). We do not guess an
outlet's zone: a wrong guess is silently wrong, UTC is predictably so and documented.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema
import jsonschema.exceptions

from worker.errors import Reject
from worker.model import Article
from worker.transforms.cleaning.dates import parse_date
from worker.transforms.cleaning.feeds import feed_entry_to_input
from worker.transforms.cleaning.headers import (
    DumpHeader,
    extract_dateline,
    looks_like_headline,
    parse_dump_header,
)
from worker.transforms.cleaning.html import (
    PageText,
    extract_page,
    fragment_to_text,
    is_full_page,
    looks_like_html,
)
from worker.transforms.cleaning.ids import article_id, canonical_url
from worker.transforms.cleaning.language import detect_language, normalise_language
from worker.transforms.cleaning.text import (
    content_hash,
    normalise_whitespace,
    paragraphs,
    repair_unicode,
    strip_artifacts,
    strip_controls,
    truncate,
    words,
)
from worker.transforms.sentences import split_sentences

STAGE = "clean"
DEFAULT_TZ = UTC
TITLE_MAX = 300  # a given title longer than this is a body pasted into the wrong field
DERIVED_TITLE_MAX = 120
EARLIEST_DATE = datetime(1990, 1, 1, tzinfo=UTC)
LATEST_AHEAD = timedelta(days=1)
_TEXT_FIELDS = ("body", "text", "content")
_SCHEMA_PATH = Path(__file__).resolve().parents[2] / "schemas" / "article-input.schema.json"


@lru_cache(maxsize=1)
def _input_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(_SCHEMA_PATH.read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _reject(reason: str, detail: str, origin: str | None) -> Reject:
    return Reject(STAGE, reason, detail, source=origin)


def validate_input(item: Mapping[str, Any], origin: str | None = None) -> None:
    """Check a producer's article against ``article-input.schema.json``; ``Reject(schema)``
    naming the failing path otherwise."""
    error = jsonschema.exceptions.best_match(_input_validator().iter_errors(item))
    if error is not None:
        where = error.json_path
        message = error.message if len(error.message) <= 200 else error.message[:200] + "…"
        raise _reject("schema", f"{where}: {message}", origin)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _lone_surrogate(value: Any, path: str = "$", depth: int = 0) -> str | None:
    """The JSON path of the first string holding a lone surrogate, if any."""
    if isinstance(value, str):
        return path if _SURROGATE.search(value) else None
    if depth > 50:  # the schema refuses such nesting anyway
        return None
    if isinstance(value, Mapping):
        pairs: Any = value.items()
    elif isinstance(value, list):
        pairs = enumerate(value)
    else:
        return None
    for key, item in pairs:
        if isinstance(key, str) and _SURROGATE.search(key):
            return path
        sub = f"{path}.{key}" if isinstance(key, str) else f"{path}[{key}]"
        found = _lone_surrogate(item, sub, depth + 1)
        if found is not None:
            return found
    return None


def _size(item: Mapping[str, Any]) -> int:
    total = 0
    for value in item.values():
        if isinstance(value, str):
            total += len(value.encode("utf-8", "surrogatepass"))
    return total


def _field(value: Any) -> str | None:
    """A short metadata string (title, source): repaired, on one line, or ``None``."""
    if not isinstance(value, str):
        return None
    value = " ".join(repair_unicode(value).split())
    return value or None


def _sane_date(when: datetime | None, now: datetime | None) -> datetime | None:
    """``when`` if it lies in 1990-01-01 .. ``now`` + 1 day, else ``None``: news from before
    the web or from the future is a wrong date, and each month named would be another index
    (docs/indexing.md). Without ``now`` only the lower bound applies (no hidden clock)."""
    if when is None or when < EARLIEST_DATE:
        return None
    if now is not None and when > now.astimezone(UTC) + LATEST_AHEAD:
        return None
    return when


def _given_date(
    raw_date: Any, now: datetime | None, strict: bool, origin: str | None
) -> datetime | None:
    """A producer's ``published_at``: parsed and in range, or ``Reject(bad_date)`` when the
    producer promised it (``strict``); a scraped feed date that fails is dropped."""
    if not isinstance(raw_date, str) or not raw_date.strip():
        return None
    parsed = parse_date(raw_date, default_tz=DEFAULT_TZ, now=now)
    sane = _sane_date(parsed, now)
    if sane is None and strict:
        shown = raw_date if len(raw_date) <= 60 else raw_date[:60] + "…"
        if parsed is None:
            raise _reject("bad_date", f"published_at {shown!r} is not a date", origin)
        raise _reject(
            "bad_date",
            f"published_at {shown!r} is outside {EARLIEST_DATE:%Y-%m-%d} .. now + 1 day",
            origin,
        )
    return sane


def _derive_title(paras: list[str], dateline_end: int) -> str:
    """First sentence of the story (after any dateline), cut at a word boundary. The sentence
    is the tagger's (``split_sentences``), so an abbreviation ("the U.S. Army", "Gen. Smith")
    does not end a derived headline halfway."""
    first = paras[0][dateline_end:].strip() or paras[0]
    spans = split_sentences(first)
    sentence = first[spans[0][0] : spans[0][1]] if spans else first
    return truncate(sentence.rstrip(), DERIVED_TITLE_MAX)


def _unwrap(raw: Mapping[str, Any], origin: str | None) -> tuple[Mapping[str, Any], bool]:
    """The article fields of an intake item (a feed entry is mapped to them) and whether its
    ``published_at`` is a producer's promise (strict) or a scraped feed date (lenient)."""
    if "feed_entry" not in raw:
        return raw, True
    entry = raw["feed_entry"]
    if not isinstance(entry, Mapping):
        raise _reject("schema", "$.feed_entry: expected an object", origin)
    item: Mapping[str, Any] = feed_entry_to_input(entry)
    if "source" not in item and isinstance(raw.get("source"), str):
        item = {**item, "source": raw["source"]}
    if not item:
        raise _reject("empty", "feed entry has no title, link or content", origin)
    # feed dates are scraped, not promised: an unreadable one is dropped, not fatal
    return item, False


def _text_of(
    item: Mapping[str, Any], url: str | None, origin: str | None
) -> tuple[str, PageText | None, bool]:
    """(plain text, the extracted page if the input was a whole HTML page, whether a short
    first paragraph may be taken for the headline)."""
    given_text = next((item[k] for k in _TEXT_FIELDS if str(item.get(k) or "").strip()), None)
    markup = item.get("html") if str(item.get("html") or "").strip() else None
    given_title = _field(item.get("title"))
    if given_text is None and markup is None and given_title is None:
        raise _reject("empty", "no text in title, body, text, content or html", origin)
    is_markup = given_text is not None and looks_like_html(given_text)
    if not ((given_text is None and markup is not None) or is_markup):
        return given_text or "", None, given_title is None
    markup = markup if given_text is None else given_text
    if is_full_page(markup):
        page = extract_page(markup, url=url)
        return (page.text if page is not None else ""), page, False
    # HTML marks its title; a short first paragraph is body
    return fragment_to_text(markup), None, False


def _title_and_paragraphs(
    given_title: str | None,
    header: DumpHeader,
    page: PageText | None,
    paras: list[str],
    headline_allowed: bool,
) -> str | None:
    """The title from the producer, the dump header, the page or a headline-like first
    paragraph (popped from ``paras``, as is a first paragraph repeating the title)."""
    title = given_title or _field(header.title)
    if title is None and page is not None:
        title = _field(page.title)
    if title is None and headline_allowed and paras and looks_like_headline(paras[0], paras[1:]):
        title = paras.pop(0)
    if title is not None and paras and " ".join(paras[0].split()) == title:
        paras.pop(0)  # the page repeated its headline as the first paragraph
    return title


def _language(item: Mapping[str, Any], header: DumpHeader, page: Any, text: str) -> str | None:
    language = normalise_language(item.get("language") or header.language)
    if language is None and page is not None:
        language = normalise_language(page.language)
    return language if language is not None else detect_language(text)


def clean(
    raw: Mapping[str, Any], *, now: datetime | None = None, max_bytes: int = 2_000_000
) -> Article:
    """Clean one intake item into an :class:`Article` (``fetched_at`` = ``now``).

    Raises ``Reject(stage="clean")`` with reason ``schema`` (wrong shape or types), ``too_large``,
    ``empty`` (no text given), ``no_text`` (nothing left after cleaning) or ``bad_date`` (a
    producer's ``published_at`` that does not parse).
    """
    if not isinstance(raw, Mapping):
        raise _reject("schema", f"expected a JSON object, got {type(raw).__name__}", None)
    origin = raw.get("origin") if isinstance(raw.get("origin"), str) else None
    where = _lone_surrogate(raw)
    if where is not None:  # from a JSON "\\ud800" escape: no encoder will take it downstream
        raise _reject("bad_unicode", f"{where}: a lone surrogate is not text", origin)
    item, strict_date = _unwrap(raw, origin)
    size = _size(item)
    if size > max_bytes:
        raise _reject("too_large", f"{size} bytes of text exceeds the limit of {max_bytes}", origin)
    validate_input(item, origin)

    url = item.get("url")
    url = strip_controls(url).strip() if isinstance(url, str) else None
    text, page, headline_allowed = _text_of(item, url, origin)
    lines = normalise_whitespace(repair_unicode(text)).split("\n")
    header, used = parse_dump_header(lines, default_tz=DEFAULT_TZ, now=now)
    paras = strip_artifacts(paragraphs("\n".join(lines[used:])))
    title = _title_and_paragraphs(_field(item.get("title")), header, page, paras, headline_allowed)
    if not paras and title is None:
        raise _reject("no_text", "no article text left after cleaning", origin)
    dateline = extract_dateline(paras[0]) if paras else None
    if title is None:
        title = _derive_title(paras, dateline.end if dateline else 0)
    title = truncate(title, TITLE_MAX)
    body = "\n\n".join(paras)

    published_at = _given_date(item.get("published_at"), now, strict_date, origin)
    if published_at is None:
        published_at = _sane_date(header.published_at, now)
    if published_at is None and page is not None and page.date:
        published_at = _sane_date(parse_date(page.date, default_tz=DEFAULT_TZ, now=now), now)
    source = _field(item.get("source")) or header.source
    if source is None and page is not None:
        source = _field(page.sitename)
    if not url:
        url = header.url or (page.url if page is not None else None)
        url = strip_controls(url).strip() if url else None
    canonical = canonical_url(url)

    producer_id = item.get("id")
    producer_id = str(producer_id) if isinstance(producer_id, str | int) else None
    content_key = " ".join(words(title)) + "\n" + " ".join(words(body))
    return Article(
        id=article_id(canonical, producer_id, source, content_key),
        title=title,
        body=body,
        url=canonical or url or None,
        source=source,
        published_at=published_at,
        language=_language(item, header, page, f"{title}\n{body}"),
        dateline=dateline.place if dateline else None,
        fetched_at=now,
        content_hash=content_hash(body or title),
        duplicate_of=None,
    )
