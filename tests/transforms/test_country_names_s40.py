"""Country names of the twelfth stop (2026-12-07): short names and abbreviations the name
tables lacked, and a currency's genitive noun that was read as a state's adjective. Sentences
written for the tests."""

from __future__ import annotations

import pytest

from tests.transforms.test_tag_languages import countries
from worker.tools.build_names import LANGUAGES, adjective_of
from worker.transforms.tag import Tagger


@pytest.mark.parametrize(
    ("lang", "body", "expected"),
    [
        ("fr", "Le ministre a rencontré son homologue de Grande-Bretagne.", {"GBR"}),
        ("fr", "Une offre venue de Grande Bretagne a été écartée.", {"GBR"}),
        ("es", "El contrato con Gran Bretaña sigue en pie.", {"GBR"}),
        ("it", "Il governo ha parlato con la Gran Bretagna.", {"GBR"}),
        ("pt", "A Grã-Bretanha ofereceu duas fragatas.", {"GBR"}),
        ("ru", "Делегация из ЮАР приехала в Косово.", {"ZAF", "XKX"}),
        ("ru", "Корабли зашли на Сейшельские острова.", {"SYC"}),
        ("ru", "Фрегат стоял у причала на Сейшельских островах.", {"SYC"}),
        ("uk", "Делегація з ПАР відвідала Косово.", {"ZAF", "XKX"}),
        ("uk", "Катер прибув на Сейшельських островах.", {"SYC"}),
        ("pl", "Żołnierze z Kosowa wrócili, a RPA zamówiła radary.", {"XKX", "ZAF"}),
        ("pl", "Misja w Kosowie trwa.", {"XKX"}),
        ("ar", "وصلت قوة إلى كوسوفو", {"XKX"}),
    ],
)
def test_short_names_and_abbreviations(
    tagger: Tagger, lang: str, body: str, expected: set[str]
) -> None:
    assert countries(tagger, body, lang) == expected


def test_islands_alone_are_no_state(tagger: Tagger) -> None:
    # "the islands" with no name: Saint Helena's currency gave "острова" as an adjective
    assert countries(tagger, "Судно обошло острова и вернулось.", "ru") == set()
    assert countries(tagger, "Судно обійшло острови й повернулося на островах.", "uk") == set()


def test_a_noun_before_a_name_in_a_currency_is_no_adjective() -> None:
    # "the pound of the island of X": the noun opens a genitive name, it is no adjective
    uk = LANGUAGES["uk"]
    assert adjective_of("фунт острова Святої Єлени", uk, {"Острів Святої Єлени"}, {"фунт"}) is None
    # the ordinary adjective before its noun is still read
    assert adjective_of("російський рубль", LANGUAGES["uk"], {"Росія"}, {"рубль"}) == "російський"


@pytest.mark.parametrize(
    ("lang", "body", "expected"),
    [
        # a capital after a preposition of place is the city, not its state
        ("ru", "Вчера в Москве открылась выставка вертолётов.", set()),
        ("ru", "Москва поставит зенитные комплексы.", {"RUS"}),
        ("uk", "Зустріч міністрів пройшла в Брюсселі.", set()),
        ("uk", "Брюссель схвалив новий пакет.", {"BEL"}),
        ("ar", "افتتح المعرض في لندن أمس", set()),
        ("ar", "لندن توافق على بيع الطائرات", {"GBR"}),
        # the state's own name after the same preposition is still the state
        ("ru", "Учения прошли во Франции.", {"FRA"}),
        # ... also where the state and its capital are one word
        ("ru", "Отгрузка катеров в Алжир задержалась.", {"DZA"}),
        ("ar", "وصلت الشحنة الأولى في الكويت", {"KWT"}),
        ("uk", "Постачання в Кувейт почнеться влітку.", {"KWT"}),
    ],
)
def test_a_capital_after_a_preposition_of_place_is_a_place(
    tagger: Tagger, lang: str, body: str, expected: set[str]
) -> None:
    assert countries(tagger, body, lang) == expected


def test_capital_place_words_are_the_rules_place_class() -> None:
    # one concept, two readers: the tables' capitals and the pair reader's `place` words
    import yaml

    from worker.tools.build_names import RULES_DIR

    for code in ("ar", "es", "it", "pt"):
        doc = yaml.safe_load((RULES_DIR / f"{code}.yaml").read_text(encoding="utf-8"))
        place = doc["relations"]["arms_transfer"]["classes"]["place"]
        assert sorted(LANGUAGES[code].capital_place) == sorted(str(w) for w in place), code
