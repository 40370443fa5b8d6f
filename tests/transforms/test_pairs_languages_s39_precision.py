"""Ten-language wrong pairs, 2026-12-07 (eleventh stop): the place of a training, a repair or
a visit; Ukrainian "у" before an accusative; a state that criticises or presses. Every
sentence is our own, written for these tests."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

VENUES = [
    # instructors sent to a third state for training: that state is their place, no buyer
    (
        "uk",
        "Канада передасть Україні ще 20 бронемашин і відправить своїх інструкторів до Польщі "
        "для тренування українських військових.",
        {("UKR", "CAN")},
    ),
    (
        "ru",
        "Канада передаст Украине 20 бронемашин и направит инструкторов в Польшу для тренировки "
        "украинских военных.",
        {("UKR", "CAN")},
    ),
    (
        "pl",
        "Kanada przekaże Ukrainie 20 transporterów i wyśle instruktorów do Polski na szkolenie "
        "ukraińskich żołnierzy.",
        {("UKR", "CAN")},
    ),
    (
        "de",
        "Kanada liefert der Ukraine 20 Panzer und schickt Ausbilder nach Polen zur Ausbildung "
        "ukrainischer Soldaten.",
        {("UKR", "CAN")},
    ),
    (
        "es",
        "Canadá entregará 20 blindados a Ucrania y enviará instructores a Polonia para "
        "entrenamiento de soldados ucranianos.",
        {("UKR", "CAN")},
    ),
    # the training of pilots "in" a third state: no seller
    (
        "uk",
        "Осло збирається поставити Україні шість F-16 і допомагає з тренуваннями українських "
        "пілотів у Данії.",
        {("UKR", "NOR")},
    ),
    (
        "ru",
        "Норвегия передаст Украине истребители F-16 и поможет с обучением украинских пилотов "
        "в Дании.",
        {("UKR", "NOR")},
    ),
    (
        "fr",
        "La Norvège livrera des F-16 à l'Ukraine et soutient la formation des pilotes ukrainiens "
        "au Danemark.",
        {("UKR", "NOR")},
    ),
    # damaged arms sent back for repair: the repair leg is no transfer
    (
        "uk",
        "Польща передала Україні гаубиці, а з України до Чехії для ремонту відправлені "
        "пошкоджені танки.",
        {("UKR", "POL")},
    ),
    ("es", "Perú enviará sus helicópteros dañados a Rusia para reparación.", set()),
]

TRAINERS = [
    # training aircraft: the word names the arms' kind, and the buyer stays
    ("es", "Chile vendió aviones de entrenamiento a Paraguay.", {("PRY", "CHL")}),
    ("fr", "La France livrera des avions d'entraînement au Maroc.", {("MAR", "FRA")}),
    ("pl", "Polska kupiła samoloty szkolne z Włoch.", {("POL", "ITA")}),
]


@pytest.mark.parametrize(
    ("lang", "body", "want"), VENUES, ids=[f"{c[0]}-{i}" for i, c in enumerate(VENUES)]
)
def test_the_place_of_a_training_or_repair_is_no_side(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, want: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == want


@pytest.mark.parametrize(
    ("lang", "body", "want"), TRAINERS, ids=[f"{c[0]}-{i}" for i, c in enumerate(TRAINERS)]
)
def test_training_aircraft_keep_their_buyer(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, want: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == want


def test_ukrainian_u_before_an_accusative_is_into(tagger: Tagger, rules: RuleSet) -> None:
    # "у" is the other spelling of "в" (into) before an accusative, feminine or inanimate
    body = "У 2015 році Україна експортувала 30 танків: 10 – в Ефіопію та 20 – у Нігерію."
    assert pairs(tagger, rules, "uk", body) == {("ETH", "UKR"), ("NGA", "UKR")}
    body = "Україна продала бронетранспортери у Нігерію."
    assert pairs(tagger, rules, "uk", body) == {("NGA", "UKR")}
    body = "У 2015 році Україна експортувала 30 танків: 10 – в Ефіопію та 5 – у Таїланд."
    assert pairs(tagger, rules, "uk", body) == {("ETH", "UKR"), ("THA", "UKR")}


def test_ukrainian_u_before_a_genitive_stays_from(tagger: Tagger, rules: RuleSet) -> None:
    body = "Таїланд купив танки у Китаю."
    assert pairs(tagger, rules, "uk", body) == {("THA", "CHN")}
    body = "Нігерія купила танки у Франції."
    assert pairs(tagger, rules, "uk", body) == {("NGA", "FRA")}


CRITICS = [
    # a critic named after its word of criticism is no buyer by elimination
    (
        "es",
        "El gobierno anterior firmó en 2010 la adquisición de 50 blindados a Rusia, a pesar de "
        "las críticas de Estados Unidos.",
        set(),
    ),
    # nor an adjective right before or after "pressure"
    (
        "de",
        "Ein Grund war der amerikanische Druck auf Länder, die russische Kampfjets beschaffen "
        "wollen.",
        set(),
    ),
    ("pl", "Powodem była amerykańska presja na kraje, które chcą kupić rosyjskie myśliwce.", set()),
    (
        "it",
        "Il motivo è stata la pressione americana sui paesi che vogliono acquistare caccia russi.",
        set(),
    ),
    # the buyer the sentence names stays
    (
        "es",
        "Venezuela adquirió blindados a Rusia a pesar de las críticas de Estados Unidos.",
        {("VEN", "RUS")},
    ),
    (
        "pt",
        "A Venezuela comprou fuzis russos apesar das críticas dos Estados Unidos.",
        {("VEN", "RUS")},
    ),
]


@pytest.mark.parametrize(
    ("lang", "body", "want"), CRITICS, ids=[f"{c[0]}-{i}" for i, c in enumerate(CRITICS)]
)
def test_a_critic_state_is_no_side(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, want: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == want


AIRLINERS = [
    # a named airliner model of the `civil` class is civil talk, not a weapon
    ("pt", "A Embraer entregou dois jatos E190 a uma companhia suíça.", set()),
    ("fr", "Embraer a livré deux E190 à une compagnie du Kenya.", set()),
    ("pl", "Embraer dostarczył dwa samoloty E190 do Kenii.", set()),
    # a military transport of the same maker stays
    ("pt", "A Embraer entregou dois KC-390 à Força Aérea de Portugal.", {("PRT", "BRA")}),
]


@pytest.mark.parametrize(
    ("lang", "body", "want"), AIRLINERS, ids=[f"{c[0]}-{i}" for i, c in enumerate(AIRLINERS)]
)
def test_a_named_airliner_is_civil_talk(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, want: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == want
