"""A slim customer-finder index, cut into small shards a browser fetches one at a time.

MkDocs Material's index holds every page's full text (about 5 MB per 1,000
pages) and is fetched whole before the first result. Staff look customers up
by name, id, email or phone, so this index holds only those (an erased
customer: the id, and when and on whose request they were erased), and only
the shard a query needs is downloaded:

- ``manifest.json``: the list of shard keys (token prefixes).
- ``t/<key>.json``: every customer with a word (of the name, id, emails, or a phone's digits)
  starting with ``key``. A key whose shard would be too big is split into
  longer keys, so a shard stays under ``SHARD_MAX`` customers however many
  there are, unless one word alone is shared by more (a common surname).
  Words shared by more than ``COMMON_MAX`` customers (``com``, the id's
  ``c``) are not keys; they still match, inside a shard found by another word.
  A word that ends exactly at a split key goes to ``<key>$``.
- ``p/<ddd>.json``: customers by the last three digits of each phone number,
  so a number is found as the customer says it, with or without a prefix.

Words (``words``) follow one specification, implemented here for the index
and in ``search.js`` for the query; a test runs the script under node against
this module over a varied corpus:

1. Unicode NFKD, lower case, then every mark (general category M) removed:
   accents, Arabic and Hebrew vowel marks, so "مُحَمَّد" is "محمد" and "Zoë"
   is "zoe". A final sigma is a sigma.
2. A word is a run of letters and digits (general categories L and N). A Han,
   Hiragana or Katakana character is a word on its own: names in those
   scripts are written without spaces, and "小明" finds "王小明".
3. Parts joined by an apostrophe or a hyphen (' ’ - ‐) are words, and so is
   their concatenation: "O'Brien" gives "o", "brien" and "obrien", "C-10042"
   gives "c", "10042" and "c10042", so either spelling is found.

Phone numbers are matched on their ASCII digits (after NFKD), whole or as
typed so far: a number's words are its own words and ``phone_words``, its
digits run together as written, without a trunk 0, and for an international
number (``+44 20 7946 0018``) also as dialled at home (``2079460018``,
``02079460018``). A whole number typed is also found by its last digits, with
or without its country code or trunk 0.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict

from ..catalog import Catalog

SHARD_MAX = 120
COMMON_MAX = 1000  # a shard of 1,000 customers is about 100 KB
PHONE_KEY_DIGITS = 3
PHONE_WORD_MIN = 3  # the shortest digit word of a phone (the same in search.js)
_NOT_DIGIT = re.compile(r"[^0-9]")
_JOINERS = "'\u2019\u2010-"
_JOINER = re.compile(f"[{_JOINERS}]")
# Han, Hiragana and Katakana: one word per character (the same ranges as search.js).
_ONE_CHARACTER_WORDS = re.compile("[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")


def words(text: str) -> list[str]:
    """The search words of ``text``, in order (see the module's documentation)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text).lower() if unicodedata.category(c)[0] != "M").replace("\u03c2", "\u03c3")
    found: list[str] = []
    chunk: list[str] = []
    for char in plain + " ":
        if char in _JOINERS or (unicodedata.category(char)[0] in "LN" and not _ONE_CHARACTER_WORDS.match(char)):
            chunk.append(char)
            continue
        found += _chunk_words("".join(chunk))
        chunk = []
        if _ONE_CHARACTER_WORDS.match(char):
            found.append(char)
    return found


def _chunk_words(chunk: str) -> list[str]:
    parts = [part for part in _JOINER.split(chunk) if part]
    return parts + ["".join(parts)] if len(parts) > 1 else parts


def phone_digits(phone: str) -> str:
    return _NOT_DIGIT.sub("", unicodedata.normalize("NFKD", phone))


# A phone number is told by its last digits: "+1 555 0100" and "555-0100" are one number.
PHONE_MATCH_DIGITS = 7


def same_phone(digits: str, other: str) -> bool:
    """Whether two numbers' digits (``phone_digits``) are one number: their last digits agree."""
    return digits[-PHONE_MATCH_DIGITS:] == other[-PHONE_MATCH_DIGITS:]


def phone_words(phone: str) -> list[str]:
    """The digit words of a phone number (see the module's documentation), in order, once each."""
    digits = phone_digits(phone)
    forms = [digits, digits.lstrip("0")]
    groups = unicodedata.normalize("NFKD", phone).strip().split()
    if len(groups) > 1 and groups[0].startswith("+"):
        country = phone_digits(groups[0])
        forms += [digits[len(country):], "0" + digits[len(country):]]
    return [form for i, form in enumerate(forms) if len(form) >= PHONE_WORD_MIN and form not in forms[:i]]


def _entry(entry_id: str, catalog: Catalog) -> list[object]:
    if entry_id not in catalog.customers:  # erased: found by the id, and says so
        erasure = catalog.erased[entry_id]
        return [erasure.id, f"erased on {erasure.erased.isoformat()} (request {erasure.request})", [], [], []]
    customer = catalog.customers[entry_id].customer
    flags = sorted({flag.type for flag in customer.flags})
    return [customer.id, customer.name, list(customer.contacts.emails), list(customer.contacts.phones), flags]


def index_inputs(catalog: Catalog) -> list[object]:
    """All that the index is made of: each customer's entry and the flag types."""
    types = {name: [kind.label, kind.severity] for name, kind in catalog.config.flag_types.items()}
    erased = sorted(catalog.erased.keys() - catalog.customers.keys())
    return [types, [_entry(entry_id, catalog) for entry_id in [*catalog.customers, *erased]]]


def build_search_index(catalog: Catalog, base: str, *, directory_urls: bool = True) -> dict[str, str]:
    """{asset path under ``base``: JSON text} for the manifest and every shard."""
    owners: dict[str, set[str]] = defaultdict(set)  # word -> customer ids
    by_phone: dict[str, set[str]] = defaultdict(set)
    for entry in catalog.customers.values():
        customer = entry.customer
        for text in (customer.id, customer.name, *customer.contacts.emails):
            for word in words(text):
                owners[word].add(customer.id)
        for phone in customer.contacts.phones:
            for word in phone_words(phone):
                owners[word].add(customer.id)
            digits = phone_digits(phone)
            if len(digits) >= PHONE_KEY_DIGITS:
                by_phone[digits[-PHONE_KEY_DIGITS:]].add(customer.id)
    for erased_id in catalog.erased.keys() - catalog.customers.keys():
        for word in words(erased_id):
            owners[word].add(erased_id)
    keyed = {word: ids for word, ids in owners.items() if len(ids) <= COMMON_MAX}
    shards: dict[str, set[str]] = {}
    _split(sorted(keyed), keyed, 1, shards)
    files = {f"{base}/t/{_file_key(key)}.json": _shard(ids, catalog) for key, ids in shards.items()}
    files |= {f"{base}/p/{key}.json": _shard(ids, catalog) for key, ids in by_phone.items()}
    manifest = {
        "version": 1,
        "customers": len(catalog.customers),
        "page_suffix": "" if directory_urls else "index.html",
        "phone_digits": PHONE_KEY_DIGITS,
        "types": {name: [kind.label, kind.severity] for name, kind in catalog.config.flag_types.items()},
        "keys": sorted(shards),
    }
    files[f"{base}/manifest.json"] = json.dumps(manifest, ensure_ascii=False, separators=(",", ":"))
    return files


def _split(word_list: list[str], keyed: dict[str, set[str]], length: int, shards: dict[str, set[str]]) -> None:
    """Group words by their first ``length`` characters; split any group that is too big."""
    groups: dict[str, list[str]] = defaultdict(list)
    for word in word_list:
        groups[word[:length]].append(word)
    for prefix, group in groups.items():
        ids = set().union(*(keyed[w] for w in group))
        if len(ids) <= SHARD_MAX or all(len(w) <= length for w in group):
            shards[prefix] = ids
            continue
        exact = [w for w in group if len(w) == length]
        if exact:
            shards[prefix + "$"] = set().union(*(keyed[w] for w in exact))
        _split([w for w in group if len(w) > length], keyed, length + 1, shards)


def _file_key(key: str) -> str:
    """A shard key as a file name: ASCII stays readable, anything else is hex-encoded."""
    if re.fullmatch(r"[a-z0-9$]+", key):
        return key.replace("$", "_")
    return "x" + key.encode().hex()


def _shard(ids: set[str], catalog: Catalog) -> str:
    return json.dumps([_entry(i, catalog) for i in sorted(ids)], ensure_ascii=False, separators=(",", ":"))
