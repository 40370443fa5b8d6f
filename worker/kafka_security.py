"""The Kafka security block (``Settings.kafka_security``) as each client library wants it.

newswatch talks to Kafka through three libraries: kafka-python (ingest, poll, serve, rules
publish, the demo, topic admin), aiokafka (the worker's rules follower) and Faust (aiokafka
inside, configured through ``broker_credentials``). Every client creation site calls one of the
functions below, so TLS and SASL are configured in exactly one place.

Errors: :func:`explain` turns a refused login or an untrusted certificate into a sentence that
names the setting to fix; :func:`check_connection` performs one real connection (TLS handshake
and SASL login) so that a command fails within seconds instead of retrying a bad login until
its own timeout.
"""

from __future__ import annotations

import asyncio
import ssl
from typing import Any

from worker.config import KafkaConnection, KafkaSecurity
from worker.errors import ConfigError, exception_chain
from worker.tls import client_context

ENV = "NEWSWATCH_KAFKA_SECURITY__"


def ssl_context(sec: KafkaSecurity) -> ssl.SSLContext | None:
    """The client TLS context (``None`` for PLAINTEXT / SASL_PLAINTEXT): the system's trust
    store, or ``ca_file``; the client certificate when mutual TLS is configured."""
    if not sec.uses_tls:
        return None
    ctx = client_context(
        sec.ca_file,
        sec.cert_file,
        sec.key_file,
        names=(f"{ENV}CA_FILE", f"{ENV}CERT_FILE", f"{ENV}KEY_FILE"),
    )
    # check_hostname must be switched off before verify_mode could be; we only ever relax the
    # name check (a broker reached through an address its certificate does not list), never
    # the chain verification.
    ctx.check_hostname = sec.check_hostname
    return ctx


def _sasl(sec: KafkaSecurity) -> dict[str, Any]:
    if not sec.uses_sasl:
        return {}
    assert sec.password is not None  # the settings model requires it for SASL protocols
    return {
        "sasl_mechanism": sec.sasl_mechanism,
        "sasl_plain_username": sec.username,
        "sasl_plain_password": sec.password.get_secret_value(),
    }


def client_kwargs(kafka: KafkaConnection) -> dict[str, Any]:
    """Arguments for every kafka-python client (KafkaProducer/KafkaConsumer/KafkaAdminClient)
    and every aiokafka one (AIOKafkaConsumer/Producer/AdminClient): both take the same names."""
    sec = kafka.security
    kwargs: dict[str, Any] = {
        "bootstrap_servers": kafka.bootstrap,
        "security_protocol": sec.protocol,
    }
    ctx = ssl_context(sec)
    if ctx is not None:
        kwargs["ssl_context"] = ctx
    return {**kwargs, **_sasl(sec)}


def faust_kwargs(kafka: KafkaConnection) -> dict[str, Any]:
    """``broker`` and ``broker_credentials`` for ``faust.App`` (Faust hands the credentials to
    every aiokafka client it creates: consumer, producer, topic admin)."""
    from faust.auth import SASLCredentials, SSLCredentials

    sec = kafka.security
    servers = ";".join(f"kafka://{s.strip()}" for s in kafka.bootstrap.split(","))
    kwargs: dict[str, Any] = {"broker": servers}
    ctx = ssl_context(sec)
    if sec.uses_sasl:
        assert sec.password is not None
        # Faust derives SASL_SSL from the presence of a context, SASL_PLAINTEXT otherwise.
        kwargs["broker_credentials"] = SASLCredentials(
            username=sec.username,
            password=sec.password.get_secret_value(),
            ssl_context=ctx,
            mechanism=sec.sasl_mechanism,
        )
    elif ctx is not None:
        kwargs["broker_credentials"] = SSLCredentials(ctx)
    return kwargs


def first_server(bootstrap: str) -> tuple[str, int]:
    host, _, port = bootstrap.split(",")[0].strip().rpartition(":")
    return host.strip("[]") or "127.0.0.1", int(port)


# ------------------------------------------------------------------------------ clear errors


def _is_cert_error(exc: BaseException) -> bool:
    seen: set[int] = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        if isinstance(e, ssl.SSLCertVerificationError):
            return True
        if isinstance(e, ssl.SSLError) and "CERTIFICATE_VERIFY_FAILED" in str(e):
            return True
        e = e.__cause__ or e.__context__
    return False


def _is_auth_error(exc: BaseException) -> bool:
    name = type(exc).__name__
    text = str(exc).lower()
    return (
        "Authentication" in name
        or "sasl" in name.lower()
        or "authentication failed" in text
        or "invalid credentials" in text
    )


def explain(exc: BaseException, kafka: KafkaConnection) -> str | None:
    """A sentence naming the setting to fix when ``exc`` is a security failure, else None."""
    sec = kafka.security
    where = kafka.bootstrap
    if _is_cert_error(exc):
        trusted = f"{ENV}CA_FILE={sec.ca_file}" if sec.ca_file else "the system trust store"
        detail = getattr(exc, "verify_message", "") or str(exc)
        return (
            f"Kafka at {where} presented a certificate that {trusted} does not trust "
            f"({detail}); set {ENV}CA_FILE to the CA that signed the brokers' certificates"
            + (f" or check {ENV}CHECK_HOSTNAME" if "hostname" in detail.lower() else "")
        )
    if _is_auth_error(exc):
        return (
            f"Kafka at {where} refused the SASL credentials ({ENV}USERNAME/PASSWORD, "
            f"mechanism {ENV}SASL_MECHANISM={sec.sasl_mechanism}): {exc}"
        )
    text = " ".join(str(e) for e in exception_chain(exc))
    if (
        sec.uses_tls
        and not sec.cert_file
        and ("CERTIFICATE_REQUIRED" in text or "closed" in text.lower())
    ):
        # TLS 1.3: a broker that requires a client certificate accepts the handshake, then
        # closes the connection; the client sees only the close.
        return (
            f"Kafka at {where} closed the TLS connection during set-up: it probably requires a "
            f"client certificate; set {ENV}CERT_FILE and {ENV}KEY_FILE ({text[:200]})"
        )
    if isinstance(exc, ssl.SSLError):
        return (
            f"TLS with Kafka at {where} failed ({exc}); check {ENV}PROTOCOL={sec.protocol} and, "
            f"if the broker wants a client certificate, {ENV}CERT_FILE/KEY_FILE"
        )
    return None


# Configurations already checked by this process (commands check before each client they make).
_checked: set[tuple[str, str, str | None, str | None]] = set()


async def check_connection(kafka: KafkaConnection, timeout: float = 10.0) -> None:
    """One real connection with the configured security (TLS handshake and SASL login) to the
    first bootstrap server that answers. Raises :class:`ConfigError` naming the setting when the
    broker refuses the credentials or its certificate is not trusted. Client libraries log
    these and then retry until their own timeout ("Unable to bootstrap"), which hides the
    reason; this check surfaces it within seconds. An unreachable broker is left to the
    caller's own handling (it is not a configuration error). A no-op for PLAINTEXT."""
    sec = kafka.security
    key = (kafka.bootstrap, sec.protocol, sec.username, str(sec.ca_file))
    if sec.protocol == "PLAINTEXT" or key in _checked:
        return
    from aiokafka.conn import create_conn

    kwargs = client_kwargs(kafka)
    kwargs.pop("bootstrap_servers")
    for server in kafka.bootstrap.split(","):
        host, port = first_server(server)
        try:
            conn = await asyncio.wait_for(
                create_conn(
                    host,
                    port,
                    client_id="newswatch-check",
                    request_timeout_ms=int(timeout * 1000),
                    **kwargs,
                ),
                timeout,
            )
        except Exception as exc:  # a security failure is fatal; anything else: next server
            why = explain(exc, kafka)
            if why:
                raise ConfigError(why) from None
            continue
        conn.close()
        _checked.add(key)
        return


def check_connection_sync(kafka: KafkaConnection, timeout: float = 10.0) -> None:
    """:func:`check_connection` for the synchronous commands (ingest, poll, serve, rules
    publish, the worker before Faust starts)."""
    if kafka.security.protocol == "PLAINTEXT":
        return
    asyncio.run(check_connection(kafka, timeout))
