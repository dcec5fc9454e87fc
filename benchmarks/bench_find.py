"""``flagsite find``'s read of the repository, without the policy rules, against the read with them.

    python benchmarks/bench_find.py [CUSTOMERS ...]     (default: 2000 10000)

Each customer has five notes. Prints the wall and CPU time of each read (best
of three, in one process, so the CPU time is all of it) and what find then finds.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from flagsite.people import find_person
from flagsite.repository import load_repository
from synthetic import make_repository

QUERY = "Maria Garcia"
TODAY = dt.date(2026, 11, 22)


def best_of_three(root: str, *, policy: bool) -> tuple[float, float, int]:
    best = (float("inf"), float("inf"), 0)
    for _ in range(3):
        wall, cpu = time.perf_counter(), time.process_time()
        result = load_repository(root, today=TODAY, jobs=1, policy=policy)  # one process: its CPU time is all of it
        found = len(find_person(result.catalog, QUERY))
        took = (time.perf_counter() - wall, time.process_time() - cpu, found)
        best = min(best, took)
    return best


def main(sizes: list[int]) -> None:
    print(f"{'customers':>9} {'with policy':>12} {'without':>9} {'saved':>6}   (wall)")
    for customers in sizes:
        with tempfile.TemporaryDirectory() as root:
            make_repository(root, customers)
            with_policy = best_of_three(root, policy=True)
            without = best_of_three(root, policy=False)
            assert with_policy[2] == without[2], "the same appearances either way"
            saved = 1 - without[0] / with_policy[0]
            print(f"{customers:>9} {with_policy[0]:>11.2f}s {without[0]:>8.2f}s {saved:>5.0%}   "
                  f"({with_policy[1]:.2f}s / {without[1]:.2f}s CPU; {without[2]} appearances)")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [2000, 10000])
