"""The data contract: typed records, each field classed factual or internal.

The class of a field lives in the schema itself (``json_schema_extra``), so the
exporter, the site and the JSON Schema all read it from one place. A factual
field may be shown to the customer; an internal one never is. A test checks
that every field of every model carries a class.

Vocabulary (flag types, dispositions, channels) is configuration, so it is
checked against the configured vocabulary in check/, not fixed here.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, StringConstraints, Tag, ValidationError, ValidatorFunctionWrapHandler, WithJsonSchema, WrapValidator
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError

from .controls import FORBIDDEN_CLASS
from .dates import DateError, date_written_right, moment_written_right, parse_date, parse_moment

CUSTOMER_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
DISCLOSURE_KEY = "x-disclosure"
# A request's reference names folders (flagsite request) and stands in records: no spaces, no markup.
REQUEST_REFERENCE = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"


class Disclosure(str, Enum):
    FACTUAL = "factual"
    INTERNAL = "internal"


def factual(default: Any = ..., **kwargs: Any) -> Any:
    """A field a customer may see in an export of their record."""
    return Field(default, json_schema_extra={DISCLOSURE_KEY: Disclosure.FACTUAL.value}, **kwargs)


def internal(default: Any = ..., **kwargs: Any) -> Any:
    """A field for staff only: never exported to the customer."""
    return Field(default, json_schema_extra={DISCLOSURE_KEY: Disclosure.INTERNAL.value}, **kwargs)


def disclosure_of(field_info: FieldInfo) -> Disclosure:
    extra = field_info.json_schema_extra
    if not isinstance(extra, dict) or DISCLOSURE_KEY not in extra:
        raise LookupError("field has no disclosure class")
    return Disclosure(extra[DISCLOSURE_KEY])


# The one written form of a date and of a date-time (RFC 3339, as JSON Schema's formats
# read it), in the schema as a pattern too: validate, editors and any JSON Schema tool
# accept exactly the same text. Pydantic alone would also take 2024-01-15T00:00:00Z as a
# date (dropping the time), or a time without seconds.
DATE_TEXT = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
DATE_TIME_TEXT = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,6})?"
    r"(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"
)
# An email address as a pattern both sides read the same way (a format "email" is only
# checked for an "@" by most JSON Schema tools).
EMAIL_TEXT = rf"^[^@\s{FORBIDDEN_CLASS}]+@[^@\s.{FORBIDDEN_CLASS}]+(\.[^@\s.{FORBIDDEN_CLASS}]+)+$"
PHONE_TEXT = r"^\+?[0-9][0-9 ()./-]{2,30}$"
STAFF_NAME_TEXT = r"^[A-Za-z0-9._@-]{1,64}$"
VOCABULARY_NAME_TEXT = r"^[a-z0-9][a-z0-9-]{0,63}$"
CURRENCY_TEXT = r"^[A-Z]{3}$"
# Text with something in it besides spaces (pydantic strips it before counting), and no
# control character (S005, which the loader reports).
TEXT = rf"^[^{FORBIDDEN_CLASS}]*[^\s{FORBIDDEN_CLASS}][^{FORBIDDEN_CLASS}]*$"


def _written_as(kind: str, pattern: str, example: str) -> BeforeValidator:
    """Text in the one form, read by the one date parser; or a date/datetime built by code; never a number.

    Pydantic reads a number as a Unix time (``created: 0`` is 1970-01-01); in a record it is a mistake.
    Each error carries in its context what is expected and, where it can be told, what to write
    instead, in words for the person who typed it (``schema_errors`` shows them).
    """
    form = re.compile(pattern)
    parse = parse_date if kind == "date" else parse_moment
    rewritten = date_written_right if kind == "date" else moment_written_right
    written = f"a date written {example}" if kind == "date" else f"a date and time written {example} (seconds and the UTC offset included)"

    def fail(expected: str, suggestion: str) -> PydanticCustomError:
        return PydanticCustomError(f"{kind}_form", "Input should be {expected}: {suggestion}", {"expected": expected, "suggestion": suggestion})

    def check(value: Any) -> Any:
        if isinstance(value, (int, float)):
            raise PydanticCustomError(f"{kind}_type", "Input should be {expected}", {"expected": written, "suggestion": rewritten(str(value))})
        if kind == "date" and isinstance(value, dt.datetime):
            raise fail(written, f"write {value.date().isoformat()}, without a time")
        if not isinstance(value, str):
            return value
        if not form.match(value):
            raise fail(written, rewritten(value))
        try:
            return parse(value)
        except DateError as error:  # the form is right, the date is not: "February has 28 days in 2027"
            raise fail(f"a {kind} that exists", str(error)) from None

    return BeforeValidator(check)


Date = Annotated[
    dt.date,
    _written_as("date", DATE_TEXT, "YYYY-MM-DD"),
    WithJsonSchema({"type": "string", "format": "date", "pattern": DATE_TEXT}),
]
DateTime = Annotated[
    AwareDatetime,
    _written_as("datetime", DATE_TIME_TEXT, "YYYY-MM-DDTHH:MM:SS+HH:MM"),
    WithJsonSchema({"type": "string", "format": "date-time", "pattern": DATE_TIME_TEXT}),
]
Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    WithJsonSchema({"type": "string", "minLength": 1, "pattern": TEXT}),
]
CustomerId = Annotated[str, StringConstraints(pattern=CUSTOMER_ID_PATTERN)]
Email = Annotated[str, StringConstraints(pattern=EMAIL_TEXT)]
Phone = Annotated[str, StringConstraints(pattern=PHONE_TEXT)]
StaffName = Annotated[str, StringConstraints(pattern=STAFF_NAME_TEXT)]
VocabularyName = Annotated[str, StringConstraints(pattern=VOCABULARY_NAME_TEXT)]
CurrencyCode = Annotated[str, StringConstraints(pattern=CURRENCY_TEXT)]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)


class Contacts(Record):
    emails: list[Email] = factual(default_factory=list, description="Email addresses.")
    phones: list[Phone] = factual(default_factory=list, description="Phone numbers, as dialled.")


class Preference(Record):
    text: Text = factual(description="A durable fact about the customer, shown on every page that concerns them.")
    since: Date | None = factual(None, description="When the customer told us.")


class Flag(Record):
    type: VocabularyName = factual(description="A flag type from the vocabulary.")
    reason: Text = factual(description="Why the flag is set: facts only, the customer may read it.")
    guidance: Text | None = internal(None, description="What staff should do. Internal: never exported.")
    created: Date = factual(description="When the flag was set.")
    created_by: StaffName = internal(description="Who set it (staff user name).")
    review_by: Date | None = factual(None, description="When to review the flag; a past date is an overdue review.")


class PolicyException(Record):
    rule: Text = internal(description="The policy rule to silence on this record, by code or name (see `flagsite rules`).")
    reason: Text | None = internal(
        None, description="Why the rule does not apply here; required, and shown to reviewers in the pull request."
    )


def policy_exceptions() -> Any:
    return internal(
        default_factory=list,
        description="Policy findings silenced on this record, each with the reason. Internal: never exported.",
    )


class Customer(Record):
    id: CustomerId = factual(description="Equals the customer's folder name.")
    name: Text = factual(description="The account holder's name.")
    status: Literal["active", "closed"] = factual("active")
    closed: Date | None = factual(
        None, description="When the account was closed (with status: closed): the retention period in flagsite.yaml runs from it."
    )
    contacts: Contacts = factual(default_factory=Contacts)
    preferences: list[Preference] = factual(default_factory=list)
    flags: list[Flag] = factual(default_factory=list)
    policy_exceptions: list[PolicyException] = policy_exceptions()


class Contact(Record):
    name: Text = factual(description="Who we spoke with.")
    relationship: Text | None = factual(
        None, description="Their relationship to the account holder; required unless they are the account holder."
    )


def _one_error_for_the_union(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    """One finding for a value that fits no member, instead of one per member."""
    try:
        return handler(value)
    except ValidationError as error:
        raise PydanticCustomError("change_value_type", "Input should be text, a number or a date") from error


ChangeValue = Annotated[str | int | float | dt.date | None, WrapValidator(_one_error_for_the_union)]


class Change(Record):
    field: Text = factual(description="What was changed (email, phone, address, ...).")
    from_: ChangeValue = factual(None, alias="from", description="The value before.")
    to: ChangeValue = factual(None, description="The value after.")


class Amount(Record):
    kind: Text = factual(description="refund, credit, charge, quote, ...")
    # The bounds put "finite" into the schema too: .inf is beyond them.
    amount: float = factual(strict=True, allow_inf_nan=False, ge=-sys.float_info.max, le=sys.float_info.max)
    currency: CurrencyCode = factual()


class FollowUp(Record):
    due: Date = factual(description="When the follow-up is due.")
    owner: StaffName = internal(description="Who does it (staff user name).")
    action: Text = factual(description="What was promised.")
    done: Date | None = factual(None, description="When it was done: a done follow-up leaves the follow-ups-due dashboard.")


def _follow_up_kind(value: Any) -> str:
    return "none" if isinstance(value, str) else "follow-up"


NoFollowUp = Literal["none"]
FollowUpOrNone = Annotated[
    Annotated[NoFollowUp, Tag("none")] | Annotated[FollowUp, Tag("follow-up")],
    Discriminator(_follow_up_kind),
]


class Note(Record):
    at: DateTime = factual(description="When the interaction happened, with its UTC offset.")
    author: StaffName = internal(description="Who wrote the note (staff user name).")
    channel: VocabularyName = factual(description="phone, email, chat, in-person, letter, other.")
    contact: Contact = factual()
    reason: Text = factual(description="The customer's issue, or why they were contacted.")
    resolution: list[Text] = factual(default_factory=list, description="Actions taken, promises, timeframes.")
    changes: list[Change] = factual(default_factory=list, description="Account changes, from and to.")
    amounts: list[Amount] = factual(default_factory=list)
    disposition: VocabularyName = factual(description="From the vocabulary.")
    follow_up: FollowUpOrNone = factual("none")
    critical: bool = factual(False, strict=True, description="Affects handling for as long as the account exists: pinned.")
    internal: Text | None = internal(None, description="Remarks for staff only. Never exported.")
    policy_exceptions: list[PolicyException] = policy_exceptions()

    @property
    def has_follow_up(self) -> bool:
        return isinstance(self.follow_up, FollowUp)


class Order(Record):
    order_id: Text = factual()
    customer: CustomerId = factual()
    date: dt.date = factual()
    amount: float = factual(allow_inf_nan=False)
    currency: CurrencyCode = factual()
    status: Text = factual()
    title: str = factual("")


class Erasure(Record):
    """That a customer was erased, and on whose request: nothing that identifies the person."""

    id: CustomerId = factual(description="The erased customer's id; the file is named by it.")
    erased: Date = factual(description="When the customer's records were erased.")
    request: Annotated[str, StringConstraints(pattern=REQUEST_REFERENCE)] = factual(
        description="The reference of the erasure request (letters, digits, '.', '_' and '-')."
    )

    def describe(self) -> str:
        """How an erased customer is spoken of wherever they would appear."""
        return f"{self.id} was erased on {self.erased.isoformat()} (request {self.request})"


RECORD_MODELS: tuple[type[Record], ...] = (
    Contacts,
    Preference,
    Flag,
    PolicyException,
    Customer,
    Contact,
    Change,
    Amount,
    FollowUp,
    Note,
    Order,
    Erasure,
)
