"""Ten-language roles of the thirteenth stop (s41-i18n-maker, docs/languages.md "Ten languages:
empty reads, makers and reversed pairs, 2026-12-07 (thirteenth stop)"). The sentences are our own.

- The addressee of a request is the giver: "X asked Y to supply", "a note addressed to Y" (class
  `ask`, common.yaml "{ask} {to} X"): Y supplies; at base "{to} Y" read Y as the buyer, or
  nothing was read. The asker is not made a buyer: "France asked Belgium to deliver shells to
  Ukraine" (test_pairs_languages_s39_empty.py) reads UKR <- BEL only.
- The agent of a passive of choosing buys (class `chosen`, a trigger; common.yaml "W ... {chosen}
  {by} X", Italian "{from}", German "von X" before the participle): "the KC-390 was selected by
  the air forces of A, B and C".
"""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

ASKED = [
    (
        "fr",
        "Le Maroc a demandé à la France la fourniture de vingt hélicoptères de combat.",
        {("MAR", "FRA")},
    ),
    (
        "es",
        "El canciller firmó una carta dirigida a Suecia para expresar el interés del gobierno"
        " chileno en recibir seis aviones de combate usados.",
        {("CHL", "SWE")},
    ),
    (
        "de",
        "Katar richtete eine Anfrage an die USA zur Lieferung von zwölf Kampfhubschraubern.",
        {("QAT", "USA")},
    ),
    ("pl", "Rumunia skierowała wniosek do USA o dostawę czołgów Abrams.", {("ROU", "USA")}),
    (
        "pt",
        "Angola solicitou à Itália o fornecimento de quatro helicópteros militares.",
        {("AGO", "ITA")},
    ),
    (
        "it",
        "Il Perù ha chiesto alla Francia di consegnare dodici elicotteri da combattimento.",
        {("PER", "FRA")},
    ),
]


@pytest.mark.parametrize(("lang", "body", "want"), ASKED, ids=[c[0] for c in ASKED])
def test_addressee_of_a_request_supplies(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, want: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == want


def test_plain_to_still_reads_the_buyer(tagger: Tagger, rules: RuleSet) -> None:
    # no word of asking: "à X" is the buyer, as before
    body = "La France a livré vingt hélicoptères de combat au Maroc."
    assert pairs(tagger, rules, "fr", body) == {("MAR", "FRA")}


CHOSEN = [
    # a passive of choosing: its agent buys, the arms' maker sells (each read nothing at base)
    (
        "pt",
        "O cargueiro KC-390 foi selecionado pelas forças aéreas de Portugal, Holanda e Áustria.",
        {("PRT", "BRA"), ("NLD", "BRA"), ("AUT", "BRA")},
    ),
    ("fr", "Le Rafale a été choisi par l'Inde pour équiper sa marine.", {("IND", "FRA")}),
    ("es", "El avión de combate Gripen fue seleccionado por Colombia.", {("COL", "SWE")}),
    ("pl", "Śmigłowiec Black Hawk został wybrany przez Filipiny.", {("PHL", "USA")}),
    ("it", "Il nuovo elicottero AW149 è stato scelto dalla Polonia.", {("POL", "ITA")}),
    ("de", "Der Kampfpanzer Leopard 2 wurde von Norwegen ausgewählt.", {("NOR", "DEU")}),
]


@pytest.mark.parametrize(("lang", "body", "want"), CHOSEN, ids=[c[0] for c in CHOSEN])
def test_agent_of_a_choice_buys(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, want: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == want


def test_a_state_chosen_for_something_else_buys_nothing(tagger: Tagger, rules: RuleSet) -> None:
    # the agent of a choice with no arms before it is no buyer
    body = "O Brasil foi escolhido pela FIFA para sediar a Copa, e comprou caças suecos."
    assert pairs(tagger, rules, "pt", body) == {("BRA", "SWE")}
