"""Field-level changes: words, identity of list items, and the block-wise shortcut the site uses."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from flagsite.history.blocks import block_changes, split_blocks
from flagsite.history.changes import field_changes, jsonable
from flagsite.load.yaml_strict import load_yaml_bytes

from .conftest import customer_yaml, flag


def words(old: str, new: str, subject: str = "") -> list[str]:
    before = jsonable(load_yaml_bytes(old.encode(), "customer.yaml").data)
    after = jsonable(load_yaml_bytes(new.encode(), "customer.yaml").data)
    return [c.words for c in field_changes("customer.yaml", subject, before, after)]


def test_words_for_the_usual_changes() -> None:
    base = customer_yaml("C-1", emails=["a@example.com"], flags=[flag("on-hold", "2026-06-01")])
    assert words(base, customer_yaml("C-1", emails=["b@example.com"], flags=[flag("on-hold", "2026-06-01")])) == [
        "email changed from a@example.com to b@example.com"
    ]
    assert words(base, customer_yaml("C-1", emails=["a@example.com", "c@example.com"], flags=[flag("on-hold", "2026-06-01")])) == [
        "email c@example.com added"
    ]
    assert words(base, customer_yaml("C-1", emails=["a@example.com"])) == ["flag on-hold removed"]
    assert words(base, customer_yaml("C-1", emails=["a@example.com"], flags=[flag("on-hold", "2026-06-01", review_by="2026-09-01")])) == [
        "flag on-hold review by set to 2026-09-01"
    ]


def test_same_type_flags_are_told_apart_by_creation_date() -> None:
    two = [flag("alert", "2026-06-01", "First."), flag("alert", "2026-06-02", "Second.")]
    assert words(customer_yaml("C-1", flags=two), customer_yaml("C-1", flags=two[1:])) == ["flag alert removed"]


def test_split_blocks_refuses_what_is_not_a_plain_block_mapping() -> None:
    assert split_blocks(b"{id: C-1}\n") is None
    assert split_blocks(b"---\nid: C-1\n") is None
    assert split_blocks(b"id: C-1\nid: C-2\n") is None
    assert split_blocks(b"- a\n- b\n") is None
    assert split_blocks(b"id: C-1\nflags:\n- type: x\n") == {b"id": b"id: C-1\n", b"flags": b"flags:\n- type: x\n"}
    assert split_blocks(b"# comment\nid: C-1\nflags:\n  - type: x\n# between\nname: A\n") == {
        b"id": b"id: C-1\n", b"flags": b"flags:\n  - type: x\n# between\n", b"name": b"name: A\n"
    }


text = st.text(string.ascii_letters + " .,", min_size=1, max_size=20).map(lambda s: s.strip() or "x")
flags = st.lists(
    st.builds(lambda t, d, r: flag(t, f"2026-06-{d:02d}", r), st.sampled_from(["on-hold", "alert", "warning"]), st.integers(1, 5), text),
    max_size=4,
)
emails = st.lists(st.sampled_from(["a@example.com", "b@example.com", "c@example.com"]), max_size=3, unique=True)
versions = st.builds(lambda e, f, n: customer_yaml("C-1", name=n, emails=e, flags=f), emails, flags, text)


@settings(max_examples=80, deadline=None)
@given(versions, versions)
def test_block_wise_changes_equal_whole_file_changes(old: str, new: str) -> None:
    quick = block_changes("customer.yaml", "", old.encode(), new.encode())
    assert quick is not None
    assert [c.words for c in quick] == words(old, new)


def test_control_characters_in_record_text_are_shown_as_escapes_in_the_words() -> None:
    old = customer_yaml("C-1", name="Alex")
    new = customer_yaml("C-1", name="Alex\x1b[31mred\x07\u202e")
    assert words(old, new) == ["name changed from Alex to Alex\\x1b[31mred\\x07\\u202e"]
