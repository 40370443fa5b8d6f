"""German verbs of approving in the infinitive (s38, 2026-12-07 tenth stop): a modal puts the
infinitive last ("kann ... nicht zustimmen", "konnte ... nicht genehmigen"), and a negator before
it is a government refusing the export, blocked, as a negated "genehmigt" already read. Each
sentence is our own, written for these tests."""

from __future__ import annotations

import pytest

from tests.transforms.test_status_languages import statuses
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger


@pytest.mark.parametrize(
    ("body", "pair"),
    [
        (
            "Die Regierung in Wien kann dem Verkauf von Panzern aus Österreich an Katar "
            "nicht zustimmen.",
            ("QAT", "AUT"),
        ),
        (
            "Berlin konnte die Lieferung von Fregatten aus Deutschland an Ägypten "
            "nicht genehmigen.",
            ("EGY", "DEU"),
        ),
        (
            "Der Rat wird den Export von Haubitzen aus Deutschland an Indien nicht bewilligen.",
            ("IND", "DEU"),
        ),
    ],
)
def test_a_negated_infinitive_of_approving_is_blocked(
    tagger: Tagger, rules: RuleSet, body: str, pair: tuple[str, str]
) -> None:
    assert statuses(tagger, rules, "de", body)[pair] == "blocked"


# Review fix (tenth stop): "billigen" is also the inflected adjective cheap, so it is no
# approval; a price or a cheap tank says nothing of a government's permission. Nor is a rule
# that "erlauben" (allows) something a government letting the export go ahead
def test_the_adjective_cheap_is_no_approval(tagger: Tagger, rules: RuleSet) -> None:
    body = "Katar möchte aus Deutschland Haubitzen zu billigen Konditionen kaufen."
    assert statuses(tagger, rules, "de", body).get(("QAT", "DEU")) != "agreed"
    negated = "Peru möchte aus Deutschland keine billigen Haubitzen kaufen."
    assert statuses(tagger, rules, "de", negated).get(("PER", "DEU")) != "blocked"


def test_a_rule_allowing_a_purchase_is_no_approval(tagger: Tagger, rules: RuleSet) -> None:
    body = "Die neuen Budgetregeln erlauben Chile den Kauf von Haubitzen aus Deutschland."
    assert statuses(tagger, rules, "de", body).get(("CHL", "DEU")) != "agreed"
