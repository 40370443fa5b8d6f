"""Email over SMTP (aiosmtplib): STARTTLS, implicit TLS or plain; optional auth; a text and
an HTML part; a Message-ID derived from the alert key, stable across retries."""

from __future__ import annotations

import hashlib
from email.message import EmailMessage
from email.utils import formatdate
from typing import Any

import aiosmtplib

from worker.config import TargetSettings
from worker.model import Alert
from worker.sinks.render import Renderer
from worker.sinks.targets import DeliveryError


def message_id(key: str, sender: str) -> str:
    """``<nw.<sha256(key)[:32]>@<sender's domain>>``: the same alert, the same Message-ID, so
    mail systems and clients can fold a repeat."""
    domain = sender.rsplit("@", 1)[-1].strip(" >") or "newswatch.local"
    return f"<nw.{hashlib.sha256(key.encode()).hexdigest()[:32]}@{domain}>"


def build_message(
    settings: TargetSettings, key: str, subject: str, text: str, html: str
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


class EmailTarget:
    kind = "email"

    def __init__(self, name: str, settings: TargetSettings, renderer: Renderer):
        self.name = name
        self.settings = settings
        self.renderer = renderer

    async def send_alert(self, alert: Alert) -> None:
        subject, text, html = self.renderer.email(alert)
        await self._send(build_message(self.settings, alert.key, subject, text, html))

    async def send_digest(self, digest: dict[str, Any]) -> None:
        subject, text, html = self.renderer.email_digest(digest)
        await self._send(build_message(self.settings, digest["id"], subject, text, html))

    async def _send(self, msg: EmailMessage) -> None:
        s = self.settings
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
