"""``newswatch alerts silence|silences|unsilence``: silences on the compacted silences topic.

Every worker follows the topic (worker/silences_live.py), so a silence made here applies on
all of them within a second or two; recurring maintenance windows are configuration
(``maintenance:``), listed here too.
"""

from __future__ import annotations

import getpass
import json
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

alerts_app = typer.Typer(
    help="Silence alerts for a while (every worker applies it) and list silences.",
    no_args_is_help=True,
)
out = Console()
err = Console(stderr=True)


class ListFormat(StrEnum):
    table = "table"
    json = "json"


def _settings():
    from worker.cli.setup import command_settings

    return command_settings()


def _current(settings) -> dict:
    from worker.sources.rules_topic import read_topic
    from worker.transforms.silences import apply

    state: dict = {}
    for where, key, value in read_topic(settings.kafka_connection, settings.topics.silences):
        try:
            state = apply(state, key, value)
        except ValueError as exc:
            err.print(f"[yellow]warning:[/] skipped a malformed record ({where}): {exc}")
    return state


@alerts_app.command("silence")
def silence_command(
    rule: Annotated[str, typer.Option("--rule", help="rule id to silence ('*': every rule)")],
    for_: Annotated[str, typer.Option("--for", help="how long: 30m, 24h, 7d")],
    comment: Annotated[str, typer.Option("--comment", help="why (shown in `alerts silences`)")],
    pair: Annotated[
        str | None, typer.Option("--pair", help="only this pair, RECIPIENT:SUPPLIER (TUR:RUS)")
    ] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="only alerts naming this country (ISO3)")
    ] = None,
) -> None:
    """Silence matching alerts on every worker for a while: they are still indexed (marked
    silenced) and counted, but not delivered. Prints the silence's id."""
    from worker.sources.kafka import ensure_topics
    from worker.sources.rules_topic import publish
    from worker.transforms.rules.schema import parse_duration
    from worker.transforms.silences import encode, new_silence

    try:
        duration = parse_duration(for_)
        if duration is None:
            raise ValueError("--for must be a positive duration, e.g. 24h")
        s = new_silence(
            rule=rule,
            duration=duration,
            now=datetime.now(UTC),  # the CLI is the edge: it owns the clock
            pair=pair,
            country=country,
            comment=comment,
            created_by=_user(),
        )
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    settings = _settings()
    ensure_topics(settings)
    publish(settings.kafka_connection, settings.topics.silences, [encode(s)])
    out.print(f"{s.id}  silences {_scope(s.rule, s.pair, s.country)} until {_t(s.ends_at)}")


@alerts_app.command("unsilence")
def unsilence_command(
    silence_id: Annotated[str, typer.Argument(help="the id `alerts silence` printed")],
) -> None:
    """End a silence now, on every worker."""
    from worker.sources.rules_topic import publish

    settings = _settings()
    if silence_id not in _current(settings):
        err.print(
            f"[bold red]error:[/] no silence {escape(silence_id)} on {settings.topics.silences}"
        )
        raise typer.Exit(1)
    publish(settings.kafka_connection, settings.topics.silences, [(silence_id.encode(), None)])
    out.print(f"{silence_id} removed")


@alerts_app.command("silences")
def silences_command(
    fmt: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.table,
    all_: Annotated[bool, typer.Option("--all", help="expired silences too")] = False,
) -> None:
    """List active silences (and the configured maintenance windows)."""
    from worker.transforms.silences import parse_pair, window_open

    settings = _settings()
    now = datetime.now(UTC)
    rows = [
        {**s.to_dict(), "kind": "silence", "active": s.active(now)}
        for s in sorted(_current(settings).values(), key=lambda s: s.ends_at)
        if all_ or s.ends_at > now
    ]
    for w in settings.maintenance:
        rows.append(
            {
                "id": f"maintenance:{w.name}",
                "kind": "maintenance",
                "rule": w.rule or "*",
                "pair": w.pair,
                "country": w.country,
                "schedule": f"{','.join(w.days)} {w.start}-{w.end} {w.tz}",
                "comment": w.comment,
                "active": window_open(w, now),
            }
        )
    if fmt is ListFormat.json:
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    table = Table(title=f"{len(rows)} silence(s)")
    for col in ("id", "scope", "until / schedule", "active", "comment", "by"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(
            r["id"],
            _scope(r["rule"], parse_pair(r.get("pair")), r.get("country")),
            r.get("schedule") or _t(r["ends_at"]),
            "yes" if r["active"] else "no",
            escape(r.get("comment") or ""),
            r.get("created_by") or "",
        )
    out.print(table)


def _scope(rule: str, pair: tuple[str, str] | None, country: str | None) -> str:
    parts = [f"rule {rule}"]
    if pair:
        parts.append(f"pair {pair[0]}<-{pair[1]}")
    if country:
        parts.append(f"country {country}")
    return ", ".join(parts)


def _t(value: datetime | str) -> str:
    from worker.model import parse_iso

    when = parse_iso(value) if isinstance(value, str) else value
    return when.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if when else "-"


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def register(app: typer.Typer) -> None:
    app.add_typer(alerts_app, name="alerts")
