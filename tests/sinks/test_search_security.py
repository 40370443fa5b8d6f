"""Search-engine TLS and authentication settings turned into client arguments (pure: the
connections themselves are tested in tests/secure/test_secured_search.py)."""

from __future__ import annotations

import asyncio
import base64
import ssl
from pathlib import Path

import pytest

from tests.secure.certs import Certs, make_certs

# A syntactically valid Elastic Cloud id: "<name>:" + base64("<domain>$<es uuid>$<kibana uuid>").
CLOUD_ID = "newswatch:" + base64.b64encode(b"eu-west-1.aws.found.io$abc123$def456").decode()


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Certs:
    return make_certs(tmp_path_factory.mktemp("certs"))


def _settings(**kw):
    from worker.config import load_settings

    return load_settings(**kw)


def _conn(**kw):
    """The search connection the settings ``kw`` describe (what the adapters take)."""
    return _settings(**kw).search_connection


def test_plain_http_has_no_tls_and_keeps_basic_auth() -> None:
    from worker.sinks import search_security as sec

    s = _conn(search_url="http://127.0.0.1:9200", search_username="u", search_password="p")
    assert sec.ssl_context(s) is None
    assert sec.opensearch_kwargs(s) == {"hosts": ["http://127.0.0.1:9200"], "http_auth": ("u", "p")}
    assert sec.elasticsearch_kwargs(s) == {
        "hosts": ["http://127.0.0.1:9200"],
        "basic_auth": ("u", "p"),
    }
    assert sec.fixed_engine(s) is None  # probed with GET /


def test_https_with_ca_and_client_certificate(certs: Certs) -> None:
    from worker.sinks import search_security as sec

    s = _conn(
        search_url="https://search.example:9200",
        search_api_key="k3y",
        search_ca_file=certs.ca,
        search_cert_file=certs.client_cert,
        search_key_file=certs.client_key,
    )
    ctx = sec.ssl_context(s)
    assert ctx is not None and ctx.verify_mode == ssl.CERT_REQUIRED and ctx.check_hostname
    assert [c["subject"] for c in ctx.get_ca_certs()] == [((("commonName", "ca"),),)]
    kwargs = sec.elasticsearch_kwargs(s)
    assert kwargs["api_key"] == "k3y" and "basic_auth" not in kwargs
    assert isinstance(kwargs["ssl_context"], ssl.SSLContext)


def test_verify_off_is_unverified_and_loud(caplog: pytest.LogCaptureFixture) -> None:
    from worker.sinks import search_security as sec

    s = _conn(search_url="https://search.example:9200", search_verify=False)
    ctx = sec.ssl_context(s)
    assert ctx is not None and ctx.verify_mode == ssl.CERT_NONE and not ctx.check_hostname
    assert "NOT verified" in caplog.text


def test_elastic_cloud_id_replaces_the_url_and_fixes_the_engine() -> None:
    from elasticsearch import AsyncElasticsearch

    from worker.sinks import search_security as sec
    from worker.sinks.search import make_client

    s = _conn(search_cloud_id=CLOUD_ID, search_api_key="k3y")
    assert sec.fixed_engine(s) == "elasticsearch"
    kwargs = sec.elasticsearch_kwargs(s)
    assert kwargs["cloud_id"] == CLOUD_ID and "hosts" not in kwargs
    client = make_client(s, "elasticsearch")  # the real client accepts the id (no request)
    assert isinstance(client, AsyncElasticsearch)
    node = client.transport.node_pool.all()[0].config
    assert (node.scheme, node.host, node.port) == ("https", "abc123.eu-west-1.aws.found.io", 443)
    asyncio.run(client.close())


def test_aws_region_fixes_opensearch_and_needs_credentials(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from worker.errors import ConfigError
    from worker.sinks import search_security as sec

    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    # No shared files, no instance metadata: the chain finds nothing.
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    s = _conn(search_url="https://x.eu-west-1.es.amazonaws.com", search_aws_region="eu-west-1")
    assert sec.fixed_engine(s) == "opensearch"
    with pytest.raises(ConfigError, match="no AWS credentials"):
        sec.opensearch_kwargs(s)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDTEST")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "secret")
    kwargs = sec.opensearch_kwargs(s)
    assert type(kwargs["http_auth"]).__name__ == "AWSV4SignerAsyncAuth"
    assert kwargs["connection_class"].__name__ == "AsyncHttpConnection"


@pytest.mark.parametrize(
    ("kw", "says"),
    [
        ({"search_cert_file": "/etc/hostname"}, "go together"),
        ({"search_ca_file": "/nonexistent.pem"}, "no such file"),
        ({"search_cloud_id": CLOUD_ID, "search_aws_region": "eu-west-1"}, "exclude each other"),
        ({"search_aws_region": "eu-west-1", "search_engine": "elasticsearch"}, "Amazon OpenSearch"),
        ({"search_password_file": "/nonexistent"}, "search_password_file"),
    ],
)
def test_bad_search_security_settings(kw: dict, says: str) -> None:
    from worker.errors import ConfigError

    with pytest.raises(ConfigError, match=says):
        _settings(**kw)


def test_password_file_is_read_and_masked(tmp_path: Path) -> None:
    from worker.config import masked, secret_values

    (tmp_path / "pw").write_text("s3arch-pw\n")
    s = _settings(search_username="u", search_password_file=tmp_path / "pw")
    assert s.search_password.get_secret_value() == "s3arch-pw"
    assert "s3arch-pw" in secret_values(s) and "s3arch-pw" not in str(masked(s))


def test_a_silent_tls_close_without_a_client_certificate_names_the_cert_settings() -> None:
    """TLS 1.3: a server that wants a client certificate closes the connection after the
    handshake; the read fails with no message (a race with the other form, "disconnected
    without sending a response"). Both name the certificate settings; with a certificate
    configured, or on plain http, the same error is just "not reachable" (None)."""
    import httpx

    from worker.sinks import search_security as sec

    def wrapped() -> BaseException:
        try:
            try:
                raise httpx.ReadError("")
            except httpx.ReadError as inner:
                raise ConnectionError("cannot reach https://engine.example:9200/: ") from inner
        except ConnectionError as exc:
            return exc

    msg = sec.explain(wrapped(), _conn(search_url="https://engine.example:9200"))
    assert msg is not None and "NEWSWATCH_SEARCH_CERT_FILE" in msg
    assert sec.explain(wrapped(), _conn(search_url="http://engine.example:9200")) is None
