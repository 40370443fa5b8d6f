"""Slack incoming webhooks (slack-sdk ``AsyncWebhookClient``) with Block Kit messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar, Literal

import aiohttp
from pydantic import SecretStr
from slack_sdk.webhook.async_client import AsyncWebhookClient

from worker.model import Alert
from worker.sinks.render import Renderer, render_json
from worker.sinks.targets.base import (
    DeliveryError,
    TargetKind,
    TargetOptions,
    TemplatedTarget,
    permanent_status,
)


class SlackOptions(TargetOptions):
    kind: Literal["slack"]
    required: ClassVar[str] = "webhook_url"
    # the incoming-webhook URL (it is the credential)
    webhook_url: SecretStr | None = None
    webhook_url_file: Path | None = None


def render_alert(renderer: Renderer, alert: Alert) -> dict[str, Any]:
    return render_json(renderer.text_env, "slack.json.j2", alert=renderer.slack_context(alert))


def render_digest(renderer: Renderer, digest: dict[str, Any]) -> dict[str, Any]:
    ctx = renderer.digest_context(digest, "slack")
    return render_json(renderer.text_env, "slack_digest.json.j2", digest=ctx)


class SlackTarget(TemplatedTarget):
    kind = "slack"
    alert_body = render_alert
    digest_body = render_digest

    async def deliver(self, payload: dict[str, Any], key: str) -> None:
        await self._post(payload)

    async def _post(self, body: dict[str, Any]) -> None:
        assert self.settings.webhook_url is not None  # checked by SlackOptions
        # No slack-sdk retry handlers: the dispatcher retries (and counts attempts) itself.
        client = AsyncWebhookClient(
            self.settings.webhook_url.get_secret_value(),
            timeout=int(max(1, self.settings.timeout_s)),
            retry_handlers=[],
        )
        try:
            resp = await client.send_dict(body)
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            # The message names the error class only: it can contain the URL, a secret.
            raise DeliveryError(f"slack: {exc.__class__.__name__}") from None
        if resp.status_code == 200:
            return
        permanent = permanent_status(resp.status_code)
        detail = f"slack: HTTP {resp.status_code} {resp.body[:200]}"
        raise DeliveryError(detail, permanent=permanent)


KIND = TargetKind("slack", SlackOptions, SlackTarget)
