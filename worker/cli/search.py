"""``newswatch search QUERY``: quick look-ups in the index from the terminal."""

from __future__ import annotations

import asyncio
import json
import re
from datetime import UTC, datetime, timedelta

import typer
from rich.console import Console
from rich.table import Table

from worker.cli.setup import command_settings


def _parse_since(value: str) -> datetime:
    """An ISO date/time, or an age such as ``7d``, ``12h``, ``30m`` back from now."""
    m = re.fullmatch(r"(\d+)([dhm])", value.strip())
    if m:
        unit = {"d": "days", "h": "hours", "m": "minutes"}[m.group(2)]
        return datetime.now(UTC) - timedelta(**{unit: int(m.group(1))})
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise typer.BadParameter(
            f"--since {value!r}: expected a date (2017-03-01) or an age (7d, 12h, 30m)"
        ) from None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def register(app: typer.Typer) -> None:
    @app.command("search")
    def search(
        query: str = typer.Argument(..., help="Lucene query, e.g. 'countries:TUR AND S-400'"),
        size: int = typer.Option(10, "--size", "-n", help="how many hits"),
        alerts: bool = typer.Option(False, "--alerts", help="search alerts instead of articles"),
        fmt: str = typer.Option("table", "--format", "-f", help="table or json"),
        since: str = typer.Option(
            None, "--since", help="only documents dated from then: 2017-03-01, 7d, 12h"
        ),
        country: list[str] = typer.Option(
            None, "--country", "-c", help="ISO3 country filter (repeatable: any of them)"
        ),
    ) -> None:
        """Search indexed articles (or alerts) with Lucene query syntax."""
        from worker.sinks.search import SearchSink

        settings = command_settings()
        since_dt = _parse_since(since) if since else None

        async def go() -> dict:
            async with SearchSink.from_settings(settings) as sink:
                index = sink.alerts_alias if alerts else sink.articles_alias
                return await sink.search(
                    query, size=size, index=index, since=since_dt, countries=country or None
                )

        try:
            resp = asyncio.run(go())
        except Exception as exc:  # engine errors carry the engine's own explanation
            raise typer.BadParameter(f"search failed: {exc}") from None
        hits = resp["hits"]["hits"]
        if fmt == "json":
            typer.echo(json.dumps([h["_source"] for h in hits], indent=2, ensure_ascii=False))
            return
        total = resp["hits"]["total"]
        total = total["value"] if isinstance(total, dict) else total
        t = Table(title=f"{total} hit(s) for {query!r}")
        if alerts:
            for col in ("matched_at", "rule", "severity", "pair", "title"):
                t.add_column(col)
            for h in hits:
                s = h["_source"]
                pair = s.get("pair") or {}
                t.add_row(
                    s.get("matched_at", ""),
                    s.get("rule_id", ""),
                    s.get("severity", ""),
                    "→".join(filter(None, (pair.get("supplier"), pair.get("recipient")))),
                    s.get("title", "")[:60],
                )
        else:
            for col in ("published", "source", "countries", "title"):
                t.add_column(col)
            for h in hits:
                s = h["_source"]
                t.add_row(
                    (s.get("published_at") or "")[:10],
                    s.get("source") or "",
                    ", ".join(s.get("countries", [])),
                    s.get("title", "")[:70],
                )
        Console().print(t)
