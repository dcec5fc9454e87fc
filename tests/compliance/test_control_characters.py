"""Control characters in records, file names and commits: refused in records, never obeyed in output.

A terminal obeys ESC sequences, a line break in a file name forges a line of a
pull-request summary, a bidi override reorders what a reviewer reads. Old
commits may hold any of these (they predate the check), so every output shows
them as visible escapes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .conftest import Repo, Run, customer_yaml, flag, note_yaml

C1 = "records/customers/C-10042"
ESCAPE = "Example\x1b]0;PWNED\x07\x1b[2J"
BIDI = "Alex \u202eevil\u202c"
# Every control character, line separator and bidi control that must never reach output raw.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _double_quoted(text: str) -> str:
    return json.dumps(text)  # a JSON string is a YAML double-quoted scalar


def test_validate_refuses_a_terminal_escape_written_as_yaml_escapes(repo: Repo, run: Run) -> None:
    repo.write(f"{C1}/customer.yaml", 'id: C-10042\nname: "Example\\e]0;PWNED\\a\\e[2J"\n')
    status, out, _ = run("--root", str(repo.root), "validate")
    assert status == 1
    assert f"{C1}/customer.yaml:2:7: S005 the text holds U+001B (escape)" in out
    assert not RAW.search(out)


def test_history_show_diff_and_flag_changes_show_controls_as_escapes(repo: Repo, run: Run) -> None:
    # Committed as they stand: Git does not validate, and old commits predate the check.
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-10042", name="Alex"))
    repo.commit("Add C-10042", "2026-06-01T10:00:00+00:00")
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-10042", name=ESCAPE, flags=[flag("on-hold", "2026-06-03", BIDI)]))
    repo.write(f"{C1}/notes/2026-06-04-call\n- C-99999: note forged added.yaml", note_yaml())
    repo.commit("Rename\x1b[2J\u202e", "2026-06-03T10:00:00+00:00")

    status, text, err = run("--root", str(repo.root), "history", "C-10042")
    assert status == 0, err
    assert not RAW.search(text)
    assert "name changed from Alex to Example\\x1b]0;PWNED\\x07\\x1b[2J" in text
    assert "Rename\\x1b[2J\\u202e" in text

    status, out, err = run("--root", str(repo.root), "history", "C-10042", "--format", "json")
    assert status == 0, err
    assert not RAW.search(out)
    assert json.loads(out)["commits"][0]["message"].startswith("Rename\x1b[2J\u202e")

    status, out, err = run("--root", str(repo.root), "show", "C-10042")
    assert status == 1  # the record is no longer valid
    assert not RAW.search(err)

    for format_ in ("text", "markdown", "json"):
        status, out, err = run("--root", str(repo.root), "diff", "HEAD~1", "--format", format_)
        assert status == 0, err
        assert not RAW.search(out), format_
        assert "C-99999: note forged added" not in out.splitlines()
        assert not any(line.startswith("- C-99999") for line in out.splitlines()), format_

    for format_ in ("text", "markdown", "json"):
        status, out, err = run("--root", str(repo.root), "flag", "changes", "--base", "HEAD~1", "--format", format_)
        assert not RAW.search(out), format_


def test_a_file_name_with_a_line_break_does_not_forge_a_line_of_the_summary(repo: Repo, run: Run) -> None:
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-10042"))
    repo.commit("Add C-10042", "2026-06-01T10:00:00+00:00")
    forged = "records/customers/C-1\n\nOn Hold removed from C-10042: reason paid/customer.yaml"
    repo.write(forged, customer_yaml("C-1", flags=[flag("on-hold", "2026-06-03")]))
    for format_ in ("text", "markdown"):
        status, out, err = run("--root", str(repo.root), "diff", "--format", format_)
        assert status == 0, err
        assert not any(line.lstrip("- ").startswith("On Hold removed") for line in out.splitlines()), out
    status, out, _ = run("--root", str(repo.root), "flag", "changes", "--base", "HEAD", "--format", "markdown")
    assert not any(line.startswith("On Hold removed") for line in out.splitlines()), out
    assert "C-1\\n\\nOn Hold removed" in out
    status, out, _ = run("--root", str(repo.root), "validate")
    assert status == 1 and not any(line.startswith("On Hold removed") for line in out.splitlines())

    repo.write(f"{C1}/notes/2026-06-04-call\u202elmth.exe.yaml", note_yaml())
    for format_ in ("text", "json", "github"):
        status, out, _ = run("--root", str(repo.root), "validate", "--format", format_)
        assert status == 1 and not RAW.search(out), format_
        assert "\\u202elmth" in out, format_


def test_flag_bulk_refuses_a_nul_in_a_cell_and_writes_nothing(repo: Repo, run: Run, tmp_path: Path) -> None:
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-10042"))
    before = repo.read(f"{C1}/customer.yaml")
    sheet = tmp_path / "flags.csv"
    sheet.write_text("action,customer,type,reason,created,created_by\nadd,C-10042,on-hold,Unpaid\x00 invoice,2026-06-03,max\n", encoding="utf-8")
    status, out, err = run("--root", str(repo.root), "flag", "bulk", str(sheet))
    assert status == 1
    assert "S005" in err and "U+0000 (NUL)" in err
    assert not RAW.search(out + err)
    assert repo.read(f"{C1}/customer.yaml") == before


def test_flag_add_refuses_a_bidi_override(repo: Repo, run: Run) -> None:
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-10042"))
    before = repo.read(f"{C1}/customer.yaml")
    status, _, err = run("--root", str(repo.root), "flag", "add", "C-10042", "--type", "on-hold", "--reason", BIDI, "--by", "max")
    assert status == 1
    assert "S005" in err and "U+202E (right-to-left override)" in err
    assert repo.read(f"{C1}/customer.yaml") == before


def test_export_of_a_record_with_controls_is_refused_with_the_escapes_shown(repo: Repo, run: Run) -> None:
    repo.write(f"{C1}/customer.yaml", "id: C-10042\nname: " + _double_quoted(ESCAPE) + "\n")
    for format_ in ("json", "markdown", "html"):
        status, out, err = run("--root", str(repo.root), "export", "C-10042", "--format", format_)
        assert status == 1 and out == ""
        assert "S005" in err and not RAW.search(err)


def test_the_site_history_shows_a_commit_message_with_controls_escaped(repo: Repo) -> None:
    from flagsite.history.site import site_history

    repo.write(f"{C1}/customer.yaml", customer_yaml("C-10042"))
    repo.commit("Add C-10042 \u202eevil\u202c\x1b[2J", "2026-06-01T10:00:00+00:00", author=("Ada \u202eX", "ada@example.org"))
    (commit,) = site_history(str(repo.root))["C-10042"]
    assert commit["message"] == "Add C-10042 \\u202eevil\\u202c\\x1b[2J"
    assert commit["author"] == "Ada \\u202eX"


def test_an_error_message_quoting_what_was_given_shows_controls_escaped(run: Run, tmp_path: Path) -> None:
    plain = tmp_path / "records\x1b]0;PWNED\x07"
    (plain / "records" / "customers").mkdir(parents=True)
    status, _, err = run("--root", str(plain), "history", "C-10042")
    assert status == 1
    assert not RAW.search(err) and "records\\x1b]0;PWNED\\x07" in err
