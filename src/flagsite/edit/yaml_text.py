"""YAML scalars written so that flagsite's strict loader reads them back unchanged.

The loader reads YAML 1.1 (libyaml), where a plain ``no`` is a boolean and
``0755`` a number; PyYAML's emitter knows those rules and quotes such values.
Rendering inside a flow sequence makes it quote every character that could be
syntax anywhere. Text with line breaks or control characters is written
double-quoted with escapes, so every value stays on one line.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import yaml

# Text PyYAML writes plain, unchanged, unless it reads as a boolean or null (the
# resolver says): most reasons and names. Asking the emitter costs ~0.1 ms a value.
_PLAIN_TEXT = re.compile(r"[A-Za-z][A-Za-z0-9 .;()/'-]*[A-Za-z0-9.)]|[A-Za-z]")
_STR_TAG = "tag:yaml.org,2002:str"
_resolver = yaml.resolver.Resolver()

# Characters YAML does not allow raw in a file, or that would break the line.
_NEEDS_ESCAPES = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")


def _double_quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON escapes are YAML escapes too)."""
    return _NEEDS_ESCAPES.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def plain_value(value: object) -> str | dt.date | bool | int | float:
    """ruamel.yaml's round-trip types (quoted, folded, literal strings...) as plain Python values."""
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, str):
        return str(value).rstrip("\n")  # a block scalar (| or >) ends in a line break that is not part of the text
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return str(value)


def scalar(value: object) -> str:
    value = plain_value(value)
    if isinstance(value, dt.date):
        return value.isoformat()  # as PyYAML writes a date
    if isinstance(value, str) and _PLAIN_TEXT.fullmatch(value) and _resolver.resolve(yaml.ScalarNode, value, (True, False)) == _STR_TAG:
        return value
    return emitted(value)


def emitted(value: str | bool | int | float) -> str:
    """The value as PyYAML's emitter writes it inside a one-line list."""
    if isinstance(value, str) and _NEEDS_ESCAPES.search(value):
        return _double_quoted(value)
    dumped = yaml.safe_dump([value], default_flow_style=True, width=1 << 30, allow_unicode=True)
    text = dumped.strip()
    if not (text.startswith("[") and text.endswith("]")) or "\n" in text:
        return _double_quoted(str(value))
    return text[1:-1]
