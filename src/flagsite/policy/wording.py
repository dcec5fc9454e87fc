"""P3xx: the wording of any free text in a record (notes, flag reasons, preferences).

Records are professional and factual, because the customer may ask to read
them: no text-speak, no misspellings, no quotes of the customer, no
derogatory words, and no opinions or feelings in a field that is exported.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import cache
from itertools import pairwise

from ..rules import Hit, rule
from .alternatives import Alternatives
from .lexicon import Lexicon
from .subject import Subject
from .suggest import instead_of_judgement, neutral_words, reported_speech
from .text import SINGLE_QUOTED, TextField, in_title_case
from .words import COPULAS, HONORIFICS, INTENSIFIERS, INTERACTION_WORDS, IRREGULAR_PASTS, OBJECTING_VERBS, OPINION_WORDS, PERSON_HEADS, PERSON_WORDS, REPORTED_STATES, ROLE_NAMES, TRAIT_WORDS, WEEKDAYS


@rule("P301", "slang-or-text-speak", "error", "text")
def slang_or_text_speak(subject: Subject) -> Iterator[Hit]:
    """Slang or text-speak ("cuz", "u", "gonna", "thx") in a record.

    ## What it does
    Finds words from a list of slang and text-speak that are never standard English (chat's initialisms among
    them: "lmk", "iirc", "afaik", "nvm"; informal contractions in -a: "outta", "lotta"; "bk", "gd"), and the
    inflections of its abbreviations ("msgd", "msgs"), a final g dropped ("nothin", "goin", "doin"),
    a first syllable clipped off ("called bout the hedge"; not "a bout of flu"), and a digit written
    for a word ("wants 2 know", "came 2 see", "popped round 2 check the pump", "4 you", "waiting 4 the
    part", "a new hinge 4 the lid", "a token 4 another wash" (a count comes after "another"), "ready 4 collection", "thanks 4 waiting", "eligible 4
    cover" (after a word that takes "for"; not "booked 4 seats", "ready 4 days early"), "came down 4 a quick word" (a count
    comes before no article; not a rate, "lifts 4 a day"), "sent 2 her mobile", "told her 2 check the site", "asked her 2 ring if it starts",
    "popped in 2 sort it", after a doer named by their job or team, "joiner 2 refit it", "van crew 2 collect Weds"; not a count or a time: "needs 2 filters", "booked 2
    double rooms", "gave her 2 vouchers", "at 4 the van came", "fitted 4 the first week", "Table 4 the Smith party", nor a
    number after a capitalised word inside a sentence, which names a thing: "leave Room 4 till last"), a letter for a word ("spoke w her neighbour", "spoke w Fraser", "was fine w that",
    "blocked w leaves", "tuned n cleaned the keys", "fitted a valve n repressurised", "will c her at 10", "should b there"; not "a 60 w bulb",
    "the w key", "the n key", "vitamin c"), "cud" after who could or before a verb ("asked if we cud come", "if the sofa cud go on the
    van"; not a cow's cud), a word for a day written short, its first and last letters kept ("yday", "tmrw", "wknd"), text-speak with an ending after an apostrophe ("msg'd"), and a common word written
    in its consonants alone, which the dictionary lacks ("wld": would, "cld": could; P302 leaves them), or in some of
    them, first and last kept and two letters or more left out ("shd": should, "bkd": booked, "rcvd": received), and
    says what to write instead. Single letters ("u", "r") count only in lower case, so "Plan U" is a name, and two
    letters in capitals are an acronym ("the TA unit"; "ta" is thanks); a word of the list capitalised inside a
    sentence or before another capitalised word is a name ("at Ty Gwyn", "spoke to Ty"; "Ty for waiting" is thanks), and so is a
    letter between two capitalised words ("Heol y Nant", "Betws y Coed"). Add words with `policy.slang: {word: replacement}`.

    ## Why
    Notes and flags are professional records that the customer may read, and that colleagues
    must understand at a glance. The notes policy names "cuz" as the example to avoid.

    ## Example
    ```yaml
    reason: Customer called cuz they want to cancel.
    ```
    Use instead:
    ```yaml
    reason: Charged after cancelling two months ago; asked for a refund.
    ```
    """
    for text in subject.texts:
        found = _text_speak(text, subject)
        if found:
            fixes = ", ".join(f"{w!r} → {fix}" for w, fix in found)
            yield Hit(text.loc, f"slang or text-speak: {fixes}")


def _written_in_text_speak(subject: Subject) -> bool:
    return any(_text_speak(text, subject) for text in subject.texts)


def _text_speak(text: TextField, subject: Subject) -> list[tuple[str, str]]:
    """The slang and text-speak in a text, each with what to write instead."""
    lexicon = subject.lexicon
    found = [(w, lexicon.slang[w]) for w in lexicon.slang_in(text)]
    unknown = lexicon.unknown_words(text)
    if unknown:  # usually none: words repeat across records
        found += [(w, w + "g") for w in lexicon.dropped_g(text, unknown) if w not in subject.known_words]
        found += [pair for pair in lexicon.consonant_spellings(text, unknown) if pair[0] not in lexicon.slang]  # ("tmrw" is both)
        seen = {w for w, _ in found}
        found += [(w, day) for w in sorted(unknown, key=text.words.index) if w not in seen and (day := lexicon.day_written_short(w))]
    return found + lexicon.digits_for_words(text) + lexicon.clipped_words(text) + lexicon.letters_for_words(text)


def _misspelled(text: TextField, subject: Subject) -> list[str]:
    lexicon = subject.lexicon
    known = subject.known_words
    # Only a word the dictionary rejects can be reported. Words found right before (the
    # dictionary's answers are kept per word) are set aside in one step: usually all of them.
    unchecked = set(text.words).difference(lexicon.spelled_right, known)
    rejected = {word for word in unchecked if not lexicon.is_known(word, known) and word.removesuffix("'s") not in known}  # ("Aroha's")
    if not rejected:
        return []
    wrong: list[str] = []
    derogatory: set[str] | None = None
    for index, lower in enumerate(text.words):
        if lower not in rejected:
            continue
        word = text.originals[index]
        if len(word) < 3 or word.isupper() or word[1:] != word[1:].lower():
            continue  # initials, acronyms (TL, CC), names with inner capitals (McDonald)
        if word[0].isupper() and not text.starts_sentence(index) and not _calendar_slip(lower):
            continue  # a capital inside a sentence marks a name: Covesmart, Anna (but "Thursays" is a slip)
        if not _calendar_slip(lower) and not lexicon.one_edit_from_a_word(lower) and (word[0].isupper() or not lexicon.two_slips_from_a_common_word(lower)):
            # No word one edit away: a name (Ngozi) or a product (metformin), not a typo. But a day two slips
            # away is ("Wensday"), and so is a word in lower case two slips from a common one ("reccomended").
            continue
        if index > 0 and text.masked[text.starts[index] - 1] == "-" and any(lower.endswith(end) and lexicon.is_known(lower[: -len(end)], known) for end in ("s", "ed", "er", "ers")):
            continue  # the end of a compound: add-ons, top-ups, sign-ins, tight-fisted, three-seater
        if _in_a_loan_phrase(text, index):
            continue  # a phrase of another language, joined by hyphens or by its own joining word: cul-de-sac, coq au vin
        end = text.starts[index] + len(word)
        if lower in _PREFIXES and text.masked[end : end + 1] == "-":
            continue  # a prefix before a hyphen: pre-authorisation, co-payment
        if word[0].isupper() and not (len(lower) >= _LONG_SLIP and lexicon.one_slip_from_a_common_word(lower)) and (
            _NAME_BEFORE_VERB.match(text.masked[end:]) or _NAME_BEFORE_NAME_OR_WHO.match(text.masked[end:]) or _before_a_past_tense(text, index, subject)
            or _before_a_role(text, index) or _a_maker_before_a_model(text, index, lexicon) or _a_colleague_at_work(text, index, lexicon)
        ):
            continue  # a name opening a sentence, then what it did: "Mochi ate a sock", "Ngozi's order", "Dari interpreter", "Leica M6"
        if _rhymes_with_a_neighbour(text, index):
            continue  # a rhyming pair: "lilly pilly", "hanky panky", "okey dokey"
        if _a_unit(lower) and _after_a_number(text, index):
            continue  # a unit of measure: "40 mbar", "3 kPa"
        if derogatory is None:
            derogatory = set(subject.derogatory_in(text))
        if lexicon.spelt_without_vowels(lower) or (
            word == lower and (lexicon.letters_left_out(lower) or _VOWELS.isdisjoint(lower) or lexicon.run_into_a(lower)) and _written_in_text_speak(subject)
        ):
            continue  # "wld", "cld"; "shd", "yday", "smth", "loadsa" in a text written in text-speak: P301's
        if lexicon.short_form(lower) or lexicon.clipped_form(lower):
            continue  # a short form of a long word: "appt" (appointment), "pedis" (pedicures)
        if lexicon.slang_inflected(lower):
            continue  # "msg'd": text-speak with an ending, P301's
        if lower in lexicon.slang or lower in wrong or lower in derogatory or lower in lexicon.person_judging or (lower.endswith("in") and lexicon.is_known(lower + "g")):
            continue  # slang, a dropped g, insults and words of character ("gobby") have their own rules
        if lexicon.day_written_short(lower):
            continue  # "yday", "wknd": P301's
        if (lower not in subject.proper_words and lower.removesuffix("'s") not in subject.proper_words) or _calendar_slip(lower):
            wrong.append(lower)
    return wrong


_VOWELS = frozenset("aeiouy")
# A day or a month one slip away: capitalised like a name, but a misspelling all the same.
_CALENDAR_SLIP = re.compile(
    rf"^(?=[a-z]{{5,}}$)(?!(?:{WEEKDAYS}|january|february|march|april|june|july|"
    r"august|september|october|november|december)s?$)(?:mo?n?d?a?y|tu?e?s?d?a?y|we?d?n?e?s?d?a?y|th?u?r?s?d?a?y|fr?i?d?a?y|sa?t?u?r?d?a?y|su?n?d?a?y|"
    r"ja?n?u?a?r?y|fe?b?r?u?a?r?y|se?p?t?e?m?b?e?r|oc?t?o?b?e?r|no?v?e?m?b?e?r|de?c?e?m?b?e?r)s?$"
)
_DAYS_AND_MONTHS = (
    "monday tuesday wednesday thursday friday saturday sunday january february march april june july august september october "
    "november december"
).split()
# A day or a month with two letters swapped or a letter added inside it ("Teusday", "Novemeber"); a letter
# added at the end makes other words and names ("Augusta").
_CALENDAR_SLIPS = frozenset(
    {day[:i] + day[i + 1] + day[i] + day[i + 2 :] for day in _DAYS_AND_MONTHS for i in range(len(day) - 1)}
    | {day[:i] + letter + day[i:] for day in _DAYS_AND_MONTHS for i in range(1, len(day)) for letter in "abcdefghijklmnopqrstuvwxyz"}
) - frozenset(_DAYS_AND_MONTHS)


def _calendar_slip(lower: str) -> bool:
    """Whether a word is a slip for a day or a month: a letter or two dropped, two swapped, one added, or
    two of these in a long one ("Wendsday": two letters swapped and one dropped)."""
    return lower in _CALENDAR_SLIPS or _CALENDAR_SLIP.match(lower) is not None or _two_slips_from_a_long_day(lower)


# Days and months long enough that two slips leave them plain to see (not "Frida", "Augusta": names).
_LONG_DAYS_AND_MONTHS = tuple(day for day in _DAYS_AND_MONTHS if len(day) >= 7)


def _two_slips_from_a_long_day(lower: str) -> bool:
    if len(lower) < 7 or not lower.isalpha() or lower.endswith("s"):
        return False
    return any(
        day[0] == lower[0] and not lower.startswith(day) and _slips(lower, day) <= 2 for day in _LONG_DAYS_AND_MONTHS if abs(len(day) - len(lower)) <= 2
    )


def _slips(a: str, b: str) -> int:
    """Letters dropped, added, changed or two swapped, from one word to the other (Damerau-Levenshtein)."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


# Three or more parts joined by hyphens, one of them a short joining word: a loan phrase ("cul-de-sac",
# "vol-au-vent", "bric-a-brac"), whose parts no English list holds alone; "mother-in-law" is English throughout.
_HYPHENED_PHRASE = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+){2,}")


# The joining words of French, Italian and Spanish, which English prose never uses alone: the words beside them are
# a loan phrase's ("steak au poivre", "coq au vin", "tarte aux pommes"; after one: "boeuf en croute", "penne alla vodka").
_LOAN_JOINERS = frozenset("au aux".split())
_LOAN_JOINERS_BEFORE = frozenset("en du des de alla della al".split())


def _in_a_loan_phrase(text: TextField, index: int) -> bool:
    originals = text.originals
    before = originals[index - 1] if index > 0 else ""
    after = originals[index + 1] if index + 1 < len(originals) else ""
    if before in _LOAN_JOINERS or before in _LOAN_JOINERS_BEFORE or after in _LOAN_JOINERS:
        return True  # (as written: "Al", "De" are names)
    start = text.starts[index]
    return any(
        match.start() <= start < match.end() and any(len(part) <= 2 for part in match.group().split("-"))
        for match in _HYPHENED_PHRASE.finditer(text.masked, max(0, start - 40), start + 40)
    )


_PREFIXES = frozenset("pre post non re co anti semi multi sub inter mid self ex un de bi tri mis over under e".split())
# After a name that opens a sentence, another name ("Bisky and Mungo were walked") or who it is, set off by
# commas ("Kemi, her granddaughter, let them in"; a slip before one comma is not: "Unfortunatly, the part ...").
_NAME_BEFORE_NAME_OR_WHO = re.compile(r"^(?:\s+(?:and|&)\s+[A-Z][a-z]+\b|,\s+(?:her|his|their|our|my|the|a|an)(?:\s+[a-z]+){1,2},)")
# After a name that opens a sentence, a verb of its own: typing slips open a sentence with the verb itself.
_NAME_BEFORE_VERB = re.compile(
    r"^(?:'s\b|\s+(?:is|was|has|had|will|would|can|could|does|did|needs|needed|wants|wanted|ate|came|went|got|gets|seems|seemed|"
    r"looks|looked|says|said|called|rang|asked|arrived|left|had|started|stopped|keeps|kept|is|isn't|wasn't|hasn't|doesn't|didn't)\b)"
)


# A word this long one slip from a common word is that word mistyped, not a name before its verb ("Accomodation booked").
_LONG_SLIP = 8
# After a name opening a sentence, where they work or are, then a verb of theirs: "Shona in the office will refund it",
# "Eilidh on reception has put", "Dev from stores brought" (a slip opens a sentence with the verb itself).
_WHERE_THEY_ARE_THEN_A_VERB = re.compile(
    r"^\s+(?:in|at|from|on)\s+(?:the\s+)?[a-z]+(?:\s+[a-z]+)?\s+(?:will|would|has|had|is|was|can|could|should|did|[a-z]{2,}ed|"
    r"sent|put|took|gave|brought|rang|said|told|came|went|got|left|found|made|kept|paid|sold|set|let|cut|fitted)\b"
)
# After a name and "to", a task a person does ("Bri to call her", "Benji to log the part"); what happens to a thing
# is no task ("Refund to clear in three days", "Invoice to follow").
_TO_A_TASK = re.compile(r"^\s+to\s+(?!(?:be|follow|arrive|clear|go|come|reach|land|take|last|run|expire|start|finish|happen|stay|remain|show|appear|cost|apply)\b)[a-z]{2,}\b")
# A name is short, or no common word is one slip from it: "Kev", "Bri", "Conor"; "Recipt" and "Refnd" are slips.
_SHORT_NAME = 5


def _may_be_a_name(word: str, lexicon: Lexicon) -> bool:
    """Whether a word may be a name: it is short, or no common word is one slip from it ("Kev", "Bri", "Konica";
    "Recipt", "Chekced" are slips)."""
    return len(word) <= _SHORT_NAME or not lexicon.one_slip_from_a_common_word(word.lower())


def _a_maker_before_a_model(text: TextField, index: int, lexicon: Lexicon) -> bool:
    word = text.originals[index]
    return _MODEL_CODE.match(text.unmasked_links, text.starts[index] + len(word)) is not None and _may_be_a_name(word, lexicon)


def _a_colleague_at_work(text: TextField, index: int, lexicon: Lexicon) -> bool:
    """Whether a capitalised word opening a sentence is someone's name by what follows it: "'s" and a word in lower
    case, whose it is or what they are doing ("Isla's sun cream ran out", "Kev's picking more up", "Conor's on
    tonight"), "to" and a task ("Bri to call her"), or where they work or are and a verb of theirs ("Shona in the
    office will refund it"). A word of six letters or more one slip from a common word is that word mistyped
    ("Recipt's been posted", "Custmer's boat")."""
    word = text.originals[index]
    if not _may_be_a_name(word.removesuffix("'s"), lexicon):
        return False
    rest = text.masked[text.starts[index] + len(word) :]
    if word.endswith("'s"):
        return rest[:1] == " " and rest[1:2].islower()
    return _TO_A_TASK.match(rest) is not None or _WHERE_THEY_ARE_THEN_A_VERB.match(rest) is not None


def _before_a_role(text: TextField, index: int) -> bool:
    """Whether a word stands right before a word for a person by their job: "Dari interpreter", "Polish builder"."""
    following = text.words[index + 1] if index + 1 < len(text.words) else ""
    return following in ROLE_NAMES and following[:1] == text.originals[index + 1][:1]


# Units of measure, and the prefixes that scale them: "mbar", "kPa", "mA", "kWh", "mg", "psi", "rpm".
_UNITS = frozenset("bar l g m w v a pa hz wh j n s ohm psi rpm mph kph bpm ppm dpi fps lb lbs oz ft lpm gpm cfm".split())
_UNIT_PREFIXES = frozenset("m k c d h n u µ g".split())


def _a_unit(word: str) -> bool:
    return word in _UNITS or (len(word) > 1 and word[0] in _UNIT_PREFIXES and word[1:] in _UNITS)


def _after_a_number(text: TextField, index: int) -> bool:
    """Whether a number stands right before word ``index`` ("40 mbar", "12.5kPa")."""
    before = text.unmasked_links[max(0, text.starts[index] - 12) : text.starts[index]].rstrip()
    return before[-1:].isdigit()  # (the masked text blanks numbers: the text with only links blanked keeps them)


def _before_a_past_tense(text: TextField, index: int, subject: Subject) -> bool:
    """Whether a verb in the past tense follows a word: what a name opening a sentence did ("Bisky chewed the hose",
    "Zofia lost a glove")."""
    following = text.words[index + 1] if index + 1 < len(text.words) else ""
    if not (following.endswith("ed") or following in IRREGULAR_PASTS) or text.masked[text.starts[index] + len(text.originals[index]) : text.starts[index + 1]] != " ":
        return False
    return following in IRREGULAR_PASTS or subject.lexicon.is_known(following, subject.known_words)


# A model code after a maker's name: letters and digits in one token, a capital among them ("Leica M6", "Rollei 35S",
# "Fujifilm X100V"); a count alone is no model ("Recieved 3 rolls").
# A series in capitals may stand between ("Ricoh IM C3000", "Aduro TW 9S").
_MODEL_CODE = re.compile(r"(?: [A-Z]{2,4})? (?=[A-Za-z]*\d)(?=\d*[A-Z])[A-Z0-9]{2,}[a-z]?\b")


def _rhymes_with_a_neighbour(text: TextField, index: int) -> bool:
    """Whether a word and the word beside it differ only in the consonants before their first vowel, as the halves
    of a rhyming pair do ("lilly pilly", "hurly burly", "itsy bitsy"); a slip rarely rhymes with its neighbour."""
    word = text.words[index]
    rhyme = _rhyme(word)
    return len(rhyme) >= 3 and any(
        0 <= near < len(text.words) and text.words[near] != word and _rhyme(text.words[near]) == rhyme for near in (index - 1, index + 1)
    )


def _rhyme(word: str) -> str:
    """A word less the consonants before its first vowel: "pilly" -> "illy", "bitsy" -> "itsy"."""
    for position, letter in enumerate(word):
        if letter in "aeiou":
            return word[position:]
    return ""


@rule("P302", "misspelled-word", "warning", "text")
def misspelled_word(subject: Subject) -> Iterator[Hit]:
    """A word that is not in the English dictionary (SCOWL's American and British word lists).

    ## What it does
    Checks each word of the record's prose against SCOWL's American and British word lists
    (shipped with flagsite) and pyspellchecker's English word list, and suggests the likeliest
    corrections. British and American spellings both pass (colour and color, aluminium and
    aluminum, centred, kerb, coeliac; a slip in a British spelling is one in the American: "nieghbour", "favourate",
    "appologised"), and so do trade words of the larger list (haylage,
    otoscopy, choux, tannoy, defoamed), unless a common word is one slip of the keys or of spelling away: a letter after
    the first dropped or added ("stoped", "wich"), two swapped, a key beside the one meant, a vowel for another
    ("caromel"), a letter for its voiced twin ("dispursed"), or two frequent words run together ("aswell"); a first
    letter added or dropped ("tannoy": annoy) or a consonant far off on the keyboard makes another word. So do words of English on the
    web (wordfreq's list, ten uses in a hundred million words or more) that no word thirty times as
    common is one or two slips from, nor codespell's list of misspellings holds: dishes of other
    languages, services and brands, names written in lower case ("katsu", "carnitas", "venmo",
    "xbox", "gmail", "kesha"; not "recieve", "tommorow", "alot"). Not checked: names in the
    records (the customer's, the contact's, staff user names), capitalised words inside a sentence
    (names, products; the full stop of a title ends none: "seen by Dr. Amara Singh") and the same word opening a sentence elsewhere in the record ("Tamsk refused
    his tablets ... topped up Tamsk's water"), a word that no dictionary word is one edit away from
    (a name opening a sentence, a drug or a product: typing slips nearly always are one edit away), or only
    a rare word by its first letter ("dosette": rosette; a common word's first letter mistyped, "vooking", is a slip),
    a capitalised word opening a sentence before a verb of its own, in the past tense regular or not ("Mochi
    ate a sock", "Bisky chewed the hose", "Zofia lost a glove": a pet's or a person's name; but a word of eight
    letters or more one slip from a common word is that word: "Accomodation booked", "Mechanik took"), before another
    name ("Bisky and Mungo") or before who it is, set off by commas ("Kemi, her granddaughter, ..."); and, if the word is
    of five letters or fewer or no common word is one slip from it ("Recipt's been posted", "Chekced PO AB12" are
    reported), before a model code of letters and digits, a series in capitals maybe between ("Leica M6", "Rollei 35S",
    "Ricoh IM C3000": a maker), with "'s" before a word in lower case, whose a thing is or what someone is doing
    ("Isla's sun cream ran out", "Kev's picking it up", "Declan's off sick"), before where someone works or is and a
    verb of theirs ("Shona in the office will refund it", "Eilidh on reception has put"), or before "to" and a task
    ("Bri to call her", "Tomek to ring him back", "Kaz to reorder the saucers"; not "Refnd to clear", a thing's doing),
    the end of a compound ("add-ons",
    "tight-fisted", "three-seater"), a prefix before a hyphen ("pre-authorisation"), acronyms, emails, links, ids
    and numbers, units after a number ("40 mbar", "3 kPa", "12 psi"), a capitalised word before a word for a job
    ("Dari interpreter"), a name of the record with "'s" ("Aroha's"), a short form of a common long word
    ("appt", "merch", "vacc"; not "teh", "the" with two letters swapped, nor "delt", "dealt" with a letter dropped), a word clipped to
    the opening of a longer one, ending in "i", "o" or "y", or its plural ("pedis", "resi"; not "studi", "studio" with
    its last letter dropped), text-speak with an ending ("msg'd": P301's), a word in lower case of three to five
    letters that leaves letters out of a common word, its first and last kept, in a record written in text-speak
    elsewhere, or a word in lower case without a vowel there, or a frequent word run into "a" for "of" ("shd", "yday",
    "smth", "loadsa", "coupla" beside "2" for "to": the writer's
    register, not a slip; "wich" in plain prose is, and so are two words run together, "alot", and a common word with two letters swapped,
    "wiht"), words
    written without their accents (matinee), plurals and doers of known words
    (tyres, valeter, clarifier, panicker; not "tailer", one slip from "tailor", nor "acess": a word in -ss is no plural), a trade's word made by the regular
    endings (-er, -ing, a past in -ed with its last letter doubled) from a word seen more than rarely, when no common word
    one slip away shares its stem but for another spelling of the ending ("wormer", "jetter", "rodded", "remoting",
    "uploader"; not "refered", "begining", "writting", nor a strong verb's doubled past, "runned"), the parts of a phrase of three or
    more parts joined by hyphens, one of them a short joining word ("cul-de-sac", "vol-au-vent"), and the words beside a joining word of
    French, Italian or Spanish ("pain au chocolat", "coq au vin", "boeuf en croute", "penne alla vodka"; not "the chocolat cake"), a
    trade's word done again ("regrouted", "reglazing"; not "recieved") or not done, "un" and a past ("unvented", "unflued"; not
    "unsued", "unused" with two letters swapped), and the words in `policy.allow_words` — add the organisation's own
    vocabulary there. Either half of a rhyming pair passes ("lilly pilly", "hanky panky"). A compound of two
    common words, the first of three letters too when it names a thing ("cupholder", "toybox"; not "thebox"), or of a
    particle and one ("upsell", "offload"), passes, and so does a common verb joined to its
    particle, the noun of a phrasal verb, when no word one slip away is as common as the verb ("callout",
    "cashout"; not "witout");
    a word the list lacks that is one slip from a common word is reported even
    when it splits into words ("untill"); so is a word in lower case two slips from a common one
    ("reccomended", "sucessfull", "schedual"), and a slip for a day or a month, capitalised or not,
    even two slips away ("Thursays", "Wensday", "Wendsday"), or with two letters swapped or one added inside it
    ("Teusday", "Novemeber"). A name opening a sentence with "'s" passes when the name stands inside a
    sentence elsewhere in the record ("Tavi's trampoline ... put it back for Tavi"), and so does the
    regular -ed, -ing or -s form of a word seen more than rarely, which the larger list holds, though a
    common word is one slip away ("shanked", "tining"; not "stoped", whose "stop" makes "stopped").

    ## Why
    Misspellings make a record look careless to the customer who asks to see it, and make notes
    harder to search ("acount" is never found by a search for "account").

    ## Example
    ```yaml
    resolution:
      - Cancelled the acount and sent a confirmaton email.
    ```
    Use instead:
    ```yaml
    resolution:
      - Cancelled the account and sent a confirmation email.
    ```
    """
    for text in subject.texts:
        wrong = _misspelled(text, subject)
        if wrong:
            parts = []
            for word in wrong[:5]:
                suggestions = subject.lexicon.suggestions(word)
                parts.append(f"{word!r}" + (f" (did you mean {' or '.join(suggestions)}?)" if suggestions else ""))
            yield Hit(text.loc, f"possibly misspelled: {', '.join(parts)}; correct it, or add a name or product word to policy.allow_words in flagsite.yaml")


_SPEECH = (
    r"(?:said|says|say|saying|stated|states|told (?:me|us|the agent|him|her|them)|replied|responded|answered|yelled|shouted|screamed"
    r"|exclaimed|wrote|writes|quote|quoted|quoting|commented|added|complained|claimed|insisted|went|was like|called (?:it|us|me|the agent)|words were"
    r"|(?:text|email|message|letter|note|card|review|voicemail|post) (?:read|reads))"
)
_DOUBLE_QUOTED = re.compile(r"[\"“„]([^\"“”„\n]{1,400})[\"”]")
# (Each pattern here that opens with a look-ahead for a letter matches only from one: the look passes over the gaps between words at once.)
_SINGLE_QUOTED_AFTER_SPEECH = re.compile(rf"(?=[a-z])\b{_SPEECH}\s*[:,]?\s*['‘]([^'‘’\n]{{2,400}}?)['’](?=$|[\s.,;:!?)])", re.IGNORECASE)
# Speech in single quotes a few words after its verb, in the same sentence: "She said she had been
# 'living in a bucket factory for weeks'", "kept saying it was 'a total joke'".
_SINGLE_QUOTED_SOON_AFTER_SPEECH = re.compile(
    rf"(?=[a-z])\b(?:{_SPEECH}|mentioned|kept saying|keeps saying|called|described)\s+(?:[^\s.;:!?'‘’\"“”]+\s+){{1,6}}?['‘]"
    rf"((?:[^'‘’\n]|(?<=[^\W\d_])['’](?=[^\W\d_])){{2,400}}?)['’](?![\w])",
    re.IGNORECASE,
)
_SPEECH_BEFORE = re.compile(rf"\b{_SPEECH}\b[\s,:]*(?:[\w'-]+[\s,:]+){{0,3}}$", re.IGNORECASE)
# A few words more for words in lower case, as single quotes are read: 'she said the state of it was "bloody disgraceful"'.
_SPEECH_SOON_BEFORE = re.compile(rf"\b{_SPEECH}\b[\s,:]*(?:[\w'-]+[\s,:]+){{0,7}}$", re.IGNORECASE)  # ("said the follow-up call")
_NAMING_BEFORE = re.compile(r"\b(?:subject|titled|entitled|called|named|labelled|labeled|option|button|status|plan|field|tab|menu|reference|ref|product|template|heading|line"
                            r"|box|checkbox|page|screen|setting|section|banner|label|notice|sign|tile|icon|title|caption|folder|form"
                            r"|message|code|word|term|marked|as|link|click|clicked|tap|tapped|press|pressed|select|selected|choose|chose|ticked|go to|went to|navigated to)\s*:?\s*$", re.IGNORECASE)
# What a quoted label is named by, right after it: the "Forgot your password?" link.
_NAMING_AFTER = re.compile(r"^\s*(?:link|button|page|tab|menu|option|screen|field|box|checkbox|banner|message|error|notice"
                           r"|setting|section|form|prompt|pop-?up|dialog|label|heading|template|plan|email|notification)s?\b", re.IGNORECASE)
# A person right before a quotation: "cancel cuz he 'can't be dealing with this'".
_PERSON_BEFORE = re.compile(r"\b(?:he|she|they|customer|caller)\s+$", re.IGNORECASE)
# Someone speaking of themselves: "I", "we" (not "my" or "your", which labels hold: 'My invoices').
_SPEAKER = re.compile(r"\b(?:i|i'm|i've|i'll|i'd|me|we|we're|we've|we'll)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|i'll|i'd|me|my|mine|we|we're|us|our|you|you're|your)\b", re.IGNORECASE)
# "He said: I want my money back" (a quote without quotation marks).
_COLON_SPEECH = re.compile(rf"(?=[a-z])\b{_SPEECH}\s*:\s*(?:i|i'm|i've|i'll|my|we|we're|our|you|you're|your)\b[^.;\n]*", re.IGNORECASE)
# "He said: just send whoever is free", "Her words: he would not let me pass": someone's words after a colon.
_SAID_COLON = re.compile(
    r"(?=[a-z])\b(?:he|she|they|customer|caller|client|patient|guest|tenant|member"
    r"|(?:(?:his|her|their|[a-z]+['’]s) (?:exact |own |actual )?(?:words|reply|response|answer|comment|message)"
    r"|quote from (?:his|her|their) (?:email|letter|text|message|review))(?: (?:to|when|after|about|on)(?: [^\s:.;]+){1,6}?)?(?: (?:was|were))?)\s*"
    r"(?:(?:had |has )?(?:said|says|say|stated|states|replied|wrote|writes|yelled|shouted|screamed|goes|went|was like|is like|is all|was all"
    # (whom they told, named by any noun: "He told the desk: ...", "She said to our driver: ...")
    r"|(?:told|said to) (?:me|us|him|her|them|(?:the|our|a|an|his|her|their)(?: [a-z-]+){1,2}))\s*)?:\s*"
    r"(?:[^\s.;]+\s+){2,}[^\s.;]+",
    re.IGNORECASE,
)
# "Said:" opening a sentence, its subject left out, before three words or more: the customer's ("Said: make sure nothing
# goes to the old place"); staff's own words to her are told by a verb of telling ("Told her: ...").
_SAID_COLON_UNNAMED = re.compile(r"(?:^|[.;!?]\s+)(?:said|says|stated)\s*:\s*(?P<said>(?:[^\s.;]+\s+){2,}[^\s.;]+)", re.IGNORECASE)
# Someone's words after a colon, told by a verb of writing or remarking: "He remarked: this is the third
# faulty bottle you have sent me", "She emailed us on Monday: your lads left the gate open". What follows
# must speak as "I", "you" or "we": "She emailed us: photos of the leak" lists what was sent.
_WROTE_COLON = re.compile(
    r"\b(?:he|she|they|customer|caller|client)\s+(?:remarked|commented|complained|added|emailed|e-mailed|texted|messaged|wrote|replied|posted)"
    r"(?:\s+(?:back\s+)?(?:to\s+)?(?:us|me))?(?:\s+(?:on|this|last|yesterday|today)(?:\s+[a-z]+)?)?\s*:\s*([^.;\n]*)",
    re.IGNORECASE,
)


# Someone's words after a colon, whatever the lead-in says between its subject and the colon: the
# customer as its subject ("Mrs Tulloch said at the door: third time you lot have been out", "Customer
# wrote in her email: you people waste my afternoon") and words that speak to us as "you"; or their
# message as its subject ("Her letter concluded: I have paid for forty years", "Her card ended with: you
# have ruined it") and words that speak as "I" or "you". "Told her: ..." (the writer's) has no such subject.
_SPEAKER_LEAD_IN = re.compile(
    # (a time or a place may come first: "On the phone he put it like this: ...", "At the till she said: ...")
    r"(?:^|[.;!?]\s+)(?:(?:on|over|at|in|during|after|later|then)\s+(?:[a-z]+\s+){0,3}?)?"
    r"(?:(?P<person>he|she|they|the customer|customer|caller|client|(?:mr|mrs|ms|miss|mx|dr)\.?\s+[A-Z][\w'-]+"
    # (the subject left out, but we were spoken to: "Texted us at 11pm: where is my engineer")
    # (or our side by its name: "Texted support at 11pm: why am I paying ...", "Emailed the office: I never got it")
    r"|(?P<to_us>(?:texted|emailed|e-mailed|messaged|wrote to|rang|phoned|called|told|said to|shouted at|yelled at|replied to|asked)\s+"
    r"(?:us|me|support|(?:the\s+)?(?:office|desk|helpdesk|help desk|support team|team|shop|branch|practice|surgery|reception))))"
    r"|(?P<message>(?:his|her|their|the customer's|[A-Z][\w-]+'s)\s+(?:[a-z]+\s+){0,2}?"
    # (or their view of it, given as theirs: "Her take on it: I have told three electricians")
    r"(?:letter|email|e-mail|text|message|card|note|reply|response|answer|voicemail|review|post|comment|complaint|words|chat"
    r"|take|view|version|side|story)))"
    r"(?P<lead>(?:\s+[^\s.;:!?\"“”]+){0,10}?)\s*(?::|(?<=\bgoes),|(?<=\bwent),|(?<=\bsaid),|(?<=\bsays),"
    # (the verb and whom it was said to: "he goes to me, I'm never hiring from you lot again")
    r"|(?<=\bgoes to me),|(?<=\bgoes to us),|(?<=\bwent to me),|(?<=\bsaid to me),|(?<=\bsaid to us),|(?<=\bsays to me),)\s*(?P<said>[^.;\n]*)",
    re.IGNORECASE,
)
_SPEECH_BEFORE_A_COMMA = ("goes,", "went,", "said,", "says,", "to me,", "to us,")
# A person of the record by name opening a sentence, a verb of speech, and their words after a comma or a colon: "Josh
# goes to me, I swear it never does this", "Mai said, I never got the invoice" (the name is checked against the record's).
# A verb of saying or putting it, before the words said: "she goes,", "he put it like this:" (not "She asked what changes:").
_SAYING_IT = re.compile(r"\b(?:said|says|goes|went|put|puts|replied|answered|wrote|added|insisted|told)\b", re.IGNORECASE)
_OPENS_AS_SPEAKER = re.compile(r"(?:i|i'm|i've|i'll|we|we're|we've|we'll|my|our)\b", re.IGNORECASE)
_NAMED_SPEAKER = re.compile(
    r"(?:^|[.;!?]\s+)(?P<name>[A-Z][\w'-]+)(?:\s+[A-Z][\w'-]+)?\s+(?:goes|went|said|says|was like|is like)(?:\s+to\s+(?:me|us))?\s*[:,]\s*(?P<said>[^.;\n]*)"
)
_THE_WORDS = re.compile(r"\b(?:the|these|those) words$", re.IGNORECASE)
_SECOND_PERSON = re.compile(r"\b(?:you|you're|your|yours|yourselves)\b", re.IGNORECASE)
# After a message's label and its colon, a clause with its own subject and verb: "her text this morning: half
# the tricks flopped" (not "Her email: photos of the leak", "Her message: wants a callback").
_A_CLAUSE = re.compile(r"^(?:[a-z'-]+\s+){1,4}?(?:[a-z]+ed|was|were|is|are|has|have|had)\b", re.IGNORECASE)


# The customer's words inside a report, told by their "you" for us: "Left a voicemail saying you lot never answer
# the phone", "said your engineers are cowboys" (not "said you can collect it Monday": "you" there is anyone).
# "your" before a word for our people counts too, whatever their trade: "Rang the office to say your packers keep sending
# beetroot", "emailed to tell us your mechanics never tighten the bolts" (a word for people: a role, or a doer in the plural).
_SPEECH_TO_US = re.compile(
    r"\b(?:said|saying|says|say|shouted|shouting|yelled|yelling|wrote|writing|texted|emailed|complained|tell us|tell me|told us|told me|telling us)\b"
    r"[^.;:!?\"“”]{0,40}?"
    r"\b(?P<said>(?:you lot|you people|you guys|you lads|you're all|you are all|your lot|your\s+(?!own\b)[a-z]+)\b[^.;\n]*)",
    re.IGNORECASE,
)
# After a person's verb of speech, words that move into the present as "I" or "we" are theirs: "she goes, this is a
# joke and I want my deposit back" (not "She said, when I rang, that the bike was fine": the writer's "I", in the past).
_PRESENT_FIRST_PERSON = re.compile(
    r"\b(?:i|we)(?:'m|'ve|'ll|\s+(?:am|are|want|will|won't|don't|do|can|can't|need|have|never|refuse|demand|expect))\b|\bmy\b", re.IGNORECASE
)


# After a colon, words that speak as "I" and to someone as "you" at once: someone's words to us, whatever the
# lead-in ("sent it to support as well: your app took my money twice"); staff's own words to the customer are told
# by a verb of telling them ("Told him: your repair is booked and my colleague will do it").
_AFTER_A_COLON = re.compile(r"(?P<lead>[^.;:!?\n]*):\s*(?P<said>[^.;:\n]+)")
_ME = re.compile(r"\b(?:i|i'm|i've|i'll|i'd|my|me|mine)\b", re.IGNORECASE)
_STAFF_TELLING = re.compile(
    r"\b(?:told|tell|explained|advised|informed|reassured|assured|reminded|asked|offered|confirmed|replied|wrote|said|emailed|texted|messaged)"
    r"(?:\s+(?:back\s+)?to)?\s+(?:him|her|them|the\s+customer|the\s+caller|mr|mrs|ms|miss)\b",
    re.IGNORECASE,
)
# Before the verb of telling: nothing (the writer's subject left out), or the writer ("I", "we", "and I then").
_WRITER_AS_SUBJECT = re.compile(r"(?:^|\b(?:i|we)(?:\s+(?:then|also|just|again|have|had|did))?)\s*$", re.IGNORECASE)
_WRITER_LEADS = re.compile(r"\s*(?:i|we)\b", re.IGNORECASE)  # "I wrote to support: your app took my money twice" is ours


def _writer_telling(lead: str) -> bool:
    """Whether the words before a colon have staff telling the customer: what follows is ours ("Told him: your repair is
    booked", "I explained to her: you will get a letter"; "He told them: you lot never answer" is his)."""
    opening = re.split(r"[.;!?]\s+", lead)[-1]
    telling = _STAFF_TELLING.search(opening)
    return telling is not None and _WRITER_AS_SUBJECT.search(opening[: telling.start()]) is not None


def _colon_speech(body: str) -> re.Match[str] | None:
    """Speech after a verb of speech and a colon, unless the writer tells the customer something ("Told him: your
    repair is booked"; "He told them: you lot never answer" is his)."""
    for match in _COLON_SPEECH.finditer(body):
        if not _writer_telling(body[: match.start()] + match.group(0).split(":")[0]):
            return match
    return None


def _spoken_to_us_after_a_colon(body: str) -> re.Match[str] | None:
    for match in _AFTER_A_COLON.finditer(body):
        said = match.group("said")
        lead = match.group("lead")
        if _ME.search(said) and _SECOND_PERSON.search(said) and not (_WRITER_LEADS.match(lead) or _writer_telling(lead)):
            return match
    return None


def _a_named_speaker(body: str, names: frozenset[str]) -> re.Match[str] | None:
    """Words after a person of the record named as the speaker that open as "I" or "we", move into the present as "I"
    or "we", or speak to us as "you" ("Josh goes to me, I swear it never does this", "Duc goes, we want the old layout
    back"; not "Duc went, with the stylist, through the menu", "Mai said, when I rang, that it was fine")."""
    for match in _NAMED_SPEAKER.finditer(body):
        said = match.group("said")
        if match.group("name").lower() in names and (_OPENS_AS_SPEAKER.match(said) or _PRESENT_FIRST_PERSON.search(said) or _SECOND_PERSON.search(said)):
            return match
    return None


def _speech_after_a_lead_in(body: str) -> re.Match[str] | None:
    for match in _SPEAKER_LEAD_IN.finditer(body):
        said = match.group("said")
        if _SECOND_PERSON.search(said) or (said and _THE_WORDS.search(match.group("lead"))):
            return match  # (after "the words:" whatever follows is theirs: "His email ended with the words: never again")
        if match.group("person") and (_PRESENT_FIRST_PERSON.search(said) or (_OPENS_AS_SPEAKER.match(said) and _SAYING_IT.search(match.group(0)[: match.start("said") - match.start()]))):
            return match  # (words opening as "I" after her verb of speech: "she goes, I paid for a full set and got half")
        if match.group("to_us") and match.group("to_us").lower().startswith("asked"):
            if _SECOND_PERSON.search(said):
                return match  # a question put to us as "you" ("Asked me straight out: can't you just bodge it"), not what was asked about
            continue
        if (match.group("message") or match.group("to_us")) and _FIRST_PERSON.search(said):
            return match
        if match.group("message") and _a_label(match.group("lead")) and _A_CLAUSE.match(said):
            return match  # (a clause after her message: "her text this morning: half the tricks flopped"; not "Rang the surgery: the GP had not signed it")
    return None


# The reason opening on the customer's own message, its subject left out and nobody named, or on the way it came as a
# bare label, maybe a time or the way it came, then a colon and words as "I" or "my", or to us as "you": hers ("Emailed
# on Monday: I paid for the front row", "Phoned this morning: my heating is off", "Chat message: I did not make this
# payment"). Not what she sent ("Emailed on Monday: photos of the damp"), nor words that speak of her as "she" or "her"
# (the writer's: "Rang at 5pm: I explained the fee to her").
_HER_MESSAGE_IN_THE_REASON = re.compile(
    r"(?:^|(?<=[.;!?])\s+)(?:wrote|wrote in|emailed|e-mailed|texted|messaged|phoned|phoned in|rang|rang in|called|called in|posted|complained"
    r"|(?:(?!(?:our|my|your)\b)[a-z-]+\s+)?(?:chat|webchat|message|voicemail|email|e-mail|text|sms|letter|review|complaint|comment|post|form|dm))"
    r"(?P<lead>(?:\s+(?!(?:her|him|them|the customer|to her|to him|back)\b)(?:\d{1,2}:\d\d|[^\s:.;!?\"“”]+)){0,6}?)\s*:\s*"
    r"(?P<said>(?:i|i'm|i've|i'd|i'll|my|we|we've|our|you|you're|your)\b[^.;\n]*)",
    re.IGNORECASE,
)
_THIRD_PERSON = re.compile(r"\b(?:she|he|her|him|they|them|their|his)\b", re.IGNORECASE)


def _her_message_in_the_reason(text: TextField) -> re.Match[str] | None:
    found = _HER_MESSAGE_IN_THE_REASON.search(text.text) if text.loc == ("reason",) else None
    return found if found is not None and _THIRD_PERSON.search(found.group("said")) is None else None


# What may stand between a message and its colon and still leave it a label: "her text this morning:".
_TIME_WORDS = re.compile(
    rf"(?:(?:this|last|on|yesterday|today|tonight|at|in|the)\s*)?(?:morning|afternoon|evening|night|week|{WEEKDAYS}|\d{{1,2}}(?:am|pm|:\d\d)?)?",
    re.IGNORECASE,
)


def _a_label(lead: str) -> bool:
    """Whether the words between a message and its colon leave it a label, with no verb of its own."""
    return _TIME_WORDS.fullmatch(lead.strip(" ,")) is not None


def _written_speech(body: str) -> re.Match[str] | None:
    for match in _WROTE_COLON.finditer(body):
        if _FIRST_PERSON.search(match.group(1)):
            return match
    return None


# A line staff wrote into the record, not speech: "Added 'nut allergy' to her preferences", "I wrote 'key
# safe behind the butt' on the job sheet" (but "She wrote 'you are useless' in the chat" is the customer's).
_STAFF_WRITING = re.compile(r"(?:^|[.;!?,]\s*|\b(?:i|we|and|then|also)\s+)(?:added|wrote|write|entered|typed|put)\s*:?\s*$", re.IGNORECASE)
_INTO_THE_RECORD = re.compile(r"^\s*(?:to|on|in|into|onto|under)\s+(?:the|her|his|their|its|our|my|this|today['’]s|[a-z]+['’]s)\b", re.IGNORECASE)
_VERBATIM = re.compile(r"\b(?:verbatim|word for word|in (?:his|her|their) (?:own )?words|direct quote)\b|\b(?:i|and i|to) quote,", re.IGNORECASE)


def _names_a_thing(body: str, match: re.Match[str], before: str) -> bool:
    """Whether a quotation is the name of a thing: 'the plan "Premium"', 'the "My Account" page'."""
    if _NAMING_BEFORE.search(before):
        return True
    return _NAMING_AFTER.match(body[match.end() :]) is not None and not _SPEECH_BEFORE.search(before)


def _written_into_the_record(body: str, start: int, end: int) -> bool:
    """Whether the quotation from start to end is a line that staff added to a field or a sheet of the record."""
    return _STAFF_WRITING.search(body[:start]) is not None and _INTO_THE_RECORD.match(body[end:]) is not None


def _single_quoted_after_speech(body: str) -> re.Match[str] | None:
    for match in _SINGLE_QUOTED_AFTER_SPEECH.finditer(body) if _may_report_speech(body) else ():
        if not _written_into_the_record(body, match.start(1) - 1, match.end()):
            return match
    return None


# Every match of _SINGLE_QUOTED_AFTER_SPEECH, _SINGLE_QUOTED_SOON_AFTER_SPEECH and _COLON_SPEECH holds one of these
# in lower case (a verb of speech, "called", "described"). Keep them in step with _SPEECH.
_SPEECH_LITERALS = (
    "said", "say", "state", "told", "replied", "responded", "answered", "yelled", "shouted", "screamed", "exclaimed", "wrote",
    "writes", "quot", "commented", "added", "complained", "claimed", "insisted", "went", "was like", "called", "words were", "read",
    "mentioned", "described",
)


def _may_report_speech(body: str) -> bool:
    """Whether a text may hold a verb of speech before a quotation: one look for each verb, not two patterns tried
    at every position (most texts with an apostrophe have no quotation at all)."""
    if not body.isascii():
        return True  # ignoring case, a letter beyond ASCII may match an ASCII one ("ſ" an "s")
    lowered = body.lower()
    return any(literal in lowered for literal in _SPEECH_LITERALS)


def _may_say_verbatim(body: str) -> bool:
    """Whether a text may hold what _VERBATIM finds: each of its matches holds "verbatim", "word" or "quote"."""
    if not body.isascii():
        return True  # ignoring case, a letter beyond ASCII may match an ASCII one
    lowered = body.lower()
    return "word" in lowered or "quote" in lowered or "verbatim" in lowered


def _single_quoted_speech(body: str) -> re.Match[str] | None:
    """A quotation in single quotes that reads as speech: someone says "I" or "we" in it, in three words or more."""
    for match in SINGLE_QUOTED.finditer(body):
        inside = match.group(1)
        before = body[max(0, match.start() - 60) : match.start()]
        if len(inside.split()) >= 3 and (_SPEAKER.search(inside) or _PERSON_BEFORE.search(before)) and not _names_a_thing(body, match, before):
            return match
    for match in _SINGLE_QUOTED_SOON_AFTER_SPEECH.finditer(body) if _may_report_speech(body) else ():
        inside = match.group(1)
        # Two words or more, none capitalised (three, not all capitalised): speech, not the name of a
        # product ('Amazon Riverbank Deluxe', 'Mulch Plus').
        said = inside.split()
        if (len(said) >= 3 and not all(w[:1].isupper() for w in said)) or (len(said) == 2 and inside.islower()):
            if not _NAMING_AFTER.match(body[match.end() :]) and not _names_a_thing(body, match, body[max(0, match.start() - 60) : match.start()]):
                return match
    return None


@rule("P303", "customer-quoted-directly", "error", "text")
def customer_quoted_directly(subject: Subject) -> Iterator[Hit]:
    """The customer's own words are quoted ("They said "Couldn't deal with this crap"").

    ## What it does
    Flags a quotation in double quotes that follows a verb of speech ("said", "stated", "yelled"),
    or, two words or more in lower case, a few words after one ('she said the state of it was "bloody disgraceful"'),
    or reads as speech (it holds "I", "my", "you"); a quotation in single quotes after a verb of
    speech or right after "he" or "she", or holding "I" or "we" in three words or more, or a few
    words after a verb of speech in the same sentence ("she said the room was 'smelling like a fish
    market'", "kept saying it was 'a total joke'"; not a name in capitals, 'Amazon Riverbank
    Deluxe'); speech after a colon ("He said: just send whoever is free", "Said: make sure nothing goes to the old place", "He told the desk: the water was freezing",
    "She goes: I typed it right", "Her words: ...", "His exact words: ...", "Her text read 'where r u'", "Her reply to the email was: ...", "Her answer
    when I offered a refund: ...", "The customer's reply to the quote: ...", "Quote from her email: ...",
    and, after a verb of writing or remarking, words that speak as "I", "you" or "we": "He remarked: this is
    the third faulty bottle you have sent me", "She emailed us on Monday: your lads left the gate open"; not
    "She emailed us: photos of the leak"); whatever the lead-in says, words after a colon that speak to us
    as "you" when the customer is its subject ("Mrs Tulloch said at the door: third time you lot have been
    out", "Customer wrote in her email: you people..."), and words that speak as "I" or "you", or a clause
    of its own after a bare label, when their message is ("Her letter concluded: I have paid...", "her text
    this morning: half the tricks flopped"; not "Her email held two attachments: the form and a photo",
    "Told her to write: ..."); the same after a verb of speech and a comma, and whom it was said to ("He goes, you
    lot are a joke", "he goes to me, I'm never hiring from you lot again"), and after a person of the record named as the
    speaker, words opening as "I" or "we" ("Josh goes to me, I swear it never does this"; not "Duc went, with the
    stylist, through the menu"); after the customer's verb of speech, with a colon or a comma, words that move into the present as "I"
    or "we" ("she goes, this is a joke and I want my deposit back"; not "She said, when I rang, that the bike was
    fine") or open as "I" after her verb of saying or putting it ("she goes, I paid for a full set", "On the phone he
    put it like this: I was told one price", a time or a place before her; not "She asked what changes: I listed them"),
    and words as "I" after her take, view or side of it ("Her take on it: I have told three electricians"), after a
    verb that says we were spoken to, its subject left out, us named so or by our side's name ("Texted us at 11pm: where is
    my engineer", "Texted support at 11pm: why am I paying"; not "Emailed us: photos of the leak", nor what staff learned, "Rang the
    surgery: the GP had not signed it"; after "asked me" or
    "asked us", a question to us as "you": "Asked me straight out: can't you just bodge it"), the customer's message opening a
    sentence of the reason, its subject left out and nobody named, or the way it came as a bare label, a time or the way it
    came after it, and words as "I" or "my" or to us as "you" after a colon ("Emailed on Monday: I paid for the front row",
    "Wrote in the survey: your staff left us standing", "Chat message: I did not make this payment"; not "Emailed on Monday: photos of
    the damp", nor words that speak of her as "she" or "her"), whatever the
    lead-in, words after a colon that speak as "I" and to us as "you" at once ("sent it to support as well: your app
    took my money twice"; not staff's words to the customer, "Told him: your repair is booked and my colleague will do
    it"), and whatever follows "the words:" ("His email
    ended with the words: never again"); the customer's words inside a report, told by a "you" for us
    ("Left a voicemail saying you lot never answer the phone", "said your engineers are cowboys", "Rang to say your
    packers keep sending beetroot", "wrote back saying your prices are daylight robbery": "your" before anything of
    ours; not "Said you can collect it Monday", "Told her your order is at the depot"); a quote of two words in lower case a few words after a verb of
    speech, "called" or "described" ("said the charge was 'daylight robbery'", 'said the follow-up "made it worse"', "called the price 'daylight
    theft'"; not 'Mulch Plus'); and "verbatim", "in his words" or "and I quote,". Quoted names of things (a plan,
    a title with every word capitalised, "Take Me Home Tonight", an email subject, the "Forgot your password?" link, the box 'Send me offers') and lines that
    staff wrote into the record ("Added 'nut allergy' to her preferences", "Wrote 'key safe by the
    gate' on the job sheet") are not flagged. The finding retells the quote as reported speech.

    ## Why
    The notes policy does not allow quoting customers directly: a note summarises what happened
    in neutral words. When a customer asks for their exact words to be recorded, keep the quote
    and silence this rule on the note with that reason.

    ## Example
    ```yaml
    reason: They said "I can't deal with this anymore, just cancel it".
    ```
    Use instead:
    ```yaml
    reason: Asked to cancel the account after repeated billing errors.
    ```
    """
    for text in subject.texts:
        body = text.text
        lowered = text.lowered
        # Most texts have no quotation mark, colon or "words": skip the patterns for them.
        double = '"' in body or "“" in body or "„" in body
        single = "'" in body or "‘" in body
        said_comma = any(verb in lowered for verb in _SPEECH_BEFORE_A_COMMA)
        to_us = "you" in lowered
        if not (double or single or ":" in body or said_comma or to_us or "verbatim" in lowered or "word" in lowered or "quote" in lowered):
            continue
        hit = _VERBATIM.search(body) if _may_say_verbatim(body) else None
        quoted = hit.group(0) if hit else None
        for match in _DOUBLE_QUOTED.finditer(body) if double else ():
            if quoted:
                break
            inside, before = match.group(1), body[max(0, match.start() - 60) : match.start()]
            if _names_a_thing(body, match, before) or _written_into_the_record(body, match.start(), match.end()):
                continue
            # ("Take Me Home Tonight" holds "me", but as a title: the name of a show)
            if (
                _SPEECH_BEFORE.search(before)
                or (_FIRST_PERSON.search(inside) and len(inside.split()) >= 2 and not in_title_case(inside))
                or (inside.islower() and len(inside.split()) >= 2 and _SPEECH_SOON_BEFORE.search(before))
            ):
                quoted = match.group(0)
        if not quoted:
            speech = (single and (_single_quoted_after_speech(body) or _single_quoted_speech(body))) or (
                (":" in body and ((_may_report_speech(body) and _colon_speech(body)) or _SAID_COLON.search(body) or _SAID_COLON_UNNAMED.search(body) or _written_speech(body)))
                or ((":" in body or said_comma) and (_speech_after_a_lead_in(body) or _a_named_speaker(body, subject.names)))
                or (":" in body and to_us and _spoken_to_us_after_a_colon(body))
                or (to_us and _SPEECH_TO_US.search(body))
                or (":" in body and _her_message_in_the_reason(text))
            )
            # (after a lead-in, the words said: "Mrs Tulloch said at the door: third time ..." retells "third time ...")
            quoted = (speech.group("said") if speech.re in _TOLD_AFTER_A_LEAD_IN else speech.group(0)) if speech else None
        if quoted:
            shown = quoted if len(quoted) <= 50 else quoted[:47] + "..."
            yield Hit(text.loc, f"quotes the customer directly ({shown}); summarise what they said in neutral words, e.g. {reported_speech(quoted)!r}")


# The readings whose match holds a lead-in before the words said: the finding retells those words alone.
_TOLD_AFTER_A_LEAD_IN = (_SPEAKER_LEAD_IN, _SPEECH_TO_US, _AFTER_A_COLON, _NAMED_SPEAKER, _HER_MESSAGE_IN_THE_REASON, _SAID_COLON_UNNAMED)


@rule("P304", "derogatory-or-profane-word", "error", "text")
def derogatory_or_profane_word(subject: Subject) -> Iterator[Hit]:
    """A derogatory or profane word ("crap", "idiot", "a pain", "nutjob") in a record.

    ## What it does
    Finds words and phrases from a list of profanity and insults (British and American: "old
    git", "twit", "numpty", "eejit", "numbskull", "to shut her up", oaths that send someone away: "sod off", "get stuffed"), and the plurals of its words ("morons",
    "numpties", "jackasses"), and any of them with letters starred out, a star for a letter ("sh*t", "f***ing"; not "5*",
    "*done*"), wherever they are: in the note's own words or inside a quote. Beyond the list it
    reads how a person is named: a noun that insults only when someone is called one ("pig",
    "cow", "clown", "git", "fart", "goat") after a belittling word or a word of character, or in a frame
    that calls someone one ("an ignorant pig", "cheeky git", "old goat", "bit of a cow", "a bunch of
    clowns", "a right cow", any group of them, "a right pair of clowns" (not "a pair of clown loaches"), "behaved like a pig" (a creature likened is none: "got her dog back
    clipped like a rat"); but "the right bag", "her proper name": after "the" or a possessive "right" and
    "proper" mean correct); "woman", "man", "girl" after a word of contempt ("the silly woman", "daft old man";
    "an old lady" describes, "a grumpy old man" is an opinion: P305); every form of an oath that
    is a verb ("bitching", "pissed and moaned"); a mild oath used as a word of degree, after "the",
    "a", "his", "whole", "same" ... or before a judging word ("the sodding gate code", "a bloody shambles",
    "the whole sodding afternoon", "the entire bleeding week"; but "the same bleeding point" is a radiator's),
    "flipping useless", "bloody disgraceful": a word VADER lacks in "-ful" judges when what it is full of does,
    disgrace); the milder "flaming", "blooming", "blinking" only after "whole", "entire" or "same" or
    before a judging word ("the whole flaming table"; not "the flaming pudding", "the blinking light"); not a verb, "bleeding the radiators",
    nor the noun before its verb, "the bleeding stopped", nor "bloody" in a record about an injury, an illness or an operation
    ("the bleeding risk after the spay"; before a judging word it is an oath there too: "bloody useless"), nor before a part of a body ("a bloody nose", "bleeding gums", the plant bleeding
    heart), nor "bleeding" before a creature ("a bleeding cat after a fight"), or in a name, "bloody cranesbill", a quoted title, "My Bloody Valentine"); a term of
    endearment after "old" used as a name
    ("the old duck", "an old dear", "the old timer wanted..."; not "the old timer switch"); compounds of a
    profane word ("gobshite", "fuckwit", "piss-poor", "a piss-take", "half-arsed", "half-assed", "a balls-up"; not "half-full",
    "first-class"), and such a word made a verb of botching ("had arsed up the rota", "ballsed it up", "cocked up the
    measurements", "arsing about"; not "the ballcock stuck up"); such nouns in the plural after
    "are" or "were" ("his lodgers are pigs"), or after "some", for someone unnamed ("some clown hung up
    on me"; not "some clown balloons"); "dipstick" and "knob" only when someone is called one
    ("total dipstick", "what a knob"; not "the old dipstick"), and "bastard" not in "bastard file", a
    grade of file; and words said to silence or be rid of a person
    ("to keep her quiet", "to stop her moaning", "so she would stop whining", "to make her go
    away", "to get him off my back", "to get her off the phone", "to get shot of him", "just to get her out of the
    shop" (but "to get her out of the bath"), "so he'd
    pipe down", whatever the idiom of ceasing to bother us: "so he'd give it a rest", "so she'd put a sock in it", "so he'd
    give us some peace", whoever is given it: "so he would give the lads on the counter some peace"; not "so he'd drop it at
    the tip"), and a person's noise, calls or bothering stopped as the motive, whatever the verb of stopping or of bothering ("so he'd quit
    yelling", "so he'd give over shouting", "to make him stop phoning us", "so she'd stop pestering us", "so he'd quit
    hassling the yard", "so he'd quit blowing up the office line", and going at people as an idiom says it: "so she'd stop having
    a go at the girls on reception", "to stop them laying into the waiters", "so he'd stop giving the drivers grief"; not "so she would stop paying twice", "so it would stop
    beeping"). "Pain in the neck" is a symptom, and so is "a pain in the neck" that someone has ("has a
    pain in the neck after a fall"); "is a pain in the neck" and its cruder forms insult. A word of the list
    that names someone in the record is their name ("Karen will send the invoice", a staff user name, "Karen
    Alvarez"), and so is one written as a name: capitalised, not after a word that calls someone one, and opening a
    sentence only before where they work ("passed it to Karen in accounts", "Karen in accounts emailed it"; not "went
    full Karen", "a bit of a Karen"); a "bitch" in a record about dogs is one ("a bitch in season", "bitches in season"; but "called her a
    bitch", "she bitches about the price"); "sucked" before a particle or a thing is what a machine did ("the vacuum sucked up her earring", "sucks in
    air"; not "the service sucked").
    The finding gives a neutral word for an
    oath ("pissed off" → upset) and, for a word about a person, what to describe instead. Add
    words with `policy.derogatory`.

    ## Why
    A record is read by colleagues, auditors and, on request, by the customer. "Writing 'customer
    is a pain' isn't the best thing to do": a flag of that kind is indefensible when the customer
    asks to see their record.

    ## Example
    ```yaml
    reason: Customer is a pain, refuses to pay.
    ```
    Use instead:
    ```yaml
    reason: Invoices INV-2031 and INV-2044 unpaid for more than 60 days.
    ```
    """
    for text in subject.texts:
        found = subject.derogatory_in(text)
        if found:
            yield Hit(text.loc, f"derogatory or profane wording: {', '.join(repr(w) for w in found)}; describe what happened in neutral, factual words: {neutral_words(found)}")


_FIRST_PERSON_OPINION_PATTERN = (
    # (with a modal: "I would bet she knew", "I'd say she is more upset than he is")
    r"\b(?:i|we)(?:'d|\s+would)\s+say\s+(?:that\s+)?(?:he|she|they)\b|"
    r"\b(?:i|we)(?:'d|\s+would|\s+do)?\s+(?:really\s+|honestly\s+|personally\s+)?(?:think|thought|feel|felt|believe|believed|guess|suspect|"
    r"reckon|bet|doubt|hope|wish|love|loved|hate|hated|liked|enjoyed|found (?:him|her|them|it|this|the customer))\b|"
    r"\bmy (?:guess|hunch|gut feeling|feeling|impression|suspicion|bet) (?:is|was|would be)\b|"
    r"\bin my (?:opinion|view|experience)\b|\bpersonally\b(?:(?<![\w'] personally)(?<![\w']personally)|(?<=\bi personally)|(?<=\bwe personally))|\bto be honest\b|\bhonestly\b|\bfrankly\b|"
    # The same asides in text-speak: "tbh" (to be honest), "imo", "imho" (in my opinion), "tbf", "ngl".
    r"\b(?:tbh|imo|imho|tbf|ngl)\b|"
    r"\b(?:obviously|clearly) (?:lying|making|trying|faking|pretending|drunk)\b|\bmade me\b|\bwaste of (?:my |our )?time\b|"
    r"\b(?:what a|such a)\s+\w+"
)
_TEXT_SPEAK_ASIDES = frozenset("tbh imo imho tbf ngl".split())
# Of those, the ones that say the writer is being honest or fair, not what they think ("imo"): see _aside_about_a_thing.
_HONESTY_ASIDES = frozenset("tbh tbf ngl".split())
# Words opening a clause whose subject is a thing: "it was just sitting under Archived", "the reader, not the card".
_A_THING_OPENS = frozenset("it it's its the this that these those there there's".split())
# Words of hedging between an aside and its clause's subject: "tbh prob the reader".
_HEDGES = frozenset("prob probably just maybe perhaps really".split())
# Case-insensitive matching is the slow part of this pattern. On ASCII text it matches exactly
# what the same pattern matches on the lower-cased text, which is quicker to search.
_FIRST_PERSON_OPINION_IN_LOWER_CASE = re.compile(_FIRST_PERSON_OPINION_PATTERN)
_JUDGED_NOUNS = PERSON_WORDS | PERSON_HEADS | {"call", "caller"}
# A judging word right before one of these is not about it: "Said yes, he can wait".
_PRONOUNS = frozenset("he she they him her them he's she's they're".split())
_ARTICLE = frozenset({"a", "an", "such", "so", "the", "quite", "real"})
_OBJECT_PRONOUNS = frozenset("him her them".split())
_SUBJECT_PRONOUNS = frozenset("he she they he's she's they're".split())
# Who or what a judgement is about (names aside): it holds _JUDGED_NOUNS too.
_PERSONS_OR_CALL = PERSON_WORDS | PERSON_HEADS | INTERACTION_WORDS | {"i", "we"}
# The words a judgement of a person, the call or the writer starts with (names aside).
_STARTERS = _PERSONS_OR_CALL | {"and", "but"}
# Words that strengthen a judgement opening a sentence whose subject is left out: "Very rude on the phone".
_OPENING_INTENSIFIERS = frozenset(
    "very really extremely so quite rather incredibly super totally pretty absolutely truly overly too completely utterly bit dead well way ever mega kinda sorta".split()
)
# Words of degree beyond the shared list, British and American: "dead rude", "well moody", "ever so
# demanding", "way too pushy", "a real sweetheart", "an absolute gem".
_DEGREE = frozenset("dead well way ever mega majorly hella proper right real absolute total complete utter".split())
# A sentence or clause opening with one of these, its subject left out, says what the person is:
# "Not very reasonable", "Seems completely out of touch", "Comes across as a very controlling sort".
_OPENING_LINKS = frozenset("not seems seemed appears appeared comes came got gets getting became tends tend".split())
# A sentence opening with one of these, its subject left out, says what the person is only with a word
# said of people alone: "Was well moody with the engineer" (but "Was great to see it fixed").
_OPENING_COPULAS = frozenset("was is were".split())
# Words that strengthen a label, opening a clause: "Total chancer.", "Absolute nightmare to deal with".
_OPENING_LABELS = frozenset("total absolute complete utter proper right real".split())
# Between a person and the verb that says what they are: "they both seem", "she always seemed".
_BETWEEN_SUBJECT_AND_VERB = frozenset("both all also just really always still never generally usually often".split())
# Between an opening word and the judging word: "not exactly", "quite a", "not the most".
_BEFORE_JUDGING = _OPENING_INTENSIFIERS | frozenset("a an the most exactly particularly that terribly remotely across as far".split())


# Judgements that need no judging word: the writer's asides ("if you ask me", "bless her"), what
# a person is "clearly" or "obviously", what they "seemed unable to grasp", their English, a label
# for a person ("a serial complainer", "a bit of a worrier").
# Each with the literals one of which its matches hold (see Alternatives).
_MARKED_OPINION_IN_LOWER_CASE = Alternatives(
    ("if you ask me", r"\bif you ask me\b"),
    ("bless ", r"\bbless (?:her|him|them)\b"),
    ("bless", r",\s*bless\s*,"),
    ("between you and me", r"\bbetween you and me\b"),
    ("mind you", r"\bmind you\b"),
    ("clearly|obviously|evidently",
     r"(?:^|[.;!?,]\s*|\b(?:is|was|he's|she's|they're|are|were|being|" + "|".join(sorted(PERSON_WORDS)) + r")\s+)(?:clearly|obviously|evidently)\s+"
     r"(?!stated|said|says|explained|marked|labell?ed|visible|shown|written|printed|listed|states|shows|displayed|damaged|broken|faulty|ha[sd] (?!no\b|not\b|never\b)|"
     r"wrong|the\b|a (?:fault|defect|mistake|typo|error))[a-z']+"),
    ("feels like", r"(?:^|[.;!?,]\s*)(?:it\s+)?feels like\b"),
    # (whatever the verb of the mind or of deciding: "seems unable to decide on anything", "appears incapable of choosing")
    ("able to|capable of", r"\b(?:seemed|seems|appeared|appears|looked)\s+(?:\w+\s+)?(?:unable|incapable|not able|not capable) (?:to|of) (?:grasp|understand|follow"
     r"|comprehend|get|decid|choos|settl|commit|remember|listen|accept|concentrat|focus|cope|coping|make up|retain|learn|absorb|take in|recall"
     r"|work out|figure)\w*"),
    # The writer reading a mind in the negative: "does not appear to grasp how it works", "doesn't seem to understand the bill".
    ("seem to|appear to", r"\b(?:doesn't|does not|didn't|did not)\s+(?:seem|appear)\s+to\s+(?:grasp|understand|follow|comprehend|realise|realize|remember"
     r"|listen|accept|read|care)\b"),
    # A gain sought for nothing: "Wants something for nothing", "always on the lookout for something for nothing".
    ("something for nothing", r"\bsomething for nothing\b"),
    # The writer's aside opening a clause: "For what it's worth, she has been patient" (not "cover it for what it's worth").
    ("what it's worth|what its worth", r"(?:^|[.;!?]\s*)for what it'?s worth\b"),
    ("lost|clueless|depth", r"\b(?:seemed|seems|appeared|appears|looked)\s+(?:\w+\s+)?(?:lost|clueless|out of (?:his|her|their) depth)\b"),
    # ("cannot get it down the stairs": "it" going somewhere is a thing, not a point)
    # ("did not get it" in the past is mostly a thing not received: "the parcel shows delivered but she did not get it")
    ("care|grasp|get it", r"\b(?:(?:doesn't|does not|didn't|did not|can't|cannot|couldn't|won't)\s+(?:seem to\s+|even\s+)?(?:care|grasp)"
     r"|(?:doesn't|does not|can't|cannot|won't)\s+(?:seem to\s+|even\s+)?get it)\b"
     r"(?!\s+(?:to|into|in|onto|on|up|down|out|off|back|over|through|across|past|round|around|under|inside|outside|there|here|home|away|open|shut|closed|fixed|working|done|started|going|running|from)\b)"),
    # A person's skills judged: "her English isn't great", "his computer skills are basic", "their reading is not the best".
    ("english|french|spanish|german|italian|polish|portuguese|welsh|reading|writing|spelling|grammar|math|typing|skills",
     r"\b(?:his|her|their|[a-z]+'s) (?:(?:written|spoken|conversational)\s+)?(?:english|french|spanish|german|italian|polish|portuguese|welsh|reading|writing"
     r"|spelling|grammar|maths|math|typing|(?:computer|tech|technical|it|people|social|language|driving)\s+skills|skills)"
     r" (?:is|was|are|were|isn't|wasn't|aren't|weren't|not) (?:[a-z]+ ){0,2}?(?:great|good|the best|poor|bad|terrible|limited|broken|basic|shaky|strong|fluent"
     r"|weak|non-existent|nonexistent|minimal|lacking|patchy|rusty|ropey|dreadful|awful|atrocious|appalling|rubbish|hopeless|up to much)\b"),
    ("complainer|moaner|caller|whinger", r"\b(?:serial|frequent|habitual|chronic|constant) (?:complainer|moaner|caller|whinger)s?\b"),
    ("bit of a", r"\b(?:a )?bit of an? [a-z]+(?:er|or)\b"),
    ("drama queen", r"\bdrama queen\b"),
    ("know-", r"\bknow-(?:it-)?all\b"),
    ("attention seeker", r"\battention seeker\b"),
    # The writer's guess at a motive or a mind: "seems like he just wants a free one", "not the sharpest tool".
    ("s like|ed like", r"\b(?:seems|seemed|looks|looked|sounds|sounded) like (?:he|she|they|the customer) (?:just |only |really )?(?:wants?|wanted|is|was|'s|trying|after)\b"),
    ("seem|obviously|clearly",
     r"\b(?:seems|seemed|obviously|clearly)(?: like| that)? (?:he|she|they) (?:doesn't|does not|didn't"
     r"|did not|never|can't|cannot|won't) (?:\w+ )?(?:read|listen|care|understand|bother|pay attention)\w*"),
    ("free|for nothing|money off", r"\bjust (?:wants?|wanted|after|trying to get) (?:a |something )?(?:free|freebie|something for nothing|money off)\w*"),
    # A motive imputed by angling or fishing for a gain: "Angling for a freebie", "fishing for a discount" (not "fishing for mackerel").
    # (a few words on, and "to" with what they would get: "Angling to have it thrown in for nothing", "fishing for a
    # lower price"; and what was got already: "angling for that from the first visit")
    ("angl|fish", r"\b(?:angl|fish)(?:ing|ed|es|e)?\s+(?:around\s+)?(?:for|to)\s+(?:[a-z']+\s+){0,6}?(?:free\w*|discount\w*|refund\w*|deal|upgrade\w*"
     r"|compensation|money off|for nothing|sympathy|compliments|goodwill|credit|cheaper|lower|reduction|waiver)\b"
     r"|\b(?:angl|fish)(?:ing|ed|es|e)\s+for\s+(?:that|it|this|one)\b(?!\s+(?:trout|salmon|bass|carp|pike|fish)\b)"),
    # A pretext read into what a person says: "using the slowdown as an excuse" (not "used the old cowl as a template").
    ("excuse|pretext", r"\b(?:us(?:ing|es|ed|e))\s+(?:[a-z']+\s+){1,4}?as\s+(?:an?\s+)?(?:excuse|pretext|cover story)\b"),
    ("not the sharpest", r"\bnot the sharpest\b"),
    ("loose", r"\bscrews? loose\b"),
    ("not all there", r"\bnot all there\b"),
    (" short of a", r"\b(?:a )?(?:few|couple of) \w+ short of an?\b"),
    ("lights are on but", r"\blights are on but\b"),
    # A verdict of one or two words closing a sentence: "..., total drama.", "Asking for a discount again, typical."
    ("typical of ", r"\btypical of (?:him|her|them)\b"),
    ("typical|drama|classic|unbelievable|ridiculous|pathetic|hilarious|sigh|charming|lovely",
     r"(?:,|^|[.;!?])\s*(?:(?:total|absolute|such|pure|classic)\s+)?(?:typical|drama|classic|unbelievable|ridiculous|pathetic|hilarious|sigh|charming|lovely)\s*(?:[.!;]|$)"),
)


# Every match of the pattern above holds one of these words, or both words of a pair: texts
# without any (nearly all) are skipped at once. Keep them in step with the pattern.
_MARKED_OPINION_WORDS = frozenset(
    """clearly obviously evidently bless between mind unable incapable lost clueless depth care grasp english serial
    french spanish german italian polish portuguese welsh reading writing spelling grammar maths math typing skills
    frequent habitual chronic constant drama seeker sharpest loose short lights typical classic unbelievable
    ridiculous pathetic hilarious sigh charming lovely seems seemed angling angled angle angles fishing fished fish fishes
    excuse pretext capable appear seem nothing worth""".split()
)
_MARKED_OPINION_PAIRS = (
    (frozenset({"like"}), frozenset("feels feel seems seemed looks looked sounds sounded".split())),
    (frozenset({"just"}), frozenset("want wants wanted after trying".split())),
    (frozenset({"bit"}), frozenset({"of"})),
    (frozenset({"ask"}), frozenset({"me"})),
    (frozenset({"able"}), frozenset({"not"})),
    (frozenset({"get", "know"}), frozenset({"it"})),
    (frozenset({"know"}), frozenset({"all"})),
)
_PAIR_FIRST_WORDS = frozenset().union(*(first for first, _ in _MARKED_OPINION_PAIRS))


_PERSON_NOUNS = "|".join(sorted(PERSON_WORDS | PERSON_HEADS))
# "him", "them" or "her" with no noun after it: "out of her", "from her about the bill" (not "out of her old aerial").
_HIM_OR_HER_ALONE = r"(?:him|them|her(?=\s*(?:[.,;!?]|$|about|on|over|for|when|as|at|and|but|in|until|re|regarding)\b))"
# Words that pass a verdict in a clause of their own (", which was ridiculous"): opinions and words of character.
_VERDICT_WORDS = "|".join(sorted(word for word in OPINION_WORDS | TRAIT_WORDS if word.isalpha()))
# Each group: the words one of its matches must hold (texts without any skip it), and its pattern.
# Small patterns, each tried only where its words are, cost far less than one large one.
_STANCE_GROUPS: tuple[tuple[str, str], ...] = (
    ("if truth book opinion view eyes put fair frank blunt candid brutally let's known said",
     r"\bif (?:you (?:ask|want) (?:me|my (?:opinion|view))|i'm (?:being )?(?:honest|candid|frank|blunt|fair|truthful)|i am (?:being )?(?:honest|candid|frank|blunt)|i may say so)\b|"
     r"\btruth be (?:told|known)\b|\bin (?:my|our) (?:book|opinion|view|humble opinion|eyes)\b|\bto put it (?:mildly|politely|nicely|bluntly|kindly|gently)\b|"
     r"\bto be (?:fair|frank|blunt|candid|brutally honest)\b|\blet's (?:just )?say\b|\bit (?:must|has to|should|needs to) be said\b"),
    ("sure certain clear obvious",
     r"(?:^|[.;!?,]\s*|\b(?:i'm|i am|it's|it is|it was|i was)\s+)(?:pretty|fairly|quite|abundantly|crystal|dead)\s+(?:sure|certain|clear|obvious)\s+"
     r"(?:that\s+)?(?:he|she|they|the (?:customer|client|caller))\b"),
    ("act acts acted acting behaves behaved behaving carries carried carrying treats treated treating though",
     r"\b(?:act(?:s|ed|ing)?|behav(?:es|ed|ing)|carr(?:ies|ied|ying) on)\s+(?:like|as if|as though)\s+(?:he|she|they)\b|"
     # "acting all high and mighty", "acting all innocent": a manner put on, in speech.
     r"\bact(?:s|ed|ing)?\s+all\s+[a-z-]+|"
     # How a person treats staff, or as though staff knew nothing: "Treats the yard lads like his own deckhands", "stood over
     # the teacher as though she had never taught a child" (not "we treat the water like any pool", "as though it had never").
     r"\btreat(?:s|ed|ing)?\s+(?:us|me|staff|our\s+[a-z]+|the\s+(?:[a-z]+\s+)?(?:lads|girls|boys|staff|team|crew|guys|drivers|engineers|receptionists|teachers))"
     r"\s+(?:like|as if|as though)\b|\bas (?:though|if) (?:she|he|they|we|i)(?:'d| had| has| have| were| was) never\b"),
    ("thinks think reckons reckon believes believe suspect guess guessing bet imagine doubt assume presume",
     r"(?:^|[.;!?,]\s*)(?:reckon|suspect|guess|guessing|bet|imagine|think|doubt|assume|presume)\s+(?:that\s+|whether\s+|if\s+)?"
     r"(?:he|she|they|he's|she's|they're|the (?:customer|client|caller))\b|"
     r"\b(?:thinks?|reckons?|believes?)\s+(?:that\s+)?(?:he|she|they)(?:'s|\s+is|\s+are)?\s+(?:knows?|owns?|deserves?|entitled|above|special|always right|runs?)\b|"
     r"\b(?:thinks?|reckons?|believes?)\s+(?:[a-z']+\s+){0,3}?(?:works?\s+for|revolves\s+around|owes?|(?:don't|doesn't|do not|does not) apply to)\s+(?:him|her|them)\b"),
    ("headed pigheaded bigheaded minded willed tempered fisted faced brained scatterbrained harebrained birdbrained featherbrained mouthed hearted",
     r"\b(?:pig|big|hot|hard|thick|air|bone|muddle|pin|empty)-?headed\b|\b(?:narrow|small|simple|closed|absent|feeble|open|bloody|strong|weak|self)-(?:minded|willed)\b|"
     r"\b(?:bad|short|hot|ill|quick|foul|even|good)-tempered\b|\b(?:tight|ham|iron)-fisted\b|\b(?:two|po|sour|stony)-faced\b|"
     r"\b(?:scatter|hare|bird|feather|lame)-?brained\b|\b(?:foul|loud|big|mealy)-mouthed\b|\b(?:kind|cold|hard|soft|half)-hearted\b"),
    ("protective overprotective bearing overbearing sensitive emotional dramatic familiar reactive zealous anxious confident maintenance important "
     "centred centered righteous absorbed obsessed entitled",
     r"\bover-?(?:protective|bearing|sensitive|emotional|dramatic|familiar|reactive|zealous|anxious|confident)\b|\bhigh[- ]maintenance\b|"
     r"\bself-(?:important|centred|centered|righteous|absorbed|obsessed|entitled)\b"),
    ("nothing state tizzy tizz flap stew lather panic strop huff fit tantrum wobbly paddy hissy meltdown molehill pram fuss scene mood",
     r"\bin (?:a|such a) (?:(?:right|foul|filthy|stinking|proper|real|vile|terrible)\s+)?mood\b(?!\s+(?:to|for)\b)|"
     r"\b(?:over|about) nothing\b(?![\"”])|\bin (?:such a (?:state|tizzy|flap|strop|huff)|a (?:strop|huff|tizzy|flap))\b|"
     r"\b(?:threw|throwing|throws|throw|chucked) (?:a |an )?(?:fit|tantrum|wobbly|paddy|hissy)|\b(?:had|having) a (?:tantrum|meltdown|hissy|paddy|wobbly)\b|"
     r"\bmountain out of a molehill\b|\btoys out of the pram\b|\b(?:making|made|make) a (?:fuss|scene|song and dance)\b|"
     # (a state, however it is called, over little: "in a right flap over a couple of scratches", "got into a real state
     # about a tiny puddle"; not "in a real state about the boat sinking", distress as a state)
     r"\b(?:in|into) (?:a|such a|quite a)\s+(?:(?:right|real|proper|bit of a)\s+)?(?:state|stew|lather|panic|flap|tizzy|tizz)\s+(?:over|about)\s+"
     r"(?:nothing|very little|a few|a little|a tiny|a small|one small|a single|a couple of|a bit of|a minor|one little)\b"),
    # What a person said, named as a rant: "another one of her rants", "his usual moan", "her latest tirade".
    ("rant rants tirade tirades moan moans whinge whinges gripe gripes outburst outbursts diatribe diatribes sob",
     r"\b(?:his|her|their|another|usual|latest)\s+(?:(?:usual|latest|little|weekly|daily|long|big)\s+)?"
     r"(?:rants?|tirades?|moans?|whinges?|gripes?|outbursts?|diatribes?|sob stor(?:y|ies))\b"),
    ("kicked kicking kicks rag one",
     r"\bkick(?:ed|ing|s)? off (?:at|about|over|when|again|big time)\b|\b(?:went|goes|going) off on one\b|\blos(?:t|ing|es) (?:his|her|their) rag\b"),
    ("diva princess snob martyr handful character hypochondriac show showoff control prima pushover soft typical energy vibe vibes bit",
     r"\b(?:bit of|such|what|total|real|right|proper|complete|absolute) (?:an? )?"
     r"(?:diva|princess|snob|martyr|handful|character|hypochondriac|show-?off|control freak|prima donna|pushover|soft touch)\b|"
     r"\btypical (?:" + _PERSON_NOUNS + r")\b|\bbit of an? [a-z]+(?:pot|pants|guts|bag|head|face)\b|\b(?:proper|total|major|serious|big|such)\s+[a-z]+\s+(?:energy|vibes?)\b|\bvibes\b"),
    # A mind the writer reads into a person: "she seems to believe we are on call", "appears to think the warranty covers it".
    ("seems seem seemed appears appear appeared",
     # (a person named by title and surname too: "Mrs Ashworth-Keene seems to assume the office ...")
     # (a name opening the sentence, "Colin seems to think"; the subject left out after "and", "He argued and seems to think")
     r"(?:\b(?:he|she|they|" + _PERSON_NOUNS + r"|(?:mr|mrs|ms|miss|mx|dr)\.?\s+[a-z][\w'-]*)\s+|(?:^|[.;!?]\s*)(?:(?!(?:the|this|that|it|which|there)\b)[a-z][\w'-]*\s+)?"
     r"|\b(?:he|she|they)\s+(?:[a-z',-]+\s+){1,10}?(?:and|but)\s+)(?:(?:just|really|genuinely|still)\s+)?"
     r"(?:seems?|seemed|appears?|appeared)\s+to\s+"
     r"(?:think|believe|expect|imagine|assume|reckon)\b"),
    # A belief the writer reads into a person with "convinced" and what they believe: "she's convinced we overcharge
    # her", "Mrs Ferreira remains convinced nobody here knows pumps" (not "was convinced to keep the plan": persuaded).
    ("convinced",
     r"\b(?:he|she|they|" + _PERSON_NOUNS + r"|(?:mr|mrs|ms|miss|mx|dr)\.?\s+[a-z][\w'-]*)(?:'s|'re|\s+(?:is|was|are|were|remains|remained|seems|seemed|seem))"
     r"(?:\s+(?:still|now|just|quite|[a-z]+ly))*\s+convinced\s+(?!to\b|by\b|otherwise\b)[a-z]|"
     # (the subject left out: "Seems convinced we make the results up")
     r"(?:^|[.;!?]\s*|\b(?:and|but)\s+)(?:seems?|seemed|appears?|appeared|remains|remained)(?:\s+(?:still|now|just|quite|[a-z]+ly))*\s+convinced\s+(?!to\b|by\b|otherwise\b)[a-z]"),
    # A habit made into a character: "frets over every little thing", "forever complaining", "nothing is ever good enough".
    ("every everything anything slightest smallest tiniest forever constantly perpetually continually endlessly always never nothing whatever ever",
     r"\b(?:frets?|fretting|fuss(?:es|ing)?|worr(?:y|ies|ying)|panics?|panicking|moan(?:s|ing)?|complain(?:s|ing)?|whing(?:es|eing|ing)|whin(?:es|ing)"
     r"|grumbl(?:es|ing)|nitpick(?:s|ing)?|quibbl(?:es|ing)|argu(?:es|ing)|obsess(?:es|ing)|nag(?:s|ging)|grip(?:es|ing)|pick(?:s|ing)?|haggl(?:es|ing))"
     # (worked into a state first: "worries herself silly over every tiny mark")
     r"(?:\s+(?:him|her|them)sel(?:f|ves)\s+[a-z]+)?\s+(?:over|about|at|with)\s+"
     r"(?:every\s+(?:(?:little|small|single|tiny|last)\s+[a-z]+|thing|detail|penny|cent|scratch|mark|speck|word|comma)|everything"
     r"|anything and everything|the (?:slightest|smallest|tiniest|least) [a-z]+)\b|"
     # Done once, but blown up to every last one: "argued over every single tag", "fussed about every little mark".
     r"\b(?:fretted|fussed|worried|moaned|complained|whinged|whined|grumbled|nitpicked|quibbled|argued|haggled|picked)\s+(?:over|about|at)\s+"
     r"every\s+(?:little|single|tiny|last)\s+[a-z]+|"
     # A verdict on everything staff do, in the present: "nothing we do is up to his standard", "whatever we suggest is wrong".
     # (the subject of a verdict: "large print on everything we send him" is an instruction)
     # (staff named by a team or a role: "Nothing the box office offers is ever good enough", "whatever the instructors suggest")
     r"\b(?:nothing|whatever|everything|anything)\s+(?:we|i|the\s+(?:[a-z-]+\s+)?[a-z-]+)\s+(?:do|does|says?|suggests?|offers?|try|tries|sends?|proposes?|shows?|quotes?|recommends?)(?:\s+(?:him|her|them))?"
     r"(?:\s+(?:is|are|was|were|'s|seems|gets)\s+(?:ever\s+|ever\s+)?(?:never|not|ever|wrong|right|good|up|enough|too|a problem|rubbish)|\s+(?:ever\s+)?(?:suits|pleases|satisfies))\b|"
     # The same said of none of what staff offer, whatever they offer, made a habit by "ever": "no date we offer ever
     # seems to suit her", "not one slot we suggest is ever right" (not "none of the slots we offered was free").
     r"\b(?:no|none of the|not one|nothing)\s+(?:[a-z]+\s+){0,2}?(?:we|i|the\s+[a-z-]+)\s+[a-z]+(?:\s+(?:him|her|them))?\s+(?:is\s+|was\s+)?ever\s+"
     r"(?:seems?\s+to\s+|seemed\s+to\s+|quite\s+)?(?:suits?|suited|pleases?|pleased|satisf(?:y|ies|ied)|works?|worked|right|good enough|good|enough)\b|"
     # "Never happy", "always unhappy", "is never content": a mood made a habit.
     r"(?:^|[.;!?,]\s*|\b(?:is|are|'s|he|she|they)\s+)(?:never|always|forever)\s+(?:(?:very|so|really|quite)\s+)?"
     r"(?:happy|satisfied|content|pleased|unhappy|upset|angry|annoyed|grumpy|moaning|complaining|negative)\b(?! with (?:the|this|our|a|an|his|her|their)\b)|"
     r"\b(?:forever|constantly|perpetually|continually|endlessly|always)\s+(?:moaning|complaining|whingeing|whinging|whining|fussing|fretting|panicking"
     r"|nagging|arguing|nitpicking|grumbling|griping|quibbling|finding fault|changing (?:his|her|their) mind)\b|"
     # (whatever the word of quality: "nothing is ever clean enough", "nothing's ever quite right"; not "nothing is ever left")
     r"\bnothing(?:'s| (?:[a-z]+ ){0,3}?(?:is|was|'s)) ever (?:(?:quite|[a-z]+ly) )?(?:[a-z]+ enough|right)\b|"
     r"\b(?:is|was|are|were|'s) never (?:happy|satisfied|content|pleased)\b(?! with)"),
    # Indecision made a habit: "simply cannot settle on a day", "changes her mind every week".
    ("mind decide settle commit stick",
     r"\b(?:(?:just|simply|really|still)\s+(?:can't|cannot|won't)|can never|will never|never)\s+(?:seem to\s+)?"
     r"(?:make up (?:his|her|their) mind|decide on|settle on|commit to|stick to)\b|"
     r"\bchanges (?:his|her|their) mind\b|"
     # A mind made up against what is shown, or about everything: "has made up her mind the staff lost it", "had his mind
     # made up before we started", "can't make up her mind about anything" (not "made up her mind to take the annual plan").
     r"\bma(?:de|ke|kes|king) up (?:his|her|their) mind (?:that|we|the|staff|you|it|nobody|no one|someone|about (?:anything|everything))\b|"
     r"\bha(?:d|s|ve) (?:his|her|their) mind made up\b|"
     r"(?:^|[.;!?,]\s*|\b(?:he|she|they)\s+)(?:can't|cannot|can never|never) make up (?:his|her|their) mind about (?:anything|everything)\b"),
    # Ignorance as a trait, in the present, of a whole field ("knows nothing about boats"; not "knew nothing about
    # the letter", "knows nothing about it"), and self-deception said by halves ("but thinks he does").
    ("knows know clue thinks",
     r"\b(?:knows (?:nothing|very little|little|next to nothing|zero)|(?:doesn't|does not) know (?:the first thing|a thing|anything|nothing)"
     # (a whole field, or one's own things: "doesn't know the first thing about her own network")
     r"|(?:hasn't|has not|has no|hasn't got) (?:a|the faintest|the slightest|any)? ?clue) about (?!(?:his|her|their)\s+(?!own\b))(?!(?:the|this|that|these|those|it|our|a|an|any)\b)[a-z]+|"
     r"\bbut thinks (?:he|she|they) (?:does|do|is|are|can|knows?)\s*(?:[.;,!]|$)"),
    # "always" with the progressive says the writer's annoyance, whatever the verb: "He is always making problems
    # for us", "she's forever losing the fob" (not "is always available", "is always working nights").
    ("always forever constantly continually perpetually",
     r"\b(?:is|are|was|were|'s|'re)\s+(?:always|forever|constantly|continually|perpetually)\s+(?!working|travelling|traveling|away|available)[a-z]+ing\b"),
    # An attitude had, with nothing to say what it is towards: "She has a bit of an attitude" (not "a good attitude to the exercises").
    ("attitude",
     r"\b(?:has|had|have|got|with)\s+(?:(?:a bit of|such|a real|a right|quite|a proper)\s+)?an?\s+attitude\b(?!\s+(?:to|towards|about)\b)"),
    # The call compared with an ordeal: "like talking to a brick wall", "like pulling teeth".
    ("talking speaking arguing reasoning dealing negotiating teeth stone cats eggshells",
     r"\blike (?:talking|speaking|arguing|reasoning|dealing|negotiating) (?:to|with) (?:an? |the )?[a-z]+|\blike (?:pulling|drawing) (?:hen's )?teeth\b"
     r"|\blike getting blood (?:out of|from) a stone\b|\blike herding cats\b|\b(?:walking|treading) on eggshells\b"),
    ("himself herself themselves",
     r"\b(?:full of|pleased with|proud of|sorry for|taken with|impressed with|fancies|fancied)\s+(?:him|her|them)sel(?:f|ves)\b"),
    ("trying try tries tried luck chancing chance chanced",
     # (a motive, not a garment: closing its clause or before an aside, or after the writer's certainty or "just")
     r"\btrying it on\b(?=\s*(?:[.,;!]|$|again|with (?:us|me)|lol|tbh|imo|imho|haha|tho|though|i think|i reckon|if you ask me)\b|\s*[.,;!]|\s*$)"
     r"|\b(?:def|defo|deffo|definitely|probably|prob|surely|clearly|obviously|just|totally|prolly)\s+trying it on\b"
     r"|\b(?:tr(?:y|ying|ied|ies)|push(?:es|ing|ed)?) (?:his|her|their) luck\b|\bchanc(?:e|ing|ed) (?:his|her|their) arm\b"),
    # A gain angled for, as a motive put on a person: "fishing for a better number", "angling for a freebie" (not "fishing
    # for mackerel", "a permit for sea angling for his son's club").
    ("fishing fished fishes angling angled angles",
     r"\b(?:fish|angl)(?:ing|ed|es)\s+for\s+(?:[a-z']+\s+){0,2}?(?:free|freebie|freebies|discount|discounts|cheaper|extra|refund|money|cash"
     r"|compensation|upgrade|reduction|concession|goodwill|deal|compliments|sympathy"
     r"|(?:better|bigger|more)(?:\s+(?!(?:and|but|or|not|than)\b)[a-z]+)?)\b"),
    # Idioms of character and competence: "set in her ways", "had no idea what he was doing", "does not
    # take kindly to change", "holds strong views"; not what someone did not know ("no idea what F05 meant").
    ("ways idea clue kindly views opinions",
     r"\b(?:set|stuck|fixed) in (?:his|her|their) ways\b|"
     r"(?:\bno|n't (?:have |had )?(?:a|any)|\bnot (?:have |had )?(?:a|any)) (?:idea|clue) what (?:he|she|they|he's|she's|they're)(?:\s+(?:was|were|is|are))? doing\b|"
     r"\b(?:doesn't|does not|didn't|did not|won't|will not|never) take kindly to\b|"
     r"\b(?:holds?|held|has|had|of) (?:very |such |rather )?(?:strong|firm|fixed|forthright|decided) (?:views|opinions)\b"),
    # Contention made a habit, in the present of a person: "Queries every bill we send", "haggles over the fee
    # each time" (not "queried the fee on this bill", "checks every invoice against the job sheet").
    ("queries disputes argues haggles quibbles challenges contests questions moans grumbles nitpicks whinges gripes fusses frets nags goes "
     "query dispute argue haggle quibble challenge contest moan grumble nitpick whinge gripe nag "
     "always forever constantly continually perpetually endlessly invariably fault",
     r"(?:^|[.;!?,]\s*|\b(?:he|she|they|always|still|just)\s+)(?:queries|disputes|argues|haggles|quibbles|challenges|contests|questions|moans|grumbles|nitpicks"
     r"|whinges|gripes|fusses|frets|nags|goes on(?: and on)? about)(?!\s+(?:whether|if|that|why|how)\b)"
     r"(?:\s+[a-z'-]+){0,5}?\s+(?:every|each|any)\b|"
     # The same habit told with "will" or "would" of a person and any of what comes: "he will argue any ruling that goes
     # against him", "she'll query every invoice" (not "she will appeal the ruling": one act to come).
     r"\b(?:he|she|they)(?:'ll|'d|\s+will|\s+would)\s+(?:always\s+)?(?:query|dispute|argue|haggle|quibble|challenge|contest|moan|grumble"
     r"|nitpick|whinge|gripe|nag)(?:\s+[a-z'-]+){0,3}?\s+(?:any|every|each)\b|"
     # A complaint that comes whatever happens: "always finds something to complain about", "forever picking holes".
     r"\b(?:always|forever|constantly|continually|perpetually|endlessly|invariably)\s+(?:[a-z']+\s+){0,4}?"
     r"(?:complain|moan|whing|whin|grumbl|fuss|fret|nag|argu|nitpick|quibbl|grip|find(?:s|ing)? fault|pick(?:s|ing)? holes)\w*|"
     # What a person would do whatever came: "Would find fault with a brand new house", "she'd find fault in anything".
     r"(?:^|[.;!?,]\s*|\b(?:he|she|they)\s+)(?:would|'d)\s+(?:even\s+)?find\s+fault\s+(?:with|in)\b|\b(?:he|she|they)'d\s+(?:even\s+)?find\s+fault\s+(?:with|in)\b"),
    # A verdict on what came before, in a clause of its own: "rang five times, which was a bit much", "which is more than
    # the complaint deserved" (not "which was taken in error", "which is the first slot free").
    ("which",
     # (after a comma, or after a quote closing what it judges: 'He told me "..." which was a bit rich')
     r"(?:,|[\"”])\s*which\s+(?:was|is|'s)\s+(?:(?:frankly|rather|a bit|a little|way|far|quite|just|all|really|very|so|pretty|somewhat|honestly)\s+)*"
     # (and the writer's feeling on hearing it: "which was heartbreaking to hear", "which was a shame")
     r"(?:much|too much|rich|over the top|uncalled for|overkill|heart-?breaking|heart-?warming|upsetting|distressing|gutting|sad"
     r"|a (?:shame|pity|relief)|(?:" + _VERDICT_WORDS + r"))\b"
     r"|,\s*which\s+(?:was|is|'s)\s+(?:far\s+|way\s+|a lot\s+)?more than\s+(?:[a-z']+\s+){0,3}?(?:deserved|warranted|merited)\b"),
    # A person as their usual self, with a word of character between: "was her usual cheerful self" (not "feels like herself again").
    ("self",
     r"\b(?:his|her|their|your)\s+(?:usual|normal|typical|customary)\s+(?![a-z]+\s+self-)[a-z-]+\s+self\b"),
    # A person put in a kind: "one of those customers who reads every word", whatever the plural for them before "who"
    # ("one of those regulars who", "one of those yachtsmen who"), or that of a word for a person before "that" ("one of
    # those tenants that"); not "one of those with the higher seat", "one of those berths that dry out".
    ("those",
     r"\bone of those\s+(?:[a-z]+\s+)?(?:customers|clients|people|folk|folks|types|sorts|men|women|guys|blokes|characters|parents"
     r"|owners|callers|members|families|[a-z]+ers|[a-z]*men|(?:" + _PERSON_NOUNS + r")s)\s+(?:who|that|whose)\b"
     r"|\bone of those\s+(?:[a-z]+\s+)?[a-z]+s\s+who\b"),
    # "quite the" before a word for a doer: "quite the performer", "quite the character" (not "quite the same", "quite the number").
    ("quite",
     r"\bquite the\s+(?:[a-z]+\s+)?(?:character|charmer|handful|diva|madam|gent|gentleman|lady|piece of work|operator"
     r"|(?!(?:number|other|order|matter|corner|water|paper|power|letter|river|weather|layer|cover|border|summer|winter|opposite|reverse|contrary)\b)"
     r"[a-z]{3,}(?:er|or|ist))\b"),
    # Curt to someone, said of a person: "was rather sharp with the lad on the desk" (not "the tank was short by a quarter").
    ("short sharp snippy snappy curt funny cold frosty offish off",
     r"\b(?:was|were|is|are|'s|being|been|got)\s+(?:(?:a bit|a little|rather|quite|very|really|bit|pretty|so)\s+)?"
     r"(?:short|sharp|snippy|snappy|curt|funny|cold|frosty|offish|off)\s+with\s+(?:me|us|him|her|them|staff|everyone|everybody"
     r"|(?:the|our|my|his|her)\s+(?:" + _PERSON_NOUNS + r"|lad|lads|girl|girls|boy|boys|staff|team|crew|driver|drivers))\b"),
    # Not bothering, said of a person: "couldn't be bothered to bring it back", "hadn't even bothered to read it".
    ("bothered",
     r"\b(?:can't|cannot|couldn't|could not|won't|wouldn't)\s+be\s+bothered\b|(?<!\bi )(?<!\bwe )\b(?:hadn't|had not|didn't|did not|never)\s+(?:even\s+)?bothered\s+to\b"),
    # The most or the least a person could have been, said in scorn or praise: "could not have been less grateful".
    ("less more",
     r"\bcould(?:n't|\s+not)?\s+(?:have|'ve)\s+been\s+(?:any\s+)?(?:less|more)\s+(?!than\b)[a-z]+"),
    ("zero patience manners shame sense",
     r"\bzero (?:patience|manners|clue|respect|shame|common sense|interest)\b|\b(?:no|(?:very\s+)?little|not much) (?:patience|manners|shame|common sense)\b"),
    # Partisanship and self-regard as a trait: "won't hear a word against him", "thinks he's an expert".
    ("word expert pro professional genius",
     r"\b(?:won't|will not|wouldn't|would not|can't|cannot)\s+hear\s+a\s+(?:bad\s+)?word\s+against\b|"
     r"\b(?:thinks|thought|reckons|believes)\s+(?:he's|she's|they're|he is|she is|they are)\s+(?:a|an|some kind of|some sort of)\s+(?:\w+\s+)?"
     r"(?:expert|pro|professional|genius|engineer|lawyer|electrician|plumber|mechanic|builder|designer)\b"),
    # Telling staff their own trade: "likes to tell you how to do your job".
    ("tell tells telling told",
     r"\b(?:tell|tells|telling)\s+(?:you|us|me|the\s+\w+|our\s+\w+)\s+how\s+to\s+do\s+(?:your|our|my|their|the)\s+(?:job|jobs|work)\b"),
    # What comes of little made much of: "makes a great deal out of very little", "a huge deal over nothing".
    ("deal",
     r"\b(?:great|big|huge|massive)\s+deal\s+(?:out\s+)?(?:of|over|about)\s+(?:very\s+little|nothing|little|every)\b"),
    # Ignorance of one's own things as a trait: "Hasn't a clue how any of her appliances work", "had no idea how his own contract works".
    ("clue idea notion foggiest",
     r"\b(?:hasn't|has not|hasn't got|has not got|doesn't have|does not have)\s+(?:(?:a|the faintest|the slightest|the remotest|any)\s+clue|the foggiest)\b|"
     r"\bno (?:idea|clue) how (?:any of |even )?(?:his|her|their) (?:own\s+)?[a-z]+\s+(?:works?|operates?)\b|"
     # (what they pay for or their own things cover: "has no idea what she is actually paying for", "not the faintest idea what
     # her own policy covers"; not "no idea when the builder will finish")
     r"\b(?:no|not the faintest|not the slightest|not an?|not any)\s+(?:idea|clue)\s+(?:what|how|which)\s+"
     r"(?:(?:she|he|they)(?:\s+is|\s+are|'s|'re)?\s+(?:actually\s+|even\s+|really\s+)?(?:paying|signed|buying|getting)\b|(?:any of\s+)?(?:his|her|their)\s+own\b)|"
     # (however the lack is said: "hasn't the foggiest idea what his own pump does", "doesn't have the first idea how the
     # engine on his own boat works", "not the remotest clue about his own contract", "has not a notion how his own ...")
     r"(?:\bno|\bnot|n't)\s+(?:have\s+|got\s+)?(?:(?:a|an|any|the\s+(?:faintest|foggiest|slightest|remotest|first|least))\s+)?(?:idea|clue|notion|foggiest)\s+"
     r"(?:of\s+)?(?:what|how|which|about)\s+(?:[a-z']+\s+){0,4}?(?:his|her|their)\s+own\b"),
    # The writer sure of what a person knew or would not admit ("knew perfectly well", "wouldn't own up"), an attitude put
    # on a person ("does not take any of it seriously"; not "we take water safety seriously"), nagging ("keeps on at us"),
    # and an over-reaction said by its verb ("Mum overreacted as usual").
    ("knew knows own seriously keep keeps keeping overreact overreacts overreacted overreacting over-react over-reacted",
     r"\b(?:knew|knows) (?:full|perfectly|very|damn|darn) well\b|\b(?:wouldn't|won't|would not|will not|never) own up\b|"
     r"\b(?:doesn't|does not|didn't|did not|never|won't|will not) take\s+(?:[a-z']+\s+){0,4}?seriously\b|"
     r"\bkeep(?:s|ing)? on at (?:us|me|the|our|staff)\b|\bover-?react(?:s|ed|ing)?\b"),
    # A person hard to get something out of: "Impossible to get a straight answer out of her", "took an age to drag a phone
    # number out of him", "hard to get a straight answer from him" (not "impossible to get the seized shaft out of the
    # coupling", "hard to get any signal out of her old aerial").
    ("impossible hard difficult tough nightmare struggle age ages drag dragging dragged prise prising prised pry prying pried "
     "squeeze squeezing wring wringing winkle winkling extract extracting",
     r"\b(?:impossible|hard|difficult|tough|nightmare|struggle|an age|ages)\s+(?:to\s+|getting\s+|trying to\s+)?get(?:ting)?\s+"
     r"(?:[a-z']+\s+){0,3}?(?:out of|from)\s+" + _HIM_OR_HER_ALONE + r"\b"
     r"|\b(?:drag|prise|prize|pry|squeeze|wring|winkle|extract)(?:s|ed|ing|ging|ged)?\s+(?:[a-z']+\s+){1,3}?out of\s+"
     + _HIM_OR_HER_ALONE + r"\b"),
    # A person no help or no use, said of them: "Her husband was no help at all" (not "the app was no help").
    ("help use",
     r"\b(?:he|she|they|" + _PERSON_NOUNS + r"|partner|son|daughter|brother|sister)\s+(?:was|were|is|are|'s)\s+"
     r"(?:(?:absolutely|really|just|also|frankly|honestly|completely)\s+)?no\s+(?:help|use)\b"),
    # A person's reaction or tone said to be too much: "His reaction was well over the top for a two-week delay", "her
    # tone was out of proportion" (not "the first price was over the top of his budget").
    ("top ott proportion uncalled overkill excessive much",
     r"\b(?:his|her|their)\s+(?:reaction|response|behaviour|behavior|attitude|manner|tone|language|outburst|reply)\s+"
     r"(?:(?:on|over|at)\s+the\s+[a-z]+\s+)?(?:was|is|seemed|felt)\s+(?:(?:well|way|a bit|a little|rather|quite|completely|totally|frankly|really|very"
     r"|so|massively|hugely|somewhat|far|just)\s+)*(?:over the top|ott|uncalled for|out of order|out of (?:all )?proportion|overkill|excessive|a bit much"
     r"|too much)\b"),
    # Every little thing a person objects to or gets in touch about: "Emails about every little smear", "moans over every
    # tiny item" (not "the rigger looks at every little joint").
    ("little tiny",
     r"\b(?:about|over)\s+every\s+(?:(?:single|last)\s+)?(?:little|tiny|minor)\s+[a-z]+"),
    # Everyone said to be expected to drop everything for a person: "Expects the whole pharmacy to drop everything for
    # her", "thinks we should all drop everything when he rings", "at her beck and call".
    ("drop beck",
     r"\b(?:expects?|expected|expecting|wants?|wanted|thinks?|thought|assumes?|assumed)\s+(?:[a-z']+\s+){0,4}?drop\s+everything\b"
     r"|\bat (?:his|her|their) beck and call\b"),
    ("touch denial fairies rocker trolley plot",
     r"\bout of touch\b|\bin denial\b|\baway with the fairies\b|\boff (?:his|her|their) (?:head|rocker|trolley)\b|\b(?:lost|losing) the plot\b"),
)
# The writer's stance, a guess at a mind, or a label for a person, whatever words follow:
# asides ("in my book", "to put it mildly", "if I'm being candid"); the writer sure of a mind
# ("pretty sure she just has 40 tabs open"); a mindset put on a person ("acting like he owns the
# place", "thinks the council works for him"); compounds of character ("tight-fisted",
# "over-protective", "high maintenance"); over-reaction ("in such a state over nothing"); a label
# or a vibe ("bit of a diva", "typical buyer", "proper bridezilla energy"); states of mind ("out of touch").
_STANCE = tuple(
    (frozenset(keys.split()), re.compile(pattern)) for keys, pattern in _STANCE_GROUPS
)


_STANCE_WORDS = frozenset().union(*(keys for keys, _ in _STANCE))


def _stance(text: TextField, present: frozenset[str]) -> str | None:
    """``present``: the words of the text that may open a reading (see _OPENING_WORDS)."""
    if _STANCE_WORDS.isdisjoint(present):
        return None  # nearly every text
    for keys, pattern in _STANCE:
        if not keys.isdisjoint(present):
            found = _search_as_written(text, pattern)
            if found:
                return found.strip(" ,.;")
    return None


def _marked_opinion(text: TextField) -> str | None:
    """A judgement that needs no judging word ("clearly losing it", "if you ask me"), as written."""
    words = text.words
    if _MARKED_OPINION_WORDS.isdisjoint(words) and (
        _PAIR_FIRST_WORDS.isdisjoint(words)
        or not any(not first.isdisjoint(words) and not second.isdisjoint(words) for first, second in _MARKED_OPINION_PAIRS)
    ):
        return None
    found = _search_as_written(text, _MARKED_OPINION_IN_LOWER_CASE)
    return found.strip(" ,.;") if found else None


# "Typical haggler,", "Typical bargain hunter.": a doer of something, called typical, closing its phrase.
_TYPICAL = re.compile(r"(?:^|[.;!?,]\s*)typical\s+(?:[a-z]+\s+)?([a-z]+?)e?rs?(?=\s*(?:[,.;!]|$))")


def _typical_doer(text: TextField, subject: Subject) -> str | None:
    """A person labelled by what they do ("Typical haggler"; not "Typical winter weather": "wint" is no word)."""
    if "typical" not in text.words:
        return None  # nearly every text
    for match in _TYPICAL.finditer(text.lowered):
        stem = match.group(1)
        if len(stem) >= 3 and (subject.lexicon.is_known(stem) or subject.lexicon.is_known(stem + "e")):
            return match.group(0).strip(" ,.;!?")
    return None


# What a person is to have dealings with, its subject left out: "A pleasure to deal with", "Hard work to talk to".
_TO_DEAL_WITH = re.compile(r"\b([a-z]+)\s+to\s+(?:deal|work|talk|speak|get on|cope|reason|negotiate|put up)\s+(?:with|to)\b")
_HARD_GOING = frozenset("nightmare chore struggle hard tough work".split())


def _word_at(text: TextField, position: int) -> int:
    """The index of the word that starts at ``position`` of the text, or of the first word after it (a count of the
    pieces before would be thrown by the stops and colons left between masked numbers: "at 13:00. Son ...")."""
    return bisect_left(text.starts, position)


def _what_they_are_to_deal_with(text: TextField, subject: Subject) -> str | None:
    """A verdict on a person as someone to deal with, opening a clause: "A pleasure to deal with as always",
    "Really easy to work with", or said of people by a verb ("the couple who rang about it are a nightmare to deal
    with"; not "nothing to deal with", "the forms to deal with", "the paperwork is a nightmare to deal with")."""
    words = text.words
    if "to" not in words or ("with" not in words and "talk" not in words and "speak" not in words):
        return None  # nearly every text
    for match in _TO_DEAL_WITH.finditer(text.lowered):
        word = match.group(1)
        # (the most of a judging word, in the negative: "not the easiest to deal with")
        judging = subject.lexicon.judges(word) or (word.endswith("iest") and subject.lexicon.judges(word[:-4] + "y"))
        if not (judging or word in _PRAISE_NOUNS or word in _HARD_GOING) or _insult(word, subject, text):
            continue  # (an insult, "Absolute pain to deal with", is P304's alone)
        index = _word_at(text, match.start(1))
        opening = index
        while opening > 0 and (
            words[opening - 1] in ("a", "an", "such", "the", "not") or _of_degree(words[opening - 1], subject.lexicon) or words[opening - 1] in _LABEL_DEGREE
            or words[opening - 1] in _HARD_GOING
        ):
            opening -= 1
        if words[opening] == "the":
            continue  # "the easiest to deal with of the three quotes": a thing ranked, unless "not" comes before
        if opening > 0 and words[opening] == "not" and (words[opening - 1] in PERSON_WORDS or words[opening - 1] in subject.names):
            opening -= 1  # a person, the verb left out: "Daughter not the easiest to deal with"
        if opening > 1 and words[opening - 1] in COPULAS and _said_of_people(text, opening - 1, subject):
            opening -= 1  # said of people by a verb: "The couple in flat 2 who rang about it are a nightmare to deal with"
        if index < len(words) and words[index] == word and (_starts_clause(text, opening) or words[opening] in COPULAS):
            return " ".join(text.originals[opening : index + 1]) + " to " + match.group(0).split(" to ", 1)[1]
    return None


def _said_of_people(text: TextField, verb: int, subject: Subject) -> bool:
    """Whether the subject of the verb at ``verb`` is a person: a pronoun, a name or a word for a person just before it,
    or after a title ("Mr Obi is"), or people named by what they did ("who rang about it") in its sentence."""
    words = text.words
    start = _sentence_start(text, verb)
    return _a_person_at(words, verb - 1, subject) or (verb > 1 and words[verb - 2] in HONORIFICS) or "who" in words[start:verb]


# Words that make what a person does a habit: "every visit", "each time", "whatever we offer", "without fail".
_HABIT_MARKS = frozenset("every each everything whatever whenever invariably habitually routinely always forever constantly continually".split())
# Verbs that object or seek a gain by the words their clause holds: "finds fault", "picks holes", "makes a drama out of
# every smudge", "tries to knock something off the bill", "tries this every time", "got some reason why".
_OBJECTING_BY_WHAT_FOLLOWS: dict[str, frozenset[str]] = {
    "find": frozenset("fault wrong problem problems complain excuse excuses reason reasons".split()),
    "pick": frozenset("holes apart".split()),
    "make": frozenset("drama fuss mountain scene song meal".split()),
    "try": frozenset("this that it free freebie discount cheaper extra off refund".split()),  # (see _GAIN)
    "ask": frozenset("free freebie discount cheaper extra refund".split()),
    "get": frozenset("reason excuse excuses reasons".split()),
    "take": frozenset({"issue"}),
}
# After a verb of objecting, words that say what the objection is or what brings it: a report of it, not a habit of one.
_OBJECTION_SAID = frozenset("that whether if when whenever because time".split())
# What seeking a gain asks for: "tries to get something extra free", "tries to knock something off".
_GAIN = frozenset("free freebie discount cheaper extra off refund".split())
# Present forms of those verbs ("questions", "tries", "finding", "got": has got) and the verb each stands for.
_HABIT_VERBS: dict[str, str] = {
    form: verb
    for verb in (*OBJECTING_VERBS, *_OBJECTING_BY_WHAT_FOLLOWS)
    for form in (
        verb, verb + "s", verb + "es", verb[:-1] + "ies" if verb.endswith("y") else verb + "s",
        (verb[:-1] if verb.endswith("e") else verb) + "ing", verb + ("king" if verb.endswith("c") else "ing"),
    )
} | {"picking": "pick", "got": "get", "gets": "get", "getting": "get", "has": "get", "have": "get", "nagging": "nag"}
# Between a person and the verb of their habit: "he'll", "she is", "does tend to", "always", "also".
_HABIT_AUXILIARIES = frozenset("will would 'll is are 's does do keeps tends to also always still just only even must".split())
_HABIT_SUBJECTS = frozenset("he she they he'll she'll they'll he's she's they're".split())


def _habit_of_objecting(text: TextField, subject: Subject) -> str | None:
    """A habit of objecting or of seeking a gain, told in the present of a person with a word of frequency: "Ms Nguyen
    questions every charge", "He'll object to whatever date we offer", "Each visit he tries to knock something off the
    bill" (not "He pays every invoice by transfer", "We check every flue": nothing objected to, or staff's)."""
    words = text.words
    if _HABIT_MARKS.isdisjoint(words) and "fail" not in words:
        return None  # nearly every text
    names = subject.names
    if "single" in words:
        found = _every_single_time(text, names, subject.lexicon)
        if found:
            return found
    if _HABIT_VERBS.keys().isdisjoint(words):
        return None
    clause_start = 0
    for index, word in enumerate(words):
        if _clause_ends_before(text, index):
            clause_start = index
        verb = _HABIT_VERBS.get(word)
        if verb is None:
            continue
        clause = words[clause_start : _clause_end(text, index)]
        if _HABIT_MARKS.isdisjoint(clause) and not any(pair == ("without", "fail") for pair in pairwise(clause)):
            continue
        wanted = _OBJECTING_BY_WHAT_FOLLOWS.get(verb)
        if wanted is not None and wanted.isdisjoint(clause):
            continue
        rest = words[index + 1 : clause_start + len(clause)]
        if verb in OBJECTING_VERBS and not _OBJECTION_SAID.isdisjoint(rest):
            continue  # what the objection says or what brings it, reported: "complains every winter that the pipes freeze",
            # "complains every time the van is late", "questions whether the service is needed each year"
        if verb == "try" and _GAIN.isdisjoint(rest) and not (rest[:1] in (["this"], ["that"], ["it"]) and rest[1:2] in (["every"], ["each"], ["again"], ["on"], ["whenever"], []) ):
            continue  # a ploy tried again ("Tries this every time"), not a thing tried out ("tries it out each visit")
        if verb == "get" and word in ("has", "have") and "got" not in clause and not _OBJECTING_BY_WHAT_FOLLOWS["get"].intersection(rest[:3]):
            continue  # ("has" alone is no habit; "Always has an excuse why" is one)
        cursor = index - 1
        while cursor >= clause_start and words[cursor] in _HABIT_AUXILIARIES:
            cursor -= 1
        before = words[cursor] if cursor >= clause_start else ""
        if before in ("and", "but", "who") and any(_a_person_at(words, at, subject) for at in range(clause_start, cursor)):
            before = "she"  # the subject said once for both, or a person and "who": "She wants to run it all and queries every choice"
        person = before in _HABIT_SUBJECTS or before in names or before in PERSON_WORDS or before in PERSON_HEADS
        # (the subject left out, with only a word of frequency before: "Every month also got some reason why")
        left_out = cursor < clause_start or (cursor - clause_start <= 2 and words[clause_start] in ("every", "each"))
        if (person or left_out) and word not in ("is", "are") and before not in ("we", "i", "to"):
            return " ".join(text.originals[max(clause_start, cursor) : index + 4])
    return None


# A mind put on a person that sets them apart from everyone else: "Reckons the opening hours are for everybody else",
# "thinks the rules are for other people", "believes the terms apply to everyone but her".
_MIND_VERBS = frozenset("thinks reckons believes assumes imagines acts behaves".split())
_OTHERS = frozenset("else other rest but".split())
_FOR_OTHERS = re.compile(
    r"\b(?:for|to)\s+(?:everybody|everyone|anybody|anyone)\s+(?:else|but\s+(?:him|her|them|himself|herself))\b|\b(?:for|to)\s+other\s+people\b"
    r"|\bfor\s+the\s+rest\s+of\s+us\b"
)


def _rules_for_others(text: TextField) -> str | None:
    """A mind that sets a person apart from everyone else, the verb of mind before in its clause: "Reckons the opening
    hours are for everybody else" (not "Told her the rules apply to everyone from May": no mind put on her)."""
    if _OTHERS.isdisjoint(text.words):
        return None  # nearly every text with a verb of mind
    found = _FOR_OTHERS.search(text.lowered)
    if found is None:
        return None
    words = text.words
    at = _word_at(text, found.start())
    start = at
    while start > 0 and not _starts_clause(text, start) and words[start] not in _MIND_VERBS:
        start -= 1
    return " ".join(text.originals[start:at]) + " " + found.group(0) if words[start] in _MIND_VERBS else None


# A negation that, with "without" after it, makes a habit of what follows: "never pays without a row" is "always rows".
_NEVER = frozenset("never won't wont can't cannot doesn't".split())
# Nouns of objecting, beside the verbs' -ing forms: "never settles a bill without a row first".
_OBJECTIONS = frozenset(
    """row rows argument arguments fight fuss scene drama battle squabble complaint complaints moan grumble whinge quibble
    quibbles query queries dispute haggle barney ding-dong""".split()
)
_OBJECTING_FORMS = frozenset(form for form, verb in _HABIT_VERBS.items() if verb in OBJECTING_VERBS and form.endswith("ing"))


def _never_without_objecting(text: TextField, subject: Subject) -> str | None:
    """A habit of objecting said as what a person never does without it: "Never pays a bill without a row first", "he won't
    sign for anything without complaining" (not "we never change a lock without proof of address", "never leaves without
    her inhaler": staff's rule, or nothing objected to)."""
    words = text.words
    if "without" not in words or _NEVER.isdisjoint(words):
        return None  # nearly every text
    for index, word in enumerate(words):
        if word != "without":
            continue
        start = index
        while start > 0 and not _starts_clause(text, start) and words[start] not in _NEVER:
            start -= 1
        if words[start] not in _NEVER or (_OBJECTIONS.isdisjoint(words[index + 1 : index + 4]) and _OBJECTING_FORMS.isdisjoint(words[index + 1 : index + 4])):
            continue
        before = start - 1
        while before >= 0 and words[before] in ("just", "will", "'ll", "also", "still"):
            before -= 1
        person = before < 0 or _starts_clause(text, before + 1) or _a_person_at(words, before, subject)
        if person and (before < 0 or words[before] not in ("we", "i", "you", "it")):
            return " ".join(text.originals[start : index + 3])
    return None


# A person's habit blown up by "every single" occasion: "Every single booking she changes the time", "tries on every pair,
# every single visit" (not a thing's, "the gate is left open", staff's, "we test it", nor what "you" are asked to do).
_EVERY_SINGLE = re.compile(
    r"\bevery single (?:time|visit|day|week|month|morning|afternoon|evening|night|weekend|call|order|booking|collection|delivery|trip|lesson|session|stay|appointment)\b"
)


def _every_single_time(text: TextField, names: frozenset[str], lexicon: Lexicon) -> str | None:
    found = _EVERY_SINGLE.search(text.lowered)
    if found is None:
        return None
    words = text.words
    at = _word_at(text, found.start())  # the word "every"
    start, end = _sentence_start(text, at), _clause_end(text, at)
    sentence = words[start:end]
    if "you" in sentence or "your" in sentence:
        return None
    opening = words[start]
    if opening.endswith("s") and opening not in _NOT_A_HABIT and len(opening) > 3 and lexicon.is_base_verb(opening[:-1]) and start < at:
        return found.group(0)  # the subject left out: "Phones every single morning to ask the same thing"
    for index in range(start + 1, end):
        before, word = words[index - 1], words[index]
        if word in _PREFIXES and index + 1 < end:
            word = words[index + 1]  # a verb with a prefix: "he re-lays the dust sheets"
        if (before in ("he", "she", "they") or before in names) and word.endswith("s") and word not in _NOT_A_HABIT and len(word) > 3:
            return found.group(0)
        if before in _CONTRACTED_PRONOUNS and word.endswith("ing") and len(word) > 5:
            return found.group(0)  # in the progressive: "Every single week she's changing something"
    return None


_NOT_A_HABIT = frozenset("is was has does says".split())


def _clause_ends_before(text: TextField, index: int) -> bool:
    """Whether word ``index`` opens a sentence or follows a semicolon."""
    return index > 0 and (text.starts_sentence(index) or ";" in text.masked[text.starts[index - 1] : text.starts[index]])


def _clause_end(text: TextField, index: int) -> int:
    end = index + 1
    while end < len(text.words) and not _clause_ends_before(text, end):
        end += 1
    return end


# Words of the writer's certainty: said of what a person thinks or does, they read a mind.
_CERTAINTY = frozenset("clearly obviously evidently plainly".split())
# After such a word, what reads a mind: a verb of thinking, wanting, knowing or heeding, or one said in the negative
# ("obviously expects", "clearly forgot", "evidently never opened it"; not "clearly visible", "obviously has a leak").
_OF_A_MIND = frozenset(
    """think thinks thought expect expects expected want wants wanted know knows knew believe believes believed assume assumes assumed
    forget forgets forgot forgotten remember remembers understand understands understood care cares cared ignore ignores ignored
    prefer prefers hate hates like likes enjoy enjoys feel feels felt mean means meant intend intends intended hope hopes hoped
    never not doesn't didn't hasn't hadn't won't can't cannot isn't wasn't""".split()
)
_DETERMINERS_OF_A_THING = frozenset("the a an this that these those its our".split())


# Words a person is put in a kind by: "the nervous type", "the sort who", "someone who", "a person that".
_KINDS = frozenset("type sort kind".split())
_KIND_PEOPLE = frozenset("someone somebody person man woman lady guy bloke gent gentleman individual".split())
_COPULAS_OF_A_KIND = frozenset("is was are were seems seemed 's he's she's they're".split())
_OF_A_KIND = frozenset("man woman person guy bloke lady gent customer client people character".split())
# What a person is said to think, after "a ... who", that makes a kind of them whatever the word for them: "a young lady
# who thinks the rules are for other people", "a busy woman who expects us to drop everything".
_MINDS_OF_A_KIND = frozenset("think thinks thought believe believes believed expect expects expected assume assumes assumed reckons imagines".split())
# What a person is said to do, after "a person who", that makes a kind of them: "never accepts", "wants everything her way".
_WAYS_OF_A_KIND = frozenset(
    "never always want wants enjoy enjoys expect expects think thinks insist insists believe believes like likes love loves".split()
) | _MINDS_OF_A_KIND
_HABIT_MIND_OR_KIND = _HABIT_MARKS | _CERTAINTY | _KINDS | _KIND_PEOPLE | {"fail"}


def _put_in_a_kind(text: TextField, subject: Subject) -> str | None:
    """A person put in a kind: "she is the nervous type", "the sort who reads every clause", "the kind of man that
    wants it yesterday", "came across as someone who likes to be in charge", "is a person that want everything her
    way" (not "the stove is the multi-fuel type", "a customer who has been with us since 2015")."""
    words = text.words
    last = len(words) - 1
    for index, word in enumerate(words):
        if word in _KINDS:
            after = index + 1
            if after < last and words[after] == "of" and (words[after + 1] in _OF_A_KIND or words[after + 1] in PERSON_WORDS or words[after + 1] in PERSON_HEADS):
                after += 2
            following = words[after] if after <= last else ""
            closes = after > last or following in ("who", "that", "to", "and", "but") or text.masked[text.starts[index] + len(word) : text.starts[index] + len(word) + 1] in (".", ",", ";", "!")
            cursor = index - 1
            if cursor > 0 and words[cursor] not in ("the", "that", "a", "an"):
                cursor -= 1  # a word of what kind: "the nervous type"
            if not closes or cursor < 1 or words[cursor] not in ("the", "that", "a", "an"):
                continue
            cursor -= 1
            while cursor > 0 and words[cursor] in ("just", "really", "definitely", "clearly", "obviously"):
                cursor -= 1
            if words[cursor] in _COPULAS_OF_A_KIND and (words[cursor] in _HABIT_SUBJECTS or _a_person_at(words, cursor - 1, subject)):
                return " ".join(text.originals[cursor : after + 1])
            if words[index - 1] in ("the", "that") and following in ("who", "that") and after < last and words[after + 1] not in ("is", "are", "was"):
                return " ".join(text.originals[index - 1 : after + 2])
        elif index < last and words[index + 1] in ("who", "that") and (word in _KIND_PEOPLE or _a_mind_of_a_kind(words, index)):
            cursor = index - 1
            if _a_mind_of_a_kind(words, index):
                # words that describe the person between, before a mind put on them: "a young lady who thinks"
                while cursor > max(0, index - 4) and words[cursor] not in ("a", "an") and words[cursor] not in _COPULAS_OF_A_KIND:
                    cursor -= 1
            if cursor >= 0 and words[cursor] in ("a", "an"):
                cursor -= 1
            if cursor >= 1 and words[cursor] == "as" and words[cursor - 1] in ("across", "over"):
                return " ".join(text.originals[cursor - 1 : index + 2])  # "came across as someone who"
            # (or any verb, "always" or "never" after it, as a writer of another language puts it: "a lady who needs always")
            if cursor >= 0 and words[cursor] in _COPULAS_OF_A_KIND and index + 2 <= last and (
                words[index + 2] in _WAYS_OF_A_KIND or words[index + 3 : index + 4] in (["always"], ["never"])
            ):
                return " ".join(text.originals[cursor : index + 3])
    return None


def _a_mind_of_a_kind(words: list[str], index: int) -> bool:
    """Whether word ``index`` is a word for a person before "who" and a mind put on them ("lady who thinks")."""
    word = words[index]
    return (
        index + 2 < len(words) and words[index + 2] in _MINDS_OF_A_KIND
        and (word in _KIND_PEOPLE or word in _OF_A_KIND or word in PERSON_WORDS or word in PERSON_HEADS)
    )


# The words a stance, a habit, a mind read or a kind needs one of.
# (with the words of a mind put on a kind, and of what is never done without: each looked at further only beside "who"
# or a negation, see _judgement)
_OPENING_WORDS = _STANCE_WORDS | _HABIT_MIND_OR_KIND | _MINDS_OF_A_KIND | _MIND_VERBS | {"without"}


def _a_person_at(words: list[str], index: int, subject: Subject) -> bool:
    """Whether word ``index`` names a person: a pronoun, a name of the record, a word for a person."""
    return index >= 0 and (words[index] in _HABIT_SUBJECTS or words[index] in subject.names or words[index] in PERSON_WORDS or words[index] in PERSON_HEADS)


def _sure_of_a_mind(text: TextField, subject: Subject) -> str | None:
    """The writer sure of what a person thinks or does, whoever the subject: "Mr Brennan obviously expects us to pay",
    "he has clearly forgotten", "Had the leaflet a year and evidently never opened it" (not "the flue obviously needed a
    sweep", "explained the charges clearly")."""
    words = text.words
    if _CERTAINTY.isdisjoint(words):
        return None  # nearly every text
    names = subject.names
    for index, word in enumerate(words):
        if word not in _CERTAINTY or index + 1 >= len(words):
            continue
        # (an auxiliary in the negative after it: "clearly does not check the shed")
        negated = words[index + 1] in ("does", "did", "do", "has", "had", "is", "was") and words[index + 2 : index + 3] in (["not"], ["never"])
        if words[index + 1] not in _OF_A_MIND and not negated:
            continue  # a fact, not a mind: "clearly visible", "obviously has a leak"
        cursor = index - 1
        while cursor >= 0 and words[cursor] in ("has", "had", "have", "does", "did", "just", "also", "so"):
            cursor -= 1
        before = words[cursor] if cursor >= 0 else ""
        if before in _HABIT_SUBJECTS or before in names or before in PERSON_WORDS or (
            (before in ("and", "but") or cursor < 0 or text.starts_sentence(cursor + 1))
            and words[_sentence_start(text, index)] not in _DETERMINERS_OF_A_THING
            and before not in ("i", "we")
        ):
            return " ".join(text.originals[max(0, cursor) : index + 3])
    return None


def _sentence_start(text: TextField, index: int) -> int:
    while index > 0 and not text.starts_sentence(index):
        index -= 1
    return index


def _search_as_written(text: TextField, in_lower_case: re.Pattern[str] | Alternatives) -> str | None:
    """What a pattern finds in a text ignoring case, as written; on ASCII text the lower-case pattern finds it quicker."""
    masked = text.masked
    if masked.isascii():
        found = in_lower_case.search(text.lowered)
        return masked[found.start() : found.end()] if found else None
    found = _ignoring_case(in_lower_case.pattern).search(masked)
    return found.group(0) if found else None


@cache
def _ignoring_case(pattern: str) -> re.Pattern[str]:
    """A pattern compiled to ignore case when a text first needs it: only text beyond ASCII does."""
    return re.compile(pattern, re.IGNORECASE)


def says_what_a_person_is(text: TextField, subject: Subject) -> bool:
    """Whether a text says what a person is as P305 reads a judgement of one (not the writer's feelings or asides) ("he's the type who wants everything
    yesterday", "Not the easiest customer we have had", "Mum overreacted as usual"), or as P304 reads an insult ("a
    right pair of clowns"; not "the treatment sucked"): P104 asks it of a resolution's clauses, which then say no deed."""
    words = text.words
    insulted = bool(subject.derogatory_in(text)) and ("who" in words or any(_a_person_at(words, index, subject) for index in range(len(words))))
    return insulted or _judgement_of_a_person(text, subject) is not None


def _judgement(text: TextField, subject: Subject) -> str | None:
    """The first judging phrase in a text: a feeling of the writer, or a judgement of a person or the call.

    Insults ("what a moron") are left to P304, which names them: one finding per fault.
    """
    found = _first_person_opinion(text)
    if found and not (found.lower().startswith(("what a", "such a")) and not _judging_after(found, subject)):
        # An aside in text-speak beside an insult ("Bit of a prat tbh") only frames the insult, which P304 names,
        # and so does a judging word before one ("what a clueless twerp").
        # An aside of honesty in text-speak framing a clause about a thing ("tbh the old barrel was worn") is a habit of
        # speech: the clause it frames is what judges, or not.
        if not _insult(found.split()[-1], subject) and not (found.lower() in _TEXT_SPEAK_ASIDES and subject.derogatory_in(text)) and not (
            found.lower().startswith(("what a", "such a")) and _an_insult_follows(text, found, subject)
        ) and not (found.lower() in _HONESTY_ASIDES and _aside_about_a_thing(text, found.lower())):
            return found
    return _judgement_of_a_person(text, subject)


def _judgement_of_a_person(text: TextField, subject: Subject) -> str | None:
    """The first phrase in a text that judges a person or the call, the writer's own feelings and asides aside."""
    present = _OPENING_WORDS.intersection(text.words)  # one pass over the words for the readings below: most texts hold none
    found = _marked_opinion(text)
    if found and _insult(found.split()[-1], subject, text):
        found = None  # a label round an insult, "a bit of a tosser": P304 names the insult
    found = found or _stance(text, present) or _typical_doer(text, subject) or _what_they_are_to_deal_with(text, subject)
    if not found and present:
        words = text.words
        if not _HABIT_MIND_OR_KIND.isdisjoint(present):
            found = _habit_of_objecting(text, subject) or _sure_of_a_mind(text, subject)
        if not found and (not _HABIT_MIND_OR_KIND.isdisjoint(present) or (not _MINDS_OF_A_KIND.isdisjoint(present) and ("who" in words or "that" in words))):
            found = _put_in_a_kind(text, subject)
        if not found and "without" in present:
            found = _never_without_objecting(text, subject)
    if not found and not _MIND_VERBS.isdisjoint(present):
        found = _rules_for_others(text)
    if found:
        return found
    words = text.words
    lexicon = subject.lexicon
    names = subject.names
    otherwise = _may_name_a_person_otherwise(text)  # else no word below is a contraction or a role: skip those looks
    if _PERSONS_OR_CALL.isdisjoint(words) and names.isdisjoint(words) and not otherwise:
        # The others are about a person, the call or the writer.
        return _judgement_of_someone_named(text, subject) or _judgement_opening_a_sentence(text, subject)
    # Only a person, the call, "I", "and"/"but" or a word before a person can start what is read below; without a
    # word that may be a contraction or a role, the other words are passed over at once.
    last = len(words) - 1
    may_report: bool | None = None  # whether a verb of saying or thinking is in the text (see _reported): asked once, if ever
    starts = range(len(words)) if otherwise else [
        index for index, word in enumerate(words)
        if word in _STARTERS or word in names or (index < last and (words[index + 1] in _JUDGED_NOUNS or words[index + 1] in _AGES))
    ]
    for index in starts:
        word = words[index]
        following = words[index + 1] if index < last else ""
        person = _person_after(words, index) if following in _JUDGED_NOUNS or following in _AGES else None
        contracted = otherwise and _contracted_person(words, index, names)
        by_role = otherwise and (following in COPULAS or following in ("came", "comes")) and _a_person_by_role(word)  # ("came across as": read below)
        if word not in _STARTERS and word not in names and person is None and not contracted and not by_role:
            continue  # neither a person, the call, "I" nor "and"/"but", nor a word before a person: nothing starts here
        if word in _SUBJECT_PRONOUNS:
            if may_report is None:
                may_report = not (_SAYING.isdisjoint(words) and _THINKING.isdisjoint(words) and "according" not in words)
            if may_report and _reported(text, index):
                continue  # what the customer said of someone, themselves too: "Said she is not great with computers"
        if word in _OBJECT_PRONOUNS and following in COPULAS and index > 0:
            continue  # the object of the verb before, not the subject: "the tiles we sold them were faulty"
        subject_word = (
            word in PERSON_WORDS or word in PERSON_HEADS or word in INTERACTION_WORDS or (word in names and word not in subject.lexicon.vague)
            or contracted or by_role
        )
        # "wanted to cancel and was rude": the subject is left out after "and"/"but".
        if word in ("and", "but") and any(w in PERSON_WORDS or w in names for w in words[:index]):
            subject_word = True
            # "is a pain and extremely rude": the copula is left out too.
            cursor = index + 1
            while cursor < len(words) - 1 and words[cursor] in _OPENING_INTENSIFIERS:
                cursor += 1
            if cursor > index + 1 and lexicon.judges(words[cursor]) and not _insult(words[cursor], subject, text):
                return " ".join(words[index + 1 : cursor + 1])
        first_person = word in ("i", "we")
        if not (subject_word or first_person):
            # "a rude customer", "lovely lady": a judging word just before a person.
            # ("the best person to ask" names a role, not a judgement.)
            dealt_with = person is not None and words[person + 1 : person + 2] == ["to"] and words[person + 2 : person + 3] in _DEALT_WITH
            judged = (
                lexicon.judges_a_person(word)
                or (word in _FUSSY and index > 0 and _of_degree(words[index - 1], lexicon))  # "very particular gentleman"
                or (dealt_with and word not in _RANKS)  # the frame judges, whatever the word: "a hard man to satisfy"
            )
            if person is not None and words[person] not in _PRONOUNS and judged and (words[person + 1 : person + 2] != ["to"] or dealt_with):
                phrase = " ".join(words[index : person + 1])
                if not any(phrase in insult for insult in subject.derogatory_in(text)):
                    return phrase  # ("nightmare customer" is an insult: P304 names it)
            continue
        cursor = index + 1
        if contracted:
            # "she's", "they're", "Ruairi's a ...": the verb is inside the word ("she's been": after "been")
            cursor = index + 1 if following in ("been", "being") else index
        else:
            while cursor < len(words) - 1 and words[cursor] in _BETWEEN_SUBJECT_AND_VERB:
                cursor += 1
            if cursor < len(words) - 2 and words[cursor] in _PLACED and word in PERSON_WORDS and word not in _PRONOUNS:
                # "the woman on the phone was", "the lady from the agent is": where they were, then what they were
                # (what the customer said of one is theirs: "Said the man at the depot was rude")
                placed = next((at for at in range(cursor + 1, min(cursor + 5, len(words))) if words[at] in ("was", "is", "were", "are")), None)
                if placed is None or _reported(text, index):
                    continue
                cursor = placed
            if cursor < len(words) and words[cursor] in ("was", "is", "has", "had", "were", "are") and cursor + 1 < len(words) and words[cursor + 1] in ("been", "being"):
                cursor += 1
            if cursor < len(words) and words[cursor] in _NEGATED_COPULAS:
                # "wasn't terribly helpful", "is not very good at following": a judgement all the same.
                ends = _negated_judgement(words, cursor, subject) if subject_word else None
                if ends:
                    return " ".join(words[index : ends + 1])
                continue
            if cursor + 1 < len(words) and words[cursor] in ("is", "was", "are", "were") and words[cursor + 1] == "not" and subject_word:
                ends = _negated_judgement(words, cursor + 1, subject)
                if ends:
                    return " ".join(words[index : ends + 1])
            if words[cursor : cursor + 2] in (["can", "be"], ["could", "be"]) or words[cursor : cursor + 3] == ["tends", "to", "be"]:
                cursor += 1 if words[cursor] != "tends" else 2  # what a person tends to be: "She can be a bit much"
            elif cursor >= len(words) or (words[cursor] not in COPULAS and _coming_across(words, cursor) is None):
                continue
            if words[cursor] in ("came", "comes"):
                cursor = _coming_across(words, cursor) or cursor  # "comes across as rude", "comes across a bit entitled"
        start = cursor
        cursor += 1
        while cursor < len(words) and (_of_degree(words[cursor], lexicon) or words[cursor] in _ARTICLE or words[cursor] == "like") and cursor - start < 5:
            cursor += 1
        if cursor >= len(words):
            continue
        candidate = words[cursor]
        if candidate.endswith("ly") and _a_state_after(words, cursor):
            continue  # "she is badly affected by the smell": how much a state holds, not a judgement
        if subject_word and (_labelled_strongly(words, cursor) or _hard_going(words, cursor)) and not _insult(candidate, subject, text) and not (by_role and _reported(text, index)):
            return " ".join(words[index : cursor + 2 if _hard_going(words, cursor) else cursor + 1])  # "her hubby was a legend", "He's hard work"
        if first_person and (lexicon.judges(candidate) or candidate in ("annoyed", "frustrated", "upset", "angry", "offended", "shocked", "disgusted", "fed")):
            return " ".join(words[index : cursor + 1])
        if subject_word and (lexicon.judges(candidate) or _fussy_about(words, cursor)) and not _insult(candidate, subject, text) and not _before_an_insult(words, cursor, subject, text):
            labelled = "a" in words[start:cursor] or "an" in words[start:cursor]  # "a nightmare to pin down" is said of them
            if not (by_role and _reported(text, index)) and (labelled or not _what_it_is_like_to(words, cursor)):
                return " ".join(words[index : cursor + 1])
    return _judgement_of_someone_named(text, subject) or _judgement_opening_a_sentence(text, subject)


_NEGATED_COPULAS = frozenset("isn't wasn't aren't weren't".split())
# After a judging word, a person and "to", what one does with a person: "a difficult man to please" judges him (but "the
# best person to ask", "a hard man to reach" name a role or his hours).
_DEALT_WITH = [[verb] for verb in "please satisfy deal work handle talk reason serve manage live".split()]
# Words that rank a person rather than judge them: "the only person to deal with it", "the right man to talk to".
_RANKS = frozenset("only right first last next main best ideal same other usual one proper".split())
# Where a person was, between them and what they were: "The woman on the phone was incredibly pushy".
_PLACED = frozenset("on at in from behind".split())
# After "a" or "an", a word of this kind makes whatever follows a verdict on the one it is said of:
# "a real star", "an absolute gentleman", "a most knowledgeable beekeeper", "a total perfectionist".
_LABEL_DEGREE = frozenset("real absolute total utter complete proper right most".split())
# Nouns of praise said of a person: "her hubby was a legend", "is a gem".
_PRAISE_NOUNS = frozenset("legend star superstar gem diamond saint angel hero godsend lifesaver treasure sweetheart darling".split())


# Words that judge a person only with no thing after them: before "about" or "with", closing the clause
# or before a joining word ("very particular about the keys", "funny about dogs", "she's very particular
# and runs a finger along every shelf"; not "very particular instructions", "a funny noise").
_FUSSY = frozenset("particular funny precious picky touchy choosy fussy prickly sniffy".split())
_NO_THING_AFTER = ("about", "with", "and", "but", "so", "when", "if")


def _fussy_about(words: list[str], index: int) -> bool:
    return words[index] in _FUSSY and (index + 1 == len(words) or words[index + 1] in _NO_THING_AFTER)


def _coming_across(words: list[str], index: int) -> int | None:
    """Where "came across as" or "comes over as" ends, after "came" at ``index``; without "as", only before a
    word of degree ("comes across a bit entitled"; not "came across a nasty leak"); else None."""
    if words[index] not in ("came", "comes") or words[index + 1 : index + 2] not in (["across"], ["over"]):
        return None
    after = words[index + 2 : index + 4]
    if after[:1] == ["as"]:
        return index + 2
    if words[index + 1] == "across" and after and (after[0] in _OPENING_INTENSIFIERS or after in (["a", "bit"], ["a", "little"])):
        return index + 1
    return None


def _hard_going(words: list[str], index: int) -> bool:
    """Whether word ``index`` opens a verdict on what a person is to deal with: "hard work", "heavy going",
    "a bit much", or a mood made a label before a word for a person: "an angry man", "a miserable woman"."""
    word, following, before = words[index], words[index + 1] if index + 1 < len(words) else "", words[index - 1] if index else ""
    if word in ("hard", "heavy", "tough") and following in ("work", "going"):
        return True
    if word == "much" and before in ("bit", "too"):
        return True
    return word in REPORTED_STATES and _valences_below_zero(word) and before in ("a", "an") and (following in PERSON_HEADS or following in PERSON_WORDS)


def _valences_below_zero(word: str) -> bool:
    """Whether a mood is a bad one ("angry", "miserable"): "a happy customer" of ten years is no label."""
    return word not in _GOOD_MOODS


_GOOD_MOODS = frozenset("happy pleased satisfied content glad delighted relieved grateful thankful calm fine ok okay".split())


def _labelled_strongly(words: list[str], index: int) -> bool:
    """Whether word ``index`` is a verdict by its frame: "a real star", "an absolute gentleman", "a most
    demanding client", or a noun of praise after "a" ("was a legend"); "a complete set" is said of a thing,
    so the caller reads it only of a person."""
    if index >= 1 and words[index - 1] in ("a", "an") and words[index] in _PRAISE_NOUNS:
        return True
    return index >= 2 and words[index - 1] in _LABEL_DEGREE and words[index - 2] in ("a", "an") and words[index - 1 : index + 1] != ["real", "estate"]


def _negated_judgement(words: list[str], negation: int, subject: Subject) -> int | None:
    """Where a judgement said in the negative ends, after "isn't" or "is not" at ``negation``: "wasn't
    terribly helpful", "is not very good at following the manual" (but "is not happy with the repair",
    a reported state, and "not good with that", agreeing)."""
    cursor = negation + 1
    while cursor < len(words) - 1 and (_of_degree(words[cursor], subject.lexicon) or words[cursor] in ("that", "the", "a", "an", "most")):
        cursor += 1
    if cursor >= len(words):
        return None
    candidate = words[cursor]
    if subject.lexicon.judges(candidate) and not _insult(candidate, subject) and not _what_it_is_like_to(words, cursor):
        return cursor
    if _a_skill(words, cursor):
        return cursor + 1  # a skill said to be lacking: "not very good with technology"
    return None


# After "good at", what is no skill: "not good at all", "not great at the moment", "not good at first".
_NO_SKILL_AT = frozenset("all first once least present times night home work moment".split())


def _a_skill(words: list[str], index: int) -> bool:
    """Whether word ``index`` and those after it say how good a person is at or with something: "good with technology",
    "great at reading the app" (not "good with that", agreeing, nor "bad at all", "great at the moment")."""
    following = words[index + 1 : index + 4]
    if words[index] not in ("good", "great", "best", "brilliant") or following[:1] not in (["at"], ["with"]) or following[1:2] in (["that"], ["this"], ["it"]):
        return False
    return following[0] == "with" or not (following[1:2] and (following[1] in _NO_SKILL_AT or following[2:3] == ["moment"]))


# Participles that make a judgement of manners with a word of degree before them: "badly behaved", "well spoken".
_MANNERS = frozenset("behaved mannered spoken brought".split())


# Conditions of the body a word of degree may say how much of: "severely allergic", "profoundly deaf".
_CONDITIONS = frozenset("allergic intolerant deaf disabled diabetic asthmatic epileptic autistic dyslexic sighted pregnant".split())


def _a_state_after(words: list[str], index: int) -> bool:
    """Whether a past participle that is no word of manners, a reported state or a condition of the body follows word
    ``index``: "badly affected", "severely sight impaired", "seriously ill", "severely allergic"."""
    following = words[index + 1] if index + 1 < len(words) else ""
    if following in REPORTED_STATES or following in _CONDITIONS:
        return True
    return (following.endswith(("ed", "en")) or following in IRREGULAR_PASTS) and following not in _MANNERS


def _of_degree(word: str, lexicon: Lexicon) -> bool:
    """Whether a word only strengthens the judging word after it: "very", "dead", "ever so", and an
    adverb in -ly that does not judge itself, however spelt ("awfully", "increadibly"; not "surly")."""
    if word in INTENSIFIERS or word in _DEGREE:
        return True
    return len(word) > 4 and word.endswith("ly") and not lexicon.judges(word)


def _contracted_person(words: list[str], index: int, names: frozenset[str]) -> bool:
    """Whether word ``index`` is a person with "is" or "are" inside it: "she's", "they're", and a
    name or a word for a person before "'s a ..." or "'s very ..." ("Ruairi's a real sweetheart";
    "Ruairi's car" is his car)."""
    word = words[index]
    if word in _CONTRACTED_PRONOUNS:
        return True
    if not word.endswith("'s") or index + 1 >= len(words):
        return False
    base = word[:-2]
    if base not in names and base not in PERSON_WORDS and not _a_person_by_role(base):
        return False
    return words[index + 1] in ("a", "an") or words[index + 1] in INTENSIFIERS or words[index + 1] in _DEGREE


def _what_it_is_like_to(words: list[str], index: int) -> bool:
    """Whether a judging word at ``index`` says what doing something is like, not what a person is:
    "the manager was difficult to reach" (but "rude to the driver", "difficult to deal with")."""
    return words[index + 1 : index + 2] == ["to"] and index + 2 < len(words) and words[index + 2] not in _AFTER_TO_OF_A_PERSON


def _reported(text: TextField, index: int) -> bool:
    """Whether a judgement starting at word ``index`` is what the customer said of someone: "Said
    the seller's agent was rude to him", "Said the man on the front desk last Friday was rude"
    report their complaint, whatever stands between the verb of saying and the judgement in the
    same clause ("Told her the part is due, she was rude" is the writer's)."""
    words = text.words
    for before in range(index - 1, max(index - 16, -1), -1):
        if words[before] in _SAYING:
            # The customer's: the subject left out, as notes do (after "and" too: "Disputed the charge and said the driver was
            # rude"), or a word for them ("Ben reports that Diego is lazy" is a colleague's).
            return _starts_clause(text, before) or words[before - 1] in PERSON_WORDS or (words[before - 1] in _JOINING and "i" not in words[max(0, before - 8) : before])
        if words[before] in _THINKING:
            return before > 0 and words[before - 1] in PERSON_WORDS and words[before - 1] not in ("i", "we")  # "She felt the clerk was curt"
        if _starts_clause(text, before + 1) or ";" in text._pieces[2 * (before + 1)]:
            # "According to her, the driver was rude": her account, set off by a comma
            return before >= 2 and words[before - 2 : before] == ["according", "to"] and words[before] in PERSON_WORDS and words[before] not in ("i", "we")
    return False


_SAYING = frozenset("said says told complained complains claimed claims reported reports alleged alleges mentioned".split())
_JOINING = frozenset("and but then".split())
# What the customer felt or thought of someone is theirs too, with the customer named: "She felt the clerk was curt".
_THINKING = frozenset("felt feels thought thinks believed believes reckoned reckons found finds".split())


def _a_person_by_role(word: str) -> bool:
    """Whether a word names a person by their role or trade: "landlady", "foreman", and a compound
    ending in a word for one ("homeowner", "householder", "shopkeeper")."""
    if word in _ROLES:
        return True
    return len(word) > 7 and word.endswith(_ROLE_ENDINGS)


def _may_name_a_person_otherwise(text: TextField) -> bool:
    """Whether a text may name a person by a contraction or a role (the main loop reads which)."""
    words = text.words
    if not _ROLES.isdisjoint(words):
        return True
    if "'" not in text.lowered and not any(ending in text.lowered for ending in _ROLE_ENDINGS):
        return False  # most texts: no word can end with one if the text holds none
    joined = " ".join(words) + " "  # a word ends where a space follows it: one search per ending, not one per word
    return any(ending in joined for ending in _CONTRACTED_OR_ROLE_ENDINGS)


_CONTRACTED_PRONOUNS = frozenset("he's she's they're".split())
# Roles and trades that name a person (the shared list also names offices, teams and things that
# may stand for the service: "the line", "the groom", "the coach", "the cleaner").
_ROLES = ROLE_NAMES - frozenset(
    """reception office helpdesk desk team department dept shop store garage family school nursery surgery practice
    hospital bank council company firm support service services centre center line switchboard enquiries inquiries
    workshop warehouse depot branch dispatch accounts billing sales security kin pharmacy dispensary staff groom
    coach valet escort trainer cleaner""".split()
)
_ROLE_ENDINGS = ("owner", "holder", "keeper", "person")
_CONTRACTED_OR_ROLE_ENDINGS = tuple(ending + " " for ending in ("'s", "'re", *_ROLE_ENDINGS))  # each with the space that ends a word
_AGES = frozenset(("old", "young", "little"))
# After a word of character opening a sentence, what makes it said of the person: "Gobby on the phone".
_AFTER_A_TRAIT = frozenset("on at with about when as and throughout again towards to in all".split())
# After "rude to", "difficult to": who was treated so, or how a person is to deal with.
_AFTER_TO_OF_A_PERSON = frozenset("the a an her him them me us our his their my your everyone anyone staff deal work please talk handle".split())


def _person_after(words: list[str], index: int) -> int | None:
    """Where a person stands right after word ``index``, past an age ("grumpy old man"), if one does."""
    after = index + 1
    if after < len(words) - 1 and words[after] in _AGES:
        after += 1
    return after if after < len(words) and words[after] in _JUDGED_NOUNS else None


def _judgement_of_someone_named(text: TextField, subject: Subject) -> str | None:
    """A word of character said of someone the record does not name, or of a person's attribute:
    "her son Kofi is hopeless", "Mrs Delaney from next door is lovely", "Tobias was being really
    awkward", "her handwriting is atrocious", "his grasp of English is poor".

    Read back from the judging word: past "really", "a", "being", a verb that says what someone
    is, then the one it is said of. A capitalised word that may be a product ("the Dyson is
    great") counts only with a word said of people alone ("lazy", "awkward").
    """
    words, lexicon = text.words, subject.lexicon
    if COPULAS.isdisjoint(words) or (
        lexicon.person_judging.isdisjoint(words) and _ATTRIBUTES.isdisjoint(words) and _BEFORE_A_NAME.isdisjoint(words) and "being" not in words
    ):
        return None  # nearly every text: no word said of people alone, no attribute, nothing that marks a person
    for index, candidate in enumerate(words):
        if index < 2 or not (lexicon.judges(candidate) or _labelled_strongly(words, index) or _hard_going(words, index)):
            continue
        if _what_it_is_like_to(words, index):
            continue  # what a thing is like to use: "the Lodge is difficult to reach" (but "rude to the driver", "difficult to deal with")
        verb = index - 1
        while verb > 0 and (words[verb] in INTENSIFIERS or words[verb] in _ARTICLE or words[verb] in _LABEL_DEGREE) and words[verb] not in ("being", "not"):
            verb -= 1
        acting = words[verb] == "being" and words[verb - 1] in COPULAS  # "was being difficult": only a person acts so
        if acting:
            verb -= 1
        if words[verb] in ("but", "and") and not acting:
            verb = _copula_before(text, verb)  # "is a keen baker but careless with the door": the verb said once for both
        if words[verb] not in COPULAS or words[verb] in ("got", "gets", "became", "becomes"):
            continue
        said_of = verb - 1
        while said_of > 0 and words[said_of] in _BETWEEN_SUBJECT_AND_VERB:
            said_of -= 1
        if _an_attribute(words, said_of):
            return " ".join(text.originals[said_of - 1 : index + 1])
        named = _named(text, said_of, subject)
        if named is None and candidate in lexicon.person_judging and _a_name_opening_a_sentence(text, said_of):
            named = said_of  # "Pablo is very lazy in class": only a person is lazy
        if named is None or _reported(text, named):
            continue  # (what the customer said of someone is their complaint: "Said the man at the desk was rude")
        # A name after a title or a word for a person is surely a person: any judging word counts.
        surely_a_person = acting or named < said_of or _a_person_before(words, named)
        if candidate in lexicon.person_judging or (surely_a_person and (lexicon.judges_a_person(candidate) or _labelled_strongly(words, index) or _hard_going(words, index))):
            title = 1 if named > 0 and words[named - 1] in HONORIFICS else 0
            return " ".join(text.originals[named - title : index + 1])
    return None


def _copula_before(text: TextField, index: int) -> int:
    """Where "is" or "was" stands a few words before word ``index`` in the same sentence, if it does
    ("Kai is a gifted kid but lazy"); else ``index``."""
    for before in range(index - 1, max(index - 7, 0), -1):
        if text.words[before] in ("is", "was", "are", "were"):
            return before
        if text.starts_sentence(before):
            break
    return index


def _an_attribute(words: list[str], index: int) -> bool:
    """Whether a person's attribute ends at word ``index``: "her handwriting", "his grasp of English"."""
    if words[index] in _ATTRIBUTES and index > 0 and words[index - 1] in _POSSESSIVES:
        return True
    return index > 2 and words[index - 1] == "of" and words[index - 2] in _ATTRIBUTES and words[index - 3] in _POSSESSIVES


def _named(text: TextField, index: int, subject: Subject) -> int | None:
    """Where the name of a person ends at word ``index`` (or before a short phrase ending there):
    a name after "Mr" or "her son", a capitalised word inside a sentence or one the dictionary
    lacks ("Kofi", "Tobias"); "Mrs Delaney from next door" ends a name's phrase at "door"."""
    words, originals = text.words, text.originals
    for start in range(index, max(index - 4, 0) - 1, -1):
        if start < index and not (words[start + 1] in ("from", "at", "in", "of", "on", "next") and _a_person_before(words, start)):
            continue
        word = originals[start]
        if not word[:1].isupper() or word.isupper() or words[start] in _NOT_NAMES or words[start] in PERSON_WORDS:
            continue
        if _a_person_before(words, start) or (start == index and not text.starts_sentence(start)) or not subject.lexicon.is_known(words[start]):
            return start
    return None


def _a_name_opening_a_sentence(text: TextField, index: int) -> bool:
    """Whether word ``index`` is a capitalised word opening a sentence that is no pronoun or article: "Pablo"."""
    word = text.originals[index]
    return text.starts_sentence(index) and word[:1].isupper() and not word.isupper() and text.words[index] not in _NOT_NAMES and text.words[index] not in _PRONOUNS


def _a_person_before(words: list[str], index: int) -> bool:
    """Whether a title or a word for a person stands before a name: "Mrs Delaney", "her son Kofi"."""
    before = words[index - 1] if index > 0 else ""
    return before in _BEFORE_A_NAME


# A person's conduct and skills, judged when said to be poor or good: "her handwriting is atrocious".
# (Not memory or understanding: "her memory is poor since the stroke" is a fact to work with.)
_ATTRIBUTES = frozenset(
    """manners attitude temper spelling grammar handwriting behaviour behavior tone patience hygiene personality
    parenting grasp timekeeping punctuality""".split()
)
_POSSESSIVES = frozenset("his her their".split())
# Words for a person that may stand before their name: "her nephew Tunde", "our colleague Priya".
_KIN_AND_ROLES = frozenset(
    """nephew niece grandson granddaughter grandmother grandfather grandma grandad granny aunt auntie uncle cousin
    stepson stepdaughter fiance fiancee colleague neighbour neighbor friend boss manager carer tutor teacher""".split()
)
_BEFORE_A_NAME = (HONORIFICS | PERSON_WORDS | PERSON_HEADS | _KIN_AND_ROLES) - _PRONOUNS - {"him", "her", "them"}
# Capitalised words that open a clause but name nobody.
_NOT_NAMES = frozenset("it this that there these those which what who everything everyone nothing i the a an".split())


def _judgement_opening_a_sentence(text: TextField, subject: Subject) -> str | None:
    """A sentence opening with what a person is, its subject left out: "Very rude on the phone",
    "Not very reasonable person to deal with", "Seems completely out of touch"."""
    words = text.words
    person_judging = subject.lexicon.person_judging
    for index, word in enumerate(words[:-1]):
        if word not in _MAY_OPEN_A_JUDGEMENT and word not in person_judging:
            continue  # most words: none of the looks below starts with them
        if word in person_judging and words[index + 1] in _AFTER_A_TRAIT and _starts_clause(text, index):
            return word  # "Gobby on the phone", "Rude to the driver"
        if word in _OPENING_COPULAS and text.starts_sentence(index):
            cursor = index + 1
            while cursor < len(words) - 1 and _of_degree(words[cursor], subject.lexicon):
                cursor += 1
            if words[cursor] in subject.lexicon.person_judging or (
                (subject.lexicon.judges(words[cursor]) or words[cursor] in TRAIT_WORDS) and words[cursor + 1 : cursor + 2] in (["with"], ["to"], ["towards"])
            ):
                return " ".join(words[index : cursor + 1])  # "Was well moody with the engineer", "Was quite abrupt with Callum"
            continue
        if word in ("a", "an") and words[index + 1] in _OPENING_LABELS and _starts_clause(text, index) and index + 2 < len(words):
            word, index = words[index + 1], index + 1  # "An absolute treasure, ...", "A total headache to schedule"
        elif word == "a" and words[index + 1] in ("bit", "little") and index + 2 < len(words) - 1:
            word, index = words[index + 1], index + 1  # "a bit precious about it"
            if not _starts_clause(text, index - 1):
                continue
        elif (word not in _OPENING_INTENSIFIERS and word not in _OPENING_LINKS and word not in _OPENING_LABELS) or not _starts_clause(text, index):
            continue
        if word in ("comes", "came") and _coming_across(words, index) is None:
            continue
        if word == "so" and (
            words[index + 1] in _DETERMINERS or _a_verb_at(words, index + 2)
            or (not subject.lexicon.judges_a_person(words[index + 1]) and any(_a_verb_at(words, at) for at in range(index + 3, min(index + 6, len(words)))))
        ):
            # "..., so the credit note was cancelled", "so support sent a new fob", "so fraud calls to her should only go
            # out after 2pm" (a noun, not a word said of a person, before its verb): "so" joins two clauses
            continue
        cursor = (_coming_across(words, index) or index) + 1 if word in ("comes", "came") else index + 1
        if word in ("tends", "tend") and words[cursor : cursor + 2] == ["to", "be"]:
            cursor += 2  # what a person tends to be, the subject left out: "Tends to be very dramatic"
        while cursor < len(words) - 1 and words[cursor] in _BEFORE_JUDGING:
            cursor += 1
        if any(text.starts_sentence(after) for after in range(index + 1, cursor + 1)):
            continue  # a word of degree ends its own sentence: "No jet wash on his cars, ever. Hand wash only."
        candidate = words[cursor]
        if (word in _OPENING_LABELS or word in _OPENING_INTENSIFIERS) and cursor + 1 < len(words) and _names_people(words[cursor + 1]) and (
            candidate in _PRAISE_OR_BLAME or subject.lexicon.judges(candidate)
        ) and not _insult(candidate, subject, text):
            return " ".join(words[index : cursor + 2])  # a label with no verb: "Real good people", "Really decent couple"
        contrast = word == "not" and not text.starts_sentence(index) and candidate not in subject.lexicon.person_judging  # "dormant, not dead"
        if candidate in _ANGER and words[cursor + 1] in _A_CAUSE_FOLLOWS:
            continue  # anger with its cause is a state: "Got mad that the crew parked in the drive" ("completely mad" judges)
        if word in ("got", "gets") and words[index + 1] in ("a", "an") and cursor + 1 < len(words) and words[cursor + 1] not in _AFTER_A_TRAIT and not _starts_clause(text, cursor + 1):
            continue  # what a person got, a word before a noun: "Got a nasty graze", "got a bad cold" (not "Got very stroppy")
        if word == "not" and _a_skill(words, cursor):
            return " ".join(words[index : cursor + 2])  # a skill said to be lacking, the subject left out: "Not great with phones"
        if (subject.lexicon.judges(candidate) or _fussy_about(words, cursor)) and not contrast and not _insult(candidate, subject, text) and (
            word != "not" or _of_a_person(text, subject, cursor)
        ):
            return " ".join(words[index : cursor + 1])
        if word == "not" and cursor + 1 < len(words):
            following = words[cursor + 1]
            if contrast and candidate in _POSSESSIVES and not subject.lexicon.judges_a_person(following):
                continue  # "a loose cable, not his mistake": whose the fault was, a fact (not "not her finest hour")
            if (subject.lexicon.judges(following) and not _insult(following, subject)) or (
                words[cursor - 1] == "most" and (following in PERSON_HEADS or following in PERSON_WORDS)
            ):
                return " ".join(words[index : cursor + 2])  # "not exactly tech savvy", "not the most organised parent"
    return None


# Words of anger that also say a person is out of their mind ("mad", "crazy"): before what caused it, only anger.
_ANGER = frozenset("mad cross crazy wild".split())
_A_CAUSE_FOLLOWS = frozenset("that at about because when with over the his her their our we they".split())
# The words other than a judging one that the looks of _judgement_opening_a_sentence start with.
_MAY_OPEN_A_JUDGEMENT = _OPENING_COPULAS | _OPENING_INTENSIFIERS | _OPENING_LINKS | _OPENING_LABELS | {"a", "an"}
# Words of praise or blame that VADER or the list of reported states leave out ("she was good with that").
_PRAISE_OR_BLAME = frozenset("good decent bad fine great".split())
_DETERMINERS = frozenset("the a an this that these those his her their its our my your some".split())
# Words for people together, beyond a single person: "Real good people", "Lovely couple".
_PEOPLE_TOGETHER = frozenset("couple family folks household lot bunch crowd".split())


# Verbs that follow a clause's subject: modals and auxiliaries ("so support should give him").
_AFTER_A_SUBJECT = frozenset("should must will would can could may might shall is are was were has have had does did".split())


def _a_verb_at(words: list[str], index: int) -> bool:
    """Whether word ``index`` is a finite verb: a modal, an auxiliary or a past ("support sent", "help came")."""
    if index >= len(words):
        return False
    word = words[index]
    return word in _AFTER_A_SUBJECT or word in IRREGULAR_PASTS or (word.endswith("ed") and len(word) > 4)


def _names_people(word: str) -> bool:
    return word in PERSON_HEADS or word in PERSON_WORDS or word in _PEOPLE_TOGETHER


def _of_a_person(text: TextField, subject: Subject, index: int) -> bool:
    """Whether a judging word after "not" is said of a person: a word of character, one before a
    person, or one closing its clause ("not very reasonable."); "not cheap ones" is about parts."""
    words = text.words
    if words[index] in TRAIT_WORDS or index + 1 >= len(words):
        return True
    following = words[index + 1]
    return following in PERSON_HEADS or following in PERSON_WORDS or _starts_clause(text, index + 1)


def _starts_clause(text: TextField, index: int) -> bool:
    """Whether word ``index`` opens a sentence or a clause after a comma: "..., absolutely exhausting"."""
    if text.starts_sentence(index):
        return True
    gap = text._pieces[2 * index]
    return "," in gap or ";" in gap or " - " in gap


def _aside_about_a_thing(text: TextField, aside: str) -> bool:
    """Whether every such aside in a text frames a clause about a thing, the clause it opens or the one it closes:
    "tbh it was just sitting under Archived", "ngl the update fixed it" (not "tbh she just wants it free", "moans about
    every single thing tbh", "old cover was fine tbh, he just never clips it shut": a person or the subject left out)."""
    words = text.words
    for index, word in enumerate(words):
        if word != aside:
            continue
        cursor = index + 1
        if cursor >= len(words) or _starts_clause(text, cursor):
            cursor = index  # the aside closes its clause: read that clause from its start
            while cursor > 0 and not _starts_clause(text, cursor):
                cursor -= 1
        while cursor < len(words) and (words[cursor] in _HEDGES or words[cursor] == aside):
            cursor += 1
        if cursor >= len(words) or words[cursor] not in _A_THING_OPENS:
            return False
    return True


def _first_person_opinion(text: TextField) -> str | None:
    """The writer's own opinion or feeling ("I think", "honestly", "what a ..."), as written."""
    if _FIRST_PERSON_OPINION_WORDS.isdisjoint(text.words) and "'" not in text.lowered and text.masked.isascii():
        return None  # most texts: see _FIRST_PERSON_OPINION_WORDS
    return _search_as_written(text, _FIRST_PERSON_OPINION_IN_LOWER_CASE)


# Every match of _FIRST_PERSON_OPINION_PATTERN holds one of these as a word between spaces or stops. Only an
# apostrophe joins letters into a longer word ("o'think"), and only letters beyond ASCII change as
# case is ignored, so an ASCII text without either and without any of these words holds no match.
# Keep them in step with the pattern.
_FIRST_PERSON_OPINION_WORDS = frozenset(
    """think thought feel felt believe believed guess suspect reckon bet doubt hope wish love loved hate hated liked enjoyed found
    opinion view experience personally honest honestly frankly tbh imo imho tbf ngl lying making trying faking pretending drunk
    made waste what such say hunch impression suspicion""".split()
)


def _insult(word: str, subject: Subject, text: TextField | None = None) -> bool:
    """Whether a word is an insult, alone or as part of one found in the text ("being a pain")."""
    word = word.lower()
    if word in subject.lexicon.derogatory.words:
        return True
    return text is not None and any(word in phrase.split() for phrase in subject.derogatory_in(text))


def _before_an_insult(words: list[str], index: int, subject: Subject, text: TextField) -> bool:
    """Whether a judging word describes an insult right after it ("a pompous little twit"): P304 names that."""
    return any(_insult(word, subject, text) for word in words[index + 1 : index + 3])


def _an_insult_follows(text: TextField, phrase: str, subject: Subject) -> bool:
    """Whether an insult is one of the two words after a phrase of the text ("what a clueless twerp")."""
    at = text.lowered.find(phrase.lower())
    following = text.lowered[at + len(phrase) :].split()[:2] if at >= 0 else []
    return any(_insult(word.strip(".,;:!?"), subject, text) for word in following)


def _judging_after(phrase: str, subject: Subject) -> bool:
    last = phrase.split()[-1].lower()
    return subject.lexicon.judges(last)


@rule("P305", "opinion-in-factual-text", "error", "text")
def opinion_in_factual_text(subject: Subject) -> Iterator[Hit]:
    """An opinion or a personal feeling in a field the customer may read.

    ## What it does
    In factual fields (a note's reason, resolution, follow-up; a flag's reason, for flag types
    that are factual; preferences) it finds:
    - the writer's own feelings and opinions: "I think", "I felt", "I would bet", "I'd say she", a guess said as a noun
      ("My guess is he laid it down", "my hunch is"), "honestly", "made me", "what a",
      "if you ask me", "bless her", "Mrs Doyle, bless, forgot...", "feels like nobody reads our emails", "personally"
      opening a clause or after "I" (not "handed it to her personally"), and asides in text-speak ("tbh",
      "imo"; beside an insult, P304 alone: "Bit of a prat tbh"; not "tbh", "tbf" or "ngl" framing a clause about a
      thing, "tbh it was just sitting under Archived");
    - judgements that need no judging word: what a person "clearly" or "obviously" is or does
      ("clearly losing it"), "seemed unable to grasp", "seems unable to decide on anything", "appears incapable of choosing", "seems unable to
      take in anything we explain" (not a body's limit: "seems unable to climb the ladder"), "does not appear to
      grasp how it works", "just can't get it" (not "cannot get it down the stairs", nor in the past, "she did not get it": a thing not received), a person's skills ("her written English is quite
      poor", "his computer skills are basic", "his maths isn't up to much"), a guessed motive
      ("looks like she just wants a free groom", "Angling for a freebie", "fishing for a discount", "angling to have it
      thrown in for nothing", "angling for that"; not "fishing for mackerel", "fishing for the afternoon"), a pretext
      read into what a person says ("using the slowdown as an excuse"; not "used the old cowl as a template"), a label ("a serial complainer", "a bit of a
      worrier", "not the sharpest", "bit of a diva", "typical buyer"), a verdict closing a
      sentence ("..., typical.");
    - the writer's stance, whatever follows it: an aside ("in my book", "to put it mildly", "if
      I'm being candid", "it has to be said"; not "it must be swept"), the writer sure of a mind ("pretty sure he just forgot", "reckon he has
      just lost interest"), a label ("bit of a fusspot", "total chancer"), a mindset put
      on a person ("acting like he owns the place", "thinks he knows better", "Treats the yard lads like his own deckhands",
      "stood over the teacher as though she had never taught a child"; not "we treat the water like any pool"), a compound of
      character ("tight-fisted", "pig-headed", "over-protective", "high maintenance"), an
      over-reaction ("in such a state over nothing", "threw a tantrum", "Mum overreacted as usual", a state over little: "in a
      right flap over a couple of scratches"; not "in a real state about the boat sinking"), a person's reaction or tone
      said to be too much ("His reaction was well over the top", "her tone was out of proportion"), every little thing
      objected to ("Emails about every little smear"; not "looks at every little joint"), everyone expected to drop
      everything ("Expects the whole pharmacy to drop everything for her"), what a person knew or
      would not admit ("knew perfectly well", "wouldn't own up"), an attitude ("does not take any of it seriously"; not "we
      take water safety seriously"), nagging ("keeps on at us"), the writer's guess with
      the "I" left out ("doubt she has done...", "assume he just..."), a gain sought for nothing ("Always on the lookout
      for something for nothing"), the aside "For what it's worth" opening a clause (not "cover it for what it's worth"),
      or a mind read into a person
      ("she seems to believe...", "appears to think...", "Seems to assume...", "Mrs Ashworth-Keene seems to assume...", "Colin seems to think...", "He argued and seems to think..."; not
      "the page seems to think the card has expired") or "convinced" of something ("she's convinced we overcharge her",
      "remains convinced nobody here knows pumps", "Seems convinced we make the results up"; not "was convinced to keep the plan"), a habit made into a character ("frets over
      every little thing", "worries herself silly over every tiny mark", "forever complaining", "nothing we do is
      ever good enough", "nothing is ever clean enough", "nothing's ever quite right" (not "nothing is ever left in the
      van"), "never satisfied", "Never content", "simply cannot settle on a day" (not "cannot commit to a
      date until his leave is approved"), a mind made up ("has made up her mind the staff lost it", "had his mind made up
      before we started", "can't make up her mind about anything"; not "made up her mind to take the annual plan"), "changes her mind", "always finds
      something to complain about", "goes on about it every visit"), a scale
      blown up ("argued over every single tag"; not "checked every single hammer"), a verdict on all that staff do
      ("nothing we do is up to his standard", "whatever we suggest is wrong", "no date we offer ever seems to suit her", whoever
      of staff is named, "Nothing the box office offers is ever good enough";
      not "none of the slots we offered was free", "everything we send him",
      "everything we quote is valid for 30 days"),
      ignorance made a trait ("knows nothing about boats", "doesn't know the first thing about pianos", "does not know the
      first thing about her own network"; not "knew nothing about the letter") and "but thinks he does", a label by what a person does ("Typical haggler"), what a
      person is to deal with ("A pleasure to deal with", "Hard work to talk to", "Daughter not the easiest to deal with";
      not "the easiest to deal with of the three quotes"), what a person said named as a
      rant ("another one of her rants", "his usual moan"; not "her complaint"), a manner put on ("acting all
      high and mighty"), fussy "about" something or with nothing after it ("very particular about the keys", "she's very
      particular and checks every shelf"; not "very particular instructions"), "always" with the progressive, the writer's annoyance whatever the verb ("He is always making
      problems for us"; not "is always working nights"), "has a bit of an attitude" (not "a good attitude to"), the call compared with an ordeal ("like talking to
      a brick wall", "like pulling teeth"), a person hard to get something out of ("Impossible to get a straight answer out
      of her", "took an age to drag a phone number out of him"; not "impossible to get the seized shaft out of the
      coupling", "hard to get any signal out of her old aerial");
    - a judgement of a person or of the call: a person ("customer", "he", "caller", the contact's
      name, a role or trade: "the householder", "site foreman", "landlady") or the call, then
      "is/was/seemed/came across as", or a contracted "she's", "they're", "Ruairi's a", then words of
      degree ("very", "a", "dead", "well", "ever so", "way too", "an absolute", an adverb in -ly
      however spelt: "increadibly"), then a judging word — "was rude", "seemed really lovely", "is a
      nightmare", "they both seem clueless", "she's dead rude", "site foreman was incredibly
      dismissive" ("him", "her" or "them" before "was" or "were" is the object of the verb before: "the reels we
      fitted her were wrong colour" passes; what the customer is said to have said of a role is their complaint: "Said the
      seller's agent was rude to him" passes (after "and" too, "Disputed the charge and said the driver was rude"; and so does what they said of themselves or
      another by a pronoun, "Said she is not great with computers", "Told us he was not good at reading small print"), and so does what doing something is like: "the
      manager was difficult to reach"; but "a nightmare to pin down"; "Said the man on the front desk last
      Friday was rude", "According to her, the driver was rude", "She felt the clerk was curt" are the customer's,
      "Ben reports that Diego is lazy" a colleague's judgement); "can be" and "tends to be" say what a
      person is too ("Her partner can be very rude", "She can be a bit much", and with the subject left out, "Tends to be
      very dramatic"); "hard work", "heavy going" and a
      bad mood made a label before a word for a person ("is an angry man"; not "was angry about the visit", "a happy
      customer of ten years") judge; whatever
      follows "a real", "an absolute", "a most", and a noun of praise ("was a real star", "an absolute
      gentleman", "a most knowledgeable beekeeper", "her hubby was a legend"); or
      a judging word before a person or a word for one: "difficult customer", "very indecisive
      man", "a forceful character", "grumpy old man", "a grand old gent" (but "she was grand after" is how she was:
      fine), the most of one ("Sweetest client we have"), fussy after a word of degree ("Very particular gentleman";
      not "a particular colour"), and any word before a person and a verb of dealing with them ("a hard man to
      satisfy", "difficult man to please"; not "the best person to ask", "a hard man to reach"); a person with where
      they were before what they were ("The woman on the phone was incredibly pushy"; not "Said the man at the depot
      was rude to him"); or, with the subject left out as flag reasons often do, a
      sentence or a clause opening with "very", "really", "super", "a bit", "not", "seems",
      "comes across as", "comes across" and a word of degree ("a bit entitled"; not "came across a nasty leak"),
      "came over as", "an absolute" ... and a judging word: "Very rude on the phone", "...,
      absolutely exhausting", "Not very reasonable", "Not exactly tech savvy", "Not great with computers", "Seems completely
      out of touch", "An absolute treasure", "A total headache to schedule" (not "so" joining two clauses before
      a subject and its verb, "..., so support sent a new fob", "so fraud calls to her should go out after 2pm"); or "was" and a word
      said of people alone ("Was well moody with the engineer"), or any judging word before "with" or "to"
      ("Was quite abrupt with Callum"); a mood as a state of character ("in a right mood", "in a mood";
      not "in a good mood", "in a mood to talk").
    - a judgement of someone the record does not name, or of a person's conduct: a name inside a
      sentence, after a title or a word for a person, or one the dictionary lacks, then "is/was
      (being)" and a word of character ("her son Kofi is hopeless", "Mrs Delaney is lovely",
      "Tobias was being really awkward", "Fenella was being difficult"; a capitalised word that may be a product, or
      a name opening a sentence, needs a word said of people alone: "the Dyson is great" passes, "Pablo is very
      lazy" does not); "her handwriting is atrocious", "Ms Rahimi's English is not very strong", "his manners
      were appalling", "his grasp of English is poor"; pride and motives ("full of herself",
      "pleased with himself", "trying it on" as a motive, not a garment ("cx def trying it on lol"), "trying her luck", "pushing his luck", a gain angled for:
      "fishing for a better number", "angling for a freebie"; not "fishing for mackerel", "sea angling for his son's club"), "zero patience", "no manners", "very little
      patience"; partisanship and self-regard ("won't hear a word against him", "thinks he's a pro"), telling staff
      their job ("likes to tell you how to do your job"), little made much of ("makes a great deal out of very
      little"), ignorance of one's own things ("Hasn't a clue how any of her appliances work", "no idea how his own
      contract works", "has no idea what she is actually paying for", "not the faintest idea what her own policy covers",
      however the lack is said: "hasn't the foggiest", "doesn't have the first idea how the engine on his own boat works",
      "not the remotest clue about his own contract"; not "no idea when the builder will finish", "had no idea the fee went up");
      outbursts ("kicked off at the counter", "went off on one", "lost her rag"), "typical of
      him", "thinks the rules don't apply to her", and whatever the verb of mind, a person set apart from everyone else
      ("Reckons the opening hours are for everybody else", "believes the list is for other people"; not "Told her the rules
      apply to everyone"); a word of character opening a sentence ("Mouthy
      on the phone", "Got very stroppy").
    - a judgement said in the negative ("her husband wasn't terribly helpful", "he is not very good
      with technology"; not a reported state, "is not happy with the repair"), a word of manner
      ("was brusque with our engineer", "rather offhand"), a person no help or no use ("Her husband was no help at all";
      not "the app was no help"), a label with no verb ("Real good people",
      "Really decent couple"), idioms of character and competence ("set in her ways", "had no idea
      what he was doing", "does not take kindly to", "holds strong views"; not "had no idea what F05
      meant"), a word of character after "but" with the verb said once for both ("Kai is a gifted kid
      but lazy about practising"; not "is a nurse but free on Tuesdays"), and contention made a habit ("Queries every bill we send", "haggles over the fee each
      time", "he will argue any ruling that goes against him"; not "queried the fee on this bill", "she will appeal the
      ruling"), and so any habit of objecting or of seeking a gain, told in the present (or with "will") of a person,
      or with the subject left out, beside a word of frequency ("every", "each", "whatever", "always", "invariably",
      "without fail"), whatever the verb of objecting ("questions every charge", "he'll object to whatever date we
      offer", "takes issue with every supplement", "wants to run it all and queries every choice", "a lady who must find fault
      in everything", and what a person would do whatever came, "Would find fault with a brand new house") or what its
      clause holds ("finds something wrong on every collection", "picks holes in every quote",
      "Makes a drama out of every smudge", "Each visit he tries to knock something off", "Tries this every time",
      "Every month also got some reason why", "Always has an excuse why", "Each month she finds a new reason not to pay";
      not "pays every invoice by transfer", "we test every flue", "the MOT
      fail", nor what the objection says or what brings it: "complains every winter that the pipes freeze", "complains
      every time the sweep is late", nor a thing tried out: "tries it out each visit"), and one said as what a person never does
      without objecting ("never settles a bill without a row first", "won't sign for anything without complaining"; not "we
      never change a lock without proof of address", "never leaves without her inhaler"); any habit of a person in the
      present blown up by "every single" occasion ("Every single booking she changes the time", "Phones every single morning
      to ask the same thing", "Every single week she's changing something", "tries on every pair,
      every single visit"; not "the gate is left open every single visit", "we test it every single visit", what "you"
      are asked to do); a verdict in a clause of its own
      (", which was a bit much", "which was a bit rich", "which was heartbreaking to hear", 'wrote "..." which was rather over the top', ", which is more than the complaint
      deserved"; not ", which was taken in error"), a person as their usual self with a word of character between ("her
      usual cheerful self"), a person put in a kind ("one of those customers who...", whatever
      the plural for them before "who": "one of those regulars who", "one of those yachtsmen who"; not "one of those berths
      that dry out", "one of the members who booked"; "she is the nervous type", "the
      sort who reads every clause twice", "the kind of man that wants it done yesterday", "the kind of guest who wants the
      top floor", "came across as someone who
      likes to be in charge", "is a person that want everything her way", and with words that describe the person between
      before a mind put on them, whatever the word for them, "She is a young lady who thinks the rules are for other
      people", "a very busy woman who expects us to drop everything", or any verb with "always" or "never" after it,
      "a lady who needs always the last word"; not "the stove is the multi-fuel type", "a new
      customer who wants a quote",
      "a customer who has been with us since 2015"), the writer sure of a person's mind whoever the subject, a
      name, "has" between, or left out ("Mr Brennan obviously expects us to pay", "he has clearly forgotten", "Had the
      leaflet a year and evidently never opened it", "Eleri clearly does not check the shed": a verb of mind or one in the
      negative after it; not "the flue
      obviously needed a sweep", "he obviously has a crack in the liner", "clearly visible",
      "explained the charges clearly"), "quite the" before a doer ("quite
      the performer"; not "quite the same"), curt with someone ("rather sharp with the lad on the desk"; not "short by a
      quarter"), not bothering ("couldn't be bothered to"), and the most or the least a person could have been ("could
      not have been less grateful").
    A contrast after a comma ("dormant, not dead", "working, not broken", "a loose cable, not his mistake") is a fact, not a
    judgement, and a word of degree closing a sentence judges nothing after it ("..., ever. Hand wash only.").
    The finding says what to write instead ("was super rude" → describe what was said or done,
    "her English isn't great" → the language used or needed).
    Judging words come from VADER's sentiment lexicon (strength at least 1.5 of 4; before a
    person, only its words shaped like adjectives, so "emergency contact" is no judgement), a
    list of words of character, competence and mood that VADER leaves out ("indecisive",
    "forceful", "reasonable", "scatterbrained", and a state of mind made a verdict on a person's temper: "neurotic",
    "obsessive", "delusional", "uptight"), and judging words VADER lacks
    (`policy.opinion_words` adds more); a word the lists lack that is a judging word with a letter left out judges
    as that word ("very dificult person", "rather arogant"; P302 names the slip). A reported state of the
    customer ("customer was upset", "was happy with the refund", "said she was livid", "he's happier now", "Got mad that the crew parked in
    the drive": anger with its cause; fear and distress however strong, "she was frantic about a blockage", "was tearful
    on the phone") is an observation, not flagged, nor is how much a state holds, a word in -ly before a
    past participle, a state or a condition of the body ("she is badly affected by the smell", "seriously ill", "severely
    allergic to latex"; but "badly behaved"), nor what a person got ("Got a nasty graze").
    Internal fields (a flag's guidance, a note's internal remarks) and non-factual flag types
    (at-risk, delight) are not checked. Insults ("what a moron", "what a clueless twerp", "a bit of a tosser") are reported by P304 alone, and
    words inside the customer's quote ("His words: you made me look ridiculous", "He told me, 'you're a lovely
    lad, but...'", "He wrote on the card: I never had such a bad night") by P303 alone.

    Where these patterns find nothing in a note's reason, resolution or follow-up, the learned reading may
    still flag the note, as a warning (see "The learned reading" at the top of `docs/rules.md`;
    `learned_reading: false` in the settings switches it off).

    ## Why
    Flags and notes must be "100% facts, with no opinion or commentary added, so they are
    available to the patron if they ask to see their record". The notes policy says notes "must
    never include personal feelings about the interaction or the customer". Opinions about a
    person can themselves be personal data.

    ## Example
    ```yaml
    reason: Customer was extremely rude and difficult about the late delivery.
    ```
    Use instead:
    ```yaml
    reason: Delivery of order 1042 was 9 days late; customer asked for the shipping fee back.
    ```
    """
    for text in subject.factual_texts:
        phrase = _judgement(text, subject)
        if phrase and not _in_the_customers_words(text, phrase):
            yield Hit(text.loc, f"reads as an opinion or feeling ({phrase!r}); state only what happened: {instead_of_judgement(phrase)}")


def _in_the_customers_words(text: TextField, phrase: str) -> bool:
    """Whether a judging phrase stands inside the customer's quoted words ("Her words: you made me
    look like...", "He told me, 'you're a lovely lad, but...'"): not the writer's opinion, and P303 reports the quote."""
    body = text.text
    if not (":" in body or '"' in body or "“" in body or "'" in body or "‘" in body):
        return False
    quotes = [m.group(0) for m in _DOUBLE_QUOTED.finditer(body)] + [
        m.group(0)
        for m in (_SAID_COLON.search(body), _COLON_SPEECH.search(body), _single_quoted_after_speech(body), _single_quoted_speech(body), _written_speech(body))
        if m
    ]
    lead_in = _speech_after_a_lead_in(body)  # "He wrote on the feedback form: I have never had such a rude welcome"
    if lead_in:
        quotes.append(lead_in.group("said"))
    # Word by word: a phrase is read across the commas of the quote ("alive, son" gives 'alive son').
    said = " ".join(_WORDS_OF.findall(phrase.lower()))
    return any(said in " ".join(_WORDS_OF.findall(quote.lower())) for quote in quotes)


_WORDS_OF = re.compile(r"[\w'’-]+")
