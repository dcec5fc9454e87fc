"""The fast (libyaml) reading of a customer's flags gives exactly what the round-trip reading gives.

Edits splice lines at these positions and write values and comments back, so
any difference would change the bytes written. Files the fast reader is not
sure of must be left to the round-trip reader (None), never read differently.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from flagsite.edit.flag_positions import read_fast, read_roundtrip
from flagsite.edit.yaml_text import plain_value

from .conftest import CUSTOMER_YAML

DEMO = sorted((Path(__file__).resolve().parents[2] / "records" / "customers").rglob("customer.yaml"))

HEAD = "id: C-1\nname: Zoë Ünal 😀 # ünïcode before the flags\n"
FAST = {
    "commented": CUSTOMER_YAML,
    "crlf folded": HEAD + "flags:\r\n  - type: alert\r\n    reason: >\r\n      Deliveries go to the\r\n      north entrance.\r\n    created: 2026-01-05\r\n    created_by: kim\r\n",
    "flush": HEAD + "flags:\n- type: alert\n  reason: First.  # why\n  created: 2026-01-05\n  created_by: kim\n# remark\n- "
                    "type: manager\n  reason: Second.\n  created: 2026-01-06\n  created_by: kim\n# end\nstatus: active\n",
    "dash alone": HEAD + "flags:\n  -\n    type: alert\n    reason: 'It''s fine' # quoted\n    created: 2026-01-05\n",
    "empty flow": HEAD + "flags: []\n",
    "empty flow, comment": HEAD + "flags: []  # none yet\nstatus: active\n",
    "null": HEAD + "flags:\nstatus: active\n",
    "none": HEAD + "status: active\n",
    "unicode comments": HEAD + "flags:\n  - type: alert   # ärger 😀\n    reason: \"Café: ouvert # pas un commentaire\"  # vrai\n    guidance:   # nothing yet\n    created: 2026-01-05 # date\n",
    "no final newline": HEAD + "flags:\n  - type: alert\n    reason: x # c",
    "literal": HEAD + "flags:\n  - type: alert\n    reason: |\n      Line one\n      line two\n    created: 2026-01-05\n",
    "YAML 1.1 booleans": HEAD + "flags:\n  - type: alert\n    reason: yes\n    guidance: No\n    extra: TRUE\n    more: off\n    created: 2026-01-05\n",
    "empty fields": HEAD + "flags:\n  - type: alert  # a\n    reason:\n    guidance: ~  # b\n    created:  # c\n",
}
# Files where the readers could disagree or the round-trip reader gives the error: the fast reader stands aside.
ROUNDTRIP_ONLY = {
    "anchor": HEAD + "flags:\n  - &a\n    type: alert\n",
    "duplicate key": HEAD + "name: again\nflags: []\n",
    "flow flags": HEAD + "flags: [{type: alert, reason: x}]\n",
    "not a list": HEAD + "flags: alert\n",
    "number-like text": HEAD + "flags:\n  - type: alert\n    reason: 1e5\n",
    "YAML 1.1 number": HEAD + "flags:\n  - type: alert\n    reason: 0o17\n",
    "datetime": HEAD + "flags:\n  - type: alert\n    created: 2026-01-05 10:00:00\n",
    "comment after block scalar header": HEAD + "flags:\n  - type: alert\n    reason: |  # c\n      x\n",
    "broken": HEAD + "flags: [\n",
    "two documents": HEAD + "---\nid: C-2\n",
    "list": "- a\n- b\n",
    "tab": HEAD + "flags:\n  - type: alert\n    reason: a\tb\n",
    "nested value": HEAD + "flags:\n  - type: alert\n    extra: [1, 2]\n",
}


def _normalized(layout: Any) -> tuple[Any, ...]:
    return (
        layout.flags_key, layout.flags_value if layout.empty_flow else None, layout.empty_flow,
        [(item.position, {k: plain_value(v) if v is not None else None for k, v in item.values.items()}, item.comments) for item in layout.items],
    )


@pytest.mark.parametrize("text", list(FAST.values()) + [p.read_text(encoding="utf-8") for p in DEMO], ids=list(FAST) + [p.parent.name for p in DEMO])
def test_the_fast_reader_reads_plain_files_as_the_round_trip_reader_does(text: str) -> None:
    lines = text.splitlines(keepends=True)
    fast = read_fast(text, lines)
    assert fast is not None
    assert _normalized(fast) == _normalized(read_roundtrip(text, lines, "customer.yaml"))


@pytest.mark.parametrize("text", list(ROUNDTRIP_ONLY.values()), ids=list(ROUNDTRIP_ONLY))
def test_the_fast_reader_stands_aside_when_unsure(text: str) -> None:
    assert read_fast(text, text.splitlines(keepends=True)) is None
