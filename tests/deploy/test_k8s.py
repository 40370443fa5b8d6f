"""Offline validation of the Kubernetes manifests in deploy/k8s.

Three layers, none of which needs a cluster or the network:

* `kustomize build` (or `kubectl kustomize`) renders the kustomization as `kubectl apply -k`
  would;
* every rendered object, and the Secret template, is validated against the Kubernetes
  OpenAPI schemas bundled in the `kubernetes-validate` package, strictly (unknown fields are
  errors), for the oldest and newest Kubernetes versions we claim;
* the objects agree with each other and with the worker: selectors, port names, probe
  paths, the image's uid, replicas against partitions, and settings the worker accepts.

A missing validator or renderer is a failure with the install hint, never a skip.
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

ROOT = Path(__file__).resolve().parents[2]
K8S = ROOT / "deploy" / "k8s"
NAMESPACE = "newswatch"
# Outside kustomization.yaml on purpose: a template (applying it would overwrite the real
# Secret with placeholders) and a CRD kind that only exists with the Prometheus Operator.
SECRET_TEMPLATE = K8S / "secret.example.yaml"
SERVICE_MONITOR = K8S / "servicemonitor.yaml"
NOT_IN_KUSTOMIZATION = {SECRET_TEMPLATE.name, SERVICE_MONITOR.name}
# Oldest and newest Kubernetes minor versions the manifests are checked against.
KUBE_VERSIONS = ("1.29.0", "1.37.0")


def _validator() -> Any:
    try:
        import kubernetes_validate
    except ImportError:
        pytest.fail(
            "kubernetes-validate is required to check deploy/k8s against the Kubernetes "
            "schemas and is not installed. Install it with: pip install kubernetes-validate",
            pytrace=False,
        )
    return kubernetes_validate


@cache
def _kustomize() -> tuple[str, ...]:
    if path := shutil.which("kustomize"):
        return (path, "build")
    kubectl = shutil.which("kubectl")
    if kubectl and _run([kubectl, "kustomize", "--help"]).returncode == 0:
        return (kubectl, "kustomize")
    pytest.fail(
        "kustomize (or kubectl, for `kubectl kustomize`) is required to render deploy/k8s and "
        "was not found. Install it with: bash deploy/tools/install-kustomize.sh",
        pytrace=False,
    )


def _run(argv: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)


@cache
def _rendered() -> tuple[dict[str, Any], ...]:
    result = _run([*_kustomize(), str(K8S)])
    assert result.returncode == 0, f"kustomize build deploy/k8s failed:\n{result.stderr}"
    return tuple(d for d in yaml.safe_load_all(result.stdout) if d)


def _one(kind: str) -> dict[str, Any]:
    found = [d for d in _rendered() if d["kind"] == kind]
    assert len(found) == 1, f"expected one {kind}, found {len(found)}"
    return found[0]


def _pod_spec() -> dict[str, Any]:
    return _one("Deployment")["spec"]["template"]["spec"]


def _container() -> dict[str, Any]:
    (container,) = _pod_spec()["containers"]
    return container


def _config() -> dict[str, str]:
    return _one("ConfigMap")["data"]


def _load(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text())


# --------------------------------------------------------------------------- render + schema


def test_every_manifest_is_in_the_kustomization_or_deliberately_not() -> None:
    listed = set(_load(K8S / "kustomization.yaml")["resources"])
    files = {p.name for p in K8S.glob("*.yaml")} - {"kustomization.yaml"}
    assert listed <= files, f"kustomization.yaml lists missing files: {listed - files}"
    assert files - listed == NOT_IN_KUSTOMIZATION, "a manifest is neither listed nor excepted"


def test_kustomize_renders_the_expected_objects() -> None:
    kinds = sorted(d["kind"] for d in _rendered())
    assert kinds == sorted(
        [
            "Namespace",
            "ServiceAccount",
            "ConfigMap",
            "Deployment",
            "Service",
            "PodDisruptionBudget",
            "HorizontalPodAutoscaler",
        ]
    )
    for doc in _rendered():
        meta = doc["metadata"]
        if doc["kind"] == "Namespace":
            assert meta["name"] == NAMESPACE
        else:
            assert meta["namespace"] == NAMESPACE, meta
        assert meta["labels"]["app.kubernetes.io/part-of"] == "newswatch", meta


@pytest.mark.parametrize("version", KUBE_VERSIONS)
def test_manifests_match_the_kubernetes_schemas(version: str) -> None:
    kv = _validator()
    docs = [*_rendered(), _load(SECRET_TEMPLATE)]
    for doc in docs:
        try:
            kv.validate(doc, version, strict=True)
        except kv.ValidationError as exc:
            path = "/".join(str(p) for p in exc.path)
            pytest.fail(f"{doc['kind']} {doc['metadata']['name']}: {path}: {exc.message}")


def test_the_validator_rejects_a_broken_manifest() -> None:
    """Guards the guard: a typo'd field and a wrong type must both be caught."""
    kv = _validator()
    deployment = _one("Deployment")
    typo = yaml.safe_load(yaml.safe_dump(deployment))
    typo["spec"]["template"]["spec"]["containers"][0]["readinesProbe"] = {}
    wrong_type = yaml.safe_load(yaml.safe_dump(deployment))
    wrong_type["spec"]["template"]["spec"]["containers"][0]["ports"][0]["containerPort"] = "x"
    for broken in (typo, wrong_type):
        with pytest.raises(kv.ValidationError):
            kv.validate(broken, KUBE_VERSIONS[-1], strict=True)


# --------------------------------------------------------------------------- the worker pod


def test_pod_runs_unprivileged_with_a_read_only_root() -> None:
    pod = _pod_spec()
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "--uid 10001" in dockerfile and "--gid 10001" in dockerfile
    sc = pod["securityContext"]
    assert sc["runAsNonRoot"] is True
    assert (sc["runAsUser"], sc["runAsGroup"], sc["fsGroup"]) == (10001, 10001, 10001)
    assert sc["seccompProfile"]["type"] == "RuntimeDefault"
    assert pod["automountServiceAccountToken"] is False
    csc = _container()["securityContext"]
    assert csc["readOnlyRootFilesystem"] is True
    assert csc["allowPrivilegeEscalation"] is False
    assert csc["capabilities"]["drop"] == ["ALL"]
    # With a read-only root, the working directory (Faust's <app id>-data/) and /tmp must
    # be writable volumes.
    mounts = {m["mountPath"] for m in _container()["volumeMounts"]}
    assert {"/var/lib/newswatch", "/tmp"} <= mounts
    assert "WORKDIR /var/lib/newswatch" in dockerfile


def test_resources_have_requests_and_limits() -> None:
    resources = _container()["resources"]
    for key in ("cpu", "memory"):
        assert key in resources["requests"] and key in resources["limits"], resources


def test_probes_and_metrics_port() -> None:
    container = _container()
    (port,) = container["ports"]
    assert port["name"] == "metrics"
    assert str(port["containerPort"]) == _config()["NEWSWATCH_METRICS_PORT"]
    for probe, path in (
        ("startupProbe", "/healthz"),
        ("livenessProbe", "/healthz"),
        ("readinessProbe", "/readyz"),
    ):
        assert container[probe]["httpGet"] == {"path": path, "port": "metrics"}, probe
    # Loopback (the settings default) would make every probe and scrape fail.
    env = {e["name"]: e.get("value") for e in container["env"]}
    assert env["NEWSWATCH_METRICS_HOST"] == "0.0.0.0"
    assert _config()["NEWSWATCH_METRICS_HOST"] == "0.0.0.0"
    annotations = _one("Deployment")["spec"]["template"]["metadata"]["annotations"]
    assert annotations["prometheus.io/scrape"] == "true"
    assert annotations["prometheus.io/port"] == str(port["containerPort"])
    assert annotations["prometheus.io/path"] == "/metrics"


def test_config_and_secret_come_from_the_right_objects() -> None:
    sources = _container()["envFrom"]
    config_ref = next(s["configMapRef"] for s in sources if "configMapRef" in s)
    secret_ref = next(s["secretRef"] for s in sources if "secretRef" in s)
    assert config_ref["name"] == _one("ConfigMap")["metadata"]["name"]
    assert secret_ref["name"] == _load(SECRET_TEMPLATE)["metadata"]["name"]
    # The worker must start where the search engine needs no credentials (no Secret).
    assert secret_ref["optional"] is True


def test_the_worker_accepts_the_configuration(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Every key in the ConfigMap and the Secret template is a setting the worker knows and
    the values parse (Settings forbids unknown names, so a typo fails here, not in a pod)."""
    from worker.config import load_settings

    for name in [n for n in os.environ if n.startswith("NEWSWATCH_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)  # no stray .env
    env = {**_config(), **_load(SECRET_TEMPLATE)["stringData"]}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    settings = load_settings()
    assert settings.metrics_host == "0.0.0.0"
    assert settings.partitions == int(_config()["NEWSWATCH_PARTITIONS"])
    fields = set(type(settings).model_fields)
    for name in env:
        assert name.removeprefix("NEWSWATCH_").split("__")[0].lower() in fields, name


def test_secret_template_holds_no_credentials() -> None:
    secret = _load(SECRET_TEMPLATE)
    assert secret["kind"] == "Secret" and "data" not in secret
    assert all(v == "CHANGE-ME" for v in secret["stringData"].values()), secret["stringData"]
    assert SECRET_TEMPLATE.name not in _load(K8S / "kustomization.yaml")["resources"]


# --------------------------------------------------------------------------- wiring + scaling


def test_selectors_agree_with_the_pod_labels() -> None:
    deployment = _one("Deployment")
    pod_labels = deployment["spec"]["template"]["metadata"]["labels"]
    selector = deployment["spec"]["selector"]["matchLabels"]
    assert selector.items() <= pod_labels.items()
    service = _one("Service")
    assert service["spec"]["selector"].items() <= pod_labels.items()
    assert _one("PodDisruptionBudget")["spec"]["selector"]["matchLabels"] == selector
    target = _one("HorizontalPodAutoscaler")["spec"]["scaleTargetRef"]
    assert (target["kind"], target["name"]) == ("Deployment", deployment["metadata"]["name"])
    assert _pod_spec()["serviceAccountName"] == _one("ServiceAccount")["metadata"]["name"]


def test_metrics_service_reaches_every_pod() -> None:
    spec = _one("Service")["spec"]
    (port,) = spec["ports"]
    assert port["name"] == "metrics" and port["targetPort"] == "metrics"
    assert spec["clusterIP"] == "None"  # headless: scrape each pod, not a random one
    assert spec["publishNotReadyAddresses"] is True  # unready workers are still monitored


def test_replicas_never_exceed_partitions() -> None:
    """Kafka gives each partition to one consumer of the group: replicas beyond the
    partition count idle (and stay unready, since /readyz requires partitions)."""
    partitions = int(_config()["NEWSWATCH_PARTITIONS"])
    hpa = _one("HorizontalPodAutoscaler")["spec"]
    assert 1 <= hpa["minReplicas"] <= hpa["maxReplicas"] <= partitions, (hpa, partitions)
    # The HPA owns the count; a fixed value would be reset by every apply.
    assert "replicas" not in _one("Deployment")["spec"]
    # No surge pod: with replicas == partitions it would be one consumer too many.
    rolling = _one("Deployment")["spec"]["strategy"]["rollingUpdate"]
    assert rolling["maxSurge"] == 0


def test_disruption_budget_never_blocks_a_drain() -> None:
    spec = _one("PodDisruptionBudget")["spec"]
    assert spec["maxUnavailable"] == 1 and "minAvailable" not in spec


def test_service_monitor_targets_the_metrics_service() -> None:
    """ServiceMonitor is a Prometheus Operator CRD: no core schema covers it, so check the
    fields that matter by hand, including that the job label is the one alerts.yml uses."""
    monitor = _load(SERVICE_MONITOR)
    assert (monitor["apiVersion"], monitor["kind"]) == (
        "monitoring.coreos.com/v1",
        "ServiceMonitor",
    )
    assert monitor["metadata"]["namespace"] == NAMESPACE
    service = _one("Service")
    spec = monitor["spec"]
    assert spec["selector"]["matchLabels"].items() <= service["metadata"]["labels"].items()
    assert spec["namespaceSelector"]["matchNames"] == [NAMESPACE]
    port_names = {p["name"] for p in service["spec"]["ports"]}
    for endpoint in spec["endpoints"]:
        assert endpoint["port"] in port_names and endpoint["path"] == "/metrics"
    assert service["metadata"]["labels"][spec["jobLabel"]] == "newswatch"
    alerts = (ROOT / "deploy" / "prometheus" / "alerts.yml").read_text()
    assert 'job="newswatch"' in alerts


def test_prometheus_kubernetes_scrape_config(tmp_path: Path) -> None:
    """deploy/prometheus/kubernetes.yml passes promtool. Debian's Prometheus is built without
    Kubernetes discovery, so promtool checks a copy with file discovery in its place; the
    relabeling itself runs against a real worker in tests/e2e/test_prometheus.py."""
    promtool = shutil.which("promtool")
    if promtool is None:
        pytest.fail(
            "promtool is required and was not found. Install it with: "
            "apt-get install -y prometheus",
            pytrace=False,
        )
    source = ROOT / "deploy" / "prometheus" / "kubernetes.yml"
    config = _load(source)
    config["rule_files"] = [str(source.parent / f) for f in config["rule_files"]]
    (job,) = config["scrape_configs"]
    assert job["job_name"] == "newswatch"
    (sd,) = job.pop("kubernetes_sd_configs")
    assert sd["role"] == "pod" and sd["namespaces"]["names"] == [NAMESPACE]
    (tmp_path / "targets.json").write_text("[]")
    job["file_sd_configs"] = [{"files": [str(tmp_path / "targets.json")]}]
    copy = tmp_path / "prometheus.yml"
    copy.write_text(yaml.safe_dump(config))
    result = _run([promtool, "check", "config", str(copy)])
    assert result.returncode == 0, result.stdout + result.stderr
