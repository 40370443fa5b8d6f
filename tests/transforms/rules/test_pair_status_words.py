"""Status words learned from real reports whose pair was right and whose status was read as
none (docs/rules.md, "Weapon and status, third round"): a choice of system, a transfer told in
the present, a government selling, an aid package. Sentences in our own words, read through the
shipped tagger and relation lexicon."""

from __future__ import annotations

import pytest

from worker.model import Article
from worker.transforms.rules import load_rules
from worker.transforms.rules.pairs import extract_pairs
from worker.transforms.tag import default_tagger


@pytest.fixture(scope="module")
def status_of():
    tagger, lex = default_tagger(), load_rules().relations["arms_transfer"]

    def run(text: str, pair: tuple[str, str]) -> str | None:
        tagged = tagger.tag(Article(id="t", title="", body=text))
        hits = {(h.recipient, h.supplier): h for h in extract_pairs(tagged, lex)}
        return hits[pair].status

    return run


@pytest.mark.parametrize(
    ("text", "pair", "status"),
    [
        # a chosen system is not yet a deal
        ("Colombia has chosen Swedish Gripen fighters to replace its old jets.", ("COL", "SWE"),
         "talks"),
        ("Thailand selected the Gripen fighter from Sweden over its rivals.", ("THA", "SWE"),
         "talks"),
        # a transfer told in the present, as headlines do
        ("Australia sends 20 Bushmaster vehicles to Ukraine.", ("UKR", "AUS"), "delivered"),
        ("The Czech Republic is sending T-72 tanks to Ukraine.", ("UKR", "CZE"), "delivered"),
        ("India began supplying Armenia with Pinaka rockets.", ("ARM", "IND"), "delivered"),
        # a government selling, a programme procuring
        ("Denmark is selling 24 used F-16 jets to Argentina.", ("ARG", "DNK"), "agreed"),
        ("Kyrgyzstan is procuring Bayraktar TB2 drones from Turkey.", ("KGZ", "TUR"), "ordered"),
        # a suspension told in the progressive
        ("Canada is suspending sales of armoured vehicles to Saudi Arabia.", ("SAU", "CAN"),
         "blocked"),
        # an aid package announced is agreed, not yet delivered
        ("The United States announced an arms package for Ukraine with HIMARS launchers.",
         ("UKR", "USA"), "agreed"),
    ],
)  # fmt: skip
def test_a_status_word_real_reports_use(status_of, text, pair, status) -> None:
    assert status_of(text, pair) == status


def test_a_plan_to_send_is_still_a_plan(status_of) -> None:
    # the new present-tense delivery words must not turn a plan into a delivery
    assert (
        status_of("Norway plans to send NASAMS systems to Ukraine.", ("UKR", "NOR")) != "delivered"
    )
