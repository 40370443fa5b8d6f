"""Loading rule packs: validation errors name file, line and reason; lenient loading."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from worker.errors import ConfigError
from worker.transforms.rules import load_rules, load_rules_lenient

GOOD = """\
rules:
  - id: ok-rule
    title: fine
    query: purchase AND country:TUR
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def error_of(tmp_path: Path) -> str:
    with pytest.raises(ConfigError) as exc:
        load_rules(tmp_path)
    return str(exc.value)


def test_shipped_pack_loads():
    rs = load_rules()
    assert rs.get("arms-transfer-pair").pair.any
    assert {"arms_purchase", "arms_transfer", "weapons"} <= set(rs.topics)


def test_bad_query_names_file_and_line(tmp_path):
    f = write(tmp_path, "a.yaml", GOOD + "  - id: bad\n    title: t\n    query: purchase AND\n")
    msg = error_of(tmp_path)
    assert f"{f}:7: rule 'bad': cannot parse query" in msg


def test_schema_error_line(tmp_path):
    f = write(tmp_path, "a.yaml", "id: x\ntitle: t\nquery: a\nseverity: urgent\n")
    assert f"{f}:4: severity: 'urgent' is not one of" in error_of(tmp_path)


def test_unknown_key_and_missing_field(tmp_path):
    f = write(tmp_path, "a.yaml", "id: x\ntitle: t\nquery: a\nthrotle: 6h\n")
    assert f"{f}:1: file: Additional properties are not allowed ('throtle'" in error_of(tmp_path)
    f.write_text("id: x\ntitle: t\n")
    assert "'query' is a required property" in error_of(tmp_path)


def test_nested_schema_error_line(tmp_path):
    f = write(tmp_path, "a.yaml", "id: x\ntitle: t\nquery: a\npair:\n  between: [TUR]\n")
    assert f"{f}:5: pair.between: ['TUR'] is too short" in error_of(tmp_path)


def test_yaml_syntax_error(tmp_path):
    f = write(tmp_path, "a.yaml", "id: x\ntitle: [unclosed\nquery: a\n")
    assert f"{f}:3: invalid YAML" in error_of(tmp_path)


def test_unknown_topic_and_duplicate_ids(tmp_path):
    write(tmp_path, "a.yaml", GOOD)
    f = write(tmp_path, "b.yaml", "id: ok-rule\ntitle: t\nquery: topic:nope\n")
    msg = error_of(tmp_path)
    assert f"{f}:1: rule 'ok-rule': duplicate rule id (first defined in" in msg


def test_bad_topic_file(tmp_path):
    write(tmp_path, "a.yaml", GOOD)
    f = write(tmp_path, "topics/t.yaml", "id: t\nterms: []\n")
    assert f"{f}:2: terms: [] should be non-empty" in error_of(tmp_path)


def test_lenient_keeps_good_rules(tmp_path):
    write(tmp_path, "a.yaml", GOOD)
    write(tmp_path, "b.yaml", "id: broken\ntitle: t\nquery: 'a AND'\n")
    rs, errors = load_rules_lenient(tmp_path)
    assert [r.id for r in rs.rules] == ["ok-rule"]
    assert len(errors) == 1 and errors[0].rule_id == "broken" and errors[0].line == 3


def test_single_file_and_missing_path(tmp_path):
    f = write(tmp_path, "a.yaml", GOOD)
    assert [r.id for r in load_rules(f).rules] == ["ok-rule"]
    with pytest.raises(ConfigError, match="no such rule file"):
        load_rules(tmp_path / "nope")


def test_rule_fields(tmp_path):
    write(
        tmp_path,
        "a.yaml",
        "id: x\ntitle: t\nquery: a\nthrottle: 6h\nenabled: false\ntargets: [slack-ops]\n"
        "pair: {recipient: tur, supplier: RUS}\n",
    )
    rule = load_rules(tmp_path).get("x")
    assert rule.throttle.total_seconds() == 6 * 3600
    assert not rule.enabled and rule.targets == ["slack-ops"]
    assert (rule.pair.recipient, rule.pair.supplier) == ("TUR", "RUS")


def test_gazetteer_extension_beside_rules_is_not_a_rule_file(tmp_path):
    # README: a rules folder may carry the tagger's entities.yaml; it has its own format
    write(tmp_path, "rules.yaml", GOOD)
    write(tmp_path, "entities.yaml", "entities:\n  - id: acme\n    type: organization\n")
    assert [r.id for r in load_rules(tmp_path).rules] == ["ok-rule"]


def test_relation_status_section_error_names_file_and_key(tmp_path):
    write(tmp_path, "rules.yaml", GOOD)
    write(
        tmp_path,
        "relations/extra.yaml",
        "relation: extra_relation\nstatus:\n  talks: [mulls]\n  shipped: [sent]\n",
    )
    msg = error_of(tmp_path)
    assert "extra.yaml" in msg and "status.shipped: unknown key" in msg


def test_a_class_list_nested_by_a_yaml_anchor_is_read_flat() -> None:
    # "sell: [vende, &handing [doa, cede]]" and "handover: *handing": one list, two classes
    from worker.transforms.rules.languages import merge_language

    own = yaml.safe_load("classes: {sell: [vende, &h [doa, cede]], handover: *h}")
    merged = merge_language("arms_transfer", {}, own)
    assert merged["classes"]["sell"] == ["vende", "doa", "cede"]
    assert merged["classes"]["handover"] == ["doa", "cede"]
