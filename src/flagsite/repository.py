"""Load a records repository: discover, read, model and check every record.

The result is a catalog of the records that are valid and the findings for
everything else. Customer folders are independent, so they are loaded in
parallel worker processes when there are many of them; each worker reads one
folder at a time (customer.yaml and its notes) and runs the per-record checks
where the source positions are at hand, returning only typed records and
findings.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

from pydantic import ValidationError

from .catalog import Catalog, CustomerEntry, NoteEntry
from .check.context import CheckContext, Located
from .check.placeholders import check_customer_placeholders, check_placeholders, placeholders_in
from .check.record import check_customer, check_customer_data, check_note, check_note_data, valid_customer_id
from .check.schema_link import check_schema_link
from .check.repository import check_across
from .config import Config, load_config
from .discover import CustomerFolder, discover
from .findings import Finding, sort_key
from .load.orders import OrderRow, load_orders_file
from .load.yaml_strict import LoadedYaml, Position, load_yaml_file
from .models import Customer, Note, Record

RecordT = TypeVar("RecordT", bound=Record)
from .policy.engine import check_customer_policy, check_note_policy
from .schema_errors import findings_from_validation_error

# Below this many customers, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 400
_CHUNK = 64

NoteCheck = Callable[[Note, Located, CheckContext, Customer | None], Iterable[Finding]]
NOTE_CHECKS: list[NoteCheck] = [
    lambda note, where, ctx, customer: check_note(note, where, ctx),
    check_placeholders,
    check_note_policy,
]
CustomerCheck = Callable[[Customer, Located, CheckContext], Iterable[Finding]]
CUSTOMER_CHECKS: list[CustomerCheck] = [check_customer, check_customer_placeholders, check_customer_policy]


@dataclass
class LoadResult:
    catalog: Catalog
    findings: list[Finding]

    @property
    def ok(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)


@dataclass
class _FolderResult:
    folder: CustomerFolder
    customer_id: str | None  # None when customer.yaml could not be read or its id is not valid
    id_position: Position | None
    entry: CustomerEntry | None  # None when unreadable, or when records are not kept
    findings: list[Finding]


def load_repository(
    root: str, *, today: dt.date | None = None, jobs: int | None = None, keep_records: bool = True
) -> LoadResult:
    """Every finding, and a catalog of the valid records.

    ``keep_records=False`` leaves the catalog empty: enough for validation,
    and it spares worker processes from sending the records back.
    """
    root = os.path.abspath(root)
    config, findings = load_config(root)
    ctx = CheckContext(config=config, today=today or dt.date.today())
    layout = discover(root)
    findings += layout.findings
    catalog = Catalog(root=root, config=config, today=ctx.today)
    results = _load_folders(root, layout.customers, ctx, jobs, keep_records)
    orders: list[OrderRow] = []
    for order_file in layout.order_files:
        rows, order_findings = load_orders_file(os.path.join(root, order_file), order_file, config.orders, len(orders))
        orders += rows
        findings += order_findings
    for result in results:
        findings += result.findings
    findings += check_across(results_by_id(results), orders)
    entries = sorted((r.entry for r in results if r.entry is not None), key=lambda e: e.id)
    for entry in entries:
        catalog.customers.setdefault(entry.id, entry)  # a duplicate id is reported above
    for row in sorted(orders, key=lambda r: (r.order.date, r.order.order_id), reverse=True):
        owner = catalog.customers.get(row.order.customer)
        if owner is not None:
            owner.orders.append(row)
    catalog.findings = sorted(set(findings), key=sort_key)
    return LoadResult(catalog, catalog.findings)


def results_by_id(results: list[_FolderResult]) -> list[tuple[str, str, Position | None]]:
    """(customer id, customer.yaml path, position of the id) for every readable customer."""
    return [(r.customer_id, r.folder.customer_file, r.id_position) for r in results if r.customer_id is not None]


def _load_folders(
    root: str, folders: list[CustomerFolder], ctx: CheckContext, jobs: int | None, keep_records: bool
) -> list[_FolderResult]:
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(folders) < PARALLEL_THRESHOLD:
        return [_load_folder(root, folder, ctx, keep_records) for folder in folders]
    chunks = [folders[i : i + _CHUNK] for i in range(0, len(folders), _CHUNK)]
    n = len(chunks)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        done = pool.map(_load_chunk, [root] * n, chunks, [ctx] * n, [keep_records] * n)
        return [result for chunk in done for result in chunk]


def _load_chunk(root: str, folders: list[CustomerFolder], ctx: CheckContext, keep_records: bool) -> list[_FolderResult]:
    return [_load_folder(root, folder, ctx, keep_records) for folder in folders]


def _load_folder(root: str, folder: CustomerFolder, ctx: CheckContext, keep_records: bool = True) -> _FolderResult:
    findings: list[Finding] = []
    customer_path = folder.customer_file
    customer: Customer | None = None
    customer_id: str | None = None  # also of a customer.yaml with errors elsewhere: for duplicates, and its orders
    loaded = _read(root, customer_path, findings) if folder.has_customer_file else None
    if loaded is not None:
        findings += check_schema_link(customer_path, loaded.schema_link)
        customer = _model(Customer, loaded, customer_path, findings)
        where = Located(customer_path, loaded.source)
        if customer is not None:
            for customer_check in CUSTOMER_CHECKS:
                findings += _guarded(customer_path, lambda: customer_check(customer, where, ctx))
        else:  # the parts that fit are still checked: one mistake does not hide the next
            data = loaded.data or {}
            findings += _guarded(customer_path, lambda: [*check_customer_data(data, where, ctx), *placeholders_in(data, where)])
        customer_id = customer.id if customer is not None else valid_customer_id(loaded.data or {})
        if customer_id is not None and customer_id != folder.folder_name:
            line, column = where.at("id")
            findings.append(
                Finding(customer_path, line, column, "R001", f"id {customer_id!r} does not match its folder {folder.folder_name!r}; rename the folder or correct the id")
            )
    notes: list[NoteEntry] = []
    for note_path in folder.note_files:
        note_loaded = _read(root, note_path, findings)
        if note_loaded is None:
            continue
        findings += check_schema_link(note_path, note_loaded.schema_link)
        note = _model(Note, note_loaded, note_path, findings)
        where = Located(note_path, note_loaded.source)
        if note is None:
            note_data = note_loaded.data or {}
            findings += _guarded(note_path, lambda: [*check_note_data(note_data, where, ctx), *placeholders_in(note_data, where)])
            continue
        for note_check in NOTE_CHECKS:
            findings += _guarded(note_path, lambda: note_check(note, where, ctx, customer))
        notes.append(NoteEntry(note_path, note))
    entry = None
    if customer is not None and keep_records:
        notes.sort(key=lambda e: (e.note.at, e.path), reverse=True)
        entry = CustomerEntry(folder.rel_path, customer, notes)
    id_position = loaded.source.values.get(("id",)) if loaded is not None else None
    return _FolderResult(folder, customer_id, id_position, entry, findings)


def _read(root: str, path: str, findings: list[Finding]) -> LoadedYaml | None:
    try:
        loaded = load_yaml_file(os.path.join(root, path), path)
    except OSError as error:
        findings.append(Finding(path, None, None, "X001", f"cannot be read: {error.strerror}; check the file's permissions"))
        return None
    except Exception as error:  # noqa: BLE001 - one bad file must not stop the others
        findings.append(_internal_error(path, error))
        return None
    findings += loaded.findings
    if loaded.data is None:
        return None
    return loaded


def _model(model: type[RecordT], loaded: LoadedYaml, path: str, findings: list[Finding]) -> RecordT | None:
    try:
        return model.model_validate(loaded.data)
    except ValidationError as error:
        findings += findings_from_validation_error(error, path, loaded.source, model)
    except Exception as error:  # noqa: BLE001
        findings.append(_internal_error(path, error))
    return None


def _guarded(path: str, run: Callable[[], Iterable[Finding]]) -> Iterator[Finding]:
    try:
        yield from list(run())
    except Exception as error:  # noqa: BLE001
        yield _internal_error(path, error)


def _internal_error(path: str, error: Exception) -> Finding:
    return Finding(path, None, None, "X001", f"flagsite failed on this file ({type(error).__name__}: {error}); the other files were checked. Please report this.")
