"""`newswatch tag FILE...` end to end through worker.pipeline.load_articles."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import typer
from typer.testing import CliRunner, Result

from worker.cli.tag import register

INTAKE = Path(__file__).resolve().parents[1] / "data" / "intake"
SEED = INTAKE / "seed_news_bharati.txt"


def run(*args: str) -> Result:
    app = typer.Typer()
    register(app)
    app.command("noop")(lambda: None)  # a second command keeps `tag` a sub-command
    return CliRunner().invoke(app, ["tag", *args])


def test_seed_json() -> None:
    result = run(str(SEED), "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert set(doc["countries"]) - {"USA"} == {"RUS", "TUR", "SYR", "IRQ", "DEU"}
    assert set(doc["people"]) == {"vladimir-putin", "recep-tayyip-erdogan", "bashar-al-assad"}
    assert set(doc["organizations"]) == {"nato", "eu", "isil"}
    assert doc["weapons"] == ["s-400"]
    s400 = next(e for e in doc["entities"] if e["id"] == "s-400")
    assert s400["country"] == "RUS" and s400["type"] == "weapon"
    m = s400["mentions"][0]
    assert m["text"] == "S-400" and m["field"] == "body" and m["end"] - m["start"] == 5


def run_wide(*args: str) -> Result:
    """Like ``run`` on a wide terminal, so table cells are not folded across lines."""
    app = typer.Typer()
    register(app)
    app.command("noop")(lambda: None)
    return CliRunner().invoke(app, ["tag", *args], env={"COLUMNS": "250"})


def test_table_format() -> None:
    result = run(str(SEED), "--format", "table")
    assert result.exit_code == 0, result.output
    assert "RUS" in result.stdout and "s-400" in result.stdout


def test_table_shows_offsets_per_mention() -> None:
    doc = json.loads(run(str(SEED), "--format", "json").stdout)
    s400 = next(e for e in doc["entities"] if e["id"] == "s-400")
    (m,) = s400["mentions"]
    result = run_wide(str(SEED), "--format", "table")
    assert result.exit_code == 0, result.output
    assert "mentions (start–end)" in result.stdout
    # the same offsets as the JSON, after the surface form
    assert f"S-400 {m['start']}–{m['end']}" in result.stdout


def test_table_marks_title_offsets_and_elides_the_rest(tmp_path: Path) -> None:
    art = tmp_path / "a.json"
    body = " ".join(["Russia said so."] * 6)
    art.write_text(json.dumps({"title": "Russia and Turkey", "body": body}), "utf-8")
    result = run_wide(str(art), "--format", "table")
    assert result.exit_code == 0, result.output
    # the title mention, then the first three body mentions; the other three are counted
    assert "Russia 0–6 (title), 0–6, 16–22, 32–38 (+3)" in result.stdout
    assert "Turkey 11–17 (title)" in result.stdout


def test_several_files_print_a_list(tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Japan and India signed a defence pact in Tokyo on Monday.\n", "utf-8")
    result = run(str(SEED), str(other))
    assert result.exit_code == 0, result.output
    docs = json.loads(result.stdout)
    assert isinstance(docs, list) and len(docs) == 2
    assert set(docs[1]["countries"]) == {"JPN", "IND"}


def test_rejected_file_is_named_and_exit_code_is_1(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run(str(SEED), str(empty))
    assert result.exit_code == 1
    assert str(empty) in result.stderr
    assert json.loads(result.stdout)[0]["weapons"] == ["s-400"]  # the good file still printed


def test_extension_file_from_rules_folder(tmp_path: Path) -> None:
    (tmp_path / "entities.yaml").write_text(
        textwrap.dedent(
            """
            weapons:
              - id: sky-lance
                name: Sky Lance
                country: GBR
            """
        ),
        "utf-8",
    )
    art = tmp_path / "a.txt"
    art.write_text("Poland received Sky Lance launchers from Britain.\n", "utf-8")
    result = run(str(art), "--rules", str(tmp_path))
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["weapons"] == ["sky-lance"]
    assert set(doc["countries"]) == {"POL", "GBR"}


def test_bad_extension_file_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "entities.yaml"
    bad.write_text("people:\n  - id: x-y\n    name: X\n    country: ZZZ\n", "utf-8")
    result = run(str(SEED), "--entities", str(bad))
    assert result.exit_code == 1
    assert f"{bad}:4:" in result.stderr and "ZZZ" in result.stderr
    assert result.stdout == ""
