"""Which customer a repository path belongs to, by the records layout.

A customer folder is the folder holding ``customer.yaml`` and ``notes/``;
folders above it only group customers, so the id is the folder's own name
wherever it stands under ``records/customers/``.
"""

from __future__ import annotations

from typing import NamedTuple

from ..layout import CUSTOMER_FILE, CUSTOMERS_DIR, NOTES_DIR
from ..locate import require_customer_id

_PREFIX = CUSTOMERS_DIR + "/"


class RecordPath(NamedTuple):
    # A tuple, not a dataclass: one is made for every record file of every commit.
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
    head, _, name = path.rpartition("/")
    if name == CUSTOMER_FILE:
        # records/customers/[group/]<id>/customer.yaml
        if head.count("/") >= 2:
            return RecordPath(head.rpartition("/")[2], head, CUSTOMER_FILE)
        return None
    folder, _, notes = head.rpartition("/")
    # records/customers/[group/]<id>/notes/<name>.yaml
    if notes == NOTES_DIR and folder.count("/") >= 2:
        return RecordPath(folder.rpartition("/")[2], folder, f"{NOTES_DIR}/{name}")
    return None


def customer_pathspec(customer_id: str) -> str:
    """A pathspec for one customer's folder at any depth of grouping (ids hold no glob characters)."""
    require_customer_id(customer_id)
    return f":(glob){CUSTOMERS_DIR}/**/{customer_id}/**"
