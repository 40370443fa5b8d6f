"""Offline validation of the Helm chart in deploy/helm/newswatch.

Like tests/deploy/test_k8s.py, without a cluster or the network: `helm lint` and `helm
template` render the chart (helm itself checks the values against values.schema.json), every
rendered object is validated strictly against the Kubernetes OpenAPI schemas for the oldest and
newest Kubernetes versions we claim, and the objects agree with each other and with the worker
(selectors, volumes, the settings the worker accepts, the rules it loads). A missing helm is a
failure with the install hint, never a skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.deploy.test_k8s import KUBE_VERSIONS, _validator

ROOT = Path(__file__).resolve().parents[2]
CHART = ROOT / "deploy" / "helm" / "newswatch"
RELEASE = "news"
NAMESPACE = "monitoring"
RULE_FILE = """\
rules:
  - id: coup
    title: Military coup
    severity: high
    query: '"military coup" OR junta'
"""
# Every optional part switched on (the ServiceMonitor's kind needs the Prometheus Operator).
FULL = {
    "replicaCount": 3,
    "kafka": {"bootstrap": "b-1.msk.example:9096", "partitions": 6},
    "rules": {"files": {"watch.yaml": RULE_FILE}},
    "secrets": {
        "existingSecrets": ["newswatch-secrets"],
        "env": [{"name": "NEWSWATCH_SEARCH_PASSWORD", "secretName": "os-creds", "key": "password"}],
    },
    "config": {"NEWSWATCH_DELIVERY__KEY_WINDOW": "14d"},
    "metrics": {"podAnnotations": False, "serviceMonitor": {"enabled": True}},
    "imagePullSecrets": [{"name": "registry"}],
}


@cache
def _helm() -> str:
    path = shutil.which("helm")
    if path is None:
        pytest.fail(
            "helm is required to render deploy/helm/newswatch and was not found. Install it "
            "with: bash deploy/tools/install-helm.sh (or make system-deps)",
            pytrace=False,
        )
    return path


def _run(*args: str, values: dict[str, Any] | None = None) -> subprocess.CompletedProcess[str]:
    argv = [_helm(), *args]
    env = {**os.environ, "HELM_CACHE_HOME": "/tmp/newswatch-helm", "HELM_CONFIG_HOME": "/tmp/nh"}
    return subprocess.run(
        argv,
        input=yaml.safe_dump(values or {}),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )


def _template_raw(values: dict[str, Any] | None = None) -> subprocess.CompletedProcess[str]:
    # helm built from source reports Kubernetes 1.20 unless told: the chart needs >= 1.29
    args = ["template", RELEASE, str(CHART), "--namespace", NAMESPACE, "-f", "-"]
    return _run(*args, "--kube-version", KUBE_VERSIONS[0], values=values)


@cache
def _render_cached(key: str) -> tuple[dict[str, Any], ...]:
    values = yaml.safe_load(key)
    result = _template_raw(values)
    assert result.returncode == 0, f"helm template failed:\n{result.stderr}"
    return tuple(d for d in yaml.safe_load_all(result.stdout) if d)


def _render(values: dict[str, Any] | None = None) -> tuple[dict[str, Any], ...]:
    return _render_cached(yaml.safe_dump(values or {}, sort_keys=True))


def _one(docs: tuple[dict[str, Any], ...], kind: str) -> dict[str, Any]:
    found = [d for d in docs if d["kind"] == kind]
    assert len(found) == 1, f"expected one {kind}, found {[d['metadata']['name'] for d in found]}"
    return found[0]


def _container(docs: tuple[dict[str, Any], ...]) -> dict[str, Any]:
    (container,) = _one(docs, "StatefulSet")["spec"]["template"]["spec"]["containers"]
    return container


def _config(docs: tuple[dict[str, Any], ...]) -> dict[str, str]:
    (cm,) = _named(docs, "ConfigMap", "-config")
    return cm["data"]


def _named(docs: tuple[dict[str, Any], ...], kind: str, suffix: str) -> list[dict[str, Any]]:
    return [d for d in docs if d["kind"] == kind and d["metadata"]["name"].endswith(suffix)]


# --------------------------------------------------------------------------- render + schema


def test_helm_lint_passes() -> None:
    for values in ({}, FULL):
        result = _run("lint", "--strict", str(CHART), "-f", "-", values=values)
        assert result.returncode == 0, result.stdout + result.stderr


def test_default_render_objects() -> None:
    docs = _render()
    kinds = sorted(d["kind"] for d in docs)
    assert kinds == sorted(
        ["ConfigMap", "Service", "StatefulSet", "PodDisruptionBudget", "ServiceAccount"]
    )
    assert not any(d["kind"] == "Secret" for d in _render(FULL))  # credentials are never ours
    for doc in (*docs, *_render(FULL)):
        labels = doc["metadata"]["labels"]
        assert labels["app.kubernetes.io/part-of"] == "newswatch", doc["metadata"]
        assert labels["app.kubernetes.io/instance"] == RELEASE


@pytest.mark.parametrize("version", KUBE_VERSIONS)
@pytest.mark.parametrize("case", ["defaults", "full", "no-persistence"])
def test_rendered_objects_match_the_kubernetes_schemas(version: str, case: str) -> None:
    values = {"defaults": {}, "full": FULL, "no-persistence": {"persistence": {"enabled": False}}}
    kv = _validator()
    for doc in _render(values[case]):
        if doc["kind"] == "ServiceMonitor":
            continue  # a CRD kind: checked against the metrics Service below
        try:
            kv.validate(doc, version, strict=True)
        except kv.ValidationError as exc:
            path = "/".join(str(p) for p in exc.path)
            pytest.fail(f"{doc['kind']} {doc['metadata']['name']}: {path}: {exc.message}")


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"replicaCount": "two"}, "replicaCount"),
        ({"kafka": {"bootstrap": "k:9092", "partitions": 4, "tls": True}}, "tls"),
        ({"dedupe": {"window": "a week"}}, "window"),
        ({"search": {"url": "opensearch:9200"}}, "url"),
        ({"config": {"KAFKA_BOOTSTRAP": "x"}}, "'KAFKA_BOOTSTRAP' does not match"),
        ({"secrets": {"env": [{"name": "NEWSWATCH_SEARCH_PASSWORD", "secretName": "s"}]}}, "key"),
        ({"replicaCount": 5}, "must not exceed kafka.partitions"),
    ],
)
def test_bad_values_are_refused_with_the_reason(values: dict[str, Any], message: str) -> None:
    result = _template_raw(values)
    assert result.returncode != 0, f"rendered despite {values}"
    assert message in result.stderr, result.stderr


# --------------------------------------------------------------------------- consistency


def test_the_worker_accepts_the_rendered_configuration(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Every key of the ConfigMap is a setting the worker knows, the values parse, and the
    table files land on the pod's volume, one directory per pod."""
    from worker.config import load_settings

    docs = _render(FULL)
    for name in [n for n in os.environ if n.startswith("NEWSWATCH_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)  # no stray .env
    env = {**_config(docs), "NEWSWATCH_GROUP_INSTANCE_ID": f"{RELEASE}-newswatch-2"}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    settings = load_settings()
    assert settings.partitions == 6 and settings.table_store == "rocksdb://"
    assert settings.delivery.key_window == "14d"
    mounts = {m["name"]: m["mountPath"] for m in _container(docs)["volumeMounts"]}
    assert (
        settings.table_dir()
        == Path(mounts["state"]) / "tables" / RELEASE / env["NEWSWATCH_GROUP_INSTANCE_ID"]
    )
    assert str(settings.rules_dir) == mounts["rules"]


def test_state_volume_per_pod_or_empty_dir() -> None:
    sts = _one(_render(), "StatefulSet")
    (claim,) = sts["spec"]["volumeClaimTemplates"]
    assert claim["metadata"]["name"] == "state"
    assert claim["spec"]["resources"]["requests"]["storage"] == "4Gi"
    names = {v["name"] for v in sts["spec"]["template"]["spec"]["volumes"]}
    assert "state" not in names  # the claim template provides it
    sts = _one(_render({"persistence": {"enabled": False}}), "StatefulSet")
    assert "volumeClaimTemplates" not in sts["spec"]
    vols = {v["name"]: v for v in sts["spec"]["template"]["spec"]["volumes"]}
    assert "emptyDir" in vols["state"]
    # the pod's name is its static group member id (and its table directory)
    env = {e["name"]: e for e in _container(_render())["env"]}
    field = env["NEWSWATCH_GROUP_INSTANCE_ID"]["valueFrom"]["fieldRef"]["fieldPath"]
    assert field == "metadata.name"


def test_selectors_services_and_service_monitor_agree() -> None:
    docs = _render(FULL)
    sts = _one(docs, "StatefulSet")
    pod_labels = sts["spec"]["template"]["metadata"]["labels"]
    service = _one(docs, "Service")
    assert sts["spec"]["serviceName"] == service["metadata"]["name"]
    for selector in (
        sts["spec"]["selector"]["matchLabels"],
        service["spec"]["selector"],
        _one(docs, "PodDisruptionBudget")["spec"]["selector"]["matchLabels"],
    ):
        assert selector.items() <= pod_labels.items(), selector
    monitor = _one(docs, "ServiceMonitor")
    service_labels = service["metadata"]["labels"]
    assert monitor["spec"]["selector"]["matchLabels"].items() <= service_labels.items()
    assert monitor["spec"]["namespaceSelector"]["matchNames"] == [NAMESPACE]
    (endpoint,) = monitor["spec"]["endpoints"]
    assert endpoint["port"] == service["spec"]["ports"][0]["name"] == "metrics"
    # with the ServiceMonitor on, the pod annotations are off (no double scrape)
    assert "prometheus.io/scrape" not in sts["spec"]["template"]["metadata"]["annotations"]
    assert (
        "prometheus.io/scrape"
        in _one(_render(), "StatefulSet")["spec"]["template"]["metadata"]["annotations"]
    )


def test_secrets_are_referenced_never_copied() -> None:
    container = _container(_render(FULL))
    refs = [s["secretRef"]["name"] for s in container["envFrom"] if "secretRef" in s]
    assert refs == ["newswatch-secrets"]
    env = {e["name"]: e for e in container["env"]}
    assert env["NEWSWATCH_SEARCH_PASSWORD"]["valueFrom"]["secretKeyRef"] == {
        "name": "os-creds",
        "key": "password",
    }
    assert "password" not in yaml.safe_dump(_config(_render(FULL))).lower()


def test_rules_from_values_reach_the_worker_intact(tmp_path: Path) -> None:
    """The ConfigMap's files, written where the pod mounts them, load as the rule pack."""
    from worker.transforms.rules import load_rules

    docs = _render(FULL)
    (rules_cm,) = _named(docs, "ConfigMap", "-rules")
    for name, content in rules_cm["data"].items():
        (tmp_path / name).write_text(content)
    rules = load_rules(tmp_path)
    assert len(rules) == 1 and rules.get("coup") is not None
    sts = _one(docs, "StatefulSet")
    vols = {v["name"]: v for v in sts["spec"]["template"]["spec"]["volumes"]}
    assert vols["rules"]["configMap"]["name"] == rules_cm["metadata"]["name"]
    # an existing ConfigMap instead: mounted, none rendered
    docs = _render({"rules": {"existingConfigMap": "our-rules"}})
    assert not [d for d in docs if d["metadata"]["name"].endswith("-rules")]
    vols = {v["name"]: v for v in _one(docs, "StatefulSet")["spec"]["template"]["spec"]["volumes"]}
    assert vols["rules"]["configMap"]["name"] == "our-rules"
