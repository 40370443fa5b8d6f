"""A real Prometheus scrapes a real worker: the metric contract that alerts.yml and the Grafana
dashboard rely on is checked end to end, through Prometheus's own HTTP API.

The scrape job is the one deploy/prometheus/kubernetes.yml gives Kubernetes, fed by file
discovery (see `_write_config`). The Prometheus binary is Debian's `prometheus` package
(`make test` installs it); it runs as a private subprocess on a free loopback port with its
TSDB in the test's tmp dir, scraping the worker every second and evaluating
deploy/prometheus/alerts.yml as shipped. A missing binary is a failure with the install hint,
never a skip.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from tests.conftest import ROOT, SEED, free_port
from tests.e2e.harness import delete_indices, delete_topics, start_worker

pytestmark = pytest.mark.stack

ALERTS_FILE = ROOT / "deploy" / "prometheus" / "alerts.yml"
# The Kubernetes scrape job (annotation-based pod discovery), exercised here with file discovery.
K8S_PROMETHEUS = ROOT / "deploy" / "prometheus" / "kubernetes.yml"
DASHBOARD = ROOT / "deploy" / "grafana" / "dashboards" / "newswatch.json"


@dataclass
class PrometheusProcess:
    proc: subprocess.Popen
    url: str
    log: Path

    def tail(self, n: int = 3000) -> str:
        return self.log.read_text(errors="replace")[-n:]

    def api(self, path: str, **params: str) -> Any:
        """GET a Prometheus API endpoint and return its ``data`` (status must be success)."""
        resp = httpx.get(f"{self.url}{path}", params=params, timeout=5)
        body = resp.json()
        assert body.get("status") == "success", f"{path} {params}: {body}"
        return body["data"]

    def query(self, expr: str) -> list[dict[str, Any]]:
        """Instant query; the vector's samples."""
        data = self.api("/api/v1/query", query=expr)
        assert data["resultType"] == "vector", data
        return data["result"]

    def wait_for(self, what: str, check: Callable[[], Any], timeout: float) -> Any:
        """Poll ``check`` until it returns something truthy; fail with Prometheus's log."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"prometheus exited {self.proc.returncode}:\n{self.tail()}")
            try:
                found = check()
            except httpx.HTTPError:
                found = None
            if found:
                return found
            time.sleep(0.5)
        raise AssertionError(f"timed out after {timeout}s waiting for {what}\n{self.tail()}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def _prometheus_binary() -> str:
    path = shutil.which("prometheus") or (
        "/usr/bin/prometheus" if Path("/usr/bin/prometheus").exists() else None
    )
    if path is None:
        pytest.fail(
            "the Prometheus server binary is required for this test and was not found. "
            "Install it with: apt-get install -y prometheus "
            "(then `systemctl disable --now prometheus`: the test starts its own).",
            pytrace=False,
        )
    return path


def _write_config(directory: Path, metrics_port: int) -> Path:
    """The scrape job of deploy/prometheus/kubernetes.yml, relabeling included, with 1s
    intervals so the test waits seconds rather than minutes.

    Kubernetes discovery is swapped for file discovery serving what the pod role would
    report for a worker pod (its IP, annotations, labels, one target per container port),
    plus a pod that does not ask to be scraped. The relabeling must turn that into exactly
    one target: the worker's metrics port, labelled with pod, namespace and service."""
    job = next(
        j
        for j in yaml.safe_load(K8S_PROMETHEUS.read_text())["scrape_configs"]
        if j["job_name"] == "newswatch"
    )
    pod = {
        "__meta_kubernetes_namespace": "newswatch",
        "__meta_kubernetes_pod_name": "newswatch-worker-abc12",
        "__meta_kubernetes_pod_ip": "127.0.0.1",
        "__meta_kubernetes_pod_label_app_kubernetes_io_component": "worker",
        "__meta_kubernetes_pod_annotation_prometheus_io_scrape": "true",
        "__meta_kubernetes_pod_annotation_prometheus_io_port": str(metrics_port),
        "__meta_kubernetes_pod_annotation_prometheus_io_path": "/metrics",
    }
    unannotated = {
        "__meta_kubernetes_namespace": "newswatch",
        "__meta_kubernetes_pod_name": "some-sidecar",
        "__meta_kubernetes_pod_ip": "127.0.0.1",
    }
    targets = [
        {"targets": [f"127.0.0.1:{metrics_port}"], "labels": pod},
        {"targets": ["127.0.0.1:1"], "labels": pod},  # a second container port
        {"targets": [f"127.0.0.1:{metrics_port}"], "labels": unannotated},
    ]
    (directory / "pods.json").write_text(json.dumps(targets))
    del job["kubernetes_sd_configs"]
    job["file_sd_configs"] = [{"files": [str(directory / "pods.json")]}]
    job["scrape_interval"] = job["scrape_timeout"] = "1s"
    config = {
        "global": {"scrape_interval": "1s", "evaluation_interval": "1s"},
        "rule_files": [str(ALERTS_FILE)],
        "scrape_configs": [job],
    }
    path = directory / "prometheus.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False))
    return path


@pytest.fixture
def prometheus_for(tmp_path: Path) -> Iterator[Callable[[int], PrometheusProcess]]:
    """Factory: start Prometheus scraping the given metrics port; stopped at teardown."""
    binary = _prometheus_binary()
    started: list[PrometheusProcess] = []

    def start(metrics_port: int) -> PrometheusProcess:
        home = tmp_path / "prometheus"
        home.mkdir()
        config = _write_config(home, metrics_port)
        port = free_port()
        log = home / "prometheus.log"
        with log.open("wb") as handle:
            proc = subprocess.Popen(
                [
                    binary,
                    f"--config.file={config}",
                    f"--storage.tsdb.path={home / 'data'}",
                    f"--web.listen-address=127.0.0.1:{port}",
                    # Debian's build defaults the console paths to /etc/prometheus; keep the
                    # test independent of whatever the package left there.
                    f"--web.console.templates={home}",
                    f"--web.console.libraries={home}",
                    "--log.level=info",
                ],
                stdout=handle,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        prom = PrometheusProcess(proc, f"http://127.0.0.1:{port}", log)
        started.append(prom)
        prom.wait_for(
            "Prometheus /-/ready",
            lambda: httpx.get(f"{prom.url}/-/ready", timeout=1).status_code == 200,
            timeout=60,
        )
        return prom

    yield start
    for prom in started:
        prom.stop()


def _alert_names(groups: list[dict[str, Any]]) -> dict[str, set[str]]:
    return {g["name"]: {r["alert"] for r in g["rules"] if "alert" in r} for g in groups}


def test_prometheus_scrapes_the_worker_and_loads_the_alert_rules(
    isolated_env, tmp_path, prometheus_for
):
    from worker.config import load_settings
    from worker.sources.files import iter_raw
    from worker.sources.kafka import RawPublisher, ensure_topics

    settings = load_settings()
    ensure_topics(settings)
    worker = start_worker(isolated_env, tmp_path / "worker.log")
    try:
        worker.wait_ready()
        prom = prometheus_for(settings.metrics_port)

        # The target is scraped and healthy.
        up = prom.wait_for(
            "up{job='newswatch'} == 1",
            lambda: prom.query('up{job="newswatch"} == 1'),
            timeout=30,
        )
        assert len(up) == 1 and up[0]["value"][1] == "1", up
        labels = up[0]["metric"]
        assert labels["instance"] == f"127.0.0.1:{settings.metrics_port}", labels
        assert (labels["namespace"], labels["pod"], labels["service"]) == (
            "newswatch",
            "newswatch-worker-abc12",
            "worker",
        ), labels
        # The second container port and the unannotated pod were dropped, not scraped.
        assert len(prom.query('up{job="newswatch"}')) == 1

        # One article through Kafka and the worker shows up as a counter read from Prometheus.
        pub = RawPublisher.from_settings(settings)
        for item in iter_raw(SEED):
            pub.publish(item)
        assert pub.flush() == 1
        pub.close()
        enriched = prom.wait_for(
            'newswatch_articles_total{stage="enrich"} >= 1',
            lambda: prom.query('newswatch_articles_total{job="newswatch", stage="enrich"} >= 1'),
            timeout=90,
        )
        assert enriched, enriched
        # exactly the one article: read unfiltered (the query above already keeps only >= 1)
        (series,) = prom.query('newswatch_articles_total{job="newswatch", stage="enrich"}')
        assert float(series["value"][1]) == 1.0, series

        # The series the alert rules are written against exist under the names they use.
        lag = prom.wait_for(
            "newswatch_consumer_lag for the raw topic",
            lambda: prom.query(
                f'newswatch_consumer_lag{{job="newswatch", topic="{settings.topics.raw}"}}'
            ),
            timeout=30,
        )
        assert {s["metric"]["partition"] for s in lag} <= {
            str(p) for p in range(settings.partitions)
        }, lag

        # alerts.yml as shipped is loaded: every group and alert, each evaluated without error.
        expected = _alert_names(yaml.safe_load(ALERTS_FILE.read_text())["groups"])
        groups = prom.wait_for(
            "every rule evaluated",
            lambda: [
                g
                for g in prom.api("/api/v1/rules")["groups"]
                if all(r["health"] == "ok" for r in g["rules"])
            ],
            timeout=30,
        )
        loaded = prom.api("/api/v1/rules")["groups"]
        assert {g["name"]: {r["name"] for r in g["rules"]} for g in loaded} == expected
        assert len(groups) == len(expected), loaded
        for group in loaded:
            assert Path(group["file"]).resolve() == ALERTS_FILE.resolve()
            for rule in group["rules"]:
                assert rule["type"] == "alerting", rule
                assert not rule.get("lastError"), rule

        # Every Grafana query is valid PromQL for this Prometheus, with Grafana's variables
        # filled in as Grafana would; the throughput and lag panels have data.
        # rate() needs two scrapes inside its window, which a loaded machine can delay: wait
        # for the panels that must have data rather than sampling them once.
        panels = [
            (panel["title"], target["expr"])
            for panel in json.loads(DASHBOARD.read_text())["panels"]
            for target in panel.get("targets", [])
        ]

        def empty_panels() -> list[str]:
            empty = []
            for title, expr in panels:
                expr = expr.replace("$__rate_interval", "1m").replace("$service", "worker")
                if not prom.query(expr):
                    empty.append(title)
            return empty

        required = {"Workers up", "Articles per stage", "Consumer lag"}
        prom.wait_for(
            "dashboard panels with data", lambda: not (required & set(empty_panels())), timeout=60
        )

        # A healthy worker that processed a good article trips nothing.
        active = prom.api("/api/v1/alerts")["alerts"]
        assert active == [], active
    finally:
        worker.stop()
        delete_topics(settings.kafka_bootstrap, settings.app_id)
        delete_indices(settings.search_url, settings.index_prefix)
