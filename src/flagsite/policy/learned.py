"""A learned reading of note text, for the rules whose wording is free (P103-P106, P108).

Where a rule's own patterns find nothing on a note, a linear model over the note's words scores
it: word unigrams and bigrams in lower case, a few abstractions (the writer or the team, the
customer's pronouns, a day), and for some rules three- and four-letter pieces of words, so
that a form never seen ("moany", "rebooked") weighs like its kin. The weights were fitted by
``benchmarks/train_note_model.py`` on the labelled notes and ship in ``data/note-model.json.gz``
with the threshold each rule passes, chosen for precision by cross-validation grouped by file.
Scoring is a sum of weights and a sigmoid: no library is needed at run time.
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import repeat
from typing import Any

from ..rules import Hit
from .subject import Subject
from .text import TextField

# Words standing for who acts: the writer or the team, the customer's side, a day still to come.
_WE = frozenset("i we i'll we'll i'd we'd i'm we're".split())
_THEM = frozenset("him her them he she they his their hers customer client caller".split())
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday tomorrow tonight".split())

# What each rule's reading reads as, for the message, and what to write instead.
_READS_AS = {
    "P103": ("a vague reason", "state the customer's concern or why they were contacted, specifically"),
    "P104": ("a resolution that says nothing", "list the actions taken and what the customer was told"),
    "P105": ("a promise of ours", "record it as follow_up: {due: ..., owner: ..., action: ...}, or write what was done instead"),
    "P106": ("a change to the account", "add changes: [{field: ..., from: ..., to: ...}]"),
    "P108": ("a standing wish or instruction", "move it to the customer's preferences"),
    "P305": ("an opinion of a person", "describe what was said or done instead"),
}


@dataclass(frozen=True)
class Reading:
    """One rule's model: which fields it reads, how its features are made, its weights and threshold."""

    code: str
    fields: tuple[str, ...]  # the first part of a text's location: reason, resolution, internal, contact, follow_up
    abstract: bool  # the writer, the customer and days as one token each
    by_field: bool  # features carry the field they came from (a reason's "changed" is not a resolution's)
    pieces: bool  # three- and four-letter pieces of words as well
    intercept: float
    threshold: float  # on the log-odds
    weights: dict[str, float]


def features(texts: Iterable[TextField], reading: Reading) -> set[str]:
    """The features of a note's texts that a reading weighs (shared with the training script)."""
    found: set[str] = set()
    for text in texts:
        if text.loc[0] in reading.fields:
            prefix = f"{str(text.loc[0])[:3]}:" if reading.by_field else ""
            found.update(_text_features(text.text, prefix, reading.abstract, reading.pieces))
    return found


@lru_cache(maxsize=16384)
def _text_features(text: str, prefix: str, abstract: bool, pieces: bool) -> frozenset[str]:
    """One text's features: most readings share a kind of feature, and texts recur, so each is made once."""
    found: set[str] = set()
    previous = "<s>"
    for word in TextField((), text, True).words:
        token = _abstracted(word) if abstract else word
        found.add(prefix + token)
        found.add(f"{prefix}{previous} {token}")
        previous = token
        if pieces:
            padded = f"<{word}>"
            found.update("#" + padded[i : i + n] for n in (3, 4) for i in range(len(padded) - n + 1))
    return frozenset(found)


def _abstracted(word: str) -> str:
    if word in _WE:
        return "<we>"
    if word in _THEM:
        return "<them>"
    return "<day>" if word in _DAYS else word


def log_odds(present: set[str], reading: Reading) -> float:
    # map() with the dict's own get: the sum runs in C (it is most of the reading's cost).
    return reading.intercept + sum(map(reading.weights.get, present, repeat(0.0)))


@cache
def model() -> dict[str, Any]:
    """The shipped model file, as written by the training script."""
    with resources.files("flagsite.policy").joinpath("data/note-model.json.gz").open("rb") as handle:
        loaded: dict[str, Any] = json.loads(gzip.decompress(handle.read()))
    return loaded


@cache
def readings() -> dict[str, Reading]:
    return {code: reading_from(code, spec) for code, spec in model()["rules"].items()}


def reading_from(code: str, spec: dict[str, Any]) -> Reading:
    return Reading(
        code=code,
        fields=tuple(spec["fields"]),
        abstract=spec["abstract"],
        by_field=spec["by_field"],
        pieces=spec["pieces"],
        intercept=spec["intercept"],
        threshold=math.log(spec["threshold"] / (1 - spec["threshold"])),
        weights=spec["weights"],
    )


def applies(code: str, subject: Subject) -> bool:
    """Whether a rule's learned reading may look at this record: a note, and what the rule asks is not already there."""
    note = subject.note
    if note is None or code not in _READS_AS or not subject.config.policy.learned_reading:
        return False
    if code == "P105":
        return not note.has_follow_up
    if code == "P106":
        return not note.changes
    if code == "P104":
        return bool(note.resolution)
    return True


def learned_hits(code: str, subject: Subject) -> Iterator[Hit]:
    """A finding under the rule's code when its learned reading passes the threshold (call it where the rule found nothing)."""
    if not applies(code, subject):
        return
    reading = readings().get(code)
    if reading is None:
        return
    present = features(subject.texts, reading)
    if log_odds(present, reading) < reading.threshold:
        return
    kind, instead = _READS_AS[code]
    words = sorted((f for f in present if not f.startswith("#") and reading.weights.get(f, 0.0) > 0), key=lambda f: -reading.weights[f])[:3]
    shown = ", ".join(repr(_readable(w)) for w in words)
    yield Hit(_where(subject.texts, reading), f"reads as {kind} (learned reading: {shown}); {instead}")


def _readable(feature: str) -> str:
    """A feature as the words it stands for: without its field or the mark of a text's start."""
    word = feature.split(":", 1)[1] if ":" in feature[:4] else feature
    return word.removeprefix("<s> ")


def _where(texts: list[TextField], reading: Reading) -> tuple[str | int, ...]:
    """The text whose own features weigh most: where the finding points."""
    scored = [(log_odds(features([text], reading), reading), text.loc) for text in texts if text.loc[0] in reading.fields]
    return max(scored, key=lambda pair: pair[0])[1] if scored else (reading.fields[0],)
