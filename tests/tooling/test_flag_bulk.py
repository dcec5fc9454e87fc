"""flagsite flag bulk: every row valid, or nothing is written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from flagsite.errors import FlagsiteError

from .conftest import CUSTOMER_YAML, Result, add_customer, customer_file


def _csv(tmp_path: Path, text: str) -> str:
    path = tmp_path / "flags.csv"
    path.write_text(text)
    return str(path)


def test_bulk_applies_every_row(repo: Path, run: Callable[..., Result], tmp_path: Path) -> None:
    other = add_customer(repo, "C-20001", group="C-2")
    csv_path = _csv(tmp_path, (
        "action,customer,type,reason,guidance,review_by,created\n"
        "add,C-20001,on-hold,Invoice INV-9 unpaid.,Take no orders,2026-09-01,2026-06-01\n"
        "add,C-20001,alert,\"Ships to a depot, not home.\",,,2026-06-02\n"
        "edit,C-10042,on-hold,,Call Accounts first,,\n"
        "remove,C-10042,warning,,,,\n"
    ))
    before = other.read_text()
    dry = run("--root", str(repo), "flag", "bulk", csv_path, "--by", "kim", "--dry-run")
    assert dry.exit_code == 0 and "would update records/customers/C-2/C-20001/customer.yaml" in dry.stdout
    assert other.read_text() == before and customer_file(repo).read_text() == CUSTOMER_YAML
    result = run("--root", str(repo), "flag", "bulk", csv_path, "--by", "kim")
    assert result.exit_code == 0, result.stderr
    assert "4 row(s) applied: 2 customer file(s)." in result.stdout
    assert other.read_text() == (
        "id: C-20001\nname: Dana Erickson\nflags:\n"
        "  - type: on-hold\n    reason: Invoice INV-9 unpaid.\n    guidance: Take no orders\n    created: 2026-06-01\n    created_by: kim\n    review_by: 2026-09-01\n"
        "  - type: alert\n    reason: 'Ships to a depot, not home.'\n    created: 2026-06-02\n    created_by: kim\n"
    )
    text = customer_file(repo).read_text()
    assert "guidance: Call Accounts first" in text and "type: warning" not in text
    assert text.startswith(CUSTOMER_YAML.split("  - type: on-hold")[0])
    assert run("--root", str(repo), "validate").exit_code == 0


def test_one_bad_row_writes_nothing_and_names_its_line(repo: Path, run: Callable[..., Result], tmp_path: Path) -> None:
    other = add_customer(repo, "C-20001")
    before = other.read_text()
    csv_path = _csv(tmp_path, (
        "action,customer,type,reason,created\n"
        "add,C-20001,alert,Fine row.,2026-06-01\n"
        "add,C-10042,vip,Unknown type.,2026-06-01\n"
        "edit,C-99999,alert,x,\n"
        "frobnicate,C-10042,alert,x,\n"
        "add,C-20001,manager,Bad date.,2026-13-01\n"
    ))
    result = run("--root", str(repo), "flag", "bulk", csv_path)
    assert result.exit_code == 1
    err = result.stderr
    assert "nothing was written" in err
    assert "flags.csv:3: C-10042 would not validate after this row:" in err and "R005" in err
    assert "flags.csv:4: no customer 'C-99999'" in err
    assert "flags.csv:5: action 'frobnicate'" in err
    assert "flags.csv:6: created '2026-13-01' is not a date" in err
    assert other.read_text() == before and customer_file(repo).read_text() == CUSTOMER_YAML


def test_bad_header_is_reported_at_line_1(repo: Path, run: Callable[..., Result], tmp_path: Path) -> None:
    result = run("--root", str(repo), "flag", "bulk", _csv(tmp_path, "action,customer,kind\nadd,C-10042,alert\n"))
    assert result.exit_code == 1 and "flags.csv:1: missing column(s): type; unknown column(s): kind" in result.stderr


def test_rows_for_one_customer_apply_in_csv_order_each_seeing_the_one_before(repo: Path, run: Callable[..., Result], tmp_path: Path) -> None:
    other = add_customer(repo, "C-20001")
    csv_path = _csv(tmp_path, (
        "action,customer,type,reason,guidance,created\n"
        "add,C-20001,alert,Moved house.,,2026-06-01\n"
        "edit,C-10042,warning,,Call back first.,\n"
        "edit,C-20001,alert,Moved house again.,Check the address.,\n"
        "add,C-20001,manager,Asks for Kim.,,2026-06-02\n"
        "remove,C-20001,manager,,,\n"
    ))
    result = run("--root", str(repo), "flag", "bulk", csv_path, "--by", "kim")
    assert result.exit_code == 0, result.stderr
    assert other.read_text() == (
        "id: C-20001\nname: Dana Erickson\nflags:\n"
        "  - type: alert\n    reason: Moved house again.\n    guidance: Check the address.\n    created: 2026-06-01\n    created_by: kim\n"
    )
    assert "    guidance: Call back first.\n" in customer_file(repo).read_text()


def test_problems_come_in_csv_order_and_name_the_row_that_broke_the_customer(repo: Path, run: Callable[..., Result], tmp_path: Path) -> None:
    add_customer(repo, "C-20001")
    csv_path = _csv(tmp_path, (
        "action,customer,type,reason,created\n"
        "add,C-20001,alert,Fine.,2026-06-01\n"
        "add,C-10042,vip,Unknown type.,2026-06-01\n"
        "edit,C-20001,manager,No such flag.,\n"
        "add,C-10042,alert,Fine on its own.,2026-06-01\n"
        "add,C-20001,manager,After the failed row.,2026-06-01\n"
    ))
    result = run("--root", str(repo), "flag", "bulk", csv_path)
    assert result.exit_code == 1
    lines = [line.strip() for line in result.stderr.splitlines() if "flags.csv:" in line]
    assert [line.split(":")[1] for line in lines] == ["3", "4", "5", "6"]
    assert "C-10042 would not validate after this row:" in lines[0] and "R005" in lines[0]
    assert "customer C-20001 has no manager flag" in lines[1]
    assert lines[2].endswith("not checked: an earlier row for C-10042 failed")
    assert lines[3].endswith("not checked: an earlier row for C-20001 failed")


def test_a_customer_is_checked_as_it_will_be_written_after_its_last_row(repo: Path, run: Callable[..., Result], tmp_path: Path) -> None:
    csv_path = _csv(tmp_path, (
        "action,customer,type,reason,created\n"
        "add,C-10042,vip,Unknown type for a moment.,2026-06-01\n"
        "remove,C-10042,vip,,2026-06-01\n"
    ))
    result = run("--root", str(repo), "flag", "bulk", csv_path)
    assert result.exit_code == 0, result.stderr
    assert customer_file(repo).read_text() == CUSTOMER_YAML


def test_worker_processes_give_the_same_files_and_problems(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from flagsite.edit import bulk

    ids = [f"C-3{n:04d}" for n in range(12)]
    for customer_id in ids:
        add_customer(repo, customer_id)
    rows = "".join(f"add,{customer_id},alert,Moved house.,2026-06-01\n" for customer_id in ids)
    bad = _csv(tmp_path, "action,customer,type,reason,created\n" + rows + "add,C-30003,vip,Unknown type.,2026-06-02\n")
    monkeypatch.setattr(bulk, "PARALLEL_THRESHOLD", 2)
    monkeypatch.setattr(bulk, "_CHUNK", 5)

    def outcome(jobs: int) -> str:
        with pytest.raises(FlagsiteError) as error:
            bulk.apply_bulk(str(repo), bad, default_by=lambda: "kim", jobs=jobs)
        return str(error.value)

    assert outcome(2) == outcome(1) and "flags.csv:14: C-30003 would not validate after this row" in outcome(2)
    good = _csv(tmp_path, "action,customer,type,reason,created\n" + rows)
    result = bulk.apply_bulk(str(repo), good, default_by=lambda: "kim", jobs=2)
    assert result.paths == [f"records/customers/{customer_id}/customer.yaml" for customer_id in ids]
    assert all("reason: Moved house." in customer_file(repo, customer_id).read_text() for customer_id in ids)
