"""Find the record files of a repository, and everything that is not one.

Layout (SPEC): ``records/customers/**/<id>/customer.yaml`` with the notes in
``<id>/notes/<date>-<slug>.yaml``; any folder holding a ``customer.yaml`` is a
customer, other folders only group customers. ``records/orders/*.csv`` is
optional, and so is ``records/erased/<id>.yaml``, the record of an erasure.
Anything else under ``records/`` is a finding, never skipped quietly.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field

from .findings import Finding
from .layout import CUSTOMER_FILE, CUSTOMERS_DIR, ERASED_DIR, MAX_GROUPING_DEPTH, NOTES_DIR, ORDERS_DIR, RECORDS_DIR, is_note_file_name

# Files that editors' tools leave behind and Git users keep on purpose.
_IGNORED_NAMES = {".gitkeep", ".DS_Store"}


@dataclass
class CustomerFolder:
    rel_path: str  # e.g. records/customers/C-1/C-10042
    note_files: list[str] = field(default_factory=list)  # relative paths, sorted
    # False when customer.yaml is not a file flagsite may read (a link refused, a folder, a pipe): reported, never opened.
    has_customer_file: bool = True

    @property
    def folder_name(self) -> str:
        return self.rel_path.rsplit("/", 1)[-1]

    @property
    def customer_file(self) -> str:
        return f"{self.rel_path}/{CUSTOMER_FILE}"


@dataclass
class Layout:
    customers: list[CustomerFolder] = field(default_factory=list)
    order_files: list[str] = field(default_factory=list)
    erasure_files: list[str] = field(default_factory=list)  # records/erased/<id>.yaml
    findings: list[Finding] = field(default_factory=list)


def discover(root: str, only_customers: Callable[[str], bool] | None = None) -> Layout:
    """The record files under ``root``; ``only_customers``: only the customer folders whose name it accepts
    (one slice of a build), the others passed by without looking inside."""
    layout = Layout()
    customers_abs = os.path.join(root, CUSTOMERS_DIR)
    if not os.path.isdir(customers_abs):
        layout.findings.append(
            Finding(CUSTOMERS_DIR, None, None, "R014", f"no {CUSTOMERS_DIR}/ folder here; run flagsite in a records repository, pass --root, or create one with 'flagsite init'")
        )
        return layout
    if os.path.islink(os.path.join(root, RECORDS_DIR)):  # every file under it would be read from elsewhere
        layout.findings.append(Finding(RECORDS_DIR, None, None, "R013", "records/ is a link; links to folders are not followed, so make it the folder itself"))
        return layout
    walker = _Walker(root, layout, only_customers)
    walker.records_top()
    layout.customers.sort(key=lambda c: c.rel_path)
    return layout


def discover_customer(root: str, rel: str) -> Layout | None:
    """One folder (``rel``, under records/customers/) as discovery sees it, or None when it is not a customer folder.

    The same rules as :func:`discover`, without walking anyone else's folder.
    """
    parts = rel.split("/")
    for part in ("/".join(parts[:n]) for n in range(1, len(parts) + 1)):
        try:
            if not stat.S_ISDIR(os.lstat(os.path.join(root, part)).st_mode):  # a link is left to the whole walk, which reports it
                return None
        except OSError:
            return None
    layout = Layout()
    walker = _Walker(root, layout)
    entries = walker._entries(rel)
    if not any(e.name == CUSTOMER_FILE for e in entries):
        return None
    walker.customer_folder(rel, entries)
    return layout


def discover_named(root: str, name: str) -> Layout | None:
    """The customer folder called ``name`` at any depth of grouping, as discovery sees it, or None when there is none.

    Grouping folders are searched a level at a time: a customer is found by
    looking at the names of the folders above it and beside them, not into
    every customer's folder (only a customer that is not there costs that).
    """
    level = [CUSTOMERS_DIR]
    for _depth in range(MAX_GROUPING_DEPTH):  # a customer folder stands at most that deep (see grouping_folder)
        for group in level:
            found = discover_customer(root, f"{group}/{name}")
            if found is not None:
                return found
        walker = _Walker(root, Layout())
        level = [f"{group}/{entry.name}" for group in level for entry in walker._entries(group)
                 if entry.name != NOTES_DIR and entry.is_dir(follow_symlinks=False) and not _holds_record(entry)]
    return None


def _holds_record(entry: os.DirEntry[str]) -> bool:
    """Whether a folder is a customer's (it holds customer.yaml), which groups nobody."""
    return os.path.lexists(os.path.join(entry.path, CUSTOMER_FILE))


def rediscover(root: str, layout: Layout, folders: set[str]) -> Layout | None:
    """``layout`` with these customer folders found again, or None when one is no longer a customer folder.

    Only a whole walk says what a folder that stopped being a customer's is.
    """
    fresh: dict[str, Layout] = {}
    for rel in sorted(folders):
        found = discover_customer(root, rel)
        if found is None or [folder.rel_path for folder in found.customers] != [rel]:
            return None
        fresh[rel] = found
    customers = [fresh[folder.rel_path].customers[0] if folder.rel_path in fresh else folder for folder in layout.customers]
    kept = [finding for finding in layout.findings if not any(finding.path == rel or finding.path.startswith(rel + "/") for rel in fresh)]
    return Layout(customers, list(layout.order_files), list(layout.erasure_files), kept + [f for found in fresh.values() for f in found.findings])


def discover_orders(root: str) -> Layout:
    """records/orders/ as discovery sees it: the order files, and what is refused there."""
    layout = Layout()
    if os.path.islink(os.path.join(root, RECORDS_DIR)) or not os.path.isdir(os.path.join(root, RECORDS_DIR)):
        return layout  # reported by the walk of the whole repository
    walker = _Walker(root, layout)
    for entry in walker._entries(RECORDS_DIR):
        if entry.name == "orders" and walker._link_ok(entry, ORDERS_DIR) and entry.is_dir(follow_symlinks=False):
            walker.orders_folder(ORDERS_DIR)
    return layout


class _Walker:
    def __init__(self, root: str, layout: Layout, only_customers: Callable[[str], bool] | None = None) -> None:
        self.root = os.path.realpath(root)
        self.records_real = os.path.join(self.root, RECORDS_DIR)
        self.layout = layout
        self.only_customers = only_customers

    def _entries(self, rel: str) -> list[os.DirEntry[str]]:
        try:
            with os.scandir(os.path.join(self.root, rel)) as it:
                entries = sorted((e for e in it if e.name not in _IGNORED_NAMES), key=lambda e: e.name)
        except OSError as error:
            self.layout.findings.append(Finding(rel, None, None, "X001", f"cannot be read: {error.strerror}; check the folder's permissions"))
            return []
        readable = []
        for entry in entries:
            # A name that is not UTF-8 comes back with surrogates, which no report can print faithfully.
            shown = entry.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            if shown != entry.name:
                self._stray(f"{rel}/{shown}", "this name is not UTF-8 text; rename it")
            else:
                readable.append(entry)
        return readable

    def _stray(self, rel: str, why: str) -> None:
        self.layout.findings.append(Finding(rel, None, None, "R004", why))

    def _link_ok(self, entry: os.DirEntry[str], rel: str) -> bool:
        """Links are followed only to files inside records/."""
        if not entry.is_symlink():
            return True
        target = os.path.realpath(entry.path)
        if os.path.commonpath([target, self.records_real]) != self.records_real:
            self.layout.findings.append(Finding(rel, None, None, "R013", "this link points outside records/; replace it with the file itself"))
            return False
        if not os.path.exists(entry.path):
            self.layout.findings.append(Finding(rel, None, None, "R013", "this link points at nothing (or at itself); replace it with the file itself"))
            return False
        if os.path.isdir(target):
            self.layout.findings.append(Finding(rel, None, None, "R013", "links to folders are not followed; move the folder here instead"))
            return False
        return True

    def records_top(self) -> None:
        for entry in self._entries(RECORDS_DIR):
            rel = f"{RECORDS_DIR}/{entry.name}"
            if not self._link_ok(entry, rel):
                continue
            if entry.name == "customers" and entry.is_dir(follow_symlinks=False):
                self.grouping_folder(CUSTOMERS_DIR)
                continue
            if entry.name == "orders" and entry.is_dir(follow_symlinks=False):
                self.orders_folder(rel)
                continue
            if rel == ERASED_DIR and entry.is_dir(follow_symlinks=False):
                self.erased_folder(rel)
                continue
            self._stray(rel, "records/ holds only customers/, orders/ and erased/; move or remove this")

    def orders_folder(self, rel: str) -> None:
        self._files_folder(rel, ".csv", self.layout.order_files, "records/orders/ holds only .csv files exported from the sales system")

    def erased_folder(self, rel: str) -> None:
        self._files_folder(rel, ".yaml", self.layout.erasure_files, "records/erased/ holds only <id>.yaml, the record of each erasure that flagsite erase writes")

    def _files_folder(self, rel: str, suffix: str, found: list[str], why_not: str) -> None:
        """A folder of plain files of one kind; anything else in it is a stray."""
        for entry in self._entries(rel):
            child = f"{rel}/{entry.name}"
            if not self._link_ok(entry, child):
                continue
            if entry.name.endswith(suffix) and entry.is_file():
                found.append(child)
            else:
                self._stray(child, why_not)

    def grouping_folder(self, rel: str, depth: int = 0) -> None:
        if depth > MAX_GROUPING_DEPTH:
            self._stray(rel, f"customer folders are grouped more than {MAX_GROUPING_DEPTH} folders deep; flatten the grouping")
            return
        entries = self._entries(rel)
        if depth > 0 and any(e.name == CUSTOMER_FILE for e in entries):  # records/customers/ itself is never a customer
            self.customer_folder(rel, entries)
            return
        for entry in entries:
            child = f"{rel}/{entry.name}"
            if not self._link_ok(entry, child):
                continue
            if entry.is_dir():
                if entry.name == NOTES_DIR:
                    self.layout.findings.append(
                        Finding(child, None, None, "R003", f"notes without a customer: {rel}/ has no customer.yaml; add it, or move the notes into their customer's folder")
                    )
                elif not self._another_slices_customer(entry):
                    self.grouping_folder(child, depth + 1)
            else:
                self._stray(child, "not part of any customer record; customer files belong in <id>/customer.yaml (folders here only group customers)")

    def _another_slices_customer(self, entry: os.DirEntry[str]) -> bool:
        """A customer folder of a name ``only_customers`` refuses: passed by unopened."""
        return (self.only_customers is not None and not self.only_customers(entry.name)
                and os.path.lexists(os.path.join(entry.path, CUSTOMER_FILE)))

    def customer_folder(self, rel: str, entries: list[os.DirEntry[str]]) -> None:
        folder = CustomerFolder(rel, has_customer_file=False)
        self.layout.customers.append(folder)
        for entry in entries:
            child = f"{rel}/{entry.name}"
            if not self._link_ok(entry, child):
                continue
            if entry.name == CUSTOMER_FILE and entry.is_file():
                folder.has_customer_file = True
                continue
            if entry.name == NOTES_DIR and entry.is_dir():
                self.notes_folder(child, folder)
                continue
            if entry.name == CUSTOMER_FILE:
                why = f"{CUSTOMER_FILE} must be a plain file; replace this with the customer's record"
            elif entry.is_dir() and os.path.exists(os.path.join(entry.path, CUSTOMER_FILE)):
                why = "a customer folder inside another customer's folder; move it beside, not inside"
            else:
                why = "a customer folder holds only customer.yaml and notes/; move or remove this"
            self._stray(child, why)

    def notes_folder(self, rel: str, folder: CustomerFolder) -> None:
        for entry in self._entries(rel):
            child = f"{rel}/{entry.name}"
            if not self._link_ok(entry, child):
                continue
            if entry.is_file() and entry.name.endswith(".yaml"):
                folder.note_files.append(child)
                if not is_note_file_name(entry.name):
                    self.layout.findings.append(
                        Finding(child, None, None, "R012", "name note files <date>-<slug>.yaml, e.g. 2026-06-03-refund-request.yaml (a real date, a lower-case slug)")
                    )
            else:
                self._stray(child, "notes/ holds only note files named <date>-<slug>.yaml")
