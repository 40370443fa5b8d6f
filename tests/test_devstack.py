"""The local stack's lifecycle, for real, on its own ports and state folder (so it runs beside
the shared stack the other tests use): up, idempotent up, status, external detection, down."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from tests.conftest import free_port
from worker.config import StackSettings
from worker.devstack import Stack, find_java, java_major, pid_alive, port_open

pytestmark = pytest.mark.stack


def test_finds_a_jdk_for_each_component():
    assert java_major(find_java(17)) >= 17
    assert java_major(find_java(21)) >= 21


LOOPBACK = {"127.0.0.1", "::1"}


def listen_addresses(port: int) -> set[str]:
    """Local addresses of the TCP sockets listening on ``port`` (from /proc/net/tcp{,6})."""
    found = set()
    for table, width in (("/proc/net/tcp", 4), ("/proc/net/tcp6", 16)):
        with open(table, encoding="ascii") as fh:
            next(fh)
            for line in fh:
                local, state = line.split()[1], line.split()[3]
                addr, _, hexport = local.partition(":")
                if state == "0A" and int(hexport, 16) == port:  # 0A = LISTEN
                    found.add(_address(bytes.fromhex(addr), width))
    return found


def _address(raw: bytes, width: int) -> str:
    """/proc/net/tcp stores each 32-bit word of the address in host (little-endian) order."""
    import ipaddress

    words = b"".join(raw[i : i + 4][::-1] for i in range(0, width, 4))
    ip = ipaddress.ip_address(words)
    return str(getattr(ip, "ipv4_mapped", None) or ip)


def _cli(state_env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "worker", "stack", *args],
        env=state_env,
        capture_output=True,
        text=True,
        timeout=400,
    )


def test_up_status_down_on_private_ports(tmp_path, monkeypatch, stack_ready):
    ports = {
        "KAFKA_PORT": free_port(),
        "KAFKA_CONTROLLER_PORT": free_port(),
        "OPENSEARCH_PORT": free_port(),
        "OPENSEARCH_TRANSPORT_PORT": free_port(),
    }
    import os

    env = {
        **os.environ,
        "NEWSWATCH_STACK__STATE_DIR": str(tmp_path / "state"),
        "NEWSWATCH_STACK__OPENSEARCH_HEAP": "512m",
    }
    env.update({f"NEWSWATCH_STACK__{k}": str(v) for k, v in ports.items()})

    t0 = time.monotonic()
    up = _cli(env, "up", "--format", "json")
    assert up.returncode == 0, up.stderr
    started_in = time.monotonic() - t0
    rows = {r["name"]: r for r in json.loads(up.stdout)}
    assert {r["state"] for r in rows.values()} == {"running"}
    assert rows["kafka"]["address"] == f"127.0.0.1:{ports['KAFKA_PORT']}"
    assert rows["opensearch"]["version"].startswith("opensearch 3.")
    pids = {n: r["pid"] for n, r in rows.items()}
    try:
        # Bound to loopback only: every listening socket on each port is 127.0.0.1 or ::1
        # (was: "answers on 127.0.0.1", true of a server on all interfaces too).
        for key, port in ports.items():
            assert port_open(port, "127.0.0.1")
            addresses = listen_addresses(port)
            assert addresses and addresses <= LOOPBACK, (key, addresses)
        # `up` twice is a no-op: same processes, quickly.
        again = _cli(env, "up", "--format", "json")
        assert again.returncode == 0, again.stderr
        assert {r["name"]: r["pid"] for r in json.loads(again.stdout)} == pids

        status = _cli(env, "status", "--format", "json")
        assert status.returncode == 0
        # Another state folder sees these servers as external and never stops them.
        other = StackSettings(
            state_dir=tmp_path / "other", **{k.lower(): v for k, v in ports.items()}
        )
        assert {s.state for s in Stack(other).status()} == {"external"}
        assert [stopped for _, stopped in Stack(other).down()] == [False, False]
        assert all(pid_alive(p) for p in pids.values())
    finally:
        down = _cli(env, "down")
    assert down.returncode == 0, down.stderr
    for pid in pids.values():
        assert not pid_alive(pid), f"process {pid} still running after `stack down`"
    assert not port_open(ports["KAFKA_PORT"]) and not port_open(ports["OPENSEARCH_PORT"])
    status = _cli(env, "status")
    assert status.returncode == 1
    print(f"private stack up in {started_in:.1f}s")


def test_a_child_not_yet_execd_is_starting_not_dead(tmp_path):
    """Right after the fork, the child's command line is still the launcher's (no JVM marker
    yet): start-up must wait for the exec instead of reporting "exited during start-up" (seen
    once on a loaded machine). A live process that stays foreign past the grace is not ours."""
    comp = Stack(StackSettings(state_dir=tmp_path)).components[1]
    comp.pid_file.parent.mkdir(parents=True, exist_ok=True)
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        comp.pid_file.write_text(str(child.pid))
        assert comp.owned_pid() is None  # not (yet) a JVM of ours
        assert comp._still_exec(time.monotonic())  # so: still starting
        assert not comp._still_exec(time.monotonic() - 60)  # past the grace: a failed start
    finally:
        child.kill()
        child.wait()
    assert not comp._still_exec(time.monotonic())  # gone: no longer starting
