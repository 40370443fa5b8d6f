"""Country-pair role extraction against the labelled passages in tests/data/rules/pairs.yaml."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from worker.model import Article
from worker.pipeline import analyse
from worker.transforms.rules import RuleSet, load_rules
from worker.transforms.rules.pairs import extract_pairs
from worker.transforms.tag import default_tagger

from .minitag import tag

DATA = Path(__file__).resolve().parents[2] / "data" / "rules" / "pairs.yaml"
# The seed (../shared/seeds/000_988cc405e97391b8.txt) is bundled as a sample, so a clone
# alone runs the suite.
from tests.conftest import SEED  # noqa: E402


@pytest.fixture(scope="module")
def lexicon():
    return load_rules().relations["arms_transfer"]


def _score(rows):
    tp = sum(r[0] for r in rows)
    fp = sum(r[1] for r in rows)
    fn = sum(r[2] for r in rows)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return tp, fp, fn, precision, recall


def _table(passages, predict, capsys, heading: str) -> dict[str, tuple]:
    """Score ``predict(passage) -> {(recipient, supplier)}`` per kind, held-out vs tuned-on
    and ALL; print the table and the misses. Returns group -> (tp, fp, fn, prec, recall)."""
    groups: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    misses = []
    for p in passages:
        gold = {tuple(x) for x in p["pairs"]}
        pred = predict(p)
        row = (len(gold & pred), len(pred - gold), len(gold - pred))
        groups[p["kind"]].append(row)
        groups["(held out)" if p.get("holdout") else "(tuned on)"].append(row)
        groups["ALL"].append(row)
        if gold != pred:
            misses.append(f"  {p['text']}\n    gold={sorted(gold)} got={sorted(pred)}")
    lines = [
        heading,
        f"{'group':<14} {'n':>3} {'tp':>3} {'fp':>3} {'fn':>3} {'prec':>6} {'recall':>6}",
    ]
    scores = {}
    for name in sorted(groups, key=lambda g: (g.startswith("(") or g == "ALL", g)):
        rows = groups[name]
        scores[name] = tp, fp, fn, prec, rec = _score(rows)
        lines.append(f"{name:<14} {len(rows):>3} {tp:>3} {fp:>3} {fn:>3} {prec:>6.3f} {rec:>6.3f}")
    with capsys.disabled():
        print("\n" + "\n".join(lines))
        if misses:
            print("misses:\n" + "\n".join(misses))
    return scores


def _passages() -> list[dict]:
    passages = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    assert len(passages) >= 40
    return passages


def test_pair_precision_recall(lexicon, capsys):
    """The pair reader alone: the test-only mini tagger + ``extract_pairs``."""

    def predict(p: dict) -> set[tuple[str, str]]:
        return {(h.recipient, h.supplier) for h in extract_pairs(tag("", p["text"]), lexicon)}

    scores = _table(_passages(), predict, capsys, "mini tagger + extract_pairs")
    _, _, _, precision, recall = scores["ALL"]
    # Measured 2026-12-05 (parse-based roles): 1.000 / 0.972; bounds just below, not a floor
    assert precision >= 0.97
    assert recall >= 0.95


def test_pair_precision_recall_through_the_product(capsys):
    """The same passages the way ``newswatch scan`` reads them: the real tagger, the shipped
    rule pack (topic query first, then the pair roles) and ``RuleSet.match``; the pairs are
    those of the alerts of the pack's arms-transfer pair rule(s)."""
    ruleset = load_rules()  # the shipped pack, as `newswatch scan` loads it
    arms = {r.id for r in ruleset.active if r.pair and r.pair.relation == "arms_transfer"}
    assert arms, "the shipped pack has no arms-transfer pair rule"
    tagger = default_tagger()  # Tagger.load() over the shipped gazetteer
    now = datetime(2026, 1, 1, tzinfo=UTC)

    def predict(p: dict) -> set[tuple[str, str]]:
        digest = hashlib.sha256(p["text"].encode()).hexdigest()[:16]
        art = Article(id=digest, title="", body=p["text"])
        _, alerts = analyse(art, tagger, ruleset, now)
        return {(a.pair["recipient"], a.pair["supplier"]) for a in alerts if a.rule_id in arms}

    scores = _table(_passages(), predict, capsys, "real tagger + shipped pack + RuleSet.match")
    # Measured: ALL 0.970 / 0.956, held out 0.882 / 0.882 (33 passages, 17 gold pairs). The
    # third held-out batch (deployments, captured arms, goods listed before arms) scored
    # 0.000 / 0.000 blind (0 of 3 pairs, 2 false); one of its passages then led to the
    # "armoured vehicles" weapons term, so it is no longer blind. On the 107 passages before
    # it: ALL 0.967 / 0.952, held out 0.857 / 0.857. The second held-out batch scored
    # 0.846 / 0.786 blind; its "sent ballistic missiles" miss then led to the arms adjectives,
    # so one held-out passage is no longer blind. The bounds are those of the 66-passage set
    # (0.957 / 0.957, held out 0.778 / 0.778), not lowered.
    _, _, _, precision, recall = scores["ALL"]
    # Measured 2026-12-05: ALL 1.000 / 0.972, held out 1.000 / 0.947 (the held-out passages are
    # no longer blind: the status work changed four golds). Bounds just below the figures.
    assert precision >= 0.97
    assert recall >= 0.95
    _, _, _, precision, recall = scores["(held out)"]
    assert precision >= 0.95
    assert recall >= 0.9


def test_third_parties_and_shootdowns_never_pair(lexicon):
    text = SEED.read_text(encoding="utf-8")
    hits = extract_pairs(tag("", text), lexicon)
    assert [(h.recipient, h.supplier) for h in hits] == [("TUR", "RUS")]
    cues = {(c.role, c.country, c.cue) for c in hits[0].cues}
    assert ("recipient", "TUR", "'purchase by'") in cues  # the agent of the purchase
    assert ("supplier", "RUS", "maker of 'S-400'") in cues  # "Russian S-400"


def test_weapon_origin_implies_supplier(lexicon):
    hits = extract_pairs(tag("", "Turkey agreed to buy the S-400 system."), lexicon)
    assert [(h.recipient, h.supplier) for h in hits] == [("TUR", "RUS")]
    assert any(c.cue == "origin of S-400" for c in hits[0].cues)


def test_pairs_from_the_title(lexicon):
    hits = extract_pairs(tag("India to buy S-400 from Russia", "No details yet."), lexicon)
    assert [(h.recipient, h.supplier, h.sentences[0][0]) for h in hits] == [("IND", "RUS", "title")]


def _read_real(lexicon, text: str) -> set[tuple[str, str]]:
    """Pairs of one text tagged by the product's tagger (minitag knows few states and arms)."""
    tagged = default_tagger().tag(Article(id="t", title="", body=text))
    return {(h.recipient, h.supplier) for h in extract_pairs(tagged, lexicon)}


def test_the_maker_sells_to_the_buyer_not_to_a_donee_in_the_same_sentence(lexicon):
    # one sentence with a buyer of new jets and a state that was given used ones: the jets'
    # maker pairs with the buyer only
    got = _read_real(
        lexicon,
        "Slovakia received its first two F-16 jets, which will replace MiG-29 fighters earlier "
        "donated to Ukraine.",
    )
    assert ("UKR", "USA") not in got
    assert ("SVK", "USA") in got


def test_a_gift_alone_still_names_its_giver(lexicon):
    # the ordinary donation keeps its pair: the giver is named, no maker is filled in
    got = _read_real(lexicon, "The United States donated HIMARS launchers to Ukraine.")
    assert got == {("UKR", "USA")}


def test_a_seller_of_parts_built_into_the_platform_is_no_second_seller(lexicon):
    # the engines of the buyer's ships go to their builder: the engine maker's state does not
    # sell to the buyer
    got = _read_real(
        lexicon,
        "Peru signed a deal to buy two frigates from South Korea. Under the terms of the "
        "contract, the frigates' engines were to be supplied by Japan's Yanmar, but the firm "
        "later withdrew from the sale.",
    )
    assert got == {("PER", "KOR")}


def test_a_second_seller_of_the_arms_themselves_still_sells_to_the_buyer(lexicon):
    got = _read_real(
        lexicon,
        "Peru signed a deal to buy two frigates from South Korea. Under the terms of the "
        "contract, further frigates will be supplied by Japan.",
    )
    assert got == {("PER", "KOR"), ("PER", "JPN")}


def test_arms_sent_for_an_exercise_change_no_hands(lexicon):
    # a state moving its own arms to a drill abroad deploys them; the same verb without the
    # exercise is a transfer
    drill = _read_real(lexicon, "France sent six Rafale jets to Greece for the joint drills.")
    assert ("GRC", "FRA") not in drill
    games = _read_real(
        lexicon, "For the war games, Germany shipped two Patriot batteries to Lithuania."
    )
    assert ("LTU", "DEU") not in games
    assert ("GRC", "FRA") in _read_real(lexicon, "France sold eighteen Rafale jets to Greece.")


def test_aircraft_carrying_relief_goods_are_no_transfer(lexicon):
    # a transport flying relief in is a carrier, and relief is not arms
    got = _read_real(
        lexicon,
        "Japan sent a C-130 transport to Nepal to provide humanitarian aid after the floods.",
    )
    assert ("NPL", "JPN") not in got
    got = _read_real(
        lexicon, "The United States delivered a C-17 with medical supplies to Lebanon."
    )
    assert ("LBN", "USA") not in got
    # the aircraft itself handed over is a transfer
    got = _read_real(lexicon, "The United States delivered a C-17 to Lebanon.")
    assert ("LBN", "USA") in got


def test_relief_joined_to_arms_keeps_the_transfer(lexicon):
    # relief named beside arms ("launchers and humanitarian aid", or an arms word anywhere in
    # the sentence) does not hide the arms
    got = _read_real(
        lexicon,
        "Norway will give Ukraine NASAMS launchers and humanitarian aid.",
    )
    assert ("UKR", "NOR") in got
    listed = _read_real(
        lexicon, "Norway will give Ukraine NASAMS launchers, food and medical kits."
    )
    assert ("UKR", "NOR") in listed
    refused = _read_real(lexicon, "Poland sent medical supplies to Ukraine, then sent weapons.")
    assert ("UKR", "POL") in refused
    # a named weapon is arms too, unless it carries the relief ("a C-17 brought")
    named = _read_real(lexicon, "Canada shipped M777 howitzers to Ukraine alongside medical kits.")
    assert ("UKR", "CAN") in named
    bartered = _read_real(
        lexicon, "Iran gave Russia Shahed-136 drones in return for fuel shipments."
    )
    assert ("RUS", "IRN") in bartered


def _statuses(lexicon, text: str) -> dict[tuple[str, str], str | None]:
    """(recipient, supplier) -> status of one text tagged by the product's tagger."""
    tagged = default_tagger().tag(Article(id="t", title="", body=text))
    return {(h.recipient, h.supplier): h.status for h in extract_pairs(tagged, lexicon)}


def test_a_named_weapon_beside_relief_goods_is_a_transfer(lexicon):
    # the relief guard holds only where no arms are named: a weapon's name next to aid or a
    # barter of goods is what changes hands; a transport bringing the aid is its carrier
    got = _statuses(lexicon, "Germany handed Patriot launchers to Ukraine along with food aid.")
    assert got.get(("UKR", "DEU")) == "delivered"
    got = _statuses(
        lexicon, "Iran shipped Shahed-136 drones to Russia in exchange for oil shipments."
    )
    assert got.get(("RUS", "IRN")) == "delivered"
    assert not _statuses(lexicon, "A Turkish C-17 brought humanitarian aid to Syria.")
    # the aircraft the goods are loaded on or unloaded from is their carrier too
    assert not _statuses(
        lexicon, "Crews unloaded humanitarian aid parcels from a C-130 Hercules flown to Chad."
    )


def test_a_drill_beside_a_purchase_does_not_hide_it(lexicon):
    # the drill guard vetoes a sentence of sending (own forces on exercise), not a purchase told
    # beside a drill, nor "exercise" as the verb of using an option
    got = _statuses(
        lexicon, "Egypt will exercise its option to buy twelve more Rafale jets from France."
    )
    assert ("EGY", "FRA") in got and got[("EGY", "FRA")] is not None
    got = _statuses(
        lexicon,
        "At the naval exercises, Greece said it ordered four more Rafale jets from France.",
    )
    assert got.get(("GRC", "FRA")) == "ordered"
    assert not _statuses(lexicon, "France sent six Rafale jets to Greece for joint exercises.")


@pytest.fixture(scope="module")
def alerted():
    """The pairs the shipped pack alerts on for one text (topic query, then the pair roles)."""
    ruleset, tagger = load_rules(), default_tagger()
    arms = {r.id for r in ruleset.active if r.pair and r.pair.relation == "arms_transfer"}

    def run(text: str) -> set[tuple[str, str]]:
        art = Article(id="t", title="", body=text)
        _, alerts = analyse(art, tagger, ruleset, datetime(2026, 1, 1, tzinfo=UTC))
        return {(a.pair["recipient"], a.pair["supplier"]) for a in alerts if a.rule_id in arms}

    return run


@pytest.mark.parametrize(
    "text",
    [
        "Norway gave 60 oxygen tanks and two ventilators to Nepal's hospitals.",
        "Austria donated fire engines and water tanks to Albania after the floods.",
        "Finland handed over weather radars to Kenya's meteorological service.",
        "Kurdish-led militias in Syria handed over 90 Islamic State fighters to Iraq.",
        "Turkey sent 300 foreign fighters back to Tunisia last month.",
    ],
)
def test_civil_tanks_and_people_called_fighters_are_no_arms(alerted, text: str) -> None:
    # an arms noun after a civil modifier (the ``civil_use`` class) is equipment of peace, and
    # "fighters" after a group of people (``fighting_people``) are people: no transfer of arms
    assert alerted(text) == set(), text


def test_arms_beside_civil_goods_still_make_a_pair(alerted) -> None:
    # the guard is on the noun the modifier stands before, not on the sentence
    got = alerted("Germany donated 20 Leopard tanks and two fuel trucks to Ukraine.")
    assert got == {("UKR", "DEU")}
    assert alerted("Sweden sold Gripen fighters to Hungary.") == {("HUN", "SWE")}


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        # a maker's verb of making is the only transfer word: the topic query must let it through
        ("Mitsubishi Heavy Industries will build eleven frigates for Australia.", {("AUS", "JPN")}),
        ("Two corvettes were constructed for the Egyptian navy by Fincantieri.", {("EGY", "ITA")}),
        ("Embraer is assembling six Super Tucano aircraft for Ghana.", {("GHA", "BRA")}),
        ("Lockheed Martin was chosen to manufacture 12 F-16 jets for Bulgaria.", {("BGR", "USA")}),
        # a licence built in the buyer's own country: the licensor sells no arms
        (
            "India's navy commissioned two frigates built in India under a licence from Russia.",
            set(),
        ),
    ],
)
def test_a_maker_building_for_a_buyer_passes_the_topic_query(alerted, text, pairs) -> None:
    assert alerted(text) == pairs, text


def _topic_query(query: str) -> Callable[[str], bool]:
    """Whether a rule with this query, over the shipped topics, matches one text."""
    shipped, tagger = load_rules(), default_tagger()
    recs = [r for r in shipped.to_records() if r["kind"] != "rule"]
    rule = {"id": "q", "title": "q", "query": query}
    ruleset, errors = RuleSet.from_records_lenient(
        [*recs, {"key": "rule:q", "kind": "rule", "value": rule}]
    )
    assert errors == []

    def run(text: str) -> bool:
        tagged = tagger.tag(Article(id="q", title="", body=text))
        return bool(ruleset.view(tagged).matching())

    return run


def test_a_maker_without_a_buyer_passes_the_query_and_reads_no_sale(alerted) -> None:
    # no "for" naming a buyer: the query passes (the verb of making beside arms), the reader
    # still finds no sale
    text = "Hanwha builds K9 howitzers at its plant near Changwon."
    shipped = next(r for r in load_rules().active if r.id == "arms-transfer-pair")
    assert _topic_query(shipped.query)(text)
    assert alerted(text) == set()


def test_verbs_of_making_are_no_arms_transfer_topic() -> None:
    # common verbs: a city building a hospital is no arms report (the dashboards count the
    # topic); the pair rule reads them only beside arms, as topic:arms_build
    transfer = _topic_query("topic:arms_transfer")
    assert not transfer("The city built a new hospital and is constructing a bridge.")
    assert not transfer("The firm is manufacturing cars and assembling phones.")
    assert transfer("Chile bought six frigates from Spain.")


def test_every_build_word_of_the_reader_is_an_arms_build_term() -> None:
    # the topic and the reader's `build` class are kept in step: a report whose only transfer
    # sentence is a maker's must reach the reader
    classes = yaml.safe_load(
        (Path(__file__).parents[3] / "worker/data/rules/relations/arms_transfer.yaml").read_text()
    )["classes"]
    topics = load_rules().topics
    assert set(classes["build"]) <= set(topics["arms_build"].terms)
    assert not set(classes["build"]) & set(topics["arms_transfer"].terms)


def test_the_query_lets_through_every_arms_word_the_reader_reads() -> None:
    # the weapons topic and the reader's `arms` class are kept in step: a sale of "patrol ships"
    # or "armoured cars" must reach the reader (bare "jet(s)" stays out: private jets, jet fuel)
    ruleset, tagger = load_rules(), default_tagger()
    rule = next(r for r in ruleset.active if r.id == "arms-transfer-pair")
    classes = yaml.safe_load(
        (Path(__file__).parents[3] / "worker/data/rules/relations/arms_transfer.yaml").read_text()
    )["classes"]
    missed = []
    for word in classes["arms"]:
        tagged = tagger.tag(Article(id="q", title="", body=f"Chile bought six {word} from Spain."))
        if rule.id not in {ruleset.active[i].id for i in ruleset.view(tagged).matching()}:
            missed.append(word)
    assert missed == ["jet", "jets"]


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("Hyundai Heavy Industries will build four patrol ships for Peru.", {("PER", "KOR")}),
        ("Kenya took delivery of ten armoured cars from Turkey.", {("KEN", "TUR")}),
        ("Ghana has ordered six trainer planes from Italy.", {("GHA", "ITA")}),
    ],
)
def test_a_deal_told_only_by_a_multi_word_arms_noun_is_alerted(alerted, text, pairs) -> None:
    assert alerted(text) == pairs, text
