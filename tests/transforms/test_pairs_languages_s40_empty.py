"""Ten-language roles of the twelfth stop (s40-i18n-empty, docs/languages.md "2026-12-07
(twelfth stop)"). The sentences are our own.

- "por parte de X" (es, pt) and "da parte di X" (it) name the agent of the noun or verb of the
  deal before them: after a word of buying the buyer, after one of selling or handing over the
  seller; the "de"/"di" in them is never "from" (es.yaml, pt.yaml, it.yaml roles).
- The verbs of arriving in the forms the classes lacked: Ukrainian "надійти", "надійде",
  "надходять", Polish "trafić" ("trafiły do X": arms arrived in X); the Polish past of it tells
  a delivery (pl.yaml `delivered`). "trafić" is also to hit ("trafiła w"): it counts only with
  "do" right after it or two words before it (class `arrive_to`, ``pairs._arrives_nowhere``).
"""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from tests.transforms.test_status_languages import statuses
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

AGENT_PHRASE = [
    # a noun of buying: the agent is the buyer (both read nothing at base: "de X" was "from")
    (
        "es",
        "Concluyó ayer la adquisición de cazas Gripen por parte de Tailandia.",
        {("THA", "SWE")},
    ),
    (
        "pt",
        "Foi concluída a aquisição de blindados Guarani por parte das Filipinas.",
        {("PHL", "BRA")},
    ),
    # a noun of selling or handing over: the agent is the seller
    (
        "es",
        "Se firmó la venta de seis corbetas por parte de España a Arabia Saudita.",
        {("SAU", "ESP")},
    ),
    ("pt", "Começou a entrega de dois submarinos por parte da França ao Brasil.", {("BRA", "FRA")}),
    (
        "it",
        "Prosegue la fornitura da parte della Germania di carri Leopard alla Norvegia.",
        {("NOR", "DEU")},
    ),
]


@pytest.mark.parametrize(("lang", "body", "want"), AGENT_PHRASE, ids=[c[0] for c in AGENT_PHRASE])
def test_agent_phrase_of_a_deal_word(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, want: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == want


def test_agent_of_a_purchase_is_not_its_seller(tagger: Tagger, rules: RuleSet) -> None:
    # at base "de Chile" read Chile as the seller to Brazil (the pair reversed); since the
    # review "a Brasil" after the agent phrase is the seller (es.yaml)
    body = "La compra de aviones de transporte por parte de Chile a Brasil avanza."
    assert pairs(tagger, rules, "es", body) == {("CHL", "BRA")}


ARRIVING = [
    ("uk", "В Естонію мають надійти британські танки Challenger.", ("EST", "GBR"), None),
    ("uk", "Наступного року до Литви надійдуть німецькі гелікоптери.", ("LTU", "DEU"), None),
    ("pl", "Do Litwy trafiły niemieckie czołgi Leopard.", ("LTU", "DEU"), "delivered"),
    ("pl", "W zeszłym tygodniu do Estonii trafiły szwedzkie haubice.", ("EST", "SWE"), "delivered"),
]


@pytest.mark.parametrize(("lang", "body", "pair", "status"), ARRIVING, ids=[c[0] for c in ARRIVING])
def test_verbs_of_arriving(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, pair: tuple[str, str], status: str | None
) -> None:
    assert statuses(tagger, rules, lang, body) == {pair: status}


HITS = [
    "Rosyjska rakieta trafiła w budynek mieszkalny na Ukrainie.",
    "Ukraińskie drony trafiły w rafinerię w Rosji.",
    "Izraelskie pociski trafiły w Iran.",
]


@pytest.mark.parametrize("body", HITS)
def test_a_hit_is_no_arrival(tagger: Tagger, rules: RuleSet, body: str) -> None:
    assert pairs(tagger, rules, "pl", body) == set()


def test_arrived_with_to_before_the_verb(tagger: Tagger, rules: RuleSet) -> None:
    body = "Minister potwierdził, że do Łotwy trafiły już fińskie haubice."
    assert pairs(tagger, rules, "pl", body) == {("LVA", "FIN")}
