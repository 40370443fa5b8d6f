"""Session 35 (document-level reading, receive and approval in the ten languages): one case per
construction added to the language lexicons. Every sentence is our own, written for these tests."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from tests.transforms.test_status_languages import statuses
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

# Arabic: the verbs of taking delivery (تلقّى, استلم, تسلّم) in the persons and tenses news copy
# uses, not only the feminine past: the subject receives, "من X" names the seller
AR_RECEIVE = [
    ("تلقت مصر طائرات مقاتلة من فرنسا.", {("EGY", "FRA"): "delivered"}),
    ("يتلقى الجيش العراقي اليوم دبابات من روسيا.", {("IRQ", "RUS"): "delivered"}),
    ("يستلم المغرب مروحيات من الولايات المتحدة هذا الشهر.", {("MAR", "USA"): "delivered"}),
    # one word for "will receive": a decision announced, not a delivery yet
    ("ستتلقى تونس مروحيات من إيطاليا.", {("TUN", "ITA"): "agreed"}),
]


@pytest.mark.parametrize(("body", "expected"), AR_RECEIVE)
def test_arabic_receive_verbs_in_every_person(
    tagger: Tagger, rules: RuleSet, body: str, expected: dict[tuple[str, str], str]
) -> None:
    assert pairs(tagger, rules, "ar", body) == set(expected)
    assert statuses(tagger, rules, "ar", body) == expected


# The receive class of the other languages completed the same way: the persons, tenses and
# participles of the verbs already listed (and Ukrainian одержати beside отримати), one case each
RECEIVE_FORMS = [
    ("ru", "Египет получал от России истребители МиГ-29.", {("EGY", "RUS")}),
    ("uk", "Україна одержала від Литви ракети Stinger.", {("UKR", "LTU")}),
    ("it", "L'Egitto ricevette dalla Francia due fregate.", {("EGY", "FRA")}),
    ("es", "Bolivia recibía helicópteros de China.", {("BOL", "CHN")}),
    ("fr", "Le Maroc reçut des chars de la France.", {("MAR", "FRA")}),
    ("pl", "Litwa dostała od Polski haubice Krab.", {("LTU", "POL")}),
    ("tr", "Azerbaycan Türkiye'den yeni zırhlı araçları teslim alıyor.", {("AZE", "TUR")}),
]


@pytest.mark.parametrize(
    ("lang", "body", "expected"), RECEIVE_FORMS, ids=[c[0] for c in RECEIVE_FORMS]
)
def test_receive_class_in_every_form(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == expected
