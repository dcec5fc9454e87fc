"""Other people's data found in free text, and what is left alone."""

from __future__ import annotations

import pytest

from flagsite.render.search_index import words
from flagsite.request.third_parties import Known, find


def known() -> Known:
    return Known(
        own_words={tuple(words("Ravi Verma"))}, own_emails={"ravi@example.com"}, own_phones={"15550100"},
        names={tuple(words("Seán O'Brien")): ("another customer's name", "Seán O'Brien")}, ids={"C-2"},
    )


@pytest.mark.parametrize(("text", "found"), [
    ("Anjali Verma, wife, asked to change the delivery address.", ["Anjali Verma"]),
    ("Parcel left with Mr Daniel Okafor at number 14.", ["Daniel Okafor"]),
    ("Household hamper. Their daughter Mia (6) has a severe peanut allergy. No nuts.", ["Their daughter Mia (6) has a severe peanut allergy."]),
    ("Son Tom has power of attorney.", ["Tom"]),
    ("Same street as C-2 (020 7946 0018); write to d.okafor@example.net.", ["C-2", "020 7946 0018", "d.okafor@example.net"]),
    ("Spoke to seán o'brien about the parcel.", ["seán o'brien"]),
    # The customer's own name, email and phone; dates, amounts and order numbers are nobody's.
    ("Ravi Verma rang from 555 0100, ravi@example.com, about order O-10042 of 2026-06-03: refund 1,249.50 USD.", []),
    ("The son rang.", []),
])
def test_found_in_free_text(text: str, found: list[str]) -> None:
    assert [text[start:end] for start, end, _ in find(text, known())] == found
