"""One in-memory index of a repository's valid records, for rendering and exports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .findings import Finding
from .load.orders import OrderRow
from .models import Customer, Erasure, Note
from .retention import PastRetention, past_retention

if TYPE_CHECKING:  # a type here: what reads the configuration loads it
    from .config import Config


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
    erased: dict[str, Erasure] = field(default_factory=dict)  # the records of erasures, by id, sorted by id
    # What validation reported about these records (warnings only, once they are fit to build).
    findings: list[Finding] = field(default_factory=list)

    def get(self, customer_id: str) -> CustomerEntry | None:
        return self.customers.get(customer_id)

    def past_retention(self, entries: Iterable[CustomerEntry] | None = None) -> list[tuple[CustomerEntry, PastRetention]]:
        """The customers (of ``entries``, default: all) kept past ``retention:``, longest past first."""
        rows = [(entry, past) for entry in (self.customers.values() if entries is None else entries)
                if (past := past_retention(entry.customer, self.config.retention, self.today)) is not None]
        return sorted(rows, key=retention_order)

    def closed_without_date(self, entries: Iterable[CustomerEntry] | None = None) -> list[CustomerEntry]:
        """Closed customers (of ``entries``, default: all) whose retention cannot be counted: their record has no ``closed:`` date."""
        if self.config.retention is None:
            return []
        return [entry for entry in (self.customers.values() if entries is None else entries)
                if entry.customer.status == "closed" and entry.customer.closed is None]


def retention_order(row: tuple[CustomerEntry, PastRetention]) -> tuple[dt.date, str]:
    """The order of the customers kept past retention: longest past first."""
    return row[1].since, row[0].id
