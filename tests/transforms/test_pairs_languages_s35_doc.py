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
