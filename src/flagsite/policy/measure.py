"""Precision and recall of the policy rules on a labelled set of notes.

A labelled file names the account holder and lists notes, each with the rule
codes a careful editor would raise on it (``expect``). Fields a labelled note
leaves out are filled with neutral values, so the set stays readable.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from ..check.context import CheckContext
from ..config import Config
from ..load.yaml_strict import load_yaml_file
from ..models import Customer, Note
from ..rules import rules_for
from .engine import policy_codes_for_note

_NOTE_DEFAULTS: dict[str, Any] = {
    "at": "2026-06-03T14:12:00+00:00",
    "author": "jdoe",
    "channel": "phone",
    "disposition": "general-inquiry",
}


@dataclass(frozen=True)
class LabelledNote:
    source: str  # file:id
    customer: Customer
    note: Note
    expected: frozenset[str]


@dataclass
class Score:
    code: str
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else None

    @property
    def recall(self) -> float | None:
        labelled = self.true_positive + self.false_negative
        return self.true_positive / labelled if labelled else None


def load_labelled(folder: str) -> list[LabelledNote]:
    notes: list[LabelledNote] = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".yaml"):
            continue
        loaded = load_yaml_file(os.path.join(folder, name), name)
        if loaded.data is None or loaded.findings:
            raise ValueError(f"{name}: {[f.message for f in loaded.findings]}")
        holder = loaded.data["customer"]
        customer = Customer(id="C-1", name=holder)
        for index, item in enumerate(loaded.data["notes"]):
            try:
                note = Note.model_validate(_NOTE_DEFAULTS | item["note"])
            except ValidationError as error:
                first = error.errors()[0]
                line, column = loaded.source.position(("notes", index, "note", *first["loc"])) or (0, 0)
                raise ValueError(
                    f"{name}:{line}:{column}: note {item.get('id')!r}, {'.'.join(str(p) for p in first['loc'])}: {first['msg']}; "
                    "write the note's fields as records/ holds them (a text holding ': ' goes in quotes)"
                ) from None
            notes.append(LabelledNote(f"{name}:{item['id']}", customer, note, frozenset(item["expect"])))
    return notes


@dataclass
class NoteLevel:
    """Whole notes: a note with any finding is called bad; a labelled note is bad when it expects a code."""

    flagged_bad: int = 0
    flagged_good: list[str] = field(default_factory=list)  # good notes with a finding: the ones editors notice
    missed_bad: list[str] = field(default_factory=list)  # bad notes without any finding
    fully_right: int = 0  # notes whose findings are exactly the codes expected
    notes: int = 0

    @property
    def precision(self) -> float | None:
        flagged = self.flagged_bad + len(self.flagged_good)
        return self.flagged_bad / flagged if flagged else None

    @property
    def recall(self) -> float | None:
        bad = self.flagged_bad + len(self.missed_bad)
        return self.flagged_bad / bad if bad else None


def findings(
    notes: list[LabelledNote], config: Config | None = None, today: dt.date = dt.date(2026, 6, 30), errors_only: bool = False
) -> list[tuple[LabelledNote, set[str]]]:
    """Each labelled note with the codes the rules find on it (``errors_only``: as a reviewer sees them when warnings are let through)."""
    ctx = CheckContext(config=config or Config(), today=today)
    return [(labelled, set(policy_codes_for_note(labelled.note, labelled.customer, ctx, errors_only))) for labelled in notes]


def note_level(found: list[tuple[LabelledNote, set[str]]]) -> NoteLevel:
    level = NoteLevel(notes=len(found))
    for labelled, codes in found:
        if codes and labelled.expected:
            level.flagged_bad += 1
        elif codes:
            level.flagged_good.append(labelled.source)
        elif labelled.expected:
            level.missed_bad.append(labelled.source)
        level.fully_right += codes == labelled.expected
    return level


def score(notes: list[LabelledNote], config: Config | None = None, today: dt.date = dt.date(2026, 6, 30)) -> dict[str, Score]:
    return score_found(findings(notes, config, today))


def score_found(found_per_note: list[tuple[LabelledNote, set[str]]]) -> dict[str, Score]:
    scores = {r.code: Score(r.code) for r in rules_for("note") + rules_for("text")}
    for labelled, found in found_per_note:
        for code, current in scores.items():
            if code in found and code in labelled.expected:
                current.true_positive += 1
            elif code in found:
                current.false_positive += 1
                current.false_positives.append(labelled.source)
            elif code in labelled.expected:
                current.false_negative += 1
                current.false_negatives.append(labelled.source)
    return scores


def table(scores: dict[str, Score], notes: int) -> str:
    from ..rules import find_rule

    def shown(value: float | None) -> str:
        return "  -  " if value is None else f"{value:.2f}"

    lines = [f"{notes} labelled notes", "", "| rule | name | labelled | found | TP | FP | FN | precision | recall |", "|---|---|---|---|---|---|---|---|---|"]
    for code, s in scores.items():
        rule = find_rule(code)
        name = rule.name if rule else ""
        lines.append(
            f"| {code} | {name} | {s.true_positive + s.false_negative} | {s.true_positive + s.false_positive} | "
            f"{s.true_positive} | {s.false_positive} | {s.false_negative} | {shown(s.precision)} | {shown(s.recall)} |"
        )
    total_tp = sum(s.true_positive for s in scores.values())
    total_fp = sum(s.false_positive for s in scores.values())
    total_fn = sum(s.false_negative for s in scores.values())
    lines.append(f"| all | | {total_tp + total_fn} | {total_tp + total_fp} | {total_tp} | {total_fp} | {total_fn} | "
                 f"{shown(total_tp / (total_tp + total_fp) if total_tp + total_fp else None)} | "
                 f"{shown(total_tp / (total_tp + total_fn) if total_tp + total_fn else None)} |")
    return "\n".join(lines) + "\n"


def note_table(level: NoteLevel) -> str:
    def shown(value: float | None) -> str:
        return "  -  " if value is None else f"{value:.2f}"

    bad = level.flagged_bad + len(level.missed_bad)
    return (
        f"notes: {level.notes} ({bad} bad, {level.notes - bad} good); note-level precision {shown(level.precision)}, "
        f"recall {shown(level.recall)}; good notes flagged {len(level.flagged_good)}; bad notes missed {len(level.missed_bad)}; "
        f"notes with exactly the expected codes {level.fully_right}\n"
    )
