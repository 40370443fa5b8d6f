"""Issue 13, session 31 (afternoon): Turkish and Polish pairs. Turkish "ile" (with) after its
noun in deal frames, state bodies after the state's name, postpositional deal frames in status;
Polish constructions of this round. Every sentence here is our own."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from tests.transforms.test_status_languages import NOW, statuses
from worker.model import Article
from worker.pipeline import analyse
from worker.transforms.rules import RuleSet
from worker.transforms.rules.pairs import Cue, _Facts, _from_cue, _Orphan
from worker.transforms.tag import Tagger

PAIRS = [
    # Turkish "X ile ... anlaştı / sözleşme": the partner of a deal sells
    ("tr", "Katar, Fransa ile on iki savaş uçağı için anlaştı.", {("QAT", "FRA")}),
    # ... with the arms, a count and a sum between "ile" and the deal word closing the clause
    (
        "tr",
        "Ayrıca Mısır İtalya ile dün 4 adet fırkateyn için 3 milyar dolarlık bir anlaşma imzaladı.",
        {("EGY", "ITA")},
    ),
    # ... with a state body between the partner's name and "ile"
    (
        "tr",
        "Mısır Savunma Bakanlığı, Almanya ile dört denizaltı alımı için bir sözleşme imzaladı.",
        {("EGY", "DEU")},
    ),
    # ... but the partner of an export contract buys (the exporter is the subject)
    (
        "tr",
        "Türkiye, Macaristan Savunma Bakanlığı ile zırhlı araç ihracatı için sözleşme imzaladı.",
        {("HUN", "TUR")},
    ),
    # ... also when the export word comes after the deal
    (
        "tr",
        "Türk obüsleri, Tayland ile yapılan anlaşma sonrası ilk kez ihraç edildi.",
        {("THA", "TUR")},
    ),
    # a state body after the state's name takes the case suffix for it ("Kuvvetleri'ne": to the
    # forces, "Bakanlığı'ndan": from the ministry), also after a name that is the adjective too
    ("tr", "Türkiye, Romanya Kara Kuvvetleri'ne yeni obüsler teslim etti.", {("ROU", "TUR")}),
    ("tr", "İtalya, Pakistan Deniz Kuvvetleri'ne iki fırkateyn teslim etti.", {("PAK", "ITA")}),
    ("tr", "Ürdün, İtalya Savunma Bakanlığı'ndan yeni helikopterler satın aldı.", {("JOR", "ITA")}),
    # "İngiltere", the name Turkish news gives the United Kingdom
    ("tr", "Katar, İngiltere ile savaş uçağı alımı için anlaştı.", {("QAT", "GBR")}),
    # Turkish: a seller read from the ablative ("İtalya'dan") in a sentence with no buyer sells
    # to the one buyer the report's pairs have
    (
        "tr",
        "Mısır, Fransa'dan iki fırkateyn satın aldı. Ayrıca İtalya'dan da helikopterler tedarik"
        " edilecek.",
        {("EGY", "FRA"), ("EGY", "ITA")},
    ),
    # Turkish "alan" (the one buying) names the buyer; "alanında" (in the field of) buys nothing
    ("tr", "Geçen yıl Türkiye'den en çok zırhlı araç alan ülke Gürcistan oldu.", {("GEO", "TUR")}),
    # Turkish "yer almak" (to take part) buys nothing
    ("tr", "Malezya, Türkiye'nin savaş uçağı projesinde yer almak istediğini açıkladı.", set()),
    # Polish: the plural name Niemcy in its other cases, and Berlin in its cases
    ("pl", "Czechy podpisały umowę z Niemcami na dostawę czołgów.", {("CZE", "DEU")}),
    ("pl", "Słowacja uzgodniła z Berlinem przekazanie czołgów.", {("SVK", "DEU")}),
    # Polish: "Apache" with the word for helicopters is the AH-64, whose maker's state sells
    ("pl", "Polska zamówiła śmigłowce uderzeniowe Apache.", {("POL", "USA")}),
    # Polish: an adjective opening a sentence is capitalised, and still the arms' owner, not a
    # buyer ("Polish MiG-29s will go to Slovakia")
    ("pl", "Polskie myśliwce MiG-29 wkrótce trafią na Słowację.", {("SVK", "POL")}),
    # Polish "kupno" (a purchase) is a noun of buying
    ("pl", "Czechy są zainteresowane kupnem szwedzkich samolotów Gripen.", {("CZE", "SWE")}),
]


# ids sort a set: its order differs between processes, and pytest-xdist compares the ids its
# workers collect
@pytest.mark.parametrize(
    ("lang", "body", "expected"),
    PAIRS,
    ids=lambda x: str(sorted(x) if isinstance(x, set) else x)[:24],
)
def test_pairs_read_turkish_and_polish(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == expected


STATUSES = [
    # Turkish puts the frame after the deal ("anlaşma çerçevesinde": within the agreement): the
    # agreement is background, the delivery told beside it is the news
    (
        "tr",
        "Geçen yıl imzalanan anlaşma çerçevesinde Romanya'ya iki korvet Türkiye'den teslim edildi.",
        "delivered",
    ),
    # without a frame the agreement is the news
    ("tr", "Romanya, Türkiye ile iki korvet için bir anlaşma imzaladı.", "agreed"),
    # Polish: an infinitive of handing over or receiving ("is ready to hand over", "is to
    # receive") is a step not yet taken, not a delivery
    ("pl", "Polska jest gotowa przekazać Słowacji swoje myśliwce MiG-29.", "talks"),
    ("pl", "Litwa ma otrzymać od Niemiec nowe haubice.", "talks"),
]


@pytest.mark.parametrize(
    ("lang", "body", "status"),
    STATUSES,
    ids=lambda x: str(sorted(x) if isinstance(x, set) else x)[:24],
)
def test_status_words_turkish_and_polish(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, status: str
) -> None:
    got = statuses(tagger, rules, lang, body)
    assert len(got) == 1 and set(got.values()) == {status}, got


def test_a_polish_adjective_opening_a_sentence_is_an_adjective(rules: RuleSet) -> None:
    test = rules.relations["arms_transfer"].by_language["pl"].adjectives
    assert test is not None
    assert test("Polskie") and test("Niemieckich") and test("polska")
    # the names, and "Polski", the name's genitive as well as an adjective
    assert not test("Polska") and not test("Niemcy") and not test("Polski")
    # a long name ending in an adjective is a name
    assert not test("Federacja Rosyjska") and not test("Arabii Saudyjskiej")


def test_only_a_mark_of_origin_reads_a_second_seller_in_a_language_file(rules: RuleSet) -> None:
    def cue(pattern: str, text: str) -> Cue:
        return Cue("supplier", "X", "body", len(text), len(text) + 6, pattern)

    def seller(text: str) -> _Orphan:  # the seller's sentence: the text up to the country
        return _Orphan("X", [], _Facts(None, None), ("body", 0, 0, len(text)), text)

    lex = rules.relations["arms_transfer"].by_language
    assert _from_cue(cue("X ' {abl}", "Ayrıca "), seller("Ayrıca "), lex["tr"])
    # a preposition of origin, its article passed over; not one that also means "of" ("de")
    assert _from_cue(cue("{from} X", "caccia dalla "), seller("caccia dalla "), lex["it"])
    assert not _from_cue(cue("{from} X", "la flotte de la "), seller("la flotte de la "), lex["fr"])
    # a subject supplying is no mark of origin
    assert not _from_cue(cue("X ... {sell}", "Ayrıca "), seller("Ayrıca "), lex["tr"])


def test_the_tb2_written_with_a_hyphen_is_the_drone_not_the_bomber(
    tagger: Tagger, rules: RuleSet
) -> None:
    body = "Arnavutluk, Türkiye'den Bayraktar TB-2 insansız hava araçları satın aldı."
    _, alerts = analyse(Article(id="t", title="", body=body, language="tr"), tagger, rules, NOW)
    assert {a.pair.get("weapon") for a in alerts if a.pair} == {"bayraktar-tb2"}
