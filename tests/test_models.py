"""The data contract: disclosure classes, YAML round trips, committed schemas."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TypeVar

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flagsite.config import Config, load_config
from flagsite.controls import first_forbidden
from flagsite.load.yaml_strict import load_yaml_bytes
from flagsite.models import RECORD_MODELS, Amount, Change, Contact, Contacts, Customer, Disclosure, Flag, FollowUp, Note, Preference, disclosure_of
from flagsite.schema import render_schemas

from .conftest import REPO_ROOT

RecordT = TypeVar("RecordT", Customer, Note)


def test_every_field_of_every_model_has_a_disclosure_class() -> None:
    for model in RECORD_MODELS:
        for name, info in model.model_fields.items():
            assert disclosure_of(info) in (Disclosure.FACTUAL, Disclosure.INTERNAL), f"{model.__name__}.{name}"


def test_staff_names_and_remarks_are_internal() -> None:
    assert disclosure_of(Flag.model_fields["guidance"]) is Disclosure.INTERNAL
    assert disclosure_of(Flag.model_fields["created_by"]) is Disclosure.INTERNAL
    assert disclosure_of(Note.model_fields["author"]) is Disclosure.INTERNAL
    assert disclosure_of(Note.model_fields["internal"]) is Disclosure.INTERNAL
    assert disclosure_of(FollowUp.model_fields["owner"]) is Disclosure.INTERNAL
    assert disclosure_of(Flag.model_fields["reason"]) is Disclosure.FACTUAL


def test_committed_schemas_match_the_models() -> None:
    """Run `flagsite schema` after changing a model, and commit the result."""
    for name, text in render_schemas(Config()).items():
        assert (REPO_ROOT / "schema" / name).read_text(encoding="utf-8") == text, name


def test_schema_lists_the_configured_vocabulary() -> None:
    schemas = render_schemas(Config())
    note = json.loads(schemas["note.schema.json"])
    assert "billing-refund" in note["properties"]["disposition"]["enum"]
    customer = json.loads(schemas["customer.schema.json"])
    assert customer["$defs"]["Flag"]["properties"]["type"]["enum"][0] == "on-hold"
    assert customer["$defs"]["Flag"]["properties"]["guidance"]["x-disclosure"] == "internal"


def test_configured_flag_types_extend_the_defaults(tmp_path: Path) -> None:
    (tmp_path / "flagsite.yaml").write_text(
        "flag_types:\n  vip: {label: VIP, severity: positive, icon: octicons-star-16, factual: true}\n  delight: null\n"
    )
    config, findings = load_config(str(tmp_path))
    assert findings == []
    assert "vip" in config.flag_types and "on-hold" in config.flag_types
    assert "delight" not in config.flag_types


def test_bad_configuration_is_a_finding_with_a_position(tmp_path: Path) -> None:
    (tmp_path / "flagsite.yaml").write_text("dispositions: [refund]\nmissteps_days: soon\n")
    config, findings = load_config(str(tmp_path))
    assert config == Config()
    assert [(f.path, f.line, f.column, f.code) for f in findings] == [("flagsite.yaml", 2, 16, "S003")]


def test_configuration_that_is_no_plain_file_is_a_finding(tmp_path: Path) -> None:
    (tmp_path / "flagsite.yaml").mkdir()
    config, findings = load_config(str(tmp_path))
    assert config == Config()
    assert [(f.path, f.code) for f in findings] == [("flagsite.yaml", "X001")]
    assert "not a plain file" in findings[0].message


def test_configuration_link_to_nothing_is_a_finding(tmp_path: Path) -> None:
    (tmp_path / "flagsite.yaml").symlink_to("flagsite-moved.yaml")
    _, findings = load_config(str(tmp_path))
    assert [(f.path, f.code) for f in findings] == [("flagsite.yaml", "X001")]


# Round trip: any record dumps to YAML that loads back equal through the strict loader.

text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=40).map(str.strip).filter(lambda s: bool(s) and first_forbidden(s) is None)
staff = st.from_regex(r"[a-z][a-z0-9._-]{0,15}", fullmatch=True)
days = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2026, 11, 1))
vocab = st.sampled_from(["on-hold", "warning", "manager", "alert", "delight"])
emails = st.from_regex(r"[a-z]{1,10}@example\.(com|org)", fullmatch=True)
phones = st.from_regex(r"\+1 555 01[0-9]{2}", fullmatch=True)

flags = st.builds(Flag, type=vocab, reason=text, guidance=st.none() | text, created=days, created_by=staff, review_by=st.none() | days)
customers = st.builds(
    Customer,
    id=st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,20}", fullmatch=True),
    name=text,
    status=st.sampled_from(["active", "closed"]),
    contacts=st.builds(Contacts, emails=st.lists(emails, max_size=2), phones=st.lists(phones, max_size=2)),
    preferences=st.lists(st.builds(Preference, text=text, since=st.none() | days), max_size=2),
    flags=st.lists(flags, max_size=3),
)
notes = st.builds(
    Note,
    at=st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2026, 11, 1), timezones=st.just(dt.timezone(dt.timedelta(hours=-5)))),
    author=staff,
    channel=st.sampled_from(["phone", "email"]),
    contact=st.builds(Contact, name=text, relationship=st.none() | text),
    reason=text,
    resolution=st.lists(text, max_size=3),
    changes=st.lists(st.builds(Change, field=text, from_=st.none() | text | st.integers(), to=st.none() | text), max_size=2),
    amounts=st.lists(st.builds(Amount, kind=text, amount=st.floats(0, 1e6, allow_nan=False), currency=st.just("USD")), max_size=2),
    disposition=st.just("complaint"),
    follow_up=st.just("none") | st.builds(FollowUp, due=days, owner=staff, action=text),
    critical=st.booleans(),
    internal=st.none() | text,
)


def _round_trip(record: RecordT) -> RecordT:
    dumped = yaml.safe_dump(record.model_dump(mode="json", by_alias=True, exclude_none=True), allow_unicode=True, sort_keys=False)
    loaded = load_yaml_bytes(dumped.encode("utf-8"), "x.yaml")
    assert [f for f in loaded.findings if f.code != "Y010"] == []
    return type(record).model_validate(loaded.data)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(customers)
def test_customer_round_trips_through_yaml(customer: Customer) -> None:
    assert _round_trip(customer) == customer


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(notes)
def test_note_round_trips_through_yaml(note: Note) -> None:
    assert _round_trip(note) == note


def test_merge_key_is_named_as_such() -> None:
    loaded = load_yaml_bytes(b"id: C-1\n<<: {name: Ann}\n", "x.yaml")
    assert [(f.line, f.column, f.code) for f in loaded.findings] == [(2, 1, "Y011")]
    assert "merge keys (<<) are not allowed" in loaded.findings[0].message


def test_number_surprise_does_not_suggest_true_or_false() -> None:
    (finding,) = load_yaml_bytes(b"id: C-1\nname: 0123\n", "x.yaml").findings
    assert finding.code == "Y010"
    assert "true/false" not in finding.message
    assert finding.message.endswith("""quote it: "0123" (or, for a number, write it without leading zeros, '_' or ':')""")


@settings(max_examples=300)
@given(st.binary(max_size=400) | st.text(alphabet="-:[]{}&*!?#|>'\"\n ab1\t", max_size=200).map(str.encode))
def test_no_input_makes_the_loader_raise(raw: bytes) -> None:
    loaded = load_yaml_bytes(raw, "x.yaml")
    # Y002, Y010, Y013, Y014 and Y015 are reported while the rest of the file is still read.
    assert (loaded.data is None) == any(f.code.startswith("Y") and f.code not in ("Y002", "Y010", "Y013", "Y014", "Y015") for f in loaded.findings)
    for finding in loaded.findings:
        assert finding.path == "x.yaml"


@pytest.mark.parametrize("line_break", ["\x85", "\u2028", "\u2029", "\r"])
def test_lines_are_counted_as_libyaml_counts_them(line_break: str) -> None:
    """NEL, LS, PS and a lone CR end a line for libyaml: the layout checks read the same lines, never past the end."""
    loaded = load_yaml_bytes(f'id: C-1\nname: "a{line_break}{line_break}"\nresolution:\n  - one{line_break}   two\n'.encode(), "x.yaml")
    assert [(f.line, f.code) for f in loaded.findings if f.code in ("Y014", "Y015")] == [(4, "Y014"), (7, "Y015")]
