"""``newswatch search``: option parsing, and the command end to end against the real OpenSearch
(documents indexed through the real SearchSink under a private index prefix)."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import typer

from tests.conftest import run_newswatch
from tests.e2e.harness import seeded_index
from worker.cli.search import _parse_since
from worker.config import load_settings


def test_since_accepts_dates_and_ages():
    assert _parse_since("2017-03-01") == datetime(2017, 3, 1, tzinfo=UTC)
    assert _parse_since("2017-03-01T10:00:00Z") == datetime(2017, 3, 1, 10, tzinfo=UTC)
    before = datetime.now(UTC)
    since = _parse_since("7d")
    assert before - timedelta(days=7) <= since <= datetime.now(UTC) - timedelta(days=7)
    with pytest.raises(typer.BadParameter, match="expected a date"):
        _parse_since("yesterday")


# ------------------------------------------------------ end to end against the real OpenSearch


def _search_cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return run_newswatch("search", *args, env={**env, "COLUMNS": "200"})


@pytest.fixture
def indexed(isolated_env) -> Iterator[dict[str, str]]:
    """Two articles and one alert indexed through the real SearchSink under this test's own
    index prefix; the indices and templates are deleted afterwards."""
    from tests.sinks.test_delivery_servers import evil_alert
    from tests.sinks.test_search import tagged_article

    def actions(sink) -> list[dict]:
        s400 = tagged_article("a-s400", source="Test Wire")
        other = tagged_article("a-old", source="Old Wire", when=datetime(2016, 1, 5, tzinfo=UTC))
        other.article.title = "Wheat exports rise"
        other.article.body = "Grain shipments from Russia to Egypt rose in January."
        other.entities = [e for e in other.entities if e.id == "RUS"]
        alert = evil_alert(key="tur-rus:cli-0001", title="Turkey weighs Russian S-400")
        return [
            sink.article_action(s400, [alert]),
            sink.article_action(other, []),
            sink.alert_action(alert),
        ]

    with seeded_index(load_settings(), actions):
        yield isolated_env


@pytest.mark.stack
def test_search_prints_the_indexed_article(indexed):
    res = _search_cli(indexed, "S-400")
    assert res.returncode == 0, res.stderr
    assert "1 hit(s) for 'S-400'" in res.stdout
    assert "Turkey weighs Russian S-400" in res.stdout
    assert "2017-03-10" in res.stdout and "Test Wire" in res.stdout
    assert "Wheat exports rise" not in res.stdout

    res = _search_cli(indexed, "countries:RUS", "--format", "json")
    assert res.returncode == 0, res.stderr
    docs = json.loads(res.stdout)
    assert [d["id"] for d in docs] == ["a-s400", "a-old"]  # newest first at equal score
    assert docs[0]["countries"] == ["TUR", "RUS"]
    assert docs[0]["alert_keys"] == ["tur-rus:cli-0001"]


@pytest.mark.stack
def test_search_filters_and_alerts(indexed):
    res = _search_cli(indexed, "*", "--country", "TUR", "-f", "json")
    assert res.returncode == 0, res.stderr
    assert [d["id"] for d in json.loads(res.stdout)] == ["a-s400"]

    res = _search_cli(indexed, "*", "--since", "2017-01-01", "-f", "json")
    assert res.returncode == 0, res.stderr
    assert [d["id"] for d in json.loads(res.stdout)] == ["a-s400"]

    res = _search_cli(indexed, "S-400", "--alerts")
    assert res.returncode == 0, res.stderr
    assert "1 hit(s)" in res.stdout
    assert "tur-rus" in res.stdout and "RUS→TUR" in res.stdout

    res = _search_cli(indexed, "nothing-matches-this-xyz")
    assert res.returncode == 0, res.stderr
    assert "0 hit(s)" in res.stdout


@pytest.mark.stack
def test_search_with_a_bad_query_is_a_clear_error(indexed):
    res = _search_cli(indexed, "title:(unbalanced")
    assert res.returncode != 0
    assert "search failed" in res.stderr
    assert "Traceback" not in res.stderr
