"""``newswatch stack up|down|status``: the local Kafka + OpenSearch, no Docker."""

from __future__ import annotations

import json
import time

import typer
from rich.console import Console
from rich.table import Table

from worker.config import load_settings
from worker.devstack import ComponentStatus, Stack

STATE_STYLE = {"running": "green", "external": "cyan", "stopped": "dim", "unhealthy": "red"}


def _table(rows: list[ComponentStatus]) -> Table:
    t = Table(title="newswatch local stack")
    for col in ("component", "state", "address", "pid", "version", "detail"):
        t.add_column(col)
    for r in rows:
        style = STATE_STYLE.get(r.state, "")
        t.add_row(
            r.name, f"[{style}]{r.state}[/]", r.address, str(r.pid or ""), r.version or "", r.detail
        )
    return t


def _stack() -> Stack:
    return Stack(load_settings().stack)


def register(app: typer.Typer) -> None:
    stack = typer.Typer(
        help="Run a real local Kafka (KRaft) and OpenSearch on the JDK, without Docker.",
        no_args_is_help=True,
    )

    @stack.command("up")
    def up(fmt: str = typer.Option("table", "--format", "-f", help="table or json")) -> None:
        """Start Kafka and OpenSearch on loopback and wait until both are healthy (idempotent).

        The first run resolves the artifacts from Maven Central into ~/.m2."""
        console = Console(stderr=True)
        t0 = time.monotonic()
        with console.status("resolving and starting Kafka and OpenSearch…") as status:
            rows = _stack().up(on_start=lambda name: status.update(f"starting {name}…"))
        console.print(f"stack ready in {time.monotonic() - t0:.1f}s")
        _emit(rows, fmt)

    @stack.command("down")
    def down(
        purge: bool = typer.Option(False, "--purge", help="also delete data and logs"),
    ) -> None:
        """Stop what `stack up` started (never a server it did not start)."""
        s = _stack()
        for name, stopped in s.down():
            typer.echo(f"{name}: {'stopped' if stopped else 'was not running (not ours)'}")
        if purge:
            s.purge()
            typer.echo(f"deleted {s.settings.state_dir}")

    @stack.command("status")
    def status(fmt: str = typer.Option("table", "--format", "-f", help="table or json")) -> None:
        """Show each component's state; exit 1 unless both are healthy."""
        rows = _stack().status()
        _emit(rows, fmt)
        if any(r.state not in ("running", "external") for r in rows):
            raise typer.Exit(1)

    app.add_typer(stack, name="stack")


def _emit(rows: list[ComponentStatus], fmt: str) -> None:
    if fmt == "json":
        typer.echo(json.dumps([r.to_dict() for r in rows], indent=2))
    else:
        Console().print(_table(rows))
