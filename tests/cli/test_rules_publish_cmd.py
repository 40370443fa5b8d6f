"""`newswatch rules publish DIR`: an invalid pack is refused as a whole (file:line: reason, exit 1,
nothing sent); a valid one sends only its changes to the real compacted rules topic."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.e2e.harness import delete_topics

pytestmark = pytest.mark.stack


def publish(path, env, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "worker", "rules", "publish", str(path), *extra],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_publish_validates_then_sends_only_changes(isolated_env, tmp_path):
    from worker.config import load_settings
    from worker.sources.rules_topic import read_records
    from worker.transforms.rules import RuleSet
    from worker.transforms.rules.records import RecordLog

    settings = load_settings()
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "a.yaml").write_text("id: a\ntitle: t\nquery: wheat\n")
    (pack / "bad.yaml").write_text("id: bad\ntitle: t\nquery: 'wheat AND ('\n")
    try:
        res = publish(pack, isolated_env)
        assert res.returncode == 1, res.stdout + res.stderr
        assert f"{pack / 'bad.yaml'}:3" in res.stderr and "nothing published" in res.stderr
        assert read_records(settings.kafka_connection, settings.topics.rules)[0] == []

        (pack / "bad.yaml").write_text("id: b\ntitle: t\nquery: oil\n")
        res = publish(pack, isolated_env)
        assert res.returncode == 0, res.stderr
        first, _ = read_records(settings.kafka_connection, settings.topics.rules)
        assert {"rule:a", "rule:b"} <= {r["key"] for r in first}

        res = publish(pack, isolated_env)  # the same pack again: nothing to send
        assert res.returncode == 0 and "0 change(s) published" in res.stdout
        assert len(read_records(settings.kafka_connection, settings.topics.rules)[0]) == len(first)

        (pack / "a.yaml").unlink()
        res = publish(pack, isolated_env, "--dry-run")
        assert "delete rule:a" in res.stdout and len(
            read_records(settings.kafka_connection, settings.topics.rules)[0]
        ) == len(first)
        res = publish(pack, isolated_env)
        assert "1 change(s) published" in res.stdout
        records, problems = read_records(settings.kafka_connection, settings.topics.rules)
        assert problems == [] and records[-1] == {"key": "rule:a", "kind": "rule", "value": None}
        assert [r.id for r in RuleSet.from_records(RecordLog(records).records()).rules] == ["b"]
    finally:
        delete_topics(settings.kafka_bootstrap, settings.app_id)


def test_a_pack_gazetteer_is_named_as_not_published(isolated_env, tmp_path):
    from worker.config import load_settings

    settings = load_settings()
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "a.yaml").write_text("id: a\ntitle: t\nquery: org:acme\n")
    (pack / "entities.yaml").write_text("organizations:\n  - id: acme\n    name: Acme\n")
    try:
        res = publish(pack, isolated_env, "--dry-run")
        assert res.returncode == 0, res.stderr
        assert f"{pack / 'entities.yaml'} is not published" in " ".join(res.stderr.split())
        # the workers' rules folder holds the same file: nothing to warn about
        res = publish(pack, {**isolated_env, "NEWSWATCH_RULES_DIR": str(pack)}, "--dry-run")
        assert res.returncode == 0 and "not published" not in res.stderr
    finally:
        delete_topics(settings.kafka_bootstrap, settings.app_id)
