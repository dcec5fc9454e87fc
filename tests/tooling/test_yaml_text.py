"""Values written by the editing commands read back unchanged through the strict loader."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from flagsite.controls import first_forbidden
from flagsite.edit.flags import AddFlag, RemoveFlag, apply_change
from flagsite.edit.yaml_text import emitted, scalar
from flagsite.load.yaml_strict import load_yaml_bytes

BASE = "id: C-1\nname: Dana\nflags: []\n"


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=80).filter(lambda s: s.strip() == s and s and "\ufeff" not in s))
def test_any_reason_round_trips(reason: str) -> None:
    text = apply_change(BASE, "customer.yaml", "C-1", AddFlag("alert", reason, "kim", dt.date(2026, 1, 2)))
    loaded = load_yaml_bytes(text.encode("utf-8"), "customer.yaml")
    # Written and read back unchanged; a control character is then refused by the loader.
    expected = [] if first_forbidden(reason) is None else ["S005"]
    assert [f.code for f in loaded.findings] == expected, loaded.findings
    assert loaded.data is not None and loaded.data["flags"][0]["reason"] == reason
    assert text.startswith("id: C-1\nname: Dana\nflags:\n")


TEXT = st.text(min_size=1, max_size=40).filter(lambda s: s.strip() == s and s and "\ufeff" not in s and first_forbidden(s) is None)


@settings(max_examples=100, deadline=None)
@given(reason=TEXT, guidance=st.none() | TEXT, review=st.none() | st.dates(dt.date(2026, 6, 10), dt.date(2030, 1, 1)))
def test_adding_then_removing_a_flag_gives_back_the_same_bytes(reason: str, guidance: str | None, review: dt.date | None) -> None:
    from .conftest import CUSTOMER_YAML

    added = apply_change(CUSTOMER_YAML, "customer.yaml", "C-10042",
                         AddFlag("alert", reason, "kim", dt.date(2026, 6, 10), guidance, review))
    loaded = load_yaml_bytes(added.encode("utf-8"), "customer.yaml")
    assert not loaded.findings and loaded.data is not None
    # Dates are read as their text (as YAML 1.2 and the JSON Schema read them); the models parse them.
    assert loaded.data["flags"][-1] == {k: v for k, v in {
        "type": "alert", "reason": reason, "guidance": guidance, "created": "2026-06-10", "created_by": "kim",
        "review_by": review and review.isoformat(),
    }.items() if v is not None}
    assert apply_change(added, "customer.yaml", "C-10042", RemoveFlag("alert")) == CUSTOMER_YAML


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aZy0 .;()/'-:#,\"", min_size=1, max_size=12) | st.sampled_from(["yes", "No", "null", "off", "y", "It's ok", "a  b"]))
def test_text_written_without_asking_the_emitter_is_what_the_emitter_writes(text: str) -> None:
    assert scalar(text) == emitted(text)


@given(st.dates())
def test_dates_are_written_as_the_emitter_writes_them(date: dt.date) -> None:
    assert scalar(date) == emitted(date)  # type: ignore[arg-type]  # a date, as the emitter is never asked to write one
