"""Slack incoming webhooks (slack-sdk ``AsyncWebhookClient``) with Block Kit messages."""

from __future__ import annotations

from typing import Any

import aiohttp
from slack_sdk.webhook.async_client import AsyncWebhookClient

from worker.config import TargetSettings
from worker.model import Alert
from worker.sinks.render import Renderer
from worker.sinks.targets import DeliveryError


class SlackTarget:
    kind = "slack"

    def __init__(self, name: str, settings: TargetSettings, renderer: Renderer):
        self.name = name
        self.settings = settings
        self.renderer = renderer

    async def send_alert(self, alert: Alert) -> None:
        await self._post(self.renderer.slack(alert))

    async def send_digest(self, digest: dict[str, Any]) -> None:
        await self._post(self.renderer.slack_digest(digest))

    async def _post(self, body: dict[str, Any]) -> None:
        assert self.settings.webhook_url is not None  # checked by TargetSettings
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
        permanent = 400 <= resp.status_code < 500 and resp.status_code not in (408, 425, 429)
        detail = f"slack: HTTP {resp.status_code} {resp.body[:200]}"
        raise DeliveryError(detail, permanent=permanent)
