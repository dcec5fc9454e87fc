"""Find a customer's folder by id, wherever grouping folders put it."""

from __future__ import annotations

import difflib
import os
import re

from ..discover import CustomerFolder, discover
from ..errors import FlagsiteError
from ..models import CUSTOMER_ID_PATTERN

_ID = re.compile(CUSTOMER_ID_PATTERN)


def customer_folders(root: str) -> dict[str, CustomerFolder]:
    """Every customer folder by its name (which the id must equal)."""
    return {folder.folder_name: folder for folder in discover(root).customers}


def find_customer(root: str, customer_id: str, folders: dict[str, CustomerFolder] | None = None) -> CustomerFolder:
    if not _ID.match(customer_id):
        raise FlagsiteError(f"{customer_id!r} is not a customer id (letters, digits, '.', '_', '-'; e.g. C-10042)")
    if not os.path.isdir(os.path.join(root, "records", "customers")):
        raise FlagsiteError(f"no records/customers/ folder in {root}; run flagsite in a records repository or pass --root")
    if folders is None:
        direct = f"records/customers/{customer_id}"
        file = os.path.join(root, direct, "customer.yaml")
        # The common, ungrouped layout; a link is left to discovery, which decides whether it may be read.
        if os.path.isfile(file) and not os.path.islink(file) and not os.path.islink(os.path.dirname(file)):
            return CustomerFolder(direct)
        folders = customer_folders(root)
    folder = folders.get(customer_id)
    if folder is None:
        close = difflib.get_close_matches(customer_id, list(folders), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise FlagsiteError(f"no customer {customer_id!r} under records/customers/{hint}")
    if not folder.has_customer_file:
        raise FlagsiteError(f"{folder.customer_file} is not a file flagsite may read (flagsite validate says why); nothing was written")
    return folder
