"""The Kibana / OpenSearch Dashboards saved objects: well-formed NDJSON whose references resolve
and whose fields exist, aggregatable, in the index mappings. (No Kibana runs here: this checks
structure, not rendering.)"""

from __future__ import annotations

import json
from typing import Any

import pytest

from worker.config import SCHEMAS_DIR
from worker.dashboards import (
    KIBANA_FILE,
    OSD_FILE,
    kibana_objects,
    opensearch_dashboards_objects,
    to_ndjson,
)
from worker.entities import ENTITY_TYPE_TABLE

AGGREGATABLE = {"keyword", "date", "boolean", "integer", "long", "float"}


def _fields(kind: str) -> dict[str, str]:
    """field path -> type, from the mappings component (sub-fields and objects flattened)."""
    props = json.loads((SCHEMAS_DIR / "index" / f"{kind}.component.json").read_text())
    out: dict[str, str] = {}

    def walk(p: dict[str, Any], prefix: str) -> None:
        for name, spec in p.items():
            path = prefix + name
            if "properties" in spec:
                walk(spec["properties"], path + ".")
            else:
                out[path] = spec["type"]
            for sub, sspec in spec.get("fields", {}).items():
                out[f"{path}.{sub}"] = sspec["type"]

    walk(props["template"]["mappings"]["properties"], "")
    return out


def _parse(path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines and all(line.strip() for line in lines)
    return [json.loads(line) for line in lines]


@pytest.mark.parametrize(
    ("path", "build"), [(KIBANA_FILE, kibana_objects), (OSD_FILE, opensearch_dashboards_objects)]
)
def test_shipped_files_are_the_generated_ones(path, build):
    assert path.read_text(encoding="utf-8") == to_ndjson(build("newswatch")), (
        "regenerate with `newswatch dashboards export`"
    )


@pytest.mark.parametrize("path", [KIBANA_FILE, OSD_FILE])
def test_objects_are_well_formed_and_references_resolve(path):
    objects = _parse(path)
    ids = [(o["type"], o["id"]) for o in objects]
    assert len(ids) == len(set(ids))
    seen: set[tuple[str, str]] = set()
    for obj in objects:
        assert {"type", "id", "attributes", "references"} <= obj.keys()
        assert obj["attributes"]["title"]
        for ref in obj["references"]:
            # dependencies come first in the file, so an import never meets a dangling one
            assert (ref["type"], ref["id"]) in seen, (obj["id"], ref)
        seen.add((obj["type"], obj["id"]))
        if obj["type"] == "search":
            source = json.loads(obj["attributes"]["kibanaSavedObjectMeta"]["searchSourceJSON"])
            names = {r["name"] for r in obj["references"]}
            assert source["indexRefName"] in names
    titles = {o["attributes"]["title"] for o in objects if o["type"] == "index-pattern"}
    assert titles == {"newswatch-articles", "newswatch-alerts"}


def test_visualisations_use_existing_aggregatable_fields():
    objects = kibana_objects()
    views = {o["id"]: o["attributes"]["title"].rsplit("-", 1)[1] for o in objects
             if o["type"] == "index-pattern"}  # fmt: skip
    lens = [o for o in objects if o["type"] == "lens"]
    assert {o["attributes"]["visualizationType"] for o in lens} == {"lnsXY", "lnsHeatmap"}
    for obj in lens:
        (ref,) = obj["references"]
        fields = _fields(views[ref["id"]])
        layers = obj["attributes"]["state"]["datasourceStates"]["formBased"]["layers"]
        assert ref["name"] == f"indexpattern-datasource-layer-{next(iter(layers))}"
        for layer in layers.values():
            assert layer["columnOrder"] == list(layer["columns"])
            for col in layer["columns"].values():
                if col["sourceField"] != "___records___":
                    assert fields.get(col["sourceField"]) in AGGREGATABLE, col["sourceField"]
        vis = obj["attributes"]["state"]["visualization"]
        cols = set(next(iter(layers.values()))["columns"])
        used = {v for _, v in _accessors(vis)}
        assert used and used <= cols, (obj["id"], used - cols)


def _accessors(vis: dict[str, Any]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for layer in vis.get("layers", [vis]):
        for key, value in layer.items():
            if key.endswith("Accessor") and isinstance(value, str):
                out.append((key, value))
            if key == "accessors":
                out += [(key, v) for v in value]
    return out


def test_pair_heatmap_is_recipient_by_supplier():
    (heat,) = [o for o in kibana_objects() if o["id"].endswith("pair-matrix")]
    cols = heat["attributes"]["state"]["datasourceStates"]["formBased"]["layers"]["layer1"][
        "columns"
    ]
    vis = heat["attributes"]["state"]["visualization"]
    assert cols[vis["yAccessor"]]["sourceField"] == "pair.recipient"
    assert cols[vis["xAccessor"]]["sourceField"] == "pair.supplier"


def test_dashboard_panels_match_references():
    (dash,) = [o for o in kibana_objects() if o["type"] == "dashboard"]
    panels = json.loads(dash["attributes"]["panelsJSON"])
    refs = {r["name"] for r in dash["references"]}
    for p in panels:
        assert f"{p['panelIndex']}:{p['panelRefName']}" in refs
    # four fixed panels (volume, alerts, pairs, heat map), three of events (per status over
    # time, per pair and status, outlets per event) and a 'Top ...' panel per entity type
    top = sum(t.dashboard for t in ENTITY_TYPE_TABLE)
    assert len(panels) == len(refs) == 4 + 3 + top == 12


def test_events_view_in_both_products():
    from worker.dashboards import opensearch_dashboards_objects

    for objects in (kibana_objects(), opensearch_dashboards_objects()):
        (events,) = [o for o in objects if o["id"] == "newswatch-search-events"]
        source = json.loads(events["attributes"]["kibanaSavedObjectMeta"]["searchSourceJSON"])
        assert source["query"]["query"] == "event_kind:(new or status)"
        assert "event.outlet_count" in events["attributes"]["columns"]
    lens = {o["id"]: o for o in kibana_objects() if o["type"] == "lens"}
    outlets = lens["newswatch-outlets-per-event"]["attributes"]["state"]
    cols = outlets["datasourceStates"]["formBased"]["layers"]["layer1"]["columns"]
    assert cols["outlets"]["sourceField"] == "event.outlet_count"
    assert cols["event"]["sourceField"] == "event_id"


def test_prefix_is_applied_everywhere():
    text = to_ndjson(kibana_objects("acme"))
    assert "newswatch-" not in text
    assert '"title": "acme-articles"' in text
