"""Where record files stand in a records repository (SPEC "Records").

``records/customers/**/<id>/customer.yaml`` with the notes in
``<id>/notes/<date>-<slug>.yaml``; folders above a customer folder only group
customers. ``records/orders/*.csv`` is optional. ``records/erased/<id>.yaml``
is the record that a customer was erased: the id, the date and the request,
nothing personal.
"""

from __future__ import annotations

import re

from .dates import DateError, parse_date

RECORDS_DIR = "records"
CUSTOMERS_DIR = "records/customers"
ORDERS_DIR = "records/orders"
ERASED_DIR = "records/erased"
CUSTOMER_FILE = "customer.yaml"
NOTES_DIR = "notes"
NOTE_FILE_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-[a-z0-9][a-z0-9-]*\.yaml$")
# Grouping folders nest this deep at most (a few levels are plenty for any size).
MAX_GROUPING_DEPTH = 16


def is_note_file_name(name: str) -> bool:
    """<date>-<slug>.yaml with a real date (not 2026-13-45) and a lower-case slug."""
    match = NOTE_FILE_NAME.fullmatch(name)
    if match is None:
        return False
    try:
        parse_date(match.group(1))
    except DateError:
        return False
    return True


def erasure_file(customer_id: str) -> str:
    """Where the record of a customer's erasure stands: records/erased/<id>.yaml."""
    return f"{ERASED_DIR}/{customer_id}.yaml"
