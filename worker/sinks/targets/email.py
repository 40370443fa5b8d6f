"""Email over SMTP (aiosmtplib): STARTTLS, implicit TLS or plain; optional auth; a text and
an HTML part; a Message-ID derived from the alert key, stable across retries."""

from __future__ import annotations

import hashlib
from email.message import EmailMessage
from email.utils import formatdate
from html import escape as html_escape
from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import Field, SecretStr

from worker.model import Alert
from worker.sinks import escape as esc
from worker.sinks.render import Renderer
from worker.sinks.targets.base import DeliveryError, TargetKind, TargetOptions, TemplatedTarget
from worker.transforms.events import followup_text


class EmailOptions(TargetOptions):
    kind: Literal["email"]
    required: ClassVar[str] = "recipients"
    smtp_host: str = "127.0.0.1"
    smtp_port: int = Field(587, ge=1, le=65535)
    smtp_security: Literal["starttls", "tls", "none"] = "starttls"
    smtp_ca_file: Path | None = Field(
        None, description="PEM bundle to trust for the SMTP server (default: the system's)"
    )
    username: str | None = None
    password: SecretStr | None = None
    password_file: Path | None = None
    sender: str = "newswatch@localhost"
    recipients: list[str] = Field(default_factory=list)


def render_alert(renderer: Renderer, alert: Alert) -> tuple[str, str, str]:
    """(subject, text, html)."""
    text_ctx = renderer.text_context(alert)
    subject = renderer.text_env.get_template("email_subject.txt.j2").render(alert=text_ctx)
    text = renderer.text_env.get_template("email.txt.j2").render(alert=text_ctx)
    html_ctx = renderer.html_context(alert)
    html = renderer.html_env.get_template("email.html.j2").render(alert=html_ctx)
    return esc.one_line(subject, 250), text, html


def render_digest(renderer: Renderer, digest: dict[str, Any]) -> tuple[str, str, str]:
    text_ctx = renderer.digest_context(digest, "text")
    env = renderer.text_env
    subject = env.get_template("email_digest_subject.txt.j2").render(digest=text_ctx)
    text = env.get_template("email_digest.txt.j2").render(digest=text_ctx)
    html = renderer.html_env.get_template("email_digest.html.j2").render(
        digest=renderer.digest_context(digest, "html")
    )
    return esc.one_line(subject, 250), text, html


def render_update(alert: Alert) -> tuple[str, str, str]:
    """(subject, text, html) of an event update: the follow-up line and the latest report."""
    event = alert.event or {}
    line = followup_text(event)
    subject = esc.one_line(f"Update: {alert.title} — {line}", 250)
    outlets = ", ".join(event.get("outlets", []))
    text = (
        f"{line}\n\nLatest report: {alert.title}\n{alert.url or ''}\n\n"
        f"Outlets: {outlets}\nFirst seen: {event.get('first_seen')}\n"
        f"Last seen: {event.get('last_seen')}\nEvent: {alert.event_id}\n"
    )
    html = "".join(
        f"<p>{html_escape(part)}</p>"
        for part in (line, f"Latest report: {alert.title} {alert.url or ''}", f"Outlets: {outlets}")
    )
    return subject, text, html


def message_id(key: str, sender: str) -> str:
    """``<nw.<sha256(key)[:32]>@<sender's domain>>``: the same alert, the same Message-ID, so
    mail systems and clients can fold a repeat."""
    domain = sender.rsplit("@", 1)[-1].strip(" >") or "newswatch.local"
    return f"<nw.{hashlib.sha256(key.encode()).hexdigest()[:32]}@{domain}>"


def build_message(
    settings: EmailOptions, key: str, subject: str, text: str, html: str
) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = settings.sender
    msg["To"] = ", ".join(settings.recipients)
    msg["Date"] = formatdate(usegmt=True)
    msg["Message-ID"] = message_id(key, settings.sender)
    msg["X-Newswatch-Key"] = key
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(text)
    msg.add_alternative(html, subtype="html")
    return msg


class EmailTarget(TemplatedTarget):
    kind = "email"
    alert_body = render_alert
    digest_body = render_digest

    async def deliver(self, payload: tuple[str, str, str], key: str) -> None:
        await self._send(build_message(self.settings, key, *payload))

    async def send_update(
        self, alert: Alert, record: dict[str, Any], *, due: bool
    ) -> dict[str, Any] | None:
        """An update mail when the event's status changed or its count reached one of
        ``update_at``, threaded under the alert's mail (In-Reply-To)."""
        if not due or alert.event is None:
            return None
        subject, text, html = render_update(alert)
        key = f"{alert.key}:update:{alert.event.get('count')}"
        msg = build_message(self.settings, key, subject, text, html)
        parent = message_id(alert.key, self.settings.sender)
        msg["In-Reply-To"] = parent
        msg["References"] = parent
        await self._send(msg)
        return {}

    async def _send(self, msg: EmailMessage) -> None:
        s = self.settings
        import aiosmtplib  # here: the configuration loads this module, commands need no client

        try:
            await aiosmtplib.send(
                msg,
                hostname=s.smtp_host,
                port=s.smtp_port,
                username=s.username,
                password=s.password.get_secret_value() if s.password else None,
                use_tls=s.smtp_security == "tls",
                start_tls=s.smtp_security == "starttls",
                cert_bundle=str(s.smtp_ca_file) if s.smtp_ca_file else None,
                timeout=s.timeout_s,
            )
        except aiosmtplib.SMTPResponseException as exc:
            # 5xx: the server refuses for good (auth, recipient, policy); 4xx: try again later.
            raise DeliveryError(
                f"smtp: {exc.code} {exc.message[:200]}", permanent=500 <= exc.code < 600
            ) from None
        except aiosmtplib.SMTPRecipientsRefused as exc:
            raise DeliveryError(f"smtp: recipients refused ({exc})", permanent=True) from None
        except (TimeoutError, aiosmtplib.SMTPException, OSError) as exc:
            raise DeliveryError(f"smtp: {exc.__class__.__name__}: {exc}") from None


KIND = TargetKind("email", EmailOptions, EmailTarget)
