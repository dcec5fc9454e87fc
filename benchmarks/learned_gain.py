"""What the learned reading of note text adds: figures only, rules alone against rules with it, no note named.

    python benchmarks/learned_gain.py FOLDER [FOLDER ...]

Prints, for each labelled folder and for all of them together, whole-note precision and recall
(a note with any finding counts as flagged) and precision and recall of each rule the learned
reading covers, with ``policy.learned_reading`` off and on. It names no note, so it may score a
part whose notes the reader must not see.
"""

from __future__ import annotations

import os
import sys

from flagsite.config import Config
from flagsite.policy.learned import readings
from flagsite.policy.measure import LabelledNote, findings, load_labelled, note_level, score_found
from flagsite.rule_settings import PolicySettings

Found = list[tuple[LabelledNote, set[str]]]


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    together: dict[bool, Found] = {False: [], True: []}
    for folder in argv:
        notes = load_labelled(folder)
        for learned in (False, True):
            found = findings(notes, Config(policy=PolicySettings(learned_reading=learned)))
            together[learned] += found
            print(_line(os.path.basename(os.path.normpath(folder)), learned, found))
    if len(argv) > 1:
        for learned in (False, True):
            print(_line("together", learned, together[learned]))
    return 0


def _line(name: str, learned: bool, found: Found) -> str:
    level = note_level(found)
    scores = score_found(found)
    per_rule = " ".join(
        f"{code} P={_shown(scores[code].precision)} R={_shown(scores[code].recall)}" for code in sorted(readings())
    )
    label = "rules + learned" if learned else "rules alone"
    counts = f"{level.flagged_bad} bad flagged, {len(level.flagged_good)} good flagged, {len(level.missed_bad)} bad missed"
    return f"{name:18} {label:16} {level.notes} notes; whole notes P={_shown(level.precision, 4)} R={_shown(level.recall, 4)} ({counts}) | {per_rule}"


def _shown(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
