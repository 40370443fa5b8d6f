"""The search index sink: Elasticsearch 8/9 and OpenSearch 2/3 behind one index logic.

The two engines differ here only in client construction (``elasticsearch.AsyncElasticsearch`` vs
``opensearchpy.AsyncOpenSearch``); templates, document shapes, ids, bulk handling and error
classification are shared. The engine is taken from configuration or detected from the cluster's
root response (``version.distribution == "opensearch"``).

Document ids are the article id (articles) and the alert key (alerts), so a re-delivered message
overwrites its document instead of adding a second one.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

import httpx

from worker.config import SCHEMAS_DIR, Settings
from worker.model import Alert, TaggedArticle, iso

log = logging.getLogger(__name__)

Engine = Literal["opensearch", "elasticsearch"]

# Per-item statuses that retrying cannot fix: the document itself is wrong for the mapping.
PERMANENT_ITEM_STATUSES = {400, 404, 409, 413}


@dataclass
class ItemFailure:
    doc_id: str
    index: str
    status: int
    reason: str
    source: dict[str, Any]


@dataclass
class BulkResult:
    indexed: int = 0
    failures: list[ItemFailure] = field(default_factory=list)
    retryable: list[dict[str, Any]] = field(default_factory=list)


def detect_engine(url: str, *, auth: tuple[str, str] | None = None, timeout: float = 5.0) -> Engine:
    """Ask the cluster who it is; used when ``search_engine`` is ``auto``."""
    resp = httpx.get(url.rstrip("/") + "/", auth=auth, timeout=timeout)
    resp.raise_for_status()
    version = resp.json().get("version", {})
    return "opensearch" if version.get("distribution") == "opensearch" else "elasticsearch"


def make_client(settings: Settings, engine: Engine) -> Any:
    """The only engine-specific code: build the async client."""
    auth = None
    if settings.search_username and settings.search_password:
        auth = (settings.search_username, settings.search_password.get_secret_value())
    if engine == "opensearch":
        from opensearchpy import AsyncOpenSearch

        return AsyncOpenSearch(
            hosts=[settings.search_url], http_auth=auth, timeout=30, max_retries=0
        )
    from elasticsearch import AsyncElasticsearch

    kwargs: dict[str, Any] = {"request_timeout": 30, "max_retries": 0}
    if settings.search_api_key:
        kwargs["api_key"] = settings.search_api_key.get_secret_value()
    elif auth:
        kwargs["basic_auth"] = auth
    return AsyncElasticsearch(settings.search_url, **kwargs)


def load_template(name: str) -> dict[str, Any]:
    return json.loads((SCHEMAS_DIR / "index" / f"{name}.template.json").read_text())


def article_document(tagged: TaggedArticle, alerts: list[Alert]) -> dict[str, Any]:
    """The index document for an article: the article, its entities as keyword fields for
    filters and dashboards, and the rules/pairs it triggered."""
    a = tagged.article
    doc = a.to_dict()
    doc.update(
        {
            "story_id": a.duplicate_of or a.id,
            "countries": tagged.countries,
            "people": tagged.people,
            "organizations": tagged.organizations,
            "weapons": tagged.weapons,
            "entities": [
                {
                    "id": e.id,
                    "type": e.type,
                    "name": e.name,
                    "count": e.count,
                    "salience": round(e.salience, 4),
                }
                for e in tagged.entities
            ],
            "rules": sorted({al.rule_id for al in alerts}),
            "alert_keys": [al.key for al in alerts],
            "pairs": sorted(
                {
                    f"{al.pair['recipient']}<-{al.pair['supplier']}"
                    if "recipient" in al.pair
                    else "-".join(sorted(al.pair.values()))
                    for al in alerts
                    if al.pair
                }
            ),
            "@timestamp": iso(a.published_at or a.fetched_at),
        }
    )
    return doc


def alert_document(alert: Alert) -> dict[str, Any]:
    doc = alert.to_dict()
    doc["@timestamp"] = doc["matched_at"]
    if alert.pair:
        doc["pair_key"] = "-".join(f"{k}:{v}" for k, v in sorted(alert.pair.items()))
    return doc


class SearchSink:
    """Writes articles and alerts; owns templates. Use as an async context manager."""

    def __init__(self, settings: Settings, engine: Engine | None = None):
        self.settings = settings
        self.engine: Engine | None = engine or (
            None if settings.search_engine == "auto" else settings.search_engine
        )
        self.client: Any = None
        prefix = settings.index_prefix
        self.articles_alias = f"{prefix}-articles"
        self.alerts_alias = f"{prefix}-alerts"

    async def __aenter__(self) -> SearchSink:
        await self.connect()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def connect(self) -> None:
        if self.engine is None:
            auth = None
            if self.settings.search_username and self.settings.search_password:
                auth = (
                    self.settings.search_username,
                    self.settings.search_password.get_secret_value(),
                )
            self.engine = detect_engine(self.settings.search_url, auth=auth)
        self.client = make_client(self.settings, self.engine)

    async def close(self) -> None:
        if self.client is not None:
            await self.client.close()
            self.client = None

    async def ensure_templates(self) -> None:
        """Install the index templates (idempotent: a PUT of the same body is a no-op)."""
        for kind, alias in (("articles", self.articles_alias), ("alerts", self.alerts_alias)):
            body = load_template(kind)
            body["index_patterns"] = [f"{alias}-*"]
            body.setdefault("template", {})["aliases"] = {alias: {}}
            await self.client.indices.put_index_template(name=alias, body=body)

    def index_for(self, alias: str, when: datetime | None) -> str:
        """Monthly indices named from the document's own date, never the clock: a re-delivered
        document always maps to the same index, so its id overwrites instead of duplicating."""
        when = when or datetime(1970, 1, 1, tzinfo=UTC)
        return f"{alias}-{when:%Y.%m}"

    def article_action(self, tagged: TaggedArticle, alerts: list[Alert]) -> dict[str, Any]:
        a = tagged.article
        return {
            "_index": self.index_for(self.articles_alias, a.published_at or a.fetched_at),
            "_id": a.id,
            "_source": article_document(tagged, alerts),
        }

    def alert_action(self, alert: Alert) -> dict[str, Any]:
        return {
            "_index": self.index_for(self.alerts_alias, alert.published_at or alert.matched_at),
            "_id": alert.key,
            "_source": alert_document(alert),
        }

    async def bulk(self, actions: list[dict[str, Any]]) -> BulkResult:
        """Index documents; ``actions`` are ``{"_index", "_id", "_source"}`` dicts.

        Returns per-item failures split into permanent ones (to the dead-letter topic) and
        retryable ones (429/5xx: the caller retries them). Request-level errors (engine down)
        raise, so the caller can back off without committing offsets."""
        if not actions:
            return BulkResult()
        lines: list[dict[str, Any]] = []
        for act in actions:
            lines.append({"index": {"_index": act["_index"], "_id": act["_id"]}})
            lines.append(act["_source"])
        resp = await self.client.bulk(body=lines)
        result = BulkResult()
        if not resp.get("errors"):
            result.indexed = len(actions)
            return result
        for act, item in zip(actions, resp["items"], strict=True):
            info = item.get("index", {})
            status = int(info.get("status", 500))
            if status < 300:
                result.indexed += 1
                continue
            err = info.get("error", {})
            reason = f"{err.get('type', 'error')}: {err.get('reason', '')}".strip()
            if status in PERMANENT_ITEM_STATUSES:
                result.failures.append(
                    ItemFailure(act["_id"], act["_index"], status, reason, act["_source"])
                )
            else:
                result.retryable.append(act)
        return result

    async def refresh(self) -> None:
        await self.client.indices.refresh(index=f"{self.articles_alias},{self.alerts_alias}")

    async def search(self, query: str, *, size: int = 10, index: str | None = None) -> dict:
        return await self.client.search(
            index=index or self.articles_alias,
            body={
                "query": {"query_string": {"query": query, "default_field": "*"}},
                "size": size,
                "sort": [
                    {"_score": "desc"},
                    {"published_at": {"order": "desc", "missing": "_last"}},
                ],
            },
        )
