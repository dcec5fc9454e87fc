"""Find one customer's record files by id, in the working tree or in a commit's tree.

A customer folder is named by the id, at any depth of grouping folders. In the
working tree the folder is what discovery (``discover.py``) says it is, with
the same refusals as ``flagsite validate``: links out of records/, links to
folders or to nothing, pipes and devices, a folder named customer.yaml. The
folder is looked for by its name a level of grouping at a time; only a
customer not found costs a walk of records/customers/. In a commit the same layout is read from the
tree listing Git gives; a link there is never followed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .discover import CustomerFolder, discover, discover_named
from .errors import FlagsiteError, RecordsHaveErrors
from .findings import Finding, has_errors
from .git import TreeEntry
from .layout import CUSTOMER_FILE, CUSTOMERS_DIR, MAX_GROUPING_DEPTH, NOTES_DIR, RECORDS_DIR, erasure_file, is_note_file_name
from .models import CUSTOMER_ID_PATTERN, Erasure
from .read import load_record, read_record_bytes
from .suggest import close_names, did_you_mean

_ID = re.compile(CUSTOMER_ID_PATTERN)


def require_customer_id(customer_id: str) -> str:
    """An id as the schema allows it; anything else (a path, a wildcard) is refused before use."""
    if not _ID.fullmatch(customer_id):
        raise FlagsiteError(f"{customer_id!r} is not a customer id (letters, digits, '.', '_' and '-', e.g. C-10042)")
    return customer_id


@dataclass
class FoundCustomer:
    folder: CustomerFolder
    # What discovery reports on files inside the folder (a refused link, a pipe, a stray file).
    findings: list[Finding] = field(default_factory=list)


def _inside(path: str, folder: str) -> bool:
    return path.startswith(folder + "/")


def customer_folders(root: str) -> dict[str, FoundCustomer]:
    """Every customer folder by its name (which the id must equal), from one walk of records/.

    records/ as a link stops the command: nothing under it is read.
    """
    layout = discover(root)
    stopping = [f for f in layout.findings if f.path == RECORDS_DIR]
    if stopping:
        raise RecordsHaveErrors("no customer record can be read here:", stopping)
    found = {folder.folder_name: FoundCustomer(folder) for folder in layout.customers}
    for finding in layout.findings:
        for name in _folder_names(finding.path):
            owner = found.get(name)
            if owner is not None and _inside(finding.path, owner.folder.rel_path):
                owner.findings.append(finding)
    return found


def _folder_names(path: str) -> list[str]:
    return path.split("/")[2:-1]  # records/customers/[groups/]<id>/...


def locate_customer(root: str, customer_id: str) -> FoundCustomer | None:
    """The customer's folder in the working tree, or None when no folder has that name."""
    require_customer_id(customer_id)
    layout = discover_named(root, customer_id)
    if layout is not None:
        return FoundCustomer(layout.customers[0], layout.findings)
    # Not there: the whole walk says so, or why nothing can be read (records/ a link).
    return customer_folders(root).get(customer_id)


def find_customer(root: str, customer_id: str, folders: dict[str, FoundCustomer] | None = None) -> FoundCustomer:
    """The customer's folder, whose customer.yaml may be read; otherwise an error that says why."""
    require_customer_id(customer_id)
    if not os.path.isdir(os.path.join(root, CUSTOMERS_DIR)):
        raise FlagsiteError(f"no {CUSTOMERS_DIR}/ folder in {root}; run flagsite in a records repository or pass --root")
    found = folders.get(customer_id) if folders is not None else locate_customer(root, customer_id)
    if found is None:
        refuse_erased(root, customer_id)
        if folders is None:
            folders = customer_folders(root)
        hint = did_you_mean(close_names(customer_id, folders))
        raise FlagsiteError(f"no customer {customer_id!r} under {CUSTOMERS_DIR}/" + (f"; {hint}" if hint else ""))
    if refused(found):
        errors = [f for f in found.findings if f.severity == "error"]
        what = f"{found.folder.customer_file} is not a file flagsite may read" if not found.folder.has_customer_file else f"the record of {customer_id} holds files that validate refuses"
        raise RecordsHaveErrors(f"{what}; nothing was changed:", errors)
    return found


def find_erasure(root: str, customer_id: str) -> Erasure | None:
    """The record of the customer's erasure (records/erased/<id>.yaml), when there is one that reads."""
    path = erasure_file(require_customer_id(customer_id))
    if not os.path.lexists(os.path.join(root, path)):
        return None
    raw = read_record_bytes(os.path.join(root, path), path)
    return None if isinstance(raw, Finding) else load_record(raw, path, Erasure).record


def refuse_erased(root: str, customer_id: str) -> None:
    """Stop a command about a customer who was erased, saying when and on whose request."""
    erasure = find_erasure(root, customer_id)
    if erasure is not None:
        raise FlagsiteError(f"customer {erasure.describe()}; nothing of their record is kept")


_FILE_MODES = {"100644", "100755"}


def locate_in_tree(entries: Iterable[TreeEntry], customer_id: str) -> tuple[FoundCustomer, dict[str, str]] | None:
    """The customer's folder in a commit's tree listing of records/customers/, and the blob of each file in it.

    The layout rules of discovery, read from names: the folder holding
    customer.yaml whose name is the id, not inside another customer's folder.
    """
    require_customer_id(customer_id)
    listing = {entry.path: entry for entry in entries}
    folders = sorted(
        path.rpartition("/")[0]
        for path in listing
        if path.endswith("/" + CUSTOMER_FILE) and path.count("/") - CUSTOMERS_DIR.count("/") >= 2
    )
    customer_folders_ = set(folders)
    for folder in folders:
        depth = folder.count("/") - CUSTOMERS_DIR.count("/") - 1
        parents = {folder.rsplit("/", n)[0] for n in range(1, depth + 1)}
        if folder.rpartition("/")[2] != customer_id or depth > MAX_GROUPING_DEPTH or parents & customer_folders_:
            continue
        return _tree_folder(folder, listing)
    return None


def _tree_folder(folder: str, listing: dict[str, TreeEntry]) -> tuple[FoundCustomer, dict[str, str]]:
    found = FoundCustomer(CustomerFolder(folder, has_customer_file=False))
    blobs: dict[str, str] = {}
    notes_prefix = f"{folder}/{NOTES_DIR}/"
    for path, entry in sorted(listing.items()):
        if not _inside(path, folder):
            continue
        if entry.mode == "120000":
            found.findings.append(Finding(path, None, None, "R013", "a link in a past version is not followed; the file it points at is not part of the record"))
            continue
        if entry.mode not in _FILE_MODES:
            found.findings.append(Finding(path, None, None, "R004", "not a plain file; a customer folder holds only customer.yaml and notes/"))
            continue
        name = path[len(folder) + 1 :]
        if name == CUSTOMER_FILE:
            found.folder.has_customer_file = True
            blobs[path] = entry.sha
        elif path.startswith(notes_prefix) and "/" not in path[len(notes_prefix) :] and path.endswith(".yaml"):
            found.folder.note_files.append(path)
            blobs[path] = entry.sha
            if not is_note_file_name(path[len(notes_prefix) :]):
                found.findings.append(Finding(path, None, None, "R012", "name note files <date>-<slug>.yaml, e.g. 2026-06-03-refund-request.yaml (a real date, a lower-case slug)"))
        else:
            found.findings.append(Finding(path, None, None, "R004", "a customer folder holds only customer.yaml and notes/; move or remove this"))
    return found, blobs


def refused(found: FoundCustomer) -> bool:
    """Whether discovery refuses part of the record (validate would fail on it)."""
    return not found.folder.has_customer_file or has_errors(found.findings)
