"""Shared fixtures. Tests marked ``stack`` use the real local Kafka and OpenSearch.

They never skip: if the stack is down the test fails and says how to start it, because a test
suite that silently skips its integration tests proves nothing (`make test` starts the stack).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run: CI must not go red (or green) by chance.
# `--hypothesis-seed=N` or HYPOTHESIS_PROFILE=explore still search further on demand.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("explore", max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "worker" / "data" / "samples" / "01-seed-putin-erdogan-s400.txt"
SAMPLES = ROOT / "worker" / "data" / "samples"
# The installed console script, run in its own process as a user would run it.
NEWSWATCH = str(Path(sys.executable).parent / "newswatch")


def run_newswatch(
    *args: str,
    env: dict[str, str],
    cwd: Path | None = None,
    stdin: str | bytes | None = None,
    text: bool = True,
    timeout: float = 120,
) -> subprocess.CompletedProcess:
    """``newswatch ARGS...`` with output captured (str, or bytes with ``text=False``)."""
    return subprocess.run(
        [NEWSWATCH, *args],
        input=stdin,
        capture_output=True,
        text=text,
        env=env,
        cwd=cwd,
        timeout=timeout,
    )


@pytest.fixture(scope="session")
def stack_ready() -> None:
    from worker.config import load_settings
    from worker.devstack import Stack

    rows = Stack(load_settings().stack).status()
    bad = [
        f"{r.name}: {r.state} {r.detail}" for r in rows if r.state not in ("running", "external")
    ]
    if bad:
        pytest.fail(
            "the local stack is not healthy (" + "; ".join(bad) + "). "
            "Start it with `newswatch stack up` (or run the suite with `make test`).",
            pytrace=False,
        )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(proc: subprocess.Popen, base: str, log: Path, timeout: float = 60) -> None:
    """Wait until the server ``proc`` answers ``GET {base}/healthz`` with 200; fail with its
    log if it exits first or does not answer within ``timeout`` seconds."""
    import time

    import httpx

    deadline = time.monotonic() + timeout
    while True:
        assert proc.poll() is None, log.read_text(errors="replace")
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            assert time.monotonic() < deadline, "serve did not start"
            time.sleep(0.2)


@pytest.fixture
def isolated_env(stack_ready: None, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Environment for one test: its own consumer group, topics and indices on the shared
    stack, so tests never see each other's messages or documents."""
    run = f"t{uuid.uuid4().hex[:10]}"
    env = {
        "NEWSWATCH_APP_ID": run,
        "NEWSWATCH_INDEX_PREFIX": run,
        "NEWSWATCH_METRICS_PORT": str(free_port()),
        "NEWSWATCH_PARTITIONS": "2",
        "NEWSWATCH_LOG_LEVEL": "INFO",
        # tables in memory, rebuilt from their changelogs: nothing left on disk by a test (the
        # RocksDB store has its own tests: tests/e2e/test_dedupe_stream.py)
        "NEWSWATCH_TABLE_STORE": "memory://",
    }
    for name in ("raw", "clean", "enriched", "alerts", "rules", "dlq", "silences"):
        env[f"NEWSWATCH_TOPICS__{name.upper()}"] = f"{run}.{name}"
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    from worker.config import get_settings

    get_settings.cache_clear()
    return {**os.environ, **env}
