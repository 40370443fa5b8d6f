"""``newswatch worker`` and ``newswatch ingest``: the two ends of the stream."""

from __future__ import annotations

import codecs
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from worker.cli.setup import command_settings
from worker.config import load_settings, secret_values
from worker.errors import Reject
from worker.sources.files import (
    SUPPORTED,
    decode,
    entries_from_text,
    iter_entries,
    looks_feed,
    sniff_suffix,
    too_large,
)

err = Console(stderr=True, soft_wrap=True)  # one line per message, greppable


def _url_items(url: str, max_bytes: int) -> Iterator[dict[str, Any] | Reject]:
    import httpx

    try:
        resp = httpx.get(url, follow_redirects=True, timeout=30.0)
        resp.raise_for_status()
    except httpx.HTTPError as exc:
        raise Reject("intake", "fetch", f"could not fetch: {exc}", source=url) from None
    if len(resp.content) > max_bytes:
        raise too_large(f"{len(resp.content):,} bytes", max_bytes, url)
    ctype = resp.headers.get("content-type", "").split(";")[0].strip()
    suffix = {
        "application/rss+xml": ".rss",
        "application/atom+xml": ".atom",
        "application/xml": ".xml",
        "text/xml": ".xml",
        "application/json": ".json",
        "text/html": ".html",
    }.get(ctype)
    text = decode(_as_utf8(resp.content, resp.charset_encoding), url)
    if suffix is None:  # e.g. text/plain: a feed is still a feed; anything else is text
        suffix = ".xml" if looks_feed(text) else ".txt"
    for item in entries_from_text(text, url, suffix):
        if isinstance(item, dict) and "html" in item:
            item.setdefault("url", url)
        yield item


def _as_utf8(content: bytes, charset: str | None) -> bytes:
    """The body re-encoded as UTF-8 when the server declares another charset (many news sites
    still serve ISO-8859-1 or windows-1252); unknown or wrong charsets are left to
    :func:`decode` to report."""
    if not charset:
        return content
    try:
        if codecs.lookup(charset).name == "utf-8":
            return content
        return content.decode(charset).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return content


def _stdin_items(max_bytes: int) -> Iterator[dict[str, Any] | Reject]:
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large("", max_bytes, "<stdin>")
    text = decode(data, "<stdin>")
    yield from entries_from_text(text, "<stdin>", sniff_suffix(text))


def _count_files(path: Path) -> int:
    if path.is_dir():
        return sum(1 for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)
    return 1


def register(app: typer.Typer) -> None:
    @app.command("worker")
    def worker(
        log_level: str = typer.Option(
            None, "--log-level", "-l", help="override NEWSWATCH_LOG_LEVEL"
        ),
    ) -> None:
        """Run the Faust worker: clean → tag → match → dedupe → index → notify.

        Serves /metrics, /healthz and /readyz on NEWSWATCH_METRICS_HOST:PORT (default
        127.0.0.1:9108). Start several to share the partitions."""
        from faust.worker import Worker

        from worker.app import create_app
        from worker.sources.kafka import ensure_topics

        settings = load_settings()
        created = ensure_topics(settings, internal=True)
        if created:
            err.print(f"created topics: {', '.join(created)}")
        fapp = create_app(settings)
        from worker.logs import logging_config

        level = (log_level or settings.log_level).upper()
        Worker(
            fapp,
            loglevel=level,
            logging_config=logging_config(level, settings.log_format, secret_values(settings)),
            quiet=True,
        ).execute_from_commandline()

    @app.command("ingest")
    def ingest(
        sources: list[str] = typer.Argument(
            ..., help="files, folders (txt, html, json, jsonl, rss/atom), URLs, or - for stdin"
        ),
        dry_run: bool = typer.Option(
            False, "--dry-run", help="read and validate only; publish nothing"
        ),
    ) -> None:
        """Publish articles to the raw topic. Bad files are reported (file + reason) and
        skipped; the exit code is 1 if any input was rejected."""
        from worker.sources.outlet import RawOutlet

        settings = command_settings()
        outlet = RawOutlet.open(settings, dry_run=dry_run)
        total = sum(_count_files(Path(s)) for s in sources if s != "-" and "://" not in s)
        with Progress(
            TextColumn("[bold]ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[current]}"),
            TimeElapsedColumn(),
            console=err,
            disable=total < 20 or not err.is_terminal,
            transient=True,
        ) as progress:
            task = progress.add_task("ingest", total=total or None, current="")
            try:
                published, rejected = IngestSource(sources, settings.max_article_bytes).run(
                    outlet, progress, task
                )
            finally:
                outlet.close()
        verb = "validated" if dry_run else f"published to {settings.topics.raw}"
        err.print(f"{published} item(s) {verb}; {rejected} rejected")
        if rejected:
            raise typer.Exit(1)


class IngestSource:
    """Files, folders, URLs and stdin, read in order and sent in batches: a batch is
    acknowledged before the next is read, so memory stays flat on a large folder."""

    BATCH = 500

    def __init__(self, sources: list[str], max_bytes: int):
        self.sources, self.max_bytes = sources, max_bytes

    def run(self, outlet: Any, progress: Progress, task: Any) -> tuple[int, int]:
        """(published, rejected); each reject is printed with its file and reason."""
        published = rejected = 0
        batch: list[tuple[str, dict[str, Any]]] = []

        def flush() -> None:
            nonlocal published, rejected
            outcomes = outlet.send([(None, item) for _, item in batch])
            for (src, _), outcome in zip(batch, outcomes, strict=True):
                if outcome is None:
                    published += 1
                elif isinstance(outcome, Reject):
                    rejected += 1
                    _print_reject(outcome, src)
                else:  # not acknowledged: stop, say so, exit non-zero
                    raise outcome
            batch.clear()

        for src in self.sources:
            for item in _items(src, self.max_bytes, progress, task):
                if isinstance(item, Reject):
                    rejected += 1
                    _print_reject(item, src)
                    continue
                batch.append((src, item))
                if len(batch) >= self.BATCH:
                    flush()
        flush()
        return published, rejected


def _print_reject(rej: Reject, src: str) -> None:
    err.print(f"[red]rejected[/] {rej.source or src}: {rej.detail}", highlight=False)


def _items(src: str, max_bytes: int, progress: Progress, task: Any) -> Iterator[dict | Reject]:
    """Intake items of one source, with each bad file yielded as its Reject so that the
    rest of a folder still goes through."""
    if src == "-" or "://" in src:
        try:
            yield from _stdin_items(max_bytes) if src == "-" else _url_items(src, max_bytes)
        except Reject as rej:
            yield rej
        return
    path = Path(src)
    files = (
        sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)
        if path.is_dir()
        else [path]
    )
    if path.is_dir() and not files:
        yield Reject("intake", "empty", "the folder has no article files", source=src)
    for f in files:
        progress.update(task, current=f.name)
        try:
            yield from iter_entries(f, max_bytes=max_bytes)
        except Reject as rej:
            yield rej
        progress.advance(task)
