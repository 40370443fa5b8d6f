"""Targets configuration: environment, secret files, YAML, masking."""

from __future__ import annotations

import json

import pytest

from worker.config import load_settings, masked
from worker.errors import ConfigError


def test_targets_from_env_and_secret_file(tmp_path, monkeypatch):
    secret = tmp_path / "slack_url"
    secret.write_text("https://hooks.slack.example/services/T/B/very-secret\n")
    monkeypatch.setenv("NEWSWATCH_TARGETS__SLACK_DESK__KIND", "slack")
    monkeypatch.setenv("NEWSWATCH_TARGETS__SLACK_DESK__WEBHOOK_URL_FILE", str(secret))
    monkeypatch.setenv("NEWSWATCH_TARGETS__WEBHOOK_SIEM__KIND", "webhook")
    monkeypatch.setenv("NEWSWATCH_TARGETS__WEBHOOK_SIEM__URL", "https://siem.example/hook")
    monkeypatch.setenv("NEWSWATCH_TARGETS__WEBHOOK_SIEM__SECRET", "hmac-key")
    monkeypatch.setenv("NEWSWATCH_DEFAULT_TARGETS", '["slack_desk"]')
    s = load_settings()
    assert set(s.targets) == {"slack-desk", "webhook-siem"}  # one spelling for rules and env
    url = s.targets["slack-desk"].webhook_url
    assert url and url.get_secret_value().endswith("very-secret")
    shown = json.dumps(masked(s))
    assert "very-secret" not in shown and "hmac-key" not in shown
    assert masked(s)["targets"]["webhook-siem"]["secret"] == "********"


def test_targets_from_yaml(tmp_path, monkeypatch):
    cfg = tmp_path / "newswatch.yaml"
    cfg.write_text(
        "default_targets: [email-analysts]\n"
        "delivery: {max_attempts: 3, kibana_url: 'https://kibana.example'}\n"
        "targets:\n"
        "  email-analysts:\n"
        "    kind: email\n"
        "    smtp_host: smtp.example\n"
        "    smtp_security: tls\n"
        "    recipients: [a@example.org]\n"
        "    password: pw-123\n"
        "    digest: daily\n"
    )
    monkeypatch.setenv("NEWSWATCH_CONFIG", str(cfg))
    s = load_settings()
    t = s.targets["email-analysts"]
    assert (t.smtp_security, t.digest, s.delivery.max_attempts) == ("tls", "daily", 3)
    assert "pw-123" not in json.dumps(masked(s))


def test_target_errors_name_the_setting(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSWATCH_TARGETS__SLACK_DESK__KIND", "slack")
    with pytest.raises(ConfigError, match="needs webhook_url"):
        load_settings()
    monkeypatch.setenv("NEWSWATCH_TARGETS__SLACK_DESK__WEBHOOK_URL_FILE", str(tmp_path / "nope"))
    with pytest.raises(ConfigError, match="webhook_url_file"):
        load_settings()


README_EXAMPLE = """\
default_targets: [slack-desk]
targets:
  slack-desk:
    kind: slack
"""


def test_yaml_key_and_environment_name_one_target(tmp_path, monkeypatch):
    """Issue 17, item 5: the README's example, the YAML naming `slack-desk` and the secret in
    NEWSWATCH_TARGETS__SLACK_DESK__WEBHOOK_URL, starts (was: "a slack target needs
    webhook_url", the two spellings being two targets)."""
    cfg = tmp_path / "newswatch.yaml"
    cfg.write_text(README_EXAMPLE)
    monkeypatch.setenv("NEWSWATCH_CONFIG", str(cfg))
    monkeypatch.setenv("NEWSWATCH_TARGETS__SLACK_DESK__WEBHOOK_URL", "https://hooks.example/x")
    s = load_settings()
    assert list(s.targets) == ["slack-desk"]
    target = s.targets["slack-desk"]
    assert target.kind == "slack" and target.webhook_url is not None
    assert target.webhook_url.get_secret_value() == "https://hooks.example/x"


def test_two_spellings_of_one_target_in_one_source_are_an_error(tmp_path, monkeypatch):
    cfg = tmp_path / "newswatch.yaml"
    cfg.write_text(
        "targets:\n  slack-desk: {kind: slack}\n  Slack_Desk: {kind: webhook, url: 'https://x'}\n"
    )
    monkeypatch.setenv("NEWSWATCH_CONFIG", str(cfg))
    with pytest.raises(ConfigError, match="both mean 'slack-desk'"):
        load_settings()
