"""The records as they stood at a moment, rebuilt from Git.

The moment is a date (the end of that day, UTC) or a date and time. The commit
is the last one on the first-parent line of HEAD committed by then, that is,
what the main line of the repository held at that moment: a change made on a
branch counts from when it was merged.
"""

from __future__ import annotations

import datetime as dt
import os

from ..discover import CUSTOMER_FILE, NOTES_DIR, ORDERS_DIR
from ..errors import FlagsiteError
from ..git import BlobReader, commit_before, require_history, tree_files
from .locate import customer_commits
from .paths import record_path


def commit_at(root: str, moment: dt.datetime) -> str:
    require_history(root)
    out = commit_before(root, moment)
    if out is None:
        raise FlagsiteError(f"the repository has no commit made by {moment.isoformat()}, so no record existed then")
    return out


class CommitTree:
    """One customer's files as they stood at a commit; close it (or use ``with``) when done."""

    def __init__(self, root: str, commit: str, moment: dt.datetime) -> None:
        self.root = os.path.abspath(root)
        self.commit = commit
        self.description = f"as it stood on {moment.isoformat()} (commit {commit[:10]})"
        self._blobs = BlobReader(self.root)
        self._shas: dict[str, str] = {}

    def _tree(self, pathspecs: list[str]) -> dict[str, str]:
        found = tree_files(self.root, self.commit, pathspecs)
        self._shas.update(found)
        return found

    def locate(self, customer_id: str) -> tuple[str, list[str]] | None:
        # The folders this id ever had, from its own history: no other customer is read.
        folders = set()
        for commit in customer_commits(self.root, customer_id, rev=self.commit):
            for entry in commit.entries:
                for path in (entry.old_path, entry.new_path):
                    where = record_path(path)
                    if where is not None and where.customer_id == customer_id:
                        folders.add(where.folder)
        if not folders:
            return None
        files = self._tree([f"{folder}/" for folder in sorted(folders)])
        for folder in sorted(folders):
            if f"{folder}/{CUSTOMER_FILE}" in files:
                prefix = f"{folder}/{NOTES_DIR}/"
                notes = sorted(p for p in files if p.startswith(prefix) and p.endswith(".yaml") and "/" not in p[len(prefix) :])
                return folder, notes
        return None

    def read(self, path: str) -> bytes | None:
        sha = self._shas.get(path)
        return self._blobs.read(sha) if sha else None

    def order_files(self) -> list[str]:
        return sorted(p for p in self._tree([f"{ORDERS_DIR}/"]) if p.endswith(".csv") and p.count("/") == 2)

    def close(self) -> None:
        self._blobs.close()

    def __enter__(self) -> CommitTree:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
