"""P101, P102: a note names whom the agent spoke with, and how they stand to the account holder."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..check.placeholders import is_placeholder as is_todo
from ..rules import Hit, describe, rule
from .note_common import DETERMINERS, is_role
from .subject import Subject
from .text import cut_short, normalise_name
from .words import ACCOUNT_PARTY_ENDINGS, ACCOUNT_PARTY_ROLES, HONORIFICS, MEN_TITLES, ROLE_NAMES, WOMEN_TITLES

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
    if not originals or not (is_role(originals[-1].lower()) or _DOER_IN_IST.fullmatch(originals[-1].lower())) or originals[0].lower() in HONORIFICS:
        return False
    return all(
        _ACRONYM.match(word)
        or is_role(word.lower())
        or (index > 0 and word.islower())
        or (index == 0 and ((len(originals) > 1 and originals[1].islower()) or word.lower() in DETERMINERS))  # "His PA", "Her GP"
        for index, word in enumerate(originals[:-1])
    )


# A doer in -ist, a job by its ending: "Florist", "Arborist", "Manicurist" (not a verb, "Assist", "Twist", nor a
# Swedish surname, "Lindqvist", "Holmquist").
_DOER_IN_IST = re.compile(r"[a-z]{3,}(?<![sxwhv])(?<!qu)ist")


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
        or _a_compound_role(name, subject)
        or _own_party_role(name, subject)
    )


def _own_party_role(name: str, subject: Subject) -> bool:
    """Whether the name is a role of the account's own party, whatever the trade calls it ("Hirer", "the
    renter", "Subscriber"), after nothing but a determiner; not when it is the holder's own name ("Booker")."""
    words = normalise_name(name)
    if not words or not _account_party(words[-1]) or any(word not in DETERMINERS for word in words[:-1]):
        return False
    holder = subject.customer.name if subject.customer is not None else ""
    return words[-1] not in normalise_name(holder)


# Second halves of a compound that names someone by whom they share with or what they are in charge of.
_COMPOUND_ROLE_ENDS = ("mate", "master", "mistress")
# A role long enough that a name does not end in it by chance ("Jackson" ends in "son"); family words
# end surnames too ("Fairbrother", "Goodfather"), so they are left out.
_LONG_ROLE = 5
_ENDS_OF_SURNAMES = frozenset("mother father brother sister daughter cousin nephew uncle partner".split())


def _a_compound_role(name: str, subject: Subject) -> bool:
    """Whether a one-word name is a word of the language joined to "-mate", "-master" or a role or
    role of five letters or more: "Flatmate", "Harbourmaster", "Girlfriend", "Bandleader" ("Estimate"
    has no word before its end, "Jackson" ends in a short one, "Fairbrother" in a family word)."""
    if len(name) < 8 or " " in name.strip():
        return False  # nearly every name
    word = name.strip().rstrip(".").lower()
    if not word.isalpha():
        return False
    for cut in range(3, len(word) - 3):
        first, end = word[:cut], word[cut:]
        if (end in _COMPOUND_ROLE_ENDS or (len(end) >= _LONG_ROLE and end in ROLE_NAMES and end not in _ENDS_OF_SURNAMES)) and subject.lexicon.is_known(first):
            return True
    return False


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


# Words that end the name of who someone is and start where they are or whom they are with:
# "Person at the front desk", "Lady from the council", "Next of kin".
_PREPOSITIONS = frozenset("at from of on in for with via to by".split())
# Endings of a word for a doer, as the head of a description: "Dog walker", "Plasterer".
_DOER_HEAD_ENDINGS = ("er", "or", "ist", "ian")


def _plainly_someone_else(name: str, subject: Subject) -> bool:
    """Whether a stand-in contact name plainly names someone other than the account holder.

    The word that says who they are (the last before a preposition: "Receptionist at her office",
    "Bride's mum") is a relation or a role that is not the account's own party's ("Wife",
    "Neighbour", "Site foreman", "Dog walker", "PA"), or is no role ("Person", "Lady", "Next") and
    the words after it name such a role ("Person at the front desk", "Next of kin"); or a title and
    initials whose last initial is not the holder's surname's, or whose title is of the other sex
    from the holder's title in the record ("Mr M." on Jane Smith's account). A role of the account's
    own party ("Tenant", "Hirer", "Homeowner") or a stand-in that says nothing ("Caller", "unknown")
    may be the holder.
    """
    assert subject.customer is not None
    words = normalise_name(name)
    if not words or name.strip().lower().rstrip(".") in subject.lexicon.placeholders:
        return False
    if _title_and_initials(words):
        return words[0] in HONORIFICS and len(words) > 1 and _not_the_holders(words, subject.customer.name)
    originals = re.findall(r"[^\W\d_]+", re.sub(r"-in-law\b|['’]s\b", "", name, flags=re.IGNORECASE))
    if len(originals) == 1 and _ACRONYM.match(originals[0]):
        return True  # "HR", "IT": an office
    lowered = [w.lower() for w in originals]
    before = next((i for i, w in enumerate(lowered) if i > 0 and w in _PREPOSITIONS), len(lowered))
    head, after = lowered[before - 1], lowered[before:]
    if _account_party(head):
        return False
    if is_role(head) or _a_compound_role(head, subject) or (head.endswith(_DOER_HEAD_ENDINGS) and len(head) > 4 and subject.lexicon.is_known(head)):
        return True
    return any(is_role(w) and not _account_party(w) for w in after) or _NEIGHBOURS_PLACE.search(" ".join(lowered[1:])) is not None


# Where a neighbour lives, said of a stand-in: "Lady from next door", "Woman across the road", "Man upstairs"
# (not "at number 16": the holder's own house may be).
_NEIGHBOURS_PLACE = re.compile(r"\b(?:next door|across the (?:road|street|way|landing|hall|corridor)|over the road|opposite|upstairs|downstairs|down the road)\b")


def _account_party(word: str) -> bool:
    """Whether a word names a role of the account's own party: "tenant", "hirers", "homeowner"."""
    return word in ACCOUNT_PARTY_ROLES or (word.endswith("s") and word[:-1] in ACCOUNT_PARTY_ROLES) or word.endswith(ACCOUNT_PARTY_ENDINGS)


def _not_the_holders(title_and_initials: list[str], holder: str) -> bool:
    """Whether a title and initials cannot be the holder's: another surname initial, or a title of the other sex."""
    # The surname is the last word, or the first where names put the family first ("Tan Wei Ling"): either may be it.
    names = holder.split()
    surname = holder.split(",")[0] if "," in holder else " ".join(names[:1] + names[-1:] if len(names) > 2 else names[-1:])
    initials = {w[0] for w in normalise_name(surname)}  # both halves of "Oyelaran-Mackie"
    title, holder_title = title_and_initials[0], next(iter(normalise_name(holder)), "")
    other_sex = (title in MEN_TITLES and holder_title in WOMEN_TITLES) or (title in WOMEN_TITLES and holder_title in MEN_TITLES)
    return bool(initials) and (title_and_initials[-1] not in initials or other_sex)


@rule("P101", "contact-name-missing", "error", "note")
def contact_name_missing(subject: Subject) -> Iterator[Hit]:
    """The contact's name is a stand-in ("Customer", "Mrs R", "Tenant", "IT Helpdesk") rather than a name.

    ## What it does
    Flags a note whose `contact.name` holds only a placeholder: a role ("customer", "caller",
    "account holder"), an abbreviation ("CT", "cx"), "unknown", "n/a", a bare title ("Mr") or a
    pronoun; a title with initials ("Mrs R", "Mr K."), or initials alone ("K."); or a role, relative or office written
    where the name belongs ("Tenant", "Carer", "Grandma", "Nanna", "His PA", "School office", "IT Helpdesk", "PA",
    "Office mgr", "Grandparent", "Lender", "Paralegal", "Housekeeper", "Apprentice", "Fiancée", "Tiler", "Barista",
    "Landscaper"): a last word naming a role or a job (in the plural, a short form, a relative a generation, a marriage
    or a christening away: grand-, great-, step-, god-; or a compound job: -keeper, -minder, -worker, -ician, ...; or a
    doer in -ist: "Florist", "Arborist", not "Lindqvist"; a job that is also a common surname, "Baker", "Barber", is
    read as the name), with nothing before
    it that reads as a name ("Emma Baker" is a name); or a description written in sentence case,
    its later words words of the language in lower case ("Dog walker", "Next of kin", "Person at
    the front desk"; "Jan van der Berg" is a name); or one word that the relationship repeats in
    lower case, or whose verb it uses, when it is a word for a doer ("Skipper", relationship
    "delivery skipper"; "Sharer", "rides under a share agreement"; "roommate", "roommate of the
    account holder", typed in lower case; but "Rose", "sister of the
    account holder", and "Will", "son who will take over the account"); one word joined to "-mate",
    "-master" or a role of five letters or more, whose first part is a word ("Flatmate", "Roommate",
    "Harbourmaster", "Girlfriend", "Schoolteacher"; not "Estimate", "Jackson", "Fairbrother"); a department ("Finance",
    "Accounts Payable"); a place with its number ("Room 204", "Flat 3B"); a role of the account's own party,
    whatever the trade calls it, alone or after "the" ("Hirer", "the renter", "Subscriber", "Borrower"; but
    not the holder's own surname, "Booker" on Sam Booker's account). A title before a
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
        described = (
            _role_not_name(name)
            or _written_as_a_phrase(name, subject)
            or _role_repeated(name, subject.note.contact.relationship)
            or _a_compound_role(name, subject)
        )
        example = f"contact: {{name: <their name>, relationship: {role}}}" if described else "contact: {name: Maria Erickson, relationship: wife of the account holder}"
        if not described and _own_party_role(name, subject):
            example = f"contact: {{name: <the {role.split()[-1]}'s name>}}"  # the account's own party needs no relationship
        yield Hit(("contact", "name"), f"contact name {describe(name)} is a placeholder, not a name; write the name of the person we spoke with, e.g. {example}")


def _same_person(contact: list[str], holder: list[str]) -> bool:
    """Whether a contact's name can be the account holder's ("A. Erickson", "Alexander", "Alexander Erickson")."""
    contact = [w for w in contact if w not in HONORIFICS]
    holder = [w for w in holder if w not in HONORIFICS]
    if not contact or not holder:
        return False
    if contact == holder or (len(contact) == 1 and contact[0] in holder) or sorted(contact) == sorted(holder):
        return True  # the whole name, in any order ("HUI MIN LIM", "Lim, Hui Min"), or one of its words alone ("Alexander")
    # Every word of the contact's name matches a word (or an initial) of the holder's, and the surname matches ("Grace O.").
    # In a name of three words or more the first may be the surname, written last in the other order: "Lan Nguyen" on
    # Nguyen Thi Lan's account.
    surnames = holder[-1:] + (holder[:1] if len(holder) > 2 else [])
    if not any(contact[-1] == surname or (len(contact[-1]) == 1 and surname.startswith(contact[-1])) for surname in surnames):
        return False
    return all(any(h == c or (len(c) == 1 and h.startswith(c)) or cut_short(c, h) for h in holder) for c in contact)


_KIN_WORDS = (
    r"(?:wife|husband|partner|son|daughter|mother|father|mum|mom|mam|dad|sister|brother|aunt|uncle|niece|nephew|gran|granny|grandma|"
    r"grandmother|grandad|grandpa|grandfather|grandson|granddaughter|parents?|children|kids?|spouse|missus|missis|hubby|fianc[eé]e?)"
)
# The reason says the contact acted for a relative or for the holder, asked about a relative's things,
# or names the relation: "on behalf of his wife", "on his dad's behalf", "on behalf of Mrs Lim" after
# any verb; "for his mother" after a verb of getting in touch or acting, or its purpose ("Called for
# ...", "Rang to rebook the sweep for ...", "Came in for ...", "Acting for ..."); "Enquiring about his wife's eye
# test"; "his mum's membership", "her daughter's piano lesson"; "son of the account holder".
_GETTING_IN_TOUCH = (
    r"(?:called|calling|call|calls|rang|ringing|rings|phoned|phoning|telephoned|telephoning|asked|asking|asks|enquiring|inquiring|enquired|inquired|"
    r"emailed|emailing|writing|wrote|messaged|messaging|texted|texting|contacted|came|coming|popped|dropped|acting|speaking|spoke|"
    r"(?:got|get|getting) in touch)"
)
_TITLES = "|".join(sorted(HONORIFICS))
# Whose: "his", "her", "their", and a word that may stand before the relative ("his elderly mother", "her late father's").
_WHOSE = r"(?:her|his|their)\s+(?:(?:elderly|late|old|young|little|older|younger|eldest|youngest|disabled|sick|new)\s+)?"
_FOR_A_RELATIVE = re.compile(
    rf"\bon behalf of\s+(?:{_WHOSE}{_KIN_WORDS}\b(?!['’]s)|(?:{_TITLES})\b|the (?:account )?holder\b)|\bon\s+{_WHOSE}{_KIN_WORDS}['’]s?\s+behalf\b|"
    rf"^\s*(?:[a-z.]+\s+){{0,2}}?{_GETTING_IN_TOUCH}\b"
    # (and the relative's things, "Phoned for her husband's certificate", or the relative's own errand, "Calling for his wife to move
    # the booking"; not what was asked to be done for the relative: "Asked for his wife to be sent a copy")
    rf"(?:(?:\s+to\s+[a-z]+[^.;]{{0,30}}?|[^.;]{{0,15}}?)\bfor\s+{_WHOSE}{_KIN_WORDS}\b(?!\s+(?:to\s+(?:be|have|get|receive)|who)\b)|"
    rf"[^.;]{{0,20}}?\b(?:about|regarding|re)\s+{_WHOSE}{_KIN_WORDS}['’]s?\s)|"
    rf"\b{_WHOSE}{_KIN_WORDS}(?:['’]s)?\s+(?:[a-z]+\s+)?(?:account|membership|bill|booking|policy|card|plan|subscription|renewal|statement|"
    rf"prescription|locker|fob|direct debit|details|permit|licence|license|order|appointment|reservation|tenancy|lease|contract|claim|invoice|"
    rf"service|repair|lessons?|class|classes|course|treatment)\b|"
    rf"\b{_KIN_WORDS} of the (?:account )?holder\b|\b(?:account )?holder['’]s\s+{_KIN_WORDS}\b"
)


def _reason_tells_of_another(subject: Subject) -> bool:
    """Whether the reason tells that a stand-in contact is not the holder: it says they acted for a relative ("Ringing for
    his wife"), or names the holder in the third person past a sentence's opening ("Rang to ask whether Ms Tran's
    vouchers ...", "a parcel addressed to Mai Tran"; not "Ms Tran asked for the invoice", the holder as its subject)."""
    assert subject.customer is not None
    reason = next((text for text in subject.texts if text.loc == ("reason",)), None)
    if reason is None:
        return False
    if _FOR_A_RELATIVE.search(reason.lowered):
        return True
    named = _holder_named(subject.customer.name)
    return named is not None and any(
        re.split(r"[.;!?]\s", reason.lowered[: found.start()])[-1].strip() for found in named.finditer(reason.lowered)
    )


@lru_cache(maxsize=1024)
def _holder_named(holder: str) -> re.Pattern[str] | None:
    """The holder named in the third person: a title before a word of their name ("Ms Tran", "Mr. Siddiqui's") or two
    words of their name ("Mai Tran")."""
    words = [re.escape(w) for w in normalise_name(holder) if w not in HONORIFICS and len(w) > 1]
    if not words:
        return None
    name = "|".join(words)
    return re.compile(rf"\b(?:(?:{_TITLES})\.?\s+(?:{name})|(?:{name})\s+(?:{name}))\b")


@rule("P102", "contact-relationship-missing", "error", "note")
def contact_relationship_missing(subject: Subject) -> Iterator[Hit]:
    """The contact is not the account holder, and the note does not say how they are related.

    ## What it does
    Compares `contact.name` with the account holder's name in the customer's `customer.yaml`
    (ignoring case and the order of the words, "Lim, Hui Min", and a middle word left out, the family name of a name
    of three words first or last: "Lan Nguyen" on Nguyen Thi Lan's account; titles such as "Mrs", "Reverend", "Cllr" or
    "Major", in other languages too: "Mdm Tan", "Mme Dubois", "Sra. Gómez", "Señora Lim"; and initials, "Grace O."
    too; a first name or surname alone counts as the holder's, and so does the holder's first name cut short with
    the surname, "Jen Thibodeau" on Jennifer Thibodeau's account (not "Daniel" for Danielle: a letter or two short
    is a name of its own); a relative with the holder's surname and another
    first name, "Maria Erickson" on Alexander Erickson's account, does not). A contact whose name
    only may be the holder's ("Mr Erickson", "Erickson") is flagged too when the reason says they
    acted for a relative or for the holder, asked about a relative's things, or names the relation:
    "on behalf of his (elderly) wife", "on his dad's behalf" or "on behalf of Mrs Lim" after any verb,
    "for his mother" after a verb of getting in touch or acting or its purpose ("Called for ...",
    "Came in for ...", "Acting for ...", "Rang to rebook the sweep for ...", "Phoned for her husband's
    certificate", "Calling for his wife to move the booking"; not "Asked for his wife to be sent a copy"), "Enquiring about his
    wife's eye test", "Ringing about his mum's membership", "his late father's account", "his
    partner's parking permit", "her daughter's piano lesson", "son of the account holder".
    When they differ and `contact.relationship` is absent,
    the note is flagged. Notes of a customer whose `customer.yaml` cannot be read are not checked.

    A contact name that is a stand-in (P101 flags it) and no `relationship` is flagged too when the
    stand-in plainly names someone other than the holder: a relation ("Wife", "Flatmate",
    "Neighbour", "Bride's mum", "Next of kin"), someone of another organisation or another role
    ("Dog walker", "Site foreman", "PA", "School office", "Person at the front desk", "Landlord",
    "Estate agent"), or a title with an initial that is not the holder's surname's ("Mr M." on
    Jane Smith's account; in a name of three words or more the first may be the surname, as in "Ms T." on Tan Wei
    Ling's), or with a title of the other sex from the one in the holder's record
    ("Mr S" on Mrs Jane Smith's). The word that says who they are is the last before a preposition
    ("Receptionist at her office"); a word that is no role ("Person", "Lady") leaves it to the
    words after ("Lady from the council"), and so do words of where a neighbour lives ("Lady from next door", "Woman across
    the road", "Man upstairs"; not "Lady at number 16", where the holder may live). A stand-in that may be the holder is left to P101 alone:
    a role of the account's own party ("Customer", "Caller", "Hirer", "Tenant", "Member",
    "Patient", "Guest", "Resident", "Student", "Homeowner", "Account holder", "Bill payer"), a
    stand-in that says nothing ("unknown", "N/A", "Mr"), or a title with the holder's surname
    initial ("Mr W." on William Ward's account). But for a role of the account's own party, such a stand-in is
    flagged when the reason tells of another: they acted for a relative ("Ringing for his wife"), or the holder is
    named in the third person past a sentence's opening ("Collecting Mrs Tran's order", "a parcel addressed to Mai
    Tran"; not "Ms Tran asked for the invoice", the holder as its subject).

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
    if is_todo(contact.name):
        return  # S004 already says the name is missing
    if _names_nobody(contact.name, subject):
        if _plainly_someone_else(contact.name, subject) or (not _own_party_role(contact.name, subject) and _reason_tells_of_another(subject)):
            yield Hit(
                ("contact", "name"),
                f"contact name {describe(contact.name)} names someone other than the account holder ({subject.customer.name}); "
                "add contact.relationship (e.g. 'neighbour of the account holder')",
            )
        return  # a stand-in that may be the holder: P101 asks for the name
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
