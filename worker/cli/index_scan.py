"""What the commands that walk the articles index share (``rules backtest``, ``rules readings
refresh``): counting the period first, naming the index and engine when that fails, and one
progress bar on stderr."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

# The period options of every command that walks the index, so they read and default alike.
Since = Annotated[
    str, typer.Option("--since", help="from when: an age (30d, 12h) or a date (2026-11-01)")
]
Until = Annotated[str | None, typer.Option("--until", help="up to when (default: now); same forms")]


async def count_period(
    sink: Any,
    search_url: str,
    since: datetime | None,
    until: datetime | None,
    where: dict[str, Any] | None = None,
) -> int:
    """Articles of ``[since, until)`` (matching ``where``); an unreadable index is a usage
    error that names it and the engine, before any progress bar is drawn."""
    try:
        return await sink.count_articles(since, until, where)
    except Exception as exc:  # the engine's own message says what is wrong
        raise typer.BadParameter(
            f"cannot read {sink.articles_alias} at {search_url}: {exc}"
        ) from None


def index_progress(verb: str, console: Console, show: bool) -> Progress:
    """ "<verb> <index> ━━━━ 1,200/20,000 0:00:14" on stderr, or nothing with ``show`` off."""
    return Progress(
        TextColumn(f"{verb} {{task.description}}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        disable=not show,
    )
