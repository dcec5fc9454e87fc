"""flagsite suggest at-risk: spend drops against each customer's own baseline, and At Risk flags in one transaction."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from .conftest import Result, add_customer, git

TODAY = "2026-12-01"  # the window is 2026-09-03 .. 2026-12-01; the same days of 2025 end 2025-12-01
HEADER = "order_id,customer,date,amount,currency,status,title\n"
ORDERS = [
    # Buys every autumn; this autumn 120 against 1,450 a year ago: listed, compared with the same days of 2025.
    ("C-LAPSED", "2024-11-20", "300.00", "delivered"),
    ("C-LAPSED", "2025-10-01", "1450.00", "delivered"),
    ("C-LAPSED", "2026-10-02", "120.00", "delivered"),
    # Buys only in summer: nothing this autumn, nothing last autumn either. Not a drop, though the
    # 90 days before this window held its summer order.
    ("C-SUMMER", "2025-07-01", "500.00", "delivered"),
    ("C-SUMMER", "2026-07-01", "500.00", "delivered"),
    # Orders only since June: compared with the 90 days before the window.
    ("C-NEW", "2026-07-01", "800.00", "delivered"),
    ("C-NEW", "2026-10-01", "100.00", "delivered"),
    # Its baseline was refunded: no spend to drop from.
    ("C-REFUND", "2026-07-01", "1000.00", "refunded"),
    ("C-REFUND", "2026-10-01", "5.00", "delivered"),
    # Steady: not listed.
    ("C-STEADY", "2026-07-01", "100.00", "delivered"),
    ("C-STEADY", "2026-10-01", "90.00", "delivered"),
    # Dropped, but flagged At Risk already.
    ("C-FLAGGED", "2026-07-01", "400.00", "delivered"),
]
AT_RISK = "flags:\n  - type: at-risk\n    reason: Spend fell in the summer.\n    created: 2026-09-01\n    created_by: kim\n"


def _repo(root: Path) -> Path:
    for customer in sorted({c for c, *_ in ORDERS}):
        add_customer(root, customer, flags=AT_RISK if customer == "C-FLAGGED" else "flags: []\n")
    orders = root / "records" / "orders"
    orders.mkdir(parents=True)
    rows = [f"SO-{i},{c},{d},{a},USD,{s},Box\n" for i, (c, d, a, s) in enumerate(ORDERS)]
    (orders / "orders.csv").write_text(HEADER + "".join(rows))
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "records")
    return root


def test_lists_drops_against_each_customers_own_baseline(tmp_path: Path, run: Callable[..., Result]) -> None:
    root = _repo(tmp_path / "r")
    result = run("--root", str(root), "suggest", "at-risk", "--today", TODAY, "--format", "json")
    assert result.exit_code == 0, result.stderr
    listed = {c["id"]: c for c in json.loads(result.stdout)["customers"]}
    assert sorted(listed) == ["C-FLAGGED", "C-LAPSED", "C-NEW"]  # not the summer buyer, the refunded baseline or the steady one
    assert listed["C-LAPSED"]["reason"] == "Spend in the 90 days to 2026-12-01 was 120.00 USD, against 1,450.00 USD in the same days of 2025."
    assert listed["C-NEW"]["reason"] == "Spend in the 90 days to 2026-12-01 was 100.00 USD, against 800.00 USD in the 90 days before."
    assert listed["C-FLAGGED"]["already_flagged"] is True
    assert listed["C-LAPSED"]["already_flagged"] is False


def test_text_output_says_what_apply_would_do_and_writes_nothing(tmp_path: Path, run: Callable[..., Result]) -> None:
    root = _repo(tmp_path / "r")
    result = run("--root", str(root), "suggest", "at-risk", "--today", TODAY)
    assert result.exit_code == 0, result.stderr
    assert "C-LAPSED" in result.stdout and "(already flagged At Risk)" in result.stdout
    assert "3 customer(s) listed; --apply adds At Risk flags to 2 of them." in result.stdout
    assert git(root, "status", "--porcelain") == ""


def test_apply_flags_each_new_customer_in_one_go_and_the_records_validate(tmp_path: Path, run: Callable[..., Result]) -> None:
    root = _repo(tmp_path / "r")
    flagged_before = (root / "records/customers/C-FLAGGED/customer.yaml").read_text()
    result = run("--root", str(root), "suggest", "at-risk", "--today", TODAY, "--apply", "--by", "kim")
    assert result.exit_code == 0, result.stderr
    assert "Added 2 At Risk flag(s), in one transaction." in result.stdout
    lapsed = (root / "records/customers/C-LAPSED/customer.yaml").read_text()
    assert lapsed.startswith("id: C-LAPSED\nname: Dana Erickson\nflags:\n  - type: at-risk\n")
    assert "Spend in the 90 days to 2026-12-01 was 120.00 USD, against 1,450.00 USD in the same days of 2025." in lapsed
    assert "created: 2026-12-01" in lapsed and "created_by: kim" in lapsed and "review_by: 2027-03-01" in lapsed
    assert (root / "records/customers/C-FLAGGED/customer.yaml").read_text() == flagged_before
    assert sorted(line[3:] for line in git(root, "status", "--porcelain").splitlines()) == [
        "records/customers/C-LAPSED/customer.yaml", "records/customers/C-NEW/customer.yaml"]
    assert run("--root", str(root), "validate").exit_code == 0
    again = run("--root", str(root), "suggest", "at-risk", "--today", TODAY, "--apply", "--by", "kim")
    assert "Added 0 At Risk flag(s)" in again.stdout  # running it twice flags nobody twice


def test_apply_writes_nothing_when_one_flag_cannot_be_added(tmp_path: Path, run: Callable[..., Result]) -> None:
    root = _repo(tmp_path / "r")
    # A one-line flags list cannot be edited in place: that customer's flag fails, so no flag is written.
    (root / "records/customers/C-NEW/customer.yaml").write_text(
        "id: C-NEW\nname: Dana Erickson\nflags: [{type: alert, reason: Ships to a depot., created: 2026-01-01, created_by: kim}]\n")
    git(root, "commit", "-qam", "flow list")
    result = run("--root", str(root), "suggest", "at-risk", "--today", TODAY, "--apply", "--by", "kim")
    assert result.exit_code == 1
    assert "suggest at-risk:" in result.stderr and "one-line [...] list" in result.stderr
    assert git(root, "status", "--porcelain") == ""  # C-LAPSED was not flagged either


def test_a_window_at_the_first_year_there_is_compares_with_the_days_before(tmp_path: Path, run: Callable[..., Result]) -> None:
    root = _repo(tmp_path / "r")
    result = run("--root", str(root), "suggest", "at-risk", "--today", "0001-06-01")  # no year before it to compare with
    assert result.exit_code == 0, result.stderr
    assert "No customer's spend fell by 50% or more in the last 90 days." in result.stdout
