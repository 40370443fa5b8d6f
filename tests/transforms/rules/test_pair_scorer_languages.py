"""The pair scorer's features in the ten other languages (issue 13): read without a parse, from
the symbol-line roles, the case classes of the language files and their word classes. Every
sentence here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from worker.model import Article
from worker.transforms.rules import load_rules, pairs
from worker.transforms.rules.languages import compile_language
from worker.transforms.rules.pair_scorer import Candidate, PairScorer, candidates
from worker.transforms.rules.pairs import LexiconError, extract_pairs
from worker.transforms.tag import default_tagger


@pytest.fixture(scope="module")
def read():
    tagger, base = default_tagger(), load_rules().relations["arms_transfer"]

    def run(lang: str, body: str) -> dict[tuple[str, str], Candidate]:
        lex = base.by_language[lang]
        tagged = tagger.tag(Article(id="t", title="", body=body, language=lang))
        rule = [(h.recipient, h.supplier) for h in extract_pairs(tagged, lex)]
        return {c.key: c for c in candidates(tagged, lex, rule)}

    return run


def test_pattern_roles_give_each_side_its_role(read) -> None:
    f = read("de", "Indien kauft von Russland neue Kampfjets.")[("IND", "RUS")].features
    assert f["rec_role:recipient"] == 1.0 and f["sup_role:supplier"] == 1.0
    assert f["roles:pair"] == 1.0 and f["rule"] == 1.0


def test_a_preposition_before_the_mention_is_its_case_class(read) -> None:
    got = read("de", "Frankreich liefert an Griechenland sechs Kampfflugzeuge.")
    assert got[("GRC", "FRA")].features["rec_case:to"] == 1.0
    got = read("ru", "Индия закупит у России новые истребители.")
    assert got[("IND", "RUS")].features["sup_case:from"] == 1.0


def test_a_turkish_case_suffix_is_its_case_class(read) -> None:
    f = read("tr", "Mısır, Fransa'dan iki fırkateyn satın aldı.")[("EGY", "FRA")].features
    assert f["sup_case:from"] == 1.0
    assert "rec_case:from" not in f


def test_word_classes_of_the_language_file_and_between_the_two(read) -> None:
    f = read("es", "España entregará tanques a Ucrania.")[("UKR", "ESP")].features
    assert f["trig:sell"] == 1.0
    assert f["between:sell"] == 1.0 and f["sup_first"] == 1.0


def test_no_word_or_country_name_is_a_feature(read) -> None:
    got = read("fr", "L'Égypte achète des avions de combat à la France.")
    names = {k for c in got.values() for k in c.features}
    assert names, "the sentence gives candidates"
    assert not any(w in k.lower() for k in names for w in ("egy", "fra", "achet", "avion"))


def test_english_candidates_keep_the_parse_features(read) -> None:
    lex = load_rules().relations["arms_transfer"]
    tagged = default_tagger().tag(Article(id="t", title="", body="Chile buys frigates from Spain."))
    f = {c.key: c for c in candidates(tagged, lex)}[("CHL", "ESP")].features
    assert f["sup_dep:from"] == 1.0 and not any(k.startswith(("rec_case", "sup_case")) for k in f)


@pytest.fixture()
def merged_de() -> dict:
    """The German lexicon as merged from its file and common.yaml (the rule set's record)."""
    return dict(load_rules().relations["arms_transfer"].raw["languages"]["de"])


def test_the_languages_name_their_own_weights_file(merged_de) -> None:
    assert merged_de["scorer"] == "pair_scorer_i18n.json"


def test_switched_on_a_language_lexicon_carries_the_scorer(merged_de, monkeypatch) -> None:
    monkeypatch.setattr(pairs, "PAIR_SCORER_I18N", True)
    scorer = compile_language(merged_de).scorer
    assert isinstance(scorer, PairScorer) and 0.0 < scorer.threshold < 1.0
    assert scorer.provenance["split"] == "dev"


def test_switched_off_a_language_lexicon_reads_no_weights(merged_de, monkeypatch) -> None:
    monkeypatch.setattr(pairs, "PAIR_SCORER_I18N", False)
    assert compile_language({**merged_de, "scorer": "no-such-file.json"}).scorer is None


@pytest.mark.parametrize("content", [None, "{not json", '{"weights": {}}'])
def test_a_missing_or_broken_weights_file_is_a_lexicon_error_naming_it(
    merged_de, monkeypatch, tmp_path: Path, content: str | None
) -> None:
    monkeypatch.setattr(pairs, "PAIR_SCORER_I18N", True)
    path = tmp_path / "weights.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=r"weights\.json"):
        compile_language({**merged_de, "scorer": str(path)})


def test_the_language_switch_leaves_english_without_a_scorer(monkeypatch) -> None:
    monkeypatch.setattr(pairs, "PAIR_SCORER_I18N", True)
    assert load_rules().relations["arms_transfer"].scorer is None  # pairs.PAIR_SCORER decides


def test_a_scorer_on_a_language_lexicon_is_applied(merged_de, monkeypatch) -> None:
    """A scorer that accepts every candidate adds a pair the patterns leave unread (two states
    named side by side: no side is given by the patterns)."""
    monkeypatch.setattr(pairs, "PAIR_SCORER_I18N", False)
    lex = compile_language(merged_de)
    body = "Zwischen Ägypten und Italien gibt es einen Vertrag über Fregatten."
    tagged = default_tagger().tag(Article(id="t", title="", body=body, language="de"))
    plain = {(h.recipient, h.supplier) for h in extract_pairs(tagged, lex)}
    lex.scorer = PairScorer({}, 10.0, 0.5)
    scored = {(h.recipient, h.supplier) for h in extract_pairs(tagged, lex)}
    assert plain == set() and len(scored) == 1
