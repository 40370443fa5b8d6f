"""Ten-language recall, 2026-12-06 (late night, branch s35-i18n): whole word classes the dev
misses showed absent. One case per construction; every sentence is our own, written for these
tests."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from tests.transforms.test_status_languages import statuses
from worker.model import Article
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

CASES = [
    # Portuguese: the plain words of a vessel are arms words ("lanchas", "embarcações", "navios")
    ("pt", "A Índia entregou a Moçambique duas lanchas rápidas.", {("MOZ", "IND")}),
    ("pt", "O Brasil vai exportar para Angola quatro navios de patrulha.", {("AGO", "BRA")}),
    # Portuguese: the state thanked ("agradeceu à X") gave; "à" is no dative of a buyer there
    (
        "pt",
        "A Guiné-Bissau recebeu os blindados e agradeceu à China pela oferta.",
        {("GNB", "CHN")},
    ),
    # Turkish: the ship in any case ending ("gemisi", "gemileri") is an arms word
    ("tr", "Türkiye, Malezya'ya üç karakol gemisini teslim etti.", {("MYS", "TUR")}),
    ("tr", "Katar, İtalya'dan dört gemi satın aldı.", {("QAT", "ITA")}),
    # ... but not a fishing boat or a passenger ship (the `civil` class)
    ("pt", "O Senegal comprou à Espanha dois navios de pesca.", set()),
    ("tr", "Mısır, İtalya'dan iki yolcu gemisi satın aldı.", set()),
    # Turkish: "hediye etmek" (giving as a gift) is a verb of supplying; the buyer in the dative
    ("tr", "İtalya, Endonezya'ya bir uçak gemisi hediye edecek.", {("IDN", "ITA")}),
    # Turkish: the agent of a passive stands before "tarafından" (by): the giver
    ("tr", "Arnavutluk'a zırhlı araçlar Türkiye tarafından hibe edildi.", {("ALB", "TUR")}),
    # German: a compound of arms and a noun of supplying is the trigger and its arms at once
    (
        "de",
        "Die Bundesregierung hat Rüstungsexporte nach Saudi-Arabien genehmigt.",
        {("SAU", "DEU")},
    ),
    # ... the genitive after it still supplies ("Waffenlieferungen Deutschlands")
    ("de", "Die Waffenlieferungen Deutschlands an die Ukraine gehen weiter.", {("UKR", "DEU")}),
    # ... but a deal compound is no arms word: the partner after "mit" of an approved deal is
    # its buyer there, where a deal's partner is otherwise its seller
    ("de", "Berlin erlaubte ein Rüstungsgeschäft mit Algerien.", set()),
]


@pytest.mark.parametrize(("lang", "body", "expected"), CASES, ids=[c[0] for c in CASES])
def test_recall_construction_s35(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == expected


# The states of a shared currency (the CFA franc, East Timor's US dollar) had no national
# adjective in the generated tables: a seed now gives each its adjective in every form.
ADJECTIVES = [
    ("fr", "La France a livré des blindés à l'armée tchadienne.", {("TCD", "FRA")}),
    ("pt", "O Brasil vendeu blindados ao exército senegalês.", {("SEN", "BRA")}),
    ("es", "Francia entregó patrulleras a la armada senegalesa.", {("SEN", "FRA")}),
    ("de", "Die Türkei lieferte Drohnen an die togoische Armee.", {("TGO", "TUR")}),
]


@pytest.mark.parametrize(("lang", "body", "expected"), ADJECTIVES, ids=[a[0] for a in ADJECTIVES])
def test_adjective_of_a_shared_currency_state(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == expected


@pytest.mark.parametrize(
    ("lang", "body", "iso"),
    [
        ("pl", "Drony trafiły do armii burkińskiej.", "BFA"),
        ("ru", "Беспилотники получила нигерская армия.", "NER"),
        ("uk", "Дрони отримала чадська армія.", "TCD"),
        ("it", "I droni sono arrivati all'esercito ivoriano.", "CIV"),
    ],
)
def test_shared_currency_adjectives_are_tagged(
    tagger: Tagger, lang: str, body: str, iso: str
) -> None:
    art = Article(id="t", title="", body=body, language=lang)
    assert iso in tagger.tag(art).countries


# Review of the s35-i18n merge (branch s35-fix-review11): one case per finding, our own words.
REVIEW = [
    # 1. de: the compounds of delivering, not the supplier noun ("Waffenlieferant")
    ("de", "Frankreich gilt als wichtigster Rüstungslieferant Katars.", set()),
    ("de", "Die Rüstungslieferungen Schwedens an Brasilien laufen.", {("BRA", "SWE")}),
    # 2. pt: the state thanked is the giver only when thanked for a gift or a sale ...
    (
        "pt",
        "O Uruguai agradeceu à Espanha pelas doações e recebeu dois helicópteros.",
        {("URY", "ESP")},
    ),
    ("pt", "O Chile agradeceu ao Brasil pela venda de helicópteros.", {("CHL", "BRA")}),
    # ... the buyer when thanked for buying ...
    ("pt", "A França agradeceu ao Egito pela compra de caças Rafale.", {("EGY", "FRA")}),
    # ... and no party (never a dative buyer) when thanked for anything else
    (
        "pt",
        "A Colômbia agradeceu ao México pelo apoio e comprou helicópteros à Rússia.",
        {("COL", "RUS")},
    ),
    # 3. tr: "gemicilik" (the shipping trade) is no ship
    ("tr", "Norveç gemicilik firmaları Mısır'a yük taşıdı ve sattı.", set()),
    # 4. a civil word cancels the vessel word it qualifies, that one only
    ("pt", "A Espanha vendeu a Marrocos três navios de carga.", set()),
    ("pt", "A Itália enviou à Tunísia um barco com refugiados.", set()),
    (
        "pt",
        "A Coreia do Sul vendeu ao Peru dois barcos de pesca e três corvetas.",
        {("PER", "KOR")},
    ),
    ("tr", "Kazakistan, Azerbaycan'a tahıl gemisi gönderdi.", set()),
    ("tr", "Japonya, Vietnam'a insani yardım gemisi gönderdi.", set()),
    ("tr", "İspanya, Cezayir'e bir kargo gemisi ve iki korvet sattı.", {("DZA", "ESP")}),
    # tr: a tanker aircraft refuels an air force: it is arms
    ("tr", "Mısır, İtalya'dan dört tanker uçağı satın aldı.", {("EGY", "ITA")}),
]


@pytest.mark.parametrize(("lang", "body", "expected"), REVIEW, ids=[c[0] for c in REVIEW])
def test_review_s35_i18n(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == expected


# 5. de: stopping, banning or refusing arms exports is a blocked deal, as English "banned"
@pytest.mark.parametrize(
    ("body", "pair"),
    [
        ("Schweden verbietet Rüstungsexporte nach Katar.", ("QAT", "SWE")),
        ("Österreich lehnt Waffenlieferungen an Indien ab.", ("IND", "AUT")),
        ("Dänemark stoppte Rüstungsexporte in die Türkei.", ("TUR", "DNK")),
    ],
)
def test_review_de_stop_is_blocked(tagger: Tagger, rules: RuleSet, body: str, pair: tuple) -> None:
    assert statuses(tagger, rules, "de", body) == {pair: "blocked"}


# 6. the adjective of the Dominican Republic names the Dominican order too
@pytest.mark.parametrize(
    ("lang", "body", "tagged"),
    [
        ("pl", "Bracia dominikańscy prowadzą klasztor w Krakowie.", False),
        ("ru", "Доминиканский орден основал монастырь.", False),
        ("fr", "Un moine dominicain enseigne la théologie.", False),
        ("es", "El ejército dominicano compró aviones.", True),
    ],
)
def test_review_dominican_order(tagger: Tagger, lang: str, body: str, tagged: bool) -> None:
    art = Article(id="t", title="", body=body, language=lang)
    assert ("DOM" in tagger.tag(art).countries) is tagged
