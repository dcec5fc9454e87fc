"""One version of a record file, read from a blob: the model's data where it is valid.

Old versions are read with the same strict loader as today's files. A version
that is valid is normalised through its model (dates as ISO strings, defaults
filled in), so that a reformatted file shows no change; one that is not valid
is compared as the data it holds, and one that cannot be read at all is said so.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ..layout import CUSTOMER_FILE
from ..models import Customer, Note
from ..read import load_record
from .changes import jsonable


@dataclass(frozen=True)
class Version:
    data: dict[str, Any] | None  # None when the file could not be read
    valid: bool
    problem: str = ""


def _model_of(path: str) -> type[Customer] | type[Note]:
    return Customer if path.endswith("/" + CUSTOMER_FILE) or path == CUSTOMER_FILE else Note


@functools.cache
def _defaults(model: type[BaseModel]) -> tuple[tuple[str, bool, Any], ...]:
    """(key, has a default, the default as JSON data), in the model's field order."""
    fields = []
    for name, info in model.model_fields.items():
        default: Any = None
        if not info.is_required():
            default = info.get_default(call_default_factory=True)
            default = default.model_dump(mode="json", by_alias=True) if isinstance(default, BaseModel) else jsonable(default)
        fields.append((info.alias or name, not info.is_required(), default))
    return tuple(fields)


def normalise(data: dict[str, Any], path: str, only: set[str] | None = None) -> dict[str, Any]:
    """Data read without validation, shaped like a model's dump: defaults filled in, fields in order.

    So that "critical: true" added to a note reads "changed from no to yes"
    whether or not the version was validated. With ``only``, other fields are
    left out: two versions compared by their changed fields alone would get
    the same default for every other field, which shows no change.
    """
    out: dict[str, Any] = {}
    for key, has_default, default in _defaults(_model_of(path)):
        if only is not None and key not in only:
            continue
        if key in data:
            out[key] = data[key]
        elif has_default:
            out[key] = default
    out.update((k, v) for k, v in data.items() if k not in out)
    return out


def parse_version(content: bytes | None, path: str, *, validate: bool = True) -> Version:
    if content is None:
        return Version(None, False, "the file's contents are missing from the repository")
    loaded = load_record(content, path, _model_of(path) if validate else None)
    if loaded.data is None:
        first = loaded.findings[0] if loaded.findings else None
        return Version(None, False, first.message if first else "not readable YAML")
    if not validate:
        return Version(normalise(jsonable(loaded.data), path), False)
    if loaded.record is None:
        return Version(normalise(jsonable(loaded.data), path), False, "not valid against the schema")
    return Version(loaded.record.model_dump(mode="json", by_alias=True), True)
