"""A force's kit, 2026-12-07 (twelfth stop): equipment, vehicles, trucks and lorries are arms
in a sentence that names a state's armed force, or right after a force word, and the pair
rule's query passes an article that names them beside an armed force.

The sentences are our own, written for the construction; they run through the shipped tagger,
relation lexicon and parser (the shared ``read`` fixture, conftest.py) or the whole pack.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import yaml

from worker.model import Article
from worker.pipeline import analyse
from worker.transforms.rules import load_rules
from worker.transforms.tag import default_tagger


@pytest.fixture(scope="module")
def alerted():
    """The pairs the shipped pack alerts on for one text (topic query, then the pair roles)."""
    ruleset, tagger = load_rules(), default_tagger()

    def run(text: str) -> set[tuple[str, str]]:
        art = Article(id="t", title="", body=text)
        _, alerts = analyse(art, tagger, ruleset, datetime(2026, 1, 1, tzinfo=UTC))
        return {
            (a.pair["recipient"], a.pair["supplier"])
            for a in alerts
            if a.rule_id == "arms-transfer-pair" and a.pair
        }

    return run


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        # the buyer's force after "to", past its state's adjective
        ("Japan donated forty trucks to the Mongolian Army last week.", {("MNG", "JPN")}),
        # the force of the buyer is the subject, the giver after "by"
        (
            "The Ghana Navy took in new diving equipment supplied by Norway.",
            {("GHA", "NOR")},
        ),
        # a force word right before the kit ("army vehicles"), no force of a state named
        ("Brazil delivered army vehicles to Paraguay in March.", {("PRY", "BRA")}),
        # "defence forces" after the state's name, the lorries gifted
        ("Britain gifted ten lorries to the Zambia Defence Force.", {("ZMB", "GBR")}),
        # "of" the state: the navy of a state
        ("Chile handed over equipment to the Navy of Ecuador.", {("ECU", "CHL")}),
    ],
)
def test_kit_of_a_force_is_arms(read, text, pairs):
    assert read(text) == pairs


@pytest.mark.parametrize(
    "text",
    [
        # no force named: a truck is a truck
        "Sweden sold trucks to Kenya for its farms.",
        "Germany delivered equipment to Poland for its new power plant.",
        # relief goods before the kit in one list: no arms
        "China donated medical supplies and equipment to the Nepal Army.",
        # a civil use right before it
        "Italy gave fire trucks to the Albanian Army after the floods.",
        # relief goods after it in one list
        "China donated equipment and medicines to the Pakistan Army.",
        # a state's force moving its own kit ("US Army vehicles"): no arms of a transfer
        "US Army vehicles arrived in Poland last week.",
    ],
)
def test_kit_with_no_force_or_for_civil_use_is_no_arms(read, text):
    assert read(text) == set()


def test_the_query_passes_kit_beside_a_named_force(alerted):
    # no arms term anywhere: the query's force_kit part lets the article reach the reader
    assert alerted("Japan donated forty trucks to the Mongolian Army last week.") == {
        ("MNG", "JPN")
    }
    # kit with no force named in the article: the query still fails, nothing is read
    assert alerted("Sweden sold trucks to Kenya for its farms.") == set()


def test_every_kit_word_of_the_reader_is_a_force_kit_term() -> None:
    # the topic and the reader's `kit` class are kept in step
    from pathlib import Path

    classes = yaml.safe_load(
        (Path(__file__).parents[3] / "worker/data/rules/relations/arms_transfer.yaml").read_text()
    )["classes"]
    assert set(classes["kit"]) <= set(load_rules().topics["force_kit"].terms)
