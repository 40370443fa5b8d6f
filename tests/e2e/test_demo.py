"""`newswatch demo`, the README's main command, end to end on the real stack: the seed gives
the Turkey-buys-from-Russia alert, the one other real arms deal gives its alert, and the
look-alikes (wheat, football, a shot-down jet, gas talks, Thanksgiving turkey) stay silent."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.e2e.harness import delete_indices, delete_topics

pytestmark = pytest.mark.stack


def test_demo_prints_exactly_the_right_alerts(isolated_env):
    from worker.config import load_settings

    settings = load_settings()
    try:
        res = subprocess.run(
            [sys.executable, "-m", "worker", "demo", "--format", "jsonl", "--timeout", "150"],
            env=isolated_env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert res.returncode == 0, res.stderr[-3000:]
        alerts = [json.loads(line) for line in res.stdout.splitlines() if line.startswith("{")]
        pairs = sorted((a["pair"]["recipient"], a["pair"]["supplier"]) for a in alerts)
        assert pairs == [("IND", "RUS"), ("TUR", "RUS")], alerts
        assert {a["rule_id"] for a in alerts} == {"arms-transfer-pair"}
        assert "stack: already running" in res.stderr  # it did not start (or stop) the stack
    finally:
        delete_topics(settings.kafka_bootstrap, settings.app_id)
        delete_indices(settings.search_url, settings.index_prefix)
