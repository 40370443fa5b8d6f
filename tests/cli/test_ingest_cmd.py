"""`newswatch ingest`: bad files get a message naming the file and a non-zero exit; good ones
are published to the real broker."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import SEED


def ingest(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "worker", "ingest", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Türkiye café".encode("latin-1"), "not valid UTF-8"),
    ],
)
def test_bad_file_is_named_with_reason_and_exit_1(tmp_path, content, reason):
    bad = tmp_path / "article.txt"
    bad.write_bytes(content)
    res = ingest("--dry-run", str(bad))
    assert res.returncode == 1
    assert str(bad) in res.stderr
    assert reason in res.stderr
    assert "Traceback" not in res.stderr


def test_missing_file_and_bad_json(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"title": "x", ')
    res = ingest("--dry-run", str(tmp_path / "nope.txt"), str(broken), str(SEED))
    assert res.returncode == 1
    assert "nope.txt: no such file" in res.stderr
    assert "broken.json: invalid JSON at line 1" in res.stderr
    assert "1 item(s) validated; 2 rejected" in res.stderr


def test_a_bad_line_is_its_own_reject_and_the_rest_go_on(tmp_path):
    """Issue 17, item 4: a lone surrogate (JSON escape), broken JSON or a non-object on one
    line rejects that line, named with its number; the lines after it are still read."""
    lines = [
        json.dumps({"title": "One", "body": "First good article."}),
        '{"title": "Two", "body": "lone \\ud800 surrogate"}',
        '{"title": "Three", ',
        "[1, 2]",
        json.dumps({"title": "Five", "body": "Last good article."}),
    ]
    feed = tmp_path / "batch.jsonl"
    feed.write_text("\n".join(lines) + "\n")
    res = ingest("--dry-run", str(feed))
    assert res.returncode == 1, res.stderr
    assert f"{feed}:2: text is not valid Unicode: surrogates not allowed" in res.stderr
    assert f"{feed}:3: invalid JSON" in res.stderr
    assert f"{feed}:4: expected a JSON object" in res.stderr
    assert "2 item(s) validated; 3 rejected" in res.stderr
    assert "Traceback" not in res.stderr


@pytest.mark.stack
def test_publishes_to_the_raw_topic(isolated_env, tmp_path):
    from kafka import KafkaConsumer, TopicPartition

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(SEED.read_text())
    (folder / "b.jsonl").write_text(
        json.dumps({"title": "One", "body": "Body one."})
        + "\n"
        + json.dumps({"title": "Two", "body": "Body two."})
        + "\n"
    )
    (folder / "c.txt").write_bytes(b"\x00\x00binary")
    res = ingest(str(folder), env=isolated_env)
    assert res.returncode == 1  # one bad file in the folder
    assert "c.txt" in res.stderr and "3 item(s) published" in res.stderr

    topic = isolated_env["NEWSWATCH_TOPICS__RAW"]
    bootstrap = isolated_env.get("NEWSWATCH_KAFKA_BOOTSTRAP", "127.0.0.1:9092")
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    parts = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic)]
    consumer.assign(parts)
    consumer.seek_to_beginning(*parts)
    got = []
    for _ in range(20):
        for recs in consumer.poll(timeout_ms=300).values():
            got += [json.loads(r.value) for r in recs]
        if len(got) >= 3:
            break
    consumer.close()
    assert sorted(g.get("title", "") for g in got) == ["", "One", "Two"]
    # The seed header has a no-break space after "Source:"; intake must pass it on untouched.
    assert any(g.get("text", "").startswith("Source:\xa0News Bharati English") for g in got)
