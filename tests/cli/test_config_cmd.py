"""``newswatch config show``: the effective configuration, secrets masked, in YAML and JSON."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import run_newswatch

SEARCH_PASSWORD = "search-pw-9f3c1e"
SEARCH_API_KEY = "api-key-0b8d44"
SMTP_PASSWORD = "smtp-pw-77aa01"
SLACK_URL = "https://hooks.slack.com/services/T000/B000/slack-secret-5e2d"
HOOK_SECRET = "whsec-hmac-31c0"
FILE_SECRET = "file-secret-a1b2c3"
PUSH_TOKEN = "push-token-d4e5f6"
SECRETS = (
    SEARCH_PASSWORD,
    SEARCH_API_KEY,
    SMTP_PASSWORD,
    SLACK_URL,
    "slack-secret-5e2d",
    HOOK_SECRET,
    FILE_SECRET,
    PUSH_TOKEN,
)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """Settings from the environment only (no .env: the command runs in an empty folder)."""
    secret_file = tmp_path / "smtp2-password"
    secret_file.write_text(FILE_SECRET + "\n")
    base = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWATCH_")}
    return {
        **base,
        "NEWSWATCH_SEARCH_USERNAME": "admin",
        "NEWSWATCH_SEARCH_PASSWORD": SEARCH_PASSWORD,
        "NEWSWATCH_SEARCH_API_KEY": SEARCH_API_KEY,
        "NEWSWATCH_INDEX_PREFIX": "cfgtest",
        "NEWSWATCH_TARGETS__EMAIL_DESK__KIND": "email",
        "NEWSWATCH_TARGETS__EMAIL_DESK__USERNAME": "mailer",
        "NEWSWATCH_TARGETS__EMAIL_DESK__PASSWORD": SMTP_PASSWORD,
        "NEWSWATCH_TARGETS__EMAIL_DESK__RECIPIENTS": '["desk@example.org"]',
        "NEWSWATCH_TARGETS__EMAIL_FILE__KIND": "email",
        "NEWSWATCH_TARGETS__EMAIL_FILE__PASSWORD_FILE": str(secret_file),
        "NEWSWATCH_TARGETS__EMAIL_FILE__RECIPIENTS": '["ops@example.org"]',
        "NEWSWATCH_TARGETS__SLACK_DESK__KIND": "slack",
        "NEWSWATCH_TARGETS__SLACK_DESK__WEBHOOK_URL": SLACK_URL,
        "NEWSWATCH_TARGETS__HOOK__KIND": "webhook",
        "NEWSWATCH_TARGETS__HOOK__URL": "https://hooks.example/in",
        "NEWSWATCH_TARGETS__HOOK__SECRET": HOOK_SECRET,
        "NEWSWATCH_HTTP__TOKENS": json.dumps([PUSH_TOKEN]),
        "COLUMNS": "200",
    }


def show(env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return run_newswatch("config", "show", *args, env=env, cwd=cwd)


def assert_masked(out: str) -> None:
    for secret in SECRETS:
        assert secret not in out, f"{secret!r} is shown"


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_secrets_are_masked(env, tmp_path, fmt):
    res = show(env, tmp_path, "--format", fmt)
    assert res.returncode == 0, res.stderr
    assert_masked(res.stdout + res.stderr)
    data = json.loads(res.stdout) if fmt == "json" else yaml.safe_load(res.stdout)

    assert data["search_username"] == "admin"  # not a secret: shown
    assert data["search_password"] == "********"
    assert data["search_api_key"] == "********"
    assert data["index_prefix"] == "cfgtest"
    t = data["targets"]
    # target names are canonical: case-insensitive, '_' and '-' alike
    assert sorted(t) == ["email-desk", "email-file", "hook", "slack-desk"]
    assert t["email-desk"]["password"] == "********"
    assert t["email-desk"]["username"] == "mailer"
    assert t["email-desk"]["recipients"] == ["desk@example.org"]
    assert t["email-file"]["password"] == "********"  # read from password_file, still masked
    assert t["slack-desk"]["webhook_url"] == "********"
    assert t["hook"]["secret"] == "********"
    assert t["hook"]["url"] == "https://hooks.example/in"
    assert all(tok != PUSH_TOKEN for tok in data["http"]["tokens"])
    assert len(data["http"]["tokens"]) == 1


def test_default_format_is_yaml(env, tmp_path):
    res = show(env, tmp_path)
    assert res.returncode == 0, res.stderr
    data = yaml.safe_load(res.stdout)
    assert data["search_password"] == "********"
    assert_masked(res.stdout)


def test_unset_secrets_stay_empty(tmp_path):
    base = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWATCH_")}
    res = show(base, tmp_path, "-f", "json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    # unset is shown as unset, not as a mask that suggests a value exists
    assert data["search_password"] is None and data["search_api_key"] is None
    assert data["targets"] == {}


def test_credentials_in_the_search_url_are_masked(env, tmp_path):
    """A search URL with user:password (a common way to give Elasticsearch credentials) must
    not print the password."""
    env = {**env, "NEWSWATCH_SEARCH_URL": f"https://elastic:{SEARCH_PASSWORD}@es.example:9200"}
    for fmt in ("yaml", "json"):
        res = show(env, tmp_path, "-f", fmt)
        assert res.returncode == 0, res.stderr
        assert SEARCH_PASSWORD not in res.stdout
        assert "es.example:9200" in res.stdout  # the rest of the URL is still useful


def test_query_tokens_in_urls_are_masked(env, tmp_path):
    """Issue 17, item 7: a webhook `url` (or feed URL) carrying `?token=` is a credential."""
    env = {
        **env,
        "NEWSWATCH_TARGETS__HOOK__URL": "https://hooks.example/in?team=7&token=tq-5ecret",
        "NEWSWATCH_FEEDS": '[{"url": "https://feeds.example/rss?api_key=fk-5ecret"}]',
    }
    for fmt in ("yaml", "json"):
        res = show(env, tmp_path, "-f", fmt)
        assert res.returncode == 0, res.stderr
        assert "tq-5ecret" not in res.stdout and "fk-5ecret" not in res.stdout
        assert "https://hooks.example/in?team=7&token=********" in res.stdout


def test_config_file_values_and_env_precedence(env, tmp_path):
    cfg = tmp_path / "newswatch.yaml"
    cfg.write_text(
        "index_prefix: from-file\n"
        "partitions: 8\n"
        "targets:\n"
        "  yaml-mail:\n"
        "    kind: email\n"
        "    password: yaml-pw-123456\n"
        "    recipients: [a@example.org]\n"
    )
    res = show({**env, "NEWSWATCH_CONFIG": str(cfg)}, tmp_path, "-f", "json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["index_prefix"] == "cfgtest"  # the environment wins over the file
    assert data["partitions"] == 8  # the file wins over the defaults
    assert data["targets"]["yaml-mail"]["password"] == "********"  # file targets masked too
    assert "email-desk" in data["targets"]  # merged with the environment's targets
    assert "yaml-pw-123456" not in res.stdout


def test_invalid_target_error_does_not_show_its_secrets(env, tmp_path):
    env = {
        **env,
        "NEWSWATCH_TARGETS__BROKEN__KIND": "email",
        "NEWSWATCH_TARGETS__BROKEN__PASSWORD": SMTP_PASSWORD,
        # no recipients: invalid
    }
    res = show(env, tmp_path)
    assert res.returncode == 1
    assert "NEWSWATCH_TARGETS__BROKEN" in res.stderr and "recipients" in res.stderr
    assert SMTP_PASSWORD not in res.stderr


def test_unknown_format_and_bad_setting(env, tmp_path):
    res = show(env, tmp_path, "-f", "toml")
    assert res.returncode == 2
    assert "use yaml or json" in res.stderr

    res = show({**env, "NEWSWATCH_PARTITIONS": "zero"}, tmp_path)
    assert res.returncode == 1
    assert "NEWSWATCH_PARTITIONS" in res.stderr
    assert "Traceback" not in res.stderr
    assert_masked(res.stderr)
