"""``newswatch rules validate|test|publish`` (``backtest``: cli/backtest.py) and ``newswatch scan``:
watch rules from the command line."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from worker.errors import Reject
from worker.model import Alert, Article, Evidence, TaggedArticle

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

rules_app = typer.Typer(help="Check and try watch rules.", no_args_is_help=True)


class ScanFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


RulesDir = Annotated[
    Path | None,
    typer.Option("--rules", "-r", help="Rule pack directory or file (default: the shipped pack)."),
]


def load_or_exit(path: Path, consequence: str) -> Any:
    """The pack at ``path``, or every error as file:line: reason and exit code 1."""
    from worker.transforms.rules import load_rules_lenient

    ruleset, errors = load_rules_lenient(path)
    if errors:
        for e in errors:
            err.print(f"[bold red]error:[/] {escape(str(e))}")
        valid = len(ruleset.rules)
        err.print(f"{len(errors)} error(s); " + consequence.format(valid=valid))
        raise typer.Exit(1)
    return ruleset


@rules_app.command("validate")
def validate_command(
    path: Annotated[Path, typer.Argument(help="Rule pack directory or a single rule file.")],
) -> None:
    """Validate a rule pack: a table of its rules, or every error as file:line: reason."""
    ruleset = load_or_exit(path, "{valid} valid rule(s)")
    table = Table(title=f"{len(ruleset.rules)} rule(s) in {path}")
    for col in ("id", "severity", "pair", "query", "where"):
        table.add_column(col, overflow="fold")
    for r in ruleset.rules:
        pair = ""
        if r.pair:
            p = r.pair
            pair = (
                "any"
                if p.any
                else "-".join(p.between)
                if p.between
                else f"{p.recipient or '*'}<-{p.supplier or '*'}"
            )
        status = "" if r.enabled else " (disabled)"
        table.add_row(r.id + status, r.severity, pair, " ".join(r.query.split()), _where(r))
    out.print(table)
    out.print(f"topics: {', '.join(sorted(ruleset.topics)) or '-'}")


@rules_app.command("publish")
def publish_command(
    path: Annotated[Path, typer.Argument(help="Rule pack directory or a single rule file.")],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="validate and show the changes; publish nothing")
    ] = False,
) -> None:
    """Validate a pack and make it the active rule set of every worker (via the rules topic).

    Sends only what changed: new and edited rules and lexicons, and deletions (tombstones) for
    rules no longer in the pack. Any invalid rule: every error as file:line: reason, exit 1,
    nothing published."""
    from worker.cli.setup import command_settings
    from worker.sources.kafka import ensure_topics
    from worker.sources.rules_topic import publish_records, read_records
    from worker.transforms.rules.records import RecordLog, diff

    ruleset = load_or_exit(path, "nothing published")
    if not ruleset.rules:
        err.print(f"[bold red]error:[/] {path}: no rules; nothing published")
        raise typer.Exit(1)
    settings = command_settings()
    ensure_topics(settings)
    current, problems = read_records(settings.kafka_connection, settings.topics.rules)
    for p in problems:
        err.print(f"[yellow]warning:[/] skipped a malformed record on the topic: {p}")
    changes = diff(RecordLog(current).latest, ruleset.to_records())
    for extension in _unpublished_extension(path, settings.rules_dir):
        err.print(
            f"[yellow]warning:[/] {extension} is not published: the topic carries rules and "
            "lexicons, and workers tag with the entities.yaml of their NEWSWATCH_RULES_DIR "
            f"({settings.rules_dir or 'none set'}); put it there and restart the workers"
        )
    for rec in changes:
        verb = "delete" if rec["value"] is None else "set"
        out.print(f"{verb} {rec['key']}")
    if dry_run:
        out.print(f"{len(changes)} change(s) to {settings.topics.rules} (dry run: none sent)")
        return
    sent = publish_records(settings.kafka_connection, settings.topics.rules, changes)
    out.print(f"{sent} change(s) published to {settings.topics.rules}; {len(ruleset.rules)} rules")


def _unpublished_extension(pack: Path, rules_dir: Path | None) -> list[Path]:
    """The pack's entities.yaml when the workers' rules folder does not hold the same file."""
    from worker.readings import pack_extension

    own = pack_extension(pack)
    deployed = pack_extension(rules_dir)
    if own and (not deployed or own[0].read_bytes() != deployed[0].read_bytes()):
        return own
    return []


def _where(rule) -> str:
    try:
        file = str(Path(rule.file).resolve().relative_to(Path.cwd()))
    except (ValueError, TypeError):
        file = str(rule.file)
    return f"{file}:{rule.line}"


@rules_app.command("test")
def test_command(
    path: Annotated[Path, typer.Argument(help="Rule pack directory or a single rule file.")],
    articles: Annotated[
        list[Path], typer.Argument(help="Article file(s) (.txt .html .json .jsonl ...).")
    ],
) -> None:
    """Show which rules match each article and why, with the evidence highlighted."""
    from worker.transforms.rules import load_rules

    # before the rules and the tagger load (seconds): a mistyped path is said at once
    missing = [str(a) for a in articles if not a.exists()]
    if missing:
        err.print(f"[bold red]error:[/] no such article file: {', '.join(missing)}")
        raise typer.Exit(1)
    ruleset = load_rules(path)
    tagger = _tagger(path)
    now = datetime.now(UTC)
    seen = 0
    for art in _articles(articles):
        seen += 1
        tagged, alerts = _analyse(art, tagger, ruleset, now)
        out.rule(f"[bold]{art.title or art.id}[/]")
        out.print(f"countries: {', '.join(tagged.countries) or '-'}")
        matched = ruleset.matching_rules(tagged)
        if not matched:
            out.print("[dim]no rule matched[/]")
        for rule_id in matched:
            mine = [a for a in alerts if a.rule_id == rule_id]
            if not mine:
                out.print(f"[yellow]{rule_id}[/]: query matched but no country pair qualified")
            for a in mine:
                pair = f"  pair {pair_text(a.pair)}" if a.pair else ""
                out.print(f"[bold green]{a.rule_id}[/] ({a.severity}){pair}  key={a.key}")
                for ev in a.evidence:
                    out.print(
                        Text("  • ") + Text(ev.term, style="cyan") + Text(": ") + _hl(ev, art)
                    )
    if not seen:
        raise typer.Exit(1)


def _hl(ev: Evidence, art: Article) -> Text:
    """The snippet with the evidence span highlighted."""
    text = art.title if ev.field == "title" else art.body
    lo = text.find(ev.snippet, max(0, ev.start - len(ev.snippet)))
    snippet = " ".join(ev.snippet.split()) if lo < 0 else ev.snippet
    t = Text(snippet.replace("\n", " "))
    if lo >= 0 and lo <= ev.start and ev.end <= lo + len(ev.snippet):
        t.stylize("bold reverse", ev.start - lo, ev.end - lo)
    return t


def pair_text(pair: dict) -> str:
    """ "TUR <- RUS  s-400 (almaz-antey), talks, 4 units, 2.5e+09 USD": the pair and its facts."""
    facts = []
    if pair.get("weapon"):
        maker = f" ({pair['producer']})" if pair.get("producer") else ""
        facts.append(f"{pair['weapon']}{maker}")
    facts += [str(pair[k]) for k in ("status",) if pair.get(k)]
    if pair.get("quantity"):
        facts.append(f"{pair['quantity']} units")
    if pair.get("value"):
        facts.append(f"{pair['value']['amount']:.3g} {pair['value']['currency']}")
    head = f"{pair['recipient']} <- {pair['supplier']}"
    return f"{head}  {', '.join(facts)}" if facts else head


def scan_command(
    files: Annotated[list[Path], typer.Argument(help="Article files or folders.")],
    rules: RulesDir = None,
    format: Annotated[ScanFormat, typer.Option("--format", "-f")] = ScanFormat.jsonl,
) -> None:
    """Clean, tag and match articles in-process (no servers); one alert JSON per line."""
    from worker.transforms.rules import load_rules

    ruleset = load_rules(rules)
    tagger = _tagger(rules)
    now = datetime.now(UTC)  # the CLI is the edge: it owns the clock
    rows: list[Alert] = []
    rejected = 0
    for art in _articles(files, on_reject=lambda: None):
        if isinstance(art, Reject):
            rejected += 1
            continue
        _, alerts = _analyse(art, tagger, ruleset, now)
        for a in alerts:
            if format is ScanFormat.jsonl:
                sys.stdout.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")
            else:
                rows.append(a)
    if format is ScanFormat.table:
        table = Table(title=f"{len(rows)} alert(s)")
        for col in ("rule", "severity", "pair", "countries", "article", "evidence"):
            table.add_column(col, overflow="fold")
        for a in rows:
            pair = pair_text(a.pair) if a.pair else ""
            ev = a.evidence[0].snippet[:120] if a.evidence else ""
            table.add_row(
                a.rule_id, a.severity, pair, ",".join(a.countries[:6]), a.title or a.article_id, ev
            )
        out.print(table)
    if rejected:
        raise typer.Exit(1)


def _tagger(pack: Path | None):
    """The stream's tagger for rule pack ``pack``: the shipped gazetteer plus the pack's
    ``entities.yaml``, through the compiled-tagger cache."""
    from worker.readings import pack_extension
    from worker.tagger_store import load_tagger, settings_cache_dir

    return load_tagger(pack_extension(pack), settings_cache_dir())


def _analyse(art: Article, tagger, ruleset, now: datetime) -> tuple[TaggedArticle, list[Alert]]:
    from worker.pipeline import analyse

    return analyse(art, tagger, ruleset, now)


def _articles(paths: list[Path], on_reject=None) -> Iterator[Article]:
    """Cleaned articles; rejects are reported on stderr (and yielded when ``on_reject`` set)."""
    from worker.pipeline import load_articles

    for item in load_articles(paths):
        if isinstance(item, Reject):
            where = item.source or ", ".join(map(str, paths))
            err.print(f"[bold red]error:[/] {where}: {item.detail} [{item.stage}/{item.reason}]")
            if on_reject is not None:
                yield item  # type: ignore[misc]
            continue
        yield item


def register(app: typer.Typer) -> None:
    """Add ``rules validate|test`` and ``scan`` to the ``newswatch`` command."""
    from worker.cli.backtest import backtest_command
    from worker.cli.readings import readings_app

    rules_app.command("backtest")(backtest_command)
    rules_app.add_typer(readings_app, name="readings")
    app.add_typer(rules_app, name="rules")
    app.command("scan")(scan_command)
