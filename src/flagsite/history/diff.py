"""Field-level changes between a base revision and the working tree, per customer.

For pull requests: reviewers read "On Hold added to C-10042: reason ..."
instead of a YAML diff. The base defaults to where the branch left the main line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from ..errors import FlagsiteError
from ..git import BlobReader, RawCommit, merge_base, require_history, resolve_commit, stream_diff
from ..layout import CUSTOMERS_DIR
from .changes import FieldChange, show
from .timeline import group_by_customer

MAIN_BRANCHES = ("main", "origin/main", "master", "origin/master")


@dataclass
class CustomerDiff:
    customer_id: str
    changes: list[FieldChange]


def default_base(root: str) -> str:
    """The merge base of HEAD with the main branch (HEAD itself on the main branch)."""
    require_history(root)
    for branch in MAIN_BRANCHES:
        found = merge_base(root, "HEAD", branch)
        if found:
            return found
    raise FlagsiteError("found no main branch (main, master) to compare with; name the base revision: flagsite diff BASE")


def working_diff(root: str, base: str | None = None) -> list[CustomerDiff]:
    root = os.path.abspath(root)
    require_history(root)
    base = base or default_base(root)
    if resolve_commit(root, base) is None:
        raise FlagsiteError(f"{base!r} is not a revision of this repository; give a branch, tag or commit")
    entries = stream_diff(root, base, [CUSTOMERS_DIR])
    with BlobReader(root, worktree=True) as blobs:
        grouped = group_by_customer([RawCommit("", "", "", "", "", entries)], blobs, values=True)
    return [CustomerDiff(customer_id, commits[0].changes) for customer_id, commits in sorted(grouped.items()) if commits[0].changes]


def sentence(change: FieldChange, customer_id: str, labels: dict[str, str]) -> str:
    """One change as a reviewer reads it: "On Hold added to C-10042: reason ..."."""
    if change.field.startswith("flags[") and change.field.endswith("]") and "." not in change.field:
        flag = change.new if change.kind == "added" else change.old
        if isinstance(flag, dict):
            name = labels.get(str(flag.get("type")), str(flag.get("type")))
            where = "to" if change.kind == "added" else "from"
            return f"{name} {change.kind} {where} {customer_id}: reason {show(flag.get('reason'))}"
    return f"{customer_id}: {change.words}"
