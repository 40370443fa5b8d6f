"""Client TLS contexts for Kafka and the search engine: one way to trust a CA bundle and to
present a client certificate, with errors that name the settings at fault."""

from __future__ import annotations

import ssl
from pathlib import Path

from worker.errors import ConfigError


def client_context(
    ca_file: Path | None,
    cert_file: Path | None,
    key_file: Path | None,
    *,
    names: tuple[str, str, str],
) -> ssl.SSLContext:
    """The system's trust store, or ``ca_file``; the client certificate when both ``cert_file``
    and ``key_file`` are set. ``names`` are the three settings' environment names, for errors."""
    ca_name, cert_name, key_name = names
    try:
        ctx = ssl.create_default_context(cafile=str(ca_file) if ca_file else None)
    except (OSError, ssl.SSLError) as exc:
        raise ConfigError(f"{ca_name}={ca_file}: not a readable PEM bundle ({exc})") from None
    if cert_file and key_file:
        try:
            ctx.load_cert_chain(str(cert_file), str(key_file))
        except (OSError, ssl.SSLError) as exc:
            raise ConfigError(
                f"{cert_name}={cert_file} / {key_name}={key_file}: cannot load the client "
                f"certificate and key ({exc})"
            ) from None
    return ctx
