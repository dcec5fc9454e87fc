"""Which customer a repository path belongs to, by the records layout.

A customer folder is the folder holding ``customer.yaml`` and ``notes/``;
folders above it only group customers, so the id is the folder's own name
wherever it stands under ``records/customers/``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..discover import CUSTOMER_FILE, CUSTOMERS_DIR, NOTES_DIR
from ..record.source import require_customer_id

_PREFIX = CUSTOMERS_DIR + "/"


@dataclass(frozen=True)
class RecordPath:
    customer_id: str
    folder: str  # records/customers/[group/]<id>
    file: str  # relative to the customer folder: customer.yaml or notes/<name>.yaml

    @property
    def is_note(self) -> bool:
        return self.file != CUSTOMER_FILE

    @property
    def note_slug(self) -> str:
        return self.file.rsplit("/", 1)[-1].removesuffix(".yaml")


def record_path(path: str | None) -> RecordPath | None:
    """The customer record a repository path is part of, or None for any other file."""
    if not path or not path.startswith(_PREFIX) or not path.endswith(".yaml"):
        return None
    parts = path.split("/")
    if parts[-1] == CUSTOMER_FILE and len(parts) >= 4:
        return RecordPath(parts[-2], "/".join(parts[:-1]), CUSTOMER_FILE)
    if len(parts) >= 5 and parts[-2] == NOTES_DIR:
        return RecordPath(parts[-3], "/".join(parts[:-2]), f"{NOTES_DIR}/{parts[-1]}")
    return None


def customer_pathspec(customer_id: str) -> str:
    """A pathspec for one customer's folder at any depth of grouping (ids hold no glob characters)."""
    require_customer_id(customer_id)
    return f":(glob){CUSTOMERS_DIR}/**/{customer_id}/**"
