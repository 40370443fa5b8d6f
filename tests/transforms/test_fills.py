"""The article's fill step (rules/fills.py): its sources and guards are switched by name, or
by the name of the flag each replaced, and keep their order."""

from __future__ import annotations

import ast
import inspect
from collections.abc import Iterator
from types import SimpleNamespace

import pytest

from worker.transforms.rules import fills, pairs


@pytest.fixture
def restored() -> Iterator[None]:
    sources, guards = fills.SOURCES, fills.GUARDS
    yield
    fills.SOURCES, fills.GUARDS = sources, guards


@pytest.mark.usefixtures("restored")
def test_a_source_switched_off_and_on_keeps_its_place() -> None:
    order = fills.SOURCES
    assert fills.switch(fills.LEAD_STATE, False)
    assert fills.LEAD_STATE not in fills.SOURCES and not fills.on(fills.LEAD_STATE)
    assert fills.switch(fills.LEAD_STATE, True)
    assert order == fills.SOURCES


@pytest.mark.usefixtures("restored")
@pytest.mark.parametrize(("flag", "name"), sorted(fills.FLAGS.items()))
def test_the_old_flag_names_switch_their_source_or_guard(flag: str, name: str) -> None:
    assert fills.on(name)
    assert fills.switch(flag, False)
    assert not fills.on(name)
    assert all(fills.on(other) for other in fills.FLAGS.values() if other != name)


@pytest.mark.usefixtures("restored")
def test_fill_tries_the_sources_in_the_order_of_the_tuple(monkeypatch: pytest.MonkeyPatch) -> None:
    tried: list[str] = []
    steps = {name: (lambda _ctx, name=name: tried.append(name)) for name in fills._STEPS}
    monkeypatch.setattr(fills, "_STEPS", steps)
    fills.SOURCES = tuple(reversed(fills._SOURCE_ORDER))
    lex = SimpleNamespace(symbols_only=False)
    tagged = SimpleNamespace(article=None)
    fills.fill({}, [], [], tagged, [], {}, lex)  # type: ignore[arg-type]
    assert tried == [name for name in fills.SOURCES if name in steps]
    assert tried == [fills.OPENING_SELLER, fills.ARTICLE_MAKER, fills.LEAD_STATE]


def test_a_name_that_is_no_fill_is_left_to_the_caller() -> None:
    assert not fills.switch("SECOND_SELLERS", False)
    assert fills.SOURCES == fills._SOURCE_ORDER


def test_the_pair_reader_runs_the_fills_without_importing_them() -> None:
    # fills build on pairs.py: the reader imports nothing of them (no cycle, no import inside
    # a function) and runs the step the rules package installed
    tree = ast.parse(inspect.getsource(pairs))
    imported = {
        alias.name if isinstance(node, ast.Import) else f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert not any("fills" in name for name in imported)
    assert pairs._context_fills().fill is fills.fill
