"""Load a records repository: discover, read, model and check every record.

The result is a catalog of the records that are valid and the findings for
everything else. Customer folders are independent, so they are loaded in
parallel worker processes when there are many of them; each worker reads one
folder at a time (customer.yaml and its notes) and runs the per-record checks
where the source positions are at hand, returning only typed records and
findings.

A ``ReadCache`` keeps each folder's result between loads (``flagsite serve``
keeps it in memory, ``flagsite build`` on disk): a folder is read again only
when the bytes of its files, the configuration or the date changed.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import datetime as dt
import hashlib
import os
import signal
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace

from . import __version__
from .catalog import Catalog, CustomerEntry, NoteEntry
from .check.context import CheckContext
from .check.record import valid_customer_id
from .check.repository import CustomerWithErrors, check_across
from .config import CONFIG_FILE, load_config
from .discover import CustomerFolder, Layout, discover
from .findings import Finding, sort_key
from .load.orders import OrderRow, load_orders_file
from .load.yaml_strict import Position
from .models import Customer, Erasure
from .progress import progress, tracked
from .read import read_customer_file, read_erasure_file, read_note_file

# Below this many customers, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 400
_CHUNK = 64


@dataclass
class LoadResult:
    catalog: Catalog
    findings: list[Finding]
    # customer folder -> digest of its files' names and bytes; kept with a ReadCache only
    folder_keys: dict[str, str] = field(default_factory=dict)
    layout: Layout = field(default_factory=Layout)  # the record files found, for a later load that is told what changed

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
    has_errors: bool = False  # customer.yaml is missing, unreadable or does not fit the schema


@dataclass
class ReadCache:
    """Each customer folder's result by folder, with the digest of the files it was read from."""

    context: str = ""  # the flagsite version, configuration and date the results were checked with
    folders: dict[str, tuple[str, _FolderResult]] = field(default_factory=dict)
    changed: bool = False  # whether the last load read or dropped a folder
    # folder -> (its files' stat signature, the digest of their bytes): a folder whose files
    # all kept their size, time and inode is not read to be digested again.
    signatures: dict[str, tuple[tuple[object, ...], str]] = field(default_factory=dict)


def load_repository(
    root: str, *, today: dt.date | None = None, jobs: int | None = None, keep_records: bool = True, policy: bool = True,
    cache: ReadCache | None = None, layout: Layout | None = None, changed: set[str] | None = None,
    only_customers: Callable[[str], bool] | None = None,
) -> LoadResult:
    """Every finding, and a catalog of the valid records.

    ``keep_records=False`` leaves the catalog empty: enough for validation,
    and it spares worker processes from sending the records back.
    ``policy=False`` leaves out the policy rules (how records are written, most
    of validate's time), for readers that only need what the records say.
    ``cache`` gives the results of folders unchanged since it was filled, and is updated.
    ``layout`` and ``changed`` (``flagsite serve``, which watches the files): the record files as
    they are now, and the customer folders that may have changed since ``cache`` was filled;
    every other folder is taken from the cache without looking at its files.
    ``only_customers``: read only the customer folders whose name (the id their record must bear)
    it accepts, and only those customers' order rows: one slice of a build (shards.py). The checks
    across records then see that slice alone; ``flagsite validate`` and the merge check them all.
    """
    root = os.path.abspath(root)
    config, findings = load_config(root)
    ctx = CheckContext(config=config, today=today or dt.date.today())
    layout = layout if layout is not None else discover(root, only_customers)
    findings += layout.findings
    catalog = Catalog(root=root, config=config, today=ctx.today)
    keys: dict[str, str] = {}
    if cache is None:
        results = _load_folders(root, layout.customers, ctx, jobs, keep_records, policy)
    else:
        results, keys = _load_changed_folders(root, layout.customers, ctx, jobs, cache, policy, changed)
    orders: list[OrderRow] = []
    rows_read = 0
    for order_file in layout.order_files:
        rows, order_findings = load_orders_file(os.path.join(root, order_file), order_file, config.orders, rows_read)
        rows_read += len(rows)
        orders += rows if only_customers is None else [row for row in rows if only_customers(row.order.customer)]
        findings += order_findings
    for result in results:
        findings += result.findings
    erased = _read_erasures(root, layout.erasure_files, ctx, findings)
    findings += check_across(results_by_id(results), orders, _with_errors(results), erased)
    catalog.erased = dict(sorted(erased.items()))
    # Copies: the orders are added to the catalog's entries, never to those a cache keeps.
    entries = sorted((replace(r.entry, orders=[]) for r in results if r.entry is not None), key=lambda e: e.id)
    for entry in entries:
        catalog.customers.setdefault(entry.id, entry)  # a duplicate id is reported above
    for row in sorted(orders, key=lambda r: (r.order.date, r.order.order_id), reverse=True):
        owner = catalog.customers.get(row.order.customer)
        if owner is not None:
            owner.orders.append(row)
    catalog.findings = sorted(set(findings), key=sort_key)
    return LoadResult(catalog, catalog.findings, keys, layout)


def _load_changed_folders(
    root: str, folders: list[CustomerFolder], ctx: CheckContext, jobs: int | None, cache: ReadCache, policy: bool,
    changed: set[str] | None = None,
) -> tuple[list[_FolderResult], dict[str, str]]:
    """Every folder's result, read again only where the cache has none for its files as they are now.

    ``changed``: the only folders whose files may differ from the cache's (None: any may).
    """
    context = _context_key(root, ctx) + ("" if policy else " without the policy rules")
    if cache.context != context:
        cache.context, cache.folders = context, {}

    def key(folder: CustomerFolder) -> str:
        kept = cache.folders.get(folder.rel_path)
        if changed is not None and kept is not None and folder.rel_path not in changed:
            return kept[0]
        return _folder_key_cached(root, folder, cache)

    keys = {folder.rel_path: key(folder) for folder in folders}
    cache.signatures = {folder.rel_path: cache.signatures[folder.rel_path] for folder in folders if folder.rel_path in cache.signatures}
    stale = [folder for folder in folders if cache.folders.get(folder.rel_path, ("", None))[0] != keys[folder.rel_path]]
    cache.changed = bool(stale) or len(keys) != len(cache.folders)
    fresh = {result.folder.rel_path: result for result in _load_folders(root, stale, ctx, jobs, True, policy)}
    cache.folders = {
        folder.rel_path: (keys[folder.rel_path], fresh.get(folder.rel_path) or cache.folders[folder.rel_path][1])
        for folder in folders
    }
    return [cache.folders[folder.rel_path][1] for folder in folders], keys


def _context_key(root: str, ctx: CheckContext) -> str:
    digest = hashlib.sha256(f"{__version__}\0{ctx.today.isoformat()}\0".encode())
    try:
        with open(os.path.join(root, CONFIG_FILE), "rb") as handle:
            digest.update(handle.read())
    except OSError as error:
        digest.update(f"unreadable: {error.errno}".encode())
    return digest.hexdigest()


# A file changed within this many seconds of being digested could change again within the
# same clock tick, unseen by its stat: its digest is not trusted by stat alone.
_RACY_SECONDS = 2


def _folder_key_cached(root: str, folder: CustomerFolder, cache: ReadCache) -> str:
    """The folder's digest, taken again only when a file's stat changed since the cache took it."""
    paths = ([folder.customer_file] if folder.has_customer_file else []) + folder.note_files
    try:
        stats = [os.stat(os.path.join(root, path)) for path in paths]
    except OSError:
        return _folder_key(root, folder)
    signature: tuple[object, ...] = (tuple(paths), *((s.st_mtime_ns, s.st_size, s.st_ino, s.st_ctime_ns) for s in stats))
    kept = cache.signatures.get(folder.rel_path)
    if kept is not None and kept[0] == signature:
        return kept[1]
    key = _folder_key(root, folder)
    newest = max((s.st_mtime_ns for s in stats), default=0)
    if time.time_ns() - newest > _RACY_SECONDS * 1_000_000_000:
        cache.signatures[folder.rel_path] = (signature, key)
    return key


def _folder_key(root: str, folder: CustomerFolder) -> str:
    """A digest of the folder's record files: their names and bytes."""
    digest = hashlib.sha256(folder.rel_path.encode())
    paths = ([folder.customer_file] if folder.has_customer_file else []) + folder.note_files
    for path in paths:
        digest.update(b"\0" + path.encode() + b"\0")
        try:
            with open(os.path.join(root, path), "rb") as handle:
                digest.update(handle.read())
        except OSError as error:  # read again, which reports it
            digest.update(f"unreadable: {error.errno} {os.urandom(8).hex()}".encode())
    return digest.hexdigest()


def _read_erasures(root: str, paths: list[str], ctx: CheckContext, findings: list[Finding]) -> dict[str, Erasure]:
    """The records of erasures by id (those that can be read; the others are findings)."""
    erased: dict[str, Erasure] = {}
    for path in paths:
        loaded = read_erasure_file(root, path, ctx)
        findings += loaded.findings
        if loaded.record is not None:
            erased[loaded.record.id] = loaded.record
    return erased


def results_by_id(results: list[_FolderResult]) -> list[tuple[str, str, Position | None]]:
    """(customer id, customer.yaml path, position of the id) for every readable customer."""
    return [(r.customer_id, r.folder.customer_file, r.id_position) for r in results if r.customer_id is not None]


def _with_errors(results: list[_FolderResult]) -> list[CustomerWithErrors]:
    """The customers whose customer.yaml has errors, known by its id or else by their folder's name."""
    return [
        CustomerWithErrors(r.customer_id or r.folder.folder_name, r.folder.customer_file, len(r.folder.note_files))
        for r in results
        if r.has_errors and r.folder.has_customer_file
    ]


def _load_folders(
    root: str, folders: list[CustomerFolder], ctx: CheckContext, jobs: int | None, keep_records: bool, policy: bool
) -> list[_FolderResult]:
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(folders) < PARALLEL_THRESHOLD:
        return [_load_folder(root, folder, ctx, keep_records, policy) for folder in tracked(folders, "reading", len(folders), "customer")]
    with progress("reading", len(folders), "customer") as advance:
        # The first folder is read here, before the workers start: it loads the models and the
        # policy rules, which the workers (forked from this process) then share instead of each
        # loading them again.
        results = [_load_folder(root, folders[0], ctx, keep_records, policy)]
        advance(1)
        rest = folders[1:]
        chunks = [rest[i : i + _CHUNK] for i in range(0, len(rest), _CHUNK)]
        n = len(chunks)
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_end_with_parent, initargs=(os.getpid(),))
        try:
            for chunk in pool.map(_load_chunk, [root] * n, chunks, [ctx] * n, [keep_records] * n, [policy] * n):
                results += chunk
                advance(len(chunk))
        finally:  # stopped (Ctrl-C): the chunks not started are dropped, not waited for
            pool.shutdown(cancel_futures=True)
    return results


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _end_with_parent(parent: int) -> None:
    """Have the kernel end this worker when the process that started it ends, and leave Ctrl-C to it.

    A validate killed (or ended by SIGTERM) does not wait for its workers; without this they
    would be left waiting forever for work that never comes.
    """
    # Ctrl-C reaches every process of the command: the parent alone stops the work, dropping the
    # chunks not started; a worker stopped in the middle of one would leave the pool waiting for it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:  # it ended before the kernel was told
        os._exit(1)


def _load_chunk(root: str, folders: list[CustomerFolder], ctx: CheckContext, keep_records: bool, policy: bool) -> list[_FolderResult]:
    return [_load_folder(root, folder, ctx, keep_records, policy) for folder in folders]


def _load_folder(root: str, folder: CustomerFolder, ctx: CheckContext, keep_records: bool = True, policy: bool = True) -> _FolderResult:
    findings: list[Finding] = []
    customer_path = folder.customer_file
    customer: Customer | None = None
    customer_id: str | None = None  # also of a customer.yaml with errors elsewhere: for duplicates, and its orders
    id_position: Position | None = None
    has_errors = False
    if folder.has_customer_file:
        loaded = read_customer_file(root, customer_path, ctx, folder.folder_name, policy=policy)
        findings += loaded.findings
        has_errors = loaded.record is None
        customer = loaded.record
        if loaded.data is not None:
            customer_id = customer.id if customer is not None else valid_customer_id(loaded.data)
            id_position = loaded.source.values.get(("id",))
    notes: list[NoteEntry] = []
    for note_path in folder.note_files:
        note_loaded = read_note_file(root, note_path, ctx, customer, policy=policy)
        findings += note_loaded.findings
        if note_loaded.record is not None:
            notes.append(NoteEntry(note_path, note_loaded.record))
    entry = None
    if customer is not None and keep_records:
        notes.sort(key=lambda e: (e.note.at, e.path), reverse=True)
        entry = CustomerEntry(folder.rel_path, customer, notes)
    return _FolderResult(folder, customer_id, id_position, entry, findings, has_errors)
