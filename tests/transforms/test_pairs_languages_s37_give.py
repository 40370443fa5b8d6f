"""The verbs of handing over, giving, donating and dispatching as transfer triggers
(s37-i18n-give, 2026-12-07 morning). Before, such a verb told a delivery's status only
(s37-i18n-status), and a sentence whose one verb was one of them read no pair. Each language's
`sell` class now holds the whole class in its third-person forms; a verb of dispatching whose
object may be troops or letters is also a `send` (weak) word where the language has those, so
it counts only with arms as its object. Every sentence is our own, written for these tests."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages_stems import read
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

# (language, a sentence with a verb of giving or dispatching arms, the pair it must give)
GIVEN = [
    ("de", "Norwegen schenkte Litauen drei Panzerhaubitzen.", ("LTU", "NOR")),
    ("de", "Die Niederlande überreichten der Ukraine zwölf Haubitzen.", ("UKR", "NLD")),
    ("fr", "La Belgique a expédié vingt blindés au Bénin.", ("BEN", "BEL")),
    ("fr", "Le Portugal a expédié à la Roumanie quatre hélicoptères.", ("ROU", "PRT")),
    ("fr", "Vingt blindés ont été expédiés au Tchad par la France.", ("TCD", "FRA")),
    ("de", "Dänemark spendete Estland zwei Flugabwehrsysteme.", ("EST", "DNK")),
    ("es", "Chile regaló a Ecuador dos aviones de combate.", ("ECU", "CHL")),
    ("es", "Argentina traspasó tres helicópteros a Bolivia.", ("BOL", "ARG")),
    ("es", "México despachó diez tanques a Honduras.", ("HND", "MEX")),
    ("it", "La Spagna regalò alla Tunisia quattro elicotteri.", ("TUN", "ESP")),
    ("it", "L'Austria spedì sei obici alla Slovenia.", ("SVN", "AUT")),
    ("pt", "O Brasil despachou cinco helicópteros para o Paraguai.", ("PRY", "BRA")),
    ("pl", "Słowacja ofiarowała Ukrainie myśliwce MiG-29.", ("UKR", "SVK")),
    ("tr", "Türkiye Azerbaycan'a insansız hava araçları teslim etti.", ("AZE", "TUR")),
    ("tr", "Katar Sudan'a zırhlı araçlar bağışladı.", ("SDN", "QAT")),
    ("ar", "أهدت الإمارات مصر طائرات مقاتلة.", ("EGY", "ARE")),
    ("ru", "Россия снабдила Сирию истребителями МиГ-29.", ("SYR", "RUS")),
]

# the same verbs with an object that is no arms: a note, aid, troops, grain, a painting
LOOKALIKE = [
    ("de", "Frankreich überreichte Marokko eine Protestnote."),
    ("fr", "La France a expédié des vaccins au Gabon."),
    ("es", "Perú despachó tropas a Bolivia."),
    ("it", "La Grecia spedì aiuti alimentari all'Albania."),
    ("pt", "O Brasil despachou soldados para o Haiti."),
    ("tr", "Türkiye Irak'a bir protesto notası teslim etti."),
    ("ar", "أهدت فرنسا المغرب لوحة فنية."),
    ("ru", "Казахстан снабдил Киргизию зерном."),
    ("pl", "Czechy ofiarowały Słowacji swoje gratulacje."),
]


@pytest.mark.parametrize(
    ("lang", "body", "pair"), GIVEN, ids=[f"{g[0]}-{i}" for i, g in enumerate(GIVEN)]
)
def test_a_verb_of_giving_arms_reads_the_pair(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, pair: tuple[str, str]
) -> None:
    assert pair in read(tagger, rules, lang, body)


@pytest.mark.parametrize(
    ("lang", "body"), LOOKALIKE, ids=[f"{g[0]}-{i}" for i, g in enumerate(LOOKALIKE)]
)
def test_the_same_verb_with_no_arms_object_reads_no_pair(
    tagger: Tagger, rules: RuleSet, lang: str, body: str
) -> None:
    assert read(tagger, rules, lang, body) == set()
