"""Metadata hidden in plain text: dump header lines, glued source/date, headlines, datelines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo

from worker.transforms.cleaning.dates import parse_date

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_TIME = (
    r"(?:,?\s*(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?"
    r"(?:\s*(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2}|Z))?)?"
)
# A date at the END of a header value, possibly glued to the word before it
# ("News Bharati English12 Mar 2017 11:32:32"). The source part is matched lazily so the date
# takes the longest tail that parses.
_TRAILING_DATE = re.compile(
    r"^(?P<source>.*?)\s*[-|,·•]?\s*(?P<date>"
    rf"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}{_TIME}"
    rf"|(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}{_TIME}"
    r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{1,2}/\d{1,2}/\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
    r")\s*$"
)
_HEADER = re.compile(
    r"^(?P<key>source|title|headline|date|published|published at|dated|url|link|byline|author"
    r"|language|lang)\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_KEYS = {
    "source": "source",
    "title": "title",
    "headline": "title",
    "date": "date",
    "published": "date",
    "published at": "date",
    "dated": "date",
    "url": "url",
    "link": "url",
    "byline": "author",
    "author": "author",
    "language": "language",
    "lang": "language",
}


@dataclass(slots=True)
class DumpHeader:
    """What the leading ``Key: value`` lines of a plain-text dump said."""

    source: str | None = None
    title: str | None = None
    url: str | None = None
    language: str | None = None
    published_at: datetime | None = None
    date_text: str | None = None  # the raw date text, kept when it did not parse
    extra: dict[str, str] = field(default_factory=dict)


def split_source_date(
    value: str, *, default_tz: tzinfo = UTC, now: datetime | None = None
) -> tuple[str | None, datetime | None]:
    """Split a ``Source:`` value into outlet name and timestamp.

    ``"News Bharati English12 Mar 2017 11:32:32"`` → ``("News Bharati English",
    2017-03-12T11:32:32 in default_tz)``. Without a recognisable trailing date the whole value is
    the source.
    """
    value = value.strip()
    m = _TRAILING_DATE.match(value)
    if m:
        dt = parse_date(m["date"], default_tz=default_tz, now=now)
        if dt is not None:
            source = m["source"].strip(" -|,·•")
            return (source or None), dt
    return (value or None), None


def parse_dump_header(
    lines: list[str], *, default_tz: tzinfo = UTC, now: datetime | None = None
) -> tuple[DumpHeader, int]:
    """Read leading ``Key: value`` header lines (Source, Title, Date, URL, Author, Language).

    Returns the header and how many lines it used; stops at the first line that is not a known
    header (blank lines between headers are skipped).
    """
    header = DumpHeader()
    used = 0
    for i, line in enumerate(lines):
        if not line.strip():
            if used:
                used = i + 1
            continue
        m = _HEADER.match(line.strip())
        if not m:
            break
        used = i + 1
        key, value = _KEYS[m["key"].lower()], m["value"].strip()
        if not value:
            continue
        if key == "source":
            src, dt = split_source_date(value, default_tz=default_tz, now=now)
            header.source = src
            if dt is not None and header.published_at is None:
                header.published_at = dt
        elif key == "date":
            header.published_at = parse_date(value, default_tz=default_tz, now=now)
            if header.published_at is None:
                header.date_text = value
        elif key == "title":
            header.title = value
        elif key == "url":
            header.url = value
        elif key == "language":
            header.language = value
        else:
            header.extra[key] = value
    return header, used


def looks_like_headline(first: str, rest: list[str]) -> bool:
    """Is the first paragraph of a dump a headline rather than body text?

    A headline is short, has no sentence-final full stop, does not start with a dateline, and is
    followed by more text.
    """
    if not rest or len(first) > 200 or len(first.split()) < 2:
        return False
    if first.endswith((".", ",", ";")) and not first.endswith("..."):
        return False
    return extract_dateline(first) is None


# Datelines, in the order they are tried. Each captures the place; the city is the part before
# the first comma ("KYIV, Ukraine —" → "Kyiv").
_DATELINES = (
    # WASHINGTON (Reuters) -   /   NEW DELHI, India (AP) —
    re.compile(
        r"^(?P<place>[A-Z][A-Za-z.'’ -]{1,40}?(?:,\s*[A-Z][A-Za-z.'’ -]{1,30}?)?)\s*"
        r"\((?:[A-Z][A-Za-z.&' ]{0,30}|AFP|AP|IANS|PTI|ANI|UNI|dpa)\)\s*[-–—:]+\s*"
    ),
    # Moscow, March 12:   /   New Delhi, Mar 12 (IANS) -   /   LONDON, 12 March 2017 -
    re.compile(
        r"^(?P<place>[A-Z][A-Za-z.'’ -]{1,40}?(?:,\s*[A-Z][A-Za-z.'’ -]{1,30}?)?),\s*"
        rf"(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?"
        r"\s*(?:\([A-Za-z .&]{1,30}\))?\s*[-–—:]+\s*"
    ),
    # KYIV, Ukraine —   /   BEIRUT -   (all-caps city: prose rarely opens that way)
    re.compile(
        r"^(?P<place>[A-Z][A-Z.'’ -]{1,40}?[A-Z.](?:,\s*[A-Z][A-Za-z.'’ -]{1,30}?)?)\s*[-–—]+\s+"
    ),
)


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str  # the city, as it should be displayed ("Moscow", "Kyiv")
    text: str  # the dateline as printed, including the separator
    end: int  # offset where the story text begins


def extract_dateline(paragraph: str) -> Dateline | None:
    """Recognise a dateline at the start of the first paragraph.

    Handles ``Moscow, March 12:``, ``WASHINGTON (Reuters) -``, ``KYIV, Ukraine —``. All-caps
    places are title-cased for display.
    """
    for pattern in _DATELINES:
        m = pattern.match(paragraph)
        if not m:
            continue
        city = m["place"].split(",")[0].strip(" .-")
        if not city or len(city.split()) > 4:
            continue
        if city.isupper():
            city = " ".join(w.capitalize() for w in city.split())
        return Dateline(place=city, text=m.group(0).strip(), end=m.end())
    return None
