"""P105: a follow-up promised in a note is recorded as a follow-up."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..check.placeholders import is_placeholder as is_todo
from ..rules import Hit, describe, rule
from .lexicon import a_frequent_word, a_past_tense, a_plural
from .note_common import DETERMINERS, is_role, preference_text, their_names
from .subject import Subject
from .text import TextField, blank, names_cut_short, sentences
from .words import HONORIFICS, ROLE_NAMES, WEEKDAYS

# A day of the week, written out or cut short ("Wed", "Thurs"; not "sat" or "sun", which are words).
_A_WEEKDAY = rf"(?:{WEEKDAYS}|mon|tues?|wed|weds|thu|thur|thurs|fri)(?!s)"

# "We will call back", "Anna will email her by Friday", "callback scheduled", "will be contacted by billing".
_ORG_SUBJECT = r"(?:i|we|i'll|we'll|agent|the agent|team|the team|tl|team lead|supervisor|manager|billing|accounts|support|(?:the )?\w+ (?:team|department|dept))"
_PROMISE_VERBS = r"(?:call|ring|phone|email|e-mail|text|contact|reach out|follow up|get back|check back|check in|check again|chase|update|write|send|confirm|let (?:him|her|them|the customer) know)"
_FILLER = r"(?:(?:also|then|personally|again|try to|be sure to|make sure to|need to|be able to)\s+)?"
_PROMISES = (
    re.compile(rf"\b{_ORG_SUBJECT}\s+(?:will|shall|'ll|is going to|are going to|am going to|promised to|agreed to|offered to|needs? to|has to|have to|must)\s+{_FILLER}{_PROMISE_VERBS}\b"),
    re.compile(rf"(?:^|[.;]\s*|\n)\s*(?:will|to|going to)\s+{_PROMISE_VERBS}\b"),  # "- Will call back Monday" (subject left out)
    re.compile(r"\b(?:callback|call-back|call back|follow-up|follow up|follow-up call)\s+(?:is\s+|was\s+|has "
               r"been\s+)?(?:scheduled|booked|arranged|set up|set|promised|agreed|planned|due|needed|required)\b"),
    re.compile(
        r"\b(?:scheduled|booked|arranged|set up|promised|offered|agreed to|agreed on)\s+(?:(?:him|her|them)\s+)?(?:a\s+|an\s+)?"
        r"(?:callback|call-back|call back|follow-up|follow up|return call)\b"
    ),
    # "will be contacted by billing within 48 hours" (not "asked to be contacted by email": a preference).
    re.compile(r"\bwill\s+be\s+(?:called|contacted|emailed|phoned|rung)\s+(?:back\s+)?(?:by(?!\s+(?:email|e-mail|phone|letter|post|text|sms)\b)|within|on|tomorrow|next|in)\b"),
    re.compile(r"\bwill\s+(?:receive|get)\s+a\s+(?:call|callback|call back|phone call)\s+(?:from|back)\b"),
    # "should be with her by the 20th", "it should reach her solicitor by Friday", "ought to arrive with him next week":
    # what we send, due to reach the customer or someone of theirs by a time.
    re.compile(
        r"\b(?:should|will|'ll|ought\s+to)\s+(?:be\s+with|reach|arrive\s+(?:with|at)|land\s+(?:with|in|on)|get\s+to)\s+"
        r"(?:him|her|them|(?:his|her|their)\s+(?:[\w-]+\s+)?[\w-]+)\s+(?:by|on|within|before|tomorrow|next|early|later|this|in the)\b"
    ),
    re.compile(rf"\b(?:promised|agreed|arranged)\s+to\s+{_PROMISE_VERBS}\b"),
    # "had to promise her a call from the principal", "promised him a written apology": what we promise someone is ours to give.
    re.compile(r"(?<!never )(?<!not )(?<!n't )\bpromis(?:e|ed|ing)\s+(?:him|her|them|the customer|the client|the caller)\s+(?:a|an|the|some|another)\s"),
    # "they will call her back tomorrow": someone calls the customer, so someone promised it.
    re.compile(r"\b(?:will|'ll|going to)\s+(?:call|ring|phone|email|text|contact)\s+(?:him|her|them|the customer"
               r"|the client|the caller)\s+(?:back|tomorrow|today|later|on|by|next|once|when|with|within|in)\b"),
    # "... and will get back to him tomorrow": getting back to the customer is always ours to do.
    re.compile(r"\b(?:will|'ll|to)\s+(?:get back to|follow up with|circle back to)\s+(?:him|her|them|the customer|the client|the caller)\b"),
    # "Anna will email him the statement": someone writes to the customer.
    re.compile(r"\b(?:will|'ll|going to)\s+(?:call|ring|phone|email|e-mail|text|contact|send|write to|update|post)\s+(?:him|her|the customer|the client|the caller)\b"),
    # "Told him I'd email the terms by Friday": a promise reported in the past tense.
    # "I check with the manager and come back to her": a promise in the present tense, as non-native writers put it.
    # "Revert to him" is to reply to him, as Indian English puts it: "I verify the stock and revert to sir by evening".
    re.compile(r"\b(?:i|we)\b[^.;!?]{0,60}?\b(?:and|then)\s+(?:(?:come|get|revert|call|ring|phone|write) back to|revert to) (?:him|her|them)\b"),
    re.compile(
        rf"\b(?:(?:told|assured|promised|informed|advised|let)\s+(?:him|her|them|the customer|the client|the caller)(?:\s+know)?|said)\s+"
        rf"(?:that\s+)?(?:i|we|the team)(?:'d|\s+would)\s+{_FILLER}{_PROMISE_VERBS}\b"
    ),
    # A contact owed to the customer is due from us: "Owe her a call on Wednesday" (not "she owes us a form").
    re.compile(r"\bowe\s+(?:him|her|them|the customer|the client)\s+(?:a|an)\s+(?:call|ring|callback|call back|reply|answer|update|visit|e-?mail|text|letter)\b"),
)
# The writer or the team, in the future tense, doing something: "I'll email her the options", "we
# will order the part", "we'll do it next time". Not what is simply so ("we will need the form",
# "we'll see", "will do our best") or denied. The writer is often left out, opening a sentence or
# after a comma ("Going to check ...", "not sure, going to ask Lucie"); group 1 is then empty.
# Being on the way is an act: "will be in touch", "will be with her within four hours"; so is coming back with
# something or to do something ("the fitter will be back tomorrow to test it", "be back with the long-reach trimmer";
# not "back to normal").
_ON_THE_WAY = (
    r"\s+(?:in touch|back in touch|in contact|with (?:him|her|them)|round|over|out|there|back to (?:him|her|them)|"
    r"back(?=\s+with\s+(?:a|an|the|some|another|[0-9]+)\b|[^.;,!?]{0,30}?\bto (?!(?:normal|full|work|school|base|us|you|the|a|an|her|him|them|his|their)\b)[a-z]+))\b"
)
_ON_THE_WAY_AFTER = re.compile(_ON_THE_WAY)
# Verbs after "we will" that say what is so or decided, not done; a few are done with what follows them.
_SO_OR_DECIDED = "|".join((
    rf"be(?!{_ON_THE_WAY}|\s+back\s+(?:next|tomorrow|on\s+[a-z]+day|this\s+(?:afternoon|evening|week)|first thing|later)\b)",  # "we'll be back next week"
    r"have(?!\s+(?:it|them|this|that|the\s+[a-z]+)\s+(?:(?:back\s+)?to|with|ready)\b)",  # "have it to her Thursday" is done
    r"keep(?!\s+(?:him|her|them)\s+(?:posted|informed|updated|in the loop))",  # "keep her posted" is done
    r"do(?!\s+(?:it|that|this|the|them|a|an)\b)",  # "do it on the next visit" is done
    r"hold(?![^.;,]{0,40}?\b(?:for (?:him|her|them)|until|till|when|once)\b)",  # "hold it for her until Monday" is done
    r"need|not|never|use|accept|allow|require|cover|apply|charge|cost|see|know|miss|only|still|probably|likely|always",
    r"the|a|an|his|her|their|my|our|this|that|waive|honour|honor|match|absorb|stand|hear|wait|leave|blame",
    r"we|i|you|they|he|she|it",  # a question: "Shall we say it runs to March?", "will it be ready"
))
_WE_WILL = re.compile(
    r"(?:\b(i|we)(?:\s*['’]ll|\s+will|\s+shall|\s+am going to|\s+are going to|\s+going to|['’]m going to|['’]re going to|\s+(?:expect|hope|aim|plan) to"
    r"|['’]m to|\s+am to|['’]re to)"
    r"|(?:^|(?<=[,;:]))\s*(?:will|shall|going to|(?:expect|hope|aim|plan|expecting|hoping|aiming|planning) to))\s+"
    r"(?:then\s+|also\s+|first\s+|personally\s+|try to\s+|now\s+)?"
    rf"(?!(?:{_SO_OR_DECIDED})\b)(?:[a-z]+-)?[a-z]{{2,}}\b(?!\s+us\b)"
)
# Where the writer or the team stands before that "will": a clause's start, after "told her (that)",
# "said (that)" or a clause of time ("When the stock lands I'll ..."); "asked if we'll deliver" is the
# customer's question. Looked at only where _WE_WILL matched.
_CLAUSE_BEFORE = re.compile(
    r"(?:^|[.;!?,(]\s*|\n|\b(?:and|so|then|but)\s+|\b(?:told|assured|promised|informed|advised)\s+(?:him|her|them)\s+(?:that\s+)?|"
    r"\b(?:confirmed|explained|agreed)\s+(?:that\s+)?|(?:(?:^|[.;!?,]\s*|\b(?:i|we|and)\s+)(?:have\s+|had\s+)?|\b(?:i|we)['’](?:ve|d)\s+)said\s+(?:that\s+)?|"
    r"\blet\s+(?:him|her|them)\s+know\s+(?:that\s+)?|"
    r"(?:^|[.;!?,]\s*|\b(?:and|so|but)\s+)(?:when|once|as soon as|after|before)\s+[^.;!?,]{1,60}?\s)\s*$"
)


def _we_will(sentence: str, in_reason: bool) -> bool:
    """Whether the writer or the team will do something, said at the start of a clause or as told to the customer.

    A clause without its subject takes the sentence's ("Customer happy, will ring back if it drips" is
    theirs), and in a reason, which is the customer's, it is theirs too.
    """
    return any(
        _CLAUSE_BEFORE.search(sentence, 0, found.start()) and (found.group(1) or not (in_reason or _their_side_opens(sentence)))
        for found in _WE_WILL.finditer(sentence)
    )


def _their_side_opens(sentence: str) -> bool:
    """Whether a sentence opens with the customer or their side as its subject: "Customer happy, ...", "She is ..."."""
    first = sentence.split(maxsplit=1)
    return bool(first) and first[0].strip(",.;:") in _THEIR_SIDE


# What we do now and the contact that will follow it, in the present tense, as non-native writers
# put it: "I order the blank key and call him when it arrives".
_WE_DO_THEN_TELL = re.compile(
    r"(?:^|[.;!?,]\s*|\n|\b(?:so|then)\s+|\b(?:when|once|as soon as)\s+[^.;!?,]{1,60}?\s)(?:i|we)\s+(?!(?:could|would|might|should|can|may|was|were|had|did|have|has)\b)([a-z]+)\b[^.;!?]{0,80}?"
    r"\b(?:and|then)\s+(?:(?:i|we)\s+)?(?:call|ring|phone|email|e-mail|text|contact|tell|inform|update|send|write to|write)\s+(?:(?:mr|mrs|ms|miss|dr)\s+)?(?:him|her|them)\b"
)
# Past forms with no -ed: "I sent the form and ..." reports, it promises nothing.
_PAST_WITHOUT_ED = frozenset(
    """sent told rang spoke gave took made got went came left put let set found brought bought thought caught kept read
    wrote saw met paid said ran sat stood heard held understood forgot chose drove rode knew lost won sold cut hit shut split spread cast dug
    hung swept spun fed led lent spent built bent stuck""".split()
)
# Past forms with no -ed that are the present too: "I cut two and ring her" is to come.
_SAME_IN_BOTH = frozenset("cut put set let hit shut read spread cast split".split())
_FUTURE_MARKS = ("'ll", "’ll", "will", "shall", "going to", "expect to", "hope to", "aim to", "plan to", "is to", "are to")
# What _WE_WILL needs besides: "hoping to", "I'm to", "we're to".
_OUR_FUTURE_MARKS = ("ing to", "m to", "re to")
# The present tense for the future, with a time still to come, as non-native writers put it: "I ring
# her back on Monday", "We measure on Thursday", "I replace the zip this week". A day in the plural
# is a habit ("we deliver on Fridays"); a verb in the past reports ("I rang her on Monday").
# Words after "I" or "we" that are no act in the present: a verb of being, having or knowing, a modal, a habit.
_NO_ACT_AFTER_I = (
    r"(?!(?:am|are|was|were|do|did|don't|can|could|would|should|will|shall|may|might|must|have|had|need|think|hope|know|believe|feel|see|"
    r"understand|want|agree|usually|normally|always|often|never|only|open|close|also|just|still)\b)"
)
# What is so or decided, not done, in the present: "we charge her card next month as agreed".
_DECIDED_OR_SO = "need|use|accept|allow|require|cover|apply|charge|cost|miss|waive|honour|honor|match|absorb|stand|hear|wait"
_WE_DO_LATER = re.compile(
    rf"(?:^|[.;!?,]\s*|\n|\b(?:so|then|and|that)\s+)(?:i|we)\s+{_NO_ACT_AFTER_I}(?!(?:{_DECIDED_OR_SO})\b)([a-z]+)\b[^.;!?,]{{0,60}}?"
    r"\b(?:tomorrow|tonight|later today|this (?:week|afternoon|evening|morning)|next (?:week|month|time|visit)|first thing|"
    r"in the (?:morning|afternoon|evening)|after that|when (?:it|they|the)|once (?:it|they|the)|as soon as|"
    rf"(?:on |next |this )?(?<!since )(?<!last )(?<!from )(?<!every )(?<!each )(?<!until )(?<!till )(?:{WEEKDAYS})(?!s))\b"
)
# What _WE_DO_LATER cannot match without, looked for first (the pattern tries every position, and few sentences
# hold both): "I" or "we" before a space (a pattern that opens on a letter skips quickly to it), and the time to
# come (every weekday ends in "day"). Keep in step with _WE_DO_LATER.
_I_OR_WE = re.compile(r"(?:i|we)\s")
_WE_DO_LATER_TIMES = ("tomorrow", "tonight", "later today", "this ", "next ", "first thing", "in the ", "after that", "when ", "once ", "as soon as", "day")


def _may_say_we_do_later(sentence: str) -> bool:
    """Whether a sentence holds what _WE_DO_LATER needs (see _WE_DO_LATER_TIMES)."""
    return _I_OR_WE.search(sentence) is not None and any(map(sentence.__contains__, _WE_DO_LATER_TIMES))


# The writer in the present tense doing something to or for the customer, with a time to come or a
# condition anywhere in the sentence, as second-language writers put the future: "I send him a photo if
# they find one", "I phone her when is ready", "Tomorrow I bring them to her", "I ask the supplier and
# write to Ms. Olsen after". Not a habit ("I usually text her"), a verb in the past, nor what the customer
# is told to do ("I ask her to ring when ...").
_WE_DO_FOR_THEM = re.compile(
    r"(?:^|[.;!?,]\s*|\n|\b(?:so|then|and|that)\s+|\b(?:if|once|when|as soon as|after)\s+[^.;!?,]{1,60}?\s)"
    rf"(?:(?:tomorrow|tonight|later|then|first thing|{_A_WEEKDAY}|(?:next|on|this|by) [a-z]+|in the [a-z]+)\s*,?\s+)?(?:i|we)\s+"
    rf"{_NO_ACT_AFTER_I}(?!(?:{_DECIDED_OR_SO})\b)([a-z]+)\b(?=(?:[^.;!?]|(?<=mr|ms|dr)\.|(?<=mrs)\.){{0,80}}?\b(?:him|her|them)\b(?!\s+to\s+[a-z]))"  # "Ms." ends nothing
)
_WHEN_OR_IF = re.compile(
    r"\b(?:if|unless|when|once|after|afterwards|as soon as|before|tomorrow|tonight|later|next|first thing|"
    r"the (?:day|minute|moment|second) (?:it|they|he|she|the|we)|"
    rf"this (?:afternoon|evening|week|weekend)|(?:on|by|till|until|this|next) {_A_WEEKDAY}|"
    rf"(?<!since )(?<!last )(?<!from )(?<!every )(?<!each ){_A_WEEKDAY})\b"
)
_THEM_WORDS = frozenset(("him", "her", "them"))
# Words of _WHEN_OR_IF besides those of a time to come (_LATER_WORDS).
_CONDITION_WORDS = frozenset("if unless before afterwards soon day minute moment second".split())
_LATER_WORDS = frozenset(
    """tomorrow tonight later week weekend afternoon evening morning next first after when once by monday tuesday wednesday thursday friday
    saturday sunday mon tue tues wed weds thu thur thurs fri""".split()
)
# A to-do written as an order to ourselves, opening a sentence: "Ring him the week before.", "Call her back Tuesday."
_TO_DO = re.compile(
    r"\s*(?:(?:please|pls|plz)\s+)?(?:call|ring|phone|email|e-mail|text|contact|chase|remind)\s+(?:him|her|them)\s+"
    r"(?:back|tomorrow|today|tonight|later|next|first|ahead|the (?:week|day|morning|afternoon)|when|once|after|before|by|in|this|"
    rf"(?:on )?(?:{WEEKDAYS})|[^.;!?]{{0,40}}?\b(?:before|by|on|next|this) {_A_WEEKDAY})\b"
)
# Or after a comma, as clipped notes run their clauses on: "tried twice, no answer, ring her back tmrw".
_TO_DO_AFTER_A_COMMA = re.compile(r",\s*" + _TO_DO.pattern)
# What _WE_DO_THEN_TELL and _TO_DO need, without "will" or "to": a contact after "and", or opening a sentence.
_CONTACT_NEXT = re.compile(
    r"(?:\b(?:and|then|i|we)\s+|(?:^|[.;!?]\s*|\n)\s*(?:(?:please|pls|plz)\s+)?)(?:call|ring|phone|email|e-mail|text|contact|chase|remind|tell|inform|update|send|write)\s"
)
_CONTACT_VERB_WORDS = frozenset("call ring phone email e text contact chase remind tell inform update send write".split())


def _contact_next(text: TextField, names: frozenset[str]) -> bool:
    """Whether a text has a contact of him, her, them or the customer by name after "and" or opening a sentence.

    The cheap looks come first: a pronoun or a name, and a verb of contact, among its words; then the pattern.
    """
    words = text.words
    if not ("him" in words or "her" in words or "them" in words or not names.isdisjoint(words)):
        return False
    return not _CONTACT_VERB_WORDS.isdisjoint(words) and _CONTACT_NEXT.search(text.lowered) is not None


# How promises are typed on a phone, beyond slang: "wil", "em", "n" ("gonna ask Lucie n email her back").
# "Tomorrow" as it is typed short or misspelt: "tmrw", "2moro", "tommorow".
_TYPED_FORMS = {"wil": "will", "em": "them", "n": "and"} | dict.fromkeys(
    "tmrw tmr tmw tmoz 2moro 2morrow 2mrw tommorow tomorow tommorrow tomorrrow tommorw".split(), "tomorrow"
)
_FORMS: dict[int, tuple[dict[str, str], dict[str, str], frozenset[str]]] = {}


def _typed_forms(slang: dict[str, str]) -> tuple[dict[str, str], frozenset[str]]:
    """Slang and typed forms with the words they stand for, and the forms as a set: built once per word list."""
    known = _FORMS.get(id(slang))
    if known is None or known[0] is not slang:
        if len(_FORMS) > 16:
            _FORMS.clear()
        forms = _TYPED_FORMS | slang
        known = _FORMS[id(slang)] = (slang, forms, frozenset(forms))
    return known[1], known[2]
_TYPED_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def _in_words(lowered: str, spelt_out: dict[str, str]) -> str:
    """Lower-case text with its slang and typed forms written out: "we gonna email em" -> "we going to email them"."""
    return _TYPED_WORD.sub(lambda word: spelt_out.get(word.group(0), word.group(0)), lowered)


# One of ours in the present tense, then contacting the customer: "... and texts her if it shows".
_AND_CONTACTS_THEM = re.compile(r"\band (?:calls|rings|phones|texts|emails|e-mails|messages|contacts|updates|tells) (?:him|her|them)\b")


# Its verbs, looked for among a text's words first ("e-mails" is two words there, one its "mails"). Keep in step.
_CONTACTS_IN_S = frozenset("calls rings phones texts emails mails messages contacts updates tells".split())


def _contacts_them_after(text: TextField) -> bool:
    """Whether a text has one of ours contacting the customer in the present tense after "and" (_AND_CONTACTS_THEM)."""
    words = text.words
    return (
        not _CONTACTS_IN_S.isdisjoint(words) and "and" in words and not _THEM_WORDS.isdisjoint(words)
        and _AND_CONTACTS_THEM.search(text.lowered) is not None
    )


# A date's figures are blanked in the lower-case text: after "on", "by", "before" or "the", a run of spaces is where one may be.
_BLANKED_DATE = ("on  ", "by  ", "before  ", "on the  ", "by the  ", "before the  ")


def _a_date_in(text: TextField) -> bool:
    """Whether a text holds a date after "on", "by" or "before" (see _A_DATE), looked for only where its figures may be."""
    return text.has_digit and any(map(text.lowered.__contains__, _BLANKED_DATE)) and _A_DATE_AFTER.search(text.text.lower()) is not None


def _may_do_later(text: TextField) -> bool:
    """Whether a text has what _WE_DO_LATER, _DUE or someone on it now needs: a word of a time to come, and "I" or "we",
    "to" or "back" ("Dean back Thursday to re-glue it"), or a verb in -ing ("the team are arranging", "Sending her ...")."""
    words = text.words
    if _contacts_them_after(text):
        return True  # _OURS_DO_LATER's: "Brian checks the till roll tonight and texts her if it shows"
    if _LATER_WORDS.isdisjoint(words) and not _a_date_in(text):  # "on the 22nd"
        # _WE_DO_FOR_THEM's condition: "I send him a photo if they find one"
        return "if" in words and ("i" in words or "we" in words) and not _THEM_WORDS.isdisjoint(words)
    if "i" in words or "we" in words or "back" in words or "going" in words or not _OUR_DOINGS.isdisjoint(words):
        return True
    if "to" in words and (not _DAY_TO_COME_WORDS.isdisjoint(words) or not _PEOPLE_BY_TRADE_OR_ROLE.isdisjoint(words)):
        return True  # "Craig to re-inspect Friday", "cutter to be fitted at next lift-out", "Supervisor to revert by close of business"
    if ("our" in words or text.capitalised_inside) and _OURS_IN_THE_PRESENT.search(text.text):
        return True  # _OURS_DO_LATER: "Our courier collects it Friday", "Tomorrow Jan visits"
    if ("our" in words or not _PEOPLE_BY_TRADE_OR_ROLE.isdisjoint(words)) and _a_bare_verb_after_one_of_ours(words) and _ours_do_bare(text.lowered, gate=True):
        return True  # _ours_do_bare: "Our driver come Friday and take the old sofa", "Tomorrow technician bring the router"
    if "is" in words or "are" in words or "'" in text.lowered:
        return any(len(w) > 5 and w.endswith("ing") and w not in _NOT_VERBS for w in words)  # "the team are arranging ..."
    # The writer left out before a verb in -ing opening a sentence: "Re-stitching the strap Wed".
    return _OPENING_ING.search(text.lowered) is not None


# What _OURS_DO_LATER needs: a capitalised word or "our ...", then a verb in -s.
_OURS_IN_THE_PRESENT = re.compile(r"(?:\b[A-Z][\w-]*|\b[Oo]ur [a-z]+) [a-z]{2,}s\b")
# Or one word before it, a name with "is" left out: "Owen refunding it this afternoon" (_SOMEONE_WILL's clipped).
_OPENING_ING = re.compile(
    r"(?:^|[.!?;,]\s+|\b(?:and|so|but)\s+)(?:[a-z][\w-]*\s+(?:(?:in|on|at|from)\s+(?:the\s+)?(?:[a-z][\w-]*\s+)?[a-z][\w-]*\s+)?)?(?:[a-z]+-)?[a-z]{3,}ing\b"
)
# The words of a day to come that _TO_LATER and _TO_BE_DONE need besides "to" (not "by", "after" or "week": too common).
_DAY_TO_COME_WORDS = _LATER_WORDS - frozenset("by after week afternoon evening morning".split())
# Words in -ing that are no verb: "morning", "during".
_NOT_VERBS = frozenset("morning evening nothing something anything everything during regarding following including pending ceiling building wedding".split())


_ASKING = ("ask", "wonder", "know", "enquir", "inquir", "quer")


def _a_question(sentence: str) -> bool:
    """Whether a sentence is all the customer's question (its asking word is near the start: looked for first)."""
    return any(word in sentence[:60] for word in _ASKING) and _QUESTION.match(sentence) is not None


_A_FEATURE_WORKS = re.compile(r"\s+(?:works?|worked|is|was|isn't|wasn't|fails?|failed|stopped|broke|broken|not|now)\b")
# A sentence that is all the customer's question: "Asked when we will send the invoice."
_QUESTION = re.compile(
    r"\s*(?:[\w'-]+\s+){0,3}?(?:asked|asks|asking|wondered|wonders|wants to know|wanted to know|enquired|inquired|queried)\s+"
    r"(?:us\s+|me\s+)?(?:when|whether|if|how|why|what|where)\b[^,;:]*$"
)
# Said by the customer: their "we will" is not ours. The apostrophe of a short form is no quotation mark: "said I'll ring".
# So are words after a colon that follows a noun of what someone said: "His reply to the revised quote: ... I will book online".
# So are words after someone else's verb of speech and a comma, with no quotation marks: "Josh goes to me, I swear it never
# does this when Vik is in" (names of theirs read as "them"; the writer's "I said, I'll ring her Monday" is ours).
_REPORTED_SPEECH = re.compile(
    r"\b(?:said|says|told us|told me|replied|wrote|words?)\b[^.;!?]{0,12}(?:[:\"“]|(?<![a-z])')"
    r"|\b(?:he|she|they|them|customer|caller|client)\s+(?:goes|went|says|said|was like|is like)(?:\s+to\s+(?:me|us))?,"
    r"|\b(?:reply|response|answer|message|complaint|review|comment)\b[^.;!?:]{0,40}:"
)
# Every promise above holds "to ", an apostrophe ("we'll", "I'd") or one of these words: texts
# without any are skipped at once (a look-up of the text's words, not a search per word).
_PROMISE_WORDS = frozenset(
    """will shall would owe ill reckons says thinks callback call follow scheduled booked arranged set coming popping dropping swinging heading next todo action
    expect hope aim plan keep calling ringing phoning emailing texting sending posting writing contacting getting should ought promise
    promising""".split()
)
# Narrower: a pattern above cannot match a sentence without one of these words or phrases, or
# without "to" opening the sentence ("To call back Monday"). Many texts pass the first look on a
# "to " alone; this one spares them the combined pattern, which is slow to search. Keep both in
# step with the patterns.
_PROMISE_MARKER_WORDS = frozenset(
    """will shall would owe ill reckons says thinks promise promised promising agreed offered need needs needed must callback scheduled booked arranged coming popping dropping
    swinging heading todo action keep calling ringing phoning emailing texting sending posting writing contacting getting should ought""".split()
)
_PROMISE_MARKER_PHRASES = (
    "'ll", "'d", "'m to", "'re to", " am to ", "going to", "has to", "have to", "call-back", "call back", "follow-up", "follow up", "set up", "back to",
    "hoping to", "expecting to", "planning to", "revert to", "aiming to", "next step", "next:", "next -", "to do", "expect to", "hope to", "aim to",
    "plan to", "to follow", " is to ", "will follow", "be sent", "be posted", "be emailed",
    "be issued", "be ordered", "be reordered", "be arranged", "be fitted", "be made", "be redone", "be replaced", "be refunded", "be with",
)
_A_WORD_OF_TEXT = re.compile(r"[a-z]+(?:'[a-z]+)*")
# "To" opening a sentence: at the start of a text, or after a stop (a pattern that opens on the stop
# skips to it, where one opening on the start of a text too would try every position).
_TO_OPENS_TEXT = re.compile(r"\s*to\s")
_TO_AFTER_A_STOP = re.compile(r"[.!?;\n]\s*to\s")


def _to_opens_sentence(text: str) -> bool:
    return _TO_OPENS_TEXT.match(text) is not None or _TO_AFTER_A_STOP.search(text) is not None


_ANY_PROMISE = re.compile("|".join(f"(?:{p.pattern})" for p in _PROMISES))
# Every pattern of _PROMISES holds one of these, or "to" opening a sentence: a sentence without any is
# not searched (the combined pattern is slow to search). Keep in step with the patterns.
_ANY_PROMISE_NEEDS = (
    "will", "shall", "'ll", "'d", "would", "should", "going to", "promis", "agreed", "offered", "need to", "needs to", "has to", "have to",
    "must", "callback", "call-back", "call back", "follow-up", "follow up", "scheduled", "booked", "arranged", "set up", "back to", "owe",
    "revert to", "ought",
)


def _may_promise(sentence: str) -> bool:
    """Whether a sentence holds what a pattern of _PROMISES needs (see _ANY_PROMISE_NEEDS)."""
    return any(map(sentence.__contains__, _ANY_PROMISE_NEEDS)) or _to_opens_sentence(sentence)


# What each pattern of _PROMISES cannot match without, in the same order (none: it is quick to search). Keep in step with the patterns.
_EACH_PROMISE_NEEDS: tuple[tuple[str, ...], ...] = (
    ("will", "shall", "'ll", "going to", "promised to", "agreed to", "offered to", "need", "has to", "have to", "must"),
    (),
    ("call", "follow"),
    ("call", "follow"),
    ("will",),
    ("will",),
    ("should", "will", "'ll", "ought"),
    ("promised", "agreed", "arranged"),
    ("promis",),
    ("will", "'ll", "going to"),
    ("back to", "follow up with"),
    ("will", "'ll", "going to"),
    ("back to", "revert to"),
    ("'d", "would"),
    ("owe",),
)


def _any_promise_in(sentence: str) -> bool:
    """Whether any pattern of _PROMISES matches a sentence: each alone, where its words are, is quicker to search than
    _ANY_PROMISE, which yields the matches and is searched only then."""
    return any(
        (not needs or any(map(sentence.__contains__, needs))) and pattern.search(sentence) is not None
        for needs, pattern in zip(_EACH_PROMISE_NEEDS, _PROMISES, strict=True)
    )
# Someone of ours, named by role or name at the start of a clause, then what they will do:
# "Trainer to ring him back", "Dr Shah to email her the images", "Pharmacist will check again".
_ACTS = (
    r"(?:call|ring|phone|telephone|email|e-mail|text|contact|write|send|post|confirm|update|chase|check|look|get back|follow up|reach out|let|visit|"
    r"(?:pop|come|drop|swing|stop|nip) (?:round|by|over|in|out|back|past|along)|"
    # A contact said as a noun given: "will give her a ring", "will drop him a line".
    r"(?:give|drop|shoot) (?:him|her|them) an? (?:ring|call|bell|buzz|shout|line|note|email|e-mail|text|message))"
)
# A visit or a job someone of ours will do: "tech will swing by Thursday to install it". After "to"
# these are often the customer's ("ready to collect"), so they count after "will" only.
# Coming in order to do something is a visit: "will come Thursday morning to check the boxes".
_VISITS = (
    r"(?:pop (?:in|over)|come (?:out|over)|drop (?:in|round)|swing by|stop by|call in|install|fit|repair|collect|deliver|bring|"
    r"come\b[^.;,!?]{0,30}?\bto (?!(?:us|me|an?|the|his|her|their|terms|an end|nothing)\b)[a-z]+)"
)
# On the way now, in the present continuous, with or without "is": "Priya is coming out on Friday", "Sam's popping round".
# Said of a person ("is", "are" or "'s" before it) and with a time or a purpose after it: not "smoke
# coming back into the lounge", "water is coming out of the tap".
_COMING = (
    r"(?:(?:is|are)\s+|(?<='s )|(?<=’s ))(?:(?:coming|popping|dropping|swinging|heading|calling) (?:out|over|round|by|back)\b[^.;,!?]{0,30}?"
    r"\b(?:to (?!(?:the|a|an|us|me|his|her|their)\b)[a-z]+|tomorrow|today|tonight|later|this (?:afternoon|morning|evening|week)|next week|"
    rf"(?:on |this |next )?(?:{WEEKDAYS}))"
    r"|coming\b[^.;,!?]{0,30}?\bto (?!(?:the|a|an|us|me|his|her|their|terms|an end|nothing)\b)[a-z]+)"
)
# Who acts is the phrase just before the verb. It may follow what we told the customer ("told
# her the engineer will come ..."); only then may the future be "would" ("told her a technician
# would visit"): otherwise "would" is a condition ("the fitter would need a ladder").
_WHO_WILL = re.compile(
    # (who acts opens its clause, or follows "said": "so I've said Cerys from access will give her a ring")
    rf"(?:^|[.;!?]\s+|\n|,\s+|\band\s+|\bsaid\s+(?:that\s+)?)(?P<doer>(?:[\w'-]+\s+){{0,4}}?[\w'-]+)\s+"
    rf"(?:(?:will|to|'ll|is going to|are going to|would)\s+(?:then\s+|also\s+|first\s+)?{_ACTS}"
    rf"|(?:will|'ll|is going to|are going to|would)\s+(?:then\s+|also\s+|first\s+)?{_VISITS}|{_COMING})\b"
)
# What _WHO_WILL cannot match without, looked for first (the pattern tries every word as a start of who acts, and most
# sentences hold none of its acts): a mark of the future or of coming over, and the stem of an act. Keep in step with
# _ACTS, _VISITS and _COMING.
_WHO_WILL_MARKS = ("will", "to", "'ll", "would", "coming", "popping", "dropping", "swinging", "heading", "calling")
_WHO_WILL_ACT_STEMS = re.compile(
    "call|ring|phone|mail|text|contact|write|send|post|confirm|update|chase|check|look|get back|follow up|reach out|let|visit|"
    "pop|come|coming|drop|swing|stop|nip|install|fit|repair|collect|deliver|heading|give|shoot"
)


def _may_say_who_will(sentence: str) -> bool:
    """Whether a sentence holds what _WHO_WILL needs (see _WHO_WILL_MARKS)."""
    return any(map(sentence.__contains__, _WHO_WILL_MARKS)) and _WHO_WILL_ACT_STEMS.search(sentence) is not None


_TELLING = frozenset("told tell assured promised informed advised".split())
# A singular verb after who acts: "Jess is going to", "Chris's coming"; "Invoices are going to" is a plural.
_SINGULAR = re.compile(r"\bis\b|'s\b")
# Anyone of ours, in the future tense, doing anything: "Marta will order a replacement lens", "our
# accounts team will reissue the invoice", "an engineer will be with her within four hours". Who
# acts must be a person (see _a_person); what they do, an act (see _NOT_AN_ACT).
# What we do for the customer, in -ing, when the writer leaves themselves out: "Sending her the revised quote tonight".
_OUR_DOINGS = frozenset(
    """calling ringing phoning emailing texting sending posting writing contacting chasing ordering reordering booking arranging printing
    reprinting fitting repairing replacing collecting delivering preparing checking sorting fixing""".split()
)
# What a person does for the customer, on it now: a word opening the sentence before it is a name ("Hamish is delivering ...").
_DONE_FOR_THEM = _OUR_DOINGS | frozenset("bringing dropping redoing refitting returning picking taking".split())
# A date, after "on", "by" or "before": "on 14 Dec", "on the 22nd", "by 3/1".
_A_DATE = (
    r"(?:on|by|before) (?:the [0-3]?[0-9](?:st|nd|rd|th)|[0-3]?[0-9](?:st|nd|rd|th)? "
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|[0-3]?[0-9]/[01]?[0-9](?![0-9]))"
)
_A_DATE_AFTER = re.compile(rf"\b{_A_DATE}\b")
_A_TIME_TO_COME = (
    r"(?=[^.;!?]{0,60}?\b(?:tomorrow|tonight|later|this (?:afternoon|evening|morning|week|weekend)|(?:over|at|before) the weekend|next|first thing|in the (?:morning|afternoon|evening)|"
    rf"when|once|as soon as|after|by (?:the|end|close|{WEEKDAYS})|within (?:the (?:hour|day|week)|[a-z0-9]+ (?:working )?(?:hours?|days?|weeks?))|"
    rf"(?:on|for) {_A_WEEKDAY}|{_A_DATE}|(?<!since )(?<!last )(?<!until )(?<!till )(?<!from )(?<!every )(?<!each ){_A_WEEKDAY})\b)"
)
_TIME_TO_COME_AT = re.compile(_A_TIME_TO_COME)
# What _A_TIME_TO_COME cannot match without (every weekday ends in "day"): a quick look first. Keep both in step.
_TIME_TO_COME_MARKS = (
    "tomorrow", "tonight", "later", "this ", "the weekend", "next", "first thing", "in the ", "when", "once", "soon", "after", "by the", "by end", "by close",
    "day", "mon", "tue", "wed", "thu", "fri", "within",
)
# What a verb in -ing acts on, right after it: "ordering more", "dropping the strap round"; not "leaking again".
_ACTED_ON = r"\s+(?:the|a|an|her|him|them|it|his|their|more|some|one|two|another|new|up|out|round|over)\b"
_ACTED_ON_AFTER = re.compile(_ACTED_ON)
_SOMEONE_WILL = re.compile(
    # "Our" opens who acts wherever it stands: "as she needs it on the 14th our estimator is going to ...".
    r"(?:^|[.;!?]\s+|\n|,\s+|\b(?:and|so|but|that)\s+|\b(?=our\s))(?P<doer>(?:[\w'-]+\s+){0,4}?[\w'-]+?)(?:\s+(?:will|shall|is going to|are going to|going to|is to|are to)|'ll|'s going to)\s+"
    r"(?:then\s+|also\s+|first\s+|personally\s+)?(?P<verb>[a-z]+)\b"
    # Or on it now, with a time to come: "she is emailing him the details this evening", "the dispatch
    # team are arranging a collection for Thursday".
    r"|(?:^|[.;!?]\s+|\n|,\s+|\b(?:and|so|but|that)\s+)(?P<busy>(?:[\w'-]+\s+){0,4}?[\w'-]+?)(?:\s+(?:is|are|am)|'s|'m|'re)\s+"
    rf"(?P<doing>(?:[a-z]+-)?[a-z]+ing)\b{_A_TIME_TO_COME}"
    # Or on it now with "is" left out, as clipped notes put it: "Farah ordering more from the wholesaler tomorrow".
    # (read past where they work: "Gaz on the counter ringing him as soon as it lands")
    r"|(?:^|[.;!?]\s+|\n|,\s+|\b(?:and|so|but)\s+)(?P<clipped>[a-z][\w-]*)(?:\s+(?:in|on|at|from)\s+(?:the\s+)?(?:[a-z][\w-]*\s+)?[a-z][\w-]*)?\s+"
    rf"(?P<clipped_doing>(?:[a-z]+-)?[a-z]{{3,}}ing)\b(?={_ACTED_ON}|\s+to\s){_A_TIME_TO_COME}"
    # Or on it now with the writer left out: "Sending her the revised quote tonight", "Reprinting at our cost, with her by the 20th".
    rf"|(?:^|[;,]\s*)(?P<left_out>{'|'.join(sorted(_OUR_DOINGS))})\b{_A_TIME_TO_COME}"
)
# A condition after the act: "the vet will prescribe antibiotics only if it is no better".
# Not a question asked to find something out ("ringing round the depot to see if they can send 20 more"), nor a
# condition in a later clause ("is doing the clean tonight and he'll message her if it turns up").
_IF = re.compile(r"(?:(?!\band\b)[^.;!?])*?(?<!see )(?<!check )(?<!ask )(?<!out )(?<!know )\b(?:if|unless|in case)\b")
# The act, before its condition, done for or to the customer: "will put one aside for her if there's one in".
# A hedge after "if" is no condition on the act: "she'll have them Monday if all goes to plan", "if possible".
_A_HEDGE = re.compile(r"\s+(?:all|everything|it all|things)\s+go(?:es)?\s+(?:well|to plan|ok|okay|smoothly|right)\b|\s+(?:possible|at all possible)\b")
_FOR_THEM = re.compile(r"\b(?:for|to|give|send|ring|call|phone|text|email|message|bring|show) (?:him|her|them)\b(?![^.;!?]*\bonly\b)")
# Said to explain how things work, not to promise: "Explained reception will ask for photo ID".
_EXPLAINING = frozenset("explained explains explaining described outlined clarified".split())
# Verbs in -ing that are not work on the customer's behalf: "is away", "is waiting", "is working Saturday".
_NOT_DOING = frozenset(
    """being having needing wanting waiting hoping struggling going coming getting feeling thinking trying expecting leaving working
    starting running closing opening using paying staying visiting moving travelling traveling looking""".split()
)
# A verb of going, on the way now, is work when it is on an errand: going somewhere to do something ("is going
# round on Thursday to reseal the bath", as second-language writers put it: "going to his cafe for fix the
# bubble"), carrying something ("heading up with a spare wheel") or doing something next ("passing through
# Otley and dropping a tub off", "will go to the house on Friday and bleed them"); not going away ("is going on
# leave", "travelling to Lagos").
_GOING = frozenset("going coming heading driving passing travelling traveling nipping running walking cycling".split())
_ON_AN_ERRAND = re.compile(
    r"[^.;!?]{0,60}?\b(?:to (?!(?:the|a|an|us|me|his|her|their|its|my|our|your|work|bed|school|sleep|waste)\b)(?P<verb>[a-z]+)"
    r"|for [a-z]+ (?:the|a|an|it|them|him|his|their)\b|with (?:a|an|the|some|another|spare|new|[0-9]+)\b"
    # (a name is carried into "and dropping": see _subject_carried)
    r"|and (?:[a-z][\w-]* is )?(?P<next>(?:[a-z]+-)?[a-z]{3,})(?:(?<=ing)\b|\s+(?:the|a|an|it|them|him|her|his|their)\b))"
)


_GOING_AWAY = re.compile(r"\s+(?:home|away|off|on (?:leave|holiday|annual leave|vacation|a course|a break|lunch))\b")


def _on_an_errand(sentence: str, at: int) -> bool:
    """Whether a verb of going, ending at, goes somewhere to do something, carrying something, or doing something next."""
    if _GOING_AWAY.match(sentence, at):
        return False  # "heading home early on Friday with a cold", "going off on leave to rest"
    errand = _ON_AN_ERRAND.match(sentence, at)
    if errand is None or errand.group("verb") in _NOT_AN_ACT or errand.group("verb") in _LATER_WORDS:
        return False  # (a day is no errand: "out sick Wed to Fri")
    after = errand.group("next")  # not what was done next: "and tested the door" (but "and bleed them" is to come)
    return after is None or after.endswith("eed") or _present(after)


# What is so or happens by itself, not done: "the tablets will take three days", "the app will update
# overnight", "the membership will renew", "Marta will work Saturday".
_NOT_AN_ACT = frozenset(
    """be need needs have know want like see hear mind cost take arrive ship update renew reset expire lapse go come show appear clear
    run close open end finish start change increase decrease drop rise fall apply work last happen remain stay become seem depend
    vary include cover sync refresh process bounce fail stop continue follow not never probably likely only still always
    usually normally generally typically often sometimes rarely also just decide charge waive honour honor match absorb accept allow
    require hold use keep miss stand her him them his their the a an my our this that it its you me us""".split()
)
# Acts of _WHO_WILL that a thing does by itself: "the app will update", "the system will send a reminder".
_DONE_BY_THINGS = frozenset("update check look confirm post send chase let".split())
# The last word of a visit ("swing by", "come out"): a person's, not a thing's ("the stain to come out").
_A_VISIT_ENDS = frozenset("round by over in out back past along".split())
# A round that recurs is a standing arrangement, not a promise of a follow-up; so is a to-do for any
# occasion ("Ring her before any visit").
_RECURRING = re.compile(
    r"\b(?:(?:every|each|any) (?:day|week|fortnight|month|quarter|year|time|visit|delivery|appointment|session|lesson|collection|"
    r"morning|evening|spring|summer|autumn|winter|"
    rf"{WEEKDAYS})|whenever|weekly|fortnightly|monthly|quarterly|annually|yearly|regularly|"
    r"(?:on )?(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|weekends|mornings|afternoons|evenings|nights))\b"
)
# An occasion of any kind after a word of when, quantified, after the act, is one that recurs: "to text before knocking
# on any job at this address", "to ring him before any drop at his sites", "to text on arrival for all her early
# pickups" (not "for all the charges": what is done, once).
_ON_ANY_OCCASION = re.compile(
    r"\b(?:before|after|on|at|ahead of|during|for) (?:(?:any|every|each)(?: of)? (?:(?:his|her|their|the|our|these|those) )?"
    r"|all (?:of )?(?:his|her|their) )(?:[\w-]+ )?[a-z]{3,}"
)


# How to reach them, for good: "contact her by email or text only", "ring him on his mobile only".
_BY_ONE_CHANNEL_ONLY = re.compile(r"\b(?:by|on|via)\s+(?:[\w-]+\s+){0,3}?only\b|\bonly\s+(?:by|on|via)\b")
# A contact before another of ours, an occasion that recurs: "text her before ringing", "ring her cell before leaving a card".
_BEFORE_CONTACTING = re.compile(r"\b(?:before|b4)\s+(?:ringing|calling|phoning|knocking|leaving|delivering|visiting|dropping)\b")
_BOUNDED = re.compile(r"\b(?:this (?:week|weekend|month)|tomorrow|tonight|until|till|for (?:the next|a) (?:few|couple|week|fortnight))\b")


def _recurs(sentence: str, at: int) -> bool:
    """Whether the act at a position recurs: a round in its own clause, or any occasion after it ("before any drop")."""
    clause = _clause_at(sentence, at)
    if _RECURRING.search(sentence) and _RECURRING.search(clause):
        return True
    ends = _CLAUSE_JOIN.search(sentence, at)
    after = sentence[at : ends.start() if ends else len(sentence)]  # the clause, after the act
    if _BOUNDED.search(sentence):
        return False  # a time to come bounds it: "text her after each session this week" is a promise, not a standing arrangement
    if ("before" in after or "b4" in after) and _BEFORE_CONTACTING.search(after) and not _TIME_TO_COME_AT.match(after):
        return True  # before each contact of ours: "text her before ringing" (not "on Thursday before knocking")
    return any(word in after for word in (" any ", " all ", " every ", " each ")) and _ON_ANY_OCCASION.search(after) is not None


# "Quote to follow by email", "a replacement will be sent once stock is back": what we send, its sender
# left out. Not what the customer asked for ("asked for the invoice to be sent to her son").
_THING_SENT = re.compile(
    r"\b(?:quote|estimate|replacement|refund|invoice|letter|report|proof|proofs|copy|confirmation|certificate|credit note|receipt|"
    r"statement|form|forms|contract|details|results|paperwork|part|parts)\s+"
    r"(?:to follow|will follow|(?:to be|will be|is being)\s+(?:sent|posted|emailed|issued|ordered|reordered|arranged|fitted|made|redone|replaced|refunded)(?:\s+out)?)\b"
)
# What we provide, in the passive future, to them or with a time to come, whatever it is: "a full response
# shall be provided within ten working days", "she will be sent a new card by Friday"; not given by someone
# named after "by" ("will be delivered by the courier").
_PROVIDED = re.compile(
    r"(?:\bwill|\bshall|'ll)\s+be\s+(?:provided|given|sent|issued|posted|emailed|texted|forwarded|supplied|delivered|returned)(?:\s+(?:out|over|back))?\b"
    r"(?!\s+by\s+(?:the|a|an|his|her|their|its)\b)"
    rf"(?:\s+to\s+(?:him|her|them|the customer|the client)\b|(?=[^.;!?]{{0,40}}?\bwithin\b)|{_A_TIME_TO_COME})"
)
_ASKED_FOR = re.compile(r"\b(?:asked for|asks for|asking for|wants?|wanted|would like|requested|requests)\b")
# What _THING_SENT cannot match without: most sentences hold none, and the pattern tries every word. Keep in step.
_THING_SENT_MARKS = ("follow", "sent", "posted", "emailed", "issued", "ordered", "arranged", "fitted", "made", "redone", "replaced", "refunded")


def _asked_for(sentence: str) -> bool:
    """Whether the customer asked for something (_ASKED_FOR), looked for only where its words are."""
    return ("ask" in sentence or "want" in sentence or "would like" in sentence or "request" in sentence) and _ASKED_FOR.search(sentence) is not None


def _a_thing_sent(sentence: str) -> bool:
    """Whether a sentence says what we send with its sender left out (_THING_SENT), looked for only where its words are."""
    return any(map(sentence.__contains__, _THING_SENT_MARKS)) and _THING_SENT.search(sentence) is not None
# Third parties named by role, never ours: "the landlord will arrange access", "the freeholder will repair it".
_THIRD_PARTIES = frozenset("landlord landlady freeholder insurer insurers lender solicitor solicitors gp employer police hmrc hospital council court embassy dvla".split())
# People of ours by trade, besides the roles and offices of ROLE_NAMES.
_TRADES = frozenset(
    """tech techs crew crews fitter fitters plumber plumbers installer installers groomer groomers tuner tuners cleaner cleaners sweep
    sweeps vet vets pharmacist pharmacists dentist dentists hygienist optometrist tailor tailors chef chefs decorator decorators roofer
    roofers builder builders joiner joiners carpenter carpenters glazier gardener gardeners valuer inspector inspectors assessor
    assessors rep reps colleague colleagues someone somebody trainer trainers instructor instructors tutor tutors coach physio
    stylist stylists photographer photographers designer designers baker bakers""".split()
)
# (The look-ahead for the "t" of "to" lets a search skip to one, instead of trying the pattern at every gap.)
_TO_ACT = re.compile(rf"(?=t)\bto\s+(?:then\s+|also\s+|first\s+)?{_ACTS}\b")
# "... will check again Monday and text him", "will have another look and let her know".
_WILL_THEN_TELL = re.compile(
    r"(?:^|[.;!?,]\s+|\n)(?P<doer>(?:[\w'-]+\s+){0,5}?)(?:will|'ll|going to|would)\b[^.;!?]{0,100}?\b(?:and|then)\s+(?:let (?:him|her|them) know|"
    r"(?:call|ring|phone|text|message|email|e-mail|update|contact|send|post|forward|write to|get back to|come back to|revert to|follow up with"
    r"|drop|give|shoot) (?:him|her|them))\b"  # "drop him a line", "give her a ring"
)
# Who is not us: the customer and their side. What they will do is theirs to do.
_THEIR_SIDE = frozenset(
    """he she they them him her it customer customers caller client tenant tenants patient guest member contact holder
    cx ct his their wife husband son daughter mother father mum dad family owner supplier courier lab bank
    sister brother aunt uncle niece nephew cousin grandson granddaughter grandma grandad grandmother grandfather nan gran
    hubby boyfriend girlfriend fiance fiancee friend neighbour neighbor carer""".split()
)


def _theirs(words: list[str]) -> bool:
    """Whether who acts is the customer's side or a party of theirs, one or many: "tenant", "couriers"."""
    return any(word in _THEIR_SIDE or (word.endswith("s") and word[:-1] in _THEIR_SIDE) for word in words)


# Words that make the phrase before "to" a verb's, not a person's: "asked to", "wants to", "needs to".
_NOT_A_DOER = frozenset(
    """asked asks wants wanted needs needed told tells advised advises like likes would prefer prefers tried trying
    going unable able forgot happy willing reminded due has have had is was were are be been free how what when
    where why whether if wrote sent rang spoke went came gave took made got said paid back way time order
    not those""".split()  # "and not to call her"; "one of those owners who will find fault with any trim": a kind of person
)

_NO_FOLLOW_UP = re.compile(r"\bno (?:follow[- ]?up|callback|call back|further action)\b|\b(?:declined|refused|did not want|does not want|doesn't want) (?:a )?(?:follow[- ]?up|callback|call back)\b")


def _may_decline(lowered: str) -> bool:
    """Whether a text holds what _NO_FOLLOW_UP needs: most hold none of it, and the pattern tries every word."""
    return "no " in lowered or "declined" in lowered or "refused" in lowered or "want" in lowered


@rule("P105", "follow-up-promised-not-recorded", "error", "note")
def follow_up_promised_not_recorded(subject: Subject) -> Iterator[Hit]:
    """The text promises a follow-up ("will call back Monday") but `follow_up` is `none`.

    ## What it does
    Looks in the reason, resolution and internal remarks for a verb about the future whose agent
    is us: the writer, a colleague or the team. Found: "we will call back", "callback scheduled",
    "will be contacted by billing", "told her we would call back", "let her know we'd send someone
    out", "promised her a call back"; anyone of ours doing anything in the future tense, named by
    name, role, trade or "our" ("Marta will order a replacement lens", "our estimator will email
    the adjuster", "Someone from claims will reach out", "An engineer will be with her within four
    hours", "Trainer to ring him back", "Pharmacist is contacting the insurer and will update
    her", "Gavin's going to sort the invoice out"; "she" or "they" acting on another person:
    "They'll reach out to him", "they are to phone her back"); someone of ours on it now, with a time to come ("she is emailing
    him the details this evening", "The dispatch team are arranging a collection for Thursday",
    "Sending her the revised quote tonight"); what we send, due by a date ("should be with her by
    the 20th"), or due to reach them or someone of theirs by a time, whatever the verb of arriving ("it should
    reach her solicitor by the 20th", "ought to arrive with him early next week"; not "should have reached her by
    now"); a task handed to, left with or arranged for a colleague ("Asked Jonah in finance to ring her back",
    "Leaving it with Dave to ring her once the quote is in", "Arranged for the engineer to call her"); the writer
    doing anything in the future tense ("I'll email Marisol the options", "we'll be in touch", "we'll be back next
    week", one of ours coming back with something or to do something: "the fitter will be back tomorrow to test it", "we'll
    be back with a cherry picker next week"; not "back to normal", "back at work on the 20th",
    "I'm going to print it", "I'll keep her posted", "Expect to have it to her Thursday"; not
    what is simply so: "we will need access to the loft"); the present tense for the future, as
    non-native writers put it ("I check with the manager and come back to her", "I ask the manager
    and write Mr Demir back until Friday", "I ring her back on Monday", "We measure on Thursday", "we fit it Friday morning", "I text her when it's on the rail";
    a verb the same in the past with a time only to come: "I put the washer in tomorrow", "I let her know when it is
    delivered tomorrow"; the writer doing anything
    to or for the customer with a time to come or a condition anywhere in the sentence: "I send him a photo if they
    find one", "Tomorrow I bring them to her", "We ring her the day it lands", "I ask the supplier and write to
    Ms. Olsen after"); a colleague on the way ("Priya is coming out on Friday
    to look at it", "told her a technician would visit", "Our fitter is to go back on the 9th to reseal it"), or on the way now on an errand with a time to
    come: going somewhere to do something, carrying something or doing something next ("Declan is going
    round on Thursday to reseal the bath", "Ahmed going to his cafe tomorrow for fix the bubble", "Rob's
    heading up with a spare wheel once he's back", "Dale's passing through Otley tomorrow and dropping a
    tub off", "will go to the house on Friday and bleed them"; not "is going on leave next week", "is
    heading home early on Friday with a cold"); seeing
    if one can ("is going to see if he can weld a patch on"); a thing we send with its sender left
    out ("Quote to follow by email", "Replacement to be sent out once stock is back"); the writer
    left out after a comma or opening with "shall" ("not in yet, will ring her when it lands", "Shall send the
    corrected invoice first thing Monday"; not a question: "Shall we say it runs to March?"); the writer on something now after a time to come ("Tomorrow I am
    sending the documents by courier"); promises typed on a phone,
    read with their slang written out ("gonna ask Lucie n email her back", "wil txt her"); a to-do
    written as an order or after a label opening its clause ("Ring him the week before", "Next step: book the
    fitter", "Pending: engineer visit Thursday"), or as an order then a contact ("Order the seal and ring her when
    it lands"); a task given to one of ours ("Dave's been asked to ring her tomorrow"); the customer told to
    expect one of ours at a time ("Told her to expect the engineer between 8 and 12 on Thursday"); what she will
    be sent or emailed with a time to come ("She'll be emailed the revised estimate tomorrow"); a promise to the customer by name ("I'll text Beatrice"); a colleague's act told to
    the customer with "would" ("Told her Gabe would get the technician in and email her", "Said
    Kevin would re-code the fob", "told him Karen in the office would put the quote together and email it to
    him by Friday"), and a contact of the customer said in passing with "would" ("Explained the terms and that
    our claims handler would ring her on Tuesday"; not how things work: "Explained that reception would ask
    for photo ID", nor a third party: "that the manufacturer would ring him"); a visit after "to" ("Marco to swing by next week"); a name read
    on into a clause after "and" that leaves it out, or into "he" or "she" opening the next
    sentence ("Steve's finishing the report tonight and will email it to him", "Dan's borrowing a
    grinder and coming back Friday", "Kayla's putting together a video for her and sending it over tonight", "Wade is booked Monday. He will come out Tuesday", "Conor's on tonight
    and he'll search the room"); one of ours due with no "will": back, for what ("Dean back Thursday to
    re-glue it", "back out to fit it once it arrives", "The decorator is due back on Tuesday to finish the
    second coat"), out or over on a day, for what, by trade, role or name
    ("Tech out Thu to swap the unit", "Fitter over Monday to measure the bay"; not "Power out Wed to most of
    the street", "Engineer out sick Wed to Fri"), "to" and a verb with a time to come ("Craig to
    re-inspect Friday first thing"), on it with a day or a date ("Hamish is delivering the mattress Saturday", "Bartek is collecting the old
    unit on the 22nd", "is sending it out on 9 Dec"; a date in the reason is of what happened, and "the
    director's ruling on 20 November" is whose ruling it is);
    what we send or do, due ("Revised estimate going out to her tomorrow", "Rope cutter to be fitted at
    next lift-out"; not "to be repaired by the landlord's contractor"); the writer left out before a verb
    in -ing, what it acts on and a day or the weekend ("Re-stitching the strap Wed", "Getting the PDF across to
    him before the weekend"), whatever its words when it is carried
    somewhere or done for the customer ("Dropping half a dozen round Thurs", "Knocking up a new spool for her
    next week"; not "Playing up again Thursday"); our promise reported with "I'd" or
    "we'd", whatever the verb ("Told her I'd get the manager to extend it", "I've said I'll pop it aside for
    her": the apostrophe of a short form is no quotation mark); "I'll" after a clause of time
    ("once Kerry has the rota I'll send her the form"); a to-do asked with "please" ("Pls chase her for
    the form before Tues"); a promise on a condition when the act is for the customer ("Kiri will order
    another one for her if the pottery still has the glaze"); a colleague doing to a thing what a thing
    may also do by itself ("Jess gonna drop a spare bag round", "Dom is going to take the shelf back",
    "Rory to drop a 14 round to her Fri"); who acts read past an aside between them and their verb ("the
    tournament director, who was copied in, is to submit ...", "Mr Byrne (the foreman) will come back out"); a visit
    with a particle of return or passing ("Sweep to nip past after lunch tomorrow", "tech to swing back Wed");
    one of ours in a clause after ", who" when what they will do reaches the customer or is due by a time
    ("passed it to the compliance office, who are going to send her a copy", "escalated it to the parts desk,
    who will source a new brick by the end of the month"; not "passed it to the manager, who will review it
    with the locum"); a contact owed to the customer ("Owe her a call on Wednesday"; not "she owes us a
    form"); "Ill" typed for "I'll" opening a sentence ("Ill update her when I hear back"; not "Ill since
    Monday"); the customer as "sir" or "madam", as Indian English puts it, and "revert to" as a reply ("I
    verify the stock and revert to sir by evening"; not a colleague's title: "Sandeep sir from service"); what we send going out with a time to come ("the certificate is going out in Monday's
    post"); what we provide, in the passive future ("a written reply shall be given within 14 days");
    promising someone a thing ("had to promise her a visit from the owner"); the writer's future joined by
    "and" to a contact however long the clause between ("I told her I would need to look at the scaffold
    dates with the roofing firm and phone her back"); the weekend as a time to come, and a hedge that is no
    condition ("Ola is drawing up two layouts over the weekend ... if all goes well"); the writer's plan said
    with "I'm to", "hoping to" or as a label ("I'm to call her back after 3", "Hoping to get the parts Monday
    and fit Tuesday", "Aim is to have it back to her by the 20th", "Plan is for Gemma to post it tomorrow", "Next: chase supplier, update her"); a
    promise to do anything ("Promised to look into it and get back to her"; an offer may be declined: not
    "offered to let the hem down"); the customer as the one who will hear from us, or get a call, a visit or
    a letter from one of ours ("She'll hear from us by Friday", "She'll get a call from Sunita tomorrow",
    "Told her to expect a call from our surveyor"; not "will hear from the insurer"); what ours will do, in
    the passive with us as its agent ("A refund will be processed by our accounts team this week"); one of
    ours by name or as "our ..." in the present tense acting on the customer, on a thing or for a purpose,
    with a time to come or a condition ("Tomorrow Jan visits to measure the window", "Once the glass is in,
    Pete fits it and rings her", "Our courier collects it from her Friday morning"; not a timetable: "Our
    van leaves at 8 tomorrow"); a time within a span ("within 5 working days"); one of ours by name with
    "is" left out, on something with a time to come ("Farah ordering more from the wholesaler tomorrow"; not
    "Dennis working Thursday"); a verb done again, joined by a hyphen ("Tomás is re-issuing the card on
    Monday"; not "the shop is re-opening on Monday"). The customer's name cut short is the customer's ("Ros
    will bring the ticket in", for Rosalind), and a day in a clause about what the customer did is no time to
    come ("I give him the papers that he forgot on Monday"); one of ours telling their own act ("Lucy in
    accounts said she'd post it out on Monday"), or that they can ("Ravi reckons he can sort it by Thursday
    and give her a ring"), "he" or "she" so saying after a task handed to them by name ("Left it with Omar in
    stores and he reckons he can find a spare by Thursday and give her a ring", "Asked Bea to check the rota;
    she says she can cover Saturday and drop him a line tonight"; not "She said she'd collect them", "Ravi
    says he can't do mornings", "Asked her to check her diary; she says she can come Saturday"); having a go or a look
    ("Femi will have another go tomorrow"); a contact said as a noun given ("Abdul will drop her a line once the
    quote is ready"), and one of ours after "said" ("so I've said Cerys from access will give her a ring before the
    next described show"); a name read past where they work with "is" left out ("Gaz on the counter ringing him as
    soon as it lands"), or with "is" and read on into a clause after "and" ("Jas on claims is reviewing it and emailing him
    the outcome by Friday", after a semicolon too: "Apologised; Ruth on reservations is looking for a room and emailing her
    the options this afternoon"); what we told the customer would be done, however long what is done to
    ("Told her the £65 for the two suppers would be refunded by our finance team within five working days"); one of
    ours said in passing to act on a day to come, whatever the act ("and that Harriet from our sales team would come
    round on Thursday afternoon", "and that our events coordinator, Hannah, would send over the supplier form on
    Monday"); the writer left out before a verb in -ing with its particle ("Picking up the spare key from her
    neighbour tomorrow"); one of ours in the present after a clause of time ("once it comes in Marcus swaps it and
    gives Ted a call"); a name opening a sentence that is no common word, out on a day to do something ("Gaz out
    first thing Mon to lift it"); "tomorrow" typed short or misspelt ("txt her tmrw", "tommorow"); what the
    customer booked, or a booking in the reason, is no visit of ours on the diary ("Three of her booked spin classes
    were cancelled ... Duty manager is adding the credits back this evening"); "he" or "she" opening a later clause
    after a name of ours as the subject or the agent of an earlier one ("Dean has the right ones in the van so he'll
    drop them in on Thursday", "Refund approved by Marcus; he's putting it through on Monday"; not the person told:
    "Told her Kit is fine with it; she will bring her own", nor letters in capitals: "the SPA card"); a to-do after
    a comma, as clipped notes run on ("tried twice, no answer, ring her back tmrw"). A question asked to find something out is no condition ("is
    phoning the branch to find out if they have one"), nor is one in a later clause; a condition on an act
    that reaches the customer keeps the promise ("he'll give her a ring if they turn up"); the writer in the
    present tense after a clause of time ("When the blanks land I cut two and ring her"); one of ours in the
    present tense, however written, acting and then contacting the customer ("niamh reprints the label
    tomorrow and emails her", "kesha looks at it monday and calls her back"); "our ..." wherever it
    stands ("as she needs it on the 14th our estimator is going to telephone the insurer"); a name read on
    past where they work ("Mike in parts is chasing the order and will text her", "Mr Haddad from IT is setting up her login this
    afternoon": "IT" in capitals is no pronoun); one of ours by trade or
    role, or "our ...", with a verb in its bare form, as second-language writers put the future, with a time
    only to come or on an errand ("Tomorrow technician bring the router and set up for her", "Our driver come
    Friday morning and take the old sofa", "I arrange with our technician, he go down Thursday afternoon to
    tighten the bolts"; with only a day the bare form tells the past as often: not "Office girl take care of
    this one Monday morning, all fine after"). The customer's kin
    are theirs ("Sister in Leeds is posting the ticket and will bring it in"). A note with such a
    promise needs `follow_up: {due, owner, action}`, which the finding drafts.

    Not flagged: what the customer or their side will do ("customer will call back if...",
    "Customer happy, will ring us if it drips again", "tenant to leave the stopcock off", one or many of
    theirs: "Couriers to ring the bell twice and wait"; in the
    reason, which is the customer's, a clause without its subject, or what they asked for: "Asked
    for the invoice to be sent to her son"; what they were told to do: "told her to ring us back if
    it drips"); a request to us ("asking us to confirm the dates");
    the customer's own words ("she said: we will never come back", anything in quotation marks, or after their verb of
    speech and a comma: "Josh goes to me, I swear it never does this when Vik is in") or question ("asked when we
    will send the invoice"); how things work, a price or a condition ("Explained reception will ask
    for photo ID", "the plumber will charge a call-out fee", "the vet will prescribe antibiotics
    only if it is no better", a restriction: "the fitters will remove surrounds made of timber only"); a third party named by role, or a decision ("the landlord will
    arrange access", "the council will decide on the planning"); a TODO left in place of the text (S004's); what happens by itself ("the app will update overnight", "the
    tablets will take three days to work", "the membership will renew"); a decision ("we will
    waive the fee", "we charge her card next month"); a habit or a round that recurs in the act's own clause
    ("we deliver on Fridays", "I remind her each visit when the service is due", "the
    technician will visit every quarter"), or a to-do for any occasion ("Ring her before any visit"; but "Put her on the quarterly plan, and Mick will do the first
    feed next month" is a promise); what happens at a visit the note says was booked ("Booked an
    engineer for 14 March; the engineer will phone before arriving", "the therapist will assess
    her knee; the session is booked"), or timed by that visit ("sweep booked Wed; the sweep will text when
    on the way", "will phone before arriving"); "he" or "she" after we told that person something ("Told
    him it needs the holder's booking; he is going to ask her"); the customer or the contact by name, of
    several words or parts joined by a hyphen ("Ferreira-Quist will bring the proof of purchase"); a verb
    in the past opening a sentence before "back" ("Cut back to firm wood"); where a thing went ("Refunded the second
    charge, back to the card"); a state returned to ("Account back up to date"); a range of time before "to" ("Claim
    for January to March added to the next batch"); a verb in the past before one in -ing ("Replied confirming the
    posters went out on 2 December"); a day in a clause in the past passive ("I explain him the collection was
    requested by his foreman on Tuesday"); an order to staff for any occasion after the act, a standing arrangement
    ("Drivers to ring him 20 mins before any drop at his sites", "Drivers to text on arrival for all her early
    pickups"); a contact of us, which is the other side's to make ("the band leader is to ring the duty manager on
    arrival"); the customer told to act by one of ours ("Pharmacist advised her to stop and contact her GP today");
    the customer's words after a colon that follows a noun of what they said ("His reply to the revised quote: ...
    I will book directly online"); the present tense telling the past, as second-language writers put it, that ends
    on how things stood after ("I talk with him at the desk and explain, after this he is fine"); "to" before a
    noun, which opens no act ("Signed Pepper and Moss up to the Healthy Paws Plan from next month"); a time in a
    clause in the past, or a range of days, which is a timetable ("the rate was go down in October ... after the Bank
    of England change", "I explain him the intake hours, 10 to 4 Monday to Saturday"); things, whatever names their
    kind, before "to" ("Gave him the WorkSafeBC eligibility sheets to check against his history"); a verb in -ing
    and its particle before "to" ("Reaching out to follow up on our previous touchpoint"); what is timed by a visit
    the note says was booked, whoever does it ("Booked an Openreach engineer for 9 December ... Openreach will text
    her on the morning of the visit"); "not" before "to" ("better we send her SMS and not to call her"), a kind
    of person ("one of those owners who will find fault with any trim"), "will" after a determiner or a possessive, the
    document ("the address for a will Mrs Okonkwo is drafting", "her uncle's will names the shelter"), taking a pet, a
    child or a parent of theirs somewhere, which is the customer's ("she is to bring him in if he still isn't eating",
    "she'll fetch him at 3"), a task handed to a third party or to the contact by their role, or reported done in the
    same sentence ("Asked the landlord to send it to her", "Asked the claims handler to email her" when the contact is
    her claims handler, "Asked the GP to confirm the new dose by email, which she did within the hour": a means, "by
    email", reaches no one), a third party by role or another firm by its name ("the seller's solicitor will send the
    replies", "the hospital will write to her with a date", "Minster Vets will send her their new-client forms"), what
    reaches us, which is the other side's to do ("the office will send the new script to us"), a day in a clause in the
    past continuous ("I explain her only two cashier was working on Saturday"), how to reach them for good, a to-do
    by one channel only ("contact her by email or text only"), a contact before each contact of ours, which recurs
    ("text her before ringing", "drivers to ring her cell b4 leaving a card"; but "on Thursday before knocking" is one), someone's words after their verb of speech
    however they run on ("She goes, I paid full price to look at a post"); and what was done ("I checked the traps and texted him").

    Where these patterns find nothing, the learned reading may still flag the note, as a warning (see "The
    learned reading" at the top of `docs/rules.md`; `learned_reading: false` in the settings switches it off).

    ## Why
    A promised callback that is only in prose appears on nobody's list: the follow-ups-due
    dashboard is built from `follow_up`. Broken promises are the missteps customers remember.

    ## Example
    ```yaml
    resolution:
      - Will call the customer back on Monday with the engineer's report.
    follow_up: none
    ```
    Use instead:
    ```yaml
    follow_up: {due: 2026-06-08, owner: jdoe, action: Call back with the engineer's report}
    ```
    """
    assert subject.note is not None
    if subject.note.has_follow_up:
        return
    names = their_names(subject)
    spelt_out, forms = _typed_forms(subject.lexicon.spelt_out)
    for text in subject.texts:
        if text.loc[0] not in ("reason", "resolution", "internal") or is_todo(text.text):
            continue  # a TODO placeholder ("TODO: what was done or promised") is S004's to report
        typed = not forms.isdisjoint(text.words)
        lowered = _in_words(text.lowered, spelt_out) if typed else text.lowered
        words = _A_WORD_OF_TEXT.findall(lowered) if typed else text.words
        if "to " not in lowered and "'" not in lowered and _PROMISE_WORDS.isdisjoint(words):
            if not _contact_next(text, names) and not _may_do_later(text) and not (typed and not _LATER_WORDS.isdisjoint(words)):
                continue
        elif (
            _PROMISE_MARKER_WORDS.isdisjoint(words)
            and not any(map(lowered.__contains__, _PROMISE_MARKER_PHRASES))
            and not _to_opens_sentence(lowered)
            and not _TO_ACT.search(lowered)
            and not _contact_next(text, names)
            and not _may_do_later(text)
            and not (typed and not _LATER_WORDS.isdisjoint(words))  # "tmrw", "tommorow" typed for "tomorrow"
        ):
            continue
        if _may_decline(lowered) and _NO_FOLLOW_UP.search(lowered):
            continue
        # Sentences of the text as written: masking an id takes the full stop after it ("repair 88124.").
        written = sentences(text.text)
        said = _their_names_as_pronouns(text, names)
        if "sir" in text.words or "madam" in text.words or "ma'am" in text.words:
            said = _SIR_OR_MADAM.sub(_sir_or_madam, said)  # the customer, as Indian English puts it: "inform to sir by tomorrow"
        if "ill" in text.words:
            said = _ILL_TYPED.sub("i'll", said)  # "Ill update her when I hear back"
        # A reason is the customer's: a clause there without its subject is theirs ("gonna move out end of month").
        in_reason = text.loc == ("reason",)
        previous = ""
        # What _ours_do_later and _we_do_for_them need: a word of a time to come or a condition, then one of ours or the writer.
        later = not in_reason and (not _LATER_WORDS.isdisjoint(words) or not _CONDITION_WORDS.isdisjoint(words))
        ours_in_present = later and (_OURS_IN_THE_PRESENT.search(text.text) is not None or _contacts_them_after(text))
        for index, sentence in enumerate(sentences(_in_words(said, spelt_out) if typed else said)):
            read = _subject_carried(_QUOTED.sub(blank, sentence) if '"' in sentence or "“" in sentence else sentence, previous, text)
            if "will" in read:
                read = _WILL_AS_A_NOUN.sub(blank, read)  # the document: "for a will she is drafting"
            if in_reason and text.has_digit:
                read = _A_DATE_AFTER.sub(blank, read)  # a date in the reason is of what happened ("the director's ruling on 20 November")
            previous = sentence
            promise = _may_promise(read) and _any_promise_in(read) and any(not _theirs_to_do(read, found, in_reason, text) for found in _ANY_PROMISE.finditer(read))
            if promise and _BY_THE_VISIT.search(read) and _a_booking(subject.texts):
                promise = False  # timed by a visit the note says was booked: "Openreach will text her on the morning of the visit"
            if (promise or _ours_will(read, in_reason, subject.texts, text, ours_in_present, later)) and not _a_question(sentence):
                action = preference_text(written[index] if index < len(written) else sentence)
                yield Hit(
                    text.loc,
                    f"{describe(sentence.strip())} promises a follow-up, but follow_up is none; add "
                    f"follow_up: {{due: <date promised>, owner: {subject.note.author}, action: {action}}}",
                )
                return


# "Sir" or "madam" alone is the customer; after a name it is a colleague's title ("Sandeep sir from service").
_SIR_OR_MADAM = re.compile(r"(?:\b([a-z]+) )?\b(?:sir|madam|ma'am)\b")
# Words before "sir" or "madam" that make it the customer (a name before it makes it a colleague's title).
_BEFORE_THE_CUSTOMER = frozenset(
    "to for with from and inform informed call called ring rang tell told update updated ask asked advise advised remind reminded email text contact visit".split()
)


def _sir_or_madam(found: re.Match[str]) -> str:
    before = found.group(1)
    return found.group(0) if before and before not in _BEFORE_THE_CUSTOMER else (f"{before} them" if before else "them")
# "Ill" typed for "I'll", opening a sentence before a verb; not "Ill since Monday", "Ill with flu", "Ill health".
_ILL_TYPED = re.compile(r"(?:^|(?<=[.;!?]\s)|(?<=\n))ill(?=\s+(?!(?:be|with|on|since|for|and|in|at|health|all|again|from|after|so|but)\b)[a-z]+)")
# "Will" after a determiner or a possessive is the document, not the future: "the address for a will Mrs Okonkwo is
# drafting", "her late uncle's will names the shelter". Not after "her", which is as often who was told in a clipped
# note ("told her will ring back"), nor after "he's" or "it's".
_WILL_AS_A_NOUN = re.compile(
    r"(?:(?<=\ba )|(?<=\ban )|(?<=\bthe )|(?<=\bhis )|(?<=\btheir )|(?<=\bits )|(?<=\bmy )|(?<=\byour )|(?<=\bwhose )|(?<=[a-z]'s )|(?<=[a-z]’s ))"
    r"(?<!\bhe's )(?<!\bshe's )(?<!\bit's )(?<!\bthat's )(?<!\bthere's )(?<!\bwho's )will\b"
)
# Words in quotation marks are someone's own, not our promise: "she wrote: "I go to look for another courier"".
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")


# A name opening a clause, before what it does: "Steve's finishing ...", "Wade is booked ...", "Gabe will ...".
# Where they work may stand between: "Mike in parts is chasing ...", "Karen from the workshop will ...".
# Where they work may stand between, of one word or two: "Jas on claims is reviewing ...", "Kofi at the back office is ...".
_WHERE_THEY_WORK = r"(?:\s+(?:in|on|at|from)\s+(?:the\s+)?(?:[a-z][\w-]*\s+)?[a-z][\w-]*)?"
_OPENING_NAME = re.compile(rf"\s*([a-z][\w-]*){_WHERE_THEY_WORK}(?:'s|\s+is|\s+will|'ll)\s")
# "He" or "she" opening a sentence, and its verb when joined to it: "he'll drop round".
_PRONOUN_OPENS = re.compile(r"(he|she)('ll|'s)?(?= )")
_FUTURE_AFTER_PRONOUN = (" will ", " is going to ", " going to ", " is to ")
# Someone named after what we told the customer, then "would": "told her Gabe would ...", "said Kevin would ...".
# The writer's "I'd" or "we'd" after what we told them: "told her I'd ...", "Said we'd ...", "let him know we'd ...".
_TOLD_WE_WOULD = re.compile(
    r"((?:\b(?:told|assured|promised|informed|advised)\s+(?:him|her|them)|(?:^|\b(?:i|we|and)\s+)said|\blet\s+(?:him|her|them)\s+know)"
    r"\s+(?:that\s+)?)(i|we)'d\b"
)
# "and he'll" or "and she'll" after a name of ours opening the sentence: "Conor's on tonight and he'll search".
_AND_PRONOUN_WILL = re.compile(r"\band (?:he|she)(?:'ll| will)\b")
# "He" or "she" opening a later clause after a name of ours as the subject or the agent of an earlier one, in the same
# sentence, is that person: "Dean has the right ones in the van so he'll drop them in on Thursday", "Refund approved
# by Marcus; he's putting it through on Monday" (not "Told Sam the customer is away; she will ring us": "Sam" is
# told, not the subject).
_NAMED_THEN_PRONOUN = re.compile(
    r"(?:\b(?P<subject>(?!(?:he|she|it|they|we|i|you|who|that|this|there)\b)[a-z][\w-]*)\s+(?:has|had|is|was|says|said|reckons|thinks|knows)\b|\bby\s+(?P<agent>[a-z][\w-]*)(?=\s*[;,]))"
    r"[^.;!?]{0,80}?(?:[;,]\s*|\b(?:and|so|then)\s+)(?P<pronoun>he|she)(?=(?:'ll|'s|\s+will|\s+is)\b)"
)


# What _NAMED_THEN_PRONOUN cannot match without: "he" or "she" after a space, before "'ll", "'s", "will" or "is".
_PRONOUN_AFTER_A_CLAUSE = (" he'", " she'", " he will", " she will", " he is", " she is")


def _pronoun_as_named(said: re.Match[str], text: TextField) -> str:
    """The pronoun read as the name before it, when that is a name of ours (see _NAMED_THEN_PRONOUN)."""
    name = said.group("subject") or said.group("agent")
    if not _ours_by_name(name, text) or name not in _capitalised(text).inside or name.upper() in text.originals:
        return said.group(0)  # not a name of ours, or letters in capitals ("a static IP is an add-on")
    if _OWN_WORDS[said.group("pronoun")].intersection(found.group(1) for found in _ADDRESSED.finditer(text.lowered)):
        return said.group(0)  # the person we told: "Told her Kit is fine with it; she will bring her own"
    return said.group(0)[: said.start("pronoun") - said.start(0)] + name
# Who will act is read as opening a clause of its own ("told him; Karen in the office will put the quote together").
_TOLD_WOULD = re.compile(r"\b((?:(?:told|assured|promised|informed|advised)\s+(?:him|her|them)|said)\s+(?:that\s+)?)((?:[\w'£$€.-]+\s+){1,6}?)would\b")
# Said in passing, in an account of how things stand, "would" is what will be done when it is a contact of the
# customer, however far from the verb of saying after "and that": "Explained the terms and that our claims handler
# would ring her on Tuesday"; or any act of theirs on a day to come ("and that Harriet from our sales team would come
# round on Thursday afternoon", "and that our events coordinator, Hannah, would send over the form on Monday"); not
# how things work ("Explained that reception would ask for photo ID").
_EXPLAINED_WOULD = re.compile(
    r"\b((?:(?:explained|mentioned|confirmed|explaining|mentioning|confirming)\b[^.;!?]{0,80}?\b|\band )that\s+)((?:[\w'-]+,?\s+){1,5}?)would"
    r"(?=\s+(?:personally\s+|then\s+|also\s+)?(?:call|ring|phone|telephone|email|e-mail|text|contact|write to|visit|get back to|come back to|send|post|forward)"
    r"\s+(?:him|her|them)\b"
    rf"|[^.;!?]{{0,60}}?\b(?:tomorrow|tonight|this (?:afternoon|evening|morning|week)|next (?:week|month)|(?:on|by|this|next) {_A_WEEKDAY}|{_A_DATE})\b)"
)
# One of ours telling their own future: "Marisol in the office said she'd burn it to a stick", "Hannah said he'd see ...".
# Or that they can: "Ravi reckons he can sort it by Thursday and give her a ring" (not "says he can't").
_SAID_THEY_WOULD = re.compile(
    r"(?:^|(?<=[.;!?,] )|(?<=\band )|(?<=\bbut )|(?<=\bso ))([a-z][\w-]*)((?:\s+(?:in|from|at)\s+(?:the\s+)?[a-z]+)?)\s+"
    r"(?:said|says|reckons|thinks)\s+(?:that\s+)?(?:she|he|they)(?:'d|'ll|\s+would|\s+will|\s+can|\s+could)\s(?!not\b)"
)
_SAYING_WORDS = (" said ", " says ", " reckons ", " thinks ")
# One of ours by name, handed a task, then saying as "he" or "she" that they can do it: "Left it with Omar in stores
# and he reckons he can find a spare by Thursday" reads "...; omar will find a spare by thursday".
_SAYS_THEY_CAN = re.compile(r"(?:he|she)\s+(?:says|said|reckons|thinks)\s+(?:that\s+)?(?:he|she)(?:'d|'ll|\s+would|\s+will|\s+can|\s+could)\s(?!not\b)")
_HANDED_TO_NAME = re.compile(r"\b(?:asked|left it with|left this with|passed it to|handed it to)\s+([a-z][\w-]*)\b")
_HANDED_THEN_SAYS = re.compile(
    r"\b((?:asked|with|to) )([a-z][\w-]*)\b([^.;!?]{0,60}?)(?:\band|[;,])\s+(?:he|she)\s+(?:says|said|reckons|thinks)\s+(?:that\s+)?(?:he|she)"
    r"(?:'d|'ll|\s+would|\s+will|\s+can|\s+could)\s(?!not\b)"
)
# A clause after "and" that leaves its subject out: "... and will email it to him", "... and coming back Friday".
# After a name on a job now ("Kayla's putting together a video for her"), any verb in -ing after "and" is
# theirs too: "... and sending it over tonight".
_SUBJECT_LEFT_OUT = re.compile(r"\band (?:(?=(?:will|'ll|is going to)\s)|(?=(?:coming|popping|heading|swinging|dropping) ))")
_ON_IT_LEFT_OUT = re.compile(r"\band (?:(?=(?:will|'ll|is going to)\s)|(?=(?:[a-z]+-)?[a-z]{3,}ing\s))")
_ON_IT_NOW = re.compile(rf"\s*[a-z][\w-]*{_WHERE_THEY_WORK}(?:'s|\s+is)\s+(?:[a-z]+-)?[a-z]{{3,}}ing\s")


# "..., who will": the clause's subject is the phrase before the comma, said again ("the claims team, who will
# phone her" reads "the claims team; the claims team will phone her"); who that is is read as for any other.
# Only when what they will do reaches the customer: "passed it to the manager, who will review it with the
# locum" is work handed on.
_WHO_WILL_CLAUSE = re.compile(r"\b((?:(?:the|our|a|an)\s+)?(?:[\w'-]+\s+){0,2}[\w'-]+),\s+who((?:'ll|\s+will|\s+shall|\s+is going to|\s+are going to|\s+is to|\s+are to)\s)")


# An aside between who acts and their verb, in commas after "who" or "which" or in brackets: "the
# tournament director, who was copied in, is to submit ...", "Mr Byrne (the foreman) will come back out".
_ASIDE = re.compile(
    r"(?:,\s+(?:who|which|whose)\b[^,;.()]{1,60},|\s*\([^()]{1,60}\))"
    r"(?=\s+(?:will|shall|would|is|are|'ll|has|have|to|going)\b)"
)


_BEEN_ASKED_TO = re.compile(r"(?:['’]s|\s+(?:has|have|had|was|were|is|are))\s+(?:been\s+)?asked\s+to\b")


def _subject_carried(sentence: str, previous: str, text: TextField) -> str:
    """The sentence with the name of one of ours put where a clause leaves it out or says it as "he" or "she",
    and "will" for what we told the customer would be done.

    "Steve's finishing the report tonight and will email it to him" reads "... and steve will email it to
    him"; "Wade is booked solid Monday. He will come out Tuesday" reads "wade will come out Tuesday". Only a
    name opening a sentence counts: the customer's name is read as "them", and "the boiler is leaking
    and will need a valve" has no name.
    """
    pronoun = _PRONOUN_OPENS.match(sentence) if previous and sentence.startswith(("he", "she")) else None
    if pronoun and pronoun.group(2) != "'ll" and not sentence.startswith(_FUTURE_AFTER_PRONOUN, pronoun.end()):
        pronoun = None  # "She is dropping in Thursday" after "Lamp is on the shelf." is the customer
    if pronoun and _CARRYING_SOMEONE.match(sentence, pronoun.end()):
        pronoun = None  # taking a pet or a child of theirs somewhere is the customer's: "she is going to drive him down"
    if pronoun:
        found = _OPENING_NAME.match(previous)
        if found and found.group(1) not in _THEIR_SIDE and found.group(1) in _capitalised(text).opening:
            verb = {"'ll": " will", "'s": " is"}.get(pronoun.group(2), "")
            sentence = found.group(1) + verb + sentence[pronoun.end() :]
    if " asked to " in sentence:  # a task given to one of ours is theirs to do: "Dave's been asked to ring her" reads "dave to ring her"
        sentence = _BEEN_ASKED_TO.sub(" to", sentence)
    if ", wh" in sentence or "(" in sentence:  # an aside between who acts and their verb is read without it
        sentence = _ASIDE.sub("", sentence)
    if ", who" in sentence:
        sentence = _WHO_WILL_CLAUSE.sub(_who_is_said_again, sentence)
    if previous and sentence.startswith(("he ", "she ")) and any(map(sentence.__contains__, _SAYING_WORDS)):
        says = _SAYS_THEY_CAN.match(sentence)  # after a task handed on in the sentence before: "Asked Bea to check the rota; she says she can ..."
        handed = _HANDED_TO_NAME.search(previous) if says else None
        if says and handed and _ours_by_name(handed.group(1), text):
            sentence = f"{handed.group(1)} will {sentence[says.end() :]}"
    if any(map(sentence.__contains__, _SAYING_WORDS)) and (" he " in sentence or " she " in sentence):
        sentence = _HANDED_THEN_SAYS.sub(
            lambda said: f"{said.group(1)}{said.group(2)}{said.group(3)}; {said.group(2)} will " if _ours_by_name(said.group(2), text) else said.group(0), sentence
        )
    if any(map(sentence.__contains__, _SAYING_WORDS)):  # said by one of ours of their own act
        sentence = _SAID_THEY_WOULD.sub(lambda said: f"{said.group(1)}{said.group(2)} will " if _ours_by_name(said.group(1), text) else said.group(0), sentence)
    if "would" in sentence:  # told to the customer, "would" is what will be done: "Promised him Lukas would solder it"
        sentence = _TOLD_WOULD.sub(r"\1; \2will", sentence)
        if "that " in sentence:
            sentence = _EXPLAINED_WOULD.sub(
                lambda said: f"{said.group(1)}; {said.group(2).replace(',', '')}will" if _ours_said(said.group(2).replace(",", ""), text) else said.group(0), sentence
            )
    if "'d " in sentence:  # and so is the writer's "I'd": "Told her I'd get the manager to extend it"
        sentence = _TOLD_WE_WOULD.sub(r"\1\2 will", sentence)
    if " and he" in sentence or " and she" in sentence:
        found = _OPENING_NAME.match(sentence)
        if found and found.group(1) not in _THEIR_SIDE and found.group(1) in _capitalised(text).opening:
            sentence = _AND_PRONOUN_WILL.sub(f"and {found.group(1)} will", sentence)
    if any(map(sentence.__contains__, _PRONOUN_AFTER_A_CLAUSE)) and text.capitalised_inside:  # (few sentences hold one: looked for first)
        sentence = _NAMED_THEN_PRONOUN.sub(lambda said: _pronoun_as_named(said, text), sentence)
    if previous.rstrip().endswith((";", ",")) and sentence.lstrip().startswith(("he", "she")):
        # the clause before, cut off at its semicolon: "Refund approved by Marcus; he's putting it through on Monday"
        joined = previous.rstrip() + " " + sentence.lstrip()
        said = _NAMED_THEN_PRONOUN.search(joined)
        if said and said.start("pronoun") == len(previous.rstrip()) + 1:
            sentence = _pronoun_as_named(said, text)[said.start("pronoun") - said.start(0) :] + joined[said.end() :]
    left_out = _ON_IT_LEFT_OUT if " and " in sentence and "ing " in sentence and _ON_IT_NOW.match(sentence) else _SUBJECT_LEFT_OUT
    if " and " in sentence and left_out.search(sentence):
        found = _OPENING_NAME.match(sentence)
        # (a name opening a clause after a semicolon is written inside its sentence: "Apologised; Ruth on reservations is ...")
        if found and _ours_by_name(found.group(1), text):
            name = found.group(1)
            sentence = left_out.sub(lambda left: f"and {name} is " if sentence[left.end() :].split(" ", 1)[0].endswith("ing") else f"and {name} ", sentence)
    return sentence


def _ours_said(phrase: str, text: TextField) -> bool:
    """Whether who is said to act is one of ours: "our claims handler", "Ruth in accounts" (not "the manufacturer")."""
    words = phrase.split()
    return bool(words) and not _THIRD_PARTIES.intersection(words) and not _theirs(words) and _a_person(words, _capitalised(text), opening_name=False)


def _ours_by_name(word: str, text: TextField) -> bool:
    """Whether a word is a name of one of ours: written with a capital in the text, and not the customer's side."""
    capitalised = _capitalised(text)
    return word not in _THEIR_SIDE and word not in _NOT_A_DOER and (word in capitalised.inside or word in capitalised.opening)


# Whom we spoke to: "told him", "asked her"; a "he" or "she" after it is most often that person.
_ADDRESSED = re.compile(r"\b(?:told|asked|advised|informed|reminded|explained to|spoke to|spoke with)\s+(him|her|them)\b")
def _who_is_said_again(found: re.Match[str]) -> str:
    clause = re.split(r"[,;]", found.string[found.end() :], maxsplit=1)[0]
    # What they will do reaches the customer, or is due by a time: "the parts desk, who will source a new brick by the end of the month".
    if _REACHES_THEM.search(clause) or _THE_CUSTOMER.search(clause) or _TIME_TO_COME_AT.match(clause):
        return f"{found.group(1)}; {found.group(1)}{found.group(2)}"
    return found.group(0)


_THE_CUSTOMER = re.compile(r"\b(?:customer|client|caller)\b")
_OWN_WORDS = {"she": {"her"}, "he": {"him", "his"}, "they": {"them", "their"}}
_PERSON_WORDS = {"her", "him", "his", "them", "their"}
_BEFORE_THE_VERB = re.compile(r"([a-z']+)\s+(?:(?:is|are|was|were|also|then)\s+)*$")


def _theirs_to_do(sentence: str, found: re.Match[str], in_reason: bool, text: TextField) -> bool:
    """Whether a promise's "will" or "going to" has the customer's side or a third party as its subject: "she is going to send her ...".

    Not a passive one: "the customer will be contacted by billing" is our promise.
    """
    said = found.group(0)
    if in_reason and said.lstrip(" .;\n").startswith(("will ", "to ", "going to ")) and not _A_WORD.search(sentence, 0, found.start()):
        return True  # a reason's clause without its subject: the customer's ("Will call back after asking her husband")
    if not said.startswith(("will", "'ll", "going to", "shall")) or " be " in said:
        return False
    subject = _BEFORE_THE_VERB.search(sentence, 0, found.start())
    if subject is not None and subject.group(1) in _THIRD_PARTIES:
        return True  # a third party's: "the hospital will write to her with a date"
    firm = _TWO_WORDS_BEFORE_THE_VERB.search(sentence, 0, found.start())
    if firm and _a_firm(firm.group(1), firm.group(2), text):
        return True  # another firm, by its name: "Minster Vets will send her their new-client forms"
    if subject is None or subject.group(1) not in _THEIR_SIDE:
        return False
    # "she will ring him": she is one of ours, ringing him; "she is going to send her email": her own.
    own = _OWN_WORDS.get(subject.group(1))
    return own is None or (_PERSON_WORDS & set(said.split())) <= own


_TWO_WORDS_BEFORE_THE_VERB = re.compile(r"([a-z'-]+)\s+([a-z'-]+)\s+(?:(?:is|are|also|then)\s+)*$")


def _a_firm(name: str, kind: str, text: TextField) -> bool:
    """Whether two words are another firm's name: written in capitals, the second a trade or a role in the plural ("Minster
    Vets", "Hayes Solicitors"); not ours ("our vets"), nor one person ("Dr Patel")."""
    if name == "our" or not kind.endswith("s") or not (kind[:-1] in _TRADES or is_role(kind)):
        return False
    capitalised = _capitalised(text)
    return kind in capitalised.inside and (name in capitalised.inside or name in capitalised.opening)


# One of ours due with no "will", as terse notes put it: back, for what ("Dean back Thursday to re-glue it",
# "Kev's back out Friday to redo them", with the writer left out: "back out to fit it once it arrives"),
# or "to" and a verb with a time to come ("Craig to re-inspect Friday first thing", "Ger to drop it out
# next week"). Who is due is read by _due_doer.
_CLAUSE_OPENS = r"(?:^|[.;!?]\s+|\n|,\s+|\b(?:and|so|but|then)\s+)"
_BACK_FOR = re.compile(
    rf"{_CLAUSE_OPENS}(?:(?P<doer>[\w'-]+(?:\s+[\w'-]+)?)(?:'s|\s+is|\s+are)?(?:\s+due)?\s+)?back(?:\s+(?:out|in|round|over|up))?\b[^.;!?,]{{0,30}}?"
    r"\bto\s+(?!(?:the|a|an|her|him|them|his|their|us|me|my|our|normal|work|school|full|life|bed|sleep|base|square|date)\b)(?P<verb>[a-z][a-z-]+)"
)  # (a state returned to is no visit: "back to normal", "Account back up to date")
# One of ours by trade, role or name, out or over on a day to do something, "is" and "will" left out: "Tech out
# Thu to swap the unit", "Fitter over Monday to measure the bay".
_OUT_FOR = re.compile(
    rf"{_CLAUSE_OPENS}(?P<doer>[\w'-]+(?:\s+[\w'-]+)?)(?:'s|\s+is|\s+are)?\s+(?:out|over|round|across)\b(?={_A_TIME_TO_COME})[^.;!?,]{{0,30}}?"
    r"\bto\s+(?!(?:the|a|an|her|him|them|his|their|us|me|my|our|most|all|some|normal|work|school|full|life|bed|sleep|base|square)\b)(?P<verb>[a-z][a-z-]+)"
)
_OUT_OVER = ("out ", "over ", "round ", "across ")
# (After "to", a determiner opens a noun, not a verb: "Signed Pepper and Moss up to the Healthy Paws Plan from next month".)
_TO_LATER = re.compile(
    rf"{_CLAUSE_OPENS}(?P<doer>[\w'-]+(?:\s+[\w'-]+){{0,2}}?)\s+to\s+(?!(?:be|the|a|an|his|her|their|its|our|my|your|this|that|these|those)\b)"
    rf"(?P<verb>[a-z][a-z-]+)\b{_A_TIME_TO_COME}"
)
# Words that open a clause before "to" or "back" and are no one: "Need to order Monday", "Plan to ...".
_NO_ONE = frozenset("need plan hope expect aim try reminder note how what where which who came went sent got".split())
# What we send or do, due with its doer left out: "Revised estimate going out to her tomorrow", "Rope
# cutter to be fitted at next lift-out", "Cracked pane to be reglazed once the glass arrives"; not done
# by someone named after "by" ("to be repaired by the landlord's contractor"), nor what the customer
# does ("balance to be paid next week").
_GOING_OUT = re.compile(
    rf"\b(?P<thing>[a-z-]{{3,}})\s+(?:(?:is|are)\s+)?going\s+(?:(?:out|off|over)\s+to\s+(?:him|her|them)\b|out\b{_A_TIME_TO_COME})"
)
# Before "going": a verb or a word that names no thing sent ("was going out", "not going out").
_NOT_SENT = frozenset("was were been being not".split())
_TO_BE_DONE = re.compile(
    rf"{_CLAUSE_OPENS}(?P<thing>(?:[a-z-]+\s+){{0,2}}[a-z-]+)\s+to be\s+(?P<done>[a-z-]+(?:ed|en|wn|t))\b"
    rf"(?![^.;!?]{{0,40}}?\bby (?:the|a|an|his|her|their|them|him)\b){_A_TIME_TO_COME}"
)
_THEIRS_DONE = frozenset("paid signed returned brought collected picked dropped sent".split())
# The writer left out before a verb in -ing, what it acts on, and a day to come: "Re-stitching the
# strap Wed", "Redoing the toner Thu 10 Dec"; what it acts on, whatever its words, carried somewhere
# ("Dropping half a dozen round Thurs") or done for the customer ("Knocking up a new spool for her next
# week"), with a particle between ("Picking up the spare key from her neighbour tomorrow", "Dropping off her card
# on Friday"); not "Leaking since Monday", "Playing up again Thursday", nor a noun ("Booking for Friday").
_DOING_LATER = re.compile(
    r"\s*(?:[a-z]+-)?[a-z]{3,}ing\s+(?:(?:up|off|out|in|back|round|over|down)\s+)?(?:(?:the|her|his|their|a|an|it|them|him)\b|"
    r"(?:[\w'-]+\s+){1,4}?(?:round|over|across|out|back|along)\b|(?:[\w'-]+\s+){0,4}?(?:to|for) (?:him|her|them)\b)"
    rf"(?=[^.;!?]{{0,50}}?\b(?:tomorrow|tonight|this (?:afternoon|evening|morning|week)|next|first thing|(?:before|over|by) the weekend|{_A_DATE}|"
    rf"(?:on )?(?<!since )(?<!last )(?<!until )(?<!from ){_A_WEEKDAY})\b)"
)


# Months and days, which open a range of time before "to" ("January to March", "Monday to Friday"): no one.
_TIMES_OF_A_RANGE = frozenset(
    """january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun""".split()
)


def _due_doer(doer: str | None, in_reason: bool, text: TextField) -> bool:
    """Whether who is due is one of ours: a name, role or trade, or the writer left out (not in a reason, the customer's)."""
    if doer is None:
        return not in_reason
    words = [word.removesuffix("'s") for word in doer.split()]
    if _THEIR_SIDE.intersection(words) or _NOT_A_DOER.intersection(words) or _NO_ONE.intersection(words) or _THIRD_PARTIES.intersection(words):
        return False
    if not _TIMES_OF_A_RANGE.isdisjoint(words):
        return False  # one end of a range of time: "Claim for January to March added to the next batch"
    if any((len(w) > 3 and w.endswith("ed")) or (len(w) > 5 and w.endswith("ing")) or w in _PAST_WITHOUT_ED for w in words):
        return False  # a verb's phrase: "called back to", "moved Tobi's jab to", "waiting to", "Cut back to firm wood"
    return _a_person(words, _capitalised(text))


def _ours_due(sentence: str, in_reason: bool, texts: list[TextField], text: TextField) -> bool:
    """Whether one of ours is due, or what we send or do is, with no "will": see _BACK_FOR, _TO_LATER, _GOING_OUT, _TO_BE_DONE."""
    return _due_found(sentence, in_reason, text) and not (
        _RECURRING.search(sentence) or _ON_ANY_OCCASION.search(sentence) or _a_booking(texts)
    )  # not a round ("on all his garden jobs"), nor a visit on the diary


def _due_found(sentence: str, in_reason: bool, text: TextField) -> bool:
    """What _ours_due looks for, before the look at the whole note."""
    if not in_reason and " to " in sentence and any(map(sentence.__contains__, _OUT_OVER)) and any(map(sentence.__contains__, _TIME_TO_COME_MARKS)):
        for found in _OUT_FOR.finditer(sentence):
            words = found.group("doer").split()
            verb = found.group("verb")
            acts = verb not in _NOT_AN_ACT or (verb in _DONE_TO_A_THING and _AN_OBJECT.match(sentence, found.end("verb")) is not None)
            # A name opening the sentence is one when it is no common word: "Gaz out first thing Mon to lift it" (not "Power out Wed").
            named = len(words) == 1 and words[0] in _capitalised(text).opening and not a_frequent_word(words[0]) and not a_plural(words[0])
            if acts and verb not in _LATER_WORDS and not _THEIR_SIDE.intersection(words) and (named or _a_person(words, _capitalised(text), opening_name=False)):
                return True  # "Engineer out Wed to reset the board"; not "Power out Wed to most of the street"
    if "back" in sentence:
        for found in _BACK_FOR.finditer(sentence):
            if found.group("doer") is None and " back to " in found.group(0) and not _present(sentence.split(maxsplit=1)[0]):
                continue  # where a thing went, after a verb in the past: "refunded the duplicate, back to card ending 4421"
            if _due_doer(found.group("doer"), in_reason, text):  # back for what: an act ("back Thursday to finish it")
                return True
    if " to " in sentence:
        for found in _TO_LATER.finditer(sentence):
            doer = found.group("doer")
            # A word opening the sentence may be a thing ("Delivery to arrive Monday"): then its verb must be an act.
            surely_a_person = any(w in _capitalised(text).inside or w in _TRADES or is_role(w) for w in doer.split())
            verb = found.group("verb")
            # A verb a thing may do by itself is a person's act when it acts on a thing: "Rory to drop a 14 round to her Fri".
            acts = verb not in _NOT_AN_ACT or (verb in _DONE_TO_A_THING and _AN_OBJECT.match(sentence, found.end("verb")) is not None)
            if (surely_a_person or acts) and _due_doer(doer, in_reason, text):
                return True
    if in_reason or _asked_for(sentence):
        return False
    if "going" in sentence and any(m.group("thing") not in _THEIR_SIDE and m.group("thing") not in _NOT_SENT for m in _GOING_OUT.finditer(sentence)):
        return True
    if "to be " in sentence:
        for found in _TO_BE_DONE.finditer(sentence):
            words = found.group("thing").split()
            if found.group("done") not in _THEIRS_DONE and not (_THEIR_SIDE.intersection(words) or _NOT_A_DOER.intersection(words) or _NO_ONE.intersection(words)):
                return True
    return "ing " in sentence and _DOING_LATER.match(sentence) is not None


def _ours_will(
    sentence: str, in_reason: bool, texts: list[TextField], text: TextField, ours_in_present: bool = False, later: bool = False
) -> bool:
    """Whether someone of ours, named by role or name, will contact the customer or act for them.

    Not one whose visit the note says was booked ("Booked an engineer for 14 March. Told her the
    engineer will phone before arriving."): the booking is on the diary already.
    """
    # "... and let her know" or "... then call him": _WILL_THEN_TELL needs "and" or "then" and him, her or them.
    tells = ("and " in sentence or "then " in sentence) and (" him" in sentence or " her" in sentence or " them" in sentence)
    patterns = ((_WHO_WILL,) if _may_say_who_will(sentence) else ()) + ((_WILL_THEN_TELL,) if tells else ())
    for pattern in patterns:
        for found in pattern.finditer(sentence):
            if pattern is _WILL_THEN_TELL and found.group("doer").split()[-1:] in (["i"], ["we"]):
                return True  # the writer will, then tells them: "I said I'd have to check with Callum and get back to him"
            doer, told = _doer(found.group("doer"), in_reason)
            if told and not doer:
                continue  # "told her to ring us back if it drips": the customer's to do
            if " goes" in sentence or " went" in sentence or " says" in sentence or " said" in sentence or " like," in sentence:
                if _REPORTED_SPEECH.search(sentence, 0, found.start("doer") + 1):
                    continue  # their words after their verb of speech: "She goes, I paid full price to look at a post"
            if not told and sentence[found.end("doer") :].lstrip().startswith("would"):
                continue  # "the fitter would need a ladder": a condition, not a promise
            handed = not in_reason and _HANDED_TO.match(found.group("doer")) is not None
            if handed and not _REACHES_THEM.search(re.split(r"[,;]", sentence[found.end("doer") :])[0]):
                continue  # "asked maintenance to look at the timer": work handed on, nothing promised to the customer
            if doer and (_THIRD_PARTIES.intersection(doer) or (len(doer) > 1 and _a_firm(doer[-2], doer[-1], text))):
                continue  # a third party by role or another firm: "the seller's solicitor will send the replies", "Minster Vets will send her ..."
            if handed and doer and (_the_contact(doer[-1], texts) or _DONE_ALREADY.match(sentence, found.end())):
                continue  # work handed to the contact, or done already: "Asked the claims handler to email her", "..., which she did"
            if " us" in sentence and _TO_US.match(sentence, found.end()):
                continue  # what reaches us is the other side's to do: "the office will send the new script to us"
            # A word in -ing before "to" is a verb's ("not sending to"); before "will" it names a team ("billing will").
            # So is one with its particle: "Reaching out to follow up on our previous touchpoint".
            gerund = (
                bool(doer)
                and (doer[-1].endswith("ing") or (len(doer) == 2 and doer[0].endswith("ing") and doer[1] in _A_VISIT_ENDS))
                and sentence.startswith("to ", found.end("doer") + 1)
            )
            if doer and (
                _theirs(doer) or _NOT_A_DOER.intersection(doer) or any(len(w) > 5 and w.endswith("ed") for w in doer) or gerund
                or doer[-1] in ("us", "me")
            ):
                continue  # the customer's side, a verb's phrase ("asked to", "wrote back to confirm", "not sending to"), a request ("asking us to")
            if _A_FEATURE_WORKS.match(sentence, found.end()):
                continue  # "scan to email works": the name of a feature, then what it does
            if doer and doer[-1] in _booked(texts):
                continue
            if " only" in sentence and _A_RESTRICTION.match(sentence, found.end()):
                continue  # how things work: "the van team will collect furniture with fire labels only"
            if _recurs(sentence, found.end()):
                continue  # a standing arrangement: "techs need to text her before opening the gate every time", "before any drop"
            if _BY_THE_VISIT.search(sentence, found.end()) and _a_booking(texts):
                continue  # "engineer booked for Tue; the engineer will phone before arriving": part of the visit on the diary
            last = found.group(0).split()[-1]
            if doer and pattern is _WHO_WILL and (last in _DONE_BY_THINGS or last in _A_VISIT_ENDS) and not _a_person(doer, _capitalised(text), singular=_SINGULAR.search(found.group(0)) is not None):
                continue  # "the app will update overnight", "the stain to come out": a thing
            return True
    if _ours_due(sentence, in_reason, texts, text):
        return True
    future = any(mark in sentence for mark in _FUTURE_MARKS)
    if (
        "booked" not in sentence
        # "will ...", or "is emailing him ... tonight": someone on it now needs a time to come
        and (future or ("ing " in sentence and (any(mark in sentence for mark in _TIME_TO_COME_MARKS) or _A_DATE_AFTER.search(sentence))))
        and _someone_of_ours_will(sentence, in_reason, text, texts)
    ):
        return not _REPORTED_SPEECH.search(sentence)  # not when the occasion is booked ("at the check-up she booked")
    if not in_reason and (_a_thing_sent(sentence) or (" be " in sentence and _PROVIDED.search(sentence))) and not _asked_for(sentence) and not _a_booking(texts):
        return True  # not a certificate that follows a booked visit
    promised = (
        ((future or any(mark in sentence for mark in _OUR_FUTURE_MARKS)) and _we_will(sentence, in_reason))
        or ((":" in sentence or "-" in sentence or "–" in sentence) and _LABELLED_TO_DO.search(sentence))  # a label needs one of these
        or ((" is to " in sentence or " is for " in sentence) and _PLAN_IS_TO.search(sentence))
        or ("ing " in sentence and any(map(sentence.__contains__, _WE_ARE)) and _we_are_on_it_later(sentence))
        or (
            (_TO_DO.match(sentence) or ("," in sentence and _TO_DO_AFTER_A_COMMA.search(sentence)))
            and not _RECURRING.search(sentence) and not _recurs(sentence, 0) and not (" only" in sentence and _BY_ONE_CHANNEL_ONLY.search(sentence))
        )
        or (
            ("and " in sentence or "then " in sentence)
            and (" him" in sentence or " her" in sentence or " them" in sentence)
            # "I put one aside and phone her": a verb the same in both tenses takes the tense of the contact after it
            and any(_present(found.group(1)) or found.group(1) in _SAME_IN_BOTH for found in _WE_DO_THEN_TELL.finditer(sentence))
        )
        or _we_do_later(sentence)
        or (later and _we_do_for_them(_without_their_past(sentence)))
        or (not in_reason and _from_us(sentence, text))
        or (("promis" in sentence or "undert" in sentence) and _WE_PROMISED_TO.search(sentence))
        or (" be " in sentence and " by " in sentence and _DONE_BY_US.search(sentence))
        or (ours_in_present and _ours_do_later(sentence, text))
        or (later and _ours_do_bare(sentence))
        or (("and " in sentence) and (" him" in sentence or " her" in sentence or " them" in sentence) and _do_then_tell(sentence))
    )
    # "she said: we will never come back": the customer's words, not our promise.
    return bool(promised) and not _REPORTED_SPEECH.search(sentence)


# The customer as the one who will hear from us, or get, receive or expect something from us or a team,
# or a call, a visit or a letter from one of ours by name: "She'll hear from us by Friday", "She'll get a
# call from Sunita tomorrow", "Told her to expect a call from our surveyor"; not from a third party
# ("will hear from the insurer", "will get a refund from Amazon").
_FROM_US = re.compile(
    r"\b(?:will|'ll|should|to|can)\s+(?:get|receive|hear|expect)\b(?:[^.;!?]{0,40}?\bfrom\s+(?P<us>us|me|our\b|the\s+[a-z]+\s+"
    r"(?:team|department|dept|office)\b)|\s+(?:a|an|another)\s+(?:call|ring|visit|email|e-mail|letter|text|reply|message|phone call)"
    r"(?:\s+back)?\s+from\s+(?P<who>[a-z][\w-]*))"
)
# We promised or undertook to do something (an offer may be declined), whatever the verb, with the writer left out or said:
# "Promised to look into it and get back to her"; not the customer's ("She promised to pay").
_WE_PROMISED_TO = re.compile(r"(?:^|[.;!?,]\s*|\n|\b(?:i|we|and|have|['’]ve)\s+)(?:promised|undertook|undertaken)\s+to\s+(?!be\b)[a-z]+")
# What ours will do, said in the passive with us as the agent: "A refund will be processed by our accounts
# team this week"; not by a third party ("will be collected by the courier").
_DONE_BY_US = re.compile(
    r"\b(?:will|shall|is going to|are going to)\s+be\s+[a-z]+(?:ed|en|t)\b[^.;!?]{0,30}?\bby\s+"
    r"(?:us\b|me\b|our\b|the\s+[a-z]+\s+(?:team|department|dept)\b)"
)
# One of ours, by name or as "our ...", in the present tense with a time to come or a condition: "Tomorrow
# Jan visits to measure the window", "Once the glass is in, Pete fits it and rings her", "Our courier
# collects it from her Friday morning", "once it comes in Marcus swaps it". A name opening a sentence is as often a thing's word ("Stock
# arrives Tuesday"): it counts when it is written with a capital inside a sentence somewhere in the text.
_OURS_DO_LATER = re.compile(
    r"(?:^|[.;!?,]\s*|\n|\b(?:and|so|then|that)\s+|\b(?:when|once|as soon as|after)\s+[^.;!?,]{1,40}?\s)"
    rf"(?:(?:tomorrow|tonight|later|then|first thing|{_A_WEEKDAY}|(?:next|on|this|by) [a-z]+|in the [a-z]+)\s*,?\s+)?"
    r"(?P<doer>our [a-z]+|(?!(?:in|on|at|up|out|off|back|down|over|round|here|there|it)\b)[a-z][\w-]*)\s+(?P<verb>[a-z]{2,})s\b"
)
# Words in -s after who acts that are no act: "Pete was", "Pete has", "Pete says", "Pete thinks".
_NO_ACT_IN_S = frozenset("wa ha doe say think know want need like seem feel look get hope believe mean".split())


# The customer told to expect one of ours at a time: "Told her to expect the engineer between 8 and 12 on Thursday".
_TO_EXPECT_ONE_OF_OURS = re.compile(rf"\b(?:to|will|'ll|should|can)\s+expect\s+(?:the|our|an?)\s+([a-z]+)\b{_A_TIME_TO_COME}")


def _from_us(sentence: str, text: TextField) -> bool:
    """Whether the customer will hear from us or get something from one of ours (see _FROM_US), or expect one of ours."""
    if "expect " in sentence:
        for found in _TO_EXPECT_ONE_OF_OURS.finditer(sentence):
            who = found.group(1)
            if who not in _THEIR_SIDE and who not in _THIRD_PARTIES and (who in _TRADES or is_role(who)):
                return True
    if " from " not in sentence or not any(verb in sentence for verb in (" get ", "receiv", " hear ", "expect")):
        return False
    for found in _FROM_US.finditer(sentence):
        who = found.group("who")
        if found.group("us") or (who not in _THEIR_SIDE and who not in _THIRD_PARTIES and _a_person([who], _capitalised(text), opening_name=False)):
            return True
    return False


def _ours_do_later(sentence: str, text: TextField) -> bool:
    """Whether one of ours, by name or as "our ...", acts in the present tense at a time to come or on a condition."""
    if not _WHEN_OR_IF.search(sentence) or _RECURRING.search(sentence) or any(word in sentence for word in _EXPLAINING):
        return False  # a habit, or how things work ("explained the pass covers weekday mornings only")
    for found in _OURS_DO_LATER.finditer(sentence):
        doer, verb = found.group("doer"), found.group("verb")
        if doer in _LATER_WORDS:
            continue  # a day, not who acts: "working Thursday and Friday this week"
        verb = verb[:-1] if verb.endswith(("che", "she", "sse", "xe", "zze", "goe", "doe")) else verb  # "watches", "goes"
        if (verb in _NO_ACT_IN_S and not (verb == "look" and sentence.startswith(" at ", found.end()))) or verb + "s" in HONORIFICS:
            continue  # "Pete was ...", "our tailor Mrs Kim"
        if verb in _NOT_AN_ACT and not (verb in ("go", "come") and _GOING_TO_DO.match(sentence, found.end())):
            continue  # what is so or happens by itself: "Stock arrives Tuesday", "Tom works Saturday"
        if not _ON_SOMETHING.match(sentence, found.end()):
            continue  # a timetable, not an act: "Our van leaves at 8 tomorrow", "our office reopens Monday"
        if doer.startswith("our ") or (doer in _capitalised(text).inside and doer not in _THEIR_SIDE):
            return True
        if doer not in _THEIR_SIDE and doer not in _NOT_A_DOER and doer not in _PRONOUNS and _AND_CONTACTS_THEM.search(sentence, found.end()):
            return True  # a name opening the sentence, or written small, contacting the customer next: "niamh reprints it tomorrow and emails her"
    return False


_PRONOUNS = frozenset("i we you he she they it who that this".split())
# One of ours by trade or role, or "our ...", with a verb in its bare form and a time to come, as second-language
# writers put the future: "Tomorrow technician bring the new router", "Our driver come Friday and take the old sofa".
# "He" or "she" after "our <role>" in the sentence is that person: "I speak with our engineer, he visit her Thursday".
# With only a day, the bare form tells the past as often: the act must then be an errand ("he go down Thursday
# afternoon to tighten the bolts"), not "Office girl take care of this one Monday morning, all fine after".
_OURS_DO_BARE = re.compile(
    r"(?:^|[.;!?,]\s*|\n|\b(?:and|so|then|that)\s+)"
    rf"(?:(?:tomorrow|tonight|later|then|first thing|{_A_WEEKDAY}|(?:next|on|this|by) [a-z]+|in the [a-z]+)\s*,?\s+)?"
    r"(?P<doer>our [a-z]+|[a-z]+)\s+(?P<verb>[a-z]{2,})\b"
)
# Who a bare verb may follow, looked up among a sentence's words first (a role by its ending is read by is_role after).
_PEOPLE_BY_TRADE_OR_ROLE = _TRADES | ROLE_NAMES
_OUR_ROLE_BEFORE = re.compile(r"\bour ([a-z]+)\b")
# Words after who acts that are no verb in its bare form: a verb of being or having, a modal, a word of a phrase.
_NO_BARE_VERB = frozenset(
    """is are was were be been am has have had do does did will would can could should shall may might must not no never also just
    still then now always usually at on in for with from of by to the a an and or but out off up down over back away here there home
    sick""".split()
)


def _a_bare_verb(word: str) -> bool:
    """Whether a word may be a verb in its bare form: not "is", "came", "fixes", "fixed", "fixing"."""
    return not (
        word in _NO_BARE_VERB or (word.endswith("s") and not word.endswith("ss")) or word.endswith("ed")
        or (word.endswith("ing") and len(word) > 5) or word in _PAST_WITHOUT_ED
    )


def _a_bare_verb_after_one_of_ours(words: list[str]) -> bool:
    """Whether a word that may be a verb in its bare form follows a trade, a role or "our ...", or "he" or "she"."""
    return any(
        (word in _PEOPLE_BY_TRADE_OR_ROLE or word in _PRONOUNS_OF_ONE or (index and words[index - 1] == "our")) and _a_bare_verb(after)
        for index, (word, after) in enumerate(itertools.pairwise(words))
    )


_PRONOUNS_OF_ONE = frozenset(("he", "she"))


def _ours_do_bare(sentence: str, gate: bool = False) -> bool:
    """Whether one of ours by trade or role acts at a time to come, the verb in its bare form (see _OURS_DO_BARE).

    As a gate, on a whole text, a round that recurs (which may be another sentence's) is not looked at.
    """
    if not ("our " in sentence or not _PEOPLE_BY_TRADE_OR_ROLE.isdisjoint(sentence.split())):
        return False
    if not _WHEN_OR_IF.search(sentence) or (not gate and _RECURRING.search(sentence)):
        return False
    for found in _OURS_DO_BARE.finditer(sentence):
        doer, verb = found.group("doer"), found.group("verb")
        if not _a_bare_verb(verb):
            continue  # "the technician came", "our driver is ...": not the bare form
        errand = _on_an_errand(sentence, found.end())
        if (verb in _NOT_AN_ACT and not (errand and verb in ("go", "come"))) or not (errand or _ON_SOMETHING.match(sentence, found.end())):
            continue  # what is so, or a timetable: "our van leave at 8"
        if not errand and (not _SURELY_LATER.search(sentence) or _PAST_TIME.search(sentence)):
            continue  # the bare form tells the past as often, with a day: "Office girl take care of this one Monday morning"
        if doer in ("he", "she"):
            ours = _OUR_ROLE_BEFORE.search(sentence, 0, found.start("doer"))
            role = ours.group(1) if ours else ""
        else:
            role = doer.removeprefix("our ")
        if role and (doer.startswith("our ") or role in _TRADES or is_role(role)) and not _theirs([role]) and role not in _THIRD_PARTIES:
            return True
    return False
# What an act in the present acts on, in its clause: the customer, a thing, or a purpose ("visits to measure").
_ON_SOMETHING = re.compile(r"[^.;!?]{0,60}?\b(?:him|her|them|it|one|to (?!(?:the|a|an|us|me)\b)[a-z]+)\b")


# A clause in the past about what the customer did, after what it is said of: "the umbrella (that) she left on
# the counter on Friday", "the papers which he forgot on Monday". Its day is past, no time to come. It ends at a
# stop or where a clause of time or condition begins ("... she ordered, when it comes in").
# So is a clause in the past passive or continuous, whoever it is about: "I explain him the collection was requested by his foreman on
# Tuesday", "I explain her only two cashier was working on Saturday".
_THEIR_PAST = re.compile(
    r"\b(?:(?:(?:that|which)\s+(?:(?:he|she|they)\s+)?|(?:he|she|they)\s+)(?:had\s+)?(?:[a-z]{2,}ed|"
    + "|".join(sorted(_PAST_WITHOUT_ED))
    + r")|(?:was|were|had been|wasn't|weren't)\s+(?:not\s+)?(?:[a-z]{2,}ed|[a-z]{2,}ing|"
    + "|".join(sorted(_PAST_WITHOUT_ED))
    + r"))\b[^.;!?,]*?(?=[.;!?,]|\b(?:and|when|once|if|as soon as)\b|$)"
)


def _without_their_past(sentence: str) -> str:
    """The sentence without a clause in the past about what the customer did (see _THEIR_PAST)."""
    if any(map(sentence.__contains__, (" she ", " he ", " they ", " that ", " which ", " was ", " were ", " been ", " wasn't ", " weren't "))):
        return _THEIR_PAST.sub("", sentence)
    return sentence


# The writer on something now, after a time to come opening the sentence: "Tomorrow I am sending the documents by courier".
_WE_ARE_ON_IT_LATER = re.compile(
    rf"(?:^|[.;!?]\s*)(?:tomorrow|tonight|later today|this (?:afternoon|evening|morning|week)|next [a-z]+|first thing|(?:on )?{_A_WEEKDAY})"
    r"\s*,?\s+(?:i|we)(?:\s+am|\s+are|['’]m|['’]re)\s+(?:also\s+)?((?:[a-z]+-)?[a-z]{3,}ing)\b"
)


_WE_ARE = (" am ", "'m ", "’m ", " are ", "'re ", "’re ")


def _we_are_on_it_later(sentence: str) -> bool:
    """Whether the writer is on something now, after a time to come opening the sentence (see _WE_ARE_ON_IT_LATER)."""
    found = _WE_ARE_ON_IT_LATER.search(sentence)
    return found is not None and found.group(1) not in _NOT_DOING and found.group(1) not in _NOT_VERBS


# A to-do written as an order, then the contact that follows it: "Order the seal and ring her when it lands".
_DO_THEN_TELL = re.compile(
    r"(?:^|[.;!?]\s*|\n)\s*(?:(?:please|pls|plz)\s+)?(?P<verb>[a-z]+)\b[^.;!?]{0,60}?\band\s+(?:then\s+)?"
    r"(?:call|ring|phone|telephone|email|e-mail|text|contact|tell|update|send|write to|let)\s+(?:him|her|them)\b"
)


_AND_THEN_TELL = re.compile(r"and (?:then )?(?:call|ring|phone|telephone|email|e-mail|text|contact|tell|update|send|write to|let) (?:him|her|them)\b")


def _do_then_tell(sentence: str) -> bool:
    """Whether a sentence opens with an order to ourselves and then contacts the customer (see _DO_THEN_TELL): its
    first word a verb in its bare form, not who acts ("Customer ... and ring her") nor a verb in the past."""
    if _AND_THEN_TELL.search(sentence) is None:
        return False  # most sentences hold no contact after "and": looked for first, a pattern that opens on a word
    found = _DO_THEN_TELL.search(sentence)
    if found is None:
        return False
    verb = found.group("verb")
    if verb in _PEOPLE_BY_TRADE_OR_ROLE or is_role(verb):
        return False  # who acts, not an order: "Pharmacist advised her to stop and contact her GP today"
    return (
        _present(verb) and not (verb.endswith("s") and not verb.endswith("ss")) and not verb.endswith("ing")
        and verb not in _NO_BARE_VERB and verb not in _PRONOUNS and verb not in _THEIR_SIDE and verb not in DETERMINERS
        and not _RECURRING.search(sentence)
    )


def _we_do_later(sentence: str) -> bool:
    """Whether the writer, in the present tense, acts at a time to come (see _WE_DO_LATER): not a habit, nor a day
    of what the customer did ("I give him the papers that he forgot on Monday")."""
    if not _may_say_we_do_later(sentence):
        return False
    sentence = _without_their_past(sentence)
    return any(
        _present(found.group(1)) or (found.group(1) in _SAME_IN_BOTH and _SURELY_LATER.search(sentence, found.end(1)) and not _PAST_TIME.search(sentence))
        for found in _WE_DO_LATER.finditer(sentence)
    ) and not _RECURRING.search(sentence)


# A time that is only to come: a verb the same in both tenses takes the present with it ("I put the washer in tomorrow").
_SURELY_LATER = re.compile(r"\b(?:tomorrow|tonight|later today|next (?:week|month|time|visit)|this (?:afternoon|evening|week)|first thing)\b")
_PAST_TIME = re.compile(r"\b(?:yesterday|last|ago|earlier)\b")


# "after that it works fine", "after this she is happy": the present tense telling the past, as second-language
# writers put it, ends on how things stood once it was done; "after" there is no time to come (but "after she is
# back I ring her" is: the writer acts after it).
_AN_OUTCOME_AFTER = re.compile(
    r"\bafter(?:\s+(?:this|that))?,?\s+(?:he|she|they|it|everything|all)(?:'s|\s+(?:is|was|are|were|works?|worked|seems?|seemed|looks?|looked|feels?|felt))\b"
    r"(?![^.;!?]*\b(?:i|we)\s)"
)


# A range of days is a timetable, no day to come: "the intake hours, 10 to 4 Monday to Saturday".
_A_RANGE_OF_DAYS = re.compile(rf"\b(?:{_A_WEEKDAY}|sat|sun)\s*(?:to|-|–|till|until|through|thru)\s*(?:{_A_WEEKDAY}|sat|sun)\b")
# A clause in the past without the writer: its time is of what happened ("the rate was go down in October ... after the
# Bank of England change").
_A_PAST_CLAUSE = re.compile(r"(?:^|(?<=[,;]))(?![^,;]*\b(?:i|we)\s)[^,;]*\b(?:was|were|had|did)\b[^,;]*")


def _times_to_come(sentence: str) -> str:
    """The sentence without what tells no time to come: a range of days, an outcome after "after", a clause in the past."""
    if "after" in sentence:
        sentence = _AN_OUTCOME_AFTER.sub(" ", sentence)
    if " to " in sentence or "-" in sentence or "–" in sentence or " till " in sentence or " until " in sentence or " through " in sentence:
        sentence = _A_RANGE_OF_DAYS.sub(" ", sentence)
    if "was " in sentence or "were " in sentence or "had " in sentence or "did " in sentence:
        sentence = _A_PAST_CLAUSE.sub(" ", sentence)
    return sentence


def _we_do_for_them(sentence: str) -> bool:
    """Whether the writer, in the present tense, does something to or for the customer at a time to come or on a condition."""
    return (
        (" him" in sentence or " her" in sentence or " them" in sentence)
        and ("i " in sentence or "we " in sentence)
        and any(_present(found.group(1)) for found in _WE_DO_FOR_THEM.finditer(sentence))
        and _WHEN_OR_IF.search(_times_to_come(sentence)) is not None
        and not _RECURRING.search(sentence)  # a habit: "I remind her each visit when the service is due"
    )


_A_WORD = re.compile(r"[a-z]")
# A to-do after a label opening its clause: "Next step: book the fitter", "Action: chase the lab", "TODO - ring
# the supplier"; not a clause ending on the word ("Whoever delivers next: the drive is steep").
_LABELLED_TO_DO = re.compile(
    r"(?<![a-z] )\b(?:next(?: steps?\s*[:–-]|\s*:|\s+[–-]\s)|(?:to ?do|action(?: points?)?|plan|pending|outstanding)\s*[:–-])\s*"  # not "next-day"
    r"(?!(?:none|nothing|n/a|na|no|nil|customer|client|caller|she|he|they|her|his|their|it|wait|awaiting|pending)\b)[a-z]+"
)
# Or said as what the plan is, ours (not "her plan is to move"): "Aim is to have it back to her by the 20th".
_PLAN_IS_TO = re.compile(r"(?:^|[.;!?]\s*)(?:(?:the|our)\s+)?(?:plan|aim|idea|intention)\s+is\s+(?:for\s+[a-z]+\s+)?to\s+[a-z]+")


@dataclass(frozen=True)
class Names:
    """Capitalised words of a text: inside a sentence they are names; opening one, only a word alone may be ("Marta will ...")."""

    inside: frozenset[str]
    opening: frozenset[str]


def _capitalised(text: TextField) -> Names:
    """The words of a text written with a capital inside a sentence, and those opening one, in lower case."""
    inside: set[str] = set()
    opening: set[str] = set()
    for index, word in enumerate(text.originals):
        if word[:1].isupper():
            (opening if text.starts_sentence(index) else inside).add(word.lower().removesuffix("'s"))
    return Names(frozenset(inside), frozenset(opening))
# Who was booked to come: "Booked an engineer for 14 March", "scheduled the fitter for Tuesday".
_BOOKED = re.compile(r"\b(?:booked|scheduled|arranged)\s+(?:in\s+)?(?:an?|the|our)\s+([a-z]+)")


# "the session is booked for 12 June", "Booked her in for Tuesday"; not "not booked yet", "to be booked".
# (Not what the customer booked, "her booked spin classes": a visit of ours on the diary is what was booked by us.)
_A_BOOKING = re.compile(r"(?<!not )(?<!n't )(?<!be )(?<!her )(?<!his )(?<!their )\b(?:booked|scheduled)\b(?!\s+(?:yet|in yet)\b)")


def _a_booking(texts: list[TextField]) -> bool:
    """Whether a note records a visit or a session booked: what a person of ours will do there is on the diary.

    Not in the reason, which tells what happened before ("Skip not collected Fri as booked").
    """
    return any(
        _A_BOOKING.search(text.lowered) for text in texts if text.loc[0] != "reason" and ("booked" in text.lowered or "scheduled" in text.lowered)
    )


def _booked(texts: list[TextField]) -> frozenset[str]:
    """Who or what a note says was booked: their visits are on the diary."""
    return frozenset(found.group(1) for text in texts if "booked" in text.lowered or "scheduled" in text.lowered or "arranged" in text.lowered
                     for found in _BOOKED.finditer(text.lowered))


# A restriction in the clause after the act says how things work, not what we promise: "will collect
# furniture with fire labels only"; not one for the customer ("will hold it for her only until Friday").
_A_RESTRICTION = re.compile(r"(?![^.;,!?]*?\b(?:for|to) (?:him|her|them)\b)[^.;,!?]*?\bonly\b")


# An act timed by the visit itself: "will phone before arriving", "will text when on the way", "on the day".
_BY_THE_VISIT = re.compile(
    r"\b(?:before|on)\s+(?:arriving|arrival|coming|setting off|(?:the|his|her|their)\s+(?:way|day|visit))\b|\bbeforehand\b|\ben route\b"
    # (or on the day of the visit: "Openreach will text her on the morning of the visit")
    r"|\bthe\s+(?:morning|day|afternoon|evening|night)\s+(?:of|before)\s+(?:the|his|her|their)\s+(?:visit|appointment|install|installation|job)\b"
    r"|\bwhen\s+(?:(?:he|she|they)(?:'s|'re|\s+is|\s+are)?\s+)?(?:on\s+(?:the|his|her|their)\s+way|(?:he|she|they)\s+(?:arrives?|gets?\s+there))\b"
)


# A task handed to someone, before who is to do it: "asked Jonah in finance to ring her back".
_HANDED_TO = re.compile(
    r"^(?:(?:i|we)\s+)?(?:have\s+|['’]ve\s+)?(?:asked|emailed|messaged|texted|left a (?:note|message) for|passed (?:it |this )?(?:on )?to|"
    r"handed (?:it |this )?(?:over )?to|(?:left|leaving) (?:it|this) with|arranged for)\s+"
)


# A task handed on promises the customer something when it reaches them: "asked Jonah to ring her back".
# (Not a means: "to confirm the new dose by email" reaches us.)
_REACHES_THEM = re.compile(r"\b(?<!\bby )(?<!\bvia )(?:him|her|them|call|ring|phone|email|e-mail|text|contact|write|get back|follow up|reach out|let)\b")


# What is sent or said to us, in the clause after the act: "will send the new script to us electronically".
_TO_US = re.compile(r"[^.;,!?]{0,40}?\b(?:to|with) us\b")
# A task handed on, reported done in the same sentence: "Asked the GP to confirm the new dose, which she did within the hour".
_DONE_ALREADY = re.compile(r"[^.;!?]*?,\s*which\s+(?:he|she|they|it)\s+(?:(?:duly|then|promptly)\s+)?(?:did|has done|have done|had done)\b")
# The head of the contact's role: "GP at the Ballincollig practice", "her claims handler at the insurer".
_ROLE_OF_THE_CONTACT = re.compile(r"\s*(?:(?:his|her|their|the|a|an)\s+)?(?:[\w-]+\s+){0,2}?([\w-]+)(?=\s+(?:at|of|for|from|in|on|with|to)\b|\s*$)")


def _the_contact(word: str, texts: list[TextField]) -> bool:
    """Whether a word names the contact by their role: "asked the claims handler to ..." when the contact is "her claims handler at the insurer"."""
    for text in texts:
        if text.loc == ("contact", "relationship"):
            role = _ROLE_OF_THE_CONTACT.match(text.lowered)
            return role is not None and role.group(1) == word
    return False


def _doer(phrase: str, in_reason: bool) -> tuple[list[str], bool]:
    """The words of who acts, without "told her (that)" before them ("told her the engineer"), and whether it was there.

    A task we handed to someone leaves who is to do it: "asked Jonah in finance", "left a note for Sam".
    In a reason, the customer is the one who asked ("Asked the engineer to look at the fridge").
    """
    handed = None if in_reason else _HANDED_TO.match(phrase)
    if handed and phrase[handed.end() :].strip():
        phrase = phrase[handed.end() :]
    words = [word.removesuffix("'s") for word in phrase.split()]  # "Priya's coming", "she's coming"
    if len(words) >= 2 and words[0] in _TELLING and words[1] in ("him", "her", "them"):
        return words[3:] if words[2:3] == ["that"] else words[2:], True
    if len(words) >= 3 and words[0] == "let" and words[2] == "know":  # "Let her know the driver is calling by"
        return words[4:] if words[3:4] == ["that"] else words[3:], True
    if len(words) >= 2 and words[0] == "said":  # "Said Kevin would re-code the fob"
        return words[2:] if words[1] == "that" else words[1:], True
    return words, False
_AGENT_ENDINGS = ("or", "ist", "ian")  # an estimator, a pharmacist, a technician


def _a_person(doer: list[str], capitalised: Names, opening_name: bool = True, singular: bool = False) -> bool:
    """Whether who acts is a person of ours: ours ("our estimator"), a role, office or trade ("an engineer", "the
    accounts team", "someone from claims"), a doer by its ending ("the surveyor"), or a name ("Jonah in finance", "Marta")."""
    if "our" in doer or doer[-1].endswith(_AGENT_ENDINGS):
        return True
    named = list(itertools.takewhile(lambda word: word not in ("from", "in", "at", "on", "of", "with"), doer))  # "someone from claims", "Jas on claims"
    head = named[-1] if named else doer[-1]
    if len(named) > 1 and a_plural(head) and not any(w in _TRADES or is_role(w) for w in (head, head.removesuffix("s"))):
        return False  # things, whatever names their kind: "the WorkSafeBC eligibility sheets to check against his history"
    if opening_name and len(doer) == 1 and doer[0] in capitalised.opening and (singular or not a_plural(doer[0])):
        return True  # a name alone opening the sentence ("Jess is going to ..."); not "Invoices are going to ..."
    return any(word in _TRADES or is_role(word) or word in capitalised.inside or word in HONORIFICS for word in doer if word not in DETERMINERS)


# Who an act is done to, right after its verb: "email him", "reach out to him", "get back to her".
_DONE_TO = re.compile(r"\s*(?:will|shall|is going to|are going to|'ll|is|are|'s|'re)?\s*(?:[a-z-]+\s+){1,2}?(?:(?:back|out)\s+)?(?:to\s+)?(him|her)\b")


def _to_someone_else(pronoun: str, rest: str) -> bool:
    """Whether "she", "he" or "they" act on another person ("she will email him", "they'll reach out to him"): one of ours, then.

    Only "him" and "her" count: "them" after "she will collect" is as often the things she collects. Not taking
    someone somewhere (see _CARRYING_SOMEONE).
    """
    if _CARRYING_SOMEONE.match(rest):
        return False
    done_to = _DONE_TO.match(rest)
    return done_to is not None and done_to.group(1) not in _OWN_WORDS[pronoun]


# Taking someone somewhere is what the customer does with a pet, a child or a parent of theirs: "she is to bring him
# in if he still isn't eating", "she'll fetch him at 3", "she is going to drive him down on Saturday".
_CARRYING_SOMEONE = re.compile(
    r"\s*(?:(?:will|shall|'ll|’ll|is|are|'s|’s)\s+)?(?:(?:going|about|due)\s+)?(?:to\s+)?(?:then\s+|also\s+)?"
    r"(?:bring|fetch|take|collect|pick|drop|drive|walk|carry|ferry)\s+(?:him|her)\b"
)
# Verbs of what happens by themselves that a person does to a thing: "Jess is going to drop a spare bag round".
_DONE_TO_A_THING = frozenset("drop run finish start change clear process reset update take bring".split())
_AN_OBJECT = re.compile(r"\s+(?:a|an|the|his|her|their|it|them|one|some)\b")
# Going over or through something with the customer, or at a time to come, is work: "he'll go over the
# numbers with her", "she'll go through the lockers after closing" (not what happens at a visit: "will go
# through the options at the start of the appointment").
_GOING_THROUGH = re.compile(rf"\s+(?:over|through)\b(?:[^.;,!?]{{0,50}}?\bwith (?:him|her|them)\b|{_A_TIME_TO_COME})")


# Going or coming somewhere in order to do something is a visit: "is to go back on the 9th to reseal it";
# not going to a place or a state ("will go to the depot", "will go to waste").
_GOING_TO_DO = re.compile(r"[^.;,!?]{0,30}?\bto (?!(?:us|me|an?|the|his|her|their|its|terms|an end|nothing|work|waste|plan|sleep|bed)\b)[a-z]+")


# Verbs of contact, and who on our side they may reach: us, reception, the office, a manager or desk of ours.
_CONTACTS = frozenset("call ring phone telephone email e-mail text contact message".split())
_ONE_OF_US = re.compile(
    r"\s+(?:back\s+)?(?:us|me|reception|(?:the|our)\s+(?:[\w-]+\s+)?(?:manager|office|desk|reception|switchboard))\b"
)


def _someone_of_ours_will(sentence: str, in_reason: bool, text: TextField, texts: list[TextField]) -> bool:
    """Whether a person of ours will act: "Marta will order a replacement lens", "an engineer will be with her"."""
    for found in _SOMEONE_WILL.finditer(sentence):
        clipped = found.group("clipped")
        if clipped:
            if _clipped_person_on_it(clipped, found.group("clipped_doing"), in_reason, text, sentence, found.end("clipped_doing")):
                return True
            continue
        doing = found.group("doing") or found.group("left_out")
        errand = doing in _GOING and found.group("doing") is not None and _on_an_errand(sentence, found.end("doing"))
        if (doing in _NOT_DOING and not errand) or (doing and not doing.endswith(("ing",))):
            continue
        if found.group("left_out"):
            if not in_reason:
                return True  # the writer, left out: "Sending her the revised quote tonight"
            continue
        busy = found.group("busy")
        if busy and sentence.startswith(("'s", "’s"), found.end("busy")) and _A_POSSESSOR.intersection(busy.split()[-2:-1]):
            continue  # whose thing it is: "the director's ruling on 20 November", "her sister's wedding on Saturday"
        doer, _ = _doer(busy or found.group("doer"), in_reason)
        verb = found.group("verb") or ""
        if verb in DETERMINERS and found.group(0).endswith(f"going to {verb}"):  # going to a place: "Ahmed going to his cafe"
            at = found.start("verb") - len("to ")
            errand = _on_an_errand(sentence, at) and _TIME_TO_COME_AT.match(sentence, at) is not None
        elif verb in ("go", "come"):  # "will go to the house on Friday and bleed them"
            errand = _on_an_errand(sentence, found.end())
        if not doer or (verb in _NOT_AN_ACT and not errand and not (verb == "be" and _ON_THE_WAY_AFTER.match(sentence, found.end()))
                        and not (verb == "see" and _SEE_IF_ONE_CAN.match(sentence, found.end()))
                        and not (verb in _DONE_TO_A_THING and _AN_OBJECT.match(sentence, found.end()))
                        and not (verb == "go" and _GOING_THROUGH.match(sentence, found.end()))
                        and not (verb in ("go", "come") and _GOING_TO_DO.match(sentence, found.end()))
                        and not (verb == "have" and _A_TRY.match(sentence, found.end()))):
            continue  # what is so or happens by itself: "the tablets will take three days"
        if verb in _CONTACTS and _ONE_OF_US.match(sentence, found.end()):
            continue  # a contact of us is the other side's to make: "the band leader is to ring the duty manager on arrival"
        if " us" in sentence and _TO_US.match(sentence, found.end()):
            continue  # what reaches us is the other side's to do: "the office will send the new script to us"
        condition = _IF.match(sentence, found.end())
        acted = found.start("verb") if found.group("verb") else found.end()  # "will give her a ring if ..." is for her
        if condition and not _FOR_THEM.search(sentence, acted, condition.end()) and not _A_HEDGE.match(sentence, condition.end()):
            continue  # on a condition ("will prescribe antibiotics only if it is no better"); not "will put one aside for her if there's one"
        if " only" in sentence and _A_RESTRICTION.match(sentence, found.end()):
            continue  # how things work: "the van team will collect furniture with fire labels only"
        if _recurs(sentence, found.end()) or _a_booking(texts):
            continue  # a round that recurs ("will visit every quarter"), or what happens at a visit on the diary
        if _EXPLAINING.intersection(doer):
            continue  # how things work: "Explained reception will ask for photo ID"
        while len(doer) > 1 and doer[0] in _LATER_WORDS:
            doer = doer[1:]  # a time opening the clause is no part of who acts: "Tomorrow I am sending the documents"
        if doer in (["i"], ["we"]):
            if busy:
                return True  # "I'm emailing her tonight"; "I will ..." is _we_will's
            continue
        if doer in (["she"], ["he"], ["they"]):
            if _OWN_WORDS[doer[0]].intersection(found.group(1) for found in _ADDRESSED.finditer(text.lowered)):
                continue  # the person we told: "Told him it needs her agreement; he is going to ask her"
            if _to_someone_else(doer[0], sentence[found.end("busy" if busy else "doer") :]):
                return True  # "they'll reach out to him", "she is emailing him": one of ours, to the customer
            continue
        theirs = _THEIR_SIDE.intersection(doer)
        if theirs == {"it"} and doer[-1] == "it" and "it" in _capitalised(text).inside:
            theirs = frozenset()  # "IT" written in capitals is where one of ours works: "Mr Haddad from IT is setting up her login"
        if theirs or _NOT_A_DOER.intersection(doer) or _THIRD_PARTIES.intersection(doer) or doer[-1] in ("us", "me") or (len(doer) > 1 and _a_firm(doer[-2], doer[-1], text)):
            continue  # the customer's side, a third party, or a verb's phrase
        # Done again to a thing is done for them: "Tomás is re-issuing the card" (not "Shop is re-opening Monday").
        done_for_them = doing in _DONE_FOR_THEM or (doing is not None and doing.startswith("re-") and _ACTED_ON_AFTER.match(sentence, found.end("doing")) is not None)
        # "Is" after a name makes it one person, whatever its last letter: "Jas is emailing him", not "Invoices are".
        singular = sentence.startswith((" is ", "'s ", "’s "), found.end("busy" if busy else "doer"))
        if _a_person(doer, _capitalised(text), opening_name=not busy or done_for_them or errand, singular=singular):
            return True  # on it now ("is making"), a word opening the sentence is a thing as often as a name ("Car is making noise")
    return False


def _clipped_person_on_it(name: str, doing: str, in_reason: bool, text: TextField, sentence: str, at: int) -> bool:
    """Whether a name written with a capital, alone before a verb in -ing with "is" left out, is one of ours on it."""
    if doing in _GOING and not _on_an_errand(sentence, at):
        return False
    if in_reason or (doing in _NOT_DOING and doing not in _GOING) or doing in _NOT_VERBS or name in _THEIR_SIDE or name in _NOT_A_DOER or name in _LATER_WORDS:
        return False
    if a_past_tense(name):
        return False  # a verb in the past, not a name: "Replied confirming the posters went out on 2 December"
    capitalised = _capitalised(text)
    return (name in capitalised.inside or name in capitalised.opening) and not a_plural(name)


# A word before a name in "'s" that makes it whose thing follows, not who is on it: "the director's ruling".
_A_POSSESSOR = frozenset("the a an his her their my its".split())
# Seeing if one can do something is a try at it: "is going to see if he can weld a patch on"; not "to see if his landlord agrees".
_SEE_IF_ONE_CAN = re.compile(r"\s+(?:if|whether)\s+(?:he|she|they|we|i)\s+(?:can|could|is able to|are able to)\b")
# Having a try at something is an act: "will have another go tomorrow", "will have a look at it".
_A_TRY = re.compile(r"\s+(?:a|another)\s+(?:go|look|try|bash|crack|word)\b")


# Where one clause of a sentence ends and another, with its own subject, begins: "...; ", ", and ", ", but ".
_CLAUSE_JOIN = re.compile(r";|,\s+(?:and|but|so|though|although|while|whereas)\s")


def _clause_at(sentence: str, at: int) -> str:
    """The clause of a sentence that holds the position at: a round that recurs in another clause is not
    this one's ("Put her on the quarterly plan, and Mick will do the first feed next month")."""
    begins = max((join.end() for join in _CLAUSE_JOIN.finditer(sentence, 0, at)), default=0)
    ends = _CLAUSE_JOIN.search(sentence, at)
    return sentence[begins : ends.start() if ends else len(sentence)]


def _present(verb: str) -> bool:
    """Whether a verb after "I" or "we" is in the present tense: not "checked", "sent", "rang"."""
    return not verb.endswith("ed") and verb not in _PAST_WITHOUT_ED


def _their_names_as_pronouns(text: TextField, names: frozenset[str]) -> str:
    """The text in lower case, the customer's and the contact's names read as "them": "I'll text Beatrice" is a promise to them.

    A name of several words, or of parts joined by a hyphen, is one person: "Carvalho-Reid will send it" reads "them will send it".
    """
    lowered = text.text.lower()
    if not names:
        return lowered
    names = names | _short_forms(text, names)
    if names.isdisjoint(text.words):
        return lowered
    said = _A_NAME_WORD.sub(lambda word: "them" if word.group(0) in names else word.group(0), lowered)
    return _SAID_AGAIN.sub("them", said) if "them them" in said or "them-them" in said else said


def _short_forms(text: TextField, names: frozenset[str]) -> frozenset[str]:
    """Their names cut short, written with a capital in the text: "Jen" for Jennifer, "Ros" for Rosalind; not a
    frequent word ("Will" for William, "Mark" for Markus), which is more often the word."""
    cut_short = names_cut_short(names).intersection(text.words)  # most texts hold none: a look-up of its words
    if not cut_short:
        return cut_short
    return frozenset(word.lower() for word in text.originals if word[:1].isupper() and word.lower() in cut_short and not a_frequent_word(word.lower()))


# A word of a name (no pattern is built per name: every customer has their own).
_A_NAME_WORD = re.compile(r"[^\W\d_]+")
_SAID_AGAIN = re.compile(r"\bthem(?:[\s-]them\b)+")
