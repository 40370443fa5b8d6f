"""``newswatch rules test DIR ARTICLE`` on the shipped rule pack and the bundled samples: which
rules match, the country pair, and the evidence."""

from __future__ import annotations

import os
import re
import subprocess

from tests.conftest import ROOT, SAMPLES, SEED, run_newswatch

PACK = ROOT / "worker" / "data" / "rules"


def rules_test(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWATCH_")}
    env["COLUMNS"] = "200"
    return run_newswatch("rules", "test", *args, env=env, cwd=ROOT, timeout=180)


def test_seed_article_matches_the_arms_rule_with_the_turkey_russia_pair():
    res = rules_test(str(PACK), str(SEED))
    assert res.returncode == 0, res.stderr
    out = res.stdout
    countries = re.search(r"^countries: (.+)$", out, re.M)
    assert countries, out
    assert {"TUR", "RUS"} <= set(countries.group(1).split(", "))
    line = re.search(
        r"^arms-transfer-pair \((\w+)\)  pair (\w+) <- (\w+)  (.*?)  key=(\S+)$", out, re.M
    )
    assert line, out
    severity, recipient, supplier, facts, key = line.groups()
    assert (severity, recipient, supplier) == ("high", "TUR", "RUS")
    assert facts == "s-400 (almaz-antey), talks"  # what is traded and how far the deal has gone
    assert key.startswith("arms-transfer-pair")
    # one evidence line at least, naming the term and quoting the article
    evidence = re.findall(r"^  • (\S+): (.+)$", out, re.M)
    assert evidence, out
    assert any("S-400" in snippet for _, snippet in evidence)
    # only TUR <- RUS for this article: Russia supplies, Turkey buys
    assert "pair RUS <- TUR" not in out


def test_another_pair_sample():
    """The India sample gives India <- Russia, so the pair is read from the article, not
    fixed."""
    res = rules_test(str(PACK), str(SAMPLES / "02-india-s400-deal.json"))
    assert res.returncode == 0, res.stderr
    assert re.search(r"^arms-transfer-pair \(high\)  pair IND <- RUS ", res.stdout, re.M), (
        res.stdout
    )


def test_look_alike_samples_match_nothing():
    """Turkey and Russia together without an arms transfer (wheat, football) and a turkey
    that is a bird: no rule matches."""
    names = (
        "03-turkey-russia-wheat.json",
        "04-turkey-russia-football.json",
        "06-thanksgiving-turkey.json",
    )
    # one run over the three articles: each gets its own section
    res = rules_test(str(PACK), *(str(SAMPLES / name) for name in names))
    assert res.returncode == 0, res.stderr
    assert res.stdout.count("no rule matched") == len(names), res.stdout
    assert "arms-transfer-pair" not in res.stdout, res.stdout


def test_missing_article_is_an_error():
    res = rules_test(str(PACK), str(SAMPLES / "no-such-article.txt"))
    assert res.returncode == 1
    assert "no-such-article.txt" in res.stderr
    assert "Traceback" not in res.stderr


def test_invalid_rule_pack_is_an_error(tmp_path):
    (tmp_path / "bad.yaml").write_text("id: broken\nquery: (unbalanced AND\n")
    res = rules_test(str(tmp_path), str(SEED))
    assert res.returncode == 1
    assert "bad.yaml" in res.stderr
    assert "Traceback" not in res.stderr
