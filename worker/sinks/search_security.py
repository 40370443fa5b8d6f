"""How newswatch authenticates to the search engine and trusts it: TLS (CA bundle, client
certificate, verification), basic auth, API keys, Elastic Cloud ids and AWS SigV4.

worker/sinks/search.py builds the clients from these pieces (and the engine probe uses the same
TLS context), so the settings ``search_*`` (as one :class:`SearchConnection`) are read in this
one place.
"""

from __future__ import annotations

import logging
import ssl
from typing import Any

from worker.config import SearchConnection
from worker.errors import ConfigError, exception_chain
from worker.tls import client_context

log = logging.getLogger(__name__)


def uses_tls(conn: SearchConnection) -> bool:
    return bool(conn.cloud_id) or conn.url.lower().startswith("https:")


def ssl_context(conn: SearchConnection) -> ssl.SSLContext | None:
    """The TLS context for the engine, or None for a plain-http URL. ``search_verify=false``
    turns all verification off: accepted for a throw-away test cluster, warned about loudly."""
    if not uses_tls(conn):
        return None
    ctx = client_context(
        conn.ca_file,
        conn.cert_file,
        conn.key_file,
        names=(
            "NEWSWATCH_SEARCH_CA_FILE",
            "NEWSWATCH_SEARCH_CERT_FILE",
            "NEWSWATCH_SEARCH_KEY_FILE",
        ),
    )
    if not conn.verify:
        log.warning(
            "NEWSWATCH_SEARCH_VERIFY=false: the search engine's certificate is NOT verified; "
            "anyone on the network path can read and change what newswatch indexes. Use it "
            "for a test cluster only; set NEWSWATCH_SEARCH_CA_FILE instead"
        )
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
    return ctx


def basic_auth(conn: SearchConnection) -> tuple[str, str] | None:
    if conn.username and conn.password:
        return (conn.username, conn.password.get_secret_value())
    return None


def fixed_engine(conn: SearchConnection) -> str | None:
    """The engine implied by the connection, when no probe is needed (or possible: a SigV4
    endpoint would need a signed probe, an Elastic Cloud id is no URL)."""
    if conn.engine != "auto":
        return conn.engine
    if conn.cloud_id:
        return "elasticsearch"
    if conn.aws_region:
        return "opensearch"
    return None


def aws_signer(conn: SearchConnection) -> Any:
    """opensearch-py's own SigV4 signer over the standard AWS credential chain (environment,
    shared files, SSO, container and instance roles), resolved by botocore."""
    try:
        import botocore.session
    except ImportError:
        raise ConfigError(
            "NEWSWATCH_SEARCH_AWS_REGION is set but botocore is not installed; install the "
            "extra: pip install 'newswatch[aws]'"
        ) from None
    from opensearchpy import AWSV4SignerAsyncAuth

    credentials = botocore.session.Session().get_credentials()
    if credentials is None:
        raise ConfigError(
            "NEWSWATCH_SEARCH_AWS_REGION is set but no AWS credentials were found (environment "
            "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, ~/.aws, or an instance/pod role)"
        )
    return AWSV4SignerAsyncAuth(credentials, conn.aws_region, conn.aws_service)


def opensearch_kwargs(conn: SearchConnection) -> dict[str, Any]:
    """Arguments for ``opensearchpy.AsyncOpenSearch``."""
    kwargs: dict[str, Any] = {"hosts": [conn.url]}
    if conn.aws_region:
        from opensearchpy import AsyncHttpConnection

        kwargs["http_auth"] = aws_signer(conn)
        # The default async connection only knows basic auth; this one calls the signer for
        # every request (method, URL, body) as SigV4 needs.
        kwargs["connection_class"] = AsyncHttpConnection
    else:
        kwargs["http_auth"] = basic_auth(conn)
    ctx = ssl_context(conn)
    if ctx is not None:
        kwargs["ssl_context"] = ctx
    return kwargs


def elasticsearch_kwargs(conn: SearchConnection) -> dict[str, Any]:
    """Arguments for ``elasticsearch.AsyncElasticsearch``."""
    kwargs: dict[str, Any] = {}
    if conn.cloud_id:
        kwargs["cloud_id"] = conn.cloud_id
    else:
        kwargs["hosts"] = [conn.url]
    if conn.api_key:
        kwargs["api_key"] = conn.api_key.get_secret_value()
    elif auth := basic_auth(conn):
        kwargs["basic_auth"] = auth
    ctx = ssl_context(conn)
    if ctx is not None:
        kwargs["ssl_context"] = ctx
    return kwargs


def explain(exc: BaseException, conn: SearchConnection, status: int | None = None) -> str | None:
    """A sentence naming the setting to fix when ``exc`` is a TLS or authentication failure
    (``status``: the HTTP status the engine answered, if any), else None."""
    where = (conn.cloud_id and "Elastic Cloud") or conn.url
    text = " ".join(str(e) for e in exception_chain(exc))
    if any(isinstance(e, ssl.SSLCertVerificationError) for e in exception_chain(exc)) or (
        "CERTIFICATE_VERIFY_FAILED" in text
    ):
        trusted = (
            f"NEWSWATCH_SEARCH_CA_FILE={conn.ca_file}" if conn.ca_file else "the system trust store"
        )
        return (
            f"the search engine at {where} presented a certificate that {trusted} does not "
            "trust; set NEWSWATCH_SEARCH_CA_FILE to the CA that signed it"
        )
    if (
        any(isinstance(e, ssl.SSLError) for e in exception_chain(exc))
        or "certificate required" in text
    ):
        return (
            f"TLS with the search engine at {where} failed ({text[:200]}); if it requires a "
            "client certificate, set NEWSWATCH_SEARCH_CERT_FILE and NEWSWATCH_SEARCH_KEY_FILE"
        )
    chain = exception_chain(exc)
    # TLS 1.3 servers reject a missing client certificate after the handshake, by closing the
    # connection: depending on timing the client sees "disconnected without sending a
    # response" or a read that fails with no message at all.
    silent_close = "disconnected without sending a response" in text or any(
        type(e).__name__ in ("ReadError", "ConnectionResetError") and not str(e).strip(" :")
        for e in chain
    )
    if uses_tls(conn) and not conn.cert_file and silent_close:
        return (
            f"the search engine at {where} closed the TLS connection without answering: it "
            "probably requires a client certificate; set NEWSWATCH_SEARCH_CERT_FILE and "
            "NEWSWATCH_SEARCH_KEY_FILE"
        )
    if status in (401, 403):
        how = (
            "NEWSWATCH_SEARCH_AWS_REGION/SERVICE and the AWS credentials"
            if conn.aws_region
            else "NEWSWATCH_SEARCH_API_KEY"
            if conn.api_key
            else "NEWSWATCH_SEARCH_USERNAME/PASSWORD"
        )
        return f"the search engine at {where} refused the credentials ({how}): HTTP {status}"
    return None
