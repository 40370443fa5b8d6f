"""`newswatch alerts silence|silences|unsilence` against the real compacted silences topic.

In-process (typer's runner) rather than one subprocess per call: the command's start-up costs
~4 s here and the test makes nine calls."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest
from typer.testing import CliRunner

from tests.e2e.harness import delete_topics
from worker.cli import app

pytestmark = pytest.mark.stack


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


def nw(env, *args: str) -> Result:
    res = CliRunner().invoke(app, ["alerts", *args], env=env)
    return Result(res.exit_code, res.stdout, res.stderr)


def test_silence_list_unsilence(isolated_env):
    from worker.config import load_settings
    from worker.sources.rules_topic import read_topic

    settings = load_settings()
    try:
        res = nw(isolated_env, "silence", "--rule", "arms-transfer-pair", "--pair", "tur:rus",
                 "--for", "24h", "--comment", "known deal")  # fmt: skip
        assert res.returncode == 0, res.stderr
        sid = res.stdout.split()[0]
        assert sid.startswith("sil-") and "pair TUR<-RUS" in res.stdout

        listed = json.loads(nw(isolated_env, "silences", "--format", "json").stdout)
        assert [(r["id"], r["pair"], r["comment"], r["active"]) for r in listed] == [
            (sid, "TUR:RUS", "known deal", True)
        ]
        table = nw(isolated_env, "silences").stdout
        assert sid in table and "known deal" in table

        res = nw(isolated_env, "unsilence", sid)
        assert res.returncode == 0 and f"{sid} removed" in res.stdout
        assert json.loads(nw(isolated_env, "silences", "-f", "json").stdout) == []
        # the removal is a tombstone on the compacted topic
        assert read_topic(settings.kafka_connection, settings.topics.silences)[-1][1:] == (
            sid.encode(),
            None,
        )

        res = nw(isolated_env, "unsilence", sid)
        assert res.returncode == 1 and f"no silence {sid}" in res.stderr
    finally:
        delete_topics(settings.kafka_bootstrap, settings.app_id)


def test_bad_arguments_are_named(isolated_env):
    res = nw(isolated_env, "silence", "--rule", "r", "--pair", "TURKEY", "--for", "1h",
             "--comment", "x")  # fmt: skip
    assert res.returncode == 2 and "RECIPIENT:SUPPLIER" in res.stderr
    res = nw(isolated_env, "silence", "--rule", "r", "--for", "soon", "--comment", "x")
    assert res.returncode == 2 and "bad duration 'soon'" in res.stderr
    for verb in ("silence", "silences", "unsilence"):
        assert nw(isolated_env, verb, "--help").returncode == 0
