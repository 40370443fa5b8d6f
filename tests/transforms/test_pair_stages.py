"""The bench's stage classifier for missed pairs (bench/pair_stages.py, ``bench_pairs_real.py
--why``): on invented articles, each loss is put at the first pipeline stage that drops it."""

from __future__ import annotations

import sys
from pathlib import Path

from worker.model import Article
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from pair_stages import classify_miss


def stage(tagger: Tagger, rules: RuleSet, lang: str, body: str, rec: str, sup: str) -> str:
    tagged = tagger.tag(Article(id="t", title="", body=body, language=lang))
    return classify_miss(tagged, rules, rec, sup).stage


def test_a_country_the_tagger_never_names(tagger: Tagger, rules: RuleSet) -> None:
    # Spain is not in the text at all: lost at tagging, before anything else is asked
    body = "Le Maroc achète des chars à la France."
    assert stage(tagger, rules, "fr", body, "MAR", "ESP") == "a:none"


def test_no_arms_topic_means_the_query_loses_it(tagger: Tagger, rules: RuleSet) -> None:
    # a purchase of wheat: both countries tagged, but neither the arms-transfer topic nor a
    # weapon, so the pair rule's query never matches
    body = "Ägypten kauft Weizen aus Russland."
    assert stage(tagger, rules, "de", body, "EGY", "RUS") == "b:arms"


def test_arms_named_apart_from_the_buying_sentence(tagger: Tagger, rules: RuleSet) -> None:
    # the query matches (arms and a purchase are both in the article) but the sentence that
    # names the two countries has no trigger word
    body = (
        "Das Heer kauft neue Waffen: Panzer K2. "
        "Die Regierungen von Polen und Südkorea trafen sich gestern in Seoul."
    )
    assert stage(tagger, rules, "de", body, "POL", "KOR") == "c:trigger"


def test_the_pair_read_backwards(tagger: Tagger, rules: RuleSet) -> None:
    # the reader reads TUR<-RUS; a gold pair RUS<-TUR is then lost only to the direction
    body = "Die Türkei kauft von Russland das Luftabwehrsystem S-400."
    assert stage(tagger, rules, "de", body, "RUS", "TUR") == "e"


def test_a_read_pair_is_not_a_loss_of_the_reader(tagger: Tagger, rules: RuleSet) -> None:
    # the same pair the right way is read: whatever loses it later is the rule's filter
    body = "Die Türkei kauft von Russland das Luftabwehrsystem S-400."
    assert stage(tagger, rules, "de", body, "TUR", "RUS") == "read"


def test_arms_without_a_transfer_word_fail_the_topic_part(tagger: Tagger, rules: RuleSet) -> None:
    # a weapon is tagged (the arms part holds) but no word of buying, selling or delivering
    body = "Russland zeigt den Panzer T-90 auf einer Parade. Ägypten schaut zu."
    assert stage(tagger, rules, "de", body, "EGY", "RUS") == "b:topic"
