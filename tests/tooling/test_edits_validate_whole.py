"""An edit that validate would refuse writes nothing, policy rules included; findings print as validate prints them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .conftest import Result

SLANG = "Cuz u said thx gonna y"
CUSTOMER = "records/customers/C-10042/customer.yaml"


def _validate_lines(run: Callable[..., Result], repo: Path) -> list[str]:
    return [line for line in run("--root", str(repo), "validate").stdout.splitlines() if line.startswith("records/")]


def test_flag_add_with_slang_writes_nothing_and_prints_the_policy_finding(repo: Path, run: Callable[..., Result]) -> None:
    before = (repo / CUSTOMER).read_text()
    result = run("--root", str(repo), "flag", "add", "C-10042", "--type", "alert", "--reason", SLANG, "--by", "max")
    assert result.exit_code == 1
    assert (repo / CUSTOMER).read_text() == before
    assert "nothing was written" in result.stderr
    finding = [line for line in result.stderr.splitlines() if " P301 " in line]
    assert finding and finding[0].startswith(f"{CUSTOMER}:")  # path:line:col, as validate prints it
    assert run("--root", str(repo), "validate").exit_code == 0


def test_flag_edit_with_slang_writes_nothing(repo: Path, run: Callable[..., Result]) -> None:
    before = (repo / CUSTOMER).read_text()
    result = run("--root", str(repo), "flag", "edit", "C-10042", "--type", "warning", "--reason", SLANG)
    assert result.exit_code == 1 and "P301" in result.stderr
    assert (repo / CUSTOMER).read_text() == before


def test_flag_bulk_row_with_slang_writes_nothing(repo: Path, run: Callable[..., Result], tmp_path: Path) -> None:
    before = (repo / CUSTOMER).read_text()
    csv_path = tmp_path / "flags.csv"
    csv_path.write_text(f"action,customer,type,reason,created,created_by\nadd,C-10042,alert,{SLANG},2026-06-01,max\n")
    result = run("--root", str(repo), "flag", "bulk", str(csv_path))
    assert result.exit_code == 1
    assert "flags.csv:2: C-10042 would not validate after this row: P301" in result.stderr
    assert any(line.startswith(f"{CUSTOMER}:") and " P301 " in line for line in result.stderr.splitlines())
    assert (repo / CUSTOMER).read_text() == before


def test_note_new_with_slang_writes_nothing(repo: Path, run: Callable[..., Result]) -> None:
    notes = repo / "records/customers/C-10042/notes"
    result = run("--root", str(repo), "note", "new", "C-10042", "--reason", SLANG, "--author", "max")
    assert result.exit_code == 1 and "P301" in result.stderr
    assert [p.name for p in notes.iterdir()] == ["2026-06-03-refund.yaml"]


def test_note_new_outline_is_still_written_with_its_todos(repo: Path, run: Callable[..., Result]) -> None:
    result = run("--root", str(repo), "note", "new", "C-10042", "--author", "max")
    assert result.exit_code == 0, result.stderr
    assert any(" S004 " in line for line in _validate_lines(run, repo))


def test_flag_warning_is_printed_as_validate_prints_it(repo: Path, run: Callable[..., Result]) -> None:
    result = run("--root", str(repo), "flag", "add", "C-10042", "--type", "alert", "--reason", "Card declined twice on order SO-1.",
                 "--by", "max", "--created", "2026-06-01", "--review-by", "2026-06-02")
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "(warning)" in line]
    assert warnings and set(warnings) <= set(_validate_lines(run, repo))


def test_schema_names_a_broken_configuration_without_none(repo: Path, run: Callable[..., Result]) -> None:
    (repo / "flagsite.yaml").mkdir()  # a finding without a line: the file as a whole
    result = run("--root", str(repo), "schema")
    assert result.exit_code == 0
    assert "None" not in result.stderr
    assert result.stderr.startswith("flagsite.yaml")

