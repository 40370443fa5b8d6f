"""Microsoft Teams: an incoming webhook (a Teams Workflows "post to a channel when a webhook
request is received" URL, or a classic connector URL) that receives an Adaptive Card.

The card comes from the templates ``teams.json.j2`` and ``teams_digest.json.j2``. Article text
goes into ``TextRun`` elements, which Teams shows as typed, so a title cannot inject Markdown
links or formatting. A webhook cannot thread: event updates (worker/transforms/events.py) are
sent as a short card of their own when due (status change, or a count in ``update_at``), like
email and webhooks.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import SecretStr

from worker.model import Alert
from worker.sinks.escape import one_line
from worker.sinks.render import Renderer, render_json
from worker.sinks.targets.base import (
    DeliveryError,
    TargetKind,
    TargetOptions,
    TemplatedTarget,
    permanent_status,
)
from worker.transforms.events import followup_text

ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"


class TeamsOptions(TargetOptions):
    kind: Literal["teams"]
    required: ClassVar[str] = "webhook_url"
    # the webhook URL carries its own signature: it is the credential
    webhook_url: SecretStr | None = None
    webhook_url_file: Path | None = None


def render_alert(renderer: Renderer, alert: Alert) -> dict[str, Any]:
    return render_json(renderer.text_env, "teams.json.j2", alert=renderer.text_context(alert))


def render_digest(renderer: Renderer, digest: dict[str, Any]) -> dict[str, Any]:
    ctx = renderer.digest_context(digest, "text")
    return render_json(renderer.text_env, "teams_digest.json.j2", digest=ctx)


def update_card(alert: Alert) -> dict[str, Any]:
    """The follow-up for a later report of an event: its title and the event's counts."""
    text = f"{one_line(alert.title, 200)}: {followup_text(alert.event or {})}"
    card = {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": "1.4",
        "body": [{"type": "RichTextBlock", "inlines": [{"type": "TextRun", "text": text}]}],
    }
    return {
        "type": "message",
        "summary": text,
        "attachments": [{"contentType": ADAPTIVE_CARD, "content": card}],
    }


def _connector_refusal(text: str) -> bool:
    """A classic Office 365 connector answers HTTP 200 even when it refuses the message, with
    a text such as "Webhook message delivery failed with error: … 429"; success is a number
    (usually "1") or nothing."""
    return bool(text) and not text.isdigit()


def _inner_status(text: str) -> int:
    """The HTTP status a connector's refusal text names (429 and 5xx are worth a retry);
    400 when it names none (a malformed or too large card will not pass on a retry)."""
    found = re.findall(r"\b([45]\d\d)\b", text)
    return int(found[-1]) if found else 400


class TeamsTarget(TemplatedTarget):
    kind = "teams"
    alert_body = render_alert
    digest_body = render_digest

    async def deliver(self, payload: dict[str, Any], key: str) -> dict[str, Any] | None:
        assert self.settings.webhook_url is not None  # checked by TeamsOptions
        url = self.settings.webhook_url.get_secret_value()
        import httpx  # here: the configuration loads this module, commands need no client

        try:
            async with httpx.AsyncClient(timeout=self.settings.timeout_s) as client:
                resp = await client.post(url, json=payload)
        except httpx.HTTPError as exc:
            # The class only: the message could quote the URL, which is the credential.
            raise DeliveryError(f"teams: {exc.__class__.__name__}") from None
        from worker.config import mask_secrets_in_text  # config imports the target registry

        status, text = resp.status_code, resp.text.strip()
        if resp.is_success and not _connector_refusal(text):
            return None  # Workflows answer 202 with no body, classic connectors 200 "1"
        inner = _inner_status(text) if resp.is_success else status
        raise DeliveryError(
            f"teams: HTTP {status} {mask_secrets_in_text(text[:200])}",
            permanent=permanent_status(inner),
        )

    async def send_update(
        self, alert: Alert, record: dict[str, Any], *, due: bool
    ) -> dict[str, Any] | None:
        if not due or alert.event is None:
            return None
        await self.deliver(update_card(alert), alert.key)
        return {}


def _build(name: str, options: TeamsOptions, renderer: Renderer) -> TeamsTarget:
    return TeamsTarget(name, options, renderer)


KIND = TargetKind("teams", TeamsOptions, _build)
