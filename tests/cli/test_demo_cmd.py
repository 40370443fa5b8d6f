"""`newswatch demo` stops the stack components it started when it fails, and only those.

Failure injection without servers: the stack is a fake that records what is started and
stopped, and the demo run / the search are replaced by functions that raise. The real demo runs
in tests/e2e/test_demo.py (marker ``stack``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

import pytest
import typer
from typer.testing import CliRunner, Result

import worker.cli.demo as demo_cmd
import worker.demo as demo
from worker.devstack import ComponentStatus
from worker.errors import NewswatchError, StackError


@dataclass
class FakeComponent:
    name: str
    state: str  # as ComponentStatus.state: running | stopped | external | ...
    stops: list[str] = field(default_factory=list)  # shared by a stack's components, in order

    def stop(self) -> bool:
        self.stops.append(self.name)
        return self.state != "external"


class FakeStack:
    """Stands in for worker.devstack.Stack; every instance shares the same components."""

    components: ClassVar[list[FakeComponent]] = []
    up_error: ClassVar[Exception | None] = None

    def __init__(self, settings: object) -> None:
        pass

    def status(self) -> list[ComponentStatus]:
        return [ComponentStatus(c.name, c.state, "127.0.0.1:0") for c in self.components]

    def up(self) -> None:
        if self.up_error is not None:
            raise self.up_error
        for c in self.components:
            if c.state == "stopped":
                c.state = "running"

    def down(self) -> None:  # the demo must never stop everything wholesale
        raise AssertionError("Stack.down() called")


def stopped(stack: type[FakeStack]) -> list[str]:
    """The components stopped so far, in call order."""
    return stack.components[0].stops


@pytest.fixture
def stack(monkeypatch: pytest.MonkeyPatch) -> type[FakeStack]:
    class Stack(FakeStack):
        stops: ClassVar[list[str]] = []
        components: ClassVar[list[FakeComponent]] = [
            FakeComponent("kafka", "stopped", stops),
            FakeComponent("opensearch", "stopped", stops),
        ]

    monkeypatch.setattr(demo, "Stack", Stack)
    monkeypatch.setattr("worker.devstack.Stack", Stack)  # what the CLI imports
    return Stack


def started_then_fails(error: Exception):
    """A run_demo stand-in: records what it starts like the real one, then raises."""

    def run(settings, *, timeout, keep_stack, on_event, result):
        st = demo.Stack(settings.stack)
        result.started_components = [s.name for s in st.status() if s.state == "stopped"]
        st.up()
        raise error

    return run


def invoke(*args: str) -> Result:
    app = typer.Typer()
    demo_cmd.register(app)
    app.command("noop")(lambda: None)  # a second command keeps `demo` a sub-command
    return CliRunner().invoke(app, ["demo", *args])


# --- the command -------------------------------------------------------------------------


def test_cli_failure_after_starting_the_stack_stops_it(stack, monkeypatch):
    monkeypatch.setattr(demo, "run_demo", started_then_fails(NewswatchError("worker exited")))
    result = invoke("--format", "jsonl")
    assert isinstance(result.exception, NewswatchError)
    assert stopped(stack) == ["opensearch", "kafka"]  # reverse start order
    assert "stopped the stack it started (kafka, opensearch" in result.stderr


def test_cli_failure_in_the_search_stops_the_stack(stack, monkeypatch):
    def ok(settings, *, timeout, keep_stack, on_event, result):
        result.started_components = ["kafka", "opensearch"]

    def search(country: str) -> list[dict]:
        raise ConnectionError("opensearch went away")

    monkeypatch.setattr(demo, "run_demo", ok)
    monkeypatch.setattr(demo_cmd, "_search_by_country", search)
    result = invoke()
    assert isinstance(result.exception, ConnectionError)
    assert stopped(stack) == ["opensearch", "kafka"]


def test_cli_failure_leaves_a_stack_it_did_not_start(stack, monkeypatch):
    for c in stack.components:
        c.state = "running"
    monkeypatch.setattr(demo, "run_demo", started_then_fails(NewswatchError("boom")))
    result = invoke()
    assert isinstance(result.exception, NewswatchError)
    assert stopped(stack) == []
    assert "stopped the stack" not in result.stderr


def test_cli_failure_stops_only_the_component_it_started(stack, monkeypatch):
    stack.components[0].state = "running"  # kafka was already up (`newswatch stack up`)
    monkeypatch.setattr(demo, "run_demo", started_then_fails(NewswatchError("boom")))
    invoke()
    assert stopped(stack) == ["opensearch"]


def test_cli_keep_stack_keeps_it_on_failure(stack, monkeypatch):
    monkeypatch.setattr(demo, "run_demo", started_then_fails(NewswatchError("boom")))
    result = invoke("--keep-stack")
    assert isinstance(result.exception, NewswatchError)
    assert stopped(stack) == []


def test_cli_success_still_stops_what_it_started(stack, monkeypatch):
    def ok(settings, *, timeout, keep_stack, on_event, result):
        assert keep_stack  # the CLI stops the stack itself, after its search
        result.started_components = ["kafka", "opensearch"]

    monkeypatch.setattr(demo, "run_demo", ok)
    hit = {"title": "Putin, Erdogan vow to improve ties", "countries": ["RUS", "TUR"]}
    monkeypatch.setattr(demo_cmd, "_search_by_country", lambda country: [hit])
    result = invoke()
    assert result.exit_code == 0, result.output
    assert stopped(stack) == ["opensearch", "kafka"]


def test_cli_fails_when_the_index_has_nothing_by_country(stack, monkeypatch):
    def ok(settings, *, timeout, keep_stack, on_event, result):
        result.started_components = ["kafka", "opensearch"]

    monkeypatch.setattr(demo, "run_demo", ok)
    monkeypatch.setattr(demo_cmd, "_search_by_country", lambda country: [])
    result = invoke()
    assert result.exit_code == 1
    assert "countries:TUR" in result.output
    assert stopped(stack) == ["opensearch", "kafka"]  # and still stops what it started


# --- run_demo itself ---------------------------------------------------------------------


def test_run_demo_failing_stack_start_stops_what_it_launched(stack):
    from worker.config import load_settings

    stack.components[1].state = "external"  # an OpenSearch newswatch did not start
    stack.up_error = StackError("kafka did not become healthy")
    events: list[tuple[str, object]] = []
    result = demo.DemoResult()
    with pytest.raises(StackError):
        demo.run_demo(load_settings(), on_event=lambda k, o: events.append((k, o)), result=result)
    assert result.started_components == ["kafka"]
    assert stopped(stack) == ["kafka"]
    assert ("stack", "stopped") in events


def test_run_demo_failing_after_start_stops_it_unless_kept(stack, monkeypatch):
    from worker.config import load_settings

    def bad_samples(path):
        raise NewswatchError("samples unreadable")

    monkeypatch.setattr(demo, "iter_raw", bad_samples)
    with pytest.raises(NewswatchError):
        demo.run_demo(load_settings(), keep_stack=True)
    assert stopped(stack) == []
    with pytest.raises(NewswatchError):
        # what it started last time is running now: a second run starts, and stops, nothing
        demo.run_demo(load_settings())
    assert stopped(stack) == []
    for c in stack.components:
        c.state = "stopped"
    with pytest.raises(NewswatchError):
        demo.run_demo(load_settings())
    assert stopped(stack) == ["opensearch", "kafka"]
