"""The change history of one customer, known by its record's ``id:`` (``history.locate``), for two audiences.

Every folder that ever held the record is followed: moves between grouping
folders with or without edits, a folder deleted (an erasure or a closure being
audited) and a customer re-created in another folder.

- Staff (``customer_history``): every commit with its author, message and
  every field change, internal fields included.
- The customer (``customer_change_log``): when their factual data changed and
  how, each version reduced to what the export discloses (``export.disclose``);
  no staff names, no commit messages, no sha, nothing of another customer: a
  note moved to or from another customer is "a note was moved", and a note
  that left for another customer is not told while it was filed here.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import FlagsiteError
from ..git import BlobReader, RawCommit, landing_times, require_history
from ..locate import require_customer_id
from ..models import Customer, Note
from .changes import FieldChange, jsonable
from .locate import Identity, customer_commits
from .paths import record_path
from .timeline import CommitChanges, group_by_customer
from .versions import Version, _model_of

if TYPE_CHECKING:  # the customer's change log alone reads the configuration and the export
    from ..config import Config

NOTE_MOVED = "a note was moved"


def customer_history(root: str, customer_id: str) -> list[CommitChanges]:
    """Every commit that touched the customer's records, newest first, with field-level changes (for staff)."""
    root, commits, identity = _commits(root, customer_id)
    with BlobReader(root) as blobs:
        grouped = group_by_customer(commits, blobs, values=True, wanted=identity.folder_names.__contains__)
    history = _one_list(commits, grouped)
    if not history:
        raise FlagsiteError(f"no commit touched customer {customer_id} in {root}; check the id (ids are case-sensitive)")
    return _dated(root, history)


@dataclass
class DatedChanges:
    """One change to the customer's factual data: when it was written and when it took effect."""

    written: str  # the author date
    landed: str  # when it landed on the main line; "" when not known
    changes: list[FieldChange]

    def as_json(self) -> dict[str, Any]:
        return {
            "written": self.written,
            "landed": self.landed,
            "changes": [{"what": c.path, "kind": c.kind, "old": jsonable(c.old), "new": jsonable(c.new), "words": c.words} for c in self.changes],
        }


def customer_change_log(root: str, customer_id: str, config: Config) -> list[DatedChanges]:
    """When the customer's factual data changed and how, newest first, safe to send to the customer."""
    from ..export.disclose import factual_data

    root, commits, identity = _commits(root, customer_id)

    def factual(version: Version, path: str) -> Version:
        if version.data is None:
            return version
        model: type[Customer] | type[Note] = _model_of(path)
        try:
            record = model.model_validate(version.data)
        except ValueError:
            # Not valid, so not classed field by field: nothing of it is told.
            return Version(None, False, "a version that could not be read")
        return Version(factual_data(record, config), True)

    with BlobReader(root) as blobs:
        grouped = group_by_customer(commits, blobs, values=True, wanted=identity.folder_names.__contains__, project=factual)
    staff = _dated(root, _one_list(commits, grouped))
    crossed = _moved_between_customers(commits, identity)
    log: list[DatedChanges] = []
    gone: set[str] = set()  # notes (file names here) that later left for another customer
    for commit in staff:
        moved_here, moved_away = crossed.get(commit.sha, (set(), set()))
        changes: list[FieldChange] = []
        for change in commit.changes:
            if change.file in moved_here or change.file in moved_away:
                changes.append(FieldChange("notes", "", "moved", None, None, NOTE_MOVED))
                continue
            if change.file in gone:
                renamed = record_path(change.old) if change.field == "" and isinstance(change.old, str) else None
                if renamed is not None:
                    gone.add(renamed.file)
                continue
            if change.field == "" and change.kind == "changed" and isinstance(change.old, str) and isinstance(change.new, str):
                continue  # a file moved or renamed: where staff keep it, not the customer's data
            if change.old == change.new and change.kind == "changed":
                continue
            changes.append(_for_customer(change))
        gone |= moved_away
        if changes:
            log.append(DatedChanges(commit.date, commit.landed, changes))
    return log


_NOTE_WORDS = re.compile(r"^note (\d{4}-\d{2}-\d{2})-\S+")
_NOTE_FILE = re.compile(r"^notes/(\d{4}-\d{2}-\d{2})-.*$")


def _for_customer(change: FieldChange) -> FieldChange:
    """A note named by its date, not by the file name staff gave it."""
    words = _NOTE_WORDS.sub(r"note of \1", change.words)
    file = _NOTE_FILE.sub(r"notes/\1", change.file)
    return FieldChange(file, change.field, change.kind, change.old, change.new, words)


def _moved_between_customers(commits: list[RawCommit], identity: Identity) -> dict[str, tuple[set[str], set[str]]]:
    """Commit sha → (notes moved here from another customer, notes moved from here to another), by file name."""
    crossed: dict[str, tuple[set[str], set[str]]] = {}
    for commit in commits:
        for entry in commit.entries:
            old, new = record_path(entry.old_path), record_path(entry.new_path)
            if old is None or new is None or entry.status not in "RC":
                continue
            ours_before, ours_after = identity.owns(old, entry.old_sha), identity.owns(new, entry.new_sha)
            if ours_before != ours_after:
                here, away = crossed.setdefault(commit.sha, (set(), set()))
                (here if ours_after else away).add(new.file if ours_after else old.file)
    return crossed


def _commits(root: str, customer_id: str) -> tuple[str, list[RawCommit], Identity]:
    root = os.path.abspath(root)
    require_customer_id(customer_id)
    require_history(root)
    commits, identity = customer_commits(root, customer_id)
    if not commits:
        raise FlagsiteError(f"no commit touched customer {customer_id} in {root}; check the id (ids are case-sensitive)")
    return root, commits, identity


def _dated(root: str, history: list[CommitChanges]) -> list[CommitChanges]:
    landed = landing_times(root)
    for commit in history:
        commit.landed = landed.get(commit.sha, "")
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
