"""Canonical URLs and stable article ids."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

ID_HEX = 16  # 64 bits: collisions are negligible at news volumes and keys stay short

# Query parameters that only track the click; copies of one URL differ in them.
_TRACKING = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ocid|cmpid|icid|ito|ref|ref_src"
    r"|referrer|src|source|rss|feed|share|smid|igshid|_ga|_gl|spm|partner)$",
    re.IGNORECASE,
)


def canonical_url(url: str | None) -> str | None:
    """Normalise an http(s) URL so copies of one link compare equal; ``None`` if not a web URL.

    Lower-cases scheme and host, drops default ports, fragments, tracking parameters and a
    trailing slash, and sorts the remaining query parameters.
    """
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower().rstrip(".")
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)
    )
    path = parts.path or "/"
    if len(path) > 1:
        path = path.rstrip("/")
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def short_hash(*parts: str) -> str:
    """First ``ID_HEX`` hex digits of SHA-1 over the parts (NUL-joined so they cannot blur)."""
    # surrogatepass: a lone surrogate from a broken producer must hash, not crash
    data = "\x00".join(parts).encode("utf-8", "surrogatepass")
    return hashlib.sha1(data).hexdigest()[:ID_HEX]


def article_id(
    url: str | None, producer_id: str | None, source: str | None, content_key: str
) -> str:
    """Stable id: from the canonical URL; else from the producer's own id scoped by source (so
    an edited re-delivery keeps its id); else from the normalised title+body."""
    if url:
        return short_hash("url", url)
    if producer_id:
        return short_hash("pid", source or "", producer_id)
    return short_hash("content", content_key)
