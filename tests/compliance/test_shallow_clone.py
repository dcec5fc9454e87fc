"""A shallow clone holds the latest commits only: no command tells a history from it as if it were whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from flagsite.history.site import site_history

from .conftest import Repo, Run, customer_yaml, flag

C1 = "records/customers/C-1"


@pytest.fixture
def shallow(repo: Repo, tmp_path: Path) -> Path:
    """A clone at depth 1 of a repository where C-1 was added on 2026-06-01, then put on hold on 2026-06-03."""
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", emails=["a@example.com"]))
    repo.commit("Add customer C-1", "2026-06-01T10:00:00+00:00")
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", emails=["a@example.com"], flags=[flag("on-hold", "2026-06-03")]))
    repo.commit("Put C-1 on hold", "2026-06-03T10:00:00+00:00")
    clone = tmp_path / "shallow"
    repo.git("clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone))
    return clone


def _refused(status: int, out: str, err: str) -> None:
    assert status == 1 and out == ""
    assert "shallow clone" in err
    assert "git fetch --unshallow" in err and "fetch-depth: 0" in err
    assert "Traceback" not in err


def test_history_refuses_a_shallow_clone_instead_of_saying_the_record_was_added(shallow: Path, run: Run) -> None:
    _refused(*run("--root", str(shallow), "history", "C-1"))


def test_as_of_refuses_a_shallow_clone_instead_of_saying_no_record_existed(shallow: Path, run: Run) -> None:
    _refused(*run("--root", str(shallow), "show", "C-1", "--as-of", "2026-06-02"))
    _refused(*run("--root", str(shallow), "export", "C-1", "--as-of", "2026-06-02"))


def test_diff_refuses_a_shallow_clone(shallow: Path, run: Run) -> None:
    (shallow / C1 / "customer.yaml").write_text(customer_yaml("C-1", emails=["b@example.com"]))
    _refused(*run("--root", str(shallow), "diff", "HEAD"))
    _refused(*run("--root", str(shallow), "diff"))


def test_the_commands_work_again_once_the_history_is_fetched(repo: Repo, shallow: Path, run: Run) -> None:
    repo.git("-C", str(shallow), "fetch", "-q", "--unshallow")
    status, out, err = run("--root", str(shallow), "history", "C-1")
    assert status == 0, err
    assert "Add customer C-1" in out and "Put C-1 on hold" in out
    status, out, err = run("--root", str(shallow), "show", "C-1", "--as-of", "2026-06-02")
    assert status == 0 and "on-hold" not in out


def test_the_site_says_its_history_is_incomplete(shallow: Path, run: Run) -> None:
    history = site_history(str(shallow))
    assert history["C-1"] == [{
        "sha": history["C-1"][0]["sha"], "date": "2026-06-03T10:00:00+00:00", "author": "Ada Reviewer",
        "message": "Put C-1 on hold", "changes": [], "earlier_history_missing": True,
    }]

    status, _, err = run("--root", str(shallow), "build")
    assert status == 0, err
    assert "is a shallow clone" in err and "git fetch --unshallow" in err  # the build says so too
    html = (shallow / "site" / "customers/C-1/index.html").read_text()
    section = html[html.index('id="history"'):]
    assert "History incomplete" in section and "git fetch --unshallow" in section and "fetch-depth: 0" in section
    assert "customer record added" not in section
