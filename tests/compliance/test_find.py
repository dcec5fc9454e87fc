"""``flagsite find``: a request starts from the person, found as account holder, contact or in text."""

from __future__ import annotations

import json

from .conftest import Repo, Run, customer_yaml, note_yaml

C1 = "records/customers/retail/C-1"
C2 = "records/customers/C-2"


def household(repo: Repo) -> Repo:
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", "Ravi Verma", emails=["ravi@example.com"]))
    repo.write(f"{C1}/notes/2026-06-03-address.yaml", note_yaml(
        "Anjali Verma, wife, asked to change the delivery address.", contact={"name": "Anjali Verma", "relationship": "wife"}))
    repo.write(f"{C1}/notes/2026-06-04-parcel.yaml", note_yaml(
        "Parcel left with Mr Daniel Okafor at number 14.", contact={"name": "Ravi Verma"}))
    repo.write(f"{C2}/customer.yaml", customer_yaml("C-2", "Daniel Okafor", emails=["d.okafor@example.net"]).replace("+1 555 0100", "+44 20 7946 0018"))
    repo.commit("Add two households", "2026-06-05T10:00:00+00:00")
    return repo


def test_a_contact_who_is_not_the_account_holder_is_found_in_every_record(repo: Repo, run: Run) -> None:
    status, out, err = run("--root", str(household(repo).root), "find", "anjali verma", "--format", "json")
    assert status == 0, err
    found = {(a["customer"], a["path"].rsplit("/", 1)[-1], a["role"], a["field"]) for a in json.loads(out)["appearances"]}
    assert found == {
        ("C-1", "2026-06-03-address.yaml", "contact (wife)", "contact.name"),
        ("C-1", "2026-06-03-address.yaml", "named in text", "reason"),
    }


def test_a_person_is_found_as_account_holder_and_named_in_another_customers_note(repo: Repo, run: Run) -> None:
    status, out, _ = run("--root", str(household(repo).root), "find", "Daniel Okafor")
    assert status == 0
    lines = out.splitlines()
    assert lines[-1] == "2 appearance(s) in 2 customer record(s)."
    assert any(line.startswith("C-2  records/customers/C-2/customer.yaml  account holder  name: Daniel Okafor") for line in lines)
    assert any(line.startswith("C-1  records/customers/retail/C-1/notes/2026-06-04-parcel.yaml  named in text  reason:") for line in lines)


def test_email_and_phone_in_any_written_form(repo: Repo, run: Run) -> None:
    household(repo)
    _, out, _ = run("--root", str(repo.root), "find", "D.Okafor@Example.net", "--format", "json")
    assert [(a["customer"], a["field"]) for a in json.loads(out)["appearances"]] == [("C-2", "contacts.emails")]
    _, out, _ = run("--root", str(repo.root), "find", "020 7946 0018", "--format", "json")
    assert [(a["customer"], a["field"]) for a in json.loads(out)["appearances"]] == [("C-2", "contacts.phones")]


def test_nobody_found_and_an_empty_query(repo: Repo, run: Run) -> None:
    household(repo)
    assert run("--root", str(repo.root), "find", "Zed Nobody")[:2] == (0, "Not found in any record.\n")
    status, _, err = run("--root", str(repo.root), "find", " - ")
    assert status == 2 and "give a name, an email address or a phone number" in err


def test_records_with_errors_are_named_not_silently_skipped(repo: Repo, run: Run) -> None:
    household(repo)
    repo.write("records/customers/C-3/customer.yaml", "id: C-3\nname: Anjali Verma\nstatus: sleeping\n")
    status, out, err = run("--root", str(repo.root), "find", "Anjali Verma")
    assert status == 1
    assert "2 appearance(s) in 1 customer record(s)." in out
    assert "were not searched" in err and "records/customers/C-3/customer.yaml" in err


def test_how_a_note_is_written_does_not_keep_its_person_from_being_found(repo: Repo, run: Run) -> None:
    """The policy rules judge how a note is written (slang here, P301); find only reads what it says."""
    household(repo)
    repo.write(f"{C1}/notes/2026-06-05-callback.yaml", note_yaml(
        "Anjali Verma rang back asap about the parcel, lol.", contact={"name": "Anjali Verma", "relationship": "wife"}))
    status, out, err = run("--root", str(repo.root), "find", "Anjali Verma")
    assert (status, err) == (0, "")
    assert out.splitlines()[-1] == "4 appearance(s) in 1 customer record(s)."
