"""``newswatch demo``: the README's main command."""

from __future__ import annotations

import asyncio
import json

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from worker.cli.setup import command_settings
from worker.config import load_settings
from worker.model import Alert


def _search_by_country(country: str) -> list[dict]:
    from worker.sinks.search import SearchSink

    async def go() -> list[dict]:
        async with SearchSink.from_settings(load_settings()) as sink:
            await sink.refresh()
            resp = await sink.search(f"countries:{country}", size=20)
            return [h["_source"] for h in resp["hits"]["hits"]]

    return asyncio.run(go())


def register(app: typer.Typer) -> None:
    @app.command("demo")
    def demo(
        keep_stack: bool = typer.Option(
            False, "--keep-stack", help="leave Kafka and OpenSearch running afterwards"
        ),
        timeout: float = typer.Option(180.0, help="seconds to wait for the samples"),
        fmt: str = typer.Option("table", "--format", "-f", help="table or jsonl (alerts)"),
    ) -> None:
        """Run everything end to end on the bundled samples: stack, worker, ingest, alerts.

        The samples are the seed article (Turkey's possible purchase of Russian S-400s) and
        look-alikes that must stay silent (wheat, football, a shot-down jet, gas talks,
        Thanksgiving turkey) plus one other real arms deal."""
        from worker.demo import DemoResult, run_demo, stop_started
        from worker.devstack import Stack

        settings = command_settings()
        console = Console(stderr=True)
        out = Console()

        def on_event(kind: str, obj: object) -> None:
            if kind == "alert":
                assert isinstance(obj, Alert)
                if fmt == "jsonl":
                    typer.echo(json.dumps(obj.to_dict(), ensure_ascii=False))
                else:
                    pair = obj.pair or {}
                    who = (
                        f"{pair.get('recipient')} buys from {pair.get('supplier')}"
                        if pair
                        else ", ".join(obj.countries)
                    )
                    out.print(
                        f"[bold red]ALERT[/] \\[{obj.severity}] {obj.rule_id}: {who} — "
                        f"{escape(obj.title[:80])}",
                        highlight=False,
                    )
            else:
                console.print(f"[dim]{kind}:[/] {obj}", highlight=False)

        # run_demo fills this in as it goes, so the finally below knows what it started even
        # when it raises; the stack stays up until the search below has run.
        result = DemoResult()
        try:
            with console.status("running the demo…"):
                run_demo(
                    settings, timeout=timeout, keep_stack=True, on_event=on_event, result=result
                )
                hits = _search_by_country("TUR")
            if not hits:
                console.print(
                    "[red]error:[/] the alerts came out but the index has no article for "
                    "countries:TUR: the index agent did not write them (see the worker log above)"
                )
                raise typer.Exit(1)
            if fmt != "jsonl":
                t = Table(
                    title=f"{len(result.articles)} samples, {len(result.alerts)} alert(s), "
                    f"{result.seconds:.1f}s"
                )
                t.add_column("indexed article found by countries:TUR")
                t.add_column("countries")
                for h in hits:
                    t.add_row(h.get("title", "")[:70], ", ".join(h.get("countries", [])))
                out.print(t)
        finally:
            # Stop what this run started, on success and on failure (Ctrl-C included); a stack
            # that was already running is left running.
            if result.started_components and not keep_stack:
                stop_started(Stack(settings.stack), result.started_components)
                console.print(
                    f"stopped the stack it started ({', '.join(result.started_components)}; "
                    "data kept; `newswatch stack up` and `newswatch search 'countries:TUR'` to "
                    "look again)"
                )
