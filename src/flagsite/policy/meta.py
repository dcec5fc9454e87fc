"""P9xx: silencing a policy finding on one record, and keeping that honest.

A record silences a rule with ``policy_exceptions: [{rule: P303, reason: ...}]``.
The reason is required and stays in the record, so reviewers see it in the
pull request's diff. These rules run after all others, when it is known which
exceptions silenced something.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..rules import Hit, describe, find_rule, rule
from .subject import Subject


@rule("P901", "exception-without-reason", "error", "meta")
def exception_without_reason(subject: Subject) -> Iterator[Hit]:
    """A policy exception on a record gives no reason.

    ## What it does
    Flags an entry of `policy_exceptions` that has no `reason`. Such an entry silences nothing.

    ## Why
    A silenced finding must say why the rule does not apply, so the reviewer of the pull
    request can judge it, and a later reader knows it was deliberate.

    ## Example
    ```yaml
    policy_exceptions:
      - rule: P303
    ```
    Use instead:
    ```yaml
    policy_exceptions:
      - rule: P303
        reason: The customer asked for their exact words about the outage to be recorded.
    ```
    """
    for index, exception in enumerate(subject.exceptions):
        if exception.reason is None and find_rule(exception.rule) is not None:
            yield Hit(("policy_exceptions", index, "rule"), f"the exception for {exception.rule} has no reason and silences nothing; add reason: saying why the rule does not apply here")


@rule("P902", "exception-for-unknown-rule", "error", "meta")
def exception_for_unknown_rule(subject: Subject) -> Iterator[Hit]:
    """A policy exception names a rule that does not exist.

    ## What it does
    Flags an entry of `policy_exceptions` whose `rule` is neither a policy rule's code nor its
    name. Structural findings (Y, S, R codes) cannot be silenced: fix the record instead.

    ## Why
    A misspelt rule silences nothing, while the reviewer believes it does.

    ## Example
    ```yaml
    policy_exceptions:
      - {rule: quoted-customer, reason: The customer asked for the quote.}
    ```
    Use instead:
    ```yaml
    policy_exceptions:
      - {rule: customer-quoted-directly, reason: The customer asked for the quote.}
    ```
    """
    for index, exception in enumerate(subject.exceptions):
        if find_rule(exception.rule) is None:
            yield Hit(("policy_exceptions", index, "rule"), f"{describe(exception.rule)} is not a policy rule; `flagsite rules` lists the codes and names")


@rule("P903", "unused-exception", "warning", "meta")
def unused_exception(subject: Subject) -> Iterator[Hit]:
    """A policy exception silences a rule that finds nothing on this record.

    ## What it does
    Flags an entry of `policy_exceptions` (with a reason) whose rule has no finding to silence
    here, for instance because the text was since corrected. Exceptions for rules switched off
    in `flagsite.yaml` are not flagged.

    ## Why
    A stale exception would silently hide the next, real finding of that rule on the record.

    ## Example
    ```yaml
    reason: Asked to cancel after repeated billing errors.   # no quote any more
    policy_exceptions:
      - {rule: P303, reason: The customer asked for their words to be recorded.}
    ```
    Use instead: remove the exception.
    """
    for index, exception in enumerate(subject.exceptions):
        found = find_rule(exception.rule)
        if found is None or exception.reason is None or found.code in subject.silenced_used:
            continue
        enabled, _ = subject.config.policy.setting(found)
        if enabled:
            yield Hit(("policy_exceptions", index, "rule"), f"the exception for {found.code} ({found.name}) silences nothing on this record; remove it")
