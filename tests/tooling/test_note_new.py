"""flagsite note new: an outline that validate reports until it is filled in; never overwrites."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .conftest import Result, add_customer


def _findings(run: Callable[..., Result], repo: Path) -> tuple[int, list[dict[str, Any]]]:
    result = run("--root", str(repo), "validate", "--format", "json")
    return result.exit_code, json.loads(result.stdout)["findings"]


def test_new_note_is_written_where_validate_finds_it_and_its_todos_are_reported(repo: Path, run: Callable[..., Result]) -> None:
    result = run("--root", str(repo), "note", "new", "C-10042", "--reason", "Asked why: charged twice!", "--channel", "phone",
                 "--at", "2026-06-05T09:30:00-05:00")
    assert result.exit_code == 0, result.stderr
    path = result.stdout.strip()
    assert path == "records/customers/C-10042/notes/2026-06-05-asked-why-charged-twice.yaml"
    text = (repo / path).read_text()
    assert "at: 2026-06-05T09:30:00-05:00" in text and "author: test.editor" in text and "reason: 'Asked why: charged twice!'" in text
    code, findings = _findings(run, repo)
    assert code == 1
    mine = [(f["code"], f["line"]) for f in findings if f["path"] == path]
    lines = text.splitlines()
    todo_lines = [number for number, line in enumerate(lines, 1) if "'TODO:" in line]
    assert sorted(line for code, line in mine if code == "S004") == todo_lines
    assert [code for code, _ in mine if code != "S004"] == ["R006"]  # the disposition is still to choose
    assert {f["path"] for f in findings} == {path}


def test_an_outline_with_nothing_filled_in_is_reported_by_its_todos_alone(repo: Path, run: Callable[..., Result]) -> None:
    path = run("--root", str(repo), "note", "new", "C-10042", "--channel", "phone", "--at", "2026-06-05T09:30:00-05:00").stdout.strip()
    _, findings = _findings(run, repo)
    codes = sorted({f["code"] for f in findings if f["path"] == path})
    assert codes == ["R006", "S004"]  # no policy finding repeats what a TODO already says


def test_filled_in_note_validates_clean(repo: Path, run: Callable[..., Result]) -> None:
    path = run("--root", str(repo), "note", "new", "C-10042", "--reason", "Asked for a refund of the duplicate charge on order SO-1.", "--channel", "email",
               "--disposition", "billing-refund", "--contact", "Dana Erickson", "--relationship", "daughter of the account holder",
               "--at", "2026-06-05T09:30").stdout.strip()
    file = repo / path
    text = file.read_text()
    assert "relationship: daughter of the account holder" in text
    file.write_text(text.replace("'TODO: what was done or promised, and by when'", "Explained that the refund for order SO-1 was sent on 2026-06-04."))
    code, findings = _findings(run, repo)
    assert (code, findings) == (0, [])


def test_an_existing_note_is_never_overwritten(repo: Path, run: Callable[..., Result]) -> None:
    args = ("--root", str(repo), "note", "new", "C-10042", "--slug", "call-back", "--at", "2026-06-05T10:00:00+02:00")
    first = run(*args).stdout.strip()
    (repo / first).write_text((repo / first).read_text() + "# edited by hand\n")
    second = run(*args).stdout.strip()
    third = run(*args).stdout.strip()
    assert first.endswith("/2026-06-05-call-back.yaml")
    assert second.endswith("/2026-06-05-call-back-2.yaml") and third.endswith("/2026-06-05-call-back-3.yaml")
    assert (repo / first).read_text().endswith("# edited by hand\n")
    assert not [p for p in (repo / first).parent.iterdir() if p.name.startswith(".")]


def test_customer_in_a_grouping_folder_and_schema_path(repo: Path, run: Callable[..., Result]) -> None:
    add_customer(repo, "C-20001", group="C-2")
    (repo / "schema").mkdir()
    (repo / "schema" / "note.schema.json").write_text("{}")
    path = run("--root", str(repo), "note", "new", "C-20001", "--at", "2026-06-05T10:00:00+00:00").stdout.strip()
    assert path == "records/customers/C-2/C-20001/notes/2026-06-05-note.yaml"
    first = (repo / path).read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../../../../schema/note.schema.json"
    assert (repo / path).parent.joinpath(first.split("=", 1)[1]).resolve() == (repo / "schema" / "note.schema.json").resolve()


def test_bad_options_are_clear_errors(repo: Path, run: Callable[..., Result]) -> None:
    assert "not in the vocabulary" in run("--root", str(repo), "note", "new", "C-10042", "--channel", "fax").stderr
    assert "--slug 'Bad Slug'" in run("--root", str(repo), "note", "new", "C-10042", "--slug", "Bad Slug").stderr
    bad_at = run("--root", str(repo), "note", "new", "C-10042", "--at", "yesterday")
    assert bad_at.exit_code == 2 and "Invalid value for '--at': 'yesterday' is not a date" in bad_at.stderr
    assert run("--root", str(repo), "note", "new", "C-404").exit_code == 1
    assert [p.name for p in (repo / "records/customers/C-10042/notes").iterdir()] == ["2026-06-03-refund.yaml"]


def test_a_long_author_name_stays_apart_from_its_comment(repo: Path, run: Callable[..., Result]) -> None:
    author = "a.very.long.staff.user.name.indeed"
    result = run("--root", str(repo), "note", "new", "C-10042", "--reason", "Asked for a refund of the duplicate charge on order SO-1.", "--author", author,
                 "--at", "2026-06-05T09:30:00-05:00")
    assert result.exit_code == 0, result.stderr
    text = (repo / result.stdout.strip()).read_text()
    assert f"author: {author} # " in text
    _code, findings = _findings(run, repo)
    assert not [f for f in findings if f["code"] == "S003"]
