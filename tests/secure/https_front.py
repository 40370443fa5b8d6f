"""A TLS front for the real local OpenSearch, standing in for a secured cluster.

The OpenSearch security plugin (org.opensearch.plugin:opensearch-security) cannot be installed
here: no version of it is served by the Maven Central this workplace reaches (3.6.0.0, 3.8.0.0
and 3.9.0.0 as zip, jar and pom: "Could not find artifact"). So the node's own TLS and
authentication are replaced by this front, which enforces what the plugin would: TLS with a
server certificate from our CA, a client certificate signed by that CA, and HTTP basic auth
(or, in ``sigv4`` mode, a valid AWS SigV4 signature), and forwards every accepted request to
the real engine, so the sink's whole API use (templates, bulk, search) runs for real.
"""

from __future__ import annotations

import asyncio
import base64
import ssl
import threading
from dataclasses import dataclass, field

import aiohttp
from aiohttp import web

from tests.secure.certs import Certs

HOP_HEADERS = {"host", "content-length", "transfer-encoding", "connection", "authorization"}


@dataclass
class Front:
    upstream: str
    certs: Certs
    port: int
    username: str = ""
    password: str = ""
    aws: tuple[str, str, str, str] | None = None  # access key, secret, region, service
    require_client_cert: bool = True
    seen: list[str] = field(default_factory=list)  # "METHOD path status" per request
    signature_checks: list[bool] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def _server_context(self) -> ssl.SSLContext:
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH, cafile=str(self.certs.ca))
        ctx.load_cert_chain(str(self.certs.server_cert), str(self.certs.server_key))
        ctx.verify_mode = ssl.CERT_REQUIRED if self.require_client_cert else ssl.CERT_NONE
        return ctx

    def _authorized(self, request: web.Request, body: bytes) -> bool:
        header = request.headers.get("Authorization", "")
        if self.aws:
            ok = self._sigv4_valid(request, body, header)
            self.signature_checks.append(ok)
            return ok
        want = base64.b64encode(f"{self.username}:{self.password}".encode()).decode()
        return header == f"Basic {want}"

    def _sigv4_valid(self, request: web.Request, body: bytes, header: str) -> bool:
        """Recompute the signature over what arrived (the headers the client says it signed,
        its timestamp, the body) with the shared secret, as the AWS service does."""
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials

        assert self.aws is not None
        key, secret, region, service = self.aws
        if not header.startswith("AWS4-HMAC-SHA256 "):
            return False
        parts = dict(p.strip().split("=", 1) for p in header[len("AWS4-HMAC-SHA256 ") :].split(","))
        if not parts.get("Credential", "").startswith(f"{key}/"):
            return False
        if f"/{region}/{service}/aws4_request" not in parts["Credential"]:
            return False
        signed = parts["SignedHeaders"].split(";")
        headers = {h: request.headers[h] for h in signed if h in request.headers}
        aws_request = AWSRequest(
            method=request.method,
            url=f"{self.url}{request.path_qs}",
            data=body,
            headers=headers,
        )
        amz_date = request.headers.get("X-Amz-Date", "")
        aws_request.context["timestamp"] = amz_date
        signer = SigV4Auth(Credentials(key, secret), service, region)
        canonical = signer.canonical_request(aws_request)
        expected = signer.signature(signer.string_to_sign(aws_request, canonical), aws_request)
        return expected == parts.get("Signature")

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        if not self._authorized(request, body):
            self.seen.append(f"{request.method} {request.path} 401")
            return web.json_response(
                {"error": "Unauthorized", "status": 401},
                status=401,
                headers={"WWW-Authenticate": 'Basic realm="newswatch-test"'},
            )
        headers = {k: v for k, v in request.headers.items() if k.lower() not in HOP_HEADERS}
        async with self._session.request(
            request.method,
            f"{self.upstream}{request.path_qs}",
            data=body or None,
            headers=headers,
        ) as resp:
            payload = await resp.read()
            self.seen.append(f"{request.method} {request.path} {resp.status}")
            # the engine's own headers go back too (X-Elastic-Product is what the elasticsearch
            # client's product check reads); the body was read decoded, so no Content-Encoding
            passed = {
                k: v
                for k, v in resp.headers.items()
                if k.lower() not in HOP_HEADERS | {"content-type", "content-encoding"}
            }
            return web.Response(
                body=payload,
                status=resp.status,
                content_type=resp.content_type,
                headers=passed,
            )

    def start(self) -> None:
        ready = threading.Event()
        self._loop = asyncio.new_event_loop()

        async def main() -> None:
            self._session = aiohttp.ClientSession()
            app = web.Application(client_max_size=100 * 1024 * 1024)
            app.router.add_route("*", "/{tail:.*}", self._handle)
            self._runner = web.AppRunner(app, access_log=None)
            await self._runner.setup()
            site = web.TCPSite(
                self._runner, "127.0.0.1", self.port, ssl_context=self._server_context()
            )
            await site.start()
            ready.set()

        def run() -> None:
            self._loop.run_until_complete(main())
            self._loop.run_forever()

        self._thread = threading.Thread(target=run, daemon=True, name=f"https-front-{self.port}")
        self._thread.start()
        if not ready.wait(30):
            raise RuntimeError("the HTTPS front did not start")

    def stop(self) -> None:
        async def close() -> None:
            await self._runner.cleanup()
            await self._session.close()

        asyncio.run_coroutine_threadsafe(close(), self._loop).result(30)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
