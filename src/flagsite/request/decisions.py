"""The reviewer's decisions on third-party items, kept in the request folder so they are auditable.

``decisions.yaml`` lists the items the reviewer keeps in the customer's copy, each with
the reason and who decided; every other item found stays redacted. The next run of
``flagsite request`` with the same reference reads it back.
"""

from __future__ import annotations

import os

from ..errors import RecordsHaveErrors
from ..findings import Finding
from ..models import Record, Text, factual
from ..read import load_record, read_record_bytes

DECISIONS_FILE = "decisions.yaml"

TEMPLATE = """\
# Third-party items to keep in the customer's copy of this reply. Every item that
# reviewer.html lists is redacted as [third party] unless it is kept here, with the
# reason and who decided. Run the same `flagsite request ... --ref` again after editing.
#
# keep:
#   - item: TP-0123456789
#     reason: The customer's wife is a joint account holder and asked with him.
#     decided_by: ada
keep: []
"""


class Decision(Record):
    item: Text = factual(description="The item's id, as reviewer.html lists it (TP-...).")
    reason: Text = factual(description="Why the customer may see it.")
    decided_by: Text = factual(description="Who decided.")


class Decisions(Record):
    keep: list[Decision] = factual(default_factory=list)


def read_decisions(folder: str) -> list[Decision]:
    """The decisions of an earlier run, if any."""
    path = os.path.join(folder, DECISIONS_FILE)
    if not os.path.lexists(path):
        return []
    shown = f"{folder.rstrip(os.sep)}{os.sep}{DECISIONS_FILE}"
    raw = read_record_bytes(path, shown)
    if isinstance(raw, Finding):
        raise RecordsHaveErrors("the reviewer's decisions cannot be read; fix this first:", [raw])
    loaded = load_record(raw, shown, Decisions)
    if loaded.record is None or not loaded.ok:
        raise RecordsHaveErrors("the reviewer's decisions are not valid; fix these first (nothing was written):", loaded.findings)
    return list(loaded.record.keep)


def write_template(folder: str) -> str | None:
    """On a first run, the commented file the reviewer fills in."""
    path = os.path.join(folder, DECISIONS_FILE)
    if os.path.lexists(path):
        return None
    with open(path, "w", encoding="utf-8") as out:
        out.write(TEMPLATE)
    return path
