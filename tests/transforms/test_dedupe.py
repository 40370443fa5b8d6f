"""Tests for worker.transforms.dedupe."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from worker.model import Article
from worker.transforms.clean import clean
from worker.transforms.dedupe import DedupeConfig, Deduper, optimal_bands, shingles

NOW = datetime(2024, 1, 1, tzinfo=UTC)

WIRE = (
    "ANKARA (Reuters) - Turkey has received the first parts of the Russian S-400 missile defence "
    "system, the defence ministry said on Friday, a move that is likely to deepen a rift with "
    "its NATO allies and could trigger sanctions from the United States.\n\n"
    "The delivery of the equipment to the Murted air base near the capital began on Friday "
    "morning and will continue in the coming days, the ministry said in a statement. Russian "
    "cargo planes were seen landing at the base throughout the day.\n\n"
    "Washington has said Turkey will face sanctions under a law known as CAATSA and will be "
    "removed from the F-35 fighter jet programme if it goes ahead with the purchase. Ankara "
    "has said the deal is a matter of national sovereignty and that it will not back down.\n\n"
    "Turkish President Tayyip Erdogan has said he does not expect sanctions and that the "
    "system will be fully deployed by April next year. Officials in Moscow said the contract "
    "was worth about 2.5 billion dollars."
)

SAME_SUBJECT = (
    "WASHINGTON (AP) - The United States is weighing how to respond after Turkey took "
    "delivery of a Russian air defence system, officials said, with lawmakers from both "
    "parties pressing the administration to impose penalties on the NATO ally.\n\n"
    "Senators said the purchase of the S-400 undermines the alliance and argued that the "
    "administration has no choice under the law. The State Department declined to say when a "
    "decision would be made, but said talks with Ankara were continuing.\n\n"
    "Analysts say that expelling Turkey from the F-35 programme would cost American "
    "manufacturers billions of dollars and would push Ankara closer to Moscow, while doing "
    "little to change the behaviour of the Turkish government."
)


def article(body: str, title: str, url: str) -> Article:
    return clean({"title": title, "body": body, "url": url}, now=NOW)


@pytest.fixture
def first() -> Article:
    return article(WIRE, "Turkey receives first parts of Russian S-400", "https://wire.example/1")


def test_first_copy_is_first(first: Article) -> None:
    dd = Deduper()
    verdict = dd.add(first)
    assert not verdict.is_duplicate
    assert dd.link(first).duplicate_of is None  # re-delivery: still the first copy


def test_syndicated_copy_with_new_headline_and_boilerplate_is_linked(first: Article) -> None:
    syndicated = article(
        "Embeded ObjectBreaking news from our partners\n\n"
        + WIRE.replace("ANKARA (Reuters) -", "Ankara, July 12:").replace("Friday", "Friday,")
        + "\n\nAlso Read: Five things to know about the S-400\n\n"
        "Subscribe to our newsletter for the latest defence news.\n\n"
        "For more stories like this follow our defence desk.",
        "S-400 arrives in Turkey despite US warnings",
        "https://other-outlet.example/news/s400-turkey",
    )
    dd = Deduper()
    dd.add(first)
    verdict = dd.add(syndicated)
    assert verdict.duplicate_of == first.id
    assert verdict.method == "near"
    assert verdict.similarity >= 0.5
    assert dd.link(syndicated).duplicate_of == first.id  # and again on re-delivery


def test_different_story_on_same_subject_is_not_linked(first: Article) -> None:
    other = article(SAME_SUBJECT, "US weighs sanctions on Turkey", "https://news.example/2")
    dd = Deduper()
    dd.add(first)
    verdict = dd.add(other)
    assert not verdict.is_duplicate
    assert verdict.similarity == 0.0


def test_exact_copy_linked_by_hash(first: Article) -> None:
    copy = article(WIRE.upper(), "Another title", "https://mirror.example/x")  # same words
    assert copy.content_hash == first.content_hash
    dd = Deduper()
    dd.add(first)
    verdict = dd.add(copy)
    assert (verdict.duplicate_of, verdict.method, verdict.similarity) == (first.id, "exact", 1.0)


def test_duplicates_point_at_the_first_copy_not_a_chain(first: Article) -> None:
    dd = Deduper()
    dd.add(first)
    second = article(WIRE + "\n\nCopyright note.", "B", "https://b.example/")
    third = article(WIRE + "\n\nCopyright note.", "C", "https://c.example/")  # = second exactly
    assert dd.add(second).duplicate_of == first.id
    assert dd.add(third).duplicate_of == first.id


def test_check_does_not_write(first: Article) -> None:
    dd = Deduper()
    assert not dd.check(first).is_duplicate
    assert dd.state == {}


def test_state_round_trips_through_json(first: Article) -> None:
    dd = Deduper(DedupeConfig(threshold=0.6, shingle_size=4, num_perm=64))
    dd.add(first)
    restored = Deduper.from_dict(json.loads(json.dumps(dd.to_dict())))
    assert restored.config == dd.config
    assert restored.state == dd.state
    copy = article(WIRE + "\n\nShare this.", "Copy", "https://copy.example/")
    assert restored.add(copy).duplicate_of == first.id
    assert all(isinstance(k, str) for k in restored.state)


def test_state_can_be_any_mutable_mapping(first: Article) -> None:
    class Table(dict):  # stands in for a Faust table
        pass

    table = Table()
    dd = Deduper(state=table)
    dd.add(first)
    assert f"s:{first.id}" in table and f"h:{first.content_hash}" in table
    assert sum(k.startswith("b:") for k in table) == len(dd.fingerprint(first).bands)


def test_thresholds_are_configurable(first: Article) -> None:
    half = article(WIRE.split("\n\n", 2)[2] + "\n\n" + SAME_SUBJECT, "Mix", "https://m.example/")
    strict, loose = Deduper(DedupeConfig(threshold=0.9)), Deduper(DedupeConfig(threshold=0.05))
    for dd in (strict, loose):
        dd.add(first)
    assert not strict.add(half).is_duplicate
    assert loose.add(half).duplicate_of == first.id


def test_config_validation() -> None:
    with pytest.raises(ValueError):
        DedupeConfig(threshold=0)
    with pytest.raises(ValueError):
        DedupeConfig(bands=500)


def test_optimal_bands_cover_num_perm() -> None:
    for threshold in (0.3, 0.5, 0.8):
        b, r = optimal_bands(threshold, 128)
        assert b * r <= 128
    # a stricter threshold means longer bands
    assert optimal_bands(0.8, 128)[1] > optimal_bands(0.3, 128)[1]


def test_shingles() -> None:
    assert shingles("A b, C d", 2) == {b"a b", b"b c", b"c d"}
    assert shingles("Short", 5) == {b"short"}
    assert shingles("", 5) == set()


def test_title_only_article() -> None:
    dd = Deduper()
    a = clean({"title": "Breaking: talks collapse", "url": "https://a.example/"})
    b = clean({"title": "BREAKING - talks collapse!", "url": "https://b.example/"})
    dd.add(a)
    assert dd.add(b).duplicate_of == a.id


def test_derived_band_state_matches_a_plain_dict_and_survives_a_rebuild(first: Article) -> None:
    from worker.transforms.dedupe import DerivedBandState

    copies = [
        first,
        article(WIRE + "\n\nSubscribe now.", "Another headline", "https://b.example/1"),
        article(SAME_SUBJECT, "US weighs sanctions", "https://c.example/2"),
        article(WIRE, "Exact copy", "https://d.example/3"),
    ]
    plain = Deduper()
    store: dict = {}
    derived = Deduper()
    derived.state = state = DerivedBandState(store, derived.band_keys)
    expected = [plain.add(a) for a in copies]
    assert [derived.add(a) for a in copies] == expected
    assert all(k[:2] in ("h:", "s:") for k in store)  # bands are never persisted
    assert len(store) < len(plain.state) / 5

    state.invalidate()  # as after a table recovery: bands rebuilt from the stored signatures
    late = article(WIRE.replace("Friday", "Friday,"), "Late copy", "https://e.example/4")
    assert derived.add(late) == plain.add(late)
    assert derived.add(late).duplicate_of == first.id
