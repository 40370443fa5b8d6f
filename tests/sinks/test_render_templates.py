"""Per-target template overrides (``template_dir``): a file there replaces the bundled template
of the same name for that target only; any template it does not have comes from the bundle.
Checked on what real local servers receive (SMTP via aiosmtpd, Slack via pytest-httpserver)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.conftest import free_port
from tests.sinks.servers import SmtpServer
from tests.sinks.test_delivery_servers import (
    EVIL_TITLE,
    email_target,
    evil_alert,
    fast,
    sample_digest,
)
from worker.config import target_settings
from worker.sinks.render import TEMPLATES_DIR, Renderer
from worker.sinks.targets import build_targets, email


@pytest.fixture
def smtp():
    server = SmtpServer(free_port(), user="newswatch", password="s3cret").start()
    yield server
    server.stop()


@pytest.fixture
def custom(tmp_path: Path) -> Path:
    """A template folder that overrides only the email subject and the Slack message."""
    d = tmp_path / "templates"
    d.mkdir()
    (d / "email_subject.txt.j2").write_text(
        "DESK ALERT {{ alert.rule_id }}: {{ alert.title }} [{{ alert.country_codes|join('/') }}]"
    )
    (d / "slack.json.j2").write_text(
        '{"text": {{ ("custom: " ~ alert.title ~ " / " ~ alert.pair)|tojson }}}\n'
    )
    return d


def test_bundled_templates_exist_for_every_override_name(custom: Path):
    for f in custom.iterdir():
        assert (TEMPLATES_DIR / f.name).is_file(), f"{f.name} overrides nothing"


def test_email_override_changes_the_subject_and_the_rest_falls_back(smtp: SmtpServer, custom):
    targets = build_targets(
        {
            "custom": email_target(smtp.port, template_dir=custom),
            "stock": email_target(smtp.port),
        },
        fast(),
    )
    alert = evil_alert()
    asyncio.run(targets["custom"].send_alert(alert))
    asyncio.run(targets["stock"].send_alert(alert))

    mine, stock = smtp.inbox.snapshot()
    assert mine["Subject"] == (f"DESK ALERT tur-rus: {EVIL_TITLE} [TUR/RUS]")
    assert stock["Subject"].startswith("[newswatch high] ")  # the other target is unaffected
    # Not overridden: the text and HTML bodies are the bundled ones, identical for both.
    for kind in ("plain", "html"):
        assert mine.get_body((kind,)).get_content() == stock.get_body((kind,)).get_content()
    assert (
        "Pair:      Turkey ← Russia (recipient ← supplier)"
        in mine.get_body(("plain",)).get_content()
    )


def test_html_override_is_still_autoescaped(smtp: SmtpServer, tmp_path: Path):
    """A custom HTML template cannot forget escaping: autoescape applies to it too."""
    d = tmp_path / "html"
    d.mkdir()
    (d / "email.html.j2").write_text(
        "<html><body><h1 class=custom>{{ alert.title }}</h1>{{ alert.snippet }}</body></html>\n"
    )
    targets = build_targets({"mail": email_target(smtp.port, template_dir=d)}, fast())
    asyncio.run(targets["mail"].send_alert(evil_alert()))
    (msg,) = smtp.inbox.snapshot()
    html = msg.get_body(("html",)).get_content()
    assert "<h1 class=custom>" in html
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    assert "<mark>S-400</mark>" in html  # our own highlight survives (marked safe)


def test_slack_override(httpserver: HTTPServer, custom: Path):
    httpserver.expect_request("/hook/custom", method="POST").respond_with_data("ok")
    httpserver.expect_request("/hook/stock", method="POST").respond_with_data("ok")
    targets = build_targets(
        {
            "custom": target_settings(
                kind="slack",
                webhook_url=httpserver.url_for("/hook/custom"),
                template_dir=custom,
            ),
            "stock": target_settings(kind="slack", webhook_url=httpserver.url_for("/hook/stock")),
        },
        fast(),
    )
    asyncio.run(targets["custom"].send_alert(evil_alert()))
    asyncio.run(targets["stock"].send_alert(evil_alert()))
    bodies = {req.path: json.loads(req.get_data()) for req, _ in httpserver.log}
    custom_body = bodies["/hook/custom"]
    assert list(custom_body) == ["text"]  # no blocks: the override replaced the whole message
    assert custom_body["text"].startswith("custom: ")
    assert custom_body["text"].endswith(" / Turkey ← Russia")
    # the override gets the same mrkdwn-escaped values as the bundled template
    assert "&lt;!channel&gt;" in custom_body["text"] and "<!channel>" not in custom_body["text"]
    assert "blocks" in bodies["/hook/stock"]


def test_renderer_override_and_fallback_directly(custom: Path):
    alert = evil_alert()
    subject, text, html = email.render_alert(Renderer(custom), alert)
    s_subject, s_text, s_html = email.render_alert(Renderer(), alert)
    assert subject.startswith("DESK ALERT tur-rus: ") and subject != s_subject
    assert (text, html) == (s_text, s_html)
    # Digest templates are not in the folder: bundled ones are used.
    digest = sample_digest()
    assert email.render_digest(Renderer(custom), digest) == email.render_digest(Renderer(), digest)


def test_override_with_a_template_error_fails_loudly(tmp_path: Path):
    """A broken override is an error at render time naming the problem, not a silent
    fallback to the bundled template."""
    from jinja2 import TemplateSyntaxError, UndefinedError

    d = tmp_path / "bad"
    d.mkdir()
    (d / "email_subject.txt.j2").write_text("{{ alert.no_such_field }}")
    with pytest.raises(UndefinedError, match="no_such_field"):
        email.render_alert(Renderer(d), evil_alert())
    (d / "email_subject.txt.j2").write_text("{% if %}")
    with pytest.raises(TemplateSyntaxError):
        email.render_alert(Renderer(d), evil_alert())
