"""Ten-language pairs across a relative clause (s41-i18n-clauses, docs/languages.md "Ten
languages: wrong pairs from other clauses"). The sentences are our own.

A state a preposition names inside a relative clause opened after a comma (the ``relative``
class: "які", "которые", "qui", "que", "donde") is a party of that clause's own event: it pairs
with no state read outside the clause (``pairs._across_relative``). A state named right before
the relative word is the clause's antecedent and keeps its pair; so does a pair whose relative
word is the subject of a verb of buying or selling right after it; a state read inside as a
subject keeps it too.
"""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

ACROSS = [
    # the clause's own buyer bought from the state inside: no seller of the outer sale
    ("uk", "Канада передасть Польщі 20 гелікоптерів, яких вона купила у Бразилії.", ("POL", "BRA")),
    # a plant in the clause: where the radars are made, not where the missiles go
    (
        "ru",
        "Россия поставит зенитные комплексы С-400 без радаров, которые выпускают в Белоруссии.",
        ("BLR", "RUS"),
    ),
    # a clause asking another state: it is no buyer of the outer sale
    ("it", "La Francia venderà aerei all Egitto, che li ha chiesti alla Germania.", ("DEU", "FRA")),
    # a report's other clause with a deal of its own
    (
        "fr",
        "La société a livré des blindés au Maroc, dit le journal, qui note que l'usine a signé "
        "avec la Grèce un accord.",
        ("MAR", "GRC"),
    ),
]


@pytest.mark.parametrize(("lang", "body", "wrong"), ACROSS, ids=[c[0] for c in ACROSS])
def test_no_pair_across_a_relative_clause(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, wrong: tuple[str, str]
) -> None:
    assert wrong not in pairs(tagger, rules, lang, body)


KEPT = [
    # the antecedent of the clause: its subject, read through it
    ("es", "El contrato fue firmado por Brasil, que venderá aviones a Chile.", ("CHL", "BRA")),
    # the relative word the subject of a verb of selling right after it: the clause is the sale
    (
        "es",
        "Estados Unidos aprobó ayer el contrato de la empresa, que venderá a México veinte "
        "helicópteros.",
        ("MEX", "USA"),
    ),
    # no relative clause: both parties in one clause
    ("uk", "Канада передасть Польщі 20 гелікоптерів.", ("POL", "CAN")),
]


@pytest.mark.parametrize(("lang", "body", "want"), KEPT, ids=[c[0] for c in KEPT])
def test_pair_kept(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, want: tuple[str, str]
) -> None:
    assert want in pairs(tagger, rules, lang, body)
