"""``newswatch rules backtest DIR --since 30d``: a rule pack over the articles already indexed."""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import timedelta
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from worker.cli.index_scan import Since, Until

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


class BacktestFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


def backtest_command(
    path: Annotated[Path, typer.Argument(help="Candidate rule pack directory or rule file.")],
    since: Since = "30d",
    until: Until = None,
    against: Annotated[
        Path | None,
        typer.Option(
            "--against",
            help="pack to compare with (default: the active pack: the rules topic, else "
            "NEWSWATCH_RULES_DIR, else the shipped pack)",
        ),
    ] = None,
    fmt: Annotated[BacktestFormat, typer.Option("--format", "-f")] = BacktestFormat.table,
    progress: Annotated[
        bool, typer.Option("--progress/--no-progress", help="progress bar on stderr")
    ] = True,
) -> None:
    """Run a rule pack over the indexed articles of a period: per rule, the alerts it would
    have sent per day (events grouped as the stream groups them) and the difference with the
    active pack ("+12 alerts, −3")."""
    from worker.cli.search import _parse_since
    from worker.cli.setup import command_settings
    from worker.rules_live import initial_rules
    from worker.transforms.rules import load_rules_lenient
    from worker.transforms.rules.schema import parse_duration

    candidate, errors = load_rules_lenient(path)
    if errors:
        for e in errors:
            err.print(f"[bold red]error:[/] {escape(str(e))}")
        err.print(f"{len(errors)} error(s); nothing run")
        raise typer.Exit(1)
    settings = command_settings()
    if against is not None:
        active, errors = load_rules_lenient(against)
        if errors:
            for e in errors:
                err.print(f"[bold red]error:[/] {escape(str(e))}")
            raise typer.Exit(1)
    else:
        active = initial_rules(settings)
    since_dt = _parse_since(since)
    until_dt = _parse_since(until) if until else None
    window = parse_duration(settings.events.window) or timedelta(days=14)
    rows, articles = asyncio.run(
        _run(settings, (candidate, path), (active, against), since_dt, until_dt, window, progress)
    )
    if fmt is BacktestFormat.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row.to_dict()) + "\n")
        return
    _print_table(rows, articles, path)


async def _run(settings, candidate_pack, active_pack, since, until, window, show: bool):
    from worker.backtest import Replay, Tally, compare
    from worker.backtest_scan import replay_index
    from worker.cli.index_scan import count_period, index_progress
    from worker.readings import Reuse, extension_reader, pack_extension, tagger_version
    from worker.sinks.search import SearchSink
    from worker.tagger_store import extension_files

    (candidate, candidate_dir), (active, against) = candidate_pack, active_pack
    # A pack that brings its own entities.yaml tags with it, as a worker running it from
    # NEWSWATCH_RULES_DIR would; any other tags as the deployment does (`rules publish` does
    # not carry entities.yaml: a published pack runs with the deployment's gazetteer).
    # Stored readings of a reader's version are reused (worker/readings.py), others read again.
    deployed = extension_files(settings.rules_dir)
    active_extra = pack_extension(against) or deployed
    candidate_extra = pack_extension(candidate_dir) or deployed
    cache = settings.tagger_cache_dir()
    active_reuse = Reuse(*extension_reader(active_extra, cache))
    own = None
    if tagger_version(candidate_extra) != active_reuse.tagging:
        own = Reuse(*extension_reader(candidate_extra, cache))
    replay = Replay(candidate, active, active_reuse, own)
    cand = Tally(window, lambda rid: _rate(candidate, rid))
    act = Tally(window, lambda rid: _rate(active, rid))
    # Only the articles that can give either pack an alert are read (worker/backtest_filter.py);
    # the others are counted.
    where = replay.where()
    async with SearchSink.from_settings(settings) as sink:
        total = await count_period(sink, settings.search_url, since, until)
        to_read = (
            total
            if where is None
            else await count_period(sink, settings.search_url, since, until, where)
        )
        bar = index_progress("reading", err, show)
        with bar:
            task = bar.add_task(sink.articles_alias, total=to_read)
            await replay_index(
                sink, replay, cand, act, since, until, advance=lambda n: bar.advance(task, n)
            )
    return compare(cand, act), total


def _rate(ruleset, rule_id: str):
    rule = ruleset.get(rule_id)
    return rule.rate if rule is not None else None


def _print_table(rows, articles: int, path: Path) -> None:
    from worker.backtest import delta_text

    days = sorted({d for r in rows for d in r.per_day})
    table = Table(title=f"backtest of {path} over {articles:,} article(s)")
    for col in ("rule", "matches", "alerts", "events", "updates", "vs active"):
        table.add_column(col, justify="left" if col in ("rule", "vs active") else "right")
    for r in rows:
        table.add_row(
            r.rule_id,
            str(r.matches),
            str(r.alerts),
            str(r.events),
            str(r.updates),
            delta_text(r.added, r.removed),
        )
    out.print(table)
    if days and rows:
        per_day = Table(title="alerts per day")
        per_day.add_column("rule")
        for d in days:
            per_day.add_column(d[5:], justify="right")
        for r in rows:
            per_day.add_row(r.rule_id, *(str(r.per_day.get(d, 0) or "") for d in days))
        out.print(per_day)
