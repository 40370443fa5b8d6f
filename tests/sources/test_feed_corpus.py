"""Issue 17, items 10 and 11, over feedparser's own test corpus (~2,100 real-world RSS, Atom,
RDF and CDF edge cases, shipped in feedparser's source distribution on PyPI): every feed is
read with no exception escaping (a bad file or entry is its own reject), and no markup is left
in the title or body of an entry whose fields feedparser types as HTML."""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
import tarfile
from pathlib import Path

import feedparser
import pytest

from tests.conftest import ROOT, SEED, run_newswatch
from worker.errors import Reject
from worker.model import utcnow
from worker.sources.files import iter_entries
from worker.transforms.clean import clean
from worker.transforms.cleaning.feeds import HTML_TYPES

CACHE = ROOT / ".state" / "testdata"
TAG = re.compile(r"<[a-zA-Z!/][^<>]*>")


@pytest.fixture(scope="session")
def corpus() -> Path:
    """feedparser's tests/ folder from the sdist of the installed version (pip, cached)."""
    version = importlib.metadata.version("feedparser")
    root = CACHE / f"feedparser-{version}"
    if not (root / "tests").is_dir():
        CACHE.mkdir(parents=True, exist_ok=True)
        cmd = [sys.executable, "-m", "pip", "download", f"feedparser=={version}"]
        cmd += ["--no-binary", ":all:", "--no-deps", "--quiet", "-d", str(CACHE)]
        res = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        if res.returncode != 0:
            pytest.fail(f"cannot fetch feedparser's sdist from PyPI: {res.stderr[-500:]}")
        with tarfile.open(CACHE / f"feedparser-{version}.tar.gz") as tar:
            members = [m for m in tar.getmembers() if m.name.startswith(f"{root.name}/tests/")]
            tar.extractall(CACHE, members=members, filter="data")
    return root / "tests"


def html_values(path: Path) -> list[str]:
    """Every value feedparser types as HTML in the file's entries (title, summary, content)."""
    out = []
    for entry in feedparser.parse(path.read_bytes()).entries:
        details = [entry.get("title_detail"), entry.get("summary_detail")]
        details += list(entry.get("content") or [])
        for d in details:
            if isinstance(d, dict) and str(d.get("type", "")).lower() in HTML_TYPES:
                out.append(str(d.get("value") or ""))
    return out


def leaked_markup(text: str, sources: list[str]) -> list[str]:
    """Tags in ``text`` that were markup in an HTML-typed source (an escaped `&lt;b&gt;` in
    the source is text and may stay)."""
    return [t for t in TAG.findall(text) if any(t in s for s in sources)]


def test_every_feed_of_the_corpus_is_read_with_no_crash_and_no_markup(corpus):
    files = sorted(p for p in corpus.rglob("*.xml") if p.is_file())
    assert len(files) > 2000, corpus
    entries = cleaned = 0
    leaks: list[tuple[str, str, list[str]]] = []
    for path in files:
        try:
            items = list(iter_entries(path))
        except Reject:  # a whole file refused (not a feed, undefined entity...) is fine
            continue
        sources = html_values(path) if any(isinstance(i, dict) for i in items) else []
        for item in items:
            if isinstance(item, Reject):
                continue
            entries += 1
            try:
                article = clean(item, now=utcnow())
            except Reject:
                continue
            cleaned += 1
            for field in ("title", "body"):
                found = leaked_markup(getattr(article, field), sources)
                if found:
                    leaks.append((str(path.relative_to(corpus)), field, found))
    assert entries > 1000 and cleaned > 400, (entries, cleaned)
    assert not leaks, f"{len(leaks)} fields keep markup: {leaks[:10]}"


def test_media_group_feed_is_read_and_the_seed_after_it_still_scans(corpus, tmp_path):
    """The Media RSS `media:group` feed raised KeyError: 'links' and `scan` stopped there."""
    feed = corpus / "wellformed" / "media-rss" / "media_group.xml"
    items = list(iter_entries(feed))
    assert items and all(isinstance(i, dict) for i in items)
    res = run_newswatch("scan", str(feed), str(SEED), "--format", "jsonl", env=None)
    assert "Traceback" not in res.stderr, res.stderr
    assert '"rule_id"' in res.stdout  # the seed after the feed was scanned
