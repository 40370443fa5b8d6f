"""Datelines: where a report was filed ("ANKARA, Turkey —", "MOSCOW (agency) - ..."), not what
it is about. One reader for the pair reader's two questions: the role reader skips the states
a dateline names (``grammar.read_roles``), and the article's fills take no side from a state
named only there (``fills``, ``pairs``: ``dateline_at``)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

DASHES = ("—", "–", "-", "--")
# a mark right after the city: "MOSCOW (agency)", "ANKARA, Dec 5 —"
_MARKS = ("(", ",", "—", "–", "-")
# the tokens after the city that may name its places before the dash ("ANKARA, Turkey —")
_PLACES = 11


class Dateline(NamedTuple):
    """What follows a city in capitals opening its sentence or line."""

    marked: bool  # a dateline's mark right after the city ("MOSCOW (agency)", "ANKARA, Dec 5")
    end: int  # the dash closing the places after the city ("ANKARA, Turkey —"); -1: no dash


def read_dateline(
    text: str, start: int, end: int, after: Iterable[tuple[str, int]] = ()
) -> Dateline | None:
    """The dateline ``text[start:end]`` opens: a name in capitals (an acronym opening a sentence,
    "UAE is rebuilding", opens none unless a mark or places and a dash follow it) at the start
    of its sentence or of a line of its own; None when it is no such name. ``after``: the
    tokens that follow the name (text, offset), as the caller's tokenizer cut them (the
    parser's), where the places and their dash are sought; without them only the mark is
    read."""
    name = text[start:end]
    before = text[:start].rstrip()
    line = text[text.rfind("\n", 0, start) + 1 : start]  # a line of its own opens too
    opens = not before or before[-1] in ".!?" or not line.strip()
    if not (name.isupper() and len(name) >= 3 and opens):
        return None
    marked = text[end : end + 3].lstrip().startswith(_MARKS)
    return Dateline(marked, _places_end(after))


def _places_end(tokens: Iterable[tuple[str, int]]) -> int:
    """The offset of the dash after the city that ends the dateline, when only punctuation,
    "and", capitalised words (places, an agency, a month) and the numbers of a date ("March
    27, 2008", "May 11 (Reuters)") stand before it; -1 otherwise. A token of marks only is
    punctuation ("---"), one of whitespace is not (a line break ends them)."""
    for _, (tok, at) in zip(range(_PLACES), tokens, strict=False):
        if tok in DASHES:
            return at
        punct = all(unicodedata.category(c).startswith("P") for c in tok)
        if not (punct or tok.lower() == "and" or tok[:1].isupper() or tok.isdigit()):
            return -1
    return -1


def dateline_at(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a dateline's city: in capitals, opening its sentence or line,
    followed by a dateline's mark ("MOSCOW (agency) - ..."). "UAE is rebuilding its air
    force" opens none."""
    dateline = read_dateline(text, start, end)
    return dateline is not None and dateline.marked
