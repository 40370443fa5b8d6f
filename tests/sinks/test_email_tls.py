"""Email targets over STARTTLS and implicit TLS, with AUTH, against real aiosmtpd servers that
present a certificate made for the test by a private CA (``openssl``).

A target trusts the system store, or the PEM bundle in its ``smtp_ca_file``. Most tests point
the system store at the private CA the standard OpenSSL way (``SSL_CERT_FILE``); one gives the
CA through ``smtp_ca_file`` alone; and without either the certificate is refused, so
verification is really on.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import shutil
import ssl
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from tests.conftest import free_port
from tests.sinks.test_delivery_servers import evil_alert, fast
from worker.config import target_settings
from worker.sinks.dispatch import DictStore, Dispatcher
from worker.sinks.targets import DeliveryError, TargetOptions, build_targets

USER, PASSWORD = "newswatch", "s3cret-tls"

# The implicit-TLS server requires AUTH with auth_require_tls=False (aiosmtpd only counts
# STARTTLS as TLS), which aiosmtpd warns about; the connection is TLS from the first byte.
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")


@dataclass
class Certs:
    ca: Path
    cert: Path  # for 127.0.0.1 and localhost
    key: Path
    other_cert: Path  # trusted, but for another host name only
    other_key: Path


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Certs:
    """A private CA, and server certificates signed by it."""
    if shutil.which("openssl") is None:
        pytest.fail("the openssl command is needed to make the test certificates", pytrace=False)
    d = tmp_path_factory.mktemp("tls")

    def run(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=d, check=True, capture_output=True, timeout=60)

    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    run(
        "req", "-x509", *ec, "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
        "-subj", "/CN=newswatch test CA",
        "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign",
    )  # fmt: skip

    def leaf(name: str, san: str) -> None:
        run("req", *ec, "-keyout", f"{name}.key", "-out", f"{name}.csr", "-subj", f"/CN={name}")
        (d / f"{name}.ext").write_text(
            f"subjectAltName={san}\n"
            "basicConstraints=CA:FALSE\n"
            "keyUsage=critical,digitalSignature\n"
            "extendedKeyUsage=serverAuth\n"
        )
        run(
            "x509", "-req", "-in", f"{name}.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
            "-CAcreateserial", "-out", f"{name}.pem", "-days", "2", "-extfile", f"{name}.ext",
        )  # fmt: skip

    leaf("server", "IP:127.0.0.1,DNS:localhost")
    leaf("other", "DNS:mail.other.example")
    return Certs(d / "ca.pem", d / "server.pem", d / "server.key", d / "other.pem", d / "other.key")


@dataclass
class Received:
    """What the server saw for one message: the message, and how it got there."""

    msg: email.message.EmailMessage
    tls_version: str | None
    login: str | None
    mail_from: str
    rcpt_tos: list[str]


@dataclass
class TlsInbox:
    received: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        ssl_obj = server.transport.get_extra_info("ssl_object")
        auth = session.auth_data
        rec = Received(
            email.message_from_bytes(envelope.content, policy=email.policy.default),  # type: ignore[arg-type]
            ssl_obj.version() if ssl_obj is not None else None,
            auth.login.decode() if isinstance(auth, LoginPassword) else None,
            envelope.mail_from,
            list(envelope.rcpt_tos),
        )
        with self.lock:
            self.received.append(rec)
        return "250 OK"

    def snapshot(self) -> list[Received]:
        with self.lock:
            return list(self.received)


def _authenticator(server: Any, session: Any, envelope: Any, mechanism: str, data: Any):
    ok = (
        isinstance(data, LoginPassword)
        and data.login.decode() == USER
        and data.password.decode() == PASSWORD
    )
    return AuthResult(success=ok, handled=False, auth_data=data if ok else None)


def _server_context(certs: Certs) -> ssl.SSLContext:
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(certs.cert, certs.key)
    return ctx


def _serve(**tls: Any):
    """A real aiosmtpd server on a free loopback port that requires AUTH; ``tls`` says how it
    speaks TLS. Yields (port, inbox)."""
    inbox = TlsInbox()
    port = free_port()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=port,
        authenticator=_authenticator,
        auth_required=True,
        **tls,
    )
    controller.start()
    try:
        yield port, inbox
    finally:
        controller.stop()


@pytest.fixture
def starttls_server(certs: Certs):
    """Plain SMTP that offers STARTTLS and refuses mail and AUTH before it."""
    yield from _serve(
        tls_context=_server_context(certs), require_starttls=True, auth_require_tls=True
    )


@pytest.fixture
def tls_server(certs: Certs):
    """SMTP over implicit TLS (SMTPS, port-465 style): TLS from the first byte."""
    # aiosmtpd only counts STARTTLS as TLS; the whole connection is TLS here.
    yield from _serve(ssl_context=_server_context(certs), auth_require_tls=False)


@pytest.fixture
def trust_test_ca(certs: Certs, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Make the default TLS context (the one the email target uses) trust the test CA."""
    monkeypatch.setenv("SSL_CERT_FILE", str(certs.ca))
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    return certs.ca


@pytest.fixture
def system_trust_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)


def target(port: int, security: str, **kw: Any) -> TargetOptions:
    values: dict[str, Any] = dict(
        kind="email",
        smtp_host="127.0.0.1",
        smtp_port=port,
        smtp_security=security,
        username=USER,
        password=PASSWORD,
        sender="Newswatch <alerts@newswatch.example>",
        recipients=["analysts@example.org", "desk@example.org"],
        timeout_s=5,
    )
    values.update(kw)
    return target_settings(**values)


def send(settings: TargetOptions) -> None:
    targets = build_targets({"mail": settings}, fast())
    asyncio.run(targets["mail"].send_alert(evil_alert()))


# ------------------------------------------------------------------------------ delivered


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_delivered_over_tls_with_auth(request, security: str, trust_test_ca: Path):
    port, inbox = request.getfixturevalue(f"{security}_server")
    send(target(port, security))

    (got,) = inbox.snapshot()
    assert got.tls_version is not None and got.tls_version.startswith("TLSv1."), got.tls_version
    assert got.login == USER
    assert got.mail_from == "alerts@newswatch.example"
    assert got.rcpt_tos == ["analysts@example.org", "desk@example.org"]
    assert got.msg["X-Newswatch-Key"] == "tur-rus:0001"
    assert "»S-400«" in got.msg.get_body(("plain",)).get_content()


def test_password_file_secret_over_starttls(starttls_server, trust_test_ca: Path, tmp_path):
    """The password may come from a mounted secret file (``password_file``)."""
    port, inbox = starttls_server
    secret = tmp_path / "smtp-password"
    secret.write_text(PASSWORD + "\n")
    send(target(port, "starttls", password=None, password_file=secret))
    (got,) = inbox.snapshot()
    assert got.login == USER and got.tls_version is not None


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_ca_file_setting_trusts_a_private_ca(request, security: str, certs, system_trust_only):
    """``smtp_ca_file`` alone (no process-wide trust change) is enough for a private CA."""
    port, inbox = request.getfixturevalue(f"{security}_server")
    send(target(port, security, smtp_ca_file=certs.ca))
    (got,) = inbox.snapshot()
    assert got.login == USER and got.tls_version is not None


# ------------------------------------------------------------------------------- refused


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_untrusted_certificate_is_refused(request, security: str, system_trust_only: None):
    """Without the test CA in the trust store the certificate is not accepted: the target
    verifies certificates, it does not just encrypt."""
    port, inbox = request.getfixturevalue(f"{security}_server")
    with pytest.raises(DeliveryError) as info:
        send(target(port, security))
    assert "CERTIFICATE_VERIFY_FAILED" in str(info.value) or "certificate verify failed" in str(
        info.value
    )
    assert PASSWORD not in str(info.value)
    assert inbox.snapshot() == []


def test_host_name_is_checked_against_the_certificate(certs: Certs, trust_test_ca: Path):
    """A certificate from the trusted CA but for another name is refused: the host is checked,
    not only the chain. 'localhost' is in the good certificate, so it is accepted."""
    inbox = TlsInbox()
    port = free_port()
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(certs.other_cert, certs.other_key)
    controller = Controller(inbox, hostname="127.0.0.1", port=port, tls_context=ctx)
    controller.start()
    try:
        with pytest.raises(DeliveryError) as info:
            send(target(port, "starttls", username=None, password=None))
        assert "mismatch" in str(info.value) or "doesn't match" in str(info.value)
        assert inbox.snapshot() == []
    finally:
        controller.stop()


def test_localhost_matches_the_certificate(starttls_server, trust_test_ca: Path):
    port, inbox = starttls_server
    send(target(port, "starttls", smtp_host="localhost"))
    (got,) = inbox.snapshot()
    assert got.tls_version is not None and got.login == USER


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_wrong_password_over_tls_is_permanent(request, security: str, trust_test_ca: Path):
    port, inbox = request.getfixturevalue(f"{security}_server")
    dead: list = []

    async def dead_letter(payload, rej):
        dead.append(rej)

    settings = target(port, security, password="not-the-password")
    d = Dispatcher(
        build_targets({"mail": settings}, fast()),
        fast(),
        default_targets=["mail"],
        dead_letter=dead_letter,
    )
    store = DictStore()
    asyncio.run(d.handle_alert(evil_alert(), store))
    rec = store.keys["tur-rus:0001"]["targets"]["mail"]
    assert rec["status"] == "error" and rec["attempts"] == 1  # not retried
    assert "535" in rec["last_error"] and "not-the-password" not in rec["last_error"]
    assert dead and dead[0].stage == "deliver"
    assert inbox.snapshot() == []


def test_plain_sender_to_a_starttls_only_server_is_refused(starttls_server):
    """``smtp_security: none`` against a server that requires STARTTLS: nothing is sent in
    clear. Without credentials the server refuses the mail (530, permanent); with them the
    client will not send the password in clear and says to use TLS."""
    port, inbox = starttls_server
    with pytest.raises(DeliveryError) as info:
        send(target(port, "none", username=None, password=None))
    assert info.value.permanent
    assert "530" in str(info.value)

    with pytest.raises(DeliveryError) as info:
        send(target(port, "none"))
    assert "STARTTLS" in str(info.value) and PASSWORD not in str(info.value)
    assert inbox.snapshot() == []


def test_starttls_target_against_a_server_without_starttls(trust_test_ca: Path):
    """``smtp_security: starttls`` never falls back to plain text when the server does not
    offer STARTTLS."""
    from tests.sinks.servers import SmtpServer

    server = SmtpServer(free_port(), user=USER, password=PASSWORD).start()
    try:
        with pytest.raises(DeliveryError) as info:
            send(target(server.port, "starttls"))
        assert "STARTTLS" in str(info.value)
        assert server.inbox.snapshot() == []
    finally:
        server.stop()
