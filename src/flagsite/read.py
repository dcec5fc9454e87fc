"""Read and check one record file: strict YAML → model → record checks → placeholders → policy.

Every command that reads a customer.yaml or a note goes through here, so a file
is accepted or refused alike by ``validate``, ``build``, the editing commands,
``note new``, ``export`` and ``show``. ``load_record`` is the lower step alone
(strict YAML and the model) for readers that judge validity themselves.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any, Generic, TypeVar

from pydantic import ValidationError

from .check.context import CheckContext, Located
from .check.placeholders import check_customer_placeholders, check_placeholders, placeholders_in
from .check.record import check_customer, check_customer_data, check_erasure, check_note, check_note_data, valid_customer_id
from .check.schema_link import check_schema_link
from .errors import RecordsHaveErrors
from .findings import Finding
from .load.yaml_strict import MAX_BYTES, SchemaLink, SourceMap, load_yaml_bytes
from .models import Customer, Erasure, Note, Record
from .schema_errors import Vocabulary, findings_from_validation_error

RecordT = TypeVar("RecordT", bound=Record)

NoteCheck = Callable[[Note, Located, CheckContext, Customer | None], Iterable[Finding]]
NOTE_CHECKS: list[NoteCheck] = [lambda note, where, ctx, customer: check_note(note, where, ctx), check_placeholders]
CustomerCheck = Callable[[Customer, Located, CheckContext], Iterable[Finding]]
CUSTOMER_CHECKS: list[CustomerCheck] = [check_customer, check_customer_placeholders]


# The policy rules and their word lists load with the first record they check: readers of old
# versions (history, show) and records read without policy never load them.
def _note_policy(note: Note, where: Located, ctx: CheckContext, customer: Customer | None) -> Iterable[Finding]:
    from .policy.engine import check_note_policy

    return check_note_policy(note, where, ctx, customer)


def _customer_policy(customer: Customer, where: Located, ctx: CheckContext) -> Iterable[Finding]:
    from .policy.engine import check_customer_policy

    return check_customer_policy(customer, where, ctx)


NOTE_POLICY: list[NoteCheck] = [_note_policy]
CUSTOMER_POLICY: list[CustomerCheck] = [_customer_policy]


@dataclass
class Loaded(Generic[RecordT]):
    """One record file read: the typed record when it is valid, and what was wrong."""

    record: RecordT | None  # None when the file is not strict YAML or does not fit the model
    data: dict[str, Any] | None  # the YAML data, also when it does not fit the model
    source: SourceMap
    findings: list[Finding]
    schema_link: SchemaLink | None = None  # the file's $schema line, when it has one

    @property
    def ok(self) -> bool:
        return self.record is not None and not any(f.severity == "error" for f in self.findings)


def read_record_bytes(abs_path: str, rel_path: str) -> bytes | Finding:
    """At most one byte more than a record may hold, from a regular file only.

    Opened without blocking and checked before reading: a pipe or a device put
    in place of a record is refused, not waited on or read without end.
    """
    try:
        fd = os.open(abs_path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        return Finding(rel_path, None, None, "X001", f"cannot be read: {error.strerror or errno.errorcode.get(error.errno or 0)}; check the file's permissions")
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return Finding(rel_path, None, None, "R004", "not a plain file (a pipe, a device or a folder); replace it with the record itself")
        chunks = []
        left = MAX_BYTES + 1
        while left > 0:
            chunk = os.read(fd, left)
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    except OSError as error:
        return Finding(rel_path, None, None, "X001", f"cannot be read: {error.strerror}; check the file's permissions")
    finally:
        os.close(fd)


def load_record(raw: bytes, path: str, model: type[RecordT] | None, vocabulary: Vocabulary | None = None) -> Loaded[RecordT]:
    """Strict YAML and the model (none: the data alone), without the record checks.

    ``vocabulary``: the configured names, so that a name written wrong is told which one was meant.
    """
    source = SourceMap()
    try:
        loaded = load_yaml_bytes(raw, path)
    except Exception as error:  # noqa: BLE001 - one bad file must not stop the others
        return Loaded(None, None, source, [internal_error(path, error)])
    findings = list(loaded.findings)
    if loaded.data is None or model is None:
        return Loaded(None, loaded.data, loaded.source, findings, loaded.schema_link)
    record: RecordT | None = None
    try:
        record = model.model_validate(loaded.data)
    except ValidationError as error:
        findings += findings_from_validation_error(error, path, loaded.source, model, vocabulary)
    except Exception as error:  # noqa: BLE001
        findings.append(internal_error(path, error))
    return Loaded(record, loaded.data, loaded.source, findings, loaded.schema_link)


def read_customer(raw: bytes, path: str, ctx: CheckContext, folder_name: str | None = None, *, policy: bool = True) -> Loaded[Customer]:
    """What ``flagsite validate`` says about one customer.yaml; ``folder_name`` is checked against its id.

    ``policy=False`` leaves out the policy rules (how the record is written), for readers that only need what it says.
    """
    loaded, where = _load_linked(raw, path, Customer, ctx)
    data, customer = loaded.data, loaded.record
    if data is None:
        return loaded
    if customer is not None:
        for customer_check in CUSTOMER_CHECKS + (CUSTOMER_POLICY if policy else []):
            loaded.findings += _guarded(path, partial(customer_check, customer, where, ctx))
    else:  # the parts that fit are still checked: one mistake does not hide the next
        loaded.findings += _guarded(path, lambda: [*check_customer_data(data, where, ctx), *placeholders_in(data, where)])
    customer_id = customer.id if customer is not None else valid_customer_id(data)
    if folder_name is not None and customer_id is not None and customer_id != folder_name:
        line, column = where.at("id")
        loaded.findings.append(
            Finding(path, line, column, "R001", f"id {customer_id!r} does not match its folder {folder_name!r}; rename the folder or correct the id")
        )
    return loaded


def read_note(raw: bytes, path: str, ctx: CheckContext, customer: Customer | None, *, policy: bool = True) -> Loaded[Note]:
    """What ``flagsite validate`` says about one note of ``customer`` (None when its customer.yaml is not valid)."""
    loaded, where = _load_linked(raw, path, Note, ctx)
    data, note = loaded.data, loaded.record
    if data is None:
        return loaded
    if note is None:
        loaded.findings += _guarded(path, lambda: [*check_note_data(data, where, ctx), *placeholders_in(data, where)])
        return loaded
    for note_check in NOTE_CHECKS + (NOTE_POLICY if policy else []):
        loaded.findings += _guarded(path, partial(note_check, note, where, ctx, customer))
    return loaded


def read_erasure(raw: bytes, path: str, ctx: CheckContext) -> Loaded[Erasure]:
    """What ``flagsite validate`` says about the record of an erasure: its fields only, named by its id, not in the future."""
    loaded, where = _load_linked(raw, path, Erasure, ctx)
    erasure = loaded.record
    if erasure is None:
        return loaded
    loaded.findings += _guarded(path, partial(check_erasure, erasure, where, ctx))
    return loaded


def read_erasure_file(root: str, path: str, ctx: CheckContext) -> Loaded[Erasure]:
    raw = read_record_bytes(os.path.join(root, path), path)
    if isinstance(raw, Finding):
        return Loaded(None, None, SourceMap(), [raw])
    return read_erasure(raw, path, ctx)


def _load_linked(raw: bytes, path: str, model: type[RecordT], ctx: CheckContext) -> tuple[Loaded[RecordT], Located]:
    """The record with its $schema line checked (R016), and where its values stand."""
    loaded = load_record(raw, path, model, ctx.config.vocabulary())
    if loaded.data is not None:
        loaded.findings += check_schema_link(path, loaded.schema_link)
    return loaded, Located(path, loaded.source)


def _guarded(path: str, run: Callable[[], Iterable[Finding]]) -> Iterator[Finding]:
    try:
        yield from list(run())
    except Exception as error:  # noqa: BLE001
        yield internal_error(path, error)


def internal_error(path: str, error: Exception) -> Finding:
    return Finding(path, None, None, "X001", f"flagsite failed on this file ({type(error).__name__}: {error}); the other files were checked. Please report this.")


def read_customer_file(root: str, path: str, ctx: CheckContext, folder_name: str | None = None, *, policy: bool = True) -> Loaded[Customer]:
    raw = read_record_bytes(os.path.join(root, path), path)
    if isinstance(raw, Finding):
        return Loaded(None, None, SourceMap(), [raw])
    return read_customer(raw, path, ctx, folder_name, policy=policy)


def read_note_file(root: str, path: str, ctx: CheckContext, customer: Customer | None, *, policy: bool = True) -> Loaded[Note]:
    raw = read_record_bytes(os.path.join(root, path), path)
    if isinstance(raw, Finding):
        return Loaded(None, None, SourceMap(), [raw])
    return read_note(raw, path, ctx, customer, policy=policy)


def read_record_text(root: str, path: str) -> str:
    """A record file's text, for editing it in place; a file that cannot be read stops the command."""
    raw = read_record_bytes(os.path.join(root, path), path)
    if isinstance(raw, Finding):
        raise RecordsHaveErrors(f"{path} cannot be read:", [raw])
    if len(raw) > MAX_BYTES:  # the loader's own finding says how large a record may be
        raise RecordsHaveErrors(f"{path} cannot be read:", load_record(raw, path, Customer).findings)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise RecordsHaveErrors(f"{path} cannot be read:", load_record(raw, path, Customer).findings) from error
