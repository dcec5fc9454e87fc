"""The commits that touched one customer's records, reading that customer's folder only.

A path-limited ``git log`` on one literal folder is cheap in any layout (and
cheaper still with the commit-graph's changed-path Bloom filters), where a
wildcard pathspec must be matched against every entry of every changed tree:
in a flat folder of 10,000 customers that costs seconds. So the customer's
folder of today is followed backwards: when its oldest commit brought the
folder in by a move (regrouping), the log continues from the old folder.
A customer with no folder today (closed, erased) is found by a wildcard
pathspec on its id instead, at any depth of grouping.
"""

from __future__ import annotations

from ..git import RawCommit, diff_tree, stream_log
from ..layout import CUSTOMER_FILE, CUSTOMERS_DIR
from ..locate import locate_customer
from .paths import customer_pathspec, record_path


def customer_commits(root: str, customer_id: str, *, rev: str = "HEAD") -> list[RawCommit]:
    """Newest first, from ``rev`` back."""
    located = locate_customer(root, customer_id)
    commits = _follow(root, located.folder.rel_path, rev) if located else []
    if not commits:
        commits = list(stream_log(root, [customer_pathspec(customer_id)], rev=rev))
    return commits


def _follow(root: str, folder: str, rev: str) -> list[RawCommit]:
    commits: list[RawCommit] = []
    seen: set[str] = set()
    while folder not in seen:
        seen.add(folder)
        batch = list(stream_log(root, [f"{folder}/"], rev=rev))
        if not batch:
            break
        commits += batch
        oldest = batch[-1]
        if not any(e.status == "A" and e.new_path == f"{folder}/{CUSTOMER_FILE}" for e in oldest.entries):
            break
        # Seen from this folder alone a move is an addition: ask the commit itself.
        whole = diff_tree(root, oldest.sha, [CUSTOMERS_DIR])
        source = next((e for e in whole if e.status == "R" and e.new_path == f"{folder}/{CUSTOMER_FILE}"), None)
        if source is None:
            break
        commits[-1] = RawCommit(oldest.sha, oldest.date, oldest.author, oldest.email, oldest.message, whole)
        previous = record_path(source.old_path)
        if previous is None:
            break
        folder, rev = previous.folder, f"{oldest.sha}^"
    return commits
