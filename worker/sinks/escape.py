"""Escaping of article content per medium, and the evidence highlight. Pure functions.

Article text is untrusted: a title like ``<!channel> <http://evil|click>`` must reach people as
those characters, never as a mention, a hidden link or markup.

* Slack mrkdwn: ``&``, ``<``, ``>`` become entities (so ``<!here>``, ``<@U…>``, ``<http…|…>``
  cannot form), bare ``@channel``/``@here``/``@everyone`` get a word joiner after the ``@``,
  the formatting characters ``* _ ~ ``` become look-alikes (mrkdwn has no escape for them), and
  ``scheme://`` gets a word joiner so a URL in a title is not auto-linked.
* HTML: Jinja2 autoescape does it (``markupsafe.escape``); we only strip control characters.
* Plain text and mail headers: control and bidirectional-override characters removed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from urllib.parse import quote, urlsplit

from worker.model import Alert, Evidence

WJ = "\u2060"  # WORD JOINER: invisible, breaks Slack's @mention and URL recognition

# C0 (except tab/newline), DEL, C1, and the bidi overrides/isolates used to disguise text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]")
_SURROGATE = re.compile("[\ud800-\udfff]")  # not encodable: no link can be made of it
_MENTION = re.compile(r"@(?=(channel|here|everyone)\b)", re.IGNORECASE)
_SCHEME = re.compile(r"(?<=[a-z0-9])://", re.IGNORECASE)
_MRKDWN_FORMAT = str.maketrans({"*": "∗", "_": "ˍ", "~": "∼", "`": "ˋ"})


def plain_text(text: str | None) -> str:
    """Text for plain-text bodies: control and bidi-override characters removed."""
    if not text:
        return ""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def one_line(text: str | None, limit: int = 200) -> str:
    """Text for a mail header or a title line: no control characters, no line breaks."""
    flat = " ".join(plain_text(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def slack_mrkdwn(text: str | None) -> str:
    """Untrusted text made inert inside Slack mrkdwn (see the module docstring)."""
    out = plain_text(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    out = _MENTION.sub("@" + WJ, out)
    out = _SCHEME.sub(":" + WJ + "//", out)
    return out.translate(_MRKDWN_FORMAT)


def safe_url(url: str | None) -> str | None:
    """An http(s) URL fit to be a link target, or None (``javascript:``, spaces, controls…)."""
    if not url or _CONTROL.search(url) or _SURROGATE.search(url):
        return None
    if any(c.isspace() for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def slack_link(url: str | None, label: str) -> str:
    """``<url|label>`` with the URL made unable to close the link early; '' if not http(s).

    The label is escaped as mrkdwn; in the URL ``|``, ``<``, ``>`` are percent-encoded and
    ``&`` becomes ``&amp;`` as Slack requires."""
    good = safe_url(url)
    if good is None:
        return ""
    target = quote(good, safe=":/?#[]@!$&'()*+,;=%-._~").replace("&", "&amp;")
    return f"<{target}|{slack_mrkdwn(label)}>"


def _surface(term: str) -> str:
    """The literal part of an evidence term (``topic:weapons/s-400*`` → ``s-400``)."""
    t = term.rsplit("/", 1)[-1].rsplit(":", 1)[-1]
    return re.split(r"[*?{ ]", t.strip(), maxsplit=1)[0].lower()


def evidence_highlight(alert: Alert) -> tuple[str, list[tuple[int, int]]]:
    """The most telling snippet (the one most evidence items point into) and the spans of the
    matches inside it. Evidence offsets are into the article field; each item knows where its
    snippet starts there (``snippet_start``), which places its match exactly in any script and
    whichever field it came from. Items from alerts written before that was kept fall back to
    the snippet's offset recovered from the terms whose literal text is found in it (majority
    vote)."""
    if not alert.evidence:
        return "", []
    by_snippet: dict[str, list[Evidence]] = {}
    for ev in alert.evidence:
        by_snippet.setdefault(ev.snippet, []).append(ev)
    snippet, evs = max(by_snippet.items(), key=lambda kv: len(kv[1]))
    spans = [
        (ev.start - ev.snippet_start, ev.end - ev.snippet_start)
        for ev in evs
        if ev.snippet_start is not None
    ]
    guessed = [ev for ev in evs if ev.snippet_start is None]
    if guessed:
        votes: Counter[int] = Counter()
        for ev in guessed:
            surface = _surface(ev.term)
            if len(surface) < 2:
                continue
            for m in re.finditer(re.escape(surface), snippet, re.IGNORECASE):
                votes[ev.start - m.start()] += 1
        if votes:
            base = votes.most_common(1)[0][0]
            spans += [(ev.start - base, ev.end - base) for ev in guessed]
    return snippet, _merged(spans, len(snippet))


def _merged(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The spans that lie inside a snippet of ``length``, sorted and merged."""
    inside = sorted({(s, e) for s, e in spans if 0 <= s < e <= length})
    merged: list[tuple[int, int]] = []
    for s, e in inside:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def highlighted(
    snippet: str,
    spans: list[tuple[int, int]],
    escape: Callable[[str], str],
    open_: str,
    close: str,
) -> str:
    """Escape ``snippet`` piecewise and wrap the spans in trusted ``open_``/``close`` markup."""
    out, pos = [], 0
    for s, e in spans:
        out.append(escape(snippet[pos:s]))
        out.append(open_ + escape(snippet[s:e]) + close)
        pos = e
    out.append(escape(snippet[pos:]))
    return "".join(out)
