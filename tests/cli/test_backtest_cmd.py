"""``newswatch rules backtest``: a pack over a seeded index of the real OpenSearch, with exact
counts (reports grouped into events), the comparison with another pack, and the progress bar."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from typer.testing import CliRunner

from tests.e2e.harness import seeded_index
from worker.backtest import delta_text
from worker.cli import app
from worker.config import load_settings
from worker.transforms.clean import clean
from worker.transforms.tag import default_tagger

NOW = datetime.now(UTC).replace(microsecond=0)
FILLER = "Residents said prices for bread and fuel had climbed sharply since the start of the year."
# One event (Turkey buying S-400 from Russia): three outlets report the talks in their own
# words, a fourth the signed deal (a status change); one wheat story; one report too old.
SEED = [
    ("https://one.example/a", 9, "Turkey wants to buy S-400 air defence systems from Russia, "
     "officials said during talks in Ankara."),
    ("https://two.example/b", 8, "Negotiations between Turkey and Russia over the possible "
     "purchase of S-400 systems are continuing, a defence ministry official said."),
    ("https://three.example/c", 7, "Ankara is negotiating with Moscow to buy Russian S-400 "
     "missile systems."),
    ("https://four.example/d", 3, "Turkey agreed to buy S-400 systems from Russia under a "
     "contract signed on Friday."),
    ("https://five.example/e", 2, "Egypt bought more wheat this winter as harvests failed."),
    ("https://six.example/f", 60, "Ankara is negotiating with Moscow to buy Russian S-400 "
     "missile systems."),
]  # fmt: skip


@pytest.fixture
def seeded(isolated_env) -> Iterator[dict[str, str]]:
    tagger = default_tagger()

    def actions(sink) -> list[dict]:
        out = []
        for url, days_ago, lead in SEED:
            item = {
                "url": url,
                "title": f"Report from {url.split('/')[2]}",
                "body": f"{lead}\n\n{FILLER}",
                "published_at": (NOW - timedelta(days=days_ago)).isoformat(),
            }
            out.append(sink.article_action(tagger.tag(clean(item, now=NOW)), []))
        return out

    with seeded_index(load_settings(), actions):
        yield isolated_env


@pytest.mark.stack
def test_backtest_counts_alerts_events_and_the_difference(seeded, tmp_path):
    wheat = tmp_path / "wheat"
    wheat.mkdir()
    (wheat / "wheat.yaml").write_text("id: wheat-watch\ntitle: wheat\nquery: wheat\n")

    res = CliRunner().invoke(
        app,
        ["rules", "backtest", "worker/data/rules", "--since", "30d", "--against", str(wheat),
         "--format", "jsonl", "--no-progress"],
        env=seeded,
    )  # fmt: skip
    assert res.exit_code == 0, res.stdout + res.stderr
    rows = {r["rule_id"]: r for r in map(json.loads, res.stdout.splitlines())}
    arms = rows["arms-transfer-pair"]
    # 4 reports in the period (the 60-day-old one is outside): one event, 2 alerts (the first
    # report and the status change talks -> agreed), 2 updates
    assert (arms["matches"], arms["alerts"], arms["events"], arms["updates"]) == (4, 2, 1, 2)
    days = [f"{NOW - timedelta(days=d):%Y-%m-%d}" for d in (9, 3)]
    assert arms["per_day"] == {days[0]: 1, days[1]: 1}
    assert arms["vs_active"] == {"added": 2, "removed": 0}
    # the compared pack's rule, absent from the candidate: what dropping it loses
    assert rows["wheat-watch"]["alerts"] == 0
    assert rows["wheat-watch"]["vs_active"] == {"added": 0, "removed": 1}

    table = CliRunner().invoke(
        app, ["rules", "backtest", "worker/data/rules", "--against", str(wheat)],
        env={**seeded, "COLUMNS": "200"},
    )  # fmt: skip
    assert table.exit_code == 0, table.stderr
    assert "over 5 article(s)" in table.stdout and "+2 alerts, \u22120" in table.stdout
    assert "5/5" in table.stderr  # the progress bar


def test_delta_text():
    assert delta_text(12, 3) == "+12 alerts, \u22123"
    assert delta_text(0, 0) == "no change"


@pytest.mark.stack
def test_invalid_pack_runs_nothing(isolated_env, tmp_path):
    (tmp_path / "bad.yaml").write_text("id: bad\ntitle: t\nquery: 'wheat AND ('\n")
    res = CliRunner().invoke(app, ["rules", "backtest", str(tmp_path)], env=isolated_env)
    assert res.exit_code == 1 and f"{tmp_path / 'bad.yaml'}:3" in res.stderr


@pytest.mark.stack
def test_a_pack_with_its_own_gazetteer_is_backtested_with_it(seeded, tmp_path):
    """A candidate pack that brings an entities.yaml tags the indexed articles with it, as a
    worker running that pack would (and as `rules test` does); the compared pack, without
    one, tags as the deployment does (here: no extension) and does not see the new entity."""
    rule = "id: bread-watch\ntitle: bread\nquery: org:bread-council\n"
    candidate, plain = tmp_path / "candidate", tmp_path / "plain"
    for pack in (candidate, plain):
        pack.mkdir()
        (pack / "bread.yaml").write_text(rule)
    (candidate / "entities.yaml").write_text(
        "organizations:\n  - id: bread-council\n    name: Bread Council\n"
        "    aliases:\n      - text: bread\n        case: insensitive\n"
    )
    res = CliRunner().invoke(
        app,
        ["rules", "backtest", str(candidate), "--since", "30d", "--against", str(plain),
         "--format", "jsonl", "--no-progress"],
        env=seeded,
    )  # fmt: skip
    assert res.exit_code == 0, res.stdout + res.stderr
    (row,) = map(json.loads, res.stdout.splitlines())
    # every report of the period says "bread" (the filler paragraph): five stories
    assert (row["rule_id"], row["matches"], row["alerts"]) == ("bread-watch", 5, 5)
    assert row["vs_active"] == {"added": 5, "removed": 0}

    # A pack without its own gazetteer tags as the deployment does (NEWSWATCH_RULES_DIR's
    # entities.yaml; `rules publish` does not carry one): both sides see the entity.
    res = CliRunner().invoke(
        app,
        ["rules", "backtest", str(plain), "--since", "30d", "--against", str(plain),
         "--format", "jsonl", "--no-progress"],
        env={**seeded, "NEWSWATCH_RULES_DIR": str(candidate)},
    )  # fmt: skip
    assert res.exit_code == 0, res.stdout + res.stderr
    (row,) = map(json.loads, res.stdout.splitlines())
    assert (row["matches"], row["alerts"], row["vs_active"]) == (
        5,
        5,
        {"added": 0, "removed": 0},
    )
