"""Review round 15a (docs/languages.md "2026-12-07 (small hours)"): words the s36 branches added
to the ten-language lists that read look-alikes as transfers. The probe sentences were written
by our reviewer for these tests."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from tests.transforms.test_status_languages import statuses
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

# 1. everyday verbs are no sell triggers: French "remettre en cause" (call into question),
# Spanish "proporcionar datos" (provide data)
EVERYDAY_VERBS = [
    ("fr", "La Grèce remet en cause ses chars allemands et ses avions français."),
    ("es", "El informe de Estados Unidos proporciona datos sobre los fusiles de Colombia."),
]


@pytest.mark.parametrize(("lang", "body"), EVERYDAY_VERBS, ids=[c[0] for c in EVERYDAY_VERBS])
def test_everyday_verbs_give_no_pair(tagger: Tagger, rules: RuleSet, lang: str, body: str) -> None:
    assert pairs(tagger, rules, lang, body) == set()


# 2. and 3. words that also mean something else are no delivery: Russian and Ukrainian
# "передает / передає" also "reports" ("as the agency reports"), Ukrainian "направила" also
# sends a request and "надає" attaches importance, Arabic حصل also "happened"
NOT_A_DELIVERY = [
    ("ru", "Как передает ТАСС, Индия провела учения с российскими танками."),
    ("ru", "Как передает ТАСС, Индия планирует купить у России С-400."),
    ("uk", "Як передає Укрінформ, Польща планує передати Україні танки."),
    ("uk", "Україна направила до США запит на постачання F-16."),
    ("uk", "Україна надає великого значення переговорам з Німеччиною про купівлю танків."),
    ("ar", "قالت مصر إن ما حصل لن يؤثر على صفقة شراء طائرات رافال من فرنسا"),
]


@pytest.mark.parametrize(("lang", "body"), NOT_A_DELIVERY, ids=lambda x: str(x)[:16])
def test_reporting_and_other_senses_are_no_delivery(
    tagger: Tagger, rules: RuleSet, lang: str, body: str
) -> None:
    assert "delivered" not in statuses(tagger, rules, lang, body).values()


# 5. troops and military vehicles sent to an exercise or a deployment are no transfer, as
# English reads none (the `force` / `drill` not_objects of arms_transfer.yaml)
DEPLOYMENTS = [
    ("pl", "Niemcy wysłali żołnierzy i sprzęt wojskowy na Litwę na ćwiczenia."),
    ("es", "Los Países Bajos envían tropas y vehículos militares a Lituania para unas maniobras."),
    ("it", "L'Italia trasferisce truppe e mezzi militari in Lettonia per un'esercitazione."),
    ("ru", "Россия отправила войска и военную технику в Белоруссию на совместные учения."),
    ("uk", "Німеччина відправляє війська та військову техніку до Литви на навчання."),
    pytest.param(
        "fr",
        "La France transfère des véhicules militaires au Mali pour ses propres troupes.",
        marks=pytest.mark.xfail(strict=True, reason="own troops after the recipient: not read"),
    ),
]


@pytest.mark.parametrize(("lang", "body"), DEPLOYMENTS, ids=["pl", "es", "it", "ru", "uk", "fr"])
def test_deployments_give_no_pair(tagger: Tagger, rules: RuleSet, lang: str, body: str) -> None:
    assert pairs(tagger, rules, lang, body) == set()


# 7. hunting rifles are civil goods
HUNTING = [
    ("tr", "Türkiye, İtalya'ya av tüfekleri ihraç etti."),
    ("ar", "باعت تركيا بنادق صيد لمصر"),
    ("en", "Spain sold hunting rifles to Morocco."),
    ("es", "España vendió fusiles de caza a Marruecos."),
    ("ru", "Россия продала Сербии охотничьи ружья."),
    ("uk", "Польща продала Україні мисливські гвинтівки."),
]


HUNTING_IDS = [f"{c[0]}-{i}" for i, c in enumerate(HUNTING)]


# the hunting words that also make fighter jets cancel a rifle only
FIGHTERS = [
    ("es", "España vendió aviones de caza a Marruecos.", ("MAR", "ESP")),
    ("fr", "La France a vendu des avions de chasse à la Grèce.", ("GRC", "FRA")),
]


@pytest.mark.parametrize(("lang", "body", "pair"), FIGHTERS, ids=[c[0] for c in FIGHTERS])
def test_fighter_jets_stay_arms(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, pair: tuple[str, str]
) -> None:
    assert pairs(tagger, rules, lang, body) == {pair}


@pytest.mark.parametrize(("lang", "body"), HUNTING, ids=HUNTING_IDS)
def test_hunting_rifles_give_no_pair(tagger: Tagger, rules: RuleSet, lang: str, body: str) -> None:
    assert pairs(tagger, rules, lang, body) == set()


# 9. Polish "zniosły" (the plural past of lifting): a lifted embargo is no block
def test_polish_lifted_embargo_plural_is_no_block(tagger: Tagger, rules: RuleSet) -> None:
    body = "Stany Zjednoczone zniosły embargo na sprzedaż broni do Wietnamu."
    assert "blocked" not in statuses(tagger, rules, "pl", body).values()
