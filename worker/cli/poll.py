"""``newswatch poll FEED...``: poll RSS/Atom feeds continuously (or ``--once``) into Kafka."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from worker.cli.setup import command_settings
from worker.config import FeedSettings
from worker.errors import Reject

err = Console(stderr=True, soft_wrap=True)  # one line per poll: readable in a terminal or a log


def _report(result: Any) -> None:
    from worker.sources.feeds import PollResult

    assert isinstance(result, PollResult)
    stamp = time.strftime("%H:%M:%S")
    took = f"{result.seconds * 1000:.0f} ms"
    if result.status == "error":
        http = f"HTTP {result.http_status}, " if result.http_status else ""
        line = f"[red]error[/] {http}{result.detail}"
    elif result.status == "not_modified":
        line = "[dim]not modified[/] (HTTP 304)"
    else:
        style = "green" if result.new else "dim"
        line = (
            f"[{style}]{result.new} new[/] of {result.entries} entries (HTTP {result.http_status})"
        )
    err.print(f"{stamp} {result.label}: {line} in {took}", highlight=False)


def register(app: typer.Typer) -> None:
    @app.command("poll")
    def poll(
        feeds: list[str] = typer.Argument(
            None, help="feed URLs or files; default: the `feeds:` list of the configuration"
        ),
        once: bool = typer.Option(False, "--once", help="poll each feed once, then exit"),
        interval: float = typer.Option(
            300.0, "--interval", min=1.0, help="seconds between polls of the FEEDs given here"
        ),
        state: Path = typer.Option(
            None, "--state", help="seen-entries memory (default: <state_dir>/feeds.json)"
        ),
        dry_run: bool = typer.Option(
            False, "--dry-run", help="fetch and count new entries; publish and remember nothing"
        ),
    ) -> None:
        """Poll feeds with conditional GET (ETag / Last-Modified), each on its own interval,
        and publish entries not seen before to the raw topic. What was seen is remembered in a
        small state file, so a restart publishes nothing twice. Exit code with --once: 1 if
        any feed failed."""
        from worker.sources.feeds import FeedMemory, FeedPoller

        settings = command_settings(service=True)
        targets = [FeedSettings(url=f, interval=interval) for f in feeds or []] or settings.feeds
        if not targets:
            raise typer.BadParameter(
                "give feed URLs or files, or list them under `feeds:` in NEWSWATCH_CONFIG",
                param_hint="FEED",
            )
        memory = FeedMemory.load(None if dry_run else state or settings.state_dir / "feeds.json")
        from worker.sources.outlet import RawOutlet

        outlet = RawOutlet.open(settings, dry_run=dry_run)

        def publish(items: list[dict[str, Any]]) -> None:
            """Acknowledged before the poller remembers them; a reject is reported and
            remembered (it can never be sent), anything else keeps the entries unseen."""
            for outcome in outlet.send([(None, item) for item in items]):
                if isinstance(outcome, Reject):
                    err.print(
                        f"[red]rejected[/] {outcome.source}: {outcome.detail}", highlight=False
                    )
                elif outcome is not None:
                    raise outcome

        poller = FeedPoller(targets, memory, publish, max_bytes=settings.http.max_request_bytes)
        where = "dry run" if dry_run else f"to {settings.topics.raw}"
        mode = "once" if once else "continuously (Ctrl-C to stop)"
        err.print(f"polling {len(targets)} feed(s) {mode}, {where}; memory: {memory.path}")
        try:
            results = poller.run(once=once, report=_report)
        finally:
            poller.close()
            outlet.close()
        if once:
            new = sum(r.new for r in results)
            failed = sum(r.status == "error" for r in results)
            err.print(f"{new} new entr{'y' if new == 1 else 'ies'}; {failed} feed(s) failed")
            if failed:
                raise typer.Exit(1)
