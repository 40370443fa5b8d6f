"""Review of the thirteenth stop's passives and origin lists (docs/languages.md "Review of ten
languages: passives, lists and parties of other clauses"). The sentences are our own.

- The Russian/Ukrainian agent of a participle of supplying (`supplier_in_instrumental`) is an
  instrumental inside the participle's own phrase: an instrumental after a preposition ("вместе
  с", "між"), after another participle ("уничтожены", "управляемым", "оплачены") or another
  verb ("граничащей с", "считаются") is no seller. The first version let a gap take it, and
  read Russia as Ukraine's supplier in "переданы Украине и уничтожены Россией".
  A list of names after the participle (``pairs._list_roles``) needs an instrumental member
  as a single name does: "переданы гаубицы Италии и Испании" names whose howitzers.
- A listed origin adjective whose arms are an airliner (`civil` class: "A320", "Airbus A330")
  gets no seller's role from the list (``pairs._origin_lists``).
"""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

NOT_THE_AGENT = [
    # (language, sentence, the state that must not be read as a seller)
    ("ru", "Гаубицы были переданы Украине и уничтожены Россией.", "RUS"),
    ("ru", "Вертолёты были поставлены Сирии, а позже захвачены Турцией.", "TUR"),
    ("ru", "Ракеты были поставлены Украине вместе с Францией.", "FRA"),
    ("ru", "Зенитки были доставлены Индии, граничащей с Китаем.", "CHN"),
    ("ru", "Снаряды были переданы Ливии и районам, управляемым Египтом.", "EGY"),
    ("ru", "Бронемашины были поставлены Армении и оплачены Францией.", "FRA"),
    ("ru", "Поставленные Ираку пушки считаются Ираном устаревшими.", "IRN"),
    ("uk", "Гармати були поставлені Україні та оплачені Німеччиною.", "DEU"),
    # a list in the genitive (whose arms) after the participle: the list path checks the case too
    ("ru", "Были переданы гаубицы Италии и Испании Молдове.", "ITA"),
    ("uk", "Зброю було передано Сирії та районам, керованим Туреччиною.", "TUR"),
]


@pytest.mark.parametrize(
    ("lang", "body", "other"), NOT_THE_AGENT, ids=[c[0] for c in NOT_THE_AGENT]
)
def test_an_instrumental_outside_the_participles_phrase_is_no_agent(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, other: str
) -> None:
    assert other not in {sup for _, sup in pairs(tagger, rules, lang, body)}


STILL_THE_AGENT = [
    # the agent after the recipient's "to", a number and the arms
    ("ru", "Были поставлены в Индию 12 истребителей Россией.", {("IND", "RUS")}),
    ("ru", "Были поставлены в Индию танки Т-90 Россией.", {("IND", "RUS")}),
    ("uk", "Були поставлені до Литви Норвегією нові гаубиці.", {("LTU", "NOR")}),
]


@pytest.mark.parametrize(
    ("lang", "body", "want"), STILL_THE_AGENT, ids=[c[0] for c in STILL_THE_AGENT]
)
def test_the_agent_inside_the_participles_phrase(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, want: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == want


AIRLINERS = [
    ("ru", "Египет получил российские Су-35 и французские A321.", {("EGY", "RUS")}),
    ("uk", "Польща отримає американські F-35 і французькі Airbus A350.", {("POL", "USA")}),
    ("de", "Polen erhält amerikanische F-35 und französische A320.", {("POL", "USA")}),
    # a system's name the tables lack still takes the list's role
    (
        "ru",
        "Египет получил российские Су-35 и французские Mirage.",
        {("EGY", "RUS"), ("EGY", "FRA")},
    ),
]


@pytest.mark.parametrize(("lang", "body", "want"), AIRLINERS, ids=[c[0] for c in AIRLINERS])
def test_a_listed_airliner_takes_no_sellers_role(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, want: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == want
