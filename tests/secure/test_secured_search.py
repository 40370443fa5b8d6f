"""The search sink against an engine that enforces TLS, a client certificate and basic auth
(or AWS SigV4): the real local OpenSearch behind tests/secure/https_front.py (why a front and
not the security plugin: see that module)."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import free_port
from tests.e2e.harness import delete_indices
from tests.secure.certs import Certs
from tests.secure.https_front import Front

pytestmark = pytest.mark.stack


def _settings(front: Front, certs: Certs, **overrides: Any):
    from worker.config import load_settings

    values: dict[str, Any] = {
        "search_url": front.url,
        "search_engine": "auto",
        "search_username": front.username,
        "search_password": front.password,
        "search_ca_file": certs.ca,
        "search_cert_file": certs.client_cert,
        "search_key_file": certs.client_key,
        "index_prefix": f"t{uuid.uuid4().hex[:10]}",
    }
    values.update(overrides)
    return load_settings(**{k: v for k, v in values.items() if v is not None})


async def _index_and_count(settings) -> tuple[str, int]:
    """Through the sink: connect (engine probe), install templates, index one document with
    the engine's own client, count it back."""
    from worker.sinks.search import SearchSink

    async with SearchSink.from_settings(settings) as sink:
        await sink.ensure_templates()
        client = await sink._client()
        index = f"{settings.index_prefix}-probe"
        await client.index(index=index, body={"title": "over TLS"}, refresh=True)
        return sink.engine, await sink.count(index)


def _cleanup(front: Front, prefix: str) -> None:
    delete_indices(front.upstream, prefix)


def test_tls_client_certificate_and_basic_auth(secure_search: Front, certs: Certs) -> None:
    settings = _settings(secure_search, certs)
    try:
        engine, count = asyncio.run(_index_and_count(settings))
    finally:
        _cleanup(secure_search, settings.index_prefix)
    assert (engine, count) == ("opensearch", 1)
    assert any(line.startswith("PUT /_index_template/") for line in secure_search.seen)


def _connect_error(settings) -> str:
    from worker.errors import ConfigError
    from worker.sinks.search import SearchSink

    async def go() -> None:
        async with SearchSink.from_settings(settings) as sink:
            await sink.ensure_templates()

    with pytest.raises(ConfigError) as err:
        asyncio.run(go())
    return str(err.value)


def test_wrong_password_names_the_settings(secure_search: Front, certs: Certs) -> None:
    msg = _connect_error(_settings(secure_search, certs, search_password="wrong-one"))
    assert "refused the credentials (NEWSWATCH_SEARCH_USERNAME/PASSWORD)" in msg
    assert "wrong-one" not in msg and secure_search.password not in msg


def test_untrusted_certificate_names_the_ca_setting(secure_search: Front, certs: Certs) -> None:
    msg = _connect_error(_settings(secure_search, certs, search_ca_file=certs.other_ca))
    assert f"NEWSWATCH_SEARCH_CA_FILE={certs.other_ca} does not trust" in msg


def test_missing_client_certificate_names_the_cert_settings(
    secure_search: Front, certs: Certs
) -> None:
    msg = _connect_error(
        _settings(secure_search, certs, search_cert_file=None, search_key_file=None)
    )
    assert "NEWSWATCH_SEARCH_CERT_FILE" in msg


def test_verify_off_connects_and_warns_loudly(
    secure_search: Front, certs: Certs, caplog: pytest.LogCaptureFixture
) -> None:
    settings = _settings(secure_search, certs, search_ca_file=None, search_verify=False)
    with caplog.at_level(logging.WARNING):
        try:
            _, count = asyncio.run(_index_and_count(settings))
        finally:
            _cleanup(secure_search, settings.index_prefix)
    assert count == 1
    assert any("is NOT verified" in r.getMessage() for r in caplog.records)


@pytest.fixture
def sigv4_front(certs: Certs, stack_ready: None) -> Iterator[Front]:
    from worker.config import load_settings

    front = Front(
        upstream=load_settings().search_url.rstrip("/"),
        certs=certs,
        port=free_port(),
        aws=("AKIDNEWSWATCHTEST", "test-secret-key", "eu-west-1", "es"),
    )
    front.start()
    yield front
    front.stop()


def test_aws_sigv4_requests_are_signed_with_the_chain_credentials(
    sigv4_front: Front, certs: Certs, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The standard chain's first link: the environment (then ~/.aws, SSO, roles...).
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDNEWSWATCHTEST")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "test-secret-key")
    monkeypatch.delenv("AWS_SESSION_TOKEN", raising=False)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    settings = _settings(
        sigv4_front,
        certs,
        search_username=None,
        search_password=None,
        search_aws_region="eu-west-1",
        search_aws_service="es",
    )
    try:
        engine, count = asyncio.run(_index_and_count(settings))
    finally:
        _cleanup(sigv4_front, settings.index_prefix)
    assert (engine, count) == ("opensearch", 1)
    assert len(sigv4_front.signature_checks) >= 3 and all(sigv4_front.signature_checks)

    # A wrong secret signs differently: the front refuses, the error names the AWS settings.
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "not-the-secret")
    sigv4_front.signature_checks.clear()
    msg = _connect_error(_settings(
        sigv4_front, certs, search_username=None, search_password=None,
        search_aws_region="eu-west-1",
    ))  # fmt: skip
    assert "NEWSWATCH_SEARCH_AWS_REGION" in msg
    assert sigv4_front.signature_checks and not any(sigv4_front.signature_checks)


def test_worker_with_refused_search_credentials_stops_naming_them(
    isolated_env: dict[str, str], secure_search: Front, certs: Certs, tmp_path
) -> None:
    import subprocess
    import sys

    from tests.secure.conftest import search_env

    env = {**isolated_env, **search_env(secure_search, certs, password="wrong-one")}
    log = tmp_path / "worker.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "worker", "worker"],
            env=env,
            stdout=out,
            stderr=out,
            cwd=tmp_path,
        )
    try:
        proc.wait(timeout=90)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        pytest.fail(f"the worker kept running:\n{log.read_text()[-3000:]}")
    finally:
        from tests.e2e.harness import delete_topics

        delete_topics(
            isolated_env.get("NEWSWATCH_KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
            isolated_env["NEWSWATCH_APP_ID"],
        )
    text = log.read_text(errors="replace")
    assert proc.returncode != 0
    assert "refused the credentials (NEWSWATCH_SEARCH_USERNAME/PASSWORD)" in text, text[-3000:]
    assert "wrong-one" not in text


@pytest.fixture
def secure_es_front(certs: Certs, stack_ready: None) -> Iterator[Front]:
    """TLS + client certificate + basic auth in front of the Elasticsearch shim: the official
    ``elasticsearch`` client does the handshake and the auth; the shim only lets its product
    check pass against OpenSearch (tests/sinks/es_shim.py)."""
    from tests.sinks.es_shim import ElasticsearchShim
    from worker.config import load_settings

    with ElasticsearchShim(load_settings().search_url) as shim_url:
        front = Front(
            upstream=shim_url.rstrip("/"),
            certs=certs,
            port=free_port(),
            username="newswatch-es",
            password=f"es-{uuid.uuid4().hex}",
        )
        front.start()
        yield front
        front.stop()


def test_elasticsearch_client_over_tls_with_client_certificate_and_basic_auth(
    secure_es_front: Front, certs: Certs
) -> None:
    settings = _settings(secure_es_front, certs, search_engine="elasticsearch")
    try:
        engine, count = asyncio.run(_index_and_count(settings))
    finally:
        delete_indices(load_settings_url(), settings.index_prefix)
    assert (engine, count) == ("elasticsearch", 1)
    assert any(line.startswith("PUT /_index_template/") for line in secure_es_front.seen)


def test_elasticsearch_client_untrusted_certificate_and_wrong_password_are_named(
    secure_es_front: Front, certs: Certs
) -> None:
    settings = _settings(
        secure_es_front, certs, search_engine="elasticsearch", search_ca_file=certs.other_ca
    )
    assert f"NEWSWATCH_SEARCH_CA_FILE={certs.other_ca} does not trust" in _connect_error(settings)
    settings = _settings(
        secure_es_front, certs, search_engine="elasticsearch", search_password="wrong-one"
    )
    msg = _connect_error(settings)
    assert "refused the credentials (NEWSWATCH_SEARCH_USERNAME/PASSWORD)" in msg
    assert "wrong-one" not in msg and secure_es_front.password not in msg


def load_settings_url() -> str:
    from worker.config import load_settings

    return load_settings().search_url
