"""Property tests for the stream's intake: whatever bytes arrive on the raw topic, decoding and
cleaning either give an Article (with a fingerprint for dedupe) or raise a Reject with a stage and
a reason — nothing else escapes — and every reject makes a JSON-encodable dead-letter record."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.transforms.test_clean_properties import article_like, json_values, newsy
from worker.errors import Reject
from worker.model import Article
from worker.stream.dead_letter import (
    DLQ_PAYLOAD_MAX,
    clip_for_dlq,
    dead_letter_record,
    raw_location,
)
from worker.stream.intake import decode_raw
from worker.transforms.clean import clean
from worker.transforms.dedupe import Deduper

NOW = datetime(2024, 1, 1, tzinfo=UTC)
MAX_BYTES = 4000
DEDUPER = Deduper()
SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _encode(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")


# Plausible articles, so that a sample also exercises the accepting path.
plausible = st.fixed_dictionaries(
    {"title": st.text(min_size=1, max_size=80), "body": newsy},
    optional={"url": st.sampled_from(["https://a.example/1", "ftp://x/y", "nope"])},
)
# What producers get wrong: arbitrary bytes, any JSON, article-shaped objects with wrong types,
# and the few pathological documents that make json.loads itself fail in odd ways.
raw_payloads = st.one_of(
    plausible.map(_encode),
    st.binary(max_size=300),
    json_values.map(_encode),
    article_like.map(_encode),
    st.sampled_from(
        [
            b"[" * 5000 + b"]" * 5000,  # RecursionError inside json
            b"1" * 5000,  # int over Python's digit limit: ValueError, not JSONDecodeError
            b'{"body": "' + b"x" * (MAX_BYTES + 10) + b'"}',  # too large
            b"\xef\xbb\xbf{}",  # BOM
            b"\xff\xfe{\x00}\x00",  # UTF-16
            b'{"title": "\\ud800"}',  # lone surrogate
            b"NaN",
            b"null",
            b"",
        ]
    ),
)


def intake(payload: bytes) -> Article:
    """Exactly what the intake agent does to one raw message."""
    item = decode_raw(payload, MAX_BYTES)
    article = clean(item, now=NOW, max_bytes=MAX_BYTES)
    DEDUPER.fingerprint(article)
    return article


@SETTINGS
@given(raw_payloads)
def test_only_articles_or_rejects_come_out(payload: bytes) -> None:
    try:
        article = intake(payload)
    except Reject as rej:
        assert rej.stage in ("intake", "clean") and rej.reason.isidentifier() and rej.detail
        record = dead_letter_record(*clip_for_dlq(payload, rej, raw_location(0, 7)), topic="raw")
        encoded = json.dumps(record)  # what the DLQ serializer does
        assert len(encoded) < 1_000_000  # under Kafka's default message size
        assert record["reason"] == rej.reason and record["stage"] == rej.stage
        assert record["payload_encoding"] in ("utf-8", "base64")
        return
    assert article.id and article.title.strip()
    json.dumps(article.to_dict())


def test_huge_rejects_are_clipped_and_point_at_the_original() -> None:
    payload = b"\xff" * (DLQ_PAYLOAD_MAX * 3)
    rej = Reject("intake", "not_utf8", "message is not UTF-8 JSON")
    clipped, note = clip_for_dlq(payload, rej, raw_location(3, 1234))
    assert len(clipped) == DLQ_PAYLOAD_MAX
    assert "raw partition 3 offset 1234" in note.detail and note.reason == "not_utf8"
    record = dead_letter_record(clipped, note, topic="raw")
    assert len(json.dumps(record)) < 1_000_000
