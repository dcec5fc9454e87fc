"""The learned reading of note text: its shipped model, what it catches, and the setting that switches it off."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from flagsite.check.context import CheckContext, Located
from flagsite.config import Config
from flagsite.load.yaml_strict import SourceMap
from flagsite.models import Customer, Note
from flagsite.policy.engine import check_note_policy, policy_codes_for_note
from flagsite.policy.learned import learned_hits, model, readings, texts_margins, words
from flagsite.policy.subject import note_subject
from flagsite.policy.text import TextField
from flagsite.rule_settings import PolicySettings

_HOLDER = "Ines Halloran"
_NOTE: dict[str, Any] = {
    "at": "2026-06-03T14:12:00+00:00",
    "author": "jdoe",
    "channel": "phone",
    "disposition": "general-inquiry",
    "contact": {"name": _HOLDER},
    "reason": "Asked about the charge on her June invoice.",
    "resolution": ["Explained the charge is the annual servicing fee."],
}


def _codes(fields: dict[str, Any], learned: bool = True) -> set[str]:
    note = Note.model_validate(_NOTE | fields)
    ctx = CheckContext(config=Config(policy=PolicySettings(learned_reading=learned)), today=dt.date(2026, 6, 30))
    return set(policy_codes_for_note(note, Customer(id="C-1", name=_HOLDER), ctx))


def test_the_learned_reading_is_on_unless_switched_off() -> None:
    assert PolicySettings().learned_reading is True
    assert PolicySettings.model_validate({"learned_reading": False}).learned_reading is False


def test_the_model_was_fitted_on_every_labelled_part_but_the_one_held_back() -> None:
    shipped = model()
    # labelled-blind21 is written to judge the reading on wording it never saw: it is never fitted on, and the
    # check holds whether or not its folder is here yet (it asks only that every other part was fitted on).
    assert shipped["held_back"] == "labelled-blind21"
    assert shipped["held_back"] not in shipped["trained_on"]
    present = {folder.name for folder in Path(__file__).parent.iterdir() if folder.is_dir() and folder.name.startswith("labelled")}
    # A part added since the model was fitted: fit it again (benchmarks/train_note_model.py).
    assert present - {shipped["held_back"]} <= set(shipped["trained_on"])
    assert shipped["trained_on"]["labelled"] > 1000


def test_the_model_says_how_it_was_chosen() -> None:
    shipped = model()
    # Folds grouped by writer: the thresholds hold on writers the reading was not fitted on.
    assert "grouped by writer" in shipped["cross_validation"]
    assert shipped["rules"], "no rule is covered"
    for code, spec in shipped["rules"].items():
        assert spec["cv"]["learned"]["precision"] >= 0.97, code
        assert 0.5 <= spec["threshold"] < 1, code
        assert all(token.count(" ") <= 1 for token in spec["weights"]), "only words and word pairs are weighed"


def test_the_sum_of_weights_gives_what_the_fitted_model_gave() -> None:
    """The tokens made at run time, summed in pure Python, give the log-odds worked out when the model was fitted."""
    checks = model()["checks"]
    assert len(checks) >= 4 * len(readings())
    for check in checks:
        texts = [TextField(tuple(loc), text, True) for loc, text in check["texts"]]
        threshold = readings()[check["code"]].threshold
        assert texts_margins(texts, frozenset(check["names"]))[check["code"]] + threshold == pytest.approx(check["log_odds"], abs=1e-3)


def test_what_the_rules_mask_is_read_as_a_token_of_its_kind() -> None:
    text = TextField(("reason",), "Called about order SO-2026-1483 (1,560.00 USD, $25) due 2026-02-13 at 4pm, 3 boxes; ruth@example.net", True)
    assert words(text) == ["called", "about", "order", "<ref>", "<sum>", "usd", "<sum>", "due", "<date>", "at", "<time>", "<num>", "boxes", "<email>"]
    plain = TextField(("reason",), "Asked about the charge on her June invoice.", True)
    assert words(plain) == plain.words


# Notes written for these tests, in words not in the labelled notes: (rule, note fields). Of 21 written for
# the rules the model covers, the patterns alone found 17 and with the learned reading 19 (the two marked);
# missed by both: "Amended the delivery day to Thursdays." and, in `internal`, "She always wants the same
# engineer for every visit." All the negatives below passed either way.
CAUGHT: list[tuple[str, dict[str, Any]]] = [
    ("P104", {"resolution": ["Answered, nothing more to add."]}),  # the learned reading alone
    ("P104", {"resolution": ["Query resolved, nothing outstanding."]}),  # the learned reading alone
    ("P104", {"resolution": ["Processed as normal."]}),
    ("P104", {"resolution": ["Dealt with in the usual way."]}),
    ("P104", {"resolution": ["All taken care of, customer satisfied."]}),
    ("P103", {"reason": "Wanted a word about something."}),
    ("P103", {"reason": "General account matters."}),
    ("P106", {"resolution": ["Moved her onto the monthly plan as requested."]}),
    ("P106", {"resolution": ["Switched her billing to quarterly."]}),
    ("P108", {"resolution": ["In future please always email rather than ring."]}),
    ("P108", {"resolution": ["She prefers morning appointments from now on."]}),
]
# Notes of the same shapes that must pass: (rule, note fields).
PASSED: list[tuple[str, dict[str, Any]]] = [
    ("P104", {"resolution": ["Dealt with the broken catch by fitting a new latch."]}),
    ("P104", {"resolution": ["Answered her question: the fee covers the annual gas safety check."]}),
    ("P103", {"reason": "Wanted a word about the noise from the boiler at night."}),
    ("P103", {"reason": "Had some questions about the deposit on the flat."}),
    ("P106", {"resolution": ["She asked about the monthly plan; sent her the terms to read first."]}),
    ("P106", {"resolution": ["Checked her postal address on the system; it is correct."]}),
    ("P106", {"resolution": ["Moved the sofa delivery to the front door as the van could not reach the back."]}),
    ("P108", {"resolution": ["She preferred the blue tiles for this bathroom; ordered them."]}),
    ("P108", {"resolution": ["Emailed her the invoice as she asked today."]}),
    ("P108", {"resolution": ["Left the parcel with the neighbour at number 4, as she asked for this delivery."]}),
    ("P107", {"resolution": ["Posted her 3 spare filters."]}),
    ("P107", {"resolution": ["Booked the 2 rooms for the 14th."]}),
]


def test_notes_of_the_kind_are_caught() -> None:
    # One may fall either side of its threshold when the model is fitted again: nine in ten must be caught.
    missed = [fields for code, fields in CAUGHT if code not in _codes(fields)]
    assert len(missed) <= 1, missed


@pytest.mark.parametrize(("code", "fields"), PASSED)
def test_a_note_of_the_same_shape_passes(code: str, fields: dict[str, Any]) -> None:
    assert code not in _codes(fields)


def test_the_setting_switches_the_learned_reading_on_and_off() -> None:
    found_by_model_only = [(code, fields) for code, fields in CAUGHT if code not in _codes(fields, learned=False)]
    assert found_by_model_only, "no note here is found by the learned reading alone"
    for code, fields in found_by_model_only:
        assert code in _codes(fields, learned=True)


def test_what_only_the_learned_reading_finds_is_no_error_when_measured() -> None:
    ctx = CheckContext(config=Config(policy=PolicySettings(learned_reading=True)), today=dt.date(2026, 6, 30))
    found_by_model_only = [(code, fields) for code, fields in CAUGHT if code not in _codes(fields, learned=False)]
    for code, fields in found_by_model_only:
        note = Note.model_validate(_NOTE | fields)
        assert code not in policy_codes_for_note(note, Customer(id="C-1", name=_HOLDER), ctx, errors_only=True)


def test_a_finding_names_the_words_that_weighed_most() -> None:
    note = Note.model_validate(_NOTE | {"resolution": ["Query resolved, nothing outstanding."]})
    ctx = CheckContext(config=Config(policy=PolicySettings(learned_reading=True)), today=dt.date(2026, 6, 30))
    found = [f for f in check_note_policy(note, Located("note.yaml", SourceMap()), ctx, Customer(id="C-1", name=_HOLDER)) if f.code == "P104"]
    assert len(found) == 1
    assert "learned reading:" in found[0].message and "list the actions taken" in found[0].message
    # P104 is an error; what only the learned reading finds is a warning: it can be wrong, so it blocks nothing.
    assert found[0].severity == "warning"


# Judgements of a person in a note's factual fields, written for this test in words of their own (P305). The
# patterns find 3; the reading, at the precision it now holds on writers it was not fitted on (0.97), adds none
# of the other five (at 0.95 it added one): on P305 it finds about one in eight alone, in cross-validation.
JUDGED: list[dict[str, Any]] = [
    {"resolution": ["Explained the fee again. Not convinced she took in a word of it."]},
    {"reason": "Rang again about the same invoice; he simply will not let it go."},
    {"resolution": ["Refunded the postage. Lovely chap, a real pleasure."]},
    {"resolution": ["Booked the engineer for Friday. She does go on a bit."]},
    {"reason": "Another moan about the hedge, as ever with this one."},
    {"resolution": ["Swapped the kettle. Sweet old dear, took ages to find her receipt."]},
    {"resolution": ["Went through the bill line by line; he was hard going as usual."]},
    {"reason": "Wants money back on a cake she ate half of, cheeky."},
]
# Of the same shape, and fine: a feeling the customer reported, stated as a fact; an opinion in `internal`, where it belongs.
NOT_JUDGED: list[dict[str, Any]] = [
    {"reason": "Upset that the engineer missed the 9am slot."},
    {"resolution": ["She said she felt let down by the second missed visit; apologised and booked 8am Monday."]},
    {"resolution": ["He was worried about the cost; explained the monthly payment plan."]},
    {"resolution": ["She was pleased with the new boiler and asked for the service plan leaflet."]},
    {"internal": "Honestly a bit of a handful, keeps you on the phone for ages."},
    {"internal": "Lovely lady, always makes the engineers a cup of tea."},
]


def test_judgements_are_found_by_the_patterns_or_the_reading() -> None:
    found = [fields for fields in JUDGED if "P305" in _codes(fields)]
    assert len(found) >= 3, found


@pytest.mark.parametrize("fields", NOT_JUDGED)
def test_a_reported_feeling_or_an_internal_opinion_is_no_judgement(fields: dict[str, Any]) -> None:
    assert "P305" not in _codes(fields)


def test_a_learned_judgement_says_what_to_write_instead() -> None:
    # A note past the P305 reading's threshold (its margin given, as the engine gives it once for all the rules):
    # the message names the judging words that weighed most and what to describe instead, as P305's own findings do.
    note = Note.model_validate(_NOTE | {"resolution": ["Booked the engineer for Friday. Typical of her, never happy whatever we do."]})
    subject = note_subject(note, Customer(id="C-1", name=_HOLDER), Config(), dt.date(2026, 6, 30))
    found = list(learned_hits("P305", subject, {"P305": 1.0}))
    assert len(found) == 1
    assert found[0].message.startswith("reads as an opinion or feeling (learned reading: ") and "'typical'" in found[0].message
    assert "state only what happened: " in found[0].message and found[0].at_most == "warning"
