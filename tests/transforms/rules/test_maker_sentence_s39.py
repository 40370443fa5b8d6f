"""A sentence telling where or by whom arms are made ("X builds the boats at its yard") names
the article's maker, whose state sells to the buyer another sentence reads alone (eleventh stop,
s39-en-company; ``pairs._tells_making``). Invented sentences only."""

from __future__ import annotations


def test_a_maker_sentence_fills_the_lone_buyer(read) -> None:
    assert read(
        "The cabinet approved the delivery of six patrol boats to Oman on Monday. Officials "
        "said the deal was large. Lürssen builds the boats at its yard on the coast."
    ) == {("OMN", "DEU")}
    assert read(
        "The cabinet approved the delivery of six frigates to Oman on Monday. Officials said "
        "the deal was large. Fincantieri manufactures the frigates at its yard."
    ) == {("OMN", "ITA")}


def test_a_company_named_for_another_reason_is_no_maker(read) -> None:
    # no verb of making: an office; no arms made: yachts
    assert (
        read(
            "The cabinet approved the delivery of six frigates to Oman on Monday. Officials "
            "said the deal was large. Fincantieri opened a new office in the capital."
        )
        == set()
    )
    assert (
        read(
            "Oman ordered six frigates on Monday. Officials said the deal was large. Lürssen "
            "builds yachts at its yard."
        )
        == set()
    )
