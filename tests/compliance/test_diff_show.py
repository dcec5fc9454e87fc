"""``flagsite diff`` for pull requests and ``flagsite show --as-of`` for past versions."""

from __future__ import annotations

import json
from pathlib import Path

import markdown

from .conftest import Repo, Run, customer_yaml, flag, note_yaml

C1 = "records/customers/C-10042"


def test_diff_tells_a_branch_changes_in_plain_words(repo: Repo, run: Run) -> None:
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-10042", emails=["a@example.com"]))
    repo.write("records/customers/C-2/customer.yaml", customer_yaml("C-2", name="Bea"))
    repo.commit("Add customers", "2026-06-01T10:00:00+00:00")
    repo.git("checkout", "-q", "-b", "hold-c-10042")
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-10042", emails=["b@example.com"], flags=[flag("on-hold", "2026-06-03", "Invoice INV-2031 unpaid.")]))
    repo.commit("Hold C-10042", "2026-06-03T10:00:00+00:00")
    repo.write(f"{C1}/notes/2026-06-04-call.yaml", note_yaml())  # not committed, not even added

    status, text, err = run("--root", str(repo.root), "diff")
    assert status == 0, err
    lines = text.splitlines()
    assert "On Hold added to C-10042: reason Invoice INV-2031 unpaid." in lines
    assert "C-10042: email changed from a@example.com to b@example.com" in lines
    assert "C-10042: note 2026-06-04-call added" in lines
    assert not any("C-2" in line for line in lines)

    status, md_text, _ = run("--root", str(repo.root), "diff", "--format", "markdown")
    assert status == 0
    html = markdown.markdown(md_text)
    assert "<h4>C-10042</h4>" in html
    assert "On Hold added to C-10042" in html

    status, out, _ = run("--root", str(repo.root), "diff", "main", "--format", "json")
    data = json.loads(out)
    assert [c["customer"] for c in data["customers"]] == ["C-10042"]
    assert {"path": "customer.yaml#contacts.emails[0]", "kind": "changed", "old": "a@example.com", "new": "b@example.com"} in data["customers"][0]["changes"]


def test_diff_with_no_record_changes_says_so(repo: Repo, run: Run) -> None:
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-10042"))
    repo.commit("Add", "2026-06-01T10:00:00+00:00")
    status, text, _ = run("--root", str(repo.root), "diff")
    assert status == 0 and text == "No customer records changed.\n"
    status, _, err = run("--root", str(repo.root), "diff", "no-such-branch")
    assert status == 1 and "no-such-branch" in err


def test_diff_outside_git_or_before_any_commit_says_so(repo: Repo, run: Run, tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    (plain / "records" / "customers").mkdir(parents=True)
    status, out, err = run("--root", str(plain), "diff")
    assert status == 1 and out == "" and "is not a Git repository" in err
    status, out, err = run("--root", str(repo.root), "diff")  # git init, nothing committed
    assert status == 1 and out == "" and "has no commits yet" in err


def test_show_as_of_prints_the_files_exactly_as_they_were(repo: Repo, run: Run) -> None:
    first = customer_yaml("C-10042", emails=["a@example.com"]) + "# a comment kept as written\n"
    repo.write(f"{C1}/customer.yaml", first)
    repo.commit("Add", "2026-06-01T10:00:00+00:00")
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-10042", emails=["b@example.com"]))
    repo.write(f"{C1}/notes/2026-06-03-call.yaml", note_yaml(internal="Staff only remark."))
    repo.commit("Change", "2026-06-03T10:00:00+00:00")

    status, out, err = run("--root", str(repo.root), "show", "C-10042", "--as-of", "2026-06-02T12:00:00+00:00")
    assert status == 0, err
    assert first.rstrip() in out
    assert "notes/" not in out

    status, out, _ = run("--root", str(repo.root), "show", "C-10042", "--as-of", "2026-06-03", "--format", "json")
    data = json.loads(out)
    assert data["customer"]["contacts"]["emails"] == ["b@example.com"]
    assert data["notes"][0]["internal"] == "Staff only remark."  # show is for staff: everything

    status, out, _ = run("--root", str(repo.root), "show", "C-10042")
    assert "b@example.com" in out


def test_show_as_of_a_moment_between_commits_on_the_main_line(repo: Repo, run: Run) -> None:
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-10042", emails=["a@example.com"]))
    repo.commit("Add", "2026-06-01T10:00:00+00:00")
    repo.git("checkout", "-q", "-b", "early")
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-10042", emails=["branch@example.com"]))
    repo.commit("Made early on a branch", "2026-06-02T10:00:00+00:00")
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "-m", "Merge later", "early",
             env={"GIT_AUTHOR_DATE": "2026-06-10T10:00:00+00:00", "GIT_COMMITTER_DATE": "2026-06-10T10:00:00+00:00"})

    _, before_merge, _ = run("--root", str(repo.root), "show", "C-10042", "--as-of", "2026-06-05", "--format", "json")
    assert json.loads(before_merge)["customer"]["contacts"]["emails"] == ["a@example.com"]
    _, after_merge, _ = run("--root", str(repo.root), "show", "C-10042", "--as-of", "2026-06-10", "--format", "json")
    assert json.loads(after_merge)["customer"]["contacts"]["emails"] == ["branch@example.com"]


def test_every_compliance_command_has_help(run: Run) -> None:
    for command in ("export", "history", "show", "diff"):
        status, out, _ = run(command, "--help")
        assert status == 0
        assert len(out.split("\n\n")[1].strip()) > 20
