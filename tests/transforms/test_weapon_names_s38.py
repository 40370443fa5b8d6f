"""Suppliers named by the weapon alone (2026-12-07, tenth stop): a designation the table lacked
gives no arms word and no maker's state, so a sale of it reads nothing. Each system below was
added to ``weapons.yaml`` with its producer and home state; the sentences are our own. The tests
of designations and of sales fail without the entry they name; the tests that a name or a season
is no weapon are guards, which pass with or without the entry (they fail only if its conditions
are lost)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.transforms.test_weapon_names import weapons
from worker.model import Article
from worker.transforms.rules import load_rules
from worker.transforms.rules.pairs import extract_pairs
from worker.transforms.tag import Tagger


@pytest.fixture(scope="module")
def read(tagger: Tagger) -> Callable[[str], set[tuple[str, str]]]:
    """The (recipient, supplier) pairs the shipped reader reads in one text."""
    lex = load_rules().relations["arms_transfer"]

    def run(text: str) -> set[tuple[str, str]]:
        tagged = tagger.tag(Article(id="t", title="", body=text))
        return {(h.recipient, h.supplier) for h in extract_pairs(tagged, lex)}

    return run


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Ecuador flew its Kfir C10 jets for the last time.", "kfir"),
        ("The air arm retired its last Kfirs in 2024.", "kfir"),
        ("Oman commissioned the third Khareef-class ship.", "khareef-class"),
        ("The FV101 and its sister vehicles served for decades.", "fv101-scorpion"),
        ("A pair of BAC 167 Strikemaster trainers took off.", "bac-strikemaster"),
        ("Canberra dropped the Attack-class programme.", "attack-class-submarine"),
        ("The Norinco VT2 rolled past the stand.", "vt-2"),
        ("The ST1 tank destroyer carries a 105 mm gun.", "st-1"),
        ("The army took delivery of a third H425.", "h425"),
        ("A Bat Hawk flew over the parade.", "bat-hawk"),
    ],
)
def test_designations_the_table_gained(tagger: Tagger, body: str, expected: str) -> None:
    assert expected in weapons(tagger, body)


@pytest.mark.parametrize(
    "body",
    [
        # the Hebrew first name: no aircraft word in its sentence, no determiner before it
        "Kfir Cohen opened a bakery in Haifa last week.",
        "Israeli jets struck the border. Kfir Levi said he heard them at night.",
        # the Dhofar monsoon season, no warship
        "Tourists flock to Salalah for the Khareef season every summer.",
    ],
)
def test_a_name_or_a_season_is_no_weapon(tagger: Tagger, body: str) -> None:
    assert not weapons(tagger, body) & {"kfir", "khareef-class"}


WEAPON_ONLY_SUPPLIER = [
    # the supplier state is named by the system alone: its maker's home state sells
    ("Colombia bought a dozen Kfir jets in 1989.", {("COL", "ISR")}),
    ("Sri Lanka purchased the Kfirs to strike rebel camps.", {("LKA", "ISR")}),
    ("Oman ordered three Khareef corvettes in 2007.", {("OMN", "GBR")}),
    ("Bolivia will buy six H425 helicopters.", {("BOL", "CHN")}),
    # the state named as well, the system only the arms word of the sentence
    ("Israel sold Kfirs to Ecuador in the 1990s.", {("ECU", "ISR")}),
]


@pytest.mark.parametrize(("text", "expected"), WEAPON_ONLY_SUPPLIER)
def test_a_sale_of_the_system_names_its_makers_state(read, text: str, expected: set) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    "body",
    [
        # the IDF's infantry brigade: "the" before it once kept the jet
        "Troops of the Kfir Brigade entered the camp while Israel bought jets from the US.",
        "The Kfir Brigade's officers met the Israeli jet squadron.",
        # the first name with aircraft words elsewhere in its sentence, but not close by
        "Israel sold fighter jets to Chile, a spokesman confirmed, while Kfir Mizrahi looked on.",
    ],
)
def test_a_brigade_or_a_name_far_from_jets_is_no_kfir(tagger: Tagger, body: str) -> None:
    assert "kfir" not in weapons(tagger, body)
