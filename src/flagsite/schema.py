"""JSON Schemas for record files, generated from the models.

Editors with the YAML language server complete and check fields as people
type, from the ``# yaml-language-server: $schema=...`` line at the top of a
record. The vocabulary is configuration, so the schemas are written with the
repository's own flag types, dispositions and channels as enums.
"""

from __future__ import annotations

import json
import os
from typing import Any

from .config import Config
from .models import Customer, Note

SCHEMA_FILES = {"customer.schema.json": Customer, "note.schema.json": Note}


def build_schemas(config: Config) -> dict[str, dict[str, Any]]:
    customer = Customer.model_json_schema(by_alias=True)
    flag = customer["$defs"]["Flag"]["properties"]["type"]
    flag["enum"] = list(config.flag_types)
    flag["description"] = "; ".join(f"{name}: {t.label} ({t.severity})" for name, t in config.flag_types.items())
    note = Note.model_json_schema(by_alias=True)
    note["properties"]["disposition"]["enum"] = list(config.dispositions)
    note["properties"]["channel"]["enum"] = list(config.channels)
    schemas = {"customer.schema.json": customer, "note.schema.json": note}
    for name, schema in schemas.items():
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"https://flagsite.invalid/schema/{name}"
    return schemas


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
