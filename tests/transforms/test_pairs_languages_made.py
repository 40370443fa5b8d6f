"""Where the arms were made, one class per language (issue 13, seventh round): "de fabricación",
"made in", "di produzione", "produkcji", "üretimi", "производства", "виробництва", "الصنع" in the
``made`` class of each language file and five patterns in ``common.yaml`` ("XA {made}",
"X {made}", "{made} XA", "{made} {in} X", "{in} X {made}"). The place of making names the
supplier only when the sentence names no other, and never the country the arms go to.

Each sentence (our own) names the buyer through its forces' adjective ("la marine sénégalaise"),
so no other pattern gives it a role: without the made-origin, two countries are left unassigned
and no pair is read."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

MADE = [
    (
        "de",
        "Im Mai erhielt die ägyptische Marine Fregatten aus deutscher Produktion.",
        ("EGY", "DEU"),
    ),
    (
        "fr",
        "La semaine dernière, la marine marocaine a reçu des drones de fabrication turque.",
        ("MAR", "TUR"),
    ),
    (
        "es",
        "El mes pasado, el ejército uruguayo recibió tanques fabricados en Brasil.",
        ("URY", "BRA"),
    ),
    (
        "it",
        "Ieri la marina egiziana ha ricevuto elicotteri di produzione italiana.",
        ("EGY", "ITA"),
    ),
    (
        "pt",
        "No mês passado, o exército chileno recebeu blindados fabricados no Brasil.",
        ("CHL", "BRA"),
    ),
    ("pl", "W piątek słowacka armia otrzymała haubice niemieckiej produkcji.", ("SVK", "DEU")),
    ("ru", "На днях алжирский флот получил вертолеты российского производства.", ("DZA", "RUS")),
    (
        "uk",
        "Минулого тижня литовська армія отримала гелікоптери польського виробництва.",
        ("LTU", "POL"),
    ),
    ("tr", "Geçen hafta Katar ordusuna Türk üretimi tanklar teslim edildi.", ("QAT", "TUR")),
    ("ar", "البحرية المصرية تتسلم طائرات إيطالية الصنع.", ("EGY", "ITA")),
]


@pytest.mark.parametrize(("lang", "body", "pair"), MADE, ids=[m[0] for m in MADE])
def test_the_place_of_making_is_the_supplier(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, pair: tuple[str, str]
) -> None:
    assert pairs(tagger, rules, lang, body) == {pair}


def test_a_named_seller_wins_over_the_place_of_making(tagger: Tagger, rules: RuleSet) -> None:
    # second-hand jets: Denmark sells them, the United States only built them
    body = "Argentina compra a Dinamarca cazas de combate fabricados en Estados Unidos."
    assert pairs(tagger, rules, "es", body) == {("ARG", "DNK")}


def test_arms_made_at_home_for_the_own_army_name_no_seller(tagger: Tagger, rules: RuleSet) -> None:
    # Canada pays for Ukrainian-made drones for Ukraine's army: Ukraine supplies nothing to Canada
    body = "Канада закупить дрони українського виробництва для українського війська."
    assert ("CAN", "UKR") not in pairs(tagger, rules, "uk", body)
