"""The commits that touched one customer's records, the customer known by the ``id:`` its record carries.

Git's rename detection cannot be trusted with identity: a folder moved and
heavily edited in one commit reads as one folder deleted and another added,
and a customer deleted and later re-created in another grouping folder shares
no path with its past at all. So one streamed ``git log --raw`` pass over the
customer folders lists every record file each commit touched, and a folder
belongs to the customer when a version of its ``customer.yaml`` says
``id: <the id>``. Only the customer.yaml versions the log shows changed are
read (one ``cat-file --batch`` stream, the ``id:`` line found without parsing
the YAML); notes are the customer's when their folder is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..git import BlobReader, RawCommit, RawEntry, commit_count, stream_log
from ..layout import CUSTOMER_FILE
from ..locate import require_customer_id
from ..progress import tracked
from .paths import RecordPath, record_path

# A top-level ``id:`` line, plain or quoted: enough to tell whose record a version is.
_ID_LINE = re.compile(rb"^id:[ \t]*(['\"]?)([A-Za-z0-9][A-Za-z0-9._-]*)\1[ \t]*(?:#.*)?$", re.MULTILINE)


def record_id(content: bytes | None) -> str | None:
    """The id a customer.yaml version declares, or None when it has no readable ``id:`` line."""
    if content is None:
        return None
    found = _ID_LINE.search(content)
    return found.group(2).decode("ascii") if found else None


class Identity:
    """Which record files are the customer's: by the ids their folder's customer.yaml versions declared."""

    def __init__(self, customer_id: str, ids_by_sha: dict[str, str | None], folder_ids: dict[str, set[str]]) -> None:
        self.customer_id = customer_id
        self._ids_by_sha = ids_by_sha
        self._folder_ids = folder_ids

    def owns(self, path: RecordPath | None, sha: str | None) -> bool:
        if path is None:
            return False
        if path.file == CUSTOMER_FILE and sha is not None and self._ids_by_sha.get(sha):
            return self._ids_by_sha[sha] == self.customer_id
        declared = self._folder_ids.get(path.folder)
        # A folder whose customer.yaml never named an id (unreadable, or never committed) goes by its name.
        return self.customer_id in declared if declared else path.customer_id == self.customer_id

    @property
    def folder_names(self) -> set[str]:
        """The names of every folder that held the customer's record (normally just the id)."""
        names = {folder.rpartition("/")[2] for folder, ids in self._folder_ids.items() if self.customer_id in ids}
        return names | {self.customer_id}


def customer_commits(root: str, customer_id: str, *, rev: str = "HEAD") -> tuple[list[RawCommit], Identity]:
    """Newest first, from ``rev`` back: the commits that touched the customer's files, with only those files' entries."""
    require_customer_id(customer_id)
    commits: list[RawCommit] = []
    folders_of: dict[str, set[str]] = {}  # customer.yaml blob → the folders it stood in

    def versions() -> Iterator[str]:
        # Asked for while the log is still being read, so git serves both at once.
        for commit in tracked(stream_log(root, [], rev=rev), "history", lambda: commit_count(root, rev), "commit"):
            touched = False
            for entry in commit.entries:
                for path, sha in ((entry.old_path, entry.old_sha), (entry.new_path, entry.new_sha)):
                    where = record_path(path)
                    if where is None:
                        continue
                    touched = True
                    if sha is not None and where.file == CUSTOMER_FILE:
                        if sha not in folders_of:
                            folders_of[sha] = set()
                            yield sha
                        folders_of[sha].add(where.folder)
            if touched:
                commits.append(commit)

    with BlobReader(root) as blobs:
        blobs.prefetch(versions())
        ids_by_sha = {sha: record_id(blobs.read(sha)) for sha in folders_of}
    folder_ids: dict[str, set[str]] = {}
    for sha, folders in folders_of.items():
        declared = ids_by_sha[sha]
        if declared:
            for folder in folders:
                folder_ids.setdefault(folder, set()).add(declared)
    identity = Identity(customer_id, ids_by_sha, folder_ids)
    owned: list[RawCommit] = []
    for commit in commits:
        # A note moved to or from another customer is paired first, while the other customer's side is still in view.
        moved = _pair_moves(commit.entries, notes_only=True)
        entries = [e for e in moved if identity.owns(record_path(e.old_path), e.old_sha) or identity.owns(record_path(e.new_path), e.new_sha)]
        if entries:
            owned.append(RawCommit(commit.sha, commit.date, commit.author, commit.email, commit.message, _pair_moves(entries), commit.committed))
    return owned, identity


def _pair_moves(entries: Iterable[RawEntry], *, notes_only: bool = False) -> list[RawEntry]:
    """A record file deleted in one folder and added in another by the same commit is one move.

    Git pairs them only when the contents are alike; a folder moved and
    heavily edited in one commit is still the same record, told as a move
    with its field changes. A note is known by its file name (its date and
    slug, which no edit of its fields changes), so a note moved to another
    customer and rewritten in the same commit is still told as moved
    (``notes_only``: those pairs alone, and only where the name is one
    commit's single deletion and single addition of it).
    """
    entries = list(entries)
    removed: dict[str, list[int]] = {}
    added: dict[str, list[int]] = {}
    for index, entry in enumerate(entries):
        if entry.others or entry.status not in "DA":
            continue
        where = record_path(entry.old_path if entry.status == "D" else entry.new_path)
        if where is not None and (where.is_note or not notes_only):
            (removed if entry.status == "D" else added).setdefault(where.file, []).append(index)
    paired: dict[int, RawEntry] = {}
    dropped: set[int] = set()
    for file, additions in added.items():
        deletions = removed.get(file, [])
        if not deletions or (notes_only and (len(deletions), len(additions)) != (1, 1)):
            continue
        for gone, index in zip(deletions, additions, strict=False):  # the extra ones stay as they are
            before, entry = entries[gone], entries[index]
            paired[index] = RawEntry("R", before.old_path, entry.new_path, before.old_sha, entry.new_sha)
            dropped.add(gone)
    return [paired.get(index, entry) for index, entry in enumerate(entries) if index not in dropped]
