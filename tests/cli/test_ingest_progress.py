"""``newswatch ingest`` on a folder of 500 files in a terminal: a progress bar that reaches
500/500, and every bad file named with its reason (the bar never swallows those lines)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time


def test_progress_bar_on_500_files_names_bad_files(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    bad = set()
    for i in range(500):
        path = folder / f"story{i:03}.txt"
        if i % 100 == 42:
            path.write_bytes(b"\x00\x01 not text")
            bad.add(path.name)
        else:
            path.write_text(f"Moscow, March 12: Story {i} about talks. It went on for hours.\n")

    master, slave = os.openpty()  # rich draws the bar only on a terminal
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "worker", "ingest", "--dry-run", str(folder)],
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=slave,
        env=env,
    )
    os.close(slave)
    chunks = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            data = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert proc.wait(timeout=30) == 1  # some files were rejected
    out = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", b"".join(chunks).decode("utf-8", "replace"))

    assert re.search(r"ingest .*500/500", out), out[-2000:]
    for name in bad:
        assert re.search(rf"rejected \S*{name}: the file looks binary", out), name
    assert "495 item(s) validated; 5 rejected" in out
