"""``flagsite history`` and the site's history, on real repositories."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from flagsite.history import customer_history
from flagsite.history.paths import RecordPath, record_path
from flagsite.history.site import site_history
from flagsite.repository import load_repository

from .conftest import Repo, Run, customer_yaml, flag, note_yaml

C1 = "records/customers/C-1"


def test_history_lists_commits_newest_first_with_field_changes(repo: Repo, run: Run) -> None:
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", emails=["a@example.com"]))
    first = repo.commit("Add customer C-1", "2026-06-01T10:00:00+00:00")
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", emails=["b@example.com"], flags=[flag("on-hold", "2026-06-03")]))
    second = repo.commit("Put C-1 on hold", "2026-06-03T11:00:00+02:00", author=("Max Editor", "max@example.org"))
    repo.write(f"{C1}/notes/2026-06-03-refund.yaml", note_yaml())
    third = repo.commit("Note the refund call", "2026-06-04T09:30:00+00:00")

    status, out, _ = run("--root", str(repo.root), "history", "C-1", "--format", "json")
    assert status == 0
    data = json.loads(out)
    assert data["customer"] == "C-1"
    assert [c["sha"] for c in data["commits"]] == [third, second, first]
    middle = data["commits"][1]
    assert middle["author"] == "Max Editor" and middle["email"] == "max@example.org"
    assert middle["date"] == "2026-06-03T11:00:00+02:00"
    assert middle["message"] == "Put C-1 on hold"
    assert {"path": "customer.yaml#contacts.emails[0]", "kind": "changed", "old": "a@example.com", "new": "b@example.com"} in middle["changes"]
    added = [c for c in middle["changes"] if c["path"] == "customer.yaml#flags[on-hold 2026-06-03]"]
    assert added and added[0]["kind"] == "added" and added[0]["new"]["reason"].startswith("Invoices unpaid")
    assert data["commits"][0]["changes"][0]["path"] == "notes/2026-06-03-refund.yaml"
    assert data["commits"][0]["changes"][0]["kind"] == "added"

    status, text, _ = run("--root", str(repo.root), "history", "C-1")
    assert status == 0
    assert "email changed from a@example.com to b@example.com" in text
    assert "flag on-hold added" in text
    assert "note 2026-06-03-refund added" in text
    assert text.index("Note the refund call") < text.index("Put C-1 on hold") < text.index("Add customer C-1")


def test_removing_the_first_of_three_flags_reads_as_one_removal(repo: Repo) -> None:
    flags = [flag("on-hold", "2026-06-01"), flag("warning", "2026-06-02"), flag("manager", "2026-06-03")]
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", flags=flags))
    repo.commit("Three flags", "2026-06-03T10:00:00+00:00")
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", flags=flags[1:]))
    repo.commit("Lift the hold", "2026-06-10T10:00:00+00:00")

    latest = customer_history(str(repo.root), "C-1")[0]
    assert [c.words for c in latest.changes] == ["flag on-hold removed"]
    assert latest.changes[0].kind == "removed"
    assert latest.changes[0].path == "customer.yaml#flags[on-hold 2026-06-01]"


def test_a_changed_flag_reason_is_one_field_change(repo: Repo) -> None:
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", flags=[flag("warning", "2026-06-02"), flag("on-hold", "2026-06-01", "Old reason.")]))
    repo.commit("Flags", "2026-06-03T10:00:00+00:00")
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", flags=[flag("on-hold", "2026-06-01", "New reason."), flag("warning", "2026-06-02")]))
    repo.commit("Reword and reorder", "2026-06-04T10:00:00+00:00")

    changes = customer_history(str(repo.root), "C-1")[0].changes
    assert [(c.path, c.kind, c.old, c.new) for c in changes] == [
        ("customer.yaml#flags[on-hold 2026-06-01].reason", "changed", "Old reason.", "New reason.")
    ]


def test_history_follows_a_folder_moved_into_a_group(repo: Repo, run: Run) -> None:
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1"))
    repo.write(f"{C1}/notes/2026-06-03-refund.yaml", note_yaml())
    created = repo.commit("Add C-1", "2026-06-01T10:00:00+00:00")
    repo.move(C1, "records/customers/group-a/C-1")
    moved = repo.commit("Group customers", "2026-06-02T10:00:00+00:00")
    repo.write("records/customers/group-a/C-1/customer.yaml", customer_yaml("C-1", name="Alex Erickson"))
    renamed = repo.commit("Correct the name", "2026-06-03T10:00:00+00:00")

    history = customer_history(str(repo.root), "C-1")
    assert [c.sha for c in history] == [renamed, moved, created]
    assert [c.words for c in history[0].changes] == ["name changed from Alexander Erickson to Alex Erickson"]
    move_words = [c.words for c in history[1].changes]
    assert "customer record moved from records/customers/C-1/ to records/customers/group-a/C-1/" in move_words
    assert all(c.kind == "changed" for c in history[1].changes)

    status, out, _ = run("--root", str(repo.root), "show", "C-1", "--as-of", "2026-06-01")
    assert status == 0
    assert "records/customers/C-1/customer.yaml" in out and "Alexander Erickson" in out


def test_merged_branches_tell_each_change_once(repo: Repo) -> None:
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1"))
    base = repo.commit("Add C-1", "2026-06-01T10:00:00+00:00")
    repo.git("checkout", "-q", "-b", "hold")
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", flags=[flag("on-hold", "2026-06-02")]))
    on_branch = repo.commit("Hold C-1", "2026-06-02T10:00:00+00:00")
    repo.git("checkout", "-q", "main")
    repo.write(f"{C1}/notes/2026-06-03-call.yaml", note_yaml())
    on_main = repo.commit("Note a call", "2026-06-03T10:00:00+00:00")
    repo.git("merge", "-q", "--no-ff", "-m", "Merge hold", "hold",
             env={"GIT_AUTHOR_DATE": "2026-06-04T10:00:00+00:00", "GIT_COMMITTER_DATE": "2026-06-04T10:00:00+00:00"})

    history = customer_history(str(repo.root), "C-1")
    assert sorted(c.sha for c in history) == sorted([base, on_branch, on_main])
    all_words = [w.words for c in history for w in c.changes]
    assert all_words.count("flag on-hold added") == 1
    assert all_words.count("note 2026-06-03-call added") == 1


def _merge_resolving_an_email_conflict(repo: Repo, folder: str) -> None:
    """main and a branch both change C-1's email; the merge resolves it to a fourth address."""
    repo.write(f"{folder}/customer.yaml", customer_yaml("C-1", emails=["a@example.com"]))
    repo.commit("Add C-1", "2026-06-01T10:00:00+00:00")
    repo.git("checkout", "-q", "-b", "other")
    repo.write(f"{folder}/customer.yaml", customer_yaml("C-1", emails=["b@example.com"]))
    repo.commit("Email b", "2026-06-02T10:00:00+00:00")
    repo.git("checkout", "-q", "main")
    repo.write(f"{folder}/customer.yaml", customer_yaml("C-1", emails=["c@example.com"]))
    repo.commit("Email c", "2026-06-03T10:00:00+00:00")
    merge_env = {**os.environ, "GIT_AUTHOR_DATE": "2026-06-04T10:00:00+00:00", "GIT_COMMITTER_DATE": "2026-06-04T10:00:00+00:00"}
    conflicted = subprocess.run(["git", "merge", "-q", "other"], cwd=repo.root, capture_output=True, env=merge_env, check=False)
    assert conflicted.returncode != 0  # both sides changed the email
    repo.write(f"{folder}/customer.yaml", customer_yaml("C-1", emails=["d@example.com"]))
    repo.git("add", "-A")
    repo.git("commit", "-q", "--no-edit", env=merge_env)


def test_a_conflict_resolved_in_a_merge_is_told_by_the_merge(repo: Repo) -> None:
    _merge_resolving_an_email_conflict(repo, C1)

    latest = customer_history(str(repo.root), "C-1")[0]
    assert latest.message.startswith("Merge branch 'other'")
    assert [c.words for c in latest.changes] == ["email changed from c@example.com to d@example.com"]


def test_a_deleted_and_recreated_record_keeps_its_whole_history(repo: Repo, run: Run) -> None:
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1"))
    repo.commit("Add C-1", "2026-06-01T10:00:00+00:00")
    repo.remove(C1)
    repo.commit("Erase C-1 on request", "2026-06-02T10:00:00+00:00")

    status, out, err = run("--root", str(repo.root), "history", "C-1", "--format", "json")
    assert status == 0, err
    kinds = [[c["kind"] for c in commit["changes"]] for commit in json.loads(out)["commits"]]
    assert kinds == [["removed"], ["added"]]
    status, out, err = run("--root", str(repo.root), "export", "C-1", "--as-of", "2026-06-01", "--format", "json")
    assert status == 0, err
    assert json.loads(out)["customer"]["name"] == "Alexander Erickson"
    status, _, err = run("--root", str(repo.root), "export", "C-1")
    assert status == 1 and "C-1 not found" in err

    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", name="Alexandra Erickson"))
    repo.commit("Re-open C-1", "2026-06-05T10:00:00+00:00")
    history = customer_history(str(repo.root), "C-1")
    assert [[c.words for c in commit.changes] for commit in history] == [
        ["customer record added"], ["customer record removed"], ["customer record added"]
    ]
    assert history[0].changes[0].new["name"] == "Alexandra Erickson"
    assert history[1].changes[0].old["name"] == "Alexander Erickson"


def test_a_note_moved_between_customers_leaves_one_and_joins_the_other(repo: Repo) -> None:
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1"))
    repo.write("records/customers/C-2/customer.yaml", customer_yaml("C-2", name="Bea Erickson"))
    repo.write(f"{C1}/notes/2026-06-03-refund.yaml", note_yaml())
    repo.commit("Add customers", "2026-06-01T10:00:00+00:00")
    repo.move(f"{C1}/notes/2026-06-03-refund.yaml", "records/customers/C-2/notes/2026-06-03-refund.yaml")
    moved = repo.commit("File the refund note under C-2", "2026-06-02T10:00:00+00:00")

    one = customer_history(str(repo.root), "C-1")[0]
    two = customer_history(str(repo.root), "C-2")[0]
    assert one.sha == two.sha == moved
    assert [(c.words, c.kind) for c in one.changes] == [("note 2026-06-03-refund removed", "removed")]
    assert [(c.words, c.kind) for c in two.changes] == [("note 2026-06-03-refund added", "added")]

    site = site_history(str(repo.root))
    assert site["C-1"][0]["changes"] == ["note 2026-06-03-refund removed"]
    assert site["C-2"][0]["changes"] == ["note 2026-06-03-refund added"]


def test_site_history_covers_every_customer_in_the_site_shape(repo: Repo) -> None:
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1"))
    repo.write("records/customers/g/C-2/customer.yaml", customer_yaml("C-2", name="Bea Erickson"))
    repo.commit("Add customers", "2026-06-01T10:00:00+00:00")
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", flags=[flag("alert", "2026-06-02")]))
    sha = repo.commit("Alert on C-1", "2026-06-02T10:00:00+00:00")

    site = site_history(str(repo.root))
    assert set(site) == {"C-1", "C-2"}
    assert site["C-1"][0] == {
        "sha": sha, "date": "2026-06-02T10:00:00+00:00", "author": "Ada Reviewer",
        "message": "Alert on C-1", "changes": ["flag alert added"],
    }
    assert len(site["C-2"]) == 1


def test_site_history_is_empty_outside_git(tmp_path: Path) -> None:
    (tmp_path / "plain" / "records" / "customers").mkdir(parents=True)
    assert site_history(str(tmp_path / "plain")) == {}


def test_history_of_an_unknown_customer_is_a_clear_error(repo: Repo, run: Run) -> None:
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1"))
    repo.commit("Add C-1", "2026-06-01T10:00:00+00:00")
    status, _out, err = run("--root", str(repo.root), "history", "C-404")
    assert status == 1
    assert "C-404" in err and "Traceback" not in err


def test_history_outside_git_is_a_clear_error(tmp_path: Path, run: Run) -> None:
    status, _, err = run("--root", str(tmp_path), "history", "C-1")
    assert status == 1
    assert "not a Git repository" in err


def test_an_unreadable_old_version_is_reported_not_fatal(repo: Repo) -> None:
    repo.write(f"{C1}/customer.yaml", "id: C-1\nname: [unclosed\n")
    repo.commit("Broken", "2026-06-01T10:00:00+00:00")
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1"))
    repo.commit("Fixed", "2026-06-02T10:00:00+00:00")
    latest = customer_history(str(repo.root), "C-1")[0]
    assert len(latest.changes) == 1 and latest.changes[0].words.startswith("customer record changed (")


def test_site_history_tells_the_same_changes_as_the_history_command(repo: Repo) -> None:
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", emails=["a@example.com"], flags=[flag("on-hold", "2026-06-01"), flag("alert", "2026-06-02")]))
    repo.write("records/customers/C-2/customer.yaml", customer_yaml("C-2", name="Bea Erickson"))
    repo.commit("Add customers", "2026-06-01T10:00:00+00:00")
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", emails=["b@example.com", "c@example.com"], flags=[flag("alert", "2026-06-02", "Reworded.")],
                                                   preferences=[{"text": "Prefers letters.", "since": "2026-06-03"}]))
    repo.write(f"{C1}/notes/2026-06-03-call.yaml", note_yaml())
    repo.commit("Several changes", "2026-06-03T10:00:00+00:00")
    repo.write(f"{C1}/notes/2026-06-03-call.yaml", note_yaml("Asked for a refund twice.", critical=True))
    repo.commit("Correct the note", "2026-06-04T10:00:00+00:00")

    catalog = load_repository(str(repo.root)).catalog
    site = site_history(str(repo.root), catalog)
    assert set(site) == {"C-1", "C-2"}
    command = customer_history(str(repo.root), "C-1")
    assert [c["changes"] for c in site["C-1"]] == [[w.words for w in c.changes] for c in command]
    assert site["C-1"][0]["changes"] == [
        "note 2026-06-03-call reason changed from Asked for a refund. to Asked for a refund twice.",
        "note 2026-06-03-call critical changed from no to yes",
    ]
    assert "flag on-hold removed" in site["C-1"][1]["changes"]
    assert "flag alert reason changed from Invoices unpaid for more than 60 days. to Reworded." in site["C-1"][1]["changes"]

    catalog.customers.pop("C-2")
    assert set(site_history(str(repo.root), catalog)) == {"C-1"}


def test_a_wildcard_or_a_path_is_not_taken_for_a_customer_id(repo: Repo, run: Run) -> None:
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1"))
    repo.commit("Add C-1", "2026-06-01T10:00:00+00:00")
    for bad in ("C-*", "../C-1", "*"):
        for command in ("history", "export", "show"):
            status, out, err = run("--root", str(repo.root), command, bad)
            assert status == 1 and out == "", (command, bad)
            assert "is not a customer id" in err


def test_records_in_a_sub_folder_of_the_repository(repo: Repo, run: Run) -> None:
    repo.write(f"data/{C1}/customer.yaml", customer_yaml("C-1", emails=["a@example.com"]))
    repo.commit("Add C-1", "2026-06-01T10:00:00+00:00")
    repo.write(f"data/{C1}/customer.yaml", customer_yaml("C-1", emails=["b@example.com"]))
    repo.commit("Change email", "2026-06-02T10:00:00+00:00")
    root = str(repo.root / "data")
    assert [[w.words for w in c.changes] for c in customer_history(root, "C-1")] == [
        ["email changed from a@example.com to b@example.com"], ["customer record added"]
    ]
    assert site_history(root)["C-1"][0]["changes"] == ["email changed from a@example.com to b@example.com"]
    status, out, _ = run("--root", root, "show", "C-1", "--as-of", "2026-06-01", "--format", "json")
    assert status == 0 and json.loads(out)["customer"]["contacts"]["emails"] == ["a@example.com"]


def test_a_note_renamed_and_corrected_in_one_commit(repo: Repo) -> None:
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1"))
    repo.write(f"{C1}/notes/2026-06-03-refnud.yaml", note_yaml())
    repo.commit("Add", "2026-06-01T10:00:00+00:00")
    repo.move(f"{C1}/notes/2026-06-03-refnud.yaml", f"{C1}/notes/2026-06-03-refund.yaml")
    repo.write(f"{C1}/notes/2026-06-03-refund.yaml", note_yaml(channel="email"))
    repo.commit("Fix the note's name and channel", "2026-06-02T10:00:00+00:00")
    assert [c.words for c in customer_history(str(repo.root), "C-1")[0].changes] == [
        "note 2026-06-03-refnud renamed to 2026-06-03-refund",
        "note 2026-06-03-refund channel changed from phone to email",
    ]


def test_a_change_a_merge_discarded_is_still_listed_where_it_was_made(repo: Repo) -> None:
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1"))
    repo.commit("Add C-1", "2026-06-01T10:00:00+00:00")
    repo.git("checkout", "-q", "-b", "rejected")
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", flags=[flag("warning", "2026-06-02")]))
    proposed = repo.commit("Propose a warning", "2026-06-02T10:00:00+00:00")
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "-s", "ours", "-m", "Close the proposal", "rejected",
             env={"GIT_AUTHOR_DATE": "2026-06-03T10:00:00+00:00", "GIT_COMMITTER_DATE": "2026-06-03T10:00:00+00:00"})

    command = customer_history(str(repo.root), "C-1")
    site = site_history(str(repo.root))["C-1"]
    assert proposed in [c.sha for c in command]
    assert [c["sha"] for c in site] == [c.sha for c in command]


def test_a_merge_that_carries_a_rename_does_not_garble_the_commits_below_it(repo: Repo) -> None:
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1"))
    repo.write(f"{C1}/notes/2026-06-03-refnud.yaml", note_yaml())
    created = repo.commit("Add C-1", "2026-06-01T10:00:00+00:00")
    repo.git("checkout", "-q", "-b", "rename")
    repo.move(f"{C1}/notes/2026-06-03-refnud.yaml", f"{C1}/notes/2026-06-03-refund.yaml")
    renamed = repo.commit("Fix the note's name", "2026-06-02T10:00:00+00:00")
    repo.git("checkout", "-q", "main")
    repo.write(f"{C1}/notes/2026-06-03-refnud.yaml", note_yaml(channel="email"))
    edited = repo.commit("Fix the note's channel", "2026-06-03T10:00:00+00:00")
    # Git merges the rename with the edit: the merged file differs from both parents.
    repo.git("merge", "-q", "--no-ff", "-m", "Merge rename", "rename",
             env={"GIT_AUTHOR_DATE": "2026-06-04T10:00:00+00:00", "GIT_COMMITTER_DATE": "2026-06-04T10:00:00+00:00"})

    command = customer_history(str(repo.root), "C-1")
    site = site_history(str(repo.root))["C-1"]
    assert {created, renamed, edited} <= {c.sha for c in command}
    assert [c["sha"] for c in site] == [c.sha for c in command]
    edit = next(c for c in command if c.sha == edited)
    assert edit.message == "Fix the note's channel"
    assert [c.words for c in edit.changes] == ["note 2026-06-03-refnud channel changed from phone to email"]


def test_a_merge_of_a_file_changed_on_both_sides_tells_neither_change_again(repo: Repo) -> None:
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1"))
    repo.commit("Add C-1", "2026-06-01T10:00:00+00:00")
    repo.git("checkout", "-q", "-b", "hold")
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", flags=[flag("on-hold", "2026-06-02")]))
    on_branch = repo.commit("Hold C-1", "2026-06-02T10:00:00+00:00", author=("Max Editor", "max@example.org"))
    repo.git("checkout", "-q", "main")
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", name="Alex Erickson"))
    on_main = repo.commit("Correct the name", "2026-06-03T10:00:00+00:00")
    # Git merges both changes to customer.yaml: the merged file differs from both parents.
    repo.git("merge", "-q", "--no-ff", "-m", "Merge hold", "hold",
             env={"GIT_AUTHOR_DATE": "2026-06-04T10:00:00+00:00", "GIT_COMMITTER_DATE": "2026-06-04T10:00:00+00:00"})
    assert "name: Alex Erickson" in repo.read(f"{C1}/customer.yaml") and "on-hold" in repo.read(f"{C1}/customer.yaml")

    command = customer_history(str(repo.root), "C-1")
    assert [c.sha for c in command[:2]] == [on_main, on_branch]
    assert [w.words for c in command for w in c.changes].count("flag on-hold added") == 1
    assert next(c for c in command if c.sha == on_branch).author == "Max Editor"
    site = site_history(str(repo.root))["C-1"]
    assert [c["sha"] for c in site] == [c.sha for c in command]
    assert [w for c in site for w in c["changes"]].count("flag on-hold added") == 1


def test_a_conflict_resolved_in_a_merge_is_told_when_the_records_are_a_sub_folder(repo: Repo) -> None:
    _merge_resolving_an_email_conflict(repo, "crm/" + C1)

    # Git gives a merge's paths from the top of the repository whatever --relative says.
    latest = customer_history(str(repo.root / "crm"), "C-1")[0]
    assert latest.message.startswith("Merge branch 'other'")
    assert [c.words for c in latest.changes] == ["email changed from c@example.com to d@example.com"]
    assert site_history(str(repo.root / "crm"))["C-1"][0]["changes"] == ["email changed from c@example.com to d@example.com"]


def test_a_customer_recreated_in_another_folder_shows_all_its_commits(repo: Repo, run: Run) -> None:
    old, new = "records/customers/C-1005", "records/customers/retail/C-1005"
    repo.write(f"{old}/customer.yaml", customer_yaml("C-1005", emails=["a@example.com"]))
    created = repo.commit("Add C-1005", "2026-06-01T10:00:00+00:00")
    repo.write(f"{old}/customer.yaml", customer_yaml("C-1005", emails=["b@example.com"]))
    changed = repo.commit("New email", "2026-06-02T10:00:00+00:00")
    repo.remove(old)
    deleted = repo.commit("Close C-1005", "2026-06-03T10:00:00+00:00")
    repo.write(f"{new}/customer.yaml", customer_yaml("C-1005", name="Alexandra Erickson"))
    recreated = repo.commit("Re-open C-1005 under retail", "2026-06-05T10:00:00+00:00")

    history = customer_history(str(repo.root), "C-1005")
    assert [c.sha for c in history] == [recreated, deleted, changed, created]
    assert [[w.words for w in c.changes] for c in history] == [
        ["customer record added"], ["customer record removed"],
        ["email changed from a@example.com to b@example.com"], ["customer record added"],
    ]
    status, out, err = run("--root", str(repo.root), "history", "C-1005", "--format", "json")
    assert status == 0, err
    assert len(json.loads(out)["commits"]) == 4


def test_a_folder_moved_and_heavily_edited_in_one_commit_keeps_all_its_commits(repo: Repo) -> None:
    old, new = "records/customers/C-7", "records/customers/north/C-7"
    shas = []
    repo.write(f"{old}/customer.yaml", customer_yaml("C-7"))
    shas.append(repo.commit("Add C-7", "2026-06-01T10:00:00+00:00"))
    for day, email in enumerate(["b@example.com", "c@example.com", "d@example.com", "e@example.com"], start=2):
        repo.write(f"{old}/customer.yaml", customer_yaml("C-7", emails=[email]))
        shas.append(repo.commit(f"Email {email}", f"2026-06-0{day}T10:00:00+00:00"))
    repo.move(old, new)
    # Nearly every line rewritten: git sees one folder deleted and another added.
    repo.write(f"{new}/customer.yaml", customer_yaml(
        "C-7", name="Zed Quinn-Abernathy", emails=["zed.quinn@example.net", "z@example.net"],
        flags=[flag("on-hold", "2026-06-06")], preferences=[{"text": "Prefers letters.", "since": "2026-06-06"}]))
    moved = repo.commit("Group C-7 and correct the record", "2026-06-06T10:00:00+00:00")
    assert "R" not in repo.git("show", "--name-status", "-M", "--format=", moved)
    repo.write(f"{new}/customer.yaml", customer_yaml("C-7", name="Zed Quinn", emails=["zed.quinn@example.net"]))
    shas.append(moved)
    shas.append(repo.commit("Lift the hold", "2026-06-07T10:00:00+00:00"))

    history = customer_history(str(repo.root), "C-7")
    assert [c.sha for c in history] == shas[::-1]
    move = [w.words for w in history[1].changes]
    assert move[0] == "customer record moved from records/customers/C-7/ to records/customers/north/C-7/"
    assert "name changed from Alexander Erickson to Zed Quinn-Abernathy" in move
    assert "flag on-hold added" in move


def _history_with_a_neighbours_note(repo: Repo) -> None:
    """C-1's record with internal content, staff names, a message naming C-2, and C-2's note filed under C-1 for a while."""
    staff = ("Max Editor", "max@example.org")
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", emails=["a@example.com"]))
    repo.write("records/customers/C-2/customer.yaml", customer_yaml("C-2", name="Bea Okafor"))
    repo.commit("Add customers", "2026-06-01T10:00:00+00:00", author=staff)
    repo.write(f"{C1}/notes/2026-06-02-visit.yaml", note_yaml(
        "Bea Okafor at number 14 reported a leak.", contact={"name": "Bea Okafor"}, internal="Neighbour dispute, handle gently."))
    repo.commit("Note the leak", "2026-06-02T10:00:00+00:00", author=staff)
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", emails=["b@example.com"], flags=[
        flag("on-hold", "2026-06-03", guidance="Ask for the manager's code."), flag("at-risk", "2026-06-03", "Spoke of leaving.")]))
    repo.write(f"{C1}/notes/2026-06-03-refund.yaml", note_yaml(internal="Staff think this is a try-on."))
    repo.commit("Hold C-1 and note the refund", "2026-06-03T10:00:00+00:00", author=staff)
    repo.move(f"{C1}/notes/2026-06-02-visit.yaml", "records/customers/C-2/notes/2026-06-02-visit.yaml")
    repo.commit("Leak note belongs to Bea Okafor (C-2), not C-1", "2026-06-04T10:00:00+00:00", author=staff)


def test_the_customer_change_log_holds_their_factual_data_only(repo: Repo, run: Run) -> None:
    _history_with_a_neighbours_note(repo)

    status, out, err = run("--root", str(repo.root), "history", "C-1", "--audience", "customer", "--format", "json")
    assert status == 0, err
    for secret in ("Max Editor", "max@example.org", "Ada Reviewer", "Hold C-1", "Leak note", "C-2", "Bea Okafor", "number 14",
                   "Neighbour dispute", "try-on", "manager's code", "at-risk", "Spoke of leaving", "jdoe", "created_by", "author", "sha"):
        assert secret not in out, secret
    log = json.loads(out)["changes"]
    assert [entry["written"] for entry in log] == ["2026-06-04T10:00:00+00:00", "2026-06-03T10:00:00+00:00", "2026-06-01T10:00:00+00:00"]
    assert [c["words"] for c in log[0]["changes"]] == ["a note was moved"]
    middle = {c["words"]: c for c in log[1]["changes"]}
    assert "email changed from a@example.com to b@example.com" in middle
    assert middle["flag on-hold added"]["new"] == {"type": "on-hold", "reason": "Invoices unpaid for more than 60 days.", "created": "2026-06-03", "review_by": None}
    assert middle["note of 2026-06-03 added"]["new"]["reason"] == "Asked for a refund."
    assert "internal" not in middle["note of 2026-06-03 added"]["new"]
    assert [c["words"] for c in log[2]["changes"]] == ["customer record added"]

    status, text, err = run("--root", str(repo.root), "history", "C-1", "--audience", "customer")
    assert status == 0, err
    assert "a note was moved" in text and "Max Editor" not in text and "Bea Okafor" not in text
    # Staff still see everything.
    status, text, err = run("--root", str(repo.root), "history", "C-1")
    assert "Max Editor" in text and "Leak note belongs" in text and "flag at-risk added" in text


def test_history_shows_when_a_change_was_written_and_when_it_landed(repo: Repo, run: Run) -> None:
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", emails=["a@example.com"]))
    repo.commit("Add C-1", "2026-06-01T10:00:00+00:00")
    repo.git("checkout", "-q", "-b", "email")
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", emails=["b@example.com"]))
    written = repo.commit("New email", "2026-06-02T10:00:00+00:00")
    repo.git("checkout", "-q", "main")
    repo.write(f"{C1}/notes/2026-06-03-call.yaml", note_yaml())
    repo.commit("Note a call", "2026-06-03T10:00:00+00:00")
    repo.git("merge", "-q", "--no-ff", "-m", "Merge email", "email",
             env={"GIT_AUTHOR_DATE": "2026-06-05T10:00:00+00:00", "GIT_COMMITTER_DATE": "2026-06-05T10:00:00+00:00"})

    status, out, err = run("--root", str(repo.root), "history", "C-1", "--format", "json")
    assert status == 0, err
    change = next(c for c in json.loads(out)["commits"] if c["sha"] == written)
    assert change["date"] == "2026-06-02T10:00:00+00:00"
    assert change["landed"] == "2026-06-05T10:00:00+00:00"
    status, text, _ = run("--root", str(repo.root), "history", "C-1")
    assert "written 2026-06-02T10:00:00+00:00, landed 2026-06-05T10:00:00+00:00" in text
    assert "written and landed 2026-06-03T10:00:00+00:00" in text
    # --as-of goes by the landing: on 2026-06-04 the main line did not hold the new email yet.
    status, out, _ = run("--root", str(repo.root), "show", "C-1", "--as-of", "2026-06-04", "--format", "json")
    assert json.loads(out)["customer"]["contacts"]["emails"] == ["a@example.com"]
    status, out, _ = run("--root", str(repo.root), "history", "C-1", "--audience", "customer", "--format", "json")
    email = next(e for e in json.loads(out)["changes"] if e["written"] == "2026-06-02T10:00:00+00:00")
    assert email["landed"] == "2026-06-05T10:00:00+00:00"
    site = {c["sha"]: c for c in site_history(str(repo.root))["C-1"]}
    assert site[written]["landed"] == "2026-06-05T10:00:00+00:00"
    assert all("landed" not in c for sha, c in site.items() if sha != written)


def test_a_note_moved_to_another_customer_and_rewritten_in_one_commit_is_told_as_moved(repo: Repo, run: Run) -> None:
    """Git sees a file deleted and another added; the note's file name says it is one note, filed elsewhere."""
    _history_with_a_neighbours_note(repo)
    repo.git("reset", "-q", "--hard", "HEAD~1")
    rewritten = note_yaml("Reported water coming through the ceiling of the back bedroom from the flat above.",
                          at="2026-06-02T09:30:00+00:00", contact={"name": "Bea Okafor"}, channel="email",
                          resolution=["Sent the building's plumber the same afternoon.", "Plumber fixed a leaking joint under the bath."])
    repo.remove(f"{C1}/notes/2026-06-02-visit.yaml")
    repo.write("records/customers/C-2/notes/2026-06-02-visit.yaml", rewritten)
    moved = repo.commit("Leak note belongs to C-2, rewritten from the plumber's report", "2026-06-04T10:00:00+00:00")
    assert "R" not in repo.git("show", "--name-status", "-M", "--format=", moved)  # too changed for Git's rename detection

    status, out, err = run("--root", str(repo.root), "history", "C-1", "--audience", "customer", "--format", "json")
    assert status == 0, err
    for secret in ("Bea Okafor", "number 14", "leak", "Neighbour dispute"):
        assert secret not in out, secret
    log = json.loads(out)["changes"]
    assert [c["words"] for c in log[0]["changes"]] == ["a note was moved"]
    assert [entry["written"] for entry in log] == ["2026-06-04T10:00:00+00:00", "2026-06-03T10:00:00+00:00", "2026-06-01T10:00:00+00:00"]
    status, out, err = run("--root", str(repo.root), "history", "C-2", "--audience", "customer", "--format", "json")
    assert status == 0, err
    assert [c["words"] for c in json.loads(out)["changes"][0]["changes"]] == ["a note was moved"]


def test_a_folder_renamed_and_later_re_created_keeps_its_whole_history(repo: Repo, run: Run) -> None:
    """The record stood under another name, was renamed to its id, regrouped with heavy edits, removed and re-created:
    each folder is found from the one after it (a rename, a move in one commit) or by the id it is named by."""
    first, named, north, south = ("records/customers/erickson", "records/customers/C-9", "records/customers/north/C-9",
                                  "records/customers/south/C-9")
    shas = []
    repo.write(f"{first}/customer.yaml", customer_yaml("C-9", emails=["a@example.com"]))
    repo.write(f"{first}/notes/2026-06-01-call.yaml", note_yaml())
    shas.append(repo.commit("Add Erickson", "2026-06-01T10:00:00+00:00"))
    repo.write(f"{first}/customer.yaml", customer_yaml("C-9", emails=["b@example.com"]))
    shas.append(repo.commit("New email", "2026-06-02T10:00:00+00:00"))
    repo.move(first, named)
    shas.append(repo.commit("Name the folder by the id", "2026-06-03T10:00:00+00:00"))
    repo.move(named, north)
    repo.write(f"{north}/customer.yaml", customer_yaml(
        "C-9", name="Zed Quinn-Abernathy", emails=["zed.quinn@example.net"], flags=[flag("on-hold", "2026-06-04")],
        preferences=[{"text": "Prefers letters.", "since": "2026-06-04"}]))
    moved = repo.commit("Group C-9 and correct the record", "2026-06-04T10:00:00+00:00")
    assert "R" not in repo.git("show", "--name-status", "-M", "--format=", moved).split("\n")[0]
    shas.append(moved)
    repo.remove(north)
    shas.append(repo.commit("Close C-9", "2026-06-05T10:00:00+00:00"))
    repo.write(f"{south}/customer.yaml", customer_yaml("C-9", name="Zed Quinn"))
    shas.append(repo.commit("Re-open C-9 in the south", "2026-06-06T10:00:00+00:00"))
    # Other customers' commits in between are not the record's.
    repo.write("records/customers/C-90/customer.yaml", customer_yaml("C-90", name="Bea Okafor"))
    repo.commit("Add C-90", "2026-06-07T10:00:00+00:00")

    history = customer_history(str(repo.root), "C-9")
    assert [c.sha for c in history] == shas[::-1]
    words = [[w.words for w in c.changes] for c in history]
    assert words[0] == ["customer record added"]
    assert sorted(words[1]) == ["customer record removed", "note 2026-06-01-call removed"]
    assert "customer record moved from records/customers/C-9/ to records/customers/north/C-9/" in words[2]
    assert "flag on-hold added" in words[2]
    # Folders of two names: told as the one removed and the other added, as the site tells it.
    assert sorted(words[3]) == ["customer record added", "customer record removed", "note 2026-06-01-call added", "note 2026-06-01-call removed"]
    assert words[4] == ["email changed from a@example.com to b@example.com"]
    assert sorted(words[5]) == ["customer record added", "note 2026-06-01-call added"]
    status, out, err = run("--root", str(repo.root), "history", "C-9", "--format", "json")
    assert status == 0, err
    assert [c["sha"] for c in json.loads(out)["commits"]] == shas[::-1]


def test_a_folder_under_another_name_moved_and_rewritten_in_one_commit_is_followed(repo: Repo) -> None:
    """Git sees no rename; the deleted customer.yaml says the id, so its folder's past is the record's."""
    repo.write("records/customers/old-name/customer.yaml", customer_yaml("C-4", emails=["a@example.com"]))
    repo.commit("Add", "2026-06-01T10:00:00+00:00")
    repo.write("records/customers/old-name/customer.yaml", customer_yaml("C-4", emails=["b@example.com"]))
    changed = repo.commit("New email", "2026-06-02T10:00:00+00:00")
    repo.remove("records/customers/old-name")
    repo.write("records/customers/C-4/customer.yaml", customer_yaml(
        "C-4", name="Zed Quinn-Abernathy", emails=["zed.quinn@example.net", "z@example.net"], flags=[flag("on-hold", "2026-06-03")]))
    moved = repo.commit("Rename and rewrite", "2026-06-03T10:00:00+00:00")
    assert "R" not in repo.git("show", "--name-status", "-M", "--format=", moved)

    history = customer_history(str(repo.root), "C-4")
    assert len(history) == 3 and history[0].sha == moved and history[1].sha == changed
    assert sorted(w.words for w in history[0].changes) == ["customer record added", "customer record removed"]
    removed = next(c for c in history[0].changes if c.kind == "removed")
    assert removed.old["contacts"]["emails"] == ["b@example.com"]


def test_a_note_moved_in_from_another_customer_joins_the_history_where_it_arrived(repo: Repo) -> None:
    repo.write("records/customers/C-2/customer.yaml", customer_yaml("C-2", name="Bea Okafor"))
    repo.write("records/customers/C-2/notes/2026-06-03-refund.yaml", note_yaml())
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1"))
    repo.commit("Add customers", "2026-06-01T10:00:00+00:00")
    repo.write("records/customers/C-2/notes/2026-06-03-refund.yaml", note_yaml(channel="email"))
    repo.commit("Correct the channel", "2026-06-02T10:00:00+00:00")
    repo.move("records/customers/C-2/notes/2026-06-03-refund.yaml", f"{C1}/notes/2026-06-03-refund.yaml")
    moved = repo.commit("The refund was C-1's", "2026-06-03T10:00:00+00:00")

    history = customer_history(str(repo.root), "C-1")
    assert len(history) == 2 and history[0].sha == moved
    assert [(c.words, c.kind) for c in history[0].changes] == [("note 2026-06-03-refund added", "added")]


def test_one_customers_history_reads_no_other_customers_files(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    """The files read do not grow with other customers' records and commits."""
    from flagsite.history import locate

    read: list[str] = []

    def counted(path: str | None) -> RecordPath | None:
        if path:
            read.append(path)
        return record_path(path)

    monkeypatch.setattr(locate, "record_path", counted)
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1"))
    repo.write(f"{C1}/notes/2026-06-03-refund.yaml", note_yaml())
    repo.commit("Add C-1", "2026-06-01T10:00:00+00:00")
    for n in range(2, 12):
        repo.write(f"records/customers/g/C-{n}/customer.yaml", customer_yaml(f"C-{n}"))
        repo.write(f"records/customers/g/C-{n}/notes/2026-06-03-refund.yaml", note_yaml())
        repo.commit(f"Add C-{n}", f"2026-06-{n:02d}T10:00:00+00:00")
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", name="Alex Erickson"))
    repo.commit("Correct the name", "2026-06-20T10:00:00+00:00")

    assert len(customer_history(str(repo.root), "C-1")) == 2
    assert read and all(path.startswith(f"{C1}/") for path in read)
