"""Session 35 (document-level reading, receive and approval in the ten languages): one case per
construction added to the language lexicons. Every sentence is our own, written for these tests."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from tests.transforms.test_status_languages import statuses
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

# Arabic: the verb of taking delivery تسلّم in the persons and tenses news copy uses, not only
# the feminine past: the subject receives, "من X" names the seller
AR_RECEIVE = [
    ("يتسلم الجيش العراقي اليوم دبابات من روسيا.", {("IRQ", "RUS"): "delivered"}),
    # one word for "will receive": a decision announced, not a delivery yet
    ("ستتسلم تونس مروحيات من إيطاليا.", {("TUN", "ITA"): "agreed"}),
]


@pytest.mark.parametrize(("body", "expected"), AR_RECEIVE)
def test_arabic_receive_verbs_in_every_person(
    tagger: Tagger, rules: RuleSet, body: str, expected: dict[tuple[str, str], str]
) -> None:
    assert pairs(tagger, rules, "ar", body) == set(expected)
    assert statuses(tagger, rules, "ar", body) == expected


# تلقّى receives calls, strikes and training as often as goods, and تلقي (dropping) folds onto
# it; استلم also takes office: neither is a verb of receiving arms (s35-fix-review13)
AR_NOT_RECEIVE = [
    "تلقى الجيش السوري ضربات من إسرائيل بطائرات إف-16.",
    "تلقت القوات العراقية تدريبا من فرنسا على مدافع قيصر.",
    "إسرائيل تلقي قنابل على لبنان من طائرات إف-35.",
]


@pytest.mark.parametrize("body", AR_NOT_RECEIVE)
def test_arabic_look_alikes_of_receiving_give_no_pair(
    tagger: Tagger, rules: RuleSet, body: str
) -> None:
    assert pairs(tagger, rules, "ar", body) == set()


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
# the past forms of the receive class tell a delivery made (s35-fix-review13: they gave none)
RECEIVED_STATUS = [
    ("ru", "Армения получала от России гаубицы Мста-С.", ("ARM", "RUS")),
    ("uk", "Молдова одержала від Румунії бронетранспортери.", ("MDA", "ROU")),
    ("it", "La Tunisia ricevette dall'Italia sei elicotteri AW139.", ("TUN", "ITA")),
    ("es", "Venezuela recibía de Rusia tanques T-72.", ("VEN", "RUS")),
    ("fr", "Le Sénégal recevait de la France des blindés.", ("SEN", "FRA")),
    ("pl", "Łotwa dostała od Szwecji haubice Archer.", ("LVA", "SWE")),
]


@pytest.mark.parametrize(
    ("lang", "body", "pair"), RECEIVED_STATUS, ids=[c[0] for c in RECEIVED_STATUS]
)
def test_a_past_receive_form_tells_a_delivery(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, pair: tuple[str, str]
) -> None:
    assert statuses(tagger, rules, lang, body) == {pair: "delivered"}


# forms of the receive verbs that are other verbs: Polish "odbiera ... jako" (perceives as),
# Spanish "recibida por" (a guest welcomed)
NOT_RECEIVE = [
    ("pl", "Litwa odbiera rosyjskie czołgi T-90 przy granicy jako zagrożenie."),
    ("es", "La ministra de Perú fue recibida en Francia, que fabrica los aviones Rafale."),
]


@pytest.mark.parametrize(("lang", "body"), NOT_RECEIVE, ids=[c[0] for c in NOT_RECEIVE])
def test_forms_of_other_verbs_give_no_pair(
    tagger: Tagger, rules: RuleSet, lang: str, body: str
) -> None:
    assert pairs(tagger, rules, lang, body) == set()


# "a ser(em) adquiridos" (to be acquired) is a purchase still ahead: an order, not arms in hand;
# Turkish "satın almış" (reportedly bought) is news of a purchase, no past sale
STILL_AHEAD = [
    (
        "es",
        "Los blindados Stryker a ser adquiridos de Estados Unidos por Uruguay llegarán pronto.",
        ("URY", "USA"),
        "ordered",
    ),
    (
        "pt",
        "Os helicópteros H225M a serem adquiridos da França pelo Chile chegarão em breve.",
        ("CHL", "FRA"),
        "ordered",
    ),
    (
        "tr",
        "Nijerya Türkiye'den Bayraktar TB2 insansız uçakları satın almış.",
        ("NGA", "TUR"),
        "ordered",
    ),
]


@pytest.mark.parametrize(
    ("lang", "body", "pair", "status"), STILL_AHEAD, ids=[c[0] for c in STILL_AHEAD]
)
def test_a_purchase_to_be_made_or_reported_is_an_order(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, pair: tuple[str, str], status: str
) -> None:
    assert statuses(tagger, rules, lang, body) == {pair: status}


@pytest.mark.parametrize(
    ("lang", "body", "expected"), RECEIVE_FORMS, ids=[c[0] for c in RECEIVE_FORMS]
)
def test_receive_class_in_every_form(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == expected
