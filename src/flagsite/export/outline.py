"""What the people-facing formats share: headings, titles and labels for a disclosed record."""

from __future__ import annotations

from typing import Any

from ..controls import visible
from .disclose import Audience, Disclosed, Section

LIST_HEADINGS = (("flags", "Flags"), ("preferences", "Preferences"), ("notes", "Notes"), ("orders", "Orders"))


def list_headings(disclosed: Disclosed) -> list[tuple[str, str]]:
    """The usual lists in their usual order, then any list of records the schema gained since."""
    known = [key for key, _ in LIST_HEADINGS]
    return [*LIST_HEADINGS, *((key, label(key)) for key in disclosed.lists if key not in known)]


def title(disclosed: Disclosed) -> str:
    name = disclosed.customer.get("name") or ""
    return visible(f"Customer record: {name} ({disclosed.customer_id})")


def intro(disclosed: Disclosed) -> str:
    moment = disclosed.moment
    if disclosed.audience is Audience.CUSTOMER:
        return f"Everything factual held on this record, {moment}. What was left out, and why, is listed at the end."
    return f"Everything held on this record, {moment}, each item labelled factual or internal, for the reviewer who decides what to disclose."


def withheld_heading(disclosed: Disclosed) -> str:
    return "Withheld from this export" if disclosed.audience is Audience.CUSTOMER else "Withheld from the customer's export"


def section_title(section: Section, index: int, labels: dict[str, str]) -> str:
    return visible(_section_title(section, index, labels))


def _section_title(section: Section, index: int, labels: dict[str, str]) -> str:
    if section.kind == "flag":
        flag_type = str(section.get("type"))
        return f"{labels.get(flag_type, flag_type)} (since {section.get('created')})"
    if section.kind == "note":
        return f"{str(section.get('at')).replace('T', ' ')}, {section.get('channel')}"
    if section.kind == "order":
        return f"Order {section.get('order_id')}, {section.get('date')}"
    return f"{section.kind.replace('-', ' ').capitalize()} {index}"


def label(name: str) -> str:
    return name.replace("_", " ").capitalize()


def scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return visible(str(value), one_line=False)


def shown(value: Any) -> bool:
    """Empty fields are left out of the people-facing formats (JSON keeps them)."""
    return value not in (None, "", [])
