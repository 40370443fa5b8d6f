"""What every alert target kind shares: its settings' base model, the protocol, the error."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Protocol

from pydantic import BaseModel, Field, model_validator

from worker.secret_file import read_secret_file

if TYPE_CHECKING:
    from worker.model import Alert
    from worker.sinks.render import Renderer


class DeliveryError(Exception):
    """A delivery attempt failed. ``permanent`` errors (bad credentials, a rejected payload)
    are not retried: retrying cannot fix them, and they go straight to the dead-letter topic."""

    def __init__(self, message: str, *, permanent: bool = False):
        super().__init__(message)
        self.permanent = permanent


def permanent_status(status: int) -> bool:
    """An HTTP refusal that retrying cannot fix (4xx other than timeouts and rate limits)."""
    return 400 <= status < 500 and status not in (408, 425, 429)


class TargetOptions(BaseModel):
    """Settings every kind has. A kind's module subclasses this with ``kind: Literal[...]``,
    its own fields and ``required`` (the field without which it cannot send). Secrets come
    from the environment or from ``<name>_file`` (a path whose content is the secret, e.g. a
    mounted Kubernetes/Docker secret)."""

    model_config = {"extra": "forbid"}

    kind: str
    required: ClassVar[str | None] = None
    template_dir: Path | None = Field(
        None, description="folder whose templates override the bundled ones (same file names)"
    )
    timeout_s: float = Field(10.0, gt=0)
    digest: Literal["window", "hourly", "daily"] = Field(
        "window", description="when throttled alerts are summarised: window end, hourly, daily"
    )
    update_at: list[int] = Field(
        default_factory=list,
        description="events (docs/rules.md): also send an update when an event's report count "
        "reaches one of these, e.g. [3, 10]; status changes always send one. Slack with a bot "
        "token threads every update under the alert instead",
    )

    @model_validator(mode="after")
    def _read_secret_files(self) -> TargetOptions:
        for field in type(self).model_fields:
            if not field.endswith("_file") or field[: -len("_file")] not in type(self).model_fields:
                continue
            name, path = field[: -len("_file")], getattr(self, field)
            if path is not None and getattr(self, name) is None:
                setattr(self, name, read_secret_file(field, path))
        if self.required and not getattr(self, self.required):
            raise ValueError(f"a {self.kind} target needs {self.required}")
        return self


class Target(Protocol):
    name: str
    kind: str
    settings: Any

    async def send_alert(self, alert: Alert) -> None: ...

    async def send_digest(self, digest: dict[str, Any]) -> None: ...


class UpdateTarget(Protocol):
    """A target that can tell people about a later report of an event they were alerted to.
    ``record`` is the target's delivery record of the event's alert (a Slack thread's ``ts``).
    Returns None when this target sends nothing for this update."""

    async def send_update(
        self, alert: Alert, record: dict[str, Any], *, due: bool
    ) -> dict[str, Any] | None: ...


@dataclass(frozen=True)
class TargetKind:
    """One kind's entry in the registry: its settings model and how to build a target.
    ``build(name, options, renderer)``; the renderer carries the target's template folder."""

    name: str
    options: type[TargetOptions]
    build: Callable[[str, Any, Renderer], Target]


class TemplatedTarget:
    """A target that renders alerts and digests with its templates, then delivers the result.
    A kind sets ``kind``, ``alert_body``/``digest_body`` (``(renderer, x) -> payload``) and
    implements ``deliver(payload, key)``, where ``key`` is the alert key or digest id (stable
    across retries, for idempotency)."""

    kind: ClassVar[str]
    alert_body: ClassVar[Callable[[Renderer, Alert], Any]]
    digest_body: ClassVar[Callable[[Renderer, dict[str, Any]], Any]]

    def __init__(self, name: str, settings: Any, renderer: Renderer):
        self.name = name
        self.settings = settings
        self.renderer = renderer

    async def send_alert(self, alert: Alert) -> dict[str, Any] | None:
        """Deliver; a returned dict is kept in the target's delivery record (a Slack ts)."""
        return await self.deliver(type(self).alert_body(self.renderer, alert), alert.key)

    async def send_digest(self, digest: dict[str, Any]) -> None:
        await self.deliver(type(self).digest_body(self.renderer, digest), digest["id"])

    async def deliver(self, payload: Any, key: str) -> dict[str, Any] | None:
        raise NotImplementedError
