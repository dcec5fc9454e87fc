"""The whole reply to a record-access request, written to one folder and zipped.

The folder holds the customer's copy (``reply.html`` with the cover letter, the
record and the withheld manifest; ``reply.pdf``; ``record.json``), the reviewer's
copy (``reviewer.html``: everything labelled, every third-party item, what to
decide) and the reviewer's decisions (``decisions.yaml``). The zip holds the
customer's copy only: the reviewer's copy names other people.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from dataclasses import dataclass, field

from ..catalog import Catalog
from ..config import Config
from ..controls import json_text
from ..edit.transaction import state_folder
from ..errors import FlagsiteError, RecordsHaveErrors, UsageError
from ..export import Audience, Disclosed, disclose, to_data
from ..export.disclose import Withheld
from ..export.render_html import EXPORT_CSS, record_body
from ..findings import has_errors
from ..history import customer_change_log
from ..history.customer import DatedChanges
from ..history.render import when
from ..layout import CUSTOMER_FILE
from ..locate import refuse_erased, require_customer_id
from ..models import REQUEST_REFERENCE
from ..privacy import THIRD_PARTIES, PrivacySettings
from ..render.environment import make_environment
from ..render.search_index import phone_digits, words
from ..repository import load_repository
from .decisions import Decision, read_decisions, write_template
from .pdf import NoPdfEngine, print_pdf
from .third_parties import Known, Mention, known_people, redact, redact_data

REFERENCE = re.compile(REQUEST_REFERENCE)
CUSTOMER_FILES = ("reply.html", "reply.pdf", "record.json")
THIRD_PARTY_CLASS = "other people's data in free text"
THIRD_PARTY_WHY = "names, contact details and personal facts of people other than you, found in the text of notes, flags and preferences"
HISTORY_NOT_INCLUDED = (
    "Earlier versions of the record that the change history of the records still holds (past values, removed flags, "
    "deleted notes) are not included in this reply"
)
HISTORY_INCLUDED = (
    "The changes to your record, newest first, with the earlier values our change history still holds (past values, "
    "removed flags, deleted notes). A change is dated when it was written and, where that differs, when it took effect."
)


@dataclass(frozen=True)
class ManifestRow:
    what: str
    count: int
    why: str
    legal_basis: str


@dataclass(frozen=True)
class PastChange:
    words: str  # the change in plain words
    old: object  # the value held until then (None when added)


@dataclass(frozen=True)
class PastChanges:
    when: str
    changes: list[PastChange]


@dataclass
class Reply:
    folder: str
    zip_path: str
    written: list[str]
    mentions: list[Mention]
    kept: dict[str, Decision]
    stale_decisions: list[Decision] = field(default_factory=list)  # items no longer found
    pdf_problem: str | None = None

    @property
    def redacted(self) -> int:
        return sum(1 for m in self.mentions if m.item not in self.kept)


def request_folder(root: str, reference: str, out: str | None) -> str:
    if not REFERENCE.match(reference):
        raise UsageError(f"--ref {reference!r} cannot name a folder: use letters, digits, '.', '_' and '-' (at most 64)")
    # Under .flagsite/ by default, which Git ignores: a reply is personal data and must never be committed.
    return os.path.join(out if out is not None else os.path.join(state_folder(root), "requests"), reference)


def prepare_reply(
    root: str, config: Config, customer_id: str, reference: str, *, requester: str | None, today: dt.date, out: str | None
) -> Reply:
    privacy = config.privacy
    if privacy is None:
        raise FlagsiteError(
            "flagsite.yaml has no privacy: section, so the reply cannot tell the person what it must (controller, purposes, "
            "recipients, retention, rights...); copy the commented example `flagsite init` writes into flagsite.yaml and fill it in"
        )
    require_customer_id(customer_id)
    folder = request_folder(root, reference, out)
    catalog = _whole_catalog(root, today)
    entry = catalog.get(customer_id)
    if entry is None:
        refuse_erased(root, customer_id)
        raise FlagsiteError(f"customer {customer_id} not found; check the id (ids are case-sensitive), or find the person with `flagsite find NAME`")

    decisions = read_decisions(folder)
    kept = {d.item: d for d in decisions}
    customer_copy = disclose(entry, config, Audience.CUSTOMER)
    known = known_people(catalog, entry, requester)
    mentions = redact(customer_copy, known, set(kept))
    history, history_problem = _history(root, config, customer_id, known, set(kept), mentions)
    found = {m.item for m in mentions}
    redacted = sum(1 for m in mentions if m.item not in kept)
    manifest = _manifest(customer_copy.withheld, redacted, privacy)
    reply = Reply(folder, f"{folder}.zip", [], mentions, kept, [d for d in decisions if d.item not in found])

    os.makedirs(folder, exist_ok=True)
    template = write_template(folder)
    if template is not None:
        reply.written.append(template)
    context = {
        "privacy": privacy, "reference": reference, "today": today.isoformat(), "customer_id": customer_id,
        "customer_name": entry.customer.name, "requester": requester or entry.customer.name, "manifest": manifest,
        # Why history could not be read names the server's folders: for the reviewer, not the letter.
        "history": history, "history_line": HISTORY_INCLUDED if history_problem is None else f"{HISTORY_NOT_INCLUDED}.",
        "history_included": history_problem is None, "history_problem": history_problem or "", "css": EXPORT_CSS,
    }
    environment = make_environment(root)
    _write(folder, "reply.html", environment.get_template("request/reply.html").render(**context, record=record_body(customer_copy)), reply)
    data = to_data(customer_copy)
    data["withheld"] = [row.__dict__ for row in manifest]
    data["history"] = [{"when": past.when, "changes": [change.__dict__ for change in past.changes]} for past in history]
    data["reply"] = {"reference": reference, "date": today.isoformat(), "controller": privacy.controller.name}
    _write(folder, "record.json", json_text(data, indent=2) + "\n", reply)
    reviewer_copy = disclose(entry, config, Audience.REVIEWER)
    _write(folder, "reviewer.html", environment.get_template("request/reviewer.html").render(
        **context, record=record_body(reviewer_copy), mentions=mentions, kept=kept, stale=reply.stale_decisions,
        internal_count=sum(w.count for w in customer_copy.withheld)), reply)

    pdf = os.path.join(folder, "reply.pdf")
    if os.path.lexists(pdf):
        os.remove(pdf)  # a PDF of an earlier run must not go out with this run's HTML
    try:
        print_pdf(os.path.join(folder, "reply.html"), pdf)
        reply.written.append(pdf)
    except NoPdfEngine as error:
        reply.pdf_problem = str(error)
    _zip(folder, reply)
    return reply


def _history(
    root: str, config: Config, customer_id: str, known: Known, kept: set[str], mentions: list[Mention]
) -> tuple[list[PastChanges], str | None]:
    """The customer's change log with the values held before each change, other people's data redacted; or why not."""
    try:
        log = customer_change_log(root, customer_id, config)
    except FlagsiteError as error:  # no Git history here, or a shallow clone: the letter says it is not included
        return [], str(error)
    _own_past(log, known)
    history = []
    for entry in log:
        moment = when(entry.written, entry.landed)
        changes = []
        for change in entry.changes:
            where = f"History, {moment}, {change.path}"
            words = str(redact_data(change.words, where, known, kept, mentions))
            old = redact_data(change.old, where, known, kept, mentions) if change.kind != "added" else None
            changes.append(PastChange(words, old))
        history.append(PastChanges(moment, changes))
    return history, None


def _own_past(log: list[DatedChanges], known: Known) -> None:
    """The customer's earlier names, emails and phones are their own, not another person's."""
    for entry in log:
        for change in entry.changes:
            if change.file != CUSTOMER_FILE or not (change.field == "" or change.field.split(".")[0].split("[")[0] in ("name", "contacts")):
                continue
            for value in (change.old, change.new):
                data = value if isinstance(value, dict) else {change.field or "": value}
                for key, held in data.items():
                    _own(known, key, held)


def _own(known: Known, key: str, value: object) -> None:
    if isinstance(value, dict):
        for inner, held in value.items():
            _own(known, f"{key}.{inner}", held)
    elif isinstance(value, list):
        for held in value:
            _own(known, key, held)
    elif isinstance(value, str) and key.endswith("name"):
        known.own_words.add(tuple(words(value)))
        known.names.pop(tuple(words(value)), None)
    elif isinstance(value, str) and "emails" in key:
        known.own_emails.add(value.lower())
    elif isinstance(value, str) and "phones" in key:
        known.own_phones.add(phone_digits(value))


def _whole_catalog(root: str, today: dt.date) -> Catalog:
    """Every record: other people are found in all of them, so one that cannot be read stops the reply."""
    result = load_repository(root, today=today)
    errors = [f for f in result.findings if f.severity == "error"]
    if has_errors(errors):
        raise RecordsHaveErrors(
            "every record must be valid to find other people's data in this reply; fix these first (nothing was written):", errors
        )
    return result.catalog


def _manifest(withheld: list[Withheld], third_parties: int, privacy: PrivacySettings) -> list[ManifestRow]:
    classes = [(w.what, w.count, w.why, w.key) for w in withheld]
    if third_parties:
        classes.append((THIRD_PARTY_CLASS, third_parties, THIRD_PARTY_WHY, THIRD_PARTIES))
    missing = sorted({key for *_, key in classes if key not in privacy.withheld})
    if missing:
        raise FlagsiteError(
            "the reply withholds content with no legal ground given; add one line for each under privacy: withheld: in "
            f"flagsite.yaml: {', '.join(missing)} (nothing was written)"
        )
    return [ManifestRow(what, count, why, privacy.withheld[key]) for what, count, why, key in classes]


def _write(folder: str, name: str, text: str, reply: Reply) -> None:
    path = os.path.join(folder, name)
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)
    reply.written.append(path)


def _zip(folder: str, reply: Reply) -> None:
    with zipfile.ZipFile(reply.zip_path, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        for name in CUSTOMER_FILES:
            path = os.path.join(folder, name)
            if os.path.isfile(path):
                bundle.write(path, arcname=f"{os.path.basename(folder)}/{name}")
    reply.written.append(reply.zip_path)


__all__ = ["Disclosed", "ManifestRow", "Reply", "prepare_reply", "request_folder"]
