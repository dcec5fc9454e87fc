"""Print precision and recall of each policy rule on the labelled notes.

    python benchmarks/policy_precision.py [FOLDER] [--verbose]

FOLDER defaults to tests/policy/labelled. --verbose lists the notes behind
every false positive and false negative.
"""

from __future__ import annotations

import os
import sys

from flagsite.policy.measure import load_labelled, score, table

HERE = os.path.dirname(os.path.abspath(__file__))


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    folder = args[0] if args else os.path.join(HERE, "..", "tests", "policy", "labelled")
    notes = load_labelled(folder)
    scores = score(notes)
    print(table(scores, len(notes)), end="")
    if "--verbose" in argv:
        for s in scores.values():
            for source in s.false_positives:
                print(f"FP {s.code} {source}")
            for source in s.false_negatives:
                print(f"FN {s.code} {source}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
