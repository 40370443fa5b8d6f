"""`realnews_corpus.py recache` records a re-read text's hash in the label file, whether the file
writes its report list flush left ("- id:") or indented ("  - id:"). Invented labels and text."""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import realnews_corpus
from realnews_corpus import report_id

URL = "https://example.org/a-made-up-report"


def _labels(indent: str) -> str:
    rid = report_id(URL)
    return (
        "reports:\n"
        f"{indent}- id: {rid}\n"
        f"{indent}  url: {URL}\n"
        f"{indent}  sha256: 0000\n"
        f"{indent}  kind: lookalike\n"
        f"{indent}- id: 111111111111\n"
        f"{indent}  url: https://example.org/another\n"
        f"{indent}  sha256: 1111\n"
    )


@pytest.mark.parametrize("indent", ["", "  "])
def test_recache_writes_the_hash_into_its_own_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, indent: str
) -> None:
    labels = tmp_path / "batch.yaml"
    labels.write_text(_labels(indent), encoding="utf-8")
    text = tmp_path / "excerpt.txt"
    text.write_bytes(b"an invented sentence")
    monkeypatch.setattr(realnews_corpus, "_all_label_files", lambda: [labels])
    monkeypatch.setattr(realnews_corpus, "ROOT", tmp_path)
    monkeypatch.setattr(realnews_corpus, "CACHE", tmp_path / "cache")

    assert realnews_corpus._recache(argparse.Namespace(url=URL, text_file=str(text))) == 0

    digest = hashlib.sha256(b"an invented sentence").hexdigest()
    lines = labels.read_text(encoding="utf-8").splitlines()
    assert lines[3] == f"{indent}  sha256: {digest}"
    assert lines[4].startswith(f"{indent}  recached: ")
    assert f"{indent}  sha256: 1111" in lines  # the next report is left alone
    assert (tmp_path / "cache" / f"{report_id(URL)}.txt").read_bytes() == b"an invented sentence"


@pytest.mark.parametrize("saved", [b"an invented sentence", b"an invented sentence\n"])
def test_recache_of_the_labelled_text_leaves_the_labels_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, saved: bytes
) -> None:
    """A re-read excerpt that is the labelled text (up to one final newline) is cached as the
    labelled bytes, and the label file is not touched: no new hash, no `recached:` mark."""
    digest = hashlib.sha256(b"an invented sentence").hexdigest()
    labels = tmp_path / "batch.yaml"
    labels.write_text(_labels("").replace("sha256: 0000", f"sha256: {digest}"), encoding="utf-8")
    before = labels.read_text(encoding="utf-8")
    text = tmp_path / "excerpt.txt"
    text.write_bytes(saved)
    monkeypatch.setattr(realnews_corpus, "_all_label_files", lambda: [labels])
    monkeypatch.setattr(realnews_corpus, "CACHE", tmp_path / "cache")

    assert realnews_corpus._recache(argparse.Namespace(url=URL, text_file=str(text))) == 0

    assert labels.read_text(encoding="utf-8") == before
    assert (tmp_path / "cache" / f"{report_id(URL)}.txt").read_bytes() == b"an invented sentence"


def test_check_counts_an_uncached_text_apart_and_a_changed_one_as_a_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """On a new machine no text is cached: that is no label problem (`missing` lists them); a
    cached text whose bytes are no longer the labelled ones is."""
    monkeypatch.setattr(realnews_corpus, "CACHE", tmp_path / "cache")
    labels = tmp_path / "batch.yaml"
    labels.write_text(_labels(""), encoding="utf-8")
    args = argparse.Namespace(files=[str(labels)])

    realnews_corpus._check(args)
    before = capsys.readouterr().out
    assert "sha256 differs" not in before and "2 texts not cached" in before

    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / f"{report_id(URL)}.txt").write_bytes(b"not the labelled text")
    assert realnews_corpus._check(args) == 1
    after = capsys.readouterr().out
    assert f"{report_id(URL)}.txt is not the labelled one (sha256 differs)" in after
    n_before = int(before.split(" reports, ")[1].split(" problems")[0])
    assert f"{n_before + 1} problems; 1 texts not cached" in after
