"""``newswatch dashboards import|export``: Kibana / OpenSearch Dashboards saved objects."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from worker.cli.setup import command_settings
from worker.config import load_settings
from worker.errors import NewswatchError

out = Console(soft_wrap=True)


def import_objects(
    base_url: str,
    ndjson: str,
    *,
    product: str,
    space: str | None = None,
    overwrite: bool = True,
    auth: tuple[str, str] | None = None,
    timeout: float = 60.0,
) -> dict[str, Any]:
    """``POST /api/saved_objects/_import`` (multipart ``file``). Kibana wants ``kbn-xsrf``,
    OpenSearch Dashboards ``osd-xsrf``; both ignore the other's header, so both are sent."""
    import httpx

    path = f"/s/{space}/api/saved_objects/_import" if space else "/api/saved_objects/_import"
    try:
        resp = httpx.post(
            base_url.rstrip("/") + path,
            params={"overwrite": "true"} if overwrite else None,
            headers={"kbn-xsrf": "newswatch", "osd-xsrf": "true"},
            files={"file": ("newswatch.ndjson", ndjson.encode(), "application/ndjson")},
            auth=auth,
            timeout=timeout,
        )
    except httpx.HTTPError as exc:
        raise NewswatchError(f"{product} at {base_url}: {exc}") from None
    if resp.status_code >= 300:
        raise NewswatchError(
            f"{product} at {base_url} refused the import: HTTP {resp.status_code} {resp.text[:500]}"
        )
    body = resp.json()
    if not body.get("success", False):
        errors = "; ".join(
            f"{e.get('type')}/{e.get('id')}: {e.get('error', {}).get('type')}"
            for e in body.get("errors", [])
        )
        raise NewswatchError(f"{product} imported with errors: {errors}")
    return body


def _import_targets(
    prefix: str, kibana_url: str | None, dashboards_url: str | None
) -> list[tuple[str, str, str]]:
    """(product, base URL, NDJSON) for each product the user named."""
    from worker.dashboards import kibana_objects, opensearch_dashboards_objects, to_ndjson

    targets = []
    if kibana_url:
        targets.append(("Kibana", kibana_url, to_ndjson(kibana_objects(prefix))))
    if dashboards_url:
        objects = opensearch_dashboards_objects(prefix)
        targets.append(("OpenSearch Dashboards", dashboards_url, to_ndjson(objects)))
    return targets


def register(app: typer.Typer) -> None:
    group = typer.Typer(
        help="Kibana / OpenSearch Dashboards saved objects (data views, searches, dashboards).",
        no_args_is_help=True,
    )
    app.add_typer(group, name="dashboards")

    @group.command("import")
    def import_cmd(
        kibana_url: str = typer.Option(
            None, "--kibana-url", help="Kibana base URL, e.g. http://localhost:5601"
        ),
        dashboards_url: str = typer.Option(
            None, "--dashboards-url", help="OpenSearch Dashboards base URL"
        ),
        space: str = typer.Option(None, "--space", help="Kibana space (default space if unset)"),
        overwrite: bool = typer.Option(True, "--overwrite/--no-overwrite"),
    ) -> None:
        """Import the saved objects for the configured index prefix.

        Ids are stable, so re-running overwrites. Basic auth from NEWSWATCH_SEARCH_USERNAME and
        NEWSWATCH_SEARCH_PASSWORD if set."""
        if not kibana_url and not dashboards_url:
            raise typer.BadParameter("give --kibana-url and/or --dashboards-url")
        settings = command_settings()
        auth = None
        if settings.search_username and settings.search_password:
            auth = (settings.search_username, settings.search_password.get_secret_value())
        for product, url, ndjson in _import_targets(
            settings.index_prefix, kibana_url, dashboards_url
        ):
            body = import_objects(
                url,
                ndjson,
                product=product,
                space=space if product == "Kibana" else None,  # spaces are Kibana's
                overwrite=overwrite,
                auth=auth,
            )
            out.print(f"{product}: imported {body.get('successCount', 0)} objects into {url}")

    @group.command("export")
    def export_cmd(
        directory: Path = typer.Option(
            None,
            "--dir",
            help="write here instead of deploy/kibana and deploy/opensearch-dashboards",
        ),
    ) -> None:
        """Write the NDJSON files for the configured index prefix."""
        from worker.dashboards import (
            KIBANA_FILE,
            OSD_FILE,
            kibana_objects,
            opensearch_dashboards_objects,
            to_ndjson,
        )

        prefix = load_settings().index_prefix
        files = {
            KIBANA_FILE if directory is None else directory / "kibana.ndjson": kibana_objects,
            OSD_FILE
            if directory is None
            else directory / "opensearch-dashboards.ndjson": opensearch_dashboards_objects,
        }
        for path, build in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(to_ndjson(build(prefix)), encoding="utf-8")
            out.print(f"wrote {path}")
