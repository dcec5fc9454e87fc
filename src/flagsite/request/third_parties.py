"""Other people's data in a customer's copy: found, redacted as ``[third party]``, and listed.

What is another person's: the names, email addresses, phone numbers and ids of every
other customer; the names of the contacts of every note (the wife who rang, the son
with power of attorney) except the account holder and the requester; any email address
or phone number, in any written form, that is not the customer's own; a name after a
title (``Mr Daniel Okafor``) or beside a relationship (``Anjali Verma, wife``, ``son
Tom``); and a sentence that tells a relative's health (a child's allergy).

Each redaction is an item with a stable id, so the reviewer can keep one with a
recorded reason (see ``decisions``) and the next run finds the same id.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..catalog import Catalog, CustomerEntry
from ..export.disclose import Disclosed, Section
from ..export.outline import section_title
from ..render.search_index import phone_digits, same_phone, words

REDACTED = "[third party]"

_EMAIL = re.compile(r"[^\s@<>()\[\],;:\"']+@[^\s@<>()\[\],;:\"']+\.[^\s@<>()\[\],;:\"'.]+")
# Seven or more digits with the separators people write; an ISO date is not a phone number.
_PHONE = re.compile(r"(?<![\w+-])\+?\(?\d[\d ().\-/]{5,}\d(?!\w)")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NAME = r"[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2}"
_TITLED = re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame)\.?\s+(?P<name>{_NAME})")
_RELATIVES = (
    "wife|husband|partner|spouse|son|daughter|child|children|kid|kids|baby|mother|father|mum|mom|dad|parent|brother|sister|"
    "grandson|granddaughter|grandmother|grandfather|grandchild|nephew|niece|aunt|uncle|cousin|neighbour|neighbor|"
    "friend|carer|caregiver|tenant|lodger|flatmate|roommate|colleague|boss|employer|fiancee|fiance|stepson|stepdaughter"
)
_RELATIVE_THEN_NAME = re.compile(rf"\b(?i:{_RELATIVES})\s+(?P<name>{_NAME})")
_NAME_THEN_RELATIVE = re.compile(
    rf"(?P<name>{_NAME}),?\s+(?i:\((?:the\s+)?(?:{_RELATIVES})\)|(?:(?:his|her|their|the\s+customer's)\s+)?(?:{_RELATIVES})\b)"
)
_HEALTH = re.compile(
    r"allerg|asthma|diabet|diagnos|medical|medicat|illness|\bill\b|disab|pregnan|epilep|hospital|surgery|therapy|autis|adhd|"
    r"dementia|cancer|condition|coeliac|celiac|intoleran|anaphyla|epipen|wheelchair|mental health|depress",
    re.IGNORECASE,
)
_RELATIVE = re.compile(rf"\b(?:{_RELATIVES})s?\b", re.IGNORECASE)
# Capitalised words that open a sentence before a relationship ("The son rang"), not names.
_NOT_NAMES = {"the", "a", "an", "her", "his", "their", "my", "our", "your", "this", "that", "customer", "client", "and", "with", "from", "for", "to"}
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


@dataclass(frozen=True)
class Mention:
    item: str  # a stable id: the reviewer keeps an item by it
    where: str  # the section and field of the customer's copy
    text: str  # what was found
    kind: str  # why it is another person's


@dataclass
class Known:
    """Who is not another person (the customer, the requester), and the other people the records name."""

    own_words: set[tuple[str, ...]]
    own_emails: set[str]
    own_phones: set[str]
    names: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)  # name's words → (kind, the name as written)
    emails: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    _by_first: dict[str, list[tuple[str, str]]] | None = None

    def own_name(self, text: str) -> bool:
        found = tuple(words(text))
        return any(found == own[-len(found):] or found == own[: len(found)] for own in self.own_words if found)

    def names_in(self, text: str) -> list[tuple[str, str]]:
        """The known names that may be in ``text``: those whose first word it holds (thousands of names, a few words)."""
        if self._by_first is None:
            self._by_first = {}
            for name_words, (kind, written) in self.names.items():
                if name_words:
                    self._by_first.setdefault(name_words[0], []).append((written, kind))
        return [name for word in set(words(text)) for name in self._by_first.get(word, [])]

    def own_phone(self, text: str) -> bool:
        digits = phone_digits(text)
        return any(same_phone(digits, own) for own in self.own_phones)


def known_people(catalog: Catalog, entry: CustomerEntry, requester: str | None) -> Known:
    own_names = [entry.customer.name] + ([requester] if requester else [])
    known = Known(
        own_words={tuple(words(name)) for name in own_names},
        own_emails={email.lower() for email in entry.customer.contacts.emails},
        own_phones={phone_digits(phone) for phone in entry.customer.contacts.phones},
    )
    for other in catalog.customers.values():
        if other.id != entry.id:
            known.names.setdefault(tuple(words(other.customer.name)), ("another customer's name", other.customer.name))
            known.emails.update(email.lower() for email in other.customer.contacts.emails)
            known.ids.add(other.id)
        for note in other.notes:
            known.names.setdefault(tuple(words(note.note.contact.name)), ("a note contact's name", note.note.contact.name))
    for own in known.own_words:
        known.names.pop(own, None)
    known.ids.discard(entry.id)
    return known


def find(text: str, known: Known) -> list[tuple[int, int, str]]:
    """Spans of ``text`` holding another person's data: (start, end, kind), in order, not overlapping."""
    spans: list[tuple[int, int, str]] = []
    for sentence in _SENTENCE.finditer(text):
        if _HEALTH.search(sentence.group()) and _RELATIVE.search(sentence.group()):
            lead = len(sentence.group()) - len(sentence.group().lstrip())
            spans.append((sentence.start() + lead, sentence.end(), "a relative's health"))
    for match in _EMAIL.finditer(text):
        if match.group().lower() not in known.own_emails:
            spans.append((match.start(), match.end(), "an email address not the customer's"))
    for match in _PHONE.finditer(text):
        number, start = match.group(), match.start()
        if number.startswith("(") and ")" not in number:  # "(020 7946 0018)": the bracket around it is not part of it
            number, start = number[1:], start + 1
        if len(phone_digits(number)) >= 7 and not _DATE.fullmatch(number.strip()) and not known.own_phone(number):
            spans.append((start, match.end(), "a phone number not the customer's"))
    for other_id in (i for i in known.ids if i in text):
        spans += [(m.start(), m.end(), "another customer's id") for m in re.finditer(rf"(?<![\w-]){re.escape(other_id)}(?![\w-])", text)]
    for written, kind in known.names_in(text):
        pattern = r"\s+".join(re.escape(part) for part in written.split())
        if pattern:
            spans += [(m.start(), m.end(), kind) for m in re.finditer(rf"(?<!\w){pattern}(?!\w)", text, re.IGNORECASE)]
    for regex, kind in ((_TITLED, "a name after a title"), (_RELATIVE_THEN_NAME, "a relative's name"), (_NAME_THEN_RELATIVE, "a relative's name")):
        for match in regex.finditer(text):
            name = match.group("name")
            if not known.own_name(name) and name.split()[0].lower() not in _NOT_NAMES:
                spans.append((match.start("name"), match.end("name"), kind))
    return _merged(spans)


def _merged(spans: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    merged: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(spans):
        if merged and start <= merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2])
        else:
            merged.append((start, end, kind))
    return merged


def item_id(where: str, text: str) -> str:
    return "TP-" + hashlib.sha256(f"{where}\0{text}".encode()).hexdigest()[:10]


def redact(disclosed: Disclosed, known: Known, kept: set[str]) -> list[Mention]:
    """Replace every mention in the copy's text by ``[third party]``, except the items kept; return them all."""
    mentions: list[Mention] = []
    _section(disclosed.customer, "Customer", known, kept, mentions)
    for name, sections in disclosed.lists.items():
        for index, section in enumerate(sections, 1):
            _section(section, f"{name.capitalize()}: {section_title(section, index, disclosed.labels)}", known, kept, mentions)
    return mentions


def redact_data(value: object, where: str, known: Known, kept: set[str], mentions: list[Mention]) -> object:
    """Plain data (text, lists, mappings: a past version from the history) with mentions redacted."""
    return _value(value, where, known, kept, mentions)


def _section(section: Section, where: str, known: Known, kept: set[str], mentions: list[Mention]) -> None:
    for item in section.items:
        item.value = _value(item.value, f"{where}, {item.name}", known, kept, mentions)


def _value(value: object, where: str, known: Known, kept: set[str], mentions: list[Mention]) -> object:
    if isinstance(value, Section):
        _section(value, where, known, kept, mentions)
        return value
    if isinstance(value, list):
        return [_value(v, f"{where} {i}" if len(value) > 1 else where, known, kept, mentions) for i, v in enumerate(value, 1)]
    if isinstance(value, dict):
        return {key: _value(v, f"{where}, {key}", known, kept, mentions) for key, v in value.items()}
    if not isinstance(value, str):
        return value
    out = value
    for start, end, kind in reversed(find(value, known)):
        mention = Mention(item_id(where, value[start:end]), where, value[start:end], kind)
        mentions.append(mention)
        if mention.item not in kept:
            out = out[:start] + REDACTED + out[end:]
    return out


__all__ = ["REDACTED", "Known", "Mention", "find", "known_people", "redact", "redact_data"]
