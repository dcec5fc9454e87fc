"""What Git history still holds of a customer: the paths their record ever stood at, and the values that identify them.

The record is known by the ``id:`` it carries (``history.locate``), through
moves, re-creation and every branch. The values are read from every version of
the customer's files: the account holder's name, email addresses and phone
numbers, the holder's name where a note names them as the contact, and earlier
names, addresses, emails and phones a note's ``changes`` record. Other people's
files, order rows and commit messages may quote these, so the rewrite replaces
them wherever they stand; the customer's own files are removed whole.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..discover import discover
from ..findings import Finding
from ..git import BlobReader
from ..history.locate import customer_commits
from ..history.paths import record_path
from ..models import EMAIL_TEXT
from ..read import load_record, read_record_bytes
from ..render.search_index import phone_digits

# Shorter values would match inside other words and people's data: they are reported, not replaced.
MIN_LENGTH = 4
PHONE_MIN_DIGITS = 7
# A change of one of these fields records personal data: its earlier value is the customer's too.
_PERSONAL_FIELDS = ("name", "mail", "phone", "address", "contact")
_PHONE_SEPARATORS = r"[ ().\-/]*"
_EMAIL = re.compile(EMAIL_TEXT)


@dataclass(frozen=True)
class Value:
    kind: str  # name, email, phone, earlier email...: said in reports instead of the value
    text: str

    def pattern(self) -> str:
        """A regular expression (Python, for bytes) that finds the value as people write it."""
        if "phone" in self.kind:
            digits = phone_digits(self.text)
            return r"(?<![0-9])\+?" + _PHONE_SEPARATORS.join(digits) + r"(?![0-9])"
        # Any case, any run of white space between words (a mention wrapped over two lines).
        return r"(?i:(?<!\w)" + r"\s+".join(re.escape(word) for word in self.text.split()) + r"(?!\w))"

    def replacement(self, word: str) -> str:
        """What stands in the value's place: a value of the same form, so every version of a record still reads as one
        (a plain word in brackets would turn into a YAML list)."""
        if "phone" in self.kind:
            return "+0 000 000"
        if "mail" in self.kind or _EMAIL.match(self.text):
            return f"{word}@{word}.invalid"
        return f"({word})"

    @property
    def key(self) -> str:
        """What two values that are the same have in common: a phone's digits, other text in any case and spacing."""
        return phone_digits(self.text) if "phone" in self.kind else " ".join(self.text.casefold().split())

    @property
    def replaceable(self) -> bool:
        if "==>" in self.text or "\n" in self.text:
            return False  # cannot be written in git-filter-repo's expressions file
        if "phone" in self.kind:
            return len(phone_digits(self.text)) >= PHONE_MIN_DIGITS
        return len(self.text.strip()) >= MIN_LENGTH


@dataclass
class Traces:
    customer_id: str
    paths: set[str] = field(default_factory=set)  # relative to the records root
    values: set[Value] = field(default_factory=set)
    # Every version of the customer's files, for rectification: is a value in their past?
    contents: list[bytes] = field(default_factory=list)

    @property
    def replaceable(self) -> list[Value]:
        return sorted((v for v in self.values if v.replaceable), key=lambda v: (v.kind, v.text))

    @property
    def too_short(self) -> list[Value]:
        return sorted((v for v in self.values if not v.replaceable), key=lambda v: (v.kind, v.text))


def customer_traces(root: str, customer_id: str) -> Traces:
    """Every path and identifying value of the customer in the history of every branch and tag."""
    commits, identity = customer_commits(root, customer_id, rev="--all", everywhere=True)
    traces = Traces(customer_id)
    blobs: dict[str, str] = {}
    for commit in commits:
        for entry in commit.entries:
            for path, sha in ((entry.old_path, entry.old_sha), (entry.new_path, entry.new_sha)):
                where = record_path(path)
                if path is None or where is None or not identity.owns(where, sha):
                    continue
                traces.paths.add(path)
                if sha is not None:
                    blobs[sha] = path
    with BlobReader(root) as reader:
        reader.prefetch(blobs)
        for sha, path in blobs.items():
            raw = reader.read(sha)
            if raw is None:
                continue
            traces.contents.append(raw)
            data = load_record(raw, path, None).data
            if isinstance(data, dict):
                kind = record_path(path)
                traces.values |= set(_note_values(data) if kind is not None and kind.is_note else _customer_values(data))
    return traces


def live_values(root: str) -> dict[str, str]:
    """The name, emails and phones of every customer in the working tree, by ``Value.key``: value key -> customer id.

    A value another customer holds too (a household's phone) is theirs as well, and stays.
    """
    held: dict[str, str] = {}
    for folder in discover(root).customers:
        raw = read_record_bytes(os.path.join(root, folder.customer_file), folder.customer_file)
        data = None if isinstance(raw, Finding) else load_record(raw, folder.customer_file, None).data
        if isinstance(data, dict):
            for value in _customer_values(data):
                held.setdefault(value.key, folder.folder_name)
    return held


def _customer_values(data: dict[str, Any]) -> Iterator[Value]:
    yield from _texts("name", data.get("name"))
    contacts = data.get("contacts")
    if isinstance(contacts, dict):
        yield from _texts("email", contacts.get("emails"))
        yield from _texts("phone", contacts.get("phones"))


def _note_values(data: dict[str, Any]) -> Iterator[Value]:
    contact = data.get("contact")
    if isinstance(contact, dict) and not contact.get("relationship"):  # the account holder, as the note names them
        yield from _texts("name", contact.get("name"))
    changes = data.get("changes")
    for change in changes if isinstance(changes, list) else []:
        if not isinstance(change, dict) or not isinstance(change.get("field"), str):
            continue
        what = change["field"].strip().lower()
        if any(word in what for word in _PERSONAL_FIELDS):
            kind = "phone" if "phone" in what else what
            yield from _texts(f"earlier {kind}", [change.get("from"), change.get("to")])


def _texts(kind: str, value: object) -> Iterator[Value]:
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str) and item.strip():
            yield Value(kind, item.strip())
