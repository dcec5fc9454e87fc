"""Property: nothing placed in an internal field or a non-factual flag ever reaches a customer export.

Records are built with generated secrets in every internal field (staff names,
guidance, remarks, follow-up owners) and in every field of flags whose type
the configuration marks not factual, including the type's own name and label;
the export is rendered in every format and searched for each secret.
"""

from __future__ import annotations

import datetime as dt
import json
import string
from typing import Literal

from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import escape

from flagsite.catalog import CustomerEntry, NoteEntry
from flagsite.config import Config, FlagType
from flagsite.export import RENDERERS, Audience, disclose
from flagsite.export.escape import markdown_text
from flagsite.models import Contact, Customer, Flag, FollowUp, Note

# Any printable text, markup characters included; each format's own escaping of
# a secret is searched for too. "Zq…qZ" appears in no factual text.
secret = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=4, max_size=24).map(lambda s: f"Zq{s}qZ")
staff = st.text(string.ascii_letters + string.digits + "._@-", min_size=4, max_size=16).map(lambda s: f"Zq{s}qZ")
type_name = st.text(string.ascii_lowercase + string.digits, min_size=4, max_size=10).map(lambda s: "zq" + s)

FACTUAL_TYPES = ["on-hold", "warning", "alert"]


@st.composite
def records(draw: st.DrawFn) -> tuple[CustomerEntry, Config, list[str]]:
    secrets: list[str] = []

    def hide(strategy: st.SearchStrategy[str]) -> str:
        value = draw(strategy)
        secrets.append(value)
        return value

    assessment = hide(type_name)
    label = hide(secret)
    config = Config(flag_types={
        **Config().flag_types,
        assessment: FlagType(label=label, severity="warn", icon="octicons-flame-16", factual=False),
    })
    flags = []
    for index in range(draw(st.integers(0, 3))):
        flags.append(Flag(type=draw(st.sampled_from(FACTUAL_TYPES)), reason=f"Factual reason {index}.",
                          guidance=hide(secret) if draw(st.booleans()) else None,
                          created=dt.date(2026, 6, 1 + index), created_by=hide(staff)))
    for index in range(draw(st.integers(1, 2))):
        flags.append(Flag(type=draw(st.sampled_from([assessment, "at-risk", "delight"])), reason=hide(secret),
                          guidance=hide(secret), created=dt.date(2026, 7, 1 + index), created_by=hide(staff),
                          review_by=dt.date(2026, 9, 1)))
    flags = draw(st.permutations(flags))
    customer = Customer(id="C-1", name="Alexander Erickson", flags=flags)
    notes = []
    for index in range(draw(st.integers(0, 3))):
        follow_up: FollowUp | Literal["none"] = FollowUp(due=dt.date(2026, 6, 20), owner=hide(staff), action="Call back.") if draw(st.booleans()) else "none"
        note = Note(at=dt.datetime(2026, 6, 3 + index, 14, 0, tzinfo=dt.UTC), author=hide(staff), channel="phone",
                    contact=Contact(name="Alexander Erickson"), reason="Asked about a refund.", disposition="billing-refund",
                    follow_up=follow_up, internal=hide(secret) if draw(st.booleans()) else None)
        notes.append(NoteEntry(f"records/customers/C-1/notes/2026-06-0{3 + index}-call.yaml", note))
    return CustomerEntry("records/customers/C-1", customer, notes), config, secrets


@settings(max_examples=60, deadline=None)
@given(records())
def test_no_internal_text_reaches_a_customer_export(case: tuple[CustomerEntry, Config, list[str]]) -> None:
    entry, config, secrets = case
    disclosed = disclose(entry, config, Audience.CUSTOMER)
    for name, render in RENDERERS.items():
        out = render(disclosed)
        for value in secrets:
            for form in (value, json.dumps(value, ensure_ascii=False)[1:-1], str(escape(value)), markdown_text(value)):
                assert form not in out, f"{value!r} leaked into the {name} export"
    # The same record for the reviewer holds every secret: the generator really placed them.
    reviewer = RENDERERS["json"](disclose(entry, config, Audience.REVIEWER))
    placed = [v for v in secrets if not v.startswith("zq") and v not in _labels(config)]
    assert all(json.dumps(v.strip(), ensure_ascii=False)[1:-1] in reviewer for v in placed)


def _labels(config: Config) -> set[str]:
    return {t.label for t in config.flag_types.values()}
