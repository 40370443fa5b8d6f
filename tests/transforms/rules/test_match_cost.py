"""Issue 17, item 9: the hostile inputs that made matching slow, kept as tests. The cost must
grow linearly with the article, so each test checks the *shape* of the work (what the costly
steps are given), not a time: timings belong in bench/bench_hostile.py."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest

from worker.model import Article
from worker.transforms.rules import load_rules
from worker.transforms.rules import match as match_module
from worker.transforms.rules.match import PAIR_SENTENCE_MAX, bounded_sentences
from worker.transforms.tag import default_tagger

NOW = datetime(2024, 1, 1, tzinfo=UTC)
# One "sentence" of 40 KB with a country every few words: the pair extractor compared every
# country with every word of it (82 s for 80 KB before the fix).
ONE_SENTENCE = "Russia Turkey S-400 missiles purchase deal " * 1000
# A frequent token: each occurrence's token index was counted from the start of the text.
DENSE = "Russia sold Turkey the S-400 system. " * 3000


def tagged(body: str, title: str = "Hostile input"):
    article = Article(id="h1", title=title, body=body, url=None, source=None, published_at=NOW)
    return default_tagger().tag(article)


def test_the_pair_extractor_never_sees_a_sentence_over_the_bound(monkeypatch):
    seen: list[int] = []
    real = match_module.extract_pairs

    def recording(t, lexicon, **kw):
        seen.extend(e - s for s, e in t.sentences)
        return real(t, lexicon, **kw)

    monkeypatch.setattr(match_module, "extract_pairs", recording)
    t = tagged(ONE_SENTENCE)
    assert max(e - s for s, e in t.sentences) > 40_000  # the tagger sees one sentence
    load_rules().match(t, now=NOW)
    assert seen and max(seen) <= PAIR_SENTENCE_MAX


def test_bounded_sentences_cover_the_body_at_spaces_and_map_back():
    t = tagged(ONE_SENTENCE.strip() + " Afterwards it rained.")
    bounded, original = bounded_sentences(t)
    pieces = bounded.sentences
    assert all(e - s <= PAIR_SENTENCE_MAX for s, e in pieces)
    assert pieces[0][0] == t.sentences[0][0] and pieces[-1][1] == t.sentences[-1][1]
    assert all(a[1] == b[0] for a, b in itertools.pairwise(pieces))  # contiguous
    assert all(t.article.body[e] == " " for _, e in pieces[:-2])  # cut at a space
    assert original[-1] == len(t.sentences) - 1 and set(original[:-1]) == {0}
    short = tagged("Turkey bought missiles. Russia sold them.")
    assert bounded_sentences(short)[0] is short


def test_a_pair_inside_a_long_sentence_keeps_the_taggers_sentence_number():
    filler = "roads, schools and budgets were discussed by the committee and " * 40
    # "; " so the clause parses on its own (the role reader reads a dependency parse)
    body = f"Officials met in the capital. The talks went on as {filler}; Turkey bought S-400 "
    body += "missiles from Russia."
    t = tagged(body)
    assert len(t.sentences) == 2 and t.sentences[1][1] - t.sentences[1][0] > PAIR_SENTENCE_MAX
    rules = load_rules()
    hits = rules.view(t).pairs(rules.relations["arms_transfer"])
    pairs = {(h.recipient, h.supplier): h for h in hits}
    assert ("TUR", "RUS") in pairs, hits
    assert {idx for fld, idx, _, _ in pairs[("TUR", "RUS")].sentences if fld == "body"} == {1}


@pytest.mark.parametrize("n", [1, 7, 500])
def test_positions_of_a_frequent_token_are_its_token_indices(n):
    t = tagged("Russia sold Turkey the S-400 system. " * n)
    view = match_module.RuleView(t, load_rules().compiled)
    expected = [i for i, tok in enumerate(view.toks) if tok == "russia"]
    assert view.positions("russia") == expected and len(expected) == n
