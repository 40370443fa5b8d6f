"""The local stack: a real Apache Kafka (KRaft) broker and a real OpenSearch node, no Docker.

Both run on the JDK from their Maven Central artifacts (resolved by the small Maven projects in
``deploy/local/``, cached in ``~/.m2``). Everything the stack writes — configuration, data, logs,
pid files, resolved class paths — lives in one state folder (``.state/stack`` by default).

``up`` is idempotent (a running, healthy component is left alone), ``down`` stops only processes
whose pid file this module wrote *and* whose command line still matches (pid reuse is real), and
a port already served by someone else's healthy Kafka/OpenSearch is reported as ``external`` and
used, never stopped.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from worker.config import PROJECT_ROOT, StackSettings
from worker.errors import StackError

DEPLOY_LOCAL = PROJECT_ROOT / "deploy" / "local"
JVM_DIRS = (Path("/usr/lib/jvm"), Path("/opt/java"), Path("/Library/Java/JavaVirtualMachines"))


@dataclass
class ComponentStatus:
    name: str
    state: str  # running | starting | stopped | external | unhealthy
    address: str
    pid: int | None = None
    version: str | None = None
    detail: str = ""

    def to_dict(self) -> dict[str, object]:
        return self.__dict__.copy()


# --------------------------------------------------------------------------------------- JDKs


def java_major(java_home: Path) -> int | None:
    """The major version of a JDK, read from its ``release`` file (no JVM start needed)."""
    release = java_home / "release"
    try:
        m = re.search(r'^JAVA_VERSION="(\d+)', release.read_text(), re.MULTILINE)
    except OSError:
        return None
    return int(m.group(1)) if m else None


def find_java(minimum: int, preferred: Path | None = None) -> Path:
    """A JDK home with at least ``minimum`` major version: the configured one, ``JAVA_HOME``, the
    ``java`` on PATH, then the newest in the usual JVM folders."""
    candidates: list[Path] = []
    if preferred:
        candidates.append(preferred)
    if os.environ.get("JAVA_HOME"):
        candidates.append(Path(os.environ["JAVA_HOME"]))
    on_path = shutil.which("java")
    if on_path:
        candidates.append(Path(on_path).resolve().parent.parent)
    found: list[tuple[int, Path]] = []
    for d in JVM_DIRS:
        if d.is_dir():
            for home in d.iterdir():
                for h in (home, home / "Contents" / "Home"):
                    major = java_major(h)
                    if major:
                        found.append((major, h))
    candidates += [h for _, h in sorted(found, reverse=True)]
    for home in candidates:
        major = java_major(home)
        if major and major >= minimum and (home / "bin" / "java").exists():
            return home
    raise StackError(
        f"no JDK {minimum}+ found (looked at JAVA_HOME, PATH and {', '.join(map(str, JVM_DIRS))}); "
        f"install one or set NEWSWATCH_STACK__JAVA21_HOME"
    )


# ------------------------------------------------------------------------------ Maven runtime


def resolve_classpath(project: Path, out: Path, java_home: Path, *, compile_sources: bool) -> str:
    """Resolve a Maven project's runtime class path into ``out`` (cached until the pom changes
    or a jar disappears from ~/.m2). Only the first run downloads."""
    pom = project / "pom.xml"
    if out.exists() and out.stat().st_mtime >= pom.stat().st_mtime:
        cp = out.read_text().strip()
        if cp and all(Path(p).exists() for p in cp.split(os.pathsep)):
            return cp
    mvn = shutil.which("mvn")
    if not mvn:
        raise StackError("Maven (`mvn`) is not on PATH; install Maven 3.8+ (apt-get install maven)")
    goals = (["compile"] if compile_sources else []) + ["dependency:build-classpath"]
    out.parent.mkdir(parents=True, exist_ok=True)
    cmd = [mvn, "-q", "-B", "-f", str(pom), *goals, f"-Dmdep.outputFile={out}"]
    env = {**os.environ, "JAVA_HOME": str(java_home)}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
        raise StackError(f"Maven could not resolve {pom}:\n{tail}")
    return out.read_text().strip()


# ---------------------------------------------------------------------------------- processes


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (exited, not yet reaped by its parent) is not a running server.
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


def cmdline(pid: int) -> str:
    try:
        return (
            Path(f"/proc/{pid}/cmdline")
            .read_bytes()
            .replace(b"\x00", b" ")
            .decode(errors="replace")
        )
    except OSError:
        return ""


def port_open(port: int, host: str = "127.0.0.1", timeout: float = 0.5) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(timeout)
        return s.connect_ex((host, port)) == 0


def log_tail(path: Path, lines: int = 20) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


class Component:
    """One JVM server managed through a pid file in its own state sub-folder."""

    name: str
    marker: str  # a string that must appear in the process command line

    def __init__(self, settings: StackSettings):
        self.settings = settings
        self.dir = settings.state_dir / self.name
        self.pid_file = self.dir / f"{self.name}.pid"
        self.log_file = self.dir / f"{self.name}.log"

    # Subclasses provide these.
    port: int

    def command(self) -> tuple[list[str], dict[str, str]]:
        raise NotImplementedError

    def java_home(self) -> Path:
        raise NotImplementedError

    def java(self, heap: str, *args: str) -> list[str]:
        """The JVM command line: this component's java with a fixed heap (``-Xms`` = ``-Xmx``,
        so the server's memory is known up front), then ``args``."""
        return [str(self.java_home() / "bin" / "java"), f"-Xms{heap}", f"-Xmx{heap}", *args]

    def prepare(self) -> None:
        """Write configuration, format storage... (idempotent)."""

    def healthy(self) -> bool:
        raise NotImplementedError

    def version(self) -> str | None:
        return None

    # Shared process management.

    def owned_pid(self) -> int | None:
        """The pid from our pid file, if that process is alive and still ours."""
        try:
            pid = int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None
        if pid_alive(pid) and self.marker in cmdline(pid):
            return pid
        return None

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def status(self) -> ComponentStatus:
        pid = self.owned_pid()
        if pid:
            ok = self.healthy()
            return ComponentStatus(
                self.name,
                "running" if ok else "unhealthy",
                self.address,
                pid,
                self.version() if ok else None,
                "" if ok else f"process alive, not answering yet; log: {self.log_file}",
            )
        if port_open(self.port):
            if self.healthy():
                return ComponentStatus(
                    self.name,
                    "external",
                    self.address,
                    None,
                    self.version(),
                    "served by a process newswatch did not start; used as is, never stopped",
                )
            return ComponentStatus(
                self.name,
                "unhealthy",
                self.address,
                None,
                None,
                f"port {self.port} is taken by another program",
            )
        return ComponentStatus(self.name, "stopped", self.address)

    def launch(self) -> ComponentStatus:
        """Start the process unless it (or an external server on the port) is already there;
        does not wait for it to become healthy."""
        st = self.status()
        if st.state in ("running", "external"):
            return st
        if st.state == "unhealthy" and st.pid is None:
            raise StackError(
                f"{self.name}: port {self.port} is in use by another program; stop it or choose "
                f"another port (NEWSWATCH_STACK__{self.name.upper()}_PORT)"
            )
        if st.pid is None:
            self.dir.mkdir(parents=True, exist_ok=True)
            self.prepare()
            cmd, env = self.command()
            with self.log_file.open("ab") as log:
                log.write(
                    f"\n--- newswatch stack: starting {self.name} at {time.ctime()}\n".encode()
                )
                log.flush()
                proc = subprocess.Popen(
                    cmd,
                    cwd=self.dir,
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    env={**os.environ, **env},
                    start_new_session=True,  # survives the CLI and gets its own process group
                )
            self.pid_file.write_text(str(proc.pid))
        return ComponentStatus(self.name, "starting", self.address, self.owned_pid())

    def start(self) -> ComponentStatus:
        st = self.launch()
        return st if st.state in ("running", "external") else self.wait_healthy()

    def wait_healthy(self) -> ComponentStatus:
        started = time.monotonic()
        deadline = started + self.settings.start_timeout_s
        while time.monotonic() < deadline:
            pid = self.owned_pid()
            if pid is None and self._still_exec(started):
                time.sleep(0.1)
                continue
            if pid is None:
                raise StackError(
                    f"{self.name} exited during start-up; last lines of {self.log_file}:\n"
                    f"{log_tail(self.log_file)}"
                )
            if self.healthy():
                return self.status()
            time.sleep(0.5)
        raise StackError(
            f"{self.name} did not become healthy within {self.settings.start_timeout_s:.0f}s; "
            f"see {self.log_file}:\n{log_tail(self.log_file)}"
        )

    def _still_exec(self, started: float, grace: float = 10.0) -> bool:
        """Our child is alive but its command line is still the launcher's: right after the
        fork, before ``exec`` of the JVM (a window that grows on a loaded machine). Not yet a
        failed start."""
        try:
            pid = int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return False
        return pid_alive(pid) and time.monotonic() - started < grace

    def stop(self, timeout: float = 45.0) -> bool:
        """Stop our process (TERM, then KILL after ``timeout``); False if nothing of ours ran."""
        pid = self.owned_pid()
        if pid is None:
            self.pid_file.unlink(missing_ok=True)
            return False
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and pid_alive(pid):
            time.sleep(0.2)
        if pid_alive(pid):
            os.killpg(pid, signal.SIGKILL)
            while pid_alive(pid):
                time.sleep(0.1)
        self.pid_file.unlink(missing_ok=True)
        return True


@dataclass
class KafkaListener:
    """The broker's client listener. The stack's own is PLAINTEXT; the secured-cluster tests
    start a second broker with a SASL_SSL one (tests/secure/conftest.py)."""

    protocol: str = "PLAINTEXT"
    # Extra server.properties lines (TLS stores, SASL mechanisms, JAAS configuration...).
    properties: dict[str, str] = field(default_factory=dict)
    # `kafka-storage format --add-scram` values, e.g. "SCRAM-SHA-512=[name=u,password=p]":
    # KRaft stores SCRAM credentials in its metadata log, written at format time.
    scram: list[str] = field(default_factory=list)
    # kafka-python arguments the health probe needs to talk to this listener.
    client: dict[str, object] = field(default_factory=dict)


class Kafka(Component):
    name = "kafka"
    marker = "kafka.Kafka"

    def __init__(
        self,
        settings: StackSettings,
        *,
        name: str = "kafka",
        listener: KafkaListener | None = None,
        jvm_options: tuple[str, ...] = ("-XX:+UseG1GC",),
    ):
        self.name = name
        self.listener = listener or KafkaListener()
        self.jvm_options = jvm_options
        super().__init__(settings)

    @property
    def port(self) -> int:  # type: ignore[override]
        return self.settings.kafka_port

    @property
    def properties(self) -> Path:
        return self.dir / "server.properties"

    def java_home(self) -> Path:
        return find_java(17, self.settings.java_home)

    def classpath(self) -> str:
        return resolve_classpath(
            DEPLOY_LOCAL / "kafka",
            self.dir / "classpath.txt",
            self.java_home(),
            compile_sources=False,
        )

    def prepare(self) -> None:
        s = self.settings
        data = self.dir / "data"
        proto = self.listener.protocol
        self.properties.write_text(
            "\n".join(
                [
                    "# written by `newswatch stack up`; edits are overwritten",
                    "process.roles=broker,controller",
                    "node.id=1",
                    f"controller.quorum.voters=1@127.0.0.1:{s.kafka_controller_port}",
                    f"listeners={proto}://127.0.0.1:{s.kafka_port},"
                    f"CONTROLLER://127.0.0.1:{s.kafka_controller_port}",
                    f"advertised.listeners={proto}://127.0.0.1:{s.kafka_port}",
                    "controller.listener.names=CONTROLLER",
                    f"inter.broker.listener.name={proto}",
                    f"listener.security.protocol.map=CONTROLLER:PLAINTEXT,{proto}:{proto}",
                    f"log.dirs={data}",
                    "num.partitions=4",
                    "auto.create.topics.enable=true",
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=10",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    # A developer stack: start consumer groups at once instead of waiting 3 s.
                    "group.initial.rebalance.delay.ms=0",
                    "log.retention.hours=168",
                    *(f"{k}={v}" for k, v in self.listener.properties.items()),
                    "",
                ]
            )
        )
        (self.dir / "log4j2.properties").write_text(
            "\n".join(
                [
                    "status = error",
                    "appender.console.type = Console",
                    "appender.console.name = STDOUT",
                    "appender.console.layout.type = PatternLayout",
                    "appender.console.layout.pattern = [%d] %p %m (%c)%n",
                    "rootLogger.level = INFO",
                    "rootLogger.appenderRef.stdout.ref = STDOUT",
                    "logger.kafka.name = kafka",
                    "logger.kafka.level = WARN",
                    "logger.server.name = kafka.server.KafkaServer",
                    "logger.server.level = INFO",
                    "logger.apache.name = org.apache.kafka",
                    "logger.apache.level = WARN",
                    "",
                ]
            )
        )
        if not (data / "meta.properties").exists():
            java = self.java_home() / "bin" / "java"
            cp = self.classpath()
            cluster_id = _kafka_cluster_id()
            proc = subprocess.run(
                # "=" form: a generated id may start with "-" and read as an option.
                [
                    str(java),
                    "-cp",
                    cp,
                    "kafka.tools.StorageTool",
                    "format",
                    f"--cluster-id={cluster_id}",
                    f"--config={self.properties}",
                    *(f"--add-scram={c}" for c in self.listener.scram),
                ],
                capture_output=True,
                text=True,
                check=False,
            )
            if proc.returncode != 0:
                raise StackError(f"kafka storage format failed:\n{proc.stdout}{proc.stderr}")

    def command(self) -> tuple[list[str], dict[str, str]]:
        return (
            self.java(
                self.settings.kafka_heap,
                *self.jvm_options,
                f"-Dlog4j2.configurationFile={self.dir / 'log4j2.properties'}",
                "-cp",
                self.classpath(),
                "kafka.Kafka",
                str(self.properties),
            ),
            {},
        )

    def healthy(self) -> bool:
        return port_open(self.port) and _kafka_api_versions(self.port, self.listener.client)

    def version(self) -> str | None:
        m = re.search(
            r"kafka_2\.13-([\w.\-]+)\.jar",
            (self.dir / "classpath.txt").read_text()
            if (self.dir / "classpath.txt").exists()
            else "",
        )
        return m.group(1) if m else None


class OpenSearch(Component):
    name = "opensearch"
    marker = "io.newswatch.devstack.OpenSearchNode"

    @property
    def port(self) -> int:  # type: ignore[override]
        return self.settings.opensearch_port

    def java_home(self) -> Path:
        return find_java(21, self.settings.java21_home)

    def classpath(self) -> str:
        project = DEPLOY_LOCAL / "opensearch"
        deps = resolve_classpath(
            project, self.dir / "classpath.txt", self.java_home(), compile_sources=True
        )
        classes = project / "target" / "classes"
        if not (classes / "io" / "newswatch" / "devstack" / "OpenSearchNode.class").exists():
            (self.dir / "classpath.txt").unlink(missing_ok=True)
            deps = resolve_classpath(
                project, self.dir / "classpath.txt", self.java_home(), compile_sources=True
            )
        return f"{classes}{os.pathsep}{deps}"

    def command(self) -> tuple[list[str], dict[str, str]]:
        return (
            self.java(
                self.settings.opensearch_heap,
                "-XX:+UseG1GC",
                "-Djava.awt.headless=true",
                "-Dfile.encoding=UTF-8",
                "-cp",
                self.classpath(),
                "io.newswatch.devstack.OpenSearchNode",
                str(self.dir / "home"),
                str(self.port),
                str(self.settings.opensearch_transport_port),
                "newswatch-dev",
            ),
            {},
        )

    def _get(self, path: str, timeout: float = 2.0) -> dict[str, object] | None:
        try:
            with urllib.request.urlopen(
                f"http://127.0.0.1:{self.port}{path}", timeout=timeout
            ) as r:
                return json.loads(r.read())
        except (OSError, urllib.error.URLError, ValueError):
            return None

    def healthy(self) -> bool:
        health = self._get("/_cluster/health")
        return bool(health) and health.get("status") in ("green", "yellow")

    def version(self) -> str | None:
        root = self._get("/")
        if not root:
            return None
        v = root.get("version", {})
        dist = v.get("distribution", "elasticsearch") if isinstance(v, dict) else "?"
        num = v.get("number") if isinstance(v, dict) else None
        return f"{dist} {num}"


def _kafka_cluster_id() -> str:
    # KRaft cluster ids are 16 random bytes, URL-safe base64 without padding.
    import base64

    return base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")


def _kafka_api_versions(port: int, client: dict[str, object] | None = None) -> bool:
    """True when the broker answers a real request (not just an open socket)."""
    from kafka import KafkaAdminClient
    from kafka.errors import KafkaError

    try:
        admin = KafkaAdminClient(
            bootstrap_servers=f"127.0.0.1:{port}",
            request_timeout_ms=3000,
            client_id="newswatch-stack-health",
            **(client or {}),
        )
    except (KafkaError, OSError, ValueError):
        return False
    try:
        admin.describe_cluster()
        return True
    except (KafkaError, OSError, ValueError):
        return False
    finally:
        admin.close()


class Stack:
    """Kafka + OpenSearch together, in dependency-free order."""

    def __init__(self, settings: StackSettings):
        self.settings = settings
        self.components: list[Component] = [Kafka(settings), OpenSearch(settings)]

    def up(self, on_start: Callable[[str], None] | None = None) -> list[ComponentStatus]:
        """Start what is not running and wait until everything is healthy (idempotent)."""
        self.settings.state_dir.mkdir(parents=True, exist_ok=True)
        # Launch every JVM first so they warm up side by side, then wait for each.
        launched = []
        for c in self.components:
            st = c.launch()
            if st.state == "starting" and on_start:
                on_start(c.name)
            launched.append(st)
        return [
            st if st.state in ("running", "external") else c.wait_healthy()
            for c, st in zip(self.components, launched, strict=True)
        ]

    def down(self) -> list[tuple[str, bool]]:
        return [(c.name, c.stop()) for c in reversed(self.components)]

    def status(self) -> list[ComponentStatus]:
        return [c.status() for c in self.components]

    def purge(self) -> None:
        """Delete the state folder (data, logs); refuses while a component of ours runs."""
        if any(c.owned_pid() for c in self.components):
            raise StackError("the stack is running; run `newswatch stack down` first")
        shutil.rmtree(self.settings.state_dir, ignore_errors=True)
