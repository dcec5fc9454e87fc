"""``flagsite export``: factual content only for the customer, everything labelled for the reviewer."""

from __future__ import annotations

import json
import re
from html import unescape

import markdown
import pytest

from .conftest import Repo, Run, customer_yaml, flag, note_yaml

C1 = "records/customers/C-1"
GUIDANCE = "Take no new orders; transfer payment questions to Accounts."
INTERNAL_REMARK = "Refund approved by team lead Anna."
ASSESSMENT = "Seems likely to leave for a competitor."


@pytest.fixture
def record(repo: Repo) -> Repo:
    flags = [
        flag("on-hold", "2026-06-03", guidance=GUIDANCE, review_by="2026-09-03"),
        flag("at-risk", "2026-06-04", ASSESSMENT, guidance="Offer a discount."),
    ]
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", flags=flags, preferences=[{"text": "Prefers contact by email.", "since": "2026-06-03"}]))
    repo.write(f"{C1}/notes/2026-06-03-refund.yaml", note_yaml(
        internal=INTERNAL_REMARK, follow_up={"due": "2026-06-13", "owner": "anna", "action": "Confirm the refund posted."}))
    repo.write("records/orders/orders.csv", "order_id,customer,date,amount,currency,status,title\nO-1,C-1,2026-05-01,49.98,USD,paid,Tickets\nO-2,C-2,2026-05-02,10,USD,paid,Other\n")
    repo.commit("Add C-1", "2026-06-05T10:00:00+00:00")
    return repo


def test_customer_json_export_keeps_facts_and_lists_what_it_withheld(record: Repo, run: Run) -> None:
    status, out, err = run("--root", str(record.root), "export", "C-1", "--format", "json")
    assert status == 0, err
    data = json.loads(out)
    assert list(data) == ["customer", "flags", "preferences", "notes", "orders", "withheld"]
    assert data["customer"]["name"] == "Alexander Erickson"
    assert [f["type"] for f in data["flags"]] == ["on-hold"]
    assert data["flags"][0]["reason"] == "Invoices unpaid for more than 60 days."
    assert data["notes"][0]["follow_up"] == {"due": "2026-06-13", "action": "Confirm the refund posted.", "done": None}
    assert [o["order_id"] for o in data["orders"]] == ["O-1"]
    for secret in (GUIDANCE, INTERNAL_REMARK, ASSESSMENT, "Offer a discount.", "jdoe", '"max"', "anna", "at-risk"):
        assert secret not in out
    withheld = {w["what"]: w["count"] for w in data["withheld"]}
    assert withheld == {
        "flag field 'guidance'": 1,
        "flag field 'created_by'": 1,
        "flags of non-factual types": 1,
        "note field 'author'": 1,
        "follow-up field 'owner'": 1,
        "note field 'internal'": 1,
    }
    assert all(w["why"] for w in data["withheld"])


def test_reviewer_export_holds_everything_labelled(record: Repo, run: Run) -> None:
    status, out, _ = run("--root", str(record.root), "export", "C-1", "--format", "json", "--audience", "reviewer")
    assert status == 0
    data = json.loads(out)
    hold, risk = data["flags"]
    assert hold["disclosure"] == "factual"
    assert hold["fields"]["guidance"] == {"disclosure": "internal", "value": GUIDANCE}
    assert hold["fields"]["reason"]["disclosure"] == "factual"
    assert risk["disclosure"] == "internal" and "not factual" in risk["why"]
    assert risk["fields"]["reason"] == {"disclosure": "internal", "value": ASSESSMENT}
    note = data["notes"][0]["fields"]
    assert note["internal"] == {"disclosure": "internal", "value": INTERNAL_REMARK}
    assert note["follow_up"]["value"]["fields"]["owner"]["disclosure"] == "internal"
    assert data["withheld"]  # what the customer's export leaves out

    status, text, _ = run("--root", str(record.root), "export", "C-1", "--format", "markdown", "--audience", "reviewer")
    assert "**Guidance** *(internal)*" in text and "**Reason** *(factual)*" in text


def test_markdown_and_html_exports_leave_out_internal_content(record: Repo, run: Run) -> None:
    for format_ in ("markdown", "html"):
        status, out, _ = run("--root", str(record.root), "export", "C-1", "--format", format_)
        assert status == 0
        assert "Alexander Erickson" in out and "On Hold" in out
        for secret in (GUIDANCE.split(";")[0], INTERNAL_REMARK, ASSESSMENT, "jdoe", "At Risk"):
            assert secret not in out
        assert "Withheld from this export" in out


def test_html_export_is_one_self_contained_page(record: Repo, run: Run) -> None:
    _, page, _ = run("--root", str(record.root), "export", "C-1", "--format", "html")
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert not re.search(r"<(script|link|img|iframe)\b", page)
    assert "http" not in page


HOSTILE = [
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "**bold** and _em_ and `code`",
    "- not a list\n# not a heading",
    "<img src=x onerror=alert(1)>",
    "text {: onmouseover=alert(1) }",
    "a | b | c\n---|---|---",
    "1. not ordered",
]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_record_text_stays_text_in_markdown_and_html(repo: Repo, run: Run, hostile: str) -> None:
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", name=hostile.replace("\n", " "), flags=[flag("alert", "2026-06-01", hostile)]))
    repo.write(f"{C1}/notes/2026-06-03-call.yaml", note_yaml(hostile, resolution=[hostile]))
    repo.commit("Hostile text", "2026-06-05T10:00:00+00:00")

    _, md_text, _ = run("--root", str(repo.root), "export", "C-1", "--format", "markdown")
    html = markdown.markdown(md_text, extensions=["attr_list", "tables"])
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "<table" not in html and "<code" not in html and not re.search(r"<[^>]*onmouseover", html)
    assert "<strong>bold</strong>" not in html and "<ol" not in html and "<h1>not" not in html
    # The text still reads as written once rendered (line breaks folded to spaces).
    visible = " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())
    assert " ".join(hostile.split()) in visible

    _, page, _ = run("--root", str(repo.root), "export", "C-1", "--format", "html")
    assert "<script" not in page and "<img" not in page
    assert " ".join(hostile.split()) in " ".join(unescape(re.sub(r"<[^>]+>", "", page)).split())


def test_a_flag_type_the_configuration_marks_not_factual_is_withheld(repo: Repo, run: Run) -> None:
    repo.write("flagsite.yaml", "flag_types:\n  vip:\n    label: VIP\n    severity: positive\n    icon: octicons-star-16\n    factual: "
                                "false\n  on-hold:\n    label: On Hold\n    severity: block\n    icon: octicons-stop-16\n    factual: true\n")
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1", flags=[flag("vip", "2026-06-01", "Big spender."), flag("on-hold", "2026-06-02")]))
    repo.commit("VIP", "2026-06-05T10:00:00+00:00")
    _, out, _ = run("--root", str(repo.root), "export", "C-1", "--format", "json")
    data = json.loads(out)
    assert [f["type"] for f in data["flags"]] == ["on-hold"]
    assert "Big spender" not in out
    assert {"what": "flags of non-factual types", "count": 1} .items() <= next(w for w in data["withheld"] if w["what"].startswith("flags")).items()


def test_a_broken_configuration_stops_the_export(repo: Repo, run: Run) -> None:
    repo.write("flagsite.yaml", "flag_types: [not, a, mapping]\n")
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1"))
    status, out, err = run("--root", str(repo.root), "export", "C-1")
    assert status == 1 and out == ""
    assert "flagsite.yaml" in err


def test_an_unknown_customer_is_a_clear_error(record: Repo, run: Run) -> None:
    status, out, err = run("--root", str(record.root), "export", "C-999")
    assert status == 1 and out == ""
    assert "C-999 not found" in err and "Traceback" not in err


def test_an_invalid_record_is_not_exported(repo: Repo, run: Run) -> None:
    repo.write(f"{C1}/customer.yaml", "id: C-1\nname: Alex\nsurprise: field\n")
    status, out, err = run("--root", str(repo.root), "export", "C-1")
    assert status == 1 and out == ""
    assert "customer.yaml:3:1" in err


def test_export_finds_a_customer_in_a_grouping_folder(repo: Repo, run: Run) -> None:
    repo.write("records/customers/g-1/C-7/customer.yaml", customer_yaml("C-7", name="Grouped Person"))
    status, out, _ = run("--root", str(repo.root), "export", "C-7", "--format", "json")
    assert status == 0 and json.loads(out)["customer"]["name"] == "Grouped Person"


def test_export_as_of_a_date_shows_the_record_as_it_stood(record: Repo, run: Run) -> None:
    record.write(f"{C1}/customer.yaml", customer_yaml("C-1", emails=["new@example.com"]))
    record.git("rm", "-q", f"{C1}/notes/2026-06-03-refund.yaml")
    record.commit("Change email, drop note", "2026-07-01T10:00:00+00:00")

    _, now, _ = run("--root", str(record.root), "export", "C-1", "--format", "json")
    assert json.loads(now)["customer"]["contacts"]["emails"] == ["new@example.com"]
    assert json.loads(now)["notes"] == []

    status, then, err = run("--root", str(record.root), "export", "C-1", "--format", "json", "--as-of", "2026-06-30")
    assert status == 0, err
    data = json.loads(then)
    assert data["customer"]["contacts"]["emails"] == ["alex@example.com"]
    assert [f["type"] for f in data["flags"]] == ["on-hold"] and len(data["notes"]) == 1
    assert GUIDANCE not in then and INTERNAL_REMARK not in then

    _, md_then, _ = run("--root", str(record.root), "export", "C-1", "--as-of", "2026-06-30")
    assert "as it stood on 2026-06-30T23:59:59+00:00" in md_then

    status, _, err = run("--root", str(record.root), "export", "C-1", "--as-of", "2026-05-01")
    assert status == 1 and "no commit made by" in err
    status, _, err = run("--root", str(record.root), "export", "C-1", "--as-of", "last week")
    assert status == 2 and "YYYY-MM-DD" in err


def test_policy_exceptions_are_withheld_whole_and_given_to_the_reviewer(repo: Repo, run: Run) -> None:
    reason = "The owner asked for the wording himself."
    repo.write(f"{C1}/customer.yaml", customer_yaml("C-1") + f"policy_exceptions:\n  - rule: P201\n    reason: {reason}\n")
    repo.commit("Add C-1", "2026-06-05T10:00:00+00:00")

    for format_ in ("markdown", "html"):
        _, out, _ = run("--root", str(repo.root), "export", "C-1", "--format", format_)
        # Not a heading over "None." while the manifest counts one withheld.
        assert "Policy exceptions" not in out and reason not in out
    _, out, _ = run("--root", str(repo.root), "export", "C-1", "--format", "json")
    data = json.loads(out)
    assert list(data) == ["customer", "flags", "preferences", "notes", "orders", "withheld"]
    assert {"what": "customer field 'policy_exceptions'", "count": 1}.items() <= data["withheld"][0].items()

    _, out, _ = run("--root", str(repo.root), "export", "C-1", "--format", "json", "--audience", "reviewer")
    exception, = json.loads(out)["policy_exceptions"]
    assert exception["disclosure"] == "internal"
    assert exception["fields"]["reason"] == {"disclosure": "internal", "value": reason}


def test_as_of_a_date_in_iso_basic_form_is_the_end_of_that_day_too(record: Repo, run: Run) -> None:
    record.write(f"{C1}/customer.yaml", customer_yaml("C-1", emails=["new@example.com"]))
    record.commit("Change email", "2026-07-01T10:00:00+00:00")
    for day in ("2026-07-01", "20260701"):
        status, out, err = run("--root", str(record.root), "export", "C-1", "--format", "json", "--as-of", day)
        assert status == 0, err
        assert json.loads(out)["customer"]["contacts"]["emails"] == ["new@example.com"], day
