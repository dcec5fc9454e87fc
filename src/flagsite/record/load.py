"""Read one customer's record (customer.yaml, notes, order rows) into a catalog entry.

The files are found by the one locator and go through the same reading and
checks as ``flagsite validate`` (``flagsite.read``); a record that is not
valid stops the command with its findings, because an export or a past
version shown from a half-read record would mislead. The policy rules judge
how a record is written, not what it says, so they do not stop an export (the
build refuses such records); a past version is held to the schema only, so
that checks made since then never hide what a record said.
"""

from __future__ import annotations

import datetime as dt

from ..catalog import CustomerEntry, NoteEntry
from ..check.context import CheckContext
from ..config import Config
from ..errors import FlagsiteError, RecordsHaveErrors
from ..findings import Finding, has_errors, sort_key
from ..locate import refuse_erased, require_customer_id
from ..models import Customer, Note
from ..read import load_record, read_customer, read_note
from .source import FileSource

_ORDERS_UNTOLD = {"O002", "R004", "R013", "X001"}


def load_customer(source: FileSource, customer_id: str, config: Config, today: dt.date | None = None) -> CustomerEntry:
    require_customer_id(customer_id)
    refuse_erased(source.root, customer_id)
    found = source.locate(customer_id)
    if found is None:
        raise FlagsiteError(f"customer {customer_id} not found ({source.description}); check the id (ids are case-sensitive)")
    folder = found.folder
    ctx = CheckContext(config=config, today=today or dt.date.today())
    findings: list[Finding] = list(found.findings)
    customer = None
    if folder.has_customer_file:
        raw = source.read(folder.customer_file)
        if isinstance(raw, Finding):
            findings.append(raw)
        else:
            loaded = read_customer(raw, folder.customer_file, ctx, folder.folder_name, policy=False) if source.checked else load_record(raw, folder.customer_file, Customer)
            findings += loaded.findings
            customer = loaded.record
    notes = []
    for path in folder.note_files:
        raw = source.read(path)
        if isinstance(raw, Finding):
            findings.append(raw)
            continue
        loaded_note = read_note(raw, path, ctx, customer, policy=False) if source.checked else load_record(raw, path, Note)
        findings += loaded_note.findings
        if loaded_note.record is not None:
            notes.append(NoteEntry(path, loaded_note.record))
    rows, order_findings = source.orders(config.orders)
    # An orders file refused or too large leaves the customer's orders untold, which would mislead;
    # a row that cannot be read is left out, as the site leaves it out.
    findings += [f for f in order_findings if f.code in _ORDERS_UNTOLD]
    errors = sorted({f for f in findings if f.severity == "error"}, key=sort_key)
    if customer is None or has_errors(errors):
        raise RecordsHaveErrors(f"the record of {customer_id} {source.description} is not valid; fix these first:", errors)
    notes.sort(key=lambda e: (e.note.at, e.path), reverse=True)
    entry = CustomerEntry(folder.rel_path, customer, notes)
    entry.orders = sorted((r for r in rows if r.order.customer == customer_id), key=lambda r: (r.order.date, r.order.order_id), reverse=True)
    return entry
