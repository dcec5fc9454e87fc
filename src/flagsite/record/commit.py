"""One customer's record files as they stood at a commit, read from Git's tree and blobs.

The customer's folder is found by the one locator (``flagsite.locate``) in a
listing of the commit's tree; a link stored in Git is never followed.
"""

from __future__ import annotations

import datetime as dt
import os

from ..errors import FlagsiteError
from ..findings import Finding
from ..git import BlobReader, TreeEntry, commit_before, require_history, tree_entries
from ..layout import CUSTOMERS_DIR, ORDERS_DIR
from ..load.orders import OrderLimits, OrderRow, parse_orders
from ..load.yaml_strict import MAX_BYTES
from ..locate import FoundCustomer, locate_in_tree, require_customer_id

_FILE_MODES = {"100644", "100755"}


def commit_at(root: str, moment: dt.datetime) -> str:
    """The commit the main line held at ``moment``: the last first-parent commit of HEAD made by then."""
    require_history(root)
    commit = commit_before(root, moment)
    if commit is None:
        raise FlagsiteError(f"the repository has no commit made by {moment.isoformat()}, so no record existed then")
    return commit


class CommitTree:
    """One customer's files as they stood at a commit; close it (or use ``with``) when done."""

    checked = False

    def __init__(self, root: str, commit: str, moment: dt.datetime) -> None:
        self.root = os.path.abspath(root)
        self.commit = commit
        self.description = f"as it stood on {moment.isoformat()} (commit {commit[:10]})"
        self._blobs = BlobReader(self.root)
        self._shas: dict[str, str] = {}

    def _tree(self, folder: str) -> list[TreeEntry]:
        return tree_entries(self.root, self.commit, [f"{folder}/"])

    def locate(self, customer_id: str) -> FoundCustomer | None:
        # The ungrouped folder first: no other customer's names are listed when it is there.
        require_customer_id(customer_id)
        located = locate_in_tree(self._tree(f"{CUSTOMERS_DIR}/{customer_id}"), customer_id)
        if located is None:
            located = locate_in_tree(self._tree(CUSTOMERS_DIR), customer_id)
        if located is None:
            return None
        found, blobs = located
        self._shas.update(blobs)
        return found

    def read(self, path: str) -> bytes | Finding:
        sha = self._shas.get(path)
        content = self._blobs.read(sha) if sha else None
        if content is None:
            return Finding(path, None, None, "X001", "the file's contents are missing from the repository")
        return content[: MAX_BYTES + 1]  # the loader refuses a larger record as it does today's files

    def orders(self, limits: OrderLimits) -> tuple[list[OrderRow], list[Finding]]:
        rows: list[OrderRow] = []
        findings: list[Finding] = []
        for entry in self._tree(ORDERS_DIR):
            if entry.path.count("/") != 2 or not entry.path.endswith(".csv") or entry.mode not in _FILE_MODES:
                findings.append(Finding(entry.path, None, None, "R004", "records/orders/ holds only .csv files exported from the sales system"))
                continue
            content = self._blobs.read(entry.sha)
            if content is None:
                findings.append(Finding(entry.path, None, None, "X001", "the file's contents are missing from the repository"))
                continue
            file_rows, file_findings = parse_orders(content.decode("utf-8", "replace"), entry.path, limits, len(rows))
            rows += file_rows
            findings += file_findings
        return rows, findings

    def close(self) -> None:
        self._blobs.close()

    def __enter__(self) -> CommitTree:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
