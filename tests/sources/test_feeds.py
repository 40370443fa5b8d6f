"""Feed polling against a real local HTTP server (pytest-httpserver): conditional GET with the
remembered ETag / Last-Modified, new entries only, memory kept across restarts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from worker.config import FeedSettings
from worker.sources.feeds import SEEN_MAX, FeedMemory, FeedPoller, _prune, entry_key

ETAG = '"v1"'


def rss(*items: tuple[str, str]) -> str:
    body = "".join(
        f"<item><title>{title}</title><link>https://outlet.example/{guid}</link>"
        f"<guid>https://outlet.example/{guid}</guid>"
        f"<description>Story {title} happened today in the capital, officials said.</description>"
        "<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>"
        for guid, title in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet</title>'
        f"<link>https://outlet.example/</link><description>x</description>{body}</channel></rss>"
    )


FEED_V1 = rss(("a", "Alpha"), ("b", "Bravo"))
FEED_V2 = rss(("c", "Charlie"), ("a", "Alpha"), ("b", "Bravo"))


class Sink:
    """Stands in for Kafka here; the Kafka path is covered by tests/cli/test_poll_cmd.py."""

    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []

    def __call__(self, items: list[dict[str, Any]]) -> None:
        json.dumps(items)  # what the publisher will encode
        self.items += items


def serve_feed(httpserver: HTTPServer, body: str, etag: str | None = ETAG) -> None:
    def handler(request: Request) -> Response:
        if etag and request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        headers = {"Last-Modified": "Tue, 05 Mar 2024 10:00:00 GMT"}
        if etag:
            headers["ETag"] = etag
        return Response(body, content_type="application/rss+xml", headers=headers)

    httpserver.clear()
    httpserver.expect_request("/feed.xml").respond_with_handler(handler)


def poller(url: str, state: Path, sink: Sink, **kw: Any) -> FeedPoller:
    feed = FeedSettings(url=url, interval=60, name="Outlet Wire")
    return FeedPoller([feed], FeedMemory.load(state), sink, **kw)


def test_second_poll_is_conditional_and_publishes_nothing(httpserver: HTTPServer, tmp_path):
    serve_feed(httpserver, FEED_V1)
    url, state, sink = httpserver.url_for("/feed.xml"), tmp_path / "feeds.json", Sink()
    p = poller(url, state, sink)

    first = p.poll(p.feeds[0])
    assert (first.status, first.http_status, first.entries, first.new) == ("new", 200, 2, 2)
    assert [i["feed_entry"]["link"] for i in sink.items] == [
        "https://outlet.example/a",
        "https://outlet.example/b",
    ]
    assert sink.items[0]["feed_entry"]["source"] == {"title": "Outlet Wire"}

    second = p.poll(p.feeds[0])
    assert (second.status, second.http_status, second.new) == ("not_modified", 304, 0)
    request, _ = httpserver.log[-1]
    assert request.headers["If-None-Match"] == ETAG
    assert request.headers["If-Modified-Since"] == "Tue, 05 Mar 2024 10:00:00 GMT"
    assert len(sink.items) == 2


def test_restart_keeps_the_seen_memory(httpserver: HTTPServer, tmp_path):
    # No ETag: the server answers 200 every time, so only the memory prevents re-publishing.
    serve_feed(httpserver, FEED_V1, etag=None)
    url, state, sink = httpserver.url_for("/feed.xml"), tmp_path / "feeds.json", Sink()
    p = poller(url, state, sink)
    assert p.poll(p.feeds[0]).new == 2
    p.close()

    serve_feed(httpserver, FEED_V2, etag=None)
    restarted = poller(url, state, sink)  # a new process: memory comes from the file
    result = restarted.poll(restarted.feeds[0])
    assert (result.status, result.entries, result.new) == ("new", 3, 1)
    assert [i["feed_entry"]["title"] for i in sink.items] == ["Alpha", "Bravo", "Charlie"]
    assert restarted.poll(restarted.feeds[0]).status == "unchanged"
    saved = json.loads(state.read_text())["feeds"][url]
    assert set(saved["seen"]) == {f"https://outlet.example/{g}" for g in "abc"}


def test_failed_publish_remembers_nothing(httpserver: HTTPServer, tmp_path):
    serve_feed(httpserver, FEED_V1)
    url, state = httpserver.url_for("/feed.xml"), tmp_path / "feeds.json"

    def down(items: list[dict[str, Any]]) -> None:
        raise ConnectionError("kafka is down")

    p = FeedPoller([FeedSettings(url=url)], FeedMemory.load(state), down)
    result = p.poll(p.feeds[0])
    assert result.status == "error" and "kafka is down" in result.detail
    sink = Sink()
    retry = poller(url, state, sink)  # the ETag was not kept either: a full fetch again
    assert retry.poll(retry.feeds[0]).new == 2


@pytest.mark.parametrize(
    ("status", "body", "needle"),
    [(500, "oops", "HTTP 500"), (200, "<html>not a feed", "not a readable"), (404, "", "HTTP 404")],
)
def test_bad_feeds_are_reported_not_raised(httpserver, tmp_path, status, body, needle):
    httpserver.expect_request("/bad").respond_with_data(body, status=status)
    p = poller(httpserver.url_for("/bad"), tmp_path / "feeds.json", Sink())
    result = p.poll(p.feeds[0])
    assert result.status == "error" and needle in result.detail


def test_oversized_feed_is_refused(httpserver: HTTPServer, tmp_path):
    httpserver.expect_request("/big").respond_with_data("x" * 5000)
    p = poller(httpserver.url_for("/big"), tmp_path / "f.json", Sink(), max_bytes=1000)
    assert "over 1,000 bytes" in p.poll(p.feeds[0]).detail


def test_local_file_feed_is_read_again_only_when_changed(tmp_path):
    path, sink = tmp_path / "wire.rss", Sink()
    path.write_text(FEED_V1)
    p = poller(str(path), tmp_path / "feeds.json", sink)
    assert p.poll(p.feeds[0]).new == 2
    assert p.poll(p.feeds[0]).status == "not_modified"
    path.write_text(FEED_V2)
    assert p.poll(p.feeds[0]).new == 1


def test_run_polls_each_feed_on_its_own_interval(httpserver: HTTPServer, tmp_path):
    serve_feed(httpserver, FEED_V1)
    now = [1000.0]

    class Clock:
        """A stop event whose wait() advances a fake clock, ending the run at t=1250."""

        def is_set(self) -> bool:
            return now[0] > 1250

        def wait(self, timeout: float) -> bool:
            now[0] += timeout
            return self.is_set()

    url = httpserver.url_for("/feed.xml")
    feeds = [
        FeedSettings(url=url, interval=10, name="fast"),
        FeedSettings(url=url + "?slow", interval=100, name="slow"),
    ]
    p = FeedPoller(feeds, FeedMemory(None), Sink(), clock=lambda: now[0])
    polled: list[str] = []
    p.run(report=lambda r: polled.append(r.label), stop=Clock())  # type: ignore[arg-type]
    assert polled.count("fast") == 26  # t = 1000, 1010, ..., 1250
    assert polled.count("slow") == 3  # t = 1000, 1100, 1200


def test_corrupt_memory_is_set_aside(tmp_path):
    state = tmp_path / "feeds.json"
    state.write_text("{not json")
    mem = FeedMemory.load(state)
    assert mem.feeds == {} and (tmp_path / "feeds.json.corrupt").exists()


def test_memory_is_bounded():
    seen = {f"k{i}": float(i) for i in range(SEEN_MAX + 50)}
    kept = _prune(seen, now=SEEN_MAX + 50.0)
    assert len(kept) == SEEN_MAX and "k0" not in kept and f"k{SEEN_MAX + 49}" in kept


def test_entry_key_prefers_guid_then_link_then_text():
    assert entry_key({"id": "g1", "link": "l"}) == "g1"
    assert entry_key({"link": "l"}) == "l"
    assert entry_key({"title": "t"}).startswith("sha1:")
