"""Free text of a record, split into the pieces the wording rules look at.

A record's prose fields are listed here by path; whether each is factual
(exported to the customer) is read from the models' disclosure classes, never
decided here. Emails, links and anything with a digit (ids, amounts, dates)
are masked before words are taken, so they are never read as words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from pydantic import BaseModel

from ..models import Disclosure, disclosure_of

Loc = tuple[str | int, ...]

NOTE_PROSE: tuple[Loc, ...] = (("contact", "relationship"), ("reason",), ("resolution", "*"), ("follow_up", "action"), ("internal",))
CUSTOMER_PROSE: tuple[Loc, ...] = (("preferences", "*", "text"), ("flags", "*", "reason"), ("flags", "*", "guidance"))

_MASK = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+|[\w./-]*\d[\w./-]*")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_LINKS = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+")
_NAME_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?;])\s+|\n+")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    sentence_start: bool
    lower: str  # the word in lower case, apostrophes straightened


@dataclass
class TextField:
    """One piece of prose in a record, where it stands, and whether a customer may read it."""

    loc: Loc
    text: str
    factual: bool

    @cached_property
    def masked(self) -> str:
        """The text with emails, links, ids and numbers blanked out (same length, so offsets hold)."""
        return _MASK.sub(lambda m: " " * len(m.group(0)), self.text.replace("’", "'"))

    @cached_property
    def unmasked_links(self) -> str:
        """The text with only emails and links blanked: digits kept, for text-speak like 'b4'."""
        return _LINKS.sub(lambda m: " " * len(m.group(0)), self.text.replace("’", "'"))

    @cached_property
    def tokens(self) -> list[Token]:
        masked = self.masked
        tokens: list[Token] = []
        previous_end = -1
        for m in _WORD.finditer(masked):
            # A sentence starts at the text's start or after an end mark between this word and the last.
            gap = masked[previous_end : m.start()] if previous_end >= 0 else "."
            starts = gap != " " and ("." in gap or "!" in gap or "?" in gap or "\n" in gap)
            word = m.group(0)
            tokens.append(Token(word, m.start(), starts, word.lower()))
            previous_end = m.end()
        return tokens

    @cached_property
    def lowered(self) -> str:
        return self.masked.lower()

    @cached_property
    def words(self) -> list[str]:
        return [t.lower for t in self.tokens]


def prose_fields(record: BaseModel, paths: tuple[Loc, ...]) -> list[TextField]:
    """Every non-empty prose value at ``paths`` ('*' walks a list), with its disclosure class."""
    found: list[TextField] = []
    for path in paths:
        _walk(record, path, (), True, found)
    return found


@lru_cache(maxsize=None)
def _is_factual(model: type[BaseModel], name: str) -> bool:
    return disclosure_of(model.model_fields[name]) is Disclosure.FACTUAL


def _walk(value: Any, rest: Loc, loc: Loc, factual: bool, found: list[TextField]) -> None:
    if not rest:
        if isinstance(value, str) and value.strip():
            found.append(TextField(loc, value, factual))
        return
    head, tail = rest[0], rest[1:]
    if head == "*":
        if isinstance(value, (list, tuple)):
            for index, item in enumerate(value):
                _walk(item, tail, loc + (index,), factual, found)
        return
    if not isinstance(value, BaseModel) or head not in type(value).model_fields:
        return
    field_factual = _is_factual(type(value), str(head))
    _walk(getattr(value, str(head)), tail, loc + (head,), factual and field_factual, found)


def capitalised_inside_sentences(texts: list[TextField]) -> set[str]:
    """Capitalised words that stand inside a sentence somewhere in a record: names, products."""
    return {t.lower for text in texts for t in text.tokens if t.text[0].isupper() and not t.sentence_start and not t.text.isupper()}


def normalise_name(name: str) -> list[str]:
    """A person's name as lower-case words, without punctuation."""
    return [w.lower() for w in _NAME_WORD.findall(name)]


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_SPLIT.split(text) if s.strip()]
