"""The state settings (issue 14): table store, store directory, dedupe window."""

from __future__ import annotations

from pathlib import Path

import pytest

from worker.config import load_settings
from worker.errors import ConfigError


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import os

    for name in [n for n in os.environ if n.startswith("NEWSWATCH_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)  # no stray .env


def test_defaults_are_production_ones(tmp_path: Path) -> None:
    s = load_settings(state_dir=tmp_path, group_instance_id="worker-1")
    assert s.table_store == "rocksdb://"
    assert s.dedupe_window_s == 7 * 86400
    assert s.table_dir() == tmp_path / "tables" / "newswatch" / "worker-1"
    assert load_settings(store_dir=tmp_path / "x").table_dir() == tmp_path / "x"


@pytest.mark.parametrize(
    ("env", "value", "reason"),
    [
        ("NEWSWATCH_TABLE_STORE", "redis://", "rocksdb:// or memory://"),
        ("NEWSWATCH_DEDUPE_WINDOW", "a week", "bad duration"),
        ("NEWSWATCH_DEDUPE_WINDOW", "0d", "longer than 0"),
    ],
)
def test_a_bad_value_names_the_setting_and_the_reason(
    monkeypatch: pytest.MonkeyPatch, env: str, value: str, reason: str
) -> None:
    monkeypatch.setenv(env, value)
    with pytest.raises(ConfigError) as err:
        load_settings()
    assert env in str(err.value) and reason in str(err.value)
