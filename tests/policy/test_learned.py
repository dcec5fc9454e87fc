"""The learned reading of note text: its shipped model, what it catches, and the setting that switches it off."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from flagsite.check.context import CheckContext
from flagsite.config import Config
from flagsite.models import Customer, Note
from flagsite.policy.engine import policy_codes_for_note
from flagsite.policy.learned import features, log_odds, model, readings
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


def test_the_model_says_what_it_was_trained_on_and_how_it_was_chosen() -> None:
    shipped = model()
    assert shipped["trained_on"]["labelled"] > 1000
    assert shipped["rules"], "no rule is covered"
    for code, spec in shipped["rules"].items():
        assert spec["cv"]["learned"]["precision"] >= 0.95, code
        assert 0.5 <= spec["threshold"] < 1, code


def test_the_sum_of_weights_gives_what_the_fitted_model_gave() -> None:
    """The features made at run time, summed in pure Python, give the log-odds worked out when the model was fitted."""
    checks = model()["checks"]
    assert len(checks) >= 4 * len(readings())
    for check in checks:
        reading = readings()[check["code"]]
        texts = [TextField(tuple(loc), text, True) for loc, text in check["texts"]]
        assert log_odds(features(texts, reading), reading) == pytest.approx(check["log_odds"], abs=1e-3)


# Notes written for these tests, in words not in the labelled notes: (rule, note fields). Of 13 written
# for the rules the model covers, these 8 are found (7 by the patterns alone); missed by both: "Karolina
# from our workshop rings her the moment they land", "Our surveyor pops by next week ... and sends her his
# findings", "Her billing contact is now her accountant's office", "Nobody should ring the doorbell at her
# house" (in `internal`), "Had a few bits to go through" (a reason).
CAUGHT: list[tuple[str, dict[str, Any]]] = [
    ("P104", {"resolution": ["Handled as per usual."]}),  # found by the learned reading alone
    ("P104", {"resolution": ["Sorted it for her."]}),
    ("P104", {"resolution": ["Went over everything, she is happy now."]}),
    ("P105", {"resolution": ["Will make sure someone phones her back before close of play."]}),
    ("P105", {"resolution": ["Leaving it with me, I am to chase the courier and revert to her by Tuesday."]}),
    ("P106", {"resolution": ["Swapped her tariff across to the weekend-only bundle."]}),
    ("P108", {"resolution": ["From now on she only wants contact by letter, never by phone."]}),
    ("P103", {"reason": "General query re her account."}),
]
# Notes of the same shape that must pass: (rule, note fields).
PASSED: list[tuple[str, dict[str, Any]]] = [
    ("P104", {"resolution": ["Sorted the leaking tap by replacing the washer."]}),
    ("P104", {"resolution": ["Went over the June invoice line by line and refunded the duplicate delivery fee."]}),
    ("P105", {"resolution": ["She will phone us back when she has found the receipt."]}),
    ("P105", {"resolution": ["Karolina from our workshop rang her when the parts landed."]}),
    ("P106", {"resolution": ["She asked whether she could swap to the weekend bundle; emailed her the price list."]}),
    ("P106", {"resolution": ["Swapped the faulty router for a new one of the same model."]}),
    ("P108", {"resolution": ["Only wanted a copy of the letter for this claim; posted it today."]}),
    ("P103", {"reason": "Asked why the June invoice shows two delivery fees."}),
]


@pytest.mark.parametrize(("code", "fields"), CAUGHT)
def test_a_note_of_the_kind_is_caught(code: str, fields: dict[str, Any]) -> None:
    assert code in _codes(fields)


@pytest.mark.parametrize(("code", "fields"), PASSED)
def test_a_note_of_the_same_shape_passes(code: str, fields: dict[str, Any]) -> None:
    assert code not in _codes(fields)


def test_the_setting_switches_the_learned_reading_off() -> None:
    found_by_model_only = [(code, fields) for code, fields in CAUGHT if code not in _codes(fields, learned=False)]
    assert found_by_model_only, "no note here is found by the learned reading alone"
    for code, fields in found_by_model_only:
        assert code in _codes(fields, learned=True)
        assert code not in _codes(fields, learned=False)
