"""How fast the policy rules run: notes per second, in one process.

    python benchmarks/bench_policy.py [NOTES]

Runs the note rules (with their positions, as validate does) over NOTES
notes (default 5,000) cycled from the labelled set, after one warm-up note
that loads the word lists. Prints the load time, notes/second and the
estimated policy cost of a 50,000-note repository on one core.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time

from flagsite.check.context import CheckContext, Located
from flagsite.config import Config
from flagsite.load.yaml_strict import SourceMap
from flagsite.policy.engine import check_note_policy
from flagsite.policy.measure import load_labelled

HERE = os.path.dirname(os.path.abspath(__file__))


def main(argv: list[str]) -> int:
    count = int(argv[0]) if argv else 5000
    labelled = load_labelled(os.path.join(HERE, "..", "tests", "policy", "labelled"))
    ctx = CheckContext(config=Config(), today=dt.date(2026, 6, 30))
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
    print(f"word lists loaded in {load:.2f} s (once per process)")
    print(f"{count} notes in {elapsed:.2f} s: {rate:,.0f} notes/s ({findings} findings; {len(labelled)} distinct notes cycled)")
    print(f"50,000 notes: ~{50000 / rate:.1f} s of policy checks on one core")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
