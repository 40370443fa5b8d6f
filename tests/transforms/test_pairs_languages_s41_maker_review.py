"""Review of the thirteenth stop's ten-language change (s41-i18n-maker; docs/languages.md
"Review of ten languages: empty reads, makers and reversed pairs (thirteenth stop)"). Every
sentence is our own, written for these tests.

- A state asked to BUY is the buyer, not the supplier the request mechanism ("{ask} {to} X")
  made of it: "Washington asked Tokyo to buy F-35s" read USA <- JPN after the change.
- "dirigida a" alone is "aimed at" as well as "addressed to": only a note or letter addressed to
  a state makes it the giver.
- French "demande en X" is the demand in X, not a request to X.
- Arms chosen by a state for another state: the chooser gives them, it does not buy them.
"""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

ASKED_TO_BUY = [
    # the addressee is told to buy: it buys from the arms' maker (each reversed after the change)
    (
        "fr",
        "Washington a demandé au Japon d'acheter davantage d'avions de combat F-35.",
        {("JPN", "USA")},
    ),
    (
        "it",
        "Gli Stati Uniti hanno chiesto al Giappone di acquistare più caccia F-35.",
        {("JPN", "USA")},
    ),
    ("es", "Estados Unidos pidió a Colombia comprar aviones de combate F-16.", {("COL", "USA")}),
    ("pt", "Os Estados Unidos pediram ao Brasil que comprasse caças F-16.", {("BRA", "USA")}),
    (
        "de",
        "Die USA richteten eine Bitte an Japan, mehr Kampfjets F-35 zu kaufen.",
        {("JPN", "USA")},
    ),
]


@pytest.mark.parametrize(("lang", "body", "want"), ASKED_TO_BUY, ids=[c[0] for c in ASKED_TO_BUY])
def test_a_state_asked_to_buy_is_the_buyer(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, want: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == want


ASKER_BUYS = [
    # a buy word that is not the addressee's infinitive is the asker's own purchase: the
    # addressee still supplies ("la compra" is a noun here, though `buy` lists the verb "compra")
    ("es", "Perú solicitó a Corea del Sur la compra de dos fragatas.", {("PER", "KOR")}),
    ("pt", "A Índia solicitou à França a compra de caças Rafale.", {("IND", "FRA")}),
    (
        "fr",
        "L'Inde a demandé à la France une baisse du prix pour l'achat de 26 Rafale.",
        {("IND", "FRA")},
    ),
]


@pytest.mark.parametrize(("lang", "body", "want"), ASKER_BUYS, ids=[c[0] for c in ASKER_BUYS])
def test_the_asker_buying_keeps_the_addressee_as_supplier(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, want: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == want


def test_aimed_at_is_no_request(tagger: Tagger, rules: RuleSet) -> None:
    # "dirigida a Israel" is where the aid goes: Israel receives, it supplies nothing
    body = "Estados Unidos envió armas dirigidas a Ucrania y una ayuda dirigida a Israel."
    assert pairs(tagger, rules, "es", body) == {("UKR", "USA"), ("ISR", "USA")}


def test_a_note_addressed_to_a_state_still_asks_it(tagger: Tagger, rules: RuleSet) -> None:
    body = (
        "El ministro firmó una nota dirigida a Suecia para expresar el interés de Chile en"
        " recibir aviones de combate."
    )
    assert pairs(tagger, rules, "es", body) == {("CHL", "SWE")}


def test_demand_in_a_country_is_no_request(tagger: Tagger, rules: RuleSet) -> None:
    body = "La forte demande en Pologne a poussé la Corée du Sud à livrer davantage de chars K2."
    assert pairs(tagger, rules, "fr", body) == {("POL", "KOR")}


CHOSEN_FOR_ANOTHER = [
    # the agent picks arms that go to another state: it gives, the other receives (the German
    # one read nothing after the change, the others made the United States a buyer)
    ("de", "Die Waffen wurden von den USA ausgewählt und an die Ukraine geliefert."),
    (
        "es",
        "Los misiles seleccionados por Estados Unidos para Ucrania son sistemas NASAMS noruegos.",
    ),
    ("it", "I missili scelti dagli Stati Uniti per l'Ucraina sono sistemi NASAMS norvegesi."),
    (
        "pt",
        "Os mísseis escolhidos pelos Estados Unidos para a Ucrânia são sistemas NASAMS"
        " noruegueses.",
    ),
    ("pl", "Rakiety wybrane przez USA dla Ukrainy to norweskie systemy NASAMS."),
]


@pytest.mark.parametrize(
    ("lang", "body"), CHOSEN_FOR_ANOTHER, ids=[c[0] for c in CHOSEN_FOR_ANOTHER]
)
def test_arms_chosen_for_another_state_are_given_not_bought(
    tagger: Tagger, rules: RuleSet, lang: str, body: str
) -> None:
    # the Norwegian maker may also be read as a seller to Ukraine; the chooser never buys
    got = pairs(tagger, rules, lang, body)
    assert ("UKR", "USA") in got
    assert not any(recipient == "USA" for recipient, _ in got)
