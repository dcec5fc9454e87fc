"""What a person probably meant by a name that is not known: ``On Hold`` → ``on-hold``.

Names are compared as people mistype them: case, spaces and underscores first
(``On Hold``, ``general_inquiry``), then spelling (``phon`` → ``phone``).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

_SEPARATORS = re.compile(r"[\s_-]+")


def normalised_name(text: str) -> str:
    """``text`` as a vocabulary name is written: lower case, words joined by hyphens."""
    return _SEPARATORS.sub("-", text.strip().lower()).strip("-")


def close_names(text: str, known: Iterable[str], n: int = 3) -> list[str]:
    """The names of ``known`` that ``text`` probably means, closest first; none when nothing is close."""
    by_normal = {normalised_name(name): name for name in known}
    normal = normalised_name(text)
    if normal in by_normal:
        return [by_normal[normal]]
    return [by_normal[close] for close in difflib.get_close_matches(normal, list(by_normal), n=n)]


def did_you_mean(names: list[str]) -> str:
    """"did you mean 'on-hold'?" for the names found; empty when there is none."""
    if not names:
        return ""
    return "did you mean " + " or ".join(f"'{name}'" for name in names) + "?"
