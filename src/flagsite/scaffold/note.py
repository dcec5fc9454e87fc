"""``flagsite note new``: a note file with seed 002's outline, ready for the editor to complete.

What is known (when, who writes, the channel, and whatever was passed) is
filled in; the rest holds ``TODO`` values that ``flagsite validate`` reports
(S004; an unchosen channel or disposition is written ``todo`` and reported as
not in the vocabulary) until a person writes them. Every field has a comment
saying what goes there.

The file is ``<customer folder>/notes/<YYYY-MM-DD>-<slug>.yaml``. An existing
note is never overwritten: when that name is taken, ``-2``, ``-3``, ... is
added to the slug, so two notes written the same day both keep their file.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass

from ..check.context import CheckContext
from ..check.placeholders import TODO
from ..config import Config, load_config
from ..edit.transaction import edit_lock, write_files
from ..edit.yaml_text import scalar
from ..errors import FlagsiteError, RecordsHaveErrors
from ..layout import NOTES_DIR
from ..locate import find_customer
from ..read import read_customer_file, read_note
from ..schema import SCHEMA_LINE, schema_line_target
from .outline import UNCHOSEN, refuse_broken_outline

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")
_MAX_SLUG_WORDS = 6


@dataclass(frozen=True)
class NoteDraft:
    customer_id: str
    author: str
    at: dt.datetime
    channel: str | None = None
    reason: str | None = None
    contact: str | None = None
    relationship: str | None = None
    disposition: str | None = None
    slug: str | None = None


def slug_from(text: str | None) -> str:
    """'Charged after cancelling!' -> 'charged-after-cancelling'; 'note' when nothing is left."""
    words = re.findall(r"[a-z0-9]+", (text or "").lower())[:_MAX_SLUG_WORDS]
    slug = "-".join(words)[:60].strip("-")
    return slug or "note"


def _comment_col(lines: list[tuple[str, str]]) -> list[str]:
    width = min(max(len(text) for text, comment in lines if comment), 30) + 2  # aligned, within reason
    # A space always parts value and comment: "value#x" would be read as part of the value.
    return [f"{text.ljust(width - 1)} # {comment}" if comment else text for text, comment in lines]


def render_outline(draft: NoteDraft, config: Config, customer_name: str, schema_path: str | None) -> str:
    def todo(what: str) -> str:
        return scalar(f"{TODO}: {what}")

    def value(given: str | None, what: str) -> str:
        return scalar(given) if given else todo(what)

    channels = " | ".join(config.channels)
    dispositions = ", ".join(config.dispositions)
    lines: list[tuple[str, str]] = [
        (f"at: {draft.at.isoformat()}", "when it happened, with its UTC offset"),
        (f"author: {scalar(draft.author)}", "who writes this note (staff user name; internal)"),
        (f"channel: {scalar(draft.channel or UNCHOSEN)}", channels),
        ("contact:", "CT info: who we spoke with"),
        (f"  name: {value(draft.contact, 'their name')}", ""),
    ]
    if draft.relationship:
        lines.append((f"  relationship: {scalar(draft.relationship)}", "to the account holder"))
    else:
        lines.append(("  # relationship: mother of the account holder", "required unless they are the account holder"))
    lines += [
        (f"reason: {value(draft.reason, 'their issue or concern, or why they were contacted')}", "facts only: no opinions, slang or quotes"),
        ("resolution:", "actions taken, solutions, promises, timeframes; one per line"),
        (f"  - {todo('what was done or promised, and by when')}", ""),
        ("changes: []", "account changes, e.g. - {field: email, from: old@example.com, to: new@example.com}"),
        ("amounts: []", "refunds, credits, quotes, e.g. - {kind: refund, amount: 49.98, currency: USD}"),
        (f"disposition: {scalar(draft.disposition or UNCHOSEN)}", f"one of: {dispositions}"),
        ("follow_up: none", "or {due: YYYY-MM-DD, owner: <staff name>, action: <what was promised>}"),
        ("critical: false", "true only if it affects handling for as long as the account exists"),
        ("# internal: remarks for staff only, never exported", ""),
    ]
    header = []
    if schema_path:
        header.append(SCHEMA_LINE.format(target=schema_path))
    header += [
        f"# Note on {draft.customer_id} ({customer_name.splitlines()[0] if customer_name else 'customer'}). Replace each {TODO},",
        "# then run 'flagsite validate'. Notes are read by the customer on request: be accurate and professional.",
    ]
    return "\n".join(header + _comment_col(lines)) + "\n"


def _write_new(root: str, folder: str, date: str, slug: str, text: str) -> str:
    """Write ``text`` under the first free name; never replaces an existing file."""
    with edit_lock(root):  # no other flagsite edit takes the name between looking and writing
        for number in range(1, 1000):
            name = f"{date}-{slug}.yaml" if number == 1 else f"{date}-{slug}-{number}.yaml"
            path = os.path.join(folder, name)
            if not os.path.lexists(path):
                os.makedirs(folder, exist_ok=True)
                write_files(root, {path: text.encode("utf-8")}, expected={path: None})
                return name
    raise FlagsiteError(f"{folder}: too many notes named {date}-{slug}; pass another --slug")


def new_note(root: str, draft: NoteDraft) -> str:
    """Write the outline for a new note; return its path relative to ``root``."""
    config, _ = load_config(root)
    for name, given, allowed in (("--channel", draft.channel, config.channels), ("--disposition", draft.disposition, config.dispositions)):
        if given is not None and given not in allowed:
            raise FlagsiteError(f"{name} {given!r} is not in the vocabulary; use one of: {', '.join(allowed)}")
    slug = draft.slug or slug_from(draft.reason)
    if not SLUG.match(slug):
        raise FlagsiteError(f"--slug {slug!r}: use lower-case letters, digits and '-', e.g. refund-request")
    folder = find_customer(root, draft.customer_id).folder
    ctx = CheckContext(config=config, today=dt.date.today())
    customer = read_customer_file(root, folder.customer_file, ctx, folder.folder_name)
    if customer.data is None:  # not even strict YAML: the note's checks need the customer
        raise RecordsHaveErrors(f"{folder.customer_file} cannot be read; fix it first:", customer.findings)
    customer_name = customer.data.get("name")
    notes_rel = f"{folder.rel_path}/{NOTES_DIR}"
    notes_abs = os.path.join(root, notes_rel)
    date = draft.at.date().isoformat()
    path = f"{notes_rel}/{date}-{slug}.yaml"
    schema_path = schema_line_target(root, path)
    text = render_outline(draft, config, customer_name if isinstance(customer_name, str) else "", schema_path)
    refuse_broken_outline(read_note(text.encode("utf-8"), path, ctx, customer.record).findings, text, "a note")
    return f"{notes_rel}/{_write_new(root, notes_abs, date, slug, text)}"
