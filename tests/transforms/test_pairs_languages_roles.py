"""Issue 13, sixteenth round (b): roles the language reader left empty. A seller read with no
buyer anywhere sells to the article's lead state (also when the buyer is named only as "the
country": "das Land", "le pays", "страна"); compound adjectives; a state body named by the
state's adjective; an order from a state. Every sentence here is our own."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from worker.model import Article
from worker.pipeline import analyse
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

NOW = datetime(2026, 12, 5, tzinfo=UTC)
PAIR_RULE = "arms-transfer-pair"


def read(tagger: Tagger, rules: RuleSet, lang: str, body: str, title: str = "") -> set:
    art = Article(id="t", title=title, body=body, language=lang)
    _, alerts = analyse(art, tagger, rules, NOW)
    return {(a.pair["recipient"], a.pair["supplier"]) for a in alerts if a.rule_id == PAIR_RULE}


def test_a_seller_alone_sells_to_the_lead_state(tagger: Tagger, rules: RuleSet) -> None:
    # the buyer is only the ministry in the body; the headline names the state
    title = "Nowe wyrzutnie rakietowe dla Polski"
    body = "Minister obrony zatwierdził umowę na zakup wyrzutni rakiet z Korei Południowej."
    assert read(tagger, rules, "pl", body, title) == {("POL", "KOR")}


def test_where_the_arms_were_made_is_no_seller_for_the_lead_state(
    tagger: Tagger, rules: RuleSet
) -> None:
    # second-hand or licence-built arms: their maker's state is not who sells them
    title = "Arabia Saudí refuerza su defensa aérea"
    body = "Las baterías Patriot, de fabricación estadounidense, llegaron en marzo."
    assert read(tagger, rules, "es", body, title) == set()


def _case_id(x: object) -> str:
    # a set's order changes between processes (string hashing): sort it, so pytest-xdist's
    # workers collect the same test ids
    return str(sorted(x) if isinstance(x, set) else x)[:30]


BACK = [
    (
        "fr",
        "La Grèce a longtemps hésité. Le pays achète finalement des frégates à la France.",
        {("GRC", "FRA")},
    ),
    (
        "de",
        "Ungarn ist ein enger Partner Deutschlands. Das Land kauft Schützenpanzer aus Deutschland.",
        {("HUN", "DEU")},
    ),
    (
        "ru",
        "Египет долго вёл переговоры. Теперь страна купила у России истребители Су-35.",
        {("EGY", "RUS")},
    ),
]


@pytest.mark.parametrize(("lang", "body", "expected"), BACK, ids=_case_id)
def test_the_country_named_before_is_the_lead_state(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, expected: set
) -> None:
    # the sentence names its buyer only as "the country": the seller sells to the lead state
    assert read(tagger, rules, lang, body) == expected


COMPOUNDS = [
    # the adjective after the noun reads the supplier; its first part shares the role
    (
        "fr",
        "La Pologne achète des systèmes franco-italiens SAMP/T.",
        {("POL", "FRA"), ("POL", "ITA")},
    ),
    # the adjective before the noun
    ("ru", "Египет получил франко-немецкие вертолёты.", {("EGY", "FRA"), ("EGY", "DEU")}),
]


@pytest.mark.parametrize(("lang", "body", "expected"), COMPOUNDS, ids=_case_id)
def test_compound_adjective_names_both_suppliers(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, expected: set
) -> None:
    assert read(tagger, rules, lang, body) == expected


def test_a_state_body_with_the_state_adjective_is_the_state(tagger: Tagger, rules: RuleSet) -> None:
    # "al Ministero della Difesa austriaco": the ministry named by the adjective is Austria
    body = "Leonardo consegnerà diciotto elicotteri al Ministero della Difesa austriaco."
    assert read(tagger, rules, "it", body) == {("AUT", "ITA")}


def test_an_article_about_its_one_seller_sells_to_the_next_state(
    tagger: Tagger, rules: RuleSet
) -> None:
    # the seller is the article's lead state; the buyer is the next state it names
    title = "Россия начала производство истребителей Су-35"
    body = "Россия поставит истребители Су-35 в этом году. Египет давно ждёт эти самолёты."
    assert read(tagger, rules, "ru", body, title) == {("EGY", "RUS")}


def test_the_other_party_of_a_deal_is_no_seller_for_the_lead_state(
    tagger: Tagger, rules: RuleSet
) -> None:
    # "a contract with Saudi Arabia": the party may be the buyer, so the lead state buys nothing
    title = "Los astilleros de España en auge"
    body = "Los astilleros firmaron un contrato con Arabia Saudí por cinco corbetas."
    assert ("ESP", "SAU") not in read(tagger, rules, "es", body, title)


def test_an_order_from_a_state_is_its_purchase(tagger: Tagger, rules: RuleSet) -> None:
    # "dal Qatar la commessa": the order comes from the buyer, who is no seller
    body = "Dal Qatar la commessa per ventotto elicotteri NH90 della Leonardo."
    assert read(tagger, rules, "it", body) == {("QAT", "ITA")}


def test_an_adjective_before_arms_is_no_seller_for_the_lead_state(
    tagger: Tagger, rules: RuleSet
) -> None:
    # "Türk Silahlı Kuvvetleri" (the Turkish armed forces) at an exercise: no sale to Qatar
    title = "Katar'da ortak tatbikat"
    body = "Türk Silahlı Kuvvetleri tatbikata zırhlı araçlarla katılıyor."
    assert read(tagger, rules, "tr", body, title) == set()


ITALIAN = [
    # "da parte della Turchia": the purchase is by Turkey
    (
        "Il contratto prevede un acquisto da parte della Turchia di otto elicotteri AW169 "
        "di Leonardo.",
        {("TUR", "ITA")},
    ),
    # the navy of a state, several words long, is the state
    (
        "Entro due anni Fincantieri consegnerà tre corvette alla Marina Militare del Qatar.",
        {("QAT", "ITA")},
    ),
]


@pytest.mark.parametrize(("body", "expected"), ITALIAN, ids=_case_id)
def test_italian_buyer_by_da_parte_and_state_body(
    tagger: Tagger, rules: RuleSet, body: str, expected: set
) -> None:
    assert read(tagger, rules, "it", body) == expected


@pytest.mark.parametrize(
    ("lang", "title", "body"),
    [
        # the headline's state is a target, not a buyer: no transfer word or arms beside it
        (
            "de",
            "Ukraine meldet neue Angriffe",
            "Nordkorea liefert weitere Raketen, sagen Beobachter.",
        ),
        (
            "de",
            "Spannungen zwischen Israel und Iran",
            "Russland hat Kampfjets vom Typ Su-35 geliefert.",
        ),
    ],
)
def test_a_lead_state_named_without_arms_buys_nothing(
    tagger: Tagger, rules: RuleSet, lang: str, title: str, body: str
) -> None:
    assert read(tagger, rules, lang, body, title) == set()
