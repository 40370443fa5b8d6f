"""Sentence spans for news text.

A rule-based splitter tuned for wire copy: it is fast (one regex scan plus a check per candidate
boundary), deterministic, and knows the abbreviations news actually uses ("U.S.", "Mr.", "Gen.",
"Dec. 5", initials such as "George W. Bush", decimals). The tagger and the rules engine share it so
that "same sentence" means the same thing everywhere.
"""

from __future__ import annotations

import re


def _words(text: str) -> list[str]:
    return text.split()


# Candidate boundaries, one regex per terminal character: a pattern that starts with a literal
# lets the regex engine jump between occurrences instead of testing every position, which makes
# the scan several times faster. Each matches the punctuation run, closing quotes/brackets, and
# the whitespace (or end of line) after them.
_TAIL = r"[.!?…\"'”’»)\]]*(?:\s+|\Z)"
_TERMINATORS = {c: re.compile(re.escape(c) + _TAIL) for c in ".!?…"}
_OPENING = "\"'“‘«(["

# "U.S", "e.g", "a.m" (the final period is not part of the token).
_DOTTED = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")
# Titles before a name: a period after these never ends a sentence.
_TITLES = frozenset(
    _words(
        "mr mrs ms mx dr prof gen lt col maj capt cmdr cdr sgt cpl pvt adm gov sen rep rev hon "
        "pres amb st mt fr supt insp det brig messrs mme mlle sr jr"
    )
)
# Month abbreviations: "Dec. 5" continues, "in Dec. The ..." ends.
_MONTHS = frozenset(_words("jan feb mar apr jun jul aug sep sept oct nov dec"))
# Abbreviations that usually continue before a number ("No. 10", "Art. 5", "pp. 3").
_BEFORE_NUMBER = frozenset(_words("no nos art vol pp p fig ch sec para op"))
# Abbreviations that may end a sentence; split only when a typical sentence opener follows.
_AMBIGUOUS = frozenset(_words("inc corp ltd co plc llc bros etc al vs approx est dept"))
# Lower-cased words that commonly open a sentence in news copy.
_OPENERS = frozenset(
    _words(
        """the a an he she it they we i you this that these those there his her its their our my
        but and or so yet however meanwhile officials in on at for after before when while if
        as some many most one two three several no not what who why how where also still then
        earlier later last next according both since during despite under among"""
    )
)


def _opens_sentence(word: str) -> bool:
    return word.strip("\"'“‘«([,;:").lower() in _OPENERS


def _next_word(text: str, at: int) -> str:
    end = text.find(" ", at)
    return text[at : end if end >= 0 else len(text)]


def _period_ends_sentence(text: str, dot: int, nxt_at: int) -> bool:
    """Whether the period at ``dot`` (directly after a token) closes a sentence, given that the
    next word starts at ``nxt_at`` with a capital, a digit or a quote."""
    ws = max(text.rfind(" ", 0, dot), text.rfind("\n", 0, dot))
    token = text[ws + 1 : dot].lstrip(_OPENING)
    if not token:
        return True
    if len(token) == 1:
        return not token.isupper()  # an initial: "George W. Bush", "J. K. Rowling"
    low = token.lower()
    if low in _TITLES:
        return False
    if low in _MONTHS or low in _BEFORE_NUMBER:
        return not text[nxt_at].isdigit()
    if low in _AMBIGUOUS:
        return _opens_sentence(_next_word(text, nxt_at))
    if "." in token and _DOTTED.fullmatch(token):
        # Dotted abbreviations ("U.S.", "U.N.", "a.m.") end a sentence only before a typical
        # opener: "... sanctions on the U.S. The move ..."
        if low in ("e.g", "i.e", "cf"):
            return False
        return _opens_sentence(_next_word(text, nxt_at))
    return True


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentence spans ``(start, end)``, offsets into ``text``.

    Spans exclude surrounding whitespace, so ``text[start:end]`` is the sentence itself; line
    breaks always end a sentence; empty text gives ``[]``."""
    spans: list[tuple[int, int]] = []
    regexes = [rx for c, rx in _TERMINATORS.items() if c in text]
    n = len(text)
    line = 0
    while line < n:
        nl = text.find("\n", line)
        stop = n if nl < 0 else nl
        if stop > line:
            _split_line(text, line, stop, regexes, spans)
        line = stop + 1
    return spans


def _split_line(
    text: str, pos: int, stop: int, regexes: list[re.Pattern[str]], spans: list[tuple[int, int]]
) -> None:
    if len(regexes) == 1:
        candidates = list(regexes[0].finditer(text, pos, stop))
    else:
        candidates = sorted(
            (m for rx in regexes for m in rx.finditer(text, pos, stop)), key=_match_start
        )
    seen = pos  # candidates inside an already examined run ("?!", "...") are skipped
    for m in candidates:
        at = m.start()
        if at < seen:
            continue
        seen = nxt_at = m.end()
        if nxt_at < stop:
            first = text[nxt_at]
            if first in _OPENING and nxt_at + 1 < stop:
                first = text[nxt_at + 1]
            if first.islower():
                continue  # "approx. five", "e.g. the": a lower-case continuation
            if text[at] == "." and not _period_ends_sentence(text, at, nxt_at):
                continue
        _add_span(text, pos, nxt_at, spans)
        pos = nxt_at
    if pos < stop:
        _add_span(text, pos, stop, spans)


def _match_start(m: re.Match[str]) -> int:
    return m.start()


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    if start < end:
        spans.append((start, end))


def sentence_index(starts: list[int], offset: int) -> int:
    """Index of the sentence containing ``offset``, given the sorted sentence ``starts``."""
    from bisect import bisect_right

    return max(bisect_right(starts, offset) - 1, 0)
