"""The real-report bench's homonym count (bench/realnews_corpus.py ``Report.homonyms_read``): a
trap counts only when the country was tagged from the trap's own words, on invented articles."""

from __future__ import annotations

import sys
from pathlib import Path

from worker.model import Article
from worker.transforms.tag import Tagger

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from realnews_corpus import Report, country_mentions


def report(homonyms: list[dict[str, str]], countries: list[str] | None = None) -> Report:
    return Report(
        id="t", url="u", query="q", sha256="s", kind="lookalike", lang="en", pairs=[],
        optional=[], countries=countries or [], homonyms=homonyms, source="test",
    )  # fmt: skip


def read(tagger: Tagger, body: str, rep: Report) -> list[dict[str, str]]:
    return rep.homonyms_read(country_mentions(tagger.tag(Article(id="t", title="", body=body))))


def test_a_country_tagged_from_another_word_is_not_the_trap(tagger: Tagger) -> None:
    # the carrier's name is blocked; its home capital in a route list tags the state, which is
    # a matter for country precision, not the trap read as the country
    body = "Vietnam Airlines added a third weekly flight between Hanoi and Frankfurt this winter."
    trap = {"text": "Vietnam Airlines", "not": "VNM"}
    mentions = country_mentions(tagger.tag(Article(id="t", title="", body=body)))
    assert mentions["VNM"] == ["Hanoi"]
    assert read(tagger, body, report([trap])) == []


def test_the_trap_read_as_the_country_counts() -> None:
    trap = {"text": "Georgia", "not": "GEO"}
    assert report([trap]).homonyms_read({"GEO": ["Georgia", "Tbilisi"]}) == [trap]
    # the trap's words inside a longer mention, or a mention inside the trap's words
    assert report([trap]).homonyms_read({"GEO": ["Georgia's"]}) == [trap]
    assert report([{"text": "the Niger River", "not": "NER"}]).homonyms_read({"NER": ["Niger"]})


def test_a_trap_without_words_counts_whenever_the_country_is_tagged() -> None:
    rep = report([{"not": "TUR"}])
    assert rep.homonyms_read({"TUR": ["Ankara"]}) == [{"not": "TUR"}]
    assert rep.homonyms_read({"RUS": ["Moscow"]}) == []


def test_a_labelled_country_is_never_a_trap() -> None:
    rep = report([{"text": "turkey", "not": "TUR"}], countries=["TUR"])
    assert rep.homonyms_read({"TUR": ["turkey"]}) == []
