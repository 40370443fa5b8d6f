"""A verb of leasing read both ways (2026-12-07, tenth stop): English "lease" means to rent and to
let. Without a "to" phrase its "by" phrase is the lessee ("jets leased by Croatia"); with one,
the arms go "to" the lessee and the "by" phrase is the lessor (grammar.py ``_leased_out``). The
reader took that lessor as the buyer and paired it with the weapon's state. Every sentence is
our own."""

from __future__ import annotations

import pytest

# ``read``: the shipped reader's (recipient, supplier) pairs of one text (conftest.py)

LEASED_TO_BY_A_LESSOR = [
    # the lessor's state lets, the force named after "to" takes
    ("Ten F-16s had been leased to the Dutch navy by a U.S. company.", {("NLD", "USA")}),
    ("The Gripen jets were leased to Hungary by Sweden.", {("HUN", "SWE")}),
    # the lessee unnamed: the lessor is no buyer, so no pair with the make's state
    ("Six Kfirs had been leased to an air arm by a Dutch company.", set()),
]


@pytest.mark.parametrize(("text", "expected"), LEASED_TO_BY_A_LESSOR)
def test_leased_to_a_force_by_a_lessor(read, text: str, expected: set) -> None:
    assert read(text) == expected


def test_leased_by_alone_stays_the_lessee(read) -> None:
    assert read("Two Gripens leased by Croatia from Sweden arrived.") == {("HRV", "SWE")}


# A "to" phrase naming no one who could take arms (a time, a date) leaves the "by" phrase as the
# lessee (grammar.py ``_lessee``): the reader had read such a phrase as the lessee and turned the
# pair around.
LEASED_BY_UNTIL_A_TIME = [
    ("Eight Mi-17s had been leased by Ecuador to the close of 2029 from Russia.", {("ECU", "RUS")}),
    ("Two Gripens were leased by Croatia to 2030 from Sweden.", {("HRV", "SWE")}),
    ("Six Su-30s were leased by Armenia to 2031 from Russia.", {("ARM", "RUS")}),
]


@pytest.mark.parametrize(("text", "expected"), LEASED_BY_UNTIL_A_TIME)
def test_a_time_after_to_is_no_lessee(read, text: str, expected: set) -> None:
    assert read(text) == expected
