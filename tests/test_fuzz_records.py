"""Fuzz: hostile record files through the strict loader, the models and every check.

Each example writes a customer.yaml or a note (a valid record, then damaged:
hostile values in every style of scalar, duplicate keys, anchors, tags, deep
nesting, huge scalars, YAML 1.1 words, control and bidi characters, bytes that
are not UTF-8) and loads the repository as ``flagsite validate`` does. Whatever
the file holds, flagsite reports findings, never fails: no exception, no X001
(flagsite's own failure on a file), every finding in the catalogue and pointing
into the file, and every reporter prints it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from flagsite.codes import CODES
from flagsite.findings import Finding
from flagsite.load.yaml_strict import load_yaml_bytes
from flagsite.report import REPORTER_BY_NAME
from flagsite.repository import load_repository
from flagsite.rules import all_rules

from .hostile import CUSTOMER_LINES, NOTE_LINES, examples, quoted, record_file

CUSTOMER = "records/customers/C-10042/customer.yaml"
NOTE = "records/customers/C-10042/notes/2026-06-03-refund.yaml"
TODAY = dt.date(2026, 11, 20)
# What breaks a line in YAML 1.1, as libyaml counts lines: CR LF, CR, LF, NEL, LS and PS.
LINE_BREAK = re.compile(rb"\r\n|[\r\n]|\xc2\x85|\xe2\x80[\xa8\xa9]")
# What a terminal obeys or a reader cannot see: C0 and C1 controls but tab and newline, line separators, bidi controls.
UNSHOWABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
KNOWN_CODES = set(CODES) | {rule.code for rule in all_rules()}

pytestmark = pytest.mark.fuzz


def _text(lines: list[tuple[str, str]]) -> bytes:
    return "".join(f"{key}: {value}\n" if not value.startswith("\n") else f"{key}:{value}\n" for key, value in lines).encode()


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz-records")
    for path, lines in ((CUSTOMER, CUSTOMER_LINES), (NOTE, NOTE_LINES)):
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(_text(lines))
    return root


def test_the_undamaged_records_are_valid(root: Path) -> None:
    """The fuzzers start from valid records: a finding below comes from the damage alone."""
    result = load_repository(str(root), today=TODAY)
    assert [f for f in result.findings if f.severity == "error"] == []
    assert list(result.catalog.customers) == ["C-10042"]


def _assert_reported(findings: list[Finding], files: dict[str, bytes]) -> None:
    for finding in findings:
        assert finding.code != "X001", f"flagsite failed on a file: {finding}"
        assert finding.code in KNOWN_CODES, finding
        assert finding.path in files, finding
        if finding.line is not None:
            # A position points into the file (YAML's line breaks, as libyaml counts lines), or just past
            # its end, where libyaml reports a document that ends too soon.
            assert 1 <= finding.line <= len(LINE_BREAK.split(files[finding.path])) + 1, finding
            assert finding.column is not None and finding.column >= 1, finding
    text = REPORTER_BY_NAME["text"](findings)
    assert len(text.splitlines()) == len(findings) + 1, "a finding spilled over several lines"
    assert not UNSHOWABLE.search(text), f"a control character reaches the terminal raw: {text!r}"
    as_json, as_github = REPORTER_BY_NAME["json"](findings), REPORTER_BY_NAME["github"](findings)
    assert json.loads(as_json)["ok"] == (not any(f.severity == "error" for f in findings))
    assert len(as_github.splitlines()) == len(findings)
    assert not UNSHOWABLE.search(as_json) and not UNSHOWABLE.search(as_github), "a control character reaches a report raw"


@settings(max_examples=examples(400))
@given(st.sampled_from([CUSTOMER, NOTE]), st.data())
def test_any_record_file_gives_findings_never_a_failure(root: Path, path: str, data: st.DataObject) -> None:
    raw = data.draw(record_file(CUSTOMER_LINES if path == CUSTOMER else NOTE_LINES), label="file")
    (root / path).write_bytes(raw)
    try:
        result = load_repository(str(root), today=TODAY)
    finally:
        (root / path).write_bytes(_text(CUSTOMER_LINES if path == CUSTOMER else NOTE_LINES))
    files = {path: raw, CUSTOMER if path == NOTE else NOTE: (root / (CUSTOMER if path == NOTE else NOTE)).read_bytes()}
    _assert_reported(result.findings, files)
    event(f"first stage to object: {min((f.code[0] for f in result.findings if f.severity == 'error'), default='none', key='YSRPX'.find)}")
    if result.ok:
        assert "C-10042" in result.catalog.customers


@settings(max_examples=examples(300))
@given(st.binary(max_size=300))
def test_any_bytes_load_to_data_or_findings(raw: bytes) -> None:
    loaded = load_yaml_bytes(raw, "x.yaml")
    assert loaded.data is not None or loaded.findings, "nothing read and nothing said"
    _assert_reported(loaded.findings, {"x.yaml": raw})


@pytest.mark.parametrize("key", ["\x1b]0;PWNED\x07\x1b[2J", "\x85", "\u2028", "\u202e"], ids=["escape", "nel", "line-separator", "bidi"])
def test_a_field_name_with_controls_is_reported_on_one_line_and_shown_not_obeyed(root: Path, key: str) -> None:
    (root / CUSTOMER).write_bytes(_text([*CUSTOMER_LINES, (quoted(key), "x")]))
    try:
        findings = load_repository(str(root), today=TODAY).findings
    finally:
        (root / CUSTOMER).write_bytes(_text(CUSTOMER_LINES))
    # Not a field of the schema, and a control character (S005) where no record may hold one.
    assert sorted(f.code for f in findings if f.severity == "error") == ["S001", "S005"]
    text = REPORTER_BY_NAME["text"](findings)
    assert len(text.splitlines()) == len(findings) + 1 and not UNSHOWABLE.search(text), text  # one line each, and the summary


def test_the_fuzz_files_are_damaged_in_every_way(root: Path) -> None:
    """The generator reaches each kind of damage: the loader reports each Y code at least once."""
    seen: set[str] = set()

    @settings(max_examples=examples(600))
    @given(record_file(CUSTOMER_LINES))
    def collect(raw: bytes) -> None:
        seen.update(f.code for f in load_yaml_bytes(raw, CUSTOMER).findings)

    collect()
    expected = {"Y001", "Y002", "Y003", "Y004", "Y005", "Y007", "Y008", "Y009", "Y010", "Y011", "Y012"}
    assert expected <= seen, f"never generated: {sorted(expected - seen)}"

