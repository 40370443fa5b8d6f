"""Review fixes of the eleventh stop, ten languages, 2026-12-07: a deal signed on a visit keeps
the visited buyer; training given to a state or by one is no place; the target of sanctions and
a seller after the verb are no critics; a Polish "z Włoch" keeps its seller beside a second one;
a gapped subject after a first clause that names its seller. Every sentence is invented (most
are the reviewer's)."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

VISITS = [
    (
        "ru",
        "Во время визита в Индию Россия подписала контракт на поставку 10 истребителей Су-30.",
        {("IND", "RUS")},
    ),
    (
        "ru",
        "Во время визита в Индию Франция подписала контракт на поставку 26 истребителей Rafale.",
        {("IND", "FRA")},
    ),
    (
        "de",
        "Bei einem Besuch in Indien unterzeichnete Frankreich einen Vertrag über 26 Rafale.",
        {("IND", "FRA")},
    ),
    (
        "es",
        "Durante la visita del presidente a India, Francia firmó la venta de 26 cazas Rafale.",
        {("IND", "FRA")},
    ),
    ("fr", "Lors de sa visite en Inde, la France a signé la vente de 26 Rafale.", {("IND", "FRA")}),
    (
        "pt",
        "Durante a visita ao Brasil, a Suécia assinou a venda de 36 caças Gripen.",
        {("BRA", "SWE")},
    ),
    (
        "tr",
        "Türkiye, Katar ziyaretinde 20 Bayraktar TB2 satışı için anlaşma imzaladı.",
        {("QAT", "TUR")},
    ),
    (
        "pl",
        "Podczas wizyty w Korei Południowej Polska podpisała umowę na zakup 180 czołgów K2.",
        {("POL", "KOR")},
    ),
]


@pytest.mark.parametrize(("lang", "body", "want"), VISITS, ids=[c[0] for c in VISITS])
def test_a_deal_signed_on_a_visit_keeps_the_visited_buyer(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, want: set
) -> None:
    assert pairs(tagger, rules, lang, body) == want


TRAINING_GIVEN = [
    # training given TO the recipient, or BY the supplier: no place of a training
    (
        "es",
        "Alemania dará entrenamiento a Ucrania y le entregará 20 tanques Leopard.",
        {("UKR", "DEU")},
    ),
    (
        "fr",
        "La France apportera une formation à l'Ukraine et livrera 12 canons Caesar.",
        {("UKR", "FRA")},
    ),
    ("es", "Alemania enviará a Ucrania formación y 20 tanques Leopard.", {("UKR", "DEU")}),
    ("ru", "Германия обеспечит обучение Украине и поставит 20 танков.", {("UKR", "DEU")}),
    (
        "ru",
        "Россия поставит в Индию ремонтные мастерские и 10 истребителей Су-30.",
        {("IND", "RUS")},
    ),
    ("es", "Ucrania recibirá de Alemania formación y 20 tanques Leopard.", {("UKR", "DEU")}),
]


@pytest.mark.parametrize(
    ("lang", "body", "want"), TRAINING_GIVEN, ids=[c[0] for c in TRAINING_GIVEN]
)
def test_training_given_to_or_by_a_state_is_no_place(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, want: set
) -> None:
    assert pairs(tagger, rules, lang, body) == want


SANCTIONED = [
    # the target of sanctions is no critic; nor is a seller past the verb of buying
    (
        "es",
        "Pese a las sanciones contra Rusia, India recibirá diez aviones de combate.",
        {("IND", "RUS")},
    ),
    ("pl", "Mimo sankcji wobec Rosji Indie otrzymają kolejne myśliwce.", {("IND", "RUS")}),
    (
        "fr",
        "Malgré les sanctions contre la Russie, l'Inde recevra dix avions de combat.",
        {("IND", "RUS")},
    ),
    ("ru", "Индия несмотря на санкции купила у России 10 истребителей.", {("IND", "RUS")}),
]


@pytest.mark.parametrize(("lang", "body", "want"), SANCTIONED, ids=[c[0] for c in SANCTIONED])
def test_the_target_of_sanctions_is_no_critic(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, want: set
) -> None:
    assert pairs(tagger, rules, lang, body) == want


def test_the_criticism_of_a_state_still_makes_a_critic(tagger: Tagger, rules: RuleSet) -> None:
    body = "L'Egitto compra due fregate dall'Italia nonostante le critiche della Francia."
    assert pairs(tagger, rules, "it", body) == {("EGY", "ITA")}


SECOND_SELLER = [
    ("Polska kupi z Włoch 32 śmigłowce, a z Niemiec 20 czołgów.", {("POL", "DEU"), ("POL", "ITA")}),
    (
        "Polska kupi od Węgier 20 transporterów, a od Niemiec 20 czołgów.",
        {("POL", "DEU"), ("POL", "HUN")},
    ),
    (
        "Ukraina otrzyma z Włoch system SAMP/T oraz z Niemiec czołgi Leopard.",
        {("UKR", "DEU"), ("UKR", "ITA")},
    ),
]


@pytest.mark.parametrize(("body", "want"), SECOND_SELLER)
def test_polish_genitive_after_from_keeps_its_seller(
    tagger: Tagger, rules: RuleSet, body: str, want: set
) -> None:
    assert pairs(tagger, rules, "pl", body) == want


def test_ukrainian_u_before_an_accusative_stays_into(tagger: Tagger, rules: RuleSet) -> None:
    body = "Нідерланди передадуть у Україну 20 танків Leopard."
    assert pairs(tagger, rules, "uk", body) == {("UKR", "NLD")}


GAPPED_AFTER_SELLER = [
    ("pl", "Polska kupiła 32 F-35 od USA, Rumunia 48.", {("POL", "USA"), ("ROU", "USA")}),
    ("uk", "Польща купила 32 F-35 у США, Румунія 48.", {("POL", "USA"), ("ROU", "USA")}),
    (
        "ru",
        "Египет получит от Франции 12 истребителей Rafale, Индия — 26.",
        {("EGY", "FRA"), ("IND", "FRA")},
    ),
    ("ru", "Египет получит 12 истребителей Rafale, Индия — 26.", {("EGY", "FRA"), ("IND", "FRA")}),
]


@pytest.mark.parametrize(
    ("lang", "body", "want"), GAPPED_AFTER_SELLER, ids=[c[0] for c in GAPPED_AFTER_SELLER]
)
def test_a_gapped_subject_after_a_named_seller(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, want: set
) -> None:
    assert pairs(tagger, rules, lang, body) == want


ENGLISH_AIRLINERS = [
    # the English side of the airliner guard (pairs._civil_only), and its military keep-case
    ("Embraer delivered two E190 jets to an airline in Kenya.", set()),
    ("Embraer delivered two KC-390 transports to the air force of Portugal.", {("PRT", "BRA")}),
]


@pytest.mark.parametrize(("body", "want"), ENGLISH_AIRLINERS)
def test_english_named_airliner_is_civil_talk(
    tagger: Tagger, rules: RuleSet, body: str, want: set
) -> None:
    assert pairs(tagger, rules, "en", body) == want
