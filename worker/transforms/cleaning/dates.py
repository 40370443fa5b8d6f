"""Date parsing with explicit time-zone handling.

Policy (documented in docs/cleaning.md): a timestamp that states its zone keeps it; one that
states none is read in ``default_tz`` — UTC unless the caller knows better. Results are always
timezone-aware UTC. Fast paths (ISO 8601, RFC 2822, a few fixed layouts) run before dateparser,
which is thorough but ~100x slower.
"""

from __future__ import annotations

import re
import warnings
from datetime import UTC, datetime, tzinfo
from email.utils import parsedate_to_datetime

import dateparser

# Layouts seen in dumps and CMS headers that strptime reads directly.
_LAYOUTS = (
    "%d %b %Y %H:%M:%S",
    "%d %b %Y %H:%M",
    "%d %B %Y %H:%M:%S",
    "%d %B %Y %H:%M",
    "%d %b %Y",
    "%d %B %Y",
    "%B %d, %Y %H:%M:%S",
    "%B %d, %Y %H:%M",
    "%B %d, %Y",
    "%b %d, %Y",
    "%Y-%m-%d %H:%M:%S",
    "%Y/%m/%d %H:%M:%S",
    "%d/%m/%Y %H:%M:%S",
)
_PLAUSIBLE = (datetime(1900, 1, 1, tzinfo=UTC), datetime(2200, 1, 1, tzinfo=UTC))
_MAX_LEN = 100  # longer strings are not a date; dateparser is slow on them


def _to_utc(dt: datetime, default_tz: tzinfo) -> datetime:
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=default_tz)
    return dt.astimezone(UTC)


def _fast(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        pass
    if re.match(r"^[A-Za-z]{3},? ", value) or re.search(r" [+-]\d{4}$|GMT$", value):
        try:
            return parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            pass
    for layout in _LAYOUTS:
        try:
            return datetime.strptime(value, layout)
        except ValueError:
            continue
    return None


def parse_date(
    value: str, *, default_tz: tzinfo = UTC, now: datetime | None = None
) -> datetime | None:
    """Parse a date/time string to an aware UTC datetime, or ``None`` if it is not one.

    A zone-less value is read in ``default_tz``. Relative expressions ("2 hours ago") resolve
    against ``now`` and only when it is given (no hidden clock). Never raises.
    """
    value = " ".join(value.split())
    if not value or len(value) > _MAX_LEN:
        return None
    try:
        dt = _fast(value)
    except (OverflowError, ValueError):
        dt = None
    if dt is None:
        settings: dict[str, object] = {
            "RETURN_AS_TIMEZONE_AWARE": False,
            "PREFER_DAY_OF_MONTH": "first",
            "STRICT_PARSING": False,
        }
        if now is not None:
            settings["RELATIVE_BASE"] = now.astimezone(UTC).replace(tzinfo=None)
        elif re.search(r"\b(ago|yesterday|today|tomorrow|now|last|next)\b", value, re.I):
            return None
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                dt = dateparser.parse(value, settings=settings)  # type: ignore[arg-type]
        except Exception:  # dateparser raises assorted errors on garbage; garbage is "no date"
            return None
        if dt is None:
            return None
    try:
        dt = _to_utc(dt, default_tz)
    except (OverflowError, ValueError):
        return None
    if not _PLAUSIBLE[0] <= dt < _PLAUSIBLE[1]:
        return None
    return dt
