"""What several P1xx rule families read: role and kin words, determiners, the customer's names, a sentence as a preference."""

from __future__ import annotations

from functools import lru_cache

from .subject import Subject
from .text import normalise_name
from .words import HONORIFICS, ROLE_NAMES

# Short forms of roles: "Office mgr", "Sales rep".
_ROLE_ABBREVIATIONS = frozenset("mgr mngr asst rep reps coord supt recep sec admin dept hq".split())


# Endings that make a word a job or a role: a housekeeper, a childminder, a dog-sitter, a technician.
_ROLE_ENDINGS = ("keeper", "minder", "sitter", "worker", "maker", "officer", "manager", "assistant", "ologist", "ician", "therapist", "holder", "owner")


def is_role(word: str) -> bool:
    """Whether a word names a role or a relation: "tenant", "tenants", "grandparent", "stepmother", "mgr", "housekeeper"."""
    if word in ROLE_NAMES or word in _ROLE_ABBREVIATIONS or (word.endswith("s") and word[:-1] in ROLE_NAMES):
        return True
    if word.endswith(_ROLE_ENDINGS) and len(word) > 7:
        return True
    # Kin by marriage, by a christening or a generation away: grandparent, stepmother, godmother, greatgrandad.
    return any(word.startswith(prefix) and word[len(prefix) :] in KIN for prefix in ("great", "grand", "step", "god"))


KIN = ROLE_NAMES | {"parent", "parents", "child", "children"}


DETERMINERS = frozenset("the a an this that these those his her their its my".split())


def their_names(subject: Subject) -> frozenset[str]:
    """The words of the contact's and the account holder's names, titles aside."""
    assert subject.note is not None
    return _names_of(subject.note.contact.name, subject.customer.name if subject.customer is not None else "")


@lru_cache(maxsize=4096)
def _names_of(contact: str, holder: str) -> frozenset[str]:
    return frozenset((set(normalise_name(contact)) | set(normalise_name(holder))) - HONORIFICS)


def preference_text(sentence: str) -> str:
    """The sentence as a preference's text: capitalised, ending with a full stop."""
    sentence = sentence.strip().rstrip(".;") + "."
    return sentence[0].upper() + sentence[1:]
