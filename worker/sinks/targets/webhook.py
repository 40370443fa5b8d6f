"""Generic JSON webhooks, signed with HMAC-SHA256.

Body: the alert as in ``schemas/alert.schema.json`` (or a digest, ``{"type": "digest", …}``).
Headers:

* ``X-Newswatch-Timestamp``: Unix seconds when the request was signed;
* ``X-Newswatch-Signature``: ``v1=`` + hex HMAC-SHA256 with the target's secret over
  ``f"{timestamp}.".encode() + raw_body``. Receivers recompute it over the raw bytes they
  received, compare in constant time, and reject timestamps older than a few minutes (replay);
* ``Idempotency-Key``: the alert key (or the digest id) — the same on every retry, so a
  receiver can drop a repeat;
* ``X-Newswatch-Event``: ``alert``, ``digest`` or ``update`` (a later report of an event:
  the event's alert with its ``event`` counts, sent on a status change or at the target's
  ``update_at`` counts; ``Idempotency-Key`` is the alert key and the count).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import SecretStr

from worker.model import Alert
from worker.sinks.render import Renderer
from worker.sinks.targets.base import DeliveryError, TargetKind, TargetOptions, permanent_status


class WebhookOptions(TargetOptions):
    kind: Literal["webhook"]
    required: ClassVar[str] = "url"
    url: str | None = None
    # HMAC-SHA256 key for the signature header
    secret: SecretStr | None = None
    secret_file: Path | None = None


def sign(secret: bytes, timestamp: int, body: bytes) -> str:
    """The ``X-Newswatch-Signature`` value for ``body`` sent at ``timestamp``."""
    mac = hmac.new(secret, f"{timestamp}.".encode() + body, hashlib.sha256)
    return "v1=" + mac.hexdigest()


class WebhookTarget:
    kind = "webhook"

    def __init__(self, name: str, settings: WebhookOptions, clock: Any = time.time):
        self.name = name
        self.settings = settings
        self.clock = clock

    async def send_alert(self, alert: Alert) -> None:
        await self._post(alert.to_dict(), "alert", alert.key)

    async def send_digest(self, digest: dict[str, Any]) -> None:
        await self._post({"type": "digest", **digest}, "digest", digest["id"])

    async def send_update(
        self, alert: Alert, record: dict[str, Any], *, due: bool
    ) -> dict[str, Any] | None:
        """``{"type": "update", …alert}`` (``X-Newswatch-Event: update``) when the event's
        status changed or its count reached one of ``update_at``."""
        if not due:
            return None
        count = (alert.event or {}).get("count")
        await self._post({"type": "update", **alert.to_dict()}, "update", f"{alert.key}:{count}")
        return {}

    async def _post(self, payload: dict[str, Any], event: str, idempotency_key: str) -> None:
        assert self.settings.url is not None  # checked by WebhookOptions
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
        ts = int(self.clock())
        headers = {
            "Content-Type": "application/json",
            "Idempotency-Key": idempotency_key,
            "X-Newswatch-Event": event,
            "X-Newswatch-Timestamp": str(ts),
        }
        if self.settings.secret is not None:
            headers["X-Newswatch-Signature"] = sign(
                self.settings.secret.get_secret_value().encode(), ts, body
            )
        import httpx  # here: the configuration loads this module, commands need no client

        try:
            async with httpx.AsyncClient(timeout=self.settings.timeout_s) as client:
                resp = await client.post(self.settings.url, content=body, headers=headers)
        except httpx.HTTPError as exc:
            raise DeliveryError(f"webhook: {exc.__class__.__name__}") from None
        if resp.is_success:
            return
        status = resp.status_code
        raise DeliveryError(
            f"webhook: HTTP {status} {resp.text[:200]}", permanent=permanent_status(status)
        )


def _build(name: str, options: WebhookOptions, renderer: Renderer) -> WebhookTarget:
    return WebhookTarget(name, options)  # the body is the alert's JSON: no templates


KIND = TargetKind("webhook", WebhookOptions, _build)
