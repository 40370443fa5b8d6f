"""``newswatch clean FILE``: print the cleaned article(s) a file yields."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from worker.errors import Reject
from worker.model import Article
from worker.sources.files import iter_raw


class Format(StrEnum):
    json = "json"
    text = "text"


def _text(article: Article) -> str:
    d = article.to_dict()
    body = d.pop("body")
    title = d.pop("title")
    width = max(len(k) for k in d)
    meta = "\n".join(f"{k:<{width}}  {v if v is not None else '-'}" for k, v in d.items())
    return f"{title}\n{'=' * min(len(title), 100)}\n{meta}\n\n{body}\n"


def _say_rejected(exc: Reject, fallback: str) -> None:
    where = exc.source or fallback
    print(f"error: {where}: {exc.detail} [{exc.stage}/{exc.reason}]", file=sys.stderr)


def clean_command(
    file: Annotated[Path, typer.Argument(help="Article file: .txt .html .json .jsonl .rss .atom")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.json,
) -> None:
    """Print the cleaned article (several, as a JSON array, when the file holds several)."""
    # imported here, not at the top: the cleaner pulls in trafilatura, ftfy and dateparser
    # (about a second), which every other command and `newswatch --help` would pay for
    from worker.transforms.clean import clean

    now = datetime.now(UTC)  # the CLI is the edge: it owns the clock, the transform does not
    articles: list[Article] = []
    failed = 0
    try:
        for raw in iter_raw(file):
            try:
                articles.append(clean(raw, now=now))
            except Reject as exc:
                failed += 1
                _say_rejected(exc, str(file))
    except Reject as exc:  # the file itself could not be read
        _say_rejected(exc, str(file))
        raise typer.Exit(1) from None

    if format is Format.json:
        docs = [a.to_dict() for a in articles]
        if docs:
            out = docs[0] if len(docs) == 1 and not failed else docs
            print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(_text(a) for a in articles), end="")
    if failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add ``clean`` to the ``newswatch`` command."""
    app.command("clean")(clean_command)
