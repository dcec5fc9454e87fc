"""Factual rewrites proposed with the findings on note text, so an editor can fix a phrase without
reading the rules page: a quote as reported speech, a judgement as what to describe instead, an
insult or an oath as neutral words, an amount in prose as an `amounts:` entry.

Only suggestions: the writer knows what happened, these say what kind of words to use.
"""

from __future__ import annotations

import re

# A quotation retold as reported speech: the speaker's "I" is the customer, their "you" is us.
_REPORTED = {
    "i": "they", "i'm": "they are", "i've": "they have", "i'll": "they will", "i'd": "they would", "me": "them",
    "my": "their", "mine": "theirs", "myself": "themselves", "we": "they", "we're": "they are", "we've": "they have",
    "us": "them", "our": "their", "you": "we", "you're": "we are", "you've": "we have", "your": "our", "yours": "ours",
    "am": "are", "can't": "cannot", "won't": "will not", "don't": "do not", "didn't": "did not",
}
# "I was" retold is "they were", not "they was": the verb agrees with the new subject.
_I_WAS = re.compile(r"\b(?:I|we) (?:was|were)(n't)?\b", re.IGNORECASE)
_QUOTE_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_QUOTE_MARKS = "\"“”„'‘’"
_SAYING = re.compile(
    r"^(?:\w+\s+){0,3}?(?:said|says|stated|wrote|replied|told (?:us|me|him|her|them)|words(?: were)?)\b\s*:?\s*", re.IGNORECASE
)
_SINGLE_QUOTED = re.compile(r"(?<!\w)['‘](.*?)['’](?!\w)")
_OPENING_MARK = re.compile(r"[\"“”„]|(?<!\w)['‘](?=\w)")


def reported_speech(quote: str) -> str:
    """The quoted words retold in the third person: 'I paid this on the 1st' -> 'said they paid this on the 1st'."""
    inside = quote.strip().strip(_QUOTE_MARKS).strip()
    # The match may hold the verb of saying ("Told me 'I ...'"): drop it, "said" is put back in front.
    inside = _SAYING.sub("", inside)
    # Quotation marks, not the apostrophes of "can't" or "customers'": single marks in pairs, or one opening.
    inside = _OPENING_MARK.sub("", _SINGLE_QUOTED.sub(r"\1", inside)).strip().rstrip(".!?…").strip()

    def swap(word: re.Match[str]) -> str:
        found = word.group(0)
        return _REPORTED.get(found.lower().replace("’", "'"), found)

    told = _QUOTE_WORD.sub(swap, _I_WAS.sub(lambda was: "they were" + (was.group(1) or ""), inside))
    told = told[:1].lower() + told[1:] if told[:2] != "I " else told
    return f"said {told}" if told else "summarise what was said"


# What to write instead of a judgement, by the judging word (or the start of the phrase).
_DESCRIBE_INSTEAD: tuple[tuple[tuple[str, ...], str], ...] = (
    (("something for nothing",), "state what was asked for, e.g. 'asked for the fitting free of charge'"),
    (("rude", "abusive", "aggressive", "hostile", "nasty", "condescending", "arrogant", "patronising", "patronizing", "obnoxious"),
     "describe what was said or done, e.g. 'raised his voice', 'swore twice', 'ended the call'"),
    (("pushy", "demanding", "entitled", "difficult", "unreasonable", "stubborn", "impossible", "precious", "fussy", "picky", "haggled",
      "acting like", "acts like", "thinks", "knows better", "owns", "typical", "unrealistic", "forceful", "controlling", "headed"),
     "state what was asked for and how often, e.g. 'asked three times for a refund of the fee'"),
    (("unable", "grasp", "lost", "clueless", "confused", "listening", "forgetful", "understand", "get it", "care"),
     "state what was explained and what was asked again, e.g. 'asked twice how the fee is worked out'"),
    (("idea what", "clue what", "good with", "good at", "great with", "great at", "brilliant with", "brilliant at"),
     "state what was found or done about it, e.g. 'the cooker cable was undersized for the hob', 'set up the email app with him'"),
    (("ways", "kindly", "views", "opinions", "brusque", "curt", "offhand", "abrupt"),
     "state what was asked for or said, e.g. 'asked for the twin tub to be repaired rather than replaced'"),
    (("appears to", "appeared to", "seems to", "seemed to"),
     "state what they asked for and what was explained, e.g. 'asked for a free repair; explained the warranty does not cover impact damage'"),
    (("english", "french", "spanish", "german", "italian", "polish", "portuguese", "welsh"), "state the language used or needed, e.g. 'the call was held in Spanish', 'asked for an interpreter'"),
    (("complainer", "moaner", "serial", "frequent", "worrier", "chancer", "every", "forever", "constantly", "always", "never", "ever good"),
     "state the number and dates of earlier contacts, e.g. 'third complaint since March'"),
    (("lovely", "nice", "sweet", "pleasant", "charming", "delightful", "kind", "friendly", "great", "wonderful", "gem", "angel", "bless",
      "treasure", "legend", "saint", "doll", "charmer", "godsend"),
     "remove it; a compliment the customer paid or a delightful habit belongs in a delight flag"),
    (("exhausting", "tiresome", "tedious", "nightmare", "pain", "annoying", "irritating", "waste", "nothing", "such a state", "tantrum",
      "fuss", "scene", "molehill", "pram", "indecisive", "headache", "nuisance", "handful", "liability", "menace", "like "),
     "state what happened and how long it took, e.g. 'changed the message four times in 20 minutes'"),
    (("drunk", "intoxicated", "slurring"), "describe what was observed, e.g. 'speech was slurred', 'could not give the account number'"),
    (("handwriting", "spelling", "grammar", "skills", "reading", "writing", "typing", "maths"), "state what was done about it, e.g. 'typed up the form with her'"),
    (("himself", "herself", "themselves", "patience", "manners"),
     "describe what was said or done, e.g. 'left before the results were read', 'interrupted twice'"),
    (("lying", "liar", "dishonest", "faking", "pretending", "trying", "luck"),
     "state what the records show against what was said, e.g. 'said the parcel did not arrive; the courier has a signature'"),
)
_GENERAL = "describe what was said or done, in neutral words"
# How the writer's own view opens: an aside, or the writer sure of what a person thinks.
_WRITERS_VIEW = (
    "i ", "we ", "honestly", "frankly", "personally", "to be ", "in my", "in our", "if ", "truth be told", "to put it",
    "let's", "clearly", "obviously", "feels like", "it feels like", "pretty ", "fairly ", "quite sure", "quite clear",
    "it's ", "it is ", "for what", "crystal", "abundantly", "dead sure", "doubt", "assume", "presume", "guess", "reckon", "suspect", "bet ", "imagine",
)


def instead_of_judgement(phrase: str) -> str:
    """What to write instead of a judging phrase: "was super rude" -> describe what was said or done."""
    lowered = phrase.lower()
    if lowered.startswith(_WRITERS_VIEW):
        if not any(word in lowered.split() for words, _ in _DESCRIBE_INSTEAD for word in words):
            return "remove the writer's view; keep what happened and what was said or done"
    for words, advice in _DESCRIBE_INSTEAD:
        if any(word in lowered for word in words):
            return advice
    return _GENERAL


# Oaths and crude words in a reported state, with a neutral word; insults of a person have none.
_NEUTRAL = {
    "pissed off": "upset", "pissed": "angry", "crap": "poor", "crappy": "poor", "shit": "poor", "shitty": "poor",
    "sucks": "is poor", "sucked": "was poor", "screwed up": "made an error in", "bullshit": "(say what was disputed)",
    "damn": "(remove it)", "damned": "(remove it)", "hell": "(remove it)", "bloody": "(remove it)", "sodding": "(remove it)", "flipping": "(remove it)", "frigging": "(remove it)",
    "friggin": "(remove it)", "freaking": "(remove it)", "effing": "(remove it)", "bleeding": "(remove it)", "fucking": "(remove it)",
    "flaming": "(remove it)", "blooming": "(remove it)", "blinking": "(remove it)", "ruddy": "(remove it)", "blasted": "(remove it)",
    "wtf": "(remove it)", "ffs": "(remove it)", "shut up": "(say what was asked of whom)",
    "bitching": "complaining", "bitched": "complained", "bitches": "complains", "pissing": "(remove it)",
    "fucked": "(remove it)", "shitting": "(remove it)", "buggered": "broken",
    "arsed": "(say what went wrong)", "ballsed": "(say what went wrong)", "cocked up": "made an error in", "arsing": "(say what was done)",
}


def neutral_words(found: list[str]) -> str:
    """Neutral wording for the insults and oaths found: a replacement, or what to describe instead."""
    parts = [f"{word!r} → {_NEUTRAL[word]}" for word in found if word in _NEUTRAL]
    motives = [word for word in found if word not in _NEUTRAL and word.startswith(("to ", "off ", "just to "))]
    if motives:
        parts.append(f"{motives[0]!r} → (remove the motive; say what was done and why, e.g. 'booked a visit as she asked')")
    if len(parts) < len(found):
        parts.append("for a word about a person: describe what they said or did, e.g. 'raised his voice', 'parked in the bay twice'")
    return "; ".join(parts)


_CURRENCY = {"£": "GBP", "$": "USD", "€": "EUR", "¥": "JPY", "pound": "GBP", "pounds": "GBP", "dollar": "USD", "dollars": "USD",
             "bucks": "USD", "euro": "EUR", "euros": "EUR", "usd": "USD", "eur": "EUR", "gbp": "GBP", "cad": "CAD", "aud": "AUD",
             "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY", "₦": "NGN", "₱": "PHP", "₪": "ILS", "rupee": "INR", "rupees": "INR",
             "pence": "GBP", "quid": "GBP", **{code: code.upper() for code in "nzd chf jpy cny inr zar sek nok dkk pln mxn sgd hkd aed".split()}}
_KINDS = (("refund", "refund"), ("credit", "credit"), ("waiv", "waiver"), ("discount", "discount"), ("compensat", "compensation"),
          ("deposit", "deposit"), ("voucher", "voucher"), ("reimburs", "reimbursement"), ("deduct", "deduction"), ("withh", "deduction"),
          ("donat", "donation"), ("instal", "instalment"), ("take off", "discount"), ("took off", "discount"), ("written off", "write-off"),
          ("wrote off", "write-off"), ("paid", "payment"), ("took", "payment"), ("take ", "payment"),
          ("charg", "charge"), ("fee", "charge"), ("quot", "quote"), ("a month", "recurring charge"), ("per month", "recurring charge"),
          ("a week", "recurring charge"), ("a year", "recurring charge"), ("monthly", "recurring charge"), ("per year", "recurring charge"))
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def amount_entry(money: str, sentence: str) -> str:
    """An `amounts:` entry for a sum written in prose: '£50 a month' -> {kind: recurring charge, amount: 50, currency: GBP}."""
    number = _NUMBER.search(money)
    amount = number.group(0).replace(",", "") if number else "..."
    lowered = money.lower()
    currency = next((code for mark, code in _CURRENCY.items() if mark in lowered.split() or (len(mark) == 1 and mark in money)), "...")
    if currency == "...":
        word = re.sub(r"[\d.,\s-]", "", lowered)  # (also joined by a hyphen: "60-dollar")
        currency = _CURRENCY.get(word, "...")
    around = sentence.lower()
    kind = next((kind for key, kind in _KINDS if key in around), "quote")
    return f"{{kind: {kind}, amount: {amount}, currency: {currency}}}"
