"""Constructions added to the Italian, Polish, Portuguese, German and Spanish lexicons after
reading their dev errors (issue 13, fourth round: recall in the weak languages). One case per
construction; every sentence is our own, written for these tests."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

CASES = [
    # Italian: a shipbuilder building patrol ships for a state is its country's sale
    ("it", "Fincantieri costruirà quattro pattugliatori per il Marocco.", {("MAR", "ITA")}),
    # Italian: the buyer's defence ministry ("della Difesa dell'Indonesia" owns, it is no "from")
    (
        "it",
        "Fincantieri e il ministero della Difesa dell'Indonesia hanno firmato un contratto"
        " per sei fregate.",
        {("IDN", "ITA")},
    ),
    # Polish: the Krab howitzer and "armatohaubice" are arms; the maker stands for Poland
    ("pl", "Huta Stalowa Wola sprzeda Litwie armatohaubice Krab.", {("LTU", "POL")}),
    # Polish: the place of the war ("wojny na Ukrainie") is no buyer beside a signing
    (
        "pl",
        "Po wybuchu wojny na Ukrainie polski rząd podpisał umowę z Koreą Południową na zakup"
        " czołgów K2.",
        {("POL", "KOR")},
    ),
    # Polish: tanks sent as military aid ("pomoc wojskowa") are second-hand: their maker
    # (Russia for the T-72) is not the supplier, and no other state is named
    (
        "pl",
        "Czołgi T-72 z ostatniej transzy pomocy wojskowej dla Kijowa dotarły na Ukrainę.",
        set(),
    ),
    # Portuguese: "o governo do Chile" is Chile buying, not a supplier after "do"
    (
        "pt",
        "O governo do Chile suspendeu a compra de blindados da empresa israelense Elbit Systems.",
        {("CHL", "ISR")},
    ),
    # Portuguese: "materiais de defesa" (defence materiel) are arms
    ("pt", "O Peru suspendeu a compra de materiais de defesa da Coreia do Sul.", {("PER", "KOR")}),
    # Portuguese: "equipar" a state with arms supplies it
    ("pt", "A Saab vai equipar a Tailândia com caças Gripen.", {("THA", "SWE")}),
    # German: handing arms on from one's own stocks ("abzugeben"), verb last after "an X"
    (
        "de",
        "Die Niederlande haben beschlossen, drei Patriot-Systeme an die Ukraine abzugeben.",
        {("UKR", "NLD")},
    ),
    # German: "ausgeliefert" (delivered), the supplier through its army
    (
        "de",
        "Zwei Panzerhaubitzen der Bundeswehr sind nach Lettland ausgeliefert worden.",
        {("LVA", "DEU")},
    ),
    # German: "in X gefertigt" names the maker's state, not a recipient
    (
        "de",
        "Saudi-Arabien soll Kampfjets, die aus in Deutschland gefertigten Teilen bestehen,"
        " bekommen.",
        {("SAU", "DEU")},
    ),
    # German: "die Ukraine-Krise" is the crisis, not a party
    (
        "de",
        "Wegen der Ukraine-Krise kauft Litauen Panzerhaubitzen von Deutschland.",
        {("LTU", "DEU")},
    ),
    # Spanish: ships ("buques") are arms; a future sale
    ("es", "El astillero Navantia venderá cuatro buques a Marruecos.", {("MAR", "ESP")}),
    # Spanish: an arms embargo is a transfer refused by the government that imposes it
    ("es", "El Gobierno de Irlanda aprobó un embargo de armas a Israel.", {("ISR", "IRL")}),
    # Spanish: a naval blockade's target is no recipient
    (
        "es",
        "La venta de fragatas españolas a Arabia Saudí causó polémica por el bloqueo naval"
        " a Yemen.",
        {("SAU", "ESP")},
    ),
    # Spanish: "de fabricación española" after the arms names their origin (a subjunctive buy)
    (
        "es",
        "España y Marruecos firmarán un acuerdo para que Rabat compre buques de guerra de"
        " fabricación española.",
        {("MAR", "ESP")},
    ),
]


@pytest.mark.parametrize(("lang", "body", "expected"), CASES, ids=[c[0] for c in CASES])
def test_recall_construction(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == expected
