"""Review of the twelfth-stop English status rules (docs/rules.md §8, "Review of the status of
correct pairs (twelfth stop)"): look-alikes the new rules misread. Sentences in our own words."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        # "the first ... to <trigger>" under a hope or a prospect is a step still ahead
        "Norway hopes to be the first navy in Europe to receive frigates from Italy.",
        "Kenya could become the first African nation to acquire helicopters from Brazil soon.",
        "Ghana is expected to become the first country to acquire patrol ships from Spain.",
        "Oman aims to be the first Gulf buyer to purchase trainer jets from Brazil.",
        # a trigger with a stage of its own keeps that stage: ordering is no hand-over
        "Qatar was the first export client to order corvettes from Italy in 2016.",
    ],
)
def test_first_to_look_alikes_are_not_delivered(status_of, text):
    pair = {
        "Norway": ("NOR", "ITA"),
        "Kenya": ("KEN", "BRA"),
        "Ghana": ("GHA", "ESP"),
        "Oman": ("OMN", "BRA"),
        "Qatar": ("QAT", "ITA"),
    }[text.split()[0]]
    assert status_of(text, pair) != "delivered"


def test_first_to_a_step_taken_stays_delivered(status_of):
    text = "Last year Chile became the first nation to acquire patrol drones from Israel."
    assert status_of(text, ("CHL", "ISR")) == "delivered"


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # a decision waited for is no decision taken
        ("Peru's request for tanks from Korea awaits a decision.", ("PER", "KOR")),
        ("Greece awaits a US decision on the sale of F-35 fighters.", ("GRC", "USA")),
    ],
)
def test_decision_waited_for_is_talks(status_of, text, pair):
    assert status_of(text, pair) == "talks"
