"""Property tests: whatever arrives, ``clean`` returns a schema-valid Article or raises Reject."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from worker.errors import Reject
from worker.transforms.clean import clean

NOW = datetime(2024, 1, 1, tzinfo=UTC)
SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "schemas" / "article.schema.json").read_text("utf-8")
)
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)
# Text that looks like news input often enough to reach the deep paths.
_PIECES = [
    *"abcdefghij ABCDEFGHIJ.,:;-—()\n\t<>/p&é’“”Ã©â€\u00a0\u200b0123456789\x00\ud800",
    *("Source: ", "Embeded Object", "<p>", "</p>", "<html><body>", "Mar 2017 ", "Moscow, "),
    *("Advertisement\n", "WASHINGTON (Reuters) - ", "12 Mar 2017 11:32:32", "\n\n"),
]
newsy = st.lists(st.sampled_from(_PIECES), max_size=120).map("".join)
keys = st.sampled_from(
    ["title", "body", "text", "content", "html", "url", "source", "published_at", "language", "id"]
)
article_like = st.dictionaries(keys, newsy | json_values, max_size=7)


def check(raw: Any) -> None:
    try:
        article = clean(raw, now=NOW, max_bytes=2000)
    except Reject as exc:
        assert exc.stage and exc.reason and exc.detail
        assert exc.reason.isidentifier()
        return
    doc = article.to_dict()
    VALIDATOR.validate(doc)
    json.dumps(doc, ensure_ascii=False).encode("utf-8")  # printable and Kafka-encodable
    assert article.title.strip()
    assert article.fetched_at == NOW


@SETTINGS
@given(json_values)
def test_any_json_value(raw: Any) -> None:
    check(raw)


@SETTINGS
@given(article_like)
def test_article_like_objects(raw: dict[str, Any]) -> None:
    check(raw)


@SETTINGS
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "title",
                "summary",
                "link",
                "published",
                "content",
                "source",
                "links",
                "id",
                "published_parsed",
                "title_detail",
            ]
        ),
        newsy | json_values,
        max_size=6,
    )
)
def test_feed_entries(entry: dict[str, Any]) -> None:
    check({"feed_entry": entry, "origin": "feed.xml#0"})


@SETTINGS
@given(st.binary(max_size=600), st.sampled_from(["text", "html", "body"]))
def test_arbitrary_bytes(data: bytes, kind: str) -> None:
    # surrogateescape keeps every byte, so undecodable input reaches clean as lone surrogates
    check({kind: data.decode("utf-8", "surrogateescape"), "origin": "blob.bin"})


@SETTINGS
@given(newsy, newsy)
def test_text_dumps(header: str, body: str) -> None:
    check({"text": f"Source: {header}\n\n{body}", "origin": "dump.txt"})
