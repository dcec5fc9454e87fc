"""Values written by the editing commands read back unchanged through the strict loader."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from flagsite.edit.flags import AddFlag, apply_change
from flagsite.load.yaml_strict import load_yaml_bytes

BASE = "id: C-1\nname: Dana\nflags: []\n"


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=80).filter(lambda s: s.strip() == s and s and "\ufeff" not in s))
def test_any_reason_round_trips(reason):
    text = apply_change(BASE, "customer.yaml", "C-1", AddFlag("alert", reason, "kim", dt.date(2026, 1, 2)))
    loaded = load_yaml_bytes(text.encode("utf-8"), "customer.yaml")
    assert not loaded.findings, loaded.findings
    assert loaded.data is not None and loaded.data["flags"][0]["reason"] == reason
    assert text.startswith("id: C-1\nname: Dana\nflags:\n")
