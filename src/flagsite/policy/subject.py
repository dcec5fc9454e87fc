"""What a policy rule looks at: one record, its prose, and the words known to be right."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..config import Config
from ..models import Customer, FollowUp, Note, PolicyException
from .lexicon import Lexicon, lexicon_for
from .text import CUSTOMER_PROSE, NOTE_PROSE, TextField, capitalised_inside_sentences, normalise_name, prose_fields


@dataclass
class Subject:
    texts: list[TextField]
    lexicon: Lexicon
    names: frozenset[str]  # lower-case words of the people's names in the record (customer, contact, staff)
    config: Config
    today: dt.date
    note: Note | None = None
    proper_words: frozenset[str] = frozenset()  # capitalised inside a sentence somewhere in the record
    vocabulary: frozenset[str] = frozenset()  # words of the configured vocabulary (flag types, dispositions)

    @cached_property
    def known_words(self) -> frozenset[str]:
        """Words never misspelt here: names in the record and the configured vocabulary."""
        return self.names | self.vocabulary
    customer: Customer | None = None
    exceptions: list[PolicyException] = field(default_factory=list)
    silenced_used: set[str] = field(default_factory=set)  # codes whose findings an exception silenced
    _insults: dict[int, list[str]] = field(default_factory=dict, init=False, repr=False)  # by id of the text
    _clauses: dict[str, TextField] = field(default_factory=dict, init=False, repr=False)  # see resolution_clause

    @property
    def factual_texts(self) -> list[TextField]:
        return [t for t in self.texts if t.factual]

    def derogatory_in(self, text: TextField) -> list[str]:
        """The insults and profanity in one of the record's texts: several rules ask, they are found once."""
        found = self._insults.get(id(text))
        if found is None:
            found = self.lexicon.derogatory_in(text, lambda: self.about_blood)
            if found:
                found = [word for word in found if not self._literal(word, text)]
            self._insults[id(text)] = found
        return found

    def resolution_clause(self, clause: str) -> TextField:
        """A clause of a resolution entry as a text of its own, for a reading of whole texts to read it alone; kept
        while the record is read, so what is found in it once (its insults) stays its own."""
        found = self._clauses.get(clause)
        if found is None:
            found = self._clauses[clause] = TextField(("resolution",), clause, True)
        return found

    def _literal(self, word: str, text: TextField) -> bool:
        """Whether a word of the list means here what it says: the name of someone in the record ("Karen
        will send the invoice", a staff user name or "Karen Alvarez") or written as one, or a female dog in a
        record about dogs."""
        if word in self.first_names or _written_as_a_name(word, text):
            return True
        return _a_female_dog(word, text) and self.about_dogs and _CALLED_ONE.search(text.lowered) is None

    @cached_property
    def first_names(self) -> frozenset[str]:
        """The record's people's names, and capitalised words before a capitalised surname ("Karen Alvarez")."""
        before_a_surname = {m.group(1).lower() for text in self.texts for m in _BEFORE_A_SURNAME.finditer(text.text)}
        return self.names | before_a_surname

    @cached_property
    def about_dogs(self) -> bool:
        """Whether the record speaks of dogs: there a "bitch" is a female dog."""
        return any(not _OF_DOGS.isdisjoint(text.words) or _A_DOG_IN_SEASON.search(text.lowered) for text in self.texts)

    @cached_property
    def about_blood(self) -> bool:
        """Whether the record speaks of an injury, an illness or an operation that bleeds: there "bloody" is no oath."""
        return any(not _OF_BLOOD.isdisjoint(text.words) for text in self.texts)


_BEFORE_A_SURNAME = re.compile(r"\b([A-Z][a-z]+)\s+[A-Z][a-z]+")
# Words that call someone by a name used as an insult: "a Karen", "went full Karen", "such a Karen".
_CALLING_ONE = frozenset("a an the such full total real right proper absolute complete typical utter classic bit some".split())
# After a name opening a sentence, where the person works: "Karen in accounts", "Dick from the yard".
_WHERE_THEY_WORK = frozenset("in from at on".split())


def _written_as_a_name(word: str, text: TextField) -> bool:
    """Whether a single word is written as someone's name wherever it stands: capitalised, not after a word that
    calls someone one ("passed it to Karen in accounts"; not "went full Karen", "a bit of a Karen"), and,
    opening a sentence, before where they work ("Karen in accounts emailed it"; not "Idiot hung up")."""
    places = [index for index, w in enumerate(text.words) if w == word]
    return bool(places) and all(
        text.originals[index][:1].isupper()
        and not (index > 0 and text.words[index - 1] in _CALLING_ONE)
        and not (index > 1 and text.words[index - 2] in ("a", "an"))
        and (not text.starts_sentence(index) or (index + 1 < len(text.words) and text.words[index + 1] in _WHERE_THEY_WORK))
        for index in places
    )
def _a_female_dog(word: str, text: TextField) -> bool:
    """Whether a word may name a female dog: "bitch", or "bitches" unless someone does it ("bitches in season"; not
    "she bitches about the price")."""
    return word == "bitch" or (
        word == "bitches" and all(text.words[index - 1] not in _DOERS for index, w in enumerate(text.words) if w == word and index > 0)
    )


# Who does a verb of complaining: "she bitches about it", "who always bitches".
_DOERS = frozenset("i we you he she they who always constantly just still".split())
# Someone called a bitch, or a judging word before it: an insult even among dogs.
_CALLED_ONE = re.compile(
    r"\bcall(?:ed|ing|s)?\s+(?:[a-z]+\s+){0,2}an?\s+(?:[a-z-]+\s+)?bitch|\b(?:stuck-up|stupid|silly|nasty|old|mad|crazy|lazy|jealous|spiteful|total|absolute|right|such a)\s+bitch"
)
_OF_DOGS = frozenset(
    """dog dogs puppy puppies pup pups kennel kennels breed breeder litter whelp whelped whelping stud spayed neutered canine
    daycare spaniel terrier labrador retriever collie poodle greyhound whippet lurcher""".split()
)
_A_DOG_IN_SEASON = re.compile(r"\b(?:in season|on heat|in heat|in whelp)\b")
# ("bleeding" itself is not one: it is the oath being judged; a wound that bleeds is named beside it)
_OF_BLOOD = frozenset(
    """blood bleed bleeds bled nosebleed cut cuts wound wounds wounded injury injuries injured graze grazed bite
    bitten scratch scratched stool stools vomit vomiting vomited diarrhoea diarrhea urine discharge
    surgery surgical operation op stitches sutures spay spayed spaying neuter neutered castration extraction extracted
    haemorrhage hemorrhage clot clotting transfusion anticoagulant anticoagulants warfarin""".split()
)


_VOCABULARY: dict[int, tuple[Config, frozenset[str]]] = {}


def _vocabulary(config: Config) -> frozenset[str]:
    """The configured vocabulary's words, computed once per configuration object."""
    known = _VOCABULARY.get(id(config))
    if known is None or known[0] is not config:
        if len(_VOCABULARY) > 16:
            _VOCABULARY.clear()
        known = _VOCABULARY[id(config)] = (config, frozenset(_words_of(config)))
    return known[1]


def _words_of(config: Config) -> set[str]:
    names: set[str] = set()
    for term in [*config.flag_types, *config.dispositions, *config.channels]:
        names.update(re.findall(r"[a-z]+", term.lower()))
    for flag_type in config.flag_types.values():
        names.update(normalise_name(flag_type.label))
    return names


def note_subject(note: Note, customer: Customer | None, config: Config, today: dt.date) -> Subject:
    names = set(normalise_name(note.contact.name)) | {note.author.lower()}
    if customer is not None:
        names.update(normalise_name(customer.name))
    if isinstance(note.follow_up, FollowUp):
        names.add(note.follow_up.owner.lower())
    texts = prose_fields(note, NOTE_PROSE)
    return _subject(texts, names, config, today, note=note, customer=customer, exceptions=list(note.policy_exceptions))


def customer_subject(customer: Customer, config: Config, today: dt.date) -> Subject:
    names = set(normalise_name(customer.name))
    names.update(flag.created_by.lower() for flag in customer.flags)
    texts = prose_fields(customer, CUSTOMER_PROSE)
    for text in texts:
        # A flag of a non-factual type (an assessment) is never exported: it may hold a judgement.
        if text.loc[0] == "flags":
            flag_type = config.flag_type(customer.flags[int(text.loc[1])].type)
            text.factual = text.factual and (flag_type is None or flag_type.factual)
    return _subject(texts, names, config, today, customer=customer, exceptions=list(customer.policy_exceptions))


def _subject(texts: list[TextField], names: set[str], config: Config, today: dt.date, **record: Any) -> Subject:
    return Subject(
        texts=texts,
        proper_words=capitalised_inside_sentences(texts),
        vocabulary=_vocabulary(config),
        lexicon=lexicon_for(config.policy),
        names=frozenset(names),
        config=config,
        today=today,
        **record,
    )
