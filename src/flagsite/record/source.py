"""Where one customer's record files are read from, without reading anyone else's.

``WorkingTree`` reads today's files; ``flagsite.history.as_of.CommitTree``
reads the files as they stood at a commit. Both find the customer's folder by
its id at any depth of grouping.
"""

from __future__ import annotations

import os
import re
from typing import Protocol

from ..discover import CUSTOMER_FILE, CUSTOMERS_DIR, NOTES_DIR, ORDERS_DIR
from ..errors import FlagsiteError
from ..models import CUSTOMER_ID_PATTERN


def require_customer_id(customer_id: str) -> str:
    """An id as the schema allows it; anything else (a path, a wildcard) is refused before use."""
    if not re.fullmatch(CUSTOMER_ID_PATTERN, customer_id):
        raise FlagsiteError(f"{customer_id!r} is not a customer id (letters, digits, '.', '_' and '-', e.g. C-10042)")
    return customer_id


class FileSource(Protocol):
    description: str  # e.g. "as it stands now", "as it stood on 2026-06-03 (commit 1a2b3c4)"

    def locate(self, customer_id: str) -> tuple[str, list[str]] | None:
        """The customer's folder and its note files (relative paths), or None."""

    def read(self, path: str) -> bytes | None: ...

    def order_files(self) -> list[str]: ...


class WorkingTree:
    description = "as it stands now"

    def __init__(self, root: str) -> None:
        self.root = root

    def locate(self, customer_id: str) -> tuple[str, list[str]] | None:
        folder = self._find(CUSTOMERS_DIR, customer_id)
        if folder is None:
            return None
        notes_abs = os.path.join(self.root, folder, NOTES_DIR)
        notes = sorted(
            f"{folder}/{NOTES_DIR}/{name}" for name in (os.listdir(notes_abs) if os.path.isdir(notes_abs) else []) if name.endswith(".yaml")
        )
        return folder, notes

    def _find(self, rel: str, customer_id: str) -> str | None:
        # Look at names first: only grouping folders are descended into.
        absolute = os.path.join(self.root, rel)
        try:
            with os.scandir(absolute) as it:
                folders = sorted(e.name for e in it if e.is_dir(follow_symlinks=False))
        except OSError:
            return None
        if customer_id in folders and os.path.isfile(os.path.join(absolute, customer_id, CUSTOMER_FILE)):
            return f"{rel}/{customer_id}"
        for name in folders:
            if not os.path.exists(os.path.join(absolute, name, CUSTOMER_FILE)):
                found = self._find(f"{rel}/{name}", customer_id)
                if found:
                    return found
        return None

    def read(self, path: str) -> bytes | None:
        try:
            with open(os.path.join(self.root, path), "rb") as handle:
                return handle.read()
        except OSError:
            return None

    def order_files(self) -> list[str]:
        folder = os.path.join(self.root, ORDERS_DIR)
        if not os.path.isdir(folder):
            return []
        return sorted(f"{ORDERS_DIR}/{name}" for name in os.listdir(folder) if name.endswith(".csv"))
