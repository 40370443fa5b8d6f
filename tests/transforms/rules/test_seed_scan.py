"""The seed through the real pipeline (clean → tag → match) and the ``scan`` command."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

# The seed (../shared/seeds/000_988cc405e97391b8.txt), bundled as a sample so a clone runs alone.
from tests.conftest import SEED
from worker.cli import app

ROOT = Path(__file__).resolve().parents[3]


def scan(*extra: str) -> list[dict]:
    res = CliRunner().invoke(app, ["scan", str(SEED), "--format", "jsonl", *extra])
    assert res.exit_code == 0, res.output
    return [json.loads(line) for line in res.stdout.splitlines() if line.strip()]


def test_scan_seed_shipped_pack_one_arms_alert():
    (alert,) = scan()
    assert alert["rule_id"] == "arms-transfer-pair"
    assert alert["pair"] == {
        "recipient": "TUR",
        "supplier": "RUS",
        "weapon": "s-400",
        "producer": "almaz-antey",
        "status": "talks",
    }
    assert alert["entities"] == {"weapon": ["s-400"], "country": ["TUR", "RUS"]}


def test_scan_seed_tur_rus_pack_once():
    alerts = scan("--rules", str(ROOT / "tests/data/rules/tur_rus"))
    assert [(a["rule_id"], a["pair"]["supplier"]) for a in alerts] == [
        ("tur-rus-arms-purchase", "RUS")
    ]


def test_validate_reports_file_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\ntitle: t\nquery: 'a AND'\n")
    res = CliRunner().invoke(app, ["rules", "validate", str(bad)])
    assert res.exit_code == 1
    assert f"{bad}:3: rule 'x': cannot parse query" in res.output


def test_validate_prints_errors_verbatim(tmp_path):
    # reasons quote regexes and lists in square brackets: printed as text, not console markup
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\ntitle: t\nquery: a\nthrottle: soon\n")
    res = CliRunner().invoke(app, ["rules", "validate", str(bad)])
    assert res.exit_code == 1
    assert "[smhdw]" in res.output
