"""A learned reading of note text, for the rules whose wording is free (P103-P106, P108, P305); on unless switched off.

Where a rule's own patterns find nothing on a note, a linear model over the note's words scores it:
the words and word pairs of each text the rule reads, in lower case, with the writer or the team,
the customer's side, a day and the names of the record's people as one token each (the names
because cross-validation rewarded it for P105, P106 and P108), and what the rules mask as one token
of its kind: a reference, a number (a count in words too), a date, a time, a sum, an email or a link. The weights
were fitted by ``benchmarks/train_note_model.py`` on the labelled notes and ship in
``data/note-model.json.gz`` with the threshold each rule passes, chosen for precision by
cross-validation grouped by writer (held-out folds hold writers it was not fitted on). Scoring is a sum of weights and a comparison with the threshold's
log-odds: no library is needed at run time.

A text's tokens are made once for the rules that read its field, and their sums over it are kept, so
a text that recurs costs one look-up; a note's log-odds are worked out once for all the rules.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ..check.placeholders import is_placeholder as is_todo
from ..rules import Hit
from .subject import Subject
from .suggest import instead_of_judgement
from .text import MASKABLE_RUN, TextField

# Words standing for who acts: the writer or the team, the customer's side, a day.
_WE = "i we i'll we'll i'd we'd i'm we're i've we've me us my our".split()
_THEM = "him her them he she they his their hers customer client caller he'll she'll they'll he's she's they're".split()
_DAYS = "monday tuesday wednesday thursday friday saturday sunday tomorrow tonight today yesterday".split()
# A count written in words reads as one in figures ('two brackets', '2 brackets'); 'one' is as often a pronoun.
_COUNTS = "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred".split()
_ABSTRACT = dict.fromkeys(_WE, "<we>") | dict.fromkeys(_THEM, "<them>") | dict.fromkeys(_DAYS, "<day>") | dict.fromkeys(_COUNTS, "<num>")
_NAME = "<name>"
_START = "<s>"

# What each rule's reading reads as, for the message, and what to write instead.
_READS_AS = {
    "P103": ("a vague reason", "state the customer's concern or why they were contacted, specifically"),
    "P104": ("a resolution that says nothing", "list the actions taken and what the customer was told"),
    "P105": ("a promise of ours", "record it as follow_up: {due: ..., owner: ..., action: ...}, or write what was done instead"),
    "P106": ("a change to the account", "add changes: [{field: ..., from: ..., to: ...}]"),
    "P108": ("a standing wish or instruction", "move it to the customer's preferences"),
    "P305": ("an opinion or feeling", "state only what happened"),  # and what instead, as P305 says it: see learned_hits
}
READ = frozenset(_READS_AS)  # the codes a learned reading may add to


@dataclass(frozen=True)
class Reading:
    """One rule's model: the fields it reads, its weights, and the log-odds a note must reach."""

    code: str
    fields: tuple[str, ...]  # the first part of a text's location: reason, resolution, internal
    intercept: float
    threshold: float  # on the log-odds
    weights: dict[str, float]


# What text.py masks before the rules read words (ids, numbers, dates, emails, links), here kept in its place
# as one token of its kind: "order SO-2026-1483" and "on 2026-02-13" say a note is specific, whatever the digits.
_PIECE = re.compile(r"(\S+@\S+|(?:https?://|www\.)\S+)|([$£€¥₹]?)(\d{1,3}(?:,\d{3})+(?:\.\d\d)?|[\w./:-]*\d(?:[\w./:-]*[\w/-])?)|([^\W\d_]+(?:'[^\W\d_]+)*)")
_KINDS = (
    ("<date>", re.compile(r"\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}(?:/\d{2,4})?")),
    ("<time>", re.compile(r"\d{1,2}(?::\d\d)?(?:am|pm)|\d{1,2}:\d\d(?:-\d{1,2}:\d\d)?")),
    ("<sum>", re.compile(r"\d{1,3}(?:,\d{3})*\.\d\d")),
    ("<num>", re.compile(r"[\d,.]*\d(?:st|nd|rd|th|-[a-z]+)?")),
)
# _PIECE's words: between the runs that hold something masked, they are all it finds.
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_ASCII_WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")  # the same, for ASCII text: quicker to search


def words(text: TextField) -> list[str]:
    """A text's words in lower case, with each thing the rules mask standing in its place as a token of its kind."""
    if not text.has_digit and "@" not in text.text and "www." not in text.text and "://" not in text.text:
        return text.words
    lowered = text.text.replace("’", "'").lower()
    plain = _ASCII_WORD if lowered.isascii() else _WORD
    found: list[str] = []
    start = 0
    # _PIECE is slow on plain words, and none of its tokens reaches across a space: it reads the runs of
    # non-spaces holding what may be masked, and the words between them are taken as words.
    for run in MASKABLE_RUN.finditer(lowered):
        found += plain.findall(lowered, start, run.start())
        for link, currency, masked, word in _PIECE.findall(run.group()):
            if word:
                found.append(word)
            elif link:
                found.append("<email>" if "@" in link else "<link>")
            else:
                found.append("<sum>" if currency else next((kind for kind, form in _KINDS if form.fullmatch(masked)), "<ref>"))
        start = run.end()
    found += plain.findall(lowered, start)
    return found


def tokens(words: Iterable[str], names: frozenset[str]) -> tuple[str, ...]:
    """A text's words and word pairs as the model weighs them (the training script makes them here too)."""
    single = list(map(_ABSTRACT.get, words, words))
    if not names.isdisjoint(single):
        single = [_NAME if word in names else word for word in single]
    return (*single, *map(" ".join, zip([_START, *single], single, strict=False)))


def margins(subject: Subject) -> dict[str, float]:
    """How far a note's log-odds under each reading pass its threshold (negative: short of it), for every reading at once."""
    return texts_margins(subject.texts, subject.names)


def texts_margins(texts: Iterable[TextField], names: frozenset[str]) -> dict[str, float]:
    """Each reading's intercept less its threshold, and what each text in its fields adds (``names``: the record's people)."""
    found = dict(_offsets())
    for text in texts:
        for code, score in _text_scores(text, names):
            found[code] += score
    return found


@cache
def _offsets() -> tuple[tuple[str, float], ...]:
    return tuple((code, reading.intercept - reading.threshold) for code, reading in readings().items())


def _text_scores(text: TextField, names: frozenset[str]) -> tuple[tuple[str, float], ...]:
    """What one text adds to the log-odds of each reading of its field: its tokens are made once and looked up once for them all."""
    key = (text.loc[0], text.text, names)
    found = _SCORES.get(key)
    if found is None:
        if len(_SCORES) > 16384:
            _SCORES.clear()
        codes, weights = _field_weights().get(text.loc[0], ((), {}))
        # A row of weights for each token some reading of the field weighs, summed by column: all in C.
        rows = list(filter(None, map(weights.get, tokens(words(text), names))))
        found = _SCORES[key] = tuple(zip(codes, map(sum, zip(*rows, strict=False)), strict=False)) if rows else ()
    return found


# Texts recur (a resolution's stock phrases, one customer's names on each of their notes): each is scored once.
_SCORES: dict[tuple[str | int, str, frozenset[str]], tuple[tuple[str, float], ...]] = {}


@cache
def _field_weights() -> dict[str | int, tuple[tuple[str, ...], dict[str, tuple[float, ...]]]]:
    """For each field, the codes of the readings of it, and for each token one of them weighs, its weight in each."""
    fields = {field for reading in readings().values() for field in reading.fields}
    found: dict[str | int, tuple[tuple[str, ...], dict[str, tuple[float, ...]]]] = {}
    for field in fields:
        of_field = [reading for reading in readings().values() if field in reading.fields]
        weighed = set().union(*(reading.weights for reading in of_field))
        found[field] = (tuple(r.code for r in of_field), {token: tuple(r.weights.get(token, 0.0) for r in of_field) for token in weighed})
    return found


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
    threshold = spec["threshold"]
    return Reading(code, tuple(spec["fields"]), spec["intercept"], math.log(threshold / (1 - threshold)), spec["weights"])


def applies(code: str, subject: Subject) -> bool:
    """Whether a rule's learned reading may look at this record: a note, and what the rule asks for not already there."""
    note = subject.note
    if note is None or code not in _READS_AS:
        return False
    if any(is_todo(text.text) for text in subject.texts):  # an outline still being filled in: its TODOs are S004's to report
        return False
    if code == "P105":
        return not note.has_follow_up
    if code == "P106":
        return not note.changes
    if code == "P104":
        return bool(note.resolution)
    return True


def learned_hits(code: str, subject: Subject, note_margins: Mapping[str, float]) -> Iterator[Hit]:
    """A finding under the rule's code when its learned reading passes the threshold (asked only where the rule found nothing).

    ``note_margins``: what ``margins`` gives for the subject, worked out once for all its rules."""
    # Most notes fall short: that is looked at first, and the rest only for those that pass.
    if note_margins.get(code, -1.0) < 0 or not applies(code, subject):
        return
    reading = readings()[code]
    texts = [text for text in subject.texts if text.loc[0] in reading.fields]
    kind, instead = _READS_AS[code]
    where = max(texts, key=lambda text: dict(_text_scores(text, subject.names)).get(code, 0.0))
    present = set(tokens(words(where), subject.names))
    # Heaviest first, equal weights in word order: the same note gives the same message in every run.
    weighed = sorted((t for t in present if reading.weights.get(t, 0.0) > 0), key=lambda t: (-reading.weights[t], t))
    # A word that opens the text weighs twice, alone and after the start: it is named once.
    named = list(dict.fromkeys(t.removeprefix(f"{_START} ") for t in weighed))[:3]
    shown = ", ".join(map(repr, named))
    if code == "P305":  # the judging words that weighed most say what to describe instead, as P305's own findings do
        instead = f"{instead}: {instead_of_judgement(' '.join(named))}"
    yield Hit(where.loc, f"reads as {kind} (learned reading: {shown}); {instead}", at_most="warning")
