"""Static validation of the deployment files: docker-compose.yml, Prometheus config and
alert rules, Grafana provisioning and dashboard.

Nothing here starts a container. The external tools (`docker compose`, `promtool`) are
required: a missing tool is a test failure with the install hint, never a skip, so CI cannot
go green without having checked these files.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yml"
PROMETHEUS_DIR = ROOT / "deploy" / "prometheus"
GRAFANA_DIR = ROOT / "deploy" / "grafana"
DASHBOARD = GRAFANA_DIR / "dashboards" / "newswatch.json"

# Always on: the broker and the monitoring. Each search engine is a profile bringing the
# engine, its UI and a worker indexing into it.
DEFAULT_SERVICES = {"kafka", "prometheus", "grafana"}
PROFILE_SERVICES = {
    "elasticsearch": {"elasticsearch", "kibana", "worker"},
    "opensearch": {"opensearch", "opensearch-dashboards", "worker-opensearch"},
    "ingest": {"ingester"},
}
# engine profile -> (engine service, UI service, worker service)
ENGINE_PROFILES = {
    "elasticsearch": ("elasticsearch", "kibana", "worker"),
    "opensearch": ("opensearch", "opensearch-dashboards", "worker-opensearch"),
}
ALL_PROFILES = tuple(PROFILE_SERVICES)


def _run(argv: list[str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        argv, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
    )


@cache
def _compose() -> tuple[str, ...]:
    """The Compose v2 command line: the `docker compose` plugin, else a standalone binary."""
    if shutil.which("docker") and _run(["docker", "compose", "version"]).returncode == 0:
        return ("docker", "compose")
    standalone = shutil.which("docker-compose")
    if standalone and "v2." in _run([standalone, "version"]).stdout:
        return (standalone,)
    pytest.fail(
        "Docker Compose v2 is required to validate docker-compose.yml and was not found "
        "(neither `docker compose` nor a v2 `docker-compose`). See docs/deploy.md, "
        "'Validating without Docker', for how to install it.",
        pytrace=False,
    )


def _promtool() -> str:
    path = shutil.which("promtool")
    if path is None:
        pytest.fail(
            "promtool is required to validate deploy/prometheus and was not found on PATH. "
            "Install it with: apt-get install -y prometheus",
            pytrace=False,
        )
    return path


def _compose_config(*profiles: str) -> dict:
    argv = [*_compose(), "-f", str(COMPOSE_FILE)]
    for profile in profiles:
        argv += ["--profile", profile]
    quiet = _run([*argv, "config", "--quiet"])
    assert quiet.returncode == 0, f"`{' '.join(argv)} config` failed:\n{quiet.stderr}"
    assert quiet.stderr.strip() == "", f"compose printed warnings:\n{quiet.stderr}"
    rendered = _run([*argv, "config", "--format", "json"])
    assert rendered.returncode == 0, rendered.stderr
    return json.loads(rendered.stdout)


# --------------------------------------------------------------------------- compose


@pytest.mark.parametrize(
    "profiles",
    [
        (),
        ("elasticsearch",),
        ("opensearch",),
        ("ingest",),
        ("elasticsearch", "opensearch"),
        ("elasticsearch", "ingest"),
        ALL_PROFILES,
    ],
    ids=lambda p: "+".join(p) or "default",
)
def test_compose_config_is_valid(profiles: tuple[str, ...]) -> None:
    config = _compose_config(*profiles)
    expected = set(DEFAULT_SERVICES)
    for profile in profiles:
        expected |= PROFILE_SERVICES[profile]
    assert set(config["services"]) == expected


def test_compose_dependencies_wait_for_healthy_services() -> None:
    """Every `service_healthy` dependency points at a service that has a healthcheck
    (the worker image's healthcheck comes from the Dockerfile, not the compose file)."""
    services = _compose_config(*ALL_PROFILES)["services"]
    for name, service in services.items():
        for dep, spec in service.get("depends_on", {}).items():
            assert spec["condition"] == "service_healthy", (name, dep)
            check = services[dep].get("healthcheck")
            assert check and not check.get("disable"), f"{name} waits on {dep}: no healthcheck"


def test_compose_ports_bind_loopback_only() -> None:
    """Security is off on the search engines and Kafka is PLAINTEXT: nothing may listen on
    all interfaces of the host."""
    services = _compose_config(*ALL_PROFILES)["services"]
    for name, service in services.items():
        for port in service.get("ports", []):
            assert port.get("host_ip") == "127.0.0.1", f"{name} publishes {port} beyond loopback"


def test_compose_workers_are_configured_for_their_engine() -> None:
    services = _compose_config(*ALL_PROFILES)["services"]
    es, os_ = services["worker"]["environment"], services["worker-opensearch"]["environment"]
    assert es["NEWSWATCH_SEARCH_URL"] == "http://elasticsearch:9200"
    assert os_["NEWSWATCH_SEARCH_URL"] == "http://opensearch:9200"
    # Same app id would make the two workers one consumer group splitting the partitions.
    assert es.get("NEWSWATCH_APP_ID", "newswatch") != os_.get("NEWSWATCH_APP_ID", "newswatch")
    for env in (es, os_, services["ingester"]["environment"]):
        assert env["NEWSWATCH_KAFKA_BOOTSTRAP"] == "kafka:9092"
    assert services["ingester"]["command"] == ["ingest", "/samples"]


@pytest.mark.parametrize("profile", sorted(ENGINE_PROFILES))
def test_each_engine_profile_is_complete_and_monitored(profile: str) -> None:
    """An engine profile alone gives a working, monitored pipeline: its engine, its UI
    waiting for it, a worker waiting for Kafka and the engine, and that worker among the
    names Prometheus discovers (so Grafana's "Worker" selector offers it)."""
    engine, ui, worker = ENGINE_PROFILES[profile]
    services = _compose_config(profile)["services"]
    assert set(services) == DEFAULT_SERVICES | {engine, ui, worker}
    assert engine in services[ui]["depends_on"]
    assert set(services[worker]["depends_on"]) == {"kafka", engine}
    env = services[worker]["environment"]
    assert env["NEWSWATCH_SEARCH_URL"] == f"http://{engine}:9200"
    assert env["NEWSWATCH_SEARCH_ENGINE"] == profile
    prometheus = yaml.safe_load((PROMETHEUS_DIR / "prometheus.yml").read_text())
    job = next(j for j in prometheus["scrape_configs"] if j["job_name"] == "newswatch")
    assert worker in job["dns_sd_configs"][0]["names"]
    assert "prometheus" in services["grafana"]["depends_on"]


def test_both_engine_profiles_run_side_by_side() -> None:
    """Both profiles at once: different host ports, and different app ids, so each worker
    is its own consumer group and reads every article (instead of splitting partitions)."""
    services = _compose_config("elasticsearch", "opensearch")["services"]
    published = [
        (p.get("host_ip"), p["published"])
        for svc in services.values()
        for p in svc.get("ports", [])
    ]
    assert len(published) == len(set(published)), published


def test_grafana_dashboard_selects_the_worker() -> None:
    """Grafana tells the Elasticsearch and OpenSearch workers apart by the `service` label
    prometheus.yml sets; every query honours the selector."""
    dashboard = json.loads(DASHBOARD.read_text())
    (variable,) = dashboard["templating"]["list"]
    assert variable["name"] == "service" and variable["includeAll"] and variable["multi"]
    for panel in _panels(dashboard):
        for target in panel["targets"]:
            assert 'service=~"$service"' in target["expr"], (panel["title"], target["expr"])


def test_dockerfile_basics() -> None:
    text = (ROOT / "Dockerfile").read_text()
    assert "FROM ${PYTHON_IMAGE} AS builder" in text and "ARG PYTHON_IMAGE=python:3.11-slim" in text
    assert "\nUSER newswatch\n" in text
    assert 'ENTRYPOINT ["newswatch"]' in text and 'CMD ["worker"]' in text
    assert "HEALTHCHECK" in text and "/healthz" in text
    ignored = (ROOT / ".dockerignore").read_text().split()
    for needed in ("worker", "schemas", "pyproject.toml", "README.md"):
        assert needed not in ignored, f".dockerignore excludes {needed}, the image needs it"


# --------------------------------------------------------------------------- prometheus


def test_promtool_check_config() -> None:
    result = _run([_promtool(), "check", "config", str(PROMETHEUS_DIR / "prometheus.yml")])
    assert result.returncode == 0, result.stdout + result.stderr


def test_promtool_check_rules() -> None:
    result = _run([_promtool(), "check", "rules", str(PROMETHEUS_DIR / "alerts.yml")])
    assert result.returncode == 0, result.stdout + result.stderr


def test_promtool_rule_unit_tests() -> None:
    """The alerts fire (and stay quiet) on synthetic series as alerts_test.yml expects."""
    result = _run([_promtool(), "test", "rules", str(PROMETHEUS_DIR / "alerts_test.yml")])
    assert result.returncode == 0, result.stdout + result.stderr


def test_prometheus_scrapes_the_newswatch_job() -> None:
    config = yaml.safe_load((PROMETHEUS_DIR / "prometheus.yml").read_text())
    jobs = {job["job_name"]: job for job in config["scrape_configs"]}
    assert "newswatch" in jobs
    names = jobs["newswatch"]["dns_sd_configs"][0]["names"]
    assert set(names) == {"worker", "worker-opensearch"}


# --------------------------------------------------------------------------- grafana


def _panels(dashboard: dict) -> list[dict]:
    found = []
    for panel in dashboard["panels"]:
        found.append(panel)
        found.extend(panel.get("panels", []))  # collapsed rows nest their panels
    return [p for p in found if p["type"] != "row"]


def test_grafana_dashboard_panels_have_queries() -> None:
    dashboard = json.loads(DASHBOARD.read_text())
    panels = _panels(dashboard)
    assert panels, "dashboard has no panels"
    ids = [p["id"] for p in dashboard["panels"]]
    assert len(ids) == len(set(ids)), "panel ids must be unique"
    for panel in panels:
        exprs = [t.get("expr", "").strip() for t in panel.get("targets", [])]
        assert exprs and all(exprs), f"panel {panel['title']!r} has no query expression"


def test_grafana_dashboard_covers_the_metrics() -> None:
    text = " ".join(
        t["expr"] for p in _panels(json.loads(DASHBOARD.read_text())) for t in p["targets"]
    )
    for metric in (
        "newswatch_articles_total",
        "newswatch_dlq_messages_total",
        "newswatch_alerts_total",
        "newswatch_stage_seconds_bucket",
        "newswatch_consumer_lag",
        "newswatch_deliveries_total",
    ):
        assert metric in text, f"no panel queries {metric}"
    assert "histogram_quantile(0.50" in text and "histogram_quantile(0.99" in text


def test_grafana_provisioning_matches_the_dashboard() -> None:
    datasources = yaml.safe_load(
        (GRAFANA_DIR / "provisioning" / "datasources" / "prometheus.yml").read_text()
    )["datasources"]
    uids = {ds["uid"] for ds in datasources}
    dashboard = json.loads(DASHBOARD.read_text())
    for panel in _panels(dashboard):
        assert panel["datasource"]["uid"] in uids, panel["title"]
    provider = yaml.safe_load(
        (GRAFANA_DIR / "provisioning" / "dashboards" / "newswatch.yml").read_text()
    )["providers"][0]
    compose = yaml.safe_load(COMPOSE_FILE.read_text())
    mounts = compose["services"]["grafana"]["volumes"]
    assert f"./deploy/grafana/dashboards:{provider['options']['path']}:ro" in mounts
