"""The entity-type registry: every projection lists every registered type, derived not copied."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from worker.entities import ENTITY_TYPE_TABLE, query_fields
from worker.errors import ConfigError
from worker.model import Article, Entity, TaggedArticle
from worker.transforms.gazetteer import load_gazetteer
from worker.transforms.rules.percolate import PERCOLATOR_MAPPING, article_doc

ROOT = Path(__file__).resolve().parent.parent
FIELDS = {t.field for t in ENTITY_TYPE_TABLE}


def _tagged() -> TaggedArticle:
    ents = [
        Entity("hanwha-aerospace", "company", "Hanwha Aerospace", "KOR"),
        Entity("POL", "country", "Poland"),
    ]
    return TaggedArticle(Article(id="a1", title="t", body="b"), ents)


def test_wire_format_lists_every_type() -> None:
    d = _tagged().to_dict()
    assert set(d) >= FIELDS
    assert d["companies"] == ["hanwha-aerospace"] and d["places"] == []
    assert TaggedArticle.from_dict(d).ids_by_field() == _tagged().ids_by_field()


def test_index_template_and_percolator_map_every_type() -> None:
    template = json.loads((ROOT / "schemas/index/articles.component.json").read_text())
    props = template["template"]["mappings"]["properties"]
    for f in FIELDS:
        assert props[f] == {"type": "keyword"}, f
        assert PERCOLATOR_MAPPING["properties"][f] == {"type": "keyword"}, f
    assert article_doc(_tagged())["companies"] == ["hanwha-aerospace"]


def test_rule_language_accepts_every_type_by_name_and_field() -> None:
    names = query_fields()
    for t in ENTITY_TYPE_TABLE:
        assert names[t.name] == t.name and names[t.field] == t.name


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "entities.yaml"
    p.write_text(textwrap.dedent(text))
    return p


def test_weapon_producer_links_to_a_company_and_its_country(tmp_path: Path) -> None:
    p = _write(
        tmp_path,
        """
        companies:
          - {id: acme-arms, name: Acme Arms, country: POL}
        weapons:
          - {id: acme-1, name: Acme-1 howitzer, producer: acme-arms}
        """,
    )
    g = load_gazetteer([p], shipped=False)
    assert g.entities["acme-1"].producer == "acme-arms"
    assert g.entities["acme-1"].country == "POL"  # taken from the maker
    assert g.entities["acme-arms"].type == "company"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "weapons:\n  - {id: w-1, name: W-1, producer: nobody}\n",
            "producer 'nobody' is not a company",
        ),
        (
            "people:\n  - {id: jane-doe, name: Jane Doe, producer: x}\n",
            "only a weapon has a 'producer'",
        ),
    ],
)
def test_bad_producer_is_a_clear_error(tmp_path: Path, text: str, reason: str) -> None:
    with pytest.raises(ConfigError, match=reason):
        load_gazetteer([_write(tmp_path, text)], shipped=False)
