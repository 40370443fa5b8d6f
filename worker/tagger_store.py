"""The compiled tagger, kept on disk between processes.

Compiling the gazetteer (about 50,000 aliases in eleven languages, their case modes, context
conditions and one Aho-Corasick automaton) costs about 3 s of CPU; loading the compiled tagger
from a pickle costs 0.2 s. Every command that tags (``tag``, ``rules test``, ``scan``,
backtests) and every worker start paid the 3 s. The file is named by the tagger's version
(worker/readings.py ``tagger_version``: the tagger's code, the gazetteer files, pycountry, the
extension files) plus the Python and pyahocorasick versions, so any change to what the tagger
is built from builds a new one; nothing is ever read across versions.

A pickle runs code when loaded, so the cache is used only in a directory owned by this user
and writable by nobody else (made 0700 when this module creates it); anything else, and any
file that fails to load, falls back to compiling, which is always correct.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import platform
import stat
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

KEEP = 4  # files of other versions kept (an upgrade and a rollback find theirs)


def extension_files(rules_dir: Path | None) -> list[Path]:
    """The rule pack's extension gazetteer, if it has one: what the stream's tagger adds."""
    from worker.transforms.gazetteer import EXTENSION_FILE

    if rules_dir is not None and (rules_dir / EXTENSION_FILE).is_file():
        return [rules_dir / EXTENSION_FILE]
    return []


def cache_key(extra: Sequence[Path] = ()) -> str:
    from importlib.metadata import version

    from worker.readings import tagger_version

    try:
        aho = version("pyahocorasick")
    except Exception:  # not installed as a distribution: the tagger version still decides
        aho = "?"
    # pyahocorasick pickles a native automaton: a cache shared by two architectures or Python
    # builds must not hand one the other's
    abi = f"{sys.implementation.cache_tag}-{platform.machine() or 'any'}"
    return f"{tagger_version(extra)}-{abi}-aho{aho}"


def _safe_dir(path: Path) -> bool:
    """A real directory (not a symlink someone could swap), owned by us, not writable by group
    or others: nobody else can plant a pickle."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = path.lstat()
    except OSError as exc:
        log.debug("tagger cache %s unusable: %s", path, exc)
        return False
    if (
        not stat.S_ISDIR(st.st_mode)
        or st.st_uid != os.getuid()
        or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    ):
        log.warning("tagger cache %s is not private to this user (owner or mode); not used", path)
        return False
    return True


def load_tagger(extra: Sequence[Path] = (), cache_dir: Path | None = None) -> Any:
    """The tagger over the shipped gazetteer plus ``extra``: from ``cache_dir`` when a file of
    this version is there, else compiled (and written there for the next process)."""
    from worker.transforms.tag import Tagger

    if cache_dir is None or not _safe_dir(cache_dir):
        return Tagger.load(extra)
    try:
        key = cache_key(extra)
    except OSError:  # an extension file missing or unreadable: the compiler says which, clearly
        return Tagger.load(extra)
    path = cache_dir / f"tagger-{key}.pickle"
    try:
        # O_NOFOLLOW: the file itself must not be a link to somewhere else
        with os.fdopen(os.open(path, os.O_RDONLY | os.O_NOFOLLOW), "rb") as f:
            tagger = pickle.load(f)
        if isinstance(tagger, Tagger):
            with contextlib.suppress(OSError):  # pruning keeps the files in use, not the newest
                os.utime(path)
            return tagger
        log.warning("tagger cache %s holds a %s; compiling", path, type(tagger).__name__)
    except FileNotFoundError:
        pass
    except Exception as exc:  # truncated, a link, or written by an incompatible library
        log.warning("tagger cache %s unreadable (%s); compiling", path, exc)
    tagger = Tagger.load(extra)
    # An extension file rewritten while we compiled: what we built may not be what the key
    # names, so it is used but not kept.
    try:
        unchanged = cache_key(extra) == key
    except OSError:
        unchanged = False
    if unchanged:
        _store(tagger, path)
    return tagger


def settings_cache_dir() -> Path | None:
    """The cache directory of the current configuration, for the commands that tag without
    otherwise needing one: a configuration they cannot read means no cache, not an error."""
    from worker.config import load_settings
    from worker.errors import ConfigError

    try:
        return load_settings().tagger_cache_dir()
    except ConfigError:
        return None


def _store(tagger: Any, path: Path) -> None:
    # Written beside its final name and renamed: a process reading at the same time sees the
    # old file or the whole new one, never half of it.
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tagger-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(tagger, f, protocol=pickle.HIGHEST_PROTOCOL)
            f.flush()
            os.fsync(f.fileno())  # a crash after the rename must not leave an empty file
        os.replace(tmp, path)
    except Exception as exc:  # a full disk, a read-only volume: the next process compiles
        log.debug("tagger cache %s not written: %s", path, exc)
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        return
    _prune(path)


def _prune(current: Path) -> None:
    """Keep the most recently used few files of other versions, and drop half-written files
    a killed process left behind; another process may be pruning too."""
    for tmp in current.parent.glob(".tagger-*.tmp"):
        try:
            if time.time() - tmp.stat().st_mtime > 600:
                tmp.unlink(missing_ok=True)
        except OSError:
            continue
    dated = []
    for p in current.parent.glob("tagger-*.pickle"):
        try:
            if p != current:
                dated.append((p.stat().st_mtime, p))
        except OSError:
            continue
    for _, old in sorted(dated, reverse=True)[KEEP:]:
        old.unlink(missing_ok=True)
