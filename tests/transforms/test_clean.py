"""Tests for worker.transforms.clean and its helpers (worker.transforms.cleaning.*)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import feedparser
import jsonschema
import pytest

from worker.errors import Reject
from worker.transforms.clean import clean
from worker.transforms.cleaning.dates import parse_date
from worker.transforms.cleaning.feeds import feed_entry_to_input
from worker.transforms.cleaning.headers import (
    extract_dateline,
    looks_like_headline,
    parse_dump_header,
    split_source_date,
)
from worker.transforms.cleaning.html import fragment_to_text
from worker.transforms.cleaning.ids import article_id, canonical_url
from worker.transforms.cleaning.language import detect_language, normalise_language
from worker.transforms.cleaning.text import (
    ArtifactRules,
    content_hash,
    normalise_whitespace,
    paragraphs,
    repair_unicode,
    strip_artifacts,
    truncate,
)

ROOT = Path(__file__).resolve().parents[2]
INTAKE = ROOT / "tests" / "data" / "intake"
NOW = datetime(2024, 1, 1, tzinfo=UTC)
ARTICLE_SCHEMA = json.loads((ROOT / "schemas" / "article.schema.json").read_text("utf-8"))


def raw_items(path: Path) -> list[dict[str, Any]]:
    """Intake items as worker.sources.files makes them (kept local so these tests exercise the
    cleaner alone)."""
    text = path.read_text("utf-8")
    origin = str(path)
    if path.suffix == ".txt":
        return [{"text": text, "origin": origin}]
    if path.suffix == ".html":
        return [{"html": text, "origin": origin}]
    if path.suffix == ".json":
        return [{**json.loads(text), "origin": origin}]
    feed = feedparser.parse(text)
    title = feed.feed.get("title")
    return [
        {"feed_entry": {**entry, "source": {"title": title}}, "origin": f"{origin}#{n}"}
        for n, entry in enumerate(feed.entries)
    ]


FIXTURES = sorted(p for p in INTAKE.iterdir() if not p.name.endswith(".expected.json"))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_fixture_cleans_to_expected(path: Path) -> None:
    expected = json.loads((INTAKE / f"{path.stem}.expected.json").read_text("utf-8"))
    article = clean(raw_items(path)[0], now=NOW)
    doc = article.to_dict()
    jsonschema.Draft202012Validator(ARTICLE_SCHEMA).validate(doc)
    body = doc.pop("body")
    doc["paragraphs"] = len(body.split("\n\n"))
    assert doc == expected["article"]
    assert body.startswith(expected["body_startswith"])
    for needle in expected["body_contains"]:
        assert needle in body
    for needle in expected["body_excludes"]:
        assert needle not in body
    assert "\n\n\n" not in body and body == body.strip()


def test_seed_acceptance() -> None:
    article = clean(raw_items(INTAKE / "seed_news_bharati.txt")[0], now=NOW)
    assert article.source == "News Bharati English"
    assert article.published_at == datetime(2017, 3, 12, 11, 32, 32, tzinfo=UTC)
    assert article.published_at.tzinfo is not None
    assert article.dateline == "Moscow"
    assert article.language == "en"
    assert "Embeded Object" not in article.body
    paras = article.body.split("\n\n")
    assert any(p.startswith("Both the leaders also supported") for p in paras)
    assert any(p.startswith("Interestingly, Turkey and Russia") for p in paras)
    assert article.fetched_at == NOW
    assert article.title.startswith("Russian President Vladimir Putin")


def test_id_is_stable_and_url_based() -> None:
    a = clean(
        {"title": "T", "body": "Some body text here.", "url": "https://x.example/a?utm_source=1"}
    )
    b = clean({"title": "Other", "body": "Edited body.", "url": "https://X.example/a/#frag"})
    assert a.id == b.id  # same canonical URL, whatever the content
    c = clean({"title": "T", "body": "Some body text here."})
    d = clean({"title": "T", "body": "Some  body text here!"})
    assert c.id == d.id and c.id != a.id  # no URL: normalised content
    e = clean({"id": "g-1", "source": "S", "title": "T", "body": "one"})
    f = clean({"id": "g-1", "source": "S", "title": "T", "body": "two"})
    assert e.id == f.id  # producer id survives an edit


# ---- rejects ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "reason", "in_detail"),
    [
        ({"text": "   \n\n ", "origin": "f.txt"}, "empty", "no text"),
        ({"origin": "f.json"}, "schema", "$"),
        ({"title": 5, "body": "x"}, "schema", "$.title"),
        ({"body": "x", "published_at": 1700000000}, "schema", "$.published_at"),
        ({"body": "x", "url": "not a url"}, "schema", "$.url"),
        ({"body": "x", "language": "english!"}, "schema", "$.language"),
        (
            {"body": "Text here.", "published_at": "the day after the war"},
            "bad_date",
            "published_at",
        ),
        ({"text": "x" * 101}, "too_large", "100"),
        ({"html": "<html><body><script>var a=1;</script></body></html>"}, "no_text", "cleaning"),
        ({"text": "Advertisement\n\nShare\n\nEmbedded Object"}, "no_text", "cleaning"),
        ({"feed_entry": ["not", "a", "dict"]}, "schema", "feed_entry"),
        ({"feed_entry": {"bozo": 1}}, "empty", "feed entry"),
    ],
)
def test_rejects(raw: dict[str, Any], reason: str, in_detail: str) -> None:
    with pytest.raises(Reject) as info:
        clean(raw, now=NOW, max_bytes=100)
    assert (info.value.stage, info.value.reason) == ("clean", reason)
    assert in_detail in info.value.detail


def test_reject_names_origin() -> None:
    with pytest.raises(Reject) as info:
        clean({"text": "", "origin": "inbox/a.txt"})
    assert info.value.source == "inbox/a.txt"
    assert "inbox/a.txt" in str(info.value)


def test_non_mapping_is_schema_reject() -> None:
    with pytest.raises(Reject) as info:
        clean(["a"])  # type: ignore[arg-type]
    assert info.value.reason == "schema"


def test_feed_date_is_lenient_json_date_is_strict() -> None:
    entry = {"title": "T", "summary": "Body text.", "published": "whenever"}
    assert clean({"feed_entry": entry}).published_at is None


@pytest.mark.parametrize(
    "given", ["1900-01-01T00:00:00Z", "1989-12-31T23:59:59Z", "2199-12-31", "2024-01-02T00:00:01Z"]
)
def test_published_at_outside_1990_to_tomorrow_is_rejected(given: str) -> None:
    """Each month a producer names is an index (issue 17, item 3): a date before 1990 or
    more than a day ahead of ``now`` is refused with the range in the reason."""
    with pytest.raises(Reject) as info:
        clean({"body": "Text here.", "published_at": given}, now=NOW)
    assert info.value.reason == "bad_date"
    assert "outside 1990-01-01 .. now + 1 day" in info.value.detail


@pytest.mark.parametrize("given", ["1990-01-01T00:00:00Z", "2024-01-01T23:59:59Z"])
def test_published_at_at_the_ends_of_the_range_is_kept(given: str) -> None:
    art = clean({"body": "Text here.", "published_at": given}, now=NOW)
    assert art.published_at == datetime.fromisoformat(given)


def test_scraped_dates_outside_the_range_are_dropped() -> None:
    entry = {"title": "T", "summary": "Body text.", "published": "Mon, 01 Jan 1900 10:00:00 GMT"}
    assert clean({"feed_entry": entry}, now=NOW).published_at is None
    dump = "Source: Wire\nDate: 12 Mar 2125 11:32:32\n\nA headline\n\nThe body of it."
    assert clean({"text": dump}, now=NOW).published_at is None


# ---- unicode and whitespace -----------------------------------------------------------------


def test_repair_unicode_fixes_mojibake_and_normalises() -> None:
    assert repair_unicode("lâ€™Ã‰lysÃ©e") == "l’Élysée"
    assert repair_unicode("cafe\u0301") == "café"  # NFC
    assert repair_unicode("a\u200bb\u00adc\x07d") == "abcd"
    assert repair_unicode("Tom &amp; Jerry") == "Tom & Jerry"
    assert repair_unicode("“quoted”") == "“quoted”"  # repaired, not restyled
    assert repair_unicode("a\r\nb\rc") == "a\nb\nc"


def test_normalise_whitespace() -> None:
    assert normalise_whitespace("  a\u00a0\u00a0b\t c  \n\n\n\n  d  ") == "a b c\n\nd"
    assert normalise_whitespace("x\n  \n\t\ny") == "x\n\ny"


def test_paragraphs_one_per_line_and_hard_wrapped() -> None:
    assert paragraphs("First one.\nSecond one.\n\nThird.") == [
        "First one.",
        "Second one.",
        "Third.",
    ]
    wrapped = "A sentence that was\nhard wrapped at forty\ncolumns ends here.\n\nNext."
    assert paragraphs(wrapped) == [
        "A sentence that was hard wrapped at forty columns ends here.",
        "Next.",
    ]


def test_a_heading_line_without_a_stop_is_its_own_paragraph() -> None:
    # a headline right over its lede, one newline apart: two paragraphs, not one run-on sentence
    lede = "The air force of Chile signed on Monday for twelve trainers built in Sweden."
    text = f"Chile picks Swedish trainer jets\n{lede}"
    assert paragraphs(text) == ["Chile picks Swedish trainer jets", lede]
    # a subheading between two paragraphs, and a dateline line
    text = (
        "LIMA, Peru\nThe navy of Peru took delivery of two patrol boats from Korea last week.\n"
        "What comes next\nMore boats are due to follow under the same contract next year, he said."
    )
    assert len(paragraphs(text)) == 4


def test_a_one_word_kicker_stays_with_its_headline() -> None:
    # a section label over the headline is no heading of its own
    text = "Defence\nChile picks Swedish trainer jets\n\nThe deal was signed on Monday."
    assert paragraphs(text)[0] == "Defence Chile picks Swedish trainer jets"


def test_a_short_wrapped_line_is_still_a_wrap() -> None:
    # wrapped lines near the block's width, or ending on a word that needs more, join up
    wrapped = (
        "DAKAR, May 2 The defence ministry said at the\n"
        "Dakar air show on Tuesday that the country had signed an order\n"
        "for four patrol aircraft, its first in a decade, and that more\n"
        "Aircraft could follow.\n"
    )
    assert len(paragraphs(wrapped)) == 1
    # the next line opens in lower case: a wrap, however short the line
    assert paragraphs("A short line\nthat goes on and on for quite a long while here.") == [
        "A short line that goes on and on for quite a long while here."
    ]


# ---- CMS debris ------------------------------------------------------------------------------


def test_artifacts_fused_to_next_word_keep_the_word() -> None:
    assert strip_artifacts(["Embeded ObjectBoth the leaders met."]) == ["Both the leaders met."]
    assert strip_artifacts(["He said.Embedded ObjectThey left."]) == ["He said. They left."]
    assert strip_artifacts(["ADVERTISEMENTThe talks went on."]) == ["The talks went on."]


def test_artifacts_whole_lines_dropped_prose_kept() -> None:
    paras = [
        "Advertisement",
        "Also Read: Ten things about missiles",
        "Click here to subscribe",
        "Share | Tweet | Email",
        "The advertisement campaign was also read by many; click here, he said.",
        "Share prices fell after the announcement.",
    ]
    assert strip_artifacts(paras) == paras[4:]


def test_artifact_rules_are_data() -> None:
    rules = ArtifactRules.from_lists(inline=[r"\[ad\]"], lines=["sponsored"])
    assert strip_artifacts(["a [ad]b", "Sponsored", "c"], rules) == ["a b", "c"]


# ---- headers, datelines, dates ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "source", "when"),
    [
        (
            "News Bharati English12 Mar 2017 11:32:32",
            "News Bharati English",
            datetime(2017, 3, 12, 11, 32, 32, tzinfo=UTC),
        ),
        ("The Hindu 5 April 2018", "The Hindu", datetime(2018, 4, 5, tzinfo=UTC)),
        ("Reuters - March 3, 2019 10:05", "Reuters", datetime(2019, 3, 3, 10, 5, tzinfo=UTC)),
        (
            "AP 2020-01-02T03:04:05+02:00",
            "AP",
            datetime(2020, 1, 2, 1, 4, 5, tzinfo=UTC),
        ),
        ("Channel 4 News", "Channel 4 News", None),
        ("Sputnik", "Sputnik", None),
    ],
)
def test_split_source_date(value: str, source: str, when: datetime | None) -> None:
    assert split_source_date(value) == (source, when)


def test_split_source_date_zone_is_configurable() -> None:
    ist = timezone(timedelta(hours=5, minutes=30))
    _, when = split_source_date("X12 Mar 2017 11:32:32", default_tz=ist)
    assert when == datetime(2017, 3, 12, 6, 2, 32, tzinfo=UTC)


def test_parse_dump_header() -> None:
    lines = [
        "Title: A headline",
        "Source: Wire",
        "Date: 2021-02-03 04:05",
        "URL: https://a.b/c",
        "",
        "Body.",
    ]
    header, used = parse_dump_header(lines)
    assert (header.title, header.source, header.url) == ("A headline", "Wire", "https://a.b/c")
    assert header.published_at == datetime(2021, 2, 3, 4, 5, tzinfo=UTC)
    assert lines[used:] == ["Body."]
    header, used = parse_dump_header(["Moscow, March 12: text"])
    assert used == 0 and header.source is None


@pytest.mark.parametrize(
    ("para", "place"),
    [
        ("Moscow, March 12: Russian President", "Moscow"),
        ("WASHINGTON (Reuters) - The United States", "Washington"),
        ("KYIV, Ukraine — Ukrainian forces", "Kyiv"),
        ("NEW DELHI, Oct 5 (IANS) - India", "New Delhi"),
        ("LONDON, 12 March 2017 - Britain", "London"),
        ("BEIRUT - Lebanon's", "Beirut"),
        ("New Delhi, India (AP) — Officials", "New Delhi"),
    ],
)
def test_dateline(para: str, place: str) -> None:
    dateline = extract_dateline(para)
    assert dateline is not None and dateline.place == place
    assert para[dateline.end :][0].isupper()


@pytest.mark.parametrize(
    "para",
    [
        "However, Russia and Turkey agreed.",
        "Notably, both the leaders held talks on Friday.",
        "NATO said on Monday it would respond.",
        "UPDATE: the talks resumed.",
        "The president - who spoke briefly - left.",
    ],
)
def test_no_dateline(para: str) -> None:
    assert extract_dateline(para) is None


def test_headline_detection() -> None:
    assert looks_like_headline("Putin and Erdogan vow to improve ties", ["Body."])
    assert not looks_like_headline("Moscow, March 12: Putin said.", ["Body."])
    assert not looks_like_headline("A sentence that ends.", ["Body."])
    assert not looks_like_headline("Only paragraph", [])


def test_text_dump_with_headline() -> None:
    raw = {"text": "Putin and Erdogan vow to improve ties\n\nMOSCOW (AP) - The two leaders met."}
    article = clean(raw)
    assert article.title == "Putin and Erdogan vow to improve ties"
    assert article.body == "MOSCOW (AP) - The two leaders met."
    assert article.dateline == "Moscow"
    assert article.fetched_at is None  # no hidden clock


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-03-12T11:32:32Z", datetime(2017, 3, 12, 11, 32, 32, tzinfo=UTC)),
        ("2017-03-12T11:32:32+03:00", datetime(2017, 3, 12, 8, 32, 32, tzinfo=UTC)),
        ("Sun, 12 Mar 2017 11:32:32 +0300", datetime(2017, 3, 12, 8, 32, 32, tzinfo=UTC)),
        ("Sun, 12 Mar 2017 11:32:32 GMT", datetime(2017, 3, 12, 11, 32, 32, tzinfo=UTC)),
        ("12 Mar 2017 11:32:32", datetime(2017, 3, 12, 11, 32, 32, tzinfo=UTC)),
        ("March 12, 2017", datetime(2017, 3, 12, tzinfo=UTC)),
        ("12 mars 2017 11:32", datetime(2017, 3, 12, 11, 32, tzinfo=UTC)),  # dateparser path
        ("2 hours ago", datetime(2023, 12, 31, 22, 0, tzinfo=UTC)),
        ("not a date", None),
        ("", None),
        ("9999999999999999", None),
    ],
)
def test_parse_date(value: str, expected: datetime | None) -> None:
    assert parse_date(value, now=NOW) == expected


def test_relative_date_needs_now() -> None:
    assert parse_date("2 hours ago") is None


# ---- html, feeds, ids, language ---------------------------------------------------------------


def test_fragment_to_text_keeps_paragraphs_drops_scripts() -> None:
    text = fragment_to_text("<p>One <b>bold</b>.</p><script>x()</script><p>Two<br>three</p>")
    assert paragraphs(normalise_whitespace(text)) == ["One bold.", "Two", "three"]


def test_feed_entry_after_json_round_trip() -> None:
    entry = {
        "title": "T",
        "links": [{"rel": "alternate", "href": "https://a.example/x"}],
        "summary": "short",
        "content": [{"type": "text/html", "value": "<p>The longer content.</p>"}],
        "published_parsed": [2017, 3, 12, 8, 32, 32, 6, 71, 0],
        "source": {"title": "Wire"},
    }
    item = feed_entry_to_input(entry)
    assert item == {
        "title": "T",
        "html": "<p>The longer content.</p>",  # typed text/html: the cleaner converts it
        "url": "https://a.example/x",
        "source": "Wire",
        "published_at": "2017-03-12T08:32:32+00:00",
    }


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        (
            "HTTPS://Example.COM:443/a/b/?utm_source=x&b=2&a=1#top",
            "https://example.com/a/b?a=1&b=2",
        ),
        ("http://example.com:80", "http://example.com/"),
        ("http://example.com:8080/x?fbclid=1", "http://example.com:8080/x"),
        ("ftp://example.com/x", None),
        ("urn:uuid:1", None),
        ("http://[::1", None),
        (None, None),
    ],
)
def test_canonical_url(url: str | None, canonical: str | None) -> None:
    assert canonical_url(url) == canonical


def test_article_id_shape() -> None:
    ident = article_id("https://a.example/", None, None, "x")
    assert len(ident) == 16 and int(ident, 16) >= 0
    assert article_id(None, None, None, "x") != ident


def test_content_hash_ignores_case_punctuation_spacing() -> None:
    assert content_hash("Hello,  World!") == content_hash("hello world")
    assert content_hash("hello world") != content_hash("hello there")


def test_language() -> None:
    assert detect_language("The president met his counterpart in Moscow on Friday.") == "en"
    assert detect_language("Die Bundesregierung hat die Lieferung genehmigt.") == "de"
    assert detect_language("123 456") is None
    assert normalise_language("en-GB") == "en"
    assert normalise_language("EN") == "en"
    assert normalise_language("english!") is None


def test_truncate() -> None:
    assert truncate("short", 10) == "short"
    assert truncate("one two three four five", 12) == "one two…"
    assert len(truncate("x" * 50, 10)) == 10


def test_a_derived_title_is_not_cut_at_an_abbreviation() -> None:
    # no headline: the title is the first sentence, read by the tagger's splitter, so "U.S."
    # inside it is no sentence end
    raw = {"text": "Chile signed a deal with the U.S. Navy for two frigates. Talks took a year."}
    assert clean(raw).title == "Chile signed a deal with the U.S. Navy for two frigates."


def test_html_typed_feed_title_and_summary_become_text() -> None:
    """Issue 17, item 11: feedparser hands HTML-typed fields over as markup."""
    atom = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry>'
        '<title type="html">&lt;img src="x.png" /&gt;&lt;b&gt;Deal&lt;/b&gt; signed</title>'
        '<summary type="html">&lt;!-- &lt;script&gt; --&gt; &lt;div&gt;Talks &lt;a href="https://'
        'e.example/"&gt;ended&lt;/a&gt; today.&lt;/div&gt;</summary>'
        "<link href='https://e.example/deal'/></entry></feed>"
    )
    (entry,) = feedparser.parse(atom).entries
    article = clean({"feed_entry": dict(entry)}, now=NOW)
    assert article.title == "Deal signed"
    assert article.body == "Talks ended today."
