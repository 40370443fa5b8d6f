"""Issue 13: passives with an agent in the languages that mark it with a preposition.

A passive participle of supplying (``sold`` class: entregues, livrés, dostarczone) is a
trigger that reads no subject before it; its agent after ``by`` (pela, par, por, przez) is the
seller (common.yaml "{sold} ... C? ... {by} X"). Participles of buying sit in ``buy`` (active
perfect or passive, the buyer either way), and the agent of a bought passive buys
("{buy} {by} X"). Every sentence here is our own.
"""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

AGENTS = [
    ("pt", "Os tanques foram entregues à Ucrânia pela Alemanha.", {("UKR", "DEU")}),
    ("pt", "Os blindados vendidos pelo Brasil às Filipinas chegaram a Manila.", {("PHL", "BRA")}),
    (
        "es",
        "Los tanques fueron entregados a Ucrania por Alemania y los Países Bajos.",
        {("UKR", "DEU"), ("UKR", "NLD")},
    ),
    (
        "fr",
        "Les obusiers livrés à l'Ukraine par la France et le Danemark sont arrivés.",
        {("UKR", "FRA"), ("UKR", "DNK")},
    ),
    ("pl", "Czołgi zostały dostarczone do Ukrainy przez Niemcy.", {("UKR", "DEU")}),
    # the agent of a bought passive is the buyer
    ("es", "Las corbetas encargadas por Arabia Saudí se construyen en España.", {("SAU", "ESP")}),
]


@pytest.mark.parametrize(("lang", "body", "expected"), AGENTS, ids=lambda x: x)
def test_the_agent_of_a_passive_is_the_seller(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == expected


NO_SUBJECT = [
    # the country before a passive participle is no seller: it holds or gets the arms
    ("pt", "A Ucrânia mostrou os tanques entregues pela Alemanha.", {("UKR", "DEU")}),
    ("es", "Marruecos exhibió los drones entregados por Turquía.", {("MAR", "TUR")}),
]


@pytest.mark.parametrize(("lang", "body", "expected"), NO_SUBJECT, ids=lambda x: x)
def test_a_passive_participle_reads_no_subject(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == expected


def test_italian_da_after_a_purchase_stays_from(tagger: Tagger, rules: RuleSet) -> None:
    # "da" is both the agent and "from": after a verb of buying it names the seller
    body = "L'Egitto ha acquistato fregate dall'Italia."
    assert pairs(tagger, rules, "it", body) == {("EGY", "ITA")}
