"""The catalogue of structural finding codes: one name and one remedy each.

Y: the file cannot be read as plain YAML data.  S: the data does not fit the
schema.  R: records do not fit together.  O: order CSV files.  W: records
that are right but call for an action (warnings).  X: flagsite itself failed on a file.  (Policy rules about what notes say live in policy/.)
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    code: str
    name: str
    summary: str


_ALL = [
    Code("Y001", "yaml-syntax-error", "The file is not valid YAML."),
    Code("Y002", "duplicate-key", "A mapping names the same key twice; YAML would keep only the last."),
    Code("Y003", "anchor-or-alias", "Anchors (&) and aliases (*) are not allowed in records."),
    Code("Y004", "explicit-tag", "Tags (!tag, !!type) are not allowed in records."),
    Code("Y005", "several-documents", "A record file holds exactly one YAML document."),
    Code("Y006", "root-not-mapping", "A record file must be a mapping of field: value."),
    Code("Y007", "not-utf8", "Record files are UTF-8 text."),
    Code("Y008", "file-too-large", "A record file is at most 1 MiB."),
    Code("Y009", "nesting-too-deep", "Records are nested a few levels deep at most."),
    Code("Y010", "ambiguous-plain-value", "A plain value that YAML 1.1 reads as a boolean or number: quote it."),
    Code("Y011", "complex-key", "Mapping keys are plain field names."),
    Code("Y012", "unprintable-character", "A control character that YAML does not allow in a file."),
    Code("Y013", "comment-not-separated", "A '#' right after a quoted value or a flow collection, with no space before it."),
    Code("Y014", "continuation-not-indented", "A flow or quoted value continued on a line not indented past its field."),
    Code("Y015", "list-item-folded", "A list item continued on a line not indented like its text, or '- ' lines after text on the field's line: YAML folds what looks like a list item into the text."),
    Code("S001", "unknown-field", "A field the schema does not have."),
    Code("S002", "missing-field", "A required field is absent."),
    Code("S003", "invalid-value", "A value of the wrong type or form."),
    Code("S004", "todo-placeholder", "A TODO placeholder (from flagsite note new) is still in the record."),
    Code("S005", "control-character", "Text holds a control character: a terminal escape, a line break other than newline, a bidi override."),
    Code("R001", "id-not-folder-name", "A customer's id must equal its folder's name."),
    Code("R002", "duplicate-customer-id", "Two customers share an id (also when they differ only in case)."),
    Code("R003", "notes-without-customer", "A notes folder with no customer.yaml beside it."),
    Code("R004", "stray-file", "A file that is no record, in a place flagsite reads."),
    Code("R005", "unknown-flag-type", "A flag type that is not in the vocabulary."),
    Code("R006", "unknown-disposition", "A note disposition that is not in the vocabulary."),
    Code("R007", "unknown-channel", "A note channel that is not in the vocabulary."),
    Code("R008", "review-before-created", "A flag's review date comes before its creation."),
    Code("R009", "follow-up-before-note", "A follow-up falls due before the note was written."),
    Code("R010", "date-in-future", "A date that has not happened yet."),
    Code("R011", "order-for-unknown-customer", "An order names a customer that has no record."),
    Code("R012", "bad-note-file-name", "Note files are named <date>-<slug>.yaml."),
    Code("R013", "link-not-followed", "A link that points outside records/, at a folder, or at nothing."),
    Code("R014", "no-records-folder", "The repository has no records/customers folder."),
    Code("R015", "duplicate-order-id", "Two order rows share an order id (an export loaded twice counts its spend twice)."),
    Code("R016", "schema-link-broken", "A record's $schema line does not lead to the repository's schema from where the file stands."),
    Code("R017", "erased-customer-has-record", "A customer recorded as erased (records/erased/<id>.yaml) has a record again."),
    Code("R018", "order-for-erased-customer", "An order row names a customer who was erased."),
    Code("R019", "erasure-file-name", "The record of an erasure is records/erased/<id>.yaml, named by the id it holds."),
    Code("R020", "closed-date-on-open-account", "A customer has a closed: date but its status is active."),
    Code("R021", "refers-to-customer-with-errors", "Info: the orders and notes of a customer whose customer.yaml has errors, counted in one line instead of an error each."),
    Code("O001", "order-csv-invalid", "An order row that cannot be read."),
    Code("O002", "orders-file-too-large", "An orders file past the bounds in flagsite.yaml (orders: max_megabytes per file, max_rows in all)."),
    Code("W001", "past-retention", "A closed customer's record is kept longer than retention: in flagsite.yaml allows; erase it."),
    Code("W002", "closed-without-date", "A closed customer has no closed: date, so its retention period cannot be counted."),
    Code("X001", "internal-error", "flagsite failed on this file; the other files were still checked."),
]

CODES: dict[str, Code] = {c.code: c for c in _ALL}
