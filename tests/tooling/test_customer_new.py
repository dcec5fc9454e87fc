"""flagsite customer new, and $schema lines that lead to the schema from where each record stands (R016)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .conftest import Result, add_customer


def findings(run: Callable[..., Result], root: Path) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads(run("--root", str(root), "validate", "--format", "json").stdout)["findings"]
    return found


@pytest.fixture
def records(tmp_path: Path, run: Callable[..., Result]) -> Path:
    root = tmp_path / "records-repo"
    assert run("init", str(root)).exit_code == 0
    return root


def test_a_new_grouped_customer_has_a_schema_line_that_resolves_and_validates_once_named(records: Path, run: Callable[..., Result]) -> None:
    result = run("--root", str(records), "customer", "new", "C-20001", "--group", "north/G-01")
    assert result.exit_code == 0, result.stderr
    path = "records/customers/north/G-01/C-20001/customer.yaml"
    assert result.stdout.strip() == path
    text = (records / path).read_text()
    first = text.splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../../../../schema/customer.schema.json"
    assert (records / path).parent.joinpath(first.split("=", 1)[1]).resolve() == (records / "schema/customer.schema.json").resolve()
    assert [(f["path"], f["code"]) for f in findings(run, records)] == [(path, "S004")]  # the name is still to write
    (records / path).write_text(text.replace("'TODO: name of the account holder'", "Ann Lee"))
    assert findings(run, records) == []


def test_a_note_for_a_grouped_customer_gets_a_schema_line_that_resolves(records: Path, run: Callable[..., Result]) -> None:
    run("--root", str(records), "customer", "new", "C-20001", "--group", "G-01", "--name", "Ann Lee")
    note = run("--root", str(records), "note", "new", "C-20001", "--channel", "phone", "--at", "2026-06-05T09:30:00-05:00").stdout.strip()
    assert (records / note).read_text().splitlines()[0] == "# yaml-language-server: $schema=../../../../../schema/note.schema.json"
    assert "R016" not in {f["code"] for f in findings(run, records)}


@pytest.mark.parametrize("given", ["C-00001", "c-00001"])
def test_an_id_that_exists_in_any_folder_is_refused_and_nothing_is_written(records: Path, run: Callable[..., Result], given: str) -> None:
    (records / "records/customers/G-07").mkdir()
    shutil.move(records / "records/customers/C-00001", records / "records/customers/G-07/C-00001")
    before = sorted(p for p in (records / "records").rglob("*"))
    result = run("--root", str(records), "customer", "new", given, "--group", "G-02")
    assert result.exit_code == 1
    assert "exists already: records/customers/G-07/C-00001" in result.stderr
    assert sorted(p for p in (records / "records").rglob("*")) == before


@pytest.mark.parametrize(("args", "said"), [
    (["C 1"], "is not a customer id"),
    (["C-2", "--group", "../elsewhere"], "--group '../elsewhere'"),
    (["C-2", "--group", "C-00001"], "inside the customer folder records/customers/C-00001"),
    (["C-2", "--name", "  "], "a value given does not fit a customer"),
])
def test_bad_input_is_refused_with_the_reason_and_nothing_is_written(records: Path, run: Callable[..., Result], args: list[str], said: str) -> None:
    before = sorted(p for p in records.rglob("*"))
    result = run("--root", str(records), "customer", "new", *args)
    assert result.exit_code == 1
    assert said in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p for p in records.rglob("*")) == before


def test_a_customer_copied_into_a_grouping_folder_is_told_the_schema_line_to_write(records: Path, run: Callable[..., Result]) -> None:
    group = records / "records/customers/G-01"
    group.mkdir()
    shutil.move(records / "records/customers/C-00001", group / "C-00001")
    found = [f for f in findings(run, records) if f["code"] == "R016"]
    assert [(f["path"], f["line"], f["column"]) for f in found] == [
        ("records/customers/G-01/C-00001/customer.yaml", 1, 33),
        ("records/customers/G-01/C-00001/notes/2024-01-15-delivery-address.yaml", 1, 33),
    ]
    assert "write $schema=../../../../schema/customer.schema.json" in found[0]["message"]
    for finding, fix in zip(found, ["../../../../schema/customer.schema.json", "../../../../../schema/note.schema.json"], strict=True):
        path = records / finding["path"]
        _first, rest = path.read_text().split("\n", 1)
        path.write_text(f"# yaml-language-server: $schema={fix}\n{rest}")
    assert findings(run, records) == []


def test_a_schema_given_by_url_is_left_to_the_team(repo: Path, run: Callable[..., Result]) -> None:
    path = add_customer(repo, "C-2")
    path.write_text("# yaml-language-server: $schema=https://schemas.example.com/customer.schema.json\n" + path.read_text())
    assert "R016" not in {f["code"] for f in findings(run, repo)}
