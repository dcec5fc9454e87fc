"""Control characters in untrusted text: which ones, found in records, shown visibly.

Record text, file names and commit messages reach terminals, pull-request
comments and web pages. A terminal obeys escape sequences (ESC, CSI, OSC: a
title change, a cleared screen, a spoofed line), a carriage return or a line
break can forge the next line of a summary, and the bidi embeddings,
overrides and isolates reorder what a reader sees (the "Trojan Source"
trick). Tab and newline are ordinary text in a note. The left-to-right and
right-to-left marks (U+200E, U+200F, U+061C) are kept: Arabic and Hebrew
text uses them legitimately and they reorder nothing beyond a neutral
character.

Records must not hold any of these (``FORBIDDEN``, finding S005); everything we
print shows them as visible escapes (``visible``), so a file name or a commit
message that does is shown, not obeyed.
"""

from __future__ import annotations

import json
import re
from typing import Any

_BIDI = "\u202a-\u202e\u2066-\u2069"
# Every control, line break and bidi control; a character class body.
_ALL = "\x00-\x1f\x7f-\x9f\u2028\u2029" + _BIDI
# What a record may not hold: all of the above but tab and newline.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029" + _BIDI + "]")
# FORBIDDEN as the body of a character class in JSON Schema's (ECMAScript) regex syntax.
FORBIDDEN_CLASS = r"\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_ON_ONE_LINE = re.compile(f"[{_ALL}]")
# Characters json.dumps(ensure_ascii=False) leaves raw (it escapes C0 only).
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029" + _BIDI + "]")

_NAMES = {
    "\x1b": "escape",
    "\x00": "NUL",
    "\r": "carriage return",
    "\x7f": "delete",
    "\u2028": "line separator",
    "\u2029": "paragraph separator",
    "\u202a": "left-to-right embedding",
    "\u202b": "right-to-left embedding",
    "\u202c": "pop directional formatting",
    "\u202d": "left-to-right override",
    "\u202e": "right-to-left override",
    "\u2066": "left-to-right isolate",
    "\u2067": "right-to-left isolate",
    "\u2068": "first strong isolate",
    "\u2069": "pop directional isolate",
}


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if match.group() == "\n":
        return "\\n"
    if match.group() == "\t":
        return "\\t"
    if match.group() == "\r":
        return "\\r"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, one_line: bool = True) -> str:
    """``text`` with every control shown as an escape (``\\x1b``, ``\\u202e``, ``\\n``).

    ``one_line=False`` keeps tab and newline as they are, for multi-line text
    (a commit message, a file's content) that is printed line by line.
    """
    pattern = _ON_ONE_LINE if one_line else FORBIDDEN
    return pattern.sub(_escape, text)


def describe(character: str) -> str:
    """'U+001B (escape)': a control character named for a finding."""
    name = _NAMES.get(character)
    return f"U+{ord(character):04X}" + (f" ({name})" if name else "")


def first_forbidden(text: str) -> int | None:
    """The index of the first character a record may not hold, or None."""
    match = FORBIDDEN.search(text)
    return None if match is None else match.start()


def json_text(data: Any, **options: Any) -> str:
    """``json.dumps`` with every control escaped: C0 as JSON does, C1 and bidi as \\uXXXX too."""
    text = json.dumps(data, ensure_ascii=False, **options)
    # These characters can only stand inside JSON strings, where \\uXXXX means the same.
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
