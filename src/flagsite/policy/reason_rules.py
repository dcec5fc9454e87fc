"""P103, P104: a note says why the customer got in touch and what was done about it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from itertools import pairwise

from ..check.placeholders import is_placeholder as is_todo
from ..rules import Hit, describe, rule
from .lexicon import Lexicon, one_edit_from
from .note_common import DETERMINERS, is_role
from .subject import Subject
from .text import TextField
from .wording import says_what_a_person_is
from .words import ACCOUNT_PARTY_ROLES, EMPTY_RESOLUTION_CLAIMS, EMPTY_RESOLUTION_WORDS, HONORIFICS, INTENSIFIERS, PERSON_HEADS, PERSON_WORDS, REPORTED_STATES, WEEKDAYS

_PLACEHOLDER_RESOLUTIONS = re.compile(
    r"^(?:n/?a|none|nothing|-+|\?+|tbd|tbc|ok(?:ay)?|done|fixed|resolved|sorted|handled|completed|closed|"
    r"see (?:above|below|notes?)|as above|same as (?:before|above)|"
    r"(?:issue |problem )?(?:was )?(?:resolved|fixed|handled|sorted|done)|"
    r"(?:helped|assisted|advised|informed|told)(?: (?:the )?(?:customer|ct|cx|caller|client|him|her|them))?(?: (?:ok|okay|accordingly))?|"
    r"(?:answered|addressed|dealt with|went over|went through) (?:the |his |her |their |all )?(?:(?:customer|ct|cx|caller|client)'?s? )?"
    r"(?:questions?|quer(?:y|ies)|concerns?|issues?|problems?)|"
    r"(?:gave|provided|sent)(?: (?:him|her|them|the customer))? (?:the )?(?:info|information|details)|"
    r"(?:customer|ct|cx|caller|client) (?:helped|assisted|advised|informed|happy|satisfied|ok))$",
    re.IGNORECASE,
)


_QUOTED = re.compile(r"[\"“„][^\"“”„]*[\"”]|(?<![\w])['‘][^'‘’]*['’](?![\w])")
_QUOTE_MARKS = ('"', "“", "„", "'", "‘")  # a quotation in _QUOTED opens with one of these


def _content_words(text: TextField, subject: Subject, quoted: bool = False) -> list[str]:
    """Words that say something about the issue: not filler, names, slang, insults or judgements, nor quotations
    (unless ``quoted``)."""
    lexicon = subject.lexicon
    if not quoted and any(mark in text.masked for mark in _QUOTE_MARKS):
        unquoted = _QUOTED.sub(" ", text.masked)
        words = [w.lower().replace("’", "'") for w in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", unquoted)]
    else:
        words = text.words  # nothing quoted (the usual case): the words the text already has
    insults = set(subject.derogatory_in(text))
    if insults:
        words = [w for w in words if w not in insults and not any(w in phrase.split() for phrase in insults)]
    filler, names = lexicon.filler, subject.names
    # Judging words said of a person say nothing of the issue; said of a thing they are it ("the shower is cold");
    # nouns VADER scores ("funeral", "emergency") are the issue too.
    of_a_person = not _A_PERSON_IN_A_REASON.isdisjoint(words) or not names.isdisjoint(words)
    kept = [w for w in words if len(w) > 1 and w not in filler and w not in names and not (of_a_person and lexicon.judges_a_person(w))]
    if "behalf" in words:  # on whose behalf is not the issue: "rang on behalf of his wife"
        at = words.index("behalf")
        after = words[at + 1 : at + 4]
        if after[:1] == ["of"]:
            whose = after[2:3] if len(after) > 2 and after[1] in DETERMINERS else after[1:2]
            kept = [w for w in kept if w not in whose]
        elif at > 1 and words[at - 1].endswith("'s"):  # "on Hamish's behalf"
            kept = [w for w in kept if w != words[at - 1]]
    if not _THINGS_AS_NOUNS.isdisjoint(words):  # rarely: a look at the word before each
        kept += [w for i, w in enumerate(words) if w in _THINGS_AS_NOUNS and i > 0 and _after_a_determiner(words, i, kept)]
    if not _WEEKDAYS.isdisjoint(kept):  # rarely: a weekday is when, unless it names a thing ("the Saturday slot")
        kept = [w for i, w in enumerate(words) if w in kept and not (w in _WEEKDAYS and (i + 1 == len(words) or words[i + 1] not in kept))]
    if ("over" in words or "through" in words) and not _GOING.isdisjoint(kept):  # rarely: a talk, "to go over some stuff"
        kept = [w for i, w in enumerate(words) if w in kept and not (w in _GOING and words[i + 1 : i + 2] in (["over"], ["through"]))]
    forms = [w for w in kept if w.endswith(("ing", "in"))] if 2 <= len(kept) <= 4 else []
    if forms and len(kept) - len(forms) < 2:  # rarely: only then can a form of a vague verb change the count
        kept = [w for w in kept if w not in forms or not _a_form_of(w, filler)]
    telling = len(kept) >= 2 and (not _CUES.isdisjoint(words) or "'d" in text.lowered)  # most reasons have no cue
    said_of_the_contact = _the_contact_itself(text, words, filler, names) if telling else set()
    if not _KINDS_OF_ISSUE.isdisjoint(words):  # rarely: what a kind of issue had done to it, "the points raised before"
        said_of_the_contact |= _said_of_a_kind(words)
    if not _EARLIER_CONTACTS.isdisjoint(kept) or ("with" in words and not _EARLIER_CONTACTS.isdisjoint(words)):
        # rarely: the topic only an earlier contact, "her recent visit", "her chat with the duty manager last week"
        said_of_the_contact |= _an_earlier_contact(words)
    if not _CONTACT_CUES.isdisjoint(kept):  # rarely: a contact returned or repeated, or a visit for its own sake
        said_of_the_contact |= _a_contact_returned(words)
    if not _NEWS.isdisjoint(kept):  # rarely: news asked for, "for an update on Mum", "some news on the order"
        said_of_the_contact |= {w for i, w in enumerate(words) if w in _NEWS and i and words[i - 1] in _ASKED_FOR}
    if not _ABOUT_NOUNS.isdisjoint(kept):  # rarely: "about" said in more words, "in relation to her booking"
        said_of_the_contact |= {m.group(m.lastindex or 0) for m in _ABOUT_IN_MORE_WORDS.finditer(text.lowered)}
    if "check" in text.lowered:  # rarely: checking in as getting in touch
        said_of_the_contact |= {m.group(1) for m in _CHECKING_IN.finditer(text.lowered)}
    if "where" in kept or "how" in words:  # rarely: how things stand, asked after
        said_of_the_contact |= {w for m in _HOW_THINGS_STAND.finditer(text.lowered) for w in _WORD.findall(m.group(0))}
    if 2 <= len(kept) <= 10 and (not _GETTING_IN_TOUCH.isdisjoint(words) or "'d" in text.lowered):  # rarely: a short reason that says how they got in touch
        said_of_the_contact |= _who_where_and_when_of_the_contact(text, words, names, filler)
    kept = [w for w in kept if w not in said_of_the_contact]
    if len(kept) < 2 and text.has_digit:  # rarely: a document or form named by its code, "to check we got her P60"
        kept += [m.group(0) for m in _A_CODE.finditer(text.text) if not _A_PLACE_BEFORE.search(text.text, 0, m.start())]
    if 2 <= len(kept) <= 4 and not lexicon.spelled_right.issuperset(kept):  # a short reason with a word not known right
        kept = [w for w in kept if lexicon.is_known(w) or not _a_slip_of(w, filler)]  # misspelt words that say nothing: "Rang abuot her acount"
    return kept


_WEEKDAYS = frozenset(WEEKDAYS.split("|"))
# A document or form named by its code of capitals and digits ("her P60", "his V5C", "the SA302"), which numbers hide;
# not a room, a berth or a seat named by one ("Rang from room B12").
_A_CODE = re.compile(r"\b[A-Z]{1,3}\d{1,3}[A-Z]?\b(?![-/])")
_A_PLACE_BEFORE = re.compile(r"\b(?:room|flat|unit|bay|gate|berth|pitch|plot|seat|row|table|ward|bed|desk|platform|apartment|apt|suite|cabin|stand|locker)\s+$", re.IGNORECASE)
# Words of a request that ask nothing of their own: a modal, "please", a time to come ("can you call me tomorrow please").
_ASKING_ONLY = frozenset("can could will would shall should may might must please asap tomorrow tonight later soon".split())
# Verbs of going or running that, before "over" or "through", say only that things were talked over: "go over a few
# things", "run through a couple of bits", "went through it".
_GOING = frozenset("go goes going went gone run runs running ran".split())


# The issue named only by its kind, after which a participle and a time say nothing more: "the points raised before".
_KINDS_OF_ISSUE = frozenset("point points issue issues matter matters concern concerns question questions query queries things bits".split())


def _said_of_a_kind(words: list[str]) -> set[str]:
    said: set[str] = set()
    for index, word in enumerate(words[:-1]):
        if word in _KINDS_OF_ISSUE and words[index + 1].endswith("ed"):
            said.add(words[index + 1])  # "raised", "discussed", "mentioned"
            if index + 2 < len(words) and words[index + 2] in ("before", "previously", "earlier", "already"):
                said.add(words[index + 2])
    return said


# An earlier contact named as the topic, with when it was: "his recent visit", "last Saturday's visit", "her
# previous appointment", "yesterday's call", "her earlier conversation with the front desk".
_EARLIER_CONTACTS = frozenset("visit visits appointment appointments conversation conversations call calls chat email emails letter message correspondence meeting".split())
_EARLIER = frozenset("recent previous earlier last prior".split())
# (And a contact in the words of an office: "our previous touchpoint", "the last interaction".)
_EARLIER_CONTACTS |= frozenset("touchpoint touchpoints interaction interactions engagement exchange".split())
# (And a stay, a visit of a night or more: "his stay of last month".)
_EARLIER_CONTACTS |= frozenset("stay stays".split())
# Contacts that may be returned or made again: "returning her voicemail".
_CONTACTS_MADE = _EARLIER_CONTACTS | frozenset("voicemail voicemails text texts".split())


def _an_earlier_contact(words: list[str]) -> set[str]:
    said: set[str] = set()
    for index, word in enumerate(words[1:], 1):
        before = words[index - 1]
        gap = index + 1 + (words[index + 1 : index + 2] in (["of"], ["from"]))  # (when it was, after "of": "the stay of last week")
        after = words[gap : gap + 1]
        if word in _EARLIER_CONTACTS and after and (after[0] in _EARLIER or after[0] == "yesterday"):
            said.add(word)  # when it was, after it: "her visit last week", "his call yesterday"; not "her appointment today"
            said.update(w for w in words[index + 1 : gap + 2] if w in _TIME_WORDS or w in ("of", "from"))
        if word in _EARLIER_CONTACTS and (before in _EARLIER or (before.endswith("'s") and before[:-2] in _TIME_WORDS)):
            said.update((word, before))
            if index > 1 and words[index - 2] in _EARLIER:
                said.add(words[index - 2])  # "last Saturday's visit"
            if words[index + 1 : index + 2] == ["with"]:
                said.update(words[index + 1 : _a_phrase_end(words, index + 2)])  # "with the front desk"
        elif word in _EARLIER_CONTACTS and after == ["with"]:
            # with whom, then when it was: "her chat with the duty manager last week"
            when = next((at for at in range(index + 2, min(index + 8, len(words))) if words[at] in _EARLIER or words[at] == "yesterday"), 0)
            if when:
                said.update(words[index : when + 1])
                said.update(w for w in words[when + 1 : when + 3] if w in _TIME_WORDS)
    return said


# A contact answered or made again: "Returning our call from Thursday", "Return visit as discussed", "repeat visit";
# an arrangement pointed back to ("as arranged", "as promised"; not "not as described"); a visit for its own sake ("to
# visit with us for a little while").
_RETURNING = frozenset("return returning returned repeat".split())
_ARRANGING = frozenset("arranged agreed promised discussed planned booked scheduled requested mentioned".split())
_VISITING = frozenset("visit visiting visited stay staying stayed".split())
_CONTACT_CUES = _RETURNING | _ARRANGING | _VISITING | {"while"}


def _a_contact_returned(words: list[str]) -> set[str]:
    said: set[str] = set()
    for index, word in enumerate(words[:-1]):
        after = index + 1 + (words[index + 1] in _OPENERS)
        while word in _RETURNING and after < min(index + 4, len(words)) and (words[after] in HONORIFICS or words[after].endswith("'s")):
            after += 1  # whose it was: "Returning Mr Pryce's call"
        if word in _RETURNING and after < len(words) and words[after] in _CONTACTS_MADE:
            said.update(words[index : after + 1])  # "returning our call", "return visit"
        elif word in _VISITING and words[index + 1] == "with" and words[index + 2 : index + 3] and words[index + 2] in _PRONOUNS:
            said.add(word)  # "to visit with us": a talk; "the weekend he stayed with us": a visit
    for index, word in enumerate(words[1:], 1):
        if (word in _ARRANGING and words[index - 1] == "as") or (word == "while" and words[index - 1] in ("a", "little")):
            said.add(word)  # "as arranged"; "for a little while"
    return said


# Checking in as getting in touch, not as arriving: "Just checking in, ...", "to check in on the earlier job",
# "Checking in re the last ticket"; not "Checking in at the pontoon late", "checking in on Friday with two dogs", nor the
# noun, "what to bring to check-in".
_CHECKING_IN = re.compile(
    rf"\b(check(?:ing|ed|s)?)\s+in\b(?=\s*(?:[,.;:!?]|$|(?:on|upon)\s+(?!(?:{WEEKDAYS}|arrival)\b)|(?:re|about|regarding|abt|wrt)\b"
    r"|with\s+(?:us|you|me|the)\b|to\s+(?:see|ask|find|check|hear|know)\b))"
)
# How things stand, asked after as "progress" says it: "to see where things stand", "wanted to know where we're up to",
# "how we are getting on with it"; what it stands with is named apart ("where we are with the osmosis treatment").
_HOW_THINGS_STAND = re.compile(
    r"\b(?:(?:know|see|find out|ask|hear|check)\s+)?where\s+(?:things|it|we're|we are|we|they're|they|matters|everything|that|this)\b"
    r"(?:\s+(?:stand|stands|stood|are|is|was|were|currently|now|up to|at|got to))*"
    r"|\bhow\s+(?:things|it|we're|we are|we|they're|they|matters|everything)\s+(?:(?:are|is)\s+)?(?:getting on|progressing|coming along|going)\b"
)


# News asked for, after "an", "any", "some": how things stand, as "progress" says it; "an update of the firmware" is one.
_NEWS = frozenset("update updates news".split())
_ASKED_FOR = frozenset("an any some for".split())


# "About" said in more words: "in relation to", "with regard to", "in respect of", "relating to".
_ABOUT_NOUNS = frozenset("relation regard regards respect reference connection relating pertaining".split())
_ABOUT_IN_MORE_WORDS = re.compile(
    r"\b(?:(?:in|with) (relation|regards?|respect|reference|connection) (?:to|of|with)|(?:as) (regards)|(relating|pertaining) to)\b"
)


# Verbs of getting in touch, in the forms a reason opens with: "rang", "msgd", "emailed" (not "phone", "call": also nouns).
_CONTACTING = frozenset(
    """called calling rang rung ringing phoned phoning telephoned messaged messaging msgd texted texting emailed
    emailing wrote writing chatted buzzed pinged dialled dialed contacted contacting"""
    # Catching a member of staff is getting in touch too: "collared me in the car park".
    """ collared buttonholed""".split()
)
# Verbs of coming that are a visit only with a particle: "stopped by reception", "reached out"; not "the boiler stopped".
_COMING = frozenset("came come popped walked stopped dropped wandered strolled ambled stepped nipped swung reached reaching".split())
# A visit named as a noun, before where or nothing: "Walk-in at the Kettering branch", "Drop-in"; not "Walk-in freezer".
_VISITS_AS_NOUNS = frozenset("walk drop".split())
_COMING |= _VISITS_AS_NOUNS
_PARTICLES_OF_COMING = frozenset("by in into round over past out up down".split())
_PARTICLES_OF_CALLING = frozenset("in back up down round through".split())  # "rang down from room 12", "phoned back"
# A talk had: "had a quick word", "having a chat".
_HAVING = frozenset("had have has having".split())
_A_TALK = frozenset("word chat natter chinwag yarn gossip catch talk blether confab conflab powwow chit".split())
# (And words for a talk that are other things too, read so after "a": "for a good old jaw", "for a gab".)
_A_TALK |= frozenset("jaw gab".split())
_GETTING = frozenset("got get gets getting".split())  # "got in touch", "getting in contact"
# A message left or put somewhere is getting in touch: "left a voicemail", "slipped a letter under the door".
_LEFT_MESSAGES = frozenset("message msg voicemail note text email letter card".split())
_GETTING_IN_TOUCH = _CONTACTING | _COMING | _A_TALK | _LEFT_MESSAGES | frozenset("touch touching left".split())
# Where, over what channel and when they got in touch, before the topic: "at the wheel", "via WhatsApp", "from the boat".
_WHERE = frozenset("at on in via by from over into through during under".split())
# Before a time alone: "after hours", "before closing".
_WHEN_WORDS = frozenset("after before".split())
# Where "about" said in more words starts: "with reference to", "in relation to".
_ABOUT_OPENERS = frozenset("with in".split())
# Where the topic of a reason starts, after how they got in touch: "about her membership", "concerning his licence".
_TOPIC_STARTS = frozenset("about abt bout re regarding concerning wrt".split())
# Time said as a noun phrase, never the issue: "the stuff from last wk", "rang last Tuesday", "on Sunday evening".
_TIME_WORDS = frozenset(
    f"""{WEEKDAYS.replace('|', ' ')} the last week wk wks weeks month months day days before previous earlier ago
    yesterday today morning afternoon evening night hours lunch lunchtime closing opening work school
    mon tue tues wed weds thu thur thurs fri sat sun am pm""".split()
)
# Looking round as the visit itself, after "a": "came by for a natter and a browse", "a nose around".
_A_LOOK_ROUND = frozenset("browse nose look wander".split())
# (A title's full stop does not end it: "Mr. Whitfield left a voicemail".)
_FIRST_CLAUSE = re.compile(r"(?:[^,;:.!?(]|(?<=\bmr)\.|(?<=\bmrs)\.|(?<=\bms)\.|(?<=\bdr)\.)*")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def _who_where_and_when_of_the_contact(text: TextField, words: list[str], names: frozenset[str], filler: frozenset[str]) -> set[str]:
    """The words of a reason's first clause that say who got in touch, how, where and when, up to its topic ("His
    son popped into the office at the basin", "msgd on insta", "Had a word at the wheel"); a time in the topic ("from
    last wk"), and looking round as the visit ("for a natter and a browse")."""
    clause = _WORD.findall(_FIRST_CLAUSE.match(text.lowered).group(0).replace("’", "'"))  # type: ignore[union-attr]
    start = 0
    while start < min(3, len(clause)) and (clause[start] in _OPENERS or clause[start] == "just" or _a_person(clause, start, names)):
        start += 1  # who got in touch: "Dad", "His son"; "Just popped in"
    while start < len(clause) - 1 and clause[start] in _AUXILIARIES and not _after_getting_in_touch(clause, start, filler):
        start += 1  # "Customer is calling from her mobile"; not "had a word"
    if start and clause[start : start + 1] and clause[start] in _WHERE:  # and where they are: "Guest in Rose Cottage"
        start = next((at for at in range(start + 2, min(start + 6, len(clause))) if _after_getting_in_touch(clause, at, filler)), start)
    index = _after_getting_in_touch(clause, start, filler)
    if not index:
        return set()
    while index < len(clause) and (clause[index] in _PRONOUNS or clause[index] in _OPENERS or _a_person(clause, index, names)):
        index += 1  # whoever was got in touch with: "rang us", "emailed the office"
    if index and clause[index - 1] in _OPENERS:  # named as a place, before the topic: "phoned the garden centre concerning"
        end = _a_phrase_end(clause, index)
        if end - index <= 2 and "of" not in clause[index:end] and (
            end == len(clause) or clause[end] in _TOPIC_STARTS or clause[end] in _ABOUT_OPENERS or (clause[end] == "for" and _a_talk_had(clause, end + 1))
        ):
            index = end
    while index < len(clause):  # how, where and when: "rang from the boat last Tuesday"
        if clause[index] in _TIME_WORDS:
            index += 1
        elif clause[index] in _WHEN_WORDS and all(w in _TIME_WORDS for w in clause[index + 1 : _a_phrase_end(clause, index + 1)]):
            index = max(index + 1, _a_phrase_end(clause, index + 1))  # "after hours", "before closing"
        elif clause[index] in _WHERE:
            index = max(index + 1, _a_place_end(clause, index + 1, filler))
        elif clause[index] in ("for", "to") and _people_end(clause, index + 1, _a_phrase_end(clause, index + 1), names):
            index = _people_end(clause, index + 1, _a_phrase_end(clause, index + 1), names)  # whom: "for the practice manager"
        elif clause[index] == "after" and _a_short_when(clause, index + 1):
            index = _a_short_when(clause, index + 1)  # "after her yoga class for a catch-up", "after class"
        elif clause[index] == "for" and _a_talk_had(clause, index + 1):
            index = _a_talk_had(clause, index + 1)  # the visit's purpose only a talk: "for a quick word", "for one small talk"
        else:
            break
    said = set(clause[: index + 1 if index < len(clause) and clause[index] in _TOPIC_STARTS else index])
    for at in range(len(words) - 1):
        if words[at] in ("from", "of") and all(w in _TIME_WORDS for w in words[at + 1 : at + 4]):
            said.update(words[at : at + 4])  # "from the week before"
        elif words[at] == "a" and words[at + 1] in _A_LOOK_ROUND:
            said.add(words[at + 1])
    return said


def _a_place_end(words: list[str], start: int, filler: frozenset[str]) -> int:
    """Where the place or channel a contact came by ends: a noun phrase, up to a verb of asking in -ing that opens
    the topic ("msgd us on fb asking how donations from her page get to us")."""
    end = _a_phrase_end(words, start)
    return next((at for at in range(start + 1, end) if words[at].endswith("ing") and words[at] in filler), end)


def _a_short_when(words: list[str], start: int) -> int:
    """Where a short noun phrase after "after" ends when it names when they came, not the issue: "after the lesson",
    "after her yoga class for ..."; not "after the boiler broke" (a longer phrase at the clause's end may be the issue). 0 if none."""
    end = _a_phrase_end(words, start)
    if end >= len(words):
        return end if end - start - (words[start] in _OPENERS) == 1 else 0
    return end if end - start <= 3 and words[end] in ("for", "to") else 0


def _a_talk_had(words: list[str], start: int) -> int:
    """Where "a quick word", "one small talk", "a catch-up" ends, after "for", or 0 when what follows is no talk."""
    if start >= len(words) or words[start] not in ("a", "an", "one"):
        return 0
    index = start + 1
    while index < len(words) and words[index] in _SIZES_AFTER_A:
        index += 1
    if index < len(words) and words[index] in _A_TALK:
        return index + 2 if words[index] == "catch" and words[index + 1 : index + 2] == ["up"] else index + 1
    return 0


def _after_getting_in_touch(words: list[str], start: int, filler: frozenset[str]) -> int:
    """Where the verb of getting in touch at start ends ("rang", "stopped by", "had a quick word", "DM'd"), or 0 when there is none."""
    if start >= len(words):
        return 0
    word = words[start]
    if word in _CONTACTING or (word.endswith("'d") and (word[:-2] in filler or word[:-2] in _CHANNELS)):  # "DM'd", "msg'd"
        return start + 2 if words[start + 1 : start + 2] and words[start + 1] in _PARTICLES_OF_CALLING else start + 1
    if word in _COMING:  # with the particle and where it leads: "stopped by reception", "swung by the studio"
        if not (words[start + 1 : start + 2] and words[start + 1] in _PARTICLES_OF_COMING):
            return 0
        if word in _VISITS_AS_NOUNS and words[start + 2 : start + 3] and words[start + 2] not in _WHERE:
            return 0  # a thing named by the visit: "Walk-in freezer", "Drop-in session fees"
        # "came up to the front desk", "down to reception"; not "came in to sign the form"
        to = start + 3 if words[start + 2 : start + 3] == ["to"] and words[start + 3 : start + 4] and (words[start + 3] in _OPENERS or words[start + 3] in filler) else start + 2
        return _a_phrase_end(words, to)
    if word in _GETTING and words[start + 1 : start + 3] in (["in", "touch"], ["in", "contact"]):
        return start + 3
    if word in ("touch", "touching", "touched") and words[start + 1 : start + 2] == ["base"]:
        return start + 2  # "touching base about Owen"
    if words[start + 1 : start + 2] in (["a"], ["an"]) and words[start + 2 : start + 3] and words[start + 2] in _LEFT_MESSAGES:
        if word == "left" or word.endswith("ed") or word in _IRREGULAR_PAST:  # "left a message", "slipped a letter", "put a note"
            return start + 3
    if word in _HAVING:
        for index in range(start + 1, min(start + 4, len(words))):
            if words[index] in _A_TALK:
                return index + 1
            if words[index] != "a" and words[index] not in _TALK_SIZES:
                return 0
    return 0


# Words for a person a judgement in a reason may be said of: "rude customer", "she was cold with me".
_A_PERSON_IN_A_REASON = PERSON_WORDS | PERSON_HEADS | frozenset("i we me us you they them he she his her staff".split())


def _a_form_of(word: str, filler: frozenset[str]) -> bool:
    """Whether a word in -ing, or with its g dropped ("ringin"), is a form of a vague verb: "coming" (come),
    "popping" (popped), "callin" (calling)."""
    if word.endswith("in"):
        word += "g"
    if word in filler:
        return True
    stem = word[:-3]
    return len(stem) > 1 and (stem + "e" in filler or stem + "ed" in filler)  # "wording" is no form of "word"


# How the contact came, said before a word of talk, who sent it or what it is about: "phone call",
# "telephone enquiry", "email from the tenant", "voicemail left by Mrs Lim", "letter about her membership".
_CHANNELS = frozenset("phone telephone tel email e-mail mail post letter letters correspondence voicemail voicemails text texts fax webchat sms dm dms pm".split())
# The size or kind of a talk, not its subject: "quick chat", "brief call", "general enquiry".
_TALK_SIZES = frozenset("quick brief short long little small general routine random simple".split())
_TALK = frozenset("call calls chat conversation enquiry enquiries inquiry inquiries query queries question questions message messages".split())
_SENT_BY = frozenset(("from", "by", "about", "re", "regarding"))  # "letter from ...", "email about ..."
# Words one of which a reason holds when _the_contact_itself may find something in it.
_POINTING = frozenset("see per refer details notes info information".split())
# A reason that follows up or points back names when the earlier contact was, not what it was about.
_POINTING_BACK = frozenset("following follow chasing chased callback previous earlier again happened".split())
_TIMES = frozenset(f"{WEEKDAYS.replace('|', ' ')} last week weeks month day days yesterday today ago morning afternoon evening".split())
# How much contact, said of a channel, makes the channel the issue: "less post from us", "too many emails from the shop".
_HOW_MUCH = frozenset("less fewer more many much no".split())
# (And after "a", before a word of talk: "for a good old jaw", "a proper natter".)
_SIZES_AFTER_A = _TALK_SIZES | frozenset("good old proper".split())
# How many contacts this one makes: "second letter", "third email", "another call".
_ORDINALS = frozenset("second third fourth fifth another further latest".split())
_CUES = _CHANNELS | _TALK_SIZES | HONORIFICS | _POINTING | _POINTING_BACK | _ORDINALS
# A reason that points elsewhere for the issue names a document, not the issue: "see sheet", "as per the
# email thread", "details in the CRM".
# ("per" alone is a rate, "per month", unless a determiner follows: "per the job sheet".)
_POINTER = re.compile(
    r"\b(see|as per|refer to|per(?=\s+(?:the|our|their|his|her|its|your)\b)|(?:details|notes|info|information)\s+(?:are\s+|is\s+)?(?:in|on))"
    r"\s+((?:(?:the|our|their|his|her|its|your|this|that)\s+)?(?:[a-z'-]+\s+)?[a-z'-]+)\s*(?:[.;,]|$)"
)


def _a_title_before_a_name(word: str, after: list[str], index: int, text: TextField, words: list[str], names: frozenset[str]) -> bool:
    """"Mrs" in "Mrs Bramley", "Mr ap Gwilym": the next word is a name here, or capitalised as written."""
    if word not in HONORIFICS or not after:
        return False
    # (The words of a text with quotations are its words outside them: the index then says nothing of the original.)
    return after[0] in names or (words is text.words and text.originals[index + 1][:1].isupper())


def _the_contact_itself(text: TextField, words: list[str], filler: frozenset[str], names: frozenset[str]) -> set[str]:
    """Words of a reason that say how the contact came or where the issue is written, not what it is:
    the channel before a word of talk or a sender, a talk's size, what a pointer points to, when a
    contact followed up was ("last Tuesday"), a title before a name ("Mrs Bramley"), text-speak made a verb ("msg'd")."""
    said: set[str] = set()
    for index, word in enumerate(words):
        after = words[index + 1 : index + 3]
        if word in _CHANNELS or word in _TALK_SIZES:
            if word in _CHANNELS and index and words[index - 1] in _HOW_MUCH:
                continue  # how much of it is the issue: "wants fewer texts from us"
            if after[:1] and (after[0] in _TALK or (after[0] in _CHANNELS and after[1:] and after[1] in _TALK)):
                said.add(word)  # "general enquiry", "brief phone call"
            elif word in _CHANNELS and after and (after[0] in _SENT_BY or (after[1:] and after[1] in _SENT_BY)):
                said.update((word, after[0]))  # "email from", "voicemail left by", "letter about"
            elif word in _CHANNELS and after[:1] == ["on"]:
                said.add(word)  # "letter on the earlier points": on what, as "about"
        elif word in _ORDINALS and after[:1] and (after[0] in _CHANNELS or after[0] in _TALK):
            said.update((word, after[0]))  # the contact counted: "second letter", "another call"
        elif _a_title_before_a_name(word, after, index, text, words, names) or (word.endswith("'d") and word[:-2] in filler):
            said.add(word)
    if not _POINTING_BACK.isdisjoint(words):  # "following up on her call from last Tuesday": when, not what
        said.update(w for w in words if w in _TIMES)
    if not _POINTING.isdisjoint(words):
        for pointed in _POINTER.finditer(text.lowered):
            said.update(pointed.group(1).split() + pointed.group(2).split())  # the pointer and what it points to
    return said


# Words of talking that are things after a determiner: "the fees on the quote", "resize her ring", "the gutter quote".
_THINGS_AS_NOUNS = frozenset("quote quotes ring rings".split())


def _after_a_determiner(words: list[str], index: int, kept: list[str]) -> bool:
    """Whether a determiner opens the noun phrase a word ends: "the quote", "the gutter quote" (a noun before it)."""
    before = words[index - 1]
    return before in DETERMINERS or (index > 1 and before in kept and words[index - 2] in DETERMINERS)


def _names_the_issue(text: TextField, subject: Subject) -> bool:
    """Whether a reason names the issue: two words of it outside any quotation, or, when it is only a quotation and
    who said it, three inside ('Her email: "your driver reversed over my dahlias"': P303 asks for it in the note's
    own words); 'Her text said "please call me back"' and 'Wants to cancel, said "this is the worst service"' name none."""
    left = _content_words(text, subject)
    if len(left) >= 2:
        return True
    if not all(w in _CHANNELS or w in _TALK for w in left) or not any(mark in text.masked for mark in _QUOTE_MARKS):
        return False
    # (a modal, "please" and a time ask nothing of their own: "could someone ring me back this afternoon")
    return len([w for w in _content_words(text, subject, quoted=True) if w not in _ASKING_ONLY and w not in _TIME_WORDS]) >= 3


@rule("P103", "reason-too-vague", "error", "note")
def reason_too_vague(subject: Subject) -> Iterator[Hit]:
    """The reason does not say what the customer's issue was ("called in", "question about account").

    ## What it does
    Removes from `reason` the words that carry no information about an issue ("customer", "called",
    "about", "issue", "question", "account", "wants", "help", talking itself: "talk", "speak",
    "discuss", "ask"; a wish: "would like someone to ring her"; the issue named only by its kind: "complaint", "matter", "feedback", "progress",
    "what happened", "a couple of bits", "one or two things"; things talked over: "go over", "run through";
    a question word: "about what we spoke about", "how things are going"; a "situation", "ongoing"; a wish or a
    chase: "wished", "chased up"; a time that points back: "previous", "recent", "last", "further to", and when a
    contact followed up was: "following up on her call from last Tuesday", a weekday as a time: "returning our call
    from Tuesday" (not one that names a thing: "the Saturday slot"); someone or something unnamed: "someone",
    "anybody", "a colleague"; how, where and for whom they got
    in touch: "came into the office", "popped into the shop", "on behalf of his wife", the customer
    called "member", "tenant", "guest"; any of these verbs in -ing or with its g dropped: "is coming to
    the office", "callin"; their short forms and slang:
    "abt", "bout", "wrt", "cuz", made verbs: "msg'd"; names, and a title before a name: "Mrs Bramley";
    how the contact came, before a word of talk or a sender, and a talk's size: "telephone enquiry",
    "email from the tenant", "voicemail left by", "letter about", "quick chat", "general enquiry"; a pointer elsewhere
    and what it points to: "see sheet", "as per the email thread", "details in the CRM"; "quote" and "ring" count after
    "the", "her", ...: "the fees on the quote"; a document named by its code counts as a word: "to check we got her P60",
    not "room B12") and flags the reason when
    fewer than two words are left. Words can be added with `policy.vague_words`.

    A reason that opens with getting in touch is read as a reviewer reads it: who got in touch ("Dad",
    "His son", "Guest in Rose Cottage", "Mr. Whitfield", "Just popped in"), the verb ("rang", "msgd", "DM'd us", "stopped by", "reached
    out", "got in touch", "had a quick word", "came up to the front desk", "collared me", "touching base",
    "left a message", "slipped a letter under the office door", "phoned the garden centre" before the topic; a
    visit named as a noun: "Walk-in at the Kettering branch", "Drop-in"; not "Walk-in freezer"), for whom ("for the practice manager") and where, over
    what channel and when ("at the wheel", "on insta", "via WhatsApp on Sunday evening", "from the boat
    last Tuesday", "after hours", "after the lesson"; a verb of asking in -ing ends them: "msgd us on fb asking how
    donations from her page get to us" names the issue), and a talk as the visit's only purpose ("for a
    quick word", "for a catch-up", "for a yarn", after a place phoned: "Phoned the box office for a catch-up"), up to
    the topic, say only how the contact came; so do a time in the topic ("the stuff from last wk"),
    looking round as the visit ("for a natter and a browse"), the contact counted ("Second letter on
    the earlier points"), an earlier contact named as the topic ("regarding his recent visit", "about
    last Saturday's visit", "her earlier conversation with the front desk", "her visit last week"; not "her appointment
    today"; in the words of an office: "our previous touchpoint", "the last interaction"; with whom it was before when:
    "her chat with the duty manager last week"), a contact returned or made
    again ("Returning our call from Thursday", "Returning Mr Pryce's call from Monday", "Return visit as discussed",
    "repeat visit"), checking in as getting in
    touch ("Just checking in", "to check in on the earlier job"; not "Checking in at the pontoon late"), how things stand
    asked after ("to see where things stand", "wanted to know where we're up to"), a stay as an earlier visit ("his stay
    of last month", "the weekend he stayed with us"), an arrangement pointed back
    to ("as arranged", "as promised"; not "not as described"), a visit for its own sake ("to visit with us for a little
    while"), on whose behalf in either order ("on Hamish's behalf"), "reaching out", news asked for ("for an update on
    Mum", "some news on the order"; "an update of the firmware" names one), "about" in more words ("in relation to her
    booking") and what an issue named
    by its kind had done to it ("the points raised before"); "Customer is calling from her mobile" is
    read as "called". "Had a word at the
    wheel about her membership" names only her membership; "Dad stopped by reception to report the
    broken gate latch" names the issue. A judging word counts only in a reason about no person: "The
    shower is cold" names the issue. A noun of talk is a talk however it is called ("in for a blether", "a confab",
    "a powwow", "a chit-chat", "for a good old jaw"); in a short reason a word that is one letter from a word that
    says nothing, and no word itself, says nothing too ("Rang abuot her acount"); how much contact the customer
    wants is the issue ("Wants less post from us", "too many emails from the shop"). A reason that is only a
    quotation and who said it is read by the quotation ('Her email: "your driver reversed over my dahlias"' names the
    issue, P303 asks for it in the note's own words; 'Her text said "please call me back"' does not, nor does a modal, "please"
    or a time beside it: 'Her text said "can somebody call me back today"'); beside words
    of its own it is not ('Wants to cancel, said "this is the worst service"' names none).

    Where these patterns find nothing, the learned reading may still flag the note, as a warning (see "The
    learned reading" at the top of `docs/rules.md`; `learned_reading: false` in the settings switches it off).

    ## Why
    The policy asks to "clearly state the customer's issue/concern or why they were contacted".
    "Customer called in cuz they want to cancel" hid that the customer was charged after cancelling
    and wanted a refund and an email change: the next agent could not act on it.

    ## Example
    ```yaml
    reason: Customer called with a question about their account.
    ```
    Use instead:
    ```yaml
    reason: Charged after the account was cancelled; asked for a refund and an email change.
    ```
    """
    assert subject.note is not None
    for text in subject.texts:
        if text.loc == ("reason",) and not is_todo(text.text) and not _names_the_issue(text, subject):
            yield Hit(("reason",), f"reason {describe(text.text)} does not say what the issue was; state the customer's concern or why they were contacted, specifically")


# Words that give a verb no object: "Emailed over.", "Will do.", "Done it."
_NO_OBJECT = frozenset("over on upon onto up down back off out in through across along round will do did does done shall can have has been be being am it".split())


# Who did it, where, how, or by what rule, said in place of what: "Dealt with by the office.", "on the
# phone", "at the desk", "on site", "on the system", "at length", "as per the clinic procedure", "in line with our usual guidelines".
_ASIDES = re.compile(
    r"\bby (?:the |our )?[a-z]+(?<!ing)(?: (?:team|office|desk|department))?$|"
    r"\b(?:at|in|on|over|by|via)\s+(?:(?:the|our|front)\s+)*(?:desk|reception|counter|phone|telephone|email|e-mail|person|store|shop|office|branch|site|premises|"
    r"system|file|crm)\b|"
    r"\b(?:at length|in detail|in full)\b|"
    r"\b(?:as per|per|in line with|according to|in accordance with|following|under)\s+(?:[a-z'-]+\s+){0,3}"
    r"(?:procedures?|protocols?|polic(?:y|ies)|process(?:es)?|guidelines?|rules|practice|standards?)\b"
)


def _all_entries_empty(items: list[str], subject: Subject) -> bool:
    """Whether every resolution entry names no deed; an entry that only says what the customer does as a habit ("Queries
    every receipt we hand him") is empty beside another entry that is ("Dealt with at the till."), and not alone: "He pays
    every invoice by bank transfer within a week" tells how the account stands."""
    kept = []  # entries that name a deed unless a habit of the customer's in them is read as none
    for item in items:
        if _an_empty_entry(item, subject):
            continue
        if _HABIT_CUES.isdisjoint(item.lower().split()):
            return False  # the usual case: an entry that names a deed
        kept.append(item)
    return not kept or (len(kept) < len(items) and all(_an_empty_entry(item, subject, habits=True) for item in kept))


def _an_empty_entry(item: str, subject: Subject, habits: bool = False) -> bool:
    """A resolution entry that is a placeholder, names no action's object, or leaves no deed once who, where and when are taken away."""
    if _PLACEHOLDER_RESOLUTIONS.match(item):
        return True
    item = item.replace("’", "'") if "’" in item else item
    lowered = item.lower()
    found = _RESOLUTION_WORD.findall(lowered)
    if not _PLAIN_FORMS.isdisjoint(found) and (_A_PLAIN_FORM_TO_COME.search(lowered) or not _TIMES_TO_COME.isdisjoint(found)):
        return False  # rarely: an act to come, named ("will speak to both parents", "I check with Bupa and call her tomorrow")
    if found[:2] and not _OPINING.isdisjoint(found[:2]) and _AN_OPINION.match(lowered):  # rarely: what the writer thinks
        return not any(_a_deed_of_the_writer(clause.split(), subject) or _ours_to_come(clause) for clause in _CLAUSES.split(item))
    if _says_nothing(item, lowered, found, subject.names, subject.lexicon.is_known):
        return True
    if " out" in lowered or " up" in lowered or " over" in lowered or " right" in lowered or " good" in lowered or " through" in lowered or " away" in lowered:
        # rarely: "we ironed the whole thing out", read as "sorted it"
        lowered = _FIXED_IT.sub("sorted it", lowered)
        found = _RESOLUTION_WORD.findall(lowered)
    if " it" in lowered and (" on" in lowered or " into" in lowered or " bottom" in lowered) and _ON_TO_IT.search(lowered):  # rarely: "got straight onto it", "got to the bottom of it"
        lowered = _ON_TO_IT.sub("sorted it", lowered)
        found = _RESOLUTION_WORD.findall(lowered)
    if ("no " in lowered or " in order" in lowered or " in hand" in lowered or " in good order" in lowered) and _TROUBLE_NO_MORE.search(lowered):
        lowered = _TROUBLE_NO_MORE.sub("fine", lowered)  # rarely: trouble no more, read as "fine"
        found = _RESOLUTION_WORD.findall(lowered)
    if (
        len(found) <= 18
        and not subject.lexicon.spelled_right.issuperset(found)
        and (len(found) <= 6 or len(set(found).difference(_NO_DEED_WORDS)) <= 5)  # (a longer one mostly of words that say no deed)
        and not all(w in subject.names or subject.lexicon.is_known(w) for w in found)
    ):
        # rarely: an entry misspelt or in text-speak
        lowered = _respelt(item, lowered, found, subject)
        found = _RESOLUTION_WORD.findall(lowered)
        if not _PLAIN_FORMS.isdisjoint(found) and _A_PLAIN_FORM_TO_COME.search(lowered):
            return False  # an act to come once spelt out: "gonna check w the driver n txt him back"
    if not _MOVED_ALONG_CUES.isdisjoint(found) or (not _PARTICLES_OF_MOVING.isdisjoint(found) and not _WHOLE_MOVED_CUES.isdisjoint(found)):
        # rarely: the issue itself taken on, moved along or passed to nobody
        lowered = _the_issue_moved_along(lowered)
        found = _RESOLUTION_WORD.findall(lowered)
    return _no_deed_left(item, lowered, found, subject, habits)


# An entry that is what the writer thinks, not what was done: "I reckon the wrap matches his guide fine and he just
# does not like it", "Reckon he's just shopping around", "In my view she wants it for nothing".
_OPINING = frozenset("reckon think feel believe suspect guess imagine personally in my".split())
_AN_OPINION = re.compile(
    r"(?:(?:i|we) (?:really |honestly |personally )?)?(?:reckon|think|feel|believe|suspect|guess|imagine)\b|"
    r"personally\b|in my (?:opinion|view)\b|my (?:feeling|sense|guess|impression) is\b"
)


def _a_deed_of_the_writer(words: list[str], subject: Subject) -> bool:
    """Whether a clause of an opinion is a deed of the writer's, not of the person thought about: "I think the fuse had
    blown, replaced it" holds one; "he has changed his mind about the colour" is his."""
    return bool(words) and words[0] not in _THIRD_PERSONS and _a_thing_acted_on(words, subject.names, subject.lexicon.judges_a_person)


_THIRD_PERSONS = frozenset("he she they it he's she's they've".split())
# Someone of ours, then an act to come: "our engineer will inspect the hinge", "Sue in the office will look at it on Monday",
# "the manager is going to call her back" (not "the new screen will never suit her": a thing; nor "she will calm down").
_OURS_TO_COME = re.compile(
    r"^\s*(?:(?:i|we)\b|(?:our|the|my)\s+(?P<role>[a-z-]+(?:\s+[a-z-]+)?)|[A-Z][a-z]+\b)[^,;]*?"
    r"\b(?:will|'ll|shall|is going to|are going to|is to)\s+(?!never\b|not\b)[a-z]+"
)


def _ours_to_come(clause: str) -> bool:
    """Whether a clause of an opinion, as written, names an act to come of the writer's or a colleague's (by name or role)."""
    found = _OURS_TO_COME.match(clause)
    return found is not None and (found.group("role") is None or any(map(is_role, found.group("role").split())))


# Being fine said as trouble no more or things in order: "no more problems", "no further action needed", "she has no further complaints",
# "there are no issues now", "everything is in order", "all in hand".
_TROUBLE_NO_MORE = re.compile(
    r"\b(?:(?:there (?:is|are|was|were|has been|have been) |(?:she|he|they|i|we) (?:has|have|had) )?"
    r"no (?:more |further |other |longer )?(?:trouble|troubles|problems?|issues?|complaints?|bother|hassle|worries|action)(?: (?:needed|required))?(?: any ?more)?|"
    r"in (?:good )?(?:order|hand))\b"
)


# A verb of fixing with its particle whose object is only the issue as a whole: "straightened it all out", "worked
# it out", "fixed the whole thing up", "got it all straightened out"; an object named after the particle stays ("straightened out the mix-up by ...").
_FIXED_IT = re.compile(
    r"\b(?:straighten|iron|work|sort|fix|clear|patch|smooth|square|got|get)(?:ed|d)?\s+"
    r"(?:it|this|that|everything|things|it all|all of it|the (?:whole )?(?:thing|lot|matter|issue|problem))(?:\s+all)?\s+"
    r"(?:out|up|over|through|(?:straightened|sorted|ironed|worked|fixed|cleared) (?:out|up))\b|"
    # (and taken to its end: "saw it through", "followed the matter through", "carried it through to the end")
    r"\b(?:saw|seen|see|follow|followed|carry|carried|push|pushed|take|took|taken)\s+"
    r"(?:it|this|that|everything|things|it all|the (?:whole )?(?:thing|matter|issue|problem|complaint|case|job))\s+through\b|"
    # (and put or set right, made good: "have put things right for him", "it's all been put right")
    r"\b(?:(?:put|set|make|made|putting|setting)\s+(?:it|this|that|everything|things|matters|it all|all of it)(?:\s+all)?|"
    r"(?:been|be|was|were|is)\s+(?:all\s+)?(?:put|set|made))\s+(?:right|straight|good)\b|"
    # (and the issue fixed in the passive: "it has all been ironed out now", "was smoothed over", "got squared away")
    r"\b(?:been|be|was|were|is|are|got|get)\s+(?:all\s+)?(?:straightened|ironed|worked|sorted|fixed|cleared|smoothed|squared|patched)\s+"
    r"(?:out|up|over|away)\b"
)
# Getting on to the issue as a whole, an idiom of handling it: "got on it right away", "jumped straight on it", "got
# stuck into it", "cracked on with it", "was onto it", "got to the bottom of it"; read as "sorted it".
_ON_TO_IT = re.compile(
    r"\b(?:got|get|gets|jumped|jump|jumps|cracked|crack|was|were|am|'m|'s)\s+(?:straight |right )?"
    r"(?:on|onto|on to|into|stuck into|stuck in to|on with|to the bottom of)\s+(?:it|this|that|the (?:matter|issue|problem|job))\b"
)


# The issue itself, named by its kind, as the object of a verb in the past: "Picked up her query", "took the concern
# on", "Advanced the issue internally", "Owned the problem end to end". What was done to the issue says no deed, as
# in the passive ("the concern was picked up"), unless the verb decides ("upheld the complaint") or it was passed to
# someone ("Passed her complaint to the practice manager").
_ISSUE_AS_OBJECT = re.compile(
    r"\b([a-z]+ed|took|got|put|kept|brought|held|owned)\s+(?:(?:up|on|forward|along|over|through)\s+)?"
    r"(?:(?:the|her|his|their|this|that|our|its|[a-z]+'s)\s+)?(?:whole\s+)?"
    r"(?:issues?|matters?|concerns?|quer(?:y|ies)|enquir(?:y|ies)|inquir(?:y|ies)|complaints?|case|problems?|situation|points?)\b"
    r"(?:\s+(?:up|on|forward|along|through|onwards))?"
)
# The issue as a whole moved on, taken on or calmed, by its particle: "moved it forward with the right department",
# "took it on", "calmed everything down"; not before what it was put on or whom it went to ("handled it on site",
# "passed it on to Jo").
_THE_WHOLE_MOVED_ON = re.compile(
    r"\b(?!turned\b)([a-z]+ed|took|got|put|kept|brought)\s+(?:it|everything|things|it all|all of it|the whole thing)(?:\s+all)?\s+"
    r"(?:forward|along|on|onwards|down)(?=\s*(?:$|[,;.]|(?:with|and|then|in|for|internally|as|straight|quickly)\b))"
)
# Taking the issue on as one's own, whatever the verb: "Assumed responsibility for the concern", "accepted ownership".
_TAKEN_ON = re.compile(r"\b[a-z]+\s+(?:full\s+)?(?:responsibility|ownership)\b")
# A verb of passing at the entry's start with no object and nobody named: "Raised internally per process", "Logged.".
_PASSED_TO_NOBODY = re.compile(
    r"^(?:(?:i|we)\s+(?:have\s+)?)?(?:passed|forwarded|referred|reported|logged|raised|flagged)(?=\s+(?:internally|per|as|accordingly)\b|\s*$|\s*[,;])"
)
_MOVED_ALONG_CUES = frozenset(
    """issue issues matter matters concern concerns query queries enquiry enquiries inquiry inquiries complaint complaints case
    problem problems situation point points responsibility ownership passed forwarded referred reported logged raised flagged""".split()
)
_WHOLE_MOVED_CUES = frozenset("it everything things".split())
_PARTICLES_OF_MOVING = frozenset("forward along on onwards down".split())


def _respelt(item: str, lowered: str, found: list[str], subject: Subject) -> str:
    """An entry with its slang and its slips spelt out: "Atended, evrything fine now" reads as "attended, everything
    fine now", "Delt with it, shes happy now" as "dealt with it, she is happy now", "took the neccesary steps" as "took
    the necessary steps"; a word written with a capital may be a name ("Tomasz popped round"), and only a slip of a
    word that says no deed is read in it."""
    lexicon = subject.lexicon
    for word in found:
        meant = lexicon.spelt_out.get(word)  # (slang may be a word too: "shes")
        if not meant and (word in subject.names or lexicon.is_known(word)):
            continue
        meant = meant or _a_slip_saying_no_deed(word) or (_the_word_meant(word, lexicon) if word.capitalize() not in item else None)
        if meant:
            lowered = re.sub(rf"(?<![\w']){re.escape(word)}(?![\w'])", meant, lowered)
    return lowered


def _the_word_meant(word: str, lexicon: Lexicon) -> str | None:
    """The word a misspelt word of five letters or more most likely stands for, as P302 suggests it ("thorougly":
    thoroughly, "neccesary": necessary), or None."""
    if len(word) < 5 or not word.isalpha():
        return None
    suggested = lexicon.suggestions(word)
    return suggested[0] if suggested else None


@lru_cache(maxsize=1024)
def _a_slip_saying_no_deed(word: str) -> str | None:
    """The word that says no deed a word not known right is one letter from ("atended": attended), or None."""
    slips = sorted(w for w in _SAID_WITHOUT_A_DEED.intersection(one_edit_from(word)) if len(w) > 3) if len(word) > 3 else []
    return slips[0] if slips else None


def _the_issue_moved_along(lowered: str) -> str:
    """An entry with the issue itself taken on, moved along or passed to nobody read as "sorted it"."""

    def unless_a_deed(match: re.Match[str]) -> str:
        verb, after = match.group(1), lowered[match.end() : match.end() + 6]
        if verb in _DECIDED or (verb in _PASSING and after.startswith((" to ", " with "))):
            return match.group(0)  # "upheld the complaint", "passed her complaint to the practice manager"
        return "sorted it"

    lowered = _ISSUE_AS_OBJECT.sub(unless_a_deed, lowered)
    lowered = _THE_WHOLE_MOVED_ON.sub(unless_a_deed, lowered)
    if "responsib" in lowered or "ownership" in lowered:
        lowered = _TAKEN_ON.sub("took ownership", lowered)
    return _PASSED_TO_NOBODY.sub("sorted it", lowered)


def _says_nothing(item: str, lowered: str, found: list[str], names: frozenset[str], is_known: Callable[[str], bool] | None = None) -> bool:
    """A resolution that names no action's object: "Noted.", "Replied.", "Will do.", "Filed.", "Emailed over.",
    "Took care of it.", "Went through everything with her, all sorted.", "Dealt with Mr Ogun's enquiry as appropriate."."""
    if not found or len(found) > 18:
        return False
    first = found[0]
    if len(found) > 3 and first not in _SAYS_NOTHING and first not in names and first not in HONORIFICS and not first.endswith("'s"):
        return False  # the usual case: a verb that names what it acted on ("Replaced the hinge on the side gate.")
    words = [w.removesuffix("'s") for w in found] if "'" in lowered else found  # "the customer's issue": the customer
    named: set[str] = set()
    if not names.isdisjoint(words) or not HONORIFICS.isdisjoint(words):  # rarely: the people as written
        people = names | HONORIFICS
        named = {w.removesuffix("'s") for run in _CAPITALISED.findall(item) for w in run.lower().split()} & people
    return _only_empty_words(lowered, [w for w in words if w not in named] if named else words, named, is_known)


def _only_empty_words(lowered: str, words: list[str], named: set[str], is_known: Callable[[str], bool] | None = None) -> bool:
    if not words:
        return False
    if words[0] not in _SAYS_NOTHING:  # the usual case: only a verb alone then says nothing ("Received.", "Filed.")
        # ("it" after a verb of a deed is the thing the reason names: "Cleaned it off.", "Replaced it.")
        return len(words) <= 3 and words[0].endswith("ed") and all((w in EMPTY_RESOLUTION_WORDS or w in _NO_OBJECT) and w != "it" for w in words[1:])
    # Every word a verb of handling, attending or talking, a pronoun or "everything", the issue named
    # only as such, who did it, a manner or a time, or a state of being fine.
    left = [w for w in words if w not in _SAYS_NOTHING and not _a_manner(w)]
    if not left:
        return True
    if len(left) == 1 and is_known is not None:  # rarely: one word left, maybe an empty one misspelt ("delt", "resolvd")
        if not is_known(left[0]) and _a_slip_of(left[0], _SAYS_NOTHING):
            return True
    if len(left) <= 4:
        stripped = _ASIDES.sub(" ", lowered)  # rarely: who did it, where, how or by what rule, taken out
        if stripped != lowered:
            rest = [w.removesuffix("'s") for w in _RESOLUTION_WORD.findall(stripped)]
            return _only_empty_words(stripped, [w for w in rest if w not in named], named, is_known)
    return False


_RESOLUTION_WORD = re.compile(r"[a-z/']+")
# A manner said in an adverb, beside words that say nothing: "Client assisted telephonically.", "Helped remotely.".
_MANNER_ENDINGS = ("ally", "ely", "ously", "ively", "ately", "ntly", "edly", "fully", "lessly", "oughly", "ckly", "ctly", "ptly")


def _a_manner(word: str) -> bool:
    return len(word) > 6 and word.endswith(_MANNER_ENDINGS)


def _a_slip_of(word: str, vocabulary: frozenset[str]) -> bool:
    """Whether a word not spelled right is one letter from one of ``vocabulary`` of more than three letters, left out,
    added, changed or swapped: "delt" (dealt), "abuot" (about)."""
    return any(len(slip) > 3 for slip in vocabulary.intersection(one_edit_from(word)))


# A name or a title as written, with the particles inside a name: "Mrs Lim's complaint", "Mr ap Gwilym"; not "the account".
_CAPITALISED = re.compile(r"\b[A-Z][a-z']*(?:\s+[a-z]{1,4}\s+[A-Z][a-z']*)*")
# The plain forms of verbs of handling, giving and talking, which a second language may write for the past: "I help
# her already", "I have speak with her", "Already explain to her".
_PLAIN_FORMS = frozenset("help explain speak handle answer advise assist inform reply escalate check discuss".split())
# After a modal or "to" a plain form is what it says, an act to come: "the manager will speak to both parents".
_A_PLAIN_FORM_TO_COME = re.compile(rf"\b(?:will|'ll|shall|would|can|could|should|must|to)\s+(?:\w+ly\s+)?(?:{'|'.join(sorted(_PLAIN_FORMS))})\b")
# A time to come, beside a plain form, makes it an act to come: "I check with the service centre and inform madam tomorrow".
_TIMES_TO_COME = frozenset("tomorrow tonight later next soon shortly".split())
_SAYS_NOTHING = EMPTY_RESOLUTION_WORDS | _NO_OBJECT | EMPTY_RESOLUTION_CLAIMS | _PLAIN_FORMS


@rule("P104", "resolution-missing", "error", "note")
def resolution_missing(subject: Subject) -> Iterator[Hit]:
    """The note does not say what was done: `resolution` is empty or says only "resolved" or "n/a".

    ## What it does
    Flags a note with no `resolution` entries, or whose entries are all placeholders ("done",
    "resolved", "n/a", "helped customer", "advised accordingly", "answered her questions",
    "provided information", "see above"), or a few words that name no object of the action
    ("Noted.", "Replied.", "Given.", "Added to note.", "Will do.", "All good.", "As discussed.",
    "Followed process.", "Spoke to her.", "Taken care of.", "All set."), or a verb alone with what it acted on left out
    ("Filed.", "Received.", "Emailed over."; "Cleaned it off." names it: the thing the reason names). Longer entries say nothing too when every word is a verb of
    handling, attending, solving, giving or talking in any tense, a pronoun or "everything", the issue,
    a deed or a thing given named only by its kind ("the matter", "her enquiry", "measures", "the
    relevant guidance", "the ticket"), the people's names or an unnamed colleague ("my supervisor"),
    who did it, where or by what channel ("on the system", "via the online portal"), a manner or a rule followed
    ("duly", "as appropriate", "fully", "remotely", "as per the clinic procedure", "per warranty", "according to the
    latest infection control guidance"), a time or how long ("straight away", "on the day", "the same morning", "for
    the best part of an hour", "spent ages"), or when said by what else happened ("once she got back from the car
    park", "all working when he left", "before the recital"; "Refunded her when she came back in" names a deed), how
    a talk went ("a really productive call", "a lovely friendly conversation"; not what it was about), going ahead
    ("went ahead and took care of everything"), or a state of being fine or finished ("is finish", as a second language may
    say it), trouble no more ("no more problems", "no further complaints", "no further action needed", "all in
    hand", "everything is in order", "no problem anymore"), a manner named by a noun ("in the standard fashion"), and
    any one of these misspelt by a letter ("resolvd"; in a short entry each such word: "Atended, evrything fine now") or
    in slang ("Delt with it, shes happy now"), and in a longer entry made mostly of such words each misspelt word as the
    word P302 suggests for it ("took the neccesary steps, evrything is fine now"; a word written with a capital may be a
    name: only a slip of one of these words is read in it): "Took care of it.", "Dealt with by the office.", "It is solved now.",
    "Had a good long chat and went through it all with her.", "Talked it over, she's good now.",
    "Matter attended to.", "Dealt with at the desk.", "All dealt with on site.", "Spoke with her at length",
    "Appropriate measures taken.", "Fault rectified to her satisfaction.", "Handed over to a colleague.",
    "I have dealt with Mr Ogun's enquiry as appropriate."

    A verb of handling, giving or talking in its plain form, as a second language may write the past, says no more
    than its past ("I help her already, now is working.", "I have speak with her and everything is clear for her
    now.", "Already explain to her and she say ok.", "Teacher solve it already", "I talk with the warden and also with
    him"); after "will", "to" or another modal it names an act to come
    ("the manager will speak to both parents"). Text-speak for a small word is read as the word it stands for (as
    P301 reads it: "looked into it n got it sorted 4 her"), and a matter escalated with nobody named, talked over
    "regarding the matter", "what happened", taken "through the usual steps" or handled "in full" names no deed;
    nor does getting on to the issue as a whole ("got on it right away", "jumped straight on it", "got stuck into
    it", "smoothed it all over", "have put things right", "it's all been put right", "it has all been ironed out now",
    "got the whole thing squared away"), resolving in the formal
    words of an office ("The situation has been remedied.", "brought to a satisfactory conclusion", "taken forward
    with the relevant team", "Took ownership of the issue", "Assumed responsibility for the concern", "looked at her
    case"), the issue itself taken on, moved along or calmed ("Picked up her query", "moved it forward with the right
    department", "calmed everything down"; a verb that decides names a deed: "upheld the complaint"), a verb of
    passing with nothing passed and nobody named ("Raised internally per process"), a talk named as a
    "discussion" or "touching base", a fix "where needed", a customer who "accepted", a record named by its number after a preposition ("regarding order SO-2026-2410",
    "under reference CS-2026-1420"; "Confirmed order 3321 goes out on Friday" names one), a thing said to be fine
    now ("the dryer has been fine since then"), or a judgement said of a person by a noun ("difficult man to please",
    "Exhausting woman to deal with").
    Nor does a clause or sentence that says what a person is, thinks or tends to do (a judgement of a person as P305
    reads one, or an insult said of one as P304 does; what follows it with no subject of its own is that person's
    conduct), how they are, or what the customer did with no object ("He is not the most reasonable of men.", "She's the sort who wants the best seat in the house", "Flat 4
    who complained are a right pair of clowns", "Not the easiest customer we have had", "Mum overreacted as usual";
    not "she's on the weekly rate now"); a full stop ends a clause as a comma does. Beside an entry that names no
    deed, or in a sentence after the first, neither does what the customer does as a habit, said in the present, with
    its subject or with none and how often ("Queries every receipt we hand him", "She changes every booking she makes
    at least twice anyway", "he does get himself into a state", "Has no idea how her own phone works", "They blame us
    for every key that sticks"); alone it tells how the account stands ("He pays every invoice by bank transfer within
    a week"), and a deed of ours in it names one ("He keeps the spare pegs we lent him").
    Who did it or with whom may be named by a first name as written ("with Priya from the office", "Dave swung by",
    "Tomasz popped round", a name no dictionary holds opening the entry before a verb in the past) or as a body of people ("The board
    has considered her complaint and it has been acted upon accordingly.").

    Each clause of an entry is read as a reviewer reads it: who did it (its subject, when that is a
    person or staff, "the head of strings", or "by" someone), to, with or for whom ("the teachers
    concerned"), whoever was talked to, where, when, over what channel and by what rule are taken
    away ("at" opens a place after any verb but "look": "Handled at the till."), and what is left must
    name a deed. A verb of handling, looking, attending or talking, or a talk named by a noun ("had a
    long yarn with her", "a conversation on the phone"), acting on the issue itself or on the customer's own message,
    a verb of fixing with its particle whose object is only the issue as a whole ("straightened it all out",
    "worked it out with billing", "we ironed the whole thing out", "got it all sorted out"), a thing given named by its kind ("A response
    was provided to the guest by the out-of-hours line within the hour."), a state of being fine or
    better, as seen or reported ("she's feeling better", "we got there in the end", "now is working",
    "she says it is much better", "she left happy", "in better spirits"), or a judgement of the person in place of a deed
    ("Very entitled attitude on the phone."), a visit ("came out", "swung by") and a clause with no verb
    that names only who, where and when ("Tech onsite Tues AM", "Engineer out Thursday, job done, customer happy",
    "Operations have now looked after this for her") name none: "Crew took care of it on the Thursday.",
    "Spoke to the driver and dealt with it.", "Matter is handled by the deck crew, is finish now.",
    "Looked into it together with him on the chat and it is sorted now.", "Rang accounts and emailed the yard."
    (whom a call went to, whatever it is called: "contacted housekeeping and the night manager", "got hold of the
    fleet manager", "Buzzed the IT lads and pinged facilities"; where a visit went: "Attended the farm the same afternoon"; not "emailed the team photos"),
    "Went out and saw to the ewes." (the thing a verb of handling was put to: "dealt with the cow"; what was done
    to it, "by fitting a new washer", stays), "Ran the usual checks." (a deed named by its kind: "made the
    necessary adjustments", "performed the relevant tests"), "I talk with him long time and now he is less angry."
    (a state compared: "she is more relax"), "Took ownership of the job and worked it through with the drivers." (the
    issue taken to its end: "saw it through", "progressed to completion", "brought it to a close", "finalised to
    her satisfaction"), "The concern was picked up by our team." (the issue as the subject of a verb in the passive;
    "the complaint was upheld" names a deed), "Addressed with the printers." (the issue taken up with someone), "Very
    demanding gentleman, hovered over the lad the entire time." (after a judgement of a person, a clause with no
    subject of its own says what that person did; "Rude man, refunded him anyway" names a deed), "Got to the bottom
    of it and she is fine with it now.", "Sorted with the studio." (a workplace named for its staff, as "the yard"; a
    department; a team's lead: "Crew lead swung by Thursday"), "Spent twenty minutes on the phone with him going
    over everything." (time spent), "Reviewed the account thoroughly and took appropriate action.", "I have check
    together with him and now it is fine." (beside a time to come a plain form is an act to come: "I check with the
    service centre and inform madam tomorrow"), "I reckon the wrap matches his guide fine and he just does not like
    it." (what the writer thinks: "Personally I feel ...", "In my view ..."; a deed of the writer's in it stays: "I
    think the fuse had blown, replaced it", and so does an act to come of ours: "I reckon he's trying his luck, but Sue in
    the office will look at it on Monday"; not a thing's: "the new screen will never suit her"), "Had a quick look at
    the booking with her." (a look at a thing, with nothing found or done: "looked over the contract"; what was found
    after it stays), "Calmed her down and she was fine after that." (calming the person: "placated", "soothed"; a
    hearing given: "Gave him a good listen"), "I have reviewed Mrs
    Ashworth-Keene's correspondence and dealt with the matter in accordance with the adoption scheme
    procedure." What a verb is put on, whom a thing is passed to or raised with ("Passed her complaint
    to the practice manager.", "Logged it with the installer."), "in" a manner ("Handled the call in
    Spanish."), a thing told to be so ("Confirmed Thursday's walk is at 1pm with Sam."; "told her it is sorted" tells
    nothing), "by" a means ("Sorted by a refund."), what the account is now "on" ("Sorted, she's on the
    weekly rate now.") and "about" a thing stay: "Talked her through the
    reset on the phone.", "Spoke to her about the late fee."

    Where these patterns find nothing, the learned reading may still flag the note, as a warning (see "The
    learned reading" at the top of `docs/rules.md`; `learned_reading: false` in the settings switches it off).

    ## Why
    The resolution is the actions taken, the promises made, the timeframes and amounts given. The
    next agent needs it to avoid repeating (or contradicting) what the customer was told.

    ## Example
    ```yaml
    resolution:
      - Resolved.
    ```
    Use instead:
    ```yaml
    resolution:
      - Cancelled the account and sent the confirmation to the new email.
      - Submitted a refund of 49.98 USD; told the customer to expect it in 7-10 business days.
    ```
    """
    assert subject.note is not None
    items = [item.strip().rstrip(".!").strip() for item in subject.note.resolution]
    if not items:
        yield Hit(("resolution",), "the note has no resolution; add resolution: with the actions taken, what the customer was told, timeframes and amounts")
    elif _all_entries_empty(_small_words_spelt_out(items, subject), subject):
        yield Hit(("resolution", 0), f"resolution {describe(subject.note.resolution[0])} does not say what was done; list the actions taken and what the customer was told")


# "4" for "for" before whom or what it was for ("sorted 4 her"); a count ("4 new tyres") is no word.
_FOR_BEFORE_WHOM = re.compile(r"(?<![\w'’.,£$€])4 (?:her|him|them|me|us|you|the|it|his|their)\b", re.IGNORECASE)


def _small_words_spelt_out(items: list[str], subject: Subject) -> list[str]:
    """Resolution entries with the letters and digits written for small words spelt out, as P301 reads them: "looked
    into it n got it sorted 4 her" is "looked into it and got it sorted for her", so it is read as what it says."""
    joined = "\n".join(items)
    if " n " not in joined and " w " not in joined and (" 4 " not in joined or not _FOR_BEFORE_WHOM.search(joined)):
        return items  # nearly every note: no letter or digit that may stand for a small word
    lexicon = subject.lexicon
    texts = {t.loc: t for t in subject.texts}
    spelt = []
    for index, item in enumerate(items):
        text = texts.get(("resolution", index))
        for short, word in (lexicon.letters_for_words(text) + lexicon.digits_for_words(text)) if text else []:
            item = re.sub(rf"(?<![\w'’]){re.escape(short)}(?![\w'’])", word, item)
        spelt.append(item)
    return spelt


# What a resolution reads as once the parts of its sentences that say who, where, when, with whom,
# over what channel and by what rule are taken away: a verb of handling, looking or talking acting
# on the issue itself, a state of being fine, or a judgement of the person, say no deed.
# "Matter is handled by the deck crew, is finish now.", "Crew took care of it on the Thursday.",
# "Spoke to the driver and dealt with it.", "Had a long talk with her about it and she's feeling better."

# A verb of handling, looking, talking or attending: only an entry with one (or with a judgement) is read so.
_HANDLING = frozenset(
    """deal dealt handle handled handles sort sorted see saw seen take took taken care look looked looking review
    reviewed considered addressed attend attended talk talked talking spoke spoken chatted went discussed managed
    word acted discussion"""
    # Touching base, a talk: "Touched base with the engineer".
    """ touched base"""
    # A talk named by a noun: "had a good chinwag with her", "we have a conversation on the phone".
    """ chinwag natter yarn conversation"""
    # A hearing given: "Gave him a good listen".
    """ listen"""
    # Calming the person, whose state is what follows: "Calmed her down", "placated the guest" ("settled" also pays).
    """ calm calmed calming soothe soothed soothing placate placated pacify pacified mollify mollified""".split()
)
_TALK_NOUNS = frozenset("chinwag natter yarn conversation chat word talk discussion".split())
# Prepositions that open where, when or over what channel: "at reception", "on the Thursday", "over video call".
_PLACE_OR_TIME = frozenset("at on onto in over via during throughout from across round around inside within until".split())
# Prepositions that open a person: by whom, to or with whom, for whom ("by the duty manager", "for her").
_PERSON_PREPOSITIONS = frozenset("by to with for from between onto".split())  # (and "got onto the depot")
# Whom a thing is passed to or raised with is the deed itself: "Passed her complaint to the practice manager.",
# "Reported to maintenance", "Logged it with the installer".
_PASSING = frozenset("passed passing forwarded handed escalated referred transferred sent reported logged raised flagged".split())
# After a verb of talking, "to" or "with" opens whoever was talked to, named as anything: "a word with the other boater".
_TALKING = frozenset("spoke speak spoken speaking talk talked talking chat chatted word words liaised chinwag natter yarn conversation discussion base".split())
# (And the issue taken up with someone: "addressed with the printers", "raised it with the roasters".)
_TALKING |= frozenset("addressed raised taken took".split())
# Words that end a noun phrase: the next preposition, conjunction, verb of being or pronoun.
_PHRASE_ENDS = _PLACE_OR_TIME | _PERSON_PREPOSITIONS | frozenset(
    """about of as and or but then so who which that is was were are has have had been be it this now already
    according per under following in re abt bout regarding concerning wrt because after before""".split()
)
_OPENERS = frozenset("the our a an his her their my your its this that one some".split())
_PRONOUNS = frozenset("i we me us you he she they him her them everyone everybody".split())
# Groups of staff named as a whole: "the deck crew", "floor staff", "the yard lads".
# (And the parties to a matter, and a head or chair of something: "between all parties", "the head of strings".)
# (And staff by a short form: "Tech onsite Tues AM".)
_TEAMS = frozenset("crew crews team teams staff lads gang squad yard party parties head chair tech techs".split())
_TEAMS |= frozenset("committee board panel trustees".split())  # a body of people: "The board has considered her complaint"
_TEAMS |= frozenset("department departments dept division".split())  # and part of the firm: "escalated to the department"
_TEAMS |= frozenset("studio workshop depot warehouse lab office".split())  # and who work there, as "the yard": "Sorted with the studio."
# Who leads a team, after it: "Crew lead swung by Thursday", "the team leader".
_HEADS_OF_TEAMS = frozenset("lead leader leaders boss chief manager supervisor".split())
# Past forms a particle follows as part of the verb ("went over", "put in"), beside those in -ed.
_IRREGULAR_PAST = frozenset("went gone put took taken got gotten set ran gave given sent made came come swung saw had did done brought kept held".split())
# When, in place of what: "yesterday afternoon", "the following morning", "on the Thursday".
_WHEN = frozenset(
    f"""{WEEKDAYS.replace('|', ' ')} yesterday today tonight tomorrow following next last previous week weekend eventually then later
    time after afterwards since again never ever first lunch lunchtime hour hours minute minutes mon tue tues wed weds thu thur thurs fri sat sun am pm"""
    # (and how long, when a talk is timed: "for ages", "a good half hour", "a quarter of an hour")
    """ ages half quarter"""
    # (and how often: "always she find a problem", "constantly on the phone")
    """ always constantly forever often usually""".split()
)
# The customer's own message, named as the issue: "reviewed her correspondence", "his letter has been considered".
_THEIR_MESSAGE = frozenset("letter letters correspondence message messages".split())
# What was given, named by its kind: "a response was provided", "gave her an answer".
_GIVEN_BY_KIND = frozenset("response responses reply answer answers resolution solution".split())
# People named by a pronoun, a relative one too: "everyone's satisfaction", "the site owner, who has been made aware".
_ANYONE = frozenset("everyone everybody anyone anybody someone somebody who whom anything something nothing where".split())
_ANYONE |= frozenset("whatever whoever whichever wherever whenever".split())  # "never satisfied whatever we do"
# The size or kind of a look or a talk, degree and company: "a good old look", "a lot calmer", "this one",
# "got there", "looked into it together".
_SIZE_OR_DEGREE = frozenset(
    "old quick brief little proper nice lot much one there right enough by our your its very together onsite on-site kindly please"
    # (And the usual kind, a manner, and a talk or a deed done in full: "through the usual steps", "in the standard
    # fashion", "in full", "at length".)
    " usual normal standard regular full length detail manner way fashion"
    # (and what adds another: "and also with her")
    " also"
    # (and how many or how long: "spent twenty minutes on the phone with him")
    " two three four five six seven eight nine ten fifteen twenty thirty forty fifty sixty few several couple".split()
)
# Nouns of a person's manner, beside a judging word: "Very entitled attitude on the phone."
_CONDUCT = frozenset("attitude manner behaviour behavior tone".split())
_RULE = re.compile(
    r"\b(?:as per|per|according to|following|under|in \w+ (?:with|to))\s+(?:[a-z'-]+\s+){0,5}"
    r"(?:procedures?|protocols?|polic(?:y|ies)|process(?:es)?|guidelines?|guidance|rules|practice|standards?|sops?|warranty|guarantee|terms)\b"
)
# A record named by its number after a preposition says which record, not what was done: "regarding order
# SO-2026-2410", "under reference CS-2026-1420", "on ticket 55821"; not "Confirmed order 3321 goes out on Friday"
_A_RECORD_BY_NUMBER = re.compile(
    r"\b(?:under|on|for|in|with|regarding|re|about|concerning)\s+(?:the\s+|her\s+|his\s+|their\s+)?"
    r"(?:orders?|tickets?|reference|ref|invoices?|case|booking|job|claim|account|request)\s+(?:no\.?\s*|number\s+|#\s*)?[a-z]{0,5}-?\d[\w/-]*"
)
_A_DIGIT = re.compile(r"\d")
_AS_NEEDED = re.compile(r"\b(?:where|as|if|when) needed\b")
# Most of a time, before it: "for the best part of an hour", "a good part of the morning".
_MOST_OF = re.compile(r"\b(?:the |a )?(?:best|better|good|greater|most) part of\b")
_CLAUSES = re.compile(r"[,;:!?]|\b(?:and|but|then|so)\b")
# (A full stop ends a clause too, unless it ends a title: "Mr. Asante".)
_CLAUSES_AND_SENTENCES = re.compile(r"[,;:!?]|(?<!\bmr)(?<!\bmrs)(?<!\bms)(?<!\bdr)\.\s|\b(?:and|but|then|so)\b")
# What every match of _RULE holds: most entries hold none, and a look for these is quicker than the search.
_RULE_NOUNS = frozenset(
    """procedure procedures protocol protocols policy policies process processes guideline guidelines guidance rules practice
    standard standards sop sops warranty guarantee terms""".split()
)



def _no_deed_left(item: str, lowered: str, words: list[str], subject: Subject, habits: bool = False) -> bool:
    """Whether every clause of a resolution entry (``item`` as written, ``lowered``, its ``words``), its who, where,
    when and how taken away, says no deed."""
    lexicon = subject.lexicon
    if len(words) > 30:
        return False
    if _EMPTY_VERBS.isdisjoint(words) and _ISSUE_BY_KIND.isdisjoint(words[:3]) and not _read_on(lowered, words, subject, habits):
        # The usual case: a verb that is a deed ("Replaced the hinge", "Refunded 20 EUR"); an entry that opens on the
        # issue is read on ("Her complaint was picked up by ..."), and so are a visit and one that opens judging a person.
        if len(words) > 8 and _STATES_REACHED.isdisjoint(words) and not ("," in item and any(lexicon.judges_a_person(w) for w in words[:2])):
            return False  # (a longer entry is read on for a state reached: "Engineer on site Tues AM, all working when he left")
        if _STATES_REACHED.isdisjoint(words):  # or a state reached with no verb of handling: "Tech out Weds, all working now"
            if not any(lexicon.judges_a_person(w) for w in words if w not in _NO_DEED_WORDS):
                return False
    elif len(words) > 8 and len([w for w in words if w not in _NO_DEED_WORDS]) > 8:
        return False  # more words of substance than the who, where and when of an entry hold
    names = subject.names
    if "w/" in lowered:
        lowered = lowered.replace("w/", "with ")  # "good w/ it"
    if "'s on " in lowered or "'re on " in lowered:
        lowered = lowered.replace("'s on ", " is on ").replace("'re on ", " are on ")  # "she's on the weekly rate now"
    if not _RULE_NOUNS.isdisjoint(words):
        lowered = _RULE.sub(" ", lowered)  # rarely: by what rule, taken out
    if " needed" in lowered:
        lowered = _AS_NEEDED.sub(" ", lowered)  # rarely: a manner, "rectified where needed"
    if " part of " in lowered:
        lowered = _MOST_OF.sub(" ", lowered)  # rarely: how long, "for the best part of an hour"
    if _A_DIGIT.search(lowered):
        lowered = _A_RECORD_BY_NUMBER.sub(" ", lowered)  # which record, not what was done: "under case number 44817"
    later = lowered.partition(". ")[2]  # the sentences after the first
    judged = False  # whether the clause before judges a person with no verb: "Very fussy woman, ..."
    listed = "," in lowered  # (only a clause before a comma is read so)
    for clause in (_CLAUSES_AND_SENTENCES if ". " in lowered else _CLAUSES).split(lowered):
        words = [_plain(w) for w in clause.split()]
        if judged and _conduct_of_the_judged(words):
            continue  # what that person did, not a deed: "Very fussy woman, complained about every single thing."
        if _a_person_described(clause, words, subject):
            judged = listed  # (what follows with no subject of its own is what that person did)
            continue  # what a person is, thinks or tends to do: "She's the sort who wants the best seat in the house"
        if (habits or (later and clause in later)) and _a_habit_of_theirs(words, lexicon):
            continue  # what the customer does as a habit, beside an empty entry or in a sentence after: "Argues over every receipt she gets"
        if words[:2] == ["to", "be"] and len(words) == 3 and words[2] in _ASIDE_ENDS:
            continue  # the writer's aside: "to be honest"
        if _a_thing_acted_on(words, names, lexicon.judges_a_person):
            return False  # often: an object right after the verb ("Explained the winter rate ...")
        if not _TELLING.isdisjoint(words[:3]) and _a_fact_told(words, names):
            return False  # rarely: "Confirmed Thursday's walk is at 1pm with Sam."
        deeds = _deeds_in(words, names, lexicon)
        if deeds and all(w.capitalize() in item for w in deeds):  # rarely: only words written as names are left
            written = _names_as_written(item, lexicon.is_known)
            names = names | written
            deeds = _deeds_in(words, names, lexicon) if written else deeds
        if deeds:
            return False
        judged = listed and _a_judgement(words, lexicon.judges_a_person)
    return True


# Verbs of telling, after which a thing said to be so is what was told: "Confirmed Thursday's walk is at 1pm".
_TELLING = frozenset("confirmed told explained advised informed reminded assured reassured".split())
# What a thing is said to be or do, after its name: "is", "will", "goes".
_SAID_TO_BE = frozenset("is are was were will would can goes runs starts".split())
# Heads of a noun phrase that name no thing: "told her everything is fine", "advised the matter is in hand".
_NO_THING = _PRONOUNS | _KINDS_OF_ISSUE | frozenset("it this that everything things all situation case complaint".split())


def _a_fact_told(words: list[str], names: frozenset[str]) -> bool:
    """Whether a clause tells the customer a thing is so: a verb of telling, whom, then a thing named and what it is
    or will do ("Confirmed Thursday's walk is at 1pm"); "told her it is sorted" tells nothing."""
    start = next((i for i, w in enumerate(words[:3]) if w in _TELLING), -1) + 1
    while start < len(words) and (words[start] in _OBJECT_PRONOUNS or _a_person(words, start, names) or words[start] == "that"):
        start += 1
    for index in range(start + 1, min(start + 5, len(words))):
        if words[index] in _SAID_TO_BE:
            return words[index - 1] not in _NO_THING and words[index - 1] not in _OPENERS
    return False


def _read_on(lowered: str, words: list[str], subject: Subject, habits: bool) -> bool:
    """Whether an entry with no verb of handling is read on all the same: a visit, a person described, a talk gone over,
    a habit of the customer's (where one is read: beside an empty entry, or in a sentence after the first)."""
    if _a_visit(words) or _a_person_described(lowered, words, subject) or _going_over(words):
        return True
    return (habits or ". " in lowered) and _a_habit_of_theirs(words, subject.lexicon)


def _going_over(words: list[str]) -> bool:
    """Whether an entry holds "going over" or "going through", a talk as "went over" is: "on the phone with him going over
    it all"; not "is going to be in contact"."""
    return "going" in words and any(w == "going" and words[i + 1 : i + 2] in (["over"], ["through"]) for i, w in enumerate(words))


def _a_visit(words: list[str]) -> bool:
    """Whether an entry holds a verb of coming with its particle: "is come down for it", "swung by"; not "popped her onto"."""
    if _COMING.isdisjoint(words):
        return False  # the usual case
    return any(w in _COMING and words[i + 1 : i + 2] and words[i + 1] in _PARTICLES_OF_COMING for i, w in enumerate(words))


# Who a clause describes: the customer or others, by a pronoun or as people "who" did something.
_THEY = frozenset("he she they".split())
# Words of a clause's opening that are the writer's aside, not its subject: "Honestly she wasn't even home".
_ASIDE_OPENERS = frozenset("honestly frankly personally truthfully between ourselves".split())
_ASIDE_ENDS = frozenset("honest frank fair truthful".split())  # (and as a clause of its own: "to be honest")
_IS = frozenset("is are was were isn't aren't wasn't weren't".split())
_IS_NOT = frozenset("isn't aren't wasn't weren't".split())
# What follows a person and "is" when it says how they are: "a happy bunny", "very calm now", "not well enough", "quite
# particular"; with "is" left out ("she's a ...": "'s" is read off the pronoun). What a person is as a judgement, put in
# a kind or said to think or tend to ("the type who", "one of those people who", "never satisfied", "tends to"), is
# read as P305 reads it.
_HOW_THEY_ARE = frozenset("a an not so very really quite just".split())
# The customer by a pronoun, a relation or the name the account gives them: "Mum overreacted as usual".
_THE_CUSTOMER = _THEY | PERSON_WORDS | ACCOUNT_PARTY_ROLES
# What may follow a verb with no object: "overreacted as usual", "complained again", "panicked when ...".
_NO_OBJECT_AFTER = frozenset("as again about over at when because even".split())
_DESCRIBED_OPENERS = _THE_CUSTOMER | _ASIDE_OPENERS | {"not"}


def _a_person_described(clause: str, words: list[str], subject: Subject | None) -> bool:
    """A clause (``clause``, its ``words``) that says what a person is, how they are or what they did with no object,
    not what was done: a judgement of them as P305 reads one, or an insult as P304 does ("he's the type who wants
    everything yesterday", "Flat 4 who complained are a right pair of clowns", "He is not the most reasonable of men"),
    "Not the easiest customer we have had", "Mum overreacted as usual", "she's a happy bunny now"; not "she's on the
    weekly rate now", "she was fine with that"."""
    if not words or (words[0] not in _DESCRIBED_OPENERS and not words[0].endswith("ly") and "who" not in words):
        return False  # the usual case: a clause that opens with a verb
    start = 0
    while start < len(words) and (words[start] in _ASIDE_OPENERS or (len(words[start]) > 5 and words[start].endswith("ly"))):
        start += 1
    if words[start : start + 2] in (["not", "the"], ["not", "a"], ["not", "an"]):
        return True  # a person or thing judged with no verb: "Not the most patient lady I've come across"
    if start + 1 < len(words) and words[start] in _THE_CUSTOMER and words[start + 1].endswith("ed"):
        after_verb = words[start + 2 : start + 3]
        if not after_verb or after_verb[0] in _NO_OBJECT_AFTER:
            return True  # what the customer did, with no object: "Mum overreacted as usual"; not "the engineer refitted it"
    return _how_they_are(words, start) or (subject is not None and says_what_a_person_is(subject.resolution_clause(clause), subject))


def _how_they_are(words: list[str], start: int) -> bool:
    """Whether a clause from ``start`` says how a person named by a pronoun is: "she's a happy bunny now", "he wasn't
    listening"."""
    if start >= len(words) or words[start] not in _THEY:
        return False
    after = words[start + 1 : start + 3]
    if not after:
        return False
    if after[0] in _IS:
        return after[0] in _IS_NOT or (len(after) > 1 and after[1] in _HOW_THEY_ARE)
    return after[0] in _HOW_THEY_ARE


# Verbs in the present that say what a person has not or does, before what: "Hasn't a clue", "has no idea", "does get".
_HAS_NOT = frozenset("hasn't haven't doesn't don't never".split())
_DOES = frozenset("does do".split())
# Words of a clause that make a verb in the present what the account is now or will be, not a habit: "she now gets her
# receipt by email", "he collects it on Friday", "pays by direct debit from June".
_NOT_A_HABIT = _TIMES_TO_COME | _WEEKDAYS | frozenset("now from until anymore".split())
# Words after a verb in the present that opens a clause with no subject: what it acts on or is about ("Queries every
# receipt", "Argues over every bill", "Changes her mind"); a plural noun opening a clause is followed by its verb or a
# preposition instead ("Repairs completed", "Changes to the booking confirmed").
# How often a thing is done: "every receipt", "always", "each time".
_HOW_OFTEN = frozenset("every always never constantly forever usually each whenever anyway again".split())
_AFTER_A_HABIT = _OPENERS | frozenset("me us him them every everything all any no about over".split())
_OURS = frozenset("we i".split())


# Words one of which an entry read for a habit of the customer's holds: "does", "has", how often.
_HABIT_CUES = _HAS_NOT | _DOES | _HOW_OFTEN | {"has"}


def _a_habit_of_theirs(words: list[str], lexicon: Lexicon) -> bool:
    """A clause in the present that says what the customer does as a habit or has not, with its subject ("She changes
    every booking she makes at least twice", "They blame us for every key that sticks", "he does get himself into a
    state") or with none and how often ("Queries every receipt we hand him", "Has no idea how her own phone works"):
    the present simple of the customer names no deed of ours; not "she now gets her receipt by email", "he collects it
    on Friday", "He keeps the spare pegs we lent him" (a deed of ours in it), nor what staff did told in the present
    ("Replaces the valve and tests the boiler")."""
    is_base_verb, is_known = lexicon.is_base_verb, lexicon.is_known
    start = 0
    while start < len(words) and words[start] in _ASIDE_OPENERS:
        start += 1
    subject = words[start] if start < len(words) and words[start] in _THE_CUSTOMER else ""
    start += bool(subject)
    if start + 1 >= len(words):
        return False
    verb = words[start]
    if verb in _HAS_NOT or (verb == "has" and words[start + 1] in ("no", "never")):
        found = True  # "Hasn't a clue how to ...", "has no idea how her own phone works"
    elif verb in _DOES:
        found = (verb == "does") != (subject == "they") and is_base_verb(words[start + 1])  # "she does take everything ..."
    elif subject == "they":
        found = is_base_verb(verb) and verb not in _SAYS_NOTHING
    elif subject:
        found = len(verb) > 3 and verb.endswith("s") and not verb.endswith(("ss", "'s", "us")) and verb not in _IS
    else:  # (with no subject, how often it happens tells a habit from what staff did, told in the present)
        found = words[start + 1] in _AFTER_A_HABIT and not _HOW_OFTEN.isdisjoint(words) and _a_present_of_a_verb(verb, is_base_verb, is_known)
    return found and _NOT_A_HABIT.isdisjoint(words) and not _a_deed_of_ours_inside(words)


def _a_deed_of_ours_inside(words: list[str]) -> bool:
    """Whether a clause holds a deed of ours in the past: "He keeps the spare pegs we lent him"."""
    return any(w in _OURS and (after.endswith("ed") or after in _IRREGULAR_PAST or after == "lent") for w, after in pairwise(words))


def _a_present_of_a_verb(word: str, is_base_verb: Callable[[str], bool], is_known: Callable[[str], bool]) -> bool:
    """Whether a word is a verb's form for he or she in the present: "argues", "panics", "changes", "queries"."""
    if len(word) < 4 or not word.endswith("s") or word.endswith(("ss", "'s", "us", "is")):
        return False
    # (or a noun that is a verb too, "queries": how often it happens, beside it, says it is done)
    return is_base_verb(word[:-1]) or (word.endswith("es") and is_base_verb(word[:-2])) or (word.endswith("ies") and is_known(word[:-3] + "y"))


def _conduct_of_the_judged(words: list[str]) -> bool:
    """A clause with no subject of its own after a judgement of a person: its verb is that person's conduct ("complained
    about every single thing", "hovered over the lad the entire time"), unless it acts on them ("refunded him anyway")."""
    return bool(words) and (words[0].endswith("ed") or words[0] in _IRREGULAR_PAST) and _OBJECT_PRONOUNS.isdisjoint(words)


def _deeds_in(words: list[str], names: frozenset[str], lexicon: Lexicon) -> list[str]:
    """The words of a clause that may name a deed once its who, where, when and how are taken away; none when what
    is left says no deed, judges the person, says a thing is fine or names only who, where and when."""
    left = [w for w in _without_who_where_when(words, names, lexicon.is_base_verb) if not _a_name(w, names)]
    if not _TALKS.isdisjoint(left):  # rarely
        left = _without_how_a_talk_went(left, lexicon)
    if not _KINDS_DEGREES_AND_ENDS.isdisjoint(left):  # rarely
        left = _without_kinds_and_degrees(left)
    if left[:3] and not _ISSUE_BY_KIND.isdisjoint(left[:3]):  # rarely: the issue as what was done to ("the concern was picked up")
        left = _without_the_issue_done_to(left)
    if all(_says_no_deed(w, names) for w in left) or _a_judgement(left, lexicon.judges_a_person) or _a_state_of_a_thing(left):
        return []
    if _who_where_and_when_alone(left, names):
        return []
    return [w for w in left if not _says_no_deed(w, names)]


# A name as written after a person's preposition: "with Priya from the office".
_AFTER_WHOM = re.compile(r"\b(?:with|to|by|from)\s+([A-Z][a-z]{2,})\b")


def _names_as_written(item: str, is_known: Callable[[str], bool]) -> frozenset[str]:
    """Staff or others named by a first name as who did it or with whom: capitalised after "with", "to", "by" or "from"
    ("with Priya from the office"), and opening the entry before a verb of visiting ("Dave swung by") or, a word no
    dictionary holds, before a verb in the past ("Tomasz popped round"; not "Refund processed")."""
    found = {name.lower() for name in _AFTER_WHOM.findall(item)}
    first, _, rest = item.partition(" ")
    after = rest.partition(" ")[0]
    if first[:1].isupper() and (after in _COMING or ((after.endswith("ed") or after in _IRREGULAR_PAST) and not is_known(first.lower()))):
        found.add(first.lower())
    return frozenset(found) if found else _NOBODY


_NOBODY: frozenset[str] = frozenset()


# Words that name a deed or a thing by its kind alone, whatever the noun after them: "ran the usual checks", "made the
# necessary adjustments", "performed the relevant tests"; "the winter rate" names one.
_OF_A_KIND = frozenset("usual normal standard regular routine customary necessary needful relevant appropriate required requisite".split())
# What a person or thing is now, compared: "now he is less angry", "she is more relax" (as a second language may write it).
_BEING = frozenset("is are was were be been being feels feel felt seems seemed".split())


# The end reached, after "to": "brought it to a close", "progressed to completion", "taken to a conclusion".
_A_FINISH = frozenset("close end conclusion completion closure".split())
# The issue named by its kind, as the subject of a verb in the passive: "The concern was picked up by our team".
_ISSUE_BY_KIND = _KINDS_OF_ISSUE | frozenset("complaint complaints case situation enquiry enquiries inquiry ticket problem problems".split())
# Verbs whose past participle says what was decided or paid, a deed even when done to the issue: "the complaint was upheld".
_DECIDED = frozenset(
    """upheld rejected declined refused approved granted denied withdrawn cancelled canceled refunded waived credited
    reimbursed paid compensated settled dismissed overturned""".split()
)


def _without_the_issue_done_to(words: list[str]) -> list[str]:
    """A clause less its verb in the passive when its subject is the issue named by its kind: "the concern was picked
    up", "her case has been moved on" say what was done to the issue, no deed; "the complaint was upheld" says one."""
    index = 0
    while index < len(words) and (words[index] in _OPENERS or words[index] in _ISSUE_BY_KIND):
        index += 1
    if not index or index >= len(words) or words[index] not in _COPULAS:
        return words
    while index < len(words) and (words[index] in _COPULAS or words[index] in _WHEN or words[index] == "now"):
        index += 1
    if index >= len(words) or words[index] in _DECIDED or not (words[index].endswith("ed") or words[index] in _IRREGULAR_PAST):
        return words
    end = index + 1 + (index + 1 < len(words) and words[index + 1] in _NO_OBJECT)  # and its particle: "picked up"
    return words[:index] + words[end:]


_KINDS_DEGREES_AND_ENDS = _OF_A_KIND | _A_FINISH | {"more", "less"}
# A talk named by a noun: "a lovely friendly conversation", "a really productive call".
_TALKS = _TALK_NOUNS | frozenset("call calls meeting".split())
# Endings of words that say how a talk went, beside the judging words and the intensifiers: "a really productive call",
# "a constructive discussion", "a lovely long chat".
_HOW_IT_WENT_ENDINGS = ("ly", "ive", "ful")


def _without_how_a_talk_went(words: list[str], lexicon: Lexicon) -> list[str]:
    """A clause's words less those between a determiner and a noun of talk that say only how the talk went: "had a
    really productive call", "a lovely friendly conversation"; what it was about stays ("a billing call")."""
    kept: list[str] = []
    for word in words:
        if word in _TALKS and kept:
            opener = next((i for i in range(len(kept) - 1, max(-1, len(kept) - 5), -1) if kept[i] in _OPENERS), -1)
            between = kept[opener + 1 :]
            if opener >= 0 and all(w in INTENSIFIERS or w in _SIZES_AFTER_A or w.endswith(_HOW_IT_WENT_ENDINGS) or lexicon.judges(w) for w in between):
                del kept[opener + 1 :]
        kept.append(word)
    return kept


def _without_kinds_and_degrees(words: list[str]) -> list[str]:
    """A clause's words less a noun named by its kind ("the usual checks"), a state compared after a verb of being
    ("is more calm") and an end reached ("brought it to a close"): what they say is no deed."""
    kept: list[str] = []
    skip = 0
    for index, word in enumerate(words):
        if skip:
            skip -= 1
        elif word in _A_FINISH and "to" in words[max(0, index - 2) : index]:
            continue
        elif word in _OF_A_KIND:
            end = _a_phrase_end(words, index + 1)
            skip = end - index - 1 if end - index <= 3 else 0  # the noun and one before it: "the usual safety checks"
        elif word in ("more", "less") and (not index or words[index - 1] in _BEING) and index + 1 < len(words):
            skip = 1
        else:
            kept.append(word)
    return kept


def _a_state_of_a_thing(words: list[str]) -> bool:
    """A clause that says only that the thing is fine now: "the dryer has been fine since", "the new lock is working"."""
    for index in range(1, min(5, len(words))):
        if words[index] in _COPULAS:
            thing, state = words[:index], [w for w in words[index + 1 :] if w not in _COPULAS and w not in INTENSIFIERS]
            named = [w for w in thing if w not in _OPENERS]
            if not named or len(named) > 2 or any(w in _SAYS_NOTHING or _a_verb_form(w) for w in named):
                return False  # no thing named, or a verb before it: "told her the boiler is fine" tells
            return bool(state) and _a_state(state[0]) and all(_says_no_deed(w, frozenset()) for w in state[1:])
    return False


_COPULAS = frozenset("is was are were has have been be being".split())


def _plain(word: str) -> str:
    """A word as the reading looks it up: no punctuation, no possessive, no short verb after it ("we're": "we")."""
    word = word.strip(".'\"()-")
    if "'" in word:
        for ending in ("'s", "'re", "'ve", "'ll", "'m"):
            word = word.removesuffix(ending)
    return word


def _who_where_and_when_alone(words: list[str], people: frozenset[str]) -> bool:
    """A clause with no verb that names only who, where and when: "Tech onsite Tues AM"."""
    if any(w.endswith("ed") or w in _EMPTY_VERBS or w in _IRREGULAR_PAST for w in words):
        return False
    return all(_says_no_deed(w, people) or _a_person(words, i, people) for i, w in enumerate(words))


def _a_thing_acted_on(words: list[str], names: frozenset[str], judges_a_person: Callable[[str], bool]) -> bool:
    """Whether a clause opens with a verb of a deed ("Reprinted the tickets") or with a verb and, before any preposition,
    a word of substance: its object ("Explained the winter rate")."""
    start = 0
    while start < min(3, len(words)) and (words[start] in _SUBJECT_PRONOUNS or words[start] in _AUXILIARIES):
        start += 1
    if start >= len(words):
        return False
    verb = words[start]
    if (verb in _CALLING or verb in _SENDING) and _whom_called(words, start, names):
        return False  # whom, not what: "contacted housekeeping"
    if verb not in _EMPTY_VERBS:
        return verb.endswith("ed") and not _says_no_deed(verb, names) and not judges_a_person(verb)
    for word in words[start + 1 : start + 4]:
        if word in _PHRASE_ENDS:
            return False
        if not _says_no_deed(word, names) and word not in _PRONOUNS and word not in _OPENERS and not _a_name(word, names):
            return not (word == "ahead" and verb in _GOING)  # (going on with it: "went ahead and ...")
    return False


def _says_no_deed(word: str, names: frozenset[str]) -> bool:
    return not word or word in _NO_DEED_WORDS or word in names or _a_manner(word) or _a_state(word)


def _a_judgement(words: list[str], judges_a_person: Callable[[str], bool]) -> bool:
    """A judgement of the person with no verb, in place of a deed: "Very entitled attitude", "Exhausting woman to deal
    with" (what serving them is like, after the person); not "Passed the compliment on"."""
    if "to" in words:
        at = next((i for i, w in enumerate(words[:-1]) if w in _PERSON_NOUNS and words[i + 1] == "to"), -1)
        words = words[: at + 1] if at >= 0 else words
    said = [w for w in words if w not in _NO_DEED_WORDS and w not in INTENSIFIERS and w not in _CONDUCT and w not in _PERSON_NOUNS]
    if not said or not all(judges_a_person(w) for w in said):
        return False
    return not any(_a_verb_form(w) for w in words if w not in said)


def _a_verb_form(word: str) -> bool:
    return word.endswith("ed") or word in _IRREGULAR_PAST or word in _HANDLING


def _a_state(word: str) -> bool:
    """A state of being fine or better, of the person or the thing: "calmer", "happier", "feeling better", "working"."""
    if word in REPORTED_STATES or word in _BEING_FINE:
        return True
    return word.endswith("er") and (word[:-2] in REPORTED_STATES or word[:-3] + "y" in REPORTED_STATES)


# (And the state reported or left in: "she says it is much better", "she left happy", "in better spirits".)
# (And said in the plain form a second language may write for the past: "she say ok", "she understand now".)
_BEING_FINE = frozenset("better feeling feels feel felt working gone say says said reports reported left spirits mood understand accept accepts accepted".split())
# States that may end an entry with no verb of handling in it: "Tech out Weds, all working now", "customer happy".
_STATES_REACHED = REPORTED_STATES | frozenset("better working".split())
# Verbs that do nothing by themselves, one of which an entry that says nothing at length holds: "dealt", "provided", "solve".
_EMPTY_VERBS = _HANDLING | frozenset(w for w in _SAYS_NOTHING if w.endswith("ed")) | frozenset("solve fix resolve inform".split())
# (And their plain forms, which a second language may write for the past: "I speak with her long time".)
_EMPTY_VERBS |= _PLAIN_FORMS
# Verbs of doing whose object is the deed, and of taking the issue on to its end in the words of an office, which by
# themselves name none: "performed the relevant tests", "progressed to completion", "finalised to her satisfaction".
_DOING = frozenset("performed conducted undertook undertaken progressed finalised finalized completion closure".split())
_EMPTY_VERBS |= _DOING
_EMPTY_VERBS |= frozenset("spend spent spending".split())  # time spent with someone: "Spent twenty minutes on the phone with him"
_NO_DEED_WORDS = (
    _COMING  # a visit said in place of what was done: "Mike swung by after his last job"
    | ACCOUNT_PARTY_ROLES  # the customer by another name: "cust good w/ it", "the guest"
    | _SAYS_NOTHING | _HANDLING | _DOING | _WHEN | _THEIR_MESSAGE | _GIVEN_BY_KIND | _ANYONE | _SIZE_OR_DEGREE | HONORIFICS | REPORTED_STATES | _BEING_FINE
)


def _a_person(words: list[str], index: int, names: frozenset[str]) -> bool:
    """Whether the word at index is a person or a group of staff: "her", "the driver", "the lock keeper", "floor staff"."""
    word = words[index]
    if word in _PRONOUNS or word in names or word in HONORIFICS or word in _TEAMS or word in PERSON_WORDS or word in PERSON_HEADS:
        return True
    if index > 0 and word in _HEADS_OF_TEAMS and words[index - 1] in _TEAMS:
        return True  # "crew lead"
    return _a_role(word) or (index > 0 and word.endswith("er") and _a_role(words[index - 1] + word))  # two words: "lock keeper"


_a_role = lru_cache(maxsize=4096)(is_role)  # words recur from entry to entry


def _people_end(words: list[str], start: int, end: int, names: frozenset[str]) -> int:
    """Where the people a noun phrase names end, a participle after them too ("the teachers concerned"), or 0 if it names none."""
    for last in range(end - 1, start - 1, -1):
        if _a_person(words, last, names):
            after = last + 1
            return after + 1 if after < end and words[after].endswith("ed") and words[after] not in _SAYS_NOTHING else after
    return 0


def _a_phrase_end(words: list[str], start: int) -> int:
    """The end of the noun phrase from start: a determiner, up to three words and "of" with one more ("the time of the incident")."""
    end = start
    if end < len(words) and words[end] in _OPENERS:
        end += 1
    stop = min(end + 4, len(words))
    while end < stop and words[end] not in _PHRASE_ENDS and words[end] not in _OPENERS:
        end += 1
    if end + 1 < len(words) and words[end] == "of":
        end += 2 if words[end + 1] not in _OPENERS else 3
    return min(end, len(words))


def _without_who_where_when(words: list[str], names: frozenset[str], is_base_verb: Callable[[str], bool]) -> list[str]:
    """The words of a clause less who did it (its subject or "by ..."), to or with whom, where, when and over what channel,
    whom a call went to ("rang accounts") and the thing a verb of handling was put to ("dealt with the cow")."""
    start = _the_subject_end(words, names)
    kept: list[str] = []
    index = start
    while index < len(words):
        word = words[index]
        before = words[index - 1] if index > 0 else ""
        if word == "ahead" and before in _GOING:
            index += 1  # going on with it: "went ahead and took care of everything"; a call ahead is a deed ("rang ahead")
            continue
        if word in _WHEN_IT_WAS and index + 1 < len(words):
            end = _a_time_clause_end(words, index, names)
            if end:
                index = end  # when, said by what else happened: "once she got back from the car park", "when he left"
                continue
        if word in _CALLING_OR_SENDING and _whom_called(words, index, names):
            index = _a_phrase_end(words, index + (2 if word == "hold" else 1))  # the call and whom it went to
            continue
        if (word in ("with", "to") and before in _PUT_TO) or (word in _LOOKED_AT and before in _LOOKING):
            index = _a_phrase_end(words, index + 1)  # the thing a look was put to: "had a quick look at the booking"
            continue
        if word in _PERSON_PREPOSITIONS or word in _PLACE_OR_TIME:
            end = _a_phrase_end(words, index + 1)
            if end > index + 1 and word in _PERSON_PREPOSITIONS and not (word in ("to", "with") and not _PASSING.isdisjoint(words[:index])):
                if word in ("to", "with") and before in _TALKING:
                    index = end  # whoever was talked to: "a word with the other boater"
                    continue
                people_end = _people_end(words, index + 1, end, names)  # "by our housekeeper", then "same day"
                if people_end:
                    index = people_end
                    continue
            if end > index + 1 and _a_place_or_time(words, index) and not _a_particle(word, before, is_base_verb) and not _being_on(word, before):
                index = end
                continue
        kept.append(word)
        index += 1
    return kept


# Words that open a clause or a phrase of time at a clause's end: "when he left", "once it arrived", "as soon as the
# shop opened", "by the time he drove off", "before the recital".
_WHEN_IT_WAS = frozenset("when whenever while whilst once until till before after since as by".split())
_AS_SOON_AS_OR_BY_THE_TIME = (["soon", "as"], ["the", "time"])
# What may follow the verb of a clause of time and end it: "came back in", "was out there", "got home".
_AFTER_A_VERB_OF_TIME = _NO_OBJECT | frozenset("there here home away again".split())


def _a_time_clause_end(words: list[str], index: int, names: frozenset[str]) -> int:
    """Where a clause or phrase of time from ``index`` ends, when it runs to the clause's end and says only when: a
    subject, its verb and where ("once she got back from the car park", "when we finished", "while I was out there",
    "as soon as the shop opened"), or an event ("before the recital"); 0 otherwise ("when she asked, refunded her")."""
    start = index + 1
    if words[index] in ("as", "by"):
        if words[start : start + 2] not in _AS_SOON_AS_OR_BY_THE_TIME or (words[index] == "as") != (words[start] == "soon"):
            return 0
        start += 3 if words[index] == "as" else 2
    if start >= len(words):
        return 0
    if words[index] in _PLACE_OR_TIME_WORDS and (start == len(words) - 1 or (words[start] in _OPENERS and _a_phrase_end(words, start) == len(words))):
        return len(words)  # an event: "before the recital", "after the read-through", "after class"
    if words[start] in _SUBJECT_PRONOUNS or words[start] == "it" or _a_person(words, start, names):
        verbs: tuple[int, ...] = (start + 1,)
    elif words[start] in _OPENERS:
        verbs = (start + 2, start + 3)  # "the shop opened", "the new part arrived"
    else:
        return 0
    return len(words) if any(verb < len(words) and _where_alone(words, verb + 1) for verb in verbs) else 0


# Words of time that may open an event as well as a clause.
_PLACE_OR_TIME_WORDS = frozenset("before after since until till".split())


def _where_alone(words: list[str], start: int) -> bool:
    """Whether the words from ``start`` to the end are only particles and places: "back in", "from the car park"."""
    index = start
    while index < len(words):
        if words[index] in _AFTER_A_VERB_OF_TIME:
            index += 1
        elif words[index] in _PLACE_OR_TIME or words[index] in _PERSON_PREPOSITIONS:
            end = _a_phrase_end(words, index + 1)
            if end == index + 1:
                return False
            index = end
        else:
            return False
    return True


# Verbs of getting in touch whose object is always whom, whatever it is called: "rang accounts", "contacted housekeeping
# and the night manager", "got hold of the depot"; not "called out an engineer", "phoned through the order".
_SENDING = frozenset("emailed emailing messaged messaging msgd texted texting mailed wrote writing".split())
_CALLING = _CONTACTING - _SENDING | frozenset(("reached",))
# (And a visit, whose object is where: "Attended the farm the same afternoon", "visited the site"; not "attended to".)
_CALLING |= frozenset("attended visited".split())
# (Verbs of sending, above, have for object whom only when it is a person or staff: "emailed the yard"; not "emailed the invoice".)
_AHEAD = frozenset("ahead forward around".split())  # where a call went that is no one: "rang ahead as asked"
_EMPTY_VERBS |= _CALLING | _SENDING
_CALLING_OR_SENDING = _CALLING | _SENDING | {"hold"}
_NO_DEED_WORDS |= _CALLING | _SENDING  # a call or a visit by itself: "Called round on Friday"
# Words a slip in a short entry may stand for: "atended", "delt", "fixd".
_SAID_WITHOUT_A_DEED = _NO_DEED_WORDS | _EMPTY_VERBS | frozenset(("fixed",))
# Verbs of handling whose object after "with" or "to" is only the thing the issue was about: "dealt with the cow", "saw
# to the ewes", "attended to the radiator" (what was done to it, "by fitting a new washer", stays).
_PUT_TO = frozenset("dealt deal deals dealing saw seen see sees attended attend attends attending".split())
# A look at a thing, with nothing found or done, names no deed: "had a quick look at the booking", "looked over the
# contract with her"; what was found after it stays ("looked at the boiler, the valve had seized").
_LOOKING = frozenset("look looked looking looks glance glanced peek peeked".split())
_LOOKED_AT = frozenset("at over into".split())


def _whom_called(words: list[str], index: int, names: frozenset[str]) -> bool:
    """Whether the word at index is a verb of getting in touch and the noun phrase after it whom: "rang accounts"."""
    word, after = words[index], words[index + 1 : index + 2]
    if word == "hold":
        return index > 0 and words[index - 1] in _GETTING and after == ["of"] and index + 2 < len(words)
    if not after or after[0] in _PHRASE_ENDS or after[0] in _NO_OBJECT or after[0] in _WHEN or after[0] in _AHEAD:
        return False  # "called out", "phoned back", "rang in", "rang ahead", "called again"
    if word in _CALLING:
        return True  # (whatever it is called)
    end = _a_phrase_end(words, index + 1)
    return word in _SENDING and _a_person(words, end - 1, names)  # "emailed the yard"; not "emailed the team photos"


# Verbs "at" belongs to ("looked at the boiler"); after any other verb "at" opens a place: "Handled at the till".
_AT_AFTER = frozenset("look looked looking glance glanced".split())


def _a_particle(word: str, before: str, is_base_verb: Callable[[str], bool]) -> bool:
    """Whether a preposition after a verb is part of it ("went over", "looked at"), not a place ("Sorted at the counter")."""
    if (word == "at" and before not in _AT_AFTER) or word == "via" or before in _TALK_NOUNS:
        return False  # "a chat on the phone": a noun of talk takes no particle; "via" opens a channel after any verb
    return _a_verb(before, is_base_verb)


def _being_on(word: str, before: str) -> bool:
    """ "is on the weekly rate", "now on the monthly plan": what the account was moved to, the deed's outcome, not a place."""
    return word == "on" and before in ("is", "are", "now")


def _a_place_or_time(words: list[str], index: int) -> bool:
    """ "at reception", "over video call", "in the marina", "in accounts"; "in" before any other bare noun is a manner or
    a state ("in Spanish")."""
    return words[index] in _PLACE_OR_TIME and (words[index] != "in" or words[index + 1] in _OPENERS or _a_person(words, index + 1, frozenset()))


def _the_subject_end(words: list[str], names: frozenset[str]) -> int:
    """Where a clause's subject ends when it is a person or staff before a verb: "the lock keeper sorted it", "crew took
    care of it", "the head of strings has looked at this"; or the whole clause, a person alone in a list ("..., the owner")."""
    if all(w in _OPENERS or _a_person(words, i, names) for i, w in enumerate(words)):
        return len(words)
    for index in range(min(4, len(words) - 1)):
        if _a_person(words, index, names) and words[index] not in _OBJECT_PRONOUNS:
            opening = words[:index]
            if opening[:1] and opening[0] in _OPENERS:  # "our IT contractor": any words but verbs between
                if any(_a_verb_form(w) or w in _AUXILIARIES for w in opening):
                    return 0
            elif not all(w not in _SAYS_NOTHING and w not in _PHRASE_ENDS for w in opening):
                return 0
            while index + 2 < len(words) and _a_person(words, index + 1, names):  # "yard lads"
                index += 1
            if words[index + 1] == "of":  # "the head of strings"
                index = _a_phrase_end(words, index + 2) - 1
                if index + 1 >= len(words):
                    return 0
            after = words[index + 1]
            # (a verb of handling in its plain form too, as a second language may write the past: "Teacher solve it already")
            return index + 1 if _a_verb_form(after) or after in _AUXILIARIES or after in _EMPTY_VERBS else 0
    return 0


_OBJECT_PRONOUNS = frozenset("me us him her them".split())
_PERSON_NOUNS = PERSON_WORDS | PERSON_HEADS  # "difficult old man to please": the judgement, said of whom
_SUBJECT_PRONOUNS = frozenset("i we he she they".split())
_AUXILIARIES = frozenset("has have had is was were will would did does do can could should".split())


def _a_verb(word: str, is_base_verb: Callable[[str], bool]) -> bool:
    """Whether a word before a particle is a verb it belongs to ("went over", "handed over", "look at"): not "it", "together", "out"."""
    if word.endswith("ed") or word in _IRREGULAR_PAST or word in _HANDLING:
        return True
    # (A role reads as a verb's plain form when its -ing form is common: "engineer", "service".)
    return len(word) > 2 and word not in _SAYS_NOTHING and not _a_role(word) and is_base_verb(word)


def _a_name(word: str, names: frozenset[str]) -> bool:
    """A name as written, double-barrelled: "ashworth-keene"."""
    return "-" in word and all(part in names for part in word.split("-"))
