"""Spanish precision, second wave (2026-12-06, night): constructions of the Romance languages
that made a wrong pair on the fresh blind batches. Every sentence is our own, written for
these tests."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.rules.languages import _adjective_roles
from worker.transforms.rules.pairs import SIDES, LexiconError
from worker.transforms.tag import Tagger


def test_spanish_adjective_on_a_bank_is_no_buyer(tagger: Tagger, rules: RuleSet) -> None:
    # es.yaml fill_adjectives: [supplier]: the bank's adjective is left over, but no buyer
    body = (
        "Perú compró tanques el año pasado. Además, un banco francés financió la compra de "
        "seis helicópteros de Italia."
    )
    found = pairs(tagger, rules, "es", body)
    assert ("FRA", "ITA") not in found
    assert ("PER", "ITA") in found


def test_spanish_adjective_on_a_company_still_names_the_seller(
    tagger: Tagger, rules: RuleSet
) -> None:
    body = "Uruguay firmó la compra de dos patrulleros al astillero español."
    assert ("URY", "ESP") in pairs(tagger, rules, "es", body)


def test_spanish_adjective_on_the_arms_still_names_their_origin(
    tagger: Tagger, rules: RuleSet
) -> None:
    body = "Chile comprará seis helicópteros italianos el año próximo."
    assert ("CHL", "ITA") in pairs(tagger, rules, "es", body)


def test_portuguese_adjective_still_fills_no_side(tagger: Tagger, rules: RuleSet) -> None:
    # pt.yaml fill_adjectives: false reads as before (no side at all)
    body = "A decisão de fornecer obuses à Ucrânia, como queriam os alemães, foi adiada."
    assert pairs(tagger, rules, "pt", body) == set()


def test_fill_adjectives_reads_true_false_or_a_list_of_sides() -> None:
    assert _adjective_roles(True) == SIDES
    assert _adjective_roles(False) == frozenset()
    assert _adjective_roles(["supplier"]) == frozenset({"supplier"})
    with pytest.raises(LexiconError):
        _adjective_roles(["buyer"])
