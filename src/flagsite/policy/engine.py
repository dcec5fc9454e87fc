"""Run the policy rules on one record and turn what they find into findings.

Called for every note and every customer while the file's source positions
are at hand (see ``read.NOTE_POLICY`` and ``CUSTOMER_POLICY``), so each
finding points at the field it concerns. Settings switch rules off or change
their severity; a record's ``policy_exceptions`` silence a rule on it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from typing import Literal

from ..check.context import CheckContext, Located
from ..findings import Finding
from ..models import Customer, Note
from ..rule_settings import PolicySettings
from ..rules import Hit, Rule, Severity, find_rule, rules_for
from .learned import READ, learned_hits, margins
from .subject import Subject, customer_subject, note_subject


def check_note_policy(note: Note, where: Located, ctx: CheckContext, customer: Customer | None) -> Iterator[Finding]:
    subject = note_subject(note, customer, ctx.config, ctx.today)
    return _run(subject, "note", where)


def check_customer_policy(customer: Customer, where: Located, ctx: CheckContext) -> Iterator[Finding]:
    subject = customer_subject(customer, ctx.config, ctx.today)
    return _run(subject, "customer", where)


def policy_codes_for_note(note: Note, customer: Customer | None, ctx: CheckContext, errors_only: bool = False) -> list[str]:
    """The codes a note is flagged with (no positions): for measuring the rules; ``errors_only``: of the findings of severity error."""
    subject = note_subject(note, customer, ctx.config, ctx.today)
    settings = subject.config.policy
    return [current.code for current, hit in _hits(subject, "note") if not errors_only or _severity(settings, current, hit) == "error"]


# The rules each kind of record runs under one settings object, looked up by identity: every record asks.
_PLANS: dict[tuple[int, str], tuple[PolicySettings, tuple[Rule, ...]]] = {}


def _rules(settings: PolicySettings, kind: Literal["note", "customer"]) -> tuple[Rule, ...]:
    """The enabled rules for a note or a customer, in order: its own, the text rules, then the exception rules."""
    known = _PLANS.get((id(settings), kind))
    if known is None or known[0] is not settings:
        if len(_PLANS) > 16:
            _PLANS.clear()
        rules = rules_for(kind) + rules_for("text") + rules_for("meta")
        known = _PLANS[(id(settings), kind)] = (settings, tuple(r for r in rules if settings.setting(r)[0]))
    return known[1]


def _hits(subject: Subject, kind: Literal["note", "customer"]) -> Iterator[tuple[Rule, Hit]]:
    """What the enabled rules find, less what the record's exceptions silence.

    The exception rules (P9xx) run last: by then it is known which exceptions silenced something.
    """
    silenced = {
        found.code
        for exception in subject.exceptions
        if exception.reason is not None and (found := find_rule(exception.rule)) is not None
    }
    learned = subject.config.policy.learned_reading and subject.note is not None
    note_margins = cache(lambda: margins(subject))  # the note's log-odds: worked out on the first rule that asks, once
    for current in _rules(subject.config.policy, kind):
        hits = _with_learned(current, subject, note_margins) if learned and current.code in READ else current.check(subject)
        for hit in hits:
            if current.code in silenced:
                subject.silenced_used.add(current.code)
                continue
            yield current, hit


def _with_learned(current: Rule, subject: Subject, note_margins: Callable[[], dict[str, float]]) -> Iterator[Hit]:
    """What a rule's patterns find; where they find nothing, what its learned reading finds (if it has one)."""
    found = False
    for hit in current.check(subject):
        found = True
        yield hit
    if not found:
        yield from learned_hits(current.code, subject, note_margins())


def _run(subject: Subject, kind: Literal["note", "customer"], where: Located) -> Iterator[Finding]:
    settings = subject.config.policy
    for current, hit in _hits(subject, kind):
        line, column = where.at(*hit.loc)
        yield Finding(where.path, line, column, current.code, f"{hit.message} [{current.name}]", _severity(settings, current, hit))


def _severity(settings: PolicySettings, current: Rule, hit: Hit) -> Severity:
    """The rule's severity in the settings, at most the hit's own (a learned reading's finding is a warning)."""
    _, severity = settings.setting(current)
    return "warning" if hit.at_most == "warning" else severity


