"""The word knowledge the wording rules use, built once per process and settings.

Spelling comes from SCOWL's American and British word lists (shipped in flagsite's
wheel) and pyspellchecker's English word-frequency list (shipped in its wheel); how strongly a word judges comes from VADER's sentiment lexicon
(shipped in the vaderSentiment wheel). Both load from package data, never
from the network. Loading takes a fraction of a second, so it happens once
per worker process, on the first record that needs it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import chain
from typing import Any

from ..rule_settings import PolicySettings
from . import words
from .text import TextField, quoted_titles

_ADJECTIVE_ENDINGS = ("ful", "ous", "ive", "able", "ible", "ic", "ish", "less", "ant", "ent", "some", "ly")
# VADER scores words from -4 to +4; at this strength a word about a person judges them.
JUDGING_VALENCE = 1.5

# British spellings pyspellchecker's list lacks, as (ending, American ending).
_VARIANT_ENDINGS = (
    ("isation", "ization"), ("isations", "izations"), ("ise", "ize"), ("ised", "ized"), ("ises", "izes"),
    ("ising", "izing"), ("iser", "izer"), ("yse", "yze"), ("ysed", "yzed"), ("our", "or"), ("ours", "ors"),
    ("oured", "ored"), ("ouring", "oring"), ("tre", "ter"), ("tres", "ters"), ("ogue", "og"), ("ence", "ense"),
    ("amme", "am"), ("ammes", "ams"), ("eque", "eck"), ("eques", "ecks"), ("lled", "led"), ("lling", "ling"),
)
# How often a word must occur in pyspellchecker's list to count as half of a compound.
_COMMON = 1000
# A word this frequent in pyspellchecker's list is a word first, whatever else it is ("will", "mark"; not "liz", "tom").
_FREQUENT = 20000
# No compound of two common words is longer; a longer "word" is not split (each split costs its length).
_LONGEST_COMPOUND = 40
# The particles English joins to a verb or a noun to make a word of its own: upsell, outbid, offload, backdate.
# Words of three letters that join, point or stand for a name: joined to the next word they are a missed space.
_SHORT_FUNCTION_WORDS = frozenset(
    "the and but for nor yet not any all few its his her our you she him who why how was are has had can did may got let one two".split()
)
_PARTICLES = ("up", "out", "down", "off", "back", "over", "under", "in", "on", "by")
_ABBREVIATIONS = frozenset("approx dept mins hrs texted texting amex info admin app apps tech techs".split())


@lru_cache(maxsize=1)
def _spellchecker() -> Any:  # pyspellchecker has no type information
    from .spelling import english_checker

    return english_checker()


@lru_cache(maxsize=2)
def _english_words(size: int) -> Collection[str]:
    from .spelling import english_words

    return english_words(size)


@lru_cache(maxsize=1)
def _web_words() -> Collection[str]:
    from .spelling import web_words

    return web_words()


def a_frequent_word(word: str) -> bool:
    """Whether a word is frequent in English text ("will", "mark", "rob"): a name that is one ("Will") is read as the word."""
    return bool(_spellchecker().word_frequency[word] >= _FREQUENT)


def a_plural(word: str) -> bool:
    """Whether a word in -s is the plural of a common word ("invoices", "glasses"), not a name ("Thomas", "Jess")."""
    frequency = _spellchecker().word_frequency
    return word.endswith("s") and (frequency[word[:-1]] >= _COMMON or (word.endswith("es") and frequency[word[:-2]] >= _COMMON))


def a_past_tense(word: str) -> bool:
    """Whether a word in -ed is the past of a common verb ("replied", "stopped", "confirmed"), not a name ("Ahmed", "Fred")."""
    if len(word) < 5 or not word.endswith("ed"):
        return False
    frequency = _spellchecker().word_frequency
    stems = (word[:-1], word[:-2], word[:-3] + "y") + ((word[:-3],) if word[-3] == word[-4] else ())  # confirmed, replied, stopped
    return frequency[word] >= _COMMON and any(frequency[stem] >= _COMMON for stem in stems)


@lru_cache(maxsize=1)
def _valences() -> dict[str, float]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return {w: v for w, v in SentimentIntensityAnalyzer().lexicon.items() if w.isalpha()}


def _phrase_pattern(phrases: list[str]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    alternatives = "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))
    return re.compile(rf"(?<![\w@/-])(?:{alternatives})(?![\w@/-]|'\w)", re.IGNORECASE)


# A digit written for a word: "wants 2 know" (to), "sent 4 her" (for). A count is followed by
# what is counted ("needs 2 filters", "2 more", "2 x 5 m"); "to" is followed by a verb, after a
# word that takes one ("wants", "going", "able"); "for" by a person or "now".
_DIGIT_FOR_TO = re.compile(
    r"\b(?:want|wants|wanted|need|needs|needed|going|got|has|have|had|able|unable|trying|tried|like|likes|liked|hoping|hope"
    r"|hopes|asked|asks|plans?|planning|wish|wishes|wished|used|ought|supposed|ready|how|what|where|whether|happy|keen)"
    r"\s+(2)\s+(?!(?:more|less|extra|of|or|and|to|per|each|other|new|spare|big|small|large|full|half|separate|different|left|in|on|at|x"
    r"|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october"
    r"|november|december|am|pm|hour|day|week|month|year|night|mile|metre|meter|litre|liter|pack|piece|kg|km|cm|mm|ml|lb|oz|ft|m|l|g)\b)"
    r"([a-z]+)\b(?!['-])"
)
# After a verb of going or doing ("came 2 see", "popped round 2 check", "went over 2 open it"), "2" is "to"
# when a verb follows it; a count is followed by what is counted ("booked 2 double rooms", "replaced 2 cracked tiles").
_DIGIT_AFTER_GOING = re.compile(
    r"\b(?:[a-z]+ed|came|come|comes|went|go|goes|rang|ran|drove|round|over|back|up|down|out|in|along|across|by|here|there|home)"
    r"\s+(2)\s+([a-z]+)\b(?!['-])(?:\s+([a-z]+))?"
)
_BEFORE_A_NOUN = frozenset("a an the this that one another each every first second third last long short bad nasty severe mild recent latest next final".split())
_NOT_PLURALS = frozenset("his its this is was us as has does yes plus tues weds thurs".split())  # (and days: "2 collect weds")
_DIGIT_FOR_FOR = re.compile(
    r"(?<![\d.,£$€#/-])\b(4)\s+(?:u|you|me|him|her|them|us|now|ever)\b(?!['-])"
    # Before "another": a count comes after it ("another 4"), never before ("a token 4 another wash").
    r"|(?<![\d.,£$€#/-])\b(4)\s+another\b"
    # After a verb in -ing or -ed, before a determiner: "waiting 4 the part", "asked 4 a refund" (not "at 4 the van came").
    r"|\b[a-z]+(?:ing|ed)\s+(4)\s+(?:the|a|an|his|her|their|my|our|your|this|that|it)\b(?!['-])"
    # (not a count of a time: "fitted 4 the first week")
    r"(?!\s+(?:first|second|third|next|last|following|same|whole|previous)\s+(?:week|day|month|year|night|hour|time|visit)s?\b)"
    # After a noun, before a determiner and a noun: "a new hinge 4 the lid" (not "arrived at 4 the next day": a time).
    r"|(?<!\bat)(?<!\bby)(?<!\bto)(?<!\buntil)(?<!\btill)(?<!\bfrom)(?<!\bbefore)(?<!\bafter)(?<!\baround)(?<!\babout)(?<!\bpast)"
    # (a numbered place or thing is no noun of this kind: "Table 4 the Smith party", "room 4 the end one")
    r"(?<!\broom)(?<!\bflat)(?<!\bunit)(?<!\bbay)(?<!\bplot)(?<!\bgate)(?<!\bdoor)"
    r"(?<!\btable)(?<!\bseat)(?<!\brow)(?<!\bblock)(?<!\bfloor)(?<!\blevel)(?<!\bpitch)(?<!\bcourt)(?<!\bline)(?<!\bpage)(?<!\broute)(?<!\bzone)"
    # ("4 a quick word", "4 an update": a count comes before no article, but a rate does: "4 a day", "4 a head")
    r"(?<=[a-z])\s+(4)\s+(?:the|his|her|their|my|our|your|an?(?!\s+(?:day|week|month|year|night|time|head|side|piece|pop|go|person|hour|minute|fortnight)\b))"
    r"\s+(?!(?:first|second|third|next|last|following|same|whole|previous)\b)[a-z]+"
    # After a word that takes "for", before what it is for: "ready 4 collection", "thanks 4 waiting", "eligible 4 cover"
    # (a count is followed by what is counted, a plural, or "of": "booked 4 seats", "ready 4 days early", "ready 4 of the 6").
    r"|\b(?:ready|thanks|thank|eligible|suitable|responsible|waiting|wait|looking|apply|applied|qualify|qualifies|pay|paid|charge|charged"
    r"|booked|book|time|room|space|enough)\s+(4)\s+(?!(?:of|or|and|to|more|less|x|am|pm|each|per|hour|hours|day|days|week|weeks|month|months"
    r"|year|years|night|nights|mins?|minutes|hrs?|people|times|items|pieces|units|kg|km|m|mm|cm)\b)(?:[a-z]{2,}[a-rt-z]|[a-z]+ss)\b(?!['-])"
)


# After a verb of sending or telling, before a person or what is theirs, "2" is "to": "sent 2 her mobile",
# "explained 2 him" (a count is followed by what is counted: "relaid 2 slabs").
_DIGIT_FOR_TO_A_PERSON = re.compile(
    r"\b(?:sent|send|sends|sending|text|texted|texting|emailed|email|posted|passed|handed|explained|replied|wrote|write|spoke|speak|talked|talk"
    r"|went|go|came|come|back|over)\s+(2)\s+(?:her|him|them|me|us|you|his|their|my|our|your)\b(?!['-])"
)
# After a person, "2" before a verb and what it acts on is "to": "told her 2 check the site", "asked him 2 move
# the car" (a count is followed by what is counted: "gave her 2 vouchers", "sold him 2 spare keys").
_DIGIT_FOR_TO_AFTER_A_PERSON = re.compile(
    r"\b(?:her|him|them|me|us|you)\s+(2)\s+([a-z]+)\s+(?:the|a|an|his|her|their|my|our|your|it|this|that|them|him|me|us|up|back|out|in|off|over|round)\b"
    # (after a person asked or told, whatever follows the verb: "asked her 2 ring if it starts again")
    r"|\b(?:told|tell|tells|telling|asked|ask|asks|asking|reminded|remind|advised|advise)\s+(?:her|him|them|me|us|you)\s+(2)\s+([a-z]+)\b(?!['-])"
)
# After a doer named by their job or team, "2" before a verb is "to": their task ("joiner 2 refit it thurs", "van crew 2
# collect Weds"); a count after a person is followed by what is counted ("gave her team 2 twin rooms").
_DIGIT_FOR_TO_AFTER_A_DOER = re.compile(
    r"\b(?:" + "|".join(sorted(words.ROLE_NAMES | {"crew", "joiner", "plumber", "electrician", "fitter", "tech", "housekeeping", "porter", "we"}))
    + r")\s+(2)\s+([a-z]+)\b(?!['-])(?:\s+([a-z]+))?"
)
# Each pattern above reads its digit alone, after no letter or digit and before a space: a quick look for one.
# (The digit comes first, what stands before it is looked at after it: a search then skips from digit to digit.)
_LONE_DIGIT = re.compile(r"([24])(?<!\w[24])\s")


def _digits_for_words(written: str, is_verb: Callable[[str], bool]) -> list[tuple[str, str]]:
    """Digits written for words in a text (as written: a number after a capitalised word names a thing)."""
    found: list[tuple[str, str]] = []
    source = written.lower()
    lone = set(_LONE_DIGIT.findall(source))  # most texts hold neither ('2026', '24.50' are not alone)
    if not lone:
        return found
    if len(source) != len(written):
        written = source  # (a letter whose lower case is longer: positions no longer match; read it all as lower case)

    def unnamed(match: re.Match[str], group: int = 1) -> bool:
        digit = next((g for g in range(1, (match.lastindex or 0) + 1) if match.group(g) in ("2", "4")), group)
        return not _a_numbered_thing(written, match.start(digit))

    if "2" in lone and (
        any(unnamed(m) for m in _DIGIT_FOR_TO_A_PERSON.finditer(source))
        or any(is_verb(m.group(2) or m.group(4)) and unnamed(m) for m in _DIGIT_FOR_TO_AFTER_A_PERSON.finditer(source))
        or any(not m.group(2).endswith("s") and unnamed(m) for m in _DIGIT_FOR_TO.finditer(source))
        or any(
            is_verb(m.group(2)) and (not (m.group(3) or "").endswith("s") or m.group(3) in _NOT_PLURALS) and unnamed(m)
            for pattern in (_DIGIT_AFTER_GOING, _DIGIT_FOR_TO_AFTER_A_DOER)
            for m in pattern.finditer(source)
        )
    ):
        found.append(("2", "to"))  # (a plural after it is what is counted: "has 2 dogs")
    if "4" in lone and any(unnamed(m) for m in _DIGIT_FOR_FOR.finditer(source)):
        found.append(("4", "for"))
    return found


# A capitalised word inside a sentence right before a number: the number names a thing ("in Room 4 till noon",
# "Bay 2 to the left"), which text-speak's digits never follow ("Thanks 4 waiting" opens its sentence).
_CAPITALISED_BEFORE = re.compile(r"(?<![.!?:;]\s)(?<![.!?:;])(?<!^)(?<=\s)[A-Z][a-z]+\s+$")


def _a_numbered_thing(written: str, at: int) -> bool:
    before = written[max(0, at - 24) : at]
    match = _CAPITALISED_BEFORE.search(before)
    if match is None:
        return False
    head = written[: at - len(before) + match.start()].rstrip()
    return bool(head) and head[-1] not in ".!?:;"


_SLANG_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[/'][A-Za-z0-9]+)*")
_JOINERS = "-@/"


@dataclass
class Phrases:
    """A word list matched against a text's words: single words by lookup, phrases by one small pattern."""

    words: frozenset[str]
    phrases: re.Pattern[str] | None
    first_words: frozenset[str]
    keys: frozenset[str] = frozenset()  # the longest word of each phrase
    ascii: bool = True  # whether the phrases are all ASCII

    @classmethod
    def of(cls, entries: list[str]) -> Phrases:
        entries = [e.lower() for e in entries]
        multi = [e for e in entries if " " in e]
        return cls(
            frozenset(e for e in entries if " " not in e), _phrase_pattern(multi), frozenset(e.split()[0] for e in multi),
            frozenset(max(e.split(), key=len) for e in multi), all(e.isascii() for e in multi),
        )

    @cached_property
    def plurals(self) -> frozenset[str]:
        """The plural of each single word: "morons", "idiots", "scroungers"."""
        return frozenset(_plural(w) for w in self.words if not w.endswith("s") or w.endswith("ss")) - self.words  # (jackasses)

    def find(self, text: TextField) -> list[str]:
        """The entries in a text (lower case, in order of appearance, once each)."""
        found: list[str] = []
        words, masked = text.words, text.masked
        plurals = self.plurals
        if not self.words.isdisjoint(words) or not plurals.isdisjoint(words):  # most texts hold none: then skip the walk
            starts = text.starts
            for index, word in enumerate(words):
                if (word in self.words or word in plurals) and word not in found and not _joined(masked, starts[index], starts[index] + len(word)):
                    found.append(word)
        if self.phrases is not None and not self.first_words.isdisjoint(words) and self._may_hold_phrase(text):
            found += [m.group(0).lower() for m in self.phrases.finditer(masked) if m.group(0).lower() not in found]
        return found

    def _may_hold_phrase(self, text: TextField) -> bool:
        """A quick look before the phrase pattern, whose first words ("a", "is") are in most texts.

        Between ASCII texts and phrases, case-insensitive matching is plain lower-casing: a phrase
        the pattern would find stands as it is in the lower-cased text, and so does its longest word.
        That word stands between spaces or the phrase's ends, so it is one of the text's words too,
        unless a letter and an apostrophe run into it ("o'" before it makes one word of both).
        """
        if self.ascii and text.masked.isascii():
            if self.keys_are_words and "'" not in text.masked:
                return not self.keys.isdisjoint(text.words)  # a look-up per word, quicker than a search per key
            return any(key in text.lowered for key in self.keys)
        return True

    @cached_property
    def keys_are_words(self) -> bool:
        """Whether each phrase's longest word is letters alone, as the text's words are."""
        return all(key.isalpha() for key in self.keys)


def _plural(word: str) -> str:
    if word.endswith(("s", "sh", "ch", "x")):
        return word + "es"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"  # numpties, biddies
    return word + "s"


# Before a noun that insults only when said of a person, any word that judges a person makes it
# one: "ignorant pig", "cheeky git", "pompous old coot".
_JUDGING_A_PERSON = "|".join(sorted(w for w in words.BELITTLING_WORDS | words.TRAIT_WORDS | words.OPINION_WORDS if w.isalpha()))
# Before "man", "woman", "girl", only contempt makes a name that belittles ("the silly woman");
# a word of mood or character there is a judgement ("a grumpy old man": P305), an age a description.
_MOOD_OR_CHARACTER = frozenset(
    "grumpy miserable greedy lazy nasty sneaky lying smug spoilt spoiled mouthy pompous nosy nosey ignorant incompetent useless".split()
)
_CONTEMPT = "|".join(sorted(words.BELITTLING_WORDS - _MOOD_OR_CHARACTER - {"old", "little"}))
_INSULTING_NOUN = "|".join(sorted(words.NOUNS_THAT_INSULT_A_PERSON))
_INSULTING_PLURAL = "|".join(sorted(w for w in words.NOUNS_THAT_INSULT_A_PERSON if w.endswith("s") and w[:-1] in words.NOUNS_THAT_INSULT_A_PERSON))
_PERSON_NOUNS_BELITTLED = frozenset("woman women man men girl boy lady bloke guy thing fella fellow".split())
_SILENCED = frozenset("quiet sweet bay shut".split())
_COMPLAINING = frozenset("moaning whining nagging whinging complaining grumbling bleating ranting going banging".split())
# A person's bothering of others, as the verbs of it say: "so she'd stop pestering us", "so he'd quit hassling the yard".
_BOTHERING = frozenset("pestering badgering hassling harassing bothering hounding bugging mithering haranguing harrying".split())
# A person's noise or calls that someone acts to stop ("so he'd quit yelling", "give over ringing"), and the verbs of stopping.
# ("blowing up" a phone is calling it over and over)
# (and going at people, as the idioms of it say: "so he'd quit having a go at the bar staff", "to stop them laying into
# the waiters", "so she'd stop giving the drivers grief")
_GOING_AT = r"|having a go|laying into|kicking off|mouthing off|sounding off|giving (?:[a-z]+ ){0,3}?(?:grief|earache|hassle|stick|abuse|a hard time)"
_NOISE = _COMPLAINING | _BOTHERING | frozenset("shouting yelling screaming harping ringing calling phoning emailing texting messaging blowing having laying kicking mouthing sounding giving".split())
_NOISE_PATTERN = (
    "|".join(sorted(_NOISE - {"going", "banging", "harping", "blowing", "having", "laying", "kicking", "mouthing", "sounding", "giving"}))
    + "|going on|banging on|harping on|blowing up" + _GOING_AT
)
_CEASING = frozenset("stop quit over off".split())
_RID = frozenset("phone line shot back hair pipe away alone just rest sock peace button zip".split())
# Terms of endearment ("pet", "love" and "sweetheart" also name a pet, a liking and a partner: left out).
_ENDEARMENTS = frozenset("dear dearie duck duckie hen lovey sweetie darling poppet petal chuck timer".split())
# An "old timer" may be a part ("the old timer switch"): as a person it is what the sentence is about.
_AS_A_SUBJECT = r"(?=\s+(?:[a-z]+ed|is|was|has|had|says|said|wants|came|comes|rang|asked|kept|told|would|could|can|will)\b|\s*[,.;!?]|\s*$)"
# How a person is belittled, beyond the word list. Each frame: whether a text's words may hold it
# (most texts hold none: then it is not searched), and its pattern on the lower-cased text.
# - Nouns that insult only when said of a person ("pig", "clown", "dictator") count after a
#   belittling word or in a frame that calls someone one: "an ignorant pig", "bit of a cow",
#   "a bunch of clowns", "was a creep".
# - "woman", "man", "girl" count after a belittling word other than old or little: "the silly
#   woman" (an old lady is a description).
# - Words said to silence or be rid of a person: "to keep the silly woman quiet", "to stop her
#   moaning", "to get him off my back".
_INSULT_FRAMES: tuple[tuple[Callable[[frozenset[str]], bool], re.Pattern[str]], ...] = (
    (lambda present: not present.isdisjoint(words.NOUNS_THAT_INSULT_A_PERSON), re.compile(
        rf"\b(?:(?:jumped[- ]up|{_JUDGING_A_PERSON})[\s,]+){{1,3}}(?:{_INSULTING_NOUN})\b|"
        # ("the right bag", "her proper name": after "the" or a possessive, "right" and "proper" mean correct)
        rf"\b(?:bit of an?|bunch of|load of|pack of|such an?|what an?|(?:an? )?(?:total|complete|absolute|utter)"
        rf"|(?:an? )?(?<!the )(?<!this )(?<!that )(?<!his )(?<!her )(?<!my )(?<!our )(?<!your )(?<!their )(?:right|proper|real)"
        rf"|(?:is|was|are|were|'s|being|like) an?)\s+(?:{_INSULTING_NOUN})\b|"
        # Someone unnamed called one, doing something: "some clown hung up on me", "some creep at the depot"
        # ("some clown balloons" are things: a noun follows).
        rf"\bsome\s+(?:{_INSULTING_NOUN})\b(?=\s+(?:[a-z]+ed|at|in|on|from|who|had|has|was|just|then|went|kept|took|told|said|hung|put|sent)\b|\s*[,.;!?]|\s*$)|"
        # A group of them, whatever the word for the group: "a right pair of clowns", "a gang of vultures" (not "a pair of clown loaches").
        rf"\b(?:pair|gang|couple|bunch|load|pack|set)\s+of\s+(?:{_INSULTING_PLURAL})\b(?!\s+[a-z]+(?:es|s)\b)|"
        # More than one called so: "his lodgers are pigs" (but "the canapes are pigs in blankets").
        rf"\b(?:are|were|'re)\s+(?:{_INSULTING_PLURAL})\b(?!\s+in\s+blankets)"
    )),
    (lambda present: not present.isdisjoint(_PERSON_NOUNS_BELITTLED) and not present.isdisjoint(words.BELITTLING_WORDS), re.compile(
        rf"\b(?:(?:old|little)\s+)?(?:{_CONTEMPT})\s+(?:(?:old|little)\s+)?(?:woman|women|man|men|girl|boy|lady|bloke|guy|thing|fella|fellow)\b"
    )),
    (lambda present: ("to" in present and (not present.isdisjoint(_SILENCED) or "fob" in present or "rid" in present or "away" in present))
     or (not present.isdisjoint(_CEASING) and not present.isdisjoint(_NOISE)), re.compile(
        r"\bto\s+(?:(?:shut|keep)\s+(?:him|her|them|the\s+[a-z ]{1,24}?)\s+(?:up|quiet|sweet|at bay)"
        rf"|(?:stop|make|get)\s+(?:him|her|them|the)\s+(?:[a-z]+\s+)?(?:to\s+)?(?:stop\s+|quit\s+)?(?:{_NOISE_PATTERN})"
        r"|fob\s+(?:him|her|them)\s+off|get rid of\s+(?:him|her|them)|make\s+(?:him|her|them)\s+go away)\b"
        # The same motive as a clause, whatever the verb of stopping: "so she would stop whining", "so he'd give over shouting".
        r"|\bso\s+(?:that\s+)?(?:he|she|they)(?:'d|\s+would|\s+will|\s+could|\s+might)?\s+(?:stop|quit|give\s+over|leave\s+off|knock\s+off|pack\s+in)\s+"
        rf"(?:{_NOISE_PATTERN})\b"
    )),
    (lambda present: "off" in present and ("back" in present or "backs" in present), re.compile(
        r"\bto\s+get\s+(?:him|her|them|the\s+[a-z ]{1,24}?)\s+off\s+(?:my|our)\s+backs?\b|\boff (?:my|our) backs?\b"
    )),
    # Being rid of a person as the motive: "to get her off the phone", "to get shot of him", "so he'd pipe down".
    (lambda present: not present.isdisjoint(_RID) and ("to" in present or "so" in present), re.compile(
        r"\bto\s+get\s+(?:him|her|them)\s+off\s+the\s+(?:phone|line)\b|\bto\s+get\s+shot\s+of\b"
        # "just" makes any leaving the motive: "just to get her out of the shop" (but "to get her out of the bath").
        r"|\bjust\s+to\s+get\s+(?:him|her|them)\s+(?:out|off|away|gone)\b"
        r"|\bto\s+see\s+the\s+back\s+of\s+(?:him|her|them)\b|\bout\s+of\s+(?:my|our)\s+hair\b"
        # (whatever the idiom of a person ceasing to bother us: "so he'd give it a rest", "so she'd put a sock in it")
        r"|\bso\s+(?:that\s+)?(?:he|she|they)(?:'d|\s+would|\s+will|\s+could|\s+might)?\s+(?:just\s+)?(?:pipe\s+down|shut\s+up|go\s+away"
        r"|leave\s+(?:us|me)\s+alone|back\s+off|give\s+it\s+a\s+rest|put\s+a\s+sock\s+in\s+it|button\s+it|zip\s+it"
        # (whoever is given peace: "so he'd give the lads on the counter some peace", "so she'd leave the office in peace")
        r"|give\s+(?:us|me|everyone|the\s+[a-z ]{1,30}?)\s+(?:some\s+|a\s+bit\s+of\s+)?peace|leave\s+(?:us|me|everyone|the\s+[a-z ]{1,30}?)\s+in\s+peace)\b"
    )),
    # A term of endearment after "old", used as a name for a person: "the old duck", "an old dear", "old timer".
    (lambda present: "old" in present and not present.isdisjoint(_ENDEARMENTS), re.compile(
        r"\bold\s+(?:" + "|".join(sorted(_ENDEARMENTS - {"timer"})) + r")s?\b|\bold[\s-]timers?" + _AS_A_SUBJECT
    )),
)
_INSULT_FRAME_WORDS = (
    words.NOUNS_THAT_INSULT_A_PERSON | _PERSON_NOUNS_BELITTLED | words.BELITTLING_WORDS | _SILENCED | _NOISE | _CEASING | _RID | _ENDEARMENTS
    | frozenset("to so stop fob rid off back backs away".split())
)

# Mild oaths used as words of degree: "the sodding gate code", "a bloody shambles", "flipping useless".
# Each is one only after a word that opens a noun phrase or before a judging word: "Flipping the
# breaker", "bleeding the radiators" are verbs. Blood and bleeding are literal where the record is
# about an injury or an illness, or in the name of a thing ("bloody cranesbill").
_OATHS_OF_DEGREE = frozenset("bloody bleeding sodding flipping frigging friggin freaking effing".split())
# Milder ones that are as often literal ("the flaming pudding", "the blinking light"): an oath only
# inside a noun phrase after "whole", "entire" or "same", or before a judging word.
_LITERAL_OR_OATHS = frozenset("flaming blooming blinking ruddy blasted".split())
_OF_BLOOD = frozenset(("bloody", "bleeding"))
_NAMED_FOR_BLOOD = frozenset("cranesbill dock sorrel mary marys".split())
# Before a part of a body, "bloody" and "bleeding" say what it does ("a bloody nose", "bleeding gums", the plant bleeding
# heart); before a creature, "bleeding" does ("a bleeding cat after a fight"). Not "the bloody hand dryer", "head office".
_PARTS_THAT_BLEED = frozenset(
    """heart nose nostril nostrils ear ears eye eyes lip lips gum gums mouth tongue tooth teeth socket paw paws pad pads
    toe toes toenail toenails nail nails claw claws dewclaw knee knees finger fingers elbow wrist shin ankle leg legs tail
    skin scalp wound wounds gash graze cut stump ulcer sore lesion""".split()
)
_CREATURES = frozenset(
    """dog dogs puppy pup cat cats kitten horse pony foal rabbit bird hamster ferret calf lamb ewe cow sheep goat animal
    pet patient child baby""".split()
)
# Verbs that follow a subject, after which "bleeding" is the noun: "the bleeding was slight", "the bleeding will settle".
_A_VERB_AFTER_ITS_SUBJECT = frozenset("is was isn't wasn't has had hasn't seems seemed appears appeared got gets will would may might should".split())
# Words inside a noun phrase before an oath: "the whole sodding afternoon", "the same bloody three songs"
# ("the same bleeding point" is a radiator's).
_WHOLE_OR_SAME = frozenset("whole same entire".split())
_OPENS_A_NOUN_PHRASE = frozenset("the a an this that these those his her their my our your its some".split())


def _insult_frames(text: TextField) -> list[str]:
    """Names that belittle a person and words said to silence one, as written in lower case."""
    present = _INSULT_FRAME_WORDS.intersection(text.words)
    if len(present) < 2 and present.isdisjoint(words.NOUNS_THAT_INSULT_A_PERSON):
        return []  # every frame needs two of these words, but a noun in a frame: nearly every text
    found: list[str] = []
    for may_hold, pattern in _INSULT_FRAMES:
        if may_hold(present):
            for match in pattern.finditer(text.lowered):
                phrase = " ".join(match.group(0).replace(",", " ").split())
                if phrase not in found and not _a_thing_described(phrase) and not _a_creature_likened(text.lowered, match.start(), phrase):
                    found.append(phrase)
    return found


def _a_creature_likened(lowered: str, start: int, phrase: str) -> bool:
    """Whether "like a ..." likens a creature of the record, not a person: "got her dog back clipped like a rat" (but "the
    best man behaved like a pig")."""
    return phrase.startswith("like ") and not _CREATURES.isdisjoint(lowered[max(0, start - 40) : start].split()[-5:])


# Nouns that name a thing of the trade as often as they insult: "the old dipstick", "a dirty knob" are things;
# "total dipstick", "what a knob", "is a knob" call someone one.
_ALSO_THINGS = frozenset("dipstick dipsticks knob knobs".split())
_DESCRIBING_A_THING = frozenset("old little fat dirty filthy ugly bloody".split())


def _a_thing_described(phrase: str) -> bool:
    *before, noun = phrase.split()
    return noun in _ALSO_THINGS and all(word in _DESCRIBING_A_THING for word in before)


# Profane words that make compounds ("gobshite", "fuckwit", "piss-poor", "arse-about-face"): with a
# hyphen the compound is profane whatever the other part; joined, the other part must be a word.
_PROFANE_ROOT = r"(?:shite|shit|crap|piss|arse|fuck|twat)"
# After a hyphen, the root or "ass" with an ending makes one too ("half-arsed", "half-assed", "bad-ass"; not "first-class"),
# and so do "balls" and "cock" before "up" ("a right balls-up"); made verbs, they botch ("had arsed up the rota", "ballsed
# it up", "cocked the measurements up", "arsing about"; not "the ballcock stuck up").
_PROFANE_COMPOUND = re.compile(
    rf"\b(?:([a-z]{{3,}}){_PROFANE_ROOT}|{_PROFANE_ROOT}(?:-[a-z]+|([a-z]{{3,}}))|[a-z]+-(?:{_PROFANE_ROOT}|ass)(?:ed|d|es)?|(?:balls|cock)-?ups?"
    r"|(?:ars|balls)(?:ed|ing)|cock(?:ed|ing|s)\s+(?:[a-z]+\s+){0,2}?up)\b"
)
_PROFANE_ROOTS = ("shit", "crap", "piss", "arse", "arsing", "fuck", "twat", "-ass", "balls", "cock")  # (a few looks for a word are quicker than one pattern)
# How often the other part of a joined compound must occur in pyspellchecker's list ("gob", "dip", "wit").
_COMPOUND_PART = 500


def _profane_compounds(text: TextField) -> list[str]:
    lowered = text.lowered
    if not any(root in lowered for root in _PROFANE_ROOTS):
        return []  # nearly every text
    frequency = _spellchecker().word_frequency
    found: list[str] = []
    for match in _PROFANE_COMPOUND.finditer(text.lowered):
        part = match.group(1) or match.group(2)
        if (part is None or frequency[part] >= _COMPOUND_PART) and match.group(0) not in found:
            found.append(match.group(0))
    return found


# Words of the list that are also terms of a trade before certain words: a bastard file is a grade of file.
# Words of the list that mean what they say before certain words: a grade of file ("bastard file"), and what a
# machine does to a thing or with a particle ("the vacuum sucked up a ring", "sucks in air"; not "the service sucked").
_SUCKED_IN = frozenset("up in into out through down away back off the a an her his their its my our your some all air water".split())
_LITERAL_BEFORE = {"bastard": frozenset("file files cut".split()), "sucks": _SUCKED_IN, "sucked": _SUCKED_IN}


def _literal_before(text: TextField, word: str) -> bool:
    following = [text.words[i + 1] if i + 1 < len(text.words) else "" for i, w in enumerate(text.words) if w == word]
    return bool(following) and all(after in _LITERAL_BEFORE[word] for after in following)


# A pain in the neck that someone has, or complains of, is a symptom: "has a pain in the neck after a fall".
_HAD_AS_A_SYMPTOM = re.compile(r"\b(?:has|have|had|having|got|gets|with|of|from|developed|suffering)\s+(?:got\s+|still\s+)?a pain in the neck\b")


def _a_symptom(text: TextField, phrase: str) -> bool:
    if phrase != "a pain in the neck":
        return False
    return text.lowered.count(phrase) == len(_HAD_AS_A_SYMPTOM.findall(text.lowered))


def _verb_forms(verb: str) -> list[str]:
    """A verb's forms: bitches, bitching, bitched; a short verb doubles its last letter (shitting, crapped)."""
    stem = verb + verb[-1] if len(verb) <= 4 and verb[-1] in "tpgd" and verb[-2] in "aeiou" and verb[-3] not in "aeiou" else verb
    return [_plural(verb), stem + "ing", stem + "ed"]


# A word with letters starred out: "sh*t", "f***ing", "a**hole" (not "5*", "*done*": no letter before the stars).
_STARRED = re.compile(r"\b[A-Za-z]+\*+[A-Za-z]*")


@lru_cache(maxsize=1)
def _profane_words() -> frozenset[str]:
    """The single profane words of the list, with every form of the oaths that are verbs."""
    single = {word for word in words.DEROGATORY if word.isalpha()} | {"shite", "bollocks"}
    return frozenset(single.union(*(_verb_forms(verb) for verb in words.PROFANE_VERBS)))


def _starred_oaths(source: str) -> list[str]:
    """Profane words written with letters starred out, as written: a star stands for one letter."""
    found: list[str] = []
    for match in _STARRED.finditer(source):
        starred = match.group(0).lower()
        shape = re.compile(re.escape(starred).replace(r"\*", "[a-z]"))
        if len(starred) >= 3 and any(len(word) == len(starred) and shape.fullmatch(word) for word in _profane_words()):
            found.append(match.group(0))
    return found


def _joined(text: str, start: int, end: int) -> bool:
    """Whether a word is part of a larger token (an id, an email, a hyphenated word)."""
    return (start > 0 and text[start - 1] in _JOINERS) or (end < len(text) and text[end] in _JOINERS)


def _before_a_capitalised_word(text: str, end: int) -> bool:
    """Whether the next word is capitalised, as a name's second word is ("Ty Gwyn"), and not an acronym."""
    following = text[end:].lstrip()
    return following[:1].isupper() and following[:2] != following[:2].upper()


def _after_a_capitalised_word(text: str, start: int) -> bool:
    """Whether the word before is capitalised and inside its sentence, as a name's first word is ("Heol y Nant")."""
    before = text[:start].rstrip()
    word = before.rsplit(None, 1)[-1] if before else ""
    return word[:1].isupper() and word.isalpha() and word[:2] != word[:2].upper()


@dataclass
class Lexicon:
    settings: PolicySettings
    slang: dict[str, str]
    derogatory: Phrases
    placeholders: frozenset[str]
    vague: frozenset[str]
    opinion: frozenset[str]
    allowed: frozenset[str]
    # Words checked against the dictionary in this process, by outcome: words repeat across records.
    spelled_right: set[str] = field(default_factory=set)
    spelled_wrong: set[str] = field(default_factory=set)
    judging: dict[str, bool] = field(default_factory=dict)  # word -> judges (see judges), kept likewise

    @cached_property
    def person_judging(self) -> frozenset[str]:
        """Words said of a person alone, whatever is around them: "lazy", "awkward", "gormless"."""
        return (self.opinion | words.TRAIT_WORDS) - words.SAID_OF_THINGS

    @cached_property
    def spelt_out(self) -> dict[str, str]:
        """Slang that stands for plain words, with those words: "gonna" -> "going to", "txt" -> "text"."""
        return {form: plain.lower() for form, plain in self.slang.items() if re.fullmatch(r"[A-Za-z' ]+", plain)}

    @cached_property
    def filler(self) -> frozenset[str]:
        """Words that say nothing about an issue: vague words, slang and intensifiers ("very", "a bit")."""
        return frozenset(self.vague | self.slang.keys() | words.INTENSIFIERS)

    def unknown_words(self, text: TextField) -> set[str]:
        """A text's words not known to be spelled right so far: usually none, as words repeat across records."""
        return set(text.words).difference(self.spelled_right)

    def dropped_g(self, text: TextField, unknown: set[str]) -> list[str]:
        """Words written without their final g ("nothin", "goin"): not words, but the -ing word is.
        ``unknown``: the text's unknown words (a dropped g is never a word)."""
        found = [w for w in unknown if len(w) > 3 and w.endswith("in") and not self.is_known(w) and self.is_known(w + "g")]  # doin, goin
        return sorted(found, key=text.words.index)  # in the order written

    def slang_in(self, text: TextField) -> list[str]:
        """Slang in a text. Single letters ("u", "r") count only in lower case: "Plan U" is a name."""
        found: list[str] = []
        source = text.unmasked_links
        is_ascii = source.isascii()
        if is_ascii and "/" not in source and not text.has_digit:
            tokens: Iterable[str] = text.words  # plain ASCII prose: its tokens are its words, already taken
        elif is_ascii:
            tokens = _SLANG_TOKEN.findall(source.lower())  # ASCII lower-cases letter by letter: the same tokens, lowered at once
        else:
            tokens = [token.lower() for token in _SLANG_TOKEN.findall(source)]
        if self.slang.keys().isdisjoint(tokens) and ("'" not in source or not any("'" in t and self.slang_inflected(t) for t in tokens)):
            return found  # no word of the text is on the list: the usual case
        for match in _SLANG_TOKEN.finditer(source):
            raw = match.group(0)
            word = raw.lower()
            if "'" in word and word not in self.slang and self.slang_inflected(word):
                word = word[: word.index("'")]  # "msg'd": "msg" with an ending
            if word not in self.slang or word in found or (len(word) == 1 and raw != word) or (len(word) == 2 and raw.isupper()):
                continue  # (a letter or two in capitals is a name or an acronym: "Plan U", "the TA unit")
            end = match.end()
            if _joined(source, match.start(), end) or (end + 1 < len(source) and source[end] == "." and source[end + 1].isalnum()):
                continue
            if len(raw) > 1 and raw.istitle() and (word in text.capitalised_inside or _before_a_capitalised_word(source, end)):
                continue  # a name: text-speak is typed in lower case ("at Ty Gwyn", "spoke to Ty"; not "Thx for waiting")
            if len(raw) == 1 and _after_a_capitalised_word(source, match.start()) and _before_a_capitalised_word(source, end):
                continue  # a letter inside a name: "Heol y Nant", "Betws y Coed"
            found.append(word)
        return found

    def slang_inflected(self, word: str) -> bool:
        """Whether a word is slang with an ending after an apostrophe: "msg'd", "txt'ing" (not "u's")."""
        base, _, ending = word.partition("'")
        return len(base) > 1 and base in self.slang and ending in ("d", "ed", "s", "ing")

    def digits_for_words(self, text: TextField) -> list[tuple[str, str]]:
        """Digits written for words ("wants 2 know", "4 you"), each with the word to write, once each."""
        source = text.unmasked_links
        if not text.has_digit or ("2" not in source and "4" not in source):
            return []  # nearly every text
        return _digits_for_words(source, self.is_base_verb)

    def clipped_words(self, text: TextField) -> list[tuple[str, str]]:
        """Words with their first syllable clipped off in speech: "called bout the hedge" (about).

        A bout of flu, the second bout: after a determiner or before "of", "bout" is the noun.
        """
        if "bout" not in text.words:
            return []  # nearly every text
        words_ = text.words
        for index, word in enumerate(words_):
            if word != "bout":
                continue
            before = words_[index - 1] if index else ""
            after = words_[index + 1] if index + 1 < len(words_) else ""
            if before not in _BEFORE_A_NOUN and after != "of":
                return [("bout", "about")]
        return []

    def spelt_without_vowels(self, word: str) -> str | None:
        """The common word a word of three letters or more writes without its vowels ("wld": would,
        "shd": should), when the dictionary does not know it; else None."""
        if len(word) < 3 or not word.isalpha() or not _VOWELS.isdisjoint(word) or self.is_known(word):
            return None
        return _common_words_by_consonants().get(word)

    def letters_left_out(self, word: str) -> bool:
        """Whether a word of three to five letters the dictionary does not know may be a common word written with
        letters left out, its first and last kept: "shd" (should), "yday" (yesterday), "wrks" (works).
        Text-speak when the record around it is written so; elsewhere as often a slip ("wich"), so P302's. Which
        word is meant is not always clear ("gud": good, not guard), so no rewrite is read from it."""
        if not 3 <= len(word) <= 5 or not word.isalpha() or self.is_known(word) or _run_together(word) or _a_swap_of_a_common_word(word):
            return False  # (two words run together, "alot", or two letters swapped, "wiht", are a slip, not a shortening)
        return any(
            len(common) > len(word) and _holds_in_order(common, word) and (len(common) >= len(word) + 2 or not _VOWELS.isdisjoint(set(common) - set(word)))
            for common in _common_words_by_ends().get(word[0] + word[-1], ())
        )

    def day_written_short(self, word: str) -> str | None:
        """The word for a day a word the dictionary lacks writes short, its first and last letters kept and two or more
        left out: "yday" (yesterday), "tdy" (today), "wknd" (weekend); text-speak wherever it stands."""
        if not 3 <= len(word) <= 6 or not word.isalpha() or self.is_known(word):
            return None
        return next((day for day in _DAYS_WRITTEN_SHORT if day[0] == word[0] and day[-1] == word[-1] and len(day) >= len(word) + 2 and _holds_in_order(day, word)), None)

    def run_into_a(self, word: str) -> bool:
        """Whether a word the dictionary does not know is a frequent word run into "a" for "of" or "to", as speech
        runs them: "loadsa" (loads of), "coupla" (couple of), "lotsa". Text-speak when the record around it is
        written so; elsewhere as likely two words with the space left out, so P302's."""
        if len(word) < 5 or not word.endswith("a") or not word.isalpha() or self.is_known(word):
            return False
        frequency = _spellchecker().word_frequency
        return any(frequency[stem] >= _COMMON * 10 for stem in (word[:-1], word[:-1] + "e"))

    def shortened_without_vowels(self, word: str) -> str | None:
        """The common word a word of three to five letters without a vowel keeps the letters of, in order, with its
        first and last, two or more left out: text-speak or an abbreviation ("shd": should, "wknd": weekend), not a
        slip, which leaves one out ("smll", "chcks": the likeliest word meant is one letter longer) or strikes a key
        beside the one meant ("hrlp")."""
        if not 3 <= len(word) <= 5 or not word.isalpha() or not _VOWELS.isdisjoint(word):
            return None
        meant = next((long for long in _common_words_by_ends().get(word[0] + word[-1], ()) if len(long) > len(word) and _holds_in_order(long, word)), None)
        return meant if meant is not None and len(meant) >= len(word) + 2 else None  # (the likeliest, one letter out: a slip)

    def consonant_spellings(self, text: TextField, unknown: set[str]) -> list[tuple[str, str]]:
        """Words written without their vowels ("wld cost more"), each with the word to write, once each.
        ``unknown``: the text's unknown words (such a word is never a known one)."""
        if all(not _VOWELS.isdisjoint(word) for word in unknown):
            return []  # nearly every text
        found: list[tuple[str, str]] = []
        for match in _WITHOUT_VOWELS.finditer(text.masked):
            word = match.group(0)
            plain = self.spelt_without_vowels(word) or (None if self.is_known(word) else self.shortened_without_vowels(word))
            if plain is not None and (word, plain) not in found:
                found.append((word, plain))
        return found

    def letters_for_words(self, text: TextField) -> list[tuple[str, str]]:
        """A letter written for a word: "spoke w her neighbour" (with), "tuned n cleaned it" (and), "will c her at 10"
        (see), "will b there" (be)."""
        masked = text.masked
        found: list[tuple[str, str]] = []
        if " w " in masked and _W_FOR_WITH.search(masked) is not None:
            found.append(("w", "with"))
        if " cud " in masked and (_CUD_FOR_COULD.search(masked) or any(self.is_base_verb(m.group(1)) for m in _CUD_BEFORE_A_VERB.finditer(masked))):
            found.append(("cud", "could"))  # (a cow's cud is no modal: only after who could, or before a verb's plain form)
        if " c " in masked and _C_FOR_SEE.search(masked):
            found.append(("c", "see"))
        if " b " in masked and _B_FOR_BE.search(masked):
            found.append(("b", "be"))
        if " n " in masked and any(
            (m.group(1).isdigit() or self.is_known(m.group(1).lower())) and (self.is_known(m.group(2)) or m.group(2).endswith("ed"))
            for m in _N_FOR_AND.finditer(masked)
        ):
            found.append(("n", "and"))  # (before a known word or a past the list lacks: "fitted a valve n repressurised")
        return found  # (nearly every text holds neither)

    def is_base_verb(self, word: str) -> bool:
        """Whether a word reads as a verb's plain form: its -ing form is a common word (see, check, open; not double, new)."""
        if word.endswith(("s", "ed", "ly")) or (word.endswith("ing") and len(word) > 5):
            return False  # (a short word in -ing may be a plain form: ring, bring, sing)
        frequency = _spellchecker().word_frequency
        forms = (word + "ing", word[:-1] + "ing") if word.endswith("e") else (word + "ing", word + word[-1] + "ing")  # (see, make, stop)
        if any(frequency[form] >= _VERY_COMMON for form in forms):
            return True
        return word.startswith("re") and len(word) > 4 and self.is_base_verb(word[2:])  # a verb done again: refit, rehang

    def derogatory_in(self, text: TextField, about_blood: Callable[[], bool] = lambda: False) -> list[str]:
        """Insults and profanity in a text; ``about_blood``: whether the record is about an injury or
        an illness, where "bloody" and "bleeding" are literal (asked only of a text holding one)."""
        found = [word for word in self.derogatory.find(text) if (word not in _LITERAL_BEFORE or not _literal_before(text, word)) and not _a_symptom(text, word)]
        found += [word for word in self._oaths_of_degree(text, about_blood) if word not in found]
        found += [word for word in _profane_compounds(text) if word not in found]
        found += [phrase for phrase in _insult_frames(text) if phrase not in found]
        if "*" in text.text:
            found += [word for word in _starred_oaths(text.text) if word not in found]
        if found and ('"' in text.text or "“" in text.text or "'" in text.text or "‘" in text.text):
            # a word of a quoted title is part of a name: "My Bloody Valentine"
            titles = " ".join(quoted_titles(text.text)).split()
            found = [word for word in found if word not in titles]
        return found

    def _oaths_of_degree(self, text: TextField, about_blood: Callable[[], bool]) -> list[str]:
        words = text.words
        if _OATHS_OF_DEGREE.isdisjoint(words) and _LITERAL_OR_OATHS.isdisjoint(words):
            return []  # nearly every text
        found: list[str] = []
        for index, word in enumerate(words[:-1]):
            if (word not in _OATHS_OF_DEGREE and word not in _LITERAL_OR_OATHS) or word in found:
                continue
            following = words[index + 1]
            if word in _OF_BLOOD and (following in _NAMED_FOR_BLOOD or following in _PARTS_THAT_BLEED or (about_blood() and not self.judges_a_person(following))):
                continue  # literal blood (but before a judging word an oath, wherever it stands: "bloody hopeless")
            if following == "out":
                continue  # a verb: "the freaking out dog"
            if word == "bleeding" and following in _CREATURES:
                continue  # a creature that bleeds: "a bleeding cat", "with a bleeding dog"
            if word == "bleeding" and (following in _A_VERB_AFTER_ITS_SUBJECT or following.endswith("ed")):
                continue  # the bleeding itself, a subject: "the bleeding stopped", "the bleeding has eased"
            before = words[index - 1] if index > 0 else ""
            # (the same bleeding point is a radiator's; the whole bleeding week is an oath's)
            after_whole_or_same = before in _WHOLE_OR_SAME and not (word == "bleeding" and before == "same")
            inside_a_noun_phrase = after_whole_or_same or (before in _OPENS_A_NOUN_PHRASE and word not in _LITERAL_OR_OATHS)
            if inside_a_noun_phrase or self.judges(following):
                found.append(word)
        return found

    def judges(self, word: str) -> bool:
        """Whether a word, said of a person or an interaction, is a judgement rather than a fact."""
        judging = self.judging.get(word)
        if judging is None:
            judging = self.judging[word] = self._judges(word)
        return judging

    def judges_a_person(self, word: str) -> bool:
        """Whether a word right before a person judges them: "rude customer", but not "emergency contact".

        VADER scores nouns too ("emergency", "funeral"), which before a person name a kind of
        contact, not a judgement: of its words, only those shaped like adjectives count here.
        """
        if word in self.opinion or word in words.TRAIT_WORDS or word in words.FINE_OR_PRAISE:
            return True
        if word.endswith("est") and word not in _valences():
            # the most of a judging word: "Nicest couple we have", "the rudest man" (not "the biggest order")
            return any(self.judges_a_person(base) for base in (word[:-2], word[:-3], word[:-4] + "y", word[:-4]) if len(base) >= 3)
        return self.judges(word) and word.endswith(_ADJECTIVE_ENDINGS)

    def _judges(self, word: str) -> bool:
        if word in self.opinion or word in words.TRAIT_WORDS:
            return True
        if word in words.REPORTED_STATES or word.endswith(("ed", "ing")) or words.a_state_compared(word):
            return False
        valence = _valences().get(word)
        if valence is None and len(word) >= 6 and not self.is_known(word):
            # A judging word written with a letter left out judges all the same: "very dificult person", "arogant".
            meant = _common_words_less_a_letter().get(word)
            return meant is not None and self._judges(meant)
        if valence is None and word.endswith("ful"):
            # What VADER leaves out, full of what it scores as a fault: "disgraceful" (disgrace), "harmful" (harm).
            return _valences().get(word[:-3], 0.0) <= -JUDGING_VALENCE
        return abs(valence or 0.0) >= JUDGING_VALENCE

    def is_known(self, word: str, extra: frozenset[str] = frozenset()) -> bool:
        """Whether a lower-case word is spelled right (or allowed)."""
        if word in self.allowed or word in extra or word in self.spelled_right:
            return True
        if word in self.spelled_wrong:
            return False
        known = self._check(word)
        (self.spelled_right if known else self.spelled_wrong).add(word)
        return known

    def _check(self, word: str) -> bool:
        if not word.isascii():
            return True  # accented words are names here (Ciarán, Zoë): the English list cannot judge them
        bases = [word] + [word[: -len(s)] for s in ("'s", "'", "n't", "'re", "'ll", "'ve", "'d", "'m") if word.endswith(s)]
        return any(self._base_known(base) for base in bases if base)

    def _base_known(self, word: str) -> bool:
        checker = _spellchecker()
        if word in _ABBREVIATIONS or word in self.allowed:
            return True
        if word in checker or word in _english_words(60):
            # Rare forms the list keeps ("sumer") are left alone: frequencies cannot tell them from
            # rare words of a trade ("durum", "orderer").
            return True
        if word in _english_words(70) and not _a_typing_slip_of_a_common_word(word):
            return True  # a rarer word (haylage, otoscopy, tannoy), but not a slip's rarer spelling ("stoped" for "stopped")
        if word in _web_words():
            return True  # a word of English on the web no much commoner word is a slip or two from: katsu, venmo, xbox
        if any(variant in checker for variant in _spelling_variants(word)):
            return True  # British spellings (colour, mould, coeliac) and words written without accents (matinee)
        if len(word) >= 4 and word.endswith("s") and not word.endswith("ss") and checker.word_frequency[word[:-1]] > _RARE:
            return True  # a plural of a known word: tyres (a word in -ss is none: "acess" is no plural of "aces")
        if any(word.endswith(end) and checker.word_frequency[word[: -len(end)]] > _RARE for end in ("er", "ers") if len(word) - len(end) >= 3) and not _common_word_one_edit_away(word):
            return True  # a doer of a known word: valeter (but "tailer" is one slip from "tailor")
        if word.endswith(("er", "ers")) and checker.word_frequency[word[: word.rindex("r")]] > _RARE and word[: word.rindex("r")].endswith("e"):
            return True  # the doer of a verb ending in e: chancer, valuer
        if word.endswith(("ier", "iers")) and checker.word_frequency[word[: word.rindex("ier")] + "y"] > _RARE:
            return True  # the doer of a verb ending in y: clarifier, purifier
        if word.endswith(("icker", "ickers")) and checker.word_frequency[word[: word.rindex("icker")] + "ic"] > _RARE:
            return True  # the doer of a verb ending in -ic, which takes a k: panicker, picnicker
        if word.startswith("re") and len(word) >= 5 and checker.word_frequency[word[2:]] >= _COMMON:
            return True  # doing a common thing again: regas, retag, refit
        if word.startswith("re") and len(word) >= 7 and word.endswith(("ed", "ing")) and (word[2:] in checker or word[2:] in _english_words(70)):
            return True  # doing a trade's thing again, in the past or in -ing: regrouted, reglazing (not "recieved": "cieved" is no word)
        if word.startswith("un") and len(word) >= 7 and word.endswith("ed") and (word[2:] in checker or word[2:] in _english_words(70)) and not _a_swap_of_a_common_word(word):
            return True  # a trade's thing not done, "un" and a past: unvented, unflued, unbunded (not "unsued": "unused" with two letters swapped)
        if word in _english_words(70) and _regular_form_of_a_word(word):
            return True  # a trade's inflection of a word seen more than rarely: shanked, tining (not "stoped" for "stopped")
        if _a_phrasal_noun(word):
            return True  # a verb and its particle as one word: callout, cashout (not "witout": "without" is one slip away)
        if _made_from_a_word(word):
            return True  # a trade's word made by the rules from a known one: wormer, jetter, rodded, remoting (not "refered")
        if _common_word_one_edit_away(word):
            return False  # "untill", "unsued": a slip for a common word, though "till" and "sued" are words
        for prefix in ("re", "un", "pre", "non", "over", "under", "mis", "co"):
            if word.startswith(prefix) and len(word) - len(prefix) >= 4 and word[len(prefix):] in checker:
                return True  # rebooked, unticked, prepaid
        # A compound of two common words: mailroom, doorbell, lockbox.
        if len(word) > _LONGEST_COMPOUND:
            return False
        frequency = checker.word_frequency
        if any(word.startswith(particle) and len(word) - len(particle) >= 4 and frequency[word[len(particle) :]] >= _COMMON for particle in _PARTICLES):
            return True  # an adverb's particle before a common word: upsell, outbid, offload, backdate
        # (A word of three letters must name a thing, not join or point: "cupholder", "toybox", not "thebox", "boxand".)
        return any(
            frequency[word[:i]] >= _COMMON and frequency[word[i:]] >= _COMMON
            for i in range(3, len(word) - 2)
            if not (i == 3 and word[:3] in _SHORT_FUNCTION_WORDS) and not (len(word) - i == 3 and word[i:] in _SHORT_FUNCTION_WORDS)
        )

    def suggestions(self, word: str) -> list[str]:
        return _suggestions(word)

    def short_form(self, word: str) -> str | None:
        """The common long word a short form of four or five letters stands for: its opening letters and a
        later one ("appt": appointment, "mgmt" aside); not a slip with two letters swapped ("teh", "adn") or a
        common word's letter dropped ("delt": dealt, though "delete" opens with "del" and holds a "t")."""
        if not 4 <= len(word) <= 5 or not word.isalpha() or word[-1] in _VOWELS or _a_swap_of_a_common_word(word):
            return None
        if word in _common_words_less_a_letter():
            return None
        for long in _common_words_by_opening().get(word[:-1], ()):
            if word[-1] in long[len(word) - 1 :]:
                return long
        return None

    def clipped_form(self, word: str) -> str | None:
        """The longer word a clipping, or its plural, opens ("pedi", "pedis": pedicure; "physio"): four to six letters
        ending in "i", "o" or "y", at least three letters short of a word seen more than rarely (a slip drops one: "studi")."""
        stem = word.removesuffix("s") if word.endswith(("is", "os", "ys")) else word
        if not 4 <= len(stem) <= 6 or stem[-1] not in "ioy" or not stem.isalpha():
            return None
        frequency = _spellchecker().word_frequency
        if any(frequency[stem + letter] >= _VERY_COMMON for letter in "abcdefghijklmnopqrstuvwxyz"):
            return None  # a common word's last letter dropped: "studi" (studio)
        longs = _long_words()
        at = bisect_left(longs, stem)
        while at < len(longs) and longs[at].startswith(stem):
            if len(longs[at]) >= len(stem) + 3:
                return longs[at]
            at += 1
        return None

    def one_slip_from_a_common_word(self, word: str) -> bool:
        return _common_word_one_edit_away(word)

    def two_slips_from_a_common_word(self, word: str) -> bool:
        """Whether a common word is a letter dropped from this one and a letter added back away.

        Such are letters doubled or undoubled twice over ("reccomended", "sucessfull") and a vowel
        written for another ("schedual"); the dictionary's trade words and drugs that are not one edit
        from a word rarely are this close to a common one ("amlodipine", "balayage").
        """
        return len(word) >= 6 and _two_slips_from_a_common_word(word)

    def one_edit_from_a_word(self, word: str) -> bool:
        """Whether a dictionary word is one letter added, dropped, changed or swapped away.

        Nearly every slip of the keys is ("Recieved", "Confimed"); most names and product words
        the dictionary lacks are not ("Ngozi", "Okonkwo", "metformin", "onboarding"), nor are those a rare word
        is only a first letter from ("dosette": rosette).
        """
        if _one_edit_from_a_word(word):
            return True
        # A slip in a British spelling is one from the American: "nieghbour" (neighbor), "favourate" (favorite).
        return any(_one_edit_from_a_word(variant) for variant in _american_spellings(word))


@lru_cache(maxsize=4096)
def _suggestions(word: str) -> list[str]:
    checker = _spellchecker()
    # pyspellchecker's candidates two edits away take seconds a word: common words two slips away are looked up instead.
    candidates = (checker.candidates(word) or set()) if _one_edit_from_a_word(word) else set(_two_slips_away(word))
    if not candidates - {word}:
        # a slip in a British spelling: the American word's, spelt the British way ("nieghbour": neighbour, "appologised": apologised)
        american = {near for variant in _american_spellings(word) if _one_edit_from_a_word(variant) for near in checker.candidates(variant) or ()}
        ranked = sorted(american, key=lambda c: (-checker.word_usage_frequency(c), c))
        return [_in_british_spelling(near, "our" in word) for near in ranked][:3]
    return sorted(candidates - {word}, key=lambda c: (-checker.word_usage_frequency(c), c))[:3]


def _american_spellings(word: str) -> set[str]:
    """A British word's American spellings, "our" anywhere in it as "or" ("favourate": favorate)."""
    return ({variant for variant in _spelling_variants(word) if variant.isascii()} | {word.replace("our", "or")}) - {word}


def _in_british_spelling(word: str, with_our: bool) -> str:
    """An American word as the British list spells it, if it does: "apologized" -> "apologised", "neighbor" -> "neighbour"."""
    spellings = [word[: -len(american)] + british for british, american in _VARIANT_ENDINGS if word.endswith(american)]
    if with_our:
        spellings.append(word.replace("or", "our"))
    return next((spelling for spelling in spellings if spelling in _english_words(60)), word)


# The lowest frequency in pyspellchecker's list: a word seen that rarely is no evidence of a spelling.
_RARE = 50
# A word this frequent is the one meant when a rare or unknown form is one slip away from it.
_VERY_COMMON = 1000


def _spelling_variants(word: str) -> set[str]:
    """American spellings of a British word, and the accented forms of an unaccented one."""
    variants = {word.replace("ould", "old").replace("oult", "olt")}  # mould, moult
    if len(word) >= 6:  # coeliac, foetus; a short word with "ae" is a slip more often ("yaer")
        variants.update((word.replace("ae", "e"), word.replace("oe", "e")))
    for base in list(variants):
        for ending, american in _VARIANT_ENDINGS:
            if base.endswith(ending):
                variants.add(base[: -len(ending)] + american)
    variants.update(_accented().get(word, ()))
    variants.discard(word)
    return variants


@lru_cache(maxsize=1)
def _accented() -> dict[str, tuple[str, ...]]:
    """The list's accented words by their plain spelling: matinee -> matinée, cafe -> café."""
    import unicodedata

    found: dict[str, list[str]] = {}
    for word in chain(_spellchecker().word_frequency.dictionary, _english_words(60)):
        if not word.isascii():
            plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
            if plain.isalpha() and word not in found.get(plain, ()):
                found.setdefault(plain, []).append(word)
    return {plain: tuple(words) for plain, words in found.items()}


def _regular_form_of_a_word(word: str) -> bool:
    """Whether a word is the regular -ed, -ing or -s form of a word seen more than rarely: shanked
    (shank), tining (tine). A short word of one vowel doubles its last letter ("stopped"), so
    "stoped" is no form of "stop"; nor of "stope", seen rarely."""
    frequency = _spellchecker().word_frequency
    for ending in ("ed", "ing", "s"):
        if not word.endswith(ending):
            continue
        stem = word[: -len(ending)]
        for base in (stem, stem + "e"):
            if len(base) >= 3 and frequency[base] > _RARE and _inflected(base, ending) == word:
                return True
    return False


# Endings that make a trade's words from known ones: a doer or a tool (wormer, jetter), a doing (remoting), a past
# with its last letter doubled (rodded). A plain past in -ed is left out: "catched", "buyed" are slips for strong verbs.
_MAKING_ENDINGS = ("ers", "er", "ing", "ed")


@lru_cache(maxsize=4096)
def _made_from_a_word(word: str) -> bool:
    """Whether a word is a known word, seen more than rarely, with a regular ending, and no common word one slip away
    shares its stem but for another spelling of the ending: "wormer" (worm; "worker" differs inside the stem),
    "jetter", "rodded", "remoting", "uploader". The slips of the ending are not: "refered", "begining", "occuring"
    (the stem doubles its last letter: "referred"), "writting" ("writing"), "tailer" ("tailor"), nor a strong verb's
    doubled past ("runned", "swimmed": "ran", "swam")."""
    frequency = _spellchecker().word_frequency
    for ending in _MAKING_ENDINGS:
        if not word.endswith(ending):
            continue
        stem = word[: -len(ending)]
        for base in (stem, stem + "e", stem[:-1] if len(stem) >= 4 and stem[-1] == stem[-2] else ""):
            if len(base) < 3 or frequency[base] <= _RARE or _inflected(base, ending) != word:
                continue
            if ending == "ed" and (word in (base + "ed", base[:-1] + "ed") or _a_strong_verb(base)):
                continue
            if not _a_slip_of_its_ending(word, base):
                return True
    return False


def _a_slip_of_its_ending(word: str, base: str) -> bool:
    """Whether a common word one slip from a word made from ``base`` shares the base's stem and is no regular form of
    it: the word is then a slip for that one ("refered": "referred", "tailer": "tailor")."""
    checker = _spellchecker()
    frequency = checker.word_frequency
    shared = base[:-1] if base.endswith("e") and not word.startswith(base) else base
    forms = {_inflected(base, ending) for ending in _MAKING_ENDINGS + ("s",)}
    return any(
        near.startswith(shared) and near not in forms and frequency[near] >= _VERY_COMMON for near in checker.known(checker.edit_distance_1(word))
    )


def _a_strong_verb(base: str) -> bool:
    """Whether a word is, or is a vowel from, a past tense that does not end in -ed: "run" (ran), "swim" (swam), "hit"."""
    return base in words.IRREGULAR_PASTS or any(
        len(past) == len(base) and sum(a != b for a, b in zip(past, base, strict=True)) == 1
        and all(a in "aeiou" and b in "aeiou" for a, b in zip(past, base, strict=True) if a != b)
        for past in words.IRREGULAR_PASTS
    )


def _inflected(base: str, ending: str) -> str:
    if ending == "s":
        return base + "s"
    if ending == "ers":
        return _inflected(base, "er") + "s"
    if base.endswith("e"):
        return base[:-1] + ending
    vowels = [i for i, letter in enumerate(base) if letter in "aeiou"]
    if len(vowels) == 1 and vowels[0] == len(base) - 2 and base[-1] not in "wxy" and len(base) >= 3:
        return base + base[-1] + ending  # stop -> stopped, plan -> planning
    return base + ending


@lru_cache(maxsize=1)
def _long_words() -> list[str]:
    """Words of seven letters or more seen more than rarely, in order: what a clipping may open."""
    counts = _spellchecker().word_frequency.dictionary
    return sorted(word for word, count in counts.items() if count > _RARE and len(word) >= 7 and word.isalpha())


# How long a word must be to be written short: "appt" for appointment.
_SHORTENED = 8


@lru_cache(maxsize=1)
def _common_words_by_opening() -> dict[str, tuple[str, ...]]:
    """Words of eight letters or more in common use (a trade's too: merchandise, vaccination) by their first three and four letters, the most used first."""
    counts = _spellchecker().word_frequency.dictionary
    longs = [word for word, count in counts.items() if count >= _COMMON and len(word) >= _SHORTENED and word.isalpha()]
    found: dict[str, list[str]] = {}
    for long in sorted(longs, key=counts.__getitem__, reverse=True):
        found.setdefault(long[:3], []).append(long)
        found.setdefault(long[:4], []).append(long)
    return {opening: tuple(words_) for opening, words_ in found.items()}


def _a_swap_of_a_common_word(word: str) -> bool:
    frequency = _spellchecker().word_frequency
    return any(frequency[word[:i] + word[i + 1] + word[i] + word[i + 2 :]] >= _VERY_COMMON for i in range(len(word) - 1))


# Particles that follow a verb to make a noun of it: a callout, a cashout, a walkthrough.
_PARTICLES_AFTER = ("up", "out", "down", "off", "over", "in", "on", "through", "away", "back")


def _a_phrasal_noun(word: str) -> bool:
    """Whether a word is a common verb and its particle written as one ("callout", "cashout"), and no word one slip
    away is as common as the verb: such a word is the noun of a phrasal verb, not a slip ("witout" is "without"),
    nor an -ing word with its g dropped ("leakin")."""
    frequency = _spellchecker().word_frequency
    if word.endswith("in") and frequency[word + "g"] > _RARE:
        return False  # a final g dropped: "leakin", "thinkin" (P301's)
    for particle in _PARTICLES_AFTER:
        head = word[: -len(particle)]
        if word.endswith(particle) and len(head) >= 3 and frequency[head] >= _COMMON * 10:
            checker = _spellchecker()
            return all(frequency[near] < frequency[head] for near in checker.known(checker.edit_distance_1(word)) if near != word)
    return False


def one_edit_from(word: str) -> set[str]:
    """Every string one letter from a word: a letter left out, added, changed, or two swapped (the spelling list's own)."""
    found: set[str] = _spellchecker().edit_distance_1(word)
    return found


@lru_cache(maxsize=4096)
def _common_word_one_edit_away(word: str) -> bool:
    checker = _spellchecker()
    frequency = checker.word_frequency
    return any(frequency[near] >= _VERY_COMMON for near in checker.known(checker.edit_distance_1(word)) if near != word)


# The keys beside each letter's on a QWERTY keyboard: a finger that slips strikes one of these.
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_BESIDE = {
    letter: frozenset(
        _ROWS[r][c + d] for d in (-1, 1) if 0 <= c + d < len(_ROWS[r])
    ) | frozenset(_ROWS[r2][c2] for r2 in (r - 1, r + 1) if 0 <= r2 < len(_ROWS) for c2 in (c - 1, c, c + 1) if 0 <= c2 < len(_ROWS[r2]))
    for r, row in enumerate(_ROWS)
    for c, letter in enumerate(row)
}
# Letters that sound alike but for the voice, written for each other by ear ("dispursed"): a slip of spelling.
_SOUNDING_ALIKE = frozenset(pair for a, b in ("bp", "dt", "gk", "vf", "sz") for pair in ((a, b), (b, a)))


@lru_cache(maxsize=4096)
def _a_typing_slip_of_a_common_word(word: str) -> bool:
    """Whether a common word is one slip of the keys or of spelling from this one: a letter after the first dropped or
    added ("stoped", "wich", "delt"), two letters swapped, a key beside the one meant struck, a vowel written for
    another ("tailer": tailor, "caromel"), a letter for its voiced or voiceless twin ("dispursed"), or two frequent
    words with the space between left out ("aswell"). A first letter added or dropped ("tannoy": annoy; "eskies":
    skies) or a consonant changed for one far off on the keyboard ("degreased": decreased) makes another word."""
    checker = _spellchecker()
    frequency = checker.word_frequency
    if any(frequency[word[:i]] >= _FREQUENT and frequency[word[i:]] >= _FREQUENT for i in range(1, len(word))):
        return True  # two frequent words with the space left out: "aswell"
    return any(frequency[near] >= _VERY_COMMON and _a_slip(word, near) for near in checker.known(checker.edit_distance_1(word)) if near != word)


def _run_together(word: str) -> bool:
    """Whether a word is two frequent words with the space between left out: "alot", "abit" (a letter alone is a word
    only as "a" or "i": "yday" is no "y" and "day")."""
    frequency = _spellchecker().word_frequency
    return any(
        frequency[word[:i]] >= _FREQUENT and frequency[word[i:]] >= _FREQUENT
        for i in range(1, len(word))
        if (i > 1 or word[0] in "ai") and (len(word) - i > 1 or word[-1] in "ai")
    )


def _a_slip(word: str, near: str) -> bool:
    """Whether ``word`` is ``near`` typed with one slip (see _a_typing_slip_of_a_common_word); they are one edit apart."""
    if len(word) != len(near):
        longer, shorter = (word, near) if len(word) > len(near) else (near, word)
        return longer[1:] != shorter  # (a letter added or dropped after the first)
    changed = [i for i in range(len(word)) if word[i] != near[i]]
    if len(changed) == 2:
        return True  # two letters swapped
    at = changed[0]
    vowels = "aeiou"
    return near[at] in _BESIDE.get(word[at], ()) or (word[at] in vowels and near[at] in vowels) or (word[at], near[at]) in _SOUNDING_ALIKE


@lru_cache(maxsize=1)
def _common_words_less_a_letter() -> dict[str, str]:
    """Each common word of five letters or more with one letter dropped, in every place: to the most used such word."""
    counts = _spellchecker().word_frequency.dictionary
    found: dict[str, str] = {}
    for word in sorted((w for w, n in counts.items() if n >= _VERY_COMMON and len(w) >= 5), key=counts.__getitem__):
        for i in range(len(word)):
            found[word[:i] + word[i + 1 :]] = word  # the most used last: it stays
    return found


@lru_cache(maxsize=4096)
def _two_slips_away(word: str) -> tuple[str, ...]:
    """The common words a letter dropped from this word and one added back make ("reccomended": recommended)."""
    if len(word) > _LONGEST_COMPOUND:
        return ()  # no common word is this long, and each place tried costs the word's length
    shortened = _common_words_less_a_letter()
    return tuple(dict.fromkeys(near for i in range(len(word)) if (near := shortened.get(word[:i] + word[i + 1 :])) is not None and near != word))


def _two_slips_from_a_common_word(word: str) -> bool:
    return bool(_two_slips_away(word))


@lru_cache(maxsize=4096)
def _one_edit_from_a_word(word: str) -> bool:
    """Whether a dictionary word is one edit away, as a slip makes it: a rare word that differs only in the first
    letter does not count ("dosette": rosette, "cuniculi": funiculi). Slips seldom strike the first letter, and seldom
    of a rare word: such a word is a trade's or a name, where a common word's first letter mistyped is a slip ("vooking")."""
    checker = _spellchecker()
    frequency = checker.word_frequency
    return any(frequency[near] >= _COMMON or not _apart_at_the_first_letter(word, near) for near in checker.known(checker.edit_distance_1(word)))


def _apart_at_the_first_letter(word: str, near: str) -> bool:
    """Whether two words one edit apart differ only at the first letter: changed, added or dropped."""
    return near[1:] in (word, word[1:]) or near == word[1:]


_VOWELS = frozenset("aeiouy")
# Lower-case words of consonants alone, inside prose: "wld", "shld" ("MCB", "w/c" and "kWh" are not).
_WITHOUT_VOWELS = re.compile(r"(?<![\w/@.-])[b-df-hj-np-tv-xz]{3,5}(?![\w/@-])")
# "w" for "with" between two words in lower case ("spoke w her", "blocked w leaves"); not the letter itself after a
# determiner or before a conjunction ("the w key", "w and e"), nor a unit after a number ("60 w bulb": the number is blanked).
# A name may follow: "spoke w Fraser", "discussed w DN".
_W_FOR_WITH = re.compile(r"\b(?!(?:the|a|an|my|his|her|their|our|your|its|this|that|letter|key|and|or)\b)[A-Za-z]+ (w) (?!(?:and|or|key|keys)\b)(?:[a-z]+|[A-Z][A-Za-z]+)\b")
# "n" between two words in lower case is "and": "cut n blow dry", "deactivated the old fob n issued a new one".
# "c" for "see" and "b" for "be", where only a verb can stand: after a modal or "to", before who is seen or
# where one will be ("will c her at 10", "should b there by 3"; not "vitamin c", "grade b").
_CUD_FOR_COULD = re.compile(r"\b(?:i|we|you|u|he|she|they|it|who|that)\s+cud\b", re.IGNORECASE)
_CUD_BEFORE_A_VERB = re.compile(r"\bcud\s+(?:not\s+|n't\s+|still\s+|just\s+|also\s+)?([a-z]+)\b")  # "if the sofa cud go on the van"
_C_FOR_SEE = re.compile(r"\b(?:will|to|can|could|'ll|gonna|wanna|come|go)\s+c\s+(?:you|u|her|him|them|it|the|ya|if|what)\b")
_B_FOR_BE = re.compile(
    r"\b(?:will|to|can|could|should|might|may|must|'ll|won't|wont|gonna|can't|cant)\s+b\s+"
    r"(?:there|here|in|at|ready|back|late|early|fine|ok|done|free|home|with|on|open|closed|available|around|about|able|happy|sorted)\b"
)
# The words for days that text-speak writes short: "yday", "tmrw", "wknd".
_DAYS_WRITTEN_SHORT = ("yesterday", "today", "tomorrow", "tonight", "weekend")
# (after a word or a number: "turned it down to 20 n left"; not a letter named: "the n key sticks")
_N_FOR_AND = re.compile(r"\b(?!(?:the|an|this|that|letter)\b)([A-Za-z]{2,}|\d+) n (?!(?:key|keys)\b)([a-z]{2,})\b")
# How often a word must occur to be the one meant by its consonants alone: would, could, should, please.
_WRITTEN_IN_CONSONANTS = 300_000


@lru_cache(maxsize=1)
def _common_words_by_ends() -> dict[str, tuple[str, ...]]:
    """Common words by their first and last letters, the most used first: what a word with letters left out may be."""
    counts = _spellchecker().word_frequency.dictionary
    found: dict[str, list[str]] = {}
    for word in sorted((w for w, n in counts.items() if n >= _FREQUENT and len(w) >= 4 and w.isalpha()), key=counts.__getitem__, reverse=True):
        found.setdefault(word[0] + word[-1], []).append(word)
    return {ends: tuple(words_) for ends, words_ in found.items()}


def _holds_in_order(word: str, letters: str) -> bool:
    """Whether a word holds these letters in this order, others between ("should" holds "shd")."""
    rest = iter(word)
    return all(letter in rest for letter in letters)


@lru_cache(maxsize=1)
def _common_words_by_consonants() -> dict[str, str]:
    """The most used words by their consonants alone: "wld" -> "would", "shd" -> "should", "pls" -> "please"."""
    counts = _spellchecker().word_frequency.dictionary
    found: dict[str, str] = {}
    for word in sorted((w for w, n in counts.items() if n >= _WRITTEN_IN_CONSONANTS and w.isalpha()), key=counts.__getitem__):
        consonants = "".join(letter for letter in word if letter not in _VOWELS)
        if len(consonants) >= 3 and consonants != word:
            found[consonants] = word  # the most used last: it stays
    return found


def _with_inflections(slang: dict[str, str]) -> dict[str, str]:
    """Slang with the inflections of its abbreviations ("msg": "msgs", "msgd", "msging"), which are text-speak too."""
    inflected: dict[str, str] = {}
    for word, replacement in slang.items():
        if len(word) < 3 or not word.isalpha() or not _VOWELS.isdisjoint(word) or not replacement.isalpha():
            continue  # only abbreviations without a vowel: "cos" + "s" or "u" + "s" would be words
        stem = replacement[:-1] if replacement.endswith("e") else replacement
        for ending, full in (("s", replacement + "s"), ("d", stem + "ed"), ("ed", stem + "ed"), ("ing", stem + "ing")):
            if full in _english_words(60):  # "messaged", "texted", but not "thanksed"
                inflected.setdefault(word + ending, full)
    return inflected | slang


@lru_cache(maxsize=8)
def _build(key: str) -> Lexicon:
    settings = PolicySettings.model_validate_json(key)
    allowed = {w.lower() for w in words.ALLOW_WORDS}
    for entry in settings.allow_words:
        allowed.update(w.lower() for w in re.findall(r"[A-Za-z]+(?:'[A-Za-z]+)*", entry))
    return Lexicon(
        settings=settings,
        slang=_with_inflections(dict(words.SLANG) | {k.lower(): v for k, v in settings.slang.items()}),
        derogatory=Phrases.of(
            list(words.DEROGATORY) + [form for verb in words.PROFANE_VERBS for form in _verb_forms(verb)] + list(words.INSULT_NOUNS) + list(settings.derogatory)
        ),
        placeholders=frozenset(words.PLACEHOLDER_NAMES) | {w.lower() for w in settings.placeholder_names},
        vague=words.VAGUE_WORDS | {w.lower() for w in settings.vague_words},
        opinion=words.OPINION_WORDS | {w.lower() for w in settings.opinion_words},
        allowed=frozenset(allowed),
    )


# The settings object of a run is the same for every record: look it up by identity first.
_BY_IDENTITY: dict[int, tuple[PolicySettings, Lexicon]] = {}


def lexicon_for(settings: PolicySettings) -> Lexicon:
    known = _BY_IDENTITY.get(id(settings))
    if known is not None and known[0] is settings:
        return known[1]
    lexicon = _build(settings.cache_key())
    if len(_BY_IDENTITY) > 16:
        _BY_IDENTITY.clear()
    _BY_IDENTITY[id(settings)] = (settings, lexicon)
    return lexicon
