"""``newswatch rules readings refresh --since 30d``: re-read stale stored readings in place."""

from __future__ import annotations

import asyncio
from typing import Annotated

import typer
from rich.console import Console

from worker.cli.index_scan import Since, Until

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

readings_app = typer.Typer(
    help="The article readings stored for backtests (worker/readings.py).", no_args_is_help=True
)


@readings_app.command("refresh")
def refresh_command(
    since: Since = "30d",
    until: Until = None,
    batch: Annotated[
        int, typer.Option("--batch", min=1, max=5000, help="updates per bulk request")
    ] = 200,
    progress: Annotated[
        bool, typer.Option("--progress/--no-progress", help="progress bar on stderr")
    ] = True,
) -> None:
    """Re-read, in place, the articles of a period whose stored reading is stale (indexed before
    readings existed, or by a release whose tagger, gazetteer, pair reader or lexicon differs),
    so that backtests reuse them again. Current readings are not written; a document written
    since it was read keeps its own."""
    from worker.cli.search import _parse_since
    from worker.cli.setup import command_settings
    from worker.readings import reader
    from worker.rules_live import initial_rules

    settings = command_settings()
    tagger, tagging = reader(settings)
    rules = initial_rules(settings)
    counts = asyncio.run(
        _run(settings, tagger, tagging, rules, _parse_since(since), _until(until), batch, progress)
    )
    out.print(
        f"checked {counts.checked:,} article(s): {counts.stale:,} stale, {counts.updated:,} "
        f"re-read, {counts.skipped:,} written or deleted since and left as they are"
    )


def _until(until: str | None):
    from worker.cli.search import _parse_since

    return _parse_since(until) if until else None


async def _run(settings, tagger, tagging, rules, since, until, batch: int, show: bool):
    from worker.cli.index_scan import count_period, index_progress
    from worker.readings_refresh import refresh
    from worker.sinks.search import SearchSink

    async with SearchSink.from_settings(settings) as sink:
        total = await count_period(sink, settings.search_url, since, until)
        bar = index_progress("checking", err, show)
        with bar:
            task = bar.add_task(sink.articles_alias, total=total)
            counts = await refresh(
                sink,
                tagger,
                tagging,
                rules,
                since,
                until,
                batch=batch,
                advance=lambda n: bar.advance(task, n),
            )
        await sink.refresh()  # the re-read documents are searchable (and scrolled) at once
    return counts
