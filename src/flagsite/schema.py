"""JSON Schemas for record files, generated from the models.

Editors with the YAML language server complete and check fields as people
type, from the ``# yaml-language-server: $schema=...`` line at the top of a
record. The vocabulary is configuration, so the schemas are written with the
repository's own flag types, dispositions and channels as enums.
"""

from __future__ import annotations

import json
import os
import posixpath
from typing import TYPE_CHECKING, Any

from .controls import FORBIDDEN_CLASS
from .layout import ERASED_DIR
from .models import Customer, Erasure, Note

if TYPE_CHECKING:  # a type here: what reads the configuration loads it
    from .config import Config

SCHEMA_FILES = {"customer.schema.json": Customer, "note.schema.json": Note, "erasure.schema.json": Erasure}
SCHEMA_DIR = "schema"
SCHEMA_LINE = "# yaml-language-server: $schema={target}"


def schema_file_for(record_path: str) -> str:
    """The schema a record file is checked against, relative to the repository: schema/<kind>.schema.json."""
    if posixpath.dirname(record_path) == ERASED_DIR:
        name = "erasure.schema.json"
    else:
        name = "customer.schema.json" if posixpath.basename(record_path) == "customer.yaml" else "note.schema.json"
    return f"{SCHEMA_DIR}/{name}"


def schema_target(record_path: str) -> str:
    """What the record's $schema line must say: the way from its folder to its schema (paths relative to the repository)."""
    return posixpath.relpath(schema_file_for(record_path), posixpath.dirname(record_path))


def schema_line_target(root: str, record_path: str) -> str | None:
    """The $schema target a record written at ``record_path`` gets; None while the repository has no such schema."""
    if not os.path.isfile(os.path.join(root, *schema_file_for(record_path).split("/"))):
        return None
    return schema_target(record_path)


def build_schemas(config: Config) -> dict[str, dict[str, Any]]:
    customer = Customer.model_json_schema(by_alias=True)
    flag = customer["$defs"]["Flag"]["properties"]["type"]
    flag["enum"] = list(config.flag_types)
    flag["description"] = "; ".join(f"{name}: {t.label} ({t.severity})" for name, t in config.flag_types.items())
    note = Note.model_json_schema(by_alias=True)
    note["properties"]["disposition"]["enum"] = list(config.dispositions)
    note["properties"]["channel"]["enum"] = list(config.channels)
    schemas = {"customer.schema.json": customer, "note.schema.json": note, "erasure.schema.json": Erasure.model_json_schema(by_alias=True)}
    for name, schema in schemas.items():
        _no_control_characters(schema)
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"https://flagsite.invalid/schema/{name}"
    return schemas


def _no_control_characters(node: Any) -> None:
    """Every free-text string refuses control characters, as validate does (S005); typed strings have their own patterns."""
    if isinstance(node, dict):
        if node.get("type") == "string" and not {"pattern", "enum", "const", "format"} & node.keys():
            node["pattern"] = f"^[^{FORBIDDEN_CLASS}]*$"
        for value in node.values():
            _no_control_characters(value)
    elif isinstance(node, list):
        for value in node:
            _no_control_characters(value)


def render_schemas(config: Config) -> dict[str, str]:
    return {name: json.dumps(schema, indent=2, ensure_ascii=False) + "\n" for name, schema in build_schemas(config).items()}


def write_schemas(folder: str, config: Config) -> list[str]:
    os.makedirs(folder, exist_ok=True)
    written = []
    for name, text in render_schemas(config).items():
        path = os.path.join(folder, name)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        written.append(path)
    return written
