"""The search index sink: Elasticsearch 8/9 and OpenSearch 2/3 behind one index logic.

The two engines differ here only in client construction (``elasticsearch.AsyncElasticsearch`` vs
``opensearchpy.AsyncOpenSearch``, plus the one-line adapter :func:`perform` because the two
libraries expose raw requests under different names). Templates, document shapes, ids, bulk
encoding, error classification and retries are shared. The only engine-specific *content* is the
lifecycle policy: ISM on OpenSearch, ILM on Elasticsearch (``schemas/index/*.ism.json`` /
``*.ilm.json``). The engine is taken from configuration or detected from the cluster's root
response (``version.distribution == "opensearch"``).

Indices are monthly, named from the document's own date (``<prefix>-articles-2017.03``), and
document ids are the article id / alert key, so a re-delivered message lands in the same index
and overwrites its document instead of adding a second one. Searches go through the aliases
``<prefix>-articles`` / ``<prefix>-alerts``, which the index templates attach to every index.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import re
import ssl
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import quote

import httpx

from worker.config import SCHEMAS_DIR, SearchConnection, Settings
from worker.errors import ConfigError, Reject
from worker.model import Alert, TaggedArticle, iso
from worker.sinks import language_analysis, search_security

log = logging.getLogger(__name__)

Engine = Literal["opensearch", "elasticsearch"]
KINDS = ("articles", "alerts")

# Request-level statuses worth waiting out: the engine is busy, restarting, or (401/403) its
# credentials are being fixed. Anything else at request level means the request itself is bad.
TRANSIENT_STATUSES = {401, 403, 408, 409, 429}
# Per-item errors that are about the cluster's state, not the document: retry the item.
TRANSIENT_ITEM_ERRORS = {
    "cluster_block_exception",  # e.g. flood-stage disk watermark (403 on OpenSearch)
    "es_rejected_execution_exception",
    "opensearch_rejected_execution_exception",
    "rejected_execution_exception",
    "circuit_breaking_exception",
    "unavailable_shards_exception",
    "no_shard_available_action_exception",
    "process_cluster_event_timeout_exception",
    "timeout_exception",
}
# One bulk request stays under this many bytes (engines refuse > 100 MB by default, and big
# requests hurt the heap); articles can be up to 2 MB each, so count bytes, not only documents.
MAX_REQUEST_BYTES = 10 * 1024 * 1024
_MONTH = re.compile(r"\d{4}\.(0[1-9]|1[0-2])")


@dataclass
class ItemFailure:
    """A document the engine refused for good (e.g. a mapping conflict)."""

    doc_id: str
    index: str
    status: int
    error_type: str
    reason: str
    source: dict[str, Any]
    origin: Any = None  # the message the document came from, for the dead-letter record


@dataclass
class BulkResult:
    indexed: int = 0
    failures: list[ItemFailure] = field(default_factory=list)
    retryable: list[dict[str, Any]] = field(default_factory=list)
    retry_reasons: list[str] = field(default_factory=list)


# ------------------------------------------------------------------- the engine-specific part


async def detect_engine(
    url: str,
    *,
    auth: tuple[str, str] | None = None,
    timeout: float = 5.0,
    verify: ssl.SSLContext | bool = True,
) -> Engine:
    """Ask the cluster who it is; used when ``search_engine`` is ``auto``.

    An unreachable URL raises the (transient) transport error with the URL in its message; a
    URL that answers but is neither engine raises ``ValueError`` saying so."""
    root = url.rstrip("/") + "/"
    async with httpx.AsyncClient(timeout=timeout, auth=auth, verify=verify) as http:
        try:
            resp = await http.get(root)
        except httpx.TransportError as exc:
            exc.args = (f"cannot reach {root}: {exc or type(exc).__name__}",)
            raise
    resp.raise_for_status()
    try:
        doc = resp.json()
    except ValueError:
        doc = None
    version = doc.get("version") if isinstance(doc, dict) else None
    if not isinstance(version, dict) or "number" not in version:
        ctype = resp.headers.get("content-type", "no content type")
        raise ValueError(
            f"{root} does not look like Elasticsearch or OpenSearch: GET / answered "
            f"{resp.status_code} ({ctype}) without a version number; check NEWSWATCH_SEARCH_URL"
        )
    return "opensearch" if version.get("distribution") == "opensearch" else "elasticsearch"


def make_client(conn: SearchConnection, engine: Engine) -> Any:
    """The only engine-specific code: build the async client (TLS and authentication from
    worker/sinks/search_security.py). Retries are ours (``max_retries=0``) so that backoff and
    backpressure are decided in one place."""
    if engine == "opensearch":
        from opensearchpy import AsyncOpenSearch

        return AsyncOpenSearch(**search_security.opensearch_kwargs(conn), timeout=30, max_retries=0)
    from elasticsearch import AsyncElasticsearch

    return AsyncElasticsearch(
        **search_security.elasticsearch_kwargs(conn), request_timeout=30, max_retries=0
    )


async def perform(
    client: Any,
    method: str,
    path: str,
    *,
    body: Any = None,
    params: dict[str, str] | None = None,
) -> Any:
    """A raw JSON request through either client (for APIs without a shared typed method, such as
    lifecycle policies). The libraries name this differently; that is all that differs."""
    if hasattr(client, "perform_request"):  # elasticsearch-py 8/9
        headers = {"accept": "application/json"}
        if body is not None:
            headers["content-type"] = "application/json"
        resp = await client.perform_request(method, path, params=params, headers=headers, body=body)
        return resp.body
    return await client.transport.perform_request(method, path, params=params, body=body)


# ------------------------------------------------------------------------ error classification


def error_status(exc: BaseException) -> int | None:
    """The HTTP status of an engine error from either client, if it has one."""
    status = getattr(exc, "status_code", None)
    if status is None:  # elasticsearch-py: ApiError.meta.status; httpx: HTTPStatusError
        status = getattr(getattr(exc, "meta", None), "status", None)
    if status is None and isinstance(exc, httpx.HTTPStatusError):
        status = exc.response.status_code
    return status if isinstance(status, int) else None


def is_transient(exc: BaseException) -> bool:
    """True for errors that waiting fixes: engine unreachable, overloaded or restarting."""
    status = error_status(exc)
    if status is not None:
        return status in TRANSIENT_STATUSES or status >= 500
    if isinstance(exc, OSError | asyncio.TimeoutError | httpx.TransportError):
        return True
    transport_errors: list[type[BaseException]] = []
    try:
        from opensearchpy.exceptions import ConnectionError as OpenSearchConnectionError

        transport_errors.append(OpenSearchConnectionError)
    except ImportError:  # pragma: no cover - both clients are dependencies
        pass
    try:
        from elastic_transport import ConnectionError as ElasticConnectionError
        from elastic_transport import ConnectionTimeout as ElasticConnectionTimeout

        transport_errors += [ElasticConnectionError, ElasticConnectionTimeout]
    except ImportError:  # pragma: no cover
        pass
    return isinstance(exc, tuple(transport_errors))


def describe_error(exc: BaseException) -> str:
    """A one-line reason from an engine error of either client."""
    status = error_status(exc)
    info = getattr(exc, "info", None) or getattr(exc, "body", None)
    detail = ""
    if isinstance(info, dict):
        err = info.get("error", info)
        detail = _item_reason(err) if isinstance(err, dict) else str(err)
    detail = detail or str(exc)
    return f"{status} {detail}" if status else f"{type(exc).__name__}: {detail}"


def _item_reason(err: dict[str, Any]) -> str:
    reason = f"{err.get('type', 'error')}: {err.get('reason', '')}".strip()
    cause = err.get("caused_by")
    if isinstance(cause, dict):
        reason += f" (caused by {cause.get('type')}: {cause.get('reason')})"
    return reason


# ----------------------------------------------------------------------------- documents


def load_json(name: str) -> dict[str, Any]:
    return json.loads((SCHEMAS_DIR / "index" / name).read_text())


def article_document(tagged: TaggedArticle, alerts: list[Alert]) -> dict[str, Any]:
    """The index document for an article: the article, its entities as keyword fields for
    filters and dashboards, and the rules/pairs it triggered."""
    a = tagged.article
    doc = a.to_dict()
    doc.update(
        {
            "story_id": a.duplicate_of or a.id,
            "is_duplicate": a.duplicate_of is not None,
            **tagged.ids_by_field(),
            "entities": [
                {
                    "id": e.id,
                    "type": e.type,
                    "name": e.name,
                    "country": e.country,
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
    # the article again under its language's analyser (worker/sinks/language_analysis.py)
    if (own := language_analysis.language_fields(a.language, a.title, a.body)) is not None:
        doc["lang_text"] = own
    return doc


def alert_document(alert: Alert) -> dict[str, Any]:
    doc = alert.to_dict()
    doc["@timestamp"] = doc["published_at"] or doc["matched_at"]
    if alert.pair:
        doc["pair_key"] = "-".join(f"{k}:{v}" for k, v in sorted(alert.pair.items()))
    return doc


def _fill(obj: Any, values: dict[str, str]) -> Any:
    """Replace ``{alias}``-style placeholders in every string of a JSON value."""
    if isinstance(obj, str):
        for k, v in values.items():
            obj = obj.replace("{" + k + "}", v)
        return obj
    if isinstance(obj, list):
        return [_fill(x, values) for x in obj]
    if isinstance(obj, dict):
        return {k: _fill(v, values) for k, v in obj.items()}
    return obj


# ------------------------------------------------------------------------------- the sink


class SearchSink:
    """Writes articles and alerts; owns templates and lifecycle policies.

    Use as an async context manager. If the engine cannot be reached to detect its flavour,
    connecting is deferred to the first call, so a worker can start while the engine is down."""

    def __init__(
        self,
        conn: SearchConnection,
        index_prefix: str = "newswatch",
        engine: Engine | None = None,
        *,
        max_request_bytes: int = MAX_REQUEST_BYTES,
    ):
        self.conn = conn
        self.engine: Engine | None = engine or search_security.fixed_engine(conn)
        self.client: Any = None
        self.max_request_bytes = max_request_bytes
        prefix = index_prefix
        self.prefix = prefix
        self.articles_alias = f"{prefix}-articles"
        self.alerts_alias = f"{prefix}-alerts"
        self.lifecycle: dict[str, str] = {}  # kind -> installed | unchanged | unavailable
        # engine plugins that give languages their analysers (read when templates install)
        self.plugins: frozenset[str] = frozenset()

    @classmethod
    def from_settings(cls, settings: Settings, **kwargs: Any) -> SearchSink:
        return cls(settings.search_connection, settings.index_prefix, **kwargs)

    async def __aenter__(self) -> SearchSink:
        await self.connect()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def connect(self) -> None:
        """Build the client; on an unreachable engine with ``auto`` detection, try again later."""
        try:
            await self._client()
        except Exception as exc:
            why = search_security.explain(exc, self.conn, error_status(exc))
            if why:  # a configuration mistake: retrying cannot fix it
                raise ConfigError(why) from None
            if not is_transient(exc):
                raise
            log.warning("search engine not reachable yet (%s); will retry", describe_error(exc))

    async def _client(self) -> Any:
        if self.client is None:
            if self.engine is None:
                ctx = search_security.ssl_context(self.conn)
                self.engine = await detect_engine(
                    self.conn.url,
                    auth=search_security.basic_auth(self.conn),
                    verify=ctx if ctx is not None else True,
                )
            self.client = make_client(self.conn, self.engine)
        return self.client

    async def close(self) -> None:
        if self.client is not None:
            await self.client.close()
            self.client = None

    # -- set-up ---------------------------------------------------------------------------

    def alias(self, kind: str) -> str:
        return f"{self.prefix}-{kind}"

    def component_name(self, logical: str) -> str:
        return f"{self.prefix}-{logical}"

    def index_template(self, kind: str) -> dict[str, Any]:
        """The index template body for ``kind``, with this sink's prefix and lifecycle filled in."""
        body = load_json(f"{kind}.template.json")
        alias = self.alias(kind)
        body["index_patterns"] = [f"{alias}-*"]
        body["composed_of"] = [self.component_name(c) for c in body.get("composed_of", [])]
        template = body.setdefault("template", {})
        template["aliases"] = {alias: {}}
        if self.engine == "elasticsearch" and self.lifecycle.get(kind) != "unavailable":
            # ILM attaches through an index setting; ISM attaches itself via ism_template.
            template.setdefault("settings", {})["index.lifecycle.name"] = alias
        return body

    def component_templates(self) -> dict[str, dict[str, Any]]:
        """``<prefix>-settings`` (shards, refresh, analysis) and one mappings component per kind.

        Engines validate each component on its own, so a mappings component that names the
        custom analyzers must define them too: the analysis block is copied in from the
        settings file (one source of truth, no duplication in the files)."""
        settings = load_json("settings.component.json")
        analysis = settings["template"]["settings"]["analysis"]
        out = {self.component_name("settings"): settings}
        for kind in KINDS:
            body = load_json(f"{kind}.component.json")
            body["template"].setdefault("settings", {})["analysis"] = analysis
            if kind == "articles":
                self._add_language_fields(body)
            out[self.component_name(f"{kind}-mappings")] = body
        return out

    def _add_language_fields(self, body: dict[str, Any]) -> None:
        """Articles only: ``lang_text`` and its analysers (worker/sinks/language_analysis.py),
        kept out of the shared settings so alert indices do not carry the name tables."""
        languages = language_analysis.analysis(self.plugins)
        base = body["template"]["settings"]["analysis"]
        body["template"]["settings"]["analysis"] = {
            **base,
            "filter": {**base.get("filter", {}), **languages["filter"]},
            "analyzer": {**base["analyzer"], **languages["analyzer"]},
        }
        mappings = body["template"]["mappings"]
        mappings["properties"]["lang_text"] = language_analysis.mapping()
        mappings["_source"] = {"excludes": ["lang_text"]}  # derived: indexed, not stored again

    def lifecycle_policy(self, kind: str) -> tuple[str, dict[str, Any]]:
        """(path, body) of the lifecycle policy for ``kind`` on this engine. The body carries a
        fingerprint of its content, so start-up can tell "already installed" from "changed"
        without comparing against the fields each engine adds to a stored policy."""
        alias = self.alias(kind)
        if self.engine == "opensearch":
            body = _fill(load_json(f"{kind}.ism.json"), {"alias": alias})
            mark = f"[newswatch {_fingerprint(body)}]"
            body["policy"]["description"] = f"{body['policy'].get('description', '')} {mark}"
            return f"/_plugins/_ism/policies/{alias}", body
        body = load_json(f"{kind}.ilm.json")
        body["policy"].setdefault("_meta", {})["newswatch_fingerprint"] = _fingerprint(body)
        return f"/_ilm/policy/{alias}", body

    async def ensure_templates(self) -> None:
        """Install lifecycle policies, component and index templates, and add new fields to
        existing indices. Idempotent: unchanged policies are left alone (no version churn), and
        a PUT of an identical template is a no-op. Raises on engine errors (the caller retries),
        and :class:`ConfigError` naming the setting when the engine refuses the credentials or
        the TLS set-up (the first request of a worker whose engine needs no probe)."""
        try:
            await self._install_templates()
        except Exception as exc:
            why = search_security.explain(exc, self.conn, error_status(exc))
            if why:
                raise ConfigError(why) from None
            raise

    async def _install_templates(self) -> None:
        client = await self._client()
        self.plugins = await self._language_plugins()
        for kind in KINDS:
            self.lifecycle[kind] = await self._ensure_policy(kind)
        for name, body in self.component_templates().items():
            await client.cluster.put_component_template(name=name, body=body)
        for kind in KINDS:
            await client.indices.put_index_template(
                name=self.alias(kind), body=self.index_template(kind)
            )
        for kind in KINDS:
            await self._update_existing_mappings(kind)

    async def _language_plugins(self) -> frozenset[str]:
        """The plugins of every node (Polish and Ukrainian analysers are plugins). A cluster
        that does not answer (a serverless or restricted one) is taken to have none: those two
        languages then index with the names override only."""
        try:
            found = await perform(await self._client(), "GET", "/_nodes/plugins")
        except Exception as exc:
            if is_transient(exc):
                raise
            log.warning(
                "cannot list the engine's plugins (%s; GET _nodes/plugins needs the cluster "
                "privilege 'monitor'); Polish and Ukrainian text index without their stemmers",
                describe_error(exc),
            )
            return frozenset()
        return language_analysis.plugin_names(found)

    async def _ensure_policy(self, kind: str) -> str:
        client = await self._client()
        path, body = self.lifecycle_policy(kind)
        try:
            current = await perform(client, "GET", path)
        except Exception as exc:
            status = error_status(exc)
            if status in (400, 404, 405, 410) and "no handler found" in str(exc).lower():
                # OpenSearch without the index-management plugin (the local dev node), or an
                # Elasticsearch without ILM (serverless): indices simply have no lifecycle.
                log.warning(
                    "%s lifecycle policies are not available on this cluster (%s); indices "
                    "%s-* are kept until deleted by hand",
                    "ISM" if self.engine == "opensearch" else "ILM",
                    path,
                    self.alias(kind),
                )
                return "unavailable"
            if status != 404:
                raise
            current = None
        params: dict[str, str] | None = None
        if current is not None:
            if _fingerprint_of(body) in json.dumps(current):
                return "unchanged"
            if self.engine == "opensearch":  # ISM updates need optimistic concurrency control
                params = {
                    "if_seq_no": str(current["_seq_no"]),
                    "if_primary_term": str(current["_primary_term"]),
                }
        try:
            await perform(client, "PUT", path, body=body, params=params)
        except Exception as exc:
            if error_status(exc) == 409:  # another worker installed it at the same moment
                return "unchanged"
            raise
        log.info("installed lifecycle policy %s", path)
        return "installed"

    async def _update_existing_mappings(self, kind: str) -> None:
        """Add fields introduced since an index was created (mappings are additive; a changed
        field type cannot be applied in place and is reported, not fatal)."""
        client = await self._client()
        # The file has no lang_text (component_templates adds it): its analysers exist only
        # in indices created from the new template, so an old index could not take it.
        mappings = load_json(f"{kind}.component.json")["template"]["mappings"]
        try:
            await client.indices.put_mapping(
                index=f"{self.alias(kind)}-*",
                body={"properties": mappings["properties"]},
                allow_no_indices=True,
                ignore_unavailable=True,
            )
        except Exception as exc:
            if is_transient(exc):
                raise
            log.warning(
                "existing %s indices keep their old mapping (%s); the template applies to new "
                "months, reindex to change the old ones",
                kind,
                describe_error(exc),
            )

    # -- documents ------------------------------------------------------------------------

    def index_for(self, alias: str, when: datetime | None) -> str:
        """Monthly indices named from the document's own date, never the clock: a re-delivered
        document always maps to the same index, so its id overwrites instead of duplicating."""
        when = when or datetime(1970, 1, 1, tzinfo=UTC)
        return f"{alias}-{when.astimezone(UTC):%Y.%m}"

    def article_action(self, tagged: TaggedArticle, alerts: list[Alert]) -> dict[str, Any]:
        a = tagged.article
        return {
            "_index": self.index_for(self.articles_alias, a.published_at or a.fetched_at),
            "_id": a.id,
            "_source": article_document(tagged, alerts),
        }

    def enriched_action(self, value: Any) -> dict[str, Any]:
        """The bulk action for an enriched-topic message (``{"tagged", "alerts"}``), keeping the
        message as ``_origin`` for the dead-letter record. Raises :class:`Reject` if the
        message cannot be read."""
        from worker.readings import document_reading

        try:
            tagged = TaggedArticle.from_dict(value["tagged"])
            alerts = [Alert.from_dict(a) for a in value.get("alerts", [])]
            action = self.article_action(tagged, alerts)
            reading = document_reading(value.get("reading"), value["tagged"])
            if reading is not None:  # kept for backtests (worker/readings.py)
                action["_source"]["reading"] = reading
            month = value.get("index_month")  # first seen by the dedupe stage (link.py)
            if isinstance(month, str) and _MONTH.fullmatch(month):
                action["_index"] = f"{self.articles_alias}-{month}"
        except Exception as exc:  # any malformed message: the stream must go on
            raise Reject(
                "index", "bad_message", f"cannot build the index document: {exc!r}"
            ) from None
        action["_origin"] = value
        return action

    def alert_action(self, alert: Alert) -> dict[str, Any]:
        return {
            "_index": self.alert_index(alert.document_month()),
            "_id": alert.key,
            "_source": alert_document(alert),
        }

    async def record_delivery(self, alert: Alert, delivery: list[dict[str, Any]]) -> None:
        """Set ``delivery`` (one record per target: status, attempts, delivered_at,
        last_error) on the alert's document by partial update (issue 7). The notifier indexes
        the document before delivery, so it exists; a missing one raises (the caller logs)."""
        index = self.alert_index(alert.document_month())
        client = await self._client()
        await perform(
            client,
            "POST",
            f"/{index}/_update/{quote(alert.key, safe='')}",
            body={"doc": {"delivery": delivery}},
            params={"retry_on_conflict": "3"},
        )

    def alert_index(self, month: str) -> str:
        """The alerts index of ``month`` (``YYYY.MM``, :meth:`Alert.document_month`)."""
        return f"{self.alerts_alias}-{month}"

    async def update_alert(self, key: str, month: str, fields: dict[str, Any]) -> None:
        """Set ``fields`` on the alert document ``key`` (in the index of ``month``, its
        alert's :meth:`~worker.model.Alert.document_month`) by partial update: an event's
        counts, its silence."""
        index = self.alert_index(month)
        client = await self._client()
        await perform(
            client,
            "POST",
            f"/{index}/_update/{quote(key, safe='')}",
            body={"doc": fields},
            params={"retry_on_conflict": "3"},
        )

    # -- writing --------------------------------------------------------------------------

    async def bulk(self, actions: list[dict[str, Any]]) -> BulkResult:
        """Index documents; ``actions`` are ``{"_index", "_id", "_source"[, "_origin"]}`` dicts.

        Returns per-item outcomes: permanent failures (to the dead-letter topic, with the
        engine's reason) and retryable items (overloaded shards, blocks). Request-level errors
        raise, so the caller can back off without committing offsets. Large batches go out as
        several requests of at most ``max_request_bytes``; re-sending a part after an error is
        harmless because writes are by id."""
        result = BulkResult()
        chunk: list[tuple[dict[str, Any], str]] = []
        size = 0
        for act in actions:
            try:
                line = self._encode(act)
            except (TypeError, ValueError) as exc:
                result.failures.append(
                    ItemFailure(
                        act["_id"],
                        act["_index"],
                        0,
                        "serialization",
                        f"document is not JSON: {exc}",
                        act["_source"],
                        act.get("_origin"),
                    )
                )
                continue
            if chunk and size + len(line) > self.max_request_bytes:
                await self._send(chunk, result)
                chunk, size = [], 0
            chunk.append((act, line))
            size += len(line)
        if chunk:
            await self._send(chunk, result)
        return result

    @staticmethod
    def _encode(act: dict[str, Any]) -> str:
        head = json.dumps({"index": {"_index": act["_index"], "_id": act["_id"]}})
        body = json.dumps(act["_source"], ensure_ascii=False, allow_nan=False)
        return f"{head}\n{body}\n"

    async def _send(self, chunk: list[tuple[dict[str, Any], str]], result: BulkResult) -> None:
        client = await self._client()
        resp = await client.bulk(body="".join(line for _, line in chunk))
        if not resp.get("errors"):
            result.indexed += len(chunk)
            return
        for (act, _), item in zip(chunk, resp["items"], strict=True):
            info = next(iter(item.values()))
            status = int(info.get("status", 500))
            if status < 300:
                result.indexed += 1
                continue
            err = info.get("error") or {}
            err_type = err.get("type", "error") if isinstance(err, dict) else "error"
            reason = _item_reason(err) if isinstance(err, dict) else str(err)
            if status == 429 or status >= 500 or err_type in TRANSIENT_ITEM_ERRORS:
                result.retryable.append(act)
                result.retry_reasons.append(f"{status} {reason}")
            else:
                result.failures.append(
                    ItemFailure(
                        act["_id"],
                        act["_index"],
                        status,
                        err_type,
                        reason,
                        act["_source"],
                        act.get("_origin"),
                    )
                )

    # -- reading --------------------------------------------------------------------------

    async def refresh(self) -> None:
        client = await self._client()
        await client.indices.refresh(
            index=f"{self.articles_alias},{self.alerts_alias}",
            allow_no_indices=True,
            ignore_unavailable=True,
        )

    async def count(self, index: str | None = None, query: str | None = None) -> int:
        client = await self._client()
        body = {"query": {"query_string": {"query": query}}} if query else None
        resp = await client.count(index=index or self.articles_alias, body=body)
        return int(resp["count"])

    async def search(
        self,
        query: str,
        *,
        size: int = 10,
        index: str | None = None,
        since: datetime | None = None,
        countries: list[str] | None = None,
    ) -> dict:
        """Lucene ``query`` over the alias, newest first among equal scores; ``since`` and
        ``countries`` are filters (they do not change the score)."""
        client = await self._client()
        filters: list[dict[str, Any]] = []
        if since is not None:
            filters.append({"range": {"@timestamp": {"gte": iso(since)}}})
        if countries:
            filters.append({"terms": {"countries": [c.upper() for c in countries]}})
        return await client.search(
            index=index or self.articles_alias,
            body={
                "query": {
                    "bool": {
                        "must": [{"query_string": {"query": query, "default_field": "*"}}],
                        "filter": filters,
                    }
                },
                "size": size,
                "sort": [
                    {"_score": "desc"},
                    {"@timestamp": {"order": "desc", "missing": "_last"}},
                ],
            },
        )

    # -- reading back (backtests) ----------------------------------------------------------

    @staticmethod
    def _range(since: datetime | None, until: datetime | None) -> dict[str, Any]:
        bounds = {k: iso(v) for k, v in (("gte", since), ("lt", until)) if v is not None}
        return {"range": {"@timestamp": bounds}} if bounds else {"match_all": {}}

    def _dated(
        self, since: datetime | None, until: datetime | None, where: dict[str, Any] | None
    ) -> dict[str, Any]:
        if where is None:
            return self._range(since, until)
        return {"bool": {"filter": [self._range(since, until), where]}}

    async def count_articles(
        self,
        since: datetime | None = None,
        until: datetime | None = None,
        where: dict[str, Any] | None = None,
    ) -> int:
        """Articles (first copies and copies) dated in ``[since, until)`` (and matching the
        query ``where``, if given)."""
        client = await self._client()
        body = {"query": self._dated(since, until, where)}
        resp = await perform(client, "POST", f"/{self.articles_alias}/_count", body=body)
        return int(resp["count"])

    async def scan_articles(
        self,
        since: datetime | None = None,
        until: datetime | None = None,
        *,
        page: int = 1000,
        keep_alive: str = "2m",
        where: dict[str, Any] | None = None,
        exclude: tuple[str, ...] = (),
    ) -> AsyncIterator[dict[str, Any]]:
        """Every article document dated in ``[since, until)`` (and matching the query
        ``where``, if given), oldest first, through a scroll: a point-in-time view of the
        index (documents written after the first page are not seen), with the same REST calls
        on OpenSearch and Elasticsearch. ``exclude``: source fields not to send back."""
        hits = self.scan_article_hits(
            since, until, page=page, keep_alive=keep_alive, where=where, exclude=exclude
        )
        # aclosing: when this generator is closed (a consumer that wraps it in aclosing and
        # stops early), the inner one is closed too, and the scroll deleted on the engine at
        # once instead of at garbage collection.
        async with contextlib.aclosing(hits):
            async for hit in hits:
                yield hit["_source"]

    async def scan_article_hits(
        self,
        since: datetime | None = None,
        until: datetime | None = None,
        *,
        page: int = 1000,
        keep_alive: str = "2m",
        where: dict[str, Any] | None = None,
        exclude: tuple[str, ...] = (),
        include: tuple[str, ...] = (),
        versioned: bool = False,
    ) -> AsyncIterator[dict[str, Any]]:
        """:meth:`scan_articles`, each document as its search hit (``_index``, ``_id``,
        ``_source``; with ``versioned``, also ``_seq_no`` and ``_primary_term``, for an update
        that must not overwrite a newer write: :meth:`update_readings`)."""
        pages = self.scan_article_pages(
            since,
            until,
            page=page,
            keep_alive=keep_alive,
            where=where,
            exclude=exclude,
            include=include,
            versioned=versioned,
        )
        async with contextlib.aclosing(pages):  # see scan_articles
            async for hits in pages:
                for h in hits:
                    yield h

    async def scan_article_pages(
        self,
        since: datetime | None = None,
        until: datetime | None = None,
        *,
        page: int = 1000,
        keep_alive: str = "2m",
        where: dict[str, Any] | None = None,
        exclude: tuple[str, ...] = (),
        include: tuple[str, ...] = (),
        versioned: bool = False,
    ) -> AsyncIterator[list[dict[str, Any]]]:
        """:meth:`scan_article_hits` a page at a time, the next page asked for before this one
        is handed over: a consumer that works on a page off the event loop (``to_thread``)
        has the engine fetch the next one meanwhile. ``include``: the only source fields
        sent back (wildcards allowed), ``exclude``: fields not sent back."""
        client = await self._client()
        body: dict[str, Any] = {
            "query": self._dated(since, until, where),
            "sort": [{"@timestamp": {"order": "asc", "missing": "_last"}}, {"id": "asc"}],
            "size": page,
        }
        if exclude or include:
            body["_source"] = {
                **({"includes": list(include)} if include else {}),
                **({"excludes": list(exclude)} if exclude else {}),
            }
        if versioned:
            body["seq_no_primary_term"] = True
        resp = await perform(
            client,
            "POST",
            f"/{self.articles_alias}/_search",
            body=body,
            params={"scroll": keep_alive},
        )
        scroll_id = resp.get("_scroll_id")
        ahead: asyncio.Task[Any] | None = None
        try:
            while hits := resp["hits"]["hits"]:
                ahead = asyncio.create_task(
                    perform(
                        client,
                        "POST",
                        "/_search/scroll",
                        body={"scroll": keep_alive, "scroll_id": scroll_id},
                    )
                )
                yield hits
                resp, ahead = await ahead, None
                scroll_id = resp.get("_scroll_id", scroll_id)
        finally:
            if ahead is not None:  # the consumer stopped early
                ahead.cancel()
                with contextlib.suppress(BaseException):
                    await ahead
            if scroll_id:
                with contextlib.suppress(Exception):  # it expires on its own anyway
                    await perform(
                        client, "DELETE", "/_search/scroll", body={"scroll_id": [scroll_id]}
                    )

    async def update_readings(self, updates: list[ReadingUpdate]) -> tuple[int, int]:
        """Replace the stored reading (worker/readings.py) of each article document by id, in
        one bulk request, each only if the document is still at the sequence number it was read
        at (a document written since keeps its own, newer reading). Returns (updated, skipped
        because written since); any other item failure raises, naming the document."""
        if not updates:
            return 0, 0
        lines = []
        for u in updates:
            head = {"_index": u.index, "_id": u.id}
            if u.seq_no is not None and u.primary_term is not None:
                head |= {"if_seq_no": u.seq_no, "if_primary_term": u.primary_term}
            lines.append(json.dumps({"update": head}))
            # a script, not a partial document: a partial one merges objects, which would keep
            # relations the new reading no longer has
            script = {"source": "ctx._source.reading = params.r", "params": {"r": u.reading}}
            lines.append(json.dumps({"script": script}, ensure_ascii=False, allow_nan=False))
        client = await self._client()
        resp = await client.bulk(body="\n".join(lines) + "\n")
        updated = skipped = 0
        for u, item in zip(updates, resp["items"], strict=True):
            info = next(iter(item.values()))
            status = int(info.get("status", 500))
            if status < 300:
                updated += 1
            elif status in (404, 409):  # written since it was read, or deleted since
                skipped += 1
            else:
                err = info.get("error") or {}
                reason = _item_reason(err) if isinstance(err, dict) else str(err)
                raise RuntimeError(f"cannot update the reading of {u.index}/{u.id}: {reason}")
        return updated, skipped


@dataclass(frozen=True)
class ReadingUpdate:
    """A new reading for the article document ``index``/``id``, read at ``seq_no`` and
    ``primary_term``."""

    index: str
    id: str
    reading: dict[str, Any]
    seq_no: int | None = None
    primary_term: int | None = None


def _fingerprint(body: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:12]


def _fingerprint_of(body: dict[str, Any]) -> str:
    """The fingerprint :meth:`SearchSink.lifecycle_policy` put into ``body``."""
    policy = body["policy"]
    if "newswatch_fingerprint" in policy.get("_meta", {}):
        return policy["_meta"]["newswatch_fingerprint"]
    return policy["description"].rsplit("[newswatch ", 1)[1].rstrip("]")
