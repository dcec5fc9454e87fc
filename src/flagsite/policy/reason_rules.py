"""P103, P104: a note says why the customer got in touch and what was done about it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..check.placeholders import is_placeholder as is_todo
from ..rules import Hit, describe, rule
from .note_common import DETERMINERS
from .subject import Subject
from .text import TextField
from .words import EMPTY_RESOLUTION_CLAIMS, EMPTY_RESOLUTION_WORDS, HONORIFICS, WEEKDAYS

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


def _content_words(text: TextField, subject: Subject) -> list[str]:
    """Words that say something about the issue: not filler, names, quotes, slang, insults or judgements."""
    lexicon = subject.lexicon
    if any(mark in text.masked for mark in _QUOTE_MARKS):
        unquoted = _QUOTED.sub(" ", text.masked)
        words = [w.lower().replace("’", "'") for w in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", unquoted)]
    else:
        words = text.words  # nothing quoted (the usual case): the words the text already has
    insults = set(subject.derogatory_in(text))
    if insults:
        words = [w for w in words if w not in insults and not any(w in phrase.split() for phrase in insults)]
    filler, names = lexicon.filler, subject.names
    # Judging words say nothing of the issue; nouns VADER scores ("funeral", "emergency") do.
    kept = [w for w in words if len(w) > 1 and w not in filler and w not in names and not lexicon.judges_a_person(w)]
    if "behalf" in words:  # on whose behalf is not the issue: "rang on behalf of his wife"
        after = words[words.index("behalf") + 1 : words.index("behalf") + 4]
        if after[:1] == ["of"]:
            whose = after[2:3] if len(after) > 2 and after[1] in DETERMINERS else after[1:2]
            kept = [w for w in kept if w not in whose]
    if not _THINGS_AS_NOUNS.isdisjoint(words):  # rarely: a look at the word before each
        kept += [w for i, w in enumerate(words) if w in _THINGS_AS_NOUNS and i > 0 and words[i - 1] in DETERMINERS]
    forms = [w for w in kept if w.endswith(("ing", "in"))] if 2 <= len(kept) <= 4 else []
    if forms and len(kept) - len(forms) < 2:  # rarely: only then can a form of a vague verb change the count
        kept = [w for w in kept if w not in forms or not _a_form_of(w, filler)]
    telling = len(kept) >= 2 and (not _CUES.isdisjoint(words) or "'d" in text.lowered)  # most reasons have no cue
    said_of_the_contact = _the_contact_itself(text, words, filler, names) if telling else ()
    return [w for w in kept if w not in said_of_the_contact]


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
_CHANNELS = frozenset("phone telephone email e-mail mail post letter letters correspondence voicemail voicemails text texts fax webchat sms".split())
# The size or kind of a talk, not its subject: "quick chat", "brief call", "general enquiry".
_TALK_SIZES = frozenset("quick brief short long little small general routine random simple".split())
_TALK = frozenset("call calls chat conversation enquiry enquiries inquiry inquiries query queries question questions message messages".split())
_SENT_BY = frozenset(("from", "by", "about", "re", "regarding"))  # "letter from ...", "email about ..."
# Words one of which a reason holds when _the_contact_itself may find something in it.
_POINTING = frozenset("see per refer details notes info information".split())
# A reason that follows up or points back names when the earlier contact was, not what it was about.
_POINTING_BACK = frozenset("following follow chasing chased callback previous earlier again happened".split())
_TIMES = frozenset(f"{WEEKDAYS.replace('|', ' ')} last week weeks month day days yesterday today ago morning afternoon evening".split())
_CUES = _CHANNELS | _TALK_SIZES | HONORIFICS | _POINTING | _POINTING_BACK
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
            if after[:1] and (after[0] in _TALK or (after[0] in _CHANNELS and after[1:] and after[1] in _TALK)):
                said.add(word)  # "general enquiry", "brief phone call"
            elif word in _CHANNELS and after and (after[0] in _SENT_BY or (after[1:] and after[1] in _SENT_BY)):
                said.update((word, after[0]))  # "email from", "voicemail left by", "letter about"
        elif _a_title_before_a_name(word, after, index, text, words, names) or (word.endswith("'d") and word[:-2] in filler):
            said.add(word)
    if not _POINTING_BACK.isdisjoint(words):  # "following up on her call from last Tuesday": when, not what
        said.update(w for w in words if w in _TIMES)
    if not _POINTING.isdisjoint(words):
        for pointed in _POINTER.finditer(text.lowered):
            said.update(pointed.group(1).split() + pointed.group(2).split())  # the pointer and what it points to
    return said


# Words of talking that are things after a determiner: "the fees on the quote", "resize her ring".
_THINGS_AS_NOUNS = frozenset("quote quotes ring rings".split())


@rule("P103", "reason-too-vague", "error", "note")
def reason_too_vague(subject: Subject) -> Iterator[Hit]:
    """The reason does not say what the customer's issue was ("called in", "question about account").

    ## What it does
    Removes from `reason` the words that carry no information about an issue ("customer", "called",
    "about", "issue", "question", "account", "wants", "help", talking itself: "talk", "speak",
    "discuss", "ask"; the issue named only by its kind: "complaint", "matter", "feedback", "progress",
    "what happened", "a couple of bits"; a wish or a chase: "wished", "chased up"; a time that points
    back: "previous", and when a contact followed up was: "following up on her call from last
    Tuesday"; someone or something unnamed: "someone", "anybody"; how, where and for whom they got
    in touch: "came into the office", "popped into the shop", "on behalf of his wife", the customer
    called "member", "tenant", "guest"; any of these verbs in -ing or with its g dropped: "is coming to
    the office", "callin"; their short forms and slang:
    "abt", "bout", "wrt", "cuz", made verbs: "msg'd"; names, and a title before a name: "Mrs Bramley";
    how the contact came, before a word of talk or a sender, and a talk's size: "telephone enquiry",
    "email from the tenant", "voicemail left by", "letter about", "quick chat", "general enquiry"; a pointer elsewhere
    and what it points to: "see sheet", "as per the email thread", "details in the CRM"; "quote" and "ring" count after
    "the", "her", ...: "the fees on the quote") and flags the reason when
    fewer than two words are left. Words can be added with `policy.vague_words`.

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
        if text.loc == ("reason",) and not is_todo(text.text) and len(_content_words(text, subject)) < 2:
            yield Hit(("reason",), f"reason {describe(text.text)} does not say what the issue was; state the customer's concern or why they were contacted, specifically")


# Words that give a verb no object: "Emailed over.", "Will do.", "Done it."
_NO_OBJECT = frozenset("over on up back off out in through across along round will do did does done shall can have has been be it".split())


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


def _says_nothing(item: str, names: frozenset[str], is_known: Callable[[str], bool] | None = None) -> bool:
    """A resolution that names no action's object: "Noted.", "Replied.", "Will do.", "Filed.", "Emailed over.",
    "Took care of it.", "Went through everything with her, all sorted.", "Dealt with Mr Ogun's enquiry as appropriate."."""
    item = item.replace("’", "'") if "’" in item else item
    lowered = item.lower()
    found = _RESOLUTION_WORD.findall(lowered)
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
        return len(words) <= 3 and words[0].endswith("ed") and all(w in EMPTY_RESOLUTION_WORDS or w in _NO_OBJECT for w in words[1:])
    # Every word a verb of handling, attending or talking, a pronoun or "everything", the issue named
    # only as such, who did it, a manner or a time, or a state of being fine.
    left = sum(w not in _SAYS_NOTHING and not _a_manner(w) for w in words)
    if not left:
        return True
    if left == 1 and is_known is not None:  # rarely: one word left, maybe an empty one misspelt ("delt", "resolvd")
        odd = next(w for w in words if w not in _SAYS_NOTHING and not _a_manner(w))
        if not is_known(odd) and _a_slip_of_an_empty_word(odd):
            return True
    if left <= 4:
        stripped = _ASIDES.sub(" ", lowered)  # rarely: who did it, where, how or by what rule, taken out
        if stripped != lowered:
            rest = [w.removesuffix("'s") for w in _RESOLUTION_WORD.findall(stripped)]
            return _only_empty_words(stripped, [w for w in rest if w not in named], named, is_known)
    return False


_RESOLUTION_WORD = re.compile(r"[a-z/']+")
# A manner said in an adverb, beside words that say nothing: "Client assisted telephonically.", "Helped remotely.".
_MANNER_ENDINGS = ("ally", "ely", "ously", "ively", "ately", "ntly", "edly", "fully", "lessly")


def _a_manner(word: str) -> bool:
    return len(word) > 6 and word.endswith(_MANNER_ENDINGS)


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _a_slip_of_an_empty_word(word: str) -> bool:
    """Whether a word not spelled right is one letter from an empty one, left out, added, changed or swapped: "delt" (dealt)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    slips = [a + c + b for a, b in splits for c in _LETTERS] + [a + b[1:] for a, b in splits if b]
    slips += [a + c + b[1:] for a, b in splits if b for c in _LETTERS] + [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    return any(slip in _SAYS_NOTHING and len(slip) > 3 for slip in slips)
# A name or a title as written, with the particles inside a name: "Mrs Lim's complaint", "Mr ap Gwilym"; not "the account".
_CAPITALISED = re.compile(r"\b[A-Z][a-z']*(?:\s+[a-z]{1,4}\s+[A-Z][a-z']*)*")
_SAYS_NOTHING = EMPTY_RESOLUTION_WORDS | _NO_OBJECT | EMPTY_RESOLUTION_CLAIMS


@rule("P104", "resolution-missing", "error", "note")
def resolution_missing(subject: Subject) -> Iterator[Hit]:
    """The note does not say what was done: `resolution` is empty or says only "resolved" or "n/a".

    ## What it does
    Flags a note with no `resolution` entries, or whose entries are all placeholders ("done",
    "resolved", "n/a", "helped customer", "advised accordingly", "answered her questions",
    "provided information", "see above"), or a few words that name no object of the action
    ("Noted.", "Replied.", "Given.", "Added to note.", "Will do.", "All good.", "As discussed.",
    "Followed process.", "Spoke to her.", "Taken care of.", "All set."), or a verb alone with what it acted on left out
    ("Filed.", "Received.", "Emailed over."). Longer entries say nothing too when every word is a verb of
    handling, attending, solving, giving or talking in any tense, a pronoun or "everything", the issue,
    a deed or a thing given named only by its kind ("the matter", "her enquiry", "measures", "the
    relevant guidance", "the ticket"), the people's names or an unnamed colleague ("my supervisor"),
    who did it, where or by what channel ("on the system"), a manner or a rule followed ("duly", "as
    appropriate", "fully", "remotely", "as per the clinic procedure"), a time ("straight away", "on the
    day", "the same morning"), or a state of being fine or finished ("is finish", as a second language may
    say it), and any one of these misspelt by a letter ("resolvd"): "Took care of it.", "Dealt with by the office.", "It is solved now.",
    "Had a good long chat and went through it all with her.", "Talked it over, she's good now.",
    "Matter attended to.", "Dealt with at the desk.", "All dealt with on site.", "Spoke with her at length",
    "Appropriate measures taken.", "Fault rectified to her satisfaction.", "Handed over to a colleague.",
    "I have dealt with Mr Ogun's enquiry as appropriate."

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
    elif all(_PLACEHOLDER_RESOLUTIONS.match(item) or _says_nothing(item, subject.names, subject.lexicon.is_known) for item in items):
        yield Hit(("resolution", 0), f"resolution {describe(subject.note.resolution[0])} does not say what was done; list the actions taken and what the customer was told")
