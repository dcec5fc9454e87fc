"""``flagsite validate`` through the real entry point, as an editor runs it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path

import pytest

from flagsite.cli.main import main

from .conftest import REPO_ROOT, installed_flagsite


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    captured = capsys.readouterr()
    return int(exit_info.value.code or 0), captured.out, captured.err


def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_demo_records_are_valid(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--root", str(REPO_ROOT), "validate", "--format", "json")
    report = json.loads(out)
    assert report["ok"] is True
    assert code == 0
    # The demo shows an overdue flag review and a closed customer past retention on purpose; nothing else may be reported.
    assert {f["code"] for f in report["findings"]} <= {"P201", "W001"}
    assert [f["path"] for f in report["findings"] if f["code"] == "W001"] == ["records/customers/C-10009/customer.yaml"]


def test_broken_record_gives_one_precise_line_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "records/customers/C-1/customer.yaml", "id: C-1\nname: Ann\nflags:\n  - type: on-hold\n    reason: Unpaid.\n    created: 2026-06-03\n    created_by: max\n    colour: red\n")
    code, out, _ = run(capsys, "--root", str(tmp_path), "validate")
    assert code == 1
    first, summary = out.splitlines()
    assert first.startswith("records/customers/C-1/customer.yaml:8:5: S001 flags → item 1 → colour: there is no field 'colour' here")
    assert "remove it" in first
    assert summary == "1 error(s), 0 warning(s)."


def test_json_report_follows_the_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "records/customers/C-1/customer.yaml", "id: C-1\nname: Ann\nname: Bob\n")
    code, out, _ = run(capsys, "--root", str(tmp_path), "validate", "--format", "json")
    report = json.loads(out)
    assert code == 1
    assert report["ok"] is False
    assert report["findings"] == [
        {
            "path": "records/customers/C-1/customer.yaml",
            "line": 3,
            "column": 1,
            "code": "Y002",
            "severity": "error",
            "message": report["findings"][0]["message"],
        }
    ]
    assert "first at line 2" in report["findings"][0]["message"]


def test_github_annotations_escape_what_would_break_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A value with a comma, a colon and a percent sign lands in the message.
    write(tmp_path, "records/customers/C-1/customer.yaml", "id: C-1\nname: Ann\nstatus: 'on hold, 100%: yes'\n")
    code, out, _ = run(capsys, "--root", str(tmp_path), "validate", "--format", "github")
    assert code == 1
    (line,) = out.splitlines()
    assert line.startswith("::error file=records/customers/C-1/customer.yaml,line=3,col=9,title=S003::S003 ")
    message = line.split("::", 2)[2]
    assert "100%25" in message and "\n" not in message


def test_text_report_keeps_a_finding_on_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "records/customers/C-1/customer.yaml", 'id: C-1\nname: Ann\n"bad\\nkey": 1\n')
    code, out, _ = run(capsys, "--root", str(tmp_path), "validate")
    assert code == 1
    first, summary = out.splitlines()
    assert first.startswith("records/customers/C-1/customer.yaml:3:1: S001 bad\\nkey: there is no field 'bad\\nkey' here")
    assert summary == "1 error(s), 0 warning(s)."


def test_unknown_format_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--root", str(tmp_path), "validate", "--format", "xml")
    assert code == 2
    assert "'xml' is not one of" in err


def test_repository_without_records_says_what_to_do(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--root", str(tmp_path), "validate")
    assert code == 1
    assert "records/customers: R014 no records/customers/ folder here" in out
    assert "flagsite init" in out


def test_link_outside_records_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    secret = tmp_path / "outside.yaml"
    secret.write_text("id: C-1\nname: Ann\n")
    (tmp_path / "records/customers/C-1").mkdir(parents=True)
    os.symlink(secret, tmp_path / "records/customers/C-1/customer.yaml")
    write(tmp_path, "records/customers/C-2/customer.yaml", "id: C-2\nname: Bo\n")
    code, out, _ = run(capsys, "--root", str(tmp_path), "validate")
    assert code == 1
    assert "records/customers/C-1/customer.yaml: R013 this link points outside records/" in out


def test_customer_file_that_is_a_pipe_is_reported_not_opened(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "records/customers/C-1").mkdir(parents=True)
    os.mkfifo(tmp_path / "records/customers/C-1/customer.yaml")  # opening it would wait forever
    code, out, _ = run(capsys, "--root", str(tmp_path), "validate")
    assert code == 1
    assert "records/customers/C-1/customer.yaml: R004 customer.yaml must be a plain file" in out


def test_link_to_itself_is_a_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "records/customers/C-1/customer.yaml", "id: C-1\nname: Ann\n")
    os.symlink("C-2", tmp_path / "records/customers/C-2")
    code, out, _ = run(capsys, "--root", str(tmp_path), "validate")
    assert code == 1
    assert "records/customers/C-2: R013 this link points at nothing" in out


def test_customers_folder_that_is_a_link_is_not_walked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "elsewhere/C-1/customer.yaml", "id: C-1\nname: [\n")
    (tmp_path / "records").mkdir()
    os.symlink(tmp_path / "elsewhere", tmp_path / "records/customers")
    code, out, _ = run(capsys, "--root", str(tmp_path), "validate")
    assert code == 1
    assert out.splitlines()[0] == "records/customers: R013 this link points outside records/; replace it with the file itself"
    assert "Y001" not in out


def test_records_folder_that_is_a_link_is_not_walked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "elsewhere/customers/C-1/customer.yaml", "id: C-1\nname: [secret\n")
    os.symlink(tmp_path / "elsewhere", tmp_path / "records")
    code, out, _ = run(capsys, "--root", str(tmp_path), "validate")
    assert code == 1
    assert out.splitlines()[0] == "records: R013 records/ is a link; links to folders are not followed, so make it the folder itself"
    assert "secret" not in out and "Y001" not in out


def test_unreadable_folder_is_a_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "records/customers/C-1/customer.yaml", "id: C-1\nname: Ann\n")
    write(tmp_path, "records/customers/C-2/customer.yaml", "id: C-2\nname: Bo\n")
    scandir = os.scandir

    def locked(path: str) -> object:  # chmod does not lock out root, so deny the way the system would
        if str(path).endswith("C-2"):
            raise PermissionError(13, "Permission denied", path)
        return scandir(path)

    monkeypatch.setattr(os, "scandir", locked)
    code, out, _ = run(capsys, "--root", str(tmp_path), "validate")
    assert code == 1
    assert out.splitlines()[0] == "records/customers/C-2: X001 cannot be read: Permission denied; check the folder's permissions"


def test_unreadable_order_file_is_a_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from flagsite.load import orders

    write(tmp_path, "records/customers/C-1/customer.yaml", "id: C-1\nname: Ann\n")
    write(tmp_path, "records/orders/orders.csv", ",".join(orders.COLUMNS) + "\n")

    def locked(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(orders, "open", locked, raising=False)
    code, out, _ = run(capsys, "--root", str(tmp_path), "validate")
    assert code == 1
    assert out.splitlines()[0] == "records/orders/orders.csv: X001 cannot be read: Permission denied; check the file's permissions"


def test_grouping_folders_nested_without_end_are_a_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A few levels past the limit; without one, a deep enough tree ran into Python's recursion limit.
    deep = "/".join(["g"] * 20)
    write(tmp_path, f"records/customers/{deep}/C-1/customer.yaml", "id: C-1\nname: Ann\n")
    code, out, _ = run(capsys, "--root", str(tmp_path), "validate")
    assert code == 1
    assert "R004 customer folders are grouped more than 16 folders deep" in out


def test_file_name_that_is_not_utf8_is_reported_in_valid_json(tmp_path: Path) -> None:
    write(tmp_path, "records/customers/C-1/customer.yaml", "id: C-1\nname: Ann\n")
    notes = os.fsencode(tmp_path / "records/customers/C-1/notes")
    os.mkdir(notes)
    open(os.path.join(notes, b"2026-06-03-caf\xe9.yaml"), "wb").close()  # Latin-1, as an old tool might write it
    done = subprocess.run([installed_flagsite(), "--root", str(tmp_path), "validate", "--format", "json"], capture_output=True, check=False)
    assert done.returncode == 1
    report = json.loads(done.stdout.decode("utf-8"))
    assert [(f["path"], f["code"]) for f in report["findings"]] == [("records/customers/C-1/notes/2026-06-03-caf\ufffd.yaml", "R004")]


def test_one_enormous_word_does_not_stall_validation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "records/customers/C-1/customer.yaml", "id: C-1\nname: Ann\n")
    note = "at: 2026-06-03T14:12:00-05:00\nauthor: jdoe\nchannel: phone\ncontact: {name: Ann}\nreason: " + "a" * 900_000 + "\ndisposition: complaint\n"
    write(tmp_path, "records/customers/C-1/notes/2026-06-03-word.yaml", note)

    def stalled(signum: int, frame: object) -> None:
        raise TimeoutError("validating one note took more than 20 seconds")

    previous = signal.signal(signal.SIGALRM, stalled)
    signal.alarm(20)  # the spelling check used to split the word at every position: minutes
    try:
        code, out, _ = run(capsys, "--root", str(tmp_path), "validate")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert code == 1
    assert "X001" not in out  # a check stopped by the alarm is reported as flagsite failing on the file


def test_parallel_and_serial_loading_agree(tmp_path: Path) -> None:
    from flagsite import repository

    for i in range(repository.PARALLEL_THRESHOLD + 10):
        status = "active" if i % 7 else "dormant"  # every 7th customer has an error
        write(tmp_path, f"records/customers/C-{i}/customer.yaml", f"id: C-{i}\nname: Customer {i}\nstatus: {status}\n")
    serial = repository.load_repository(str(tmp_path), jobs=1)
    parallel = repository.load_repository(str(tmp_path), jobs=2)
    findings_only = repository.load_repository(str(tmp_path), jobs=2, keep_records=False)
    assert parallel.findings == serial.findings == findings_only.findings
    assert findings_only.catalog.customers == {}
    assert len(serial.findings) == len(range(0, repository.PARALLEL_THRESHOLD + 10, 7))
    assert list(parallel.catalog.customers) == list(serial.catalog.customers)


def test_console_script_is_installed() -> None:
    done = subprocess.run([installed_flagsite(), "--root", str(REPO_ROOT), "validate", "--format", "json"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["ok"] is True
