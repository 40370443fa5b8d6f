"""The log notifier: one ``ALERT {json}`` line per alert, always on, for operators following
alerts in the worker's log."""

from __future__ import annotations

import asyncio
import json
import logging

import pytest

from tests.sinks.test_delivery_servers import evil_alert
from worker.config import load_settings
from worker.logs import JsonFormatter
from worker.sinks.targets.log import LogTarget

# A title with everything that could break a one-line, one-object log entry.
AWKWARD_TITLE = 'Turkey "buys" S-400\nfrom Russia\r\n{"rule_id": "forged"} — Türkiye\t'


def alert_lines(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "newswatch.alerts"]


def test_alert_line_is_one_json_object(caplog: pytest.LogCaptureFixture):
    alert = evil_alert(title=AWKWARD_TITLE)
    with caplog.at_level(logging.INFO, logger="newswatch.alerts"):
        asyncio.run(LogTarget().send_alert(alert))

    (rec,) = alert_lines(caplog)
    assert rec.levelno == logging.WARNING
    line = rec.getMessage()
    assert "\n" not in line and "\r" not in line  # one line whatever the title holds
    assert line.startswith("ALERT {")
    payload = line.removeprefix("ALERT ")
    doc, end = json.JSONDecoder().raw_decode(payload)
    assert end == len(payload)  # exactly one object, nothing after it
    assert doc == {
        "key": "tur-rus:0001",
        "rule_id": "tur-rus",
        "severity": "high",
        "title": AWKWARD_TITLE,  # round-trips exactly; the forged rule_id stays inside it
        "countries": ["TUR", "RUS"],
        "pair": {"recipient": "TUR", "supplier": "RUS"},
        "url": "https://news.example/story?id=1&x=|y",
    }
    assert "Türkiye" in payload  # readable, not \u-escaped


def test_alert_line_without_pair_or_url(caplog: pytest.LogCaptureFixture):
    alert = evil_alert(key="watch:42", rule_id="watch", pair=None, url=None, countries=[])
    with caplog.at_level(logging.INFO, logger="newswatch.alerts"):
        asyncio.run(LogTarget().send_alert(alert))
    (rec,) = alert_lines(caplog)
    doc = json.loads(rec.getMessage().removeprefix("ALERT "))
    assert (doc["key"], doc["rule_id"]) == ("watch:42", "watch")
    assert doc["pair"] is None and doc["url"] is None and doc["countries"] == []


def test_alert_line_through_the_json_log_format(caplog: pytest.LogCaptureFixture):
    """With ``log_format: json`` the alert is the ``msg`` of one JSON log object per line."""
    with caplog.at_level(logging.INFO, logger="newswatch.alerts"):
        asyncio.run(LogTarget().send_alert(evil_alert(title=AWKWARD_TITLE)))
    (rec,) = alert_lines(caplog)
    out = JsonFormatter().format(rec)
    assert "\n" not in out
    entry = json.loads(out)
    assert entry["logger"] == "newswatch.alerts" and entry["level"] == "WARNING"
    alert = json.loads(entry["msg"].removeprefix("ALERT "))
    assert alert["rule_id"] == "tur-rus" and alert["key"] == "tur-rus:0001"
    assert alert["title"] == AWKWARD_TITLE


def test_every_target_kind_comes_from_its_module():
    """The registry finds each kind by its module; the settings accept exactly those kinds."""
    from worker.config import target_settings
    from worker.errors import ConfigError
    from worker.sinks.targets import build_targets, kinds

    assert list(kinds()) == ["email", "log", "slack", "teams", "webhook"]
    built = build_targets({"ops-log": target_settings(kind="log")}, load_settings().delivery)
    assert isinstance(built["ops-log"], LogTarget) and built["ops-log"].name == "ops-log"
    with pytest.raises(ConfigError, match="pagerduty"):
        load_settings(targets={"desk": {"kind": "pagerduty"}})
