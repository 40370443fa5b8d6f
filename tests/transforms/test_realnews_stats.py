"""`realnews_corpus.py stats --per-file`: one row per label file, counted from the file itself,
numbered batches in number order. Invented labels."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from rich.console import Console

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import realnews_corpus
from realnews_corpus import report_id


def _batch(path: Path, split: str, n_transfers: int) -> None:
    lines = [f"split: {split}", "reports:"]
    for i in range(n_transfers):
        url = f"https://example.org/{path.stem}/{i}"
        lines += [
            f"  - id: {report_id(url)}",
            f"    url: {url}",
            "    query: made up",
            "    sha256: 0000",
            "    kind: transfer",
            "    countries: [TUR, RUS, FRA]",
            "    pairs:",
            "      - {recipient: TUR, supplier: RUS}",
            "    optional:",
            "      - {recipient: TUR, supplier: FRA}",
        ]
    url = f"https://example.org/{path.stem}/look"
    lines += [
        f"  - id: {report_id(url)}",
        f"    url: {url}",
        "    query: q",
        "    sha256: 1",
        "    kind: lookalike",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_each_file_is_one_row_in_number_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(realnews_corpus, "LABELS", tmp_path)
    monkeypatch.setattr(realnews_corpus, "CACHE", tmp_path / "cache")
    _batch(tmp_path / "heldout-10.yaml", "heldout", 3)
    _batch(tmp_path / "heldout-9.yaml", "heldout-9-scored-2026-12-07", 1)

    console = Console(width=200, record=True)
    console.print(
        realnews_corpus._batches_table([tmp_path / "heldout-10.yaml", tmp_path / "heldout-9.yaml"])
    )
    rows = [ln for ln in console.export_text().splitlines() if "heldout-" in ln and ".yaml" in ln]

    assert [r.split()[1] for r in rows] == ["heldout-9.yaml", "heldout-10.yaml"]
    cells = [c.strip() for c in rows[1].strip("│ ").split("│")]
    # file, split, lang, reports, transfers, look-alikes, pairs, optional, recipients,
    # suppliers, texts cached
    assert cells == ["heldout-10.yaml", "heldout", "en", "4", "3", "1", "3", "3", "1", "1", "0"]
