"""Review fixes of the eleventh stop's ten-language roles and status (s39-i18n-empty,
s39-i18n-status-weapon), 2026-12-07. Every sentence is our own, written for these tests."""

from __future__ import annotations

from tests.transforms.test_pairs_languages import pairs
from tests.transforms.test_status_languages import statuses
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger


def test_german_kuendigte_an_announces_no_cancellation(tagger: Tagger, rules: RuleSet) -> None:
    # "kündigte ... an" (announced): no cancellation; "gekündigt" (terminated) still is one
    got = statuses(
        tagger, rules, "de", "Schweden kündigte die Lieferung von Panzern an Finnland an."
    )
    assert got.get(("FIN", "SWE")) != "cancelled"
    got = statuses(
        tagger, rules, "de", "Schweden hat den Vertrag über Panzer mit Finnland gekündigt."
    )
    assert "cancelled" in got.values()


def test_the_ordered_goods_received_come_from_their_seller(tagger: Tagger, rules: RuleSet) -> None:
    # the participle "ordered" is no order received: its receiver is the buyer
    body = "Индия получила заказанные у России истребители Су-30."
    assert pairs(tagger, rules, "ru", body) == {("IND", "RUS")}
    # the noun still is: who receives an order sells
    body = "Россия получила заказ на истребители Су-30 от Индии."
    assert pairs(tagger, rules, "ru", body) == {("IND", "RUS")}


def test_to_a_state_before_the_sell_verb_is_its_buyer(tagger: Tagger, rules: RuleSet) -> None:
    # "to X" right before the verb is the buyer; only "to X of (selling)" is the state told to sell
    body = "L'Italia all'Egitto venderà due fregate FREMM."
    assert ("ITA", "EGY") not in pairs(tagger, rules, "it", body)
    body = "Paris a interdit à l'Inde de réexporter les Rafale vers l'Égypte."
    assert pairs(tagger, rules, "fr", body) == {("EGY", "IND")}


def test_turkish_according_to_a_ministry_is_no_recipient(tagger: Tagger, rules: RuleSet) -> None:
    body = "ABD hükümetine göre Türkiye Rusya'dan S-400 füze sistemi satın aldı."
    assert pairs(tagger, rules, "tr", body) == {("TUR", "RUS")}
    body = "Almanya Savunma Bakanlığına göre Polonya ABD'den F-35 savaş uçağı satın aldı."
    assert pairs(tagger, rules, "tr", body) == {("POL", "USA")}
    # a state's navy with the joined dative still receives
    body = "Almanya Katar Deniz Kuvvetlerine fırkateyn teslim etti."
    assert pairs(tagger, rules, "tr", body) == {("QAT", "DEU")}


def test_a_minister_resigning_cancels_no_deal(tagger: Tagger, rules: RuleSet) -> None:
    body = "El ministro renunció tras la compra de aviones F-16 a Dinamarca por Argentina."
    assert statuses(tagger, rules, "es", body).get(("ARG", "DNK")) != "cancelled"
    body = "O ministro renunciou depois que o Brasil comprou caças Gripen da Suécia."
    assert statuses(tagger, rules, "pt", body).get(("BRA", "SWE")) != "cancelled"


def test_arabic_displayed_is_no_offer(tagger: Tagger, rules: RuleSet) -> None:
    body = "عرضت مصر طائرات رافال التي اشترتها من فرنسا."
    assert statuses(tagger, rules, "ar", body).get(("EGY", "FRA")) != "talks"


def test_arabic_a_services_own_arms_stay_arms(tagger: Tagger, rules: RuleSet) -> None:
    # only "سلاح" (arms) heads a service's name; the navy's aircraft are arms
    assert pairs(tagger, rules, "ar", "اشترت مصر طائرات البحرية من فرنسا.") == {("EGY", "FRA")}
    body = "تسلم سلاح الجو المصري طائرات رافال من فرنسا."
    assert pairs(tagger, rules, "ar", body) == {("EGY", "FRA")}
