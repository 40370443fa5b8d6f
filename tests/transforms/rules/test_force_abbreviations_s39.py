"""A state's armed force named with its abbreviation in brackets stands for the state wherever the
article writes the abbreviation later (eleventh stop, s39-en-company): "the RNN received four
corvettes" names the buyer. Invented sentences only."""

from __future__ import annotations

import pytest

from worker.model import Article
from worker.transforms.tag import Tagger, default_tagger


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return default_tagger()


def _mentions(tagger: Tagger, body: str) -> dict[str, list[str]]:
    tagged = tagger.tag(Article(id="t", title="", body=body))
    return {e.id: [m.text for m in e.mentions] for e in tagged.entities}


# --- a force's abbreviation stands for its state


def test_a_force_abbreviation_is_its_state(tagger: Tagger) -> None:
    m = _mentions(tagger, "The Royal Norwegian Navy (RNN) met. Later the RNN bought jets.")
    assert m["NOR"] == ["Norwegian", "RNN"]
    m = _mentions(tagger, "The Royal Navy of Norway (RNN) met. The RNN's ships sailed.")
    assert m["NOR"] == ["Norway", "RNN"]
    m = _mentions(tagger, "The Peruvian Air Force's (PAF) chief spoke. The PAF wants jets.")
    assert m["PER"] == ["Peruvian", "PAF"]


def test_no_force_no_state(tagger: Tagger) -> None:
    # a firm's abbreviation, a body of two states, a use before the brackets: not the state
    m = _mentions(tagger, "Nordic Marine Works (NMW) of Norway builds hulls. NMW bought a yard.")
    assert m["NOR"] == ["Norway"]
    m = _mentions(tagger, "The Chile-Peru Joint Force (CPJF) met. The CPJF bought jets.")
    assert m["CHL"] == ["Chile"] and m["PER"] == ["Peru"]
    m = _mentions(tagger, "The RNN met. The Royal Norwegian Navy (RNN) then bought jets.")
    assert m["NOR"] == ["Norwegian"]


def test_the_abbreviation_names_the_buyer(read) -> None:
    # without it, the lone seller's buyer is the article's most salient state (Sweden, Turkey)
    assert read(
        "Swedish officers visited the Royal Norwegian Navy (RNN) in Bergen on Monday. Sweden "
        "and Finland discussed a joint drill. The RNN received four corvettes from Germany "
        "last week."
    ) == {("NOR", "DEU")}
    assert read(
        "Turkish yards compete for the Royal Norwegian Navy's (RNN) new frigate programme. "
        "The RNN already has four frigates acquired from Spain."
    ) == {("NOR", "ESP")}
