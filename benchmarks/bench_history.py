"""History of every customer, and of one, against one bare ``git log --name-only`` pass.

Builds (once, deterministically, with ``git fast-import``) a records
repository of 10,000 customers and 1,000 commits: one commit adding everyone,
then commits that change emails, add and lift flags, and add notes for one to
three customers each. Customer folders are grouped 100 to a sub-folder, as
SPEC advises at this size, and in one flat folder.

Run:  python benchmarks/bench_history.py [--customers N] [--commits N] [--layout grouped|flat|both] [--keep DIR] [--repeat N]
Targets: all customers ≤ 3× the bare pass; one customer ≤ 0.5 s.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from flagsite.git import stream_log
from flagsite.history import customer_history
from flagsite.history.site import site_history

FLAG_TYPES = ["on-hold", "warning", "manager", "at-risk", "alert"]
EPOCH = 1_780_000_000  # 2026-05-28


def customer_text(cid: str, state: dict) -> str:
    lines = [f"id: {cid}", f"name: Customer {cid}", "status: active", "contacts:",
             f"  emails: [{state['email']}]", '  phones: ["+1 555 0100"]', "preferences:",
             "  - text: Prefers contact by email.", "    since: 2026-01-15"]
    if state["flags"]:
        lines.append("flags:")
        for type_, created in state["flags"]:
            lines += [f"  - type: {type_}", f"    reason: Reason for {type_} set on {created}.",
                      "    guidance: Follow the usual procedure.", f"    created: {created}", "    created_by: max"]
    return "\n".join(lines) + "\n"


def note_text(day: int) -> str:
    return (f"at: 2026-06-{day:02d}T14:12:00-05:00\nauthor: jdoe\nchannel: phone\ncontact:\n  name: Account Holder\n"
            "reason: Asked about an invoice.\nresolution:\n  - Explained the charges.\ndisposition: general-inquiry\n"
            "follow_up: none\n")


def folder(index: int, flat: bool) -> str:
    cid = f"C-{10000 + index}"
    return f"records/customers/{cid}" if flat else f"records/customers/g{index // 100:03d}/{cid}"


def build(root: Path, customers: int, commits: int, flat: bool) -> None:
    rng = random.Random(42)
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    states = [{"email": f"c{i}@example.com", "flags": []} for i in range(customers)]
    out: list[bytes] = []

    def blob(path: str, text: str) -> None:
        data = text.encode()
        out.append(f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data + b"\n")

    def commit(n: int, message: str) -> None:
        msg = message.encode()
        header = (f"commit refs/heads/main\nmark :{n + 1}\n"
                  f"author Ada Editor <ada@example.org> {EPOCH + n * 3600} +0000\n"
                  f"committer Ada Editor <ada@example.org> {EPOCH + n * 3600} +0000\n"
                  f"data {len(msg)}\n").encode() + msg + b"\n"
        out.insert(len(out) - pending[0], header)
        if n:
            out.insert(len(out) - pending[0], f"from :{n}\n".encode())
        pending[0] = 0

    pending = [0]
    for i in range(customers):
        blob(f"{folder(i, flat)}/customer.yaml", customer_text(f"C-{10000 + i}", states[i]))
        pending[0] += 1
    commit(0, "Import customers")
    for n in range(1, commits):
        touched = rng.sample(range(customers), rng.randint(1, 3))
        for i in touched:
            state = states[i]
            action = rng.random()
            if action < 0.3:
                state["email"] = f"c{i}.{n}@example.com"
            elif action < 0.6 or not state["flags"]:
                state["flags"].append((rng.choice(FLAG_TYPES), f"2026-{6 + n // 400:02d}-{1 + n % 28:02d}"))
            elif action < 0.8:
                state["flags"].pop(rng.randrange(len(state["flags"])))
            else:
                blob(f"{folder(i, flat)}/notes/2026-06-{1 + n % 28:02d}-call-{n}.yaml", note_text(1 + n % 28))
                pending[0] += 1
                continue
            blob(f"{folder(i, flat)}/customer.yaml", customer_text(f"C-{10000 + i}", state))
            pending[0] += 1
        commit(n, f"Update {len(touched)} customer(s)")
    subprocess.run(["git", "-C", str(root), "fast-import", "--quiet"], input=b"".join(out), check=True)
    subprocess.run(["git", "-C", str(root), "checkout", "-q", "main"], check=True)


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def drop_commit_graph(root: Path) -> None:
    """Measure without a commit-graph unless asked: git may have written one on its own."""
    info = root / ".git" / "objects" / "info"
    (info / "commit-graph").unlink(missing_ok=True)
    shutil.rmtree(info / "commit-graphs", ignore_errors=True)


def measure(root: Path, customers: int, flat: bool, repeat: int) -> None:
    layout = "flat folder" if flat else "grouped 100 per sub-folder"
    drop_commit_graph(root)
    bare = best(lambda: subprocess.run(["git", "-C", str(root), "log", "--name-only", "--format=%H"], capture_output=True, check=True), repeat)
    raw = best(lambda: list(stream_log(str(root), [])), repeat)
    every = best(lambda: site_history(str(root)), repeat)
    histories = site_history(str(root))
    busiest = max(histories, key=lambda cid: len(histories[cid]))
    ids = [busiest, "C-10000", f"C-{10000 + customers // 2}"]
    one = [best(lambda cid=cid: customer_history(str(root), cid), repeat) for cid in ids]
    path_log = best(lambda: subprocess.run(["git", "-C", str(root), "log", "--format=%H", "--", folder(0, flat)], capture_output=True, check=True), repeat)
    print(f"\n{layout}:")
    print(f"  bare `git log --name-only` pass            {bare:7.3f} s")
    print(f"  our `git log --raw` pass, parsed, no diffs {raw:7.3f} s  = {raw / bare:.2f}x")
    print(f"  history of all customers (one pass)        {every:7.3f} s  = {every / bare:.2f}x the bare pass (target <= 3x)")
    print(f"  one path-limited `git log -- <folder>`     {path_log:7.3f} s  (reference)")
    print(f"  history of one customer (median of {len(ids)})     {statistics.median(one):7.3f} s  (target <= 0.5 s; busiest has {len(histories[busiest])} commits)")
    subprocess.run(["git", "-C", str(root), "commit-graph", "write", "--reachable", "--changed-paths"], check=True, capture_output=True)
    bloom = [best(lambda cid=cid: customer_history(str(root), cid), repeat) for cid in ids]
    print(f"  ... with changed-path Bloom filters        {statistics.median(bloom):7.3f} s")
    drop_commit_graph(root)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--commits", type=int, default=1_000)
    parser.add_argument("--layout", choices=["grouped", "flat", "both"], default="both")
    parser.add_argument("--keep", type=Path, help="build (or reuse) the repositories under this folder")
    # The best of several runs: on a busy machine, raise it to see through other processes' load.
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure, the best shown (default 5)")
    args = parser.parse_args()

    git_version = subprocess.run(["git", "--version"], capture_output=True, text=True).stdout.split()[-1]
    print(f"{args.customers} customers, {args.commits} commits; git {git_version}, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as scratch:
        base = args.keep or Path(scratch)
        for layout in (["grouped", "flat"] if args.layout == "both" else [args.layout]):
            root = base / f"records-{layout}-{args.customers}-{args.commits}"
            if not (root / ".git").exists():
                start = time.perf_counter()
                build(root, args.customers, args.commits, layout == "flat")
                print(f"(built the {layout} repository in {time.perf_counter() - start:.1f} s)")
            measure(root, args.customers, layout == "flat", max(1, args.repeat))


if __name__ == "__main__":
    main()
