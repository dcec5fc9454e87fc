"""Placeholders left in a record: ``note new`` and ``customer new`` write TODO where a person must write.

A placeholder is valid YAML and fits the schema, so without this check an
unfinished note would pass; with it, ``flagsite validate`` points at each one
until it is filled in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..findings import Finding
from ..models import Customer, Note
from .context import CheckContext, Located

TODO = "TODO"
_PLACEHOLDER = re.compile(rf"^\s*{TODO}\b")


def is_placeholder(text: str) -> bool:
    """True for text that still says TODO: what a person must write, not yet written."""
    return bool(_PLACEHOLDER.match(text))


def _strings(value: Any, loc: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, loc + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, loc + (index,))


def _dotted(loc: tuple[str | int, ...]) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else ("." if i else "") + part for i, part in enumerate(loc))


def check_placeholders(note: Note, where: Located, ctx: CheckContext, customer: Customer | None) -> Iterator[Finding]:
    if _may_hold_placeholder(note):
        yield from placeholders_in(note.model_dump(mode="json", by_alias=True), where, "replace it with what really happened")


def check_customer_placeholders(customer: Customer, where: Located, ctx: CheckContext) -> Iterator[Finding]:
    if _may_hold_placeholder(customer):
        yield from placeholders_in(customer.model_dump(mode="json", by_alias=True), where, "replace it")


def _may_hold_placeholder(record: Customer | Note) -> bool:
    # The record as JSON text (serialised by pydantic's core, several times quicker than the Python
    # data) holds TODO in any string that starts with it: most records are walked no further.
    return TODO in record.model_dump_json()


def placeholders_in(data: dict[str, Any], where: Located, remedy: str = "replace it") -> Iterator[Finding]:
    """Every TODO in a record's data: also of a record that does not fit the schema yet."""
    for loc, text in _strings(data, ()):
        if is_placeholder(text):
            line, column = where.at(*loc)
            yield Finding(where.path, line, column, "S004", f"'{_dotted(loc)}' is still a TODO placeholder; {remedy} (the comment beside it says what goes there)")
