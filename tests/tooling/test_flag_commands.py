"""flagsite flag add|edit|remove: the flag changes, every other byte of the file stays."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import CUSTOMER_YAML, Result, add_customer, customer_file

ON_HOLD_LINES = CUSTOMER_YAML.split("  - type: on-hold")[1].split("\n  # Security team")[0]


def test_add_appends_the_flag_and_keeps_every_other_byte(repo: Path, run: Callable[..., Result]) -> None:
    result = run("--root", str(repo), "flag", "add", "C-10042", "--type", "alert", "--reason", "Speaks Spanish: use the Spanish line.",
                 "--guidance", "Offer a call-back", "--created", "2026-06-10", "--review-by", "2026-12-01", "--by", "kim")
    assert result.exit_code == 0, result.stderr
    assert "records/customers/C-10042/customer.yaml: added alert flag" in result.stdout
    added = (
        "  - type: alert\n"
        "    reason: 'Speaks Spanish: use the Spanish line.'\n"
        "    guidance: Offer a call-back\n"
        "    created: 2026-06-10\n"
        "    created_by: kim\n"
        "    review_by: 2026-12-01\n"
    )
    anchor = "    created_by: anna     # approved by Kim\n"
    assert customer_file(repo).read_text() == CUSTOMER_YAML.replace(anchor, anchor + added)
    assert run("--root", str(repo), "validate").exit_code == 0


def test_edit_changes_only_the_lines_of_that_flag(repo: Path, run: Callable[..., Result]) -> None:
    result = run("--root", str(repo), "flag", "edit", "C-10042", "--type", "on-hold", "--reason", "Invoice INV-2044 unpaid.",
                 "--clear-review-by")
    assert result.exit_code == 0, result.stderr
    text = customer_file(repo).read_text()
    before, after = CUSTOMER_YAML.split(ON_HOLD_LINES)
    assert text.startswith(before) and text.endswith(after)
    edited = text[len(before) : len(text) - len(after)]
    assert edited == (  # the type's line and its comment stay as they were written
        "   # until INV-2044 is paid\n"
        "    reason: Invoice INV-2044 unpaid.\n"
        "    guidance: Take no new orders; transfer payment questions to Accounts.\n"
        "    created: 2026-06-03\n"
        "    created_by: max\n"
    )


def test_edit_keeps_the_comments_of_the_edited_flag(repo: Path, run: Callable[..., Result]) -> None:
    assert run("--root", str(repo), "flag", "edit", "C-10042", "--type", "warning", "--review-by", "2026-12-31").exit_code == 0
    text = customer_file(repo).read_text()
    assert "    created_by: anna     # approved by Kim\n    review_by: 2026-12-31\n" in text
    assert "  # Security team, see ticket SEC-12.\n" in text and text.endswith("\n# End of record.\n")


def test_remove_takes_out_the_flag_and_only_it(repo: Path, run: Callable[..., Result]) -> None:
    result = run("--root", str(repo), "flag", "remove", "C-10042", "--type", "on-hold")
    assert result.exit_code == 0, result.stderr
    assert customer_file(repo).read_text() == CUSTOMER_YAML.replace("  - type: on-hold" + ON_HOLD_LINES, "")


def test_removing_the_last_flag_leaves_an_empty_list_that_add_can_fill(repo: Path, run: Callable[..., Result]) -> None:
    path = add_customer(repo, "C-2", flags="flags:\n  - type: alert\n    reason: Moved abroad.\n    created: 2026-01-05\n    created_by: kim\nstatus: active\n")
    assert run("--root", str(repo), "flag", "remove", "C-2", "--type", "alert").exit_code == 0
    assert path.read_text() == "id: C-2\nname: Dana Erickson\nflags: []\nstatus: active\n"
    assert run("--root", str(repo), "flag", "add", "C-2", "--type", "manager", "--reason", "Asked for a manager.", "--created", "2026-02-01").exit_code == 0
    assert path.read_text() == (
        "id: C-2\nname: Dana Erickson\nflags:\n  - type: manager\n    reason: Asked for a manager.\n"
        "    created: 2026-02-01\n    created_by: test.editor\nstatus: active\n"
    )
    assert run("--root", str(repo), "validate").exit_code == 0


def test_add_to_a_customer_without_flags_key_in_a_grouping_folder(repo: Path, run: Callable[..., Result]) -> None:
    path = add_customer(repo, "C-20001", group="C-2", flags="")
    result = run("--root", str(repo), "flag", "add", "C-20001", "--type", "delight", "--reason", "Sent a thank-you card.")
    assert result.exit_code == 0, result.stderr
    today = dt.date.today().isoformat()
    assert path.read_text().endswith(f"flags:\n  - type: delight\n    reason: Sent a thank-you card.\n    created: {today}\n    created_by: test.editor\n")


def test_a_change_that_would_not_validate_is_refused_and_nothing_is_written(repo: Path, run: Callable[..., Result]) -> None:
    result = run("--root", str(repo), "flag", "add", "C-10042", "--type", "vip", "--reason", "Big spender.")
    assert result.exit_code == 1
    assert "nothing was written" in result.stderr
    assert "R005" in result.stderr and "records/customers/C-10042/customer.yaml:" in result.stderr
    assert customer_file(repo).read_text() == CUSTOMER_YAML
    late = run("--root", str(repo), "flag", "add", "C-10042", "--type", "alert", "--reason", "x", "--created", "2026-06-10", "--review-by", "2026-06-01")
    assert late.exit_code == 1 and "R008" in late.stderr
    assert customer_file(repo).read_text() == CUSTOMER_YAML


def test_two_flags_of_one_type_are_told_apart_by_created(repo: Path, run: Callable[..., Result]) -> None:
    assert run("--root", str(repo), "flag", "add", "C-10042", "--type", "warning", "--reason", "Second rule.", "--created", "2026-06-20").exit_code == 0
    ambiguous = run("--root", str(repo), "flag", "remove", "C-10042", "--type", "warning")
    assert ambiguous.exit_code == 1 and "--created" in ambiguous.stderr and "2026-05-01, 2026-06-20" in ambiguous.stderr
    assert run("--root", str(repo), "flag", "remove", "C-10042", "--type", "warning", "--created", "2026-05-01").exit_code == 0
    text = customer_file(repo).read_text()
    assert "Only Dana Erickson" not in text and "Second rule." in text


def test_unknown_customer_and_missing_flag_are_clear_errors(repo: Path, run: Callable[..., Result]) -> None:
    missing = run("--root", str(repo), "flag", "remove", "C-10043", "--type", "alert")
    assert missing.exit_code == 1 and "no customer 'C-10043'" in missing.stderr and "C-10042" in missing.stderr
    no_flag = run("--root", str(repo), "flag", "edit", "C-10042", "--type", "alert", "--reason", "x")
    assert no_flag.exit_code == 1 and "has no alert flag (its flags: on-hold, warning)" in no_flag.stderr
    usage = run("--root", str(repo), "flag", "edit", "C-10042", "--type", "on-hold")
    assert usage.exit_code == 2


@pytest.mark.parametrize("given", [["--guidance", "Ask for Sam", "--clear-guidance"], ["--review-by", "2026-12-01", "--clear-review-by"]])
def test_setting_and_clearing_one_field_at_once_is_refused_and_nothing_is_written(
    repo: Path, run: Callable[..., Result], given: list[str],
) -> None:
    before = customer_file(repo).read_bytes()
    result = run("--root", str(repo), "flag", "edit", "C-10042", "--type", "on-hold", *given)
    assert result.exit_code == 2
    assert "give one of them" in result.stderr
    assert customer_file(repo).read_bytes() == before


def test_a_broken_file_is_not_edited(repo: Path, run: Callable[..., Result]) -> None:
    path = customer_file(repo)
    path.write_text(CUSTOMER_YAML.replace("status: active", "status: [active"))
    result = run("--root", str(repo), "flag", "add", "C-10042", "--type", "alert", "--reason", "x")
    assert result.exit_code == 1 and "not valid YAML" in result.stderr and "customer.yaml:" in result.stderr
    assert "Traceback" not in result.stderr


def test_flow_style_flags_are_refused_with_a_way_out(repo: Path, run: Callable[..., Result]) -> None:
    add_customer(repo, "C-3", flags="flags: [{type: alert, reason: x, created: 2026-01-01, created_by: kim}]\n")
    result = run("--root", str(repo), "flag", "add", "C-3", "--type", "manager", "--reason", "y")
    assert result.exit_code == 1 and "block list" in result.stderr


def test_block_scalars_and_line_ends_survive_an_edit(repo: Path, run: Callable[..., Result]) -> None:
    path = add_customer(repo, "C-4", flags=(
        "flags:\r\n  - type: alert\r\n    reason: >\r\n      Deliveries go to the\r\n      north entrance.\r\n"
        "    created: 2026-01-05\r\n    created_by: kim\r\n"
    ))
    path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    assert run("--root", str(repo), "flag", "edit", "C-4", "--type", "alert", "--review-by", "2026-12-01").exit_code == 0
    assert run("--root", str(repo), "flag", "add", "C-4", "--type", "manager", "--reason", "Asks for Kim.", "--created", "2026-02-01").exit_code == 0
    raw = path.read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n")
    # The folded reason was not asked to change: it keeps its lines.
    assert b"    reason: >\r\n      Deliveries go to the\r\n      north entrance.\r\n    created: 2026-01-05\r\n    created_by: kim\r\n    review_by: 2026-12-01\r\n" in raw
    assert run("--root", str(repo), "validate").exit_code == 0


def test_flags_written_flush_with_their_key_are_edited_in_their_own_layout(repo: Path, run: Callable[..., Result]) -> None:
    path = add_customer(repo, "C-5", flags=(
        "flags:\n- type: alert\n  reason: First.\n  created: 2026-01-05\n  created_by: kim\n"
        "# a closing remark about the flags\n"
        "- type: manager\n  reason: Second.\n  created: 2026-01-06\n  created_by: kim\n"
        "# end of flags\nstatus: active\n"
    ))
    original = path.read_text()
    assert run("--root", str(repo), "flag", "remove", "C-5", "--type", "alert").exit_code == 0
    assert path.read_text() == original.replace("- type: alert\n  reason: First.\n  created: 2026-01-05\n  created_by: kim\n", "")
    assert run("--root", str(repo), "flag", "add", "C-5", "--type", "important", "--reason", "Third.", "--created", "2026-01-07").exit_code == 0
    assert path.read_text().endswith(
        "- type: manager\n  reason: Second.\n  created: 2026-01-06\n  created_by: kim\n"
        "- type: important\n  reason: Third.\n  created: 2026-01-07\n  created_by: test.editor\n"
        "# end of flags\nstatus: active\n"
    )


def test_created_by_falls_back_to_the_login_name(repo: Path, run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    empty = tmp_path / "empty.gitconfig"
    empty.write_text("")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(empty))
    assert run("--root", str(repo), "flag", "add", "C-10042", "--type", "alert", "--reason", "Card declined twice.", "--created", "2026-06-10").exit_code == 0
    assert "    created_by: fallback\n" in customer_file(repo).read_text()
    bad = run("--root", str(repo), "flag", "add", "C-10042", "--type", "alert", "--reason", "x", "--by", "Jane Doe")
    assert bad.exit_code == 1 and "--by 'Jane Doe' is not a staff user name" in bad.stderr


def test_a_linked_customer_file_is_edited_where_it_lives(repo: Path, run: Callable[..., Result]) -> None:
    folder = repo / "records" / "customers" / "C-6"
    folder.mkdir()
    real = repo / "records" / "customers" / "C-10042" / "notes" / ".."  # a file inside records/, as discovery requires
    target = (real / "shared-c6.yaml").resolve()
    target.write_text("id: C-6\nname: Dana Erickson\nflags: []\n")
    (folder / "customer.yaml").symlink_to(target)
    result = run("--root", str(repo), "flag", "add", "C-6", "--type", "alert", "--reason", "Linked.", "--created", "2026-06-01")
    assert result.exit_code == 0, result.stderr
    assert (folder / "customer.yaml").is_symlink()
    assert "reason: Linked." in target.read_text()


def test_a_customer_file_linked_from_outside_records_is_refused_as_validate_refuses_it(repo: Path, run: Callable[..., Result], tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("id: C-7\nname: Eli Park\nflags: []\n")
    folder = repo / "records" / "customers" / "C-7"
    folder.mkdir()
    (folder / "customer.yaml").symlink_to(outside)
    result = run("--root", str(repo), "flag", "add", "C-7", "--type", "alert", "--reason", "Linked.", "--created", "2026-06-01")
    assert result.exit_code == 1 and "records/customers/C-7/customer.yaml is not a file flagsite may read" in result.stderr
    assert outside.read_text() == "id: C-7\nname: Eli Park\nflags: []\n"
    assert "R013" in run("--root", str(repo), "validate").stdout


def test_an_unknown_field_in_the_edited_flag_is_not_dropped_silently(repo: Path, run: Callable[..., Result]) -> None:
    path = customer_file(repo)
    path.write_text(CUSTOMER_YAML.replace("    created_by: max\n", "    created_by: max\n    reviewd_by: 2026-09-03\n"))
    before = path.read_text()
    result = run("--root", str(repo), "flag", "edit", "C-10042", "--type", "on-hold", "--reason", "New reason.")
    assert result.exit_code == 1 and "S001" in result.stderr and "reviewd_by" in result.stderr
    assert path.read_text() == before


def test_an_id_typed_another_way_names_the_customer_meant(repo: Path, run: Callable[..., Result]) -> None:
    for typed in ("c-10042", "C10042", "C-10024"):
        result = run("--root", str(repo), "flag", "add", typed, "--type", "alert", "--reason", "Speaks Spanish.", "--by", "kim")
        assert result.exit_code == 1
        assert f"no customer '{typed}' under records/customers/; did you mean 'C-10042'?" in result.stderr
