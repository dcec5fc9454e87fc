"""``flagsite request``: the reply bundle a reviewer can send as it is, other people's data redacted."""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
import zipfile
from html import unescape
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from flagsite.request.pdf import pdf_engine

from .conftest import Repo, Run, customer_yaml, flag, note_yaml

C1 = "records/customers/retail/C-1"
C2 = "records/customers/C-2"
PRIVACY_EXAMPLE = Path(__file__).parents[2] / "src/flagsite/defaults/init/flagsite.yaml"
ALLERGY = "Their daughter Mia (6) has a severe peanut allergy."
INTERNAL = "Husband sounded fed up."


def privacy_yaml() -> str:
    """The commented example `flagsite init` writes, uncommented: a reply must be possible from it as it stands."""
    text = PRIVACY_EXAMPLE.read_text(encoding="utf-8")
    return "\n".join(line[2:] for line in text[text.index("# privacy:"):].splitlines()) + "\n"


def household(repo: Repo, *, privacy: bool = True) -> Repo:
    if privacy:
        repo.write("flagsite.yaml", privacy_yaml())
    repo.write(f"{C1}/customer.yaml", customer_yaml(
        "C-1", "Ravi Verma", emails=["ravi@example.com"], flags=[flag("alert", "2026-06-01", "Deliveries go to the side door.", guidance="Ring first.")],
        preferences=[{"text": f"Household hamper without nuts. {ALLERGY}"}]))
    repo.write(f"{C1}/notes/2026-06-03-address.yaml", note_yaml(
        "Anjali Verma, wife, asked to change the delivery address.", contact={"name": "Anjali Verma", "relationship": "wife"},
        internal=INTERNAL, resolution=["Changed the address; she can be reached on +44 7700 900123."],
        changes=[{"field": "address", "from": "1 Old Road", "to": "2 New Road"}], disposition="account-change"))
    repo.write(f"{C1}/notes/2026-06-04-parcel.yaml", note_yaml(
        "Parcel left with Mr Daniel Okafor at number 14, same street as C-2 (020 7946 0018).", contact={"name": "Ravi Verma"},
        at="2026-06-04T10:00:00+01:00"))
    repo.write(f"{C2}/customer.yaml", customer_yaml("C-2", "Daniel Okafor", emails=["d.okafor@example.net"]).replace("+1 555 0100", "+44 20 7946 0018"))
    repo.commit("Add two households", "2026-06-05T10:00:00+00:00")
    return repo


def request(run: Run, repo: Repo, *more: str) -> tuple[int, str, str]:
    return run("--root", str(repo.root), "request", "C-1", "--ref", "SAR-2026-001", "--today", "2026-06-10", *more)


FOLDER = ".flagsite/requests/SAR-2026-001"
THIRD_PARTY_WORDS = ("Anjali", "Okafor", "Mia", "peanut", "7700 900123", "7946 0018", "C-2")


needs_chromium = pytest.mark.skipif(pdf_engine() is None, reason="no Chromium found on PATH to print the PDF")


@needs_chromium
def test_the_bundle_can_be_sent_as_it_is(repo: Repo, run: Run) -> None:
    status, out, err = request(run, household(repo))
    assert status == 0, err
    folder = repo.root / FOLDER
    assert sorted(p.name for p in folder.iterdir()) == ["decisions.yaml", "record.json", "reply.html", "reply.pdf", "reviewer.html"]
    assert "third-party item(s) redacted, 0 kept" in out

    html = (folder / "reply.html").read_text(encoding="utf-8")
    text = unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", html, flags=re.S)))
    # NFKC: the printed text uses ligatures (the "ffi" of "Office" is one glyph).
    pdf_text = unicodedata.normalize("NFKC", " ".join(page.extract_text() for page in PdfReader(folder / "reply.pdf").pages))
    for copy in (text, pdf_text, (folder / "record.json").read_text(encoding="utf-8")):
        for word in (*THIRD_PARTY_WORDS, INTERNAL, "Ring first.", "jdoe", '"max"', " max "):
            assert word not in copy
        assert "[third party]" in copy
    for copy in (" ".join(text.split()), " ".join(pdf_text.split())):
        # The letter carries what a reply must: controller, reference, date, purposes, rights, the complaint, the manifest.
        for must in ("Example Trading Ltd", "SAR-2026-001", "2026-06-10", "To handle orders, refunds and complaints.",
                     "Information Commissioner's Office", "automated means", "six years after your account is closed",
                     "The names of our staff are their personal data, not yours.", "Deliveries go to the side door.",
                     "Changes to your record, and what it held before"):
            assert must in copy, must
    assert "Parcel left with Mr [third party] at number 14, same street as [third party] ([third party])." in text

    data = json.loads((folder / "record.json").read_text(encoding="utf-8"))
    grounds = {row["what"]: row["legal_basis"] for row in data["withheld"]}
    assert grounds["note field 'author'"] == "The names of our staff are their personal data, not yours."
    assert grounds["other people's data in free text"].startswith("Information about other people is withheld")

    # The zip holds the customer's copy only: the reviewer's copy names other people.
    with zipfile.ZipFile(repo.root / f"{FOLDER}.zip") as bundle:
        assert sorted(bundle.namelist()) == [f"SAR-2026-001/{name}" for name in ("record.json", "reply.html", "reply.pdf")]
    # Nothing of the reply is ever committed: .flagsite/ is ignored by Git.
    assert repo.git("status", "--porcelain", "--ignored=no") == ""


@needs_chromium
def test_the_reviewer_keeps_an_item_with_a_reason_read_back_on_the_next_run(repo: Repo, run: Run) -> None:
    household(repo)
    assert request(run, repo)[0] == 0
    folder = repo.root / FOLDER
    reviewer = unescape((folder / "reviewer.html").read_text(encoding="utf-8"))
    assert "not to be sent" in reviewer and INTERNAL in reviewer
    anjali = re.search(r"<code>(TP-[0-9a-f]+)</code></td><td>Notes: [^<]*, contact, name</td><td>Anjali Verma</td>", reviewer)
    assert anjali, reviewer
    assert reviewer.count("redacted</span>") >= 6

    decisions = {"keep": [{"item": anjali.group(1), "reason": "Joint account holder; asked with him.", "decided_by": "ada"}]}
    (folder / "decisions.yaml").write_text(yaml.safe_dump(decisions), encoding="utf-8")
    status, out, err = request(run, repo)
    assert status == 0, err
    assert "1 kept" in out
    data = json.loads((folder / "record.json").read_text(encoding="utf-8"))
    address_note = next(n for n in data["notes"] if n["disposition"] == "account-change")
    assert address_note["contact"]["name"] == "Anjali Verma"  # kept
    assert address_note["reason"].startswith("[third party], wife")  # another item: still redacted
    assert "Joint account holder; asked with him. (ada)" in unescape((folder / "reviewer.html").read_text(encoding="utf-8"))


def test_the_requesters_own_name_is_not_redacted(repo: Repo, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLAGSITE_CHROMIUM", "no-such-chromium")
    status, _, err = request(run, household(repo), "--requester", "Anjali Verma")
    assert status == 1 and "install Chromium to print the PDF" in err and "apt-get install chromium" in err
    folder = repo.root / FOLDER
    html = unescape((folder / "reply.html").read_text(encoding="utf-8"))
    assert "Dear Anjali Verma," in html and "Anjali Verma, wife, asked" in html and "Okafor" not in html
    assert not (folder / "reply.pdf").exists()  # the HTML is written; the zip says what it holds
    with zipfile.ZipFile(repo.root / f"{FOLDER}.zip") as bundle:
        assert "SAR-2026-001/reply.pdf" not in bundle.namelist()


def test_no_privacy_section_is_a_clear_error_not_an_empty_letter(repo: Repo, run: Run) -> None:
    status, _, err = request(run, household(repo, privacy=False))
    assert status == 1
    assert "flagsite.yaml has no privacy: section" in err and "Traceback" not in err
    assert not (repo.root / ".flagsite" / "requests").exists()


def test_a_withheld_class_without_a_legal_ground_stops_the_reply(repo: Repo, run: Run) -> None:
    household(repo)
    repo.write("flagsite.yaml", privacy_yaml().replace("    internal: Internal remarks", "    unused: Internal remarks"))
    status, _, err = request(run, repo)
    assert status == 1
    assert "no legal ground given" in err and ": internal (nothing was written)" in err
    assert not (repo.root / FOLDER).exists()


def test_bad_reference_and_invalid_decisions(repo: Repo, run: Run) -> None:
    household(repo)
    status, _, err = run("--root", str(repo.root), "request", "C-1", "--ref", "../x")
    assert status == 2 and "cannot name a folder" in err
    folder = repo.root / FOLDER
    folder.mkdir(parents=True)
    (folder / "decisions.yaml").write_text("keep:\n  - item: TP-1\n    reason: ok\n", encoding="utf-8")
    status, _, err = request(run, repo)
    assert status == 1 and "decisions.yaml" in err and "decided_by" in err


def test_record_and_configured_text_stay_text_in_the_reply(repo: Repo, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLAGSITE_CHROMIUM", "no-such-chromium")
    household(repo)
    repo.write("flagsite.yaml", privacy_yaml().replace("name: Example Trading Ltd", "name: Example <b>Trading</b> Ltd"))
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", "Ravi Verma", preferences=[{"text": "<script>alert(1)</script> [x](javascript:alert(1))"}]))
    repo.commit("Hostile text", "2026-06-06T10:00:00+00:00")
    request(run, repo)
    for name in ("reply.html", "reviewer.html"):
        html = (repo.root / FOLDER / name).read_text(encoding="utf-8")
        assert "<script>" not in html and "<b>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "Example &lt;b&gt;Trading&lt;/b&gt; Ltd" in html


@needs_chromium
def test_the_reply_holds_what_history_still_holds_without_staff_or_other_people(repo: Repo, run: Run) -> None:
    household(repo)
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", "Ravi Verma", emails=["ravi.new@example.com"]))
    repo.remove(f"{C1}/notes/2026-06-04-parcel.yaml")
    repo.commit("Ravi moved: new email; drop parcel note mentioning Okafor", "2026-06-08T10:00:00+00:00", author=("Bea Staff", "bea@example.org"))
    status, _, err = request(run, repo)
    assert status == 0, err
    folder = repo.root / FOLDER
    html = (folder / "reply.html").read_text(encoding="utf-8")
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", html, flags=re.S))).split())
    pdf_text = " ".join(unicodedata.normalize("NFKC", " ".join(p.extract_text() for p in PdfReader(folder / "reply.pdf").pages)).split())
    for copy in (text, pdf_text):
        # The old email, the removed flag and the deleted note are still held, so they are told, with their dates.
        assert "ravi@example.com" in copy and "Deliveries go to the side door." in copy
        assert "Parcel left with Mr [third party] at number 14" in copy and "2026-06-08" in copy
        for secret in ("Bea Staff", "Ada Reviewer", "drop parcel note", "Okafor", INTERNAL, "jdoe"):
            assert secret not in copy
    history = json.loads((folder / "record.json").read_text(encoding="utf-8"))["history"]
    assert history[0]["when"] == "written and landed 2026-06-08T10:00:00+00:00"
    assert history[0]["changes"][0] == {"words": "email changed from ravi@example.com to ravi.new@example.com", "old": "ravi@example.com"}


def test_without_git_history_the_letter_says_history_is_not_included(tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLAGSITE_CHROMIUM", "no-such-chromium")
    plain = Repo(tmp_path / "plain")
    household(plain)
    shutil.rmtree(plain.root / ".git")
    assert request(run, plain)[0] == 1  # no PDF engine: the HTML is still written
    letter = unescape((plain.root / FOLDER / "reply.html").read_text(encoding="utf-8"))
    assert "are not included in this reply." in letter and str(tmp_path) not in letter
    assert "are not included in this reply. (" in unescape((plain.root / FOLDER / "reviewer.html").read_text(encoding="utf-8"))
