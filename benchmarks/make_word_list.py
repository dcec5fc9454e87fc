"""Write src/flagsite/policy/data/web-words.txt.gz: words of English on the web that P302 accepts though
neither SCOWL's lists nor pyspellchecker's hold them (dishes of other languages, services, a trade's clippings).

    pip install -c constraints.txt -e '.[train]'
    python benchmarks/make_word_list.py

A word is kept when wordfreq's large English list (web text, subtitles, books, news) has it at a Zipf
frequency of 2.0 or more (ten times in a hundred million words), and no word one slip away (a letter
dropped, added, changed, or two swapped) nor two slips away (a letter dropped and another added) is more
than 1.5 higher (thirty times as common): a slip is far rarer than the word it was typed for, so a word
this near a much commoner one may be that word mistyped ("recieve", "tommorow") and is left out. Left out
too: codespell's lists of common misspellings (they are used on the web often enough to pass the rest),
words without a vowel and a final g dropped (text-speak, P301's: "shd", "goin"), and P301's slang.
The list is data derived from wordfreq's (CC BY-SA 4.0): see THIRD-PARTY-NOTICES.md.
"""

from __future__ import annotations

import gzip
import math
import os
import string

import codespell_lib
from wordfreq import get_frequency_dict

from flagsite.policy.spelling import english_checker, english_words
from flagsite.policy.words import SLANG

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "flagsite", "policy", "data", "web-words.txt.gz")
LOWEST = 2.0  # Zipf: log10 of uses per billion words
NEARER = 1.5  # how much commoner a word one or two slips away may be
_CODESPELL_LISTS = ("dictionary.txt", "dictionary_rare.txt", "dictionary_informal.txt")


def main() -> None:
    zipf = {word: math.log10(share) + 9 for word, share in get_frequency_dict("en", "large").items()}
    known = set(english_checker().word_frequency.dictionary) | set(english_words(60)) | set(english_words(70))
    refused = _misspellings() | {word.lower() for word in SLANG}
    by_deletion = _by_deletion(zipf)
    kept = sorted(
        word for word, z in zipf.items()
        if z >= LOWEST and len(word) >= 3 and word.isascii() and word.isalpha() and word.islower()
        and word not in known and word not in refused and not set("aeiouy").isdisjoint(word)
        and not (word.endswith("in") and word + "g" in known)
        and not _near_a_commoner_word(word, z, zipf, by_deletion)
    )
    with open(OUT, "wb") as handle:  # (no time in the gzip header: the same words make the same file)
        handle.write(gzip.compress(("\n".join(kept) + "\n").encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{len(kept)} words -> {os.path.relpath(OUT)}")


def _misspellings() -> set[str]:
    folder = os.path.join(os.path.dirname(codespell_lib.__file__), "data")
    found: set[str] = set()
    for name in _CODESPELL_LISTS:
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            found.update(line.split("->", 1)[0].strip().lower() for line in handle if "->" in line)
    return found


def _by_deletion(zipf: dict[str, float]) -> dict[str, float]:
    """For each word less one letter, in every place, the highest Zipf frequency of the words it comes from."""
    found: dict[str, float] = {}
    for word, z in zipf.items():
        if z >= LOWEST + NEARER and word.isalpha():
            for i in range(len(word)):
                shorter = word[:i] + word[i + 1 :]
                if found.get(shorter, 0.0) < z:
                    found[shorter] = z
    return found


def _near_a_commoner_word(word: str, z: float, zipf: dict[str, float], by_deletion: dict[str, float]) -> bool:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    one_slip = (
        {a + b[1:] for a, b in splits if b}
        | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        | {a + c + b[1:] for a, b in splits if b for c in string.ascii_lowercase}
        | {a + c + b for a, b in splits for c in string.ascii_lowercase}
    )
    one_slip.discard(word)
    if any(zipf.get(near, 0.0) > z + NEARER for near in one_slip):
        return True
    return any(by_deletion.get(word[:i] + word[i + 1 :], 0.0) > z + NEARER for i in range(len(word)))


if __name__ == "__main__":
    main()
