"""``newswatch dashboards import`` against a local HTTP server standing in for Kibana's
saved-objects import endpoint: checks the request we send (path, xsrf header, overwrite,
multipart file) and how answers are reported. It does not prove Kibana accepts the objects."""

from __future__ import annotations

import json
import subprocess
import sys

from werkzeug import Request, Response

from worker.dashboards import kibana_objects, opensearch_dashboards_objects, to_ndjson


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "worker", "dashboards", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_import_posts_ndjson_to_kibana_and_opensearch_dashboards(httpserver):
    seen: dict[str, Request] = {}

    def handler(request: Request) -> Response:
        product = "kibana" if request.path.startswith("/s/") else "osd"
        seen[product] = request
        upload = request.files["file"].read().decode()
        count = len(upload.splitlines())
        return Response(json.dumps({"success": True, "successCount": count}), 200)

    httpserver.expect_request(
        "/s/ops/api/saved_objects/_import", method="POST"
    ).respond_with_handler(handler)
    httpserver.expect_request("/api/saved_objects/_import", method="POST").respond_with_handler(
        handler
    )
    url = httpserver.url_for("/").rstrip("/")
    proc = _cli("import", "--kibana-url", url, "--dashboards-url", url, "--space", "ops")
    assert proc.returncode == 0, proc.stderr
    kib, osd = seen["kibana"], seen["osd"]
    assert kib.headers["kbn-xsrf"] and osd.headers["osd-xsrf"]
    assert kib.args["overwrite"] == "true"
    n_kib, n_osd = len(kibana_objects()), len(opensearch_dashboards_objects())
    assert f"Kibana: imported {n_kib} objects" in proc.stdout
    assert f"OpenSearch Dashboards: imported {n_osd} objects" in proc.stdout
    assert n_kib == len(to_ndjson(kibana_objects()).splitlines())


def test_import_reports_kibana_errors(httpserver):
    httpserver.expect_request("/api/saved_objects/_import").respond_with_json(
        {
            "success": False,
            "successCount": 1,
            "errors": [{"type": "lens", "id": "x", "error": {"type": "missing_references"}}],
        }
    )
    proc = _cli("import", "--kibana-url", httpserver.url_for("/"))
    assert proc.returncode == 1
    assert "missing_references" in proc.stderr


def test_import_needs_a_target():
    proc = _cli("import")
    assert proc.returncode != 0
    assert "--kibana-url" in proc.stderr
