"""Saved objects for Kibana and OpenSearch Dashboards, built from one description.

``deploy/kibana/newswatch.ndjson`` and ``deploy/opensearch-dashboards/newswatch.ndjson`` are
generated from here (``newswatch dashboards export``) and imported with
``newswatch dashboards import``. Kibana gets data views, saved searches, Lens visualisations and
a dashboard (Kibana 8.8+: the Lens ``formBased`` state and migration versions are 8.8's).
OpenSearch Dashboards has no Lens, so its file holds the index patterns and saved searches only.
Ids are stable, so a re-import overwrites instead of duplicating.
"""

from __future__ import annotations

import json
from typing import Any

from worker.config import PROJECT_ROOT
from worker.entities import ENTITY_TYPE_TABLE

KIBANA_FILE = PROJECT_ROOT / "deploy" / "kibana" / "newswatch.ndjson"
OSD_FILE = PROJECT_ROOT / "deploy" / "opensearch-dashboards" / "newswatch.ndjson"

_MIGRATION = {"coreMigrationVersion": "8.8.0"}
_COUNT = {
    "label": "Count",
    "dataType": "number",
    "operationType": "count",
    "sourceField": "___records___",
    "isBucketed": False,
    "scale": "ratio",
}


def _terms(field: str, label: str, size: int, order_by: str = "count") -> dict[str, Any]:
    return {
        "label": label,
        "dataType": "string",
        "operationType": "terms",
        "sourceField": field,
        "isBucketed": True,
        "scale": "ordinal",
        "params": {
            "size": size,
            "orderBy": {"type": "column", "columnId": order_by},
            "orderDirection": "desc",
            "otherBucket": False,
            "missingBucket": False,
        },
    }


def _date_histogram() -> dict[str, Any]:
    return {
        "label": "@timestamp",
        "dataType": "date",
        "operationType": "date_histogram",
        "sourceField": "@timestamp",
        "isBucketed": True,
        "scale": "interval",
        "params": {"interval": "auto", "includeEmptyRows": True, "dropPartials": False},
    }


def _lens(
    obj_id: str,
    title: str,
    data_view: str,
    vis_type: str,
    columns: dict,
    visualization: dict,
    query: str = "",
) -> dict[str, Any]:
    return {
        "type": "lens",
        "id": obj_id,
        "attributes": {
            "title": title,
            "description": "",
            "visualizationType": vis_type,
            "state": {
                "datasourceStates": {
                    "formBased": {
                        "layers": {
                            "layer1": {
                                "columnOrder": list(columns),
                                "columns": columns,
                                "incompleteColumns": {},
                            }
                        }
                    }
                },
                "visualization": visualization,
                "query": {"query": query, "language": "kuery"},
                "filters": [],
                "internalReferences": [],
                "adHocDataViews": {},
            },
        },
        "references": [
            {
                "type": "index-pattern",
                "id": data_view,
                "name": "indexpattern-datasource-layer-layer1",
            }
        ],
        "typeMigrationVersion": "8.9.0",
        **_MIGRATION,
    }


def _bars(x: str, accessors: list[str], split: str | None, series: str) -> dict[str, Any]:
    layer: dict[str, Any] = {
        "layerId": "layer1",
        "layerType": "data",
        "seriesType": series,
        "xAccessor": x,
        "accessors": accessors,
    }
    if split:
        layer["splitAccessor"] = split
    return {
        "legend": {"isVisible": True, "position": "right"},
        "preferredSeriesType": series,
        "valueLabels": "hide",
        "layers": [layer],
    }


def data_view(obj_id: str, title: str, name: str) -> dict[str, Any]:
    return {
        "type": "index-pattern",
        "id": obj_id,
        "attributes": {"title": title, "name": name, "timeFieldName": "@timestamp"},
        "references": [],
        "typeMigrationVersion": "8.0.0",
        **_MIGRATION,
    }


def saved_search(
    obj_id: str, title: str, data_view_id: str, columns: list[str], query: str = ""
) -> dict[str, Any]:
    source = {
        "query": {"query": query, "language": "kuery"},
        "filter": [],
        "indexRefName": "kibanaSavedObjectMeta.searchSourceJSON.index",
    }
    return {
        "type": "search",
        "id": obj_id,
        "attributes": {
            "title": title,
            "description": "",
            "columns": columns,
            "sort": [["@timestamp", "desc"]],
            "kibanaSavedObjectMeta": {"searchSourceJSON": json.dumps(source)},
        },
        "references": [
            {
                "name": "kibanaSavedObjectMeta.searchSourceJSON.index",
                "type": "index-pattern",
                "id": data_view_id,
            }
        ],
        "typeMigrationVersion": "8.0.0",
        **_MIGRATION,
    }


def _searches(prefix: str, arts: str, alerts: str) -> list[dict[str, Any]]:
    """The data views and saved searches (both products have these)."""
    return [
        data_view(arts, arts, f"{prefix} articles"),
        data_view(alerts, alerts, f"{prefix} alerts"),
        saved_search(
            f"{prefix}-search-articles",
            "newswatch: articles",
            arts,
            ["title", "source", "countries", "rules"],
        ),
        saved_search(
            f"{prefix}-search-originals",
            "newswatch: articles without duplicates",
            arts,
            ["title", "source", "countries", "story_id"],
            "not is_duplicate:true",
        ),
        saved_search(
            f"{prefix}-search-alerts",
            "newswatch: alerts",
            alerts,
            ["rule_id", "severity", "pair.recipient", "pair.supplier", "title"],
        ),
    ]


def _alert_lenses(prefix: str, alerts: str) -> list[dict[str, Any]]:
    return [
        _lens(
            f"{prefix}-alerts-over-time",
            "Alerts over time by rule",
            alerts,
            "lnsXY",
            {
                "time": _date_histogram(),
                "rule": _terms("rule_id", "Rule", 10, "count"),
                "count": {**_COUNT, "label": "Alerts"},
            },
            _bars("time", ["count"], "rule", "bar_stacked"),
        ),
        _lens(
            f"{prefix}-pair-matrix",
            "Country pairs: recipient × supplier",
            alerts,
            "lnsHeatmap",
            {
                "supplier": _terms("pair.supplier", "Supplier", 20, "count"),
                "recipient": _terms("pair.recipient", "Recipient", 20, "count"),
                "count": {**_COUNT, "label": "Alerts"},
            },
            {
                "layerId": "layer1",
                "layerType": "data",
                "shape": "heatmap",
                "xAccessor": "supplier",
                "yAccessor": "recipient",
                "valueAccessor": "count",
                "legend": {"isVisible": True, "position": "right", "type": "heatmap_legend"},
                "gridConfig": {
                    "type": "heatmap_grid",
                    "isCellLabelVisible": True,
                    "isYAxisLabelVisible": True,
                    "isXAxisLabelVisible": True,
                    "isYAxisTitleVisible": True,
                    "isXAxisTitleVisible": True,
                },
            },
        ),
    ]


def _article_lenses(prefix: str, arts: str) -> list[dict[str, Any]]:
    objects = []
    for field, title in ((t.field, f"Top {t.title}") for t in ENTITY_TYPE_TABLE if t.dashboard):
        objects.append(
            _lens(
                f"{prefix}-top-{field}",
                title,
                arts,
                "lnsXY",
                {"entity": _terms(field, title, 15, "count"), "count": {**_COUNT}},
                _bars("entity", ["count"], None, "bar_horizontal"),
            )
        )
    objects.append(
        _lens(
            f"{prefix}-per-source",
            "Articles per source",
            arts,
            "lnsXY",
            {
                "source": _terms("source", "Source", 20, "count"),
                "count": {**_COUNT, "label": "Articles"},
            },
            _bars("source", ["count"], None, "bar_horizontal"),
        )
    )
    return objects


def kibana_objects(prefix: str = "newswatch") -> list[dict[str, Any]]:
    """Every Kibana saved object, dependencies first (data views, then what uses them)."""
    arts, alerts = f"{prefix}-articles", f"{prefix}-alerts"
    objects = [
        *_searches(prefix, arts, alerts),
        *_alert_lenses(prefix, alerts),
        *_event_objects(prefix, alerts),
        *_article_lenses(prefix, arts),
    ]
    objects.append(_dashboard(prefix, [o for o in objects if o["type"] in ("lens", "search")]))
    return objects


# An event's alerts: its first report (new) and each status change; updates are the other
# reports of the event (docs/rules.md, section 9).
EVENT_ALERTS = "event_kind:(new or status)"
EVENT_COLUMNS = [
    *("rule_id", "pair.recipient", "pair.supplier", "pair.weapon", "event.status"),
    *("event.outlet_count", "event.count", "previous_status", "event_id", "title"),
]


def _events_by_status(
    prefix: str, alerts: str, name: str, title: str, x: str, x_column: dict, series: str
) -> dict[str, Any]:
    """A Lens bar chart of event alerts along ``x`` (time, pair), stacked by status."""
    columns = {
        x: x_column,
        "status": _terms("pair.status", "Status", 8, "count"),
        "count": {**_COUNT, "label": "Event alerts"},
    }
    bars = _bars(x, ["count"], "status", series)
    return _lens(f"{prefix}-{name}", title, alerts, "lnsXY", columns, bars, EVENT_ALERTS)


def _event_objects(prefix: str, alerts: str) -> list[dict[str, Any]]:
    """The events view: a saved search of events (both products), events per status over
    time and outlets per event (Kibana Lens)."""
    return [
        saved_search(
            f"{prefix}-search-events",
            "newswatch: events",
            alerts,
            EVENT_COLUMNS,
            EVENT_ALERTS,
        ),
        _events_by_status(
            prefix,
            alerts,
            "events-over-time",
            "Events per status over time",
            "time",
            _date_histogram(),
            "bar_stacked",
        ),
        _events_by_status(
            prefix,
            alerts,
            "events-per-pair",
            "Events per pair (recipient ← supplier) and status",
            "pair",
            _terms("pair_key", "Pair", 15, "count"),
            "bar_horizontal_stacked",
        ),
        _lens(
            f"{prefix}-outlets-per-event",
            "Outlets per event",
            alerts,
            "lnsXY",
            {
                "event": _terms("event_id", "Event", 20, "outlets"),
                "outlets": {
                    "label": "Outlets",
                    "dataType": "number",
                    "operationType": "max",
                    "sourceField": "event.outlet_count",
                    "isBucketed": False,
                    "scale": "ratio",
                },
            },
            _bars("event", ["outlets"], None, "bar_horizontal"),
            EVENT_ALERTS,
        ),
    ]


def _dashboard(prefix: str, members: list[dict[str, Any]]) -> dict[str, Any]:
    panels, refs = [], []
    for i, obj in enumerate(m for m in members if m["type"] == "lens"):
        pid = f"p{i}"
        panels.append(
            {
                "type": "lens",
                "panelIndex": pid,
                "gridData": {"x": (i % 2) * 24, "y": (i // 2) * 15, "w": 24, "h": 15, "i": pid},
                "embeddableConfig": {"enhancements": {}},
                "panelRefName": f"panel_{pid}",
            }
        )
        refs.append({"name": f"{pid}:panel_{pid}", "type": "lens", "id": obj["id"]})
    alerts_search = f"{prefix}-search-alerts"
    pid = f"p{len(panels)}"
    panels.append(
        {
            "type": "search",
            "panelIndex": pid,
            "gridData": {"x": 0, "y": (len(panels) + 1) // 2 * 15, "w": 48, "h": 15, "i": pid},
            "embeddableConfig": {"enhancements": {}},
            "panelRefName": f"panel_{pid}",
        }
    )
    refs.append({"name": f"{pid}:panel_{pid}", "type": "search", "id": alerts_search})
    return {
        "type": "dashboard",
        "id": f"{prefix}-overview",
        "attributes": {
            "title": "newswatch overview",
            "description": "Alerts by rule and country pair, top entities, articles per source.",
            "panelsJSON": json.dumps(panels),
            "optionsJSON": json.dumps({"useMargins": True, "hidePanelTitles": False}),
            "timeRestore": False,
            "kibanaSavedObjectMeta": {
                "searchSourceJSON": json.dumps(
                    {"query": {"query": "", "language": "kuery"}, "filter": []}
                )
            },
        },
        "references": refs,
        "typeMigrationVersion": "8.9.0",
        **_MIGRATION,
    }


def opensearch_dashboards_objects(prefix: str = "newswatch") -> list[dict[str, Any]]:
    """OpenSearch Dashboards: the same index patterns and saved searches (no Lens there), in its
    saved-object shape (no Kibana migration versions)."""
    out = []
    for obj in kibana_objects(prefix):
        if obj["type"] not in ("index-pattern", "search"):
            continue
        obj = {
            k: v
            for k, v in obj.items()
            if k not in ("coreMigrationVersion", "typeMigrationVersion")
        }
        obj["attributes"] = {k: v for k, v in obj["attributes"].items() if k != "name"}
        out.append(obj)
    return out


def to_ndjson(objects: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(o, ensure_ascii=False, sort_keys=True) + "\n" for o in objects)
