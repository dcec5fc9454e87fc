"""P108: a lasting preference or instruction belongs on the customer's record, not in one note."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from ..rules import Hit, rule
from .lexicon import Lexicon
from .note_common import DETERMINERS, is_role, preference_text
from .subject import Subject
from .text import SINGLE_QUOTED, TextField, sentences
from .words import ACCOUNT_PARTY_ROLES, IRREGULAR_PASTS, OBJECTING_VERBS, RELATIONS, ROLE_NAMES, WEEKDAYS

# Words that make a wish or a fact last beyond this contact: "from now on", "always", "never call".
# (Each pattern here that opens with a look-ahead for a letter matches only from one: the look passes over the gaps between words at once.)
_DURABLE = re.compile(
    r"(?=[a-z'])\b(?:from now on|going forward|(?:in|for) (?:the )?future|for all (?:the )?future|only ever|ever again|from here on|as a rule|would rather (?:we|you|staff|that)|"
    # One thing over another, however strongly: "would much rather get a text than a call".
    r"(?:would|'d)\s+(?:much\s+|far\s+|really\s+|very much\s+|a lot\s+)?(?:rather|sooner)\b(?=[^.;!?]{0,60}?\bthan\b)|"
    # "From now she wants ...", "from today on": a new rule opening its clause.
    r"(?:(?<=^)|(?<=[,;:.!?]\s)|(?<=\band\s)|(?<=\bso\s))from (?:now|today)(?: on(?:wards)?)?(?!\s+(?:until|till|to|for)\b)|"
    # A wish that nobody does a thing, said as what is so: "insists nobody uses the dryer on Pickle".
    # (or that whoever does it does it so: "asked that whoever services her bikes leaves the tyres at 70 psi")
    r"(?:insists?|insisted|insisting|asks?|asked|asking|requests?|requested|requesting)(?: that)? (?:nobody|no one|no-one)\b|"
    r"(?:insists?|insisted|asks?|asked|asking|requests?|requested) that (?:whoever|anyone)\b|"
    # An instruction about what reaches them: "calls to him have to wait until after 2pm", "any letter for him should be in Polish".
    r"(?<=[a-z] )(?:for|to) (?:him|her|them) (?:should|must|has to|have to|needs? to|is to|are to)\b|"
    # A ban for good: "no voicemail is ever left", "no jet wash on the soft top, ever".
    # (not a verdict on what is done: "no reading they take is ever right" judges, P305)
    r"\bno\b[^.;!?]{0,60}?\b(?:is|are|to be|should be|must be)\s+ever\b(?!\s+(?:[a-z]+\s+)?(?:right|good|enough|fine|ok|okay|correct)\b)|\bno\b[^.;!?]{0,60}?,\s*ever(?=\s*(?:[.!;]|$))|"
    # One channel over another: "phone rather than write", "email not post".
    # (the customer between: "text her rather than ring")
    r"(?:phone|call|ring|email|e-mail|text|write|post|letters?|emails?|texts?|calls?)\s+(?:(?:him|her|them)\s+)?(?:rather than|instead of|not)\s+"
    r"(?:phone|call|ring|email|e-mail|text|write|post|letters?|emails?|texts?|calls?|by (?:phone|email|post|text))|"
    # A need applied to whatever we send: "large print on everything we send him" (not "doesn't read anything we send").
    r"(?:on|for|in|with|to) (?:everything|anything|whatever) (?:we|you) (?:send|post|email|e-mail|write|print|deliver)|"
    # Every occasion of the customer's, in the present: "each workshop she attends", "every trip he takes with us"
    # (not "every class she attended", nor "each workshop we run", nor what they are doing: "every visit he is after a freebie").
    r"(?:every|each|any) (?!(?:time|one|of|other|day|week|month|year|single)\b)[a-z]+ (?:she|he|they) (?!(?:was|were|had|did|could|would|is|are|has|have)\b)[a-z]+(?<!ed)(?= |$|[,.;])|"
    # "always" before a verb or a channel; not before a description ("always a pleasure", "always so polite").
    # (not a comparison with what went before: "same as always", "like always")
    # (but a thing asked for: "always a window seat pls")
    r"(?<!\bas )(?<!\blike )always(?! \w+ing\b)(?! (?:a|an|so|very|such|really|quite|been|late|early|polite|pleasant|lovely|nice|cheerful|friendly)\b"
    r"(?![^.;!?]*\b(?:please|pls|plz)\b))|"
    r"(?:wants?|needs?|asks? for|prefers?|likes?) always|whenever|every (?:single )?time|each time|any ?time(?= (?:she|he|they|we|you)\b)|"
    r"(?:asked|asks|asking|wants?|told us)(?: that)? (?:we|us to|staff|the [a-z]+) (?:never|always|only|do not|don't|must not|mustn't|should not|shouldn't)\b|"
    # (not what "you" or "we" never do, a complaint: "saying you never put sheets down", "you lot never ring back")
    r"(?<!\byou )(?<!\bwe )(?<!\byou lot )(?<!\byou guys )(?<!\byou people )"
    r"never (?:call|ring|phone|text|email|e-mail|contact|visit|send|post|put|book|deliver|leave|include|give|offer|discuss|mention)|"
    # (not what something came "with no": "nine hours with no text updates"; nor what was or was not done, a report:
    # "no call had been made by the bank", "no text was sent", "no contact came from the fraud desk"; but "no calls wanted")
    r"(?:do not|don't|does not want|doesn't want|never wants?|not to|no(?<!with no)) (?:call|ring|phone|text|email|e-mail|contact|visit|knock|marketing)\w*"
    # (or a record of it: "the log showed no call attempt", "no text record for that day")
    r"(?!\s+(?:was|were|had|has been|have been|came|went|got|arrived|attempts?|records?|logs?|logged|history|trace|"
    r"(?!(?:wanted|needed|required|allowed|permitted|accepted|preferred)\b)[a-z]+ed)\b)|"
    r"(?:all|any|every) (?:the )?(?:future |of (?:his|her|their) )?(?:letters?|reminders?|calls?|appointments?|correspondence|post|mail|"
    r"emails?|invoices?|statements?|orders?|contact|communications?|bookings?|visits?|deliver(?:y|ies)|messages|paperwork|"
    r"airports?|flights?|stays?|jobs?)|"
    r"(?:contact|call|ring|phone|reach|email|text|write to) (?:him |her |them )?only|only (?:by|via|on) (?:email|e-mail|phone|letter|post|text|sms|chat)|"
    # (or by the phone it goes to: "calls go to his mobile only"; not "her mobile only had one bar")
    r"(?:by |via )?(?:emails?|e-mails?|texts?|post|letters?|chat|phone|calls?) only|(?:mobile|landline|cell) only(?!\s+(?:had|has|was|is|gets|got|works|worked|showed))|"
    r"only (?:wants|accepts|reads|uses)|"
    # Only things of a kind, for them: "Morning appointments only for her please" (not "Afternoon slots only were left").
    r"(?<=[a-z]s )only,? for (?:him|her|them)\b|"
    r"(?:(?<![a-z] )|(?<=please ))only (?:call|ring|phone|text|email|e-mail|contact|write to|visit|deliver)\b(?!-)|"
    r"(?:use|call (?:him|her|them)(?: by)?) (?:his|her|their) (?:middle |first |preferred |nick|maiden |married )?name|"
    r"(?:only )?(?:call|ring|phone|contact|visit) (?:him |her |them )?(?:only )?(?:after|before|between) \d{1,2}(?:[:.]\d\d)?(?:\s*[ap]\.?m)?|"
    r"prefers? (?:to be )?(?:contacted|called|phoned|emailed|texted|reached|addressed|known)|"
    r"prefers? (?:all |every |any |his |her |their )?(?:[a-z]+ ){1,2}(?:by|via|through|on) (?:post|email|e-mail|phone|text|letter|paper|whatsapp|sms|chat)|"
    r"prefers? (?:emails?|phone|texts?|post|letters?|calls?|mornings?|afternoons?|evenings?)|"
    # "goes by" a name ("goes by Mo"), not by a time ("see how it goes by Friday", "goes by then").
    r"preferred (?:name|language|pronouns?|contact)|goes by(?!\s+(?:then|now|next|this|that|tomorrow|today|tonight|midday|noon|lunchtime|\d|"
    r"the (?:end|time|weekend|morning|afternoon|evening)|" + WEEKDAYS + r")\b))\b",
    re.IGNORECASE,
)
# Facts about the customer that hold for as long as the account does ("with the allergy" points back to one named before).
_STANDING_FACT = re.compile(
    r"(?=[a-z'])\b(?:allergic to|(?:has|have|with) (?:an? |severe |serious )*(?:(?!(?:the|that|this|those|these) )\w+ )?allerg(?:y|ies)|anaphyla\w+|"
    r"registered blind|partially sighted|visually impaired|colou?r ?blind|hard of hearing|deaf(?! to\b)|"
    r"lost (?:most of |all of |much of |the )?(?:his|her|their) (?:sight|hearing|vision)|"
    r"uses a wheelchair|wheelchair user|in a wheelchair|"
    r"only speaks|speaks (?:\w+ )?only|speaks no english|does not speak english|doesn't speak english|"
    r"needs an? (?:interpreter|translator)|"
    r"court order|not allowed to (?:collect|contact|visit|see)|"
    r"does not use (?:email|e-mail|a computer|the internet)|"
    # What a person cannot do for good, not a thing they cannot see today ("can't see anything on the screen").
    # (said of a person: "she can no longer climb the ladder"; not "the app can no longer read her card")
    # (not a thing they can no longer use, the verb's object before it: "the tickets he can no longer use")
    r"(?:she|he|they) can no longer (?:swallow|read|use(?!\s*(?:[.,;:!?)]|$))|climb(?!\s*(?:[.,;:!?)]|$))|hear|see|walk|drive|stand)|"
    r"(?:cannot|can't|can not) (?:swallow|read|use|climb|hear|see|walk|drive|stand)(?!\s+(?:anything|it|this|that|any|them|the|his|her|their|my|our|your|a|an)\b))\b",
    re.IGNORECASE,
)
# Needs of a visit that last: aids a person lives with, what they mean at the door, and an
# instruction to whoever visits or calls ("operatives must wait", "drivers should always ring first").
# Looked for only in texts holding the words of _VISIT_WORDS.
_VISIT_NEED = re.compile(
    r"(?=[a-z'])\b(?:(?:uses|has|with|on) (?:a |an |her |his |their |two )?(?:walking (?:frame|stick)|sticks|zimmer(?: frame)?|crutches|mobility scooter|rollator|"
    r"hearing aids?|guide dog|assistance dog|oxygen|stair ?lift)|"
    r"(?:needs|takes) (?:a few|several|some|extra|a while|a long time|time|\w+ minutes)(?: minutes)? to (?:reach|get to|answer|come to) the door|"
    r"(?<!whether the )(?<!whether )(?<!if the )(?<!if )"  # "asked whether the engineers must wear masks": a question
    r"(?:(?:nobody|no one|no-one)(?: else| other than (?:him|her|them|the customer))?\s+"
    r"(?:must|should|is to|may|is (?:allowed|permitted) to)\s+(?:ever\s+)?(?!(?:be|have|know|blame|worry|mind|tell|say)\b)[a-z]+|"
    # Whoever deals with them next, however it is said: "anyone going round must text", "whoever shoes Rowdy should not tie him".
    r"(?:operatives|engineers|technicians|drivers|couriers|staff|contractors|fitters|callers|visitors|crews|anyone|anybody|everyone|everybody|whoever)"
    # Whatever the verb of the duty ("has to carry", "should stand"), but not a guess ("must have missed it").
    r"(?:\s+(?!(?:must|should|need|needs|has|have)\b)[a-z'-]+){0,4}?\s+"
    r"(?:must|should|needs? to|has to|have to|are to|is to)\s+(?:always\s+|ever\s+|never\s+|not\s+)?(?!have\s+(?:been|[a-z]+ed|[a-z]+en)\b)[a-z]+))\b",
    re.IGNORECASE,
)
# This contact only: a wish for today's order is not a standing one.
_ONE_OFF = re.compile(
    r"\b(?:this (?:trip|time|order|booking|visit|appointment|job|bill|invoice|month|week|once|call|stay|delivery)|"
    r"today|tonight|tomorrow|for now|just this|on this)\b",
    re.IGNORECASE,
)
_STRONG_DURABLE = re.compile(r"\b(?:from now on|from now|going forward|in (?:the )?future|ever again|always|every time|whenever|any ?time)\b", re.IGNORECASE)
# "Whenever", "every time", "any time", "always" make a wish last ("wants the corner booth whenever she books",
# "use the relay service whenever we call her", "always ring first"); without a wish or an
# instruction in the sentence they say when something happens ("whistling whenever she turns her
# head", "the intercom always buzzes twice").
_OCCASIONS = frozenset({"whenever", "every time", "every single time", "each time", "any time", "anytime", "always"})
# "Always" after "is" tells a lasting state of a person or a pet: "Pepper is always nervous in the dryer room".
_A_STATE_BEFORE = re.compile(r"\b(?:is|are|was|were|gets|get|seems|seem)\s+$|['’]s\s+$", re.IGNORECASE)
_A_WISH = re.compile(
    r"(?=[a-z'])\b(?:wants?|wanted|wish\w*|asks?|asked|requests?|requested|prefers?|preferred|requires?|required|insists?|insisted|"
    r"rather|sooner|likes?|liked|please|pls|plz|must|should|never|only|"
    # A duty: "it has to be gluten free", "the crew are not to run the saw".
    r"(?:has|have|needs?|is|are)(?: not)? to|"
    r"call|ring|phone|text|email|e-mail|contact|send|use|remind|let|tell|notify|book|keep|give|pays?|paid)\b",
    re.IGNORECASE,
)
# The note says the wish was put on the permanent record already.
_RECORDED = re.compile(
    # (what was added may be quoted whole, however long: "Added 'large print: statements, letters' to her preferences";
    # the preferences are the record's, not a setting of a kind: "updated her marketing preferences" records no wish)
    r"\b(?:added|recorded|saved|put|noted|updated|set)\b(?:\s+(?:'[^']*'|\"[^\"]*\"|‘[^’]*’|“[^”]*”))?[^.;]{0,60}\b"
    r"(?:(?:his|her|their|the|to|in|on)\s+preferences?|on (?:the|her|his|their) (?:account|record|profile)|flag)\b|"
    r"\bpreferences? (?:updated|added)\b",
    re.IGNORECASE,
)
# A question opening its clause: what follows is what was asked about ("Asked about cover for future blockages",
# "wanted to know if the price for future lessons will rise"), not a wish.
_ASKED_ABOUT = re.compile(
    r"\b(?:asked|asking|asks|enquired|inquired|enquiring|inquiring|enquiry|inquiry|queried|querying|question|wondered|wanted to know|wants to know)"
    r"\s+(?:about|whether|if|how|what|why)\b[^,;:]*$",
    re.IGNORECASE,
)
# What the customer does or is on every occasion, after it: "every visit he is after a discount", "every visit the same show".
_DOING = re.compile(r",?\s+(?:(?:she|he|they)\s+(?:is|are|has|have|was|were|'s)\b(?!\s+(?:to|got\s+to)\b)|the same\b)", re.IGNORECASE)
_CONTENT_WORD = re.compile(r"[a-z]{4,}")
_AN_EXCUSE_AFTER = re.compile(r"\s+(?:has|finds|gets|comes up with)\s+(?:a|an|some|another)\s+(?:new\s+)?(?:excuse|reason|complaint|problem)s?\b", re.IGNORECASE)
# Every occasion of the customer's, in the present: "each workshop she attends", "every trip he takes with us"
# (not "every class she attended", nor "each workshop we run"). Keep in step with its branch of _DURABLE.
_AN_OCCASION_OF_THEIRS = re.compile(
    r"(?:every|each|any) (?!(?:time|one|of|other|day|week|month|year|single)\b)[a-z]+ (?:she|he|they) (?!(?:was|were|had|did|could|would|is|are|has|have)\b)[a-z]+(?<!ed)"
)
# A verb or a subject in the clause before an occasion: the sentence reports (a need is said without one:
# "nut-free tray at her bench each workshop she attends").
_A_VERB_BEFORE = re.compile(
    r"(?:^|[,;:(]|\s-\s)(?:(?![,;:(]|\s-\s).)*\b(?:will|would|is|are|was|were|has|have|had|can|could|did|do|does|to|i|we|she|he|they|you|[a-z]+ed)\b(?:(?![,;:(]|\s-\s).)*$"
)

# "to" and a verb after "each visit he tries": the customer's verb is the sentence's own, not the verb of an occasion.
_MAIN_VERB_AFTER = re.compile(r"\s+to\s+[a-z]")
# An occasion opening a sentence is followed by the clause it qualifies: "Each workshop she attends, she needs ...".
_A_CLAUSE_ENDS = re.compile(r"\s*(?:[,;:.!?]|$)")
_WISH_VERB = re.compile(r"\b(?:wants?|needs?|likes?|prefers?|expects?|asks?|insists?|requires?)$")
# A wish opening the clause before an occasion: "Wants a printed receipt every visit she makes" (a wish, whatever follows).
_A_WISH_OPENING = re.compile(
    r"(?:^|[,;:(]|\s-\s)\s*(?:(?:she|he|they)\s+)?(?:always\s+)?(?:wants?|needs?|asks? for|likes?|prefers?|expects?|requires?|insists? on|would like|'d like)\b"
    r"(?:(?![,;:(]|\s-\s).)*$"
)
# Verbs of objecting in the present: "Haggles over the labour every visit", "she queries every invoice".
_OBJECTING_PRESENT = frozenset(verb + ("es" if verb.endswith(("sh", "ch", "ss")) else "s") if not verb.endswith("y") else verb[:-1] + "ies" for verb in OBJECTING_VERBS)
# A person put in a kind, then what they want or need: "She is a person who want always more" describes her.
_A_KIND_WHO = re.compile(r"\b(?:is|was|'s)\s+(?:a|an)\s+(?:[a-z]+\s+){0,2}?[a-z]+\s+who\s+(?:also\s+|just\s+)?$", re.IGNORECASE)


# "The same" opening the clause before an occasion: what happens each time ("Same routine with every order she places").
_SAME_BEFORE = re.compile(r"(?:^|[,;:.!?]\s*)(?:the\s+)?same\b[^,;:.!?]*$", re.IGNORECASE)
# Words that make a practice new from now: "from now on", "going forward", "in future".
_FROM_NOW = ("from now", "from today", "from here", "going forward", "in future", "in the future")
# A subject of ours or of another body before the verb: "we will", "the committee will", "the council lights".
_OURS_OR_ANOTHERS = re.compile(r"(?:^|[,;:.!?]\s*|\b(?:and|so)\s+)(?:we|the\s+(?!(?:customer|client|member|guest|tenant|owner|caller)\b)[a-z]+)\s+[a-z']+", re.IGNORECASE)
# Words for the customer or what is theirs: a practice that names none of them is no wish of theirs.
_THEIR_WORDS = frozenset("her him them his their hers theirs she he they customer".split())


def _practice_of_others(sentence: str, at: int) -> bool:
    """Whether a new practice from now is ours or another body's, about none of the customer's ("the committee will lock
    the main gate at dusk from now on"; not "we will text her the day before from now on")."""
    return _THEIR_WORDS.isdisjoint(re.findall(r"[a-z']+", sentence.lower())) and _OURS_OR_ANOTHERS.search(sentence, 0, at) is not None


def _objecting_before(before: str) -> bool:
    """Whether a verb of objecting in the present comes before an occasion in its sentence ("Argues about the fee every visit")."""
    return not _OBJECTING_PRESENT.isdisjoint(before.lower().split())


# A verb in the present opening a clause, its subject (the customer) left out, then what it acts on: "Argues the
# toss over every booking she makes", "Complains about the parking every visit she makes" (not a need named by a
# noun, "Drinks on arrival each visit she makes").
_PRESENT_OPENING = re.compile(
    r"(?:^|[,;:(]|\s-\s|[.!?]\s)\s*([a-z]+s)\s+(?:the|a|an|this|that|his|her|their|its|every|each|some|something|everything|anything|"
    r"about|over|him|them|it)\b(?:(?![,;:(]|\s-\s).)*$"
)


def _reported_before(before: str, lexicon: Lexicon) -> bool:
    """Whether the clause before an occasion of the customer's reports what happens, by a verb or a subject in it,
    rather than saying a need ("nut-free tray at her bench each workshop she attends") or a wish ("Wants ...")."""
    if _A_WISH_OPENING.search(before):
        return False
    if _A_VERB_BEFORE.search(before):
        return True
    opening = _PRESENT_OPENING.search(before)
    if opening is None:
        return False
    verb = opening.group(1)
    return lexicon.is_base_verb(verb[:-1]) or (verb.endswith("es") and lexicon.is_base_verb(verb[:-2]))


# Every match of _DURABLE or _STANDING_FACT holds a word of the first set, or one of the second
# with one of the third ("no calls", "email only", "all letters"). Keep them in step.
_DURABLE_WORDS = frozenset(
    """rule rather sooner insists insisted everything anything whatever only now here today forward forwards future ever always
    whenever whoever anytime never prefer prefers preferred goes
    allergic allergy allergies anaphylaxis anaphylactic blind sighted impaired colourblind colorblind hearing deaf wheelchair speaks speak english
    interpreter translator court allowed cannot can't longer middle maiden married nickname sight vision""".split()
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
_DUTIES = frozenset("must should has have needs need".split())
_OCCASION_WORDS = frozenset("every each any".split())
_THEY = frozenset("she he they".split())
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
# (or "a colleague of hers, who has a severe allergy")
_WHO_AFTER_SOMEONE = re.compile(r"\b([a-z]+)(?:\s+of\s+(?:hers|his|theirs|ours|mine))?,?\s+who\s+(?:also\s+|now\s+)?$")
# "her mother who lives with her has COPD and is on oxygen", "Her father, who lives with her, is deaf".
_RELATION_WHO_BEFORE = re.compile(r"\b(?:his|her|their|[a-z]+'s)\s+(?:[a-z-]+\s+)?([a-z-]+),?\s+who\s[^.;]*$")
_THEIR_RELATION_BEFORE = re.compile(r"\b(?:his|her|their|[a-z]+'s)\s+(?:[a-z-]+\s+)?([a-z-]+),?\s*$")
_COPULAS_AT_END = re.compile(r"(?:\s+(?:also|now|still|is|was|has been|who))+\s*$")
_QUOTATION = re.compile(r"[\"“][^\"“”]*[\"”]")


# "One of the little guests has a nut allergy": one of several people, not the customer.
_ONE_OF_SEVERAL = re.compile(r"\b(?:one|some|two|three|several|a few|none|any|either|neither) of (?:the|her|his|their|our|them)\b[^.;]*$")


# "one guest has a nut allergy", "the guests with allergies": a person among others, or people in the plural, named by role.
_ONE_AMONG_OTHERS = re.compile(
    r"\b(?:(one|a|an|another|two|three|four|some|several|many|other|those|the)\s+)(?:[a-z-]+\s+)?([a-z]+)\s+"
    # (where they are: "one child in his class has")
    r"(?:(?:in|at|on|from|of)\s+(?:his|her|their|the|a|an|our)\s+[a-z-]+\s+)?(?:(?:also\s+|now\s+)?(?:has|have|is|are|with|who)\s+)?$"
)
_PEOPLE_AMONG_OTHERS = frozenset("child children kid kids pupil pupils attendee attendees delegate delegates".split())


def _of_someone_else(before: str) -> bool:
    """Whether a standing fact is said of a relative, another person named by role, or one of several people, not the customer."""
    lowered = before.lower()
    if "of " in lowered and _ONE_OF_SEVERAL.search(lowered):
        return True
    among = _ONE_AMONG_OTHERS.search(lowered)
    if among and (is_role(among.group(2)) or among.group(2) in _PEOPLE_AMONG_OTHERS) and (among.group(1) != "the" or among.group(2).endswith("s")):
        return True
    found = _WHO_AFTER_SOMEONE.search(lowered) or _THEIR_RELATION_BEFORE.search(_COPULAS_AT_END.sub(" ", lowered))
    if found is None or not is_role(found.group(1)):
        found = _RELATION_WHO_BEFORE.search(lowered)
    return found is not None and is_role(found.group(1))


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
    r"\b(?:must|should|is to|are to|has to|have to|needs? to)\b[^.;]*\b(?:for|on|at|with|in) (?:every|each|any) (?!time\b|one\b|of\b|other\b)[a-z]+|"
    # (the occasion first: "anything the café makes him at any club day has to be gluten-free")
    r"\b(?:for|on|at|with|in) (?:every|each|any) (?!time\b|one\b|of\b|other\b)[a-z]+[^.;,]*\b(?:must|should|is to|are to|has to|have to|needs? to)\b"
)
# "Wade checked her", "Boat dragging her mooring", "Bank sent him a new card": a name or a thing before its verb, not an
# order (a past that is also a plain form, a noun or a side, "keep left", "put", "set", is no sign of one).
_PLAIN_OR_NOUN_PASTS = frozenset("set put shut cut let read hit quit cost spread split burst hurt bit beat ground wound lay left lit bore shed".split())
_A_SUBJECT_AFTER = re.compile(
    r"^\s+(?:[a-z]+ed|[a-z]{3,}ing|is|was|has|had|said|says|asked|told|came|rang|went|" + "|".join(sorted(IRREGULAR_PASTS - _PLAIN_OR_NOUN_PASTS)) + r")\b"
)
# Verbs whose order takes a verb in -ing: "Avoid ringing her before ten", "Keep trying her mobile".
_BEFORE_AN_ING = frozenset("avoid stop keep try start quit consider begin continue".split())
# The words an order needs besides its verb: a mark ("always", "never", "don't"), a scope, or the customer as object.
_ORDER_MARKS = frozenset("always never don't dont".split())
# What makes a scope without end a standing wish: a verb of wishing or asking, or a duty; not a description of
# the customer ("whatever we suggest is wrong", "doesn't read anything we send").
_A_WISH_OR_DUTY = re.compile(
    r"\b(?:(?:has|have|needs?|is|are)(?: not)? to|must|should|"  # a duty, looked for first: "needs to" is one, "needs" a wish
    r"wants?|wanted|wish(?:es|ed)?|(?:asks?|asked|asking)\s+(?:for|that|us|we|to)|requests?|requested|prefers?|preferred|requires?|required|"
    r"insists?|insisted|needs?|would like|'d like|please)\b"
)
_SCOPE_WORDS = frozenset("times time whenever address property house site flat customer".split())
_DUTY_WORDS = frozenset("must should to".split())
_THEM = frozenset("him her them".split())
_ORDER_CUES = _ORDER_MARKS | _SCOPE_WORDS | _THEM | {"not", "every", "each"}
# An order on the customer, as one look at a whole text: a clause opening with a word that is not
# a past tense ("Sent her", "Told him"), then the customer as its object. Most texts have none.
_ORDER_ON_THEM_PATTERN = (
    r"(?:please\s+|just\s+)?"
    r"(?!(?:sent|told|gave|rang|spoke|left|took|got|made|found|met|brought|showed|paid|sold|taught|bought|kept|held|wrote|saw|let|put|had)\b)"
    r"(?![a-z]+(?:ed|ing|s)\b)[a-z]+\s+(?:(?:[a-z]+\s+)?|(?:[a-z]+\s+){1,3}(?:to|with|for)\s+)(?:to\s+|with\s+|for\s+)?(?:him|her|them)\b"
)
# (Looked for at the start of a text, and after a stop or "so" with a pattern that opens on either: a search
# then skips to them, where one pattern opening on the start of a text too would try every position; the look-ahead
# for a stop or an "s" lets it skip.)
_ORDER_OPENING_A_TEXT = re.compile(_ORDER_ON_THEM_PATTERN)
_ORDER_AFTER_A_STOP = re.compile(r"(?=[,;:.!?s])(?:[,;:.!?]\s*|\bso\s+)" + _ORDER_ON_THEM_PATTERN)


def _may_be_an_order(text: TextField) -> bool:
    """Whether a text has what an order needs (see _an_order): one look at its words, rarely one at its text."""
    words = text.words
    if "any" in words and not _DUTY_WORDS.isdisjoint(words) and _DUTY_EVERY_TIME.search(text.lowered):
        return True  # (a duty on any occasion: "must be seated on any tour she books"; "any" with "to" alone is common)
    if _ORDER_CUES.isdisjoint(words):
        return False  # nearly every text
    if not _ORDER_MARKS.isdisjoint(words) or ("not" in words and "do not" in text.lowered):
        return True
    if not _SCOPE_WORDS.isdisjoint(words) and _ENDLESS_SCOPE.search(text.lowered):
        return True
    if ("every" in words or "each" in words) and not _DUTY_WORDS.isdisjoint(words):
        return True
    return not _THEM.isdisjoint(words) and (_ORDER_OPENING_A_TEXT.match(text.lowered) is not None or _ORDER_AFTER_A_STOP.search(text.lowered) is not None)
# Plain forms that open a clause without giving an order: a subject left out ("Don't know why"),
# past tenses spelt as the plain form ("Put Sassy first on the list"), modals and nouns.
_NOT_ORDERS = frozenset(
    """know think understand remember recall believe have be need want seem feel hope mean like see find get will would can could
    should shall may might must put set cut let read hit shut quit spread cast cost hurt split burst fit reset rerun redo
    leak service test order rest return issue report note update check rang upset quote assume reckon doubt guess suppose expect wonder""".split()
) | DETERMINERS | {"i", "we", "you", "he", "she", "they", "it", "him", "them"}  # "the" and "her" pass for plain forms ("thing", "herring")
_ENDLESS_SCOPE = re.compile(
    r"\b(?:at all times|every (?:single )?time|each time|whenever|at this (?:address|property|house|site|flat)|(?:for|with|to) (?:this|the) customer)\b"
)
_TO_THEM = re.compile(r"^\s+(?:(?:[a-z]+\s+)?|(?:[a-z]+\s+){1,3}(?:to|with|for)\s+)(?:to\s+|with\s+|for\s+)?(?:him|her|them)\b"
    r"(?!\s+(?:back|know|a (?:call|text|ring|bell|message|copy)|the (?:form|quote|invoice|details|link)))")
_A_DAY = re.compile(
    rf"\b(?:today|tonight|tomorrow|next|{WEEKDAYS}|mon|tue|wed|thu|fri|sat|sun|once|when|re|about|asap)\b|\d"
)


# A verb of telling whose hearer is the customer, or goes unsaid, and a duty after it: the duty is what
# we told them, the terms ("Told him the wristband has to be shown on every visit", "Explained that
# boats must be signed out for each session"), not an instruction to whoever deals with them next
# ("Told the drivers they must ring her bell on every drop").
_TOLD_THEM = re.compile(
    r"\b(?:told|tell|reminded|remind|explained|explain|advised|informed|warned|assured|stressed|confirmed|said|made (?:it )?clear|"
    r"pointed out|let (?:him|her|them) know)\b(?=[^.;]*\b(?:must|should|has to|have to|needs? to|is to|are to)\b)"
)
# Every match of _TOLD_THEM holds one of these: verbs of saying.
_TELLING_WORDS = frozenset("told tell reminded remind explained explain advised informed warned assured stressed confirmed said clear pointed know".split())


def _terms_told(lowered: str, at: int) -> bool:
    """Whether what is at ``at`` of a sentence is part of a duty we told the customer (see _TOLD_THEM)."""
    if _TELLING_WORDS.isdisjoint(lowered.split()):
        return False  # nearly every sentence
    told = [found for found in _TOLD_THEM.finditer(lowered) if found.start() < at]
    if not told:
        return False
    found = told[-1]
    after = lowered[found.end() :].split()[:3]
    if after and after[0] in ("to", "with"):
        after = after[1:]  # "made clear to him", "confirmed with the drivers"
    if not after or after[0] in ("him", "her", "them", "that"):
        return True
    hearer = after[1] if (after[0] in DETERMINERS or after[0] == "our") and len(after) > 1 else after[0]
    return not is_role(hearer)  # "told the drivers they must ring": staff are told


# A clause whose first word, or first two ("Direct debit", "Repeat prescription"), is followed by a phrase of place
# or of what it is for, then a verb of its own, before any subject or joining word: the first words named a thing,
# the verb's subject ("Print in the back bedroom is fading", "Call to her mobile kept dropping", "Direct debit to her
# energy supplier was returned"), not an order ("Make sure the gate is shut" is one).
_FINITE_AFTER_A_NOUN = re.compile(
    r"^\s+(?:(?!(?:him|her|them)\b)[a-z]+\s+)?(?:in|on|to|at|from|of|for|with|under|over|behind|near|inside|outside|around|round|through|by|above|below|along)\s"
    r"(?:(?!\b(?:he|she|they|it|i|we|you|who|which|that|there|nobody|anyone|someone|everyone|if|when|as|because|once|until|"
    r"while|since|before|after|so|and|but|or|where|whether|unless|though)\b)[^,;:])*?\b(?:is|are|was|were|has|had|does|did|keeps|kept|gets|got|seems|looks\b"
    # or a past that closes the clause or has a particle or a time after it: "Strap on her locker door snapped.", "Lock on
    # her shed rusted through", "Direct debit to her gym bounced last week" (not "Leave parcels with her neighbour marked fragile")
    r"|(?:[a-z]{3,}ed|" + "|".join(sorted(IRREGULAR_PASTS - _PLAIN_OR_NOUN_PASTS)) + r")(?=\s*(?:[.,;!?]|$)|\s+(?:through|up|off|down|out|away|over|again"
    r"|twice|overnight|yesterday|last|on)\b))"
)


def _an_order(sentence: str, lexicon: Lexicon) -> str | None:
    """The words of an order to whoever deals with the customer next, when a clause of the sentence gives one."""
    lowered = sentence.lower()
    duty = _DUTY_EVERY_TIME.search(lowered)
    if duty and not _terms_told(lowered, duty.start()):
        return duty.group(0)
    for found in _ORDER.finditer(lowered):
        marker, verb, rest = found.group(1), found.group(2), found.group(3)
        if verb in _NOT_ORDERS or verb in IRREGULAR_PASTS or (_A_SUBJECT_AFTER.match(rest) and verb not in _BEFORE_AN_ING) or not lexicon.is_base_verb(verb):
            continue  # (a past tense that is also a plain form reports: "Found her a spare bike", "Wound the clock back")
        if _FINITE_AFTER_A_NOUN.match(rest):
            continue  # "Print in the back bedroom is fading": a noun, the subject of "is"
        if rest.startswith(" of "):
            continue  # "Increase of her monthly sponsorship": a noun heading a headline, not an order
        if marker or _ENDLESS_SCOPE.search(rest) or (_TO_THEM.match(rest) and not _A_DAY.search(rest)):
            return (found.group(0) + rest).strip(" ,;:").split(",")[0]
    return None


# A wish inside the occasion itself: "whenever she likes" is at her own choosing, what she may do or does
# ("the pass lets her swim whenever she likes", "rolls in whenever she likes"), not a wish of hers for us.
_AT_THEIR_CHOOSING = re.compile(
    r"\b(?:whenever|any ?time|every time)\s+(?:she|he|they|you)\s+(?:likes?|wants?|wishes|pleases?|chooses?|feels? like(?: it)?)\b", re.IGNORECASE
)


def _a_wish_in(sentence: str) -> bool:
    """Whether a sentence holds a word of wish, duty or contact used as a verb: after "the" or "a" it names a
    thing ("every time the phone locks", "each time a text arrives"), which says when a fault shows; a wish
    inside the occasion ("whenever she likes") is not one."""
    for found in _A_WISH.finditer(_AT_THEIR_CHOOSING.sub("", sentence)):
        before = sentence[: found.start()].split()[-1:]
        if not before or before[0].lower() not in DETERMINERS:
            return True
    return False


# A verb in a finite past: "was", "were", "had", "did", or a past tense not after a form of "be" ("were sent" is
# the past; "to be forwarded" is not).
_A_PAST = re.compile(r"\b(?:was|were|had|did)\b|(?<!\bbe )(?<!\bbeen )(?<!\bbeing )(?<!\bis )(?<!\bare )\b(?:[a-z]+[^e\W]ed|" + "|".join(sorted(IRREGULAR_PASTS)) + r")\b")


# What we send, after "every letter": "every letter we send him" (a wish or a duty may still be said of it elsewhere).
_WE_SEND_AFTER = re.compile(r"\s+(?:that\s+)?(?:we|you)\s+(?:send|post|email|e-mail|write|issue|raise)\b", re.IGNORECASE)


def _told_in_the_past(sentence: str) -> bool:
    """Whether a sentence without a wish tells what happened: a report of what was done to every message of a kind."""
    return _A_PAST.search(sentence.lower()) is not None and not _a_wish_in(sentence)


def _in_a_quotation(sentence: str, at: int) -> bool:
    """Whether a position of a sentence is inside quotation marks, double or single: the customer's words of the moment."""
    quotes = itertools.chain(_QUOTATION.finditer(sentence), SINGLE_QUOTED.finditer(sentence) if "'" in sentence or "‘" in sentence else ())
    return any(found.start() < at < found.end() for found in quotes)


# A duty in headline form, opening its clause: whoever of a kind deals with the customer, in the plural, then
# "to" and a verb ("Drivers to leave her box in the coal bunker", "Couriers to ring the bell twice"): the
# plural is every one of them, every time, where one named person with "to" is one job ("Engineer to return
# Thursday"). Whoever deals with the customer: not the customer's own party (see _THEIR_OWN_PARTY).
_HEADLINE_DUTY = re.compile(
    r"(?:^|[.!?,;:]\s*|\b(?:and|so)\s+)(?:all\s+|our\s+|the\s+)?(?:([a-z]+)\s+)?([a-z]+s|staff|crew|shift)\s+to\s+(?:always\s+|never\s+|not\s+)?([a-z]+)\b"
)
# A clause told in the past, by its auxiliary ("shed", "set", "shut" may be names or plain forms, not pasts).
_TOLD_AS_PAST = re.compile(r"\b(?:was|were|had|did)\b")
# Whoever visits or calls, as _VISIT_NEED names them ("crews" is no role of a person's own).
_WHOEVER_VISITS = _VISIT_WORDS[2][0]
# A day named makes a duty one job ("Engineers to bring the new valve Thursday"), unless it recurs ("every Friday").
_ONE_DAY = re.compile(rf"\b(?:today|tonight|tomorrow|next|{WEEKDAYS}|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b|\b\d{{1,2}}(?:st|nd|rd|th)\b")
_EVERY = frozenset("every each always whenever weekly".split())
# The customer's own party, whom a duty in headline form binds as a house rule ("Parents to sign the waiver on
# arrival", "Guests to check out by 11"), not as a standing instruction about this customer.
_THEIR_OWN_PARTY = ACCOUNT_PARTY_ROLES | {"parent", "guardian"}
# A rule for every thing of the customer's, in the present, as its clause's subject: "Any camera of hers that is
# left with us goes into the safe", "Every parcel for her goes to number 12" (not "Every parcel for her went ...",
# nor "Any bike that comes in gets a free check": the shop's rule, not hers).
_ALL_OF_KIND = frozenset("any every each all".split())
_THEIRS = frozenset("hers his theirs her him them".split())
_ANY_OF_THEIRS = re.compile(
    r"(?:^|[.!?,;:]\s*|\b(?:and|so)\s+)(?:any|every|each|all)\s+(?:of\s+)?(?:[a-z-]+\s+){0,4}?[a-z-]+\s+"
    r"(?:of (?:hers|his|theirs)|for (?:her|him|them)|to (?:her|him|them))\b([^.;:!?]*)|"
    # All of a thing of theirs with a duty: "all his tops need the labels cut out" (not "all her bookings were moved").
    r"(?:^|[.!?,;:]\s*|\b(?:and|so)\s+)(?:all|every|each|any)\s+(?:of\s+)?(?:his|her|their)\s+[a-z-]+(?=\s+(?:need|needs|must|should|has to|have to|is to|are to|goes|go)\b)"
)
_PRESENT = re.compile(r"\b(?:is|are|goes|go|gets|get|has|have|needs|need|must|should|stays|stay|comes|come|has to|have to)\b")


def _standing_rule(sentence: str, lexicon: Lexicon) -> str | None:
    """The words of a duty in headline form, or of a rule for every thing of the customer's, when the sentence gives one."""
    lowered = sentence.lower()
    for found in _HEADLINE_DUTY.finditer(lowered):
        kind, doer, verb = found.groups()
        if kind and (kind.endswith("ed") or kind in IRREGULAR_PASTS or kind in _THEIR_OWN_PARTY):
            continue  # "Asked engineers to call her": a request of one time, not a duty in headline form
        if not (is_role(doer) or doer in _WHOEVER_VISITS or doer in _STAFF_GROUPS) or doer[:-1] in _THEIR_OWN_PARTY or not lexicon.is_base_verb(verb):
            continue
        clause = re.split(r"[,;:.!?]", lowered[found.end() :], maxsplit=1)[0]
        if _ONE_DAY.search(clause) and _EVERY.isdisjoint(clause.split()):
            continue  # "Engineers to bring the new valve Thursday": one job, on one day
        if _TOLD_AS_PAST.search(clause):
            continue  # "Staff to check the CCTV for the evening she was in": one job, about what happened
        return found.group(0).strip(" ,;:")
    theirs = _ANY_OF_THEIRS.search(lowered)
    if theirs and (theirs.group(1) is None or _PRESENT.search(theirs.group(1))):  # (no group: the duty follows at once)
        return theirs.group(0).strip(" ,;:")
    return None


# A duty in the present: "must", "should", "needs to", "are to"; not a guess ("must have missed it") nor a state ("should be fine").
_A_DUTY = re.compile(
    r"\b(?:must|should|needs? to|has to|have to|are to|is to)\s+(?:always\s+|ever\s+|never\s+|not\s+)?(?!(?:have|be|been)\b)[a-z]+"
)
_MODALS = frozenset(("must", "should"))
_BEFORE_TO = frozenset("need needs has have is are".split())


def _may_lay_a_duty(words: list[str]) -> bool:
    """Whether a text holds the words of a duty (see _A_DUTY), once it names whoever might bear it."""
    return not _MODALS.isdisjoint(words) or ("to" in words and not _BEFORE_TO.isdisjoint(words))
# Where the subject of a duty begins: the clause's start, or a joining word.
_SUBJECT_START = re.compile(r"(?:^|[,;:.!?(]|\s(?:and|but|so|because|as|then|since|while|once)\s)((?:(?![,;:.!?(]|\s(?:and|but|so|because|as|then|since|while|once)\s).)*)$")
# Whoever deals with the customer, as a group or as anyone at all ("the night shift", "delivery guys", "whoever is on the desk").
_STAFF_GROUPS = frozenset("staff crew crews team teams shift shifts techs guys lads".split())
_ANYONE = frozenset("whoever anyone anybody everyone everybody".split())


def _may_be_a_headline(lowered: str) -> bool:
    """Whether a text has what a duty in headline form needs: a plural or a group of staff before "to" (quicker than its words)."""
    return "s to " in lowered or "ff to " in lowered or "ew to " in lowered or "ift to " in lowered
# Relations and the customer's own party are not whoever deals with them: "Parents should sign the waiver".
_NOT_OUR_PEOPLE = _THEIR_OWN_PARTY | RELATIONS
# The words of whoever deals with the customer, as one look at a text's words: the plural of a role, a group of staff, anyone.
_DOER_WORDS = frozenset(name + "s" for name in ROLE_NAMES if name not in _NOT_OUR_PEOPLE) | _STAFF_GROUPS | _ANYONE
# Words that open a clause of reason: a duty there explains what was done ("because the finance team has to sign it off").
_REASON_JOINS = frozenset("because as since".split())
_AFTER_A_REASON_JOIN = tuple(f" {word} " for word in _REASON_JOINS)
_NOT_BEFORE_A_DOER = frozenset("she he they i we you it his her their my your if whether".split())


def _whoever_deals_with_them(lowered: str, at: int) -> str | None:
    """The words naming whoever deals with the customer as the subject of a duty at ``at``: a role in the plural, a
    group of staff, or anyone at all ("Cleaners should keep the back door shut", "Valeting lads need to hoover the
    boot last", "Whoever is on the front desk has to ring up"; not one person, "The engineer needs to order the part",
    nor a relation or the customer's own party, "Her sons must sign", nor a duty given as the reason for something,
    which says how things work: "held it, as the mortgage team must approve the transfer")."""
    found = _SUBJECT_START.search(lowered, 0, at)
    if found is None:
        return None
    words = re.findall(r"[a-z][a-z'-]*", found.group(1))
    if not words or words[0] in _REASON_JOINS or lowered[: found.start(1)].endswith(_AFTER_A_REASON_JOIN):
        return None
    if words[0] in _ANYONE or (words[0] == "any" and len(words) > 1 and (words[1] in _STAFF_GROUPS or is_role(words[1]))):
        return " ".join(words)  # (or any one of a role: "Any receptionist booking her in should ring her mobile")
    for index, word in enumerate(words[:4]):
        if word in _NOT_BEFORE_A_DOER or word.endswith("ed"):
            return None
        one = word[:-1] if word.endswith("s") else ""
        if word in _STAFF_GROUPS or (one and is_role(word) and one not in _NOT_OUR_PEOPLE and word not in _NOT_OUR_PEOPLE):
            return " ".join(words) if len(words) - index <= 6 else None
    return None


def _duty_of_whoever_deals(sentence: str) -> str | None:
    """The words of a duty in the present laid on whoever deals with the customer (see _whoever_deals_with_them)."""
    lowered = sentence.lower()
    for duty in _A_DUTY.finditer(lowered):
        doer = _whoever_deals_with_them(lowered, duty.start())
        if doer is None or _terms_told(lowered, duty.start()):
            continue
        clause = re.split(r"[,;:.!?]", lowered[duty.end() :], maxsplit=1)[0]
        if _ONE_DAY.search(clause) and _EVERY.isdisjoint(clause.split()):
            continue  # "the fitters need to come back Thursday": one job, on one day
        return f"{doer} {duty.group(0)}"
    return None


# A scope without end: whatever the occasion ("whatever the job", "whatever she buys"), under any circumstances,
# anything of theirs or that we do for them ("anything of his we touch", "everything we book for her"), or every
# occasion of theirs ("for all her appointments with us", "at every appointment of hers").
_SCOPE_WITHOUT_END = re.compile(
    r"\bwhatever\s+(?:the|it|she|he|they|we|you)\b(?![^,;.]*\b(?:was|were|did|had|happened)\b)|"
    # Whichever of a kind we give them: "Whichever room we put her in, the bedding has to be synthetic" (not "whichever she picked").
    r"\bwhichever\s+[a-z]+\s+(?:we|you)\s+(?!(?:did|had|was|were|gave|sent|chose|took|made)\b)(?![a-z]+ed\b)[a-z]+|"
    r"\b(?:under|in)\s+any\s+circumstances?\b|\bno matter what\b|"
    r"\b(?:anything|everything)\s+(?:of\s+(?:his|hers|theirs)|(?:we|you)\s+(?!(?:did|had|sent|said|could|were)\b)[a-z]+|from\s+us)\b|"
    r"\b(?:for|on|at|with|in|to)\s+(?:all|every|each|any)\s+(?:of\s+)?(?:his|her|their)\s+[a-z-]+|"
    # Any time at all, closing its clause: "No dairy should go in her hamper at any time".
    r"\b(?:at\s+)?any\s*time(?=\s*(?:[.,;!?]|$))|"
    # Before or after every occasion of a kind: "a reminder text the evening before every clean".
    r"\b(?:before|after)\s+(?:every|each)\s+(?!time\b|one\b|of\b)[a-z-]+"
)
_WORDS_WITHOUT_END = frozenset("whatever whichever circumstances matter anything everything anytime".split())
# Every match of _SCOPE_WITHOUT_END holds one of these.
_SCOPE_CUES = _WORDS_WITHOUT_END | frozenset("all every each any".split())
# A time that makes a scope one occasion's: "for all her bookings in June".
_A_MONTH_OR_DAY = re.compile(
    rf"\b(?:{WEEKDAYS}|january|february|march|april|june|july|august|september|october|november|december|today|tomorrow|tonight|this (?:week|month|year))\b"
)


# The customer as the subject of a duty: what they must do, the terms or advice, not a wish of theirs for us to keep.
# The forms of _A_WISH_OR_DUTY that lay a duty, not a wish.
_DUTY_FORMS = frozenset(
    {"must", "should", "has to", "have to", "need to", "needs to", "is to", "are to", "has not to", "have not to", "need not to",
     "needs not to", "is not to", "are not to"}
)
# (or a person's, after "who": "a lady who must find fault in everything we do" judges, P305)
_THEIR_OWN_DUTY = re.compile(r"\b(?:she|he|they|who)\s+(?:also\s+|still\s+|just\s+)?$")


def _wish_without_end(sentence: str) -> str | None:
    """The words of a wish or a duty said with a scope without end (see _SCOPE_WITHOUT_END), when the sentence has one."""
    lowered = sentence.lower()
    scope = _SCOPE_WITHOUT_END.search(lowered)
    if scope is None or _A_MONTH_OR_DAY.search(lowered) or _terms_told(lowered, scope.start()):
        return None
    if not any(wish.group(0) not in _DUTY_FORMS or not _THEIR_OWN_DUTY.search(lowered, 0, wish.start()) for wish in _A_WISH_OR_DUTY.finditer(lowered)):
        return None  # no wish, or only what the customer must do: "She has to sign the sheet before every session"
    if lowered.startswith(("told", "explained", "advised", "informed", "warned")):
        return None  # "Told her we cannot move it under any circumstances": what we said, not her wish
    return scope.group(0)


def _durable_sentence(text: TextField, lexicon: Lexicon) -> tuple[str, str] | None:
    """The first sentence that states a lasting wish or fact, and the words that make it so."""
    words = text.words
    if not _SCOPE_CUES.isdisjoint(words) and _SCOPE_WITHOUT_END.search(text.lowered):  # one look at the words first: few texts have one
        for sentence in sentences(text.text):
            scope = _wish_without_end(sentence)
            if scope and not _ONE_OFF.search(sentence) and not _in_a_quotation(sentence, sentence.lower().find(scope)):
                return sentence.strip(), scope
    if (not _DOER_WORDS.isdisjoint(words) or "any" in words) and _may_lay_a_duty(words) and _A_DUTY.search(text.lowered):  # few texts name a doer
        for sentence in sentences(text.text):
            duty = _duty_of_whoever_deals(sentence)
            if duty and not _ONE_OFF.search(sentence) and not _in_a_quotation(sentence, sentence.lower().find(duty)):
                return sentence.strip(), duty
    if _may_be_an_order(text):
        for sentence in sentences(text.text):
            order = _an_order(sentence, lexicon)
            if order and not _ONE_OFF.search(sentence) and not _in_a_quotation(sentence, sentence.lower().find(order)):
                return sentence.strip(), order
    if (_may_be_a_headline(text.lowered) and _HEADLINE_DUTY.search(text.lowered)) or (
        not _ALL_OF_KIND.isdisjoint(words) and not _THEIRS.isdisjoint(words) and _ANY_OF_THEIRS.search(text.lowered)
    ):
        for sentence in sentences(text.text):  # one look at the whole first: nearly every text has neither
            rule_ = _standing_rule(sentence, lexicon)
            if rule_ and not _ONE_OFF.search(sentence) and not _in_a_quotation(sentence, sentence.lower().find(rule_)):
                return sentence.strip(), rule_
    visit = _may_need_a_visit(words)
    # "any time she orders a buffet it needs to be plant-based"; "every time" with a duty: "it has to be cold every time he hires"
    any_time = "time" in words and ("any" in words or (not {"every", "each"}.isdisjoint(words) and not _DUTIES.isdisjoint(words)))
    durable = visit or any_time or not _DURABLE_WORDS.isdisjoint(words) or not (_CHANNEL_WORDS.isdisjoint(words) or _LIMIT_WORDS.isdisjoint(words))
    occasion = not _OCCASION_WORDS.isdisjoint(words) and not _THEY.isdisjoint(words)  # "each workshop she attends"
    if not durable and not occasion:
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
            if _ASKED_ABOUT.search(sentence, 0, wish.start()):
                continue  # "Asked about cover for future blockages": what a question is about, not a wish
            if wish.group(0).lower() in _OCCASIONS and not _a_wish_in(sentence) and not _A_STATE_BEFORE.search(sentence, 0, wish.start()):
                continue  # "whistling whenever she turns her head", "the intercom always buzzes twice": a fault, not a wish
            if wish.group(0).lower() == "always" and _AN_EXCUSE_AFTER.match(sentence, wish.end()):
                continue  # "Always has an excuse why the charge should not apply": a habit of objecting, not a wish
            if wish.group(0).lower().startswith("every ") and _DOING.match(sentence, wish.end()):
                continue  # "Every visit he is trying to get something free": what the customer does, not a wish
            if wish.group(0).lower().startswith(("all ", "any ", "every ", "each ")) and _objecting_before(sentence[: wish.start()]):
                continue  # "Haggles over the labour every visit": a habit of objecting (P305's), not a wish
            if _A_KIND_WHO.search(sentence, 0, wish.start()):
                continue  # "She is a person who want always more": what a person is (P305's), not a wish
            if wish.group(0).lower().startswith(("every ", "each ", "any ")) and _SAME_BEFORE.search(sentence, 0, wish.start()):
                continue  # "Same routine with every order she places": what happens each time, not a wish
            if wish.group(0).lower().startswith(_FROM_NOW) and _practice_of_others(sentence, wish.start()):
                continue  # "the committee will lock the main gate at dusk from now on": not the customer's wish
            theirs = occasion and _AN_OCCASION_OF_THEIRS.fullmatch(wish.group(0).lower()) is not None
            if not theirs and wish.group(0).lower().startswith(("all ", "any ", "every ")) and _told_in_the_past(sentence):
                continue  # "All invoices were sent to the old address in May": what happened to them, not a wish
            ours = _WE_SEND_AFTER.match(sentence, wish.end()) if wish.group(0).lower().startswith(("all ", "any ", "every ")) else None
            if ours and not _A_WISH_OR_DUTY.search((sentence[: wish.start()] + sentence[ours.end() :]).lower()):
                continue  # "Picks apart every letter we send him": what the customer does with what we send, not a wish
            if not theirs and not durable:
                continue  # only an occasion of theirs brought the text this far
            if theirs and not _WISH_VERB.search(wish.group(0)) and (
                _MAIN_VERB_AFTER.match(sentence, wish.end()) or (not sentence[: wish.start()].strip() and not _A_CLAUSE_ENDS.match(sentence, wish.end()))
            ):
                continue  # "Each visit he tries to knock something off", "Each visit he tries it out": his verb is the sentence's
            if theirs and _reported_before(sentence.lower()[: wish.start()], lexicon):
                continue  # "Reminded the crews to close every gate they open": a report; the need is a clause without a verb
            if _terms_told(sentence.lower(), wish.start()):
                continue  # "Told him the wristband has to be shown on every visit": the terms, told to the customer
            if (not _ONE_OFF.search(sentence) or _STRONG_DURABLE.search(sentence)) and not _in_a_quotation(sentence, wish.start()):
                return sentence.strip(), wish.group(0)
            break
    return None


@rule("P108", "durable-preference-in-note", "warning", "note")
def durable_preference_in_note(subject: Subject) -> Iterator[Hit]:
    """A note holds a durable preference or standing instruction that belongs in the customer's `preferences`.

    ## What it does
    Flags a note whose reason or resolution states something that lasts beyond the contact: a
    wish with "from now on", "going forward", "in future", "always", "never call" (not a report of what was or was not done: "no call had been made by the bank",
    "no text was sent that day", "the log showed no call attempt"), "email only",
    "all letters ...", "do not ring before 2pm", "only can call after 7pm", "prefers all documents by post", "please only
    text her", "emails only", things of a kind only for them ("Morning appointments only for her please"; not "Afternoon
    slots only were left"), "calls go to his mobile only" (not "her mobile only had one bar"), "never wants phone calls",
    "prefers texts over emails", "use her middle name", "goes by Mo" (not by a time, "how it goes by Friday"); or a standing fact: an
    allergy (not another person's, "a colleague of hers, who has a severe allergy", nor one pointed back to, "marked the
    booking with the allergy"), a language
    ("only speaks Spanish"), an accessibility need ("registered blind", "uses a wheelchair",
    "hard of hearing", "uses a walking frame", "on crutches", "needs several minutes to reach the
    door", "walks with two sticks", "deaf in his left ear", "has lost most of her sight", "she can no longer climb the ladder"; not "the app can no
    longer read her card", nor a thing they can no longer use, "the tickets he can no longer use"), a court order; or an instruction to whoever visits or calls ("operatives must wait", "drivers should
    phone ahead", "drivers are to park on the street", "nobody should ever knock before 1 p.m.", "no
    one is to open the back door"), however the doer is put ("anyone going round must text first",
    "whoever shoes Rowdy should not tie him", "nobody else is allowed to take Mia") whoever it is
    named by a role in the plural or a group of staff, or by "any" and a role ("Any receptionist booking her in should
    ring her mobile"), in any words ("Cleaners should keep the back door
    shut", "delivery guys need to carry everything up", "Whoever is on the front desk at night has to
    ring up"; not one person, "The engineer needs to order the part", nor a relation or the customer's
    own party, "Parents should sign the waiver", nor one job on a day named, nor a duty given as the reason for something,
    how things work: "explained that, as the mortgage team must approve the transfer, it would take a week"), and whatever
    the verb of the duty ("whoever is on her round needs to wheel the bins back"; not a guess,
    "staff must have missed it"), or in headline form, whoever of a kind in the plural or a group of staff, then "to"
    and a verb ("Drivers to leave her box in the coal bunker", "Couriers to ring the bell twice", "Night shift
    to skip her bunk on headcounts"; not a request of one time, "Asked engineers to call her", nor a team's one
    job, "Events team to ring her back", "Staff to check the CCTV for the evening she was in"; not one
    person's job, "Engineer to return Thursday", nor one on a day named, "Engineers to bring the new
    valve Thursday" (but "every Friday" recurs), nor a house rule for the customer's own party, "Guests to
    check out by 11"); a rule for any thing of the customer's, said in the
    present as its clause's subject ("Any camera of hers that is left with us over a weekend goes into
    the safe", "Every parcel for her goes to number 12", "every label and leaflet we post to her has to be in large print",
    and all of a thing of theirs with a duty, "all his tops need the labels cut out"; not "Every parcel for her went to number 12",
    nor the shop's own rule, "Any bike that comes in gets a free check"); an order in the
    imperative, whatever its verb, with "always", "never" or "do not" before it ("Never run the pump
    past 6pm", "always speak to him face on"), a scope without end after it ("Keep the side gate shut
    at all times", "at this address", "every single time") or the customer as its object, near the
    verb, and no day named ("give her a few minutes to get to the door", "open the bottles for him"; not "Ring her back on Friday", nor a name opening a report, "Wade
    checked her", nor a past tense, "Found her a spare bike", nor a noun heading a headline, "Increase of her monthly
    sponsorship"); a duty for every occasion of a kind, before or after it ("should be given a buggy for every
    competition", "must be seated on any tour she books", "anything the kitchen serves her at any event has to be
    gluten-free", "requires the hi-lo couch in the ground floor room at every appointment"; not a wish alone, "wants admin rights on every PC"), or a need said without a verb
    for every occasion of the customer's ("nut-free tray at her bench each workshop she attends"; not
    a report, "printed every class she attended", "reminded the crews to close every gate they
    open", nor what the customer does or is every time, "Every visit he is trying to get something
    free", "every visit the same show", "Argues the toss over every booking she makes", "Each visit he tries
    to knock something off the bill", "Each visit he tries it out before we leave"; but a wish is one,
    "Wants a printed receipt every visit she makes"); "only ever", "for all the
    future roles"; "as a rule", "would rather we", one thing over another however strongly ("would
    much rather get a text than a call"), one channel over another ("phone rather than write", "text her rather than ring"), a
    new rule opening its clause with "from now" ("From now she wants every document in Spanish"), a
    ban for good with "ever" ("no voicemail is ever left on the landline", "No jet wash on the soft
    top, ever"; not a verdict, "no reading they take is ever right"), a wish that nobody does a thing ("insists no one moves the plant pots", "is asking that no one parks
    across her drive"), or that whoever does it does it so ("asked that whoever services her bikes leaves the tyres at 70
    psi"; not "asked whoever was on the desk to check"), or that we or a team of ours do not ("She is asking that we don't
    post anything to the shop", "asked that the yard never uses the pressure washer"), an
    instruction about what reaches the customer ("calls to him have to wait until after 2pm", "any
    post to her needs to go to the side door"), a need applied to whatever we send ("large print on
    everything we send him"), a wish or a duty with a scope without end ("Wants a call before anyone comes
    out, whatever the job", "Voicemails are not to be left on his home line under any circumstances", "Wants
    main-dealer parts on anything of his we touch", "Needs step-free access on everything we book for her",
    "Asked for a female stylist for all her appointments with us", "No dairy should go in her hamper at
    any time", "Wants a reminder text the evening before every clean", "Whichever room we put her in, the bedding has to be
    synthetic"; not a description of the customer,
    "whatever we suggest is wrong", "doesn't read anything we send", nor one time, "a discount for all her
    bookings in June", nor what we told them, "Told her we cannot move it under any circumstances", nor what
    the customer must do, "She has to sign the sheet before every session", nor what a person "who must" do is, "a lady
    who must find fault in everything we do").
    "Whenever", "every time", "any time" and "always" count with a wish, an instruction or a duty in
    the sentence ("text her each time a parcel is out", "whenever she books the cake it has to be
    gluten free", "the crew are not to run the saw whenever we are on his job"), or "always" after "is"
    ("Pepper is always nervous in the dryer room"), but not in a comparison with what went before ("same as always"); "always" before "a" or "an" is a description
    ("always a pleasure") unless a thing is asked for with "please" or "pls" ("always a window seat pls"), not when they say when a fault shows
    ("whistling whenever she turns her head", "the intercom always buzzes twice", "logs her out
    every time the phone locks": after "the" or "a", "phone" names a thing); a wish inside the occasion is at the
    customer's choosing, not one for us ("the pass lets her swim whenever she likes", "rolls in whenever she likes").
    What a question is about is no wish ("Asked about cover for future blockages", "wanted to know if the price for
    future lessons will rise"). A wish for this
    contact alone ("for this trip only", "today") is not flagged, nor a fact about someone else ("her grandfather, who uses a
    wheelchair", "her grandmother uses a wheelchair", "one of the guests has a nut allergy", "one child in his class has a
    peanut allergy", "the guests with allergies"), nor a
    report with a name or a thing before its verb ("Boat dragging her mooring", "Print in the back bedroom
    is fading", "Bank sent him a new card", "Direct debit to her energy supplier was returned", "Strap on her locker door snapped": its first word or two are
    the subject of a later verb, not an order), nor a duty told to the
    customer as the terms, whatever the verb of saying ("Told him the wristband has to be shown on every
    visit", "made clear to him that dogs must be on a lead"; but "Told the drivers they must ring her bell
    on every drop"), nor what happened to
    all or every message of a kind, told in the past without a wish ("All invoices were sent to the old
    address in May", "Checked all letters sent to her this year"), nor a wish the note's changes carry out, one whose new value
    is what the wish asks for ("Wants reminders by text not email", reminders changed to "text message"),
    or whose resolution changes the customer's setting for what the wish is about ("changed her reminder
    setting"; a change P106 asks to record), or a wish to change the field a change records ("Asked to change the delivery
    address for all orders", a change of "delivery address"), nor what a person cannot see or read
    today ("can't see anything on the screen"), nor the customer's words in quotation marks, double or single, nor what
    "you" or "we" never do, a complaint ("Left a voicemail saying you lot never ring back"), nor
    what something came "with no" ("nine hours with no text updates"), nor what the customer does with every thing we
    send ("Picks apart every letter we send him"; but "Every letter we send her must be in large print"), nor
    "always" before a description ("always a pleasure") or a habit of objecting ("Always has an excuse why the charge
    should not apply", "Haggles over the labour every visit"), nor what a person put in a kind wants ("She is a person who
    want always more"), nor what happens the same each time ("Same routine with every order she places"), nor a practice
    of ours or of another body from now on that names nothing of the customer's ("the committee will lock the main gate
    at dusk from now on"; but "We will text her the day before from now on"),
    nor a note that says the wish was added to the preferences, or noted on the account in its words ("Added her husband
    as a contact on the account" records no wish). The
    finding quotes the sentence to move into `preferences`. Critical or not, the note is flagged:
    the durable fact belongs on the permanent record either way.

    Where these patterns find nothing, the learned reading may still flag the note, as a warning (see "The
    learned reading" at the top of `docs/rules.md`; `learned_reading: false` in the settings switches it off).

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
            if found and not _on_the_record(found[0], subject) and not _carried_out(found[0], subject) and not _recorded(found[0], subject):
                sentence, words = found
                since = note.at.date().isoformat()
                yield Hit(
                    text.loc,
                    f"a durable preference or standing instruction ({words!r}) belongs in preferences: in customer.yaml, "
                    f"where every page shows it; move it there as - {{text: {preference_text(sentence)}, since: {since}}}",
                )
                return


# The verbs of _RECORDED, no word of a wish.
_RECORDING_VERBS = frozenset("added recorded saved noted updated".split())


def _recorded(sentence: str, subject: Subject) -> bool:
    """Whether the note says the wish was put on the record: added to the preferences or a flag, or noted on the account
    in words of the wish ("Noted on her account that she wants a text"; not "Added her husband as a contact on the account")."""
    said = set(_CONTENT_WORD.findall(sentence.lower()))
    for text in subject.texts:
        for found in _RECORDED.finditer(text.text):
            recorded = found.group(0).lower()
            if "preference" in recorded or "flag" in recorded or not said.isdisjoint(set(_CONTENT_WORD.findall(recorded)) - _RECORDING_VERBS):
                return True
    return False


def _carried_out(sentence: str, subject: Subject) -> bool:
    """Whether the note's changes give the account the value the wish asks for ("by email not post", changed
    to "email"), or its resolution changes their setting of what the wish is about: the wish is now a setting
    of the account, not a note's. Names in a value do not count."""
    note = subject.note
    if note is None:
        return False
    wished = {word.rstrip("s") for word in _CONTENT_WORD.findall(sentence.lower())} | {word.rstrip("s") for word in _SHORT_VALUE.findall(sentence.lower())}
    if not note.changes:
        # Or a setting of theirs for what the wish is about changed in the resolution ("Wants reminders by text",
        # "changed her reminder setting"): the wish is done, and a change without its old and new value is P106's.
        return any(
            not wished.isdisjoint(word.rstrip("s") for word in found.group(1).split())
            for text in subject.texts
            if text.loc[0] == "resolution" and ("setting" in text.words or "settings" in text.words or "preferences" in text.words)
            for found in _THEIR_SETTING_CHANGED.finditer(text.lowered)
        )
    for change in note.changes:
        new = {word.lower().rstrip("s") for word in _VALUE_WORD.findall(str(change.to or ""))}
        if new & wished:
            return True
        # A wish to change the field the change records: "Asked to change the delivery address for all orders".
        field = {word.rstrip("s") for word in _CONTENT_WORD.findall(change.field.lower())}
        if field and field <= wished and _TO_CHANGE.search(sentence.lower()):
            return True
    return False


_TO_CHANGE = re.compile(r"\b(?:change|update|switch|move|amend|correct|set)\b")


_THEIR_SETTING_CHANGED = re.compile(
    r"\b(?:changed|updated|switched|set|reset|amended|turned)\s+(?:his|her|their)\s+((?:[a-z-]+\s+){1,2}?)(?:settings?|preferences?)\b"
)
_SHORT_VALUE = re.compile(r"\b(?:sms|txt|app|fax)\b")
_VALUE_WORD = re.compile(r"\b[a-z][a-z]{2,}\b")  # words of a value, not names (capitalised) or numbers


def _on_the_record(sentence: str, subject: Subject) -> bool:
    """Whether the customer's preferences or flags already say it: most of the sentence's words are there."""
    customer = subject.customer
    if customer is None:
        return False
    record = " ".join([p.text for p in customer.preferences] + [f"{f.reason} {f.guidance or ''}" for f in customer.flags]).lower()
    said = set(_CONTENT_WORD.findall(sentence.lower()))
    shared = said & set(_CONTENT_WORD.findall(record))
    return len(shared) >= 3 and len(shared) >= 0.4 * len(said)
