"""Validate's wall time against bare parsing of the same files with yaml.CSafeLoader.

    python benchmarks/bench_validate.py [CUSTOMERS ...]     (default: 1000 10000)

Each customer has five notes. Prints files, both times and their ratio
(target at 10,000 customers + 50,000 notes: validate <= 1.5x the bare parse).
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import sys
import tempfile
import time

import yaml

sys.path.insert(0, os.path.dirname(__file__))
from flagsite.repository import load_repository
from synthetic import make_repository


def bare_parse(paths: list[str]) -> float:
    start = time.perf_counter()
    for path in paths:
        with open(path, "rb") as handle:
            yaml.load(handle.read(), Loader=yaml.CSafeLoader)
    return time.perf_counter() - start


def validate(root: str) -> tuple[float, int]:
    start = time.perf_counter()
    result = load_repository(root, today=dt.date(2026, 11, 22), keep_records=False)  # as `flagsite validate` does
    return time.perf_counter() - start, len(result.findings)


def main(sizes: list[int]) -> None:
    print(f"{'customers':>9} {'files':>7} {'bare parse':>11} {'validate':>9} {'ratio':>6} {'findings':>8}")
    for customers in sizes:
        with tempfile.TemporaryDirectory() as root:
            paths = make_repository(root, customers)
            bare_parse(paths[:200])  # warm the page cache and imports alike
            gc.collect()
            bare = bare_parse(paths)
            took, findings = validate(root)
            print(f"{customers:>9} {len(paths):>7} {bare:>10.2f}s {took:>8.2f}s {took / bare:>5.2f}x {findings:>8}")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000, 10000])
