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

_NEEDS_ESCAPES = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]")


def scalar(value: str | dt.date | bool | int | float) -> str:
    if isinstance(value, str) and _NEEDS_ESCAPES.search(value):
        return json.dumps(value, ensure_ascii=False)
    dumped = yaml.safe_dump([value], default_flow_style=True, width=1 << 30, allow_unicode=True)
    text = dumped.strip()
    if not (text.startswith("[") and text.endswith("]")) or "\n" in text:
        return json.dumps(str(value), ensure_ascii=False)
    return text[1:-1]
