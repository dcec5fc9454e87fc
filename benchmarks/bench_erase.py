"""``flagsite erase`` of one customer on a large repository: the commit, the rewrite of every commit, the proof.

Builds the repository ``bench_history.py`` builds (10,000 customers grouped 100
to a sub-folder, 1,000 commits, by default), then erases the customer whose
record changed most: the erasure commit alone (``--commit-only``), then the
rewrite (what history holds of the customer, git-filter-repo, reflog expiry and
``gc --prune=now``, and every object read back), and that last check alone.
A rewrite changes the repository, so each figure is one run on a fresh copy.

Run:  python benchmarks/bench_erase.py [--customers N] [--commits N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from bench_history import build
from flagsite.erase import erase_customers
from flagsite.erase.rewrite import values_left
from flagsite.erase.traces import customer_traces
from flagsite.history import site_history

T = TypeVar("T")


def timed(fn: Callable[[], T]) -> tuple[float, T]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--commits", type=int, default=1_000)
    args = parser.parse_args()
    os.environ.update({"GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.org",
                       "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@example.org"})
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "source"
        build(source, args.customers, args.commits, flat=False)
        subprocess.run(["git", "-C", str(source), "gc", "-q"], check=True)
        histories = site_history(str(source))
        busiest = max(histories, key=lambda cid: len(histories[cid]))
        size = sum(f.stat().st_size for f in (source / ".git").rglob("*") if f.is_file())
        print(f"{args.customers} customers, {args.commits} commits, .git {size / 2**20:.1f} MiB; erasing {busiest} "
              f"({len(histories[busiest])} commits touched its record)")
        work = Path(tmp) / "work"
        shutil.copytree(source, work, symlinks=True)
        today = dt.date(2026, 12, 1)
        commit, _ = timed(lambda: erase_customers(str(work), [busiest], "BENCH-1", today=today, rewrite=False))
        traces_time, traces = timed(lambda: customer_traces(str(work), busiest))
        rewrite, erased = timed(lambda: erase_customers(str(work), [busiest], "BENCH-1", today=today))
        shared = {value for value, _ in erased.shared}  # every customer here has the same phone: it stays theirs
        check, left = timed(lambda: values_left(str(work), [v for v in traces.replaceable if v not in shared]))
        assert erased.rewritten is not None and not erased.rewritten.left and not left
        print(f"  erasure commit (--commit-only)                {commit:7.2f} s")
        print(f"  what history holds of the customer            {traces_time:7.2f} s  ({len(traces.paths)} paths, {len(traces.values)} values)")
        print(f"  rewrite: traces, filter-repo, gc, the check   {rewrite:7.2f} s")
        print(f"  the check alone (every object read)           {check:7.2f} s")


if __name__ == "__main__":
    main()
