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

import bisect
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..catalog import Catalog
from ..models import Customer, Erasure

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


@dataclass(frozen=True)
class IndexEntry:
    """One customer (or erased customer) in the index: its JSON in a shard, its words, its phones' last digits."""

    text: str
    words: tuple[str, ...]
    phone_keys: tuple[str, ...]


def customer_entry(customer: Customer) -> IndexEntry:
    flags = sorted({flag.type for flag in customer.flags})
    found = {word for text in (customer.id, customer.name, *customer.contacts.emails) for word in words(text)}
    phone_keys = set()
    for phone in customer.contacts.phones:
        found.update(phone_words(phone))
        digits = phone_digits(phone)
        if len(digits) >= PHONE_KEY_DIGITS:
            phone_keys.add(digits[-PHONE_KEY_DIGITS:])
    data = [customer.id, customer.name, list(customer.contacts.emails), list(customer.contacts.phones), flags]
    return IndexEntry(_json(data), tuple(sorted(found)), tuple(sorted(phone_keys)))


def erased_entry(erasure: Erasure) -> IndexEntry:
    """An erased customer: found by the id, and says so."""
    data = [erasure.id, f"erased on {erasure.erased.isoformat()} (request {erasure.request})", [], [], []]
    return IndexEntry(_json(data), tuple(sorted(set(words(erasure.id)))), ())


def index_entry(catalog: Catalog, entry_id: str) -> IndexEntry:
    """The index's entry for a customer, or for a customer erased (and not back)."""
    if entry_id in catalog.customers:
        return customer_entry(catalog.customers[entry_id].customer)
    return erased_entry(catalog.erased[entry_id])


class SearchShards:
    """The index's shards, kept as the entries change: only the shards an entry's words fall into are made again.

    A shard's key depends only on the words under it (``_split``), so when an entry changes,
    the keys along the prefixes of its words, old and new, are settled again, and the shards
    holding it are written again; every other shard stays as it was. The files are those a
    fresh index of the same entries gives, byte for byte.
    """

    def __init__(self, base: str) -> None:
        self.base = base
        self.entries: dict[str, tuple[str | None, IndexEntry]] = {}  # id -> (what it was made from, entry)
        self.owners: dict[str, set[str]] = defaultdict(set)  # word -> ids
        self.keyed: list[str] = []  # the words that are keys (not too common), sorted
        self.shards: dict[str, set[str]] = {}  # key -> ids
        self.splits: set[str] = set()  # the prefixes whose words are split among longer keys
        self.by_phone: dict[str, set[str]] = defaultdict(set)
        self.texts: dict[str, str] = {}  # file path -> JSON text, for every shard

    def update(self, made_from: Mapping[str, str | None], make: Callable[[str], IndexEntry]) -> bool:
        """Bring the index to these entries: each id and a digest of what its entry is made of (None: not known).

        ``make(id)`` gives the entry of an id that is new or whose digest changed. Whether anything changed.
        """
        changed = [entry_id for entry_id, key in made_from.items()
                   if key is None or entry_id not in self.entries or self.entries[entry_id][0] != key]
        gone = [entry_id for entry_id in self.entries if entry_id not in made_from]
        if not changed and not gone:
            return False
        fresh = {entry_id: (made_from[entry_id], make(entry_id)) for entry_id in changed}
        if len(fresh) + len(gone) > len(self.entries) // 4:
            self._rebuild({entry_id: fresh.get(entry_id) or self.entries[entry_id] for entry_id in made_from})
        else:
            self._change(gone, fresh)
        return True

    def files(self, catalog: Catalog, *, directory_urls: bool) -> dict[str, str]:
        """{asset path: JSON text} for every shard and the manifest."""
        manifest = {
            "version": 1,
            "customers": len(catalog.customers),
            "page_suffix": "" if directory_urls else "index.html",
            "phone_digits": PHONE_KEY_DIGITS,
            "types": {name: [kind.label, kind.severity] for name, kind in catalog.config.flag_types.items()},
            "keys": sorted(self.shards),
        }
        return self.texts | {f"{self.base}/manifest.json": _json(manifest)}

    # --- the whole index, or the part one change touches ----------------------------
    def _rebuild(self, entries: dict[str, tuple[str | None, IndexEntry]]) -> None:
        self.entries = entries
        self.owners, self.by_phone = defaultdict(set), defaultdict(set)
        for entry_id, (_key, entry) in entries.items():
            self._add(entry_id, entry)
        self.keyed = sorted(word for word, ids in self.owners.items() if len(ids) <= COMMON_MAX)
        self.shards, self.splits = {}, set()
        _split(self.keyed, self.owners, 1, self.shards, self.splits)
        self.texts = {self._path(key): self._shard(ids) for key, ids in self.shards.items()}
        self.texts |= {self._phone_path(key): self._shard(ids) for key, ids in self.by_phone.items()}

    def _change(self, gone: list[str], fresh: dict[str, tuple[str | None, IndexEntry]]) -> None:
        touched: set[str] = set()
        phones: set[str] = set()
        for entry_id in [*gone, *fresh]:
            before = self.entries.pop(entry_id, None)
            if before is not None:
                self._remove(entry_id, before[1])
                touched.update(before[1].words)
                phones.update(before[1].phone_keys)
        for entry_id, (key, entry) in fresh.items():
            self.entries[entry_id] = (key, entry)
            self._add(entry_id, entry)
            touched.update(entry.words)
            phones.update(entry.phone_keys)
        for word in touched:
            self._rekey(word)
        dirty: set[str] = set()
        for word in sorted(touched):
            self._settle(word, dirty)
        for word in touched:  # the shards holding the changed entries
            shard = self._shard_of(word)
            if shard is not None:
                dirty.add(shard)
        for key in dirty:
            if key in self.shards:
                self.texts[self._path(key)] = self._shard(self.shards[key])
            else:
                self.texts.pop(self._path(key), None)
        for key in phones:
            if self.by_phone.get(key):
                self.texts[self._phone_path(key)] = self._shard(self.by_phone[key])
            else:
                self.by_phone.pop(key, None)
                self.texts.pop(self._phone_path(key), None)

    def _add(self, entry_id: str, entry: IndexEntry) -> None:
        for word in entry.words:
            self.owners[word].add(entry_id)
        for key in entry.phone_keys:
            self.by_phone[key].add(entry_id)

    def _remove(self, entry_id: str, entry: IndexEntry) -> None:
        for word in entry.words:
            self.owners[word].discard(entry_id)
        for key in entry.phone_keys:
            self.by_phone[key].discard(entry_id)

    def _rekey(self, word: str) -> None:
        """Add ``word`` to the keys, or take it out, as its owners now say."""
        owners = self.owners.get(word)
        at = bisect.bisect_left(self.keyed, word)
        listed = at < len(self.keyed) and self.keyed[at] == word
        wanted = owners is not None and 0 < len(owners) <= COMMON_MAX
        if wanted and not listed:
            self.keyed.insert(at, word)
        elif listed and not wanted:
            del self.keyed[at]
        if owners is not None and not owners:
            del self.owners[word]

    def _settle(self, word: str, dirty: set[str]) -> None:
        """Make the shards along ``word``'s prefixes what ``_split`` makes of the keys as they are now."""
        for length in range(1, len(word) + 1):
            prefix = word[:length]
            start = bisect.bisect_left(self.keyed, prefix)
            end = bisect.bisect_left(self.keyed, prefix + "\U0010ffff", start)
            group = self.keyed[start:end]
            if prefix in self.splits and _too_big(group, self.owners, length):
                exact = prefix + "$"  # still split: the word itself has a shard of its own, longer words go further down
                if group[0] == prefix:
                    self.shards[exact] = set(self.owners[prefix])
                else:
                    self.shards.pop(exact, None)
                dirty.add(exact)
                continue
            for key in [key for key in self.shards if key.startswith(prefix)]:
                del self.shards[key]
                dirty.add(key)
            self.splits -= {split for split in self.splits if split.startswith(prefix)}
            made: dict[str, set[str]] = {}
            _split(group, self.owners, length, made, self.splits)
            self.shards |= made
            dirty.update(made)
            return

    def _shard_of(self, word: str) -> str | None:
        """The key of the shard ``word`` falls into, if any."""
        for length in range(1, len(word) + 1):
            prefix = word[:length]
            if prefix not in self.splits:
                return prefix if prefix in self.shards else None
        return word + "$" if word + "$" in self.shards else None

    def _path(self, key: str) -> str:
        return f"{self.base}/t/{_file_key(key)}.json"

    def _phone_path(self, key: str) -> str:
        return f"{self.base}/p/{key}.json"

    def _shard(self, ids: set[str]) -> str:
        return "[" + ",".join(self.entries[i][1].text for i in sorted(ids)) + "]"


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _too_big(group: list[str], owners: dict[str, set[str]], length: int) -> bool:
    """Whether a prefix's words are split among longer keys: more customers than a shard holds, and longer words."""
    if all(len(word) <= length for word in group):
        return False
    ids: set[str] = set()
    for word in group:
        ids |= owners[word]
        if len(ids) > SHARD_MAX:
            return True
    return False


def _split(word_list: list[str], keyed: dict[str, set[str]], length: int, shards: dict[str, set[str]], splits: set[str]) -> None:
    """Group words by their first ``length`` characters; split any group that is too big."""
    groups: dict[str, list[str]] = defaultdict(list)
    for word in word_list:
        groups[word[:length]].append(word)
    for prefix, group in groups.items():
        if not _too_big(group, keyed, length):
            shards[prefix] = set().union(*(keyed[w] for w in group))
            continue
        splits.add(prefix)
        exact = [w for w in group if len(w) == length]
        if exact:
            shards[prefix + "$"] = set().union(*(keyed[w] for w in exact))
        _split([w for w in group if len(w) > length], keyed, length + 1, shards, splits)


def _file_key(key: str) -> str:
    """A shard key as a file name: ASCII stays readable, anything else is hex-encoded."""
    if re.fullmatch(r"[a-z0-9$]+", key):
        return key.replace("$", "_")
    return "x" + key.encode().hex()
