"""Two fixes of how a language sentence reads its roles (issue 13, 2026-12-06 evening). Polish
"że" (that) folds to "ze" (from, with), so the state after "powiedział, że" was read as a
seller: it is now read as written (the ``written:`` list of the language file). With no parse, a
sentence naming arms of two makers apart ("an order for A-made tanks lets C keep getting B-made
ones") does not say which is sold, so no side is filled from their makers
(``fills.MAKERS_APART``); arms of two makers named in one list are both bought. Sentences are
our own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet, fills
from worker.transforms.rules import pairs as reader
from worker.transforms.tag import Tagger

THAT = [
    ("Minister powiedział, że Polska kupi czołgi od Korei Południowej.", ("POL", "KOR")),
    ("Wiadomo, że Rumunia otrzyma od USA nowe śmigłowce.", ("ROU", "USA")),
    ("Rzecznik podał, że Niemcy dostarczą Ukrainie czołgi Leopard.", ("UKR", "DEU")),
    # the preposition "ze" still names the seller
    ("Polska kupi czołgi ze Stanów Zjednoczonych.", ("POL", "USA")),
]


@pytest.mark.parametrize(("body", "pair"), THAT, ids=[str(i) for i in range(len(THAT))])
def test_polish_that_is_no_from(tagger: Tagger, rules: RuleSet, body: str, pair: tuple) -> None:
    assert pairs(tagger, rules, "pl", body) == {pair}


@pytest.fixture
def maker_fill_always() -> Iterator[None]:
    fills.switch(fills.MAKERS_APART, False)
    yield
    fills.switch(fills.MAKERS_APART, True)


APART = [
    ("pl", "Zamówienie czołgów K2 sprawi, że Ukraina nadal będzie otrzymywać T-72."),
    (
        "it",
        "La Nigeria riceverà sei elicotteri AW109 nel programma che comprende anche "
        "l'acquisto di aerei Super Tucano.",
    ),
]


@pytest.mark.parametrize(("lang", "body"), APART, ids=[a[0] for a in APART])
def test_arms_of_two_makers_apart_fill_no_seller(
    tagger: Tagger, rules: RuleSet, lang: str, body: str
) -> None:
    assert pairs(tagger, rules, lang, body) == set()


@pytest.mark.parametrize(("lang", "body"), APART, ids=[a[0] for a in APART])
@pytest.mark.usefixtures("maker_fill_always")
def test_without_the_guard_each_maker_was_a_seller(
    tagger: Tagger, rules: RuleSet, lang: str, body: str
) -> None:
    assert len(pairs(tagger, rules, lang, body)) == 2


@pytest.mark.parametrize(
    ("lang", "body", "expected"),
    [
        ("fr", "L'Égypte a reçu des Rafale et des F-16.", {("EGY", "FRA"), ("EGY", "USA")}),
        (
            "it",
            "La Nigeria riceverà elicotteri AW109 e aerei Super Tucano.",
            {("NGA", "ITA"), ("NGA", "BRA")},
        ),
        ("fr", "L'Égypte a reçu des avions Rafale.", {("EGY", "FRA")}),
    ],
)
def test_arms_of_two_makers_in_one_list_are_both_bought(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, expected: set
) -> None:
    assert pairs(tagger, rules, lang, body) == expected


def test_a_written_word_is_matched_in_lower_case_whatever_its_case_in_the_file() -> None:
    # ``written:`` and the class words are compared in lower case, as languages.py keeps the
    # list: a word listed with a capital is still kept unfolded, in lower case
    lex = reader.RelationLexicon.from_dict(
        {"relation": "t", "written": ["Że"], "classes": {"that": ["ŻE"]}, "triggers": ["{that}"]}
    )
    assert lex.triggers == frozenset({"że"})


def test_a_class_word_not_written_is_still_folded() -> None:
    lex = reader.RelationLexicon.from_dict(
        {"relation": "t", "written": ["że"], "classes": {"bad": ["Źle"]}, "triggers": ["{bad}"]}
    )
    assert lex.triggers == frozenset({"zle"})
