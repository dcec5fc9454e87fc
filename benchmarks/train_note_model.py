"""Fit the learned reading of note text (flagsite.policy.learned) and write src/flagsite/policy/data/note-model.json.gz.

    pip install -c constraints.txt -e '.[train]'
    python benchmarks/train_note_model.py [--by-file] [--dry-run] [FOLDER ...]

FOLDER defaults to every labelled part but the one held back. For each rule the learned reading
covers, a logistic regression over the tokens of ``learned.tokens`` (counted over the texts of the
fields the rule reads) is cross-validated with folds grouped by writer (a fold never holds notes of a
writer it was fitted on: a writer is a part and the prefix of its file names before the first '-',
``labelled-blind13/za``; ``--by-file`` groups by file instead, as before, where a fold holds other
files of the same writers). Of a few settings (the strength of the
regularisation, the smallest weight kept), the one keeping the fewest weights within 0.01 of the
highest recall at a precision of PRECISION on the held-out folds is kept, with the lowest threshold that
reaches it; a rule that cannot reach it with a recall of 0.10 is left out. The file holds the weights, the thresholds, the parts
trained on with their note counts, the cross-validated figures (rules alone and rules with the
learned reading, per rule and for whole notes) and a few notes with their log-odds worked out by
numpy, which the tests compare with the pure-Python sum.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import sys
from collections import Counter
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from flagsite.config import Config
from flagsite.policy.learned import applies, tokens, words
from flagsite.policy.measure import LabelledNote, findings, load_labelled
from flagsite.policy.subject import Subject, note_subject
from flagsite.rule_settings import PolicySettings

HERE = os.path.dirname(os.path.abspath(__file__))
LABELLED = os.path.join(HERE, "..", "tests", "policy")
# The fair part written to judge the reading on wording it never saw: never fitted on, never read.
HELD_BACK = "labelled-blind21"
PARTS = tuple(
    os.path.join(LABELLED, part) for part in sorted(os.listdir(LABELLED)) if part.startswith("labelled") and part != HELD_BACK
)
OUT = os.path.join(HERE, "..", "src", "flagsite", "policy", "data", "note-model.json.gz")
TODAY = dt.date(2026, 6, 30)  # the day measure.findings judges notes on

# The fields each rule's reading looks at: those the rule's own patterns read.
FIELDS = {
    "P103": ("reason",),
    "P104": ("resolution",),
    "P105": ("reason", "resolution", "internal"),
    "P106": ("reason", "resolution"),
    "P108": ("reason", "resolution", "internal"),
    "P305": ("reason", "resolution", "follow_up"),  # the factual ones: an opinion belongs in internal
}
# The inverse regularisation strengths tried, and the smallest weight kept: the held-out folds are scored
# with the weights that would ship (fewer weights, fewer look-ups that miss the processor's cache).
STRENGTHS = (0.3, 1.0, 3.0)
SMALLEST = (0.3, 0.2, 0.1, 0.01)
RECALL_SLACK = 0.01  # of the settings within this much held-out recall of the best, the one keeping the fewest weights
PRECISION = 0.97  # held-out precision on writers not fitted on: a margin above 0.95, which new writers fell short of
MIN_RECALL = 0.10  # a reading that finds fewer than one in ten of a rule's notes on held-out files is not worth its cost
MIN_NOTES = 2  # a token in fewer notes than this is not weighed: it cannot be told from noise, and the file stays small
FOLDS = 5


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", default=list(PARTS), help="labelled folders (default: every part but the one held back)")
    parser.add_argument("--by-file", action="store_true", help="group the folds by file, not by writer")
    parser.add_argument("--precision", type=float, default=PRECISION, help=f"held-out precision each reading must reach (default {PRECISION})")
    parser.add_argument("--only", nargs="*", default=list(FIELDS), help="the rules to fit (default: every one of FIELDS)")
    parser.add_argument("--report", nargs="*", default=[], help="parts whose held-out figures to print apart (a new writer's view)")
    parser.add_argument("--dry-run", action="store_true", help="print the figures, write no model file")
    args = parser.parse_args(argv)
    notes: list[LabelledNote] = []
    groups: list[str] = []
    parts: list[str] = []
    trained_on: dict[str, int] = {}
    for folder in args.folders:
        part = os.path.basename(os.path.normpath(folder))
        loaded = load_labelled(folder)
        trained_on[part] = len(loaded)
        notes += loaded
        groups += [_group(part, n.source, args.by_file) for n in loaded]
        parts += [part] * len(loaded)
    subjects = [note_subject(n.note, n.customer, Config(), TODAY) for n in notes]
    rules_alone = [codes for _, codes in findings(notes, Config(policy=PolicySettings(learned_reading=False)))]  # whatever the default
    grouping = "file" if args.by_file else "writer"
    print(f"{len(notes)} notes, {len(set(groups))} groups by {grouping}")

    rules: dict[str, Any] = {}
    checks: list[dict[str, Any]] = []
    combined = [set(codes) for codes in rules_alone]
    for code, fields in FIELDS.items():
        if code not in args.only:
            continue
        labels = np.array([code in n.expected for n in notes])
        eligible = np.array([applies(code, s) for s in subjects])
        rows = [_row(s, fields) for s in subjects]
        tried: list[tuple[float, float, tuple[float, float], np.ndarray]] = []
        for c in STRENGTHS:
            for smallest, held_out in _cross_validated(rows, labels, groups, c).items():
                threshold = _threshold(held_out, labels, eligible, args.precision)
                recall = float(((held_out >= threshold) & eligible & labels).sum() / labels.sum()) if threshold else 0.0
                print(f"{code} C={c} smallest weight {smallest}: recall {recall:.3f} at precision {args.precision} (threshold {threshold})", flush=True)
                if threshold:
                    tried.append((threshold, recall, (c, smallest), held_out))
        best = _cheapest(tried)
        if best is None or best[1] < MIN_RECALL:
            print(f"{code}: no feature set reaches precision {args.precision} with recall {MIN_RECALL}; not covered")
            continue
        threshold, _, (c, smallest), held_out = best
        flagged = (held_out >= threshold) & eligible
        for index in np.flatnonzero(flagged):
            combined[index].add(code)
        vectoriser, fitted = _fit(rows, labels, c)
        kept = _kept(fitted.coef_[0], smallest)
        weights = {name: float(w) for name, w in zip(vectoriser.get_feature_names_out(), kept, strict=True) if w}
        intercept = round(float(fitted.intercept_[0]), 4)
        # A few notes with their log-odds as numpy works them out from the weights kept: the tests
        # recompute them from the texts alone, so the tokens made at run time must be these.
        for index in range(0, len(subjects), len(subjects) // 4)[:4]:
            odds = float((vectoriser.transform([rows[index]]) @ kept)[0]) + intercept
            texts = [[list(t.loc), t.text] for t in subjects[index].texts]
            checks.append({"code": code, "texts": texts, "names": sorted(subjects[index].names), "log_odds": round(odds, 6)})
        alone = np.array([code in codes for codes in rules_alone])
        rules[code] = {
            "fields": list(fields), "C": c, "smallest_weight": smallest, "threshold": round(threshold, 4), "intercept": intercept,
            "cv": {
                "learned": _figures(flagged, labels),
                "rules": _figures(alone, labels),
                "rules_and_learned": _figures(alone | flagged, labels),
                "added": {"right": int((flagged & ~alone & labels).sum()), "wrong": int((flagged & ~alone & ~labels).sum())},
            },
            "weights": weights,
        }
        print(f"{code}: kept C={c} smallest weight {smallest} threshold {threshold:.2f}, {len(weights)} weights; {rules[code]['cv']}", flush=True)

    expected = np.array([bool(n.expected) for n in notes])
    model = {
        "about": "Weights of flagsite.policy.learned, written by benchmarks/train_note_model.py: do not edit.",
        "trained_on": trained_on,
        "held_back": HELD_BACK,
        "groups": len(set(groups)),
        "cross_validation": (
            f"{FOLDS} folds grouped by {grouping}; threshold: lowest with held-out precision >= {args.precision}; "
            f"tokens in fewer than {MIN_NOTES} notes not weighed; held-out folds scored with the weights kept"
        ),
        "whole_notes_cv": {
            "rules": _figures(np.array([bool(c) for c in rules_alone]), expected),
            "rules_and_learned": _figures(np.array([bool(c) for c in combined]), expected),
        },
        "rules": rules,
        "checks": checks,
    }
    for part in args.report:
        _report(part, np.array(parts) == part, notes, rules_alone, combined, list(rules))
    if args.dry_run:
        print(f"whole notes, cross-validated: {model['whole_notes_cv']}")
        return 0
    # mtime=0: the same weights give the same bytes.
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(json.dumps(model, separators=(",", ":"), sort_keys=True).encode())
    print(f"wrote {OUT} ({os.path.getsize(OUT) // 1024} KB); whole notes, cross-validated: {model['whole_notes_cv']}")
    return 0


def _report(part: str, of_part: np.ndarray, notes: list[LabelledNote], alone: list[set[str]], combined: list[set[str]], codes: list[str]) -> None:
    """A part's figures with the held-out readings: what a writer the readings were not fitted on would see."""
    expected = np.array([bool(n.expected) for n in notes])[of_part]
    for name, found in (("rules alone", alone), ("rules + learned", combined)):
        flagged = [f for f, keep in zip(found, of_part, strict=True) if keep]
        line = f"{part} {name}: whole notes {_figures(np.array([bool(f) for f in flagged]), expected)}"
        for code in codes:
            labels = np.array([code in n.expected for n, keep in zip(notes, of_part, strict=True) if keep])
            figures = _figures(np.array([code in f for f in flagged]), labels)
            line += f"; {code} {figures['precision']:.2f}/{figures['recall']:.2f}"
        print(line)


def _group(part: str, source: str, by_file: bool) -> str:
    """The fold group of a note: its writer (the part and its file name's prefix before the first '-'), or its file."""
    name = source.split(":")[0].removesuffix(".yaml")
    return f"{part}/{name if by_file else name.split('-')[0]}"


def _row(subject: Subject, fields: tuple[str, ...]) -> dict[str, int]:
    """A note's tokens counted over the texts of the fields a rule reads, as the run time sums them."""
    counted: Counter[str] = Counter()
    for text in subject.texts:
        if text.loc[0] in fields:
            counted.update(tokens(words(text), subject.names))
    return dict(counted)


def _fit(rows: list[dict[str, int]], labels: np.ndarray, c: float) -> tuple[DictVectorizer, LogisticRegression]:
    seen = Counter(token for row in rows for token in row)
    common = [{t: n for t, n in row.items() if seen[t] >= MIN_NOTES} for row in rows]
    vectoriser = DictVectorizer()
    fitted = LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(vectoriser.fit_transform(common), labels)
    return vectoriser, fitted


def _kept(weights: np.ndarray, smallest: float) -> np.ndarray:
    """The weights as shipped: rounded, and those nearer zero than ``smallest`` dropped."""
    return np.where(np.abs(weights) >= smallest, np.round(weights, 4), 0.0)


def _cross_validated(rows: list[dict[str, int]], labels: np.ndarray, groups: list[str], c: float) -> dict[float, np.ndarray]:
    """Held-out probabilities for each smallest weight kept, from one fit a fold."""
    held_out = {smallest: np.zeros(len(rows)) for smallest in SMALLEST}
    for train, test in GroupKFold(n_splits=FOLDS).split(rows, labels, groups):
        vectoriser, fitted = _fit([rows[i] for i in train], labels[train], c)
        matrix = vectoriser.transform([rows[i] for i in test])
        for smallest, found in held_out.items():
            odds = matrix @ _kept(fitted.coef_[0], smallest) + round(float(fitted.intercept_[0]), 4)
            found[test] = 1 / (1 + np.exp(-odds))
    return held_out


def _cheapest(tried: list[tuple[float, float, tuple[float, float], np.ndarray]]) -> tuple[float, float, tuple[float, float], np.ndarray] | None:
    """Of the settings within RECALL_SLACK of the best held-out recall, the one that drops the most weights (then the strongest regularisation)."""
    if not tried:
        return None
    best = max(recall for _, recall, _, _ in tried)
    near = [t for t in tried if t[1] >= best - RECALL_SLACK]
    return max(near, key=lambda t: (t[2][1], -t[2][0]))


def _threshold(held_out: np.ndarray, labels: np.ndarray, eligible: np.ndarray, precision: float) -> float | None:
    """The lowest probability, in steps of 0.01, whose held-out precision reaches ``precision`` on five flagged notes or more."""
    for step in range(50, 100):
        flagged = (held_out >= step / 100) & eligible
        right = int((flagged & labels).sum())
        if flagged.sum() >= 5 and right / flagged.sum() >= precision:
            return step / 100
    return None


def _figures(flagged: np.ndarray, labels: np.ndarray) -> dict[str, float | int]:
    right = int((flagged & labels).sum())
    return {
        "precision": round(right / max(1, int(flagged.sum())), 4),
        "recall": round(right / max(1, int(labels.sum())), 4),
        "right": right,
        "wrong": int((flagged & ~labels).sum()),
        "missed": int((~flagged & labels).sum()),
    }


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
