"""Datelines: where a report was filed ("ANKARA, Turkey —", "MOSCOW (agency) - ..."), not what
it is about. One reader for the pair reader's two questions: the role reader skips the states
a dateline names (``grammar.read_roles``), and the article's fills take no side from a state
named only there (``fills``, ``pairs``: ``dateline_at``)."""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from .text import SENT_TOKEN

DASHES = ("—", "–", "-", "--")
# a mark right after the city: "MOSCOW (agency)", "ANKARA, Dec 5 —"
_MARKS = ("(", ",", "—", "–", "-")
# the tokens after the city that may name its places before the dash ("ANKARA, Turkey —")
_PLACES = 11
# the reader's tokens, with the whitespace between them: a run other than one space (a line
# break, two spaces) is a token of its own, as the parser has it, and ends the places
_TOKEN = re.compile(rf"{SENT_TOKEN.pattern}|\s+")


class Dateline(NamedTuple):
    """What follows a city in capitals opening its sentence or line."""

    marked: bool  # a dateline's mark right after the city ("MOSCOW (agency)", "ANKARA, Dec 5")
    end: int  # the dash closing the places after the city ("ANKARA, Turkey —"); -1: no dash


def read_dateline(text: str, start: int, end: int) -> Dateline | None:
    """The dateline ``text[start:end]`` opens: a name in capitals (an acronym opening a sentence,
    "UAE is rebuilding", opens none unless a mark or places and a dash follow it) at the start
    of its sentence or of a line of its own; None when it is no such name."""
    name = text[start:end]
    before = text[:start].rstrip()
    line = text[text.rfind("\n", 0, start) + 1 : start]  # a line of its own opens too
    opens = not before or before[-1] in ".!?" or not line.strip()
    if not (name.isupper() and len(name) >= 3 and opens):
        return None
    marked = text[end : end + 3].lstrip().startswith(_MARKS)
    return Dateline(marked, _places_end(text, end))


def _places_end(text: str, end: int) -> int:
    """The offset of the dash after the city that ends the dateline, when only punctuation,
    "and" and capitalised words stand before it (places, an agency); -1 otherwise."""
    tokens = (m for m in _TOKEN.finditer(text, end) if m.group() != " ")
    for _, m in zip(range(_PLACES), tokens, strict=False):
        tok = m.group()
        if tok in DASHES:
            return m.start()
        punct = all(unicodedata.category(c).startswith("P") for c in tok)
        if not (punct or tok.lower() == "and" or tok[:1].isupper()):
            return -1
    return -1


def dateline_at(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a dateline's city: in capitals, opening its sentence or line,
    followed by a dateline's mark ("MOSCOW (agency) - ..."). "UAE is rebuilding its air
    force" opens none."""
    dateline = read_dateline(text, start, end)
    return dateline is not None and dateline.marked
