"""A buyer whose sentence names no seller buys from the one maker the article names (issue 13,
seventh round, ``pairs.py: _maker_pairs``): the state of its companies and weapons, in every
language, only when no sentence of the article pairs its parties itself, the buyer is named by
a pattern (not only as the one other country), and the buyer's own state makes none of them.
Every sentence is our own; the maker and the buyer stand in different sentences, so without the
mechanism no pair is read. A maker counts only where the article names it as one: in the opening
(the title and the first body sentence) or in a sentence that reads as a transfer, and not for a
weapon that sentence retires, leaves to another state or hands on."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import NOW, PAIR_RULE, pairs
from worker.model import Article
from worker.pipeline import analyse
from worker.transforms.rules import RuleSet
from worker.transforms.rules.pairs import ARTICLE_MAKER, _article_maker
from worker.transforms.tag import Tagger

MAKER = [
    ("de", "Rheinmetall baut die Fahrzeuge in Unterlüß. Ungarn kauft 40 Panzer.", ("HUN", "DEU")),
    ("fr", "Nexter fabrique ces engins à Roanne. Le Maroc achète des chars.", ("MAR", "FRA")),
    ("es", "Navantia trabaja en Ferrol. Arabia Saudí compra cinco corbetas.", ("SAU", "ESP")),
    ("it", "Fincantieri ha vinto la gara. Il Marocco acquista due fregate.", ("MAR", "ITA")),
    ("pt", "A Saab tem uma fábrica em São Bernardo. A Colômbia compra caças.", ("COL", "SWE")),
    ("pl", "Hanwha ma zakłady w Changwon. Polska kupuje haubice.", ("POL", "KOR")),
    ("ru", "Рособоронэкспорт подтвердил сведения. Алжир покупает истребители.", ("DZA", "RUS")),
    ("uk", "Байкар розширює завод. Польща купує безпілотники.", ("POL", "TUR")),
    ("tr", "Baykar fabrikasını büyütüyor. Polonya SİHA satın aldı.", ("POL", "TUR")),
    ("ar", "لوكهيد مارتن تعمل في تكساس. اشترت مصر طائرات.", ("EGY", "USA")),
]


@pytest.mark.parametrize(("lang", "body", "pair"), MAKER, ids=[m[0] for m in MAKER])
def test_the_one_maker_named_is_the_seller(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, pair: tuple[str, str]
) -> None:
    assert pairs(tagger, rules, lang, body) == {pair}


def test_two_makers_name_no_seller(tagger: Tagger, rules: RuleSet) -> None:
    body = "A Saab e a Boeing disputam o contrato. A Colômbia compra caças."
    assert pairs(tagger, rules, "pt", body) == set()


def test_a_buyer_whose_state_is_among_the_makers_names_no_seller(
    tagger: Tagger, rules: RuleSet
) -> None:
    # Embraer is Brazilian: the air force may be buying at home, so Boeing is not the seller
    # (read "the makers other than the buyer's own", this would give BRA<-USA)
    body = "A Embraer e a Boeing disputam o contrato. O Brasil compra caças."
    assert pairs(tagger, rules, "pt", body) == set()


def test_article_maker_takes_one_state_that_is_not_the_buyer() -> None:
    assert _article_maker({"USA": None}, "BRA") == "USA"
    assert _article_maker({"BRA": None, "USA": None}, "BRA") == ""
    assert _article_maker({"BRA": None}, "BRA") == ""
    assert _article_maker({}, "BRA") == ""


def test_a_seller_named_by_the_article_wins(tagger: Tagger, rules: RuleSet) -> None:
    # the article pairs its parties itself (France sells): the German maker is not added
    body = (
        "Rheinmetall baut die Fahrzeuge. Ungarn kauft Panzer von Frankreich. Ungarn kauft Panzer."
    )
    assert pairs(tagger, rules, "de", body) == {("HUN", "FRA")}


# Makers the article names for some other reason: never the seller.
NOT_THE_MAKER = [
    # the arms being replaced, in the buyer's own sentence
    ("pl", "Słowacja kupuje nowe myśliwce, które zastąpią MiG-29."),
    ("es", "Perú compra 24 cazas nuevos para reemplazar sus Mirage 2000."),
    ("de", "Die Schweiz kauft neue Kampfjets als Ersatz für ihre F/A-18."),
    # a losing bidder, named after the buyer
    ("it", "Il Marocco acquista due fregate. Fincantieri ha perso la gara."),
    ("de", "Ungarn kauft 40 Panzer. Rheinmetall ging leer aus."),
    # the buyer's current fleet
    ("es", "Indonesia compra 12 cazas. Su flota actual de F-16 es antigua."),
    ("fr", "Le Maroc achète des chars. Le pays utilise déjà des chars Abrams."),
    # a company in the news for something else
    ("pt", "A Colômbia compra caças. A Boeing abriu um escritório em Bogotá."),
]


@pytest.mark.parametrize(
    ("lang", "body"), NOT_THE_MAKER, ids=[f"{m[0]}-{i}" for i, m in enumerate(NOT_THE_MAKER)]
)
def test_a_maker_named_for_another_reason_is_no_seller(
    tagger: Tagger, rules: RuleSet, lang: str, body: str
) -> None:
    assert pairs(tagger, rules, lang, body) == set()


def test_the_new_arms_still_name_their_maker_beside_the_retired_ones(
    tagger: Tagger, rules: RuleSet
) -> None:
    # the F-16s are bought, the Mirages go: the supplier is the F-16's maker, not Dassault's
    assert pairs(
        tagger, rules, "es", "Perú compra cazas F-16 para reemplazar sus Mirage 2000."
    ) == {("PER", "USA")}
    assert pairs(tagger, rules, "pl", "Słowacja kupuje myśliwce F-16, które zastąpią MiG-29.") == {
        ("SVK", "USA")
    }


def test_the_maker_cue_names_the_maker_where_it_stands(tagger: Tagger, rules: RuleSet) -> None:
    body = "Rheinmetall baut die Fahrzeuge in Unterlüß. Ungarn kauft 40 Panzer."
    _, alerts = analyse(Article(id="t", title="", body=body, language="de"), tagger, rules, NOW)
    (alert,) = [a for a in alerts if a.rule_id == PAIR_RULE]
    (cue,) = [e for e in alert.evidence if e.term.startswith("supplier ")]
    assert cue.term == "supplier DEU: maker named in the article: Rheinmetall"
    assert (cue.start, cue.end) == (0, len("Rheinmetall"))
    assert cue.snippet == "Rheinmetall baut die Fahrzeuge in Unterlüß."


@pytest.mark.parametrize(("lang", "body", "pair"), MAKER, ids=[m[0] for m in MAKER])
def test_the_placeholder_never_reaches_an_alert(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, pair: tuple[str, str]
) -> None:
    art = Article(id="t", title="", body=body, language=lang)
    _, alerts = analyse(art, tagger, rules, NOW)
    assert alerts, "the maker fill gives an alert for every case of MAKER"
    text = repr([a.evidence for a in alerts]) + repr([a.pair for a in alerts])
    assert ARTICLE_MAKER not in text
