"""Ten-language roles of the twelfth stop (s40-i18n-empty, docs/languages.md "2026-12-07
(twelfth stop)"). The sentences are our own.

- "por parte de X" (es, pt) and "da parte di X" (it) name the agent of the noun or verb of the
  deal before them: after a word of buying the buyer, after one of selling or handing over the
  seller; the "de"/"di" in them is never "from" (es.yaml, pt.yaml, it.yaml roles).
"""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
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
    # at base "de Chile" read Chile as the seller to Brazil (the pair reversed)
    body = "La compra de aviones de transporte por parte de Chile a Brasil avanza."
    assert ("BRA", "CHL") not in pairs(tagger, rules, "es", body)
