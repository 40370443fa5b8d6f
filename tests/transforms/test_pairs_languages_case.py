"""Slavic case against word order (pairs._case_role, languages.case_test, s36): Polish, Russian
and Ukrainian order their words freely, and the case of a country's name tells its role where
the order misleads: a dative before the verb of supplying is the recipient, a nominative after
it the supplier, an instrumental after a passive participle its agent, "z" / "з" before an
instrumental "with" (not "from"). Sentences are our own."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.model import Article
from worker.transforms.rules import RuleSet
from worker.transforms.rules.languages import case_test
from worker.transforms.rules.pairs import LexiconError
from worker.transforms.tag import Tagger

CASES = [
    # the recipient in the dative first, the supplier in the nominative after the verb
    ("uk", "Ці гаубиці Україні передала Норвегія.", {("UKR", "NOR")}),
    ("ru", "Эти ракеты Украине передала Германия.", {("UKR", "DEU")}),
    ("pl", "Te haubice Ukrainie przekazała Norwegia.", {("UKR", "NOR")}),
    # the nominative after the verb heads a list: every member supplies
    ("uk", "Винищувачі Україні передадуть Бельгія та Норвегія.", {("UKR", "BEL"), ("UKR", "NOR")}),
    # the instrumental agent of a passive participle supplies
    ("uk", "Передані Литвою бронетранспортери прибули до України.", {("UKR", "LTU")}),
    # a dative a verb of allowing governs is the one allowed to supply, the recipient follows
    (
        "uk",
        "Уряд Франції дозволив Бельгії передати Україні свої гаубиці.",
        {("UKR", "BEL")},
    ),
    # "Польщі" is the genitive here (the government of Poland), though a dative in form
    ("uk", "Уряд Польщі передав гаубиці Krab до України.", {("UKR", "POL")}),
    (
        "uk",
        "Міністр оборони Польщі заявив, що передасть танки PT-91 до України.",
        {("UKR", "POL")},
    ),
    # "together with" and an instrumental: a second subject, on the subject's side
    (
        "uk",
        "Німеччина разом з Польщею передала Україні танки Leopard.",
        {("UKR", "DEU"), ("UKR", "POL")},
    ),
    (
        "pl",
        "Niemcy wraz z Polską przekazały Ukrainie czołgi Leopard.",
        {("UKR", "DEU"), ("UKR", "POL")},
    ),
    (
        "ru",
        "Германия вместе с Польшей передала Украине танки Leopard.",
        {("UKR", "DEU"), ("UKR", "POL")},
    ),
    (
        "uk",
        "Україна разом з Польщею закупила танки Abrams у США.",
        {("UKR", "USA"), ("POL", "USA")},
    ),
    # the plain order still reads: nominative, verb, dative
    ("uk", "Норвегія передала Україні гаубиці.", {("UKR", "NOR")}),
    ("ru", "Норвегия передала Украине гаубицы.", {("UKR", "NOR")}),
    ("pl", "Norwegia przekazała Ukrainie haubice.", {("UKR", "NOR")}),
]


@pytest.mark.parametrize(
    ("lang", "body", "want"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_the_case_tells_the_role(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, want: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == want


def test_with_and_an_instrumental_names_no_seller(tagger: Tagger, rules: RuleSet) -> None:
    # "z Polską" is "with Poland", not "from Poland": Poland sells nothing here
    body = "Wielka Brytania uzgodniła z Polską dostawy wyrzutni rakiet."
    assert ("GBR", "POL") not in pairs(tagger, rules, "pl", body)


@pytest.mark.parametrize(
    ("lang", "iso", "form", "case"),
    [
        ("uk", "UKR", "Україні", "dative"),
        ("uk", "UKR", "Україна", "nominative"),
        ("uk", "UKR", "України", None),  # genitive or dative: left out
        ("uk", "LTU", "Литвою", "instrumental"),
        ("uk", "BEL", "Бельгія", "nominative"),
        ("uk", "CHL", "Чилі", None),  # not declined
        # a form that is both the genitive and the dative of a name: no case
        ("uk", "POL", "Польщі", None),
        ("uk", "KHM", "Камбоджі", None),
        ("uk", "LTU", "Литві", "dative"),  # the genitive "Литви" is another form
        ("ru", "POL", "Польше", "dative"),
        ("ru", "POL", "Польши", None),
        ("pl", "POL", "Polski", None),
        ("pl", "UKR", "Ukrainy", None),
        ("pl", "UKR", "Ukrainie", "dative"),
        ("pl", "HUN", "Węgrom", "dative"),  # a plural dative ends as no genitive
        ("ru", "UKR", "Украину", "accusative"),  # not a masculine dative in -у (s39)
        ("uk", "NGA", "Нігерію", "accusative"),
        ("pl", "UKR", "Ukrainę", "accusative"),
        ("pl", "POL", "Polskę", "accusative"),
        ("ru", "IRN", "Ирану", "dative"),
        ("ru", "IRN", "Иран", "nominative"),
        ("ru", "RUS", "Россией", "instrumental"),
        ("pl", "POL", "Polską", "instrumental"),
        ("pl", "POL", "Polsce", "dative"),
        ("pl", "DEU", "Niemcy", "nominative"),
        ("pl", "RUS", "Rosji", None),
        # plural names of several words: every word in the case
        ("uk", "USA", "Сполученими Штатами", "instrumental"),
        ("uk", "USA", "Сполученим Штатам", "dative"),
        ("uk", "USA", "Сполучених Штатах", "locative"),
        ("uk", "USA", "Сполучених Штатів", None),  # a genitive
        ("ru", "ARE", "Объединенных Арабских Эмиратах", "locative"),  # "е" for "ё"
        ("pl", "USA", "Stanami Zjednoczonymi", "instrumental"),
    ],
)
def test_case_of_a_name(rules: RuleSet, lang: str, iso: str, form: str, case: str | None) -> None:
    lex = rules.relations["arms_transfer"].by_language[lang]
    assert lex.case_of is not None
    assert lex.case_of(iso, form) == case


def test_a_malformed_case_spec_is_an_error() -> None:
    with pytest.raises(LexiconError):
        case_test({"names": "uk", "dative": ["і"]})
    with pytest.raises(LexiconError):
        case_test({"names": "uk", "vocative": ["а>о"]})


def _countries(tagger: Tagger, lang: str, body: str) -> list[str]:
    return tagger.tag(Article(id="t", title="", body=body, language=lang)).countries


def test_plural_names_are_tagged_in_every_case(tagger: Tagger, rules: RuleSet) -> None:
    body = "Україна отримала ракети від Норвегії у співпраці зі Сполученими Штатами."
    # the instrumental plural is a name of the table: the United States are tagged ...
    assert "USA" in _countries(tagger, "uk", body)
    # ... and "зі" + instrumental makes them a partner, no seller
    assert pairs(tagger, rules, "uk", body) == {("UKR", "NOR")}
    body = "Россия поставила Индии ракеты, заявил глава ведомства в Объединенных Арабских Эмиратах."
    assert "ARE" in _countries(tagger, "ru", body)  # the prepositional plural, "е" for "ё"
    # "в" + locative: the Emirates are where it was said, no buyer
    assert pairs(tagger, rules, "ru", body) == {("IND", "RUS")}
    # every plural case of a name of several words is tagged, in the three languages
    for lang, body, want in [
        ("uk", "Ракети передано Сполученим Штатам, а не Сполученими Штатами.", {"USA"}),
        ("ru", "Ракеты переданы Объединенным Арабским Эмиратам.", {"ARE"}),
        (
            "pl",
            "Rakiety trafią do Stanów Zjednoczonych, nie Zjednoczonym Emiratom Arabskim.",
            {"USA", "ARE"},
        ),
        (
            "pl",
            "Rozmawiano w Zjednoczonych Emiratach Arabskich ze Stanami Zjednoczonymi.",
            {"USA", "ARE"},
        ),
    ]:
        assert set(_countries(tagger, lang, body)) == want, (lang, body)
