"""``flagsite erase``: a customer's records and order rows removed in one commit, the erasure recorded, history rewritten.

Step one is an edit like any other (``edit.transaction``: all files or none)
followed by one commit of those changes (the working tree was clean): the
customer's folder, their rows in every orders file, and
``records/erased/<id>.yaml`` (id, date, request; nothing that identifies the
person). If the commit fails, the working tree is put back as the commit
before it.

Step two rewrites the history of every branch and tag (``rewrite``): the
customer's files removed from every commit, wherever their folder stood; their
name, emails and phones replaced by ``(erased)`` (an email by
``erased@erased.invalid``) in every other file and commit message; their
order rows dropped. The id stays, in the record of
the erasure, by design: it is what says "erased on DATE" where the customer
would appear, and it identifies no one outside the company's systems.

Run again for a customer already erased, it does step two only: the way to
finish an erasure whose rewrite was left for later (``rewrite=False``) or failed.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from contextlib import suppress
from dataclasses import dataclass, field

from ..discover import discover_orders
from ..edit.transaction import edit_lock, recover_locked, write_files
from ..edit.yaml_text import scalar
from ..errors import FlagsiteError, UsageError
from ..git import commit_everything, run_git
from ..layout import CUSTOMERS_DIR, ERASED_DIR, erasure_file
from ..load.orders import drop_customer_rows
from ..locate import find_customer, find_erasure, locate_customer, require_customer_id
from ..models import REQUEST_REFERENCE, Erasure
from ..schema import SCHEMA_LINE, schema_line_target
from .rewrite import Rewritten, order_rows_pattern, require_rewritable, rewrite_history
from .traces import Value, customer_traces, live_values

ERASED = "erased"
_REFERENCE = re.compile(REQUEST_REFERENCE)


@dataclass
class Erased:
    erasures: list[Erasure]  # the records of the erasures, new ones and those made before
    new: list[str] = field(default_factory=list)  # ids erased by this run's commit
    files: int = 0  # record files removed
    order_rows: list[str] = field(default_factory=list)  # the order ids of the rows removed
    commit: str | None = None  # the erasure commit, as it was before the rewrite
    rewritten: Rewritten | None = None
    # Values too short to be replaced safely in other files (their own files are removed whole).
    not_replaced: list[Value] = field(default_factory=list)
    # Values another customer's record holds too (value, that customer's id): kept in other files, theirs as well.
    shared: list[tuple[Value, str]] = field(default_factory=list)


def require_reference(reference: str) -> str:
    if not _REFERENCE.match(reference):
        raise UsageError(f"--ref {reference!r} is not a request reference: use letters, digits, '.', '_' and '-' (at most 64)")
    return reference


def erase_customers(root: str, customer_ids: list[str], reference: str, *, today: dt.date, rewrite: bool = True) -> Erased:
    """Erase each customer of ``customer_ids`` (one commit for all of them), then, with ``rewrite``, rewrite history."""
    require_reference(reference)
    ids = list(dict.fromkeys(require_customer_id(customer_id) for customer_id in customer_ids))
    if not ids:
        raise UsageError("name at least one customer id to erase")
    require_rewritable(root)
    with edit_lock(root):
        recover_locked(root)
        erased = _commit_erasure(root, ids, reference, today)
        if rewrite:
            erased.rewritten, erased.not_replaced, erased.shared = _rewrite(root, ids)
    return erased


def _commit_erasure(root: str, ids: list[str], reference: str, today: dt.date) -> Erased:
    erased = Erased([])
    contents: dict[str, bytes | None] = {}
    customer_folders: list[str] = []
    for customer_id in ids:
        recorded = find_erasure(root, customer_id)
        live = locate_customer(root, customer_id)
        if live is None and recorded is not None:
            erased.erasures.append(recorded)  # erased before: only history is rewritten again
            continue
        found = find_customer(root, customer_id)  # says why when there is no such customer, or the record is refused
        folder = os.path.join(root, found.folder.rel_path)
        for here, _, names in os.walk(folder):
            for name in names:
                contents[os.path.join(here, name)] = None
        customer_folders.append(found.folder.rel_path)
        erasure = recorded or Erasure(id=customer_id, erased=today, request=reference)
        if recorded is None:  # else a record came back after the erasure (R017): the erasure stands as it was
            path = erasure_file(customer_id)
            contents[os.path.join(root, path)] = _erasure_text(root, erasure).encode("utf-8")
        erased.erasures.append(erasure)
        erased.new.append(customer_id)
    if not erased.new:
        return erased
    erased.files = sum(1 for data in contents.values() if data is None)
    for orders_file in discover_orders(root).order_files:
        try:
            with open(os.path.join(root, orders_file), encoding="utf-8", newline="") as handle:
                text = handle.read()
        except (OSError, UnicodeError) as error:
            raise FlagsiteError(f"{orders_file} cannot be read ({error}); nothing was erased: run 'flagsite validate' and correct it first") from error
        kept, dropped = drop_customer_rows(text, set(erased.new))
        if dropped:
            contents[os.path.join(root, orders_file)] = kept.encode("utf-8")
            erased.order_rows += dropped
    os.makedirs(os.path.join(root, ERASED_DIR), exist_ok=True)
    write_files(root, contents)
    for customer_folder in customer_folders:
        _remove_empty_folders(root, customer_folder)
    erased.commit = _commit(root, f"Erase {', '.join(erased.new)}: records and order rows removed, erasure recorded (request {reference})")
    return erased


def _erasure_text(root: str, erasure: Erasure) -> str:
    path = erasure_file(erasure.id)
    schema = schema_line_target(root, path)
    lines = [SCHEMA_LINE.format(target=schema)] if schema else []
    lines += [
        "# The customer's records were erased on request; nothing that identifies them is kept (flagsite erase).",
        f"id: {scalar(erasure.id)}",
        f"erased: {erasure.erased.isoformat()}",
        f"request: {scalar(erasure.request)}",
    ]
    return "\n".join(lines) + "\n"


def _remove_empty_folders(root: str, folder: str) -> None:
    """The customer's folder once empty (notes/ too), and a grouping folder it leaves empty."""
    top = os.path.join(root, folder)
    for here, _, _ in os.walk(top, topdown=False):
        with suppress(OSError):  # not empty: a file the erasure did not remove stays, and git status shows it
            os.rmdir(here)
    stop = os.path.realpath(os.path.join(root, CUSTOMERS_DIR))
    parent = os.path.dirname(os.path.realpath(top))
    while parent.startswith(stop + os.sep):
        try:
            os.rmdir(parent)
        except OSError:
            return
        parent = os.path.dirname(parent)


def _commit(root: str, message: str) -> str:
    try:
        commit_everything(root, message)  # the working tree was clean before: the erasure is all there is
    except FlagsiteError as error:
        # And so the commit before is exactly what was there.
        run_git(root, ["reset", "-q", "--hard", "HEAD"], check=False)
        raise FlagsiteError(f"{error}; nothing was erased (the records are as they were)") from error
    return run_git(root, ["rev-parse", "HEAD"]).decode("ascii").strip()


def _rewrite(root: str, ids: list[str]) -> tuple[Rewritten, list[Value], list[tuple[Value, str]]]:
    paths: set[str] = set()
    values: set[Value] = set()
    short: list[Value] = []
    for customer_id in ids:
        traces = customer_traces(root, customer_id)
        paths |= traces.paths
        values |= set(traces.replaceable)
        short += traces.too_short
    held = live_values(root)
    shared = sorted(((value, held[value.key]) for value in values if value.key in held), key=lambda pair: (pair[0].kind, pair[0].text))
    replaced = sorted((value for value in values if value.key not in held), key=lambda v: (v.kind, v.text))
    rewritten = rewrite_history(root, paths, replaced, ERASED, drop_patterns=[order_rows_pattern(customer_id) for customer_id in ids])
    return rewritten, short, shared
