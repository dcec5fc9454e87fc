"""The change history of one customer, known by its record's ``id:`` (``history.locate``).

Every folder that ever held the record is followed: moves between grouping
folders with or without edits, a folder deleted (an erasure or a closure being
audited) and a customer re-created in another folder.
"""

from __future__ import annotations

import os

from ..errors import FlagsiteError
from ..git import BlobReader, RawCommit, require_history
from .locate import customer_commits
from ..locate import require_customer_id
from .timeline import CommitChanges, group_by_customer


def customer_history(root: str, customer_id: str) -> list[CommitChanges]:
    """Every commit that touched the customer's records, newest first, with field-level changes."""
    root = os.path.abspath(root)
    require_customer_id(customer_id)
    require_history(root)
    commits, identity = customer_commits(root, customer_id)
    names = identity.folder_names
    with BlobReader(root) as blobs:
        grouped = group_by_customer(commits, blobs, values=True, wanted=names.__contains__)
    history = _one_list(commits, grouped)
    if not history:
        raise FlagsiteError(f"no commit touched customer {customer_id} in {root}; check the id (ids are case-sensitive)")
    return history


def _one_list(commits: list[RawCommit], grouped: dict[str, list[CommitChanges]]) -> list[CommitChanges]:
    """The customer's commits newest first, one entry each, though a folder may once have had another name."""
    if len(grouped) == 1:
        return next(iter(grouped.values()))
    by_sha: dict[str, CommitChanges] = {}
    for changes in (c for group in grouped.values() for c in group):
        if changes.sha in by_sha:
            by_sha[changes.sha].changes += changes.changes
        else:
            by_sha[changes.sha] = changes
    return [by_sha[commit.sha] for commit in commits if commit.sha in by_sha]
