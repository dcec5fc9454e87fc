"""Field-level changes between two versions of one record file, in data and in plain words.

Lists are compared by what their items are, not by position: a flag is
identified by its type and creation date, so removing the first of three
flags reads as one removal, not as three edits. Other items are matched by
equal content first; what is left over on both sides in equal numbers is
read as a change of those items, in order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..controls import visible

# How the items of a list field are recognised between versions, by field name.
_IDENTITY: dict[str, Callable[[Any], Any]] = {
    "flags": lambda item: (item.get("type"), str(item.get("created"))) if isinstance(item, dict) else None,
}
_WORDS_MAX = 120


@dataclass(frozen=True)
class FieldChange:
    file: str  # relative to the customer folder: customer.yaml, notes/<name>.yaml
    field: str  # inside the file, e.g. flags[on-hold 2026-06-03].reason; "" for the file itself
    kind: str  # added | removed | changed
    old: Any
    new: Any
    words: str  # the change in plain words

    @property
    def path(self) -> str:
        return f"{self.file}#{self.field}" if self.field else self.file

    def as_json(self) -> dict[str, Any]:
        return {"path": self.path, "kind": self.kind, "old": jsonable(self.old), "new": jsonable(self.new)}


def jsonable(value: Any) -> Any:
    """YAML data as JSON data: dates and times as ISO 8601 strings."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    return value


def show(value: Any) -> str:
    """A value as a reader would want it in one line."""
    value = jsonable(value)
    if value is None:
        text = "nothing"
    elif isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, dict):
        text = ", ".join(f"{k}: {show(v)}" for k, v in value.items() if v not in (None, [], {}))
    elif isinstance(value, list):
        text = "; ".join(show(v) for v in value) or "none"
    else:
        # Record text is untrusted: a control character (a terminal escape, say) is shown, never obeyed.
        text = visible(" ".join(str(value).split()))
    return text if len(text) <= _WORDS_MAX else text[: _WORDS_MAX - 1] + "…"


def field_changes(file: str, subject: str, old: Any, new: Any) -> list[FieldChange]:
    """Every field-level difference between two parsed versions of ``file``.

    ``subject`` starts every sentence ("" for customer.yaml, "note 2026-06-03-refund"
    for a note), so the words read "flag on-hold added", "note ... reason changed".
    """
    return list(_diff(file, "", subject, old, new))


def _diff(file: str, field: str, words: str, old: Any, new: Any) -> Iterator[FieldChange]:
    # A list left out of a file is an empty list (the models' default).
    if old is None and isinstance(new, list):
        old = []
    if new is None and isinstance(old, list):
        new = []
    if old == new:
        return
    if isinstance(old, dict) and isinstance(new, dict):
        for key in [*old, *(k for k in new if k not in old)]:
            yield from _diff(file, _join(field, str(key)), _child_words(words, key), old.get(key), new.get(key))
        return
    if isinstance(old, list) and isinstance(new, list):
        yield from _diff_list(file, field, words, _last_name(field), old, new)
        return
    yield _scalar_change(file, field, words, old, new)


def _scalar_change(file: str, field: str, words: str, old: Any, new: Any) -> FieldChange:
    if old is None or old == []:
        return FieldChange(file, field, "added", None, new, f"{words} set to {show(new)}")
    if new is None or new == []:
        return FieldChange(file, field, "removed", old, None, f"{words} removed (was {show(old)})")
    return FieldChange(file, field, "changed", old, new, f"{words} changed from {show(old)} to {show(new)}")


def _diff_list(file: str, field: str, words: str, name: str, old: list[Any], new: list[Any]) -> Iterator[FieldChange]:
    item_words = _item_words(words, name)
    identity = _IDENTITY.get(name)
    if identity is not None:
        old_by = _group(old, identity)
        new_by = _group(new, identity)
        removed: list[Any] = []
        added: list[Any] = []
        for key in [*old_by, *(k for k in new_by if k not in old_by)]:
            before, after = old_by.get(key, []), new_by.get(key, [])
            for a, b in zip(before, after, strict=False):
                label = _identity_label(key)
                yield from _diff(file, f"{field}[{label}]", f"{item_words} {label.split(' ')[0]}", a, b)
            removed += before[len(after) :]
            added += after[len(before) :]
    else:
        removed, added = _unmatched(old, new)
        if removed and len(removed) == len(added):
            for a, b in zip(removed, added, strict=True):
                if isinstance(a, dict) and isinstance(b, dict):
                    yield from _diff(file, f"{field}[{new.index(b)}]", item_words, a, b)
                else:
                    yield FieldChange(file, f"{field}[{new.index(b)}]", "changed", a, b, f"{item_words} changed from {show(a)} to {show(b)}")
            return
    for item in removed:
        label = _item_label(item, identity, old.index(item))
        yield FieldChange(file, f"{field}[{label}]", "removed", item, None, f"{_named(item_words, item, identity)} removed")
    for item in added:
        label = _item_label(item, identity, new.index(item))
        yield FieldChange(file, f"{field}[{label}]", "added", None, item, f"{_named(item_words, item, identity)} added")


def _group(items: list[Any], identity: Callable[[Any], Any]) -> dict[Any, list[Any]]:
    grouped: dict[Any, list[Any]] = {}
    for item in items:
        grouped.setdefault(identity(item), []).append(item)
    return grouped


def _unmatched(old: list[Any], new: list[Any]) -> tuple[list[Any], list[Any]]:
    """Items only in ``old`` and only in ``new``, equal items matched once each."""
    remaining = list(new)
    removed = []
    for item in old:
        if item in remaining:
            remaining.remove(item)
        else:
            removed.append(item)
    return removed, remaining


def _identity_label(key: Any) -> str:
    return " ".join(str(part) for part in key) if isinstance(key, tuple) else str(key)


def _item_label(item: Any, identity: Callable[[Any], Any] | None, index: int) -> str:
    """Flags by what they are, scalars by value, other items by their place in the list."""
    if identity is not None:
        return _identity_label(identity(item))
    return str(jsonable(item)) if not isinstance(item, (dict, list)) else str(index)


def _named(item_words: str, item: Any, identity: Callable[[Any], Any] | None) -> str:
    if identity is not None:
        key = identity(item)
        return f"{item_words} {key[0] if isinstance(key, tuple) else key}"
    return f"{item_words} {show(item)}"


def _join(field: str, key: str) -> str:
    return f"{field}.{key}" if field else key


def _last_name(field: str) -> str:
    return field.rsplit(".", 1)[-1].split("[", 1)[0]


def _child_words(words: str, key: Any) -> str:
    name = str(key).replace("_", " ")
    return f"{words} {name}".strip()


def _item_words(words: str, name: str) -> str:
    """'contacts emails' → 'email', 'flags' → 'flag': one item of a list, in words."""
    singular = name.replace("_", " ")
    if singular.endswith("s") and not singular.endswith("ss"):
        singular = singular[:-1]
    parent = words.rsplit(" ", 1)[0] if " " in words else ""
    if parent.endswith("contacts"):
        parent = parent[: -len("contacts")].strip()
    return f"{parent} {singular}".strip()
