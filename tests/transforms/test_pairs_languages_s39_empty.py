"""A recipient named as its armed service, and an order received, in the ten languages
(s39-i18n-empty, docs/languages.md "2026-12-07 (eleventh stop)"). One test per construction;
every sentence is our own, written for these tests."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from tests.transforms.test_pairs_languages_arms import LEAD
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger


def _read(tagger: Tagger, rules: RuleSet, lang: str, body: str) -> set[tuple[str, str]]:
    return pairs(tagger, rules, lang, f"{LEAD[lang]} {body}")


# Turkish writes a case suffix joined to a state body's last word ("Kuvvetlerine", to the
# forces of; "Bakanlığından", from the ministry of): the state before the body takes the case
TURKISH_BODIES = [
    ("Almanya, iki denizaltıyı Peru Deniz Kuvvetlerine teslim etti.", ("PER", "DEU")),
    ("İtalya, Mısır Kara Kuvvetleri Komutanlığına tank gönderdi.", ("EGY", "ITA")),
    ("Peru, Almanya Savunma Bakanlığından altı helikopter satın aldı.", ("PER", "DEU")),
]


@pytest.mark.parametrize(("body", "pair"), TURKISH_BODIES, ids=[p[1][0] for p in TURKISH_BODIES])
def test_tr_state_body_with_a_joined_case_suffix(
    tagger: Tagger, rules: RuleSet, body: str, pair: tuple[str, str]
) -> None:
    got = _read(tagger, rules, "tr", body)
    assert pair in got
    assert (pair[1], pair[0]) not in got


# (French, Portuguese and Italian services already read their pair through the sentence's
# one other country; the Spanish ones did not)
# "national" inside an armed service's name, before the state's adjective: the service is
# the state ("a la Armada Nacional paraguaya" is Paraguay)
def test_es_national_service_with_its_adjective(tagger: Tagger, rules: RuleSet) -> None:
    body = "Chile donará dos patrulleros a la Armada Nacional paraguaya."
    assert _read(tagger, rules, "es", body) == {("PRY", "CHL")}


def test_es_national_service_with_its_genitive(tagger: Tagger, rules: RuleSet) -> None:
    body = "La Policía Nacional de Perú recibió fusiles de Israel."
    assert _read(tagger, rules, "es", body) == {("PER", "ISR")}


# Arabic "the arms of the air" is the air force: the arms word before a service word is the
# body's first word, and the nisba after it names its state (here with the noun of receipt)
def test_ar_air_force_named_with_the_arms_word(tagger: Tagger, rules: RuleSet) -> None:
    body = "أعلنت شركة إيطالية عن استلام سلاح الجو المغربي مروحيات."
    assert _read(tagger, rules, "ar", body) == {("MAR", "ITA")}


# an order received comes from its buyer: the receiver of the order sells
ORDERS = [
    ("fr", "Le chantier français a reçu une commande du Pérou pour quatre patrouilleurs."),
    ("es", "El astillero español recibió un pedido de Perú de cuatro patrulleros."),
    ("it", "Il cantiere italiano ha ricevuto un ordine dal Perù per quattro pattugliatori."),
    ("pt", "O estaleiro português recebeu uma encomenda do Peru de quatro patrulheiros."),
    ("de", "Die deutsche Werft erhielt einen Auftrag aus Peru über vier Patrouillenboote."),
    ("pl", "Polska stocznia otrzymała zamówienie od Peru na cztery okręty patrolowe."),
    ("ru", "Польская верфь получила заказ от Перу на четыре танка."),
    ("uk", "Польська верф отримала замовлення від Перу на чотири танки."),
    ("tr", "İspanya, Peru'dan dört helikopter siparişi aldı."),
]
SELLERS = {"fr": "FRA", "es": "ESP", "it": "ITA", "pt": "PRT", "de": "DEU", "pl": "POL",
           "ru": "POL", "uk": "POL", "tr": "ESP"}  # fmt: skip


@pytest.mark.parametrize(("lang", "body"), ORDERS, ids=[o[0] for o in ORDERS])
def test_order_received_from_its_buyer(
    tagger: Tagger, rules: RuleSet, lang: str, body: str
) -> None:
    seller = SELLERS[lang]
    got = _read(tagger, rules, lang, body)
    assert ("PER", seller) in got
    assert (seller, "PER") not in got


# a purchase from a state is still read as one (the order pattern needs the order noun): these
# read so before this round too, and guard it
def test_purchase_from_a_state_unchanged(tagger: Tagger, rules: RuleSet) -> None:
    assert ("PER", "ESP") in _read(
        tagger, rules, "tr", "Peru, İspanya'dan dört helikopter satın aldı."
    )
    assert ("PER", "ESP") in _read(
        tagger, rules, "es", "Perú recibió de España cuatro helicópteros."
    )


# night-vision devices and patrol boats are arms: a sentence handing them over qualifies
GEAR = [
    ("uk", "Канада передала Україні прилади нічного бачення.", ("UKR", "CAN")),
    ("de", "Kanada liefert Nachtsichtgeräte an Litauen.", ("LTU", "CAN")),
    ("fr", "Le Canada a remis des jumelles de vision nocturne au Mali.", ("MLI", "CAN")),
    ("fr", "La France a livré deux bateaux de patrouille au Sénégal.", ("SEN", "FRA")),
    ("ru", "Россия передала Вьетнаму два катера.", ("VNM", "RUS")),
    ("uk", "США передали Україні два катери.", ("UKR", "USA")),
]


@pytest.mark.parametrize(("lang", "body", "pair"), GEAR, ids=[f"{g[0]}-{g[2][1]}" for g in GEAR])
def test_night_vision_and_patrol_boats_are_arms(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, pair: tuple[str, str]
) -> None:
    assert pair in _read(tagger, rules, lang, body)


# a name that begins as the cutter word does is no arms (the forms are listed whole)
def test_uk_cutter_forms_are_whole_words(tagger: Tagger, rules: RuleSet) -> None:
    assert _read(tagger, rules, "uk", "Катерина сказала, що Канада допомагає Україні.") == set()


# the Turkish passive of selling, with its agent before "tarafından"
def test_tr_passive_of_selling(tagger: Tagger, rules: RuleSet) -> None:
    body = "İki gemi İtalya tarafından Endonezya'ya satıldı."
    assert _read(tagger, rules, "tr", body) == {("IDN", "ITA")}


# re-exporting: the state asked, allowed or forbidden to re-export ("à X de réexporter") sells
REEXPORT = [
    ("fr", "La Belgique interdit à la Norvège de réexporter ses obus vers la Lituanie."),
    ("es", "Suiza prohíbe a Noruega reexportar munición a Lituania."),
    ("de", "Die Schweiz verbietet Norwegen, Munition an Litauen zu reexportieren."),
]


@pytest.mark.parametrize(("lang", "body"), REEXPORT, ids=[r[0] for r in REEXPORT])
def test_reexport_by_the_state_asked(tagger: Tagger, rules: RuleSet, lang: str, body: str) -> None:
    got = _read(tagger, rules, lang, body)
    assert ("LTU", "NOR") in got
    assert not any(rec == "NOR" for rec, _ in got)


# a state asked to deliver is the seller, not a recipient of "à X"
def test_fr_state_asked_to_deliver_sells(tagger: Tagger, rules: RuleSet) -> None:
    body = "La France a demandé à la Belgique de livrer des obus à l'Ukraine."
    assert _read(tagger, rules, "fr", body) == {("UKR", "BEL")}
