"""Record text as inert Markdown: whatever it holds, it stays text.

Python-Markdown and CommonMark both honour backslash escapes for the
characters below and decode character references, so every character that
could open markup (emphasis, links and images need a bracket, code, HTML,
headings, list markers, tables, attribute lists, strike/mark/caret
extensions) is either escaped or written as a reference. Line breaks are folded to spaces, so a
value can never start a block of its own.
"""

from __future__ import annotations

import re

from ..controls import visible

_BACKSLASHED = set("\\`*_{}[]#")
_REFERENCES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;", "~": "&#126;", "^": "&#94;", "=": "&#61;", "$": "&#36;"}
_LEADING_MARKER = re.compile(r"^(\d{1,9})([.)])(?=\s|$)|^([-+])(?=\s|$)")


def markdown_text(value: object) -> str:
    text = " ".join(visible(str(value)).split())
    out = []
    for char in text:
        if char in _BACKSLASHED:
            out.append("\\" + char)
        else:
            out.append(_REFERENCES.get(char, char))
    escaped = "".join(out)
    # A value standing first on a line must not read as a list item.
    return _LEADING_MARKER.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}", escaped)
