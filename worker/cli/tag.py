"""``newswatch tag FILE... --format json|table``: print the entities the tagger finds."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from worker.errors import ConfigError, Reject
from worker.model import Mention, TaggedArticle


class Format(StrEnum):
    json = "json"
    table = "table"


def tagged_doc(tagged: TaggedArticle) -> dict[str, Any]:
    """The CLI's JSON shape: ids per type up front (``countries`` is ISO3), then every entity
    with its mentions (text, field, offsets, sentence) and the body's sentence spans."""
    a = tagged.article
    return {
        "id": a.id,
        "title": a.title,
        "url": a.url,
        "source": a.source,
        **tagged.ids_by_field(),
        "entities": [e.to_dict() for e in tagged.entities],
        "sentences": [list(s) for s in tagged.sentences],
    }


MAX_SURFACES = 4  # surface forms shown per entity in the table
MAX_SPANS = 4  # offsets shown per surface form


def _mentions_cell(mentions: list[Mention]) -> Text:
    """One line per surface form with its start–end offsets, e.g. ``Putin 12–17, 340–345``.

    Offsets are character offsets into the cleaned body, as in ``--format json``, or into the
    title when marked ``(title)``; ``(+N)`` counts the offsets not shown."""
    by_surface: dict[str, list[Mention]] = {}
    for m in mentions:
        by_surface.setdefault(m.text, []).append(m)
    lines = []
    for surface, ms in list(by_surface.items())[:MAX_SURFACES]:
        spans = [
            f"{m.start}–{m.end}" + (" (title)" if m.field == "title" else "")
            for m in ms[:MAX_SPANS]
        ]
        more = f" (+{len(ms) - MAX_SPANS})" if len(ms) > MAX_SPANS else ""
        lines.append(f"{surface} {', '.join(spans)}{more}")
    if len(by_surface) > MAX_SURFACES:
        lines.append(f"… {len(by_surface) - MAX_SURFACES} more form(s)")
    return Text("\n".join(lines))  # Text: a surface form is never read as console markup


def _table(tagged: TaggedArticle) -> Table:
    a = tagged.article
    t = Table(title=a.title or a.id, title_justify="left", caption=a.url or a.source or None)
    for col in ("type", "id", "name", "country", "count", "salience"):
        t.add_column(col, justify="right" if col in ("count", "salience") else "left")
    t.add_column("mentions (start–end)", overflow="fold")
    for e in tagged.entities:
        t.add_row(
            e.type,
            e.id,
            e.name,
            e.country or "",
            str(e.count),
            f"{e.salience:.2f}",
            _mentions_cell(e.mentions),
        )
    return t


def _extensions(entities: list[Path], rules: Path | None) -> list[Path]:
    """Extension files: every ``--entities`` file, plus ``entities.yaml`` in the rules folder."""
    from worker.transforms.gazetteer import EXTENSION_FILE

    paths = list(entities)
    if rules is not None and (rules / EXTENSION_FILE).is_file():
        paths.append(rules / EXTENSION_FILE)
    return paths


def tag_command(
    files: Annotated[list[Path], typer.Argument(help="Article files (.txt .html .json .jsonl …)")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.json,
    entities: Annotated[
        list[Path] | None,
        typer.Option("--entities", "-e", help="Extra gazetteer file(s) (entities.yaml format)."),
    ] = None,
    rules: Annotated[
        Path | None,
        typer.Option("--rules", help="Rules folder; its entities.yaml extends the gazetteer."),
    ] = None,
) -> None:
    """Tag articles with countries (ISO3), people, organisations, weapons and places.

    JSON: one object for one article, a list for several. Rejected inputs are reported on
    stderr with their file and reason, and make the exit code 1."""
    # imported late: the cleaner and the gazetteer cost about a second, which every other
    # command and `newswatch --help` would pay for
    from worker.pipeline import load_articles
    from worker.tagger_store import load_tagger, settings_cache_dir

    try:
        extra = _extensions(entities or [], rules)
        tagger = load_tagger(extra, settings_cache_dir())
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise typer.Exit(1) from None

    results: list[TaggedArticle] = []
    failed = 0
    for item in load_articles(files):
        if isinstance(item, Reject):
            failed += 1
            where = item.source or ", ".join(str(f) for f in files)
            print(f"error: {where}: {item.detail} [{item.stage}/{item.reason}]", file=sys.stderr)
            continue
        results.append(tagger.tag(item))

    if format is Format.json:
        docs = [tagged_doc(t) for t in results]
        if docs:
            out: Any = docs[0] if len(docs) == 1 and not failed and len(files) == 1 else docs
            print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        console = Console()
        for t in results:
            console.print(_table(t))
    if failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add ``tag`` to the ``newswatch`` command."""
    app.command("tag")(tag_command)
