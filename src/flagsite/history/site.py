"""History for the site: every customer's commits in ONE streamed ``git log`` pass.

One pass over ``records/customers/`` grouped by path costs about as much as a
single path-limited ``git log`` in a large repository, where one per customer
would cost thousands of times more.
"""

from __future__ import annotations

import os
from typing import Any

from ..catalog import Catalog
from ..git import BlobReader, has_commits, is_git_repository, stream_log
from .timeline import group_by_customer


def site_history(root: str, catalog: Catalog | None = None) -> dict[str, list[dict[str, Any]]]:
    """Customer id → commits newest first: ``{"sha", "date", "author", "message", "changes": [words]}``.

    Only customers in ``catalog`` are kept when one is given; ``{}`` when
    ``root`` is not a Git repository (a site can be built from a plain folder).
    """
    root = os.path.abspath(root)
    if not is_git_repository(root) or not has_commits(root):
        return {}
    wanted = (lambda cid: cid in catalog.customers) if catalog is not None else (lambda cid: True)
    with BlobReader(root) as blobs:
        grouped = group_by_customer(
            # No pathspec: files outside records/customers/ are skipped as they are read.
            stream_log(root, []), blobs, values=False, wanted=wanted
        )
    return {
        customer_id: [
            {
                "sha": commit.sha,
                "date": commit.date,
                "author": commit.author,
                "message": commit.message,
                "changes": [change.words for change in commit.changes],
            }
            for commit in commits
        ]
        for customer_id, commits in sorted(grouped.items())
    }
