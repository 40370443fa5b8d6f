"""The in-memory shapes that flow between stages.

Plain dataclasses (not pydantic) on purpose: transforms build millions of these on the hot path,
and validation happens once at the edge against ``schemas/*.schema.json``.
Every shape round-trips through ``to_dict``/``from_dict`` so Kafka messages, index documents and
CLI JSON all share one encoding.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from typing import Any

from worker.entities import ENTITY_TYPE_TABLE, ENTITY_TYPES  # noqa: F401  (re-exported)


def utcnow() -> datetime:
    return datetime.now(UTC)


def iso(dt: datetime | None) -> str | None:
    """UTC ISO 8601 with a trailing ``Z``; naive datetimes are taken to be UTC already."""
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC).isoformat().replace("+00:00", "Z")


def parse_iso(value: str | None) -> datetime | None:
    if not value:
        return None
    dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


@dataclass(slots=True)
class Article:
    """A cleaned article. ``id`` is stable (derived from the URL, else the content hash) so a
    re-delivered article lands on the same Kafka key and the same index document."""

    id: str
    title: str
    body: str
    url: str | None = None
    source: str | None = None
    published_at: datetime | None = None
    language: str | None = None
    dateline: str | None = None
    fetched_at: datetime | None = None
    content_hash: str | None = None
    duplicate_of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        # Spelled out rather than ``dataclasses.asdict``, which deep-copies field by field and
        # showed up in the stream's profile (several articles' worth of dicts per message).
        return {
            "id": self.id,
            "title": self.title,
            "body": self.body,
            "url": self.url,
            "source": self.source,
            "published_at": iso(self.published_at),
            "language": self.language,
            "dateline": self.dateline,
            "fetched_at": iso(self.fetched_at),
            "content_hash": self.content_hash,
            "duplicate_of": self.duplicate_of,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        return cls(
            id=d["id"],
            title=d.get("title") or "",
            body=d.get("body") or "",
            url=d.get("url"),
            source=d.get("source"),
            published_at=parse_iso(d.get("published_at")),
            language=d.get("language"),
            dateline=d.get("dateline"),
            fetched_at=parse_iso(d.get("fetched_at")),
            content_hash=d.get("content_hash"),
            duplicate_of=d.get("duplicate_of"),
        )


@dataclass(slots=True, frozen=True)
class Mention:
    """One occurrence of an entity. Offsets are character offsets into ``field`` (title or body)
    of the cleaned article; ``sentence`` indexes ``TaggedArticle.sentences`` (body only, -1 for
    the title)."""

    text: str
    start: int
    end: int
    field: str = "body"
    sentence: int = 0
    # a country named by its capital, a city that may also be a mere place ("signed in Paris")
    capital: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "field": self.field,
            "sentence": self.sentence,
            **({"capital": True} if self.capital else {}),
        }


_MENTION_FIELDS = frozenset(f.name for f in fields(Mention))


@dataclass(slots=True)
class Entity:
    """A resolved entity: ``id`` is ISO 3166-1 alpha-3 for countries, a stable slug otherwise;
    ``country`` links people and weapon systems to their country (ISO3) where known."""

    id: str
    type: str
    name: str
    country: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    salience: float = 0.0
    producer: str | None = None  # weapons: the maker's company id
    # weapons of a multinational programme (no one ``country``): the partner states that may
    # sell it as their own make (the gazetteer's ``partners:``, extension files included)
    partners: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        return len(self.mentions)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "country": self.country,
            "count": self.count,
            "salience": round(self.salience, 4),
            "mentions": [m.to_dict() for m in self.mentions],
            **({"producer": self.producer} if self.producer else {}),
            **({"partners": list(self.partners)} if self.partners else {}),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(
            id=d["id"],
            type=d["type"],
            name=d["name"],
            country=d.get("country"),
            # only the fields this version knows: a reading stored by a newer worker (a rolling
            # upgrade) may carry more, which must not make the message a bad one
            mentions=[
                Mention(**{k: v for k, v in m.items() if k in _MENTION_FIELDS})
                for m in d.get("mentions", [])
            ],
            salience=d.get("salience", 0.0),
            producer=d.get("producer"),
            partners=tuple(d.get("partners") or ()),
        )


@dataclass(slots=True)
class TaggedArticle:
    """An article plus what the tagger found. ``sentences`` are (start, end) spans of the body."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)

    def ids(self, entity_type: str) -> list[str]:
        return [e.id for e in self.entities if e.type == entity_type]

    @property
    def countries(self) -> list[str]:
        return self.ids("country")

    @property
    def people(self) -> list[str]:
        return self.ids("person")

    @property
    def organizations(self) -> list[str]:
        return self.ids("organization")

    @property
    def weapons(self) -> list[str]:
        return self.ids("weapon")

    def ids_by_field(self) -> dict[str, list[str]]:
        """Ids per entity type under the type's field name (``countries``, ``companies`` ...),
        every registered type present: the one shape the wire format, index documents, the
        percolator and the CLI share."""
        by_type: dict[str, list[str]] = {t.name: [] for t in ENTITY_TYPE_TABLE}
        for e in self.entities:
            by_type.setdefault(e.type, []).append(e.id)
        return {t.field: by_type[t.name] for t in ENTITY_TYPE_TABLE}

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            **self.ids_by_field(),
            "entities": [e.to_dict() for e in self.entities],
            "sentences": [list(s) for s in self.sentences],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TaggedArticle:
        return cls(
            article=Article.from_dict(d["article"]),
            entities=[Entity.from_dict(e) for e in d.get("entities", [])],
            sentences=[(int(a), int(b)) for a, b in d.get("sentences", [])],
        )


@dataclass(slots=True, frozen=True)
class Evidence:
    """Why a rule fired: the matched term or entity, and the sentence it sits in."""

    term: str
    field: str
    start: int
    end: int
    snippet: str
    sentence: int = 0
    # Where the snippet starts in its field, so renderers place the match exactly in any script
    # (None in alerts written before it was kept: they guess from the term's literal text).
    snippet_start: int | None = None


# The fields an evidence item had in the first release: every worker reads those. Fields
# added since travel outside the items (``evidence_starts``), because a worker of the previous
# release building ``Evidence(**item)`` would fail on an unknown key during a rolling update.
_EVIDENCE_FIELDS = ("term", "field", "start", "end", "snippet", "sentence")


def _evidence_dict(e: Evidence) -> dict[str, Any]:
    return {name: getattr(e, name) for name in _EVIDENCE_FIELDS}


def _evidence_starts(evidence: list[Evidence]) -> dict[str, Any]:
    starts = [e.snippet_start for e in evidence]
    return {"evidence_starts": starts} if any(s is not None for s in starts) else {}


def _read_evidence(items: list[dict[str, Any]], starts: list[int | None] | None) -> list[Evidence]:
    """Evidence from its dicts, ignoring fields this release does not know."""
    out = []
    for i, item in enumerate(items):
        known = {k: v for k, v in item.items() if k in _EVIDENCE_FIELDS}
        at = starts[i] if starts and i < len(starts) else None
        out.append(Evidence(**known, snippet_start=at))
    return out


@dataclass(slots=True)
class Alert:
    """One alert: one rule × one story × (for pair rules) one country pair.

    ``key`` is stable across re-deliveries and duplicate copies of the story so notifiers and the
    alerts topic can dedupe on it."""

    key: str
    rule_id: str
    rule_title: str
    article_id: str
    title: str
    url: str | None
    severity: str
    countries: list[str]
    evidence: list[Evidence]
    matched_at: datetime
    pair: dict[str, str] | None = None
    entities: dict[str, list[str]] = field(default_factory=dict)
    targets: list[str] = field(default_factory=list)
    published_at: datetime | None = None
    source: str | None = None
    # The article's language (ISO 639-1): the evidence is quoted as written, in that language.
    language: str | None = None
    # Events (worker/transforms/events.py): set once the alert is placed in its event.
    event_id: str | None = None
    event_kind: str | None = None  # new | status | update | duplicate
    previous_status: str | None = None
    event: dict[str, Any] | None = None
    # The month of the index its document lives in: the month the dedupe stage first saw the
    # story, so every copy's alert (one key) overwrites one document whatever its dates say.
    index_month: str | None = None

    def document_month(self) -> str:
        """``YYYY.MM`` of the alerts index holding this alert's document (by date for an alert
        that never passed the dedupe stage: ``scan``, tests)."""
        if self.index_month:
            return self.index_month
        return f"{(self.published_at or self.matched_at).astimezone(UTC):%Y.%m}"

    def to_dict(self) -> dict[str, Any]:
        # Event fields only once set, so alerts straight from the matcher keep their shape.
        events = (
            {
                "event_id": self.event_id,
                "event_kind": self.event_kind,
                "previous_status": self.previous_status,
                "event": dict(self.event) if self.event is not None else None,
            }
            if self.event_id
            else {}
        )
        return {
            "key": self.key,
            "rule_id": self.rule_id,
            "rule_title": self.rule_title,
            "article_id": self.article_id,
            "title": self.title,
            "url": self.url,
            "severity": self.severity,
            "countries": list(self.countries),
            "evidence": [_evidence_dict(e) for e in self.evidence],
            "matched_at": iso(self.matched_at),
            "pair": dict(self.pair) if self.pair is not None else None,
            "entities": {k: list(v) for k, v in self.entities.items()},
            "targets": list(self.targets),
            "published_at": iso(self.published_at),
            "source": self.source,
            **events,
            **({"language": self.language} if self.language else {}),
            **_evidence_starts(self.evidence),
            **({"index_month": self.index_month} if self.index_month else {}),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Alert:
        return cls(
            key=d["key"],
            rule_id=d["rule_id"],
            rule_title=d.get("rule_title", d["rule_id"]),
            article_id=d["article_id"],
            title=d.get("title", ""),
            url=d.get("url"),
            severity=d.get("severity", "medium"),
            countries=list(d.get("countries", [])),
            evidence=_read_evidence(d.get("evidence", []), d.get("evidence_starts")),
            matched_at=parse_iso(d["matched_at"]) or utcnow(),
            pair=d.get("pair"),
            entities=dict(d.get("entities", {})),
            targets=list(d.get("targets", [])),
            published_at=parse_iso(d.get("published_at")),
            source=d.get("source"),
            language=d.get("language"),
            event_id=d.get("event_id"),
            event_kind=d.get("event_kind"),
            previous_status=d.get("previous_status"),
            event=d.get("event"),
            index_month=d.get("index_month"),
        )
