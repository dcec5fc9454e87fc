"""Every demo customer can be edited in place: only the flag concerned changes, the result validates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from flagsite.config import Config
from flagsite.edit.flags import AddFlag, EditFlag, RemoveFlag, apply_change, check_customer_text, errors_of
from flagsite.edit.flags_text import FlagsText

DEMO = Path(__file__).resolve().parents[2] / "records" / "customers"
FILES = sorted(DEMO.rglob("customer.yaml"))
TODAY = dt.date(2026, 11, 22)


@pytest.mark.skipif(not FILES, reason="no demo records in this checkout")
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.parent.name)
def test_demo_customer_edits_in_place(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    rel, customer_id = str(path.relative_to(DEMO.parent.parent)), path.parent.name
    doc = FlagsText(text, rel)
    added = apply_change(text, rel, customer_id, AddFlag("alert", "Test flag.", "kim", dt.date(2026, 1, 1)))
    assert errors_of(check_customer_text(added, rel, customer_id, Config(), TODAY)) == []
    if doc.slots:
        assert apply_change(added, rel, customer_id, RemoveFlag("alert", dt.date(2026, 1, 1))) == text
    for slot in doc.slots:
        edited = apply_change(text, rel, customer_id, EditFlag(slot.type, slot.created, review_by=dt.date(2027, 1, 1)))
        lines = edited.splitlines(keepends=True)
        after = len(doc.lines) - slot.end
        assert lines[: slot.start] == doc.lines[: slot.start]
        assert lines[len(lines) - after :] == doc.lines[slot.end :]
        assert errors_of(check_customer_text(edited, rel, customer_id, Config(), TODAY)) == []
