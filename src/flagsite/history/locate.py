"""The commits that touched one customer's records, the customer known by the ``id:`` its record carries.

Git's rename detection cannot be trusted with identity: a folder moved and
heavily edited in one commit reads as one folder deleted and another added,
and a customer deleted and later re-created in another grouping folder shares
no path with its past. A folder belongs to the customer when a version of its
``customer.yaml`` says ``id: <the id>`` (read from the blob's ``id:`` line,
without parsing the YAML); notes are the customer's when their folder is.

Which commits are read:

- One customer's history follows its folders (``_followed``): a path-limited
  ``git log`` over every folder named by the id, at any depth of grouping
  (moves between groups, re-creation elsewhere), and where a record file
  entered or left those folders, that commit's deletions or additions
  elsewhere, renames detected: the folder a record was moved from under
  another name, a note filed under another customer. A folder found so is
  read too, until none is new. Only the customer's paths are read, whatever
  the size of the repository.
- An erasure reads every path of every commit (``everywhere``): it must
  find each folder the record ever stood in, even one that never bore the id
  and shares no commit with the record's later folders.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from ..git import BlobReader, RawCommit, RawEntry, commit_count, commit_diffs, stream_log
from ..layout import CUSTOMER_FILE, CUSTOMERS_DIR
from ..locate import require_customer_id
from ..progress import tracked
from .paths import RecordPath, customer_pathspec, record_path

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


def customer_commits(root: str, customer_id: str, *, rev: str = "HEAD", everywhere: bool = False) -> tuple[list[RawCommit], Identity]:
    """Newest first, from ``rev`` back: the commits that touched the customer's files, with only those files' entries.

    ``everywhere``: read every path of every commit rather than follow the customer's folders (see above).
    """
    require_customer_id(customer_id)
    with BlobReader(root) as blobs:
        if everywhere:
            log: Iterable[RawCommit] = tracked(stream_log(root, [], rev=rev), "history", lambda: commit_count(root, rev), "commit")
        else:
            log = _followed(root, customer_id, rev, blobs)
        commits, identity = _identify(customer_id, log, blobs)
    owned: list[RawCommit] = []
    for commit in commits:
        # A note moved to or from another customer is paired first, while the other customer's side is still in view.
        moved = _pair_moves(commit.entries, notes_only=True)
        entries = [e for e in moved if identity.owns(record_path(e.old_path), e.old_sha) or identity.owns(record_path(e.new_path), e.new_sha)]
        if entries:
            owned.append(RawCommit(commit.sha, commit.date, commit.author, commit.email, commit.message, _pair_moves(entries), commit.committed))
    return owned, identity


def _identify(customer_id: str, log: Iterable[RawCommit], blobs: BlobReader) -> tuple[list[RawCommit], Identity]:
    """The commits of ``log`` that touched record files, and whose each folder was, by the customer.yaml versions they show."""
    commits: list[RawCommit] = []
    folders_of: dict[str, set[str]] = {}  # customer.yaml blob → the folders it stood in

    def versions() -> Iterator[str]:
        # Asked for while the log is still being read, so git serves both at once.
        for commit in log:
            touched = False
            for path, sha in _sides(commit.entries):
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

    blobs.prefetch(versions())
    ids_by_sha = {sha: record_id(blobs.read(sha)) for sha in folders_of}
    folder_ids: dict[str, set[str]] = {}
    for sha, folders in folders_of.items():
        declared = ids_by_sha[sha]
        if declared:
            for folder in folders:
                folder_ids.setdefault(folder, set()).add(declared)
    return commits, Identity(customer_id, ids_by_sha, folder_ids)


def _sides(entries: Iterable[RawEntry]) -> Iterator[tuple[str | None, str | None]]:
    for entry in entries:
        yield entry.old_path, entry.old_sha
        yield entry.new_path, entry.new_sha


def _followed(root: str, customer_id: str, rev: str, blobs: BlobReader) -> list[RawCommit]:
    """The commits that touched the customer's folders, and what entered or left them from elsewhere in each."""
    folders: set[str] = set()  # folders found holding the record under another name than the id
    while True:
        pathspecs = [customer_pathspec(customer_id), *(f":(literal){folder}" for folder in sorted(folders))]
        log = stream_log(root, pathspecs, rev=rev)
        commits = list(tracked(log, "history", functools.partial(commit_count, root, rev, pathspecs), "commit"))
        commits = [_with_other_sides(commit, found) for commit, found in zip(commits, _other_sides(root, commits), strict=True)]
        # A customer.yaml found in a folder not yet read: the record's, under another name, when it says the id.
        unread = {}
        for commit in commits:
            for path, sha in _sides(commit.entries):
                where = record_path(path)
                if sha is not None and where is not None and where.file == CUSTOMER_FILE and where.customer_id != customer_id and where.folder not in folders:
                    unread[sha] = where.folder
        blobs.prefetch(unread)
        new = {folder for sha, folder in unread.items() if record_id(blobs.read(sha)) == customer_id}
        if not new:
            return commits
        folders |= new


def _other_sides(root: str, commits: list[RawCommit]) -> list[list[RawEntry]]:
    """For each commit, the record files deleted (or moved away) anywhere where one entered the customer's
    folders, and added (or moved in) anywhere where one left them: where it came from, where it went."""
    kinds: list[str] = []
    for commit in commits:
        statuses = {entry.status for entry in commit.entries if not entry.others}  # a merge brings nothing new
        kinds.append(("D" if "A" in statuses else "") + ("A" if "D" in statuses else ""))
    found: dict[str, list[RawEntry]] = {}
    for kind in {kind for kind in kinds if kind}:
        # Renames too (R): git pairs a file that came from elsewhere only when it sees both of its paths.
        shas = [commit.sha for commit, wanted in zip(commits, kinds, strict=True) if wanted == kind]
        found |= commit_diffs(root, shas, [CUSTOMERS_DIR], kinds=kind + "R")
    return [found.get(commit.sha, []) for commit in commits]


def _with_other_sides(commit: RawCommit, found: list[RawEntry]) -> RawCommit:
    """The commit's entries with those found elsewhere; an entry found so tells its paths in full (a move, not an addition)."""
    if not found:
        return commit
    told = {path for path, _ in _sides(found) if path}
    kept = [entry for entry in commit.entries if not ({entry.old_path, entry.new_path} & told)]
    return RawCommit(commit.sha, commit.date, commit.author, commit.email, commit.message, found + kept, commit.committed)


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
