"""A throw-away percolator index in the local OpenSearch, for the tests that compare its
matches with newswatch's matcher (one place for the index's life and the percolate query)."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from worker.model import TaggedArticle
from worker.transforms.rules.schema import Rule


@contextmanager
def percolator_with(
    rules: Iterable[Rule], name: str
) -> Iterator[Callable[[TaggedArticle], set[str]]]:
    """Store ``rules`` as percolator queries in a fresh index (deleted afterwards); yield a
    function giving the ids of the stored rules an article matches."""
    from opensearchpy import OpenSearch, helpers

    from worker.config import load_settings
    from worker.transforms.rules.percolate import PERCOLATOR_MAPPING, percolate_query, rule_to_dsl

    client = OpenSearch(load_settings().search_url, timeout=60)
    index = f"newswatch-test-{name}-{random.randrange(1 << 30)}"
    client.indices.create(
        index=index,
        body={
            "settings": {"number_of_shards": 1, "number_of_replicas": 0},
            "mappings": PERCOLATOR_MAPPING,
        },
    )
    try:
        helpers.bulk(
            client,
            (
                {
                    "_index": index,
                    "_id": r.id,
                    "_source": {"rule_id": r.id, "query": rule_to_dsl(r)},
                }
                for r in rules
            ),
        )
        client.indices.refresh(index=index)

        def percolate(ta: TaggedArticle) -> set[str]:
            res = client.search(index=index, body=percolate_query(ta, 1000))
            return {h["_source"]["rule_id"] for h in res["hits"]["hits"]}

        yield percolate
    finally:
        client.indices.delete(index=index, ignore_unavailable=True)
