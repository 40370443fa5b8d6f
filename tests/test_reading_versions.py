"""A stored reading's version covers what the reading depends on and nothing else
(worker/readings.py), so an upgrade that leaves the reader alone keeps every stored reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from worker import readings
from worker.readings import (
    PAIRS_FUNCTIONS,
    PAIRS_MODULES,
    TAGGING_FUNCTIONS,
    TAGGING_MODULES,
    import_closure,
)

ROOT = Path(readings.__file__).resolve().parent.parent


def _names(files: list[Path]) -> set[str]:
    return {str(f.relative_to(ROOT)) for f in files}


def test_the_closure_follows_imports_at_any_depth_and_inside_functions(tmp_path: Path) -> None:
    pkg = tmp_path / "worker"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("from worker import unused\n")
    (pkg / "a.py").write_text("import json\nfrom worker.sub import b\nfrom worker.b import X\n")
    (pkg / "b.py").write_text("X = 1\ndef f():\n    from .c import Y\n    return Y\n")
    (pkg / "c.py").write_text("Y = 2\n")
    (pkg / "sub" / "b.py").write_text("from ..c import Y\nfrom . import d\n")
    (pkg / "sub" / "d.py").write_text("")
    (pkg / "unused.py").write_text("")
    got = {str(f.relative_to(tmp_path)) for f in import_closure(["worker.a"], tmp_path)}
    assert got == {
        "worker/a.py",
        "worker/b.py",  # a name imported from it
        "worker/c.py",  # imported inside a function, and relatively from a subpackage
        "worker/sub/b.py",
        "worker/sub/d.py",  # from . import d
    }  # not worker/sub/__init__.py: only a submodule is imported from it, so not unused.py
    got = {str(f.relative_to(tmp_path)) for f in import_closure(["worker.sub.d"], tmp_path)}
    assert got == {"worker/sub/d.py"}
    (pkg / "e.py").write_text("from worker.sub import NAME\n")  # a name its __init__ defines
    got = {str(f.relative_to(tmp_path)) for f in import_closure(["worker.e"], tmp_path)}
    assert got == {"worker/e.py", "worker/sub/__init__.py", "worker/unused.py"}


def test_the_tagging_version_covers_the_tagger_and_not_the_rest_of_the_stream() -> None:
    files = _names(import_closure(TAGGING_MODULES, ROOT))
    assert {
        "worker/transforms/tag.py",
        "worker/transforms/gazetteer.py",
        "worker/transforms/sentences.py",
        "worker/transforms/folding.py",
        "worker/transforms/rules/text.py",  # the words are the matcher's tokens
        "worker/model.py",
    } <= files
    # what changes most between releases and never changes a reading
    for other in (
        "worker/transforms/events.py",
        "worker/transforms/rates.py",
        "worker/transforms/throttle.py",
        "worker/transforms/silences.py",
        "worker/transforms/dedupe.py",
        "worker/transforms/clean.py",
        "worker/transforms/rules/match.py",  # only its reading functions count (below)
        "worker/transforms/rules/loader.py",
        "worker/transforms/rules/pairs.py",  # the pairs' own version
    ):
        assert other not in files, other
    pairs = _names(import_closure(PAIRS_MODULES, ROOT))
    assert {"worker/transforms/rules/pairs.py", "worker/transforms/parser.py"} <= pairs
    assert "worker/transforms/events.py" not in pairs


def test_reading_functions_are_hashed_by_their_source() -> None:
    for spec in (*TAGGING_FUNCTIONS, *PAIRS_FUNCTIONS):
        src = readings._source_of(spec)
        assert src.startswith(spec.encode())
    # a cached property, a method and a constant
    assert b"def entity_ids" in readings._source_of(
        "worker.transforms.rules.match:RuleView.entity_ids"
    )
    assert b"def _meta_features" in readings._source_of(
        "worker.transforms.rules.match:RuleView._meta_features"
    )
    assert readings._source_of("worker.transforms.rules.match:SEP").endswith(b"= '|'")


def test_the_version_changes_with_a_reading_function(monkeypatch: pytest.MonkeyPatch) -> None:
    before = readings._digest(*readings._code_parts(TAGGING_MODULES, TAGGING_FUNCTIONS))
    monkeypatch.setattr(readings, "FORMAT", readings.FORMAT + 1)
    after = readings._digest(*readings._code_parts(TAGGING_MODULES, TAGGING_FUNCTIONS))
    assert before != after
    monkeypatch.undo()
    spec = "worker.transforms.rules.match:SEP"
    fns = tuple(s for s in TAGGING_FUNCTIONS if s != spec)
    assert readings._digest(*readings._code_parts(TAGGING_MODULES, fns)) != before
