"""Constructions added to the language lexicons after reading the dev errors (issue 13, third
round), and people, organisations and seats of government in local spellings
(worker/data/gazetteer/people_local.yaml). Every sentence is our own, written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.model import Article
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

NOW = datetime(2026, 12, 5, tzinfo=UTC)
PAIR_RULE = "arms-transfer-pair"


def entities(tagger: Tagger, lang: str, body: str) -> set[str]:
    tagged = tagger.tag(Article(id="t", title="", body=body, language=lang))
    return {e.id for e in tagged.entities}


def test_polish_na_with_a_destination_after_a_verb_of_supplying(
    tagger: Tagger, rules: RuleSet
) -> None:
    # "na Ukrainę" (accusative) is where the arms go once a verb of handing over precedes it
    assert pairs(tagger, rules, "pl", "Czechy przekazały na Ukrainę haubice Dana.") == {
        ("UKR", "CZE")
    }


def test_polish_na_with_a_place_is_no_recipient(tagger: Tagger, rules: RuleSet) -> None:
    # "na Ukrainie" (locative) only places the war; the buyer and seller are Poland and Korea
    body = "W czasie wojny na Ukrainie Polska kupiła od Korei Południowej czołgi K2."
    assert pairs(tagger, rules, "pl", body) == {("POL", "KOR")}


def test_handed_on_arms_are_not_the_makers(tagger: Tagger, rules: RuleSet) -> None:
    # T-72s handed on by the Czech Republic: Russia (the maker) is not the supplier
    body = "Stare czołgi T-72 przekazały Ukrainie Czechy."
    assert pairs(tagger, rules, "pl", body) == {("UKR", "CZE")}


def test_handover_without_a_giver_names_no_maker(tagger: Tagger, rules: RuleSet) -> None:
    body = "Liczba czołgów T-72 przekazanych Ukrainie przekroczyła trzysta."
    assert pairs(tagger, rules, "pl", body) == set()


def test_arms_before_the_handover_keep_their_maker(tagger: Tagger, rules: RuleSet) -> None:
    # the K2s bought from Korea come before the handing on of the T-72s
    body = "Dostawy czołgów K2 pozwalają Polsce przekazywanie czołgów T-72 dalej."
    assert ("POL", "KOR") in pairs(tagger, rules, "pl", body)
    assert ("POL", "RUS") not in pairs(tagger, rules, "pl", body)


def test_ukrainian_handover_is_second_hand(tagger: Tagger, rules: RuleSet) -> None:
    body = "Словаччина передала Україні винищувачі МіГ-29."
    assert pairs(tagger, rules, "uk", body) == {("UKR", "SVK")}


def test_a_company_stands_for_its_country_as_supplier(tagger: Tagger, rules: RuleSet) -> None:
    body = "Navantia construirá cuatro corbetas para Marruecos tras firmar el contrato."
    assert pairs(tagger, rules, "es", body) == {("MAR", "ESP")}


def test_a_company_is_never_the_buyer(tagger: Tagger, rules: RuleSet) -> None:
    # "compra" after the company's name is the Argentine purchase, not Saab buying
    body = "A Argentina assinou com a Saab um contrato para a compra de caças Gripen."
    assert pairs(tagger, rules, "pt", body) == {("ARG", "SWE")}


def test_the_buyers_defence_ministry_in_spanish(tagger: Tagger, rules: RuleSet) -> None:
    body = "El Ministerio de Defensa de Marruecos firmó un contrato para comprar corbetas a España."
    assert pairs(tagger, rules, "es", body) == {("MAR", "ESP")}


def test_polish_army_and_government_stand_for_the_states(tagger: Tagger, rules: RuleSet) -> None:
    body = "Stany Zjednoczone przekażą Wojsku Polskiemu dwanaście śmigłowców Apache."
    assert pairs(tagger, rules, "pl", body) == {("POL", "USA")}
    body = "Ministerstwo Obrony Narodowej podpisało umowę z rządem Stanów Zjednoczonych na rakiety."
    assert pairs(tagger, rules, "pl", body) == {("POL", "USA")}


def test_german_from_army_stocks_and_a_late_verb(tagger: Tagger, rules: RuleSet) -> None:
    body = (
        "Wegen der Lage rüstet Estland seine Truppen mit deutscher Unterstützung auf und kauft "
        "zehn Haubitzen aus Beständen der Bundeswehr."
    )
    assert pairs(tagger, rules, "de", body) == {("EST", "DEU")}


def test_russian_arrival_is_a_transfer(tagger: Tagger, rules: RuleSet) -> None:
    body = "Новая партия истребителей Су-30СМ2 прибыла из России в Белоруссию."
    assert pairs(tagger, rules, "ru", body) == {("BLR", "RUS")}


@pytest.mark.parametrize(
    ("lang", "body", "expected"),
    [
        (
            "ru",
            "Путин и Эрдоган говорили с Рособоронэкспортом.",
            {"vladimir-putin", "recep-tayyip-erdogan", "rosoboronexport"},
        ),
        ("uk", "Зеленський зустрівся з представниками НАТО.", {"volodymyr-zelensky", "nato"}),
        ("ar", "قال أردوغان إن الناتو لن يتدخل.", {"recep-tayyip-erdogan", "nato"}),
        (
            "pl",
            "Rozmowa z Putinem i Erdoğanem trwała godzinę.",
            {"vladimir-putin", "recep-tayyip-erdogan"},
        ),
        ("fr", "Le Pentagone a confirmé la commande.", {"pentagon"}),
        ("ru", "Контракт подписан с компанией Локхид Мартин.", {"lockheed-martin"}),
    ],
)
def test_people_and_organisations_in_local_spellings(
    tagger: Tagger, lang: str, body: str, expected: set[str]
) -> None:
    assert expected <= entities(tagger, lang, body)


@pytest.mark.parametrize(
    ("lang", "body", "country"),
    [
        ("ru", "В Кремле заявили о новых поставках.", "RUS"),
        ("pl", "Kreml odpowiedział na sankcje.", "RUS"),
        ("ar", "أعلن الكرملين عن صفقة جديدة.", "RUS"),
        ("fr", "La Maison Blanche a approuvé la vente.", "USA"),
        ("es", "El Elíseo no comentó el contrato.", "FRA"),
        ("ru", "Белоруссия получила новые самолёты.", "BLR"),
    ],
)
def test_seats_of_government_stand_for_the_state(
    tagger: Tagger, lang: str, body: str, country: str
) -> None:
    assert country in entities(tagger, lang, body)


def test_italian_order_of_helicopters_for_a_navy(tagger: Tagger, rules: RuleSet) -> None:
    # a "commessa" (order) is a deal; helicopters are arms; the company sells for Italy
    body = "Leonardo ha vinto una commessa per 40 elicotteri destinati al Brasile."
    assert pairs(tagger, rules, "it", body) == {("BRA", "ITA")}


def test_a_company_is_read_as_its_country_but_a_state_body_may_buy(
    tagger: Tagger, rules: RuleSet
) -> None:
    # the Brazilian Air Force by its proper name stands for Brazil, here the buyer
    body = "A Força Aérea Brasileira comprou helicópteros da Itália."
    assert pairs(tagger, rules, "pt", body) == {("BRA", "ITA")}


def test_portuguese_arms_right_before_the_recipient(tagger: Tagger, rules: RuleSet) -> None:
    # "à" folds to the ignored article "a": the arms stand right before the recipient
    body = "A Espanha decidiu fornecer tanques à Ucrânia."
    assert pairs(tagger, rules, "pt", body) == {("UKR", "ESP")}


def test_german_a_country_against_the_purchase_is_a_bystander(
    tagger: Tagger, rules: RuleSet
) -> None:
    # without the pattern the US would be the one country left, hence read as the buyer
    body = "Die US-Regierung ist gegen den Kauf russischer Raketen durch die Türkei."
    assert pairs(tagger, rules, "de", body) == {("TUR", "RUS")}
    body = "Die US-Regierung ist gegen den Kauf russischer Raketen."
    assert pairs(tagger, rules, "de", body) == set()
