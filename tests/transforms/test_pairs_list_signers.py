"""A list of states that sign for arms another state makes (issue 12, lists, seventeenth batch;
``grammar._resolve_parties``): every member buys from the maker; a member is never read as the
seller to the member before it. Two states alone remain each other's counterparts. Every
sentence is our own."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

SIGNERS = [
    (
        "Norway and Sweden signed a contract for the purchase of the German Leopard 2 tanks.",
        {("NOR", "DEU"), ("SWE", "DEU")},
    ),
    (
        "Lithuania and Poland have signed an agreement to jointly buy Swedish Carl-Gustaf "
        "launchers.",
        {("LTU", "SWE"), ("POL", "SWE")},
    ),
]


@pytest.mark.parametrize(("body", "expected"), SIGNERS)
def test_each_signer_buys_from_the_maker(
    tagger: Tagger, rules: RuleSet, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, "en", body) == expected


def test_two_signers_of_a_maker_deal_with_each_other(tagger: Tagger, rules: RuleSet) -> None:
    body = "India and Russia signed a deal for the S-400 system."
    assert pairs(tagger, rules, "en", body) == {("IND", "RUS")}
