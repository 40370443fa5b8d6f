"""`newswatch clean FILE` end to end through worker.sources.files."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner, Result

from worker.cli.clean import register

INTAKE = Path(__file__).resolve().parents[1] / "data" / "intake"


def run(*args: str) -> Result:
    app = typer.Typer()
    register(app)
    app.command("noop")(lambda: None)  # a second command keeps `clean` a sub-command
    return CliRunner().invoke(app, ["clean", *args])


def test_seed_json() -> None:
    result = run(str(INTAKE / "seed_news_bharati.txt"), "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["source"] == "News Bharati English"
    assert doc["published_at"] == "2017-03-12T11:32:32Z"
    assert doc["dateline"] == "Moscow"
    assert doc["language"] == "en"
    assert "Embeded Object" not in doc["body"]


def test_text_format() -> None:
    result = run(str(INTAKE / "item.rss"), "--format", "text")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Qatar to buy NASAMS air defence systems\n")
    assert "source        Defence Weekly" in result.stdout


def test_unreadable_file_names_file_and_reason(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run(str(empty))
    assert result.exit_code == 1
    assert str(empty) in result.stderr and "empty" in result.stderr
    assert result.stdout == ""


def test_rejected_item_names_origin_and_reason(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"title": "T", "body": "B", "published_at": 12}), "utf-8")
    result = run(str(bad))
    assert result.exit_code == 1
    assert str(bad) in result.stderr and "[clean/schema]" in result.stderr
    assert "$.published_at" in result.stderr


def test_several_items_print_an_array(tmp_path: Path) -> None:
    lines = tmp_path / "batch.jsonl"
    lines.write_text(
        json.dumps({"title": "One", "body": "First story text."})
        + "\n"
        + json.dumps({"title": "Two", "body": "Second story text."})
        + "\n",
        "utf-8",
    )
    result = run(str(lines))
    assert result.exit_code == 0, result.output
    assert [d["title"] for d in json.loads(result.stdout)] == ["One", "Two"]
