"""A pattern of many alternatives, searched a part at a time where the text holds what the part needs.

A large alternation is tried alternative by alternative at every position of a text, and most of
its alternatives need a word that most texts lack: searching the whole costs the sum of its parts
on every text. Each part here names literals of which every match of it holds one, and is searched
only in a text that holds one of them.
"""

from __future__ import annotations

import re


class Alternatives:
    """The alternatives ``part | part | ...``, each given as (its literals, its pattern).

    Literals are written in lower case, separated by "|"; every match of the part holds one of
    them ("" when none can be named: the part is always searched). The pattern is matched without
    flags, on lower-case text. ``pattern`` is the whole alternation, for a case-insensitive search
    of text that is not ASCII, where lower-casing can change a text's letters.
    """

    def __init__(self, *parts: tuple[str, str]) -> None:
        self.pattern = "|".join(pattern for _, pattern in parts)
        self._needs = [tuple(literal for literal in literals.split("|") if literal) for literals, _ in parts]
        self._sources = [pattern for _, pattern in parts]
        self._compiled: list[re.Pattern[str] | None] = [None] * len(parts)  # compiled when first needed: most never are

    def search(self, lowered: str) -> re.Match[str] | None:
        """What the whole alternation finds in a lower-case text: the leftmost match, of two at one place the earlier part's."""
        first: re.Match[str] | None = None
        for index, needs in enumerate(self._needs):
            if needs and not any(literal in lowered for literal in needs):
                continue
            found = self._part(index).search(lowered)
            if found is not None and (first is None or found.start() < first.start()):
                first = found
        return first

    def holds(self, lowered: str) -> bool:
        """Whether the whole alternation matches somewhere in a lower-case text."""
        for index, needs in enumerate(self._needs):
            if needs and not any(literal in lowered for literal in needs):
                continue
            if self._part(index).search(lowered) is not None:
                return True
        return False

    def _part(self, index: int) -> re.Pattern[str]:
        compiled = self._compiled[index]
        if compiled is None:
            compiled = self._compiled[index] = re.compile(self._sources[index])
        return compiled
