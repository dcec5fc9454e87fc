"""Dates up to 9999-12-31 work everywhere: --as-of, commit dates past 2038 and 2100, review and follow-up dates, --today."""

from __future__ import annotations

import json

import yaml

from .conftest import Repo, Run, customer_yaml, flag, note_yaml

C1 = "records/customers/C-1"
# Git reads ISO dates up to 2099 only; a raw timestamp and offset names any later moment.
IN_2100 = "@4115354400 +0000"  # 2100-05-30T10:00:00+00:00
IN_9999 = "@253402250400 -0500"  # 9999-12-31T05:00:00-05:00


def _far_history(repo: Repo) -> None:
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", emails=["a@example.com"]))
    repo.commit("Add customer C-1", "2026-06-01T10:00:00+00:00")
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", emails=["b@example.com"]))
    repo.commit("New address in 2100", IN_2100)
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", emails=["c@example.com"]))
    repo.commit("New address in 9999", IN_9999)


def _email_as_of(run: Run, repo: Repo, moment: str) -> str:
    status, out, err = run("--root", str(repo.root), "show", "C-1", "--as-of", moment, "--format", "json")
    assert status == 0, err
    return str(json.loads(out)["customer"]["contacts"]["emails"][0])


def test_as_of_a_moment_after_2100_finds_the_commit_made_by_then(repo: Repo, run: Run) -> None:
    _far_history(repo)
    assert _email_as_of(run, repo, "2100-05-29") == "a@example.com"
    assert _email_as_of(run, repo, "2100-05-30") == "b@example.com"
    assert _email_as_of(run, repo, "2150-01-01T00:00:00+00:00") == "b@example.com"
    assert _email_as_of(run, repo, "9999-12-30") == "b@example.com"
    assert _email_as_of(run, repo, "9999-12-31") == "c@example.com"
    assert _email_as_of(run, repo, "9999-12-31T23:59:59-05:00") == "c@example.com"
    status, out, err = run("--root", str(repo.root), "export", "C-1", "--as-of", "9999-12-31", "--format", "json")
    assert status == 0, err
    assert json.loads(out)["customer"]["contacts"]["emails"] == ["c@example.com"]


def test_history_tells_commit_dates_past_2038_and_2100(repo: Repo, run: Run) -> None:
    _far_history(repo)
    status, out, err = run("--root", str(repo.root), "history", "C-1", "--format", "json")
    assert status == 0, err
    assert [c["date"] for c in json.loads(out)["commits"]] == [
        "9999-12-31T05:00:00-05:00", "2100-05-30T10:00:00+00:00", "2026-06-01T10:00:00+00:00",
    ]


def test_review_and_follow_up_dates_of_9999_build_even_on_that_day(repo: Repo, run: Run) -> None:
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", flags=[flag("on-hold", "2026-06-01", review_by="9999-12-31")]))
    repo.write(f"{C1}/notes/2026-06-03-call.yaml", note_yaml(
        "Asked for a refund of the duplicate charge on invoice INV-7.",
        follow_up={"due": "9999-12-31", "owner": "jdoe", "action": "Call back about the refund."},
    ))
    repo.commit("Add", "2026-06-03T10:00:00+00:00")
    status, out, err = run("--root", str(repo.root), "validate")
    assert status == 0, out + err
    for today in ("2026-12-01", "9999-12-31"):
        status, out, err = run("--root", str(repo.root), "build", "--today", today)
        assert status == 0, err
    dashboards = (repo.root / "site" / "dashboards" / "index.html").read_text()
    assert "9999-12-31" in dashboards  # the follow-up is due on the day the site was built for


def test_flags_created_and_reviewed_in_9999(repo: Repo, run: Run) -> None:
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1"))
    repo.commit("Add", "2026-06-03T10:00:00+00:00")
    status, _out, err = run("--root", str(repo.root), "flag", "add", "C-1", "--type", "alert", "--reason", "Moved offices.",
                           "--review-by", "9999-12-31", "--by", "kim")
    assert status == 0, err
    flags = yaml.safe_load((repo.root / C1 / "customer.yaml").read_text())["flags"]
    assert str(flags[0]["review_by"]) == "9999-12-31"
    # Created in the future is refused as validate refuses it, in words, not with a crash.
    status, _out, err = run("--root", str(repo.root), "flag", "add", "C-1", "--type", "warning", "--reason", "ID check.",
                           "--created", "9999-12-31", "--by", "kim")
    assert status == 1 and "9999-12-31 is in the future" in err and "Traceback" not in err
