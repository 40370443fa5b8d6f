"""The labelled real-report corpus (bench/realnews/*.yaml) and its local text cache.

Loading checks every label against the rules in bench/realnews/README.md, so a labelling slip is
found when the file is written, not when a score looks odd. Nothing here reads the network.

    python bench/realnews_corpus.py check [FILE...]     validate labels and cached texts
    python bench/realnews_corpus.py stats [--per-file]  coverage: reports, countries, kinds
    python bench/realnews_corpus.py register URL FILE   cache a saved excerpt, print id + sha256
    python bench/realnews_corpus.py missing [FILE...]   reports without their cached text, by query
    python bench/realnews_corpus.py recache URL FILE    cache a re-read excerpt of a labelled report

The cache is per machine: a new checkout has none. ``missing`` lists what to read again (one
`pages` search per query); ``recache`` stores the excerpt found; when it is not byte-identical
to the labelled one (the first was sometimes cut to the lede) it writes the new sha256 into the
label file with ``recached: DATE``, so a score says which texts were re-read.
Whoever re-caches checks the labels against the new text (see bench/realnews/README.md).
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycountry
import yaml
from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "bench" / "realnews"
CACHE = ROOT / ".state" / "realnews"
STATUSES = ("talks", "agreed", "ordered", "delivered", "cancelled", "blocked")
CONSTRUCTIONS = [
    "buy-from",
    "deal-with-to-buy",
    "sell-to",
    "supply-with",
    "passive",
    "nominal",
    "adjective-origin",
    "receive",
    "approval",
    "company-supplier",
    "weapon-only-supplier",
    "metonym",
    "list",
    "cross-sentence",
    "other",
]
KINDS = ("transfer", "lookalike")
_EXTRA_ISO3 = {"XKX"}  # Kosovo: user-assigned, not in ISO 3166-1 but used by every newsroom


def country_mentions(tagged: Any) -> dict[str, list[str]]:
    """Each country a tagged article names, with the texts it was tagged from."""
    return {e.id: [m.text for m in e.mentions] for e in tagged.entities if e.type == "country"}


def report_id(url: str) -> str:
    """The stable id of a report: the first 12 hex digits of sha256(url)."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:12]


def heldout(report_id_: str) -> bool:
    """A third of the first batch, fixed by id (scored blind on 2026-12-05, see docs/rules.md)."""
    return int(report_id_, 16) % 3 == 0


def blind(report: Report) -> bool:
    """Whether the report belongs to the current blind held-out batch: the label files marked
    ``split: heldout`` (the first batch's hash third was scored and folded into dev)."""
    return report.split == "heldout"


@dataclass(frozen=True)
class PairLabel:
    recipient: str
    supplier: str
    weapon: str | None = None
    status: str | None = None
    status_ok: tuple[str, ...] = ()
    quantity: float | None = None
    value: dict[str, Any] | None = None
    constructions: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, str]:
        return (self.recipient, self.supplier)


@dataclass
class Report:
    id: str
    url: str
    query: str
    sha256: str
    kind: str
    lang: str
    pairs: list[PairLabel]
    optional: list[tuple[str, str]]
    countries: list[str]
    homonyms: list[dict[str, str]]
    source: str
    note: str = ""
    split: str = "dev"  # "heldout": a file of the current blind batch
    problems: list[str] = field(default_factory=list)

    @property
    def text_path(self) -> Path:
        return CACHE / f"{self.id}.txt"

    def text(self) -> str | None:
        """The cached text, or None when it is missing or no longer the labelled one."""
        try:
            data = self.text_path.read_bytes()
        except FileNotFoundError:
            return None
        if hashlib.sha256(data).hexdigest() != self.sha256:
            return None
        return data.decode("utf-8")

    def homonyms_read(self, mentions: dict[str, list[str]]) -> list[dict[str, str]]:
        """The homonym traps read as the country they are not. ``mentions`` maps each tagged
        country to the texts it was tagged from. A trap counts only when the country is not a
        label of the report and one of its mentions is the trap's words (or inside them): the
        capital of a route list tagging the state is a country-precision matter, not the
        airline of the same name read as the state. A trap labelled without its words counts
        whenever the country is tagged."""
        read = []
        for h in self.homonyms:
            country, words = h.get("not"), (h.get("text") or "").casefold()
            if country not in mentions or country in self.countries:
                continue
            texts = [m.casefold() for m in mentions[country]]
            if not words or any(t in words or words in t for t in texts):
                read.append(h)
        return read


def _iso3(code: Any, where: str, problems: list[str]) -> str:
    code = str(code).upper()
    if code not in _EXTRA_ISO3 and pycountry.countries.get(alpha_3=code) is None:
        problems.append(f"{where}: {code!r} is not an ISO 3166-1 alpha-3 code")
    return code


def _pair(raw: dict[str, Any], where: str, problems: list[str]) -> PairLabel:
    rec = _iso3(raw.get("recipient"), f"{where}.recipient", problems)
    sup = _iso3(raw.get("supplier"), f"{where}.supplier", problems)
    if rec == sup:
        problems.append(f"{where}: recipient and supplier are both {rec}")
    status = raw.get("status")
    if status is not None and status not in STATUSES:
        problems.append(f"{where}.status: {status!r} is not one of {', '.join(STATUSES)}")
    ok = tuple(raw.get("status_ok") or ())
    for s in ok:
        if s not in STATUSES:
            problems.append(f"{where}.status_ok: {s!r} is not a status")
    cons = tuple(raw.get("constructions") or ())
    for c in cons:
        if c not in CONSTRUCTIONS:
            problems.append(f"{where}.constructions: {c!r} is not in the vocabulary")
    weapon = raw.get("weapon")
    qty = raw.get("quantity")
    return PairLabel(
        recipient=rec,
        supplier=sup,
        weapon=str(weapon).lower() if weapon else None,
        status=status,
        status_ok=ok,
        quantity=float(qty) if isinstance(qty, int | float) else None,
        value=raw.get("value"),
        constructions=cons,
    )


def load_file(path: Path) -> list[Report]:
    """Every report of one label file, each with the problems found in it."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    split = str(doc.get("split", "dev"))
    out: list[Report] = []
    for n, raw in enumerate(doc.get("reports") or []):
        problems: list[str] = []
        where = f"{path.name}[{n}]"
        url = str(raw.get("url", ""))
        rid = str(raw.get("id", ""))
        if not url.startswith(("http://", "https://")):
            problems.append(f"{where}: url {url!r} is not an http(s) address")
        elif rid != report_id(url):
            problems.append(f"{where}: id {rid!r} should be {report_id(url)} (sha256 of the url)")
        kind = raw.get("kind")
        if kind not in KINDS:
            problems.append(f"{where}: kind {kind!r} is not transfer or lookalike")
        pairs = [
            _pair(p, f"{where}.pairs[{i}]", problems) for i, p in enumerate(raw.get("pairs") or [])
        ]
        if kind == "transfer" and not pairs:
            problems.append(f"{where}: a transfer report needs at least one pair")
        optional = [
            (
                _iso3(p.get("recipient"), f"{where}.optional", problems),
                _iso3(p.get("supplier"), f"{where}.optional", problems),
            )
            for p in raw.get("optional") or []
        ]
        countries = [_iso3(c, f"{where}.countries", problems) for c in raw.get("countries") or []]
        for p in pairs:
            for side in p.key:
                if side not in countries:
                    problems.append(f"{where}: pair country {side} missing from countries")
        if not raw.get("query"):
            problems.append(f"{where}: no query recorded")
        rep = Report(
            id=rid,
            url=url,
            query=str(raw.get("query", "")),
            sha256=str(raw.get("sha256", "")),
            kind=str(kind),
            lang=str(raw.get("lang", "en")),
            pairs=pairs,
            optional=optional,
            countries=countries,
            homonyms=list(raw.get("homonyms") or []),
            source=path.name,
            note=str(raw.get("note", "")),
            problems=problems,
            split=split,
        )
        # A text absent from this machine's cache is no label problem (the cache is per machine:
        # `missing` lists them); a cached text that is no longer the labelled one is.
        if rep.text_path.exists() and rep.text() is None:
            problems.append(
                f"{where}: cached text {rep.text_path} is not the labelled one (sha256 differs)"
            )
        out.append(rep)
    return out


def i18n_label_files(split: str) -> list[Path]:
    """The pair label files of the ten other languages a split reads: the dev files
    (i18n/pairs-*.yaml) always; a batch file (i18n/heldout-pairs-*.yaml) when the split asks for
    it or once it is scored (its ``split:`` is no longer ``heldout``), so a dev run never reads a
    blind file that is still blind, and a scored one counts as dev as the English ones do."""
    files = sorted((LABELS / "i18n").glob("pairs-*.yaml"))
    for f in sorted((LABELS / "i18n").glob("heldout-pairs-*.yaml")):
        still_blind = any(line.strip() == "split: heldout" for line in f.open(encoding="utf-8"))
        if split != "dev" or not still_blind:
            files.append(f)
    return files


def load(paths: list[Path] | None = None) -> list[Report]:
    """All reports, first copy of a url wins (a url labelled twice is reported as a problem)."""
    files = paths or sorted(LABELS.glob("*.yaml"))
    seen: dict[str, Report] = {}
    out: list[Report] = []
    for f in files:
        for rep in load_file(f):
            if rep.id in seen:
                seen[rep.id].problems.append(f"{rep.source}: {rep.url} labelled again")
                continue
            seen[rep.id] = rep
            out.append(rep)
    return out


def _all_label_files() -> list[Path]:
    """What ``check`` reads by default: the English batches and the other languages' pair batches
    (i18n/*pairs-*.yaml; i18n/countries.yaml holds country labels only, read by bench_tag_i18n)."""
    return sorted(LABELS.glob("*.yaml")) + sorted((LABELS / "i18n").glob("*pairs-*.yaml"))


def _check(args: argparse.Namespace) -> int:
    reports = load([Path(p) for p in args.files] or _all_label_files())
    bad = [p for r in reports for p in r.problems]
    for p in bad:
        print(p)
    absent = sum(not r.text_path.exists() for r in reports)
    tail = f"; {absent} texts not cached on this machine (`missing` lists them)" if absent else ""
    print(f"{len(reports)} reports, {len(bad)} problems{tail}")
    return 1 if bad else 0


def _batches_table(files: list[Path]) -> Table:
    """One row per label file: what each batch holds and whether it is still blind, so the
    README need not restate every batch's counts (they are read from the files themselves)."""
    table = Table(title="label files")
    for col in (
        "file",
        "split",
        "lang",
        "reports",
        "transfers",
        "look-alikes",
        "pairs",
        "optional",
        "recipients",
        "suppliers",
        "texts cached",
    ):
        table.add_column(
            col, justify="left" if col in ("file", "split", "lang") else "right", no_wrap=True
        )
    # Numbers in names sort as numbers: heldout-2 before heldout-10.
    for f in sorted(
        files, key=lambda f: [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", str(f))]
    ):
        reps = load_file(f)
        if not reps:
            continue
        kinds = Counter(r.kind for r in reps)
        pairs = [p for r in reps for p in r.pairs]
        table.add_row(
            str(f.resolve().relative_to(LABELS)),
            reps[0].split,
            _langs({r.lang for r in reps}),
            str(len(reps)),
            str(kinds["transfer"]),
            str(kinds["lookalike"]),
            str(len(pairs)),
            str(sum(len(r.optional) for r in reps)),
            str(len({p.recipient for p in pairs})),
            str(len({p.supplier for p in pairs})),
            str(sum(r.text() is not None for r in reps)),
        )
    return table


def _langs(langs: set[str]) -> str:
    return ",".join(sorted(langs)) if len(langs) <= 2 else f"{len(langs)} languages"


def _stats(args: argparse.Namespace) -> int:
    if args.per_file:
        Console(width=200).print(
            _batches_table([Path(p) for p in args.files] or _all_label_files())
        )
        return 0
    reports = load([Path(p) for p in args.files] or None)
    kinds = Counter(r.kind for r in reports)
    rec = Counter(p.recipient for r in reports for p in r.pairs)
    sup = Counter(p.supplier for r in reports for p in r.pairs)
    cons = Counter(c for r in reports for p in r.pairs for c in p.constructions)
    status = Counter(p.status for r in reports for p in r.pairs)
    print(f"reports: {len(reports)}  {dict(kinds)}  held out: {sum(blind(r) for r in reports)}")
    print(f"pairs: {sum(rec.values())}  recipients: {len(rec)}  suppliers: {len(sup)}")
    print(f"status: {dict(status)}")
    print(f"constructions: {dict(cons.most_common())}")
    return 0


def _register(args: argparse.Namespace) -> int:
    """Move a saved excerpt into the cache under its url's id; print the label lines."""
    data = Path(args.text_file).read_bytes()
    data.decode("utf-8")  # a text that is not UTF-8 is an error here, not at scoring time
    rid = report_id(args.url)
    CACHE.mkdir(parents=True, exist_ok=True)
    (CACHE / f"{rid}.txt").write_bytes(data)
    if Path(args.text_file).resolve() != (CACHE / f"{rid}.txt").resolve():
        Path(args.text_file).unlink()
    print(f"id: {rid}\nsha256: {hashlib.sha256(data).hexdigest()}")
    return 0


def _missing(args: argparse.Namespace) -> int:
    """Reports whose cached text is missing or changed, grouped by file and query."""
    reports = load([Path(p) for p in args.files] or _all_label_files())
    by_query: dict[tuple[str, str], list[Report]] = {}
    for r in reports:
        if r.text() is None:
            by_query.setdefault((r.source, r.query), []).append(r)
    for (source, query), reps in sorted(by_query.items()):
        print(f"{source}\t{query}\t" + " ".join(r.url for r in reps))
    n = sum(len(v) for v in by_query.values())
    print(
        f"{n} of {len(reports)} reports lack their text; {len(by_query)} queries", file=sys.stderr
    )
    return 0


def _recorded_sha(rid: str) -> str | None:
    """The sha256 a label file records for the report with this id, if any."""
    for path in _all_label_files():
        text = path.read_text(encoding="utf-8")
        if rid not in text:
            continue
        for report in yaml.safe_load(text).get("reports") or []:
            if str(report.get("id")) == rid:
                return str(report.get("sha256"))
    return None


def _same_text(data: bytes, recorded: str | None) -> bytes | None:
    """The re-read bytes, or the same bytes with or without one final newline, when they hash
    to the recorded sha256: an excerpt saved by hand often gains or loses only that newline."""
    if recorded is None:
        return None
    body = data.rstrip(b"\n")
    for variant in (data, body, body + b"\n"):
        if hashlib.sha256(variant).hexdigest() == recorded:
            return variant
    return None


def _recache(args: argparse.Namespace) -> int:
    """Cache a re-read excerpt. When it is the labelled text (same sha256) the labels stay as
    they are; otherwise its new hash goes into the label file that holds the url, marked
    ``recached: DATE``, and whoever re-read it checks the labels against the new text."""
    data = Path(args.text_file).read_bytes()
    data.decode("utf-8")
    rid = report_id(args.url)
    same = _same_text(data, _recorded_sha(rid))
    if same is not None:
        CACHE.mkdir(parents=True, exist_ok=True)
        (CACHE / f"{rid}.txt").write_bytes(same)
        print(f"{rid}: the labelled text (sha256 unchanged)")
        return 0
    digest = hashlib.sha256(data).hexdigest()
    today = datetime.date.today().isoformat()
    hits = 0
    for path in _all_label_files():
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        changed = False
        for i, line in enumerate(lines):
            item = line.rstrip("\n")
            # an id of digits only is written quoted ("- id: '919019472590'")
            if item.lstrip(" ") not in {f"- id: {rid}", f"- id: '{rid}'", f'- id: "{rid}"'}:
                continue
            # some files indent the list ("  - id:"); the report's keys sit two columns deeper
            key = " " * (len(item) - len(item.lstrip(" ")) + 2)
            # the report's own keys run until the next "- id:" or a line indented less
            end = i + 1
            while end < len(lines) and lines[end].startswith(key):
                end += 1
            j = i + 1
            while j < end:
                if lines[j].startswith(f"{key}sha256:"):
                    lines[j] = f"{key}sha256: {digest}\n"
                    if not any(k.startswith(f"{key}recached:") for k in lines[i + 1 : end]):
                        lines.insert(j + 1, f"{key}recached: '{today}'\n")
                    changed = True
                    break
                j += 1
        if changed:
            path.write_text("".join(lines), encoding="utf-8")
            hits += 1
            print(f"{path.relative_to(ROOT)}: {rid} sha256 {digest} (new text: check its labels)")
    if not hits:
        print(f"error: no label file holds {args.url} (id {rid})", file=sys.stderr)
        return 1
    CACHE.mkdir(parents=True, exist_ok=True)
    (CACHE / f"{rid}.txt").write_bytes(data)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name, fn in (("check", _check), ("stats", _stats)):
        p = sub.add_parser(name)
        p.add_argument(
            "files", nargs="*", help="label files (default: bench/realnews/*.yaml; check adds i18n)"
        )
        p.set_defaults(fn=fn)
        if name == "stats":
            p.add_argument(
                "--per-file",
                action="store_true",
                help="one row per label file (default: every English and ten-language pair file)",
            )
    reg = sub.add_parser("register", help="cache a saved excerpt under its url's id")
    reg.add_argument("url")
    reg.add_argument("text_file")
    reg.set_defaults(fn=_register)
    mis = sub.add_parser("missing", help="reports without their cached text, one line per query")
    mis.add_argument("files", nargs="*", help="label files (default: every one)")
    mis.set_defaults(fn=_missing)
    rec = sub.add_parser(
        "recache", help="cache a re-read excerpt of a labelled report; record its new sha256"
    )
    rec.add_argument("url")
    rec.add_argument("text_file")
    rec.set_defaults(fn=_recache)
    args = ap.parse_args(argv)
    return int(args.fn(args))


if __name__ == "__main__":
    sys.exit(main())
