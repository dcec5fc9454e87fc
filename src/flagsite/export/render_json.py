"""The export as one JSON object (SPEC: customer, flags, preferences, notes, orders, withheld)."""

from __future__ import annotations

from typing import Any

from ..controls import json_text
from .disclose import Audience, Disclosed, Section

LISTS = ("flags", "preferences", "notes", "orders")


def to_data(disclosed: Disclosed) -> dict[str, Any]:
    plain = _plain if disclosed.audience is Audience.CUSTOMER else _labelled
    data: dict[str, Any] = {"customer": plain(disclosed.customer)}
    # The usual lists, then any other the record holds (the reviewer's policy exceptions, say).
    for name in [*LISTS, *(key for key in disclosed.lists if key not in LISTS)]:
        data[name] = [plain(section) for section in disclosed.lists.get(name, [])]
    data["withheld"] = [{"what": w.what, "count": w.count, "why": w.why} for w in disclosed.withheld]
    return data


def render_json(disclosed: Disclosed) -> str:
    return json_text(to_data(disclosed), indent=2) + "\n"


def _plain(value: Any) -> Any:
    if isinstance(value, Section):
        return {item.name: _plain(item.value) for item in value.items}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _labelled(value: Any) -> Any:
    """Reviewer exports: every section and field says whether it is factual or internal."""
    if isinstance(value, Section):
        labelled: dict[str, Any] = {"disclosure": value.disclosure.value}
        if value.why:
            labelled["why"] = value.why
        labelled["fields"] = {item.name: {"disclosure": item.disclosure.value, "value": _labelled(item.value)} for item in value.items}
        return labelled
    if isinstance(value, list):
        return [_labelled(v) for v in value]
    return value
