"""Free text of a record, split into the pieces the wording rules look at.

A record's prose fields are listed here by path; whether each is factual
(exported to the customer) is read from the models' disclosure classes, never
decided here. Emails, links and anything with a digit (ids, amounts, dates)
are masked before words are taken, so they are never read as words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from pydantic import BaseModel

from ..models import Disclosure, disclosure_of

Loc = tuple[str | int, ...]

NOTE_PROSE: tuple[Loc, ...] = (("contact", "relationship"), ("reason",), ("resolution", "*"), ("follow_up", "action"), ("internal",))
CUSTOMER_PROSE: tuple[Loc, ...] = (("preferences", "*", "text"), ("flags", "*", "reason"), ("flags", "*", "guidance"))

_MASK = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+|[\w./-]*\d(?:[\w./-]*[\w/-])?")
# (A number ends before a full stop after it: "part DS-220. Assume ..." keeps its sentence break.)
# A run of non-spaces holding something _MASK blanks ('@', '://', 'www.' or a digit). _MASK never
# reaches across a space, and it is slow on plain words, so it is run on these runs alone.
MASKABLE_RUN = re.compile(r"(?<!\S)\S*?(?:@|://|www\.|\d)\S*")
_LINKS = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+")
# A word, in a group so that splitting on it keeps the words between the gaps.
_WORD = re.compile(r"([^\W\d_]+(?:['’][^\W\d_]+)*)")
_ASCII_WORD = re.compile(r"([A-Za-z]+(?:'[A-Za-z]+)*)")  # the same, for ASCII text: quicker to search
_DIGIT = re.compile(r"\d")
_NAME_WORD = re.compile(r"[^\W\d_]+")
# A space after an end mark, or line breaks: r"(?<=[.!?;])\s+|\n+", written to open on the space itself
# so that a search skips from space to space instead of trying every position. The full stop of a
# title before a name ends no sentence: "write to Ms. Olsen after".
_TITLES_BEFORE_A_NAME = frozenset("mr mrs ms mx dr prof".split())
# (one look-behind for each length of title: a look-behind has a fixed width)
_AFTER_NO_TITLE = "".join(
    rf"(?<!\b(?i:{'|'.join(sorted(t for t in _TITLES_BEFORE_A_NAME if len(t) == n))})\.\s)" for n in sorted({len(t) for t in _TITLES_BEFORE_A_NAME})
)
_SENTENCE_SPLIT = re.compile(rf"\s(?:(?<=[.!?;]\s){_AFTER_NO_TITLE}\s*|(?<=\n)\n*)")


def blank(match: re.Match[str]) -> str:
    """What a match is replaced with to take it out of a reading while every other character keeps its place."""
    return " " * len(match.group(0))


def _mask_run(run: re.Match[str]) -> str:
    return _MASK.sub(blank, run.group(0))


@dataclass
class TextField:
    """One piece of prose in a record, where it stands, and whether a customer may read it.

    Every rule reads the words of every text, so they are taken at once, as plain lists of strings
    that the rules look up by index.
    """

    loc: Loc
    text: str
    factual: bool
    masked: str = field(init=False)  # emails, links, ids and numbers blanked out (same length, so offsets hold)
    unmasked_links: str = field(init=False)  # only emails and links blanked: digits kept, for text-speak like 'b4'
    lowered: str = field(init=False)  # the masked text in lower case
    originals: list[str] = field(init=False)  # the words as written (apostrophes straightened)
    words: list[str] = field(init=False)  # the same words in lower case
    has_digit: bool = field(init=False)
    capitalised_inside: frozenset[str] = field(init=False)  # see capitalised_inside_sentences
    _pieces: list[str] = field(init=False, repr=False)  # gap, word, gap, word, ..., gap (words at odd indexes)

    def __post_init__(self) -> None:
        # The same text is prepared once (shared lists: no rule changes them); reasons and preferences recur.
        (self.has_digit, self.unmasked_links, self.masked, self.lowered, self._pieces, self.originals, self.words,
         self.capitalised_inside) = _prepare(self.text)

    @cached_property
    def starts(self) -> list[int]:
        """Where each word starts in the text (few rules need it, so it is worked out on demand)."""
        starts: list[int] = []
        position = 0
        for gap, word in zip(self._pieces[0::2], self.originals, strict=False):
            position += len(gap)
            starts.append(position)
            position += len(word)
        return starts

    def starts_sentence(self, index: int) -> bool:
        """Whether word ``index`` begins a sentence: the first word, or one after an end mark."""
        return _starts_sentence(self._pieces, index)


def _starts_sentence(pieces: list[str], index: int) -> bool:
    if index == 0:
        return True
    gap = pieces[2 * index]
    if gap == ". " and pieces[2 * index - 1].lower() in _TITLES_BEFORE_A_NAME:
        return False  # the full stop of a title ends no sentence: "seen by Dr. Amara Singh"
    return gap != " " and ("." in gap or "!" in gap or "?" in gap or "\n" in gap)


@lru_cache(maxsize=16384)
def _prepare(text: str) -> tuple[bool, str, str, str, list[str], list[str], list[str], frozenset[str]]:
    """has_digit, unmasked_links, masked, lowered, pieces, originals, words and capitalised_inside of a text (see TextField)."""
    text = text.replace("’", "'")
    has_link = "@" in text or "://" in text or "www." in text  # what an email or link needs
    has_digit = _DIGIT.search(text) is not None
    # Most prose has nothing to blank: skip the patterns then (they are the slow part).
    unmasked_links = _LINKS.sub(blank, text) if has_link else text
    masked = MASKABLE_RUN.sub(_mask_run, text) if has_link or has_digit else text
    pieces = (_ASCII_WORD if masked.isascii() else _WORD).split(masked)
    originals = pieces[1::2]
    # Lower-casing goes letter by letter and words hold no space: one call for them all is quicker than one each.
    words = " ".join(originals).lower().split(" ") if originals else []
    capitalised_inside: set[str] = set()
    for index, word in enumerate(originals):
        if word[0].isupper() and not word.isupper() and not _starts_sentence(pieces, index):
            capitalised_inside.add(words[index])
            capitalised_inside.add(words[index].removesuffix("'s").removesuffix("’s"))  # "Tamsk's water" names Tamsk
    return has_digit, unmasked_links, masked, masked.lower(), pieces, originals, words, frozenset(capitalised_inside)


def prose_fields(record: BaseModel, paths: tuple[Loc, ...]) -> list[TextField]:
    """Every non-empty prose value at ``paths`` ('*' walks a list), with its disclosure class."""
    found: list[TextField] = []
    for path in paths:
        _walk(record, path, 0, (), True, found)
    return found


def _is_factual(model: type, name: str) -> bool | None:
    """Whether a model's field is factual; None if the value is no model or has no such field (kept: every record asks)."""
    key = (model, name)
    if key not in _FACTUAL:
        field_info = model.model_fields.get(name) if issubclass(model, BaseModel) else None
        _FACTUAL[key] = None if field_info is None else disclosure_of(field_info) is Disclosure.FACTUAL
    return _FACTUAL[key]


_FACTUAL: dict[tuple[type, str], bool | None] = {}


def _walk(value: Any, path: Loc, start: int, loc: Loc, factual: bool, found: list[TextField]) -> None:
    """The prose at ``path[start:]`` under ``value`` (a field after a field in one call: every record is walked)."""
    for step in range(start, len(path)):
        head = path[step]
        if head == "*":
            if isinstance(value, (list, tuple)):
                for index, item in enumerate(value):
                    _walk(item, path, step + 1, (*loc, index), factual, found)
            return
        name = str(head)
        field_factual = _is_factual(type(value), name)
        if field_factual is None:
            return
        value, loc, factual = getattr(value, name), (*loc, head), factual and field_factual
    if isinstance(value, str) and value.strip():
        found.append(TextField(loc, value, factual))


def capitalised_inside_sentences(texts: list[TextField]) -> frozenset[str]:
    """Capitalised words that stand inside a sentence somewhere in a record: names, products."""
    return frozenset().union(*(text.capitalised_inside for text in texts))


def normalise_name(name: str) -> list[str]:
    """A person's name as lower-case words, without punctuation."""
    return list(_name_words(name))


@lru_cache(maxsize=4096)
def _name_words(name: str) -> tuple[str, ...]:
    # Names recur (the holder's on each of their notes, the contact's, the author's): read once each.
    return tuple(w.lower() for w in _NAME_WORD.findall(name))


def cut_short(short: str, name: str) -> bool:
    """Whether a first name is another cut short: "Jen" for Jennifer, "Kath" for Katherine (not "Daniel" for
    Danielle nor "Paul" for Paula: a letter or two short is a name of its own)."""
    return _SHORTEST <= len(short) <= len(name) - _LETTERS_CUT and name.startswith(short)


@lru_cache(maxsize=1024)
def names_cut_short(names: frozenset[str]) -> frozenset[str]:
    """Every name of ``names`` cut short (see cut_short) that is no name of them itself."""
    return frozenset(name[:end] for name in names for end in range(_SHORTEST, len(name) - _LETTERS_CUT + 1)) - names


_SHORTEST = 3  # letters of a name cut short: "Jen", "Ros"
_LETTERS_CUT = 3  # at least, from the end of the name


@lru_cache(maxsize=1024)
def sentences(text: str) -> tuple[str, ...]:
    """The sentences of a text (several rules read the same text's sentences: split once)."""
    return tuple(s for s in _SENTENCE_SPLIT.split(text) if s.strip())


# Short words a title leaves in lower case: "Eternal Sunshine of the Spotless Mind".
_TITLE_SMALL_WORDS = frozenset("a an the of and or in on at to for with by from".split())
_QUOTED = re.compile(r"[\"“„'‘]([^\"“”„'‘’\n]{3,120})[\"”'’]")
# Words in single quotes, an apostrophe inside a word let through ('I can't hear myself think').
SINGLE_QUOTED = re.compile(r"(?<![\w'’])['‘]((?:[^'‘’\n]|(?<=[^\W\d_])['’](?=[^\W\d_])){2,400}?)['’](?![\w])")


def in_title_case(words: str) -> bool:
    """Whether quoted words are a title, every word of two or more capitalised but the short ones
    ("Take Me Home Tonight", "My Bloody Valentine"): the name of a show, a film or a product, not speech."""
    found = _NAME_WORD.findall(words)
    capitalised = [word for word in found if word[0].isupper()]
    return len(capitalised) >= 2 and found[0][0].isupper() and all(word[0].isupper() or word in _TITLE_SMALL_WORDS for word in found)


def quoted_titles(text: str) -> list[str]:
    """The quotations of a text that are titles (see in_title_case), in lower case."""
    return [match.group(1).lower() for match in _QUOTED.finditer(text) if in_title_case(match.group(1))]
