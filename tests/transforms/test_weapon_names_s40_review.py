"""Review of the twelfth stop's weapon names (docs/rules.md §8, "Review of the weapons of
correct pairs"): a bare name that is also a maker, a designer or a word tags only beside its
kind. The sentences are the reviewer's own."""

from __future__ import annotations

import pytest

from worker.model import Article


@pytest.mark.parametrize(
    "body",
    [
        "Kalashnikov, the Russian weapons maker, said its exports had doubled.",
        "A museum devoted to Kalashnikov opened in Izhevsk, with a room of old guns.",
        "The falaj 2 kilometres from the village still waters the date palms.",
    ],
)
def test_a_maker_a_designer_or_a_channel_is_no_weapon(tagger, body) -> None:
    assert not set(tagger.tag(Article(id="w", title="", body=body)).ids("weapon"))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Rebels were seen carrying Kalashnikov automatic weapons near the border.", "ak-47"),
        ("The navy of the Emirates commissioned its third Falaj 2 on Tuesday.", "falaj-2"),
    ],
)
def test_the_bare_names_still_tag_beside_their_kind(tagger, body, expected) -> None:
    assert expected in set(tagger.tag(Article(id="w", title="", body=body)).ids("weapon"))
