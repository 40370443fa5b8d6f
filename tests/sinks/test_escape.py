"""Escaping of article content per medium: nothing from an article may become a mention, a
link or markup."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from worker.model import Alert, Evidence
from worker.sinks import escape as esc

EVIL = "<!channel> <http://evil|click> *bold* _it_ ~s~ `c` <b>x</b> @here <@U123> & <!here>"

# Text with a high density of Slack's special characters, to make the search effective.
nasty = st.text(
    alphabet=st.sampled_from(list("<>!@&|*_~`:/ htpsHU#\n\r\x00\x07\u202e")) | st.characters(),
    max_size=80,
)


# What no link target may contain, written independently of escape.py's own checks.
NOT_A_LINK = re.compile(
    "[\\s\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)


def test_slack_mrkdwn_neutralises_mentions_links_and_formatting():
    out = esc.slack_mrkdwn(EVIL)
    assert "<" not in out and ">" not in out
    assert "&lt;!channel&gt;" in out and "&lt;@U123&gt;" in out
    assert "@here" not in out and "@\u2060here" in out
    assert not re.search(r"[*_~`]", out)
    assert "http:\u2060//evil|click" in out
    assert "&amp;" in out


def test_slack_mrkdwn_is_plain_for_plain_text():
    assert esc.slack_mrkdwn("Turkey buys S-400 from Russia") == "Turkey buys S-400 from Russia"


@given(nasty)
@settings(max_examples=500)
def test_slack_mrkdwn_never_emits_control_sequences(text):
    out = esc.slack_mrkdwn(text)
    for bad in ("<!", "<@", "<#", "<http", "<"):
        assert bad not in out
    assert not re.search(r"@(channel|here|everyone)\b", out, re.IGNORECASE)
    # Any '&' is the start of one of the three entities Slack knows.
    assert not re.search(r"&(?!amp;|lt;|gt;)", out)


@given(nasty, nasty)
@settings(max_examples=300)
def test_slack_link_is_one_link_whatever_the_input(url, label):
    out = esc.slack_link("https://ok.example/" + url, label)
    if NOT_A_LINK.search(url):  # spaces, controls, bidi overrides, lone surrogates
        assert out == ""
        return
    assert out.startswith("<https://ok.example/") and out.endswith(">")
    assert out.count("<") == 1 and out.count(">") == 1
    target, _, shown = out[1:-1].partition("|")
    assert target.startswith("https://ok.example/") and shown == esc.slack_mrkdwn(label)


def test_slack_link_of_a_url_with_a_lone_surrogate_is_empty():
    """Was: UnicodeEncodeError from quote() (hypothesis found it about once in 15 runs)."""
    assert esc.slack_link("https://ok.example/\ud800", "label") == ""


def test_safe_url_only_http():
    assert esc.safe_url("https://a.example/x?y=1") == "https://a.example/x?y=1"
    for bad in ("javascript:alert(1)", "data:text/html,x", "https://a.example/\n", "ftp://x", ""):
        assert esc.safe_url(bad) is None


@given(nasty)
def test_plain_text_and_one_line_strip_controls(text):
    out = esc.plain_text(text)
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out)
    line = esc.one_line(text)
    assert "\n" not in line and "\r" not in line


def _alert(snippet: str, evidence: list[tuple[str, int, int]]) -> Alert:
    return Alert(
        key="r:1",
        rule_id="r",
        rule_title="r",
        article_id="a",
        title="t",
        url=None,
        severity="high",
        countries=[],
        evidence=[Evidence(term, "body", s, e, snippet) for term, s, e in evidence],
        matched_at=datetime(2017, 1, 1, tzinfo=UTC),
    )


def test_highlight_recovers_snippet_offsets_from_terms():
    snippet = "Turkey will buy Russian S-400 missiles."
    base = 1000  # the snippet starts at body offset 1000
    a = _alert(
        snippet,
        [("topic:weapons/s-400*", base + 24, base + 29), ("topic:arms/buy*", base + 12, base + 15)],
    )
    text, spans = esc.evidence_highlight(a)
    assert [text[s:e] for s, e in spans] == ["buy", "S-400"]
    out = esc.highlighted(text, spans, esc.slack_mrkdwn, "*", "*")
    assert out == "Turkey will *buy* Russian *S-400* missiles."


def test_highlight_escapes_around_the_marks():
    snippet = "<!channel> buys S-400"
    a = _alert(snippet, [("topic:weapons/s-400*", 16, 21)])
    text, spans = esc.evidence_highlight(a)
    out = esc.highlighted(text, spans, esc.slack_mrkdwn, "*", "*")
    assert out == "&lt;!channel&gt; buys *S-400*"


def test_highlight_places_each_match_by_its_own_snippet_offset():
    """Title and first body sentence often read the same: evidence from both fields then
    shares one snippet text but not one offset (review: the body's match was dropped)."""
    same = "Turkey buys S-400"
    a = _alert(same, [])
    a.evidence = [
        Evidence("country:TUR", "title", 0, 6, same, -1, 0),
        Evidence("topic:weapons/s-400*", "body", 912, 917, same, 4, 900),
    ]
    text, spans = esc.evidence_highlight(a)
    assert [text[s:e] for s, e in spans] == ["Turkey", "S-400"]
