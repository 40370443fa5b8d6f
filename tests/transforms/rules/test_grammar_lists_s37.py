"""A member added by "as well as" right after a name plays that name's part (issue 12: every
member of a list keeps its role; grammar.py ``_as_well_as_phrase``). The small parser hangs
"as" on the name before it ("to Niger as well as Chad": "as" a ``cc`` of Niger, Chad its
object), so the member after it continues that name's phrase: a recipient after "to", a
supplier after "from" or "by". Every sentence is our own."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from worker.model import Article
from worker.transforms.rules import load_rules
from worker.transforms.rules.pairs import extract_pairs
from worker.transforms.tag import default_tagger


@pytest.fixture(scope="module")
def read() -> Callable[[str], set[tuple[str, str]]]:
    """The (recipient, supplier) pairs the shipped reader reads in one text."""
    tagger, lex = default_tagger(), load_rules().relations["arms_transfer"]

    def run(text: str) -> set[tuple[str, str]]:
        tagged = tagger.tag(Article(id="t", title="", body=text))
        return {(h.recipient, h.supplier) for h in extract_pairs(tagged, lex)}

    return run


AS_WELL_AS = [
    # two recipients, active sale
    (
        "Turkey has sold Bayraktar drones to Niger as well as Ethiopia.",
        {("NER", "TUR"), ("ETH", "TUR")},
    ),
    # three: an apposition before "as well as"
    (
        "Turkey has sold Bayraktar drones to Niger, Togo as well as Ethiopia.",
        {("NER", "TUR"), ("TGO", "TUR"), ("ETH", "TUR")},
    ),
    # two suppliers after "from"
    (
        "Ukraine received tanks from Germany as well as Poland.",
        {("UKR", "DEU"), ("UKR", "POL")},
    ),
    # a passive: the suppliers are the agents
    (
        "Greece and Cyprus were sold patrol boats by France as well as Italy.",
        {("GRC", "FRA"), ("GRC", "ITA"), ("CYP", "FRA"), ("CYP", "ITA")},
    ),
    # four, another verb: the list goes on after the member "as well as" adds
    (
        "The United States will supply Patriot missiles to Poland as well as Romania, "
        "Bulgaria and Greece.",
        {("POL", "USA"), ("ROU", "USA"), ("BGR", "USA"), ("GRC", "USA")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), AS_WELL_AS)
def test_a_member_after_as_well_as_plays_the_part_of_the_name_before(
    read, text: str, expected: set[tuple[str, str]]
) -> None:
    assert read(text) == expected


LOOKALIKES = [
    # a drill's partners and a list of states condemning a sale are no parties
    "Russia held naval drills with China as well as Iran.",
    "Finland as well as Estonia condemned the planned drone deliveries to Belarus.",
]


@pytest.mark.parametrize("text", LOOKALIKES)
def test_a_list_of_look_alikes_after_as_well_as_makes_no_pair(read, text: str) -> None:
    assert not {p for p in read(text) if "FIN" in p or "EST" in p or "CHN" in p or "IRN" in p}
