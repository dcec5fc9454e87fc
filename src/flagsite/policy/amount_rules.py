"""P107: a sum of money written in a note is recorded as an amount."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..rules import Hit, rule
from .subject import Subject
from .suggest import amount_entry

_NUMBER_WORDS = (
    r"(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    r"ninety|hundred|a hundred|thousand|a thousand)(?:[\s-]+(?:and\s+)?)?)+"
)
# Currencies by their ISO codes and signs, as a class: "GBP 18", "40 CAD", "₹1,850".
_CURRENCY_CODES = r"(?:usd|eur|gbp|cad|aud|nzd|chf|jpy|cny|inr|zar|sek|nok|dkk|pln|mxn|sgd|hkd|aed)"
# Currencies by the names of their units, as a class, after a figure: "5,000 shillings", "300 rand", "40,000 naira"
# ("won", a past tense as often as a currency, is left out).
_CURRENCY_NAMES = (
    "shilling shillings rand naira peso pesos yen yuan renminbi franc francs krona kronor krone kroner dirham dirhams riyal riyals "
    "ringgit baht zloty zlotys lira lire cedi cedis kwacha taka rupiah dinar dinars dong"
).split()
_CURRENCY_NAME = "|".join(_CURRENCY_NAMES)
_MONEY = re.compile(
    rf"(?:(?:[$€£¥₹₩₽₺₦₱₪]|\brs\.?(?=\s?\d)|\b(?=[a-z]{{3}}\s\d){_CURRENCY_CODES}\s)\s?\d[\d,]*(?:\.\d+)?|"  # (a code is looked for only before a figure)
    rf"\b\d[\d,]*(?:\.\d+)?\s?(?:{_CURRENCY_CODES}|dollars?|euros?|pounds?|bucks|quid|rupees?|pence|cents?|{_CURRENCY_NAME})\b|\b\d{{1,3}}p\b|"
    # (joined by a hyphen: "the 60-dollar cab", "a 20-pound note"; not "a 20-pound bag", a weight)
    r"\b\d[\d,]*-(?:dollars?|euros?|bucks?|rupees?)\b|\b\d[\d,]*-pound(?=\s+(?:notes?|coins?)\b))",
    re.IGNORECASE,
)
# A sum with no currency, where only money can be meant: the object of a verb that moves money
# ("charged her card 42.50", "quoted her 240", "Quoted 3,200 for the coating", "she paid 85 by card"),
# what a thing was priced at ("Priced at 180 fitted"), the figure of a price, a fee or a deposit ("a
# deposit of 60", "the term costs 96", "refunded the 80 deposit"), or a figure coming back to the
# customer ("she'll see the 62.00 back on her card"). Not a count ("took 3 of the leaflets", "paid 3
# invoices", "quoted 3 weeks", "charged her phone for 20 minutes").
_MONEY_VERBS_WITHOUT_CURRENCY = re.compile(
    "refund|credit|charg|reimburs|waiv|quot|invoic|paid|cost|fee|deposit|price|payment|excess|premium|back|off |balance|total|taken|took|collect|receiv"
    "|call-?out"  # (every noun of money opens the search: "the 80 call-out" holds no other word of money)
)
# More words of money, looked up among a text's words (quicker than more of the pattern above).
_MORE_MONEY_WORDS = frozenset(
    """compensation compensated discount discounted rebate surcharge fine penalty goodwill voucher estimate invoice bill allowance top-up
    write-off reduced lowered knocked shaved docked off owes owed owe owing gift debited billed returned reversed processed issued
    visa mastercard amex maestro paypal wallet tab folio instalment instalments installment installments repayment repayments donation
    donations contribution contributions recharge recharges rent fare levy retainer settlement payout pay-out grant loan cheque""".split()
)
# Nouns of money, as a class: a figure of one ("a deposit of 60", "compensation of 50") or before one ("a 10 voucher") is money.
# A paper that names a sum ("invoice", "quote") takes a number of its own too: its figure is money only after "of", "is"... .
_SUM_NOUNS = (
    r"(?:costs?|fee|deposit|charge|price|payment|excess|premium|refund|credit|balance|total|compensation|discount|rebate|surcharge|tax|difference"
    r"|fine|penalty|goodwill|gift card|top-up|write-off|allowance|reimbursement|call-out|callout|chargeback"
    # (what is paid in parts or given, and what is paid for a home or a journey: "instalments of 640 each", "the recharge of 240")
    r"|instal{1,2}ments?|repayments?|donations?|contributions?|recharges?|rent|fare|levy|retainer"
    # (what settles a claim or is paid out, and the papers that carry a sum: "a settlement of 300", "a cheque for 45")
    r"|settlement|pay-?out|(?:over|under)payment|fees|charges|grant|loan|cheque|credit note)"
)
_PAPER_NOUNS = r"(?:voucher|quote|estimate|invoice|bill|tab|folio)"
_MONEY_NOUNS = rf"(?:{_SUM_NOUNS}|{_PAPER_NOUNS})"
# What money is owed on or taken off: "her bill was reduced by 18.40", "reduced the invoice to 240".
_WHAT_THEY_PAY = r"(?:price|bill|balance|invoice|total|cost|fee|quote|hire|rent|fare|charge|account|renewal|subscription|premium)"
# How money is handed over: "by card", "on card", "in cash", "by bank transfer", "over the phone", "via PayPal".
_BY_A_MEANS_OF_PAYMENT = (
    r"(?:by|on|in|via|over|through|with)\s+(?:(?:the|his|her|their|a)\s+)?(?:[\w-]+\s+)?"
    r"(?:card|cash|cheque|check|transfer|bacs|paypal|contactless|eftpos|upi|venmo|zelle|phone|telephone|terminal|pay|debit)\b"
)
# Where a sum is kept or paid from, as a class: a card by its scheme's name ("on his Visa", "back to the Amex"), a
# wallet, a tab, a hotel's folio, an account or a bill ("took 26 off her tab", "took the 22 off his folio").
_WHERE_MONEY_IS = (
    r"(?:card|visa|mastercard|amex|maestro|discover|paypal|wallet|tab|folio|account|bill|invoice|statement)"
)
_A_PLACE_OF_MONEY = rf"(?:(?:his|her|their|the|its)\s+)?(?:[\w-]+\s+)?{_WHERE_MONEY_IS}\b"

# Units a figure counts: "the 2 night deposit" is two nights, "a 10 percent discount" no sum, "the 3 March call-out" a date.
_UNITS = (
    r"(?!(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|nights?|times?|items?|tickets?|sessions?|visits?|lessons?|people|guests"
    r"|pages?|rooms?|beds?|bedrooms?|seats?|person|stars?|courses?|percent|per cent|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\b)"
)
# What may follow a sum's figure: not a count of things, a unit, a date or its own currency code.
_A_FIGURE_ENDS = (
    r"(?![.,]?\d)(?!\s+(?!(?:was|is|has|plus|less|as|this|thus|includes|towards)\b)[a-z]+s\b)"  # "the cost of 3 repairs": a count of things
    rf"(?!\s*{_CURRENCY_CODES}\b)"  # a sum with its code is _MONEY's to read ("12.40 GBP higher")
    r"(?!\s*(?:%|per ?cent|x\b|(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|nights?|times?|items?|tickets?|sessions?|visits?|"
    r"lessons?|people|guests)\b|(?:mg|ml|kg|g|m|cm|mm|km|lbs?|oz|kwh|kw|mph|litres?|liters?|metres?|meters?|miles?|gb|mb|tb)\b|"  # ("120 monthly" is money, "50 ml" not)
    r"of\b|am\b|pm\b|th\b|st\b|nd\b|rd\b|-|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b))"  # "her refund of 30 September"
)
# A single figure before a noun of money and a plural counts papers or requests: "the 2 fee schedules", "her 3 refund requests".
_NOT_A_COUNT_OF_PAPERS = rf"(?!\d\s+(?:[a-z][\w-]*\s+)?{_MONEY_NOUNS}\s+[a-z]+s\b)"
# Not a year: "paid in 2025", "her 2024 deposit".
_NOT_A_YEAR = r"(?!(?:19|20)\d\d\b)"
# A figure that is a sum on its own: in pounds and pence, or of two digits or more (not "the 2", "3 a week").
_A_WHOLE_SUM = r"\d[\d,]*\.\d\d|\d[\d,]+"
# A period a sum is paid by: "a month", "per night", "monthly", "pcm".
_PER_PERIOD = r"(?:(?:a|per|each|every)\s+(?:day|night|week|fortnight|month|quarter|year|annum|term)|monthly|weekly|fortnightly|quarterly|annually|yearly|pcm)\b"
_SUM_WITHOUT_CURRENCY = re.compile(
    r"\b(?:(?:refunded|credited|charged|reimbursed|waived|quoted|paid|debited|billed)\s+(?:(?:him|her|them|the customer)\s+|(?:(?:his|her|their|the)\s+)?card\s+)?"
    r"(?P<sum>\d[\d,]*(?:\.\d\d)?)|"
    # A figure in pounds and pence sent back or put through, whatever the verb: "Returned 19.99 to her PayPal".
    r"(?:returned|reversed|processed|issued|sent back|put through)\s+(?P<sum17>\d[\d,]*\.\d\d)|"
    # What is left to pay, paid: "paid the remaining 340", "paid the last 75 over the phone" (not "the last 3 invoices", below).
    r"paid\s+the\s+(?:remaining|outstanding|last|final|full|rest of the|balance of)\s+(?P<sum11>\d[\d,]*(?:\.\d\d)?)|"
    # A figure taken, collected or received by a means of payment, whatever it was for: "Collected 129 on card at
    # the door", "took the 35 for the pipe by card", "Took the 95 night fee in cash"; not "took the 35 bus".
    # (what it was for between, joined or owned: "took the pro-rata 112.50", "Took the first week's 16.80 by card")
    r"(?:took|taken|collected|received)\s+(?:the\s+(?:[a-z][\w'’-]*\s+){0,2})?(?P<sum10>\d[\d,]*(?:\.\d\d)?)"
    # (or the means as a noun after it: "Took 95 cash on site")
    rf"\s+(?:(?:[a-z][\w-]*\s+){{0,2}}?{_MONEY_NOUNS}\s+)?(?:for\s+[^.;,]{{1,30}}?\s+)?(?:{_BY_A_MEANS_OF_PAYMENT}|cash\b)|"
    # What was priced, charged, billed or invoiced at a figure, whatever is named between: "Billed the night call-out at 145".
    r"(?:priced|charged|billed|invoiced)\s+(?:(?:it|them|this|that|the|his|her|their)\b[^.;,!?]{0,40}?\s+)?at\s+(?P<sum4>\d[\d,]*(?:\.\d\d)?)|"
    # The figure of a noun of money, a word or two of what it is for between: "the 12 booking fee", "the 7.95 delivery
    # charge" (not "the 2 night deposit": a count of a unit).
    rf"(?:the|a|an)\s+(?!(?:19|20)\d\d\s){_NOT_A_COUNT_OF_PAPERS}(?P<sum5>\d[\d,]*(?:\.\d\d)?)\s+{_UNITS}(?!{_CURRENCY_CODES}\b)(?:[a-z][\w-]*\s+){{0,2}}?{_MONEY_NOUNS}\b"
    r"(?:\s+[a-z]+s\b)?|"  # (its verb in -s, not a count after it: "the 42.60 difference comes off December's statement")
    # A figure standing for a sum, as what a verb of money moves, in any tense: "Refunded the 7.95 delivery charge",
    # "will refund the 45 to her card", "Credited the 20 to her account"; the figure is the sum itself, or stands
    # before a noun of money (not "refunded the 2 locker bookings": a count of things).
    r"\b(?:refund|credit|reimburse|waive|debit)(?:s|ed|d|ing)?\s+(?:(?:him|her|them|the customer)\s+)?(?:the|a|his|her|their)\s+"
    rf"(?P<sum18>\d[\d,]*(?:\.\d\d)?)(?=\s*(?:[.,;:!?)]|$)|\s+(?:to|back|onto|on|into|off|for|from|by|in|via|over|through|and|as|plus|today|now)\b"
    rf"|\s+(?:[a-z][\w-]*\s+){{0,2}}?{_MONEY_NOUNS}\b)|"
    # A figure in pounds and pence after a verb that moves only money, whatever it paid for: "Waived the 3.95 postage",
    # "Knocked the 9.80 carriage off her order"; after "refunded", not one that may be a time: "refunded the 19.30 showing".
    r"\b(?:waive|credit|reimburse|debit|knock)(?:s|ed|d|ing)?\s+(?:(?:him|her|them|the customer)\s+)?(?:the|a|his|her|their)\s+"
    r"(?P<sum21>\d[\d,]*\.\d\d)|"
    r"\brefund(?:s|ed|ing)?\s+(?:(?:him|her|them|the customer)\s+)?(?:the|a|his|her|their)\s+"
    r"(?P<sum22>(?!(?:[01]?\d|2[0-3])\.[0-5]\d\b)\d[\d,]*\.\d\d)|"
    # What was left over or paid twice, sent back: "Refunded the unused 30 to her Visa", "Returned the extra 25 by bank
    # transfer", "Paid back the missing 40 in cash" (not "Returned the unused 3 tickets": a count of things).
    r"\b(?:refunded|credited|returned|reimbursed|paid\s+back|gave\s+back|handed\s+back)\s+(?:(?:him|her|them)\s+)?the\s+"
    r"(?:unused|remaining|outstanding|extra|missing|overpaid|surplus|duplicate|spare)\s+(?P<sum20>\d[\d,]*(?:\.\d\d)?)|"
    # A figure taken off, put on or moved to where money is kept or paid from: "Took 120 on his Visa", "took the 22 for
    # the car park off his folio", "Put 185 on her Amex" (not "took the 7 names off the class list").
    # (the verb's particle may come first: "I take off the 18.50 from the final bill", "Put back the 75 onto her card")
    r"\b(?:took|taken|take|takes|taking|put|puts|putting|knocked|collected|received|returned|moved)\s+(?:(?:off|back)\s+)?(?:the\s+)?(?P<sum19>\d[\d,]*(?:\.\d\d)?)"
    rf"\s+(?:for\s+[^.;,]{{1,30}}?\s+)?(?:back\s+)?(?:on|onto|off|to|into|from)\s+{_A_PLACE_OF_MONEY}|"
    # A money noun for a figure, the figure closing the phrase: "a credit for 12.50 against her account" (not "a quote for 1 door").
    rf"{_MONEY_NOUNS}\s+for\s+(?P<sum13>\d[\d,]*(?:\.\d\d)?)(?=\s*(?:[.,;:!?)]|$)|\s+(?:against|to|on|onto|by|and|in|including|inc|plus|off|back|from)\b)|"
    r"(?P<sum6>\d[\d,]*\.\d\d)\s+back\s+(?:on|onto|to|into|in)\s+(?:his|her|their|the)\b|"
    # A whole figure too, when where it goes back is their card or account: "the 12 goes back to her account".
    r"(?P<sum9>\d[\d,]*(?:\.\d\d)?)\s+(?:(?:goes|go|went|is going|will go|will be|should be|is|are)\s+)?back\s+(?:on|onto|to|into|in)\s+"
    rf"(?:(?:his|her|their)\s+(?:[\w-]+\s+)?bank\b|{_A_PLACE_OF_MONEY})|"
    # A sum taken off what they pay, whatever the verb: "knocked 60 off his hammer price", "shaved 15 off the invoice".
    r"(?P<sum7>\d[\d,]*(?:\.\d\d)?)\s+off\s+(?:his|her|their|the|its)\s+(?:[\w-]+\s+){0,2}?"
    rf"{_WHAT_THEY_PAY}\b|"
    # A figure in pounds and pence before its verb, as terse notes put it: "12.80 paid at desk", "45.00 refunded to her card".
    r"(?P<sum8>\d[\d,]*\.\d\d)\s+(?:(?:was|were|has been|have been)\s+)?(?:paid|refunded|credited|charged|taken|waived|reimbursed)\b|"
    r"(?:refunded|credited|charged|reimbursed|quoted)\s+(?:him|her|them|(?:his|her|their) card)\s+(?P<sum2>\d[\d,]*)|"
    rf"(?:{_SUM_NOUNS}\s+(?:of|is|was|came to|comes to|stays at|remains at|is now)?|{_PAPER_NOUNS}\s+(?:of|is|was|came to|comes to|stays at|remains at|is now))\s*"
    # (about so much: "the estimate is around 1,800", "The quote is approx 950")
    r"(?:(?<=\s)(?:about|around|approx\.?|approximately|roughly|circa)\s+)?"
    r"(?!(?:19|20)\d\d(?![\d.,]))(?P<sum3>\d[\d,]*(?:\.\d\d)?))\b"  # (not a year: "the fee 2026 schedule")
    + _A_FIGURE_ENDS,
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
_MONEY_IN_WORDS = re.compile(rf"\b{_NUMBER_WORDS}\s?(?:dollars?|euros?|pounds?|bucks|quid|{_CURRENCY_NAME})\b|\ba (?:tenner|fiver)\b", re.IGNORECASE)
_MONEY_WORDS = frozenset("dollar dollars euro euros pound pounds bucks quid tenner fiver".split() + _CURRENCY_NAMES)


# An amount after one of these is a condition or a limit, not a sum given, taken or quoted ("free
# delivery on orders over 50 GBP"); or a price explained: its change ("rose from 4.99 to 5.99 EUR",
# "went up by 3 GBP") or a product named by it ("the 5 GBP a month standby plan").
_NOT_A_SUM_BEFORE = re.compile(
    r"(?:\b(?:over|under|above|below|exceeding|more than|less than|up to|at least|at most|minimum(?: of)?|maximum(?: of)?|"
    # A bound of the account, not a sum that moved: "the limit is £500", "the spending cap stays at $300".
    r"(?:limit|threshold|cap|ceiling)(?:\s+(?:of|is|was|at|stays at|remains|set at|of up to))?|beyond|within|from|by|"
    # (an allowance said to be a sum is a bound too: "the ISA allowance is £20,000 a year"; not "an allowance of £20 towards")
    r"allowance\s+(?:is|was|stays at|remains|of up to))|\bfrom\s+\S+(?:\s+\S+)?\s+to)\s*$"
)
_USED_OF_A_BOUND = re.compile(r"\bused(?:\s+up)?\s*$")
_NOT_A_SUM_AFTER = re.compile(r"^\s*(?:higher|lower|more|less|cheaper|dearer|up|down)\b")
# After a verb of paying, "down" is no change of a price but a deposit: "she paid 40 down", "put £25 down".
# Read on the text up to the end of the sum, which may hold its verb ("paid 40") or not ("put £25").
_PAID_DOWN = re.compile(r"\b(?:paid|pays?|paying|put|puts|putting|left|leaves?|leaving)\s+(?:\S+\s?){1,2}$", re.IGNORECASE)
# Words of money given, taken or quoted, around the forms of "pay" (which each pattern reads its own way).
_MONEY_WORDS_BEFORE_PAY = r"refund\w*|waiv\w*|credit\w*|(?:re|sur)?charg\w*|paid"
# A cost we bear, said with a verb of taking it on: "we'll cover the £18 taxi fare", "agreed we foot the $25 ticket".
_WE_BEAR = r"(?:we|i|'d|'ll|will|would|to)\s+(?:cover|absorb|foot|pick up)"
_MONEY_WORDS_AFTER_PAY = rf"took|taken|quot\w*|estimat\w*|compensat\w*|discount\w*|reimburs\w*|deposit\w*|lent|lends?|lending|loaned|{_WE_BEAR}"
# A sum taken off what they pay: "knocked thirty quid off the hire", "comes off December's statement".
_OFF_WHAT_THEY_PAY = r"off (?:his|her|their|the|its|next|this|[a-z]+['’]s)"
_MONEY_ACTION = re.compile(
    rf"\b(?:{_MONEY_WORDS_BEFORE_PAY}|pay|{_MONEY_WORDS_AFTER_PAY}|cost\w*|"
    # (a fee taken away is money given back: "The fee of 45.00 has been removed", "Cancelled the 30.00 late fee")
    r"price\w*|owes?|due|revers\w*|removed|cancell?ed|written off|wrote off|(?:in|by|on) (?:cash|card|cheque|check|bank transfer)|"
    # (a sum taken away or given: "the €150 excess ... were deducted", "traced the donation of 60")
    r"deduct\w*|withh[eo]ld\w*|subtract\w*|donat\w*|"
    rf"back (?:on|onto|to|into) (?:his|her|their|the) (?:[\w-]+ )?{_WHERE_MONEY_IS}|"  # "put the £20 back on her card", "back onto the Visa"
    rf"{_OFF_WHAT_THEY_PAY})\b",
    re.IGNORECASE,
)
_BALANCE = re.compile(r"\b(?:balance|outstanding|owing|owed|arrears)\b", re.IGNORECASE)
# A balance is a sum of the note when something is done with it: moved, or an arrangement made
# for it ("agreed the balance of £2,830 can wait until probate", "split the balance into three"),
# or when we owe it to the customer ("she is owed $75 back", "we owe him £12").
_MONEY_MOVED = re.compile(
    rf"\b(?:{_MONEY_WORDS_BEFORE_PAY}|pay\w*|{_MONEY_WORDS_AFTER_PAY}|"
    r"collect\w*|receiv\w*|agreed|arranged|defer\w*|postpon\w*|wait|hold|extended|instal\w*|split|settle\w*|writ\w* off|cleared|spread|"
    rf"(?:is|are|was|were|being) owed|owed\b[^.;]{{0,20}}\bback|we owe|owe (?:him|her|them)|{_OFF_WHAT_THEY_PAY})\b",
    re.IGNORECASE,
)
_PRODUCT_AFTER = re.compile(r"^[\w\s-]{0,20}\b(?:plan|tariff|option|bundle|package|tier|subscription|membership)\b")
def _sentence_around(text: str, found: re.Match[str]) -> str:
    start = max(text.rfind(mark, 0, found.start()) for mark in ".;\n")
    ends = [i for i in (text.find(mark, found.end()) for mark in (". ", ";", "\n")) if i >= 0]
    return text[start + 1 : min(ends) if ends else len(text)]


_CENTS_OR_PENCE = re.compile(r"(?:cents?|\dp)$", re.IGNORECASE)


# A lone 2 or 4 before a determiner or a person is a word typed short ("4 the outage", "talk 2 her"), not a figure.
_TYPED_FOR_A_WORD = re.compile(r"(?<![\d.,])[24]$")
_BEFORE_A_NOUN_OR_PERSON = re.compile(r"\s+(?:the|a|an|her|him|them|me|you|us|my|his|their|it)\b")


def _a_sum(text: str, money: re.Match[str]) -> bool:
    """Whether an amount is a sum given, taken or quoted, rather than a limit or a price explained."""
    if _CENTS_OR_PENCE.search(money.group(0)) and not _money_moves(text, money):
        return False  # cents and pence are other things' units too: "had gone about 8 cents sharp" (a tuning)
    before = text[max(0, money.start() - 30) : money.start()].lower()
    after = text[money.end() :].lower()
    if _TYPED_FOR_A_WORD.search(money.group(0)) and _BEFORE_A_NOUN_OR_PERSON.match(after):
        return False  # "wants refund 4 the outage": "4" typed for "for", as text-speak has it
    if before.endswith(("the ", "a ")) and _PRODUCT_AFTER.match(after):
        return False  # "the 5 GBP a month standby plan" names a product by its price
    if before.endswith("the ") and not _MONEY_ACTION.search(_sentence_around(text, money)):
        return False  # "a review of the 200.00 USD fee": a sum named, nothing given or taken
    sentence = _sentence_around(text, money)
    if _BALANCE.search(sentence) and not _MONEY_MOVED.search(sentence):
        return False  # "gave the balance of INV-2031, 120.00 USD": what the account already shows
    if before.rfind("(") > before.rfind(")") and after.lstrip().startswith(")"):
        return False  # "(hamper, large, 149.00 USD)": an item's price, in passing
    if _USED_OF_A_BOUND.search(before) and after.startswith(" of "):
        return False  # "she has used £14,000 of it": a part of an allowance or a limit, read out
    if _NOT_A_SUM_AFTER.match(after) and not (after.lstrip().startswith("down") and _PAID_DOWN.search(text, 0, money.end())):
        return False
    if before.endswith(("by ", "by")) and _MADE_LESS_BY.search(text, max(0, money.start() - 80), money.start()):
        return True  # what they pay made less by a sum: "reducing this year's renewal by €60" (not "went up by £3")
    return not _NOT_A_SUM_BEFORE.search(before)


# What they pay made less by a sum, in the clause before "by": a discount given, not a price explained.
_MADE_LESS_BY = re.compile(r"\b(?:reduc|lower|discount|cut|knock|shav|dock)\w*\b[^.;]*\bby\s*$", re.IGNORECASE)


_MONEY_IN_LOWER_CASE = re.compile(_MONEY.pattern)
# Every sum _MONEY finds in lower-case text holds a sign, or a code or a word of it as a whole run of
# letters: a text without any is not searched (the pattern is slow to search). Keep in step with _MONEY.
_CURRENCY_MARKS = frozenset(
    """usd eur gbp cad aud nzd chf jpy cny inr zar sek nok dkk pln mxn sgd hkd aed dollar dollars euro euros pound pounds bucks quid
    rupee rupees pence cent cents rs p $ € £ ¥ ₹ ₩ ₽ ₺ ₦ ₱ ₪""".split()
    + _CURRENCY_NAMES
)
_LETTERS_OR_SIGN = re.compile(r"[a-z]+|[$€£¥₹₩₽₺₦₱₪]")
_SUM_WITHOUT_CURRENCY_IN_LOWER_CASE = re.compile(_SUM_WITHOUT_CURRENCY.pattern)
# Sums read by the words around them, each looked for only in a text holding one of its words (most texts hold none).
_SUMS_BY_THEIR_WORDS = tuple(
    (frozenset(words.split()), re.compile(rf"\b(?:{pattern})\b{_A_FIGURE_ENDS}", re.IGNORECASE), re.compile(rf"\b(?:{pattern})\b{_A_FIGURE_ENDS}"))
    for words, pattern in (
        # A figure per period, after a word that prices it: "at 24.99 a month", "pays 120 monthly", "is 45 per year", "at 95
        # a night" (not a dose or a count: "it is 2 a day with food", "3 a week"; after "is" not a day or a night).
        (
            "day night week fortnight month quarter year annum term monthly weekly fortnightly quarterly annually yearly pcm",
            rf"(?:at|pays?|paying|paid|costs?|costing|quoted|charged?|charging|billed)\s+(?P<sum>{_A_WHOLE_SUM})(?=\s+{_PER_PERIOD})|"
            rf"(?:is|was|be|it['’]s)\s+(?P<sum2>{_A_WHOLE_SUM})(?=\s+(?!(?:a|per|each|every)\s+(?:day|night)\b){_PER_PERIOD})|"
            # (or off what they pay, whatever comes before: "Offered 15 a week off the rent"; not "2 a day off the higher dose")
            rf"(?P<sum3>{_A_WHOLE_SUM})(?=\s+{_PER_PERIOD}\s+{_OFF_WHAT_THEY_PAY}\s+(?:[\w-]+\s+){{0,2}}?{_WHAT_THEY_PAY}\b)",
        ),
        # A figure before who paid it or was charged it: "the 42.75 she paid in", "the 64 he was charged" (not "the 2 she
        # paid for").
        (
            "paid charged billed refunded owed overpaid",
            r"the\s+(?P<sum>\d[\d,]*(?:\.\d\d)?)(?=\s+(?:he|she|they|we|i|you|the customer)(?:['’](?:d|s|ve))?\s+"
            r"(?:(?:had|has|have|was|were|had been|has been|have been|been)\s+)?(?:paid\b(?!\s+for\b)|charged|billed|refunded|owed|overpaid))",
        ),
        # A figure after a verb and its particle: "I take off the 18.50", "Put back the 75 onto her card", "Paid in 200 over
        # the counter", "wrote off the 45" (not "Took off the 2 roof bars", "paid in 2025").
        (
            "off back paid pay pays paying",
            r"(?:(?:paid|pays?|paying)\s+(?:in|out|back)|(?:wr[io]te|written|writes?|writing)\s+off|"
            r"(?:hand(?:ed|s|ing)?|gave|gives?|giving|put|puts|putting)\s+back|(?:t[ao]ok|takes?|taken|taking|knock(?:ed|s|ing)?|shav(?:ed|es|ing))\s+off)"
            rf"\s+(?:the\s+)?{_NOT_A_YEAR}(?P<sum>{_A_WHOLE_SUM})",
        ),
        # A figure and what its price covers: "380 plus VAT", "120 + VAT", "95 parts and labour", "2,450 fitted", "1,150 all
        # in" (not "VAT at 20%", "3 fitted today", "the Vaillant 4000 fitted": a figure fitted is money with its thousands or pence).
        (
            "vat labour labor fitted installed inclusive all",
            r"(?P<sum>\d[\d,]*(?:\.\d\d)?)(?=\s*(?:\+|plus|inc\.?|incl\.?|including|ex\.?|excl\.?|excluding|exclusive of|inclusive of|no)\s*vat\b)|"
            r"(?P<sum2>\d[\d,]*(?:\.\d\d)?)\s+(?:for\s+|in\s+|inc\.?\s+|including\s+)?parts\s+(?:and|&)\s+labou?r|"
            r"(?P<sum3>\d{1,3}(?:,\d{3})+(?:\.\d\d)?|\d+\.\d\d)(?=\s+(?:supplied\s+and\s+fitted|fitted|installed|all[\s-]in|all\s+inclusive|inclusive)\b)",
        ),
        # A sum taken away: "35 was withheld for the uniform", "12.50 has been deducted" (its figure two digits or in pence).
        (
            "deducted withheld subtracted docked",
            rf"(?P<sum>{_A_WHOLE_SUM})(?=\s+(?:was|were|has been|have been|had been|is being|will be)\s+(?:deducted|withheld|subtracted|docked)\b)",
        ),
        # A figure taken for what it paid for: "take the 95 for today's service", "Collected the 60 for the evening call-out"
        # (not "Took the 3 for the window box").
        (
            "took take takes taken taking collected collect collects collecting charged charge charges charging",
            r"(?:t[ao]ok|takes?|taken|taking|collect(?:ed|s|ing)?|charg(?:ed|es|ing))\s+the\s+"
            rf"(?P<sum>{_A_WHOLE_SUM})(?=\s+for\s+(?:the|this|that|his|her|their|its|today['’]s|tonight['’]s|[a-z]+['’]s)\b)",
        ),
        # A figure sent, given, paid, lent or topped up, with how or where it went: "Gave him 20 back in cash", "Transferred
        # 250 to her by BACS", "we pay 40 towards the taxi fare", "Topped up 20 on her phone", "donated 50 to the appeal"
        # (not "Gave him 2 back", "Transferred 3 of her calls", "Topped up 20 GB").
        (
            "gave give gives giving sent send sends sending transferred transfer transfers transferring wired paid pay pays paying lent lend "
            "loaned advanced topped donated donate donates donating",
            r"(?:gave|give[sn]?|giving|sent|sends?|sending|transferr(?:ed|ing)|transfers?|wired|paid|pays?|paying|lent|lends?|loaned|advanced)"
            rf"\s+(?:(?:him|her|them|us|me|the customer)\s+)?(?:the\s+)?{_NOT_A_YEAR}"
            rf"(?P<sum>{_A_WHOLE_SUM})(?=\s+(?:back\b|towards?\b|{_BY_A_MEANS_OF_PAYMENT}|(?:to|into|onto|on)\s+{_A_PLACE_OF_MONEY}"
            rf"|(?:to|into)\s+(?:his|her|their)\s+bank\b|to\s+(?:him|her|them)\s+{_BY_A_MEANS_OF_PAYMENT}))|"
            rf"topped\s+up\s+(?P<sum2>{_A_WHOLE_SUM})|donat(?:ed|es?|ing)\s+(?P<sum3>{_A_WHOLE_SUM})",
        ),
        # What something cost someone: "It cost her 95 to get it fixed", "cost them 180 in new tickets" (not "cost him 2 days").
        ("cost costs costing", r"cost(?:s|ing)?\s+(?:him|her|them|us|me|the customer)\s+(?P<sum>\d[\d,]*(?:\.\d\d)?)"),
        # What something came to or works out at: "The repair came to 180 with parts", "work out at 405" (not "The group came
        # to 12", "Attendance came to 85", "the driver came to 14 Elm Street").
        (
            "came come comes work works worked totalled totaled totals",
            r"(?<!group )(?<!party )(?<!number )(?<!numbers )(?<!attendance )(?<!turnout )(?<!people )(?<!guests )(?:came|comes|come)\s+to\s+"
            rf"(?P<sum>{_A_WHOLE_SUM})(?=\s*(?:[.,;:!?)]|$)|\s+(?:with|including|inc|incl|in total|altogether|all in|for|after|once|and|plus|but)\b)|"
            rf"(?:works?|worked)\s+out\s+at\s+(?P<sum2>{_A_WHOLE_SUM})|(?:totall?ed|totals)\s+(?P<sum3>{_A_WHOLE_SUM})",
        ),
        # A word of money, then its figure after a comma, a colon or a bracket, as terse notes put it: "Cash refund given,
        # 20.", "Paid: 85 (card).", "fee waived (25)", "Price quoted: 1,240 inc. posts" (not "Invoice ref: 4471", "Refund
        # requested for the contents, 3 parcels", "Payment due: 14 March").
        (
            "refund refunded paid charged quoted waived credited taken owed given issued deducted fee fees price cost costs deposit "
            "charge charges payment excess premium total discount compensation credit surcharge settlement",
            rf"(?:{_SUM_NOUNS}|refunded|paid|charged|quoted|waived|credited|taken|owed|given|issued|deducted)\b"
            rf"(?:\s+(?!ref\b|no\b|number\b|reference\b)[a-z]+){{0,2}}?\s*(?:[:,=(]|\s[-–]\s)\s*{_NOT_A_YEAR}"
            rf"(?P<sum>{_A_WHOLE_SUM})(?=\s*(?:[.,;!?)(]|$)|\s+(?:to|by|on|in|via|back|each|inc|incl|including|plus|and|for)\b)",
        ),
        # A price times a count, after a word of money: "Card charged twice, 2 x 18.99", "paid 2 x 30" (not "2 x 10 ml").
        (
            "x",
            r"(?:paid|pay\w*|charg\w*|cost\w*|refund\w*|price\w*|quot\w*|fees?|bill\w*|invoic\w*|total)\b[^.;]{0,40}?\b\d+\s?x\s?"
            rf"(?P<sum>{_A_WHOLE_SUM})",
        ),
        # A figure straight before a noun of money, after a possessive or alone where the noun closes the phrase: "Returned
        # her 150 deposit", "Put 25 credit on his account", "Offered 20 compensation, which he accepted" (not "Logged 3 refund
        # requests", "her 2 night deposit"; a noun in -s after a figure alone is a count: "3 charges").
        (
            "cost deposit charge price payment excess premium refund credit compensation discount rebate surcharge tax fine penalty "
            "goodwill allowance reimbursement instalment installment repayment donation contribution recharge settlement payout grant loan",
            rf"(?:his|her|their|its|our|your)\s+{_NOT_A_YEAR}{_NOT_A_COUNT_OF_PAPERS}(?P<sum>\d[\d,]*(?:\.\d\d)?)(?=\s+{_UNITS}(?:[a-z][\w-]*\s+)?{_SUM_NOUNS}\b)|"
            # (alone, as what a verb gives or takes: not "the band 3 charge on her bill")
            r"(?:put|puts|gave|give|gives|offered|offer|applied|apply|added|add|issued|issue|paid|pay|refunded|credited|returned|allowed|"
            r"agreed|took|taken|waived|owed|owes|sent|given|granted|awarded|approved)\s+(?:(?:him|her|them)\s+)?"
            rf"(?P<sum2>\d[\d,]*(?:\.\d\d)?)\s+{_SUM_NOUNS}(?<![^s]s)(?=\s*(?:[.,;:!?)]|$)|\s+(?:on|onto|to|into|for|in|by|which|"
            r"was|is|as|off|back|and|from|against|towards?)\b)",
        ),
        # What a thing is worth or valued at: "a voucher worth 25", "valued at 340" (not "worth 2 points").
        ("worth valued value", r"(?:worth|valued\s+at|(?:to\s+)?the\s+value\s+of)\s+(?:(?:about|around|approx\.?|roughly)\s+)?(?P<sum>\d[\d,]*(?:\.\d\d)?)"),
        # A sum over or on top: "for an extra 35 a night", "a further 60 for the deep clean", "overcharged by 12", "out of
        # pocket by 28" (not "an extra 2 nights", "another 10 are waiting").
        (
            "extra further another overcharged undercharged pocket",
            rf"(?:an\s+extra|a\s+further|another)\s+(?P<sum>{_A_WHOLE_SUM})(?=\s*(?:[.,;!?)]|$)|\s+(?:a|per|each|on|to|for|off|in|by|and|which|was|"
            r"is|plus|towards?)\b)|(?:over|under)charged\s+(?:(?:him|her|them)\s+)?(?:by\s+)?(?P<sum2>\d[\d,]*(?:\.\d\d)?)|"
            r"out\s+of\s+pocket\s+(?:by\s+)?(?P<sum3>\d[\d,]*(?:\.\d\d)?)",
        ),
        # A collection or a hire of a figure: "the first collection of 15", "hire of 350" (not "the collection of 4 bags").
        ("collection collections hire", r"(?:collections?|hire)\s+of\s+(?P<sum>\d[\d,]*(?:\.\d\d)?)"),
    )
)
_WORDS_OF_SUMS = frozenset().union(*(words for words, _, _ in _SUMS_BY_THEIR_WORDS))
# What is done to what they pay, by a figure, looked for only where one of _DONE_TO_WHAT_THEY_PAY_WORDS is (most texts hold none).
_SUM_DONE_TO_WHAT_THEY_PAY = re.compile(
    r"\b(?:"
    # What they pay, made less by a figure or to one: "her bill was reduced by 18.40", "reduced the invoice to 240".
    rf"{_WHAT_THEY_PAY}\s+(?:(?:was|were|is|has been|had been)\s+)?(?:reduced|lowered|discounted|cut|dropped)\s+(?:by|to)\s+(?P<sum12>\d[\d,]*(?:\.\d\d)?)|"
    rf"(?:reduced|lowered|discounted|cut)\s+(?:(?:his|her|their|the)\s+)?{_WHAT_THEY_PAY}\s+(?:by|to)\s+(?P<sum14>\d[\d,]*(?:\.\d\d)?)|"
    # A figure given off, however said: "Knocked 25 off", "Gave her 15 off the next visit".
    r"(?:knocked|shaved|docked|(?:gave|give|giving)\s+(?:him|her|them))\s+(?P<sum15>\d[\d,]*(?:\.\d\d)?)\s+off\b|"
    # What they owe: "he owes 120 for the parts".
    r"(?:owes|owed|owe|owing)\s+(?:us\s+|me\s+)?(?P<sum16>\d[\d,]*(?:\.\d\d)?)"
    r")\b"
    + _A_FIGURE_ENDS,
    re.IGNORECASE,
)
_SUM_DONE_TO_WHAT_THEY_PAY_IN_LOWER_CASE = re.compile(_SUM_DONE_TO_WHAT_THEY_PAY.pattern)
_DONE_TO_WHAT_THEY_PAY_WORDS = frozenset("reduced lowered discounted cut dropped knocked shaved docked off owes owed owe owing".split())


def _first_sum(text: str, lowered: str | None, pattern: re.Pattern[str], in_lower_case: re.Pattern[str]) -> re.Match[str] | None:
    """The first sum a pattern finds in a text that is a sum given, taken or quoted; matched in the lower-case text when there is one."""
    if lowered is None:
        return next((m for m in pattern.finditer(text) if _a_sum(text, m)), None)
    found = next((m for m in in_lower_case.finditer(lowered) if _a_sum(text, m)), None)
    # The same sum, in the text's own case (the text after it left in view: a pattern may look ahead past the figure).
    return (pattern.match(text, found.start()) or found) if found else None


def _money_moves(text: str, money: re.Match[str]) -> bool:
    """A sum in words ("a tenner", "forty pounds") counts when money moves in its sentence, as the figure of a fee
    ("the storage fee of one hundred and twenty pounds"), or taken off, whatever the verb ("agreed to knock forty pounds
    off"): it is often a figure of speech."""
    return (
        _MONEY_ACTION.search(_sentence_around(text, money)) is not None
        or _PRICE_OF.search(text, 0, money.start()) is not None
        or _OFF_AFTER.match(text, money.end()) is not None
    )


_OFF_AFTER = re.compile(r"\s+off\b", re.IGNORECASE)


# "a fuel voucher of forty nine pounds", "the first collection of twenty pounds", "the hall hire is three hundred pounds"
_PRICE_OF = re.compile(rf"\b(?:{_MONEY_NOUNS}|collections?|hire)\s+(?:of|is|was|will be|comes to|came to)\s*$", re.IGNORECASE)


@rule("P107", "amount-not-recorded", "warning", "note")
def amount_not_recorded(subject: Subject) -> Iterator[Hit]:
    """The text mentions a sum of money, but `amounts` is empty.

    ## What it does
    Finds sums of money given, taken or quoted in the reason, resolution and follow-up ("$49.98",
    "20 EUR", "GBP 18", "₹1,850", "Rs 450", "£50 a month", pence and cents where money moves ("gave him
    the 75p back in cash", "waived the 80 cents late fee"; not "8 cents sharp", a tuning), any three-capital code after a word of money in
    its clause: "paid the fee of KES 180,000", not "why VAT 20 appears on the quote"; "it's $25 for the flu shot", "25 quid", "forty
    pounds", a currency by the name of its unit ("5,000 shillings", "300 rand"; not "won"); a sum in words only where
    money moves, lent among the ways it moves ("lent her two hundred and fifty pounds"), or taken off, whatever the
    verb ("agreed to knock forty pounds off"), or as the figure of any noun of money ("a fuel voucher of forty nine
    pounds"); a figure without a currency where only money
    can be meant, the object of a verb that moves money or the figure of a price: "refunded 18.00",
    "charged her card 42.50", "quoted her 240", "Quoted 3,200 for the coating", "she paid 85 by card",
    "Priced at 180 fitted", "a deposit of 60", "the term costs 96", "refunded the 80 deposit", "she'll
    see the 62.00 back on her card", a whole figure going back to their card or account ("the 12 goes
    back to her account"), a sum paid down ("she paid 50 down by card", "put £25 down"), a sum taken off what they pay, whatever the verb ("shaved 15
    off the invoice", "took twenty quid off her bill"), a figure in pounds and pence before its verb
    ("27.40 paid by card"), the balance taken ("took the balance of 38.00 by card"), what was left to pay,
    paid ("paid the remaining 340"), a figure taken, collected or received by a means of payment, whatever
    it was for ("Collected 129 on card at the door", "took the 35 for the pipe by card", "Took the 95 night fee
    in cash"; not "took the 35
    bus", "received 4 parcels by post"), the figure of any noun of money ("compensation of 50", "a 10
    voucher", "a credit for 12.50 against her account", "Quote came to 1,240"; a paper's own number is not:
    "invoice 4471"), what they pay made less by a figure ("her bill was reduced by 18.40"; not "reduce the
    volume by 10"), a figure given off ("Knocked 25 off", "Gave her 15 off the next visit") and what they
    owe ("he owes 120 for the parts"), a figure debited or billed ("Her card was debited 45.00 twice", "She was
    billed 120 in error"), and one in pounds and pence sent back or put through ("Returned 19.99 to her
    PayPal"; not "Returned 2 of the 3 chairs"); a figure after "the" as what a verb of money moves, in any
    tense ("Refunded the 7.95 delivery charge", "will refund the 45 to her card"; not "refunded the 2 locker
    bookings"), the figure of a noun of money with a word or two of what it is for between ("the 15
    late-cancellation charge"; not "the 2 night deposit"), a figure taken off, put on or going back to where
    money is kept or paid from, a card by its scheme's name, a tab, a folio or an account ("Took 120 on his
    Visa", "took the 22 for the car park off his folio", "54.00 is going back to the Visa", the verb's particle
    first: "I take off the 18.50 from the final bill", "Put back the 75 onto her card"; not "took the 7
    names off the class list"), what a thing was priced, charged or billed at ("Billed the night
    call-out at 145"), a tax or a difference as nouns of money ("refunded the 64.20 emergency tax", "the 42.60
    difference comes off December's statement"), a figure in pounds and pence after a verb that moves only money,
    whatever it paid for ("Waived the 3.95 postage", "Knocked the 9.80 carriage off her order"; after "refunded", not
    one that may be a time of day: "refunded the 19.30 showing"), what was left over or paid twice, sent back
    ("refunded the unused 45 to his card", "Paid back the missing 40 in cash"; not "Returned the unused 3 tickets"),
    a figure taken with what it was for between, joined or owned ("Took the pro-rata 112.50 for the gap by card",
    "Took the first week's 16.80 by card"), or with the means of payment as a noun after it ("Took 95 cash on site";
    not "Took 2 cash boxes back"), what they pay made less by a sum ("reducing this year's renewal by
    €60"; not "the price went up by £3"), a fee removed or cancelled ("The fee of 45.00 has been removed",
    "Cancelled the 30.00 late fee"), and a cost we take on ("we'd cover the $60 storage fee", "agreed
    we foot the $25 ticket"; not "the £150 excess is part of her policy cover"), a sum taken away ("the €150 excess
    ... were deducted", "35 was withheld for the uniform"), a figure per period after a word that prices it ("at 24.99 a
    month", "pays 120 monthly", "is 45 per year"; not a dose or a count, "it is 2 a day with food", "3 a week"), a figure
    before who paid it or was charged it ("the 85.50 she paid in", "the 64 he was charged"; not "the 2 she paid for"), a
    figure after a verb and its particle ("I take off the 18.50", "Put back the 75 onto her card", "Paid in 200"; not "Took
    off the 2 roof bars"), a figure and what its price covers ("380 plus VAT", "95 parts and labour", "2,450 fitted",
    "1,150 all in"; not "the Vaillant 4000 fitted"), a figure taken for what it paid for ("take the 95 for today's
    service"; not "Took the 3 for the window box"), and the figure of a noun of money beyond fees and prices: instalments,
    a collection, a recharge, a donation, rent, hire, a settlement, a payout, an overpayment, fees, a grant, a loan, a
    cheque, a credit note ("three monthly instalments of 640 each", "the first collection of twenty pounds", "the hall hire
    is three hundred and fifty pounds", "a cheque for 45"; not "the collection of 4 bags", "instalment 5 of 12"), a figure
    sent, given, paid, lent or topped up with how or where it went ("Gave him 20 back in cash", "Transferred 250 to her by
    BACS", "we pay 40 towards the taxi fare", "Topped up 20 on her phone", "donated 50 to the appeal"; not "Gave him 2
    back", "Topped up 20 GB"), what something cost someone ("It cost her 95 to get it fixed"), a figure per period off
    what they pay ("15 a week off the rent"), and what something came to or works out at ("The repair came to 180 with
    parts", "work out at 405"; not "The group came to 12", "the driver came to 14 Elm Street"), a word of money and then
    its figure after a comma, a colon or a bracket, as terse notes put it ("Cash refund given, 20.", "Paid: 85 (card).",
    "fee waived (25)"; not "Invoice ref: 4471", "Payment due: 14 March"), a price times a count after a word of money
    ("Card charged twice, 2 x 18.99"; not "2 x 10 ml"), a currency word joined by a hyphen ("the 60-dollar cab", "a
    20-pound note"; not "a 20-pound bag"), a tab or a folio of a figure ("Her tab was 67.20"), a figure straight before a
    noun of money after a possessive, or alone where the noun closes the phrase ("Returned her 150 deposit", "Put 25 credit
    on his account"; not "Logged 3 refund requests", "the 2 fee schedules"), what a thing is worth or valued at ("a voucher
    worth 25"; not "worth 2 points"), about so much ("the estimate is around 1,800", "the session price stays at 45"), and
    a sum over or on top ("for an extra 35 a night", "overcharged by 12", "out of pocket by 28"; not "an extra 2 nights",
    "another 10 are waiting"); but not "took 10
    minutes off the wait", "took 3 of the leaflets", "paid 3 invoices", "quoted 3
    weeks", "the cost of 3 repairs", "her refund of 30 September" or a 2 or 4 typed for a word, "wants refund 4 the
    outage") and flags the note when it records no
    `amounts`; the finding drafts the entry. Not flagged: a limit or a condition ("orders over 50
    GBP", "the account limit is £500 a month", "the spending cap stays at $300", "the ISA allowance is £20,000 a year and
    she has used £14,000 of it"), a price explained ("rose from 4.99 to 5.99 EUR", "went up by 3 GBP", "is £20 down on last year's"), a product named
    by its price ("the 5 GBP a month standby plan"), an item's price in passing, in brackets, a
    fee merely named ("a review of the 200 USD fee") and a balance read out; a balance that is
    moved, collected or arranged for is flagged ("agreed the balance of £2,830 can wait until probate"), and so
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
        may_hold_money = lowered is None or not _CURRENCY_MARKS.isdisjoint(_LETTERS_OR_SIGN.findall(lowered))
        found = _first_sum(text.text, lowered, _MONEY, _MONEY_IN_LOWER_CASE) if text.has_digit and may_hold_money else None
        if found is None and text.has_digit and (_MONEY_VERBS_WITHOUT_CURRENCY.search(text.lowered) or not _MORE_MONEY_WORDS.isdisjoint(text.words)):
            found = _first_sum(text.text, lowered, _SUM_WITHOUT_CURRENCY, _SUM_WITHOUT_CURRENCY_IN_LOWER_CASE)
            if found is None and not _DONE_TO_WHAT_THEY_PAY_WORDS.isdisjoint(text.words):
                found = _first_sum(text.text, lowered, _SUM_DONE_TO_WHAT_THEY_PAY, _SUM_DONE_TO_WHAT_THEY_PAY_IN_LOWER_CASE)
            if found is None:
                found = next((m for m in _CODE_BEFORE_A_FIGURE.finditer(text.text) if _paid_by_code(text.text, m)), None)
        present = _WORDS_OF_SUMS.intersection(text.words) if found is None and text.has_digit else None
        if present:  # (the words looked up once, not once for each reading)
            found = next(
                (m for words, pattern, in_lower_case in _SUMS_BY_THEIR_WORDS if not words.isdisjoint(present)
                 for m in [_first_sum(text.text, lowered, pattern, in_lower_case)] if m),
                None,
            )
        if found is None and in_words:
            found = next((m for m in _MONEY_IN_WORDS.finditer(text.text) if _a_sum(text.text, m) and _money_moves(text.text, m)), None)
        if found:
            money = next((part for part in found.groups() if part), found.group(0))  # the figure alone, for a sum without a currency
            yield Hit(text.loc, f"{money!r} is mentioned but the note has no amounts: entry; add amounts: [{amount_entry(money, _sentence_around(text.text, found))}]")
            return
