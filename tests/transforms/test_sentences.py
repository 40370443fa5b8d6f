"""Sentence splitting for news copy: abbreviations, initials, decimals, quotes, line breaks."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from worker.transforms.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two. Three.", ["One.", "Two.", "Three."]),
        (
            "The U.S. Army said Mr. Smith arrived. He left.",
            ["The U.S. Army said Mr. Smith arrived.", "He left."],
        ),
        (
            "Sanctions on the U.S. The move angered Moscow.",
            ["Sanctions on the U.S.", "The move angered Moscow."],
        ),
        (
            "It happened on Dec. 5 in Kyiv. Nobody died.",
            ["It happened on Dec. 5 in Kyiv.", "Nobody died."],
        ),
        (
            "George W. Bush met J. K. Rowling. It was odd.",
            ["George W. Bush met J. K. Rowling.", "It was odd."],
        ),
        ("Growth was 3.5 percent. Prices rose.", ["Growth was 3.5 percent.", "Prices rose."]),
        ("Profits rose 3.2%. Shares fell.", ["Profits rose 3.2%.", "Shares fell."]),
        ("Talks end at 5 p.m. Officials left.", ["Talks end at 5 p.m.", "Officials left."]),
        (
            "Gen. Gerasimov and Lt. Col. Ivanov spoke. Then silence.",
            ["Gen. Gerasimov and Lt. Col. Ivanov spoke.", "Then silence."],
        ),
        ('He said "no." Then he left.', ['He said "no."', "Then he left."]),
        ("Really?! Yes. Wait... what? Fine!", ["Really?!", "Yes.", "Wait... what?", "Fine!"]),
        ("No. 10 Downing Street said so.", ["No. 10 Downing Street said so."]),
        ("See e.g. the report. It is long.", ["See e.g. the report.", "It is long."]),
        ("Apple Inc. said so. Shares rose.", ["Apple Inc. said so.", "Shares rose."]),
        (
            "Headline without a stop\nFirst paragraph.\n\nSecond one.",
            ["Headline without a stop", "First paragraph.", "Second one."],
        ),
        ("  padded.  ", ["padded."]),
        ("", []),
        ("   \n  ", []),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@given(st.text(alphabet=st.sampled_from(list("ab .?!\n\"'U.S3")), max_size=120))
def test_spans_are_ordered_trimmed_and_non_empty(text: str) -> None:
    spans = split_sentences(text)
    last = 0
    for a, b in spans:
        assert last <= a < b <= len(text)
        assert not text[a].isspace() and not text[b - 1].isspace()
        last = b
    # Nothing but whitespace is lost between spans.
    covered = "".join(text[a:b] for a, b in spans)
    assert covered.replace(" ", "") == "".join(text.split()).replace(" ", "")
