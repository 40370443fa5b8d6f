"""A buyer whose sentence names no seller buys from the one maker the article names (issue 13,
seventh round, ``pairs.py: _maker_pairs``): the state of its companies and weapons, in every
language, only when no sentence of the article pairs its parties itself, the buyer is named by
a pattern (not only as the one other country), and the buyer's own state makes none of them.
Every sentence is our own; the maker and the buyer stand in different sentences, so without the
mechanism no pair is read."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
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


def test_a_buyer_that_makes_arms_itself_may_buy_at_home(tagger: Tagger, rules: RuleSet) -> None:
    # the one maker named is Brazilian: the air force may be buying at home, not abroad
    body = "A Embraer entregou o avião. O Brasil compra aviões."
    assert pairs(tagger, rules, "pt", body) == set()


def test_a_seller_named_by_the_article_wins(tagger: Tagger, rules: RuleSet) -> None:
    # the article pairs its parties itself (France sells): the German maker is not added
    body = (
        "Rheinmetall baut die Fahrzeuge. Ungarn kauft Panzer von Frankreich. Ungarn kauft Panzer."
    )
    assert pairs(tagger, rules, "de", body) == {("HUN", "FRA")}
