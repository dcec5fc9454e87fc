"""How long the editing commands take on a repository of many customers.

    python benchmarks/bench_flag_edit.py [CUSTOMERS] [--keep DIR]

Prints the time of one `flag add` (ungrouped and grouped layout), of a bulk
CSV touching every customer, of a second bulk mixing edits, removals and
several rows per customer, and of `note new`, all through the library.
With ``--keep DIR`` the records after each bulk are copied to DIR, so the
output of two versions of the code can be compared with ``diff -r``.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import tempfile
import time

from flagsite.edit.bulk import apply_bulk
from flagsite.edit.flags import AddFlag, change_flags
from flagsite.scaffold.note import NoteDraft, new_note

CUSTOMER = """\
# yaml-language-server: $schema={up}schema/customer.schema.json
id: {id}
name: Customer {n}
status: active
contacts:
  emails: [c{n}@example.com]
  phones: ["+1 555 {n:04d}"]
preferences:
  - text: Prefers contact by email.
    since: 2026-01-03
flags:
  - type: on-hold   # accounts
    reason: Invoice INV-{n} unpaid for more than 60 days.
    guidance: Take no new orders.
    created: 2026-02-03
    created_by: max
"""


def make_repo(root: str, count: int, grouped: bool) -> list[str]:
    ids = []
    for n in range(count):
        customer_id = f"C-{n:05d}"
        folder = os.path.join(root, "records", "customers", *( [f"G-{n // 100:03d}"] if grouped else []), customer_id)
        os.makedirs(folder)
        with open(os.path.join(folder, "customer.yaml"), "w") as handle:
            handle.write(CUSTOMER.format(id=customer_id, n=n, up="../" * (4 if grouped else 3)))  # the schema from where the file stands
        ids.append(customer_id)
    return ids


def timed(label: str, run) -> None:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    run()
    print(f"{label}: {time.perf_counter() - start:.3f} s")


def mixed_rows(ids: list[str]) -> list[str]:
    """Edits (of a commented flag), removals, and rows that build on an earlier row for the same customer."""
    rows = []
    for n, i in enumerate(ids):
        if n % 3 == 0:
            rows.append(f"edit,{i},on-hold,,Call Accounts first.,2026-09-01,\n")
        elif n % 3 == 1:
            rows += [f"remove,{i},manager,,,,\n", f"add,{i},alert,Moved house.,,,2026-03-05\n"]
        else:
            rows += [f"add,{i},alert,Moved house.,,,2026-03-05\n", f"edit,{i},alert,Moved house again.,,2026-08-01,2026-03-05\n"]
    return rows


def keep(root: str, keep_dir: str | None, name: str) -> None:
    if keep_dir:
        shutil.copytree(os.path.join(root, "records"), os.path.join(keep_dir, name), symlinks=True)


def main() -> None:
    args = sys.argv[1:]
    keep_dir = None
    if "--keep" in args:
        at = args.index("--keep")
        keep_dir = args[at + 1]
        del args[at : at + 2]
    count = int(args[0]) if args else 2000
    print(f"{count} customers")
    for grouped in (False, True):
        with tempfile.TemporaryDirectory() as root:
            ids = make_repo(root, count, grouped)
            os.sync()  # a real repository's files are on disk already; the bulk's own sync should not pay for writing them
            layout = "grouped" if grouped else "flat"
            add = AddFlag("alert", "Moved to a new address.", "kim", dt.date(2026, 3, 1))
            timed(f"flag add, one customer ({layout})", lambda: change_flags(root, ids[-1], add))
            draft = NoteDraft(ids[-1], "kim", dt.datetime(2026, 3, 1, 10, 0, tzinfo=dt.UTC), reason="Asked why invoice INV-1 was charged twice")
            timed(f"note new ({layout})", lambda: new_note(root, draft))
            csv_path = os.path.join(root, "bulk.csv")
            with open(csv_path, "w") as handle:
                handle.write("action,customer,type,reason,created\n")
                handle.writelines(f"add,{i},manager,Asks for a manager.,2026-03-02\n" for i in ids)
            timed(f"flag bulk, {count} rows over {count} files ({layout})", lambda: apply_bulk(root, csv_path, default_by=lambda: "kim"))
            keep(root, keep_dir, f"{layout}-add")
            rows = mixed_rows(ids)
            with open(csv_path, "w") as handle:
                handle.write("action,customer,type,reason,guidance,review_by,created\n")
                handle.writelines(rows)
            timed(f"flag bulk, {len(rows)} mixed rows over {count} files ({layout})", lambda: apply_bulk(root, csv_path, default_by=lambda: "kim", today=dt.date(2026, 4, 1)))
            keep(root, keep_dir, f"{layout}-mixed")


if __name__ == "__main__":
    main()
