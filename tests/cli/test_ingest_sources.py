"""`newswatch ingest -` (stdin) and `newswatch ingest URL`: the console script publishes to a
private raw topic on the real Kafka and the test reads the topic back. URLs are served by a
real local HTTP server (pytest-httpserver)."""

from __future__ import annotations

import json
import subprocess

import pytest
from pytest_httpserver import HTTPServer

from tests.conftest import SEED, free_port, run_newswatch
from tests.e2e.harness import TopicReader, delete_topics

PAGE = """<!doctype html>
<html><head><title>Ankara signs for Russian S-400 batteries</title></head>
<body><article>
<h1>Ankara signs for Russian S-400 batteries</h1>
<p>Turkey has signed an agreement with Russia to buy S-400 air defence missile systems,
officials in Ankara said on Tuesday, in a deal that has worried its NATO allies.</p>
<p>The first deliveries are expected within two years, the officials said.</p>
</article></body></html>
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
  <title>Test Wire</title>
  <link>https://wire.example/</link>
  <description>test feed</description>
  <item>
    <title>Turkey buys S-400 from Russia</title>
    <link>https://wire.example/s400</link>
    <guid>https://wire.example/s400</guid>
    <pubDate>Tue, 12 Sep 2017 10:00:00 GMT</pubDate>
    <description>Ankara confirmed the purchase of Russian S-400 missiles.</description>
  </item>
  <item>
    <title>India signs S-400 deal</title>
    <link>https://wire.example/india</link>
    <guid>https://wire.example/india</guid>
    <pubDate>Fri, 05 Oct 2018 10:00:00 GMT</pubDate>
    <description>New Delhi and Moscow signed the S-400 contract.</description>
  </item>
</channel></rss>
"""


def ingest(
    *args: str, env: dict[str, str] | None = None, stdin: bytes | None = None
) -> subprocess.CompletedProcess:
    return run_newswatch(
        "ingest", *args, env=env, stdin=stdin if stdin is not None else b"", text=False
    )


def read_raw(env: dict[str, str], want: int, timeout: float = 20.0) -> list[dict]:
    """Everything on the private raw topic (waits until ``want`` records arrived)."""
    bootstrap = env.get("NEWSWATCH_KAFKA_BOOTSTRAP", "127.0.0.1:9092")
    reader = TopicReader(bootstrap, [env["NEWSWATCH_TOPICS__RAW"]])
    try:
        reader.poll_until(lambda r: sum(map(len, r.values())) >= want, timeout)
        # a little longer, so that an unexpected extra record would be seen too
        reader.poll_until(lambda r: False, 1.0)
        return reader.records[env["NEWSWATCH_TOPICS__RAW"]]
    finally:
        reader.close()


@pytest.fixture
def kafka_env(isolated_env):
    """The isolated environment; its topics are deleted afterwards."""
    yield isolated_env
    delete_topics(
        isolated_env.get("NEWSWATCH_KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
        isolated_env["NEWSWATCH_APP_ID"],
    )


# ----------------------------------------------------------------------------- stdin


@pytest.mark.stack
def test_stdin_plain_text_is_published(kafka_env):
    text = SEED.read_bytes()
    res = ingest("-", env=kafka_env, stdin=text)
    assert res.returncode == 0, res.stderr.decode()
    topic = kafka_env["NEWSWATCH_TOPICS__RAW"]
    assert f"1 item(s) published to {topic}; 0 rejected" in res.stderr.decode()
    (got,) = read_raw(kafka_env, 1)
    assert got == {"text": text.decode("utf-8"), "origin": "<stdin>"}


@pytest.mark.stack
def test_stdin_json_lines_and_html(kafka_env):
    lines = [
        {"title": "One", "body": "Body one.", "url": "https://a.example/1"},
        {"title": "Two", "body": "Body two.", "url": "https://a.example/2"},
        {"title": "Three", "body": "Body three.", "url": "https://a.example/3"},
    ]
    jsonl = "".join(json.dumps(x) + "\n" for x in lines).encode()
    res = ingest("-", env=kafka_env, stdin=jsonl)
    assert res.returncode == 0, res.stderr.decode()
    assert "3 item(s) published" in res.stderr.decode()

    res = ingest("-", env=kafka_env, stdin=PAGE.encode())
    assert res.returncode == 0, res.stderr.decode()

    got = read_raw(kafka_env, 4)
    by_title = {g["title"]: g for g in got if "title" in g}
    assert sorted(by_title) == ["One", "Three", "Two"]
    assert by_title["Two"]["origin"] == "<stdin>:2"
    assert by_title["Two"]["url"] == "https://a.example/2"
    html = [g for g in got if "html" in g]
    assert len(html) == 1 and len(got) == 4
    assert html[0]["html"] == PAGE and html[0]["origin"] == "<stdin>"


@pytest.mark.parametrize(
    "payload",
    [
        # one line
        '[{"title": "A", "body": "Alpha."}, {"title": "B", "body": "Beta."}]',
        # pretty-printed by hand: one object per line, at the start of the line
        '[\n{"title": "A", "body": "Alpha."},\n{"title": "B", "body": "Beta."}\n]\n',
        # json.dumps(indent=2)
        json.dumps([{"title": "A", "body": "Alpha."}, {"title": "B", "body": "Beta."}], indent=2),
    ],
    ids=["one-line", "object-per-line", "indented"],
)
def test_stdin_json_array_is_read_as_json(payload):
    """A JSON array on stdin is two articles, however it is laid out (not one text article
    whose body is JSON)."""
    res = ingest("--dry-run", "-", stdin=payload.encode())
    assert res.returncode == 0, res.stderr.decode()
    assert "2 item(s) validated; 0 rejected" in res.stderr.decode()


@pytest.mark.stack
def test_stdin_rss_feed_gives_its_entries(kafka_env):
    """`curl FEED | newswatch ingest -` publishes the feed's entries, not the XML as text."""
    res = ingest("-", env=kafka_env, stdin=RSS.encode())
    assert res.returncode == 0, res.stderr.decode()
    assert "2 item(s) published" in res.stderr.decode()
    got = read_raw(kafka_env, 2)
    assert sorted(g["feed_entry"]["title"] for g in got) == [
        "India signs S-400 deal",
        "Turkey buys S-400 from Russia",
    ]
    assert all(g["feed_entry"]["source"] == {"title": "Test Wire"} for g in got)


@pytest.mark.parametrize("data", [b"", b"  \n\t\n"], ids=["empty", "blank"])
def test_empty_stdin_is_an_error(data):
    res = ingest("--dry-run", "-", stdin=data)
    err = res.stderr.decode()
    assert res.returncode == 1
    assert "rejected <stdin>:" in err and "empty" in err
    assert "0 item(s) validated; 1 rejected" in err
    assert "Traceback" not in err


def test_stdin_over_the_size_limit_is_rejected():
    env = {**_clean_env(), "NEWSWATCH_MAX_ARTICLE_BYTES": "1024"}
    res = ingest("--dry-run", "-", env=env, stdin=b"Turkey and Russia. " * 100)
    err = res.stderr.decode()
    assert res.returncode == 1
    assert "rejected <stdin>: over the 1,024-byte limit" in err
    assert "NEWSWATCH_MAX_ARTICLE_BYTES" in err
    # exactly at the limit is fine
    res = ingest("--dry-run", "-", env=env, stdin=b"x" * 1024)
    assert res.returncode == 0, res.stderr.decode()


def _clean_env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if not k.startswith("NEWSWATCH_")}


# ------------------------------------------------------------------------------- URL


@pytest.mark.stack
def test_url_html_page_and_rss_feed(kafka_env, httpserver: HTTPServer):
    httpserver.expect_request("/story.html").respond_with_data(
        PAGE, content_type="text/html; charset=utf-8"
    )
    httpserver.expect_request("/feed.rss").respond_with_data(
        RSS, content_type="application/rss+xml"
    )
    page_url = httpserver.url_for("/story.html")
    feed_url = httpserver.url_for("/feed.rss")

    res = ingest(page_url, feed_url, env=kafka_env)
    assert res.returncode == 0, res.stderr.decode()
    assert "3 item(s) published" in res.stderr.decode()

    got = read_raw(kafka_env, 3)
    assert len(got) == 3
    (page,) = [g for g in got if "html" in g]
    assert page["html"] == PAGE
    assert page["url"] == page_url and page["origin"] == page_url
    entries = sorted((g for g in got if "feed_entry" in g), key=lambda g: g["origin"])
    assert [e["origin"] for e in entries] == [f"{feed_url}#0", f"{feed_url}#1"]
    assert entries[0]["feed_entry"]["link"] == "https://wire.example/s400"
    assert entries[1]["feed_entry"]["title"] == "India signs S-400 deal"


def test_url_json_and_redirect(httpserver: HTTPServer):
    httpserver.expect_request("/old").respond_with_data(
        "", status=301, headers={"Location": httpserver.url_for("/api/article")}
    )
    httpserver.expect_request("/api/article").respond_with_json(
        [{"title": "A", "body": "Alpha."}, {"title": "B", "body": "Beta."}]
    )
    res = ingest("--dry-run", httpserver.url_for("/old"))
    assert res.returncode == 0, res.stderr.decode()
    assert "2 item(s) validated; 0 rejected" in res.stderr.decode()


def test_url_with_a_declared_latin1_charset(httpserver: HTTPServer):
    """An HTML page the server declares as ISO-8859-1 is read in that charset; the user
    cannot re-encode a web page, so 'not valid UTF-8' would be a dead end."""
    page = PAGE.replace("Ankara said", "Ankara (Türkiye) said")
    httpserver.expect_request("/latin1.html").respond_with_data(
        page.encode("latin-1"), content_type="text/html; charset=ISO-8859-1"
    )
    res = ingest("--dry-run", httpserver.url_for("/latin1.html"))
    assert res.returncode == 0, res.stderr.decode()
    assert "1 item(s) validated; 0 rejected" in res.stderr.decode()


def test_url_404_is_a_clear_error(httpserver: HTTPServer):
    httpserver.expect_request("/gone").respond_with_data("not here", status=404)
    url = httpserver.url_for("/gone")
    res = ingest("--dry-run", url, str(SEED))
    err = res.stderr.decode()
    assert res.returncode == 1
    assert f"rejected {url}: could not fetch:" in err
    assert "404" in err
    assert "1 item(s) validated; 1 rejected" in err  # the other source still went through
    assert "Traceback" not in err


def test_unreachable_url_is_a_clear_error():
    url = f"http://127.0.0.1:{free_port()}/feed.rss"
    res = ingest("--dry-run", url)
    err = res.stderr.decode()
    assert res.returncode == 1
    assert f"rejected {url}: could not fetch:" in err
    assert "Traceback" not in err


def test_url_too_large_is_rejected(httpserver: HTTPServer):
    httpserver.expect_request("/big.txt").respond_with_data(
        "Turkey and Russia. " * 200, content_type="text/plain"
    )
    env = {**_clean_env(), "NEWSWATCH_MAX_ARTICLE_BYTES": "1024"}
    url = httpserver.url_for("/big.txt")
    res = ingest("--dry-run", url, env=env)
    assert res.returncode == 1
    err = res.stderr.decode()
    assert f"rejected {url}: 3,800 bytes, over the 1,024-byte limit" in err
    assert "NEWSWATCH_MAX_ARTICLE_BYTES" in err


def test_url_with_an_unspecific_content_type(httpserver: HTTPServer):
    """A feed served as text/plain is still read as a feed (its entries), while a plain-text
    article that happens to start with a bracket stays one text article."""
    httpserver.expect_request("/feed").respond_with_data(RSS, content_type="text/plain")
    httpserver.expect_request("/story").respond_with_data(
        "[Reuters] Turkey signed for Russian S-400 missiles, officials said.",
        content_type="text/plain; charset=utf-8",
    )
    res = ingest("--dry-run", httpserver.url_for("/feed"), httpserver.url_for("/story"))
    assert res.returncode == 0, res.stderr.decode()
    assert "3 item(s) validated; 0 rejected" in res.stderr.decode()
