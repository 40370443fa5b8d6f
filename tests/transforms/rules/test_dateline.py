"""The one dateline reader (rules/dateline.py): the role reader asks where a dateline's places
end, the article's fills whether a state's mention is a dateline's city. Sentences are our own."""

from __future__ import annotations

import re

from worker.transforms.rules.dateline import Dateline, dateline_at, read_dateline

# tokens as a parser would cut them, enough for these sentences: words (with inner periods),
# marks, and whitespace other than one space
_TOKENS = re.compile(r"\w+(?:\.\w+)*|[^\w\s]+|\s{2,}|\n")


def _read(text: str, city: str) -> Dateline | None:
    start = text.index(city)
    end = start + len(city)
    after = ((m.group(), m.start()) for m in _TOKENS.finditer(text, end))
    return read_dateline(text, start, end, after)


def test_a_city_with_its_country_and_a_dash() -> None:
    text = "OSLO, Norway — The navy took delivery of a corvette."
    assert _read(text, "OSLO") == Dateline(True, text.index("—"))


def test_a_city_with_an_agency_and_a_hyphen() -> None:
    text = "Earlier news. LIMA (Wire) - Peru ordered trainers."
    got = _read(text, "LIMA")
    assert got is not None and got.marked and got.end == text.index(" - ") + 1


def test_a_date_after_the_city_runs_to_the_dash() -> None:
    # wire datelines carry the day, and the year or the agency ("May 4, 2011", "May 4 (Wire)")
    text = "QUITO, May 4 — Ecuador bought radars."
    assert _read(text, "QUITO") == Dateline(True, text.index("—"))
    text = "LIMA, Sept. 12, 2011 (Wire) - Peru ordered trainers."
    assert _read(text, "LIMA") == Dateline(True, text.index(" - ") + 1)


def test_a_number_that_is_no_date_still_needs_the_dash() -> None:
    assert _read("QUITO, 40 new radars were bought.", "QUITO") == Dateline(True, -1)


def test_places_and_a_dash_without_a_mark_right_after_the_city() -> None:
    text = "RIGA Latvia — Tanks arrived."
    assert _read(text, "RIGA") == Dateline(False, text.index("—"))
    assert not dateline_at(text, 0, 4)  # the fills ask for a mark after the city


def test_an_acronym_opening_a_sentence_is_no_dateline() -> None:
    assert not dateline_at("UAE is buying drones.", 0, 3)
    assert _read("UAE is buying drones.", "UAE") == Dateline(False, -1)


def test_only_at_the_opening_of_a_sentence_or_a_line() -> None:
    assert _read("Troops left CAIRO, then came home.", "CAIRO") is None
    assert dateline_at("Filed late\nCAIRO (Wire) - Egypt signed.", 11, 16)


def test_a_name_in_small_letters_or_too_short_is_none() -> None:
    assert _read("Oslo, Norway — ships.", "Oslo") is None
    assert _read("UK - jets.", "UK") is None


def test_a_line_break_ends_the_places() -> None:
    assert _read("BERN\nSwiss Army — drills.", "BERN") == Dateline(False, -1)


def test_an_agency_named_by_its_web_address() -> None:
    text = "TUNIS, Tunisia (Example.com) - Tunisia orders boats."
    assert _read(text, "TUNIS") == Dateline(True, text.index(" - ") + 1)


def test_without_tokens_only_the_mark_is_read() -> None:
    assert read_dateline("OSLO, Norway — ships.", 0, 4) == Dateline(True, -1)
