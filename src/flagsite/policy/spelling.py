"""The English word lists P302 reads: SCOWL's American and British words, and pyspellchecker's list.

SCOWL (Spell Checker Oriented Word Lists, shipped in ``data/``) says whether a word is English
in either spelling: ``english-60`` holds its words of size 60 and below, the common ones
(colour and color, kerb, aluminium, centred), ``english-70`` those of size 70, rarer words
that are as often a trade's (haylage, otoscopy, choux) as a slip's rarer spelling ("stoped").
A third list, ``web-words``, holds words of English on the web (wordfreq's list) that neither
holds and that no much commoner word is a slip or two from: dishes of other languages (katsu,
carnitas), services and brands in lower case (venmo, gmail), names. See THIRD-PARTY-NOTICES.md for
where they come from and their licence.

pyspellchecker's list gives how often each word is used, which corrections and compounds need.
pyspellchecker parses its list (compressed JSON, 160,000 words with their
frequencies) in about half a second, which a command checking one flag's reason
would pay each time. The same words and counts, written once with ``marshal``
under ``$XDG_CACHE_HOME/flagsite`` (``~/.cache/flagsite``), read back several
times faster. The cache file is named after the list file's size and time, so a
new pyspellchecker release writes a new one; a cache that cannot be read or
written is passed by, and the list is parsed as before.
"""

from __future__ import annotations

import gzip
import marshal
import os
import tempfile
from bisect import bisect_left
from collections.abc import Iterator
from importlib import resources
from importlib.util import find_spec
from typing import Any

_LIST = ("resources", "en.json.gz")
_FORMAT = 1  # bump when what the cache holds changes


def english_words(size: int) -> SortedWords:
    """SCOWL's words of one size (60: common, 70: rarer), American and British, in lower case."""
    return _shipped(f"english-{size}.txt.gz")


def web_words() -> SortedWords:
    """Words of English on the web that neither SCOWL's lists nor pyspellchecker's hold and no much commoner
    word is a slip or two from (katsu, venmo, xbox, kesha), made by ``benchmarks/make_word_list.py``."""
    return _shipped("web-words.txt.gz")


def _shipped(name: str) -> SortedWords:
    data = resources.files("flagsite.policy").joinpath("data", name).read_bytes()
    return SortedWords(gzip.decompress(data).decode("utf-8").split())


class SortedWords:
    """Words looked up by halving a sorted list. A list of SCOWL's is read once per process and asked
    only of words pyspellchecker lacks: hashing its 150,000 words into a set took longer than reading it."""

    def __init__(self, words: list[str]) -> None:
        words.sort()  # the files are sorted: this only checks it
        self._words = words

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        index = bisect_left(self._words, word)
        return index < len(self._words) and self._words[index] == word

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)


def english_checker() -> Any:  # pyspellchecker has no type information
    """A ``SpellChecker(language="en", distance=2)``, its word list read from the cache when there is one."""
    from spellchecker import SpellChecker

    cache = _cache_path()
    cached = _read(cache) if cache is not None else None
    if cached is None:
        checker = SpellChecker(language="en", distance=2)
        if cache is not None:
            _write(cache, checker.word_frequency)
        return checker
    checker = SpellChecker(language=None, distance=2)
    frequency = checker.word_frequency
    # What WordFrequency.load_json and _update_dictionary set, read back as they were computed.
    words, frequency._longest_word_length, frequency._total_words, letters = cached
    frequency._dictionary.update(words)
    frequency._unique_words = len(words)
    frequency._letters = set(letters)
    return checker


def _cache_path() -> str | None:
    spec = find_spec("spellchecker")
    if spec is None or not spec.submodule_search_locations:
        return None
    try:
        stat = os.stat(os.path.join(next(iter(spec.submodule_search_locations)), *_LIST))
    except OSError:
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "flagsite", f"spelling-en-{_FORMAT}-{stat.st_size}-{stat.st_mtime_ns}.marshal")


def _read(path: str) -> tuple[dict[str, int], int, int, str] | None:
    try:
        with open(path, "rb") as handle:
            data = marshal.loads(handle.read())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not (isinstance(data, tuple) and len(data) == 4 and isinstance(data[0], dict) and data[0]):
        return None  # not what this version writes: parse the list instead
    words, longest, total, letters = data
    if not (isinstance(longest, int) and isinstance(total, int) and isinstance(letters, str)):
        return None
    return words, longest, total, letters


def _write(path: str, frequency: Any) -> None:
    data = (dict(frequency.dictionary), frequency.longest_word_length, frequency.total_words, "".join(sorted(frequency.letters)))
    folder = os.path.dirname(path)
    try:
        os.makedirs(folder, exist_ok=True)
        # Written aside and renamed: a process reading meanwhile sees the whole file or none.
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=".spelling-")
        try:
            with os.fdopen(fd, "wb") as handle:
                marshal.dump(data, handle)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass  # no cache this time: the next run parses the list again
