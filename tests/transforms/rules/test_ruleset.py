"""Alerts: evidence offsets, pairs, keys, schema; publishing the rule set as records."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from worker.transforms.rules import RuleSet, load_rules
from worker.transforms.rules.explain import rekey_for_story

from .helpers import NOW, one_rule, ruleset_from
from .minitag import tag

ROOT = Path(__file__).resolve().parents[3]
# The seed (../shared/seeds/000_988cc405e97391b8.txt) is bundled as a sample, so a clone
# alone runs the suite.
from tests.conftest import SEED  # noqa: E402

ALERT_SCHEMA = Draft202012Validator(json.loads((ROOT / "schemas/alert.schema.json").read_text()))
RULES_SCHEMA = Draft202012Validator(json.loads((ROOT / "schemas/rules.schema.json").read_text()))


@pytest.fixture(scope="module")
def seed():
    return tag("Putin, Erdogan vow to improve ties", SEED.read_text(encoding="utf-8"), url="u")


def test_shipped_pack_on_seed_one_arms_alert(seed):
    alerts = load_rules().match(seed, now=NOW)
    assert [(a.rule_id, a.pair) for a in alerts] == [
        # "possible purchase": talks, not yet a deal
        (
            "arms-transfer-pair",
            {
                "recipient": "TUR",
                "supplier": "RUS",
                "weapon": "s-400",
                "status": "talks",
            },
        )
    ]


def test_test_pack_on_seed_matches_once(seed):
    alerts = load_rules(ROOT / "tests/data/rules/tur_rus").match(seed, now=NOW)
    assert len(alerts) == 1
    a = alerts[0]
    assert a.rule_id == "tur-rus-arms-purchase" and a.pair == {
        "recipient": "TUR",
        "supplier": "RUS",
        "weapon": "s-400",
        "status": "talks",
    }
    assert a.countries[:2] == ["TUR", "RUS"]
    assert a.entities["country"][:2] == ["TUR", "RUS"]
    assert a.matched_at == NOW and a.targets == ["turkey-desk", "russia-desk"]
    ALERT_SCHEMA.validate(json.loads(json.dumps(a.to_dict())))


def test_evidence_offsets_match_snippets(seed):
    for a in load_rules().match(seed, now=NOW):
        assert a.evidence
        for ev in a.evidence:
            text = seed.article.title if ev.field == "title" else seed.article.body
            matched = text[ev.start : ev.end]
            assert matched and matched in ev.snippet
            lo = text.find(ev.snippet)
            assert lo <= ev.start and ev.end <= lo + len(ev.snippet)
            if ev.field == "body":
                s, e = seed.sentences[ev.sentence]
                assert s <= ev.start < e
        terms = [ev.term for ev in a.evidence]
        # the role and the words that gave it (the parse: "purchase by Turkey")
        assert terms[0] == "recipient TUR: 'purchase by'"
        assert any(t.startswith("topic:arms_transfer/purchas*") for t in terms)


def test_title_evidence(tmp_path):
    rs = ruleset_from(tmp_path, "id: r\ntitle: t\nquery: '\"air defence\" AND ankara'\n")
    art = tag("Turkey's air-defence plans", "Ankara is said to be interested.")
    (a,) = rs.match(art, now=NOW)
    by_field = {ev.field: ev for ev in a.evidence}
    assert (
        by_field["title"].snippet[by_field["title"].start : by_field["title"].end] == "air-defence"
    )
    assert by_field["title"].sentence == -1
    body = by_field["body"]
    assert art.article.body[body.start : body.end] == "Ankara"


def test_one_alert_per_pair_and_pair_specs(tmp_path):
    text = "Russia delivered S-400 systems to India and China. Turkey bought drones from Iran."
    art = tag("", text)
    base = "title: t\nquery: topic:arms_transfer\n"
    rs = ruleset_from(
        tmp_path,
        "rules:\n"
        + "".join(
            f"  - id: {rid}\n    {base.replace(chr(10), chr(10) + '    ')}pair: {pair}\n"
            for rid, pair in [
                ("any", "{any: true}"),
                ("between", "{between: [RUS, CHN]}"),
                ("roles", "{recipient: IND, supplier: RUS}"),
                ("reversed", "{recipient: RUS, supplier: IND}"),
                ("buyer", "{recipient: TUR}"),
            ]
        ),
    )
    got = sorted(
        (a.rule_id, a.pair["recipient"], a.pair["supplier"]) for a in rs.match(art, now=NOW)
    )
    assert got == [
        ("any", "CHN", "RUS"),
        ("any", "IND", "RUS"),
        ("any", "TUR", "IRN"),
        ("between", "CHN", "RUS"),
        ("buyer", "TUR", "IRN"),
        ("roles", "IND", "RUS"),
    ]
    keys = [a.key for a in rs.match(art, now=NOW)]
    assert len(set(keys)) == len(keys)


def test_keys_stable_and_shared_by_duplicates(seed):
    rs = load_rules()
    (a,) = rs.match(seed, now=NOW)
    (again,) = rs.match(seed, now=NOW.replace(year=2030))
    assert a.key == again.key
    dup = replace(seed, article=replace(seed.article, id="copy", duplicate_of=seed.article.id))
    (b,) = rs.match(dup, now=NOW)
    assert b.key == a.key and b.article_id == "copy"


def test_rekey_for_story_gives_a_copy_matched_before_dedupe_its_first_copys_key(seed):
    """The stream matches before it knows an article is a copy: re-keying afterwards must give
    exactly the key that matching the linked copy gives, and change nothing else."""
    rs = load_rules()
    (first,) = rs.match(seed, now=NOW)
    unlinked = replace(seed, article=replace(seed.article, id="copy"))
    (early,) = rs.match(unlinked, now=NOW)
    assert early.key != first.key  # keyed as its own story until dedupe says otherwise
    rekeyed = rekey_for_story(early.to_dict(), seed.article.id)
    assert rekeyed["key"] == first.key
    assert {k: v for k, v in rekeyed.items() if k != "key"} == {
        k: v for k, v in early.to_dict().items() if k != "key"
    }


def test_non_arms_and_disabled_rules(tmp_path):
    rs = ruleset_from(
        tmp_path,
        "rules:\n"
        "  - {id: wheat, title: t, query: wheat}\n"
        "  - {id: disabled, title: t, query: wheat, enabled: false}\n"
        "  - {id: pair, title: t, query: wheat, pair: {any: true}}\n",
    )
    alerts = rs.match(tag("", "Russia sold wheat to Egypt."), now=NOW)
    assert [(a.rule_id, a.pair) for a in alerts] == [("wheat", None)]


def test_records_round_trip(seed):
    rs = load_rules(ROOT / "tests/data/rules/tur_rus")
    records = rs.to_records()
    assert all(isinstance(r["key"], str) and r["kind"] for r in records)
    json.dumps(records)  # plain data only
    assert "rule:tur-rus-arms-purchase" in {r["key"] for r in records}
    back = RuleSet.from_records(json.loads(json.dumps(records)))
    assert [a.to_dict() for a in back.match(seed, now=NOW)] == [
        a.to_dict() for a in rs.match(seed, now=NOW)
    ]
    # A tombstone (value None) deletes a rule, as on a compacted topic.
    gone = RuleSet.from_records(
        [*records, {"key": "rule:tur-rus-arms-purchase", "kind": "rule", "value": None}]
    )
    assert gone.rules == []


def test_records_with_a_bad_rule(seed):
    records = load_rules().to_records()
    bad = {"key": "rule:bad", "kind": "rule", "value": {"id": "bad", "title": "t", "query": "("}}
    rs, errors = RuleSet.from_records_lenient([*records, bad])
    assert len(rs.rules) == 4 and "cannot parse" in str(errors[0])


def test_pair_rule_filters_on_status(tmp_path):
    rs = ruleset_from(
        tmp_path,
        "id: deliveries\ntitle: t\nquery: 'buy OR delivered OR talks'\n"
        "pair: {any: true, status: [delivered, ordered]}\n",
    )
    talks = tag("", "Turkey is in talks to buy Russian S-400 missiles.")
    done = tag("", "Russia delivered S-400 missiles to Turkey.")
    assert rs.match(talks, now=NOW) == []
    (alert,) = rs.match(done, now=NOW)
    assert alert.pair["status"] == "delivered"
    RULES_SCHEMA.validate(
        {"rules": [{"id": "x", "title": "t", "query": "q", "pair": {"status": ["blocked"]}}]}
    )


def test_evidence_shows_the_terms_present_in_query_order_as_the_naive_scan_does(tmp_path):
    """Evidence skips a term whose anchor is not in the article (one set test instead of a
    look-up per term); what it shows must be what scanning every token shows, a proximity
    term included, and in the order the query names them."""
    rs = one_rule(
        tmp_path,
        'tank* OR "defence air"~3 OR missil* OR howitzer OR (drone AND country:TUR)',
    )
    art = tag("Missile talks", "Turkey wants missiles and a drone to guard the defence of its air.")
    (fast,) = rs.match(art, now=NOW)
    (naive,) = rs.match_naive(art, now=NOW)
    terms = [ev.term for ev in fast.evidence]
    assert fast.evidence == naive.evidence
    assert "tank*" not in terms and "howitzer" not in terms
    assert terms.index('"defence air"~3') < terms.index("missil*") < terms.index("drone")
    assert "country:TUR" in terms
