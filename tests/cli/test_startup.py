"""What a command pays before it does anything: `newswatch --help` and the commands that only
read the configuration must not load the cleaner, the NLP stack or the delivery clients."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import run_newswatch

# Each of these costs a quarter of a second to a second of import time; none is needed to
# parse arguments, print help or read the configuration.
HEAVY = (
    "trafilatura",
    "dateparser",
    "ftfy",
    "spacy",
    "faust",
    "aiohttp",
    "slack_sdk",
    "aiosmtplib",
)


def test_importing_the_cli_loads_no_heavy_library():
    code = (
        "import json, sys; import worker.cli; "
        f"print(json.dumps([m for m in {list(HEAVY)!r} if m in sys.modules]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert json.loads(out) == []


def test_every_command_still_lists_in_help(tmp_path):
    res = run_newswatch("--help", env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert res.returncode == 0, res.stderr
    for command in ("stack", "ingest", "clean", "tag", "rules", "alerts", "search", "config"):
        assert command in res.stdout
