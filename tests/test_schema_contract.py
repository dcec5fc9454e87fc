"""One contract: the JSON Schemas accept exactly the records `flagsite validate` accepts at the schema level.

check-jsonschema (the tool teams run in CI and pre-commit) and validate both
judge every record file of the example cases and of records generated here;
a file one of them accepts and the other refuses fails the test. Schema level:
the fields, their types and forms (S001-S003), control characters in text
(S005) and the vocabulary the schema
lists as enums (R005-R007). A file that is not strict YAML (Y codes) is left
out: check-jsonschema reads YAML with its own, more lenient parser.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from flagsite.config import load_config
from flagsite.discover import discover
from flagsite.repository import load_repository
from flagsite.schema import render_schemas

CASES = Path(__file__).parent / "cases"
TODAY = dt.date(2026, 11, 22)
SCHEMA_LEVEL = {"S001", "S002", "S003", "S005", "R005", "R006", "R007"}
CHECK_JSONSCHEMA = str(Path(sys.executable).parent / "check-jsonschema")


def validate_verdicts(root: Path) -> dict[str, bool]:
    """Record file -> accepted by validate at the schema level (files that are not strict YAML left out)."""
    findings = load_repository(str(root), today=TODAY, jobs=1).findings
    layout = discover(str(root))
    files = [f for folder in layout.customers for f in ([folder.customer_file] if folder.has_customer_file else []) + folder.note_files]
    not_yaml = {f.path for f in findings if f.code.startswith("Y") or f.code == "X001"}
    refused = {f.path for f in findings if f.code in SCHEMA_LEVEL}
    return {path: path not in refused for path in files if path not in not_yaml and (root / path).is_file()}


def schema_verdicts(files: list[Path], schema_dir: Path) -> dict[Path, bool]:
    """Record file -> accepted by check-jsonschema with its repository's own schemas.

    One check-jsonschema run for all the files that share a schema: each run costs a process start.
    """
    groups: dict[str, list[Path]] = {}
    for path in files:
        root = next(p for p in path.parents if (p / "records").is_dir())
        name = "customer.schema.json" if path.name == "customer.yaml" else "note.schema.json"
        groups.setdefault(render_schemas(load_config(str(root))[0])[name], []).append(path)
    verdicts: dict[Path, bool] = {}
    for index, (schema, paths) in enumerate(groups.items()):
        schema_file = schema_dir / f"{index}.schema.json"
        schema_file.parent.mkdir(parents=True, exist_ok=True)
        schema_file.write_text(schema)
        done = subprocess.run(
            [CHECK_JSONSCHEMA, "--schemafile", str(schema_file), "--output-format", "json", *map(str, paths)],
            capture_output=True, text=True, check=False,
        )
        report = json.loads(done.stdout)
        assert not report.get("parse_errors"), report["parse_errors"]
        failed = {Path(error["filename"]) for error in report.get("errors", [])}
        verdicts.update({path: path not in failed for path in paths})
    return verdicts


def disagreements(roots: list[Path], schema_dir: Path) -> list[str]:
    by_validate = {root / path: ok for root in roots for path, ok in validate_verdicts(root).items()}
    assert len(by_validate) > 40  # the records were read, not skipped
    by_schema = schema_verdicts(sorted(by_validate), schema_dir)
    return [
        f"{path}: validate {'accepts' if ok else 'refuses'}, the schema {'accepts' if by_schema[path] else 'refuses'}"
        for path, ok in sorted(by_validate.items())
        if by_schema[path] != ok
    ]


def test_the_schemas_and_validate_agree_on_every_example_case(tmp_path: Path) -> None:
    cases = [case for kind in ("valid", "invalid") for case in sorted((CASES / kind).iterdir()) if case.is_dir()]
    assert disagreements(cases, tmp_path) == []


# Forms people write, right and wrong, for each kind of value.
DATES = ["2024-01-15", "2024-01-15T00:00:00Z", "2024-01-15 00:00:00", "2024-1-5", "2024-02-30", "2024-13-01",
         "20240115", "'2024-01-15'", "2024-01-15T10:30:00+00:00", "15/01/2024", "2024-W03-1", "2024-015", "0000-01-01",
         "9999-12-31", "2024-01-15x"]
DATE_TIMES = ["2024-01-15T10:30:00+00:00", "2024-01-15 10:30:00+00:00", "2024-01-15T10:30+00:00", "2024-01-15T10:30:00Z",
              "2024-01-15t10:30:00z", "2024-01-15T10:30:00", "2024-01-15T10:30:00.123456-05:00", "2024-01-15T10:30:00.1234567Z",
              "2024-01-15T24:00:00Z", "2024-01-15T23:59:60Z", "2024-01-15T10:30:00+01", "2024-01-15T10:30:00+0100",
              "2024-01-15", "2024-01-15T10:30:00 +00:00", "'2024-01-15T10:30:00-05:00'", "2024-01-15T10:30:00-00:00",
              "2024-01-15T10:30:00+24:00", "2024-02-30T10:30:00Z"]
EMAILS = ['"a\\u202e@b.co"', "a@example.com", "a@b", "'a b@c.de'", "'@b.co'", "a@b..co", "a@.b.co", "ü@exämple.com", "a.b+c@sub.example.org", "a@b.c."]
TEXTS = ['"Esc \\e[31m red"', '"right-to-left \\u202e override"', '"tab\\tand line\\nbreak"', "Called about a refund.", "'  '", "''", "' padded '", "'\\t'", "x"]
AMOUNTS = ["12.5", "12", "'12'", "-3", "1e3", ".inf", "true", "null", "1_000"]
CRITICAL = ["true", "false", "'yes'", "1", "null"]


def customer_yaml(rng: random.Random, customer_id: str) -> str:
    return (
        f"id: {customer_id}\nname: {rng.choice(TEXTS)}\ncontacts:\n  emails: [{rng.choice(EMAILS)}]\n"
        f"preferences:\n  - text: {rng.choice(TEXTS)}\n    since: {rng.choice(DATES)}\n"
        f"flags:\n  - type: {rng.choice(['on-hold', 'manager', 'vip-ish'])}\n    reason: {rng.choice(TEXTS)}\n"
        f"    created: {rng.choice(DATES)}\n    created_by: max\n    review_by: {rng.choice(DATES)}\n"
    )


def note_yaml(rng: random.Random) -> str:
    return (
        f"at: {rng.choice(DATE_TIMES)}\nauthor: jdoe\nchannel: {rng.choice(['phone', 'fax'])}\n"
        f"contact:\n  name: {rng.choice(TEXTS)}\nreason: {rng.choice(TEXTS)}\nresolution: [{rng.choice(TEXTS)}]\n"
        f"changes:\n  - field: address\n    from: {rng.choice(DATES)}\n    to: x\n"
        f"amounts:\n  - kind: refund\n    amount: {rng.choice(AMOUNTS)}\n    currency: EUR\n"
        f"disposition: {rng.choice(['complaint', 'resolved'])}\ncritical: {rng.choice(CRITICAL)}\n"
        f"follow_up:\n  due: {rng.choice(DATES)}\n  owner: jdoe\n  action: Call back.\n"
    )


def test_the_schemas_and_validate_agree_on_generated_records(tmp_path: Path) -> None:
    rng = random.Random(20261122)
    root = tmp_path / "generated"
    # Every form of every kind in some record at least once, the rest drawn at random.
    for index in range(240):
        folder = root / "records" / "customers" / f"C-{index:04d}"
        (folder / "notes").mkdir(parents=True)
        (folder / "customer.yaml").write_text(customer_yaml(rng, f"C-{index:04d}"))
        (folder / "notes" / "2024-01-15-call.yaml").write_text(note_yaml(rng))
    for index, (date, date_time) in enumerate(itertools.zip_longest(DATES, DATE_TIMES, fillvalue="2024-01-15T10:30:00Z")):
        folder = root / "records" / "customers" / f"F-{index:04d}"
        (folder / "notes").mkdir(parents=True)
        (folder / "customer.yaml").write_text(
            f"id: F-{index:04d}\nname: Pat\nflags:\n  - type: on-hold\n    reason: Unpaid.\n    created: {date}\n    created_by: max\n"
        )
        (folder / "notes" / "2024-01-15-call.yaml").write_text(
            f"at: {date_time}\nauthor: jdoe\nchannel: phone\ncontact: {{name: Pat}}\nreason: Called.\ndisposition: complaint\n"
        )
    verdicts = validate_verdicts(root)
    assert 0 < sum(verdicts.values()) < len(verdicts)  # some accepted, some refused: the forms were exercised
    assert disagreements([root], tmp_path / "schema") == []


@pytest.mark.parametrize(
    ("field", "written"),
    [("created", "2024-01-15T00:00:00Z"), ("created", "2024-1-5")],
)
def test_a_date_in_another_form_is_refused_with_the_form_to_write(tmp_path: Path, field: str, written: str) -> None:
    folder = tmp_path / "records" / "customers" / "C-1"
    folder.mkdir(parents=True)
    (folder / "customer.yaml").write_text(
        f"id: C-1\nname: Pat\nflags:\n  - type: on-hold\n    reason: Unpaid.\n    {field}: {written}\n    created_by: max\n"
    )
    [finding] = [f for f in load_repository(str(tmp_path), today=TODAY, jobs=1).findings if f.severity == "error"]
    assert (finding.path, finding.line, finding.code) == ("records/customers/C-1/customer.yaml", 6, "S003")
    assert "YYYY-MM-DD" in finding.message


@pytest.mark.parametrize("written", ["2024-01-15 10:30:00+00:00", "2024-01-15T10:30+00:00"])
def test_a_date_time_in_another_form_is_refused_with_the_form_to_write(tmp_path: Path, written: str) -> None:
    folder = tmp_path / "records" / "customers" / "C-1"
    (folder / "notes").mkdir(parents=True)
    (folder / "customer.yaml").write_text("id: C-1\nname: Pat\n")
    (folder / "notes" / "2024-01-15-call.yaml").write_text(
        f"at: {written}\nauthor: jdoe\nchannel: phone\ncontact: {{name: Pat}}\nreason: Called.\ndisposition: complaint\n"
    )
    [finding] = [f for f in load_repository(str(tmp_path), today=TODAY, jobs=1).findings if f.severity == "error"]
    assert (finding.line, finding.code) == (1, "S003")
    assert finding.message.endswith("; write 2024-01-15T10:30:00+00:00")  # the same moment, in the one form
