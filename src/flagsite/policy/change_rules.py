"""P106: a change to the customer's record says what it was before and what it is now."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..rules import Hit, describe, rule
from .note_common import DETERMINERS, KIN, is_role, their_names
from .subject import Subject
from .text import sentences
from .words import CHANGE_FIELDS, HONORIFICS, NOT_A_FIELD_AFTER, NOT_A_FIELD_BEFORE, RELATIONS, WEEKDAYS

# (The look-ahead for a letter passes over the gaps between words at once: every match opens with one.)
_CHANGE_VERB = re.compile(
    r"(?=[a-z])\b(?:changed|updated|corrected|replaced|amended|switched|modified|edited|swapped|moved|increased|reduced|"
    r"raised|lowered|added|removed|took|taken|unsubscribed|subscribed|reactivated|deactivated|downgraded|transferred|"
    r"put|bumped|upgraded|converted|opted|pointed(?!\s+out\b)|redirected|diverted|rerouted|set|renamed|unlinked|delinked|enrolled|unenrolled|"
    # (not "turned on" or "off" before a time: "the heaters get turned on Mondays at 6" is no setting)
    rf"handed|extended|shortened|turned(?=\s+(?:off|on)\b(?!\s+(?:(?:{WEEKDAYS})s?|at|every|each|in|by|until|till|during|for|again|and|when|once)\b|\s+\d))|"
    # The customer, or someone or something of theirs, signed up: "signed her up", "Signed Pepper and Moss up to the plan".
    r"signed(?=\s+(?:[\w'-]+\s+){1,4}?up\b)|upped|"
    # A move down or up a level: "dropped her down to the pool-only tier".
    r"(?:dropped|knocked|stepped)(?=\s+(?:[\w-]+\s+){1,2}(?:down|up|back)\s+(?:to|onto)\b|\s+(?:him|her|them)\s+(?:to|onto)\b)|"
    # The plain verb after "have" or "do", as second-language writers put it: "I have change the number", "I did swap her".
    # (the plain verb is looked for first: a look back at every word would double the cost of the search)
    r"(?=(?:change|update|correct|amend|switch|replace|swap|move)\b)(?:(?<=\b(?:have|does) )|(?<=\b(?:has|had|did) )|(?<=\bdo ))"
    r"(?:change|update|correct|amend|switch|replace|swap|move))\b"
)
# Every match of _CHANGE_VERB is one of these words: a text without any is passed at once. Keep them in step.
_CHANGE_VERB_WORDS = frozenset(
    """changed updated corrected replaced amended switched modified edited swapped moved increased reduced raised lowered added
    removed took taken unsubscribed subscribed reactivated deactivated downgraded transferred put bumped upgraded converted opted
    pointed redirected diverted rerouted set renamed unlinked delinked enrolled unenrolled turned signed dropped knocked stepped
    handed extended shortened upped change update correct amend switch replace swap move""".split()
)
# The account field a verb of change acts on, in the words after it up to the end of the clause:
# "updated her card details", "switched them to annual billing", "took her off the mailing list".
_FIELD_IN_CLAUSE = re.compile(
    r"\b(" + "|".join(re.escape(f) for f in sorted(CHANGE_FIELDS, key=len, reverse=True)) + r")\b(?:\s+(\w+))?"
)
_CLAUSE_END = re.compile(r"[,;:()]|\s(?:and|but|so|because|as|then|after|before|when|while|once|until|since)\s")  # a subordinate clause ends the object
_CLAUSE_WORDS = 10  # a verb's object is within this many words of it
_FIELD_WORDS = frozenset(word for name in CHANGE_FIELDS for word in re.findall(r"[a-z]+", name))
_POSSESSIVES = frozenset({"his", "her", "their"})
_THEM_TO = re.compile(r"^\s*(?:him|her|them)\s+(?:to|onto)\s+\w+")
# "changed her home branch to ...": a thing of the customer's given a new value.
_THEIR_THING_TO = re.compile(
    rf"^\s+(?:his|her|their|(?!(?:{WEEKDAYS}|today|tomorrow|yesterday|tonight|week|month|year)['’])[a-z]+['’]s)\s+"
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
_FROM_TO = re.compile(r"\bfrom\b[^;]+\bto\b(?!\s+(?:fewer|more|less|lower|higher|something|another|a new|the new)\b)")
# What a verb of change did to a thing of the customer's, without naming the field: the record it
# was put on ("put his new address on the account"), the old value it replaced ("instead of the
# walkers"), or a new value it moved to ("bumped his budget up", "swapped his number over").
_ON_THE_RECORD = re.compile(
    rf"\b(?:(?:on|in|onto|into|to|off|from) (?:the|our|his|her|their|(?!(?:{WEEKDAYS}|today|tomorrow)'s)[a-z]+'s) "
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
    reminders to go to his mobile instead", "pointed the statements at her work email", "Pointed her receipts at her
    Gmail instead"); the
    customer, or someone or something of theirs, moved to a level or a product ("bumped Dolly up
    to full livery", "switched him over to the annual contract", "dropped her down to the
    pool-only tier", "I dropped him to Silver starting this month", "signed her up to the monthly scheme", "put her on the annual service
    contract", a product by its own name: "put her on Boiler Care Plus", or of several words joined or ending
    in a figure: "moved him onto Fix and Save 24", "switched her over to Aqua Flex 12" (not a colleague:
    "switched her over to Adaeze"), a product counted in what it
    gives: "Put her on the 10-session bundle", a frequency or a cycle: "moved her to 8-weekly", "Put her repeats
    onto the 56-day cycle"; whatever the verb, the
    customer or a thing of theirs moved over to one: "Swaped her over to the weekday-only season lease", "Swiched her
    sponsorship over to the annual payment option", or the customer
    or a thing of theirs put onto one: "slotted her onto the quarterly plan", "I have migrate her
    gym pass to the monthly billing"; not a person taken somewhere, "walked her over to the premium
    lounge", nor a place that shares a word with a product, "the family area"); someone added
    to or taken off the account or what it holds, by relation or by name ("added her husband as an
    authorised user on the account", "Put her husband on the account as a second named user", "took her mother off the family membership", "Added Siân Davies
    to the account as a second contact", "Took Mr Ruane off the boiler warranty", "Added Priya Shah as a second
    signatory on the business account"); something the account covers put on or taken off it ("Took the Fiesta off
    his account", "Took the breakdown cover off the agreement"; not a note or money, nor a thing of something
    else's, "added two sessions to his plan of lessons"); the account given to another holder ("switched the account over to
    Sandhu Lettings Ltd", "swapped it over to Greg" after the account is named, "Handed the account over to
    her son"); a person named by
    title moved onto a product ("Moved Ms Byrne onto the fixed-fee bookkeeping service"); taken off
    or removed from a scheme, a programme or a plan ("took plot 42 off the letting scheme"); the
    terms the account pays on extended or changed ("extended the credit terms to 45 days"), or a product of
    theirs ("Extended her lease to 12 months"; not "extended the deadline to Friday"); a setting or messages turned off, or a phone unlinked ("turned off
    the paper statements", "Turned off her text reminders", "unlinked the old handset from her account"; not "off" or
    "on" before a time: "the heaters get turned on Mondays"); a limit of theirs raised or lowered ("Raised her daily
    transfer limit", "Upped the cash withdrawal limit on her card"; not a thing's: "the volume limit for the weights
    room"); the customer taken off or put on a list named by what it sends them ("Took her off the spring telephone
    appeal list", "Removed her from the SMS offers list"; not a queue: "took her name off the waiting list");
    someone or something of theirs signed up or enrolled to a scheme, a plan or a club ("Signed Pepper and Moss up to
    the Healthy Paws Plan", "Enrolled both of her cats in the Pet Care Club"; not "signed her up for Thursday's
    class"); the customer added to a product by its own name ("Added her to Rewards Plus"; not "the Christmas Extra
    rota"); someone by name made a role of the account ("Made Sandra the main contact on the account"); a thing of
    theirs named as the one that stands for them, whatever the thing ("Updated the nominated GP surgery on her account",
    "Transferred his home clinic to Surrey Central"; not an occasion: "moved her regular class");
    a way of paying set up ("I set up direct deposit of her pension into her savings account", "Set up
    autopay for the water bill"); where, how or on which day money or messages reach them ("Changed where the interest is paid to her
    Nationwide current account"); a setting of the customer's, of what
    reaches them or how they pay, changed ("changed her reminder setting in the booking app", "updated
    his notification settings"; not a thing's, "the settings on her camera"); an account renamed; the plain verb
    after "have" or "do", as second-language writers put it ("I have change the number", "I did swap
    her to the small box", "we have now move him on the yearly payment"); and in the
    resolution, a field named before its verb, as terse notes put it ("Address updated", "Her
    email has been changed to the work one", "New card added to the account", "Card on file swapped
    for her new Visa", "Her mobile number on the booking system has been amended"), someone now holding a role of the account or made one ("Her daughter is now
    the main contact", "Made her husband the account holder"), a thing of theirs given a level as its new value, whatever the thing ("switched her delivery over to
    weekly", "Changed her milk order over to fortnightly"), "her details" of a kind ("Updated her vet
    details on the booking system"), a thing of the
    customer's given a new value in the passive ("Her tenancy has been reduced to the half plot"), the
    customer given a new state in the passive ("The customer has been moved to monthly invoicing", "Mr
    Whitfield has been opted out of the promotional mailing list"; not passed on, "has been transferred
    to the accounts team", nor moved to a table or up a list),
    the new state said with "now" ("She is now on the annual plan", "she's on the long-stay weekly rate
    now" (unless the reason gives the old and the new: "Asked to move from pay-as-you-go to the monthly plan"),
    "Account now billed to Delaney Consulting LLC", "Direct debit now comes out on the 28th", "Dr Marchbanks is now on the
    Veteran membership", "Membership now in her married name", "Credit terms now 60 days", "Account now
    in the name of Doherty Interiors Ltd"), the account put under a new name ("Put the account under
    her married name", "Put the berth contract into the name of Callum Reid", or under a holder by name, "Put the
    account under Kowalski Roofing LLC"; not a
    thing filed under a name, "it had been put under Ferris instead of Ferreira"), a thing the account holds, named before the
    participle that put it on or took it off ("Static IP add-on removed from the account", "Extra storage
    add-on added to her account"; not a flag, a note or money), a field
    named by where it is kept and given a new value ("The surname on the file has been corrected to
    Tuck", "Mobile on her account is now the 07700 one"; not a note or money on it), messages said
    to go somewhere new with "now" ("Statements now being sent to her office address"), or the
    change named as a noun ("Processed her change of address", "Change of name done"); messages
    added or removed ("removed the SMS reminders from her profile"), "her details" updated, a
    field set to a value ("set the direct debit date to the 16th"), a direct debit set up ("Set up a
    monthly direct debit"), messages set to come by another channel ("Set her reminders to come as
    texts"), opted into a scheme. A verb acting on something else ("moved the appointment", "transferred
    the request for a payment plan", "changed the card message", "pointed out the fee was
    waived", "put Sassy first on Thursday's list", "the hem was shortened", "replaced the zip", "put the
    £20 back on her card" (or anything put back on a card: "put the lost class back on her punch card"),
    words written down ("Added 'send statements in large print' to her preferences"), "switched her over to Adaeze", "put him through to the billing
    team" (or to a number: "put through to her work number"), a card named by another noun than how it pays
    ("added a wiper check to the job card", "updated the feeding card on her kennel"), a thing handed back ("handed
    back her library card"), a thing taken to a place named after a product ("moved the truck to the service
    alley"; but "put the club on monthly invoicing" is a change), "moved her onto rubber mats", "changed the seats to row F", "changed her prescription
    to the 20mg tablets", "added a note to her account", "Call transferred to billing", "the date
    of birth on the order of service", "moved her funds into the savings account", "put her name
    down for the rota", "moved her name up the waiting list", "moved Tobi's jab to next week", a thing or a
    group of theirs taken somewhere or to another occasion ("moved her gear to locker 31", "moved their group
    to the main court", "moved her spot to the Sunday class"; but "moved her home branch to Leeds", and
    "moved his berth to E pontoon for the rest of the contract", are), money or a document sent somewhere
    ("refund raised to his card", "Joining fee taken twice from her account"), a thing raised with someone, which is
    handed on ("I have raised with tier 2"), a sum credited on an invoice ("Credited them on the weekly invoice"),
    something priced by the head ("added the BBQ lunch package at £8.50 a
    head"; a price a month is the account's), a name or a number written on the paper of one job ("added the
    neighbour's name to this year's collection slip", "Added the son's number to the transfer voucher",
    "Corrected the contact name on the open invoice 5590"), a place in
    a queue or a name signed up: "put his name on the waiting list for the June class", "put their names
    down on the list for the next litter", "Added his name to the list for the May trip", "added her name to the
    weekend availability list" (but "her name to the mailing list" is the account);
    a thing of someone named is the account's only as a standing setting or a field: "changed
    Tobi's home pool to Hove", not "changed Tobi's snack to the dairy-free one") is not a change of the account ("opted her out of the
    newsletter", "set her up on direct debit", "upgraded her to the full service" are), nor is a
    field that only files something ("put two aside under his name") or belongs to something
    else ("the number of visits", "his plan of lessons"), nor a change only wished for in the reason
    ("Wants the account put in her husband's name"), nor a change the customer made ("she updated it online", "changed online by her husband"; in the reason, a verb with no subject is
    the customer's: "Changed the pickup address twice"; their request opening the clause says whose wish it was, not
    who made it: "At his request also switched him to paperless mortgage statements" is ours), nor one for a single order or a one-off, whatever
    the occasion is called ("for this order only", "for this crossing only", "moved this month's
    payment date to the 20th as a one-off"), nor a word that
    describes a thing ("the updated vaccination card"), nor what is kept for the customer ("put two
    aside with her name on"), nor one denied ("was not changed", "no change to her membership"), nor one told or only
    possible ("explained how to set up a standing order", "she can switch to paperless billing"), nor a thing handed
    over or issued ("Handed over the receipt for the linen donation", "issued them to her account"; but "Handed the
    account over to her son" is), nor someone taken through something ("Took him through the security questions on
    the account"), nor money raised,
    added or put somewhere ("raised a refund of thirty-six pounds to her account", "put the overpayment back onto her
    account"), nor what was bought put on the account to be paid later ("put it on the account", "put the bill on the
    room account"), nor money sent to an account ("processed her transfer to her daughter's account"), nor "nothing had
    changed".
    Cancelling is an action, not a change. Passwords and PINs are never recorded, so they are
    not looked for.

    Where these patterns find nothing, the learned reading may still flag the note, as a warning (see "The
    learned reading" at the top of `docs/rules.md`; `learned_reading: false` in the settings switches it off).

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
        put_on_or_off_a_thing_held = not _HELD.isdisjoint(text.words) and not _ON_OR_OFF_VERBS.isdisjoint(text.words)
        if _FIELD_WORDS.isdisjoint(text.words) and _POSSESSIVES.isdisjoint(text.words) and _CUES_OR_NOW_ON.isdisjoint(text.words) and not put_on_or_off_a_thing_held:
            continue  # no account field named, nothing of theirs, no record or new value, no one put on or off a thing held: nearly every text
        stated = text.loc[0] != "reason" and ("now" in text.words or "change" in text.words or "changes" in text.words or "made" in text.words)
        to_a_value = "to" in text.words or "onto" in text.words or "into" in text.words  # what the two readings below need
        passive = to_a_value and text.loc[0] != "reason" and not _POSSESSIVES.isdisjoint(text.words) and not _PASSIVE_WORDS.isdisjoint(text.words)
        # "The customer has been moved to monthly invoicing": the customer given a new state, in the passive
        customer_passive = text.loc[0] != "reason" and "been" in text.words and not _THE_CUSTOMER_WORDS.isdisjoint(text.words)
        moved_over = to_a_value and ("over" in text.words or "across" in text.words)  # "Swaped her over to the season lease": whatever the verb
        # "popped her onto the fortnightly plan": the customer or theirs moved onto a product, whatever the verb
        onto_a_product = (
            (to_a_value or "on" in text.words)
            and not _THEM_OR_THEIRS.isdisjoint(text.words)
            and not (_PRODUCT_WORDS.isdisjoint(text.words) and _PRODUCT_NAME_WORDS.isdisjoint(text.words))  # "Rewards Plus"
        )
        # "The billing name on the account has been amended to ...": a field by where it is kept
        on_the_record = text.loc[0] != "reason" and "on" in text.words and not _RECORDS.isdisjoint(text.words) and not _NEW_VALUE_WORDS.isdisjoint(text.words)
        if not stated and not passive and not customer_passive and not moved_over and not onto_a_product and not on_the_record and _CHANGE_VERB_WORDS.isdisjoint(text.words):
            continue  # no verb of change among its words
        lowered = text.text.lower()
        if not (stated or passive or customer_passive or moved_over or onto_a_product or on_the_record or _CHANGE_VERB.search(lowered)) or _NO_CHANGE.search(lowered):
            continue  # no verb of change or new state anywhere (sentences only cut the text at spaces), or the text says nothing changed
        for original in sentences(text.text):
            sentence = original.lower()
            if _FROM_TO.search(sentence):
                continue  # the sentence gives the old and the new value itself
            field = _state_changed(sentence) if stated else None
            if field and not _given_in_the_reason(subject):
                field = _thing_named(field.split())
                yield Hit(text.loc, f"{field} was changed ({describe(sentence.strip())}) but the note has no changes: entry; add changes: [{{field: {field}, from: ..., to: ...}}]")
                return
            if passive:
                thing = _theirs_changed(sentence)
                if thing:
                    yield Hit(text.loc, f"{thing} was changed ({describe(sentence.strip())}) but the note has no changes: entry; add changes: [{{field: {thing}, from: ..., to: ...}}]")
                    return
            thing = _customer_moved(sentence) if customer_passive else None
            if thing:
                yield Hit(text.loc, f"{thing} was changed ({describe(sentence.strip())}) but the note has no changes: entry; add changes: [{{field: {thing}, from: ..., to: ...}}]")
                return
            field = _kept_field_changed(sentence) if on_the_record else None
            if field:
                yield Hit(text.loc, f"{field} was changed ({describe(sentence.strip())}) but the note has no changes: entry; add changes: [{{field: {field}, from: ..., to: ...}}]")
                return
            field = _put_onto(sentence, original if len(original) == len(sentence) else sentence, text.loc[0], their_names(subject)) if onto_a_product else None
            if field:
                yield Hit(text.loc, f"{field} was changed ({describe(sentence.strip())}) but the note has no changes: entry; add changes: [{{field: {field}, from: ..., to: ...}}]")
                return
            if " over to " in sentence or " across to " in sentence:
                field = _moved_over(sentence, original if len(original) == len(sentence) else sentence, text.loc[0], their_names(subject))
                if field:
                    yield Hit(text.loc, f"{field} was changed ({describe(sentence.strip())}) but the note has no changes: entry; add changes: [{{field: {field}, from: ..., to: ...}}]")
                    return
            for verb in _CHANGE_VERB.finditer(sentence):
                if sentence[: verb.start()].rsplit(None, 1)[-1:] in _ADJECTIVE_BEFORE:
                    continue  # "the updated vaccination card": a word describing a thing, not a change made
                if sentence[verb.end() :].lstrip().startswith(("'", '"', "‘", "“")):
                    continue  # "Added 'send statements in large print' to her preferences": words written down, not a value changed
                if not _done_by_us(sentence[: verb.start()], text.loc[0], their_names(subject)) or _not_lasting(sentence[verb.end() :]):
                    continue
                if _MONEY_OR_PAPER_BEFORE.search(sentence, 0, verb.start()):
                    continue  # "refund raised to his card": money or a document sent somewhere, not a field given a new value
                if _PRICED_PER_HEAD.search(_CLAUSE_END.split(sentence[verb.end() :], maxsplit=1)[0]):
                    continue  # "Added the BBQ lunch package at £8.50 a head": a line of one booking, priced by who comes
                field = _changed_field(verb, sentence, original if len(original) == len(sentence) else sentence)
                if not field and text.loc[0] != "reason" and verb.group(0) in _PARTICIPLES:
                    field = _field_before(sentence[: verb.start()])  # "Address updated", "her email has been changed"
                if not field and text.loc[0] != "reason" and verb.group(0) in ("added", "removed"):
                    field = _item_before(sentence[: verb.start()], sentence[verb.end() :])  # "Static IP add-on removed from the account"
                if field:
                    field = _thing_named(field.split())
                    yield Hit(text.loc, f"{field} was changed ({describe(sentence.strip())}) but the note has no changes: entry; add changes: [{{field: {field}, from: ..., to: ...}}]")
                    return


# A participle after one of these describes a thing: "the updated vaccination card", "her changed address" is rare.
_ADJECTIVE_BEFORE = tuple([word] for word in ("the", "a", "an", "this", "that", "these", "those", "its", "our", "my", "your"))
# A thing of the customer's given a new value in the passive, in the resolution: "Her tenancy has been
# reduced to the half plot", "her plot was cut down to a quarter plot". Not a booking, an appointment or
# a thing sent on ("her complaint has been passed to the manager"), nor a new time.
_PASSIVE_WORDS = frozenset("been was were is are".split())
_THEIRS_PASSIVE = re.compile(
    r"\b(?:his|her|their)\s+((?:[a-z-]+\s+){0,2}?[a-z-]+)\s+(?:(?:has|have|had)\s+been|was|were|is|are)\s+(?:now\s+)?([a-z]+)\s+"
    r"(?:(?:down|up|back|over|across)\s+)?(?:to|onto|into)\s+(?!(?:him|her|them|us|me)\b)([^,;]*)"
)
_VERBS_OF_NEW_VALUE = _CHANGE_VERB_WORDS | frozenset("cut trimmed halved doubled capped reset shifted scaled".split())


def _theirs_changed(sentence: str) -> str | None:
    """A thing of the customer's given a new value in the passive: "Her tenancy has been reduced to the half plot"."""
    found = _THEIRS_PASSIVE.search(sentence)
    if not found or found.group(2) not in _VERBS_OF_NEW_VALUE:
        return None
    thing = found.group(1)
    if _NOT_ACCOUNT.search(thing) or _OTHER_OBJECT.search(thing) or _rescheduled(thing, found.group(3)) or thing.split()[-1] in KIN:
        return None
    return thing


# The customer given a new state in the passive, in the resolution: "The customer has been moved to monthly
# invoicing", "Mr Whitfield has been opted out of the mailing list". Not a person passed on ("has been
# transferred to the accounts team"), a seat or a table, nor a place in a queue ("moved up to the top of the list").
_THE_CUSTOMER_WORDS = frozenset("she he they customer client member tenant holder".split()) | frozenset(h.lower() for h in HONORIFICS)
_CUSTOMER_PASSIVE = re.compile(
    rf"\b(?:the\s+(?:customer|client|member|tenant|account holder)|(?:{'|'.join(sorted(h.lower() for h in HONORIFICS))})\.?\s+[a-z'’-]+|she|he|they)\s+"
    r"(?:has|have|had)\s+(?:now\s+)?been\s+(?:now\s+)?([a-z]+)\s+(?:(?:down|up|back|over|across)\s+)?(?:to|onto|into|on|off|out\s+of|from)\s+"
    r"(?!(?:the\s+)?(?:top|front|head|bottom|back|end)\s+of\b)([^,;]*)"
)


def _customer_moved(sentence: str) -> str | None:
    """What the customer was moved to or taken off, in the passive, when it is a product, a level or a field of the account."""
    found = _CUSTOMER_PASSIVE.search(sentence)
    if not found or found.group(1) not in _VERBS_OF_NEW_VALUE | {"opted", "signed", "placed", "enrolled"}:
        return None
    place = _DESTINATION_END.split(found.group(2), maxsplit=1)[0].strip(" .")
    words = re.findall(r"[a-z][\w-]*", place)
    if not words or _NOT_ACCOUNT.search(place) or _OTHER_OBJECT.search(place) or _QUEUED.search(place):
        return None
    if is_role(words[-1]) and words[-1] not in _FIELD_WORDS:
        return None  # "has been transferred to the accounts team": passed on to someone, not a change of the account
    if (_FIELD_WORDS | _PRODUCT_WORDS).isdisjoint(words):
        return None
    return _thing_named([w for w in words if w not in DETERMINERS and w not in _POSSESSIVES]) if words[-1] not in _LEVELS else "plan"


# "Said nothing changed", "updated nothing", "no change to her membership".
_NO_CHANGE = re.compile(r"\b(?:no change|no changes|nothing (?:(?:was|had|has|have)\s+(?:been\s+)?)?changed|unchanged|(?:changed|updated|amended) nothing)\b")
# Who did it, read back from the verb to its clause's start: the customer and their side, or a denial.
_CLAUSE_START = re.compile(r"(?:^|[,;:(]|\s(?:and|but|so|because|as|then|after|before|when|since)\s)[^,;:(]*$")
_AUXILIARIES = frozenset("had has have 've 'd was were is are been be already just also then recently apparently herself himself themselves online".split())
_NOT_US = frozenset("he she they customer client caller member tenant patient guest he's she's they've she'd he'd".split())
_DENIED = frozenset("not never didn't hasn't haven't hadn't wasn't weren't isn't".split())
_MAY_OR_MUST = frozenset("can could may might should must".split())


# A field named before its verb, as terse notes put it ("Mobile number amended", "Her email has been
# changed"). Not looked for in the reason, where it tells of a change made before this contact.
_FIELD_BEFORE = re.compile(
    r"\b(" + "|".join(re.escape(f) for f in sorted(CHANGE_FIELDS, key=len, reverse=True)) + r")"
    # its date, or where it is kept, between it and its verb: "Direct debit date moved", "Card on file swapped"
    r"(?:\s+(?:date|day))?(?:\s+(?:on|in)\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+)?(?:file|record|account|system|database|portal|profile))?"
    r"(?:\s+(?:has|have|had|was|were|is|are|been|now|also|all|just|then|successfully))*\s*$"
)
_PARTICIPLES = frozenset(
    "changed updated corrected amended replaced added removed switched modified edited swapped increased reduced raised lowered upgraded downgraded".split()
)


# A field followed by the document or the thing it is written on: "the name on the invitation".
_ON_A_DOCUMENT = re.compile(
    r"\s+(?:on|in|for) (?:the|this|that|her|his|their|a|an) (?:[a-z-]+ )?(?:order of service|certificate|invitation|invite|proof|programme|"
    r"program|plaque|headstone|label|banner|poster|leaflet|ticket|badge|engraving|inscription|cake|wreath|card message|gift card|voucher|"
    r"gift voucher|form|invoice|quote|estimate|receipt|itinerary|confirmation)s?\b|"
    # A name written onto the paper of one job: "added her son's name to the driver's delivery docket", "the son's
    # number to the transfer voucher", "the contact name on the open invoice 5590".
    r"\s+(?:to|onto|on) (?:the|this|that|[a-z]+['’]s) (?:[\w'’-]+ ){0,3}?"
    r"(?:docket|slip|sheet|manifest|ticket|label|form|voucher|invoice|quote|estimate|receipt|itinerary|confirmation)s?\b"
)


_FIELD_NAMES = "|".join(re.escape(f) for f in sorted(CHANGE_FIELDS, key=len, reverse=True))
# The new state, said with "now", in the resolution: "She is now on the annual plan", "Dr Marchbanks is
# now on the Veteran membership", "Membership now in her married name", "Credit terms now 60 days".
_ROLES_OF_THE_ACCOUNT = "contact|account holder|holder|bill payer|payer|authori[sz]ed user|cardholder|signatory|next of kin|emergency contact"
# (The look-ahead for a letter passes over the gaps between words at once: every match opens with one.)
_NOW_STATE = re.compile(
    rf"(?=[a-z])\b(?:(?:she|he|they|customer|client|member|(?:{'|'.join(sorted(HONORIFICS))})\.?\s+[\w'-]+)(?:\s+(?:is|are)|['’]s|['’]re)\s+now\s+(?:on|with)\s+"
    rf"(?:the|her|his|their)\s+(?:[\w-]+\s+){{0,3}}?({_FIELD_NAMES}|tier|scheme|contract|bundle|rate|band)|"
    # "now" after the new state: "she's on the long-stay weekly rate now".
    rf"(?:she|he|they|customer|client|member)(?:\s+(?:is|are)|['’]s|['’]re)\s+(?:on|with)\s+(?:the|her|his|their)\s+(?:[\w-]+\s+){{0,3}}?"
    rf"({_FIELD_NAMES}|tier|scheme|contract|bundle|rate|band)\s+now\b|"
    # The account now billed to another: "Account now billed to Delaney Consulting LLC".
    r"\baccount\s+(?:is\s+)?now\s+(?:(bill)ed|(invoice)d|(charge)d)\s+(?:to|under)\b|"
    # Or what it does now, when: "Direct debit now comes out on the 28th", "payment now leaves her account on the 9th".
    rf"({_FIELD_NAMES})\s+(?:is\s+|are\s+)?now\s+(?:(?:held|registered|listed|kept)\s+|[a-z]+s\s+(?:out\s+|off\s+|(?:his|her|their)\s+account\s+)?)?"
    r"(?:in|on|under|the|set to|going to|goes to|at|\d)|"
    # The account held under a new name: "Account now in the name of Doherty Interiors Ltd", "is now under the company's name".
    r"\baccount\s+(?:is\s+)?now\s+(?:(?:held|registered|listed|kept)\s+)?(?:in|under)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(name)\b|"
    # Messages said to go somewhere new, with "now" and no verb of change: "invoices now going to his bookkeeper's email".
    r"(reminders?|confirmations?|notifications?|alerts?|statements?|invoices?|receipts?|bills?|letters?|correspondence)\s+"
    r"(?:are\s+|is\s+|will\s+)?now\s+(?:being\s+|be\s+)?(?:go(?:ing|es)?|sent|come|coming|comes)\s+(?:to|as|by|via)\b|"
    # Someone now holding a role of the account, or made one: "Her daughter is now the main contact", "Made her
    # husband the account holder".
    # (or by name: "Made Sandra the main contact on the account")
    rf"(?:\b(?:is|are)\s+now|\bmade\s+(?:(?:his|her|their)\s+)?[\w'-]+)\s+(?:the|a|an|her|his|their)\s+(?:[\w-]+\s+)?({_ROLES_OF_THE_ACCOUNT})\b)"
)
# What _NOW_STATE reads the customer as now on, beyond the fields: "she's on the long-stay weekly rate now".
_NOW_ON_WORDS = frozenset("tier scheme contract bundle rate band".split())
_CUES_OR_NOW_ON = _CHANGE_CUES | _NOW_ON_WORDS  # the words a text needs before a change is looked for in it


def _given_in_the_reason(subject: Subject) -> bool:
    """Whether the reason gives the old and the new value, which a new state said with "now" leaves it to: "Asked to
    move from pay-as-you-go to the monthly climbing plan", then "she's on the cheaper monthly plan now"."""
    return any(text.loc[0] == "reason" and "from" in text.words and _FROM_TO.search(text.lowered) is not None for text in subject.texts)
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


# What the account holds, after a participle: "removed from the account", "added to her plan".
_ON_OR_OFF_THE_ACCOUNT = re.compile(
    r"^\s+(?:to|onto|from|off)\s+(?:the|his|her|their)\s+(?:[\w-]+\s+)?(?:account|plan|policy|package|contract|subscription|membership|agreement|lease|tariff)\b(?!\s+of\b)"
)


def _item_before(before: str, after: str) -> str | None:
    """A thing the account holds, named before the participle that put it on or took it off: "Static IP add-on
    removed from the account", "Second van added to the policy" (not money, a note or a request: "Note added to the account")."""
    if not _ON_OR_OFF_THE_ACCOUNT.match(after):
        return None
    found = _CLAUSE_START.search(before)
    words = (found.group(0) if found else before).split()
    words = [word for word in words if word not in DETERMINERS and word not in _AUXILIARIES]
    named = " ".join(words[-3:])
    if not words or _NOT_AN_ITEM.search(named) or _OTHER_OBJECT.search(named) or _NOT_ACCOUNT.search(named):
        return None
    return named


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
    r"\b(?:as a one-off|one-off|just this once|this once|on this occasion|this time only)\b|"
    # Whatever the occasion is called: "for this crossing only", "for this term only", "just for tonight's show".
    r"\b(?:for\s+|on\s+)?(?:this|that|today's|tomorrow's|tonight's|next)\s+(?:[a-z-]+\s+){0,2}?[a-z-]+\s+only\b|\bjust for (?:this|that|today's|tomorrow's|tonight's)\b|"
    r"^[^,;]{0,30}\bby (?:her|his|their|the (?:customer|client|caller|member|account holder)|mistake|accident)\b"
)


def _not_lasting(after: str) -> bool:
    """Whether what follows a verb of change says it was for one order only, or made by the customer's side."""
    return _ONE_ORDER_OR_SOMEONE_ELSE.search(after) is not None


# Whose wish a change carried out, opening its clause: "At his request also switched him to paperless statements".
_AT_THEIR_REQUEST = re.compile(
    r"^\s*(?:at|per|following|upon|on)\s+(?:(?:his|her|their|the\s+(?:customer|client|member)['’]s)\s+)?(?:request|instructions?|behalf|wishes|say-so)\b"
)


def _done_by_us(before: str, field: str, names: frozenset[str]) -> bool:
    """Whether a verb of change is ours: not the customer's doing ("she updated it online"), nor denied ("was not changed").

    In the reason, a verb opening its clause has the customer as its subject ("Updated her address
    in the app, but the letter still went to the old flat"); in the resolution, the writer.
    """
    found = _CLAUSE_START.search(before)
    clause = _AT_THEIR_REQUEST.sub("", found.group(0) if found else before)  # whose wish it was, not who did it
    words = clause.replace(",", " ").split()
    words = [w for w in words if w not in ("and", "but", "so", "because", "as", "then", "after", "before", "when", "since", ";", ":", "(")]
    while words and words[-1] in _AUXILIARIES:
        words.pop()
    if len(words) > 2 and words[-1] in _RECORDS and (words[-2] in ("on", "in") or (words[-2] == "the" and words[-3] in ("on", "in"))):
        words = words[: -3 if words[-2] == "the" else -2]  # "Card on file swapped": where the field is kept, not who did it
    if not words:
        return field != "reason"
    last = words[-1]
    if last in _MAY_OR_MUST or (last == "to" and words[-2:-1] in (["how"], ["where"], ["when"], ["whether"])):
        return False  # "explained how to set up a standing order", "she can switch to paperless": told or possible, not done
    if _OTHER_OBJECT.fullmatch(last):
        return False  # "Call transferred to billing", "Ticket moved to the accounts queue": not the account
    if field == "reason" and not _WISHING.isdisjoint(words[:-1]) and not _WISHING.isdisjoint(_LAST_CLAUSE.split(before)[-1].split()):
        return False  # "Wants the account put in her husband's name": the reason says what is wished (the resolution, what was done)
    return last not in _DENIED and last not in _NOT_US and last not in names


_LAST_CLAUSE = re.compile(r"[,;:(]|\s(?:and|but|so|then|because|as|after|before|when|since)\s")
# A verb of wishing in the reason's clause before the verb of change and its object: the change is wished for, not
# made (in the resolution, "asked for the new address to be put on her account" tells what was done).
_WISHING = frozenset("wants want wanted wishes wished asks asked requests requested needs needed expects expected hopes hoped".split())


# Messages sent somewhere new: "set the class confirmations to go to her work email instead".
_REROUTED = re.compile(
    r"^\s+(?:all\s+)?(?:the\s+|his\s+|her\s+|their\s+)?(?:[a-z-]+\s+){0,2}?(?:reminders?|confirmations?|notifications?|alerts?|texts?|"
    r"emails?|letters?|statements?|invoices?|receipts?|messages?|post|mail|correspondence|bills?)\s+(?:so (?:they|it) )?"
    r"(?:(?:to go|go|goes|to be sent|are sent|get sent|to come|come)\s+)?(?:to|at)\s+(?:his|her|their|the)\s+(?:[a-z-]+\s+){0,2}?"
    r"(email|e-mail|mobile|phone|number|address|inbox|landline|gmail|hotmail|outlook|yahoo|icloud)\b"
    # or by another channel: "set her appt reminders to come as texts now"
    r"|^\s+(?:all\s+)?(?:the\s+|his\s+|her\s+|their\s+)?(?:[a-z-]+\s+){0,2}?(?:reminders?|confirmations?|notifications?|alerts?|statements?|"
    r"invoices?|receipts?|bills?|letters?)\s+(?:to (?:come|go|be sent)|come|go|are sent)\s+(?:as|by|via)\s+(?:an?\s+)?"
    r"(texts?|txts?|sms|emails?|e-mails?|post|letters?|calls?)\b"
)
_REROUTING_VERBS = frozenset("set changed switched moved pointed redirected diverted rerouted updated".split())
# A person or a pet of theirs moved to a new level or product: "bumped Dolly up to full livery", "moved her to 8-weekly",
# "switched him over to the annual contract", "moved them onto the family scheme".
_MOVED_TO = re.compile(
    rf"^\s+((?:{'|'.join(sorted(HONORIFICS))})\.?(?:\s+[\w'-]+){{1,3}}?|(?:his|her|their)\s+(?!(?:to|onto|into)\s)[\w-]+\s+(?!(?:to|onto|into)\s)[\w-]+|(?:(?:the|his|her|their|both|all)\s+)?[\w-]+)"
    r"\s+(?:(?:up|down|over|across|back)\s+)?(to|onto|into|on)\s+"
    r"(?!the (?:front|back|top|head|end|bottom|start)\b)"
)
_MOVING_VERBS = frozenset("switched moved swapped changed converted put bumped dropped knocked stepped signed opted".split())
_DESTINATION_END = re.compile(r"[,;:()]|\s(?:on|at|with|for|from|until|till|in|who|which|after|before|because|so|as|while|and|but|by|instead|starting|effective|beginning)\s|[.!?]?$")
_WHEN = re.compile(
    rf"\b(?:{WEEKDAYS}|january|february|march|april|may|june|july|august|september|"
    r"october|november|december|today|tomorrow|tonight|(?:next|this|that|the same) (?:week|month|day|morning|afternoon|evening)|am|pm|\w*\d\w*)\b"
)
# What a customer has with us, by its kind or its level: a level or a product, not a place or a thing.
_PRODUCT_WORDS = frozenset(
    """plan plans tier tiers scheme contract package bundle membership subscription tariff rate band grade level option service
    cover programme program deal account livery full half part basic standard premium gold silver bronze platinum junior senior
    family annual yearly monthly weekly fortnightly quarterly off-peak peak pay-as-you-go paperless lease licence license tenancy
    agreement policy pack pass warranty guarantee insurance cycle schedule""".split()
)
# Words of _PRODUCT_WORDS that name a level or a way of paying, not a thing a person is on: "the family", "full".
_LEVELS = frozenset(
    """full half part basic standard premium gold silver bronze platinum junior senior family annual yearly monthly weekly
    fortnightly quarterly off-peak peak pay-as-you-go paperless""".split()
)
# A frequency written with a figure or a word before it is a level too: "8-weekly", "2-weekly", "six-monthly".
_A_FREQUENCY = ("-weekly", "-monthly", "-yearly", "-daily")


def _a_level(word: str) -> bool:
    """Whether a word names a level or a way of paying or running the account ("annual", "paperless", "8-weekly")."""
    return word in _LEVELS or word.endswith(_A_FREQUENCY)


# Words that end a product's own name: "Boiler Care Plus", "Flexi Saver", "Home Rescue Premier".
_PRODUCT_NAME_WORDS = frozenset("plus care saver lite pro extra max essentials premier classic cover membership".split())
# Money put back on a card is a refund, not a change of the card: "put the £7 back on her card".
_MONEY_BACK = re.compile(
    r"^\s+(?:it|them|the money|the refund|the difference|the (?:[£$€]\s?)?\d[\d.,]*|[£$€]\s?\d[\d.,]*)\s+back\s+(?:on|onto|to|into)\s+"
    r"(?:his|her|their|the)\s+(?:[\w-]+\s+)?(?:card|account)\b"
    # Whatever is put back on a card is a credit, not a change of the card: "put 25 dollars back on his card",
    # "put the missed session back on her club card".
    r"|^\s+[^,;]{1,40}?\s+back\s+(?:on|onto|to|into)\s+(?:his|her|their|the|[a-z]+['’]s)\s+(?:[\w-]+\s+){0,2}?card\b"
)


# Money as what a verb of raising, adding or putting acts on, a noun of money at the head of its phrase or a sum: "raised
# a refund of thirty-six pounds", "put the overpayment back onto her account", "added £20" (not "the payment date", nor
# "her direct debit amount": fields of the account; "changed the payment to each term" changes how they pay).
_MONEY_MOVING_VERBS = frozenset("raised added put".split())
_MONEY_AS_THE_OBJECT = re.compile(
    r"\s*(?:(?:a|an|the|some|another)\s+)?(?:(?!(?:his|her|their)\b)[\w-]+\s+){0,2}?"
    r"(?:(?:over|re)?payments?|refunds?|credits?|money|cash|balance|fees?|charges?|discounts?|compensation|deposits?)"
    r"(?=\s+(?:of|for|to|on|onto|into|back|from|in|and|as|against|with|by)\b|\s*[.,;!?]|\s*$)"
    r"|\s*(?:(?:a|an|the)\s+)?[£$€]"
)


# What was bought put on the account to be paid later: "put it on the account", "put the bill on the room account",
# "added the extras to her tab" (not "put her husband on the account": a person added).
_CHARGED_TO_AN_ACCOUNT = re.compile(
    r"\s+(?:it|this|that|(?:the|her|his|their)\s+(?:[\w-]+\s+)?(?:bill|cost|costs|charge|charges|total|order|purchase|purchases|sale|amount|fee|fees|extras))"
    r"\s+(?:on|onto|to)\s+(?:the|her|his|their|[a-z]+['’]s)\s+(?:[\w-]+\s+)?(?:account|tab|folio)\b"
)


# Where, how or on which day money or messages reach the customer, as what a verb of change acts on: "Changed where the
# interest is paid to her Nationwide current account", "updated how her statements are sent".
_WHERE_IT_IS_PAID = re.compile(
    r"\s+(?:where|how|when|which day)\s+(?:the|her|his|their)\s+((?:[\w-]+\s+)?[\w-]+)\s+(is|are|gets?|get)\s+"
    r"(paid|sent|taken|collected|posted|delivered|credited|billed|debited|emailed)\b"
)


# A price by the head is a line of one booking or order, not the account: "at £8.50 a head", "£15 per guest", "£5 each".
_PRICED_PER_HEAD = re.compile(r"[£$€]\s?\d[\d.,]*\s+(?:(?:a|per)\s+(?:head|person|guest|child|adult|seat|cover)\b|each\b)")


# A thing of theirs moved for as long as the account runs is a setting of it: "moved his berth to E pontoon for the rest of the contract".
_FOR_GOOD = re.compile(r"\b(?:for the rest of|for the remainder of|permanently|for good|from now on|going forward|until further notice)\b")


# Money or a document named just before its verb, as its subject: "Refund raised to her card", "credit issued to
# his account", "the invoice was put on her email", "Joining fee taken twice from her account". The verb acts on it,
# not on a field after it.
_MONEY_OR_PAPER_BEFORE = re.compile(
    r"\b(?:refunds?|credits?|invoices?|receipts?|requests?|tickets?|claims?|complaints?|fees?|charges?|payments?|deposits?|premiums?|sums?|amounts?"
    r"|money|cash|funds?)\s+(?:twice\s+|again\s+|in error\s+)?"
    r"(?:(?:has|have|had)\s+been\s+|was\s+|were\s+|is\s+|are\s+)?(?:now\s+|also\s+)?$"
)


# A thing of someone named ("Tobi's snack", "Tobi's home pool") is the account's only when a word
# says it is a standing setting, or it is a field.
_BY_NAME = re.compile(r"^\s+(?!(?:his|her|their)\s)[a-z]+['’]s\s")
_STANDING = frozenset("home registered preferred default usual regular nominated main primary named".split())


def _rescheduled(thing: str, value: str) -> bool:
    """Whether a thing was given a new time, not a new value: "moved Milo's jab to next week" (but "her delivery day to Friday")."""
    return _WHEN.match(value.strip()) is not None and thing.split()[-1] not in ("day", "days", "date", "dates", "time", "times")


# A name in capitals of several words, which may be joined or end in a figure: "Fix and Save 24", "Aqua Flex 12".
_A_NAME_IN_CAPITALS = re.compile(r"[A-Z][\w'-]*(?:\s+(?:(?:and|&|\+)\s+)?[A-Z0-9][\w'-]*)+")
_A_PRODUCT_S_NAME = re.compile(r"\d|\s(?:and|&|\+)\s")
_A_DAY_OR_MONTH = re.compile(
    rf"\b(?:{WEEKDAYS}|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|"
    r"october|november|december|mon|tue|wed|thu|fri|sat|sun|\d+(?:st|nd|rd|th)|\d+[:.]\d\d|am|pm)\b"
)


def _moved_to(verb: str, rest: str, original_rest: str) -> str | None:
    """What a person or a pet of theirs was moved to, when it is a level or a product, not a person, a time or a place."""
    if verb not in _MOVING_VERBS:
        return None
    moved = _MOVED_TO.match(rest)
    if not moved:
        return None
    who = moved.group(1)
    if moved.group(2) == "on" and verb != "put":
        return None  # "put her on the annual contract"; "switched her on" is no move
    titled = " " in who and who.split()[0].rstrip(".") in HONORIFICS  # "moved Ms Ní Shúilleabháin onto ..."
    if not titled and (
        _NOT_ACCOUNT.search(who) or _OTHER_OBJECT.search(who) or (" " not in who and who not in ("him", "her", "them", "it") and not original_rest[moved.start(1)].isupper())
    ):
        return None  # "moved the appointment up to 9am", "dropped prices down to ...": not the customer or theirs
    named = _A_NAME_IN_CAPITALS.match(original_rest, moved.end())
    if named and _A_PRODUCT_S_NAME.search(named.group(0)) and not _A_DAY_OR_MONTH.search(named.group(0).lower()):
        return named.group(0).split()[-1].lower()  # a product by its own name, with a figure or words joined: "onto Fix and Save 24"
    place = _DESTINATION_END.split(rest[moved.end():], maxsplit=1)[0].strip()
    words = place.split()
    while len(words) > 1 and _WHEN.fullmatch(words[-1].strip(".!?")):
        words.pop()  # when it was done, not what to: "moved her onto the quarterly billing today"
    place = " ".join(words)
    if not words or ((_WHEN.search(place) or _NOT_ACCOUNT.search(place)) and words[-1] not in _PRODUCT_WORDS and not _a_level(words[-1])):
        return None  # a time, a booking or a room; not a product counted in them ("the 10-session bundle", "the five-visit pass")
    if original_rest[moved.end()].isupper():
        # A product by its own name ("put her on Boiler Care Plus"), not a colleague's ("switched her over to Adaeze").
        return words[-1] if not (_PRODUCT_WORDS.isdisjoint(words) and _PRODUCT_NAME_WORDS.isdisjoint(words)) else None
    if moved.group(2) == "on" and _PRODUCT_WORDS.isdisjoint(words):
        return None  # "put her on hold", "put him on the waiting list"
    head = words[-1]
    if is_role(head) and head not in _FIELD_WORDS and head not in _PRODUCT_WORDS:
        return None  # "switched him to a colleague", "put her through to the team"
    if _PRODUCT_WORDS.isdisjoint(words) and _FIELD_WORDS.isdisjoint(words) and not any(map(_a_level, words)):
        return None  # "moved her onto rubber mats", "moved her up to the advanced lane": a place or a thing
    if who not in ("him", "her", "them") and head.rstrip("s") not in _PRODUCT_WORDS | _FIELD_WORDS | {"one"} and not any(map(_a_level, words)):
        # "moved the truck to the service alley": a thing taken to a place named after a product, not onto it
        # (a level says how the account runs, whatever it ends with: "put the club on monthly invoicing")
        return None
    return head


# The customer moved over to something, whatever the verb ("Swaped her over to the weekday-only season lease").
_THEM_OVER = re.compile(r"\b[a-z]+(?=\s+(?:him|her|them|(?:his|her|their)\s+[\w-]+)\s+(?:over|across)\s+(?:to|onto)\b)")


def _moved_over(sentence: str, original: str, field: str, names: frozenset[str]) -> str | None:
    """A level or a product the customer was moved over to, read as _moved_to reads it, whatever the verb."""
    for found in _THEM_OVER.finditer(sentence):
        if found.group(0) not in _TAKING_OR_TELLING and _done_by_us(sentence[: found.start()], field, names):
            moved = _moved_to("switched", sentence[found.end() :], original[found.end() :])
            if moved:
                return moved
    return None


_THEM_OR_THEIRS = frozenset("him her them his their".split())
_ARRANGEMENTS = _PRODUCT_WORDS | _FIELD_WORDS | frozenset("one invoice invoicing".split())
# The customer, or a thing of theirs, moved onto a level or a product, whatever the verb: a past tense
# ("popped her onto the fortnightly plan"), or any word after "have" or a subject, as second-language
# writers put it ("I have upgrate her package to Premium", "we move her pass to the monthly billing").
_THEM_ONTO = re.compile(
    r"\b(?:him|her|them|(?:his|her|their)(?:\s+[\w-]+){1,2}?)\s+(?:(?:up|down|over|across)\s+)?(?:to|onto|into|on)\s"
)
_ADVERBS_AFTER_HAVE = frozenset("now just already also then today".split())  # "we have now move him on the yearly payment"
_IRREGULAR_PUTTING = frozenset("put set got".split())
_SUBJECT_OR_HAVE = frozenset("have has had do did does we i".split())
# Verbs that take a person somewhere or tell them something, not onto a product: "walked her over to the premium lounge".
_TAKING_OR_TELLING = frozenset(
    """walked showed led escorted guided brought took sent referred directed passed introduced explained mentioned described
    talked spoke wrote emailed texted rang called phoned asked told invited welcomed helped drove returned transferred
    pointed handed lent sold offered signposted issued allocated""".split()
)


# Verbs of money: what is credited or charged on an invoice is a sum, not a thing put onto a product ("Credited them
# on the weekly invoice").
_MONEY_VERBS = frozenset("credited debited charged refunded billed invoiced paid reimbursed waived".split())


# Money sent somewhere, named by how it goes.
_MONEY_SENT = frozenset("transfer transfers payment payments remittance remittances deposit deposits withdrawal withdrawals".split())


def _put_onto(sentence: str, original: str, field: str, names: frozenset[str]) -> str | None:
    """A level or a product the customer or a thing of theirs was put onto, read as _moved_to reads it, whatever the verb."""
    for found in _THEM_ONTO.finditer(sentence):
        # Its verb: a past tense, or any word after "have" or a subject ("I have upgrate", "we move").
        before = [word for word in sentence[: found.start()].split()[-4:] if word not in _ADVERBS_AFTER_HAVE][-2:]
        verb = before[-1] if before else ""
        if not (verb.endswith("ed") or verb in _IRREGULAR_PUTTING or (len(before) == 2 and before[0] in _SUBJECT_OR_HAVE)):
            continue
        if verb in _TAKING_OR_TELLING or verb in _MONEY_VERBS or not _done_by_us(sentence[: found.start() - len(verb) - 1], field, names):
            continue
        rest = sentence[found.start() - 1 :]
        object_ = _MOVED_TO.match(rest)
        if not object_ or not _moved_to("put", rest, original[found.start() - 1 :]):
            continue
        place = _DESTINATION_END.split(rest[object_.end() :], maxsplit=1)[0].split(" to ")[0].split()
        if place and place[-1] == "account" and object_.group(1).split()[-1] in _MONEY_SENT:
            continue  # money sent to an account is a payment: "processed her transfer to her daughter's account"
        # What it was put onto is a product or a way of paying, by its head: "the fortnightly plan", "the annual
        # one", "monthly invoice"; not a place that shares a word with one ("the family area"), nor only a field
        # ("switched her reminders to text messages" is read as a setting elsewhere).
        product = next((word for word in reversed(place) if word in _PRODUCT_WORDS), None)
        named = original[found.start() - 1 + object_.end() :].lstrip()[:1].isupper()
        if product and (place[-1] in _ARRANGEMENTS or named):
            return product
        if named and place and place[-1] in _PRODUCT_NAME_WORDS:
            return " ".join(place)  # a product by its own name: "Added her to Rewards Plus"
    return None


# A field named by where it is kept, given a new value, in the resolution: "The billing name on the account
# has been amended to Kaye Interiors Ltd", "Office phone on the account is now the new landline".
_RECORDS = frozenset("account file record profile system".split())
# Every match of _KEPT_FIELD_CHANGED holds "now" or one of these verbs: a text without any is not searched.
_GIVEN_A_NEW_VALUE = frozenset("changed updated corrected amended altered edited modified set reset switched converted renamed".split())
_NEW_VALUE_WORDS = _GIVEN_A_NEW_VALUE | {"now"}
_KEPT_FIELD_CHANGED = re.compile(
    rf" on (?:the|his|her|their) (?:{'|'.join(sorted(_RECORDS))})\s+"
    r"(?:(?:is|are)\s+now\b|now\s+(?:reads|says|shows)\b|(?:(?:has|have)\s+been|was|were|is|are)\s+(?:now\s+)?"
    rf"(?:{'|'.join(sorted(_GIVEN_A_NEW_VALUE))})\s+(?:to|as|into)\b)"
)


def _kept_field_changed(sentence: str) -> str | None:
    """A field the resolution names by where it is kept, and gives a new value: not a note, a flag or money."""
    found = _KEPT_FIELD_CHANGED.search(sentence)
    if not found:
        return None
    thing = re.split(r"[,;:(]", sentence[: found.start()])[-1].split()[-3:]
    cut = max((i + 1 for i, word in enumerate(thing) if word in DETERMINERS or word in ("and", "but", "so", "then")), default=0)
    thing = thing[cut:]  # "The billing name", "and the mobile": the words after the last determiner
    named = " ".join(thing)
    if not thing or _OTHER_OBJECT.search(named) or _NOT_AN_ITEM.search(named) or _NOT_ACCOUNT.search(named):
        return None
    return named


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
    # or to a relation of theirs: "Handed the account over to her son".
    rf"|\s+((?i:(?:the|her|his|their)\s+(?:[\w-]+\s+)?account))\s+(?:(?:over|across)\s+)?to\s+(?:his|her|their)\s+(?:[\w-]+\s+)?(?:{'|'.join(sorted(RELATIONS))})\b"
)
_HELD = _PRODUCT_WORDS - _LEVELS
# A level as the new value, alone or naming a product: "to fortnightly", "to the monthly plan" (not "to the weekly slot").
_A_LEVEL_AS_VALUE = re.compile(
    rf"\s+(?:(?:a|an|the)\s+)?(?:{'|'.join(sorted(_LEVELS))})(?:\s+(?:{'|'.join(sorted(_HELD))}))?\s*(?:$|[.,;!?]|\s(?:on|in|at|from|for|with|as|and|now|instead|starting)\b)"
)
# Taken off a scheme the customer belonged to: a lasting change, like leaving a mailing list.
_LEFT_A_SCHEME = re.compile(
    r"\b(?:off|from)\s+(?:the|his|her|their|our)\s+(?:[\w-]+\s+){0,2}?(scheme|programme|program|plan|membership|subscription|contract|package|bundle)\b(?!\s+(?:price|fee|cost|rate|page|leaflet))"
)
# Someone taken through or round something is guided, not moved: "Took him through the security questions on the account".
_TAKEN_THROUGH = re.compile(r"\s+(?:[\w'-]+\s+){1,3}?(?:through|round|around)\b")
# "set" changes the account as the customer set up on something, or a way of paying set up: "set her up on direct debit",
# "set up a monthly direct debit", "I set up direct deposit of her new pension into her savings account".
_SET_UP_TO_PAY = re.compile(
    r"\s+(?:(?:him|her|them)\s+up\s+(?:on|with|for)|up\s+(?:(?:a|an|the|her|his|their)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(direct debit|direct deposit|standing order|autopay|auto-pay|recurring payment))\b"
)
# A thing of the customer's named as the one that stands for them, whatever the thing: "the nominated GP surgery", "his
# home clinic", "her preferred pharmacy" (not an occasion: "her regular class", "her usual slot").
_A_STANDING_THING = re.compile(
    rf"\s+(?:the|his|her|their)\s+((?:{'|'.join(sorted(_STANDING))})\s+(?:[\w-]+\s+){{0,2}}?"
    r"(?!(?:appointment|booking|session|class|visit|lesson|seat|table|room|slot|time|spot|place)s?\b)[\w-]+)"
    r"(?=\s+(?:to|on|from|in|at|for|over|with|and)\b|\s*[.,;!?]|\s*$)"
)
# The customer taken off or put on a list named by what it sends them, or how: a lasting setting of what reaches them
# (not a queue: "took her name off the waiting list", read before this).
_ON_A_LIST_OF_MESSAGES = re.compile(
    r"\s+(?:him|her|them)\s+(?:off|from|onto|on|to)\s+(?:the|our|his|her|their)\s+((?:[\w'-]+\s+){0,3}?"
    r"(?:appeals?|mailing|mail|postal|post|calls?|calling|phone|telephone|marketing|e-?mail|texts?|sms|newsletter|bulletin|e-bulletin|"
    r"contact|fundraising|promotional|promotions?|offers?)(?:\s+[\w'-]+)?)\s+lists?\b"
)
# Someone or something of the customer's signed up to a scheme, a plan or a club they pay for: "Signed Pepper and Moss up
# to the Healthy Paws Plan", "Enrolled both of her cats in the Pet Care Club" (not "signed her up for Thursday's class").
_SIGNED_UP_TO_A_SCHEME = re.compile(
    r"\s+(?:[\w'-]+\s+){1,4}?(?:up\s+)?(?:to|for|on|onto|in|into)\s+(?:the|a|an|our)\s+(?:[\w'-]+\s+){0,3}?"
    r"(plan|scheme|club|membership|subscription|programme|program|package|bundle|cover|contract|account|saver)\b"
)
# Seats counted are licences of the account ("added three seats"); seats moved are places at a show.
_COUNTING_VERBS = frozenset("added removed increased reduced raised lowered bumped dropped".split())


# A product of the customer's given a new length: "Extended her tenancy to the end of August", "his lease by six months".
_THEIR_PRODUCT_TO = re.compile(rf"\s+(?:his|her|their)\s+(?:[\w-]+\s+)?({'|'.join(sorted(_HELD))})\s+(?:to|by|until|till)\b")
_ON_OR_OFF_VERBS = frozenset("added removed took taken".split())  # the verbs _NAMED_ON_ACCOUNT is read after
# A person by name put on or taken off the account, or what it holds: "Added Siân Davies to the account as a
# second contact", "Took Mr Ruane off the boiler warranty", "Removed Dana from the lease".
_NAMED_ON_ACCOUNT = re.compile(
    rf"\s+(?:(?i:{'|'.join(sorted(HONORIFICS))})\.?\s+)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){{0,2}}\s+"
    # In the role they hold: "Added Theresa as a joint owner on the share savings account".
    r"(?:as\s+(?:a|an|the|her|his|their)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+)?(?:to|onto|on|off|from)\s+"
    rf"(?:the|his|her|their)\s+(?:[\w-]+\s+){{0,2}}?(?:{'|'.join(sorted(_HELD))})\b"
)
# Something the account covers put on or taken off it: "Took the Fiesta off his account", "added the van to her policy".
_ITEM_ON_OR_OFF = re.compile(
    r"^\s+((?:[\w'-]+\s+)+?)(?:off|from|onto|to|on)\s+(?:his|her|their|the)\s+(?:(?P<kind>[\w-]+)\s+)?"
    r"(?P<held>account|cover|policy|plan|membership|insurance|contract|subscription|agreement|lease|tenancy|tariff|package)\b(?!\s+of\b)"
)
# What is put on an account without changing it: a note, money, or a thing not named.
_NOT_AN_ITEM = re.compile(r"\b(?:it|them|this|that|credit|refund|payment|money|balance|fee|charge|discount|points?|comment|flag|\d+)\b|[£$€%]")
# A thing put under a name in the passive ("had been put under Ferris") is filed by it; the account put
# under a name is the account's new name ("Put the account under her married name", read elsewhere).
# A setting of the customer's, of what reaches them or how they pay: "her reminder setting", "his notification
# settings", "their marketing preferences" (not a thing's: "the settings on her camera").
_THEIR_SETTING = re.compile(
    r"\s+(?:his|her|their)\s+(?:[a-z-]+\s+)?(reminder|notification|alert|contact|marketing|privacy|communication|message|email|text|sms|"
    r"billing|payment|account|mailing|newsletter|statement|invoice)s?\s+(?:settings?|preferences?|options?)\b"
)
# The account put under a holder named in capitals: "Put the account under Kowalski Roofing LLC" (not "filed under Ferris").
_ACCOUNT_UNDER_A_HOLDER = re.compile(
    r"\s+(?i:the|his|her|their)\s+(?:[\w-]+\s+)?(?i:account|membership|subscription)\s+(?:(?i:over|back|across|up)\s+)?(?i:under|into)\s+"
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Mx)\.?\s+)?[A-Z][\w'’-]*"
)
_FILED_UNDER = re.compile(r"\s+under\b")
_ACCOUNT_UNDER_A_NAME = re.compile(
    r"\s+(?:the|his|her|their)\s+(?:[\w-]+\s+)?(?:account|membership|subscription|contract|policy|lease|licence|license|agreement|tenancy)\s+"
    r"(?:(?:over|back|across)\s+)?(?:under|in|into)\s+"
    r"(?:the\s+)?(?:[\w'’-]+\s+){0,2}?name\b"
)
# A place in a queue, or a name put down for something: not the account ("put their names down on the list
# for the next litter", "added her to the reserve list for Saturday's regatta", "put her name down for the rota").
_QUEUED = re.compile(r"\b(?:waiting|wait|reserve|standby|stand-by|interest|priority)[ -]?lists?\b|\bqueue\b|^\s+(?:[\w'-]+\s+){1,3}?down\s+(?:on|for)\b")
# A name put on a list: the person signed up for something, unless the list is one of the account's
# ("the mailing list"): "Put their names on the sign-up list for the beach clean".
_NAME_ON_A_LIST = re.compile(r"\s+(?:his|her|their)\s+names?\s+(?:down\s+)?(?:on|onto|to)\s+(?:the|a|our)\s+(?:([\w-]+)\s+){0,3}?lists?\b")
_PLACING_VERBS = frozenset("put added moved took taken removed".split())
# A thing given back to the customer, or a call connected: "handed back her library card", "handed the keys back",
# "put through to her work number" (not "handed the account over to her son").
_HANDED_BACK_OR_PUT_THROUGH = re.compile(r"\s+(?:back|through)\b|\s+(?:[\w'-]+\s+){1,4}?back\b(?!\s+(?:on|onto|to|into|under)\b)")
# The card the account pays with is named by whose it is, which one it is or how it pays ("her card", "the new
# card", "his debit card", "the Visa card"); a card named by another noun is another kind: "the job card", "her
# library card", "the feeding card", "the parking card".
_WHICH_CARD = frozenset(
    """credit debit payment bank billing autopay prepaid contactless charge visa mastercard amex company corporate new old
    replacement renewed expired lost stolen damaged cancelled blocked second another different same original main default
    primary backup spare current existing previous own other saved stored registered joint personal fsa hsa by on to from via
    with our your""".split()
)


def _the_card_they_pay_with(word_before: str) -> bool:
    """Whether the word before "card" leaves it the card the account pays with, not another kind of card."""
    word = word_before.strip(".,;:'\"")
    return word in DETERMINERS or word in _POSSESSIVES or word in _WHICH_CARD or word.endswith(("'s", "’s")) or not word.isalpha()
_PUT_ASIDE = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:aside|by|away)\b")


# What is raised with someone is passed to them, not made higher: "raised with tier 2", "raised the fault with the supplier".
_RAISED_WITH = re.compile(r"\s+(?:(?:it|this|that|(?:the|her|his|their|a)\s+(?:[\w-]+\s+){0,2}?[\w-]+)\s+)?(?:again\s+)?with\b")


def _changed_field(verb: re.Match[str], sentence: str, original: str) -> str | None:
    """The account field a verb of change acts on in its clause, if any."""
    name = verb.group(0)
    rest = sentence[verb.end():]
    if name == "raised" and _RAISED_WITH.match(rest):
        return None  # raised with someone is handed on to them: "I have raised with tier 2", "raised it with the manager"
    if name in ("took", "taken") and _TAKEN_THROUGH.match(rest):
        return None  # guided, not moved: "Took him through the security questions on the account"
    if name in _REROUTING_VERBS:
        rerouted = _REROUTED.match(rest)
        if rerouted:
            return next(part for part in rerouted.groups() if part)  # where messages go: the email, mobile or address, or the channel
    paid_to = _WHERE_IT_IS_PAID.match(rest)
    if paid_to:
        return f"where the {paid_to.group(1)} {paid_to.group(2)} {paid_to.group(3)}"  # "Changed where the interest is paid to ..."
    if _MONEY_BACK.match(rest) or (name in _MONEY_MOVING_VERBS and _MONEY_AS_THE_OBJECT.match(rest)):
        return None  # "put the £7 back on her card", "raised a goodwill credit of £15 to her account": money moved, no field
    if name in _MONEY_MOVING_VERBS and _CHARGED_TO_AN_ACCOUNT.match(rest):
        return None  # "put it on the account", "added the bill to her tab": what was bought, charged, no field
    holder = _TO_SOMEONE_ELSE.match(original, verb.end())
    if holder and (holder.group(1) != "it" or "account" in sentence[: verb.start()]):
        return "account holder"  # "switched the account over to Sandhu Lettings Ltd", "swapped it over to Greg" (the account)
    if _ACCOUNT_UNDER_A_HOLDER.match(original, verb.end()):
        return "account holder"  # "Put the account under Kowalski Roofing LLC", "set the account up under Bennett Home Partners"
    if name == "handed":
        return None  # only the account handed over is a change (above): "Handed over the receipt for the linen donation" gives a thing
    moved = _moved_to(name, rest, original[verb.end():])
    if moved:
        return moved
    set_up = _SET_UP_TO_PAY.match(rest) if name == "set" else None
    if set_up and set_up.group(1):
        return set_up.group(1)  # "set up a monthly direct debit", "set up direct deposit of her pension into ..."
    if name == "set" and not set_up:
        clause = _CLAUSE_END.split(rest, maxsplit=1)[0]
        field = _FIELD_IN_CLAUSE.search(clause)
        if not field or " to " not in clause[field.end() :]:
            return None  # "set" changes the account as "set her up on direct debit" or "set the direct debit date to the 16th"
    if name in ("extended", "shortened"):
        found = _FIELD_IN_CLAUSE.search(_CLAUSE_END.split(rest, maxsplit=1)[0])
        if found:
            return found.group(1)  # "extended the credit terms to 45 days"; not "the hem was shortened"
        held = _THEIR_PRODUCT_TO.match(rest)
        return held.group(1) if held else None  # "Extended her lease to 12 months"; not "extended the deadline to Friday"
    if name == "renamed":
        return "name"  # "renamed the account to Okafor Consulting Ltd"
    clause = _CLAUSE_END.split(rest, maxsplit=1)[0]
    if name in ("added", "removed", "took", "taken"):
        if _NAMED_ON_ACCOUNT.match(original, verb.end()):
            return "people on the account"  # "Added Siân Davies to the account as a second contact"
        item = _ITEM_ON_OR_OFF.match(rest)
        kind = item.group("kind") if item else None  # "the treatment plan", "the care plan": not the account's
        if item and not (_OTHER_OBJECT.search(item.group(1)) or _NOT_AN_ITEM.search(item.group(1)) or kind in NOT_A_FIELD_BEFORE):
            return item.group("held")  # "Took the Fiesta off his account", "took the camper off her cover"
    if name == "put" and _PUT_ASIDE.match(rest):
        return None  # "put two aside with her name on": kept for her, nothing changed
    if _HANDED_BACK_OR_PUT_THROUGH.match(rest) and name in ("handed", "put"):
        return None  # "handed back her library card": a thing returned; "put through to her work number": a call connected
    standing = _A_STANDING_THING.match(rest) if name in _SETTING_VERBS | {"transferred"} else None
    if standing:
        return standing.group(1)  # "Updated the nominated GP surgery on her account", "Transferred his home clinic to Surrey Central"
    setting = _THEIR_SETTING.match(rest)
    if setting and name in _SETTING_VERBS | {"set", "reset", "turned", "edited", "modified"}:
        return f"{setting.group(1)} setting"  # "changed her reminder setting in the booking app": how messages reach her
    if _ACCOUNT_UNDER_A_NAME.match(rest):
        return "name"  # "Put the account under her married name", "moved the membership into his name"
    if name == "put" and _FILED_UNDER.match(rest):
        return None  # "it had been put under Ferris instead of Ferreira": a thing filed by a name, not the account's name
    if name in _PLACING_VERBS and _QUEUED.search(_CLAUSE_END.split(rest, maxsplit=1)[0]):
        return None  # "put his name on the waiting list for the June class": a place in a queue, not the account
    signed_up = _NAME_ON_A_LIST.match(rest) if name in _PLACING_VERBS else None
    if signed_up and signed_up.group(1) not in _FIELD_WORDS:
        return None  # "Added his name to the list for the May trip": signed up for it; "her name to the mailing list" is the account
    if name in ("added", "removed", "took", "taken", "put") and _ON_THE_RECORD.search(rest, 0, len(clause) + 40):
        if _someone_added(clause.split()):
            return "people on the account"  # "added her husband as an authorised user on the account", "Put her husband on the account"
        messages = _MESSAGES.match(clause)
        if messages:
            return messages.group(1)  # "removed the SMS reminders from her profile": what she is sent
    if name == "turned":
        messages = _MESSAGES.match(re.sub(r"^\s+(?:off|on)\b", "", clause))
        if messages:
            return messages.group(1)  # "Turned off her text reminders": what she is sent
    listed = _ON_A_LIST_OF_MESSAGES.match(rest) if name in _PLACING_VERBS else None
    if listed:
        return f"{listed.group(1)} list"  # "Took her off the spring telephone appeal list", "Removed her from the SMS offers list"
    if name in ("signed", "enrolled"):
        scheme = _SIGNED_UP_TO_A_SCHEME.match(rest)
        if scheme:
            return scheme.group(1)  # "Signed Pepper and Moss up to the Healthy Paws Plan", "Enrolled both cats in the Pet Care Club"
    left = _LEFT_A_SCHEME.search(clause) if name in ("removed", "took", "taken") else None
    if left:
        return left.group(1)  # "took plot 42 off the letting scheme", "removed her from the coaching programme"
    if name in ("replaced", "replace") and not _ON_THE_RECORD.search(clause) and not re.search(r"\bwith\b", clause):
        return None  # "replaced the zip": a part of a thing; "replaced the card on file" is the account
    owned = _THEIR_THING_TO.match(clause)
    if owned and name == "moved" and _STANDING.isdisjoint(owned.group(1).split()) and _FIELD_WORDS.isdisjoint(owned.group(1).split()) and not _FOR_GOOD.search(rest):
        return None  # "moved her boxes to unit 14", "moved her place to the Thursday class": a thing taken somewhere, not a setting
    if owned and name in _SETTING_VERBS and _A_LEVEL_AS_VALUE.match(clause, owned.end()):
        return re.sub(r"\s+(?:over|across)$", "", owned.group(1))  # "switched her delivery over to weekly": how the account runs
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
        theirs = bool(before) and (before[-1] in ("his", "her", "their", "personal", "account") or before[-2:-1] in (["his"], ["her"], ["their"]))
        if found.group(1) == "details" and (name not in _SETTING_VERBS or (before and not theirs)):
            continue  # "updated her details", "her vet details" are the account's; "updated the details of the complaint" is not
        if found.group(1) == "seats" and name not in _COUNTING_VERBS:
            continue  # "changed the seats to row F": places at a show, not licences
        if found.group(1) == "card" and before and not _the_card_they_pay_with(before[-1]):
            continue  # "added a wiper check to the job card", "her library card": another kind of card
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
    for word in (w.strip(".,;:!?") for w in words if w not in DETERMINERS):
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
        if word in ("user", "users", "cardholder", "signatory", "holder") or word in KIN or (is_role(word) and word not in _FIELD_WORDS):
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
