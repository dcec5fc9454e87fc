"""Policy settings in flagsite.yaml, and silencing a finding on one record."""

from __future__ import annotations

from pathlib import Path

from flagsite.config import load_config
from flagsite.findings import Finding

from .conftest import Validate

SLANG_NOTE = """\
at: 2026-06-03T14:12:00-05:00
author: jdoe
channel: phone
contact:
  name: Alexander Erickson
reason: Charged after cancelling cuz the cancellation was not completed; asked for a refund.
resolution:
  - Refunded the June charge to his Sparkl card.
disposition: billing-refund
"""


def _codes(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.code, f.severity) for f in findings]


def test_defaults_flag_slang_as_error(validate: Validate) -> None:
    findings = validate(note_files={"2026-06-03-refund.yaml": SLANG_NOTE})
    assert ("P301", "error") in _codes(findings)
    assert not any(code == "P302" for code, _ in _codes(findings))  # 'Sparkl' is capitalised inside a sentence: a name


def test_rule_switched_off_by_name_and_severity_changed_by_code(validate: Validate) -> None:
    config = "policy:\n  rules:\n    slang-or-text-speak: {enabled: false}\n    P302: {severity: error}\n"
    findings = validate(note_files={"2026-06-03-refund.yaml": SLANG_NOTE.replace("Sparkl", "sparkl")}, config=config)
    codes = _codes(findings)
    assert not any(code == "P301" for code, _ in codes)
    assert ("P302", "error") in codes


def test_word_lists_are_extended(validate: Validate) -> None:
    note = SLANG_NOTE.replace("cuz ", "").replace("Sparkl", "sparkl") + "internal: A right galoot, per the team.\n"
    plain = _codes(validate(note_files={"2026-06-03-refund.yaml": note}))
    assert ("P302", "warning") in plain and not any(c == "P304" for c, _ in plain)
    config = "policy:\n  allow_words: [Sparkl]\n  derogatory: [galoot]\n  slang: {zorb: Sparkl card}\n"
    extended = _codes(validate(note_files={"2026-06-03-refund.yaml": note + "follow_up: none\n"}, config=config))
    assert not any(c == "P302" for c, _ in extended)
    assert ("P304", "error") in extended


def test_bad_settings_are_findings_on_flagsite_yaml_with_positions(tmp_path: Path) -> None:
    (tmp_path / "flagsite.yaml").write_text(
        "policy:\n  rules:\n    P999: {enabled: false}\n    P301: {severity: fatal}\n  colour: blue\n", encoding="utf-8"
    )
    config, findings = load_config(str(tmp_path))
    where = {(f.line, f.code) for f in findings}
    assert (3, "S003") in where  # the unknown rule, at its line
    assert (4, "S003") in where  # the unknown severity
    assert any(f.code == "S001" and f.line == 5 for f in findings)
    assert all(f.path == "flagsite.yaml" for f in findings)
    assert any("P999" in f.message and "flagsite rules" in f.message for f in findings)
    assert config.policy.rules == {}  # defaults meanwhile


QUOTE_NOTE = """\
at: 2026-06-03T14:12:00-05:00
author: jdoe
channel: phone
contact:
  name: Alexander Erickson
reason: Charged after cancelling; he said "I cancelled this in May and I want that on record".
resolution:
  - Refunded the June charge.
disposition: billing-refund
"""


def test_exception_silences_one_rule_on_one_record_only(validate: Validate) -> None:
    silenced = QUOTE_NOTE + "policy_exceptions:\n  - rule: customer-quoted-directly\n    reason: He asked for his words to be recorded.\n"
    findings = validate(note_files={"2026-06-03-a.yaml": silenced, "2026-06-04-b.yaml": QUOTE_NOTE})
    by_file = {(f.path.rsplit("/", 1)[-1], f.code) for f in findings}
    assert ("2026-06-04-b.yaml", "P303") in by_file
    assert not any(name == "2026-06-03-a.yaml" for name, _ in by_file)


def test_exception_without_reason_silences_nothing(validate: Validate) -> None:
    findings = validate(note_files={"2026-06-03-a.yaml": QUOTE_NOTE + "policy_exceptions:\n  - rule: P303\n"})
    codes = {f.code: f for f in findings}
    assert "P303" in codes and "P901" in codes
    assert codes["P901"].line == 11


OVERDUE_CUSTOMER = """\
id: C-1
name: Alexander Erickson
flags:
  - type: warning
    reason: Only Alexander Erickson may place orders on this account.
    created: 2026-01-05
    created_by: max
    review_by: 2026-03-01
"""


def test_exception_on_a_customer_record(validate: Validate) -> None:
    assert [f.code for f in validate(customer=OVERDUE_CUSTOMER)] == ["P201"]
    silenced = OVERDUE_CUSTOMER + "policy_exceptions:\n  - {rule: flag-review-overdue, reason: Reviewed with the customer on 2 June; review date to follow.}\n"
    assert validate(customer=silenced) == []


def test_flag_reason_wording_is_checked_with_positions(validate: Validate) -> None:
    text = OVERDUE_CUSTOMER.replace("review_by: 2026-03-01", "review_by: 2026-12-01").replace(
        "Only Alexander Erickson may place orders on this account.", "Customer is a pain and extremely rude, only he may order."
    )
    found = {(f.code, f.line) for f in validate(customer=text)}
    assert ("P304", 5) in found and ("P305", 5) in found


def test_a_former_rule_name_still_switches_the_rule_off(validate: Validate) -> None:
    note = SLANG_NOTE.replace("cuz ", "").replace("Sparkl", "sparkl").replace(
        "asked for a refund.", "asked for a refund, and that we only contact him by email from now on."
    )
    assert "P108" in [c for c, _ in _codes(validate(note_files={"2026-06-03-refund.yaml": note}))]
    config = "policy:\n  rules:\n    critical-note-reads-as-preference: {enabled: false}\n"
    findings = validate(note_files={"2026-06-03-refund.yaml": note}, config=config)
    assert not any(f.code == "P108" for f in findings)
    assert not any(f.path == "flagsite.yaml" for f in findings)
