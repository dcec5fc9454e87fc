"""Adding, editing and removing one customer's flags, checked before anything is written.

A flag is named by its type, and by its creation date as well when the
customer has two flags of that type. The edited file must pass the same
checks as ``flagsite validate`` (strict YAML, the schema, the vocabulary, the
dates and the policy rules); otherwise nothing is written and the findings say why.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field

from ..check.context import CheckContext
from ..config import Config, load_config
from ..errors import FlagsiteError, RecordsHaveErrors
from ..findings import Finding
from ..locate import find_customer
from ..read import read_customer, read_record_text
from .flags_text import FlagSlot, FlagsText
from .transaction import edit_lock, write_files


@dataclass(frozen=True)
class AddFlag:
    type: str
    reason: str
    created_by: str
    created: dt.date
    guidance: str | None = None
    review_by: dt.date | None = None

    def describe(self) -> str:
        return f"added {self.type} flag"


@dataclass(frozen=True)
class EditFlag:
    """Fields left None stay as they are; names in ``clear`` are removed."""

    type: str
    created: dt.date | None = None
    reason: str | None = None
    guidance: str | None = None
    review_by: dt.date | None = None
    clear: frozenset[str] = field(default_factory=frozenset)

    def describe(self) -> str:
        return f"edited {self.type} flag"


@dataclass(frozen=True)
class RemoveFlag:
    type: str
    created: dt.date | None = None

    def describe(self) -> str:
        return f"removed {self.type} flag"


FlagChange = AddFlag | EditFlag | RemoveFlag


def _pick(doc: FlagsText, customer_id: str, flag_type: str, created: dt.date | None) -> FlagSlot:
    same_type = [slot for slot in doc.slots if slot.type == flag_type]
    matches = [slot for slot in same_type if created is None or slot.created == created]
    if len(matches) == 1:
        return matches[0]
    if not same_type:
        present = ", ".join(sorted({slot.type for slot in doc.slots})) or "none"
        raise FlagsiteError(f"customer {customer_id} has no {flag_type} flag (its flags: {present})")
    dates = ", ".join(str(slot.created) for slot in same_type)
    if not matches:
        raise FlagsiteError(f"customer {customer_id} has no {flag_type} flag created {created} (its {flag_type} flags were created {dates})")
    raise FlagsiteError(f"customer {customer_id} has {len(matches)} {flag_type} flags (created {dates}); say which one with --created DATE")


def apply_change(text: str, path: str, customer_id: str, change: FlagChange) -> str:
    """The new text of customer.yaml with ``change`` made (not yet checked)."""
    doc = FlagsText(text, path)
    if isinstance(change, AddFlag):
        if any(slot.type == change.type and slot.created == change.created for slot in doc.slots):
            raise FlagsiteError(f"customer {customer_id} already has a {change.type} flag created {change.created}; edit that one instead")
        values = {name: getattr(change, name) for name in ("type", "reason", "guidance", "created", "created_by", "review_by")}
        return doc.add(values)
    slot = _pick(doc, customer_id, change.type, change.created)
    if isinstance(change, RemoveFlag):
        return doc.remove(slot)
    values = dict(slot.values)
    for name in ("reason", "guidance", "review_by"):
        new = getattr(change, name)
        if new is not None:
            values[name] = new
    for name in change.clear:
        values.pop(name, None)
    return doc.replace(slot, values)


def check_customer_text(text: str, path: str, folder_name: str, config: Config, today: dt.date) -> list[Finding]:
    """What ``flagsite validate`` would say about this customer.yaml text."""
    return read_customer(text.encode("utf-8"), path, CheckContext(config=config, today=today), folder_name).findings


def errors_of(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == "error"]


def disk_path(root: str, rel_path: str) -> str:
    """The file to replace: a linked record is edited where it really lives (discovery allows links inside records/)."""
    return os.path.realpath(os.path.join(root, rel_path))


@dataclass(frozen=True)
class Edited:
    path: str  # customer.yaml, relative to the repository root
    what: str
    warnings: list[Finding]


def change_flags(root: str, customer_id: str, change: FlagChange, *, today: dt.date | None = None) -> Edited:
    """Make ``change`` in the customer's customer.yaml, or raise with the findings that stop it.

    The file is read, changed and written under the repository's edit lock: a
    concurrent edit waits, and never works from the text this one replaces.
    """
    with edit_lock(root):
        return _change_flags(root, customer_id, change, today)


def _change_flags(root: str, customer_id: str, change: FlagChange, today: dt.date | None) -> Edited:
    config, _ = load_config(root)
    folder = find_customer(root, customer_id).folder
    path = folder.customer_file
    text = read_record_text(root, path)
    new_text = apply_change(text, path, customer_id, change)
    findings = check_customer_text(new_text, path, folder.folder_name, config, today or dt.date.today())
    if errors_of(findings):
        raise RecordsHaveErrors(f"nothing was written: {path} would not validate after this change:", errors_of(findings))
    target = disk_path(root, path)
    write_files(root, {target: new_text.encode("utf-8")}, expected={target: text.encode("utf-8")})
    return Edited(path, change.describe(), [f for f in findings if f.severity != "error"])
