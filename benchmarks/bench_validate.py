"""Validate's wall time against bare parsing of the same files with yaml.CSafeLoader.

    python benchmarks/bench_validate.py [CUSTOMERS ...]     (default: 1000 10000)

Each customer has five notes. Prints files, the wall time of both and its ratio,
and the CPU time of both (validate's worker processes included) and its ratio
(targets at 10,000 customers + 50,000 notes: validate's CPU <= 1.5x the bare
parse's, and its wall time on two cores <= the bare single-process parse).
Validate runs twice: in one process, then in worker processes (one per core)
whatever the size, so that the sizes where the workers pay show (validate
itself uses them from repository.PARALLEL_THRESHOLD customers).
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import resource
import sys
import tempfile
import time

import yaml

sys.path.insert(0, os.path.dirname(__file__))
from flagsite import repository
from flagsite.repository import load_repository
from synthetic import make_repository


def cpu() -> float:
    """CPU seconds of this process and of the worker processes it has waited for."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def bare_parse(paths: list[str]) -> tuple[float, float]:
    start, start_cpu = time.perf_counter(), cpu()
    for path in paths:
        with open(path, "rb") as handle:
            yaml.load(handle.read(), Loader=yaml.CSafeLoader)
    return time.perf_counter() - start, cpu() - start_cpu


def validate(root: str, jobs: int) -> tuple[float, float, int]:
    start, start_cpu = time.perf_counter(), cpu()
    result = load_repository(root, today=dt.date(2026, 11, 22), keep_records=False, jobs=jobs)  # as `flagsite validate` does
    return time.perf_counter() - start, cpu() - start_cpu, len(result.findings)


def main(sizes: list[int]) -> None:
    repository.PARALLEL_THRESHOLD = 0  # workers at every size: where they pay is what is measured
    workers = os.cpu_count() or 1
    print(f"{'customers':>9} {'files':>7} {'validate in':>12} {'bare parse':>11} {'validate':>9} {'ratio':>6} {'bare CPU':>9} {'val. CPU':>9} {'ratio':>6} {'findings':>8}")
    for customers in sizes:
        with tempfile.TemporaryDirectory() as root:
            paths = make_repository(root, customers)
            bare_parse(paths[:200])  # warm the page cache and imports alike
            for jobs, where in [(1, "one process"), (workers, f"{workers} workers")]:
                gc.collect()
                bare, bare_cpu = bare_parse(paths)
                took, took_cpu, findings = validate(root, jobs)
                print(f"{customers:>9} {len(paths):>7} {where:>12} {bare:>10.2f}s {took:>8.2f}s {took / bare:>5.2f}x "
                      f"{bare_cpu:>8.2f}s {took_cpu:>8.2f}s {took_cpu / bare_cpu:>5.2f}x {findings:>8}")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000, 10000])
