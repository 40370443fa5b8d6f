"""HTTP push intake: ``POST /articles`` (one article or a JSON array of them) → raw topic.

Each item is checked at the edge by the same cleaner the worker runs (JSON Schema first, then
size, empty text, dates), so a producer learns *now*, per item, why an article was refused, and
an accepted item is answered with the id the article will carry through the pipeline and the
index. Accepted items are answered only after Kafka acknowledged them (acks=all).

Status codes: 202 (at least one accepted; per-item results in the body), 400 (body not JSON),
401 (missing/wrong bearer token), 413 (body, batch or article too large), 415 (not JSON),
422 (every item rejected; reasons per item, schema errors with the failing JSON path),
503 (Kafka did not acknowledge; retry — ids are stable, so a retry is idempotent).
"""

from __future__ import annotations

import asyncio
import json
import secrets
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from worker import metrics as m
from worker.config import SCHEMAS_DIR, HttpSettings
from worker.errors import Reject
from worker.model import utcnow

# Publishes (key, item) pairs; returns, per pair, None once Kafka acknowledged it, else the
# Reject (this item cannot be sent) or the exception (Kafka did not acknowledge).
Publish = Callable[[list[tuple[bytes, dict[str, Any]]]], Awaitable[list[Exception | None]]]
ORIGIN = "POST /articles"


@dataclass(frozen=True, slots=True)
class Checked:
    """The edge's verdict on one item: ``id`` when accepted, else ``reject``."""

    index: int
    item: Any
    id: str | None = None
    reject: Reject | None = None

    def result(self) -> dict[str, Any]:
        if self.reject is None:
            return {"index": self.index, "id": self.id}
        out = {"index": self.index, "reason": self.reject.reason, "detail": self.reject.detail}
        if self.reject.reason == "schema" and self.reject.detail.startswith("$"):
            out["path"] = self.reject.detail.split(":", 1)[0]
        return out


def check_items(items: Sequence[Any], max_bytes: int, now: datetime) -> list[Checked]:
    """Run the cleaner on each item (pure, CPU-bound: called in a thread)."""
    from worker.transforms.clean import clean

    out = []
    for n, item in enumerate(items):
        if not isinstance(item, dict):
            rej = Reject("http", "schema", f"$: expected an object, got {type(item).__name__}")
            out.append(Checked(n, item, reject=rej))
            continue
        item = {**item, "origin": f"{ORIGIN}[{n}]"}
        size = len(json.dumps(item, ensure_ascii=False).encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            detail = f"the article is {size:,} bytes, limit {max_bytes:,}"
            out.append(Checked(n, item, reject=Reject("http", "too_large", detail)))
            continue
        try:
            article = clean(item, now=now, max_bytes=max_bytes)
        except Reject as rej:
            out.append(Checked(n, item, reject=rej))
        except Exception as exc:  # a cleaner bug: refuse the item, keep serving
            out.append(Checked(n, item, reject=Reject("http", "internal_error", repr(exc)[:300])))
        else:
            out.append(Checked(n, item, id=article.id))
    return out


async def _publish_checked(
    publish: Publish, checked: list[Checked]
) -> tuple[list[Checked], Exception | None]:
    """Publish the accepted items. An item Kafka refuses for itself (too large, not
    encodable) becomes that item's reject; any other failure is returned for a 503."""
    accepted = [c for c in checked if c.reject is None and c.id]
    if not accepted:
        return checked, None
    outcomes = await publish([(c.id.encode(), c.item) for c in accepted if c.id])
    refused: dict[int, Reject] = {}
    for c, outcome in zip(accepted, outcomes, strict=True):
        if isinstance(outcome, Reject):
            refused[c.index] = outcome
        elif outcome is not None:
            return checked, outcome
    out = [
        Checked(c.index, c.item, reject=refused[c.index]) if c.index in refused else c
        for c in checked
    ]
    return out, None


def _error(status: int, error: str, detail: str, **headers: str) -> web.Response:
    return web.json_response({"error": error, "detail": detail}, status=status, headers=headers)


class ArticlePush:
    """``POST /articles``: authenticate, read one article or a batch, check each, publish the
    accepted ones, answer per item."""

    def __init__(self, http: HttpSettings, publish: Publish, *, max_article_bytes: int):
        self.tokens = [t.get_secret_value() for t in http.tokens]
        if not self.tokens:
            raise ValueError("no bearer tokens configured (NEWSWATCH_HTTP__TOKENS)")
        self.publish = publish
        self.max_article_bytes = max_article_bytes
        self.max_request_bytes = http.max_request_bytes
        self.max_batch = http.max_batch

    def authorised(self, request: web.Request) -> bool:
        scheme, _, given = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not given:
            return False
        # compare against every token in constant time: no early exit leaks which one matched
        return any([secrets.compare_digest(given.encode(), t.encode()) for t in self.tokens])

    async def read_items(self, request: web.Request) -> list[Any] | web.Response:
        """The request's articles, or the error response that refuses the whole request."""
        if not self.authorised(request):
            m.HTTP_ARTICLES.labels("unauthorized").inc()
            return _error(
                401,
                "unauthorized",
                "send `Authorization: Bearer <token>` with a configured token",
                **{"WWW-Authenticate": 'Bearer realm="newswatch"'},
            )
        if request.content_type != "application/json":
            return _error(415, "unsupported_media_type", "send application/json")
        try:
            body = await request.read()
        except web.HTTPRequestEntityTooLarge:
            m.HTTP_ARTICLES.labels("too_large").inc()
            return _error(
                413, "too_large", f"the request body is over {self.max_request_bytes:,} bytes"
            )
        try:
            doc = json.loads(body)
        except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
            m.HTTP_ARTICLES.labels("bad_json").inc()
            return _error(400, "bad_json", f"the body is not JSON: {exc}"[:300])
        items = doc if isinstance(doc, list) else [doc]
        if not items:
            return _error(422, "empty", "the batch has no articles")
        if len(items) > self.max_batch:
            m.HTTP_ARTICLES.labels("too_large").inc()
            return _error(413, "too_large", f"{len(items)} articles, limit {self.max_batch}")
        return items

    async def handle(self, request: web.Request) -> web.Response:
        items = await self.read_items(request)
        if isinstance(items, web.Response):
            return items
        checked = await asyncio.to_thread(check_items, items, self.max_article_bytes, utcnow())
        checked, failure = await _publish_checked(self.publish, checked)
        if failure is not None:  # not acknowledged: the producer must retry (ids are stable)
            m.HTTP_ARTICLES.labels("unavailable").inc()
            return _error(
                503,
                "unavailable",
                f"Kafka did not acknowledge: {failure!r}"[:300],
                **{"Retry-After": "5"},
            )
        return answer(checked)


def answer(checked: list[Checked]) -> web.Response:
    """202 if any article was accepted; else 413 if every one was too large; else 422."""
    accepted = [c for c in checked if c.reject is None]
    rejected = [c for c in checked if c.reject is not None]
    m.HTTP_ARTICLES.labels("accepted").inc(len(accepted))
    for c in rejected:
        assert c.reject is not None
        m.HTTP_ARTICLES.labels(c.reject.reason).inc()
    payload = {
        "accepted": [c.result() for c in accepted],
        "rejected": [c.result() for c in rejected],
    }
    if accepted:
        status = 202
    elif all(c.reject and c.reject.reason == "too_large" for c in rejected):
        status = 413
    else:
        status = 422
    return web.json_response(payload, status=status)


def create_http_app(
    http: HttpSettings, publish: Publish, *, max_article_bytes: int
) -> web.Application:
    """The aiohttp application (also what tests and schemathesis run against)."""
    app = web.Application(client_max_size=http.max_request_bytes)
    spec = build_openapi(http)

    async def openapi(request: web.Request) -> web.Response:
        return web.json_response(spec)

    async def healthz(request: web.Request) -> web.Response:
        return web.json_response({"status": "alive"})

    async def metrics_page(request: web.Request) -> web.Response:
        return web.Response(
            body=generate_latest(m.REGISTRY), headers={"Content-Type": CONTENT_TYPE_LATEST}
        )

    app.router.add_post(
        "/articles", ArticlePush(http, publish, max_article_bytes=max_article_bytes).handle
    )
    app.router.add_get("/openapi.json", openapi)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics_page)
    return app


def _response(description: str, schema: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": schema}},
        **extra,
    }


def _openapi_paths(max_batch: int) -> dict[str, Any]:
    ref = {"$ref": "#/components/schemas/ArticleInput"}
    error = {"$ref": "#/components/schemas/Error"}
    push_result = {"$ref": "#/components/schemas/PushResult"}
    resp = _response
    return {
        "/articles": {
            "post": {
                "operationId": "pushArticles",
                "summary": "Push one article or a batch",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "oneOf": [
                                    ref,
                                    {
                                        "type": "array",
                                        "items": ref,
                                        "minItems": 1,
                                        "maxItems": max_batch,
                                    },
                                ]
                            }
                        }
                    },
                },
                "responses": {
                    "202": resp(
                        "At least one article accepted (see `rejected` for the rest).",
                        push_result,
                    ),
                    "400": resp("The body is not JSON.", error),
                    "401": resp(
                        "Missing or wrong bearer token.",
                        error,
                        headers={"WWW-Authenticate": {"schema": {"type": "string"}}},
                    ),
                    "413": resp(
                        "Body, batch or every article too large.",
                        {"oneOf": [error, push_result]},
                    ),
                    "415": resp("The body is not application/json.", error),
                    "422": resp(
                        "Every article was rejected; reasons per item.",
                        {"oneOf": [error, push_result]},
                    ),
                    "503": resp(
                        "Kafka did not acknowledge; retry later (ids are stable).",
                        error,
                        headers={"Retry-After": {"schema": {"type": "integer"}}},
                    ),
                },
            }
        },
        "/healthz": {
            "get": {
                "operationId": "healthz",
                "security": [],
                "responses": {"200": resp("Alive.", {"type": "object"})},
            }
        },
        "/openapi.json": {
            "get": {
                "operationId": "openapi",
                "security": [],
                "responses": {"200": resp("This description.", {"type": "object"})},
            }
        },
    }


def _openapi_components(article: dict[str, Any]) -> dict[str, Any]:
    return {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        "schemas": {
            "ArticleInput": article,
            "Accepted": {
                "type": "object",
                "required": ["index", "id"],
                "properties": {
                    "index": {"type": "integer", "description": "position in the batch"},
                    "id": {"type": "string", "description": "the article's stable id"},
                },
            },
            "Rejected": {
                "type": "object",
                "required": ["index", "reason", "detail"],
                "properties": {
                    "index": {"type": "integer"},
                    "reason": {
                        "type": "string",
                        "description": "code: schema, too_large, empty, no_text, bad_date, …",
                    },
                    "detail": {"type": "string"},
                    "path": {"type": "string", "description": "JSON path of a schema error"},
                },
            },
            "PushResult": {
                "type": "object",
                "required": ["accepted", "rejected"],
                "properties": {
                    "accepted": {
                        "type": "array",
                        "items": {"$ref": "#/components/schemas/Accepted"},
                    },
                    "rejected": {
                        "type": "array",
                        "items": {"$ref": "#/components/schemas/Rejected"},
                    },
                },
            },
            "Error": {
                "type": "object",
                "required": ["error", "detail"],
                "properties": {"error": {"type": "string"}, "detail": {"type": "string"}},
            },
        },
    }


def build_openapi(http: HttpSettings | None = None) -> dict[str, Any]:
    """The OpenAPI 3.1 description of the push API (committed as ``schemas/openapi.json``)."""
    article = json.loads((SCHEMAS_DIR / "article-input.schema.json").read_text("utf-8"))
    article.pop("$schema", None)
    article.pop("$id", None)
    http = http or HttpSettings()
    max_batch, host, port = http.max_batch, http.host, http.port
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "newswatch push intake",
            "version": "1.0.0",
            "description": (
                "Push articles into newswatch. Each article is validated at the edge "
                "(schemas/article-input.schema.json, then the cleaner's checks) and, when "
                "accepted, published to the raw Kafka topic; the answer names the id the "
                "article keeps through the pipeline and the search index."
            ),
        },
        "servers": [{"url": f"http://{host}:{port}"}],
        "security": [{"bearer": []}],
        "paths": _openapi_paths(max_batch),
        "components": _openapi_components(article),
    }
