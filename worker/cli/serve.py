"""``newswatch serve``: the authenticated HTTP push endpoint ``POST /articles``."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import typer
from rich.console import Console

from worker.cli.setup import command_settings
from worker.errors import ConfigError

err = Console(stderr=True, soft_wrap=True)


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve(
        host: str = typer.Option(
            None, "--host", help="bind address (default: NEWSWATCH_HTTP__HOST)"
        ),
        port: int = typer.Option(None, "--port", help="port (default: NEWSWATCH_HTTP__PORT)"),
        openapi: Path = typer.Option(
            None, "--write-openapi", help="write the OpenAPI description to this file and exit"
        ),
    ) -> None:
        """Accept articles pushed over HTTP: POST /articles (one JSON article or an array),
        bearer-token authenticated, validated per item, published to the raw topic. Also serves
        /openapi.json, /healthz and /metrics. Binds to loopback unless told otherwise."""
        from aiohttp import web

        from worker.sources.http import build_openapi, create_http_app
        from worker.sources.outlet import RawOutlet

        settings = command_settings(service=True)
        if openapi is not None:
            openapi.write_text(json.dumps(build_openapi(), indent=2) + "\n", encoding="utf-8")
            err.print(f"wrote {openapi}")
            return
        if not settings.http.tokens:
            raise ConfigError(
                "no bearer tokens: set NEWSWATCH_HTTP__TOKENS='[\"<token>\"]' "
                "or `http: {tokens: [...]}` in NEWSWATCH_CONFIG"
            )
        bind_host = host or settings.http.host
        bind_port = settings.http.port if port is None else port
        outlet = RawOutlet.open(settings)
        http_app = create_http_app(
            settings.http, outlet.send_async, max_article_bytes=settings.max_article_bytes
        )

        async def main() -> None:
            runner = web.AppRunner(http_app, access_log=None)
            await runner.setup()
            site = web.TCPSite(runner, bind_host, bind_port)
            await site.start()
            err.print(
                f"serving POST /articles on http://{bind_host}:{bind_port} → "
                f"{settings.topics.raw} ({len(settings.http.tokens)} token(s))"
            )
            try:
                await asyncio.Event().wait()
            finally:
                await runner.cleanup()

        try:
            asyncio.run(main())
        finally:
            outlet.close()
