"""Issue 13, fourteenth round: a German state approving an export is the exporter.

The federal government and its export council ("Bundesregierung", "Bundessicherheitsrat") carry
Germany (people_local.yaml), unless the article names Austria, whose government has the same
name; de.yaml's ``approve`` class and its two supplier patterns read the body that approves a
delivery as the seller. Every sentence here is our own.
"""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.model import Article
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

CASES = [
    # verb last, the recipient between the noun and the verb
    (
        "Die Bundesregierung hat die Ausfuhr von Kampfpanzern nach Chile genehmigt.",
        {("CHL", "DEU")},
    ),
    (
        "Die Bundesregierung hat den Export von zwei Fregatten in die Türkei genehmigt.",
        {("TUR", "DEU")},
    ),
    # verb second: the council approved the delivery
    (
        "Der Bundessicherheitsrat billigte die Lieferung von Haubitzen an Katar.",
        {("QAT", "DEU")},
    ),
]


@pytest.mark.parametrize(("body", "expected"), CASES, ids=lambda x: x)
def test_the_approving_government_is_the_exporter(
    tagger: Tagger, rules: RuleSet, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, "de", body) == expected


def test_a_buyer_approving_its_own_purchase_is_no_seller(tagger: Tagger, rules: RuleSet) -> None:
    body = "Die Türkei hat den Kauf von Kampfjets genehmigt."
    assert pairs(tagger, rules, "de", body) == set()


def test_austrias_federal_government_is_not_germany(tagger: Tagger) -> None:
    body = "Die Bundesregierung in Österreich hat neue Hubschrauber bestellt."
    tagged = tagger.tag(Article(id="t", title="", body=body, language="de"))
    assert all(e.country != "DEU" for e in tagged.entities)
    body = "Die Bundesregierung hat neue Hubschrauber bestellt."
    tagged = tagger.tag(Article(id="t", title="", body=body, language="de"))
    assert any(e.id == "bundesregierung" and e.country == "DEU" for e in tagged.entities)


@pytest.mark.parametrize(
    "body",
    [
        "Die US-Bundesregierung hat die Lieferung von Kampfhubschraubern an Rumänien genehmigt.",
        "Die kanadische Bundesregierung hat den Export von Radpanzern nach Katar erlaubt.",
    ],
)
def test_another_federal_government_is_not_germany(tagger: Tagger, body: str) -> None:
    tagged = tagger.tag(Article(id="t", title="", body=body, language="de"))
    assert all(e.id != "bundesregierung" for e in tagged.entities)
