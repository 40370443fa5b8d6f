"""English sentences whose trigger's arms the reader did not reach, twelfth stop (2026-12-07):
a passive infinitive that completes another verb ("boats are expected to be handed over to X"),
a participle hung on an aside that glosses the arms ("jets, largely second-hand, given by
X"), arms taken "into service" after the purchase (not a deployment "into" a place), and the
air-defence compounds written without hyphens ("surface to air missiles").

The sentences are our own, written for the constructions; they run through the shipped tagger,
relation lexicon and parser (the shared ``read`` fixture, conftest.py).
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        # the infinitive has no subject of its own: what it hands over is the subject of the
        # verb it completes
        (
            "Two patrol boats are expected to be handed over to Ghana by Japan next year.",
            {("GHA", "JPN")},
        ),
        (
            "During the talks, three patrol vessels were scheduled to be handed over to Togo by "
            "Spain.",
            {("TGO", "ESP")},
        ),
    ],
)
def test_passive_infinitive_takes_the_subject_it_completes(read, text, pairs):
    assert read(text) == pairs


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        # the parser makes "hand" an apposition of the helicopters, and "donated" its participle
        ("Ghana operates 12 helicopters, largely second-hand, donated by Japan.", {("GHA", "JPN")}),
        # an aside that is no gloss of arms changes nothing: the plain participle as before
        ("Ghana operates 12 helicopters donated by Japan.", {("GHA", "JPN")}),
    ],
)
def test_participle_on_a_gloss_describes_the_arms(read, text, pairs):
    assert read(text) == pairs


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        # "into service" is the buyer taking the arms in, not arms sent into a place
        (
            "The Korean howitzers that Peru chose to acquire will be taken into service "
            "next spring.",
            {("PER", "KOR")},
        ),
        # keep: arms sent "into" a state are a deployment, no sale
        ("Russia sent tanks into Ukraine.", set()),
        ("Turkey sent more armoured vehicles into northern Syria last week.", set()),
    ],
)
def test_into_service_is_no_deployment(read, text, pairs):
    assert read(text) == pairs


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("Peru ordered 50 surface to air missiles from Israel.", {("PER", "ISR")}),
        ("Last year Morocco ordered 120 air to air missiles from France.", {("MAR", "FRA")}),
        # keep: the words in another sense name no arms
        ("Peru sent troops to the border while the jets flew from surface to air bases.", set()),
    ],
)
def test_air_defence_compounds_without_hyphens(read, text, pairs):
    assert read(text) == pairs


# Review of the twelfth stop (2026-12-07): "into service" lifts the "sent ... into" stop only
# when the phrase belongs to another verb ("will be taken into service"); a sender's own arms
# put "into service" or "into operations" somewhere abroad stay a deployment, no sale.
@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("Moscow has sent its S-400 batteries into service at an airbase in Syria.", set()),
        ("Washington sent a squadron of F-16s into service in Romania last month.", set()),
        ("London sent six Typhoon jets into operations over Iraq.", set()),
        # the phrase on a verb of its own, after the object: the purchase still reads
        ("Chile will take into service the frigates it bought from Britain.", {("CHL", "GBR")}),
    ],
)
def test_own_arms_sent_into_service_abroad_stay_a_deployment(read, text, pairs):
    assert read(text) == pairs


# Review: the verb chain reads the arms of an infinitive, not who sends them where; a hand-over
# of own arms for an exercise or a plain basing stays no sale.
@pytest.mark.parametrize(
    "text",
    [
        "Four US bombers are expected to be flown to Norway for a joint exercise in March.",
        "The Rafale jets are due to be sent to Greece by France for NATO drills.",
        "The Leopard tanks are due to be sent to Lithuania by Germany for a brigade based there.",
    ],
)
def test_verb_chain_keeps_look_alikes_out(read, text):
    assert read(text) == set()
