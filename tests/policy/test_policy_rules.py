"""Each policy rule on its own fixtures: tests/policy/rules/<CODE>/{good,bad}/<case>.yaml.

A bad fixture must be flagged with that rule, at a line of the file; a good
fixture must pass with no finding at all (no noise). A fixture whose name
starts with "customer" is a customer.yaml; any other is a note.
"""

from __future__ import annotations

import os

import pytest

from flagsite.findings import Finding
from flagsite.rules import all_rules
from flagsite.schema import SCHEMA_LINE, schema_target

from .conftest import HERE, Validate

RULES_DIR = os.path.join(HERE, "rules")


def _cases(kind: str) -> list[tuple[str, str]]:
    cases = []
    for code in sorted(os.listdir(RULES_DIR)):
        folder = os.path.join(RULES_DIR, code, kind)
        if os.path.isdir(folder):
            cases += [(code, os.path.join(folder, name)) for name in sorted(os.listdir(folder)) if name.endswith(".yaml")]
    return cases


def _ids(cases: list[tuple[str, str]]) -> list[str]:
    return [f"{code}-{os.path.basename(path)[:-5]}" for code, path in cases]


def _run(validate: Validate, path: str) -> tuple[list[Finding], str]:
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    name = os.path.basename(path)
    if name.startswith("customer-"):
        record = "records/customers/C-1/customer.yaml"
        return validate(customer=_moved(text, record)), record
    note_name = f"2026-06-03-{name}"
    record = f"records/customers/C-1/notes/{note_name}"
    return validate(note_files={note_name: _moved(text, record)}), record


def _moved(text: str, record: str) -> str:
    """The fixture's $schema line leads to the schema from where it is kept; rewritten for where it is checked."""
    first, _, rest = text.partition("\n")
    if first.startswith("# yaml-language-server:"):
        return SCHEMA_LINE.format(target=schema_target(record)) + "\n" + rest
    return text


GOOD = _cases("good")
BAD = _cases("bad")


@pytest.mark.parametrize(("code", "path"), BAD, ids=_ids(BAD))
def test_bad_fixture_is_flagged_where_it_is_wrong(validate: Validate, code: str, path: str) -> None:
    findings, record = _run(validate, path)
    hits = [f for f in findings if f.code == code]
    assert hits, f"{code} expected on {path}; got {[(f.code, f.message) for f in findings]}"
    for finding in hits:
        assert finding.path == record
        assert finding.line is not None and finding.line > 1, "a finding points at the field, not the file"
        assert finding.message and finding.message.endswith("]")


@pytest.mark.parametrize(("code", "path"), GOOD, ids=_ids(GOOD))
def test_good_fixture_passes_without_findings(validate: Validate, code: str, path: str) -> None:
    findings, _ = _run(validate, path)
    assert findings == []


def test_every_rule_has_good_and_bad_fixtures() -> None:
    with_bad = {code for code, _ in BAD}
    with_good = {code for code, _ in GOOD}
    for rule in all_rules():
        assert rule.code in with_bad, f"{rule.code} has no bad fixture"
        assert rule.code in with_good, f"{rule.code} has no good fixture"
