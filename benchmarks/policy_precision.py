"""Print precision and recall of each policy rule on the labelled notes, per part of the corpus.

    python benchmarks/policy_precision.py [FOLDER ...] [--verbose] [--learned]

FOLDER defaults to the parts, reported separately: tests/policy/labelled (the notes the rules
were tuned on), tests/policy/labelled-heldout (notes no rule was tuned against, measured and
since read), tests/policy/labelled-blind2 and labelled-blind3 (written without sight of the rules,
scored, then tuned against) and tests/policy/labelled-blind4 and labelled-blind5 (notes nobody
changing the rules has read; see tests/policy/labelled/README.md). A part not there is skipped.
Each part gets a table per rule, the note-level figures (a note
with any finding counts as flagged; then counting errors only, as when warnings are let through)
and the false positives by note. --verbose also lists the false negatives. --learned scores the rules
with ``policy.learned_reading: true`` (the learned reading of note text, on by default); without it the rules are scored alone.
"""

from __future__ import annotations

import os
import sys

from flagsite.config import Config
from flagsite.policy.measure import findings, load_labelled, note_level, note_table, score_found, table
from flagsite.rule_settings import PolicySettings

HERE = os.path.dirname(os.path.abspath(__file__))
PARTS = tuple(os.path.join(HERE, "..", "tests", "policy", part) for part in ("labelled", "labelled-heldout", "labelled-blind2", "labelled-blind3", "labelled-blind4", "labelled-blind5"))


def main(argv: list[str]) -> int:
    folders = [a for a in argv if not a.startswith("--")] or list(PARTS)
    for folder in folders:
        if not os.path.isdir(folder):
            print(f"## {os.path.basename(os.path.normpath(folder))}: no such folder, skipped\n")
            continue
        try:
            notes = load_labelled(folder)
        except ValueError as error:
            print(f"{folder}/{error}", file=sys.stderr)
            return 2
        config = Config(policy=PolicySettings(learned_reading="--learned" in argv))
        found = findings(notes, config)
        scores = score_found(found)
        print(f"## {os.path.basename(os.path.normpath(folder))}\n")
        print(table(scores, len(notes)))
        print(note_table(note_level(found)))
        # As a reviewer sees them when warnings are let through: only findings of severity error count.
        print("errors only: " + note_table(note_level(findings(notes, config, errors_only=True))))
        for s in scores.values():
            for source in s.false_positives:
                print(f"FP {s.code} {source}")
            if "--verbose" in argv:
                for source in s.false_negatives:
                    print(f"FN {s.code} {source}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
