"""The worker's RocksDB memory (worker/table_memory.py): one cache for all its tables."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from worker.app import create_app
from worker.config import load_settings
from worker.errors import ConfigError
from worker.table_memory import (
    STORE_URL,
    MiB,
    SharedCacheOptions,
    SharedCacheStore,
    SharedRocksDB,
    faust_store,
    rocksdb_budget,
)


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in [n for n in os.environ if n.startswith("NEWSWATCH_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)  # no stray .env


@pytest.mark.parametrize(
    ("cache_mb", "memtables_mb", "write_buffer_mb"),
    [(32, 16, 4), (8, 4, 1), (12, 6, 1.5), (1024, 512, 4)],
)
def test_the_budget_gives_half_to_memtables_and_small_write_buffers(
    cache_mb: int, memtables_mb: int, write_buffer_mb: float
) -> None:
    budget = rocksdb_budget(cache_mb)
    assert budget.cache == cache_mb * MiB
    assert budget.memtables == memtables_mb * MiB
    assert budget.write_buffer == int(write_buffer_mb * MiB)
    # one memtable written and one flushing per database, both well inside the shared limit
    assert budget.max_write_buffers * budget.write_buffer <= budget.memtables


def test_a_budget_below_8_mib_is_refused_naming_the_setting() -> None:
    with pytest.raises(ValueError, match="table_cache_mb must be at least 8"):
        rocksdb_budget(7)


def test_the_setting_defaults_to_32_and_refuses_less_than_8(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert load_settings().table_cache_mb == 32
    monkeypatch.setenv("NEWSWATCH_TABLE_CACHE_MB", "4")
    with pytest.raises(ConfigError) as err:
        load_settings()
    assert "NEWSWATCH_TABLE_CACHE_MB" in str(err.value) and "8" in str(err.value)


def test_only_the_rocksdb_setting_maps_to_the_shared_cache_store() -> None:
    assert faust_store("rocksdb://") == STORE_URL
    assert faust_store("memory://") == "memory://"


def test_without_the_shared_resources_the_options_are_fausts_own() -> None:
    # a table created without table_options(): a cache of its own, as Faust would open it
    opts = SharedCacheOptions(block_cache_size=8 * MiB, use_rocksdict=True)
    assert opts.as_options() is not None  # Faust's path, not ours (no shared key to read)
    shared = SharedRocksDB.from_mb(16)
    with_shared = SharedCacheOptions(**shared.table_options(), use_rocksdict=True)
    assert with_shared.extra_options["newswatch_shared"] is shared


def usage(db: object, prop: str) -> int:
    return db.property_int_value(prop)  # type: ignore[attr-defined, no-any-return]


def test_a_production_worker_opens_every_table_on_one_cache(tmp_path: Path) -> None:
    """The worker built from the production settings (rocksdb://), its tables' databases opened
    as Faust opens them at assignment, without Kafka: all of them report the one cache's
    capacity, and what one database writes shows in the cache usage of the others."""
    settings = load_settings(store_dir=tmp_path / "tables", table_cache_mb=24)
    assert settings.table_store == "rocksdb://"
    app = create_app(settings)
    stores = {name: app.tables[name].data for name in ("dedupe-state", "deliveries", "throttle")}
    assert all(type(s) is SharedCacheStore for s in stores.values())
    dedupe = stores["dedupe-state"]._db_for_partition(0)
    deliveries = [stores["deliveries"]._db_for_partition(p) for p in (0, 1)]
    throttle = stores["throttle"]._db_for_partition(3)
    dbs = [dedupe, *deliveries, throttle]
    try:
        for db in dbs:
            assert usage(db, "rocksdb.block-cache-capacity") == 24 * MiB  # not 24 MiB each
        assert usage(dedupe, "rocksdb.block-cache-usage") < MiB
        for i in range(3000):  # ~3 MB into one database's memtable, charged to the cache
            deliveries[1][f"k{i}".encode()] = os.urandom(1000)
        charged = usage(dedupe, "rocksdb.block-cache-usage")
        # the untouched dedupe database sees the memtable the deliveries one filled
        assert charged >= 2 * MiB
        assert usage(throttle, "rocksdb.block-cache-usage") == charged
        assert usage(deliveries[1], "rocksdb.cur-size-all-mem-tables") >= 2 * MiB
        assert usage(dedupe, "rocksdb.cur-size-all-mem-tables") < MiB
    finally:
        for db in dbs:
            db.close()
    assert app.newswatch_rocksdb.budget == rocksdb_budget(24)  # type: ignore[attr-defined]
    # the files where Faust's own rocksdb:// store puts them, so existing ones are reopened
    assert (tmp_path / "tables" / "v1" / "tables" / "deliveries-1.db").is_dir()


def test_memory_tables_stay_in_memory(tmp_path: Path) -> None:
    app = create_app(load_settings(store_dir=tmp_path, table_store="memory://"))
    assert type(app.tables["deliveries"].data).__module__ == "faust.stores.memory"
