"""``flagsite erase`` and ``flagsite rectify`` on real repositories, with the real history rewrite.

What a reviewer would check: after the erasure no object of the repository
(``git cat-file --batch-all-objects --batch``) holds any of the customer's
words, on any branch; the erasure is on record; validate, the site and history
say "erased on DATE"; nobody else's data is lost.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml

from flagsite.edit.transaction import write_files
from flagsite.repository import load_repository

from .conftest import Repo, Run, customer_yaml, note_yaml

ADA = "records/customers/C-1005"
GROUPED = "records/customers/G-01/C-1005"
GRACE = "records/customers/C-2000"
ORDERS = "records/orders/orders.csv"
ORDER_HEADER = "order_id,customer,date,amount,currency,status,title\n"
# Every word of the customer's that history holds below; the id stays, in the record of the erasure, by design.
ADA_WORDS = ["Ada Lovelace", "ada.lovelace@example.com", "ada.old@example.net", "+44 20 7946 0018",
             "velvet harpsichord", "Analytical Engine subscription", "O-77"]


def ada_yaml(email: str = "ada.lovelace@example.com") -> str:
    return yaml.safe_dump({"id": "C-1005", "name": "Ada Lovelace", "status": "active",
                           "contacts": {"emails": [email], "phones": ["+44 20 7946 0018"]},
                           "preferences": [{"text": "Prefers letters about the velvet harpsichord."}]}, sort_keys=False)


def grace_yaml() -> str:
    return customer_yaml("C-2000", "Grace Hopper", emails=["grace@example.org"])


def all_objects(repo: Repo) -> str:
    """Every object of the repository (commits, trees, blobs, tags) as git cat-file prints them."""
    done = subprocess.run(["git", "cat-file", "--batch-all-objects", "--batch"], cwd=repo.root, capture_output=True, check=True)
    return done.stdout.decode("utf-8", "replace")


def history_with_moves_and_branches(repo: Repo) -> None:
    """Ada's record: added, moved into a group, edited, deleted, re-created; a side branch; a commit message naming her."""
    repo.write(f"{ADA}/customer.yaml", ada_yaml("ada.old@example.net"))
    repo.write(f"{ADA}/notes/2026-06-03-refund.yaml", note_yaml("Asked about the Analytical Engine subscription.", contact={"name": "Ada Lovelace"}))
    repo.write(f"{GRACE}/customer.yaml", grace_yaml())
    repo.write(ORDERS, ORDER_HEADER + "O-77,C-1005,2026-05-01,10.00,USD,shipped,Mug\nO-78,C-2000,2026-05-02,12.00,USD,shipped,Cap\n")
    repo.commit("Add Ada Lovelace (ada.old@example.net) and Grace", "2026-06-03T10:00:00+00:00")
    repo.move(ADA, GROUPED)
    repo.commit("Group C-1005", "2026-06-04T10:00:00+00:00")
    repo.write(f"{GROUPED}/customer.yaml", ada_yaml())
    repo.write(f"{GRACE}/notes/2026-06-05-call.yaml", note_yaml("Called on behalf of Ada Lovelace, her neighbour, about a missed bin collection.",
                                                                contact={"name": "Ada Lovelace", "relationship": "neighbour"}))
    repo.commit("New email for Ada", "2026-06-05T10:00:00+00:00")
    repo.git("branch", "side")
    repo.remove("records/customers/G-01")
    repo.commit("Remove C-1005", "2026-06-06T10:00:00+00:00")
    repo.write(f"{ADA}/customer.yaml", ada_yaml())
    repo.commit("Re-create C-1005", "2026-06-07T10:00:00+00:00")
    repo.git("checkout", "-q", "side")
    repo.write(f"{GROUPED}/notes/2026-06-08-letter.yaml", note_yaml("Wrote about the velvet harpsichord.", contact={"name": "Ada Lovelace"}))
    repo.commit("A letter to Ada Lovelace, never merged", "2026-06-08T10:00:00+00:00")
    repo.git("checkout", "-q", "main")


def test_erasure_leaves_no_word_of_the_customer_in_any_object(repo: Repo, run: Run, tmp_path: Path) -> None:
    history_with_moves_and_branches(repo)
    assert all(word in all_objects(repo) for word in ADA_WORDS)  # the test holds what it says it erases

    status, out, err = run("--root", str(repo.root), "erase", "C-1005", "--ref", "ER-2026-7", "--today", "2026-12-01")
    assert status == 0, err
    assert "records/erased/C-1005.yaml: C-1005 erased on 2026-12-01 (request ER-2026-7)" in out
    assert "no object of the repository holds" in out and "git push --force" in out and "CI caches" in out

    objects = all_objects(repo)
    assert [word for word in ADA_WORDS if word in objects] == []
    assert "7946" not in objects  # the phone in no form
    # The erasure is on record, and nothing else of Ada's is.
    assert (repo.root / "records/erased/C-1005.yaml").read_text().endswith("id: C-1005\nerased: 2026-12-01\nrequest: ER-2026-7\n")
    assert not (repo.root / ADA).exists()
    assert "Erase C-1005: records and order rows removed, erasure recorded (request ER-2026-7)" in repo.git("log", "-1", "--format=%B")
    messages = repo.git("log", "--all", "--format=%B")
    assert "Add (erased) (erased@erased.invalid) and Grace" in messages and "Lovelace" not in messages
    assert "A letter to" not in messages  # the side branch's commit held only Ada's note: it is gone
    # Grace keeps her record, her order and her note; the mention of Ada in it is erased.
    assert "Grace Hopper" in repo.read(f"{GRACE}/customer.yaml")
    assert repo.read(ORDERS) == ORDER_HEADER + "O-78,C-2000,2026-05-02,12.00,USD,shipped,Cap\n"
    grace_note = yaml.safe_load(repo.read(f"{GRACE}/notes/2026-06-05-call.yaml"))
    assert grace_note["reason"] == "Called on behalf of (erased), her neighbour, about a missed bin collection."
    assert grace_note["contact"] == {"name": "(erased)", "relationship": "neighbour"}  # still a name: the note still validates
    assert repo.git("status", "--porcelain") == ""

    status, out, _ = run("--root", str(repo.root), "validate")
    assert status == 0, out
    status, out, _ = run("--root", str(repo.root), "history", "C-1005")
    assert status == 0 and out == "C-1005 was erased on 2026-12-01 (request ER-2026-7); their history is not kept.\n"
    status, _, err = run("--root", str(repo.root), "export", "C-1005")
    assert status == 1 and "C-1005 was erased on 2026-12-01 (request ER-2026-7)" in err

    site = tmp_path / "site"
    status, _, err = run("--root", str(repo.root), "build", "--site-dir", str(site), "--today", "2026-12-02")
    assert status == 0, err
    page = (site / "customers" / "C-1005" / "index.html").read_text()
    assert "C-1005 — erased on 2026-12-01 (request ER-2026-7)" in page
    index = "".join(path.read_text() for path in (site / "assets" / "flagsite" / "search" / "t").iterdir())
    assert '["C-1005","erased on 2026-12-01 (request ER-2026-7)",[],[],[]]' in index
    assert not any(word in path.read_text(errors="replace") for path in site.rglob("*") if path.is_file() for word in ADA_WORDS[:3])


def test_deleting_the_folder_alone_keeps_every_word_and_fails_validation(repo: Repo, run: Run) -> None:
    """The defects erase answers: git rm keeps the words in history, and the kept order row is R011."""
    history_with_moves_and_branches(repo)
    repo.remove(ADA)
    repo.commit("Remove C-1005", "2026-06-09T10:00:00+00:00")
    assert "Ada Lovelace" in all_objects(repo)
    status, out, _ = run("--root", str(repo.root), "validate")
    assert status == 1 and "R011" in out


def test_an_order_row_for_an_erased_customer_names_the_erasure(repo: Repo, run: Run) -> None:
    history_with_moves_and_branches(repo)
    assert run("--root", str(repo.root), "erase", "C-1005", "--ref", "ER-2026-7", "--today", "2026-12-01")[0] == 0
    repo.write(ORDERS, repo.read(ORDERS) + "O-99,C-1005,2026-12-02,5.00,USD,shipped,Pen\n")  # a new export brings a row back
    status, out, _ = run("--root", str(repo.root), "validate", "--format", "json")
    assert status == 1
    # Only the order file's findings: the notes left are read too (the learned reading, on by default, may warn on one).
    on_orders = [f for f in json.loads(out)["findings"] if f["path"] == ORDERS]
    assert [(f["code"], f["line"]) for f in on_orders] == [("R018", 3)]
    assert "C-1005 was erased on 2026-12-01 (request ER-2026-7)" in on_orders[0]["message"]


def test_commit_only_leaves_history_and_the_same_command_finishes_it(repo: Repo, run: Run) -> None:
    history_with_moves_and_branches(repo)
    status, out, _ = run("--root", str(repo.root), "erase", "C-1005", "--ref", "ER-2026-7", "--commit-only", "--today", "2026-12-01")
    assert status == 0 and "history still holds" in out
    assert "Ada Lovelace" in all_objects(repo)
    status, out, _ = run("--root", str(repo.root), "history", "C-1005")
    assert "commit(s) still hold the erased record" in out and "Ada" not in out
    assert run("--root", str(repo.root), "validate")[0] == 0

    status, out, err = run("--root", str(repo.root), "erase", "C-1005", "--ref", "ER-2026-7")
    assert status == 0, err
    assert "erased C-1005:" not in out  # no second commit
    assert [word for word in ADA_WORDS if word in all_objects(repo)] == []
    assert repo.read("records/erased/C-1005.yaml").endswith("erased: 2026-12-01\nrequest: ER-2026-7\n")


def test_a_phone_another_customer_holds_stays_theirs(repo: Repo, run: Run) -> None:
    history_with_moves_and_branches(repo)
    repo.write(f"{GRACE}/customer.yaml", grace_yaml().replace("+1 555 0100", "+44 20 7946 0018"))
    repo.commit("Grace shares Ada's line", "2026-06-09T10:00:00+00:00")
    status, _, err = run("--root", str(repo.root), "erase", "C-1005", "--ref", "ER-2026-7", "--today", "2026-12-01")
    assert status == 0, err
    assert "is also C-2000's" in err
    assert "+44 20 7946 0018" in repo.read(f"{GRACE}/customer.yaml")
    objects = all_objects(repo)
    assert "Ada Lovelace" not in objects and "ada.lovelace@example.com" not in objects


@pytest.mark.parametrize("spoil, why", [
    (lambda repo: repo.write(f"{GRACE}/customer.yaml", grace_yaml() + "# edited\n"), "changes that are not committed"),
    (lambda repo: repo.git("checkout", "-q", "--detach"), "not on a branch"),
])
def test_erase_refuses_a_repository_it_cannot_rewrite_safely(repo: Repo, run: Run, spoil: object, why: str) -> None:
    history_with_moves_and_branches(repo)
    head = repo.git("rev-parse", "HEAD")
    spoil(repo)  # type: ignore[operator]
    status, _, err = run("--root", str(repo.root), "erase", "C-1005", "--ref", "ER-2026-7")
    assert status == 1 and why in err
    assert repo.git("rev-parse", "HEAD") == head and (repo.root / ADA / "customer.yaml").exists()


def test_erase_refuses_an_unknown_id_and_a_bad_reference(repo: Repo, run: Run) -> None:
    history_with_moves_and_branches(repo)
    status, _, err = run("--root", str(repo.root), "erase", "C-1006", "--ref", "ER-2026-7")
    assert status == 1 and "no customer 'C-1006'" in err and "C-1005" in err
    status, _, err = run("--root", str(repo.root), "erase", "C-1005", "--ref", "ER 7 <b>")
    assert status == 2 and "is not a request reference" in err
    assert (repo.root / ADA / "customer.yaml").exists() and not (repo.root / "records/erased").exists()


def test_erase_refuses_a_shallow_clone(repo: Repo, run: Run, tmp_path: Path) -> None:
    history_with_moves_and_branches(repo)
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(shallow)], check=True)
    status, _, err = run("--root", str(shallow), "erase", "C-1005", "--ref", "ER-2026-7")
    assert status == 1 and "shallow clone" in err


def test_a_failed_commit_leaves_the_records_as_they_were(repo: Repo, run: Run) -> None:
    history_with_moves_and_branches(repo)
    hook = repo.root / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'refused by the hook' >&2\nexit 1\n")
    hook.chmod(0o755)
    status, _, err = run("--root", str(repo.root), "erase", "C-1005", "--ref", "ER-2026-7")
    assert status == 1 and "nothing was erased" in err
    assert repo.git("status", "--porcelain", "--untracked-files=all") == ""
    assert (repo.root / ADA / "customer.yaml").exists() and "O-77" in repo.read(ORDERS)


def test_rectify_rewrites_a_wrong_value_out_of_history_and_keeps_the_correction(repo: Repo, run: Run) -> None:
    history_with_moves_and_branches(repo)
    status, _, err = run("--root", str(repo.root), "rectify", "C-1005", "--value", "ada.lovelace@example.com", "--ref", "RC-1")
    assert status == 1 and f"still stands in {ADA}/customer.yaml" in err  # correct it first
    status, _, err = run("--root", str(repo.root), "rectify", "C-1005", "--value", "never@example.com", "--ref", "RC-1")
    assert status == 1 and "no earlier version of C-1005's record holds" in err

    status, out, err = run("--root", str(repo.root), "rectify", "C-1005", "--value", "ada.old@example.net", "--ref", "RC-1")
    assert status == 0, err
    assert "no object of the repository holds the wrong value" in out
    objects = all_objects(repo)
    assert "ada.old@example.net" not in objects
    assert "ada.lovelace@example.com" in repo.read(f"{ADA}/customer.yaml") and "Ada Lovelace" in objects
    assert repo.git("log", "-1", "--format=%s") == "Rectify C-1005: a wrong value rewritten out of history (request RC-1)\n"
    status, out, _ = run("--root", str(repo.root), "history", "C-1005")
    assert status == 0 and "email changed from rectified@rectified.invalid to ada.lovelace@example.com" in out


def test_an_edit_removes_files_all_or_nothing(tmp_path: Path) -> None:
    kept, gone = tmp_path / "kept.txt", tmp_path / "gone.txt"
    kept.write_text("old")
    gone.write_text("bye")
    write_files(str(tmp_path), {str(kept): b"new", str(gone): None})
    assert kept.read_text() == "new" and not gone.exists()
    gone.write_text("bye")
    with pytest.raises(Exception, match="nothing was written"):
        write_files(str(tmp_path), {str(gone): None, str(tmp_path / "no-such-folder" / "x.txt"): b"x"})
    assert gone.read_text() == "bye"


def test_the_catalog_knows_the_erased_customer(repo: Repo, run: Run) -> None:
    history_with_moves_and_branches(repo)
    assert run("--root", str(repo.root), "erase", "C-1005", "--ref", "ER-2026-7", "--commit-only", "--today", "2026-12-01")[0] == 0
    result = load_repository(str(repo.root))
    assert result.ok and "C-1005" not in result.catalog.customers
    assert result.catalog.erased["C-1005"].request == "ER-2026-7"


def test_what_builds_kept_of_the_records_goes_with_the_customer(repo: Repo, run: Run, tmp_path: Path) -> None:
    history_with_moves_and_branches(repo)
    status, _, err = run("--root", str(repo.root), "build", "--site-dir", str(tmp_path / "site"), "--today", "2026-12-01")
    assert status == 0, err
    kept = [path for path in Path(repo.root, ".flagsite").rglob("*") if path.is_file()]
    assert any(b"Ada Lovelace" in path.read_bytes() for path in kept)  # the build cache holds the records read
    assert run("--root", str(repo.root), "erase", "C-1005", "--ref", "ER-2026-7", "--today", "2026-12-01")[0] == 0
    left = [path for path in Path(repo.root, ".flagsite").rglob("*") if path.is_file()]
    assert not [path for path in left for word in ADA_WORDS[:3] if word.encode() in path.read_bytes()]
