"""Ten-language roles of the thirteenth stop (s41-i18n-passlist, docs/languages.md "Ten
languages: passives, lists and parties of other clauses"). The sentences are our own.

- The agent of a Slavic passive participle of supplying, named in the instrumental with no
  preposition ("поставлены ... Россией", "поставлені ... Францією"): the seller (ru.yaml, uk.yaml
  `supplier_in_instrumental`, ``pairs._case_required``); Russian gains the `sold` class.
- A name right after a preposition ("an", "nach", "von") is no subject, whatever the rank of a
  subject pattern ("An Indien wurden von Russland ... verkauft": the verb-last "X ... C ...
  {sell}" read India as the seller, and nothing was read; ``pairs._pattern_role``).
- Origin adjectives listed each with its own arms, the second's a name the tables lack
  ("американские F-16 и французские Mirage"): every member keeps the seller's role
  (``pairs._origin_lists``).
"""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

PASSIVES = [
    # each read nothing at base
    ("ru", "Танки были поставлены в Индию Россией.", {("IND", "RUS")}),
    ("ru", "Истребители были проданы Алжиру Россией.", {("DZA", "RUS")}),
    ("uk", "Гелікоптери були поставлені Польщі Францією.", {("POL", "FRA")}),
    ("de", "An Indien wurden von Russland zehn Kampfjets verkauft.", {("IND", "RUS")}),
    ("de", "Nach Polen wurden von Südkorea weitere Panzer geliefert.", {("POL", "KOR")}),
    # read at base already, and still
    ("uk", "Гаубиці були передані Естонії Фінляндією.", {("EST", "FIN")}),
]


@pytest.mark.parametrize(("lang", "body", "want"), PASSIVES, ids=[c[0] for c in PASSIVES])
def test_agent_of_a_passive(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, want: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == want


NO_AGENT = [
    # a dative after the participle is no agent, nor the instrumental of another participle
    ("ru", "Украине были переданы танки."),
    ("ru", "Танки, захваченные Россией, были переданы Сирии."),
]


@pytest.mark.parametrize(("lang", "body"), NO_AGENT, ids=[c[0] for c in NO_AGENT])
def test_no_agent_without_the_instrumental(
    tagger: Tagger, rules: RuleSet, lang: str, body: str
) -> None:
    assert not {sup for _, sup in pairs(tagger, rules, lang, body)} & {"UKR", "RUS"}


ORIGIN_LISTS = [
    # the second member's arms a name the tables lack: read alone at base (USA, GBR only)
    (
        "ru",
        "Украина получит американские истребители F-16 и французские Mirage.",
        {("UKR", "USA"), ("UKR", "FRA")},
    ),
    (
        "uk",
        "Україна отримає британські танки Challenger та німецькі Leopard.",
        {("UKR", "GBR"), ("UKR", "DEU")},
    ),
    # a noun that is no arms: the second adjective stays out (German writes every noun with a
    # capital, so a capital alone is no system's name)
    ("de", "Die Ukraine erhält amerikanische Panzer und französische Berater.", {("UKR", "USA")}),
    # no "and" between the two: another clause
    (
        "ru",
        "Польша получит американские истребители, а французские журналисты это подтвердили.",
        {("POL", "USA")},
    ),
]


@pytest.mark.parametrize(("lang", "body", "want"), ORIGIN_LISTS, ids=[c[0] for c in ORIGIN_LISTS])
def test_origin_adjectives_listed_with_their_arms(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, want: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == want
