"""Commits as per-customer change lists: which customer each touched file belongs to,
and what changed in it, field by field.

Used by ``flagsite history`` (one customer, values included), by the site (every
customer in one pass, words only) and by ``flagsite diff``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from ..git import RawCommit, RawEntry
from .blocks import BlockMemo, block_changes
from .changes import FieldChange, field_changes
from .paths import RecordPath, record_path
from .versions import Version, parse_version


class Blobs(Protocol):
    def prefetch(self, shas: Iterable[str]) -> None: ...

    def read(self, sha: str | None, path: str | None = None) -> bytes | None:
        """Contents by sha; a sha of None is the working tree's file at ``path``."""


class FileDelta(NamedTuple):
    """One record file of one customer, before and after a commit (None: absent)."""

    old: RecordPath | None
    new: RecordPath | None
    old_path: str | None
    new_path: str | None
    old_sha: str | None
    new_sha: str | None
    others: tuple[tuple[str, str | None], ...] = ()  # a merge: the file in its other parents (see RawEntry)

    @property
    def customer_id(self) -> str:
        side = self.new or self.old
        assert side is not None
        return side.customer_id


@dataclass
class CommitChanges:
    sha: str
    date: str
    author: str
    email: str
    message: str
    changes: list[FieldChange] = field(default_factory=list)
    committed: str = ""  # the committer date
    landed: str = ""  # when it landed on the main line (git.landing_times); "" when not known

    def as_json(self) -> dict[str, Any]:
        return {
            "sha": self.sha,
            "date": self.date,
            "committed": self.committed,
            "landed": self.landed,
            "author": self.author,
            "email": self.email,
            "message": self.message,
            "changes": [change.as_json() for change in self.changes],
        }


def deltas_of(entry: RawEntry) -> list[FileDelta]:
    """The customers' record files an entry of ``git log --raw`` concerns.

    A file moved between two customers (a note filed under the wrong one) is a
    removal from the first and an addition to the second; a move within one
    customer (its folder regrouped, a note renamed) is one delta.
    """
    new = record_path(entry.new_path)
    # Most entries modify a file in place: its path is read once.
    old = new if entry.old_path == entry.new_path else record_path(entry.old_path)
    if entry.status == "C":
        old = None
    if old is not None and new is not None and old.customer_id != new.customer_id:
        return [
            FileDelta(old, None, entry.old_path, None, entry.old_sha, None),
            FileDelta(None, new, None, entry.new_path, None, entry.new_sha),
        ]
    if old is None and new is None:
        return []
    return [
        FileDelta(
            old, new,
            entry.old_path if old else None, entry.new_path if new else None,
            entry.old_sha if old else None, entry.new_sha if new else None,
            entry.others,
        )
    ]


def needs_content(delta: FileDelta, *, values: bool) -> list[str]:
    """The blobs ``delta_changes`` will read, so they can be fetched in one stream."""
    if delta.others and delta.old is not None and delta.new is not None:
        # A merge is compared with each of its parents (``beyond_other_parents``).
        return [sha for sha in (delta.old_sha, delta.new_sha, *(sha for _, sha in delta.others)) if sha]
    if delta.old is None or delta.new is None:
        return [sha for sha in (delta.old_sha, delta.new_sha) if sha] if values else []
    if delta.old_sha == delta.new_sha:
        return []
    return [sha for sha in (delta.old_sha, delta.new_sha) if sha]


def delta_changes(
    delta: FileDelta,
    read: Callable[[str | None, str], Version],
    *,
    values: bool,
    raw: Callable[[str | None, str | None], bytes | None] | None = None,
    memo: BlockMemo | None = None,
) -> list[FieldChange]:
    """The field-level changes of one file; with ``values`` False, added and
    removed files are not read (the site only needs the words)."""
    side = delta.new or delta.old
    assert side is not None
    what = f"note {side.note_slug}" if side.is_note else "customer record"
    subject = f"note {side.note_slug}" if side.is_note else ""
    if delta.old is None:
        if not values:
            return [_whole_file(side.file, what, "added")]
        new = _version(read, delta.new_sha, delta.new_path)
        return [FieldChange(side.file, "", "added", None, new.data, f"{what} added")]
    if delta.new is None:
        if not values:
            return [_whole_file(side.file, what, "removed")]
        old = _version(read, delta.old_sha, delta.old_path)
        return [FieldChange(side.file, "", "removed", old.data, None, f"{what} removed")]
    changes: list[FieldChange] = []
    if delta.old_path != delta.new_path:
        changes.append(_moved(delta, what))
    if delta.old_sha != delta.new_sha and raw is not None and not values:
        # Words only: parse just the top-level blocks that differ.
        quick = block_changes(delta.new.file, subject, raw(delta.old_sha, delta.old_path), raw(delta.new_sha, delta.new_path), memo)
        if quick is not None:
            return changes + quick
    if delta.old_sha != delta.new_sha:
        before = _version(read, delta.old_sha, delta.old_path)
        after = _version(read, delta.new_sha, delta.new_path)
        if before.data is None or after.data is None:
            problem = before.problem if before.data is None else after.problem
            changes.append(FieldChange(delta.new.file, "", "changed", before.data, after.data, f"{what} changed ({problem})"))
        else:
            changes += field_changes(delta.new.file, subject, before.data, after.data)
    return changes


@functools.lru_cache(maxsize=4096)
def _whole_file(file: str, what: str, kind: str) -> FieldChange:
    """A file added or removed, in words only: one shared (immutable) change for
    the thousands of customers a single import commit adds."""
    return FieldChange(file, "", kind, None, None, f"{what} {kind}")


def _moved(delta: FileDelta, what: str) -> FieldChange:
    assert delta.old is not None and delta.new is not None
    if delta.old.folder != delta.new.folder:
        words = f"{what} moved from {delta.old.folder}/ to {delta.new.folder}/"
    else:
        words = f"note {delta.old.note_slug} renamed to {delta.new.note_slug}"
    return FieldChange(delta.new.file, "", "changed", delta.old_path, delta.new_path, words)


def beyond_other_parents(
    delta: FileDelta, changes: list[FieldChange], compare: Callable[[FileDelta], list[FieldChange]]
) -> list[FieldChange]:
    """What a merge changed beyond every parent, field by field, as ``--cc`` does line by line:
    a change the file already had in another parent was told by the commit that made it there."""
    for path, sha in delta.others:
        other = record_path(path)
        if sha is None or other is None or other.customer_id != delta.customer_id:
            continue  # the file was not there: all of it is new to that parent
        theirs = {change.path for change in compare(delta._replace(old=other, old_path=path, old_sha=sha, others=()))}
        changes = [change for change in changes if change.path in theirs]
    return changes


def _version(read: Callable[[str | None, str], Version], sha: str | None, path: str | None) -> Version:
    assert path is not None
    return read(sha, path)


def group_by_customer(
    commits: Iterable[RawCommit],
    blobs: Blobs,
    *,
    values: bool,
    wanted: Callable[[str], bool] = lambda _: True,
    project: Callable[[Version, str], Version] | None = None,
) -> dict[str, list[CommitChanges]]:
    """Customer id → the commits that touched its records, in the order given (newest first).

    The blobs the log names are fetched in one stream as it is read; each
    version is parsed once however many commits compare against it. With
    ``values`` False (words only, for the site) versions are compared as the
    data they hold, without the models' validation. ``project`` reduces each
    version before it is compared (to what one audience may read of it).
    """
    touched: list[tuple[RawCommit, list[FileDelta]]] = []

    def needed() -> Iterator[str]:
        # Blobs are asked for while the log is still being read, so git serves them meanwhile.
        for commit in commits:
            deltas = [d for entry in commit.entries for d in deltas_of(entry) if wanted(d.customer_id)]
            if deltas:
                touched.append((commit, deltas))
                for delta in deltas:
                    yield from needs_content(delta, values=values)

    blobs.prefetch(needed())
    parsed: dict[str, Version] = {}
    blocks_read = BlockMemo()

    def read(sha: str | None, path: str) -> Version:
        if sha is not None and sha in parsed:
            return parsed[sha]
        version = parse_version(blobs.read(sha, path), path, validate=values)
        if project is not None:
            version = project(version, path)
        if sha is not None:
            parsed[sha] = version
        return version

    def compare(delta: FileDelta) -> list[FieldChange]:
        return delta_changes(delta, read, values=values, raw=blobs.read, memo=blocks_read)

    by_customer: dict[str, list[CommitChanges]] = {}
    for commit, deltas in touched:
        per_commit: dict[str, CommitChanges] = {}
        for delta in deltas:
            found = compare(delta)
            # A file added or removed by the merge is told whole: git lists it only when it differs from every parent.
            if delta.others and delta.old is not None and delta.new is not None:
                found = beyond_other_parents(delta, found, compare)
                if not found:
                    continue  # the merge only brought both sides together
            changes = per_commit.get(delta.customer_id)
            if changes is None:
                changes = per_commit[delta.customer_id] = CommitChanges(
                    commit.sha, commit.date, commit.author, commit.email, commit.message, committed=commit.committed
                )
            changes.changes += found
        for customer_id, changes in per_commit.items():
            by_customer.setdefault(customer_id, []).append(changes)
    return by_customer
