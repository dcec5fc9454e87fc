"""Pydantic validation errors as findings that point at the YAML node."""

from __future__ import annotations

import difflib
import typing

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .findings import Finding
from .load.yaml_strict import SourceMap

_CODE_OF_TYPE = {"extra_forbidden": "S001", "missing": "S002"}
# What to do, by pydantic error type; the default is "correct the value".
_REMEDY_OF_TYPE = {
    "timezone_aware": "write the time with its UTC offset, e.g. 2026-06-03T14:12:00-05:00",
    "datetime_from_date_parsing": "write date and time as 2026-06-03T14:12:00-05:00",
    "datetime_parsing": "write date and time as 2026-06-03T14:12:00-05:00",
    "datetime_type": "write date and time as 2026-06-03T14:12:00-05:00",
    "date_from_datetime_parsing": "write the date as YYYY-MM-DD",
    "date_from_datetime_inexact": "write the date as YYYY-MM-DD, without a time",
    "date_parsing": "write the date as YYYY-MM-DD",
    "date_form": "write the date as YYYY-MM-DD, e.g. 2026-06-03",
    "datetime_form": "write date and time as 2026-06-03T14:12:00-05:00 (seconds and UTC offset included)",
    "date_type": "write the date as YYYY-MM-DD",
    "string_type": "write text here (quote it if YAML reads it as a number, date or boolean)",
    "string_too_short": "write something here, or remove the field",
    "list_type": "write a list here: one '- item' per line, or [a, b]",
    "model_type": "write a mapping of 'field: value' lines here",
    "model_attributes_type": "write a mapping of 'field: value' lines here",
    "bool_type": "write true or false",
    "bool_parsing": "write true or false",
    "change_value_type": "write one value here, not a list or mapping",
}


def findings_from_validation_error(
    error: ValidationError, path: str, source: SourceMap, model: type[BaseModel] | None = None
) -> list[Finding]:
    findings = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        code = _CODE_OF_TYPE.get(item["type"], "S003")
        position = source.position(loc, prefer_key=(code == "S001" or loc[-1:] == ("[key]",)))  # a bad key is shown at its name
        line, column = position if position else (None, None)
        message = _message(code, loc, item)
        if code == "S001" and model is not None:
            message += _allowed_fields_hint(model, loc)
        findings.append(Finding(path, line, column, code, message))
    return findings


def _dotted(loc: tuple[object, ...]) -> str:
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        elif isinstance(part, str) and part not in ("follow-up", "none"):
            parts.append(("." if parts else "") + part)
    return "".join(parts) or "(file)"


def _message(code: str, loc: tuple[object, ...], item: ErrorDetails) -> str:
    where = _dotted(loc)
    if code == "S001":
        return f"unknown field '{where}'; remove it or fix its spelling"
    if code == "S002":
        return f"required field '{where}' is missing; add it"
    value = item.get("input")
    shown = repr(value) if isinstance(value, (str, int, float, bool)) or value is None else type(value).__name__
    if len(shown) > 60:
        shown = shown[:57] + "..."
    remedy = _REMEDY_OF_TYPE.get(item["type"], "correct the value")
    return f"'{where}': {item['msg']} (got {shown}); {remedy}"


def _model_at(model: type[BaseModel], loc: tuple[object, ...]) -> type[BaseModel] | None:
    """The model that holds the mapping at ``loc`` (list indexes and union tags skipped)."""
    current: type[BaseModel] = model
    for part in loc:
        if not isinstance(part, str):
            continue
        field = next((f for name, f in current.model_fields.items() if part in (name, f.alias)), None)
        if field is None:
            continue
        inner = _first_model(field.annotation)
        if inner is None:
            return None
        current = inner
    return current


def _first_model(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _first_model(arg)
        if found is not None:
            return found
    return None


def _allowed_fields_hint(model: type[BaseModel], loc: tuple[object, ...]) -> str:
    holder = _model_at(model, loc[:-1])
    if holder is None or not isinstance(loc[-1], str):
        return ""
    allowed = [f.alias or name for name, f in holder.model_fields.items()]
    close = difflib.get_close_matches(loc[-1], allowed, n=1)
    if close:
        return f" (did you mean '{close[0]}'?)"
    return f" (fields allowed here: {', '.join(allowed)})"
