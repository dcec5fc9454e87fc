"""Where one customer's record files are read from, without reading anyone else's.

``WorkingTree`` reads today's files; ``flagsite.record.commit.CommitTree``
reads the files as they stood at a commit. Both find the customer's folder with
the one locator (``flagsite.locate``), so they refuse what validate refuses.
"""

from __future__ import annotations

import os
from typing import Protocol

from ..discover import discover_orders
from ..findings import Finding
from ..load.orders import OrderLimits, OrderRow, load_orders_file
from ..locate import FoundCustomer, locate_customer
from ..read import read_record_bytes


class FileSource(Protocol):
    root: str  # the records repository
    description: str  # e.g. "as it stands now", "as it stood on 2026-06-03 (commit 1a2b3c4)"
    checked: bool  # whether records are held to every check of validate, or (a past version) to the schema only

    def locate(self, customer_id: str) -> FoundCustomer | None:
        """The customer's folder, its note files and what is refused in it; None when there is none."""

    def read(self, path: str) -> bytes | Finding:
        """A record file's bytes (at most one more than a record may hold), or why it cannot be read."""

    def orders(self, limits: OrderLimits) -> tuple[list[OrderRow], list[Finding]]:
        """Every order row, and what is wrong in records/orders/ (files refused, files past the bounds, rows not read)."""


class WorkingTree:
    description = "as it stands now"
    checked = True

    def __init__(self, root: str) -> None:
        self.root = root

    def locate(self, customer_id: str) -> FoundCustomer | None:
        return locate_customer(self.root, customer_id)

    def read(self, path: str) -> bytes | Finding:
        return read_record_bytes(os.path.join(self.root, path), path)

    def orders(self, limits: OrderLimits) -> tuple[list[OrderRow], list[Finding]]:
        layout = discover_orders(self.root)
        rows: list[OrderRow] = []
        findings = list(layout.findings)
        for path in layout.order_files:
            file_rows, file_findings = load_orders_file(os.path.join(self.root, path), path, limits, len(rows))
            rows += file_rows
            findings += file_findings
        return rows, findings
