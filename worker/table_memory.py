"""RocksDB memory for the worker's tables: one budget for all of them, not one per database.

Each table partition is its own RocksDB database (the dedupe table, and the deliveries,
throttle and events tables once per partition). Faust gives every database its own block cache
and write buffers, so the worker's RocksDB memory grew with the number of partitions and kept
filling those caches long after the state itself had stopped growing (a soak run's RocksDB
memory doubled between the first and the tenth window). Here every database shares one LRU
block cache (``table_cache_mb``), and the memtables and the index and filter blocks are
charged to that same cache (a RocksDB write-buffer manager), so the worker's RocksDB memory is
about ``table_cache_mb`` whatever the number of partitions and however long it runs.

The stores: :class:`SharedCacheStore` is Faust's RocksDB store whose databases open with
:class:`SharedCacheOptions`; it is registered as ``newswatch-rocksdb://``, which the worker uses
when its settings say ``rocksdb://`` (the files are the same, named after the table).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import faust.stores
import rocksdict
from faust.stores.rocksdb import RocksDBOptions
from faust.stores.rocksdb import Store as RocksDBStore

MiB = 1024**2

#: The Faust store URL of :class:`SharedCacheStore` (registered below).
STORE_URL = "newswatch-rocksdb://"

#: Where the shared resources travel from the app to each table's store: the table options
#: (Faust passes them to the store, which hands unknown keys to ``RocksDBOptions``).
SHARED_KEY = "newswatch_shared"


@dataclass(frozen=True)
class RocksDBBudget:
    """How one ``table_cache_mb`` is split (bytes)."""

    cache: int  # the one block cache: data blocks + memtables + index/filter blocks
    memtables: int  # memtables of all databases together, charged to the cache
    write_buffer: int  # one memtable of one database (flushed to a file when full)
    max_write_buffers: int  # memtables per database (one written, one being flushed)


def rocksdb_budget(cache_mb: int) -> RocksDBBudget:
    """Split ``cache_mb`` MiB: half of it at most for memtables, the rest for blocks read.

    Memtables of 4 MiB (Faust's default is 64 MiB, the previous setting 16 MiB) so that each
    database's write buffers fill, flush and reach their steady size within a first window of
    articles rather than weeks later; smaller budgets shrink them down to 1 MiB so that a few
    databases can still flush before the shared limit forces them to."""
    if cache_mb < 8:
        raise ValueError(f"table_cache_mb must be at least 8 (MiB), not {cache_mb}")
    cache = cache_mb * MiB
    memtables = cache // 2
    write_buffer = max(1 * MiB, min(4 * MiB, memtables // 4))
    return RocksDBBudget(cache, memtables, write_buffer, max_write_buffers=2)


class SharedRocksDB:
    """The block cache and write-buffer manager all the worker's databases share (one per
    app: every table's options carry it under :data:`SHARED_KEY`)."""

    def __init__(self, budget: RocksDBBudget) -> None:
        self.budget = budget
        self.cache = rocksdict.Cache(budget.cache)
        # no stall: writes never wait for a flush; the manager makes the largest memtable
        # flush early when all of them together reach the limit
        self.write_buffers = rocksdict.WriteBufferManager.new_write_buffer_manager_with_cache(
            budget.memtables, False, self.cache
        )

    @classmethod
    def from_mb(cls, cache_mb: int) -> SharedRocksDB:
        return cls(rocksdb_budget(cache_mb))

    def table_options(self) -> dict[str, Any]:
        """A table's ``options=``: the sizes Faust's own options read, and the shared cache."""
        return {
            "write_buffer_size": self.budget.write_buffer,
            "max_write_buffer_number": self.budget.max_write_buffers,
            "block_cache_size": self.budget.cache,
            SHARED_KEY: self,
        }

    def options(
        self, max_open_files: int | None, target_file_size_base: int, bloom_bits: int
    ) -> rocksdict.Options:
        """One database's options (Faust's, with the shared cache and write-buffer manager)."""
        opts = rocksdict.Options(raw_mode=True)
        opts.create_if_missing(True)
        opts.set_max_open_files(max_open_files if max_open_files is not None else -1)
        opts.set_write_buffer_size(self.budget.write_buffer)
        opts.set_max_write_buffer_number(self.budget.max_write_buffers)
        opts.set_target_file_size_base(target_file_size_base)
        opts.set_write_buffer_manager(self.write_buffers)
        table = rocksdict.BlockBasedOptions()
        table.set_bloom_filter(bloom_bits, True)
        table.set_block_cache(self.cache)
        # index and filter blocks in the cache too (else each open file keeps its own outside
        # any limit); those of the newest files pinned, as they are read on every lookup
        table.set_cache_index_and_filter_blocks(True)
        table.set_pin_l0_filter_and_index_blocks_in_cache(True)
        table.set_index_type(rocksdict.BlockBasedIndexType.binary_search())
        opts.set_block_based_table_factory(table)
        return opts


class SharedCacheOptions(RocksDBOptions):
    """Faust's RocksDB options; with a :class:`SharedRocksDB` in the table options, databases
    open on its cache and write-buffer manager instead of caches of their own."""

    def as_options(self) -> Any:
        shared = self.extra_options.get(SHARED_KEY)
        if shared is None or not self.use_rocksdict:
            return super().as_options()
        return shared.options(
            self.max_open_files, self.target_file_size_base, self.bloom_filter_size
        )


class SharedCacheStore(RocksDBStore):
    """Faust's RocksDB table store, opening its databases with :class:`SharedCacheOptions`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # self.options is the table's options less what Faust's store popped (read_only, driver)
        self.rocksdb_options = SharedCacheOptions(**self.options, use_rocksdict=self.use_rocksdict)


def faust_store(table_store: str) -> str:
    """The Faust store URL for the ``table_store`` setting."""
    return STORE_URL if table_store == "rocksdb://" else table_store


faust.stores.STORES.aliases.setdefault(
    STORE_URL.removesuffix("://"), f"{__name__}:{SharedCacheStore.__name__}"
)
