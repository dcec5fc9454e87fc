"""One in-memory index of a repository's valid records, for rendering and exports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .config import Config
from .findings import Finding
from .load.orders import OrderRow
from .models import Customer, Note


@dataclass(frozen=True)
class NoteEntry:
    path: str  # relative to the repository root
    note: Note

    @property
    def slug(self) -> str:
        """The file name without .yaml: '2026-06-03-refund'."""
        return self.path.rsplit("/", 1)[-1].removesuffix(".yaml")


@dataclass
class CustomerEntry:
    folder: str  # relative to the repository root
    customer: Customer
    notes: list[NoteEntry] = field(default_factory=list)  # newest first
    orders: list[OrderRow] = field(default_factory=list)  # newest first

    @property
    def id(self) -> str:
        return self.customer.id

    @property
    def critical_notes(self) -> list[NoteEntry]:
        return [entry for entry in self.notes if entry.note.critical]


@dataclass
class Catalog:
    root: str
    config: Config
    today: dt.date
    customers: dict[str, CustomerEntry] = field(default_factory=dict)  # by id, sorted by id
    # What validation reported about these records (warnings only, once they are fit to build).
    findings: list[Finding] = field(default_factory=list)

    def get(self, customer_id: str) -> CustomerEntry | None:
        return self.customers.get(customer_id)
