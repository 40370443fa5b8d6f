"""Slack: an incoming webhook (slack-sdk ``AsyncWebhookClient``), or with a bot token the Web
API (``AsyncWebClient.chat_postMessage``), which can thread event updates under the alert.

Block Kit messages from the templates either way. The webhook cannot thread: it returns no
message ``ts``. With ``bot_token`` and ``channel`` the alert's ``ts`` is kept in its delivery
record and every later report of the event (worker/transforms/events.py) is posted in the
alert's thread: "now reported by 3 outlets; status: agreed".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import SecretStr, model_validator

from worker.model import Alert
from worker.sinks.render import Renderer, render_json
from worker.sinks.targets.base import (
    DeliveryError,
    TargetKind,
    TargetOptions,
    TemplatedTarget,
    permanent_status,
)
from worker.transforms.events import followup_text

SLACK_API = "https://slack.com/api/"


class SlackOptions(TargetOptions):
    kind: Literal["slack"]
    required: ClassVar[str | None] = None  # webhook_url, or bot_token + channel (below)
    # the incoming-webhook URL (it is the credential)
    webhook_url: SecretStr | None = None
    webhook_url_file: Path | None = None
    # Web API (threads event updates): a bot token with chat:write, and the channel id
    bot_token: SecretStr | None = None
    bot_token_file: Path | None = None
    channel: str | None = None
    api_url: str = SLACK_API  # the Web API base (tests point it at a local server)

    @model_validator(mode="after")
    def _webhook_or_bot(self) -> SlackOptions:
        if self.bot_token is not None:
            if not self.channel:
                raise ValueError("a slack target with bot_token needs channel (e.g. C0123ABCD)")
        elif self.webhook_url is None:
            raise ValueError("a slack target needs webhook_url, or bot_token and channel")
        return self


def render_alert(renderer: Renderer, alert: Alert) -> dict[str, Any]:
    return render_json(renderer.text_env, "slack.json.j2", alert=renderer.slack_context(alert))


def render_digest(renderer: Renderer, digest: dict[str, Any]) -> dict[str, Any]:
    ctx = renderer.digest_context(digest, "slack")
    return render_json(renderer.text_env, "slack_digest.json.j2", digest=ctx)


class SlackTarget(TemplatedTarget):
    kind = "slack"
    alert_body = render_alert
    digest_body = render_digest

    def __init__(self, name: str, settings: Any, renderer: Renderer):
        super().__init__(name, settings, renderer)
        # slack-sdk and aiohttp (about a second) load when a Slack target is built, at worker
        # start, rather than when the configuration is read: every command and `--help` read
        # it. The imports in the senders below are then look-ups in sys.modules.
        import slack_sdk.web.async_client
        import slack_sdk.webhook.async_client  # noqa: F401

    async def deliver(self, payload: dict[str, Any], key: str) -> dict[str, Any] | None:
        if self.settings.bot_token is not None:
            resp = await self._post_message(payload)
            return {"ts": resp.get("ts"), "channel": resp.get("channel")}
        await self._post(payload)
        return None

    def can_update(self, record: dict[str, Any]) -> bool:
        """A follow-up needs the Web API (a bot token) and the alert's message ``ts``."""
        return self.settings.bot_token is not None and bool(record.get("ts"))

    async def send_update(
        self, alert: Alert, record: dict[str, Any], *, due: bool
    ) -> dict[str, Any] | None:
        """A threaded follow-up under the event's alert; nothing without a bot token or when
        the alert's ``ts`` is unknown (it went out by webhook)."""
        if self.settings.bot_token is None or not record.get("ts") or alert.event is None:
            return None
        text = followup_text(alert.event)
        await self._post_message({"text": text}, thread_ts=record["ts"])
        return {"ts": record["ts"]}

    async def _post_message(
        self, body: dict[str, Any], *, thread_ts: str | None = None
    ) -> dict[str, Any]:
        import aiohttp
        from slack_sdk.errors import SlackApiError
        from slack_sdk.web.async_client import AsyncWebClient

        assert self.settings.bot_token is not None and self.settings.channel
        client = AsyncWebClient(
            token=self.settings.bot_token.get_secret_value(),
            base_url=self.settings.api_url,
            timeout=int(max(1, self.settings.timeout_s)),
            retry_handlers=[],  # the dispatcher retries (and counts attempts) itself
        )
        kwargs: dict[str, Any] = {"channel": self.settings.channel, "text": body.get("text", "")}
        if body.get("blocks"):
            kwargs["blocks"] = body["blocks"]
        if thread_ts:
            kwargs["thread_ts"] = thread_ts
        try:
            resp = await client.chat_postMessage(**kwargs)
        except SlackApiError as exc:
            status = exc.response.status_code
            error = exc.response.get("error") if isinstance(exc.response.data, dict) else None
            # ok=false with HTTP 200 (invalid_auth, channel_not_found ...) cannot be retried away
            permanent = permanent_status(status) or (status == 200 and error != "ratelimited")
            detail = f"slack: HTTP {status} {error or ''}".rstrip()
            raise DeliveryError(detail, permanent=permanent) from None
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            # The message names the error class only: it can contain a URL or a token.
            raise DeliveryError(f"slack: {exc.__class__.__name__}") from None
        return dict(resp.data) if isinstance(resp.data, dict) else {}

    async def _post(self, body: dict[str, Any]) -> None:
        import aiohttp
        from slack_sdk.webhook.async_client import AsyncWebhookClient

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
