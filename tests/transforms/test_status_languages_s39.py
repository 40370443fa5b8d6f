"""Status words of the ten languages brought level with English (eleventh stop, 2026-12-07): the
one-word future of handing over and giving is a pledge (agreed), Turkish negated approval is a
refusal, "according to" is no agreement, nouns of intent and verbs of negotiating and offering
are talks, verbs of annulling a deal are a cancellation, a delivery "scheduled" is an order, a
past purchase alone tells arms in hand in Russian, Ukrainian and Polish as in English, and a
headline's cancellation is the deal's newest step. Every sentence is our own."""

from __future__ import annotations

import pytest

from tests.transforms.test_status_languages import statuses
from worker.transforms.rules import RuleSet
from worker.transforms.rules.transfer import with_opening
from worker.transforms.tag import Tagger

CASES = [
    # a one-word future of handing over or giving: a decision announced, agreed (as English
    # "will give", Russian "передаст"), not talks
    ("uk", "Канада передасть Польщі ще двадцять гаубиць.", ("POL", "CAN"), "agreed"),
    ("uk", "Данія подарує Естонії вісім гаубиць CAESAR.", ("EST", "DNK"), "agreed"),
    ("ru", "Норвегия подарит Литве шесть гаубиц.", ("LTU", "NOR"), "agreed"),
    # Turkish negates inside the verb: a negated approval is a refusal
    ("tr", "Senato, Yunanistan'a F-35 satışını onaylamadı.", ("GRC", "USA"), "blocked"),
    # a noun of intent governs the purchase
    ("uk", "Індонезія має наміри придбати у Франції винищувачі Rafale.", ("IDN", "FRA"), "talks"),
    # Arabic: negotiating a purchase
    ("ar", "الأردن يتفاوض مع فرنسا بخصوص شراء طائرات رافال.", ("JOR", "FRA"), "talks"),
    # proposing a purchase is talks (English "proposed", "offered")
    ("pt", "A França propôs ao Chile a compra de fragatas FREMM.", ("CHL", "FRA"), "talks"),
    # annulling the tender for a purchase: cancelled
    (
        "pl",
        "Czechy unieważniły przetarg na zakup śmigłowców z Francji.",
        ("CZE", "FRA"),
        "cancelled",
    ),
    # a past purchase and nothing else said of the deal: arms in hand (English past_sale)
    ("ru", "Казахстан закупил китайские беспилотники.", ("KAZ", "CHN"), "delivered"),
    ("uk", "Грузія придбала французькі системи ППО.", ("GEO", "FRA"), "delivered"),
]


@pytest.mark.parametrize(
    ("lang", "body", "pair", "status"),
    CASES,
    ids=[f"{c[0]}-{c[3]}-{n}" for n, c in enumerate(CASES)],
)
def test_status_words_as_english_reads_them(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, pair: tuple[str, str], status: str
) -> None:
    assert statuses(tagger, rules, lang, body).get(pair, "no pair") == status


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("es", "Chile anunció, de acuerdo con la prensa, la compra de fragatas a Francia."),
        ("pt", "O Chile anunciou, de acordo com a imprensa, a compra de fragatas da França."),
    ],
)
def test_according_to_is_no_agreement(tagger: Tagger, rules: RuleSet, lang: str, body: str) -> None:
    # "de acuerdo con", "de acordo com" cite a source: the sentence tells no status
    assert statuses(tagger, rules, lang, body) == {("CHL", "FRA"): None}


def test_a_past_purchase_beside_a_contract_keeps_the_contract(
    tagger: Tagger, rules: RuleSet
) -> None:
    # past_sale tells arms in hand only when nothing else is said of the deal
    body = "Казахстан закупил китайские беспилотники по контракту, подписанному весной."
    assert statuses(tagger, rules, "ru", body).get(("KAZ", "CHN")) != "delivered"


def test_a_delivery_scheduled_is_an_order(tagger: Tagger, rules: RuleSet) -> None:
    # the opening tells the status of a pair whose sentence has none: deliveries "scheduled"
    # are ahead under an order, not made
    body = (
        "A Embraer anunciou a venda de três aviões KC-390 para a Eslováquia. "
        "As entregas ficaram programadas para 2028."
    )
    assert statuses(tagger, rules, "pt", body).get(("SVK", "BRA")) == "ordered"


def test_the_headline_cancellation_is_the_newest_step() -> None:
    assert with_opening("agreed", "cancelled") == "cancelled"
    assert with_opening("ordered", "blocked") == "blocked"
    assert with_opening("talks", "cancelled") == "cancelled"
    # a delivery told is not undone by a later cancellation headline of another kind
    assert with_opening("delivered", "cancelled") == "delivered"
    assert with_opening("agreed", "talks") == "agreed"
