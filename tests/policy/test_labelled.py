"""The labelled notes as a test: each rule keeps its precision above a floor.

Editors only trust findings that are nearly always right, so precision is the
floor that matters; recall is reported by benchmarks/policy_precision.py.
"""

from __future__ import annotations

import os

from flagsite.policy.measure import load_labelled, score

from .conftest import HERE

PRECISION_FLOOR = 0.9
RECALL_FLOOR = 0.7  # lower: a missed finding costs less than a false one


def test_labelled_set_is_large_and_mixed() -> None:
    notes = load_labelled(os.path.join(HERE, "labelled"))
    assert len(notes) >= 60
    good = [n for n in notes if not n.expected]
    assert len(good) >= 25 and len(notes) - len(good) >= 30


def test_every_rule_meets_the_precision_floor() -> None:
    notes = load_labelled(os.path.join(HERE, "labelled"))
    scores = score(notes)
    for code, s in scores.items():
        assert s.true_positive + s.false_negative > 0, f"{code} has no labelled example"
        assert s.precision is not None and s.precision >= PRECISION_FLOOR, (code, s.precision, s.false_positives)
        assert s.recall is not None and s.recall >= RECALL_FLOOR, (code, s.recall, s.false_negatives)


def test_good_notes_pass_without_noise() -> None:
    notes = load_labelled(os.path.join(HERE, "labelled"))
    scores = score(notes)
    noisy = {source for s in scores.values() for source in s.false_positives}
    good = {n.source for n in notes if not n.expected}
    assert not (noisy & good)
