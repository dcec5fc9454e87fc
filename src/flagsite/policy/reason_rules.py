"""P103, P104: a note says why the customer got in touch and what was done about it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..check.placeholders import is_placeholder as is_todo
from ..rules import Hit, describe, rule
from .note_common import DETERMINERS
from .subject import Subject
from .text import TextField
from .words import EMPTY_RESOLUTION_CLAIMS, EMPTY_RESOLUTION_WORDS

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
    return kept


# Words of talking that are things after a determiner: "the fees on the quote", "resize her ring".
_THINGS_AS_NOUNS = frozenset("quote quotes ring rings".split())


@rule("P103", "reason-too-vague", "error", "note")
def reason_too_vague(subject: Subject) -> Iterator[Hit]:
    """The reason does not say what the customer's issue was ("called in", "question about account").

    ## What it does
    Removes from `reason` the words that carry no information about an issue ("customer", "called",
    "about", "issue", "question", "account", "wants", "help", talking itself: "talk", "speak",
    "discuss"; someone or something unnamed: "someone", "anybody"; how, where and for whom they got
    in touch: "came into the office", "popped into the shop", "on behalf of his wife", the customer
    called "member", "tenant", "guest"; their short forms and slang:
    "abt", "bout", "wrt", "cuz"; names, ...; "quote" and "ring" count after "the", "her", ...:
    "the fees on the quote") and flags the reason when
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


# Who did it and how, said in place of what: "Dealt with by the office.", "on the phone".
_AGENT_OR_CHANNEL = re.compile(r"\bby (?:the |our )?[a-z]+(?<!ing)(?: (?:team|office|desk|department))?$|\b(?:on|over) the phone\b")


def _says_nothing(item: str) -> bool:
    """A resolution that names no action's object: "Noted.", "Replied.", "Will do.", "Filed.", "Emailed over.",
    "Took care of it.", "Went through everything with her, all sorted."."""
    lowered = item.lower()
    if "’" in lowered:
        lowered = lowered.replace("’", "'")
    words = _RESOLUTION_WORD.findall(lowered)
    if not words or len(words) > 18:
        return False
    if words[0] not in _SAYS_NOTHING:  # the usual case: only a verb alone then says nothing ("Received.", "Filed.")
        return len(words) <= 3 and words[0].endswith("ed") and all(w in EMPTY_RESOLUTION_WORDS or w in _NO_OBJECT for w in words[1:])
    # Every word a verb of handling or talking, a pronoun or "everything", who did it, or a state of being fine.
    if all(w in _SAYS_NOTHING for w in words):
        return True
    if ("by" in words or "phone" in words) and sum(w not in _SAYS_NOTHING for w in words) <= 3:
        stripped = _AGENT_OR_CHANNEL.sub(" ", lowered)  # rarely: who did it or how, taken out
        if stripped != lowered:
            return _says_nothing(stripped)
    return False


_RESOLUTION_WORD = re.compile(r"[a-z/']+")
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
    handling, solving or talking in any tense, a pronoun or "everything", who did it or by what channel,
    or a state of being fine: "Took care of it.", "Dealt with by the office.", "It is solved now.",
    "Had a good long chat and went through it all with her.", "Talked it over, she's good now."

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
    elif all(_PLACEHOLDER_RESOLUTIONS.match(item) or _says_nothing(item) for item in items):
        yield Hit(("resolution", 0), f"resolution {describe(subject.note.resolution[0])} does not say what was done; list the actions taken and what the customer was told")
