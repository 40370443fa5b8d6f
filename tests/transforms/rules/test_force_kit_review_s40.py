"""Review of a force's kit, 2026-12-07 (twelfth stop): a state's force that sends, ships or
delivers kit moves its own equipment (a deployment, an exercise, a rotation); the kit is no
arms then (``pairs._sends_own_kit``). A force that receives the kit, or is named after it as
its addressee, still makes it arms. The sentences are our own."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Read = Callable[[str], set[tuple[str, str]]]


@pytest.mark.parametrize(
    "text",
    [
        "The Danish army sent equipment to Latvia last week.",
        "The Canadian army shipped trucks to Romania in the spring.",
        "The Kenyan army delivered vehicles to Somalia for its troops there.",
    ],
)
def test_a_force_sending_its_own_kit_is_no_transfer(read: Read, text: str) -> None:
    assert read(text) == set()


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("The Ghana Army received trucks donated by Japan.", {("GHA", "JPN")}),
        ("Norway handed over equipment to the Estonian army.", {("EST", "NOR")}),
        ("The Danish army sent equipment to the Latvian army.", {("LVA", "DNK")}),
    ],
)
def test_a_force_receiving_kit_still_reads(read: Read, text: str, pairs: set) -> None:
    assert read(text) == pairs
