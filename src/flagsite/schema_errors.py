"""Pydantic validation errors as findings a person who does not program can act on.

Each finding points at the YAML node and says, in this order: the field, as the
record's path (``flags → item 1 → type``); what was found there; what is
expected, in plain words; and what to write instead where it can be told
(``did you mean 'on-hold'?``, ``write 2027-12-31``, ``indent it under 'contact:'``).
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from .controls import visible
from .dates import date_written_right, moment_written_right
from .findings import Finding
from .load.yaml_strict import Loc, SourceMap
from .models import CURRENCY_TEXT, CUSTOMER_ID_PATTERN, DATE_TEXT, EMAIL_TEXT, PHONE_TEXT, STAFF_NAME_TEXT, VOCABULARY_NAME_TEXT
from .suggest import close_names, did_you_mean, normalised_name

# Known names by field, the list indexes left out: {"flags.type": ["on-hold", ...], "channel": [...]}.
Vocabulary = Mapping[str, Sequence[str]]

_CODE_OF_TYPE = {"extra_forbidden": "S001", "missing": "S002"}
# Parts of a location that pydantic adds and that name no field: the union branches of follow_up.
_BRANCH_TAGS = {"follow-up", "none"}
_BLOCK_TYPES = {"model_type", "model_attributes_type", "dict_type"}
_SHOWN_LENGTH = 60

# What each pattern asks for, in words.
_PATTERN_WORDS = {
    VOCABULARY_NAME_TEXT: "a name in lower case, words joined by hyphens",
    STAFF_NAME_TEXT: "a staff user name: letters, digits and . _ @ - only, no spaces (e.g. max.smith)",
    EMAIL_TEXT: "an email address such as name@example.com, without spaces",
    PHONE_TEXT: "a phone number: digits, spaces and + ( ) . / - only, e.g. +44 20 7946 0018",
    CURRENCY_TEXT: "a currency code of three capital letters, e.g. EUR",
    CUSTOMER_ID_PATTERN: "an id of letters, digits, '.', '_' and '-' (at most 64), starting with a letter or a digit, e.g. C-10042",
}
_NUMBER_WORDS = {
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number, e.g. 12.50",
    "float_parsing": "a number, e.g. 12.50",
    "finite_number": "a finite number",
}
_BOUND_WORDS = {
    "greater_than_equal": "a number of {ge} or more",
    "greater_than": "a number above {gt}",
    "less_than_equal": "a number of {le} or less",
    "less_than": "a number below {lt}",
}
_BOOLEAN_WORDS = {"yes": "true", "y": "true", "on": "true", "no": "false", "n": "false", "off": "false"}


def findings_from_validation_error(
    error: ValidationError,
    path: str,
    source: SourceMap,
    model: type[BaseModel] | None = None,
    vocabulary: Vocabulary | None = None,
) -> list[Finding]:
    items = error.errors(include_url=False)
    explain = _Explainer(source, model, vocabulary or {}, items)
    findings = []
    for item in items:
        loc = tuple(item["loc"])
        if item["type"] == "extra_forbidden" and loc in explain.orphans:
            continue  # told with the block they fell out of
        code = _CODE_OF_TYPE.get(item["type"], "S003")
        position = source.position(loc, prefer_key=(code == "S001" or loc[-1:] == ("[key]",)))  # a bad key is shown at its name
        line, column = position if position else (None, None)
        findings.append(Finding(path, line, column, code, explain.message(loc, item)))
    return findings


def plain_message(item: ErrorDetails, model: type[BaseModel] | None = None) -> str:
    """One error in the same words, for data that has no YAML positions (an order row: its column)."""
    return _Explainer(SourceMap(), model, {}, [item]).message(tuple(item["loc"]), item)


@dataclass
class _Explainer:
    source: SourceMap
    model: type[BaseModel] | None
    vocabulary: Vocabulary
    items: list[ErrorDetails]
    # Fields that lost their indentation, by the (key) location of the empty block above them.
    orphans_of: dict[Loc, list[Loc]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        extras = {tuple(item["loc"]) for item in self.items if item["type"] == "extra_forbidden"}
        for item in self.items:
            if item["type"] in _BLOCK_TYPES and item.get("input") is None:
                block = _key_loc(tuple(item["loc"]), self.source)
                fields = self._fields_of_block(tuple(item["loc"]))
                found = [key for key in self._keys_after(block) if key in extras and key[-1] in fields]
                self.orphans_of[block] = _leading_run(found, self._keys_after(block))

    @property
    def orphans(self) -> set[Loc]:
        return {key for keys in self.orphans_of.values() for key in keys}

    def message(self, loc: tuple[str | int, ...], item: ErrorDetails) -> str:
        kind = item["type"]
        if kind == "missing":
            return self._missing(loc)
        if kind == "extra_forbidden":
            return self._unknown(loc)
        found = "nothing under it" if kind in _BLOCK_TYPES and item.get("input") is None else _found(item.get("input"), kind)
        if kind == "value_error":  # a validator's own words say what is wrong and what to do
            return f"{_field_path(loc)}: found {found}; {str(item['msg']).removeprefix('Value error, ')}"
        expected, suggestion = self._expected(loc, item)
        return f"{_field_path(loc)}: found {found}; expected {expected}" + (f"; {suggestion}" if suggestion else "")

    def _missing(self, loc: Loc) -> str:
        name = str(loc[-1])
        holder = _field_path(loc[:-1])
        about = self._description(loc)
        where = "" if holder == _RECORD else f" in {holder}"
        return f"{_field_path(loc)}: missing; add '{name}:'{where}" + (f" ({about})" if about else "")

    def _unknown(self, loc: Loc) -> str:
        name = str(loc[-1])
        owner = self._block_above(loc)
        if owner is not None:
            owner_name = str(owner[-1])
            return f"{_field_path(loc)}: there is no field '{visible(name)}' here, but '{owner_name}' above has one; indent it under '{owner_name}:' like the lines above it"
        allowed = self._fields_of_block(loc[:-1])
        if not allowed:
            return f"{_field_path(loc)}: there is no field '{visible(name)}' here; remove it or fix its spelling"
        hint = did_you_mean(close_names(name, allowed, n=1)) or f"the fields here are: {', '.join(allowed)}"
        return f"{_field_path(loc)}: there is no field '{visible(name)}' here; remove it or fix its spelling ({hint})"

    def _expected(self, loc: Loc, item: ErrorDetails) -> tuple[str, str]:
        """What is expected in words, and what to write instead (empty when it cannot be told)."""
        kind = item["type"]
        value = item.get("input")
        ctx: dict[str, typing.Any] = dict(item.get("ctx") or {})
        if "expected" in ctx and kind.startswith(("date", "datetime")):
            return str(ctx["expected"]), str(ctx.get("suggestion", ""))
        if kind.startswith("datetime"):  # pydantic's own, for a datetime without the one written form
            return "a date and time written YYYY-MM-DDTHH:MM:SS+HH:MM", moment_written_right(str(value)) if isinstance(value, (str, int, float)) else ""
        if kind.startswith("date") and not isinstance(value, (str, int, float)):
            return "a date written YYYY-MM-DD", ""
        if kind.startswith("date"):
            form_is_right = re.fullmatch(DATE_TEXT, str(value)) is not None  # 2026-02-30: the date is wrong, not how it is written
            return "a date that exists" if form_is_right else "a date written YYYY-MM-DD", date_written_right(str(value))
        if kind == "string_pattern_mismatch":
            return self._pattern(loc, str(ctx.get("pattern", "")), value)
        if kind == "string_too_short":
            return "some text", "write it here" + ("" if self._required(loc) else ", or remove the line")
        if kind == "string_too_long":
            return f"at most {ctx.get('max_length')} characters", "shorten it"
        if kind == "string_type":
            if isinstance(value, (list, dict)):
                return "one line of text", "write the text on the field's own line"
            return "text", "put it in quotes, so that YAML reads it as text"
        if kind in ("literal_error", "enum"):
            return self._choice(loc, str(ctx.get("expected", "")), value)
        if kind in ("bool_type", "bool_parsing"):
            meant = _BOOLEAN_WORDS.get(str(value).strip().lower(), "") if isinstance(value, str) else ""
            return "true or false", f"did you mean {meant}?" if meant else ""
        if kind in _NUMBER_WORDS:
            return _NUMBER_WORDS[kind], "" if kind == "finite_number" else _as_number(value)
        if kind in _BOUND_WORDS:
            return _BOUND_WORDS[kind].format(**ctx), ""
        if kind in _BLOCK_TYPES:
            return self._block(loc, value)
        if kind == "list_type":
            return "a list, one '- item' per line", self._as_list(loc, value)
        if kind in ("too_short", "too_long"):
            bound = ctx.get("min_length") if kind == "too_short" else ctx.get("max_length")
            return f"{'at least' if kind == 'too_short' else 'at most'} {bound} item(s)", ""
        if kind == "change_value_type":
            return "one value (text, a number or a date), not a list or a block of fields", "write the value on the field's own line"
        if kind == "timezone_aware":
            return "a time with its UTC offset, e.g. 2026-06-03T14:12:00+01:00", ""
        return _lower_first(str(item["msg"]).removeprefix("Input should be ")), ""

    def _pattern(self, loc: Loc, pattern: str, value: object) -> tuple[str, str]:
        words = _PATTERN_WORDS.get(pattern, "text of another form")
        if pattern == VOCABULARY_NAME_TEXT and isinstance(value, str):
            known = self.vocabulary.get(_names(loc))
            if known:
                return f"one of: {', '.join(known)}", did_you_mean(close_names(value, known))
            normal = normalised_name(value)
            return words, did_you_mean([normal]) if re.fullmatch(pattern, normal) else ""
        if pattern == CURRENCY_TEXT and isinstance(value, str) and re.fullmatch(pattern, value.strip().upper()):
            return words, did_you_mean([value.strip().upper()])
        if pattern == STAFF_NAME_TEXT and isinstance(value, str) and value.strip():
            return words, did_you_mean([re.sub(r"[^A-Za-z0-9._@-]+", ".", value.strip())])
        return words, ""

    def _choice(self, loc: Loc, expected: str, value: object) -> tuple[str, str]:
        choices = re.findall(r"'([^']*)'", expected)
        if loc[-1:] == ("none",):  # follow_up: "none" or a follow-up block
            fields = self._fields_of_block(loc[:-1] + ("follow-up",))
            return f"none, or the follow-up's fields ({', '.join(fields)}) indented under it", ""
        words = f"{', '.join(choices[:-1])} or {choices[-1]}" if len(choices) > 1 else (choices[0] if choices else expected)
        return words, did_you_mean(close_names(value, choices, n=1)) if isinstance(value, str) else ""

    def _block(self, loc: Loc, value: object) -> tuple[str, str]:
        names = [part for part in loc if isinstance(part, str) and part not in _BRANCH_TAGS]
        name = names[-1] if names else _RECORD
        fields = self._fields_of_block(loc)
        expected = f"the fields of {name} ({', '.join(fields)}) indented under it" if fields else f"the fields of {name} indented under it"
        orphans = self.orphans_of.get(_key_loc(loc, self.source), [])
        if orphans:
            lines = ", ".join(f"{key[-1]} (line {self.source.keys[key][0]})" for key in orphans)
            return expected, f"{lines} lost {'its' if len(orphans) == 1 else 'their'} indentation: indent {'it' if len(orphans) == 1 else 'them'} under '{name}:'"
        if value is None:
            return expected, f"add the fields on the lines below '{name}:', indented, or remove '{name}:'"
        return expected, "write each field on its own line below, as 'field: value', indented"

    def _as_list(self, loc: Loc, value: object) -> str:
        if value is None:
            return "add '- item' lines under it, indented, or remove the line"
        if isinstance(value, (str, int, float)):
            return f"write it as a list: [{visible(str(value))}], or '- {visible(str(value))}' on the line below, indented"
        return "write one '- item' line for each item, indented under the field"

    def _fields_of_block(self, loc: Loc) -> list[str]:
        holder = _model_at(self.model, loc) if self.model is not None else None
        return [info.alias or name for name, info in holder.model_fields.items()] if holder is not None else []

    def _required(self, loc: Loc) -> bool:
        holder = _model_at(self.model, loc[:-1]) if self.model is not None else None
        info = _field_named(holder, str(loc[-1])) if holder is not None else None
        return info is None or info.is_required()

    def _description(self, loc: Loc) -> str:
        holder = _model_at(self.model, loc[:-1]) if self.model is not None else None
        info = _field_named(holder, str(loc[-1])) if holder is not None else None
        text = (info.description or "") if info is not None else ""
        return _lower_first(text.split(":")[0].split(";")[0].rstrip(". "))

    def _keys_after(self, key: Loc) -> list[Loc]:
        """The keys of the mapping holding ``key`` that stand after it, in order."""
        if key not in self.source.keys:
            return []
        line = self.source.keys[key][0]
        siblings = [other for other in self.source.keys if other[:-1] == key[:-1] and self.source.keys[other][0] > line]
        return sorted(siblings, key=lambda other: self.source.keys[other])

    def _block_above(self, loc: Loc) -> Loc | None:
        """The nearest field above an unknown field whose own fields include it: where it lost its indentation from."""
        if loc not in self.source.keys:
            return None
        line = self.source.keys[loc][0]
        above = sorted(
            (other for other in self.source.keys if other[:-1] == loc[:-1] and self.source.keys[other][0] < line),
            key=lambda other: self.source.keys[other],
            reverse=True,
        )
        for other in above:
            if loc[-1] in self._fields_of_block(other):
                return other
        return None


_RECORD = "the record"


def _field_path(loc: tuple[object, ...]) -> str:
    """``flags → item 1 → type``: where a value stands, as a person reads the file."""
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"item {part + 1}")
        elif part == "[key]":
            parts[-1:] = [f"the name {parts[-1]!r}" if parts else "a name"]
        elif isinstance(part, str) and part not in _BRANCH_TAGS:
            parts.append(visible(part))
    return " → ".join(parts) or _RECORD


def _names(loc: tuple[object, ...]) -> str:
    """``flags.type``: the fields of a location without list indexes, as vocabularies are keyed."""
    return ".".join(part for part in loc if isinstance(part, str) and part not in _BRANCH_TAGS)


def _key_loc(loc: tuple[object, ...], source: SourceMap) -> Loc:
    """``loc`` without the parts pydantic adds (union branches), as the file's keys are located."""
    prefix: Loc = ()
    for part in loc:
        if isinstance(part, (str, int)) and prefix + (part,) in source.values:
            prefix = prefix + (part,)
    return prefix


def _leading_run(found: list[Loc], after: list[Loc]) -> list[Loc]:
    """The keys of ``found`` that follow the block directly, up to the first key that belongs where it stands."""
    run = []
    for key in after:
        if key not in found:
            break
        run.append(key)
    return run


def _found(value: object, kind: str) -> str:
    """What was found, as a person would describe it; text shown with every control escaped."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        if not value.strip():
            return "empty text" if not value else "only spaces"
        shown = visible(value)
        if len(shown) > _SHOWN_LENGTH:
            shown = shown[: _SHOWN_LENGTH - 3] + "..."
        return f"the text '{shown}'" if kind in _NUMBER_WORDS or kind.startswith("bool") else f"'{shown}'"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a block of fields"
    return type(value).__name__


def _as_number(value: object) -> str:
    if not isinstance(value, str):
        return ""
    written = value.strip().replace(",", "")
    try:
        float(written)
    except ValueError:
        return "write the number alone, without a currency sign or words"
    return f"write {visible(written)} without quotes"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _field_named(model: type[BaseModel], part: str) -> FieldInfo | None:
    return next((f for name, f in model.model_fields.items() if part in (name, f.alias)), None)


def _model_at(model: type[BaseModel] | None, loc: tuple[object, ...]) -> type[BaseModel] | None:
    """The model that holds the mapping at ``loc`` (list indexes and union tags skipped)."""
    if model is None:
        return None
    current: type[BaseModel] = model
    for part in loc:
        if not isinstance(part, str):
            continue
        found = _field_named(current, part)
        if found is None:
            continue
        inner = _first_model(found.annotation)
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
