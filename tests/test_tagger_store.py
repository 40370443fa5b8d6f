"""The compiled tagger kept on disk between processes (worker/tagger_store.py)."""

from __future__ import annotations

from datetime import UTC, datetime

from worker.model import Article
from worker.tagger_store import cache_key, load_tagger

ARTICLE = Article(
    id="cache-1",
    title="Ankara weighs a second battery",
    body="Turkey may buy more S-400 systems from Russia, officials in Ankara said. "
    "Путин и Эрдоган обсудили поставки.",
    url="",
    source="test",
    language="en",
    published_at=None,
    fetched_at=datetime(2026, 12, 5, tzinfo=UTC),
)


def _ids(tagger) -> dict[str, list[str]]:
    tagged = tagger.tag(ARTICLE)
    return {
        e.type: sorted(x.id for x in tagged.entities if x.type == e.type) for e in tagged.entities
    }


def test_a_cached_tagger_tags_as_the_compiled_one_and_is_read_back(tmp_path):
    cache = tmp_path / "cache"
    first = load_tagger((), cache)
    files = list(cache.glob("tagger-*.pickle"))
    assert [f.name for f in files] == [f"tagger-{cache_key(())}.pickle"]
    inode = files[0].stat().st_ino  # a rewrite renames a new file over it
    second = load_tagger((), cache)
    assert second is not first  # a new object, read from the file...
    assert files[0].stat().st_ino == inode  # ...which was not written again
    assert _ids(second) == _ids(first)
    assert "TUR" in _ids(second)["country"] and "RUS" in _ids(second)["country"]


def test_an_extension_file_is_part_of_the_version(tmp_path):
    ext = tmp_path / "entities.yaml"
    ext.write_text("people:\n  - id: ada-quill\n    name: Ada Quill\n")
    before = cache_key([ext])
    assert before != cache_key(())
    tagger = load_tagger([ext], tmp_path / "cache")
    assert any(e.id == "ada-quill" for e in tagger.compiled.entities)
    ext.write_text("people:\n  - id: ada-quill\n    name: Ada Quill\n    aliases: [A. Quill]\n")
    assert cache_key([ext]) != before


def test_a_damaged_file_is_compiled_again_and_replaced(tmp_path):
    cache = tmp_path / "cache"
    load_tagger((), cache)
    (path,) = cache.glob("tagger-*.pickle")
    path.write_bytes(path.read_bytes()[:1000])  # a write cut short
    tagger = load_tagger((), cache)
    assert "TUR" in _ids(tagger)["country"]
    assert path.stat().st_size > 100_000  # whole again


def test_a_directory_others_can_write_is_not_used(tmp_path):
    cache = tmp_path / "shared"
    cache.mkdir(mode=0o777)
    cache.chmod(0o777)  # mkdir's mode is masked by the umask
    tagger = load_tagger((), cache)
    assert "TUR" in _ids(tagger)["country"]
    assert list(cache.iterdir()) == []  # nothing written where anyone could plant a pickle


def test_a_missing_extension_file_is_the_compilers_clear_error(tmp_path):
    import pytest

    from worker.errors import ConfigError

    with pytest.raises(ConfigError, match=r"missing\.yaml"):
        load_tagger([tmp_path / "missing.yaml"], tmp_path / "cache")


def test_a_linked_directory_is_not_used(tmp_path):
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    link = tmp_path / "cache"
    link.symlink_to(real)
    assert "TUR" in _ids(load_tagger((), link))["country"]
    assert list(real.iterdir()) == []
