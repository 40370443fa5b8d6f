"""Search engine detection (``search_engine: auto``): the cluster's root document decides
between Elasticsearch and OpenSearch. Real HTTP servers (pytest-httpserver) answer ``GET /``
with the root documents the two engines really send."""

from __future__ import annotations

import asyncio
import base64

import httpx
import pytest
from pytest_httpserver import HTTPServer

from tests.conftest import free_port, run_newswatch
from worker.config import load_settings
from worker.sinks.search import SearchSink, detect_engine, is_transient

ES8_ROOT = {
    "name": "es01",
    "cluster_name": "docker-cluster",
    "cluster_uuid": "x0ZbiQ0nSGWzv5yHF1xgWQ",
    "version": {
        "number": "8.15.0",
        "build_flavor": "default",
        "build_type": "docker",
        "build_hash": "1a77947f34deddb41af25e6f0ddb8e830159c179",
        "build_date": "2024-08-05T10:05:34.233336849Z",
        "build_snapshot": False,
        "lucene_version": "9.11.1",
        "minimum_wire_compatibility_version": "7.17.0",
        "minimum_index_compatibility_version": "7.0.0",
    },
    "tagline": "You Know, for Search",
}

OPENSEARCH_ROOT = {
    "name": "node-1",
    "cluster_name": "opensearch",
    "cluster_uuid": "b6yM1m7dQOa4Hc3hQ2lN2w",
    "version": {
        "distribution": "opensearch",
        "number": "2.17.1",
        "build_type": "tar",
        "build_hash": "1893d20797e30110e5877170e44d42275ce5951e",
        "build_date": "2024-09-26T21:59:32.078798875Z",
        "build_snapshot": False,
        "lucene_version": "9.11.1",
        "minimum_wire_compatibility_version": "7.10.0",
        "minimum_index_compatibility_version": "7.0.0",
    },
    "tagline": "The OpenSearch Project: https://opensearch.org/",
}


def detect(url: str, **kw) -> str:
    return asyncio.run(detect_engine(url, **kw))


def test_elasticsearch_8_root(httpserver: HTTPServer):
    httpserver.expect_request("/", method="GET").respond_with_json(
        ES8_ROOT, headers={"X-Elastic-Product": "Elasticsearch"}
    )
    assert detect(httpserver.url_for("/")) == "elasticsearch"


def test_opensearch_root(httpserver: HTTPServer):
    httpserver.expect_request("/", method="GET").respond_with_json(OPENSEARCH_ROOT)
    assert detect(httpserver.url_for("/")) == "opensearch"


def test_url_with_a_path_and_trailing_slash(httpserver: HTTPServer):
    """Behind a reverse proxy the engine may live under a path; detection asks that path."""
    httpserver.expect_request("/search/", method="GET").respond_with_json(OPENSEARCH_ROOT)
    base = httpserver.url_for("/search")
    assert detect(base) == "opensearch"
    assert detect(base + "/") == "opensearch"


def test_credentials_are_sent(httpserver: HTTPServer):
    token = base64.b64encode(b"elastic:changeme").decode()
    httpserver.expect_request(
        "/", method="GET", headers={"Authorization": f"Basic {token}"}
    ).respond_with_json(ES8_ROOT)
    httpserver.expect_request("/", method="GET").respond_with_json(
        {"error": "missing authentication"}, status=401
    )
    assert detect(httpserver.url_for("/"), auth=("elastic", "changeme")) == "elasticsearch"
    with pytest.raises(httpx.HTTPStatusError) as info:
        detect(httpserver.url_for("/"))
    assert info.value.response.status_code == 401
    assert is_transient(info.value)  # credentials being fixed: the worker waits, not dies


def test_sink_in_auto_mode_uses_the_detected_engine(httpserver: HTTPServer, monkeypatch):
    """With ``search_engine: auto`` the sink builds the client of the detected engine."""
    for root, engine, module in (
        (ES8_ROOT, "elasticsearch", "elasticsearch"),
        (OPENSEARCH_ROOT, "opensearch", "opensearchpy"),
    ):
        httpserver.clear()
        httpserver.expect_request("/", method="GET").respond_with_json(root)
        settings = load_settings(search_url=httpserver.url_for("/"), search_engine="auto")

        async def go(settings=settings) -> tuple[str | None, str]:
            async with SearchSink.from_settings(settings) as sink:
                return sink.engine, type(sink.client).__module__

        got_engine, got_module = asyncio.run(go())
        assert got_engine == engine
        assert got_module.startswith(module)


def test_configured_engine_skips_detection(httpserver: HTTPServer):
    httpserver.expect_request("/", method="GET").respond_with_json(ES8_ROOT)
    settings = load_settings(search_url=httpserver.url_for("/"), search_engine="opensearch")

    async def go() -> str | None:
        async with SearchSink.from_settings(settings) as sink:
            return sink.engine

    assert asyncio.run(go()) == "opensearch"
    assert len(httpserver.log) == 0  # nobody asked the cluster


# ------------------------------------------------------------------------------- errors


def test_unreachable_url_is_a_clear_transient_error():
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(httpx.TransportError) as info:
        detect(url, timeout=2)
    assert is_transient(info.value)  # a worker started before the engine waits for it
    assert url in str(info.value)  # the message says which engine could not be reached


def test_not_a_search_engine_is_a_clear_error(httpserver: HTTPServer):
    """A URL that answers but is not Elasticsearch or OpenSearch (here: a web page) is said so,
    not reported as a JSON decoding error, nor taken for Elasticsearch."""
    httpserver.expect_request("/", method="GET").respond_with_data(
        "<html><body>Kibana</body></html>", content_type="text/html"
    )
    with pytest.raises(ValueError) as info:
        detect(httpserver.url_for("/"))
    msg = str(info.value)
    assert httpserver.url_for("/").rstrip("/") in msg
    assert "Elasticsearch" in msg and "OpenSearch" in msg
    assert not is_transient(info.value)  # a wrong URL does not fix itself by waiting

    httpserver.clear()
    httpserver.expect_request("/", method="GET").respond_with_json({"status": "ok"})
    with pytest.raises(ValueError, match="OpenSearch"):
        detect(httpserver.url_for("/"))


def test_search_cli_names_the_unreachable_engine():
    url = f"http://127.0.0.1:{free_port()}"
    env = {
        **{k: v for k, v in __import__("os").environ.items() if not k.startswith("NEWSWATCH_")},
        "NEWSWATCH_SEARCH_URL": url,
        "COLUMNS": "200",  # the error panel is as wide as the terminal: keep the URL on one line
    }
    res = run_newswatch("search", "S-400", env=env)
    assert res.returncode != 0
    assert "search failed" in res.stderr
    assert url in res.stderr
    assert "Traceback" not in res.stderr
