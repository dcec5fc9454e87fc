"""History for the site: every customer's commits in ONE streamed ``git log`` pass.

One pass over ``records/customers/`` grouped by path costs about as much as a
single path-limited ``git log`` in a large repository, where one per customer
would cost thousands of times more.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from ..controls import visible
from ..git import BlobReader, commit_count, has_commits, is_git_repository, landing_times, shallow_commits, stream_log
from ..progress import tracked
from .timeline import CommitChanges, group_by_customer

if TYPE_CHECKING:  # one customer's history, which this package also gives, loads no catalog
    from ..catalog import Catalog


def site_history(root: str, catalog: Catalog | None = None) -> dict[str, list[dict[str, Any]]]:
    """Customer id → commits newest first: ``{"sha", "date", "author", "message", "changes": [words]}``,
    ``date`` the author date, and ``"landed"`` when the commit reached the main line later (``git.landing_times``).

    Only customers in ``catalog`` are kept when one is given; ``{}`` when
    ``root`` is not a Git repository (a site can be built from a plain folder).
    In a shallow clone, the oldest commit held seems to add every record: it
    is kept without changes and marked ``"earlier_history_missing": True``,
    so that the page says its history is cut short instead of telling a wrong one.
    """
    root = os.path.abspath(root)
    if not is_git_repository(root) or not has_commits(root):
        return {}
    wanted = (lambda cid: cid in catalog.customers) if catalog is not None else (lambda cid: True)
    with BlobReader(root) as blobs:
        grouped = group_by_customer(
            # No pathspec: files outside records/customers/ are skipped as they are read.
            tracked(stream_log(root, []), "history", lambda: commit_count(root), "commit"), blobs, values=False, wanted=wanted
        )
    cut = shallow_commits(root)
    landed = landing_times(root)
    return {
        customer_id: [_shown(commit, cut, landed.get(commit.sha, "")) for commit in commits]
        for customer_id, commits in sorted(grouped.items())
    }


def _shown(commit: CommitChanges, cut: frozenset[str], landed: str) -> dict[str, Any]:
    # A commit's author and message are untrusted: a bidi override would reorder the page around it.
    shown: dict[str, Any] = {"sha": commit.sha, "date": commit.date, "author": visible(commit.author), "message": visible(commit.message, one_line=False)}
    if landed and landed != commit.date:
        shown["landed"] = landed  # written on a branch, merged later: the page shows both
    if commit.sha in cut:
        return {**shown, "changes": [], "earlier_history_missing": True}
    return {**shown, "changes": [change.words for change in commit.changes]}
