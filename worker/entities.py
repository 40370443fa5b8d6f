"""Entity types, declared once.

Everything that lists entity types derives from this table: the model (``TaggedArticle`` ids per
type and its wire format), the gazetteer's YAML sections, the rule language's field names, the
percolator mapping, index documents and the index template, ``newswatch tag``'s JSON and the
dashboards. Adding a type is one entry here plus a gazetteer file
(``data/gazetteer/<section>.yaml``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EntityType:
    """One entity type and every name it goes by."""

    name: str  # the type as stored on Entity.type ("company")
    section: str  # gazetteer YAML section holding its entries ("companies")
    field: str  # keyword field of ids in index documents, the wire format and CLI JSON
    title: str  # human title: CLI column, dashboard panel ("Top companies")
    id_scheme: str  # "iso3" (countries) or "slug" (a lower-case stable slug)
    query_names: tuple[str, ...] = ()  # extra names the rule language accepts ("org")
    dashboard: bool = True  # gets a "Top ..." panel


ENTITY_TYPE_TABLE: tuple[EntityType, ...] = (
    EntityType("country", "countries", "countries", "countries", "iso3"),
    EntityType("person", "people", "people", "people", "slug"),
    EntityType(
        "organization",
        "organizations",
        "organizations",
        "organisations",
        "slug",
        query_names=("org", "organisation"),
    ),
    EntityType("company", "companies", "companies", "companies", "slug", query_names=("maker",)),
    EntityType("weapon", "weapons", "weapons", "weapon systems", "slug"),
    EntityType("place", "places", "places", "places", "slug", dashboard=False),
)

BY_NAME: dict[str, EntityType] = {t.name: t for t in ENTITY_TYPE_TABLE}
ENTITY_TYPES: tuple[str, ...] = tuple(BY_NAME)


def query_fields() -> dict[str, str]:
    """Every field name the rule language accepts for an entity type → the type's name."""
    out: dict[str, str] = {}
    for t in ENTITY_TYPE_TABLE:
        for alias in (t.name, t.field, *t.query_names):
            out[alias] = t.name
    return out


def keyword_mapping() -> dict[str, dict[str, str]]:
    """Index mapping of the per-type id fields (all keyword)."""
    return {t.field: {"type": "keyword"} for t in ENTITY_TYPE_TABLE}
