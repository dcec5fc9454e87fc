"""The change history of one customer, read from that customer's folder only.

The folder is followed through moves between grouping folders, and a customer
whose folder was deleted (an erasure or a closure being audited) is found by
its id at any depth of grouping, so either still has its whole history.
"""

from __future__ import annotations

import os

from ..errors import FlagsiteError
from ..git import BlobReader, require_history
from .locate import customer_commits
from ..locate import require_customer_id
from .timeline import CommitChanges, group_by_customer


def customer_history(root: str, customer_id: str) -> list[CommitChanges]:
    """Every commit that touched the customer's records, newest first, with field-level changes."""
    root = os.path.abspath(root)
    require_customer_id(customer_id)
    require_history(root)
    commits = customer_commits(root, customer_id)
    with BlobReader(root) as blobs:
        grouped = group_by_customer(commits, blobs, values=True, wanted=customer_id.__eq__)
    history = grouped.get(customer_id, [])
    if not history:
        raise FlagsiteError(f"no commit touched customer {customer_id} in {root}; check the id (ids are case-sensitive)")
    return history

