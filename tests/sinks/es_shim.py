"""A small HTTP shim that lets the official ``elasticsearch`` client talk to the real OpenSearch.

elasticsearch-py 8/9 refuses any server whose responses lack ``X-Elastic-Product:
Elasticsearch`` (its product check) and sends versioned media types
(``application/vnd.elasticsearch+json; compatible-with=9``) that OpenSearch does not accept.
The shim rewrites exactly those two things and forwards everything else unchanged, so tests
can drive :class:`SearchSink` through the Elasticsearch client against a real engine. It proves
that both clients run the same index code; it does not prove Elasticsearch's own behaviour.
"""

from __future__ import annotations

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx

_VENDOR = re.compile(r"application/vnd\.elasticsearch\+([\w-]+)(;\s*compatible-with=\d+)?")
_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "host"}


class ElasticsearchShim:
    """``with ElasticsearchShim(upstream) as url:`` serves on a free loopback port."""

    def __init__(self, upstream: str):
        self.upstream = upstream.rstrip("/")
        self.requests: list[tuple[str, str]] = []  # (method, path) seen, for assertions
        shim = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:  # keep test output quiet
                pass

            def _forward(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else None
                headers = {
                    k: _VENDOR.sub(r"application/\1", v)
                    for k, v in self.headers.items()
                    if k.lower() not in _HOP
                }
                shim.requests.append((self.command, self.path))
                resp = httpx.request(
                    self.command,
                    shim.upstream + self.path,
                    headers=headers,
                    content=body,
                    timeout=60,
                )
                self.send_response(resp.status_code)
                for k, v in resp.headers.items():
                    if k.lower() not in _HOP and k.lower() != "content-encoding":
                        self.send_header(k, v)
                self.send_header("X-Elastic-Product", "Elasticsearch")
                self.send_header("Content-Length", str(len(resp.content)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(resp.content)

            do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _forward

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> str:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self.url

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
