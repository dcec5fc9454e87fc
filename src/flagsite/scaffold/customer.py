"""``flagsite customer new``: a customer.yaml with the outline, in the right folder, with the right $schema line.

The id must be new anywhere under records/customers/ (in any grouping folder,
and also when it differs only in case: validate would report the pair, R002).
``--group`` puts the folder under grouping folders. What is not given is a
``TODO`` that validate reports (S004) until a person writes it. The outline
is checked as validate would check it before anything is written, and an
existing file is never overwritten.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass

from ..check.context import CheckContext
from ..check.placeholders import TODO
from ..config import load_config
from ..edit.transaction import ChangedMeanwhile, write_files
from ..edit.yaml_text import scalar
from ..errors import FlagsiteError
from ..layout import CUSTOMER_FILE, CUSTOMERS_DIR, NOTES_DIR
from ..locate import customer_folders
from ..models import CUSTOMER_ID_PATTERN
from ..read import read_customer
from ..schema import SCHEMA_LINE, schema_line_target
from .outline import refuse_broken_outline

# An id; also what a grouping folder may be called (a plain name: no '..', no hidden folder).
_ID = re.compile(CUSTOMER_ID_PATTERN)


@dataclass(frozen=True)
class CustomerDraft:
    customer_id: str
    name: str | None = None
    group: str | None = None  # grouping folders under records/customers/, '/'-separated


def render_customer_outline(draft: CustomerDraft, schema_path: str | None) -> str:
    cid = draft.customer_id
    name = scalar(draft.name) if draft.name else scalar(f"{TODO}: name of the account holder")
    lines = [SCHEMA_LINE.format(target=schema_path)] if schema_path else []
    lines += [
        f"# Customer {cid}. Replace each {TODO}, then run 'flagsite validate'.",
        f"# The folder's name must equal the id; 'flagsite note new {cid}' writes a note.",
        f"id: {scalar(cid)}",
        f"name: {name}",
        "status: active                 # active | closed",
        "contacts:",
        "  emails: []                   # e.g. [name@example.com]",
        '  phones: []                   # e.g. ["+1 555 0100"]',
        "preferences: []                # durable facts, e.g. - {text: Prefers contact by email., since: 2026-06-03}",
        f"flags: []                      # 'flagsite flag add {cid} --type ... --reason ...' adds one",
    ]
    return "\n".join(lines) + "\n"


def _group_path(group: str | None) -> str:
    if not group:
        return ""
    parts = group.strip("/").split("/")
    for part in parts:
        if not _ID.match(part) or part == NOTES_DIR:
            raise FlagsiteError(f"--group {group!r}: name grouping folders with letters, digits, '.', '_', '-' (e.g. G-01 or north/G-01)")
    return "/".join(parts) + "/"


def new_customer(root: str, draft: CustomerDraft) -> str:
    """Write the new customer's customer.yaml; return its path relative to ``root``."""
    cid = draft.customer_id
    if not _ID.match(cid):
        raise FlagsiteError(f"{cid!r} is not a customer id (letters, digits, '.', '_', '-'; e.g. C-10042)")
    if not os.path.isdir(os.path.join(root, CUSTOMERS_DIR)):
        raise FlagsiteError(f"no {CUSTOMERS_DIR}/ folder in {root}; run flagsite in a records repository, pass --root, or start one with 'flagsite init'")
    folder = f"{CUSTOMERS_DIR}/{_group_path(draft.group)}{cid}"
    existing = {name: found.folder for name, found in customer_folders(root).items()}
    taken = [f.rel_path for name, f in existing.items() if name.casefold() == cid.casefold()]
    if taken:
        raise FlagsiteError(f"customer {cid!r} exists already: {taken[0]}; nothing was written")
    inside = [f.rel_path for f in existing.values() if f"{folder}/".startswith(f"{f.rel_path}/")]
    if inside:
        raise FlagsiteError(f"--group puts {cid} inside the customer folder {inside[0]}; choose a grouping folder; nothing was written")
    path = f"{folder}/{CUSTOMER_FILE}"
    text = render_customer_outline(draft, schema_line_target(root, path))
    config, _ = load_config(root)
    refuse_broken_outline(read_customer(text.encode("utf-8"), path, CheckContext(config=config, today=dt.date.today()), cid).findings, text, "a customer")
    os.makedirs(os.path.join(root, folder), exist_ok=True)
    target = os.path.join(root, path)
    try:
        write_files(root, {target: text.encode("utf-8")}, expected={target: None})
    except ChangedMeanwhile:  # appeared since the look-up above
        raise FlagsiteError(f"{path} exists already; nothing was written") from None
    return path
