"""One version of a record file, read from a blob: the model's data where it is valid.

Old versions are read with the same strict loader as today's files. A version
that is valid is normalised through its model (dates as ISO strings, defaults
filled in), so that a reformatted file shows no change; one that is not valid
is compared as the data it holds, and one that cannot be read at all is said so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from ..discover import CUSTOMER_FILE
from ..load.yaml_strict import load_yaml_bytes
from ..models import Customer, Note
from .changes import jsonable


@dataclass(frozen=True)
class Version:
    data: dict[str, Any] | None  # None when the file could not be read
    valid: bool
    problem: str = ""


def parse_version(content: bytes | None, path: str, *, validate: bool = True) -> Version:
    if content is None:
        return Version(None, False, "the file's contents are missing from the repository")
    loaded = load_yaml_bytes(content, path)
    if loaded.data is None:
        first = loaded.findings[0] if loaded.findings else None
        return Version(None, False, first.message if first else "not readable YAML")
    if not validate:
        return Version(jsonable(loaded.data), False)
    model = Customer if path.endswith("/" + CUSTOMER_FILE) or path == CUSTOMER_FILE else Note
    try:
        record = model.model_validate(loaded.data)
    except ValidationError:
        return Version(jsonable(loaded.data), False, "not valid against the schema")
    return Version(record.model_dump(mode="json", by_alias=True), True)
