"""How fast the policy rules run: notes per second, in one process.

    python benchmarks/bench_policy.py [NOTES] [--learned]

Runs the note rules (with their positions, as validate does) over NOTES
notes (default 5,000) cycled from the labelled set, after one warm-up note
that loads the word lists. Prints the load time, notes/second and the
estimated policy cost of a 50,000-note repository on one core, and the rate
for notes whose texts all differ (as real notes do). Then loads a
generated repository of 400 customers with 5 notes each (in one process)
with and without the policy checks, to show their share of `validate`.
--learned runs the note rules with ``policy.learned_reading`` on (the
generated repository keeps the default settings).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time

import yaml

from flagsite import read, repository
from flagsite.check.context import CheckContext, Located
from flagsite.config import Config
from flagsite.load.yaml_strict import SourceMap
from flagsite.policy.engine import check_note_policy
from flagsite.policy.measure import load_labelled
from flagsite.rule_settings import PolicySettings

HERE = os.path.dirname(os.path.abspath(__file__))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notes", nargs="?", type=int, default=5000, help="how many notes to check (default 5,000)")
    parser.add_argument("--learned", action="store_true", help="with the learned reading of note text (policy.learned_reading: true)")
    args = parser.parse_args(argv)
    count = args.notes
    labelled = load_labelled(os.path.join(HERE, "..", "tests", "policy", "labelled"))
    ctx = CheckContext(config=Config(policy=PolicySettings(learned_reading=args.learned)), today=dt.date(2026, 6, 30))
    where = Located("note.yaml", SourceMap())
    started = time.perf_counter()
    list(check_note_policy(labelled[0].note, where, ctx, labelled[0].customer))
    load = time.perf_counter() - started
    findings = 0
    started = time.perf_counter()
    for index in range(count):
        item = labelled[index % len(labelled)]
        findings += sum(1 for _ in check_note_policy(item.note, where, ctx, item.customer))
    elapsed = time.perf_counter() - started
    rate = count / elapsed
    print(f"learned reading {'on' if args.learned else 'off'}; word lists loaded in {load:.2f} s (once per process)")
    print(f"{count} notes in {elapsed:.2f} s: {rate:,.0f} notes/s ({findings} findings; {len(labelled)} distinct notes cycled)")
    print(f"50,000 notes: ~{50000 / rate:.1f} s of policy checks on one core")
    good = [item for item in labelled if not item.expected]
    started = time.perf_counter()
    for index in range(count):
        item = good[index % len(good)]
        for _ in check_note_policy(item.note, where, ctx, item.customer):
            pass
    print(f"good notes only (no findings, the usual case): {count / (time.perf_counter() - started):,.0f} notes/s")
    # Real notes never repeat a text: give each one its own reference, so only word-level knowledge carries over.
    distinct = [
        (item.note.model_copy(update={"reason": f"{item.note.reason} Ref {index}."}), item.customer)
        for index, item in ((index, labelled[index % len(labelled)]) for index in range(count))
    ]
    started = time.perf_counter()
    for note, customer in distinct:
        for _ in check_note_policy(note, where, ctx, customer):
            pass
    print(f"notes whose texts all differ: {count / (time.perf_counter() - started):,.0f} notes/s")
    _whole_load(labelled)
    return 0


def _whole_load(labelled) -> None:  # type: ignore[no-untyped-def]
    from flagsite.policy.measure import _NOTE_DEFAULTS

    with tempfile.TemporaryDirectory() as root:
        for number in range(400):
            folder = os.path.join(root, "records", "customers", f"C-{number}")
            os.makedirs(os.path.join(folder, "notes"))
            with open(os.path.join(folder, "customer.yaml"), "w", encoding="utf-8") as handle:
                handle.write(f"id: C-{number}\nname: {labelled[number % len(labelled)].customer.name}\n")
            for index in range(5):
                item = labelled[(number * 5 + index) % len(labelled)]
                data = item.note.model_dump(mode="json", by_alias=True, exclude_defaults=True) | {"at": _NOTE_DEFAULTS["at"]}
                with open(os.path.join(folder, "notes", f"2026-06-0{index + 1}-n.yaml"), "w", encoding="utf-8") as handle:
                    handle.write(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
        timings = {}
        saved_notes, saved_customers = list(read.NOTE_POLICY), list(read.CUSTOMER_POLICY)
        for label, keep in (("with policy", True), ("without policy", False)):
            if not keep:
                read.NOTE_POLICY[:] = []
                read.CUSTOMER_POLICY[:] = []
            started = time.perf_counter()
            result = repository.load_repository(root, today=dt.date(2026, 6, 30), jobs=1)
            timings[label] = time.perf_counter() - started
            print(f"load_repository, 2,000 notes, one process, {label}: {timings[label]:.2f} s ({len(result.findings)} findings)")
        read.NOTE_POLICY[:], read.CUSTOMER_POLICY[:] = saved_notes, saved_customers
        print(f"policy share of validate: {1 - timings['without policy'] / timings['with policy']:.0%}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
