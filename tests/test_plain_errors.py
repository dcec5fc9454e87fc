"""Every schema and date mistake told in words a person who does not program can act on.

Each case is a real record file with one mistake, read by ``flagsite validate``
as an editor runs it: the line says where (file:line:col), the field as the
record's path, what was found, what is expected in plain words and, where it
can be told, what to write instead. The same words reach the GitHub
annotations (and serve's /record-errors/ page, tested in tests/web).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .test_cli_validate import run, write

CUSTOMER = "records/customers/C-1/customer.yaml"
NOTE = "records/customers/C-1/notes/2026-06-03-call.yaml"
GOOD_CUSTOMER = "id: C-1\nname: Ann Example\n"
NOTE_HEAD = "at: 2026-06-03T14:12:00-05:00\nauthor: max\nchannel: phone\n"
CONTACT = "contact:\n  name: Ann Example\n"
ORDERS_FILE = "records/orders/orders.csv"
ORDER_HEADER = "order_id,customer,date,amount,currency,status,title\n"
NOTE_TAIL = "reason: Asked for a refund of order 1001.\ndisposition: billing-refund\n"


def flag(**fields: str | None) -> str:
    """A customer.yaml with one flag: the given fields replace the good ones (None leaves one out)."""
    written: dict[str, str | None] = {"type": "on-hold", "reason": "Unpaid invoice 1001.", "created": "2026-06-03", "created_by": "max"}
    written.update(fields)
    return GOOD_CUSTOMER + "flags:\n  - " + "\n    ".join(f"{key}: {value}" for key, value in written.items() if value is not None) + "\n"


def note(text: str) -> dict[str, str]:
    return {CUSTOMER: GOOD_CUSTOMER, NOTE: text}


# case -> (the files, the line validate prints for the mistake)
CASES: dict[str, tuple[dict[str, str], str]] = {
    "vocabulary name written as words": (
        {CUSTOMER: flag(type="On Hold")},
        f"{CUSTOMER}:4:11: S003 flags → item 1 → type: found 'On Hold'; expected one of: on-hold, warning, manager, at-risk, alert, important, delight; did you mean 'on-hold'?",
    ),
    "vocabulary name with an underscore": (
        note(NOTE_HEAD + CONTACT + "reason: Asked for a refund.\ndisposition: billing_refund\n"),
        f"{NOTE}:7:14: S003 disposition: found 'billing_refund'; expected one of: billing-refund, cancellation, complaint, account-change, general-inquiry, "
        "order-support, service-failure; did you mean 'billing-refund'?",
    ),
    "date day first": (
        {CUSTOMER: flag(created="31/12/2025")},
        f"{CUSTOMER}:6:14: S003 flags → item 1 → created: found '31/12/2025'; expected a date written YYYY-MM-DD; write 2025-12-31",
    ),
    "date that does not exist": (
        {CUSTOMER: flag(review_by="2027-02-30")},
        f"{CUSTOMER}:8:16: S003 flags → item 1 → review_by: found '2027-02-30'; expected a date that exists; February has 28 days in 2027",
    ),
    "date read as a number": (
        {CUSTOMER: flag(created="20260603")},
        f"{CUSTOMER}:6:14: S003 flags → item 1 → created: found the number 20260603; expected a date written YYYY-MM-DD; write 2026-06-03",
    ),
    "date and time without T and offset": (
        note("at: 2026-06-03 14:12\nauthor: max\nchannel: phone\n" + CONTACT + NOTE_TAIL),
        f"{NOTE}:1:5: S003 at: found '2026-06-03 14:12'; expected a date and time written YYYY-MM-DDTHH:MM:SS+HH:MM (seconds and the UTC offset included); "
        "write 2026-06-03T14:12:00 followed by the UTC offset, e.g. 2026-06-03T14:12:00+01:00 (Z for UTC)",
    ),
    "date and time that is a date that does not exist": (
        note("at: 2026-13-01\nauthor: max\nchannel: phone\n" + CONTACT + NOTE_TAIL),
        f"{NOTE}:1:5: S003 at: found '2026-13-01'; expected a date and time written YYYY-MM-DDTHH:MM:SS+HH:MM (seconds and the UTC offset included); "
        "there is no month 13; months run from 01 to 12",
    ),
    "block whose field lost its indentation": (
        note(NOTE_HEAD + "contact:\nname: Ann Example\n" + NOTE_TAIL),
        f"{NOTE}:4:9: S003 contact: found nothing under it; expected the fields of contact (name, relationship) indented under it; "
        "name (line 5) lost its indentation: indent it under 'contact:'",
    ),
    "one field of a block lost its indentation": (
        note(NOTE_HEAD + "contact:\n  name: Bob Example\nrelationship: son\n" + NOTE_TAIL),
        f"{NOTE}:6:1: S001 relationship: there is no field 'relationship' here, but 'contact' above has one; indent it under 'contact:' like the lines above it",
    ),
    "missing field": (
        {CUSTOMER: flag(created=None)},
        f"{CUSTOMER}:4:5: S002 flags → item 1 → created: missing; add 'created:' in flags → item 1 (when the flag was set)",
    ),
    "unknown field": (
        {CUSTOMER: flag(reasn="Unpaid.")},
        f"{CUSTOMER}:8:5: S001 flags → item 1 → reasn: there is no field 'reasn' here; remove it or fix its spelling (did you mean 'reason'?)",
    ),
    "one of fixed words": (
        {CUSTOMER: GOOD_CUSTOMER + "status: Closed\n"},
        f"{CUSTOMER}:3:9: S003 status: found 'Closed'; expected active or closed; did you mean 'closed'?",
    ),
    "follow-up neither none nor a block": (
        note(NOTE_HEAD + CONTACT + NOTE_TAIL + "follow_up: later\n"),
        f"{NOTE}:8:12: S003 follow_up: found 'later'; expected none, or the follow-up's fields (due, owner, action, done) indented under it",
    ),
    "yes for true": (
        note(NOTE_HEAD + CONTACT + NOTE_TAIL + 'critical: "yes"\n'),
        f"{NOTE}:8:11: S003 critical: found the text 'yes'; expected true or false; did you mean true?",
    ),
    "number in quotes": (
        note(NOTE_HEAD + CONTACT + NOTE_TAIL + 'amounts:\n  - kind: refund\n    amount: "12.50"\n    currency: EUR\n'),
        f"{NOTE}:10:13: S003 amounts → item 1 → amount: found the text '12.50'; expected a number, e.g. 12.50; write 12.50 without quotes",
    ),
    "currency in lower case": (
        note(NOTE_HEAD + CONTACT + NOTE_TAIL + "amounts:\n  - kind: refund\n    amount: 12.50\n    currency: eur\n"),
        f"{NOTE}:11:15: S003 amounts → item 1 → currency: found 'eur'; expected a currency code of three capital letters, e.g. EUR; did you mean 'EUR'?",
    ),
    "email address": (
        {CUSTOMER: GOOD_CUSTOMER + "contacts:\n  emails: [ann at example.com]\n"},
        f"{CUSTOMER}:4:12: S003 contacts → emails → item 1: found 'ann at example.com'; expected an email address such as name@example.com, without spaces",
    ),
    "phone number": (
        {CUSTOMER: GOOD_CUSTOMER + "contacts:\n  phones: [call after 5]\n"},
        f"{CUSTOMER}:4:12: S003 contacts → phones → item 1: found 'call after 5'; expected a phone number: digits, spaces and + ( ) . / - only, e.g. +44 20 7946 0018",
    ),
    "staff user name with a space": (
        {CUSTOMER: flag(created_by="max smith")},
        f"{CUSTOMER}:7:17: S003 flags → item 1 → created_by: found 'max smith'; expected a staff user name: letters, digits and . _ @ - only, no spaces (e.g. max.smith); "
        "did you mean 'max.smith'?",
    ),
    "empty text": (
        {CUSTOMER: flag(reason='""')},
        f"{CUSTOMER}:5:13: S003 flags → item 1 → reason: found empty text; expected some text; write it here",
    ),
    "list for text": (
        {CUSTOMER: "id: C-1\nname: [Ann, Example]\n"},
        f"{CUSTOMER}:2:7: S003 name: found a list; expected one line of text; write the text on the field's own line",
    ),
    "text for a list": (
        {CUSTOMER: GOOD_CUSTOMER + "contacts:\n  phones: +44 20 7946 0018\n"},
        f"{CUSTOMER}:4:11: S003 contacts → phones: found '+44 20 7946 0018'; expected a list, one '- item' per line; "
        "write it as a list: [+44 20 7946 0018], or '- +44 20 7946 0018' on the line below, indented",
    ),
    "text for a block": (
        note(NOTE_HEAD + "contact: Ann Example\n" + NOTE_TAIL),
        f"{NOTE}:4:10: S003 contact: found 'Ann Example'; expected the fields of contact (name, relationship) indented under it; "
        "write each field on its own line below, as 'field: value', indented",
    ),
    "list for one value": (
        note(NOTE_HEAD + CONTACT + NOTE_TAIL + "changes:\n  - field: email\n    to: [a@example.com, b@example.com]\n"),
        f"{NOTE}:10:9: S003 changes → item 1 → to: found a list; expected one value (text, a number or a date), not a list or a block of fields; write the value on the field's own line",
    ),
    "what was found holds a terminal escape": (
        note('at: 2026-06-03T14:12:00-05:00\nauthor: max\nchannel: "ph\\e[2Jone"\n' + CONTACT + NOTE_TAIL),
        f"{NOTE}:3:10: S003 channel: found 'ph\\x1b[2Jone'; expected one of: phone, email, chat, in-person, letter, other; did you mean 'phone'?",
    ),
    "colon inside a value": (
        {CUSTOMER: "id: C-1\nname: Ann: Example\n"},
        f"{CUSTOMER}:2:10: Y001 a ': ' (a colon and a space) inside a value reads as the start of a field; put the whole value in quotes "
        "(name: \"Ann: Example\"), or, if a field starts here, put it on its own line, lined up with the fields it belongs with",
    ),
    "tab for indentation": (
        {CUSTOMER: GOOD_CUSTOMER + "flags:\n\t- type: on-hold\n"},
        f"{CUSTOMER}:4:1: Y001 a tab indents this line; YAML indents with spaces only: replace the tab with spaces",
    ),
    "quote never closed": (
        {CUSTOMER: 'id: C-1\nname: "Ann Example\nstatus: active\n'},
        f"{CUSTOMER}:2:7: Y001 the quote that opens this value is never closed; end the value with the same quote mark",
    ),
    "field not lined up with its block": (
        {CUSTOMER: GOOD_CUSTOMER + "contacts:\n    emails: [ann@example.com]\n  phones: [+44 20 7946 0018]\n"},
        f"{CUSTOMER}:5:3: Y001 this line is not lined up with the fields of the block it stands in; indent it like the fields it belongs with "
        "(or, for a list item, like the other '- ' lines)",
    ),
    "list written after text on the field's line": (
        note(NOTE_HEAD + CONTACT + NOTE_TAIL + "resolution: Refunded order 1001.\n  - Sent a replacement.\n"),
        f"{NOTE}:9:3: Y015 this line is read as part of the text of 'resolution' on line 8 ('Refunded order 1001. - Sent a replacement.'), not as a list item: "
        "for a list, leave 'resolution:' alone on its line and start every item with '- ' (a dash and a space); for text, join the lines",
    ),
    "order row's date day first": (
        {CUSTOMER: GOOD_CUSTOMER, ORDERS_FILE: ORDER_HEADER + "O-1,C-1,31/12/2026,10.00,USD,shipped,Mug\n"},
        f"{ORDERS_FILE}:2:1: O001 column date: found '31/12/2026'; expected a date written YYYY-MM-DD; write 2026-12-31; correct the row",
    ),
    "order row's amount in words": (
        {CUSTOMER: GOOD_CUSTOMER, ORDERS_FILE: ORDER_HEADER + "O-1,C-1,2026-05-01,ten,USD,shipped,Mug\n"},
        f"{ORDERS_FILE}:2:1: O001 column amount: found the text 'ten'; expected a number, e.g. 12.50; write the number alone, without a currency sign or words; correct the row",
    ),
    "whole number in the configuration": (
        {CUSTOMER: GOOD_CUSTOMER, "flagsite.yaml": "missteps_days: many\n"},
        "flagsite.yaml:1:16: S003 missteps_days: found the text 'many'; expected a whole number; write the number alone, without a currency sign or words",
    ),
    "number below its bound": (
        {CUSTOMER: GOOD_CUSTOMER, "flagsite.yaml": "follow_up_days: -1\n"},
        "flagsite.yaml:1:17: S003 follow_up_days: found the number -1; expected a number of 0 or more",
    ),
    "a validator's own words": (
        {CUSTOMER: GOOD_CUSTOMER, "flagsite.yaml": "policy:\n  rules:\n    P999: {severity: error}\n"},
        "flagsite.yaml:3:5: S003 policy → rules → the name 'P999': found 'P999'; unknown policy rule 'P999'; `flagsite rules` lists the codes and names",
    ),
    "severity of a configured flag type": (
        {CUSTOMER: GOOD_CUSTOMER, "flagsite.yaml": "flag_types:\n  vip:\n    label: VIP\n    severity: high\n    icon: octicons-star-16\n    factual: true\n"},
        "flagsite.yaml:4:15: S003 flag_types → vip → severity: found 'high'; expected block, warn, info or positive",
    ),
}


def _repository(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        write(root, rel, text)


@pytest.mark.parametrize(("files", "told"), CASES.values(), ids=CASES.keys())
def test_each_mistake_is_told_in_plain_words(files: dict[str, str], told: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _repository(tmp_path, files)
    code, out, _ = run(capsys, "--root", str(tmp_path), "validate")
    assert code == 1
    assert told in out.splitlines()
    assert "Input should" not in out and "String should" not in out and "pattern" not in out


@pytest.mark.parametrize(("files", "told"), CASES.values(), ids=CASES.keys())
def test_the_annotations_say_the_same(files: dict[str, str], told: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _repository(tmp_path, files)
    code, out, _ = run(capsys, "--root", str(tmp_path), "validate", "--format", "github")
    where, finding = told.split(": ", 1)
    path, line, column = where.split(":")
    code_and_message = finding.replace("%", "%25")
    assert code == 1
    assert f"::error file={path},line={line},col={column},title={finding[:4]}::{code_and_message}" in out.splitlines()


FOLDED = NOTE_HEAD + CONTACT + NOTE_TAIL + "resolution:\n  - Refunded order 1001 in full\n   Sent a replacement on 2026-06-04\n"


def test_a_list_item_that_lost_its_dash_is_not_folded_silently(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _repository(tmp_path, note(FOLDED))
    code, out, _ = run(capsys, "--root", str(tmp_path), "validate")
    assert code == 1
    assert out.splitlines() == [
        f"{NOTE}:10:4: Y015 this line is read as part of the list item on line 9 ('Refunded order 1001 in full Sent a replacement on 2026-06-04'), "
        "because it is not indented like that item's text: start it with '- ' if it is an item of its own, "
        "or indent it 4 space(s), like the text on line 9, if it continues that item",
        "1 error(s), 0 warning(s).",
    ]


@pytest.mark.parametrize("continued", ["  - Refunded order 1001 in full\n    and sent a replacement\n", "- Refunded order 1001 in full\n  and sent a replacement\n"])
def test_a_list_item_continued_under_its_text_is_one_item(continued: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _repository(tmp_path, note(NOTE_HEAD + CONTACT + NOTE_TAIL + "resolution:\n" + continued))
    code, out, _ = run(capsys, "--root", str(tmp_path), "validate", "--format", "json")
    assert code == 0
    assert [f["code"] for f in json.loads(out)["findings"] if f["severity"] == "error"] == []


ORDERS = ORDER_HEADER + "".join(f"O-{n},C-10042,2026-05-0{n},10.00,EUR,shipped,Mug\n" for n in range(1, 8))
BROKEN_CUSTOMER = "records/customers/C-10042/customer.yaml"
NOTE_OF_BROKEN = "records/customers/C-10042/notes/2026-06-03-call.yaml"


@pytest.mark.parametrize(
    ("customer_yaml", "error"),
    [
        ("id: C-10042\nname: Ann: Example\n", f"{BROKEN_CUSTOMER}:2:10: Y001 "),  # not YAML: its id cannot be read
        ("id: C-10042\nname: Ann Example\nstatus: gone\n", f"{BROKEN_CUSTOMER}:3:9: S003 status: found 'gone'"),  # YAML, not the schema
    ],
    ids=["unreadable", "does-not-fit-the-schema"],
)
def test_a_broken_customer_is_one_error_and_one_line_counting_what_refers_to_it(
    customer_yaml: str, error: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _repository(tmp_path, {BROKEN_CUSTOMER: customer_yaml, ORDERS_FILE: ORDERS, NOTE_OF_BROKEN: NOTE_HEAD + CONTACT + NOTE_TAIL + "resolution: [Refunded order 1001.]\n"})
    code, out, _ = run(capsys, "--root", str(tmp_path), "validate")
    info, told, summary = out.splitlines()
    assert code == 1
    assert told.startswith(error)
    assert info == f"{BROKEN_CUSTOMER}: R021 (info) 7 order rows and 1 note refer to C-10042, whose customer.yaml has errors: they are left out of the site until it is fixed"
    assert summary == "1 error(s), 0 warning(s), 1 info line(s)."
    code, out, _ = run(capsys, "--root", str(tmp_path), "validate", "--format", "github")
    assert [line.split(" ", 1)[0] for line in out.splitlines()] == ["::notice", "::error"]
    code, out, _ = run(capsys, "--root", str(tmp_path), "validate", "--format", "json")
    report = json.loads(out)
    assert report["ok"] is False
    assert [(f["code"], f["severity"]) for f in report["findings"]] == [("R021", "info"), (told.split(" ")[1], "error")]


def test_an_order_for_a_customer_nobody_has_is_still_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _repository(tmp_path, {BROKEN_CUSTOMER: "id: C-10042\nname: Ann: Example\n", ORDERS_FILE: ORDERS.replace("O-7,C-10042", "O-7,C-404")})
    code, out, _ = run(capsys, "--root", str(tmp_path), "validate")
    assert code == 1
    assert f"{ORDERS_FILE}:8:1: R011 order O-7 is for customer 'C-404', who has no record; correct the customer id or add the customer" in out.splitlines()
    assert f"{BROKEN_CUSTOMER}: R021 (info) 6 order rows refer to C-10042, whose customer.yaml has errors: they are left out of the site until it is fixed" in out.splitlines()
