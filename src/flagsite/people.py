"""Where a person appears in the records: as account holder, as a note's contact, or named in text.

A record-access request comes from a person, not an id: the wife who rang, the son
with power of attorney. A query is a name, an email address or a phone number;
names are compared word by word with the site search's own word splitting (case,
accents and apostrophes ignored), phone numbers by their digits.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from .catalog import Catalog, CustomerEntry
from .render.search_index import PHONE_MATCH_DIGITS, phone_digits, words


@dataclass(frozen=True)
class Appearance:
    customer_id: str
    path: str  # the record file, relative to the repository root
    role: str  # account holder, contact, named in text
    field: str  # where in the file: name, contacts.emails, contact.name, reason, ...
    text: str  # the value that matched

    def as_json(self) -> dict[str, str]:
        return {"customer": self.customer_id, "path": self.path, "role": self.role, "field": self.field, "text": self.text}


@dataclass(frozen=True)
class Query:
    words: tuple[str, ...]
    digits: str
    email: str

    @classmethod
    def parse(cls, text: str) -> Query:
        text = text.strip()
        email = text.lower() if "@" in text else ""
        digits = phone_digits(text) if not email and not any(c.isalpha() for c in text) else ""
        return cls(tuple(words(text)) if not email and not digits else (), digits, email)

    @property
    def empty(self) -> bool:
        return not (self.words or len(self.digits) >= 3 or self.email)

    def names(self, text: str) -> bool:
        """The query's words appear together, in order, in ``text``."""
        found = words(text)
        n = len(self.words)
        return n > 0 and any(tuple(found[i : i + n]) == self.words for i in range(len(found) - n + 1))

    def is_phone(self, phone: str) -> bool:
        theirs = phone_digits(phone)
        tail = min(PHONE_MATCH_DIGITS, len(self.digits), len(theirs))
        return bool(self.digits) and tail >= 3 and theirs[-tail:] == self.digits[-tail:] and (
            len(self.digits) >= PHONE_MATCH_DIGITS or theirs.endswith(self.digits) or self.digits.endswith(theirs))

    def in_text(self, text: str) -> bool:
        if self.email:
            return self.email in text.lower()
        if self.digits:
            return len(self.digits) >= PHONE_MATCH_DIGITS and self.digits[-PHONE_MATCH_DIGITS:] in phone_digits(text)
        return self.names(text)


def find_person(catalog: Catalog, query_text: str) -> list[Appearance]:
    """Every place in the catalog where the person the query names appears, by customer id, then file."""
    query = Query.parse(query_text)
    found: list[Appearance] = []
    for entry in catalog.customers.values():
        found += _in_customer(entry, query)
    return found


def _in_customer(entry: CustomerEntry, query: Query) -> Iterator[Appearance]:
    customer = entry.customer
    path = f"{entry.folder}/customer.yaml"
    if query.words and query.names(customer.name):
        yield Appearance(customer.id, path, "account holder", "name", customer.name)
    for email in customer.contacts.emails:
        if query.email and query.email == email.lower():
            yield Appearance(customer.id, path, "account holder", "contacts.emails", email)
    for phone in customer.contacts.phones:
        if query.is_phone(phone):
            yield Appearance(customer.id, path, "account holder", "contacts.phones", phone)
    skip = {"name", "contacts"}
    yield from _named_in_text(customer, query, customer.id, path, "", skip)
    for note_entry in entry.notes:
        note = note_entry.note
        contact = note.contact
        if query.words and query.names(contact.name):
            relationship = f" ({contact.relationship})" if contact.relationship else ""
            yield Appearance(customer.id, note_entry.path, f"contact{relationship}", "contact.name", contact.name)
        yield from _named_in_text(note, query, customer.id, note_entry.path, "", {"contact"})
        if contact.relationship and query.in_text(contact.relationship):
            yield Appearance(customer.id, note_entry.path, "named in text", "contact.relationship", contact.relationship)


def _named_in_text(record: BaseModel, query: Query, customer_id: str, path: str, prefix: str, skip: set[str]) -> Iterator[Appearance]:
    """Free text anywhere in a record (reasons, resolutions, changes, remarks) that names the person."""
    for name, info in type(record).model_fields.items():
        key = info.alias or name
        if key in skip:
            continue
        yield from _in_value(getattr(record, name), query, customer_id, path, f"{prefix}{key}")


def _in_value(value: Any, query: Query, customer_id: str, path: str, where: str) -> Iterator[Appearance]:
    if isinstance(value, BaseModel):
        yield from _named_in_text(value, query, customer_id, path, f"{where}.", set())
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _in_value(item, query, customer_id, path, f"{where}[{index}]")
    elif isinstance(value, str) and query.in_text(value):
        yield Appearance(customer_id, path, "named in text", where, value)
