"""Issue 17, item 7: credentials never reach the log, whoever logs them. slack-sdk logs the
webhook URL (the credential) at DEBUG; exception texts may quote URLs with tokens."""

from __future__ import annotations

import asyncio
import io
import logging
import logging.config
from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer

from worker.config import DeliverySettings, load_settings, secret_values, target_settings
from worker.logs import RedactFilter, logging_config
from worker.model import Alert, utcnow
from worker.sinks.targets import build_targets

HOOK_PATH = "/services/T0SECRET/B0SECRET/xoxsecretpath"


@pytest.fixture
def captured_log() -> Iterator[io.StringIO]:
    """The worker's real logging configuration at DEBUG, writing into a buffer."""
    root = logging.getLogger()
    saved = (root.level, list(root.handlers))
    saved_levels = {n: logging.getLogger(n).level for n in ("slack_sdk",)}
    yield_buffer = io.StringIO()
    yield yield_buffer
    root.handlers[:] = saved[1]
    root.setLevel(saved[0])
    for name, level in saved_levels.items():
        logging.getLogger(name).setLevel(level)


def configure(buffer: io.StringIO, secrets: list[str], fmt: str = "json") -> None:
    config = logging_config("DEBUG", fmt, secrets)
    config["handlers"]["default"]["stream"] = buffer
    logging.config.dictConfig(config)


def test_slack_webhook_url_never_in_the_debug_log(httpserver: HTTPServer, captured_log):
    httpserver.expect_request(HOOK_PATH, method="POST").respond_with_data("ok")
    url = httpserver.url_for(HOOK_PATH)
    settings = target_settings(kind="slack", webhook_url=url)
    configure(captured_log, [url])
    # even if someone turns slack-sdk's own logger up to DEBUG
    logging.getLogger("slack_sdk").setLevel(logging.DEBUG)
    delivery = DeliverySettings(max_attempts=1, backoff_initial_s=0.01, backoff_max_s=0.01)
    target = build_targets({"desk": settings}, delivery)["desk"]
    alert = Alert("k", "r", "Rule", "a1", "Title", None, "high", ["TUR"], [], utcnow())
    asyncio.run(target.send_alert(alert))
    assert len(httpserver.log) == 1
    out = captured_log.getvalue()
    assert "Sending a request" in out  # slack-sdk did log the request...
    assert "SECRET" not in out and "xoxsecretpath" not in out  # ...without the credential


def test_patterns_mask_what_was_not_configured(captured_log):
    configure(captured_log, [], fmt="text")
    log = logging.getLogger("newswatch.test")
    log.warning("posting to https://hooks.slack.com/services/T1/B2/abcdef failed")
    log.warning("GET %s", "https://feeds.example/rss?id=7&access_token=tok-123456&x=1")
    try:
        raise OSError("cannot reach https://u:pa55word@es.example:9200/?api_key=k-98765")
    except OSError:
        log.exception("engine")
    out = captured_log.getvalue()
    for secret in ("abcdef", "tok-123456", "pa55word", "k-98765"):
        assert secret not in out, out
    assert "id=7" in out and "x=1" in out and "es.example:9200" in out


def test_every_configured_secret_is_handed_to_the_filter(monkeypatch):
    monkeypatch.setenv("NEWSWATCH_HTTP__TOKENS", '["push-token-1"]')
    monkeypatch.setenv("NEWSWATCH_SEARCH_PASSWORD", "search-pass-2")
    monkeypatch.setenv("NEWSWATCH_TARGETS__HOOK__KIND", "webhook")
    monkeypatch.setenv("NEWSWATCH_TARGETS__HOOK__URL", "https://h.example/x")
    monkeypatch.setenv("NEWSWATCH_TARGETS__HOOK__SECRET", "hmac-secret-3")
    found = secret_values(load_settings())
    assert sorted(found) == ["hmac-secret-3", "push-token-1", "search-pass-2"]
    assert RedactFilter(found).redact("a push-token-1 b hmac-secret-3") == "a ******** b ********"


def test_extra_fields_are_masked_like_the_message(captured_log):
    """Fields passed with ``extra=`` become keys of the JSON line: a URL with a token or a
    configured secret there is masked as it is in the message."""
    import json

    configure(captured_log, ["hmac-secret-3"])
    logging.getLogger("newswatch.test").warning(
        "delivery failed",
        extra={
            "target_url": "https://h.example/x?token=tok-5555555",
            "why": "hmac-secret-3 bad",
            "request": {"url": "https://u:pa55word@h.example/", "tries": [1, "hmac-secret-3"]},
        },
    )
    line = json.loads(captured_log.getvalue().strip().splitlines()[-1])
    assert line["target_url"] == "https://h.example/x?token=********"
    assert line["why"] == "******** bad"
    assert line["request"] == {"url": "https://u:********@h.example/", "tries": [1, "********"]}


def test_commands_log_through_the_masking_handler(monkeypatch, capsys, captured_log):
    """`serve`, `poll`, `ingest` and the other commands install the worker's logging (the
    review found they left it to Python's last-resort handler, which masks nothing)."""
    from worker.cli.setup import command_settings

    monkeypatch.setenv("NEWSWATCH_TARGETS__HOOK__KIND", "webhook")
    monkeypatch.setenv("NEWSWATCH_TARGETS__HOOK__URL", "https://h.example/x")
    monkeypatch.setenv("NEWSWATCH_TARGETS__HOOK__SECRET", "hmac-secret-3")
    monkeypatch.setenv("NEWSWATCH_LOG_FORMAT", "json")
    log = logging.getLogger("worker.sources.feeds")

    command_settings(service=True)  # serve, poll: the configured level (INFO) and format
    log.info("polled https://f.example/rss?access_token=tok-5555555")
    log.warning("signing with hmac-secret-3 failed")
    service = capsys.readouterr().err
    assert '"msg": "polled https://f.example/rss?access_token=********"' in service
    assert "signing with ******** failed" in service
    assert "tok-5555555" not in service and "hmac-secret-3" not in service

    command_settings()  # interactive commands: text, warnings and errors only
    log.info("an info line")
    log.warning("a warning line")
    interactive = capsys.readouterr().err
    assert "an info line" not in interactive
    assert "WARNING worker.sources.feeds: a warning line" in interactive  # text, not JSON

    monkeypatch.setenv("NEWSWATCH_LOG_LEVEL", "DEBUG")  # asked for: honoured
    command_settings()
    log.debug("a debug line")
    assert "a debug line" in capsys.readouterr().err


def test_the_handler_writes_to_the_stderr_of_the_moment(captured_log, monkeypatch):
    """rich swaps sys.stderr while a progress bar is shown; a handler bound to the original
    stream would write through the bar."""
    import sys

    logging.config.dictConfig(logging_config("INFO", "text", follow_stderr=True))
    swapped = io.StringIO()
    monkeypatch.setattr(sys, "stderr", swapped)
    logging.getLogger("newswatch.test").warning("above the bar")
    assert "above the bar" in swapped.getvalue()
