"""Pydantic validation errors as findings that point at the YAML node."""

from __future__ import annotations

from pydantic import ValidationError

from .findings import Finding
from .load.yaml_strict import SourceMap

_CODE_OF_TYPE = {"extra_forbidden": "S001", "missing": "S002"}


def findings_from_validation_error(error: ValidationError, path: str, source: SourceMap) -> list[Finding]:
    findings = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        code = _CODE_OF_TYPE.get(item["type"], "S003")
        position = source.position(loc, prefer_key=(code == "S001"))
        line, column = position if position else (None, None)
        findings.append(Finding(path, line, column, code, _message(code, loc, item)))
    return findings


def _dotted(loc: tuple[object, ...]) -> str:
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        elif isinstance(part, str) and part not in ("follow-up", "none"):
            parts.append(("." if parts else "") + part)
    return "".join(parts) or "(file)"


def _message(code: str, loc: tuple[object, ...], item: dict) -> str:
    where = _dotted(loc)
    if code == "S001":
        return f"unknown field '{where}'; remove it or fix its spelling (see the schema for the fields allowed here)"
    if code == "S002":
        return f"required field '{where}' is missing; add it"
    value = item.get("input")
    shown = repr(value) if isinstance(value, (str, int, float, bool)) or value is None else type(value).__name__
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return f"'{where}': {item['msg']} (got {shown}); correct the value"
