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


# A candidate boundary: terminal punctuation (plus closing quotes/brackets) followed by whitespace
# or the end of text, or a line break (cleaned bodies keep one paragraph per line).
_CANDIDATE = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s|$)|\n")
# The first token after a candidate boundary, skipping whitespace and opening quotes/brackets.
_NEXT = re.compile(r"\s*[\"'“‘«(\[]*(\S*)")

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


def _is_boundary(text: str, dot_end: int, after: int) -> bool:
    """Decide whether the punctuation ending at ``dot_end`` closes a sentence.

    ``after`` is where the candidate match ended (past punctuation and closing quotes)."""
    m = _NEXT.match(text, after)
    nxt = m.group(1) if m else ""
    if not nxt:
        return True  # end of text
    first = nxt[0]
    if first.islower():
        return False  # "approx. five", "e.g. the", a lower-case continuation
    punct = text[dot_end - 1]
    if punct != ".":
        return True  # ! ? … followed by something capitalised or a digit
    # Only a period that directly follows the token is an abbreviation candidate ("...." is not).
    start = dot_end - 1
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    token = text[start : dot_end - 1].lstrip("\"'“‘«([")
    if not token:
        return True
    low = token.lower()
    if _DOTTED.fullmatch(token):
        # Dotted abbreviations: "U.S.", "U.N.", "e.g.", "a.m.". They end a sentence only when a
        # typical opener follows: "... sanctions on the U.S. The move ..."
        if low in ("e.g", "i.e", "cf"):
            return False
        return _opens_sentence(nxt)
    if len(token) == 1 and token.isalpha() and token.isupper():
        return False  # an initial: "George W. Bush", "J. K. Rowling"
    if low in _TITLES:
        return False
    if low in _MONTHS or low in _BEFORE_NUMBER:
        return not first.isdigit()
    if low in _AMBIGUOUS:
        return _opens_sentence(nxt)
    return True


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentence spans ``(start, end)``, offsets into ``text``.

    Spans exclude surrounding whitespace, so ``text[start:end]`` is the sentence itself; line
    breaks always end a sentence; empty text gives ``[]``."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    pos = 0
    for m in _CANDIDATE.finditer(text):
        end = m.end()
        if m.group() != "\n":
            # Position just past the terminal punctuation run (before closing quotes).
            dot_end = m.start()
            while dot_end < end and text[dot_end] in ".!?…":
                dot_end += 1
            if not _is_boundary(text, dot_end, end):
                continue
        _add_span(text, pos, end, spans)
        pos = end
    if pos < n:
        _add_span(text, pos, n, spans)
    return spans


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def sentence_index(starts: list[int], offset: int) -> int:
    """Index of the sentence containing ``offset``, given the sorted sentence ``starts``."""
    from bisect import bisect_right

    return max(bisect_right(starts, offset) - 1, 0)
