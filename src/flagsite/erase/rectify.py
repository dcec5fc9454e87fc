"""``flagsite rectify``: a wrong value rewritten out of history, when keeping it is itself the harm.

The correction itself is an ordinary change, reviewed and committed first;
rectification then replaces the wrong value by ``(rectified)`` (an email by ``rectified@rectified.invalid``) in every
version of every file and every commit message, with the same rewrite as an
erasure, and records it in an empty commit that names the customer and the
request, never the value. The value must be in the customer's past (a
version of their record held it) and nowhere in the current files: replacing
it there would change today's records, which is an edit, not a rectification.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..edit.transaction import edit_lock, recover_locked
from ..errors import FlagsiteError, UsageError
from ..git import run_git
from ..locate import find_customer, require_customer_id
from .remove import require_reference
from .rewrite import Rewritten, require_rewritable, rewrite_history
from .traces import Value, customer_traces

RECTIFIED = "rectified"


@dataclass
class Rectified:
    customer_id: str
    values: int
    commit: str  # the empty commit that records the rectification
    rewritten: Rewritten


def rectify_values(root: str, customer_id: str, wrong_values: list[str], reference: str) -> Rectified:
    require_reference(reference)
    require_customer_id(customer_id)
    values = [Value("wrong value", text.strip()) for text in dict.fromkeys(wrong_values)]
    if not values:
        raise UsageError("name the wrong value to rewrite with --value")
    for value in values:
        if not value.replaceable:
            raise UsageError(f"--value {value.text!r} is too short to replace safely (at least 4 characters, without '==>' or a line break)")
    require_rewritable(root)
    with edit_lock(root):
        recover_locked(root)
        find_customer(root, customer_id)
        traces = customer_traces(root, customer_id)
        for value in values:
            pattern = re.compile(value.pattern().encode("utf-8"))
            if not any(pattern.search(content) for content in traces.contents):
                raise FlagsiteError(f"no earlier version of {customer_id}'s record holds {value.text!r}; nothing was rewritten")
            still = run_git(root, ["grep", "-l", "-i", "-F", "-e", value.text, "HEAD", "--"], check=False).decode("utf-8", "replace").split()
            if still:
                where = still[0].partition(":")[2]
                raise FlagsiteError(f"{value.text!r} still stands in {where}; correct it there and commit the correction first, then rectify; nothing was rewritten")
        rewritten = rewrite_history(root, [], values, RECTIFIED)
        run_git(root, ["commit", "-q", "--allow-empty", "-m", f"Rectify {customer_id}: a wrong value rewritten out of history (request {reference})"])
        commit = run_git(root, ["rev-parse", "HEAD"]).decode("ascii").strip()
    return Rectified(customer_id, len(values), commit, rewritten)
