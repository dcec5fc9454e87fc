"""The package's layering, read from its imports: one home for the layout, and no package importing one that imports it back."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "flagsite"
LAYOUT_NAMES = {"RECORDS_DIR", "CUSTOMERS_DIR", "ORDERS_DIR", "CUSTOMER_FILE", "NOTES_DIR", "NOTE_FILE_NAME", "MAX_GROUPING_DEPTH", "is_note_file_name"}


def _imports() -> dict[str, set[tuple[str, str]]]:
    """For each module (dotted, under flagsite), the (module, name) pairs it imports from flagsite."""
    found: dict[str, set[tuple[str, str]]] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        package = parts[:-1]
        module = ".".join(parts if parts[-1] != "__init__" else parts[:-1])
        pairs: set[tuple[str, str]] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = package[: len(package) - node.level + 1] if node.level else []
                target = ".".join([*base, *([node.module] if node.module else [])])
                pairs |= {(target, alias.name) for alias in node.names}
            elif isinstance(node, ast.Import):
                pairs |= {(alias.name, "") for alias in node.names}
        found[module] = {(target, name) for target, name in pairs if target.startswith("flagsite")}
    return found


def _imports_package(pairs: set[tuple[str, str]], package: str) -> bool:
    return any(target == package or target.startswith(package + ".") or f"{target}.{name}".startswith(package + ".") for target, name in pairs)


def test_layout_names_come_from_layout_only() -> None:
    borrowed = sorted(
        f"{module} imports {name} from {target}"
        for module, pairs in _imports().items()
        for target, name in pairs
        if name in LAYOUT_NAMES and target != "flagsite.layout"
    )
    assert borrowed == []


def test_record_and_history_do_not_import_each_other() -> None:
    imports = _imports()
    record_to_history = sorted(m for m, pairs in imports.items() if m.startswith("flagsite.record") and _imports_package(pairs, "flagsite.history"))
    history_to_record = sorted(m for m, pairs in imports.items() if m.startswith("flagsite.history") and _imports_package(pairs, "flagsite.record"))
    assert not (record_to_history and history_to_record), (record_to_history, history_to_record)
    assert history_to_record == []  # history is read by record, never the other way round


def test_one_home_for_finding_a_customer_and_reading_a_record() -> None:
    assert not (PACKAGE / "edit" / "locate.py").exists()
    readers = sorted(
        m for m, pairs in _imports().items()
        if ("flagsite.load.yaml_strict", "load_yaml_bytes") in pairs and m not in {"flagsite.read", "flagsite.history.blocks"}
    )
    assert readers == []  # every other reader goes through flagsite.read


def test_configuration_does_not_import_the_policy_checks() -> None:
    imports = _imports()
    assert not _imports_package(imports["flagsite.config"], "flagsite.policy")
    assert not _imports_package(imports["flagsite.rule_settings"], "flagsite.policy")
    assert not any(target.startswith("flagsite") for target, _ in imports["flagsite.rules"])
