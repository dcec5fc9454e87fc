"""P1xx: what every note must record (the notes policy's outline).

Contact (name, and relationship when not the account holder), reason,
resolution, follow-ups, changes from -> to, amounts; and critical notes that
belong on the customer's permanent record instead.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..check.placeholders import is_placeholder as is_todo
from ..rules import Hit, describe, rule
from .lexicon import Lexicon, a_plural
from .subject import Subject
from .suggest import amount_entry
from .text import TextField, normalise_name, sentences
from .words import CHANGE_FIELDS, EMPTY_RESOLUTION_CLAIMS, EMPTY_RESOLUTION_WORDS, HONORIFICS, NOT_A_FIELD_AFTER, NOT_A_FIELD_BEFORE, ROLE_NAMES

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


_ACRONYM = re.compile(r"^[A-Z]{2,3}$")


@lru_cache(maxsize=4096)
def _is_placeholder(name: str, placeholders: frozenset[str]) -> bool:
    words = normalise_name(name)
    whole = " ".join(words)
    stripped = name.strip().lower()
    return (
        not words
        or whole in placeholders
        or stripped in placeholders
        or stripped.rstrip(".") in placeholders
        or all(w in placeholders or w in HONORIFICS for w in words)
        or _title_and_initials(words)
        or _role_not_name(name)
        or any(c.isdigit() for c in name)  # "Room 204", "Flat 3B": a place, not a person
    )


def _title_and_initials(words: list[str]) -> bool:
    """"Mrs R", "Mr K.", "J.": a title and initials, or initials alone, say whom the writer meant, but not who it was."""
    return all(len(w) == 1 for w in words[1:]) and ((words[0] in HONORIFICS and len(words) > 1) or len(words[0]) == 1)


def _role_not_name(name: str) -> bool:
    """A role, relative or office written where the name belongs: "Tenant", "School office", "IT Helpdesk", "PA".

    The last word is a role; every word before it is an acronym, another role or, after the
    first word, in lower case ("Theatre group leader"). "Emma Baker" or "Dr Guest" are names.
    """
    originals = re.findall(r"[^\W\d_]+", re.sub(r"-in-law\b", "", name, flags=re.IGNORECASE))  # "Daughter-in-law": a daughter
    if len(originals) == 1 and _ACRONYM.match(originals[0]):
        return True  # "PA", "HR": an office or a role in capitals
    if not originals or not _is_role(originals[-1].lower()) or originals[0].lower() in HONORIFICS:
        return False
    return all(
        _ACRONYM.match(word) or _is_role(word.lower()) or (index > 0 and word.islower()) or (index == 0 and len(originals) > 1 and originals[1].islower())
        for index, word in enumerate(originals[:-1])
    )


# Short forms of roles: "Office mgr", "Sales rep".
_ROLE_ABBREVIATIONS = frozenset("mgr mngr asst rep reps coord supt recep sec admin dept hq".split())


# Endings that make a word a job or a role: a housekeeper, a childminder, a dog-sitter, a technician.
_ROLE_ENDINGS = ("keeper", "minder", "sitter", "worker", "maker", "officer", "manager", "assistant", "ologist", "ician", "therapist", "holder", "owner")


def _is_role(word: str) -> bool:
    """Whether a word names a role or a relation: "tenant", "tenants", "grandparent", "stepmother", "mgr", "housekeeper"."""
    if word in ROLE_NAMES or word in _ROLE_ABBREVIATIONS or (word.endswith("s") and word[:-1] in ROLE_NAMES):
        return True
    if word.endswith(_ROLE_ENDINGS) and len(word) > 7:
        return True
    # Kin by marriage or a generation away: grandparent, stepmother, greatgrandad.
    return any(word.startswith(prefix) and word[len(prefix) :] in _KIN for prefix in ("great", "grand", "step"))


_KIN = ROLE_NAMES | {"parent", "parents", "child", "children"}


# Lower-case words that belong in names: "Ludwig van Beethoven", "Maria de la Cruz", "Omar bin Said".
_NAME_PARTICLES = frozenset("van von de da di du del della der den la le bin bint ibn al el ter ten dos das do y e st".split())


@lru_cache(maxsize=4096)
def _lower_case_after_first(name: str) -> tuple[str, ...]:
    """The words of a name after a capitalised first word that are in lower case, particles aside."""
    words = re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", name)
    if len(words) < 2 or not words[0][0].isupper():
        return ()
    return tuple(w for w in words[1:] if w.islower() and w not in _NAME_PARTICLES)


def _written_as_a_phrase(name: str, subject: Subject) -> bool:
    """Whether a contact name is a description in sentence case ("Dog walker", "Next of kin"), not a name.

    A name capitalises each of its words (but for particles: "van", "de"); a description
    capitalises the first word only, and its other words are words of the language.
    """
    lower = _lower_case_after_first(name)
    if not lower:
        return False  # nearly every name
    holder = set(normalise_name(subject.customer.name)) if subject.customer is not None else set()
    return all(w not in holder and subject.lexicon.is_known(w) for w in lower)


def _names_nobody(name: str, subject: Subject) -> bool:
    """Whether a contact name is a stand-in: a placeholder, a role, a title and initials, or a description."""
    assert subject.note is not None
    return (
        _is_placeholder(name, subject.lexicon.placeholders)
        or _written_as_a_phrase(name, subject)
        or _role_repeated(name, subject.note.contact.relationship)
    )


# Endings of a doer's name made from a verb: a sharer, a fosterer, a skipper.
_DOER_ENDINGS = ("er", "or", "r")
# Endings of a word for what someone is or does: a treasurer, a sponsor, a flatmate, a signatory.
# A name the relationship repeats counts only with one of these: "Will" ("who will take over") is a name.
_ROLE_WORD_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "mate", "man", "woman", "person", "ee", "ary", "ory")


@lru_cache(maxsize=4096)
def _role_repeated(name: str, relationship: str | None) -> bool:
    """Whether a one-word name is the word the relationship says they are or do, in lower case.

    "Skipper" (relationship "delivery skipper"), "Treasurer" ("treasurer of the club"), "Sharer"
    ("rides under a share agreement"), typed in lower case too ("roommate", "roommate of the account
    holder"): a name is not written as a common noun, nor as the doer of a verb the relationship
    uses; "Rose" ("sister of the account holder") is a name.
    """
    if not relationship or not re.fullmatch(r"[A-Za-z][a-z]+(?:-[a-z]+)?", name.strip().rstrip(".")):
        return False
    word = name.strip().rstrip(".").lower()
    if not word.endswith(_ROLE_WORD_ENDINGS):
        return False
    said = set(re.findall(r"[a-z]+(?:-[a-z]+)*", relationship))  # words in lower case only: "Rose" in "Rose's sister" is a name
    if word in said:
        return True
    # The doer of a verb the relationship uses: "Sharer" of "share", "Fosterer" of "fosters".
    if word + "s" in said:
        return True  # "Sponsor": "sponsors the account holder's swim"
    stems = {word[: -len(ending)] for ending in _DOER_ENDINGS if word.endswith(ending) and len(word) - len(ending) >= 4}
    return any(said_word in {stem, stem + "s", stem + "es", stem + "d", stem + "ed", stem + "ing"} for stem in stems for said_word in said)


@rule("P101", "contact-name-missing", "error", "note")
def contact_name_missing(subject: Subject) -> Iterator[Hit]:
    """The contact's name is a stand-in ("Customer", "Mrs R", "Tenant", "IT Helpdesk") rather than a name.

    ## What it does
    Flags a note whose `contact.name` holds only a placeholder: a role ("customer", "caller",
    "account holder"), an abbreviation ("CT", "cx"), "unknown", "n/a", a bare title ("Mr") or a
    pronoun; a title with initials ("Mrs R", "Mr K."), or initials alone ("K."); or a role, relative or office written
    where the name belongs ("Tenant", "Carer", "Grandma", "School office", "IT Helpdesk", "PA",
    "Office mgr", "Grandparent", "Lender", "Paralegal", "Housekeeper"): a last word naming a role
    or a job (in the plural, a short form, a relative a generation or a marriage away: grand-,
    great-, step-; or a compound job: -keeper, -minder, -worker, -ician, ...), with nothing before
    it that reads as a name ("Emma Baker" is a name); or a description written in sentence case,
    its later words words of the language in lower case ("Dog walker", "Next of kin", "Person at
    the front desk"; "Jan van der Berg" is a name); or one word that the relationship repeats in
    lower case, or whose verb it uses, when it is a word for a doer ("Skipper", relationship
    "delivery skipper"; "Sharer", "rides under a share agreement"; "roommate", "roommate of the
    account holder", typed in lower case; but "Rose", "sister of the
    account holder", and "Will", "son who will take over the account"); a department ("Finance",
    "Accounts Payable"); a place with its number ("Room 204", "Flat 3B"). A title before a
    surname ("Reverend Penhaligon", "Cllr Amadi") is a name. The finding proposes moving the role into
    `relationship`. The schema already requires the field; this rule catches names that say nothing.

    ## Why
    The notes policy asks every note to name who we spoke with, so the next person knows whether
    they are talking to the same person, and a record-access request can be answered. If the contact
    would not give a name, write what is known ("Unnamed caller from the billing address") and
    silence this rule on the note with that reason.

    ## Example
    ```yaml
    contact:
      name: Customer
    ```
    Use instead:
    ```yaml
    contact:
      name: Alexander Erickson
      relationship: son of the account holder
    ```
    """
    assert subject.note is not None
    name = subject.note.contact.name
    if _names_nobody(name, subject) and not is_todo(name):  # a TODO is S004's to report
        role = name.strip().rstrip(".").lower()
        described = _role_not_name(name) or _written_as_a_phrase(name, subject) or _role_repeated(name, subject.note.contact.relationship)
        example = f"contact: {{name: <their name>, relationship: {role}}}" if described else "contact: {name: Maria Erickson, relationship: wife of the account holder}"
        yield Hit(("contact", "name"), f"contact name {describe(name)} is a placeholder, not a name; write the name of the person we spoke with, e.g. {example}")


def _same_person(contact: list[str], holder: list[str]) -> bool:
    """Whether a contact's name can be the account holder's ("A. Erickson", "Alexander", "Alexander Erickson")."""
    contact = [w for w in contact if w not in HONORIFICS]
    holder = [w for w in holder if w not in HONORIFICS]
    if not contact or not holder:
        return False
    if contact == holder or (len(contact) == 1 and contact[0] in holder):
        return True  # the whole name, or one of its words alone ("Alexander")
    # Every word of the contact's name matches a word (or an initial) of the holder's, and the surname matches ("Grace O.").
    if contact[-1] != holder[-1] and not (len(contact[-1]) == 1 and holder[-1].startswith(contact[-1])):
        return False
    return all(any(h == c or (len(c) == 1 and h.startswith(c)) for h in holder) for c in contact)


_KIN_WORDS = (
    r"(?:wife|husband|partner|son|daughter|mother|father|mum|mom|mam|dad|sister|brother|aunt|uncle|niece|nephew|gran|granny|grandma|"
    r"grandmother|grandad|grandpa|grandfather|grandson|granddaughter|parents?|children|kids?)"
)
# The reason says the contact called for a relative, or about a relative's account: "Called on behalf
# of his wife", "Ringing about his mum's membership", "call for her daughter account".
_FOR_A_RELATIVE = re.compile(
    rf"^\s*(?:[a-z]+\s+)?(?:called|calling|call|calls|rang|ringing|rings|phoned|phoning|asked|asking|asks|enquiring|inquiring|emailed|writing|wrote)\b"
    rf"[^.;]{{0,15}}?\b(?:on behalf of|for)\s+(?:her|his|their)\s+{_KIN_WORDS}\b(?!['’]s)(?!\s+(?:to|who)\b)|"
    rf"\b(?:her|his|their)\s+{_KIN_WORDS}(?:['’]s)?\s+(?:account|membership|bill|booking|policy|card|plan|subscription|renewal|statement|"
    rf"prescription|locker|fob|direct debit|details)\b"
)


@rule("P102", "contact-relationship-missing", "error", "note")
def contact_relationship_missing(subject: Subject) -> Iterator[Hit]:
    """The contact is not the account holder, and the note does not say how they are related.

    ## What it does
    Compares `contact.name` with the account holder's name in the customer's `customer.yaml`
    (ignoring case, titles such as "Mrs", "Reverend", "Cllr" or "Major", and initials, "Grace O."
    too; a first name or surname alone counts as the holder's; a relative with the holder's surname and another
    first name, "Maria Erickson" on Alexander Erickson's account, does not). A contact whose name
    only may be the holder's ("Mr Erickson", "Erickson") is flagged too when the reason says they
    called for a relative or about a relative's account ("Called on behalf of his wife", "Ringing
    about his mum's membership").
    When they differ and `contact.relationship` is absent,
    the note is flagged. Notes of a customer whose `customer.yaml` cannot be read are not checked.

    ## Why
    The policy asks for the relationship ("mother", "employee", "wife") whenever someone other
    than the account holder calls: it says whether they may act on the account, and it explains
    the note to the next reader.

    ## Example
    ```yaml
    # customer.yaml: name: Alexander Erickson
    contact:
      name: Maria Erickson
    ```
    Use instead:
    ```yaml
    contact:
      name: Maria Erickson
      relationship: wife of the account holder
    ```
    """
    assert subject.note is not None
    contact = subject.note.contact
    if subject.customer is None or contact.relationship is not None:
        return
    if _names_nobody(contact.name, subject) or is_todo(contact.name):
        return  # P101 or S004 already says the name is missing
    said, holder = normalise_name(contact.name), normalise_name(subject.customer.name)
    if not _same_person(said, holder):
        yield Hit(
            ("contact", "name"),
            f"{contact.name} is not the account holder ({subject.customer.name}); add contact.relationship "
            "(e.g. 'wife of the account holder')",
        )
    elif [w for w in said if w not in HONORIFICS] != [w for w in holder if w not in HONORIFICS]:
        relative = next((found.group(0) for text in subject.texts if text.loc == ("reason",) for found in [_FOR_A_RELATIVE.search(text.lowered)] if found), None)
        if relative:
            yield Hit(
                ("contact", "name"),
                f"{contact.name} may be a relative of the account holder ({subject.customer.name}), not the holder: the reason "
                f"says {relative!r}; add contact.relationship (e.g. 'son of the account holder')",
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
            whose = after[2:3] if len(after) > 2 and after[1] in _DETERMINERS else after[1:2]
            kept = [w for w in kept if w not in whose]
    if not _THINGS_AS_NOUNS.isdisjoint(words):  # rarely: a look at the word before each
        kept += [w for i, w in enumerate(words) if w in _THINGS_AS_NOUNS and i > 0 and words[i - 1] in _DETERMINERS]
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
    # "should be with her by the 20th": what we send, promised by a date.
    re.compile(r"\b(?:should|will|'ll)\s+be\s+with\s+(?:him|her|them)\s+(?:by|on|within|before|tomorrow|next)\b"),
    re.compile(rf"\b(?:promised|agreed|arranged)\s+to\s+{_PROMISE_VERBS}\b"),
    # "they will call her back tomorrow": someone calls the customer, so someone promised it.
    re.compile(r"\b(?:will|'ll|going to)\s+(?:call|ring|phone|email|text|contact)\s+(?:him|her|them|the customer"
               r"|the client|the caller)\s+(?:back|tomorrow|today|later|on|by|next|once|when|with|within|in)\b"),
    # "... and will get back to him tomorrow": getting back to the customer is always ours to do.
    re.compile(r"\b(?:will|'ll|to)\s+(?:get back to|follow up with|circle back to)\s+(?:him|her|them|the customer|the client|the caller)\b"),
    # "Anna will email him the statement": someone writes to the customer.
    re.compile(r"\b(?:will|'ll|going to)\s+(?:call|ring|phone|email|e-mail|text|contact|send|write to|update|post)\s+(?:him|her|the customer|the client|the caller)\b"),
    # "Told him I'd email the terms by Friday": a promise reported in the past tense.
    # "I check with the manager and come back to her": a promise in the present tense, as non-native writers put it.
    re.compile(r"\b(?:i|we)\b[^.;!?]{0,60}?\b(?:and|then)\s+(?:come|get|revert|call|ring|phone|write) back to (?:him|her|them)\b"),
    re.compile(
        rf"\b(?:(?:told|assured|promised|informed|advised|let)\s+(?:him|her|them|the customer|the client|the caller)(?:\s+know)?|said)\s+"
        rf"(?:that\s+)?(?:i|we|the team)(?:'d|\s+would)\s+{_FILLER}{_PROMISE_VERBS}\b"
    ),
)
# The writer or the team, in the future tense, doing something: "I'll email her the options", "we
# will order the part", "we'll do it next time". Not what is simply so ("we will need the form",
# "we'll see", "will do our best") or denied. The writer is often left out, opening a sentence or
# after a comma ("Going to check ...", "not sure, going to ask Lucie"); group 1 is then empty.
# Being on the way is an act: "will be in touch", "will be with her within four hours".
_ON_THE_WAY = r"\s+(?:in touch|back in touch|with (?:him|her|them)|round|over|out|there|back to (?:him|her|them))\b"
_ON_THE_WAY_AFTER = re.compile(_ON_THE_WAY)
# Verbs after "we will" that say what is so or decided, not done; a few are done with what follows them.
_SO_OR_DECIDED = "|".join((
    rf"be(?!{_ON_THE_WAY})",
    r"have(?!\s+(?:it|them|this|that|the\s+[a-z]+)\s+(?:(?:back\s+)?to|with|ready)\b)",  # "have it to her Thursday" is done
    r"keep(?!\s+(?:him|her|them)\s+(?:posted|informed|updated|in the loop))",  # "keep her posted" is done
    r"do(?!\s+(?:it|that|this|the|them|a|an)\b)",  # "do it on the next visit" is done
    r"need|not|never|use|hold|accept|allow|require|cover|apply|charge|cost|see|know|miss|only|still|probably|likely|always",
    r"the|a|an|his|her|their|my|our|this|that|waive|honour|honor|match|absorb|stand|hear|wait|leave",
))
_WE_WILL = re.compile(
    r"(?:\b(i|we)(?:\s*['’]ll|\s+will|\s+shall|\s+am going to|\s+are going to|\s+going to|['’]m going to|['’]re going to|\s+(?:expect|hope|aim|plan) to)"
    r"|(?:^|(?<=[,;:]))\s*(?:will|going to|(?:expect|hope|aim|plan) to))\s+"
    r"(?:then\s+|also\s+|first\s+|personally\s+|try to\s+|now\s+)?"
    rf"(?!(?:{_SO_OR_DECIDED})\b)[a-z]{{2,}}\b(?!\s+us\b)"
)
# Where the writer or the team stands before that "will": a clause's start, or after "told her (that)"
# ("asked if we'll deliver" is the customer's question). Looked at only where _WE_WILL matched.
_CLAUSE_BEFORE = re.compile(
    r"(?:^|[.;!?,(]\s*|\n|\b(?:and|so|then|but)\s+|\b(?:told|assured|promised|informed|advised)\s+(?:him|her|them)\s+(?:that\s+)?|"
    r"\b(?:confirmed|explained|agreed)\s+(?:that\s+)?)\s*$"
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
    r"(?:^|[.;!?,]\s*|\n|\b(?:so|then)\s+)(?:i|we)\s+(?!(?:could|would|might|should|can|may|was|were|had|did|have|has)\b)([a-z]+)\b[^.;!?]{0,80}?"
    r"\b(?:and|then)\s+(?:(?:i|we)\s+)?(?:call|ring|phone|email|e-mail|text|contact|tell|inform|update|send|write to|write)\s+(?:(?:mr|mrs|ms|miss|dr)\s+)?(?:him|her|them)\b"
)
# Past forms with no -ed: "I sent the form and ..." reports, it promises nothing.
_PAST_WITHOUT_ED = frozenset(
    """sent told rang spoke gave took made got went came left put let set found brought bought thought caught kept read
    wrote saw met paid said ran sat stood heard held understood chose drove rode knew lost won sold""".split()
)
_FUTURE_MARKS = ("'ll", "’ll", "will", "shall", "going to", "expect to", "hope to", "aim to", "plan to", "is to", "are to")
# The present tense for the future, with a time still to come, as non-native writers put it: "I ring
# her back on Monday", "We measure on Thursday", "I replace the zip this week". A day in the plural
# is a habit ("we deliver on Fridays"); a verb in the past reports ("I rang her on Monday").
_WE_DO_LATER = re.compile(
    r"(?:^|[.;!?,]\s*|\n|\b(?:so|then|and|that)\s+)(?:i|we)\s+"
    r"(?!(?:am|are|was|were|do|did|don't|can|could|would|should|will|shall|may|might|must|have|had|need|think|hope|know|believe|feel|see|"
    r"understand|want|agree|usually|normally|always|often|never|only|open|close|also|just|still)\b)([a-z]+)\b[^.;!?,]{0,60}?"
    r"\b(?:tomorrow|tonight|later today|this (?:week|afternoon|evening|morning)|next (?:week|month|time|visit)|first thing|"
    r"in the (?:morning|afternoon|evening)|after that|when (?:it|they|the)|once (?:it|they|the)|as soon as|"
    r"(?:on |next |this )(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?!s))\b"
)
_LATER_WORDS = frozenset(
    "tomorrow tonight later week afternoon evening morning next first after when once by monday tuesday wednesday thursday friday saturday sunday".split()
)
# A to-do written as an order to ourselves, opening a sentence: "Ring him the week before.", "Call her back Tuesday."
_TO_DO = re.compile(
    r"\s*(?:call|ring|phone|email|e-mail|text|contact|chase|remind)\s+(?:him|her|them)\s+"
    r"(?:back|tomorrow|today|tonight|later|next|first|ahead|the (?:week|day|morning|afternoon)|when|once|after|before|by|in|this|"
    r"(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b"
)
# What _WE_DO_THEN_TELL and _TO_DO need, without "will" or "to": a contact after "and", or opening a sentence.
_CONTACT_NEXT = re.compile(
    r"(?:\b(?:and|then|i|we)\s+|(?:^|[.;!?]\s*|\n)\s*)(?:call|ring|phone|email|e-mail|text|contact|chase|remind|tell|inform|update|send|write)\s"
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
_TYPED_FORMS = {"wil": "will", "em": "them", "n": "and"}
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


def _may_do_later(text: TextField) -> bool:
    """Whether a text has what _WE_DO_LATER or someone on it now needs: a word of a time to come, and "I" or "we", or
    a verb in -ing after "is" or "are" ("the team are arranging"), or one of ours with the writer left out ("Sending her ...")."""
    words = text.words
    if _LATER_WORDS.isdisjoint(words):
        return False
    if "i" in words or "we" in words or not _OUR_DOINGS.isdisjoint(words):
        return True
    return ("is" in words or "are" in words or "'" in text.lowered) and any(len(w) > 5 and w.endswith("ing") and w not in _NOT_VERBS for w in words)


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
# Said by the customer: their "we will" is not ours.
_REPORTED_SPEECH = re.compile(r"\b(?:said|says|told us|told me|replied|wrote|words?)\b[^.;!?]{0,12}[:\"“']")
# Every promise above holds "to ", an apostrophe ("we'll", "I'd") or one of these words: texts
# without any are skipped at once (a look-up of the text's words, not a search per word).
_PROMISE_WORDS = frozenset(
    """will would callback call follow scheduled booked arranged set coming popping dropping swinging heading next todo action
    expect hope aim plan keep calling ringing phoning emailing texting sending posting writing contacting getting should""".split()
)
# Narrower: a pattern above cannot match a sentence without one of these words or phrases, or
# without "to" opening the sentence ("To call back Monday"). Many texts pass the first look on a
# "to " alone; this one spares them the combined pattern, which is slow to search. Keep both in
# step with the patterns.
_PROMISE_MARKER_WORDS = frozenset(
    """will shall would promised agreed offered need needs needed must callback scheduled booked arranged coming popping dropping
    swinging heading todo action keep calling ringing phoning emailing texting sending posting writing contacting getting should""".split()
)
_PROMISE_MARKER_PHRASES = (
    "'ll", "'d", "going to", "has to", "have to", "call-back", "call back", "follow-up", "follow up", "set up", "back to",
    "next step", "to do", "expect to", "hope to", "aim to", "plan to", "to follow", "will follow", "be sent", "be posted", "be emailed",
    "be issued", "be ordered", "be reordered", "be arranged", "be fitted", "be made", "be redone", "be replaced", "be refunded", "be with",
)
_A_WORD_OF_TEXT = re.compile(r"[a-z]+(?:'[a-z]+)*")
_TO_OPENS_SENTENCE = re.compile(r"(?:^|[.!?;\n])\s*to\s")
_ANY_PROMISE = re.compile("|".join(f"(?:{p.pattern})" for p in _PROMISES))
# Someone of ours, named by role or name at the start of a clause, then what they will do:
# "Trainer to ring him back", "Dr Shah to email her the images", "Pharmacist will check again".
_ACTS = (
    r"(?:call|ring|phone|email|e-mail|text|contact|write|send|post|confirm|update|chase|check|look|get back|follow up|reach out|let|visit|"
    r"(?:pop|come|drop|swing|stop|nip) (?:round|by|over|in|out))"
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
    r"(?:(?:is|are)\s+|(?<='s )|(?<=’s ))(?:coming|popping|dropping|swinging|heading) (?:out|over|round|by|back)\b[^.;,!?]{0,30}?"
    r"\b(?:to (?!(?:the|a|an|us|me|his|her|their)\b)[a-z]+|tomorrow|today|tonight|later|this (?:afternoon|morning|evening|week)|next week|"
    r"(?:on |this |next )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))"
)
# Who acts is the phrase just before the verb. It may follow what we told the customer ("told
# her the engineer will come ..."); only then may the future be "would" ("told her a technician
# would visit"): otherwise "would" is a condition ("the fitter would need a ladder").
_WHO_WILL = re.compile(
    rf"(?:^|[.;!?]\s+|\n|,\s+|\band\s+)(?P<doer>(?:[\w'-]+\s+){{0,4}}?[\w'-]+)\s+"
    rf"(?:(?:will|to|'ll|is going to|are going to|would)\s+(?:then\s+|also\s+|first\s+)?{_ACTS}"
    rf"|(?:will|'ll|is going to|are going to|would)\s+(?:then\s+|also\s+|first\s+)?{_VISITS}|{_COMING})\b"
)
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
_A_TIME_TO_COME = (
    r"(?=[^.;!?]{0,60}?\b(?:tomorrow|tonight|later|this (?:afternoon|evening|morning|week)|next|first thing|in the (?:morning|afternoon|evening)|"
    r"when|once|as soon as|after|by (?:the|end|close|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"(?:on|for) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b)"
)
# What _A_TIME_TO_COME cannot match without (every weekday ends in "day"): a quick look first. Keep both in step.
_TIME_TO_COME_MARKS = ("tomorrow", "tonight", "later", "this ", "next", "first thing", "in the ", "when", "once", "soon", "after", "by the", "by end", "by close", "day")
_SOMEONE_WILL = re.compile(
    r"(?:^|[.;!?]\s+|\n|,\s+|\b(?:and|so|but|that)\s+)(?P<doer>(?:[\w'-]+\s+){0,4}?[\w'-]+?)(?:\s+(?:will|shall|is going to|are going to|is to|are to)|'ll|'s going to)\s+"
    r"(?:then\s+|also\s+|first\s+|personally\s+)?(?P<verb>[a-z]+)\b"
    # Or on it now, with a time to come: "she is emailing him the details this evening", "the dispatch
    # team are arranging a collection for Thursday".
    r"|(?:^|[.;!?]\s+|\n|,\s+|\b(?:and|so|but|that)\s+)(?P<busy>(?:[\w'-]+\s+){0,4}?[\w'-]+?)(?:\s+(?:is|are|am)|'s|'m|'re)\s+"
    rf"(?P<doing>[a-z]+ing)\b{_A_TIME_TO_COME}"
    # Or on it now with the writer left out: "Sending her the revised quote tonight", "Reprinting at our cost, with her by the 20th".
    rf"|(?:^|[;,]\s*)(?P<left_out>{'|'.join(sorted(_OUR_DOINGS))})\b{_A_TIME_TO_COME}"
)
# A condition after the act: "the vet will prescribe antibiotics only if it is no better".
_IF = re.compile(r"[^.;!?]*?\b(?:if|unless|in case)\b")
# Said to explain how things work, not to promise: "Explained reception will ask for photo ID".
_EXPLAINING = frozenset("explained explains explaining described outlined clarified".split())
# Verbs in -ing that are not work on the customer's behalf: "is away", "is waiting", "is working Saturday".
_NOT_DOING = frozenset(
    """being having needing wanting waiting hoping struggling going coming getting feeling thinking trying expecting leaving working
    starting running closing opening using paying staying visiting moving travelling traveling looking""".split()
)
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
_A_VISIT_ENDS = frozenset("round by over in out".split())
# A round that recurs is a standing arrangement, not a promise of a follow-up.
_RECURRING = re.compile(
    r"\b(?:(?:every|each) (?:day|week|fortnight|month|quarter|year|time|visit|morning|evening|spring|summer|autumn|winter|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)|whenever|weekly|fortnightly|monthly|quarterly|annually|yearly|regularly|"
    r"(?:on )?(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|weekends))\b"
)
# "Quote to follow by email", "a replacement will be sent once stock is back": what we send, its sender
# left out. Not what the customer asked for ("asked for the invoice to be sent to her son").
_THING_SENT = re.compile(
    r"\b(?:quote|estimate|replacement|refund|invoice|letter|report|proof|proofs|copy|confirmation|certificate|credit note|receipt|"
    r"statement|form|forms|contract|details|results|paperwork|part|parts)\s+"
    r"(?:to follow|will follow|(?:to be|will be|is being)\s+(?:sent|posted|emailed|issued|ordered|reordered|arranged|fitted|made|redone|replaced|refunded)(?:\s+out)?)\b"
)
_ASKED_FOR = re.compile(r"\b(?:asked for|asks for|asking for|wants?|wanted|would like|requested|requests)\b")
# Third parties named by role, never ours: "the landlord will arrange access", "the freeholder will repair it".
_THIRD_PARTIES = frozenset("landlord landlady freeholder insurer insurers lender solicitor solicitors gp employer police hmrc".split())
# People of ours by trade, besides the roles and offices of ROLE_NAMES.
_TRADES = frozenset(
    """tech techs crew crews fitter fitters plumber plumbers installer installers groomer groomers tuner tuners cleaner cleaners sweep
    sweeps vet vets pharmacist pharmacists dentist dentists hygienist optometrist tailor tailors chef chefs decorator decorators roofer
    roofers builder builders joiner joiners carpenter carpenters glazier gardener gardeners valuer inspector inspectors assessor
    assessors rep reps colleague colleagues someone somebody trainer trainers instructor instructors tutor tutors coach physio
    stylist stylists photographer photographers designer designers baker bakers""".split()
)
_TO_ACT = re.compile(rf"\bto\s+(?:then\s+|also\s+|first\s+)?{_ACTS}\b")
# "... will check again Monday and text him", "will have another look and let her know".
_WILL_THEN_TELL = re.compile(
    r"(?:^|[.;!?,]\s+|\n)(?P<doer>(?:[\w'-]+\s+){0,3}?)(?:will|'ll|going to|would)\b[^.;!?]{0,60}?\b(?:and|then)\s+(?:let (?:him|her|them) know|"
    r"(?:call|ring|phone|text|email|e-mail|update|contact|send|post|forward|write to|get back to|come back to|revert to|follow up with) (?:him|her|them))\b"
)
# Who is not us: the customer and their side. What they will do is theirs to do.
_THEIR_SIDE = frozenset(
    """he she they them him her it customer customers caller client tenant tenants patient guest member contact holder
    cx ct his their wife husband son daughter mother father mum dad family owner supplier courier lab bank""".split()
)
# Words that make the phrase before "to" a verb's, not a person's: "asked to", "wants to", "needs to".
_NOT_A_DOER = frozenset(
    """asked asks wants wanted needs needed told tells advised advises like likes would prefer prefers tried trying
    going unable able forgot happy willing reminded due has have had is was were are be been free how what when
    where why whether if wrote sent rang spoke went came gave took made got said back way time order""".split()
)

_NO_FOLLOW_UP = re.compile(r"\bno (?:follow[- ]?up|callback|call back|further action)\b|\b(?:declined|refused|did not want|does not want|doesn't want) (?:a )?(?:follow[- ]?up|callback|call back)\b")


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
    the 20th"); a task handed to a colleague ("Asked Jonah in finance to ring her back"); the writer
    doing anything in the future tense ("I'll email Marisol the options", "we'll be in touch",
    "I'm going to print it", "I'll keep her posted", "Expect to have it to her Thursday"; not
    what is simply so: "we will need access to the loft"); the present tense for the future, as
    non-native writers put it ("I check with the manager and come back to her", "I ask the manager
    and write Mr Demir back until Friday", "I ring her back on Monday", "We measure on Thursday", "I text her when it's on the rail"); a colleague on the way ("Priya is coming out on Friday
    to look at it", "told her a technician would visit"); a thing we send with its sender left
    out ("Quote to follow by email", "Replacement to be sent out once stock is back"); the writer
    left out after a comma ("not in yet, will ring her when it lands"); promises typed on a phone,
    read with their slang written out ("gonna ask Lucie n email her back", "wil txt her"); a to-do
    written as an order or after a label ("Ring him the week before", "Next step: book the
    fitter"); a promise to the customer by name ("I'll text Beatrice"); a colleague's act told to
    the customer with "would" ("Told her Gabe would get the technician in and email her", "Said
    Kevin would re-code the fob"); a visit after "to" ("Marco to swing by next week"); a name read
    on into a clause after "and" that leaves it out, or into "he" or "she" opening the next
    sentence ("Steve's finishing the report tonight and will email it to him", "Dan's borrowing a
    grinder and coming back Friday", "Wade is booked Monday. He will come out Tuesday"). A note with such a
    promise needs `follow_up: {due, owner, action}`, which the finding drafts.

    Not flagged: what the customer or their side will do ("customer will call back if...",
    "Customer happy, will ring us if it drips again", "tenant to leave the stopcock off"; in the
    reason, which is the customer's, a clause without its subject, or what they asked for: "Asked
    for the invoice to be sent to her son"); a request to us ("asking us to confirm the dates");
    the customer's own words ("she said: we will never come back") or question ("asked when we
    will send the invoice"); how things work, a price or a condition ("Explained reception will ask
    for photo ID", "the plumber will charge a call-out fee", "the vet will prescribe antibiotics
    only if it is no better"); a third party named by role, or a decision ("the landlord will
    arrange access", "the council will decide on the planning"); a TODO left in place of the text (S004's); what happens by itself ("the app will update overnight", "the
    tablets will take three days to work", "the membership will renew"); a decision ("we will
    waive the fee"); a habit or a round that recurs ("we deliver on Fridays", "the technician
    will visit every quarter"); what happens at a visit the note says was booked ("Booked an
    engineer for 14 March; the engineer will phone before arriving", "the therapist will assess
    her knee; the session is booked"); and what was done ("I checked the traps and texted him").

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
    names = _their_names(subject)
    spelt_out, forms = _typed_forms(subject.lexicon.spelt_out)
    for text in subject.texts:
        if text.loc[0] not in ("reason", "resolution", "internal") or is_todo(text.text):
            continue  # a TODO placeholder ("TODO: what was done or promised") is S004's to report
        typed = not forms.isdisjoint(text.words)
        lowered = _in_words(text.lowered, spelt_out) if typed else text.lowered
        words = _A_WORD_OF_TEXT.findall(lowered) if typed else text.words
        if "to " not in lowered and "'" not in lowered and _PROMISE_WORDS.isdisjoint(words):
            if not _contact_next(text, names) and not _may_do_later(text):
                continue
        elif (
            _PROMISE_MARKER_WORDS.isdisjoint(words)
            and not any(marker in lowered for marker in _PROMISE_MARKER_PHRASES)
            and not _TO_OPENS_SENTENCE.search(lowered)
            and not _TO_ACT.search(lowered)
            and not _contact_next(text, names)
            and not _may_do_later(text)
        ):
            continue
        if _NO_FOLLOW_UP.search(lowered):
            continue
        # Sentences of the text as written: masking an id takes the full stop after it ("repair 88124.").
        written = sentences(text.text)
        said = _their_names_as_pronouns(text, names)
        # A reason is the customer's: a clause there without its subject is theirs ("gonna move out end of month").
        in_reason = text.loc == ("reason",)
        previous = ""
        for index, sentence in enumerate(sentences(_in_words(said, spelt_out) if typed else said)):
            read = _subject_carried(sentence, previous, text)
            previous = sentence
            promise = any(not _theirs_to_do(read, found, in_reason) for found in _ANY_PROMISE.finditer(read))
            if (promise or _ours_will(read, in_reason, subject.texts, text)) and not _a_question(sentence):
                action = _preference_text(written[index] if index < len(written) else sentence)
                yield Hit(
                    text.loc,
                    f"{describe(sentence.strip())} promises a follow-up, but follow_up is none; add "
                    f"follow_up: {{due: <date promised>, owner: {subject.note.author}, action: {action}}}",
                )
                return


# A name opening a clause, before what it does: "Steve's finishing ...", "Wade is booked ...", "Gabe will ...".
_OPENING_NAME = re.compile(r"\s*([a-z][\w-]*)(?:'s|\s+is|\s+will|'ll)\s")
# "He" or "she" opening a sentence, and its verb when joined to it: "he'll drop round".
_PRONOUN_OPENS = re.compile(r"(he|she)('ll|'s)?(?= )")
# Someone named after what we told the customer, then "would": "told her Gabe would ...", "said Kevin would ...".
_TOLD_WOULD = re.compile(r"\b((?:(?:told|assured|promised|informed|advised)\s+(?:him|her|them)|said)\s+(?:that\s+)?(?:[\w'-]+\s+){1,3}?)would\b")
# A clause after "and" that leaves its subject out: "... and will email it to him", "... and coming back Friday".
_SUBJECT_LEFT_OUT = re.compile(r"\band (?:(?=(?:will|'ll|is going to)\s)|(?=(?:coming|popping|heading|swinging|dropping) ))")


def _subject_carried(sentence: str, previous: str, text: TextField) -> str:
    """The sentence with the name of one of ours put where a clause leaves it out or says it as "he" or "she".

    "Steve's finishing the report tonight and will email it to him" reads "... and steve will email it to
    him"; "Wade is booked solid Monday. He will come out Tuesday" reads "wade will come out Tuesday". Only a
    name opening a sentence counts: the customer's name is read as "them", and "the boiler is leaking
    and will need a valve" has no name.
    """
    pronoun = _PRONOUN_OPENS.match(sentence) if previous and sentence.startswith(("he", "she")) else None
    if pronoun:
        found = _OPENING_NAME.match(previous)
        if found and found.group(1) not in _THEIR_SIDE and found.group(1) in _capitalised(text).opening:
            verb = {"'ll": " will", "'s": " is"}.get(pronoun.group(2), "")
            sentence = found.group(1) + verb + sentence[pronoun.end() :]
    if "would" in sentence:  # told to the customer, "would" is what will be done: "Promised him Lukas would solder it"
        sentence = _TOLD_WOULD.sub(r"\1will", sentence)
    if " and " in sentence and _SUBJECT_LEFT_OUT.search(sentence):
        found = _OPENING_NAME.match(sentence)
        if found and found.group(1) not in _THEIR_SIDE and found.group(1) in _capitalised(text).opening:
            name = found.group(1)
            sentence = _SUBJECT_LEFT_OUT.sub(lambda left: f"and {name} is " if sentence[left.end() :].split(" ", 1)[0].endswith("ing") else f"and {name} ", sentence)
    return sentence


_OWN_WORDS = {"she": {"her"}, "he": {"him", "his"}, "they": {"them", "their"}}
_PERSON_WORDS = {"her", "him", "his", "them", "their"}
_BEFORE_THE_VERB = re.compile(r"([a-z']+)\s+(?:(?:is|are|was|were|also|then)\s+)*$")


def _theirs_to_do(sentence: str, found: re.Match[str], in_reason: bool) -> bool:
    """Whether a promise's "will" or "going to" has the customer's side as its subject: "she is going to send her ...".

    Not a passive one: "the customer will be contacted by billing" is our promise.
    """
    said = found.group(0)
    if in_reason and said.lstrip(" .;\n").startswith(("will ", "to ", "going to ")) and not _A_WORD.search(sentence, 0, found.start()):
        return True  # a reason's clause without its subject: the customer's ("Will call back after asking her husband")
    if not said.startswith(("will", "'ll", "going to", "shall")) or " be " in said:
        return False
    subject = _BEFORE_THE_VERB.search(sentence, 0, found.start())
    if subject is None or subject.group(1) not in _THEIR_SIDE:
        return False
    # "she will ring him": she is one of ours, ringing him; "she is going to send her email": her own.
    own = _OWN_WORDS.get(subject.group(1))
    return own is None or (_PERSON_WORDS & set(said.split())) <= own


def _ours_will(sentence: str, in_reason: bool, texts: list[TextField], text: TextField) -> bool:
    """Whether someone of ours, named by role or name, will contact the customer or act for them.

    Not one whose visit the note says was booked ("Booked an engineer for 14 March. Told her the
    engineer will phone before arriving."): the booking is on the diary already.
    """
    for pattern in (_WHO_WILL, _WILL_THEN_TELL):
        for found in pattern.finditer(sentence):
            doer, told = _doer(found.group("doer"), in_reason)
            if not told and sentence[found.end("doer") :].lstrip().startswith("would"):
                continue  # "the fitter would need a ladder": a condition, not a promise
            if not in_reason and _HANDED_TO.match(found.group("doer")) and not _REACHES_THEM.search(re.split(r"[,;]", sentence[found.end("doer") :])[0]):
                continue  # "asked maintenance to look at the timer": work handed on, nothing promised to the customer
            # A word in -ing before "to" is a verb's ("not sending to"); before "will" it names a team ("billing will").
            gerund = bool(doer) and doer[-1].endswith("ing") and sentence.startswith("to ", found.end("doer") + 1)
            if doer and (
                _THEIR_SIDE.intersection(doer) or _NOT_A_DOER.intersection(doer) or any(len(w) > 5 and w.endswith("ed") for w in doer) or gerund
                or doer[-1] in ("us", "me")
            ):
                continue  # the customer's side, a verb's phrase ("asked to", "wrote back to confirm", "not sending to"), a request ("asking us to")
            if _A_FEATURE_WORKS.match(sentence, found.end()):
                continue  # "scan to email works": the name of a feature, then what it does
            if doer and doer[-1] in _booked(texts):
                continue
            last = found.group(0).split()[-1]
            if doer and pattern is _WHO_WILL and (last in _DONE_BY_THINGS or last in _A_VISIT_ENDS) and not _a_person(doer, _capitalised(text), singular=_SINGULAR.search(found.group(0)) is not None):
                continue  # "the app will update overnight", "the stain to come out": a thing
            return True
    if (
        "booked" not in sentence
        # "will ...", or "is emailing him ... tonight": someone on it now needs a time to come
        and (any(future in sentence for future in _FUTURE_MARKS) or ("ing " in sentence and any(mark in sentence for mark in _TIME_TO_COME_MARKS)))
        and _someone_of_ours_will(sentence, in_reason, text, texts)
    ):
        return not _REPORTED_SPEECH.search(sentence)  # not when the occasion is booked ("at the check-up she booked")
    if not in_reason and _THING_SENT.search(sentence) and not _ASKED_FOR.search(sentence) and not _a_booking(texts):
        return True  # not a certificate that follows a booked visit
    promised = (
        (any(future in sentence for future in _FUTURE_MARKS) and _we_will(sentence, in_reason))
        or _LABELLED_TO_DO.search(sentence)
        or _TO_DO.match(sentence)
        or (
            ("and " in sentence or "then " in sentence)
            and (" him" in sentence or " her" in sentence or " them" in sentence)
            and any(_present(found.group(1)) for found in _WE_DO_THEN_TELL.finditer(sentence))
        )
        or any(_present(found.group(1)) for found in _WE_DO_LATER.finditer(sentence))
    )
    # "she said: we will never come back": the customer's words, not our promise.
    return bool(promised) and not _REPORTED_SPEECH.search(sentence)


_A_WORD = re.compile(r"[a-z]")
# A to-do after a label: "Next step: book the fitter", "Action: chase the lab", "TODO - ring the supplier".
_LABELLED_TO_DO = re.compile(
    r"\b(?:next steps?|to ?do|action(?: points?)?|plan)\s*[:–-]\s*"
    r"(?!(?:none|nothing|n/a|na|no|nil|customer|client|caller|she|he|they|her|his|their|it|wait|awaiting|pending)\b)[a-z]+"
)


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
_A_BOOKING = re.compile(r"(?<!not )(?<!n't )(?<!be )\b(?:booked|scheduled)\b(?!\s+(?:yet|in yet)\b)")


def _a_booking(texts: list[TextField]) -> bool:
    """Whether a note records a visit or a session booked: what a person of ours will do there is on the diary."""
    return any(_A_BOOKING.search(text.lowered) for text in texts if "booked" in text.lowered or "scheduled" in text.lowered)


def _booked(texts: list[TextField]) -> frozenset[str]:
    """Who or what a note says was booked: their visits are on the diary."""
    return frozenset(found.group(1) for text in texts if "booked" in text.lowered or "scheduled" in text.lowered or "arranged" in text.lowered
                     for found in _BOOKED.finditer(text.lowered))


# A task handed to someone, before who is to do it: "asked Jonah in finance to ring her back".
_HANDED_TO = re.compile(r"^(?:asked|emailed|messaged|texted|left a (?:note|message) for|passed (?:it |this )?(?:on )?to|handed (?:it |this )?(?:over )?to)\s+")


# A task handed on promises the customer something when it reaches them: "asked Jonah to ring her back".
_REACHES_THEM = re.compile(r"\b(?:him|her|them|call|ring|phone|email|e-mail|text|contact|write|get back|follow up|reach out|let)\b")


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
    if len(words) >= 2 and words[0] == "said":  # "Said Kevin would re-code the fob"
        return words[2:] if words[1] == "that" else words[1:], True
    return words, False


_DETERMINERS = frozenset("the a an this that these those his her their its my".split())
_AGENT_ENDINGS = ("or", "ist", "ian")  # an estimator, a pharmacist, a technician


def _a_person(doer: list[str], capitalised: Names, opening_name: bool = True, singular: bool = False) -> bool:
    """Whether who acts is a person of ours: ours ("our estimator"), a role, office or trade ("an engineer", "the
    accounts team", "someone from claims"), a doer by its ending ("the surveyor"), or a name ("Jonah in finance", "Marta")."""
    if "our" in doer or doer[-1].endswith(_AGENT_ENDINGS):
        return True
    if opening_name and len(doer) == 1 and doer[0] in capitalised.opening and (singular or not a_plural(doer[0])):
        return True  # a name alone opening the sentence ("Jess is going to ..."); not "Invoices are going to ..."
    return any(word in _TRADES or _is_role(word) or word in capitalised.inside or word in HONORIFICS for word in doer if word not in _DETERMINERS)


# Who an act is done to, right after its verb: "email him", "reach out to him", "get back to her".
_DONE_TO = re.compile(r"\s*(?:will|shall|is going to|are going to|'ll|is|are|'s|'re)?\s*(?:[a-z-]+\s+){1,2}?(?:(?:back|out)\s+)?(?:to\s+)?(him|her)\b")


def _to_someone_else(pronoun: str, rest: str) -> bool:
    """Whether "she", "he" or "they" act on another person ("she will email him", "they'll reach out to him"): one of ours, then.

    Only "him" and "her" count: "them" after "she will collect" is as often the things she collects.
    """
    done_to = _DONE_TO.match(rest)
    return done_to is not None and done_to.group(1) not in _OWN_WORDS[pronoun]


def _someone_of_ours_will(sentence: str, in_reason: bool, text: TextField, texts: list[TextField]) -> bool:
    """Whether a person of ours will act: "Marta will order a replacement lens", "an engineer will be with her"."""
    for found in _SOMEONE_WILL.finditer(sentence):
        doing = found.group("doing") or found.group("left_out")
        if doing in _NOT_DOING or (doing and not doing.endswith(("ing",))):
            continue
        if found.group("left_out"):
            if not in_reason:
                return True  # the writer, left out: "Sending her the revised quote tonight"
            continue
        busy = found.group("busy")
        doer, _ = _doer(busy or found.group("doer"), in_reason)
        verb = found.group("verb") or ""
        if not doer or (verb in _NOT_AN_ACT and not (verb == "be" and _ON_THE_WAY_AFTER.match(sentence, found.end()))):
            continue  # what is so or happens by itself: "the tablets will take three days"
        if _RECURRING.search(sentence) or _a_booking(texts) or _IF.search(sentence, found.end()):
            continue  # a round that recurs ("will visit every quarter"), what happens at a visit on the diary, or on a condition
        if _EXPLAINING.intersection(doer):
            continue  # how things work: "Explained reception will ask for photo ID"
        if doer in (["i"], ["we"]):
            if busy:
                return True  # "I'm emailing her tonight"; "I will ..." is _we_will's
            continue
        if doer in (["she"], ["he"], ["they"]):
            if _to_someone_else(doer[0], sentence[found.end("busy" if busy else "doer") :]):
                return True  # "they'll reach out to him", "she is emailing him": one of ours, to the customer
            continue
        if _THEIR_SIDE.intersection(doer) or _NOT_A_DOER.intersection(doer) or _THIRD_PARTIES.intersection(doer) or doer[-1] in ("us", "me"):
            continue  # the customer's side, a third party, or a verb's phrase
        if _a_person(doer, _capitalised(text), opening_name=not busy):
            return True  # on it now ("is making"), a word opening the sentence is a thing as often as a name ("Car is making noise")
    return False


def _present(verb: str) -> bool:
    """Whether a verb after "I" or "we" is in the present tense: not "checked", "sent", "rang"."""
    return not verb.endswith("ed") and verb not in _PAST_WITHOUT_ED


def _their_names(subject: Subject) -> frozenset[str]:
    """The words of the contact's and the account holder's names, titles aside."""
    assert subject.note is not None
    return _names_of(subject.note.contact.name, subject.customer.name if subject.customer is not None else "")


@lru_cache(maxsize=4096)
def _names_of(contact: str, holder: str) -> frozenset[str]:
    return frozenset((set(normalise_name(contact)) | set(normalise_name(holder))) - HONORIFICS)


def _their_names_as_pronouns(text: TextField, names: frozenset[str]) -> str:
    """The text in lower case, the customer's and the contact's names read as "them": "I'll text Beatrice" is a promise to them."""
    lowered = text.text.lower()
    if not names or names.isdisjoint(text.words):
        return lowered
    return re.sub(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b", "them", lowered)


_CHANGE_VERB = re.compile(
    r"\b(?:changed|updated|corrected|replaced|amended|switched|modified|edited|swapped|moved|increased|reduced|"
    r"raised|lowered|added|removed|took|taken|unsubscribed|subscribed|reactivated|deactivated|downgraded|transferred|"
    r"put|bumped|upgraded|converted|opted|pointed(?!\s+out\b)|redirected|diverted|rerouted|set|renamed|unlinked|delinked|enrolled|unenrolled|"
    r"handed|extended|shortened|turned(?=\s+(?:off|on)\b)|signed(?=\s+(?:him|her|them)\s+up\b)|"
    # A move down or up a level: "dropped her down to the pool-only tier".
    r"(?:dropped|knocked|stepped)(?=\s+(?:[\w-]+\s+){1,2}(?:down|up|back)\s+(?:to|onto)\b)|"
    # The perfect tense with the plain verb, as second-language writers put it: "I have change the number".
    r"(?:(?<=\bhave )|(?<=\bhas )|(?<=\bhad ))(?:change|update|correct|amend|switch|replace))\b"
)
# Every match of _CHANGE_VERB is one of these words: a text without any is passed at once. Keep them in step.
_CHANGE_VERB_WORDS = frozenset(
    """changed updated corrected replaced amended switched modified edited swapped moved increased reduced raised lowered added
    removed took taken unsubscribed subscribed reactivated deactivated downgraded transferred put bumped upgraded converted opted
    pointed redirected diverted rerouted set renamed unlinked delinked enrolled unenrolled turned signed dropped knocked stepped
    handed extended shortened change update correct amend switch replace""".split()
)
# The account field a verb of change acts on, in the words after it up to the end of the clause:
# "updated her card details", "switched them to annual billing", "took her off the mailing list".
_FIELD_IN_CLAUSE = re.compile(
    r"\b(" + "|".join(re.escape(f) for f in sorted(CHANGE_FIELDS, key=len, reverse=True)) + r")\b(?:\s+(\w+))?"
)
_CLAUSE_END = re.compile(r"[,;:()]|\s(?:and|but|so|because|as|then)\s")
_CLAUSE_WORDS = 10  # a verb's object is within this many words of it
_FIELD_WORDS = frozenset(word for name in CHANGE_FIELDS for word in re.findall(r"[a-z]+", name))
_POSSESSIVES = frozenset({"his", "her", "their"})
_THEM_TO = re.compile(r"^\s*(?:him|her|them)\s+(?:to|onto)\s+\w+")
# "changed her home branch to ...": a thing of the customer's given a new value.
_THEIR_THING_TO = re.compile(
    r"^\s+(?:his|her|their|(?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|yesterday|tonight|week|month|year)['’])[a-z]+['’]s)\s+"
    r"(?!(?:back|up|down|over|off|out|in|on|around|forward|across)\b)((?:[a-z-]+\s+){0,2}[a-z-]+)\s+(?:to|from)\b"
)
# A field after "under" files something by it: "held under her name", "logged under his postcode".
_UNDER_A_FIELD = re.compile(r"\b(?:under|quoting)\s+(?:(?:his|her|their|the|its|our)\s+)?(?:[a-z-]+\s+)?$")
_NOT_ACCOUNT = re.compile(
    r"\b(?:mind|appointment|booking|seat|room|flight|order|delivery|slot|visit|session|class|reservation|table|ticket|car|"
    r"bag|luggage|parcel|package|dog|cat|pet|child|son|daughter|wife|husband|mother|father|shift|"
    # What a pharmacy or a surgery gives, not what the account holds: "changed her prescription to the 20mg tablets".
    r"prescription|medication|medicine|dose|dosage|tablet|treatment|diet|food|feed|vaccination|vaccine|jab|check-up|checkup|operation|"
    r"surgery|procedure|consultation|scan|groom|"
    # Money moved between accounts is a payment, not a change: "moved her funds into the savings account".
    r"fund|money|cash|saving)s?\b"
    # Unless it only says which of the account's settings: "her delivery address", "the appointment reminders".
    r"(?!\s+(?:ad+res+e?s?|details|reminders?|notifications?|alerts?|preferences?|settings?|instructions?|days?|dates?|account|app|profile|record)\b)"
)
_OTHER_OBJECT = re.compile(r"\b(?:request|call|case|ticket|complaint|query|appointment|parcel|question|letter|message|note|file|claim)s?\b")
# The old and the new value, both given: "from 120 to 104" (not "from 120 covers to fewer").
_FROM_TO = re.compile(r"\bfrom\b.+\bto\b(?!\s+(?:fewer|more|less|lower|higher|something|another|a new|the new)\b)")
# What a verb of change did to a thing of the customer's, without naming the field: the record it
# was put on ("put his new address on the account"), the old value it replaced ("instead of the
# walkers"), or a new value it moved to ("bumped his budget up", "swapped his number over").
_ON_THE_RECORD = re.compile(
    r"\b(?:(?:on|in|onto|into|to|off|from) (?:the|our|his|her|their|(?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow)'s)[a-z]+'s) "
    r"(?:[a-z-]+ )?(?:account|file|system|record|records|database|register|profile|"
    r"list|details|policy|contacts)|(?:on|in|onto) (?:file|record))\b"
)
_INSTEAD_OF = re.compile(r"\binstead of\b")
# Every text _changed_thing finds a change in without a field or a possessive holds one of these.
_CHANGE_CUES = frozenset(
    """instead account file system record records database register profile list details changed switched moved converted
    upgraded downgraded up down over across onto him them""".split()
)
# Not along something or onto a list: "moved her name up the waiting list", "put her name down for the rota".
_THEIR_THING_MOVED = re.compile(r"^\s*(?:his|her|their)\s+(?:new\s+|old\s+)?((?:[a-z-]+\s+){0,2}?[a-z-]+)\s+(?:up|down|over)\b(?!\s+(?:the|for)\b)")
# Words that end the name of a changed thing, or show the clause does not begin with one.
_NOT_A_THING = frozenset("on in onto into to off from for over up down out instead of him her them it".split())
_THING_TO = re.compile(r"^\s*(?:(?:his|her|their|the)\s+)?(?!(?:across|towards|afterwards|always|perhaps)\b)([a-z]+s)\s+to\s+\w+")


@rule("P106", "change-without-from-to", "error", "note")
def change_without_from_to(subject: Subject) -> Iterator[Hit]:
    """An account change is described, but not recorded from -> to.

    ## What it does
    Flags (a) an entry of `changes` that lacks `from` or `to`, and (b) text that says something of
    the account was changed when `changes` is empty and the sentence does not give the old and
    new values itself: a verb of change ("updated", "switched", "took ... off", "reactivated")
    with an account field in its clause ("her card details", "annual billing", "the mailing list",
    "the Starter plan", "the direct debit"), or a thing of the customer's set to a new value
    ("changed her home branch to Elmsworth", "swapped his number over on the file", "changed her
    delivery adress on file to the new flat", "bumped his budget up", "put him on the bus list
    instead of the walkers", "changed lessons to online"); messages sent somewhere new ("set the
    reminders to go to his mobile instead", "pointed the statements at her work email"); the
    customer, or someone or something of theirs, moved to a level or a product ("bumped Dolly up
    to full livery", "switched him over to the annual contract", "dropped her down to the
    pool-only tier", "signed her up to the monthly scheme"); someone added to or taken off the
    account ("added her husband as an authorised user on the account", "took her mother off the
    family membership"); the account given to another holder ("switched the account over to
    Sandhu Lettings Ltd", "swapped it over to Greg" after the account is named); a person named by
    title moved onto a product ("Moved Ms Byrne onto the fixed-fee bookkeeping service"); taken off
    or removed from a scheme, a programme or a plan ("took plot 42 off the letting scheme"); the
    terms the account pays on extended or changed ("extended the credit terms to 45 days"); a setting turned off or a phone unlinked ("turned off the paper
    statements", "unlinked the old handset from her account"); an account renamed; the plain verb
    after "have", as second-language writers put it ("I have change the number"); and in the
    resolution, a field named before its verb, as terse notes put it ("Address updated", "Her
    email has been changed to the work one", "New card added to the account"), the new state said
    with "now" ("She is now on the annual plan", "Membership now in her married name"), or the
    change named as a noun ("Processed her change of address", "Change of name done"); messages
    added or removed ("removed the SMS reminders from her profile"), "her details" updated, a
    field set to a value ("set the direct debit date to the 16th"), a direct debit set up, opted
    into a scheme. A verb acting on something else ("moved the appointment", "transferred
    the request for a payment plan", "changed the card message", "pointed out the fee was
    waived", "put Sassy first on Thursday's list", "the hem was shortened", "replaced the zip", "put the
    £20 back on her card", "switched her over to Adaeze", "put him through to the billing
    team", "moved her onto rubber mats", "changed the seats to row F", "changed her prescription
    to the 20mg tablets", "added a note to her account", "Call transferred to billing", "the date
    of birth on the order of service", "moved her funds into the savings account", "put her name
    down for the rota", "moved her name up the waiting list", "moved Tobi's jab to next week";
    a thing of someone named is the account's only as a standing setting or a field: "changed
    Tobi's home pool to Hove", not "changed Tobi's snack to the dairy-free one") is not a change of the account ("opted her out of the
    newsletter", "set her up on direct debit", "upgraded her to the full service" are), nor is a
    field that only files something ("put two aside under his name") or belongs to something
    else ("the number of visits", "his plan of lessons"), nor a change the customer made ("she
    updated it online", "changed online by her husband"; in the reason, a verb with no subject is
    the customer's: "Changed the pickup address twice"), nor one for a single order ("for this
    order only"), nor one denied ("was not changed", "no change to her membership").
    Cancelling is an action, not a change. Passwords and PINs are never recorded, so they are
    not looked for.

    ## Why
    The policy asks that every change to the account be noted "from-to": when a customer says
    "I never changed my email", the old value is the only way to check.

    ## Example
    ```yaml
    resolution:
      - Updated the customer's email address.
    changes: []
    ```
    Use instead:
    ```yaml
    changes:
      - {field: email, from: alexmart@covesmart.com, to: alex.cmart@covesmart.com}
    ```
    """
    note = subject.note
    assert note is not None
    for index, change in enumerate(note.changes):
        missing = [name for name, value in (("from", change.from_), ("to", change.to)) if value is None]
        if missing:
            yield Hit(("changes", index), f"the change of {change.field} has no {' and no '.join(missing)}; record both the old and the new value (write \"\" for an empty one)")
    if note.changes:
        return
    for text in subject.texts:
        if text.loc[0] not in ("reason", "resolution", "internal"):
            continue
        if _FIELD_WORDS.isdisjoint(text.words) and _POSSESSIVES.isdisjoint(text.words) and _CHANGE_CUES.isdisjoint(text.words):
            continue  # no account field named, nothing of theirs, no record or new value named: nearly every text
        stated = text.loc[0] != "reason" and ("now" in text.words or "change" in text.words or "changes" in text.words)
        if not stated and _CHANGE_VERB_WORDS.isdisjoint(text.words):
            continue  # no verb of change among its words
        lowered = text.text.lower()
        if not (stated or _CHANGE_VERB.search(lowered)) or _NO_CHANGE.search(lowered):
            continue  # no verb of change or new state anywhere (sentences only cut the text at spaces), or the text says nothing changed
        for original in sentences(text.text):
            sentence = original.lower()
            if _FROM_TO.search(sentence):
                continue  # the sentence gives the old and the new value itself
            field = _state_changed(sentence) if stated else None
            if field:
                field = _thing_named(field.split())
                yield Hit(text.loc, f"{field} was changed ({describe(sentence.strip())}) but the note has no changes: entry; add changes: [{{field: {field}, from: ..., to: ...}}]")
                return
            for verb in _CHANGE_VERB.finditer(sentence):
                if not _done_by_us(sentence[: verb.start()], text.loc[0], _their_names(subject)) or _not_lasting(sentence[verb.end() :]):
                    continue
                field = _changed_field(verb, sentence, original if len(original) == len(sentence) else sentence)
                if not field and text.loc[0] != "reason" and verb.group(0) in _PARTICIPLES:
                    field = _field_before(sentence[: verb.start()])  # "Address updated", "her email has been changed"
                if field:
                    field = _thing_named(field.split())
                    yield Hit(text.loc, f"{field} was changed ({describe(sentence.strip())}) but the note has no changes: entry; add changes: [{{field: {field}, from: ..., to: ...}}]")
                    return


# "Said nothing changed", "updated nothing", "no change to her membership".
_NO_CHANGE = re.compile(r"\b(?:no change|no changes|nothing (?:was )?changed|unchanged|(?:changed|updated|amended) nothing)\b")
# Who did it, read back from the verb to its clause's start: the customer and their side, or a denial.
_CLAUSE_START = re.compile(r"(?:^|[,;:(]|\s(?:and|but|so|because|as|then|after|before|when|since)\s)[^,;:(]*$")
_AUXILIARIES = frozenset("had has have 've 'd was were is are been be already just also then recently apparently herself himself themselves online".split())
_NOT_US = frozenset("he she they customer client caller member tenant patient guest he's she's they've she'd he'd".split())
_DENIED = frozenset("not never didn't hasn't haven't hadn't wasn't weren't isn't".split())


# A field named before its verb, as terse notes put it ("Mobile number amended", "Her email has been
# changed"). Not looked for in the reason, where it tells of a change made before this contact.
_FIELD_BEFORE = re.compile(
    r"\b(" + "|".join(re.escape(f) for f in sorted(CHANGE_FIELDS, key=len, reverse=True)) + r")"
    r"(?:\s+(?:has|have|had|was|were|is|are|been|now|also|all|just|then|successfully))*\s*$"
)
_PARTICIPLES = frozenset(
    "changed updated corrected amended replaced added removed switched modified edited swapped increased reduced raised lowered upgraded downgraded".split()
)


# A field followed by the document or the thing it is written on: "the name on the invitation".
_ON_A_DOCUMENT = re.compile(
    r"\s+(?:on|in|for) (?:the|this|that|her|his|their|a|an) (?:[a-z-]+ )?(?:order of service|certificate|invitation|invite|proof|programme|"
    r"program|plaque|headstone|label|banner|poster|leaflet|ticket|badge|engraving|inscription|cake|wreath|card message|gift card|voucher|"
    r"gift voucher|form)s?\b"
)


_FIELD_NAMES = "|".join(re.escape(f) for f in sorted(CHANGE_FIELDS, key=len, reverse=True))
# The new state, said with "now", in the resolution: "She is now on the annual plan", "Membership now
# in her married name", "Tariff is now the off-peak one".
_NOW_STATE = re.compile(
    rf"\b(?:(?:she|he|they|customer|client|member)\s+(?:is|are|'s)\s+now\s+(?:on|with)\s+(?:the|her|his|their)\s+(?:[\w-]+\s+){{0,3}}?"
    rf"({_FIELD_NAMES}|tier|scheme|contract|bundle|rate|band)|({_FIELD_NAMES})\s+(?:is\s+|are\s+)?now\s+(?:in|on|under|the|set to|going to|goes to))\b"
)
# A change named as a noun, with what was done to it: "Processed her change of address", "Change of name done".
_CHANGE_AS_A_NOUN = re.compile(
    rf"\b(?:(?:processed|actioned|logged|made|completed|did|put through|submitted|applied|recorded|carried out|sorted)\s+"
    rf"(?:the\s+|her\s+|his\s+|their\s+|a\s+)?(?:change|update|correction|amendment)s?\s+(?:of|to)\s+(?:the\s+|her\s+|his\s+|their\s+)?({_FIELD_NAMES})|"
    rf"(?:change|update|correction|amendment)s?\s+(?:of|to)\s+(?:the\s+|her\s+|his\s+|their\s+)?({_FIELD_NAMES})\s+"
    rf"(?:done|processed|completed|actioned|made|sorted|put through|applied))\b"
)


def _state_changed(sentence: str) -> str | None:
    """A field whose new state or whose change the resolution states without a verb of change acting on it."""
    found = _NOW_STATE.search(sentence) or _CHANGE_AS_A_NOUN.search(sentence)
    return next((part for part in found.groups() if part), None) if found else None


def _field_before(before: str) -> str | None:
    """The field a clause names just before its verb of change: "New card added", "Surname is changed now"."""
    found = _CLAUSE_START.search(before)
    clause = found.group(0) if found else before
    field = _FIELD_BEFORE.search(clause)
    if not field:
        return None
    earlier = clause[: field.start()].split()
    if earlier and (earlier[-1] in NOT_A_FIELD_BEFORE or _NOT_ACCOUNT.fullmatch(earlier[-1]) or _OTHER_OBJECT.fullmatch(earlier[-1])):
        return None  # "Lesson plan updated", "booking date changed": not the account's
    return field.group(1)


# After the verb: a change for one order only, or made by someone else ("by her husband").
_ONE_ORDER_OR_SOMEONE_ELSE = re.compile(
    r"\bfor (?:this|that|the|one|today's|tomorrow's) (?:order|booking|visit|delivery|job|trip|stay|appointment|session|night|day)\b|"
    r"^[^,;]{0,30}\bby (?:her|his|their|the (?:customer|client|caller|member|account holder)|mistake|accident)\b"
)


def _not_lasting(after: str) -> bool:
    """Whether what follows a verb of change says it was for one order only, or made by the customer's side."""
    return _ONE_ORDER_OR_SOMEONE_ELSE.search(after) is not None


def _done_by_us(before: str, field: str, names: frozenset[str]) -> bool:
    """Whether a verb of change is ours: not the customer's doing ("she updated it online"), nor denied ("was not changed").

    In the reason, a verb opening its clause has the customer as its subject ("Updated her address
    in the app, but the letter still went to the old flat"); in the resolution, the writer.
    """
    found = _CLAUSE_START.search(before)
    words = (found.group(0) if found else before).replace(",", " ").split()
    words = [w for w in words if w not in ("and", "but", "so", "because", "as", "then", "after", "before", "when", "since", ";", ":", "(")]
    while words and words[-1] in _AUXILIARIES:
        words.pop()
    if not words:
        return field != "reason"
    last = words[-1]
    if _OTHER_OBJECT.fullmatch(last):
        return False  # "Call transferred to billing", "Ticket moved to the accounts queue": not the account
    return last not in _DENIED and last not in _NOT_US and last not in names


# Messages sent somewhere new: "set the class confirmations to go to her work email instead".
_REROUTED = re.compile(
    r"^\s+(?:all\s+)?(?:the\s+|his\s+|her\s+|their\s+)?(?:[a-z-]+\s+){0,2}?(?:reminders?|confirmations?|notifications?|alerts?|texts?|"
    r"emails?|letters?|statements?|invoices?|receipts?|messages?|post|mail|correspondence|bills?)\s+(?:so (?:they|it) )?"
    r"(?:(?:to go|go|goes|to be sent|are sent|get sent|to come|come)\s+)?(?:to|at)\s+(?:his|her|their|the)\s+(?:[a-z-]+\s+){0,2}?"
    r"(email|e-mail|mobile|phone|number|address|inbox|landline)\b"
)
_REROUTING_VERBS = frozenset("set changed switched moved pointed redirected diverted rerouted updated".split())
# A person or a pet of theirs moved to a new level or product: "bumped Dolly up to full livery",
# "switched him over to the annual contract", "moved them onto the family scheme".
_MOVED_TO = re.compile(
    rf"^\s+((?:{'|'.join(sorted(HONORIFICS))})\.?(?:\s+[\w'-]+){{1,3}}?|(?:(?:the|his|her|their|both|all)\s+)?[\w-]+)\s+(?:(?:up|down|over|across|back)\s+)?(?:to|onto|into)\s+"
    r"(?!the (?:front|back|top|head|end|bottom|start)\b)"
)
_MOVING_VERBS = frozenset("switched moved swapped changed converted put bumped dropped knocked stepped signed opted".split())
_DESTINATION_END = re.compile(r"[,;:()]|\s(?:on|at|with|for|from|until|till|in|who|which|after|before|because|so|as|while|and|but|by|instead)\s|[.!?]?$")
_WHEN = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|"
    r"october|november|december|today|tomorrow|tonight|(?:next|this|that|the same) (?:week|month|day|morning|afternoon|evening)|am|pm|\w*\d\w*)\b"
)
# What a customer has with us, by its kind or its level: a level or a product, not a place or a thing.
_PRODUCT_WORDS = frozenset(
    """plan plans tier tiers scheme contract package bundle membership subscription tariff rate band grade level option service
    cover programme program deal account livery full half part basic standard premium gold silver bronze platinum junior senior
    family annual yearly monthly weekly fortnightly quarterly off-peak peak pay-as-you-go paperless""".split()
)
# Money put back on a card is a refund, not a change of the card: "put the £7 back on her card".
_MONEY_BACK = re.compile(
    r"^\s+(?:it|them|the money|the refund|the difference|the (?:[£$€]\s?)?\d[\d.,]*|[£$€]\s?\d[\d.,]*)\s+back\s+(?:on|onto|to|into)\s+"
    r"(?:his|her|their|the)\s+(?:[\w-]+\s+)?(?:card|account)\b"
)


# A thing of someone named ("Tobi's snack", "Tobi's home pool") is the account's only when a word
# says it is a standing setting, or it is a field.
_BY_NAME = re.compile(r"^\s+(?!(?:his|her|their)\s)[a-z]+['’]s\s")
_STANDING = frozenset("home registered preferred default usual regular nominated main primary named".split())


def _rescheduled(thing: str, value: str) -> bool:
    """Whether a thing was given a new time, not a new value: "moved Milo's jab to next week" (but "her delivery day to Friday")."""
    return _WHEN.match(value.strip()) is not None and thing.split()[-1] not in ("day", "days", "date", "dates", "time", "times")


def _moved_to(verb: str, rest: str, original_rest: str) -> str | None:
    """What a person or a pet of theirs was moved to, when it is a level or a product, not a person, a time or a place."""
    if verb not in _MOVING_VERBS:
        return None
    moved = _MOVED_TO.match(rest)
    if not moved:
        return None
    who = moved.group(1)
    titled = " " in who and who.split()[0].rstrip(".") in HONORIFICS  # "moved Ms Ní Shúilleabháin onto ..."
    if not titled and (
        _NOT_ACCOUNT.search(who) or _OTHER_OBJECT.search(who) or (" " not in who and who not in ("him", "her", "them", "it") and not original_rest[moved.start(1)].isupper())
    ):
        return None  # "moved the appointment up to 9am", "dropped prices down to ...": not the customer or theirs
    place = _DESTINATION_END.split(rest[moved.end():], maxsplit=1)[0].strip()
    words = place.split()
    if not words or original_rest[moved.end()].isupper() or _WHEN.search(place) or _NOT_ACCOUNT.search(place):
        return None  # a colleague by name ("switched her over to Adaeze"), a time, a booking or a room
    head = words[-1]
    if _is_role(head) and head not in _FIELD_WORDS and head not in _PRODUCT_WORDS:
        return None  # "switched him to a colleague", "put her through to the team"
    if _PRODUCT_WORDS.isdisjoint(words) and _FIELD_WORDS.isdisjoint(words):
        return None  # "moved her onto rubber mats", "moved her up to the advanced lane": a place or a thing
    return head


# Verbs that give a thing of the customer's a new value: "swapped her home centre to the Hove pool".
_SETTING_VERBS = frozenset("changed updated switched moved amended corrected swapped upgraded downgraded converted".split())
# Kinds of message a customer is sent, as the object of a verb that adds or removes them.
_MESSAGES = re.compile(
    r"^\s+(?:(?:the|all|her|his|their|any)\s+)?(?:[\w-]+\s+){0,2}?(reminders?|notifications?|alerts?|texts?|emails?|newsletters?|statements?|"
    r"marketing|mailings?|letters?)\b"
)
# The account given to another holder: "switched the account over to Sandhu Lettings Ltd", "swapped it over to Greg".
_TO_SOMEONE_ELSE = re.compile(
    r"\s+((?i:(?:the|her|his|their)\s+(?:[\w-]+\s+)?account)|it)\s+(?:(?:over|across)\s+)?(?:to|into)\s+(?:the name of\s+)?"
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Mx)\.?\s+)?[A-Z][\w'-]*"
)
# Taken off a scheme the customer belonged to: a lasting change, like leaving a mailing list.
_LEFT_A_SCHEME = re.compile(
    r"\b(?:off|from)\s+(?:the|his|her|their|our)\s+(?:[\w-]+\s+){0,2}?(scheme|programme|program|plan|membership|subscription|contract|package|bundle)\b(?!\s+(?:price|fee|cost|rate|page|leaflet))"
)
# Seats counted are licences of the account ("added three seats"); seats moved are places at a show.
_COUNTING_VERBS = frozenset("added removed increased reduced raised lowered bumped dropped".split())


def _changed_field(verb: re.Match[str], sentence: str, original: str) -> str | None:
    """The account field a verb of change acts on in its clause, if any."""
    name = verb.group(0)
    rest = sentence[verb.end():]
    if name in _REROUTING_VERBS:
        rerouted = _REROUTED.match(rest)
        if rerouted:
            return rerouted.group(1)  # where messages go: the email, mobile or address they are sent to
    if _MONEY_BACK.match(rest):
        return None
    holder = _TO_SOMEONE_ELSE.match(original, verb.end())
    if holder and (holder.group(1) != "it" or "account" in sentence[: verb.start()]):
        return "account holder"  # "switched the account over to Sandhu Lettings Ltd", "swapped it over to Greg" (the account)
    moved = _moved_to(name, rest, original[verb.end():])
    if moved:
        return moved
    if name == "set" and not re.match(r"\s+(?:(?:him|her|them)\s+up\s+(?:on|with|for)|up\s+(?:a|an|the|her|his|their)\s+(?:new\s+)?(?:direct debit|standing order|autopay))\b", rest):
        clause = _CLAUSE_END.split(rest, maxsplit=1)[0]
        field = _FIELD_IN_CLAUSE.search(clause)
        if not field or " to " not in clause[field.end() :]:
            return None  # "set" changes the account as "set her up on direct debit" or "set the direct debit date to the 16th"
    if name in ("extended", "shortened"):
        found = _FIELD_IN_CLAUSE.search(_CLAUSE_END.split(rest, maxsplit=1)[0])
        return found.group(1) if found else None  # "extended the credit terms to 45 days"; not "the hem was shortened"
    if name == "renamed":
        return "name"  # "renamed the account to Okafor Consulting Ltd"
    clause = _CLAUSE_END.split(rest, maxsplit=1)[0]
    if name in ("added", "removed", "took", "taken") and _ON_THE_RECORD.search(rest, 0, len(clause) + 40):
        if _someone_added(clause.split()):
            return "people on the account"  # "added her husband as an authorised user on the account"
        messages = _MESSAGES.match(clause)
        if messages:
            return messages.group(1)  # "removed the SMS reminders from her profile": what she is sent
    left = _LEFT_A_SCHEME.search(clause) if name in ("removed", "took", "taken") else None
    if left:
        return left.group(1)  # "took plot 42 off the letting scheme", "removed her from the coaching programme"
    if name in ("replaced", "replace") and not _ON_THE_RECORD.search(clause) and not re.search(r"\bwith\b", clause):
        return None  # "replaced the zip": a part of a thing; "replaced the card on file" is the account
    owned = _THEIR_THING_TO.match(clause)
    if owned and name in _SETTING_VERBS and not _NOT_ACCOUNT.search(owned.group(1)) and not _rescheduled(owned.group(1), clause[owned.end() :]):
        if not _BY_NAME.match(clause) or not _STANDING.isdisjoint(owned.group(1).split()) or not _FIELD_WORDS.isdisjoint(owned.group(1).split()):
            return owned.group(1)  # "changed her home branch to Elmsworth", "changed Tobi's home pool to Hove": set to a new value
    clause = " ".join(clause.split()[:_CLAUSE_WORDS])
    if name in ("took", "taken") and not re.search(r"\boff\b", clause):
        return None  # "took her off the list" is a change; "took a reading" is not
    thing = _changed_thing(name, clause)
    if thing:
        return thing
    for found in _FIELD_IN_CLAUSE.finditer(clause):
        if _OTHER_OBJECT.search(clause[: found.start()]):
            return None  # the verb acts on something else: "transferred the request for a payment plan"
        before = clause[: found.start()].split()
        if _UNDER_A_FIELD.search(clause, 0, found.start()):
            continue  # "put three on reserve under his name": the field says where, it is not what changed
        if found.group(1) == "details" and (name not in _SETTING_VERBS or (before and before[-1] not in ("his", "her", "their", "personal", "account"))):
            continue  # "updated her details" is the account; "updated the details of the complaint" is not
        if found.group(1) == "seats" and name not in _COUNTING_VERBS:
            continue  # "changed the seats to row F": places at a show, not licences
        if _ON_A_DOCUMENT.match(clause, found.end(1)):
            return None  # "the date of birth on the order of service": what a document says, not the account
        if found.group(2) not in NOT_A_FIELD_AFTER and not (before and before[-1] in NOT_A_FIELD_BEFORE):
            return found.group(1)
    return None


def _thing_named(words: list[str]) -> str:
    """The words naming what was changed, up to the first preposition: "the name on the account" -> "name".

    A clause opening with a preposition or a pronoun named the thing before the verb ("asked for the
    new address to be put on her account") or not at all: then only "account details" can be said.
    """
    named: list[str] = []
    for word in (w.strip(".,;:!?") for w in words if w not in _DETERMINERS):
        if word in _NOT_A_THING:
            break
        named.append(word)
    return " ".join(named[:3]) or "account details"


def _someone_added(words: list[str]) -> bool:
    """Whether what was added or taken off is a person ("her husband", "an authorised user"), not a note or a flag."""
    for word in words:
        word = word.strip(".,;:").removeprefix("ex-")  # "her ex-partner"
        if word in ("as", "to", "on", "onto", "off", "from", "in", "into"):
            return False  # the object ends before the record it was put on
        if word in ("user", "users", "cardholder", "signatory", "holder") or word in _KIN or (_is_role(word) and word not in _FIELD_WORDS):
            return True
    return False


def _changed_thing(verb: str, clause: str) -> str | None:
    """A thing of the customer's given a new value, though no field is named ("swapped his number over on the file")."""
    if _NOT_ACCOUNT.search(clause) or _OTHER_OBJECT.search(_ON_THE_RECORD.sub(" ", clause)):
        return None  # the appointment, the booking, the request: not the account ("on file" says where it is kept)
    moved = _THEIR_THING_MOVED.match(clause)
    if moved:
        return moved.group(1)
    words = clause.split()
    if words and (_INSTEAD_OF.search(clause) or _ON_THE_RECORD.search(clause)) and verb not in ("added", "took", "taken", "removed"):
        return _thing_named(words)
    if verb in ("upgraded", "downgraded") and _THEM_TO.match(clause):
        return "plan"  # "upgraded him to premium": their plan or tier, though neither is named
    if verb in ("changed", "switched", "moved", "converted"):
        plural = _THING_TO.match(clause)
        if plural:
            return plural.group(1)  # "changed lessons to online video"
    return None


_NUMBER_WORDS = (
    r"(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    r"ninety|hundred|a hundred|thousand|a thousand)(?:[\s-]+(?:and\s+)?)?)+"
)
# Currencies by their ISO codes and signs, as a class: "GBP 18", "40 CAD", "₹1,850".
_CURRENCY_CODES = r"(?:usd|eur|gbp|cad|aud|nzd|chf|jpy|cny|inr|zar|sek|nok|dkk|pln|mxn|sgd|hkd|aed)"
_MONEY = re.compile(
    rf"(?:(?:[$€£¥₹₩₽₺₦₱₪]|\b(?=[a-z]{{3}}\s\d){_CURRENCY_CODES}\s)\s?\d[\d,]*(?:\.\d+)?|"  # (a code is looked for only before a figure)
    rf"\b\d[\d,]*(?:\.\d+)?\s?(?:{_CURRENCY_CODES}|dollars?|euros?|pounds?|bucks|quid|rupees?|pence)\b)",
    re.IGNORECASE,
)
# A sum with no currency, where only money can be meant: after a verb that moves money and the one
# it was moved for ("charged her card 42.50", "quoted her 240", "refunded 15.00"), or as the
# figure of a price, a fee or a deposit ("a deposit of 60", "the term costs 96"). Not a count
# ("took 3 of the leaflets", "charged her phone for 20 minutes").
_MONEY_VERBS_WITHOUT_CURRENCY = re.compile("refund|credit|charg|reimburs|waiv|quot|paid|cost|fee|deposit|price|payment|excess|premium")
_SUM_WITHOUT_CURRENCY = re.compile(
    r"\b(?:(?:refunded|credited|charged|reimbursed|waived|quoted|paid)\s+(?:(?:him|her|them|the customer)\s+|(?:(?:his|her|their|the)\s+)?card\s+)?"
    r"(?P<sum>\d[\d,]*\.\d\d)|"
    r"(?:refunded|credited|charged|reimbursed|quoted)\s+(?:him|her|them|(?:his|her|their) card)\s+(?P<sum2>\d[\d,]*)|"
    r"(?:costs?|fee|deposit|charge|price|payment|excess|premium|refund|credit)\s+(?:of|is|was|came to|comes to)?\s*"
    r"(?!(?:19|20)\d\d(?![\d.,]))(?P<sum3>\d[\d,]*(?:\.\d\d)?))\b"  # (not a year: "the fee 2026 schedule")
    r"(?![.,]?\d)(?!\s+(?!(?:was|is|has|plus|less|as|this|thus|includes)\b)[a-z]+s\b)"  # "the cost of 3 repairs": a count of things
    r"(?!\s*(?:%|per ?cent|x\b|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|nights?|times?|items?|tickets?|sessions?|visits?|"
    r"lessons?|people|guests|of\b|am\b|pm\b|th\b|st\b|nd\b|rd\b|-|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b))",  # "her refund of 30 September"
    re.IGNORECASE,
)
# A currency by its code, whichever of the three-capital codes it is ("KES 180,000", "NGN 45,000"),
# in the text's own case; counted only after a word of money moving in its clause ("paid the fee of
# KES 180,000", "refunded ZAR 350"; not "why VAT 20 appears on the quote", "ref ABC 1234").
_CODE_BEFORE_A_FIGURE = re.compile(r"\b[A-Z]{3}\s?\d[\d,]*(?:\.\d+)?\b(?!\s*%)")
_CLAUSE_BEFORE_A_FIGURE = re.compile(r"[^,;.!?()]{0,50}$")


def _paid_by_code(text: str, money: re.Match[str]) -> bool:
    """Whether a figure after a currency code is money given, taken or quoted: a word of it earlier in its clause."""
    clause = _CLAUSE_BEFORE_A_FIGURE.search(text, 0, money.start())
    return clause is not None and _MONEY_ACTION.search(clause.group(0)) is not None and _a_sum(text, money)
# Sums in words, as people say them: "forty pounds", "a tenner". Looked for only in texts holding a word of _MONEY_WORDS.
_MONEY_IN_WORDS = re.compile(rf"\b{_NUMBER_WORDS}\s?(?:dollars?|euros?|pounds?|bucks|quid)\b|\ba (?:tenner|fiver)\b", re.IGNORECASE)
_MONEY_WORDS = frozenset("dollar dollars euro euros pound pounds bucks quid tenner fiver".split())


# An amount after one of these is a condition or a limit, not a sum given, taken or quoted ("free
# delivery on orders over 50 GBP"); or a price explained: its change ("rose from 4.99 to 5.99 EUR",
# "went up by 3 GBP") or a product named by it ("the 5 GBP a month standby plan").
_NOT_A_SUM_BEFORE = re.compile(
    r"(?:\b(?:over|under|above|below|exceeding|more than|less than|up to|at least|at most|minimum(?: of)?|maximum(?: of)?|"
    # A bound of the account, not a sum that moved: "the limit is £500", "the spending cap stays at $300".
    r"(?:limit|threshold|cap|ceiling)(?:\s+(?:of|is|was|at|stays at|remains|set at|of up to))?|beyond|within|from|by)|\bfrom\s+\S+(?:\s+\S+)?\s+to)\s*$"
)
_NOT_A_SUM_AFTER = re.compile(r"^\s*(?:higher|lower|more|less|cheaper|dearer|up|down)\b")
_MONEY_ACTION = re.compile(
    r"\b(?:refund\w*|waiv\w*|credit\w*|charg\w*|paid|pay|took|taken|quot\w*|compensat\w*|discount\w*|reimburs\w*|deposit\w*|cost\w*|"
    r"price\w*|owes?|due|back (?:on|onto|to|into) (?:his|her|their|the) (?:[\w-]+ )?(?:card|account))\b",  # "put the £20 back on her card"
    re.IGNORECASE,
)
_BALANCE = re.compile(r"\b(?:balance|outstanding|owing|owed|arrears)\b", re.IGNORECASE)
# A balance is a sum of the note when something is done with it: moved, or an arrangement made
# for it ("agreed the balance of £2,830 can wait until probate", "split the balance into three"),
# or when we owe it to the customer ("she is owed $75 back", "we owe him £12").
_MONEY_MOVED = re.compile(
    r"\b(?:refund\w*|waiv\w*|credit\w*|charg\w*|paid|pay\w*|took|taken|quot\w*|compensat\w*|discount\w*|reimburs\w*|deposit\w*|"
    r"agreed|arranged|defer\w*|postpon\w*|wait|hold|extended|instal\w*|split|settle\w*|writ\w* off|cleared|spread|"
    r"(?:is|are|was|were|being) owed|owed\b[^.;]{0,20}\bback|we owe|owe (?:him|her|them))\b",
    re.IGNORECASE,
)
_PRODUCT_AFTER = re.compile(r"^[\w\s-]{0,20}\b(?:plan|tariff|option|bundle|package|tier|subscription|membership)\b")
def _sentence_around(text: str, found: re.Match[str]) -> str:
    start = max(text.rfind(mark, 0, found.start()) for mark in ".;\n")
    ends = [i for i in (text.find(mark, found.end()) for mark in (". ", ";", "\n")) if i >= 0]
    return text[start + 1 : min(ends) if ends else len(text)]


def _a_sum(text: str, money: re.Match[str]) -> bool:
    """Whether an amount is a sum given, taken or quoted, rather than a limit or a price explained."""
    before = text[max(0, money.start() - 30) : money.start()].lower()
    after = text[money.end() :].lower()
    if before.endswith(("the ", "a ")) and _PRODUCT_AFTER.match(after):
        return False  # "the 5 GBP a month standby plan" names a product by its price
    if before.endswith("the ") and not _MONEY_ACTION.search(_sentence_around(text, money)):
        return False  # "a review of the 200.00 USD fee": a sum named, nothing given or taken
    sentence = _sentence_around(text, money)
    if _BALANCE.search(sentence) and not _MONEY_MOVED.search(sentence):
        return False  # "gave the balance of INV-2031, 120.00 USD": what the account already shows
    if before.rfind("(") > before.rfind(")") and after.lstrip().startswith(")"):
        return False  # "(hamper, large, 149.00 USD)": an item's price, in passing
    return not _NOT_A_SUM_BEFORE.search(before) and not _NOT_A_SUM_AFTER.match(after)


_MONEY_IN_LOWER_CASE = re.compile(_MONEY.pattern)
_SUM_WITHOUT_CURRENCY_IN_LOWER_CASE = re.compile(_SUM_WITHOUT_CURRENCY.pattern)


def _first_sum(text: str, lowered: str | None, pattern: re.Pattern[str], in_lower_case: re.Pattern[str]) -> re.Match[str] | None:
    """The first sum a pattern finds in a text that is a sum given, taken or quoted; matched in the lower-case text when there is one."""
    if lowered is None:
        return next((m for m in pattern.finditer(text) if _a_sum(text, m)), None)
    found = next((m for m in in_lower_case.finditer(lowered) if _a_sum(text, m)), None)
    return pattern.match(text, found.start(), found.end()) if found else None  # the same sum, in the text's own case


def _money_moves(text: str, money: re.Match[str]) -> bool:
    """A sum in words ("a tenner", "forty pounds") counts when money moves in its sentence: it is often a figure of speech."""
    return _MONEY_ACTION.search(_sentence_around(text, money)) is not None


@rule("P107", "amount-not-recorded", "warning", "note")
def amount_not_recorded(subject: Subject) -> Iterator[Hit]:
    """The text mentions a sum of money, but `amounts` is empty.

    ## What it does
    Finds sums of money given, taken or quoted in the reason, resolution and follow-up ("$49.98",
    "20 EUR", "GBP 18", "₹1,850", "£50 a month", any three-capital code after a word of money in
    its clause: "paid the fee of KES 180,000", not "why VAT 20 appears on the quote"; "it's $25 for the flu shot", "25 quid", "forty
    pounds"; a sum in words only where money moves; a figure without a currency where only money
    can be meant: "refunded 18.00", "charged her card 42.50", "quoted her 240", "a deposit of 60",
    "the term costs 96", but not "took 3 of the leaflets", "the cost of 3 repairs" or "her refund
    of 30 September") and flags the note when it records no
    `amounts`; the finding drafts the entry. Not flagged: a limit or a condition ("orders over 50
    GBP", "the account limit is £500 a month", "the spending cap stays at $300"), a price explained ("rose from 4.99 to 5.99 EUR", "went up by 3 GBP"), a product named
    by its price ("the 5 GBP a month standby plan"), an item's price in passing, in brackets, a
    fee merely named ("a review of the 200 USD fee") and a balance read out; a balance that is
    moved or arranged for is flagged ("agreed the balance of £2,830 can wait until probate"), and so
    is a sum we owe the customer ("she is owed $75 back", "put the £20 back on her card").

    ## Why
    The policy asks for every refund, credit and quote to be noted. In `amounts` they are counted
    on dashboards and shown in the same place on every note; in prose they are easily missed.

    ## Example
    ```yaml
    resolution:
      - Submitted a refund request for $49.98.
    ```
    Use instead:
    ```yaml
    amounts:
      - {kind: refund, amount: 49.98, currency: USD}
    ```
    """
    assert subject.note is not None
    if subject.note.amounts:
        return
    for text in subject.texts:
        if text.loc[0] not in ("reason", "resolution", "follow_up"):
            continue
        in_words = not _MONEY_WORDS.isdisjoint(text.words)
        if not text.has_digit and not in_words:
            continue  # an amount has a digit, or is written in words
        # Searched in lower case, which is faster than ignoring case, where lowering keeps every position
        # (text.lowered has its digits masked).
        lowered = text.text.lower() if text.has_digit else None
        lowered = lowered if lowered is not None and len(lowered) == len(text.text) else None
        found = _first_sum(text.text, lowered, _MONEY, _MONEY_IN_LOWER_CASE) if text.has_digit else None
        if found is None and text.has_digit and _MONEY_VERBS_WITHOUT_CURRENCY.search(text.lowered):
            found = _first_sum(text.text, lowered, _SUM_WITHOUT_CURRENCY, _SUM_WITHOUT_CURRENCY_IN_LOWER_CASE)
            if found is None:
                found = next((m for m in _CODE_BEFORE_A_FIGURE.finditer(text.text) if _paid_by_code(text.text, m)), None)
        if found is None and in_words:
            found = next((m for m in _MONEY_IN_WORDS.finditer(text.text) if _a_sum(text.text, m) and _money_moves(text.text, m)), None)
        if found:
            money = next((part for part in found.groups() if part), found.group(0))  # the figure alone, for a sum without a currency
            yield Hit(text.loc, f"{money!r} is mentioned but the note has no amounts: entry; add amounts: [{amount_entry(money, _sentence_around(text.text, found))}]")
            return


# Words that make a wish or a fact last beyond this contact: "from now on", "always", "never call".
_DURABLE = re.compile(
    r"\b(?:from now on|going forward|(?:in|for) (?:the )?future|for all (?:the )?future|only ever|ever again|from here on|as a rule|would rather (?:we|you|staff|that)|"
    # One channel over another: "phone rather than write", "email not post".
    r"(?:phone|call|ring|email|e-mail|text|write|post|letters?|emails?|texts?|calls?)\s+(?:rather than|instead of|not)\s+"
    r"(?:phone|call|ring|email|e-mail|text|write|post|letters?|emails?|texts?|calls?|by (?:phone|email|post|text))|"
    # A need applied to whatever we send: "large print on everything we send him" (not "doesn't read anything we send").
    r"(?:on|for|in|with|to) (?:everything|anything|whatever) (?:we|you) (?:send|post|email|e-mail|write|print|deliver)|"
    # "always" before a verb or a channel; not before a description ("always a pleasure", "always so polite").
    r"always(?! \w+ing\b)(?! (?:a|an|so|very|such|really|quite|been|late|early|polite|pleasant|lovely|nice|cheerful|friendly)\b)|"
    r"(?:wants?|needs?|asks? for|prefers?|likes?) always|whenever|every (?:single )?time|each time|"
    r"(?:asked|asks|wants?|told us)(?: that)? (?:we|us to|staff|the team) (?:never|always|only)\b|"
    r"never (?:call|ring|phone|text|email|e-mail|contact|visit|send|post|put|book|deliver|leave|include|give|offer|discuss|mention)|"
    r"(?:do not|don't|does not want|doesn't want|not to|no) (?:call|ring|phone|text|email|e-mail|contact|visit|knock|marketing)\w*|"
    r"(?:all|any|every) (?:the )?(?:future |of (?:his|her|their) )?(?:letters?|reminders?|calls?|appointments?|correspondence|post|mail|"
    r"emails?|invoices?|statements?|orders?|contact|communications?|bookings?|visits?|deliver(?:y|ies)|messages|paperwork|"
    r"airports?|flights?|stays?|jobs?)|"
    r"(?:contact|call|ring|phone|reach|email|text|write to) (?:him |her |them )?only|only (?:by|via|on) (?:email|e-mail|phone|letter|post|text|sms|chat)|"
    r"(?:by |via )?(?:emails?|e-mails?|texts?|post|letters?|chat|phone|calls?) only|only (?:wants|accepts|reads|uses)|"
    r"(?:(?<![a-z] )|(?<=please ))only (?:call|ring|phone|text|email|e-mail|contact|write to|visit|deliver)\b(?!-)|"
    r"(?:use|call (?:him|her|them)(?: by)?) (?:his|her|their) (?:middle |first |preferred |nick|maiden |married )?name|"
    r"(?:only )?(?:call|ring|phone|contact|visit) (?:him |her |them )?(?:only )?(?:after|before|between) \d|"
    r"prefers? (?:to be )?(?:contacted|called|phoned|emailed|texted|reached|addressed|known)|"
    r"prefers? (?:all |every |any |his |her |their )?(?:[a-z]+ ){1,2}(?:by|via|through|on) (?:post|email|e-mail|phone|text|letter|paper|whatsapp|sms|chat)|"
    r"prefers? (?:email|phone|text|post|letters?|calls?|mornings?|afternoons?|evenings?)|"
    r"preferred (?:name|language|pronouns?|contact)|goes by)\b",
    re.IGNORECASE,
)
# Facts about the customer that hold for as long as the account does.
_STANDING_FACT = re.compile(
    r"\b(?:allergic to|(?:has|have|with) (?:an? |severe |serious )*(?:\w+ )?allerg(?:y|ies)|anaphyla\w+|"
    r"registered blind|partially sighted|visually impaired|colou?r ?blind|hard of hearing|deaf(?! to\b)|"
    r"lost (?:most of |all of |much of |the )?(?:his|her|their) (?:sight|hearing|vision)|"
    r"uses a wheelchair|wheelchair user|in a wheelchair|"
    r"only speaks|speaks (?:\w+ )?only|speaks no english|does not speak english|doesn't speak english|"
    r"needs an? (?:interpreter|translator)|"
    r"court order|not allowed to (?:collect|contact|visit|see)|"
    r"does not use (?:email|e-mail|a computer|the internet)|"
    # What a person cannot do for good, not a thing they cannot see today ("can't see anything on the screen").
    r"(?:cannot|can't|can not) (?:swallow|read|use|climb|hear|see|walk|drive|stand)(?!\s+(?:anything|it|this|that|any|them|the|his|her|their|my|our|your|a|an)\b))\b",
    re.IGNORECASE,
)
# Needs of a visit that last: aids a person lives with, what they mean at the door, and an
# instruction to whoever visits or calls ("operatives must wait", "drivers should always ring first").
# Looked for only in texts holding the words of _VISIT_WORDS.
_VISIT_NEED = re.compile(
    r"\b(?:(?:uses|has|with|on) (?:a |an |her |his |their |two )?(?:walking (?:frame|stick)|sticks|zimmer(?: frame)?|crutches|mobility scooter|rollator|"
    r"hearing aids?|guide dog|assistance dog|oxygen|stair ?lift)|"
    r"(?:needs|takes) (?:a few|several|some|extra|a while|a long time|time|\w+ minutes)(?: minutes)? to (?:reach|get to|answer|come to) the door|"
    r"(?<!whether the )(?<!whether )(?<!if the )(?<!if )"  # "asked whether the engineers must wear masks": a question
    r"(?:(?:nobody|no one|no-one)(?: else| other than (?:him|her|them|the customer))?\s+"
    r"(?:must|should|is to|may|is (?:allowed|permitted) to)\s+(?:ever\s+)?(?!(?:be|have|know|blame|worry|mind|tell|say)\b)[a-z]+|"
    # Whoever deals with them next, however it is said: "anyone going round must text", "whoever shoes Rowdy should not tie him".
    r"(?:operatives|engineers|technicians|drivers|couriers|staff|contractors|fitters|callers|visitors|crews|anyone|anybody|everyone|everybody|whoever)"
    r"(?:\s+(?!(?:must|should|need|needs|has|have|are|is)\b)[a-z'-]+){0,4}?\s+"
    r"(?:must|should|needs? to|has to|have to|are to|is to)\s+(?:always\s+|ever\s+|never\s+|not\s+)?(?:wait|knock|ring|call|phone|allow|give|speak|use|leave|park|remove|show|bring|wear|avoid|not|"
    r"take|let|check|ask|announce|text|come|go|help|hold|tie|keep|be|do|open|close|shut|speak|talk|see|send|deal|handle|contact|email|write|put|stay)))\b",
    re.IGNORECASE,
)
# This contact only: a wish for today's order is not a standing one.
_ONE_OFF = re.compile(
    r"\b(?:this (?:trip|time|order|booking|visit|appointment|job|bill|invoice|month|week|once|call|stay|delivery)|"
    r"today|tonight|tomorrow|for now|just this|on this)\b",
    re.IGNORECASE,
)
_STRONG_DURABLE = re.compile(r"\b(?:from now on|going forward|in (?:the )?future|ever again|always|every time|whenever)\b", re.IGNORECASE)
# "Whenever", "every time", "always" make a wish last ("wants the corner booth whenever she books",
# "use the relay service whenever we call her", "always ring first"); without a wish or an
# instruction in the sentence they say when something happens ("whistling whenever she turns her
# head", "the intercom always buzzes twice").
_OCCASIONS = frozenset({"whenever", "every time", "every single time", "each time", "always"})
# "Always" after "is" tells a lasting state of a person or a pet: "Pepper is always nervous in the dryer room".
_A_STATE_BEFORE = re.compile(r"\b(?:is|are|was|were|gets|get|seems|seem)\s+$|['’]s\s+$", re.IGNORECASE)
_A_WISH = re.compile(
    r"\b(?:wants?|wanted|wish\w*|asks?|asked|prefers?|preferred|likes?|liked|please|must|should|never|only|"
    r"call|ring|phone|text|email|e-mail|contact|send|use|remind|let|tell|notify|book|keep|give|pays?|paid)\b",
    re.IGNORECASE,
)
# The note says the wish was put on the permanent record already.
_RECORDED = re.compile(
    r"\b(?:added|recorded|saved|put|noted|updated|set)\b[^.;]{0,60}\b(?:preferences?|on (?:the|her|his|their) (?:account|record|profile)|flag)\b|"
    r"\bpreferences? (?:updated|added)\b",
    re.IGNORECASE,
)
_CONTENT_WORD = re.compile(r"[a-z]{4,}")


# Every match of _DURABLE or _STANDING_FACT holds a word of the first set, or one of the second
# with one of the third ("no calls", "email only", "all letters"). Keep them in step.
_DURABLE_WORDS = frozenset(
    """rule rather everything anything whatever only now here forward forwards future ever always whenever never prefer prefers preferred goes allergic allergy allergies
    anaphylaxis anaphylactic blind sighted impaired colourblind colorblind hearing deaf wheelchair speaks speak english
    interpreter translator court allowed cannot can't middle maiden married nickname sight vision""".split()
)
# Every match of _VISIT_NEED holds a word of each set of one of these pairs. Keep them in step.
_VISIT_WORDS = (
    (frozenset("walking zimmer crutches mobility rollator hearing oxygen stairlift stair guide assistance sticks".split()), None),
    (frozenset({"door"}), frozenset({"needs", "takes"})),
    (
        frozenset("operatives engineers technicians drivers couriers staff contractors fitters callers visitors crews anyone anybody everyone everybody whoever nobody".split()),
        frozenset({"must", "should", "need", "needs", "has", "have", "are", "is"}),
    ),
    (frozenset({"one"}), frozenset({"no"})),  # "no one should ring before ten"
)


_VISIT_FIRST_WORDS = frozenset().union(*(first for first, _ in _VISIT_WORDS))


def _may_need_a_visit(words: list[str]) -> bool:
    """Whether a text holds the words a lasting need of a visit takes (see _VISIT_NEED): one look rules out nearly every text."""
    if _VISIT_FIRST_WORDS.isdisjoint(words):
        return False
    return any(not first.isdisjoint(words) and (second is None or not second.isdisjoint(words)) for first, second in _VISIT_WORDS)
_CHANNEL_WORDS = frozenset(
    """call calls calling ring ringing phone phoned phones phoning text texts texting email emails emailing e mail contact
    contacted contacting visit visits knock knocking marketing letter letters post mail correspondence reminders reminder
    appointments appointment invoices statements orders bookings deliveries delivery messages paperwork airport airports
    flights stays jobs communications sms chat reach write use""".split()
)
_LIMIT_WORDS = frozenset("not no don't doesn't only all any every each time after before between rather instead".split())
# The same patterns for lower-case text: case-insensitive matching is the slow part.
_DURABLE_IN_LOWER_CASE = re.compile(_DURABLE.pattern)
_STANDING_FACT_IN_LOWER_CASE = re.compile(_STANDING_FACT.pattern)
_VISIT_NEED_IN_LOWER_CASE = re.compile(_VISIT_NEED.pattern)


# "her grandfather, who uses a wheelchair", "Her grandmother uses a wheelchair", "his son is
# registered blind": the subject of the fact is someone named by a role or a relation.
_WHO_AFTER_SOMEONE = re.compile(r"\b([a-z]+),?\s+who\s+(?:also\s+|now\s+)?$")
# "her mother who lives with her has COPD and is on oxygen", "Her father, who lives with her, is deaf".
_RELATION_WHO_BEFORE = re.compile(r"\b(?:his|her|their|[a-z]+'s)\s+(?:[a-z-]+\s+)?([a-z-]+),?\s+who\s[^.;]*$")
_THEIR_RELATION_BEFORE = re.compile(r"\b(?:his|her|their|[a-z]+'s)\s+(?:[a-z-]+\s+)?([a-z-]+),?\s*$")
_COPULAS_AT_END = re.compile(r"(?:\s+(?:also|now|still|is|was|has been|who))+\s*$")
_QUOTATION = re.compile(r"[\"“][^\"“”]*[\"”]")


def _of_someone_else(before: str) -> bool:
    """Whether a standing fact is said of a relative or another person named by role, not the customer."""
    lowered = before.lower()
    found = _WHO_AFTER_SOMEONE.search(lowered) or _THEIR_RELATION_BEFORE.search(_COPULAS_AT_END.sub(" ", lowered))
    if found is None or not _is_role(found.group(1)):
        found = _RELATION_WHO_BEFORE.search(lowered)
    return found is not None and _is_role(found.group(1))


# An order to whoever deals with the customer next, whatever its verb: a clause that opens with a
# verb's plain form ("Keep the side gate shut at all times", "give her a few minutes to get to the
# door", "always speak to him face on", "Never run the pump past 6pm at this address"). A plain
# verb alone is how terse notes say what was done ("Replace fuse, test OK"), so the order counts
# with "always", "never", "do not" before it, with a scope that has no end after it ("at all times",
# "at this address", "for this customer"), or with the customer as its object and no day named.
_ORDER = re.compile(
    r"(?:(?:^|[,;:])\s*(?:so\s+)?|\bso\s+)(?:please\s+|just\s+)?(always\s+|never\s+|do not\s+|don't\s+|dont\s+)?([a-z]+)\b(?=([^,;:.!?]*))"
)
# A duty for every occasion of a kind: "should be given a buggy for every competition" (not "wants admin rights on every PC").
_DUTY_EVERY_TIME = re.compile(
    r"\b(?:must|should|is to|are to|has to|have to|needs? to)\b[^.;]*\b(?:for|on|at|with|in) (?:every|each) (?!time\b|one\b|of\b|other\b)[a-z]+"
)
_A_SUBJECT_AFTER = re.compile(r"^\s+(?:[a-z]+ed|is|was|has|had|said|says|asked|told|came|rang|went)\b")  # "Wade checked her": a name, not an order
# The words an order needs besides its verb: a mark ("always", "never", "don't"), a scope, or the customer as object.
_ORDER_MARKS = frozenset("always never don't dont".split())
_SCOPE_WORDS = frozenset("times time whenever address property house site flat customer".split())
_DUTY_WORDS = frozenset("must should to".split())
_THEM = frozenset("him her them".split())
_ORDER_CUES = _ORDER_MARKS | _SCOPE_WORDS | _THEM | {"not", "every", "each"}
# An order on the customer, as one look at a whole text: a clause opening with a word that is not
# a past tense ("Sent her", "Told him"), then the customer as its object. Most texts have none.
_ORDER_ON_THEM = re.compile(
    r"(?:^|[,;:.!?]\s*|\bso\s+)(?:please\s+|just\s+)?"
    r"(?!(?:sent|told|gave|rang|spoke|left|took|got|made|found|met|brought|showed|paid|sold|taught|bought|kept|held|wrote|saw|let|put|had)\b)"
    r"(?![a-z]+(?:ed|ing|s)\b)[a-z]+\s+(?:(?:[a-z]+\s+)?|(?:[a-z]+\s+){1,3}(?:to|with|for)\s+)(?:to\s+|with\s+|for\s+)?(?:him|her|them)\b"
)


def _may_be_an_order(text: TextField) -> bool:
    """Whether a text has what an order needs (see _an_order): one look at its words, rarely one at its text."""
    words = text.words
    if _ORDER_CUES.isdisjoint(words):
        return False  # nearly every text
    if not _ORDER_MARKS.isdisjoint(words) or ("not" in words and "do not" in text.lowered):
        return True
    if not _SCOPE_WORDS.isdisjoint(words) and _ENDLESS_SCOPE.search(text.lowered):
        return True
    if ("every" in words or "each" in words) and not _DUTY_WORDS.isdisjoint(words):
        return True
    return not _THEM.isdisjoint(words) and _ORDER_ON_THEM.search(text.lowered) is not None
# Plain forms that open a clause without giving an order: a subject left out ("Don't know why"),
# past tenses spelt as the plain form ("Put Sassy first on the list"), modals and nouns.
_NOT_ORDERS = frozenset(
    """know think understand remember recall believe have be need want seem feel hope mean like see find get will would can could
    should shall may might must put set cut let read hit shut quit spread cast cost hurt split burst fit reset rerun redo
    leak service test order rest return issue report note update check rang upset quote assume reckon doubt guess suppose expect wonder""".split()
) | _DETERMINERS | {"i", "we", "you", "he", "she", "they", "it", "him", "them"}  # "the" and "her" pass for plain forms ("thing", "herring")
_ENDLESS_SCOPE = re.compile(
    r"\b(?:at all times|every (?:single )?time|each time|whenever|at this (?:address|property|house|site|flat)|(?:for|with|to) (?:this|the) customer)\b"
)
_TO_THEM = re.compile(r"^\s+(?:(?:[a-z]+\s+)?|(?:[a-z]+\s+){1,3}(?:to|with|for)\s+)(?:to\s+|with\s+|for\s+)?(?:him|her|them)\b"
    r"(?!\s+(?:back|know|a (?:call|text|ring|bell|message|copy)|the (?:form|quote|invoice|details|link)))")
_A_DAY = re.compile(
    r"\b(?:today|tonight|tomorrow|next|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|once|when|re|about|asap)\b|\d"
)


def _an_order(sentence: str, lexicon: Lexicon) -> str | None:
    """The words of an order to whoever deals with the customer next, when a clause of the sentence gives one."""
    lowered = sentence.lower()
    duty = _DUTY_EVERY_TIME.search(lowered)
    if duty:
        return duty.group(0)
    for found in _ORDER.finditer(lowered):
        marker, verb, rest = found.group(1), found.group(2), found.group(3)
        if verb in _NOT_ORDERS or _A_SUBJECT_AFTER.match(rest) or not lexicon.is_base_verb(verb):
            continue
        if marker or _ENDLESS_SCOPE.search(rest) or (_TO_THEM.match(rest) and not _A_DAY.search(rest)):
            return (found.group(0) + rest).strip(" ,;:").split(",")[0]
    return None


def _in_a_quotation(sentence: str, at: int) -> bool:
    """Whether a position of a sentence is inside quotation marks: the customer's words of the moment."""
    return any(found.start() < at < found.end() for found in _QUOTATION.finditer(sentence))


def _durable_sentence(text: TextField, lexicon: Lexicon) -> tuple[str, str] | None:
    """The first sentence that states a lasting wish or fact, and the words that make it so."""
    words = text.words
    if _may_be_an_order(text):
        for sentence in sentences(text.text):
            order = _an_order(sentence, lexicon)
            if order and not _ONE_OFF.search(sentence) and not _in_a_quotation(sentence, sentence.lower().find(order)):
                return sentence.strip(), order
    visit = _may_need_a_visit(words)
    if not visit and _DURABLE_WORDS.isdisjoint(words) and (_CHANNEL_WORDS.isdisjoint(words) or _LIMIT_WORDS.isdisjoint(words)):
        return None  # none of the words a durable wish or fact needs: nearly every text
    lowered = text.text.lower()
    if (
        not _DURABLE_IN_LOWER_CASE.search(lowered)
        and not _STANDING_FACT_IN_LOWER_CASE.search(lowered)
        and not (visit and _VISIT_NEED_IN_LOWER_CASE.search(lowered))
    ):
        return None  # one look at the whole, not one per sentence
    for sentence in sentences(text.text):
        for fact in itertools.chain(_STANDING_FACT.finditer(sentence), _VISIT_NEED.finditer(sentence) if visit else ()):
            if not _of_someone_else(sentence[: fact.start()]) and not _in_a_quotation(sentence, fact.start()):
                return sentence.strip(), fact.group(0)
        for wish in _DURABLE.finditer(sentence):
            if wish.group(0).lower() in _OCCASIONS and not _A_WISH.search(sentence) and not _A_STATE_BEFORE.search(sentence, 0, wish.start()):
                continue  # "whistling whenever she turns her head", "the intercom always buzzes twice": a fault, not a wish
            if (not _ONE_OFF.search(sentence) or _STRONG_DURABLE.search(sentence)) and not _in_a_quotation(sentence, wish.start()):
                return sentence.strip(), wish.group(0)
            break
    return None


@rule("P108", "durable-preference-in-note", "warning", "note")
def durable_preference_in_note(subject: Subject) -> Iterator[Hit]:
    """A note holds a durable preference or standing instruction that belongs in the customer's `preferences`.

    ## What it does
    Flags a note whose reason or resolution states something that lasts beyond the contact: a
    wish with "from now on", "going forward", "in future", "always", "never call", "email only",
    "all letters ...", "do not ring before 2pm", "prefers all documents by post", "please only
    text her", "emails only", "use her middle name"; or a standing fact: an allergy, a language
    ("only speaks Spanish"), an accessibility need ("registered blind", "uses a wheelchair",
    "hard of hearing", "uses a walking frame", "on crutches", "needs several minutes to reach the
    door", "walks with two sticks", "deaf in his left ear", "has lost most of her sight"), a court
    order; or an instruction to whoever visits or calls ("operatives must wait", "drivers should
    phone ahead", "drivers are to park on the street", "nobody should ever knock before 1 p.m.", "no
    one is to open the back door"), however the doer is put ("anyone going round must text first",
    "whoever shoes Rowdy should not tie him", "nobody else is allowed to take Mia"); an order in the
    imperative, whatever its verb, with "always", "never" or "do not" before it ("Never run the pump
    past 6pm", "always speak to him face on"), a scope without end after it ("Keep the side gate shut
    at all times", "at this address", "every single time") or the customer as its object, near the
    verb, and no day named ("give her a few minutes to get to the door", "open the bottles for him"; not "Ring her back on Friday", nor a name opening a report, "Wade
    checked her"); a duty for every occasion of a kind ("should be given a buggy for every
    competition"; not a wish alone, "wants admin rights on every PC"); "only ever", "for all the
    future roles"; "as a rule", "would rather we", one channel
    over another ("phone rather than write"), a need applied to whatever we send ("large print on
    everything we send him"). "Whenever", "every time" and "always" count with a wish or an
    instruction in the sentence ("text her each time a parcel is out"), or "always" after "is"
    ("Pepper is always nervous in the dryer room"), not when they say when a fault shows
    ("whistling whenever she turns her head", "the intercom always buzzes twice"). A wish for this
    contact alone ("for this trip only", "today") is not flagged, nor a fact about someone else ("her grandfather, who uses a
    wheelchair", "her grandmother uses a wheelchair"), nor what a person cannot see or read
    today ("can't see anything on the screen"), nor the customer's words in quotation marks, nor
    "always" before a description ("always a pleasure"),
    nor a note that says the wish was added to the preferences. The
    finding quotes the sentence to move into `preferences`. Critical or not, the note is flagged:
    the durable fact belongs on the permanent record either way.

    ## Why
    Durable information belongs on the customer's permanent record, not in one visit's note, where
    it languishes like "a scribble in a restaurant's reservation book". `preferences` in
    `customer.yaml` are shown on every page that concerns the customer, including order pages;
    a note scrolls away.

    ## Example
    ```yaml
    reason: Only wants the annual report by post going forward, no emails about appeals.
    ```
    Use instead, in `customer.yaml`:
    ```yaml
    preferences:
      - {text: Annual report by post only; no emails about appeals., since: 2026-06-03}
    ```
    """
    note = subject.note
    assert note is not None
    for text in subject.texts:
        if text.loc[0] in ("reason", "resolution"):
            found = _durable_sentence(text, subject.lexicon)
            if found and not _on_the_record(found[0], subject) and not any(_RECORDED.search(t.text) for t in subject.texts):
                sentence, words = found
                since = note.at.date().isoformat()
                yield Hit(
                    text.loc,
                    f"a durable preference or standing instruction ({words!r}) belongs in preferences: in customer.yaml, "
                    f"where every page shows it; move it there as - {{text: {_preference_text(sentence)}, since: {since}}}",
                )
                return


def _on_the_record(sentence: str, subject: Subject) -> bool:
    """Whether the customer's preferences or flags already say it: most of the sentence's words are there."""
    customer = subject.customer
    if customer is None:
        return False
    record = " ".join([p.text for p in customer.preferences] + [f"{f.reason} {f.guidance or ''}" for f in customer.flags]).lower()
    said = set(_CONTENT_WORD.findall(sentence.lower()))
    shared = said & set(_CONTENT_WORD.findall(record))
    return len(shared) >= 3 and len(shared) >= 0.4 * len(said)


def _preference_text(sentence: str) -> str:
    """The sentence as a preference's text: capitalised, ending with a full stop."""
    sentence = sentence.strip().rstrip(".;") + "."
    return sentence[0].upper() + sentence[1:]
