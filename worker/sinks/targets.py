"""Named alert targets: the protocol every medium implements, its errors, and the factory."""

from __future__ import annotations

from typing import Any, Protocol

from worker.config import DeliverySettings, TargetSettings
from worker.model import Alert


class DeliveryError(Exception):
    """A delivery attempt failed. ``permanent`` errors (bad credentials, a rejected payload)
    are not retried: retrying cannot fix them, and they go straight to the dead-letter topic."""

    def __init__(self, message: str, *, permanent: bool = False):
        super().__init__(message)
        self.permanent = permanent


class Target(Protocol):
    name: str
    kind: str
    settings: TargetSettings

    async def send_alert(self, alert: Alert) -> None: ...

    async def send_digest(self, digest: dict[str, Any]) -> None: ...


def build_target(name: str, ts: TargetSettings, delivery: DeliverySettings) -> Target:
    from worker.sinks.render import Renderer

    renderer = Renderer(ts.template_dir, delivery.kibana_url)
    if ts.kind == "slack":
        from worker.sinks.slack import SlackTarget

        return SlackTarget(name, ts, renderer)
    if ts.kind == "email":
        from worker.sinks.email import EmailTarget

        return EmailTarget(name, ts, renderer)
    from worker.sinks.webhook import WebhookTarget

    return WebhookTarget(name, ts)


def build_targets(targets: dict[str, TargetSettings], delivery: DeliverySettings) -> dict:
    """name → Target for every configured target."""
    return {name: build_target(name, ts, delivery) for name, ts in targets.items()}
