"""How newswatch authenticates to the search engine and trusts it: TLS (CA bundle, client
certificate, verification), basic auth, API keys, Elastic Cloud ids and AWS SigV4.

worker/sinks/search.py builds the clients from these pieces (and the engine probe uses the same
TLS context), so the settings ``search_*`` are read in this one place.
"""

from __future__ import annotations

import logging
import ssl
from typing import Any

from worker.config import Settings
from worker.errors import ConfigError

log = logging.getLogger(__name__)


def uses_tls(settings: Settings) -> bool:
    return bool(settings.search_cloud_id) or settings.search_url.lower().startswith("https:")


def ssl_context(settings: Settings) -> ssl.SSLContext | None:
    """The TLS context for the engine, or None for a plain-http URL. ``search_verify=false``
    turns all verification off: accepted for a throw-away test cluster, warned about loudly."""
    if not uses_tls(settings):
        return None
    ca = settings.search_ca_file
    try:
        ctx = ssl.create_default_context(cafile=str(ca) if ca else None)
    except (OSError, ssl.SSLError) as exc:
        raise ConfigError(
            f"NEWSWATCH_SEARCH_CA_FILE={ca}: not a readable PEM bundle ({exc})"
        ) from None
    if settings.search_cert_file and settings.search_key_file:
        try:
            ctx.load_cert_chain(str(settings.search_cert_file), str(settings.search_key_file))
        except (OSError, ssl.SSLError) as exc:
            raise ConfigError(
                f"NEWSWATCH_SEARCH_CERT_FILE={settings.search_cert_file} / "
                f"NEWSWATCH_SEARCH_KEY_FILE={settings.search_key_file}: cannot load the client "
                f"certificate and key ({exc})"
            ) from None
    if not settings.search_verify:
        log.warning(
            "NEWSWATCH_SEARCH_VERIFY=false: the search engine's certificate is NOT verified; "
            "anyone on the network path can read and change what newswatch indexes. Use it "
            "for a test cluster only; set NEWSWATCH_SEARCH_CA_FILE instead"
        )
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
    return ctx


def basic_auth(settings: Settings) -> tuple[str, str] | None:
    if settings.search_username and settings.search_password:
        return (settings.search_username, settings.search_password.get_secret_value())
    return None


def fixed_engine(settings: Settings) -> str | None:
    """The engine implied by the settings, when no probe is needed (or possible: a SigV4
    endpoint would need a signed probe, an Elastic Cloud id is no URL)."""
    if settings.search_engine != "auto":
        return settings.search_engine
    if settings.search_cloud_id:
        return "elasticsearch"
    if settings.search_aws_region:
        return "opensearch"
    return None


def aws_signer(settings: Settings) -> Any:
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
    return AWSV4SignerAsyncAuth(
        credentials, settings.search_aws_region, settings.search_aws_service
    )


def opensearch_kwargs(settings: Settings) -> dict[str, Any]:
    """Arguments for ``opensearchpy.AsyncOpenSearch``."""
    kwargs: dict[str, Any] = {"hosts": [settings.search_url]}
    if settings.search_aws_region:
        kwargs["http_auth"] = aws_signer(settings)
    else:
        kwargs["http_auth"] = basic_auth(settings)
    ctx = ssl_context(settings)
    if ctx is not None:
        kwargs["ssl_context"] = ctx
    return kwargs


def elasticsearch_kwargs(settings: Settings) -> dict[str, Any]:
    """Arguments for ``elasticsearch.AsyncElasticsearch``."""
    kwargs: dict[str, Any] = {}
    if settings.search_cloud_id:
        kwargs["cloud_id"] = settings.search_cloud_id
    else:
        kwargs["hosts"] = [settings.search_url]
    if settings.search_api_key:
        kwargs["api_key"] = settings.search_api_key.get_secret_value()
    elif auth := basic_auth(settings):
        kwargs["basic_auth"] = auth
    ctx = ssl_context(settings)
    if ctx is not None:
        kwargs["ssl_context"] = ctx
    return kwargs
