"""The Kafka security block and its translation into each client library's arguments (pure:
no broker). The real connections are tested in tests/secure/test_secured_kafka.py."""

from __future__ import annotations

import ssl
from pathlib import Path

import pytest

from tests.secure.certs import Certs, make_certs

P = "NEWSWATCH_KAFKA_SECURITY__"


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Certs:
    return make_certs(tmp_path_factory.mktemp("certs"))


@pytest.fixture
def load(monkeypatch: pytest.MonkeyPatch):
    from worker.config import load_settings

    def _load(**env: str):
        for k, v in env.items():
            monkeypatch.setenv(f"{P}{k.upper()}", v)
        return load_settings()

    return _load


def test_plaintext_is_the_default_everywhere(load) -> None:
    from worker.kafka_security import client_kwargs, faust_kwargs

    s = load()
    assert client_kwargs(s.kafka_connection) == {
        "bootstrap_servers": s.kafka_bootstrap,
        "security_protocol": "PLAINTEXT",
    }
    assert client_kwargs(s.kafka_connection)["security_protocol"] == "PLAINTEXT"
    assert faust_kwargs(s.kafka_connection) == {"broker": f"kafka://{s.kafka_bootstrap}"}


def test_sasl_ssl_with_ca_and_client_certificate(load, certs: Certs) -> None:
    from faust.auth import SASLCredentials
    from faust.types.auth import AuthProtocol

    from worker.kafka_security import client_kwargs, faust_kwargs

    s = load(
        protocol="SASL_SSL",
        sasl_mechanism="SCRAM-SHA-512",
        username="u",
        password="p4ss",
        ca_file=str(certs.ca),
        cert_file=str(certs.client_cert),
        key_file=str(certs.client_key),
    )
    for kwargs in (client_kwargs(s.kafka_connection), client_kwargs(s.kafka_connection)):
        assert kwargs["security_protocol"] == "SASL_SSL"
        assert kwargs["sasl_mechanism"] == "SCRAM-SHA-512"
        assert (kwargs["sasl_plain_username"], kwargs["sasl_plain_password"]) == ("u", "p4ss")
        ctx = kwargs["ssl_context"]
        assert ctx.verify_mode == ssl.CERT_REQUIRED and ctx.check_hostname
        # Only our CA is trusted (not the system store).
        assert [c["subject"] for c in ctx.get_ca_certs()] == [((("commonName", "ca"),),)]
    creds = faust_kwargs(s.kafka_connection)["broker_credentials"]
    assert isinstance(creds, SASLCredentials)
    assert creds.protocol is AuthProtocol.SASL_SSL
    assert creds.mechanism.value == "SCRAM-SHA-512"
    assert creds.ssl_context is not None
    assert "p4ss" not in repr(creds)


def test_ssl_only_and_sasl_plaintext_in_faust(load, certs: Certs, monkeypatch) -> None:
    from faust.auth import SASLCredentials, SSLCredentials
    from faust.types.auth import AuthProtocol

    from worker.kafka_security import faust_kwargs

    s = load(protocol="SSL", ca_file=str(certs.ca), check_hostname="false")
    creds = faust_kwargs(s.kafka_connection)["broker_credentials"]
    assert isinstance(creds, SSLCredentials) and creds.context.check_hostname is False
    monkeypatch.delenv(f"{P}CA_FILE")
    monkeypatch.delenv(f"{P}CHECK_HOSTNAME")
    s = load(protocol="SASL_PLAINTEXT", username="u", password="p")
    creds = faust_kwargs(s.kafka_connection)["broker_credentials"]
    assert isinstance(creds, SASLCredentials) and creds.protocol is AuthProtocol.SASL_PLAINTEXT


def test_every_bootstrap_server_becomes_a_faust_broker_url(load, monkeypatch) -> None:
    from worker.kafka_security import faust_kwargs

    monkeypatch.setenv("NEWSWATCH_KAFKA_BOOTSTRAP", "b1:9092, b2:9093")
    assert faust_kwargs(load().kafka_connection)["broker"] == "kafka://b1:9092;kafka://b2:9093"


def test_password_file_is_read_and_masked(load, tmp_path: Path) -> None:
    from worker.config import masked, secret_values

    (tmp_path / "pw").write_text("from-a-file\n")
    s = load(protocol="SASL_SSL", username="u", password_file=str(tmp_path / "pw"))
    assert s.kafka_security.password.get_secret_value() == "from-a-file"
    assert "from-a-file" in secret_values(s)  # so the log filter masks it
    shown = masked(s)["kafka_security"]
    assert shown["password"] == "********" and "from-a-file" not in str(masked(s))


@pytest.mark.parametrize(
    ("env", "says"),
    [
        ({"protocol": "SASL_SSL", "username": "u"}, "needs username and password"),
        ({"protocol": "SSL", "cert_file": "/nonexistent.pem"}, "cert_file and key_file go"),
        ({"protocol": "SSL", "ca_file": "/nonexistent.pem"}, "ca_file /nonexistent.pem: no such"),
        ({"protocol": "PLAINTEXT", "ca_file": "/etc/hostname"}, "need protocol SSL or SASL_SSL"),
        ({"protocol": "TLS"}, "Input should be"),
        (
            {"protocol": "SASL_SSL", "username": "u", "password_file": "/nonexistent"},
            "password_file",
        ),
    ],
)
def test_bad_settings_name_the_block(load, env: dict[str, str], says: str) -> None:
    from worker.errors import ConfigError

    with pytest.raises(ConfigError) as err:
        load(**env)
    assert "NEWSWATCH_KAFKA_SECURITY" in str(err.value) and says in str(err.value)


def test_explain_names_the_setting(load, certs: Certs) -> None:
    from kafka.errors import SaslAuthenticationFailedError

    from worker.kafka_security import explain

    s = load(protocol="SASL_SSL", username="u", password="p", ca_file=str(certs.ca))
    auth = explain(SaslAuthenticationFailedError("Authentication failed"), s.kafka_connection)
    assert auth and f"{P}USERNAME/PASSWORD" in auth and "refused the SASL credentials" in auth
    bad_cert = ssl.SSLCertVerificationError(1, "certificate verify failed")
    cert = explain(bad_cert, s.kafka_connection)
    assert cert and f"{P}CA_FILE={certs.ca}" in cert and "does not trust" in cert
    assert explain(ConnectionRefusedError(111, "refused"), s.kafka_connection) is None
